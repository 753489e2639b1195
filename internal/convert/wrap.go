package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hard-wrapped text: BBS posts, mailing-list archives and fixed-width
// exports cut every paragraph into lines of one width, wherever the width
// ran out — mid-word, mid-name (程/式碼). A line that is cut shows itself
// by its width: the next line's first character or word would not have fit
// after it. Such lines are joined again into the paragraph the writer typed.

// Wrap widths looked for, in terminal columns (a Han character takes two).
const (
	minWrap = 30
	maxWrap = 160
)

// cellWidth is the columns a rune takes on a terminal: two for the East
// Asian wide and full-width ranges, one otherwise.
func cellWidth(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, CJK compatibility
		r >= 0x3400 && r <= 0x4DBF, // Extension A
		r >= 0x4E00 && r <= 0x9FFF, // unified ideographs
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD: // supplementary ideographs
		return 2
	}
	return 1
}

// lineWidth is the columns s takes on a terminal.
func lineWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		w += cellWidth(r)
		i += n
	}
	return w
}

// leadWidth is the columns of what a wrap moved to the start of a line:
// its indentation and its first character, or its first word.
func leadWidth(raw string) int {
	w := 0
	for i := 0; i < len(raw); {
		r, n := runeAt(raw, i)
		switch {
		case isSpace(r):
			w += cellWidth(r)
		case cellWidth(r) == 2:
			return w + 2
		default:
			// A word: a wrap breaks at the space before it, which it drops.
			w++
			for ; i < len(raw); i += n {
				r, n = runeAt(raw, i)
				if isSpace(r) || cellWidth(r) == 2 {
					break
				}
				w++
			}
			return w
		}
		i += n
	}
	return w
}

// startsBlock: a line that opens a block of its own whatever the width of
// the line above it — a list item, Markdown markup, a BBS footer.
func startsBlock(t string) bool {
	if _, _, _, item := listItem(t); item {
		return true
	}
	for _, p := range []string{"#", ">", "※", "--", "```", "|", "\u3000"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// wrapWidth is the width a text was hard-wrapped at, 0 when it was not:
// lines that go on into the next line end within a few columns of one
// width (a wide character or a word that did not fit moved down), most of
// them mid-sentence, and hardly any line is wider.
func wrapWidth(ls []line) int {
	var counts, open [maxWrap + 1]int
	cont := 0
	for i := 0; i+1 < len(ls); i++ {
		if ls[i+1].gap > 0 || startsBlock(ls[i].text) || startsBlock(ls[i+1].text) {
			continue
		}
		cont++
		if w := lineWidth(strings.TrimRightFunc(ls[i].raw, isSpace)); w >= minWrap && w <= maxWrap {
			counts[w]++
			if !sentenceEnd(ls[i].text) {
				open[w]++
			}
		}
	}
	// The wrap is the widest such cluster: shorter lines that go on (a
	// list without marks, a BBS's pushes) cluster too, but not at the top.
	const window = 4
	wrap, near := 0, 0
	for w := maxWrap; w >= minWrap && wrap == 0; w-- {
		if counts[w] == 0 {
			continue
		}
		n, m := 0, 0
		for v := max(minWrap, w-window); v <= w; v++ {
			n += counts[v]
			m += open[v]
		}
		// One paragraph a line ends its lines with sentences; a wrap cuts them.
		if n >= 3 && n*10 >= cont && m*2 >= n {
			wrap, near = w, n
		}
	}
	if wrap == 0 {
		return 0
	}
	// The wrap is the width most lines at the top reach: a writer who
	// wraps by hand lets a line run a little long now and then.
	for v, top := wrap-1, wrap; v >= max(minWrap, top-2*window); v-- {
		if counts[v] > counts[wrap] {
			wrap = v
		}
	}
	// A hard-wrapped text has no longer lines, but for links and the
	// footers a BBS appends.
	over := 0
	for _, l := range ls {
		if !startsBlock(l.text) && !strings.Contains(l.text, "://") && !shorter(l.raw, wrap/2) && lineWidth(strings.TrimRightFunc(l.raw, isSpace)) > wrap+window {
			over++
		}
	}
	if over*2 > near {
		return 0
	}
	return wrap
}

// cut reports whether line a was cut by the wrap, so that b goes on with
// its paragraph: b's lead would not have fit after a, and b opens nothing
// of its own (a list item, a speaker's label, an indented paragraph).
func (c *ctx) cut(a, b line) bool {
	return c.wrap > 0 && b.gap == 0 &&
		lineWidth(strings.TrimRightFunc(a.raw, isSpace))+leadWidth(b.raw) >= c.wrap &&
		!startsBlock(b.text) && !strings.HasPrefix(b.raw, "\u3000") && c.labels.at(b.text) == ""
}

// run is the paragraph that starts at ls[0]: how many lines the wrap cut
// it into, and their text joined again — see joinsTight.
func (c *ctx) run(ls []line) (n int, text string) {
	n = 1
	for n < len(ls) && c.cut(ls[n-1], ls[n]) {
		n++
	}
	if n == 1 {
		return 1, ls[0].text
	}
	var b strings.Builder
	b.WriteString(ls[0].text)
	for _, l := range ls[1:n] {
		last, _ := utf8.DecodeLastRuneInString(b.String())
		first, _ := utf8.DecodeRuneInString(l.text)
		if !joinsTight(last, first) {
			b.WriteByte(' ')
		}
		b.WriteString(l.text)
	}
	return n, b.String()
}

// joinsTight reports whether two lines a wrap cut between a and b join
// without a space: between two wide characters (as CSS joins the lines of
// one paragraph), and next to full-width punctuation, which carries its
// own space (count、total, not count、 total). Latin words, and Han next to
// Latin, take one space.
func joinsTight(a, b rune) bool {
	wideA, wideB := cellWidth(a) == 2, cellWidth(b) == 2
	return wideA && wideB || wideA && unicode.IsPunct(a) || wideB && unicode.IsPunct(b)
}
