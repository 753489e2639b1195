package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one non-blank line of the decoded text, as the classifier sees it.
type line struct {
	raw  string // the line exactly as decoded
	text string // raw without surrounding whitespace (U+3000 and U+00A0 included)
	gap  int    // blank lines before it
	no   int    // 1-based line number in the decoded text
}

// splitLines cuts text into its non-blank lines, each knowing the gap above it.
func splitLines(text string) []line {
	var out []line
	gap, no := 0, 0
	for len(text) > 0 {
		no++
		raw := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		t := strings.TrimFunc(raw, isSpace)
		if t == "" {
			gap++
			continue
		}
		out = append(out, line{raw: raw, text: t, gap: gap, no: no})
		gap = 0
	}
	return out
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// runeAt decodes the rune at s[i] of valid UTF-8, with ASCII and the
// three-byte runes Chinese text is made of decoded inline: the passes over a
// whole text (script, binary check, dates) spend most of their time here.
func runeAt(s string, i int) (rune, int) {
	c := s[i]
	switch {
	case c < 0x80:
		return rune(c), 1
	case c >= 0xE0 && c < 0xF0 && i+2 < len(s):
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// shorter reports whether s has at most n runes, without counting a long
// line's runes: a rune takes at most four bytes.
func shorter(s string, n int) bool {
	return len(s) <= n || len(s) <= 4*n && utf8.RuneCountInString(s) <= n
}

// closingPunct ends a sentence or clause: a line ending in one is prose, not
// a heading or caption.
const closingPunct = "。．.!！?？;；:：,，、…~～"

func endsWithPunct(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(closingPunct, r)
}

// isCJK reports Han characters, the script of the articles.
func isCJK(r rune) bool { return unicode.Is(unicode.Han, r) }

// wrappedIn reports whether s is wholly one quotation: it opens with open,
// closes with close, and the first mark is not closed before the end.
// unwrap returns what stands between the first of pairs whose opening
// starts s and whose closing ends it, and whether one did.
func unwrap(s string, pairs ...[2]string) (string, bool) {
	for _, p := range pairs {
		if in, ok := strings.CutPrefix(s, p[0]); ok {
			return strings.CutSuffix(in, p[1])
		}
	}
	return "", false
}

func wrappedIn(s, open, close string) bool {
	if !strings.HasPrefix(s, open) || !strings.HasSuffix(s, close) || len(s) <= len(open)+len(close) {
		return false
	}
	depth := 0
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], open) && (open != close || depth == 0):
			depth++
			i += len(open)
		case strings.HasPrefix(s[i:], close):
			depth--
			i += len(close)
			if depth == 0 && i < len(s) {
				return false
			}
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	return depth == 0
}

func isQuotation(s string) bool {
	return wrappedIn(s, "「", "」") || wrappedIn(s, "“", "”") || wrappedIn(s, "『", "』")
}

func splitParas(s string) []string { return strings.Split(s, "\n\n") }
