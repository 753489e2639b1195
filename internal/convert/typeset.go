package convert

import (
	"strings"
	"unicode/utf8"
)

// Typesetting is the page's, not the Document's: scrapers turn a Chinese
// text's ，：；？！（） into their half-width forms, and the page sets them
// back where they stand in Chinese. The Document keeps the source exactly.

// fullWidth is the form each half-width mark takes in Chinese text.
var fullWidth = map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

// Typeset returns s with the half-width , : ; ? ! that stand in Chinese
// (after a Chinese character or mark, or before a Chinese character) in
// their full-width forms, and the spaces beside them gone; a pair of ( )
// becomes （） when it holds Chinese. Marks between Latin words, digits
// and in links stay as they are: GPT-4, Claude; 18:06; 1,000; (utf-8).
func Typeset(s string) string {
	if !strings.ContainsAny(s, ",:;?!()") || !hasHan(s) {
		return s
	}
	rs := []rune(s)
	full := make([]bool, len(rs))
	// Brackets first: a pair that holds Chinese is Chinese, and a mark
	// after its opening bracket sees it so (（！, not （!).
	var open []int
	for i, r := range rs {
		switch r {
		case '(':
			open = append(open, i)
		case ')':
			if n := len(open); n > 0 {
				o := open[n-1]
				open = open[:n-1]
				if hasHan(string(rs[o+1 : i])) {
					full[o], full[i] = true, true
				}
			}
		}
	}
	for i, r := range rs {
		switch r {
		case ',', ':', ';', '?', '!':
			p, n := neighbour(rs, i, -1), neighbour(rs, i, +1)
			// After a mark already set full-width is Chinese too (！！).
			chinesePrev := p >= 0 && (chineseMark(rs[p]) || full[p])
			// 18:06, 1,000, a?b in a link: between half-width content.
			if chinesePrev || n >= 0 && isHan(rs[n]) && !urlAround(rs, i) {
				full[i] = true
			}
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == ' ' && (i+1 < len(rs) && full[i+1] || i > 0 && full[i-1]) {
			continue // the full-width mark carries its own space
		}
		if full[i] {
			r = fullWidth[r]
		}
		b.WriteRune(r)
	}
	return b.String()
}

// neighbour is the index of the first rune from i in direction d that is
// no space, or -1.
func neighbour(rs []rune, i, d int) int {
	for j := i + d; j >= 0 && j < len(rs); j += d {
		if rs[j] != ' ' {
			return j
		}
	}
	return -1
}

// chineseMark: a Chinese character, or a mark set in Chinese text (。」》…).
func chineseMark(r rune) bool {
	return isHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60 || r == '”' || r == '’' || r == '…' || r == '—'
}

// urlAround: the mark is inside a link (a ? or : between its characters).
func urlAround(rs []rune, i int) bool {
	j := i
	for j > 0 && rs[j-1] != ' ' && rs[j-1] < 0x80 {
		j--
	}
	return strings.Contains(string(rs[j:i]), "://") || strings.HasPrefix(string(rs[j:i]), "www.")
}

func hasHan(s string) bool {
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		if r >= 0x2E80 && isHan(r) {
			return true
		}
		i += n
	}
	return false
}

// Typeset returns the Document as its page shows it: every text a reader
// sees typeset (see Typeset), a turn's colon with it. Code is left alone.
func (doc *Document) Typeset() *Document {
	d := doc.mapText(Typeset)
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind != KindTurn || b.Colon == "" {
			continue
		}
		// 問:答案 → 問：答案, when the label or the answer is Chinese.
		first, _ := utf8.DecodeRuneInString(b.Text)
		last, _ := utf8.DecodeLastRuneInString(b.Speaker)
		if strings.HasSuffix(b.Colon, ":") && (isHan(last) || isHan(first)) {
			b.Colon = strings.TrimSuffix(b.Colon, ":") + "："
		}
	}
	return d
}
