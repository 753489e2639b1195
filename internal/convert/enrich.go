package convert

// Enrich adds what is derived from the parsed blocks: the speakers with
// their names and roles, and the dated events.
func Enrich(doc *Document, opt Options) {
	resolveSpeakers(doc, opt.Glossary.Speakers)
	extractEvents(doc)
}
