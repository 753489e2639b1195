package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/jishi/jishi/internal/sitebuild"
)

// TestSubpath: a site built under a path keeps every link inside it.
func TestSubpath(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if err := sitebuild.CopySite(Root(), src); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(t.TempDir(), "public")
	if out, err := Build(src, pub, "--baseURL", "https://example.org/sub/"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	broken, err := BrokenLinks(pub, "https://example.org/sub/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Error(b)
	}
	p, _ := Load(filepath.Join(pub, "posts", sampleSlug, "index.html"))
	css := First(p.Root, func(n *html.Node) bool { return n.Data == "link" && Attr(n, "rel") == "stylesheet" })
	if !strings.HasPrefix(Attr(css, "href"), "/sub/") {
		t.Errorf("stylesheet at %q", Attr(css, "href"))
	}
}

// TestThemeReuse: another Hugo site uses the layouts as its theme
// (theme = "jishi" under themes/) and renders an interview and a timeline.
func TestThemeReuse(t *testing.T) {
	site := t.TempDir()
	theme := filepath.Join(site, "themes", "jishi")
	if err := sitebuild.CopySite(Root(), theme, "layouts", "assets", "i18n", "archetypes", "config.toml"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(site, "hugo.toml"), []byte(`baseURL = "https://news.example/"
title = "別人的網站"
theme = "jishi"
defaultContentLanguage = "zh-hant"
[languages.zh-hant]
locale = "zh-Hant"
label = "繁體中文"
[markup.goldmark.parser.attribute]
block = true
`), 0o644)
	os.MkdirAll(filepath.Join(site, "content", "interviews", "talk"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "interviews", "talk", "index.md"), []byte(`+++
title = "一場對談"
date = 2023-10-25
[[params.speakers]]
label = "問"
role = "interviewer"
[[params.speakers]]
label = "王小明"
name = "王小明"
role = "工程師"
+++

{{< timeline >}}
2023-05-08 | 第一件事
2011 | 更早的事
{{< /timeline >}}

**問**:你好嗎?
{.turn data-speaker="問" data-question=""}

**王小明**:很好。
{.turn data-speaker="王小明"}
`), 0o644)
	pub := filepath.Join(t.TempDir(), "public")
	if out, err := Build(site, pub); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	p, err := Load(filepath.Join(pub, "interviews", "talk", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if First(p.Root, func(n *html.Node) bool { return n.Data == "article" && Class("h-entry")(n) }) == nil {
		t.Error("no h-entry article")
	}
	if n := len(All(p.Root, Has("data-speaker"))); n != 2 {
		t.Errorf("%d turns", n)
	}
	if got := events(t, filepath.Join(pub, "interviews", "talk", "index.html")); strings.Join(got, ",") != "2011||2011年,2023-05-08||2023年5月8日" {
		t.Errorf("timeline %v", got)
	}
	if Text(First(p.Root, Tag("dt"))) != "王小明" {
		t.Error("no speakers box")
	}
}

// TestArchetypes: `hugo new content` gives an article and an interview the
// front matter the theme reads, and both build.
func TestArchetypes(t *testing.T) {
	src := t.TempDir()
	if err := sitebuild.CopySite(Root(), src, "layouts", "assets", "i18n", "archetypes", "config.toml"); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(src, "content"), 0o755)
	h, err := Hugo()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"posts/an-article"}, {"posts/an-interview", "--kind", "interview"}} {
		cmd := h.Command(context.Background(), append([]string{"new", "content", "--source", src}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("hugo new content %v: %v\n%s", args, err, out)
		}
	}
	fm, _ := os.ReadFile(filepath.Join(src, "content", "posts", "an-interview", "index.md"))
	for _, want := range []string{"[[params.speakers]]", `role = "interviewer"`, "[[params.timeline]]", `data-speaker="問"`} {
		if !strings.Contains(string(fm), want) {
			t.Errorf("interview archetype lacks %s", want)
		}
	}
	pub := filepath.Join(t.TempDir(), "public")
	if out, err := Build(src, pub, "--buildDrafts"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	p, err := Load(filepath.Join(pub, "posts", "an-interview", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(All(p.Root, Has("data-speaker"))); n != 3 {
		t.Errorf("the new interview has %d speaking paragraphs, want 3", n)
	}
}
