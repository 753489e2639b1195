package convert

import "time"

// Options tune parsing and rendering to a site.
type Options struct {
	Zone     *time.Location
	Patterns Patterns
	Twins    bool // write a twin in the other script beside each article
	// TwinVocabulary: twins also take the other region's words (OpenCC's
	// s2twp/tw2sp), not only its script and character variants.
	TwinVocabulary bool
	Glossary       Glossary
	// Typeset: pages set the half-width punctuation a scrape left in
	// Chinese text full-width (see Typeset); the Document keeps it.
	Typeset bool
	// Settings is a digest of the jishi.toml the options were read from,
	// "" for the defaults: pages written under other settings are stale.
	Settings string
}

// DefaultOptions are the options of a site with no jishi.toml.
func DefaultOptions() Options {
	return Options{Zone: DefaultZone, Patterns: DefaultPatterns(), Twins: true, Typeset: true}
}

// Claim is what a rule takes from the lines it is offered, as goldmark's
// BlockParser.Open returns a node: how many lines, and what they become.
// Rules only claim; the loop (classify) applies claims to the Document.
type Claim struct {
	Lines  int     // lines taken, at least 1
	Blocks []Block // blocks made: a merged question and answer makes two
	// Opens: the last block is an answer that unlabelled paragraphs after it continue.
	Opens bool
	// Continues: the lines are one more paragraph of the open answer
	// (Blocks is empty); Para is its text when the lines were joined.
	Continues bool
	Para      string
	// Removed names the rule when the lines are removed as boilerplate.
	Removed string
	// Authors are the people a credit line names; the line is consumed.
	Authors []string
	// Title and Date are header facts; their line is consumed.
	Title *Title
	Date  *Date
}

// Title is the headline without its part marker, and the part it marks.
type Title struct {
	Text        string
	Part, Parts int
}

// phase says where in the file a rule may claim: the header (title,
// dateline, what stands around them) is the first phase of one table.
type phase uint8

const (
	inHeader phase = 1 << iota
	inBody
)

// rule is one shape of raw text. claim returns ok=false to pass.
type rule struct {
	name   string
	phases phase
	claim  func(c *ctx, ls []line) (Claim, bool)
}

// rules in priority order: the first that claims a line decides it.
// Header facts first, then furniture, then shapes of several lines, then
// shapes of one line, and prose last.
var rules = []rule{
	{"dateline", inHeader, claimDateline},
	{"title", inHeader, claimTitle},
	{"wrapper", inHeader, claimWrapper},
	{"byline", inHeader | inBody, claimByline},
	{"promo", inHeader, claimPromo},
	{"trailer", inBody, claimTrailer},
	{"signature", inBody, claimSignature},
	{"edition", inHeader | inBody, claimEdition},
	{"outlet", inHeader | inBody, claimOutlet},
	{"wire", inHeader | inBody, claimWireSlug},
	{"retitle", inBody, claimRetitle},
	{"furniture", inHeader | inBody, claimFurniture},
	{"markup", inBody, claimMarkup},
	{"list", inBody, claimList},
	{"code", inBody, claimCode},
	{"verse", inBody, claimVerse},
	{"caption", inBody, claimCaption},
	{"heading", inBody, claimHeading},
	{"turn", inBody, claimTurn},
	{"answer", inBody, claimAnswer},
	{"quote", inBody, claimQuote},
	{"paragraph", inBody, claimParagraph},
}

// ctx is what rules may read while claiming: the options, the header's
// plan, the speaker labels of the body, and the state the loop keeps.
type ctx struct {
	opt    Options
	head   headerPlan
	labels labelSet
	open   bool // an answer is open: unlabelled paragraphs continue it
	blocks int  // blocks made so far
	code   *codeRuns
	// onePerLine: prose paragraphs stand on lines of their own without
	// blank lines between them, so short lines in a row are no verse.
	onePerLine bool
	// wrap is the width the text was hard-wrapped at, 0 when it was not.
	wrap int
	// markdown: the text marks its structure in Markdown (see markdownText).
	markdown bool
	// title is the headline the header found, "" before or without one.
	title string
	// asked: the last block is a question, in an interview whose answers
	// carry no label (claimAnswer).
	asked bool
	// afterRemoved: the line before was removed as furniture.
	afterRemoved bool
}

// Parse classifies decoded text into a Document: the header phase (title,
// dateline, bylines, promotional lines), then the body phase, one claim at a
// time. It returns a NoArticleError when nothing but a title or boilerplate
// is left.
func Parse(file, text, enc string, opt Options) (*Document, error) {
	if opt.Zone == nil {
		opt.Zone = DefaultZone
	}
	doc := &Document{
		Schema: Schema, File: file, Encoding: enc,
		Authors: []string{}, Boilerplate: []string{}, Speakers: []Speaker{}, Blocks: []Block{}, Events: []Event{},
	}
	ls := splitLines(text)
	if len(ls) == 0 {
		return nil, &NoArticleError{Reason: ReasonEmpty}
	}
	c := &ctx{opt: opt, head: planHeader(ls, opt)}
	var body []line
	if n := c.head.end + 1; n > 0 {
		// Lines of the header no header rule claims (a subtitle, a lead
		// between title and dateline) are body.
		body = classify(c, doc, ls[:n], inHeader)
		ls = ls[n:]
	}
	body = append(body, ls...)
	doc.Short = shortFor(text)
	c.labels = scanLabels(body, doc.Short)
	c.code = newCodeRuns(body)
	c.onePerLine = onePerLine(body)
	c.wrap = wrapWidth(body)
	c.markdown = markdownText(body)
	doc.Wrap = c.wrap
	classify(c, doc, body, inBody)
	if len(doc.Blocks) == 0 {
		return nil, &NoArticleError{Reason: ReasonNoContent}
	}
	if what := notAnArticle(doc, text); what != "" {
		return nil, &NoArticleError{Reason: ReasonNoContent, Detail: what}
	}
	doc.Script = detectScript(text)
	return doc, nil
}

// classify offers the lines to the rules of a phase and applies each claim.
// In the header phase a line no rule claims is returned for the body.
func classify(c *ctx, doc *Document, ls []line, ph phase) (left []line) {
	var more []string // paragraphs of the open answer, joined when it closes
	openAt := -1
	closeOpen := func() {
		if openAt >= 0 && len(more) > 0 {
			b := &doc.Blocks[openAt]
			b.Text = joinParas(b.Text, more)
		}
		more, openAt = more[:0], -1
		c.open = false
	}
	defer closeOpen()
	for i := 0; i < len(ls); {
		var cl Claim
		var name string
		claimed := false
		for _, r := range rules {
			if r.phases&ph == 0 {
				continue
			}
			if cl, claimed = r.claim(c, ls[i:]); claimed {
				name = r.name
				break
			}
		}
		if !claimed {
			left = append(left, ls[i])
			i++
			continue
		}
		taken := ls[i : i+cl.Lines]
		i += cl.Lines
		c.afterRemoved = cl.Removed != ""
		switch {
		case cl.Continues:
			para := cl.Para
			if para == "" {
				para = taken[0].text
			}
			more = append(more, para)
			doc.Blocks[openAt].To = taken[len(taken)-1].no
		case len(cl.Blocks) > 0:
			closeOpen()
			for _, b := range cl.Blocks {
				if b.From == 0 {
					b.From, b.To = taken[0].no, taken[len(taken)-1].no
				}
				doc.Blocks = append(doc.Blocks, b)
			}
			c.blocks = len(doc.Blocks)
			last := doc.Blocks[len(doc.Blocks)-1]
			c.asked = last.Kind == KindTurn && last.Question != nil && *last.Question && c.labels.asksOnly
			if cl.Opens {
				openAt, c.open = len(doc.Blocks)-1, true
			}
		default:
			for _, l := range taken {
				doc.Consumed = append(doc.Consumed, l.no)
				if cl.Removed != "" {
					doc.Boilerplate = append(doc.Boilerplate, l.raw)
					doc.Removed = append(doc.Removed, Removal{Line: l.no, Rule: name})
				}
			}
			for _, a := range cl.Authors {
				if !contains(doc.Authors, a) {
					doc.Authors = append(doc.Authors, a)
				}
			}
			if len(cl.Authors) > 0 {
				doc.AuthorLines = append(doc.AuthorLines, taken[0].no)
			}
			if cl.Title != nil {
				c.title = cl.Title.Text
				doc.TitleLine = taken[0].no
				doc.Title, doc.Parts = cl.Title.Text, cl.Title.Parts
				if cl.Title.Part > 0 {
					doc.Part = &cl.Title.Part
				}
			}
			if cl.Date != nil {
				doc.Date, doc.DateLine = cl.Date, taken[0].no
			}
		}
	}
	return left
}

// joinParas joins an answer's first paragraph and those that continue it.
func joinParas(first string, more []string) string {
	n := len(first)
	for _, m := range more {
		n += 2 + len(m)
	}
	buf := make([]byte, 0, n)
	buf = append(buf, first...)
	for _, m := range more {
		buf = append(buf, "\n\n"...)
		buf = append(buf, m...)
	}
	return string(buf)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
