package convert

// claimQuote: a paragraph wholly inside 「」 or “”, outside a turn.
func claimQuote(c *ctx, ls []line) (Claim, bool) {
	if c.open || !isQuotation(ls[0].text) {
		return Claim{}, false
	}
	return Claim{Lines: 1, Blocks: []Block{{Kind: KindQuote, Text: ls[0].text}}}, true
}

// claimParagraph: prose; after an answer it continues the answer.
func claimParagraph(c *ctx, ls []line) (Claim, bool) {
	// A bracketed note after an answer — (本座談於…舉行) — is the editor's,
	// not the speaker's.
	if c.open && !bracketed(ls[0].text) {
		return Claim{Lines: 1, Continues: true}, true
	}
	return Claim{Lines: 1, Blocks: []Block{{Kind: KindParagraph, Text: ls[0].text}}}, true
}
