package convert

import (
	"regexp"
	"strings"
	"unicode"
)

// parser classifies body lines into blocks. Rules are tried in priority
// order; the first that claims a line (or a run of lines) decides it.
type parser struct {
	doc    *Document
	opt    Options
	labels labelSet
	open   int    // index in doc.Blocks of the answer turn that unlabelled paragraphs continue, or -1
	cur    []line // the lines the running rule was offered
}

// rule claims the run of lines starting at ls[0] and returns how many it
// took, or 0 to pass.
type rule func(p *parser, ls []line) int

// rules in priority order: furniture first, then multi-line shapes, then
// single-line shapes, and prose last.
var rules = []rule{
	(*parser).trailer,
	(*parser).furniture,
	(*parser).credit,
	(*parser).list,
	(*parser).code,
	(*parser).verse,
	(*parser).caption,
	(*parser).heading,
	(*parser).turn,
	(*parser).quote,
	(*parser).paragraph,
}

func (p *parser) body(ls []line) {
	for i := 0; i < len(ls); {
		for _, r := range rules {
			p.cur = ls[i:]
			blocks, openTo := len(p.doc.Blocks), -1
			if p.open >= 0 {
				openTo = p.doc.Blocks[p.open].To
			}
			n := r(p, ls[i:])
			if n == 0 {
				continue
			}
			extended := p.open >= 0 && p.doc.Blocks[p.open].To != openTo
			if len(p.doc.Blocks) == blocks && !extended {
				for _, l := range ls[i : i+n] {
					p.doc.Consumed = append(p.doc.Consumed, l.no)
				}
			}
			i += n
			break
		}
	}
}

// add appends a block made of the first n offered lines (n is 1 unless the
// rule set From/To itself).
func (p *parser) add(b Block) {
	if b.From == 0 {
		b.From, b.To = p.cur[0].no, p.cur[0].no
	}
	p.doc.Blocks = append(p.doc.Blocks, b)
	p.open = -1
}

// span sets a block's source lines to the first n offered lines.
func (p *parser) span(b Block, n int) Block {
	b.From, b.To = p.cur[0].no, p.cur[n-1].no
	return b
}

// trailer: 延伸閱讀 and the related titles under it are site furniture.
func (p *parser) trailer(ls []line) int {
	if !matchAny(p.opt.Patterns.Trailer, ls[0].text) {
		return 0
	}
	n := 1
	for n < len(ls) && (runeLen(ls[n].text) <= 60 && !endsWithPunct(ls[n].text) || matchAny(p.opt.Patterns.Line, ls[n].text)) {
		n++
	}
	for _, l := range ls[:n] {
		p.doc.Boilerplate = append(p.doc.Boilerplate, l.raw)
	}
	return n
}

// furniture: 責任編輯, 來源, 版權聲明 and the editor's own patterns.
func (p *parser) furniture(ls []line) int {
	if !matchAny(p.opt.Patterns.Line, ls[0].text) {
		return 0
	}
	p.doc.Boilerplate = append(p.doc.Boilerplate, ls[0].raw)
	return 1
}

// credit: a byline or credit line in the body (記錄整理:…) names authors.
func (p *parser) credit(ls []line) int {
	if p.labels.at(ls[0].text) != "" || !addByline(p.doc, ls[0].text) {
		return 0
	}
	return 1
}

// listItem reads a list marker: its family, its number (0 for bullets) and
// the item text after marker and indentation.
var listMarkers = []struct {
	family string
	re     *regexp.Regexp
}{
	{"dot", regexp.MustCompile(`^([0-9０-９]{1,3})[.．](?:\s*)`)},
	{"dun", regexp.MustCompile(`^([0-9０-９]{1,3})[、)）](?:\s*)`)},
	{"paren", regexp.MustCompile(`^[(（]([0-9０-９]{1,3})[)）](?:\s*)`)},
	{"cjk", regexp.MustCompile(`^([一二三四五六七八九十]{1,3})[、.．](?:\s*)`)},
	{"cjkparen", regexp.MustCompile(`^[(（]([一二三四五六七八九十]{1,3})[)）](?:\s*)`)},
	{"circled", regexp.MustCompile(`^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])(?:\s*)`)},
	{"bullet", regexp.MustCompile(`^([•・·‧●○■□◆◇▪▸►✓✔※])(?:\s*)`)},
	{"dash", regexp.MustCompile(`^([-*+])(?:\s+)`)},
}

func listItem(l line) (family string, num int, text string, ok bool) {
	for _, m := range listMarkers {
		family = m.family
		loc := m.re.FindStringSubmatchIndex(l.text)
		if loc == nil || loc[1] == len(l.text) {
			continue
		}
		mark := l.text[loc[2]:loc[3]]
		switch m.family {
		case "circled":
			num = int([]rune(mark)[0]-'①') + 1
		case "bullet", "dash":
			num = 0
			family += mark // a list keeps one bullet: "-" then "*" are two lines of prose
		default:
			num = cjkNumber(mark)
		}
		return family, num, l.text[loc[1]:], true
	}
	return "", 0, "", false
}

// list: two or more items of one marker family, numbered in sequence, with
// at most one blank line between them. A lone "1." line is prose.
func (p *parser) list(ls []line) int {
	fam, num, text, ok := listItem(ls[0])
	if !ok || p.labels.at(ls[0].text) != "" {
		return 0
	}
	items := []string{text}
	n := 1
	for n < len(ls) && ls[n].gap <= 1 {
		f, k, t, ok := listItem(ls[n])
		if !ok || f != fam || (num > 0 && k != num+n) {
			break
		}
		items = append(items, t)
		n++
	}
	if n < 2 {
		return 0
	}
	p.add(p.span(Block{Kind: KindList, Ordered: boolp(num > 0), Items: items, Start: num}, n))
	return n
}

// code: lines indented by four spaces or a tab whose content reads as code.
func (p *parser) code(ls []line) int {
	n := 0
	for n < len(ls) && (n == 0 || ls[n].gap <= 1) && codeIndent(ls[n].raw) {
		n++
	}
	if n == 0 || !looksLikeCode(ls[:n]) {
		return 0
	}
	indent := len(ls[0].raw)
	for _, l := range ls[:n] {
		indent = min(indent, len(l.raw)-len(strings.TrimLeft(l.raw, " \t")))
	}
	var sb strings.Builder
	for i, l := range ls[:n] {
		if i > 0 {
			sb.WriteString(strings.Repeat("\n", l.gap+1))
		}
		sb.WriteString(strings.TrimRightFunc(l.raw[indent:], isSpace))
	}
	p.add(p.span(Block{Kind: KindCode, Text: sb.String()}, n))
	return n
}

func codeIndent(raw string) bool {
	return strings.HasPrefix(raw, "\t") || strings.HasPrefix(raw, "    ")
}

// looksLikeCode: mostly ASCII, and with the punctuation programs are made of.
func looksLikeCode(ls []line) bool {
	var ascii, all int
	sym := false
	for _, l := range ls {
		for _, r := range l.text {
			if unicode.IsSpace(r) {
				continue
			}
			all++
			if r < 0x80 {
				ascii++
			}
			if strings.ContainsRune("{}();=<>[]$#/", r) {
				sym = true
			}
		}
	}
	return sym && ascii*10 >= all*8
}

// verseLine is the length below which consecutive lines read as verse.
const verseLine = 16

// verse: two or more short lines with no blank line between them.
func (p *parser) verse(ls []line) int {
	n := 0
	for n < len(ls) && (n == 0 || ls[n].gap == 0) && runeLen(ls[n].text) <= verseLine && p.labels.at(ls[n].text) == "" {
		if _, _, _, item := listItem(ls[n]); item {
			break
		}
		n++
	}
	if n < 2 {
		return 0
	}
	lines := make([]string, n)
	for i, l := range ls[:n] {
		lines[i] = l.text
	}
	p.add(p.span(Block{Kind: KindVerse, Lines: lines}, n))
	return n
}

// wideGap is how many blank lines a removed image leaves.
const wideGap = 3

// standalone: a short line with no closing punctuation and a blank line
// after it (or the end of the file).
func (p *parser) standalone(ls []line, limit int) bool {
	t := ls[0].text
	return runeLen(t) <= limit && !endsWithPunct(t) && p.labels.at(t) == "" && hasWord(t) &&
		(len(ls) == 1 || ls[1].gap > 0)
}

// caption: a short line right after a removed image. It ends a turn.
func (p *parser) caption(ls []line) int {
	if ls[0].gap < wideGap || !p.standalone(ls, 40) {
		return 0
	}
	p.add(Block{Kind: KindCaption, Text: ls[0].text})
	return 1
}

// heading: a short line after a normal blank line, not a sentence.
func (p *parser) heading(ls []line) int {
	t := ls[0].text
	if ls[0].gap == 0 && len(p.doc.Blocks) > 0 || !p.standalone(ls, 30) || isQuotation(t) || bracketed(t) {
		return 0
	}
	p.add(Block{Kind: KindHeading, Text: t})
	return 1
}

func bracketed(s string) bool {
	return wrappedIn(s, "(", ")") || wrappedIn(s, "（", "）") || wrappedIn(s, "【", "】") || wrappedIn(s, "[", "]")
}

// turn: a labelled line; a merged question and answer is split into two.
func (p *parser) turn(ls []line) int {
	t := ls[0].text
	label := p.labels.at(t)
	if label == "" {
		return 0
	}
	for _, piece := range p.labels.split(t) {
		q := p.labels.question(piece.label)
		p.add(Block{Kind: KindTurn, Speaker: piece.label, Question: boolp(q), Text: piece.text, Colon: piece.colon})
		if !q {
			p.open = len(p.doc.Blocks) - 1
		}
	}
	return 1
}

// quote: a paragraph wholly inside 「」 or “”, outside a turn.
func (p *parser) quote(ls []line) int {
	if p.open >= 0 || !isQuotation(ls[0].text) {
		return 0
	}
	p.add(Block{Kind: KindQuote, Text: ls[0].text})
	return 1
}

// paragraph: prose; after an answer it continues the answer.
func (p *parser) paragraph(ls []line) int {
	if p.open >= 0 {
		b := &p.doc.Blocks[p.open]
		b.Text += "\n\n" + ls[0].text
		b.To = ls[0].no
		return 1
	}
	p.add(Block{Kind: KindParagraph, Text: ls[0].text})
	return 1
}

// hasWord: a line with a letter or digit in it (--- and +++ have none).
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
