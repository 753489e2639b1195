package convert

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Version is written into every bundle's provenance.
const Version = "jishi 0.5"

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
}

// RenderOptions say where a bundle goes and what it holds.
type RenderOptions struct {
	Section string // content section, "posts" by default
	Slug    string
	// Twin, when set, converts the article into the other script as a twin file.
	Twin Twinner
	Keep []string // words the twin leaves exactly as written
}

// Twinner converts text between scripts (see internal/zhconv).
type Twinner interface {
	ConvertKeeping(s string, keep []string) string
	Name() string
}

// MinTimelineEvents is how many events an article needs before the
// converter places the timeline shortcode after its intro.
const MinTimelineEvents = 3

// Render writes the Document as a page bundle: TOML front matter and a
// Markdown body in which every character of the text shows literally.
func Render(doc *Document, ro RenderOptions) Bundle {
	if ro.Section == "" {
		ro.Section = "posts"
	}
	name := "index.md"
	if doc.Script == "Hans" {
		name = "index.zh-hans.md"
	}
	var sb strings.Builder
	ids := anchors(doc)
	writeFrontMatter(&sb, doc, ro, ids)
	writeBody(&sb, doc, ids)
	b := Bundle{Dir: ro.Section + "/" + ro.Slug, Files: []File{{Name: name, Data: []byte(sb.String())}}}
	if ro.Twin != nil {
		b.Files = append(b.Files, twin(sb.String(), doc.Script, name, ro))
	}
	return b
}

// twin converts a rendered page into the other script. OpenCC only maps
// Chinese phrases, so Markdown, TOML keys, ids and ASCII pass through; the
// front matter then says which script the twin is in and that a machine
// made it from which file.
func twin(page, script, source string, ro RenderOptions) File {
	other, name := "Hans", "index.zh-hans.md"
	if script == "Hans" {
		other, name = "Hant", "index.md"
	}
	out := ro.Twin.ConvertKeeping(page, ro.Keep)
	out = strings.Replace(out, "\nscript = "+tomlQuote(script)+"\n", "\nscript = "+tomlQuote(other)+"\n", 1)
	out = strings.Replace(out, "\n[params.jishi]\n", "\n[params.jishi]\nmachine = "+tomlQuote(ro.Twin.Name())+"\ntwinOf = "+tomlQuote(source)+"\n", 1)
	return File{Name: name, Data: []byte(out), Twin: true}
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

// Summary is the article's first intro paragraph, cut at a sentence end.
func (doc *Document) Summary() string {
	for _, b := range doc.Blocks {
		switch b.Kind {
		case KindParagraph, KindQuote:
			return clip(b.Text, 160)
		case KindTurn:
			return clip(splitParas(b.Text)[0], 160)
		}
	}
	return ""
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

func writeFrontMatter(sb *strings.Builder, doc *Document, ro RenderOptions, ids map[[2]int]string) {
	w := tomlWriter{sb}
	sb.WriteString("+++\n")
	w.str("title", doc.pageTitle())
	if doc.Date != nil {
		fmt.Fprintf(sb, "date = %s\n", doc.Date.String())
	}
	w.str("slug", ro.Slug)
	// No translationKey: Hugo links the languages of a bundle by their place,
	// and a key here would cut off an index.en.md an author adds without one.
	if s := doc.Summary(); s != "" {
		w.str("summary", escapeInline(s))
		w.str("description", s)
	}
	w.list("authors", doc.Authors)
	w.list("people", doc.people())
	if doc.Part != nil {
		w.list("series", []string{doc.Title})
	}
	sb.WriteString("\n[params]\n")
	if doc.Part != nil {
		fmt.Fprintf(sb, "part = %d\n", *doc.Part)
		if doc.Parts > 0 {
			fmt.Fprintf(sb, "parts = %d\n", doc.Parts)
		}
	}
	w.str("script", doc.Script)
	fmt.Fprintf(sb, "readingTime = %d\n", doc.ReadingMinutes())
	for _, sp := range doc.Speakers {
		sb.WriteString("\n[[params.speakers]]\n")
		w.str("label", sp.Label)
		if sp.Name != nil {
			w.str("name", *sp.Name)
		}
		w.str("role", sp.Role)
	}
	for _, ev := range doc.Events {
		sb.WriteString("\n[[params.timeline]]\n")
		w.str("date", ev.Date)
		w.str("text", ev.Text)
		w.str("ref", ids[[2]int{ev.Block, ev.Para}])
	}
	sb.WriteString("\n[params.jishi]\n")
	w.str("source", doc.File)
	w.str("sha256", doc.SHA256)
	w.str("encoding", doc.Encoding)
	w.str("converter", Version)
	sb.WriteString("+++\n")
}

// anchors gives each paragraph that tells an event its id: t- and the
// earliest date it tells. Events are sorted by date, one per date, so the
// first met for a paragraph is its earliest, and no two paragraphs share an id.
func anchors(doc *Document) map[[2]int]string {
	out := map[[2]int]string{}
	for _, e := range doc.Events {
		k := [2]int{e.Block, e.Para}
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
		place = introEnd(doc)
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

// introEnd is the index of the first heading or turn: where the intro ends.
// An article with neither has a one-paragraph intro.
func introEnd(doc *Document) int {
	for i, b := range doc.Blocks {
		if b.Kind == KindHeading || b.Kind == KindTurn {
			return i
		}
	}
	return min(1, len(doc.Blocks))
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
		sb.WriteString("## " + escapeInline(b.Text) + "\n")
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
	case KindVerse:
		for j, l := range b.Lines {
			sb.WriteString(escapeInline(l))
			if j < len(b.Lines)-1 {
				sb.WriteString("\\")
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
			sb.WriteString("**" + escapeInline(b.Speaker) + "**" + b.Colon + escapeInline(para) + "\n")
			attrs(".turn", idAttr(j), speaker, q)
		}
	}
}

// tomlWriter writes TOML key/value lines with exact string escaping.
type tomlWriter struct{ sb *strings.Builder }

func (w tomlWriter) str(key, val string) {
	w.sb.WriteString(key + " = " + tomlQuote(val) + "\n")
}

func (w tomlWriter) list(key string, vals []string) {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = tomlQuote(v)
	}
	w.sb.WriteString(key + " = [" + strings.Join(q, ", ") + "]\n")
}

// tomlQuote writes a TOML basic string: quotes, backslashes and control
// characters escaped, everything else as is.
func tomlQuote(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			sb.WriteString(`\"`)
		case r == '\\':
			sb.WriteString(`\\`)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\t':
			sb.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&sb, `\u%04X`, r)
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}
