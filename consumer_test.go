package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/jishi/jishi/internal/site"
	"github.com/jishi/jishi/internal/sitebuild"
)

// consumerConfig is another publication's whole configuration: its
// languages and the theme imported by module path. No markup settings, so
// the converter's block attributes reach the theme as text.
const consumerConfig = `baseURL = "https://news.example/"
title = "別人的網站"
defaultContentLanguage = "zh-hant"
[languages.zh-hant]
locale = "zh-Hant"
label = "繁體中文"
weight = 1
[languages.zh-hans]
locale = "zh-Hans"
label = "简体中文"
weight = 2
[[module.imports]]
path = "github.com/jishi/jishi"
`

// TestModuleConsumer: an editor of another Hugo site installs the CLI, drops
// a raw file into that site's raw/ and runs `jishi build` there; its
// jishi.toml sends articles to a section of its own. The site
// imports the theme as a Hugo module (offline, through
// HUGO_MODULE_REPLACEMENTS), pins no Hugo, and sets nothing but its
// languages. The article shows speaker turns, every in-page link lands, the
// language switcher leads to the twin, and /timeline/ links into the article.
func TestModuleConsumer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and a site")
	}
	root, _ := os.Getwd()
	hugo, err := sitebuild.FindHugo(root)
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	install := exec.Command("go", "install", ".")
	install.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	if err := os.Symlink(hugo.Path, filepath.Join(bin, "hugo")); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	files := map[string]string{
		"hugo.toml":                          consumerConfig,
		"jishi.toml":                         "section = \"stories\"\n",
		"content/timeline/_index.md":         "+++\ntitle = \"時間線\"\nlayout = \"timeline\"\n+++\n",
		"content/timeline/_index.zh-hans.md": "+++\ntitle = \"时间线\"\nlayout = \"timeline\"\n+++\n",
	}
	raw, err := os.ReadFile(filepath.Join("internal", "site", "testdata", "anchors", "every-kind.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files["raw/every-kind.txt"] = string(raw)
	copyTree(t, files, dir)

	cmd := exec.Command(filepath.Join(bin, "jishi"), "build")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HUGO_MODULE_REPLACEMENTS=github.com/jishi/jishi -> "+root,
		"HUGO_CACHEDIR="+t.TempDir(),
		"GOPROXY=off", "GOFLAGS=-mod=mod",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("jishi build in another site: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "building with hugo on PATH") || !strings.Contains(string(out), "1 converted") {
		t.Errorf("jishi build did not convert raw/ and say which Hugo it ran:\n%s", out)
	}

	public := filepath.Join(dir, "public")
	pages, _ := filepath.Glob(filepath.Join(public, "stories", "*", "index.html"))
	if len(pages) != 1 {
		t.Fatalf("%d articles in the other site's public/stories, want the one converted", len(pages))
	}
	p, err := site.Load(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	body := site.First(p.Root, site.Class("e-content"))
	if text := site.Text(body); strings.Contains(text, "{.") || strings.Contains(text, "{#") {
		t.Errorf("block attributes shown as text: %q", text)
	}
	if n := len(site.All(body, site.Class("turn"))); n < 3 {
		t.Errorf("%d speaker turns", n)
	}
	if n := len(site.All(body, site.Class("caption"))); n != 1 {
		t.Errorf("%d captions", n)
	}
	tl := site.First(p.Root, func(n *html.Node) bool { return n.Data == "ol" && site.Class("timeline")(n) })
	links := site.All(tl, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(site.Attr(n, "href"), "#") })
	if tl == nil || len(links) < 8 {
		t.Fatalf("in-article timeline with %d links", len(links))
	}
	twin := site.First(p.Root, func(n *html.Node) bool { return n.Data == "a" && site.Attr(n, "hreflang") == "zh-Hans" })
	if twin == nil || !strings.HasPrefix(site.Attr(twin, "href"), "/zh-hans/stories/") {
		t.Errorf("the switcher does not lead to the Simplified twin")
	}
	nav := site.First(p.Root, site.Tag("nav"))
	if site.First(nav, func(n *html.Node) bool { return n.Data == "a" && site.Attr(n, "href") == "/stories/" }) == nil {
		t.Error("the navigation does not lead to the site's articles, /stories/")
	}
	tp, err := site.Load(filepath.Join(public, "timeline", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	into := site.All(tp.Root, func(n *html.Node) bool {
		return n.Data == "a" && strings.HasPrefix(site.Attr(n, "href"), "/stories/") && strings.Contains(site.Attr(n, "href"), "#t-")
	})
	if len(into) < 8 {
		t.Errorf("/timeline/ has %d links into the article", len(into))
	}
	// Every internal link and #anchor of the site lands: the in-page
	// timeline, /timeline/, the switcher and the navigation.
	broken, err := site.BrokenLinks(public, "https://news.example/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Error(b)
	}
}
