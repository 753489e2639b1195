package convert

// claimQuote: a paragraph wholly inside 「」 or “”, outside a turn.
func claimQuote(c *ctx, ls []line) (Claim, bool) {
	if c.open {
		return Claim{}, false
	}
	n, text := c.run(ls)
	if !isQuotation(text) {
		return Claim{}, false
	}
	return Claim{Lines: n, Blocks: []Block{{Kind: KindQuote, Text: text}}}, true
}

// claimParagraph: prose, its cut lines joined; after an answer it
// continues the answer.
func claimParagraph(c *ctx, ls []line) (Claim, bool) {
	// A bracketed note after an answer — (本座談於…舉行) — is the editor's,
	// not the speaker's.
	n, text := c.run(ls)
	if c.open && !bracketed(text) {
		return Claim{Lines: n, Continues: true, Para: text}, true
	}
	return Claim{Lines: n, Blocks: []Block{{Kind: KindParagraph, Text: text}}}, true
}
