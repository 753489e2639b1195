package convert

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Version is written into every bundle's provenance.
const Version = "jishi 0.11"

// Bundle is what Render produces for one article: files of one Hugo page
// bundle, by name, under Dir (section/slug, slash-separated).
type Bundle struct {
	Dir   string
	Files []File
}

// File is one file of a bundle.
type File struct {
	Name string
	Data []byte
	// Twin marks the machine-converted file in the other script; an article
	// whose own file says `twin = false` does not get it.
	Twin bool
	// Timeline is the page's timeline as the site's /timeline/ takes it
	// (nil when it has none), so that it need not be read back.
	Timeline *PageTimeline
}

// RenderOptions say where a bundle goes and what it holds.
type RenderOptions struct {
	Section string // content section, "posts" by default
	Slug    string
	// Twin, when set, converts the article into the other script as a twin file.
	Twin Twinner
	Keep []string // words the twin leaves exactly as written
	// Typeset sets half-width punctuation in Chinese text full-width on
	// the pages (see Typeset).
	Typeset bool
	// Zone is where a date without a time of day is midnight, as Hugo's
	// timeZone reads it: the site timeline orders pages of one day by it
	// (nil: DefaultZone).
	Zone *time.Location
}

// Twinner converts text between scripts (see internal/zhconv).
type Twinner interface {
	ConvertKeeping(s string, keep []string) string
	Name() string
	// Vocabulary reports whether it localises words, not only the script.
	Vocabulary() bool
}

// MinTimelineEvents is how many events an article needs before the
// converter places the timeline shortcode after its intro.
const MinTimelineEvents = 3

// Render writes the Document as a page bundle: TOML front matter and a
// Markdown body in which every character of the text shows literally. A
// twin in the other script is rendered from the same data, its texts
// converted, never from the rendered page.
func Render(doc *Document, ro RenderOptions) Bundle {
	if ro.Section == "" {
		ro.Section = DefaultSection
	}
	name, otherName := PageNames(doc.Script)
	other := "Hans"
	if doc.Script == "Hans" {
		other = "Hant"
	}
	page := doc
	if ro.Typeset {
		page = doc.Typeset()
	}
	data, tl := renderPage(page, ro, Provenance{})
	b := Bundle{Dir: ro.Section + "/" + ro.Slug, Files: []File{{Name: name, Data: data, Timeline: tl}}}
	if ro.Twin != nil {
		tw := doc.mapText(func(s string) string { return ro.Twin.ConvertKeeping(s, ro.Keep) })
		if ro.Typeset {
			tw = tw.Typeset()
		}
		tw.Script = other
		mode := "script"
		if ro.Twin.Vocabulary() {
			mode = "vocabulary"
		}
		page, tl := renderPage(tw, ro, Provenance{Machine: ro.Twin.Name(), TwinMode: mode, TwinOf: name})
		b.Files = append(b.Files, File{Name: otherName, Data: page, Twin: true, Timeline: tl})
	}
	return b
}

// PageNames are the file names of an article's own page in its script and
// of its twin: Traditional is the site's default language (index.md).
func PageNames(script string) (own, twin string) {
	if script == "Hans" {
		return "index.zh-hans.md", "index.md"
	}
	return "index.md", "index.zh-hans.md"
}

// renderPage writes one page of the bundle: front matter, then body; and
// its timeline for the site's.
func renderPage(doc *Document, ro RenderOptions, prov Provenance) ([]byte, *PageTimeline) {
	ids := anchors(doc)
	fm := frontMatter(doc, ro, ids)
	fm.Params.Jishi.Machine, fm.Params.Jishi.TwinMode, fm.Params.Jishi.TwinOf = prov.Machine, prov.TwinMode, prov.TwinOf
	var sb strings.Builder
	sb.Write(marshalFrontMatter(fm))
	writeBody(&sb, doc, ids)
	return []byte(sb.String()), pageTimelineOf(doc, fm.Params.Timeline, ro.Zone)
}

// mapText returns a copy of the Document with every text a reader sees
// passed through f: title, blocks, speakers, authors and events. Source,
// hashes, dates and structure stay as they are.
func (doc *Document) mapText(f func(string) string) *Document {
	d := *doc
	d.Title = f(doc.Title)
	d.Credit = f(doc.Credit)
	d.Authors = mapAll(doc.Authors, f)
	d.Blocks = make([]Block, len(doc.Blocks))
	for i, b := range doc.Blocks {
		if b.Kind != KindCode {
			b.Text = f(b.Text)
			b.Items = mapAll(b.Items, f)
			b.Lines = mapAll(b.Lines, f)
		}
		b.Speaker = f(b.Speaker)
		d.Blocks[i] = b
	}
	d.Speakers = make([]Speaker, len(doc.Speakers))
	for i, sp := range doc.Speakers {
		sp.Label, sp.Role = f(sp.Label), f(sp.Role)
		if sp.Name != nil {
			sp.Name = strp(f(*sp.Name))
		}
		d.Speakers[i] = sp
	}
	d.Events = make([]Event, len(doc.Events))
	for i, e := range doc.Events {
		e.Text = f(e.Text)
		d.Events[i] = e
	}
	return &d
}

func mapAll(in []string, f func(string) string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// title is the page title: the title line, else the start of the text.
func (doc *Document) pageTitle() string {
	if doc.Title != "" {
		return doc.Title
	}
	for _, b := range doc.Blocks {
		for _, p := range b.Paragraphs() {
			if p != "" {
				return clip(p, 30)
			}
		}
	}
	return strings.TrimSuffix(doc.File, ".txt")
}

// Summary is the article's first intro paragraph, cut at a sentence end;
// a paragraph that ends by announcing what follows (…兩個原因：) takes the
// next one with it, so that the summary does not stop on a colon.
func (doc *Document) Summary() string {
	var sum string
	for _, b := range doc.Blocks {
		var p string
		switch b.Kind {
		case KindParagraph, KindQuote:
			p = b.Text
		case KindTurn:
			p = splitParas(b.Text)[0]
		default:
			continue
		}
		sum += p
		if !strings.HasSuffix(sum, ":") && !strings.HasSuffix(sum, "：") || runeLen(sum) >= 160 {
			break
		}
	}
	if sum == "" {
		return ""
	}
	return clip(sum, 160)
}

// clip cuts s to at most n runes, at the last sentence end when there is one.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if cut == n {
			s = s[:i]
			break
		}
		cut++
	}
	if i := strings.LastIndexAny(s, "。！？!?"); i > len(s)/3 {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[:i+size]
	}
	return s + "…"
}

// ReadingMinutes is how long the article takes to read: Han characters at
// 400 a minute and Latin words at 200, at least one minute.
func (doc *Document) ReadingMinutes() int {
	han, words, inWord := 0, 0, false
	for _, r := range doc.Shown() {
		latin := r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		switch {
		case isCJK(r):
			han++
		case latin && !inWord:
			words++
		}
		inWord = latin
	}
	return max(1, (han*3+words*6+1199)/1200) // ceil(han/400 + words/200)
}

// people are the speakers with a name, then the authors: the `people` taxonomy.
func (doc *Document) people() []string {
	var out []string
	for _, sp := range doc.Speakers {
		if sp.Name != nil && !contains(out, *sp.Name) {
			out = append(out, *sp.Name)
		}
	}
	for _, a := range doc.Authors {
		if !contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// frontMatter is the page's front matter from the Document.
func frontMatter(doc *Document, ro RenderOptions, ids map[[2]int]string) FrontMatter {
	fm := FrontMatter{
		Title:   doc.pageTitle(),
		Date:    frontMatterDate(doc.Date),
		Slug:    ro.Slug,
		Authors: nonNil(doc.Authors),
		People:  nonNil(doc.people()),
	}
	// No translationKey: Hugo links the languages of a bundle by their place,
	// and a key here would cut off an index.en.md an author adds without one.
	if s := doc.Summary(); s != "" {
		fm.Summary, fm.Description = escapeInline(s), s
	}
	if doc.Part != nil {
		fm.Series = []string{doc.Title}
		fm.Params.Part, fm.Params.Parts = *doc.Part, doc.Parts
	}
	fm.Params.Script = doc.Script
	fm.Params.Credit = doc.Credit
	fm.Params.ReadingTime = doc.ReadingMinutes()
	for _, sp := range doc.Speakers {
		s := FMSpeaker{Label: sp.Label, Role: sp.Role}
		if sp.Name != nil {
			s.Name = *sp.Name
		}
		fm.Params.Speakers = append(fm.Params.Speakers, s)
	}
	for _, ev := range doc.Events {
		fm.Params.Timeline = append(fm.Params.Timeline, TimelineEntry{Date: ev.Date, Text: ev.Text, Ref: ids[anchorKey(doc, ev)]})
	}
	fm.Params.Jishi = Provenance{Source: doc.File, SHA256: doc.SHA256, Encoding: doc.Encoding, Converter: Version}
	return fm
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// anchorKey is the element an event's link lands on: its block and the
// paragraph of it that carries the id (see Block.AnchorPara).
func anchorKey(doc *Document, ev Event) [2]int {
	return [2]int{ev.Block, doc.Blocks[ev.Block].AnchorPara(ev.Para)}
}

// anchors gives each element that tells an event its id: t- and the
// earliest date it tells. Events are sorted by date, one per date, so the
// first met for an element is its earliest, and no two elements share an id.
func anchors(doc *Document) map[[2]int]string {
	out := map[[2]int]string{}
	for _, e := range doc.Events {
		k := anchorKey(doc, e)
		if _, ok := out[k]; !ok {
			out[k] = "t-" + e.Date
		}
	}
	return out
}

// writeBody renders the blocks, with the timeline shortcode after the intro
// when the article tells enough events.
func writeBody(sb *strings.Builder, doc *Document, ids map[[2]int]string) {
	place := -1
	if len(doc.Events) >= MinTimelineEvents {
		place = doc.IntroEnd()
	}
	for i, b := range doc.Blocks {
		if i == place {
			sb.WriteString("\n{{< timeline />}}\n")
		}
		sb.WriteByte('\n')
		writeBlock(sb, b, func(para int) string { return ids[[2]int{i, para}] })
	}
	if place == len(doc.Blocks) {
		sb.WriteString("\n{{< timeline />}}\n")
	}
}

func writeBlock(sb *strings.Builder, b Block, id func(int) string) {
	idAttr := func(p int) string {
		if s := id(p); s != "" {
			return "#" + s
		}
		return ""
	}
	attrs := func(parts ...string) {
		var kept []string
		for _, p := range parts {
			if p != "" {
				kept = append(kept, p)
			}
		}
		if len(kept) > 0 {
			sb.WriteString("{" + strings.Join(kept, " ") + "}\n")
		}
	}
	switch b.Kind {
	case KindHeading:
		// A heading that tells an event takes the event's id as its own, in
		// goldmark's heading attribute; others keep Hugo's id from the text.
		sb.WriteString("## " + escapeInline(b.Text))
		if s := id(0); s != "" {
			sb.WriteString(" {#" + s + "}")
		}
		sb.WriteByte('\n')
	case KindParagraph:
		sb.WriteString(escapeInline(b.Text) + "\n")
		attrs(idAttr(0))
	case KindQuote:
		sb.WriteString("> " + escapeInline(b.Text) + "\n")
		attrs(idAttr(0))
	case KindCaption:
		sb.WriteString(escapeInline(b.Text) + "\n")
		attrs(".caption", idAttr(0))
	case KindList:
		for j, item := range b.Items {
			if *b.Ordered {
				sb.WriteString(strconv.Itoa(b.Start+j) + ". ")
			} else {
				sb.WriteString("- ")
			}
			sb.WriteString(escapeInline(item) + "\n")
		}
		attrs(idAttr(0))
	case KindVerse:
		for j, l := range b.Lines {
			esc := escapeInline(l)
			sb.WriteString(esc)
			switch {
			case j == len(b.Lines)-1:
			case strings.HasSuffix(esc, `\\`):
				// goldmark reads \\\ at a line end as an escaped backslash and a
				// literal one, not a break: the two-space hard break then.
				sb.WriteString("  ")
			default:
				sb.WriteString(`\`)
			}
			sb.WriteByte('\n')
		}
		attrs(".verse", idAttr(0))
	case KindCode:
		sb.WriteString(codeBlock(b.Text))
	case KindTurn:
		speaker := "data-speaker=" + attr(b.Speaker)
		q := ""
		if b.Question != nil && *b.Question {
			q = `data-question=""`
		}
		for j, para := range splitParas(b.Text) {
			if j > 0 {
				sb.WriteByte('\n')
				sb.WriteString(escapeInline(para) + "\n")
				attrs(".turn-more", idAttr(j), speaker, q)
				continue
			}
			// The colon goes after the closing **: CommonMark does not close
			// emphasis between punctuation and a letter (**劉聰:**定).
			// A numbered label's number is part of the label shown (**Q1**：).
			// An answer the text left unlabelled shows no label.
			if b.Speaker != "" {
				num := strings.TrimRight(b.Colon, ":： ")
				sb.WriteString("**" + escapeInline(b.Speaker) + num + "**" + b.Colon[len(num):])
			}
			sb.WriteString(escapeInline(para) + "\n")
			attrs(".turn", idAttr(j), speaker, q)
		}
	}
}
