// Package convert turns raw scraped article text into Hugo page bundles.
//
// The flow is one direction: Decode → Parse → Enrich → Render → Store. Each
// stage is a plain function over a typed Document; only Store touches the disk.
package convert

import "strings"

// Schema names the JSON shape of a Document printed by `jishi inspect`.
const Schema = "jishi/document/v1"

// Kind is what a block of the body is; its string is the inspect JSON's "kind".
type Kind string

// Block kinds, as they appear in the inspect JSON.
const (
	KindParagraph Kind = "paragraph"
	KindHeading   Kind = "heading"
	KindList      Kind = "list"
	KindTurn      Kind = "turn"
	KindCaption   Kind = "caption"
	KindQuote     Kind = "quote"
	KindCode      Kind = "code"
	KindVerse     Kind = "verse"
)

// kindSpec is the one description of a block kind that every stage reads:
// how its text divides into paragraphs, whether each paragraph carries an
// anchor of its own or the block carries one for all of them, and whether
// dates in it are events.
type kindSpec struct {
	paras     func(b Block) []string
	anchorAll bool // one id for the whole block (a list, a verse, a heading)
	events    bool // dates in it are events (not in code)
}

var kinds = map[Kind]kindSpec{
	KindParagraph: {paras: ownText, events: true},
	KindQuote:     {paras: ownText, events: true},
	KindCaption:   {paras: ownText, events: true},
	KindHeading:   {paras: ownText, events: true, anchorAll: true},
	KindList:      {paras: func(b Block) []string { return b.Items }, events: true, anchorAll: true},
	KindVerse:     {paras: func(b Block) []string { return b.Lines }, events: true, anchorAll: true},
	KindTurn:      {paras: func(b Block) []string { return splitParas(b.Text) }, events: true},
	KindCode:      {paras: ownText},
}

func ownText(b Block) []string { return []string{b.Text} }

// Document is one parsed article: the AST every later stage reads.
type Document struct {
	Schema      string    `json:"schema"`
	File        string    `json:"file"`
	Encoding    string    `json:"encoding"`
	Script      string    `json:"script"`
	Title       string    `json:"title"`
	Part        *int      `json:"part"`
	Parts       int       `json:"-"` // how many parts the marker implies ((中) → 3), 0 when unknown
	Date        *Date     `json:"date"`
	Authors     []string  `json:"authors"`
	Boilerplate []string  `json:"boilerplate"`
	Speakers    []Speaker `json:"speakers"`
	Blocks      []Block   `json:"blocks"`
	Events      []Event   `json:"events"`
	// Slug is the bundle folder name the store gave the Document, when known.
	Slug string `json:"-"`
	// SHA256 is the hex digest of the raw bytes, for provenance and skip-by-hash.
	SHA256 string `json:"sha256"`
	// Consumed are the decoded lines (1-based) taken without a block: title,
	// dateline, bylines and boilerplate. With the blocks' lines, every line.
	Consumed []int `json:"-"`
	// Removed says, for each boilerplate line, where it was and which rule took it.
	Removed []Removal `json:"-"`
	// TitleLine, DateLine and AuthorLines are the lines (1-based) the title,
	// the date and the bylines were read from, 0 or none when not from a line.
	TitleLine, DateLine int   `json:"-"`
	AuthorLines         []int `json:"-"`
	// Credit is the organisation the text credits as its source (由X整理,
	// 來源：X), "" when none: the page's 來源, not an author.
	Credit string `json:"-"`
	// Short holds the short forms the text declares (以下簡稱「林」), each
	// with the name it stands for.
	Short map[string]string `json:"-"`
	// Wrap is the width in columns the text was hard-wrapped at, 0 when
	// it was not; its cut lines were joined into paragraphs.
	Wrap int `json:"-"`
}

// Block is one unit of the article body.
type Block struct {
	Kind     Kind     `json:"kind"`
	Text     string   `json:"text,omitempty"`
	Speaker  string   `json:"speaker,omitempty"`
	Question *bool    `json:"question,omitempty"`
	Ordered  *bool    `json:"ordered,omitempty"`
	Items    []string `json:"items,omitempty"`
	Lines    []string `json:"lines,omitempty"`
	// Colon is what followed a turn's label: its colon (: or ：), after the
	// number of a numbered label (Q1：), shown again on the page.
	Colon string `json:"-"`
	// Start is the number of an ordered list's first item.
	Start int `json:"-"`
	// From and To are the first and last decoded lines (1-based) the block came from.
	From, To int `json:"-"`
}

// Removal is one line removed as boilerplate: its number and the rule's name.
type Removal struct {
	Line int
	Rule string
}

// Speaker is one voice of an interview.
type Speaker struct {
	Label string  `json:"label"`
	Name  *string `json:"name"`
	Role  string  `json:"role"`
}

// Event is one dated happening told in the text.
type Event struct {
	Date string `json:"date"` // YYYY, YYYY-MM or YYYY-MM-DD
	Text string `json:"text"`
	// Block is the index in Document.Blocks of the block that tells the event.
	Block int `json:"block"`
	// Para is the paragraph of that block (a turn or list has several).
	Para int `json:"-"`
}

// Paragraphs returns the prose paragraphs of a block in order: a turn's
// paragraphs, a list's items, or the block's own text.
func (b Block) Paragraphs() []string { return kinds[b.Kind].paras(b) }

// AnchorPara is the paragraph whose id stands for paragraph para of the
// block: itself, or the first when the block has one id for all.
func (b Block) AnchorPara(para int) int {
	if kinds[b.Kind].anchorAll {
		return 0
	}
	return para
}

// IntroEnd is the index of the first block after the intro: the intro is
// what comes before the interview starts (the first turn and the headings
// right above it); without turns, before the first heading; with neither,
// the first block. Speakers are named in it, the summary comes from it, and
// the timeline is placed after it.
func (doc *Document) IntroEnd() int {
	heading := -1
	for i, b := range doc.Blocks {
		switch b.Kind {
		case KindTurn:
			for i > 0 && doc.Blocks[i-1].Kind == KindHeading {
				i--
			}
			return i
		case KindHeading:
			if heading < 0 {
				heading = i
			}
		}
	}
	if heading >= 0 {
		return heading
	}
	return min(1, len(doc.Blocks))
}

// Shown is the text a page must show of the Document, in order: every
// block's text, with each turn's label and colon before it. Fidelity checks
// compare it with a rendered page, modulo whitespace.
func (doc *Document) Shown() string {
	var sb strings.Builder
	for _, b := range doc.Blocks {
		if b.Kind == KindTurn {
			sb.WriteString(b.Speaker + b.Colon)
		}
		for _, p := range b.Paragraphs() {
			sb.WriteString(p)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func boolp(v bool) *bool { return &v }

func strp(s string) *string { return &s }
