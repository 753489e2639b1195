package convert

import (
	"time"
)

// Options tune parsing and rendering to a site.
type Options struct {
	Zone     *time.Location
	Patterns Patterns
	Twins    bool // write a twin in the other script beside each article
	Glossary Glossary
}

// DefaultOptions are the options of a site with no jishi.toml.
func DefaultOptions() Options {
	return Options{Zone: DefaultZone, Patterns: DefaultPatterns(), Twins: true}
}

// Parse classifies decoded text into a Document: header (title, dateline,
// bylines, promotional lines), then one block per body unit. It returns a
// NoArticleError when nothing but a title or boilerplate is left.
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
		return nil, &NoArticleError{ReasonEmpty}
	}
	body := parseHeader(doc, ls, opt)
	p := &parser{doc: doc, opt: opt, open: -1, labels: scanLabels(body)}
	p.body(body)
	if len(doc.Blocks) == 0 {
		return nil, &NoArticleError{ReasonNoContent}
	}
	doc.Script = detectScript(text)
	return doc, nil
}

// parseHeader fills title, part, date, header bylines and promotional
// boilerplate, and returns the lines of the body. The title is the headline
// nearest above the dateline; without a dateline, the first headline-like
// line after any promotional lines.
func parseHeader(doc *Document, ls []line, opt Options) []line {
	head := min(len(ls), 12)
	dl := -1
	for i := range head {
		if d, ok := ParseDateline(ls[i].text, opt.Zone); ok {
			doc.Date, dl = &d, i
			break
		}
	}
	furniture := func(s string) bool {
		_, by := parseByline(s)
		return by || matchAny(opt.Patterns.Line, s)
	}
	title := -1
	if dl >= 0 {
		for i := dl - 1; i >= 0 && title < 0; i-- {
			if !furniture(ls[i].text) && looksLikeTitle(ls[i].text) {
				title = i
			}
		}
		if title < 0 && dl+1 < len(ls) && looksLikeTitle(ls[dl+1].text) && !endsWithPunct(ls[dl+1].text) {
			title = dl + 1
		}
	} else {
		for i := 0; i < min(head, 5) && title < 0; i++ {
			t := ls[i].text
			switch {
			case furniture(t):
			case matchAny(opt.Patterns.Promo, t) && (runeLen(t) > 40 || !looksLikeTitle(t)):
			case looksLikeTitle(t) && !endsWithPunct(t):
				title = i
			default:
				i = head // prose before any headline: the file has no title line
			}
		}
	}
	end := max(dl, title) // last header line
	var body []line
	for i := 0; i <= end; i++ {
		t := ls[i].text
		switch {
		case i == dl:
		case i == title:
			full, part, parts := splitTitle(t)
			doc.Title, doc.Parts = full, parts
			if part > 0 {
				doc.Part = &part
			}
		case addByline(doc, t):
		case i < title || matchAny(opt.Patterns.Line, t):
			doc.Boilerplate = append(doc.Boilerplate, ls[i].raw)
		default:
			body = append(body, ls[i]) // a subtitle or lead between title and dateline is content
			continue
		}
		doc.Consumed = append(doc.Consumed, ls[i].no)
	}
	return append(body, ls[end+1:]...)
}

// addByline records the names of a credit line and reports whether it was one.
func addByline(doc *Document, s string) bool {
	names, ok := parseByline(s)
	if !ok || len(names) == 0 {
		return false // an organisation's credit names no author: it stays as text
	}
	for _, n := range names {
		if !contains(doc.Authors, n) {
			doc.Authors = append(doc.Authors, n)
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
