package convert

// Enrich adds what is derived from the parsed blocks: the authors a credit
// in the lead names, the speakers with their names and roles, and the
// dated events.
func Enrich(doc *Document, opt Options) {
	leadAuthors(doc)
	resolveSpeakers(doc, opt.Glossary.Speakers)
	extractEvents(doc)
	doc.Credit = creditOf(doc)
}
