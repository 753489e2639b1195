package convert

import (
	"strings"
	"unicode/utf8"
)

// Markdown archives and BBS posts written in Markdown mark their structure
// with ATX headings (## 小標), quotation lines (> 原文) and thematic breaks
// (---). The marks are the structure; the text is what follows them.

// atxHeading returns the text of an ATX heading line: one to six #, a
// space, the text, and optionally closing #s.
func atxHeading(t string) (string, bool) {
	n := 0
	for n < len(t) && n < 7 && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(t) || t[n] != ' ' && t[n] != '\t' {
		return "", false
	}
	text := strings.TrimSpace(t[n:])
	if closed := strings.TrimRight(text, "#"); closed != text && (closed == "" || strings.HasSuffix(closed, " ")) {
		text = strings.TrimSpace(closed)
	}
	return text, text != "" && hasWord(text) && !sentenceEnd(text)
}

// sentenceEnd: text that ends with a sentence's or clause's end (。 . ! ;
// ,): a # before it does not make it a heading (a heading may ask, ？),
// and a line a wrap cut seldom ends so.
func sentenceEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。．.!！;；,，、", r)
}

// thematicBreak: a line of three or more -, * or _ (spaces between allowed),
// or the ＊＊＊ and ◆◆◆ that Chinese layouts set between sections.
func thematicBreak(t string) bool {
	var mark rune
	n := 0
	for _, r := range t {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000':
			continue
		case mark == 0 && strings.ContainsRune("-*_＊◆◇※~～", r):
			mark = r
		case r != mark:
			return false
		}
		n++
	}
	return n >= 3
}

// quoteMark returns the text after a Markdown quotation mark (> ).
func quoteMark(t string) (string, bool) {
	if !strings.HasPrefix(t, ">") {
		return "", false
	}
	return strings.TrimSpace(t[1:]), true
}

// markdownText: a text written in Markdown marks its sections with two or
// more ATX headings. Only there are the marks structure; elsewhere a line
// that merely looks like Markdown is prose.
func markdownText(ls []line) bool {
	n := 0
	for _, l := range ls {
		if _, ok := atxHeading(l.text); ok {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// codeFence returns the fence a line opens or closes code with (``` or ~~~,
// three or more, an info string after an opening one).
func codeFence(t string) (string, bool) {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(t, f) {
			n := len(t) - len(strings.TrimLeft(t, f[:1]))
			// The info string names a language (```go); text after the
			// marks is no fence.
			info := strings.TrimSpace(t[n:])
			if len(info) > 16 || strings.IndexFunc(info, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+-_#.", r))
			}) >= 0 {
				return "", false
			}
			return t[:n], true
		}
	}
	return "", false
}

// claimFenced: code between a fence and the closing fence that matches it,
// kept exactly (an author marked it as code, in Markdown or not).
func claimFenced(ls []line) (Claim, bool) {
	open, ok := codeFence(ls[0].text)
	if !ok {
		return Claim{}, false
	}
	end := -1
	for i := 1; i < len(ls); i++ {
		if f, ok := codeFence(ls[i].text); ok && ls[i].text == f && len(f) >= len(open) && f[0] == open[0] {
			end = i
			break
		}
	}
	if end < 0 {
		return Claim{}, false
	}
	// The fence's own indentation is the code's too (a fence in a list item).
	text := codeText(ls[1:end], len(ls[0].raw)-len(strings.TrimLeft(ls[0].raw, " ")))
	if text == "" {
		return Claim{Lines: end + 1, Removed: "separator"}, true
	}
	return Claim{Lines: end + 1, Blocks: []Block{{Kind: KindCode, Text: text}}}, true
}

// claimMarkup, in a Markdown text: an ATX heading is a heading without its marks; a thematic
// break is removed (the blocks around it are the sections); a run of
// quotation lines is quotation paragraphs, their cut lines joined.
func claimMarkup(c *ctx, ls []line) (Claim, bool) {
	if cl, ok := claimFenced(ls); ok {
		return cl, true
	}
	if !c.markdown {
		return Claim{}, false
	}
	t := ls[0].text
	if text, ok := atxHeading(t); ok {
		return Claim{Lines: 1, Blocks: []Block{{Kind: KindHeading, Text: text}}}, true
	}
	if thematicBreak(t) {
		return Claim{Lines: 1, Removed: "separator"}, true
	}
	if _, ok := quoteMark(t); !ok || c.open {
		return Claim{}, false
	}
	var quoted []line
	for i, l := range ls {
		q, ok := quoteMark(l.text)
		if !ok || i > 0 && l.gap > 0 || q == "" && i == 0 {
			break
		}
		l.text = q
		l.raw = strings.TrimPrefix(strings.TrimLeft(l.raw, " "), ">")
		quoted = append(quoted, l)
	}
	var blocks []Block
	for i := 0; i < len(quoted); {
		if quoted[i].text == "" {
			// A lone > between paragraphs, or closing the quotation, is
			// part of the paragraph before it: its lines cover the mark.
			blocks[len(blocks)-1].To = quoted[i].no
			i++
			continue
		}
		n, text := c.run(quoted[i:])
		blocks = append(blocks, Block{Kind: KindQuote, Text: text, From: quoted[i].no, To: quoted[i+n-1].no})
		i += n
	}
	if len(blocks) == 0 {
		return Claim{}, false
	}
	return Claim{Lines: len(quoted), Blocks: blocks}, true
}
