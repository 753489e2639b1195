package convert

// Enrich adds what is derived from the parsed blocks: the speakers with
// their names and roles, and the dated events.
func Enrich(doc *Document) {
	resolveSpeakers(doc)
	extractEvents(doc)
}
