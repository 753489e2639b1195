package convert

// verseLine is the length below which consecutive lines read as verse.
const verseLine = 16

// claimVerse: two or more short lines with no blank line between them.
func claimVerse(c *ctx, ls []line) (Claim, bool) {
	n := 0
	for n < len(ls) && (n == 0 || ls[n].gap == 0) && shorter(ls[n].text, verseLine) && c.labels.at(ls[n].text) == "" {
		if _, _, _, item := listItem(ls[n].text); item {
			break
		}
		n++
	}
	if n < 2 {
		return Claim{}, false
	}
	lines := make([]string, n)
	for i, l := range ls[:n] {
		lines[i] = l.text
	}
	return Claim{Lines: n, Blocks: []Block{{Kind: KindVerse, Lines: lines}}}, true
}
