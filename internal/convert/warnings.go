package convert

import (
	"fmt"
	"sort"
	"strings"
)

// Warnings are the converter's weak guesses about a Document, for an
// editor to check: what it could not find, and what it removed or
// inferred from little. Each is a short phrase.
func (doc *Document) Warnings() []string {
	var w []string
	if doc.Title == "" {
		w = append(w, "no title line")
	}
	if doc.Date == nil {
		w = append(w, "no date")
	}
	turns := map[string]int{}
	captions := 0
	for _, b := range doc.Blocks {
		switch b.Kind {
		case KindTurn:
			turns[b.Speaker]++
		case KindCaption:
			captions++
		}
	}
	var once []string
	for _, sp := range doc.Speakers {
		if turns[sp.Label] == 1 {
			once = append(once, sp.Label)
		}
	}
	if len(once) > 0 {
		w = append(w, "a label that spoke once: "+strings.Join(once, ", "))
	}
	if captions > 0 {
		w = append(w, fmt.Sprintf("%d caption(s) without their image", captions))
	}
	if doc.Wrap > 0 {
		w = append(w, fmt.Sprintf("text reflowed: lines cut at %d columns joined into paragraphs", doc.Wrap))
	}
	if len(doc.Removed) > 0 {
		by := map[string]int{}
		for _, r := range doc.Removed {
			by[r.Rule]++
		}
		var rules []string
		for r := range by {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		var parts []string
		for _, r := range rules {
			parts = append(parts, fmt.Sprintf("%s %d", r, by[r]))
		}
		w = append(w, fmt.Sprintf("%d line(s) removed (%s)", len(doc.Removed), strings.Join(parts, ", ")))
	}
	return w
}
