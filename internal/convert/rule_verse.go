package convert

// verseLine is the length below which consecutive lines read as verse.
const verseLine = 16

// claimVerse: two or more short lines with no blank line between them, set
// off by blank lines, in a text whose prose paragraphs are separated by
// blank lines. In a text of one paragraph a line, short lines in a row are
// short paragraphs (and menus), not a poem.
func claimVerse(c *ctx, ls []line) (Claim, bool) {
	if c.onePerLine || ls[0].gap == 0 && c.blocks > 0 {
		return Claim{}, false
	}
	n := 0
	for n < len(ls) && (n == 0 || ls[n].gap == 0) && shorter(ls[n].text, verseLine) && c.labels.at(ls[n].text) == "" {
		if _, _, _, item := listItem(ls[n].text); item {
			break
		}
		n++
	}
	if n < 2 || n < len(ls) && ls[n].gap == 0 {
		return Claim{}, false
	}
	lines := make([]string, n)
	for i, l := range ls[:n] {
		lines[i] = l.text
	}
	return Claim{Lines: n, Blocks: []Block{{Kind: KindVerse, Lines: lines}}}, true
}

// onePerLine reports whether a text puts its prose paragraphs on lines of
// their own without blank lines between them (scraped pages often do).
func onePerLine(ls []line) bool {
	prose, gapped := 0, 0
	for _, l := range ls {
		if !shorter(l.text, verseLine) {
			prose++
			if l.gap > 0 {
				gapped++
			}
		}
	}
	return prose >= 3 && gapped*2 < prose
}
