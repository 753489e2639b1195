package site

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// seriesBox reads a page's series box: the line with part N of M, each listed
// part as "value:text" with a * for the page shown, and the prev/next links.
func seriesBox(t *testing.T, path string) (head string, parts []string, nav []string) {
	t.Helper()
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	box := First(p.Root, Class("series"))
	if box == nil {
		return "", nil, nil
	}
	head = Text(First(box, Tag("p")))
	for _, li := range All(box, Tag("li")) {
		a := First(li, Tag("a"))
		mark := ""
		if Attr(a, "aria-current") == "page" {
			mark = "*"
		}
		parts = append(parts, Attr(li, "value")+":"+Text(a)+mark)
	}
	if sn := First(box, Class("series-nav")); sn != nil {
		for _, a := range All(sn, Tag("a")) {
			nav = append(nav, Attr(a, "rel")+"→"+Attr(a, "href"))
		}
	}
	return head, parts, nav
}

// The series box is computed once per series and marked per page; each shape
// a series takes is here: several parts, parts that share a number, a series
// too long to list, and a series of one.
func TestSeriesBox(t *testing.T) {
	files := map[string]string{}
	add := func(slug, series string, part int) {
		files["content/posts/"+slug+"/index.md"] = page(fmt.Sprintf("title = %q\ndate = 2023-10-%02d\nseries = [%q]\n[params]\npart = %d", slug, part, series, part), "正文。")
	}
	for i := 1; i <= 3; i++ {
		add(fmt.Sprintf("tri-%d", i), "三部曲", i)
	}
	add("dup-a", "重號", 1)
	add("dup-b", "重號", 1)
	add("dup-c", "重號", 2)
	for i := 1; i <= 13; i++ {
		add(fmt.Sprintf("long-%d", i), "長篇", i)
	}
	add("one", "單篇", 1)
	src := miniSite(t, files)
	pub := filepath.Join(t.TempDir(), "public")
	if out, err := Build(src, pub); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	tests := []struct {
		page  string
		head  string
		parts string
		nav   string
	}{
		{"posts/tri-2", "三部曲 · 第 2／3 篇", "1:tri-1 2:tri-2* 3:tri-3", "prev→/posts/tri-1/ next→/posts/tri-3/"},
		{"posts/tri-1", "三部曲 · 第 1／3 篇", "1:tri-1* 2:tri-2 3:tri-3", "next→/posts/tri-2/"},
		{"posts/tri-3", "三部曲 · 第 3／3 篇", "1:tri-1 2:tri-2 3:tri-3*", "prev→/posts/tri-2/"},
		// Two parts numbered 1: each page still marks itself, not its namesake.
		{"posts/dup-b", "重號 · 第 1／3 篇", "1:dup-a 1:dup-b* 2:dup-c", ""},
		{"posts/long-7", "長篇 · 第 7／13 篇", "", "prev→/posts/long-6/ next→/posts/long-8/"},
		{"posts/one", "", "", ""},
	}
	for _, tt := range tests {
		head, parts, nav := seriesBox(t, filepath.Join(pub, tt.page, "index.html"))
		if head != tt.head || strings.Join(parts, " ") != tt.parts || (tt.nav != "" && strings.Join(nav, " ") != tt.nav) {
			t.Errorf("%s:\n got %q | %q | %q\nwant %q | %q | %q", tt.page, head, strings.Join(parts, " "), strings.Join(nav, " "), tt.head, tt.parts, tt.nav)
		}
	}
}
