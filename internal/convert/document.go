// Package convert turns raw scraped article text into Hugo page bundles.
//
// The flow is one direction: Decode → Parse → Enrich → Render → Store. Each
// stage is a plain function over a typed Document; only Store touches the disk.
package convert

import "strings"

// Schema names the JSON shape of a Document printed by `jishi inspect`.
const Schema = "jishi/document/v1"

// Block kinds, as they appear in the inspect JSON.
const (
	KindParagraph = "paragraph"
	KindHeading   = "heading"
	KindList      = "list"
	KindTurn      = "turn"
	KindCaption   = "caption"
	KindQuote     = "quote"
	KindCode      = "code"
	KindVerse     = "verse"
)

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
}

// Block is one unit of the article body.
type Block struct {
	Kind     string   `json:"kind"`
	Text     string   `json:"text,omitempty"`
	Speaker  string   `json:"speaker,omitempty"`
	Question *bool    `json:"question,omitempty"`
	Ordered  *bool    `json:"ordered,omitempty"`
	Items    []string `json:"items,omitempty"`
	Lines    []string `json:"lines,omitempty"`
	// Colon is the colon that followed a turn's label (: or ：), shown again on the page.
	Colon string `json:"-"`
	// Start is the number of an ordered list's first item.
	Start int `json:"-"`
	// From and To are the first and last decoded lines (1-based) the block came from.
	From, To int `json:"-"`
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
func (b Block) Paragraphs() []string {
	switch b.Kind {
	case KindList:
		return b.Items
	case KindVerse:
		return b.Lines
	case KindTurn:
		return splitParas(b.Text)
	}
	return []string{b.Text}
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
