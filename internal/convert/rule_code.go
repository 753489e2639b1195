package convert

import (
	"strings"
	"unicode"
)

// codeRuns knows, for every body line, where the run of indented lines it
// starts ends, and running counts of what those lines are made of, so that
// the code rule decides any run in constant time: the body is read once,
// whatever its indentation (a text indented throughout stays linear).
type codeRuns struct {
	n                int   // body lines
	end              []int // end (exclusive) of the indented run from each line; i when not indented
	ascii, all, syms []int // prefix sums over the lines before each index
}

func newCodeRuns(ls []line) *codeRuns {
	n := len(ls)
	cr := &codeRuns{n: n, end: make([]int, n), ascii: make([]int, n+1), all: make([]int, n+1), syms: make([]int, n+1)}
	for i, l := range ls {
		a, al, sy := 0, 0, 0
		if codeIndent(l.raw) {
			a, al, sy = codeStats(l.text)
		}
		cr.ascii[i+1], cr.all[i+1], cr.syms[i+1] = cr.ascii[i]+a, cr.all[i]+al, cr.syms[i]+sy
	}
	for i := n - 1; i >= 0; i-- {
		switch {
		case !codeIndent(ls[i].raw):
			cr.end[i] = i
		case i+1 < n && codeIndent(ls[i+1].raw) && ls[i+1].gap <= 1:
			cr.end[i] = cr.end[i+1]
		default:
			cr.end[i] = i + 1
		}
	}
	return cr
}

func codeIndent(raw string) bool {
	return strings.HasPrefix(raw, "\t") || strings.HasPrefix(raw, "    ")
}

// codeStats counts a line's non-space characters, its ASCII ones, and the
// punctuation programs are made of.
func codeStats(s string) (ascii, all, syms int) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if r < 0x80 {
			ascii++
			if strings.ContainsRune("{}();=<>[]$#/", r) {
				syms++
			}
		}
	}
	return
}

// claimCode: lines indented by four spaces or a tab whose content reads as
// code — mostly ASCII, with the punctuation programs are made of. The
// common indent is removed; blank lines inside are kept.
func claimCode(c *ctx, ls []line) (Claim, bool) {
	cr := c.code
	i := cr.n - len(ls)
	end := cr.end[i]
	if end == i {
		return Claim{}, false
	}
	ascii, all := cr.ascii[end]-cr.ascii[i], cr.all[end]-cr.all[i]
	if cr.syms[end]-cr.syms[i] == 0 || ascii*10 < all*8 {
		return Claim{}, false
	}
	n := end - i
	indent := len(ls[0].raw)
	for _, l := range ls[:n] {
		indent = min(indent, len(l.raw)-len(strings.TrimLeft(l.raw, " \t")))
	}
	return Claim{Lines: n, Blocks: []Block{{Kind: KindCode, Text: codeText(ls[:n], indent)}}}, true
}

// codeText is the text of code lines exactly, their blank lines included,
// less up to indent columns of the indentation they share.
func codeText(ls []line, indent int) string {
	var sb strings.Builder
	for k, l := range ls {
		if k > 0 {
			sb.WriteString(strings.Repeat("\n", l.gap+1))
		}
		raw := strings.TrimRightFunc(l.raw, isSpace)
		sb.WriteString(raw[min(indent, len(raw)-len(strings.TrimLeft(raw, " \t"))):])
	}
	return sb.String()
}
