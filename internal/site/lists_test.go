package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestLocalisedListTitles: list and taxonomy pages Hugo names from their
// folders (Posts, People) carry the theme's word in each language, and a
// taxonomy with no terms is in no sitemap.
func TestLocalisedListTitles(t *testing.T) {
	for path, want := range map[string]string{
		"posts/index.html":          "文章",
		"people/index.html":         "人物",
		"zh-hans/posts/index.html":  "文章",
		"zh-hans/people/index.html": "人物",
		"en/people/index.html":      "People",
	} {
		p := load(t, filepath.FromSlash(path))
		if h1 := Text(First(p.Root, Tag("h1"))); h1 != want {
			t.Errorf("%s: h1 %q, want %q", path, h1, want)
		}
		if title := Text(First(p.Root, Tag("title"))); !strings.HasPrefix(title, want+" · ") {
			t.Errorf("%s: <title> %q", path, title)
		}
	}
	for _, sm := range []string{"sitemap.xml", "zh-hant/sitemap.xml", "zh-hans/sitemap.xml", "en/sitemap.xml"} {
		b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(sm)))
		if err == nil && strings.Contains(string(b), "/tags/</loc>") {
			t.Errorf("%s lists /tags/, which has no terms", sm)
		}
	}
}

// TestArchiveListsEveryArticle: /archive/ lists converted articles and the
// one an author wrote by hand.
func TestArchiveListsEveryArticle(t *testing.T) {
	p := load(t, filepath.FromSlash("archive/index.html"))
	var titles []string
	for _, a := range All(p.Root, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(Attr(n, "href"), "/posts/") }) {
		titles = append(titles, Text(a))
	}
	got := strings.Join(titles, "|")
	if !strings.Contains(got, "一篇手寫的文章") || !strings.Contains(got, "對話科大訊飛") {
		t.Errorf("/archive/ lists %q", got)
	}
}

// The front page shows the newest ten articles and the way to all of them,
// rather than paging through a second copy of the section's list.
func TestFrontPage(t *testing.T) {
	p := load(t, "index.html")
	n := len(All(First(p.Root, Class("entries")), Class("h-entry")))
	more := First(First(p.Root, Tag("main")), Class("more"))
	if n == 0 || n > 10 || more == nil || Attr(First(more, Tag("a")), "href") != "/archive/" {
		t.Errorf("front page: %d entries, link on %v; want at most 10 and the archive", n, more != nil)
	}
	if _, err := os.Stat(filepath.Join(public, "page", "2")); err == nil {
		t.Error("the front page is paginated")
	}
}
