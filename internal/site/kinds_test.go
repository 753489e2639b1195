package site

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPageKinds: every kind of page the theme renders carries the common
// markup — a BCP 47 lang, one h1, the main landmark and skip link, a
// canonical URL, the fingerprinted stylesheet with SRI — and its own part.
func TestPageKinds(t *testing.T) {
	tests := []struct {
		page, lang string
		own        func(*html.Node) bool // the element that makes the kind what it is
	}{
		{"index.html", "zh-Hant", func(n *html.Node) bool { return n.Data == "li" && Class("h-entry")(n) }},
		{"zh-hans/index.html", "zh-Hans", func(n *html.Node) bool { return n.Data == "li" && Class("h-entry")(n) }},
		{"en/index.html", "en", Class("untranslated")},
		{"posts/index.html", "zh-Hant", func(n *html.Node) bool { return n.Data == "time" && Class("dt-published")(n) }},
		{"people/index.html", "zh-Hant", func(n *html.Node) bool { return n.Data == "a" && Attr(n, "href") == "/people/%E5%8A%89%E8%81%B0/" }},
		{"people/劉聰/index.html", "zh-Hant", func(n *html.Node) bool { return n.Data == "a" && strings.Contains(Attr(n, "href"), sampleSlug) }},
		{"zh-hans/people/刘聪/index.html", "zh-Hans", func(n *html.Node) bool { return n.Data == "a" && strings.Contains(Attr(n, "href"), sampleSlug) }},
		{"series/index.html", "zh-Hant", Class("terms")},
		{"archive/index.html", "zh-Hant", func(n *html.Node) bool { return n.Data == "h2" && Attr(n, "id") == "y2023" }},
		{"timeline/index.html", "zh-Hant", Class("timeline")},
		{"en/timeline/index.html", "en", Class("timeline")},
		{"search/index.html", "zh-Hant", func(n *html.Node) bool { return n.Data == "form" && Attr(n, "role") == "search" }},
		{"404.html", "zh-Hant", func(n *html.Node) bool { return n.Data == "a" && Attr(n, "href") == "/" }},
		{"posts/" + sampleSlug + "/index.html", "zh-Hant", Class("e-content")},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			p := load(t, filepath.FromSlash(tt.page))
			if lang := Attr(First(p.Root, Tag("html")), "lang"); lang != tt.lang {
				t.Errorf("lang %q, want %q", lang, tt.lang)
			}
			if n := len(All(p.Root, Tag("h1"))); n != 1 {
				t.Errorf("%d h1", n)
			}
			if First(p.Root, func(n *html.Node) bool { return n.Data == "main" && Attr(n, "id") == "main" }) == nil ||
				First(p.Root, func(n *html.Node) bool { return n.Data == "a" && Class("skip")(n) && Attr(n, "href") == "#main" }) == nil {
				t.Error("no main landmark or skip link")
			}
			if tt.page != "404.html" && First(p.Root, func(n *html.Node) bool { return n.Data == "link" && Attr(n, "rel") == "canonical" }) == nil {
				t.Error("no canonical link")
			}
			css := First(p.Root, func(n *html.Node) bool { return n.Data == "link" && Attr(n, "rel") == "stylesheet" })
			if !strings.HasPrefix(Attr(css, "integrity"), "sha256-") || !strings.Contains(Attr(css, "href"), ".min.") {
				t.Errorf("stylesheet %q integrity %q", Attr(css, "href"), Attr(css, "integrity"))
			}
			if First(p.Root, tt.own) == nil {
				t.Error("the page lacks what makes its kind")
			}
		})
	}
	for _, feed := range []string{"index.xml", "zh-hans/index.xml", "sitemap.xml", "robots.txt"} {
		if !exists(filepath.Join(public, feed)) {
			t.Errorf("no %s", feed)
		}
	}
}
