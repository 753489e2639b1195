package convert

import (
	"strings"
	"unicode/utf8"
)

// listItem reads a list marker at the start of s: its family (markers of
// one family make one list), its number (0 for bullets) and the item text
// after marker and spaces. A marker with no text after it is no item.
//
//  1. 1． 1、 1) 1） (1) （1） 一、 一. (一) （一） ① • ・ ※ - * +
func listItem(s string) (family string, num int, text string, ok bool) {
	r, n := utf8.DecodeRuneInString(s)
	var rest string
	switch {
	case isDigit(r):
		d, after := leadingRun(s, isDigit, 3)
		m, mn := utf8.DecodeRuneInString(after)
		switch {
		case m == '.' || m == '．':
			family = "dot"
		case m == '、' || m == ')' || m == '）':
			family = "dun"
		default:
			return "", 0, "", false
		}
		num, rest = cjkNumber(d), after[mn:]
	case isCJKNumeral(r):
		d, after := leadingRun(s, isCJKNumeral, 3)
		m, mn := utf8.DecodeRuneInString(after)
		if m != '、' && m != '.' && m != '．' {
			return "", 0, "", false
		}
		family, num, rest = "cjk", cjkNumber(d), after[mn:]
	case r == '(' || r == '（':
		inner := s[n:]
		family = "paren"
		d, after := leadingRun(inner, isDigit, 3)
		if d == "" {
			family = "cjkparen"
			d, after = leadingRun(inner, isCJKNumeral, 3)
		}
		m, mn := utf8.DecodeRuneInString(after)
		if d == "" || m != ')' && m != '）' {
			return "", 0, "", false
		}
		num, rest = cjkNumber(d), after[mn:]
	case r >= '①' && r <= '⑳':
		family, num, rest = "circled", int(r-'①')+1, s[n:]
	case strings.ContainsRune("•・·‧●○■□◆◇▪▸►✓✔※", r):
		// A list keeps one bullet: "•" then "■" are two lines of prose.
		family, rest = "bullet"+s[:n], s[n:]
	case r == '-' || r == '*' || r == '+':
		if len(s) < 2 || !isASCIISpace(s[1]) {
			return "", 0, "", false
		}
		family, rest = "dash"+s[:n], s[n:]
	default:
		return "", 0, "", false
	}
	rest = strings.TrimLeft(rest, " \t\n\f\r\v")
	if rest == "" {
		return "", 0, "", false
	}
	return family, num, rest, true
}

func isDigit(r rune) bool      { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
func isCJKNumeral(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }
func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == '\v'
}
func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// leadingRun splits s after at most max leading runes that satisfy ok.
func leadingRun(s string, ok func(rune) bool, max int) (run, rest string) {
	i := 0
	for k := 0; k < max && i < len(s); k++ {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !ok(r) {
			break
		}
		i += n
	}
	if i < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[i:]); ok(r) {
			return "", s // more than max: a number, not a marker
		}
	}
	return s[:i], s[i:]
}

// claimList: two or more items of one marker family, numbered in sequence,
// with at most one blank line between them. A lone "1." line is prose.
func claimList(c *ctx, ls []line) (Claim, bool) {
	fam, num, text, ok := listItem(ls[0].text)
	if !ok || c.labels.at(ls[0].text) != "" {
		return Claim{}, false
	}
	items := []string{text}
	n := 1
	for n < len(ls) && ls[n].gap <= 1 {
		f, k, t, ok := listItem(ls[n].text)
		if !ok || f != fam || (num > 0 && k != num+n) {
			break
		}
		items = append(items, t)
		n++
	}
	if n < 2 {
		return Claim{}, false
	}
	return Claim{Lines: n, Blocks: []Block{{Kind: KindList, Ordered: boolp(num > 0), Items: items, Start: num}}}, true
}
