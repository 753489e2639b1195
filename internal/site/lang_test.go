package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jishi/jishi/internal/zhconv"
	"golang.org/x/net/html"
)

// alternates reads a page's <link rel=alternate hreflang> as hreflang → URL.
func alternates(p *Page) map[string]string {
	out := map[string]string{}
	for _, l := range All(p.Root, func(n *html.Node) bool {
		return n.Data == "link" && Attr(n, "rel") == "alternate" && Attr(n, "hreflang") != ""
	}) {
		out[Attr(l, "hreflang")] = Attr(l, "href")
	}
	return out
}

func TestSimplifiedTwin(t *testing.T) {
	hant := load(t, "posts/"+sampleSlug+"/index.html")
	hans := load(t, "zh-hans/posts/"+sampleSlug+"/index.html")
	if lang := Attr(First(hans.Root, Tag("html")), "lang"); lang != "zh-Hans" {
		t.Errorf("twin <html lang=%q>", lang)
	}
	tw2sp, err := zhconv.Load(zhconv.TraditionalToSimplified)
	if err != nil {
		t.Fatal(err)
	}
	title := Text(First(hans.Root, Class("p-name")))
	if want := tw2sp.Convert(Text(First(hant.Root, Class("p-name")))); title != want || title != "对话科大讯飞：不赚钱是 ChatGPT 的问题，不是大模型商业化的问题" {
		t.Errorf("twin title %q, want %q", title, want)
	}
	// Entirely Simplified: no character that is Traditional only — one that
	// s2twp leaves as it is and tw2sp changes (訊, not 么, which is both).
	s2twp, err := zhconv.Load(zhconv.SimplifiedToTraditional)
	if err != nil {
		t.Fatal(err)
	}
	body := Text(First(hans.Root, Class("e-content")))
	for _, r := range title + body {
		c := string(r)
		if r > 0x2E80 && s2twp.Convert(c) == c && tw2sp.Convert(c) != c {
			t.Errorf("the twin holds the Traditional character %s", c)
		}
	}
	if !strings.Contains(body, "软件") && !strings.Contains(body, "讯飞星火") {
		t.Error("twin body does not read as Simplified")
	}
	note := First(hans.Root, Class("machine-note"))
	if note == nil || Attr(First(note, Tag("a")), "href") != "/posts/"+sampleSlug+"/" {
		t.Error("twin has no visible machine-conversion note linking the original")
	}
	// Linked both ways, by hreflang and by the switcher.
	for _, p := range []*Page{hant, hans} {
		alt := alternates(p)
		if alt["zh-Hant"] != "https://example.org/posts/"+sampleSlug+"/" || alt["zh-Hans"] != "https://example.org/zh-hans/posts/"+sampleSlug+"/" || alt["x-default"] != alt["zh-Hant"] {
			t.Errorf("%s alternates %v", p.Path, alt)
		}
		sw := First(p.Root, Class("langs"))
		links := map[string]string{}
		for _, a := range All(sw, Tag("a")) {
			links[Attr(a, "hreflang")] = Attr(a, "href")
		}
		if links["zh-Hant"] != "/posts/"+sampleSlug+"/" || links["zh-Hans"] != "/zh-hans/posts/"+sampleSlug+"/" || links["en"] != "/en/" {
			t.Errorf("%s switcher %v", p.Path, links)
		}
	}
}

func TestEnglishFrontDoor(t *testing.T) {
	en := load(t, "en/index.html")
	untranslated := First(en.Root, Class("untranslated"))
	if untranslated == nil {
		t.Fatal("/en/ does not list the articles not yet in English")
	}
	h := First(untranslated, func(n *html.Node) bool { return n.Data == "h3" && strings.Contains(Text(n), "對話科大訊飛") })
	if h == nil || Attr(h, "lang") != "zh-Hant" || Attr(First(h, Tag("a")), "href") != "/posts/"+sampleSlug+"/" {
		t.Error("/en/ does not link the sample in its own language")
	}
	if strings.Contains(Text(untranslated), "Hashes, entities") || strings.Contains(Text(untranslated), hostile[1].Title) {
		t.Error("an article with an English translation is listed as untranslated")
	}
	if _, err := os.Stat(filepath.Join(public, "en", "posts", sampleSlug)); err == nil {
		t.Error("/en/ published a duplicate of an untranslated article")
	}
}

func TestEnglishTranslationAppears(t *testing.T) {
	slug := hostile[1].Slug
	en := load(t, filepath.Join("en", "hostile", slug, "index.html"))
	if Attr(First(en.Root, Tag("html")), "lang") != "en" || Text(First(en.Root, Class("p-name"))) != "Hashes, entities and quotes: a test title" {
		t.Fatal("the English page is not there")
	}
	zh := load(t, filepath.Join("hostile", slug, "index.html"))
	want := []string{"en", "x-default", "zh-Hans", "zh-Hant"}
	for _, p := range []*Page{en, zh} {
		alt := alternates(p)
		var got []string
		for k := range alt {
			got = append(got, k)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(want, " ") || alt["en"] != "https://example.org/en/hostile/"+slug+"/" {
			t.Errorf("%s alternates %v", p.Path, alt)
		}
	}
	if home := load(t, "en/index.html"); First(home.Root, func(n *html.Node) bool {
		return n.Data == "a" && Attr(n, "href") == "/en/hostile/"+slug+"/"
	}) == nil {
		t.Error("/en/ does not list the English article")
	}
}

// TestSitemapAlternates: the sitemap lists the same alternates as each page's head.
func TestSitemapAlternates(t *testing.T) {
	locRe := regexp.MustCompile(`<url><loc>([^<]+)</loc>.*?</url>`)
	altRe := regexp.MustCompile(`hreflang="([^"]+)" href="([^"]+)"`)
	for _, lang := range []string{"zh-hant", "zh-hans", "en"} {
		b, err := os.ReadFile(filepath.Join(public, lang, "sitemap.xml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range locRe.FindAllStringSubmatch(string(b), -1) {
			if !strings.Contains(m[1], "/posts/") && !strings.Contains(m[1], "/hostile/") {
				continue
			}
			rel := strings.TrimPrefix(m[1], "https://example.org/")
			p := load(t, filepath.Join(rel, "index.html"))
			head := alternates(p)
			site := map[string]string{}
			for _, a := range altRe.FindAllStringSubmatch(m[0], -1) {
				site[a[1]] = a[2]
			}
			if len(site) != len(head) {
				t.Errorf("%s: sitemap alternates %v, head %v", rel, site, head)
			}
			for k, v := range head {
				if site[k] != v {
					t.Errorf("%s: %s is %q in the head, %q in the sitemap", rel, k, v, site[k])
				}
			}
		}
	}
}

// An English front door lists the newest untranslated originals, not every
// one: past twenty, it sends readers to the archive of the language they
// were written in.
func TestEnglishFrontDoorAtScale(t *testing.T) {
	files := map[string]string{"content/archive/_index.md": "+++\ntitle = \"歸檔\"\nlayout = \"archive\"\n+++\n"}
	for i := 1; i <= 22; i++ {
		files[fmt.Sprintf("content/posts/p%02d/index.md", i)] = page(fmt.Sprintf("title = \"第 %d 篇\"\ndate = 2023-01-%02d", i, i), "正文。")
	}
	src := miniSite(t, files)
	pub := filepath.Join(t.TempDir(), "public")
	if out, err := Build(src, pub); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	p, err := Load(filepath.Join(pub, "en", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	box := First(p.Root, Class("untranslated"))
	var titles []string
	for _, h := range All(box, Tag("h3")) {
		titles = append(titles, Text(h))
	}
	if len(titles) != 20 || titles[0] != "第 22 篇" || titles[19] != "第 3 篇" {
		t.Errorf("/en/ lists %d untranslated articles %q, want the newest 20", len(titles), titles)
	}
	more := First(box, Class("more"))
	if a := First(more, Tag("a")); a == nil || Attr(a, "href") != "/archive/" || Attr(a, "hreflang") != "zh-Hant" {
		t.Errorf("/en/ does not send readers on to the archive: %v", Text(more))
	}
	// The same 22 articles: a feed carries the newest twenty, not the archive.
	for _, feed := range []string{"index.xml", "posts/index.xml"} {
		b, err := os.ReadFile(filepath.Join(pub, feed))
		if err != nil {
			t.Fatal(err)
		}
		items := strings.Count(string(b), "<item>")
		if items != 20 || !strings.Contains(string(b), "第 22 篇") || strings.Contains(string(b), "第 2 篇<") {
			t.Errorf("%s has %d items, want the newest 20", feed, items)
		}
	}
}
