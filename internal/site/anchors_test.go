package site

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestTimelineLinksLand: in an article whose events are told in a heading,
// list items, a verse line, a quote, a caption, a question and the second
// paragraph of an answer, every link of the in-article timeline lands on an
// element of the page with that id, in both scripts, and each event has one.
func TestTimelineLinksLand(t *testing.T) {
	if len(anchored) != 1 {
		t.Fatalf("%d anchored fixtures", len(anchored))
	}
	doc := anchored[0]
	kinds := map[string]bool{}
	for _, e := range doc.Events {
		kinds[string(doc.Blocks[e.Block].Kind)] = true
	}
	for _, k := range []string{"heading", "list", "verse", "quote", "caption", "turn", "paragraph"} {
		if !kinds[k] {
			t.Errorf("the fixture tells no event in a %s", k)
		}
	}
	for _, page := range []string{"anchors/" + doc.Slug + "/index.html", "zh-hans/anchors/" + doc.Slug + "/index.html"} {
		t.Run(page, func(t *testing.T) {
			p := load(t, filepath.FromSlash(page))
			tl := First(p.Root, func(n *html.Node) bool { return n.Data == "ol" && Class("timeline")(n) })
			if tl == nil {
				t.Fatal("no in-article timeline")
			}
			links := All(tl, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(Attr(n, "href"), "#") })
			if len(links) != len(doc.Events) {
				t.Errorf("%d timeline links for %d events", len(links), len(doc.Events))
			}
			for _, a := range links {
				id := strings.TrimPrefix(Attr(a, "href"), "#")
				if First(p.Root, func(n *html.Node) bool { return Attr(n, "id") == id }) == nil {
					t.Errorf("timeline link #%s (%q) lands nowhere", id, Text(a))
				}
			}
		})
	}
}
