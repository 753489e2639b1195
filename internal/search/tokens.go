// Package search builds the site's search index: it reads each built
// article's text and hands Pagefind records whose Han text is one token per
// character, searched as exact phrases, so that any run of characters is
// found without a word segmenter (jieba cost Pagefind about 1.1 MB of
// memory per page and missed queries that cross its word boundaries;
// overlapping bigrams cost as much, one token per character about half).
// Both scripts are folded to one (Folded), so an article and its twin are
// one record of one Chinese bundle, indexed in shards that are kept while
// nothing in them changes.
package search

import (
	"unicode"
	"unicode/utf8"
)

// Tokens is s as the index holds it, tokens separated by single spaces:
// every Han character is a token of its own, and so is every run of other
// characters between spaces and Han characters (GPT-4, 3.0, 「, ，).
// Pagefind keeps each token's place, so a quoted query of characters finds
// them only side by side, and punctuation, holding a place of its own,
// keeps a phrase from matching across it. assets/js/search.js does the same
// to a query; a test holds the two to the same table.
func Tokens(s string) string {
	return string(appendTokens(make([]byte, 0, len(s)*2), s))
}

// appendTokens appends the tokens of s to b as Tokens writes them, with a
// space before the first when b holds some already: Content writes a whole
// article into one buffer instead of a string for each of its lines.
func appendTokens(b []byte, s string) []byte {
	inRun := false // inside a run of other characters
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = utf8.AppendRune(b, r)
			inRun = false
		case unicode.IsSpace(r) || r == utf8.RuneError:
			inRun = false
		default:
			if !inRun && len(b) > 0 {
				b = append(b, ' ')
			}
			b = utf8.AppendRune(b, r)
			inRun = true
		}
	}
	return b
}
