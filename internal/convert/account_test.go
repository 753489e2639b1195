package convert

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// account proves the fidelity of a Document to its decoded text: every
// non-blank line is either consumed (header, furniture) or inside a block;
// each block's text is exact substrings of the text; and a block holds all
// the characters of its lines in order, less what the conventions remove
// (a speaker label and its colon, list markers, whitespace).
func account(text string, doc *Document) error {
	lines := strings.Split(text, "\n")
	covered := make([]bool, len(lines)+2)
	for _, n := range doc.Consumed {
		covered[n] = true
	}
	type group struct {
		from, to int
		got      strings.Builder
		budget   int
	}
	var groups []*group
	for bi, b := range doc.Blocks {
		if b.From < 1 || b.To < b.From || b.To > len(lines) {
			return fmt.Errorf("block %d (%s) has lines %d-%d", bi, b.Kind, b.From, b.To)
		}
		for n := b.From; n <= b.To; n++ {
			covered[n] = true
		}
		if len(groups) == 0 || groups[len(groups)-1].from != b.From {
			groups = append(groups, &group{from: b.From, to: b.To})
		}
		g := groups[len(groups)-1]
		g.to = max(g.to, b.To)
		if b.Kind == KindTurn {
			g.got.WriteString(b.Speaker + b.Colon)
		}
		for _, para := range b.Paragraphs() {
			if b.Kind != KindCode && !strings.Contains(text, para) && !rejoined(lines[b.From-1:b.To], para) {
				return fmt.Errorf("block %d (%s): %q is not in the text", bi, b.Kind, para)
			}
			g.got.WriteString(para)
		}
		switch b.Kind {
		case KindList:
			g.budget += 8 * len(b.Items)
		case KindCode:
			g.budget += 24 // fences: ``` and an info string of up to 16, ```
		case KindHeading:
			g.budget += 7 // ATX marks: ###### and a space
		case KindQuote:
			g.budget += b.To - b.From + 1 // a > on each line
		}
	}
	for i, l := range lines {
		if !isBlank(l) && !covered[i+1] {
			return fmt.Errorf("line %d %q is in no block and not consumed", i+1, l)
		}
	}
	consumed := map[int]bool{}
	for _, n := range doc.Consumed {
		consumed[n] = true
	}
	for _, g := range groups {
		var own []string
		for n := g.from; n <= g.to; n++ {
			if !consumed[n] {
				own = append(own, lines[n-1])
			}
		}
		src := visible(strings.Join(own, "\n"))
		got := visible(g.got.String())
		if !subsequence(got, src) {
			return fmt.Errorf("lines %d-%d: the blocks %q are not the text %q in order", g.from, g.to, string(got), string(src))
		}
		if lost := len(src) - len(got); lost > g.budget {
			return fmt.Errorf("lines %d-%d: %d characters of %q are in no block", g.from, g.to, lost, string(src))
		}
	}
	return nil
}

// rejoined reports whether para is the lines of a hard-wrapped paragraph
// joined again: the same characters, less line breaks, spaces and the
// quotation marks of Markdown, with nothing between them left out.
func rejoined(lines []string, para string) bool {
	var src strings.Builder
	for _, l := range lines {
		src.WriteString(strings.TrimPrefix(strings.TrimSpace(l), ">"))
	}
	return len(lines) > 1 && strings.Contains(string(visible(src.String())), string(visible(para)))
}

func visible(s string) []rune {
	var out []rune
	for _, r := range s {
		if !isSpace(r) && !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

func subsequence(sub, s []rune) bool {
	i := 0
	for _, r := range s {
		if i < len(sub) && sub[i] == r {
			i++
		}
	}
	return i == len(sub)
}

func TestAccountSample(t *testing.T) {
	raw := mustRead(t, sample)
	text, enc, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("s.txt", text, enc, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := account(text, doc); err != nil {
		t.Error(err)
	}
}

// TestAccountCatchesLoss: the checker fails when a block loses text.
func TestAccountCatchesLoss(t *testing.T) {
	text := "標題\n\n2023-10-25\n\n第一段。\n\n第二段。\n"
	doc := parseText(t, text)
	doc.Blocks[1].Text = "第二"
	if account(text, doc) == nil {
		t.Error("a truncated block passed the account")
	}
	doc = parseText(t, text)
	doc.Blocks = doc.Blocks[:1]
	if account(text, doc) == nil {
		t.Error("a dropped block passed the account")
	}
}
