package site

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"github.com/jishi/jishi/internal/convert"
	"github.com/jishi/jishi/internal/sitebuild"
)

// public is the one build that every test reads: the repository's site
// with the hostile corpus converted into it (section "hostile").
var (
	public        string
	hostile       []*convert.Document
	anchored      []*convert.Document // testdata/anchors: events told in every kind of block
	shapes        []*convert.Document // testdata/shapes: real pages' shapes, in lines of our own
	searchIndexed bool                // Pagefind ran over the build (it is installed with npm ci)
)

func TestMain(m *testing.M) {
	code, err := buildOnce(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(code)
}

func buildOnce(m *testing.M) (int, error) {
	tmp, err := os.MkdirTemp("", "jishi-site-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, "site")
	if err := sitebuild.CopySite(Root(), src); err != nil {
		return 0, err
	}
	hostile, err = ConvertInto(src, "hostile", filepath.Join(Root(), "internal/convert/testdata/hostile"))
	if err != nil {
		return 0, err
	}
	anchored, err = ConvertInto(src, "anchors", filepath.Join(Root(), "internal/site/testdata/anchors"))
	if err != nil {
		return 0, err
	}
	shapes, err = ConvertInto(src, "shapes", filepath.Join(Root(), "internal/site/testdata/shapes"))
	if err != nil {
		return 0, err
	}
	// An author writes an article by hand, beside the converted ones.
	hand := filepath.Join(src, "content", "posts", "written-by-hand")
	if err := os.MkdirAll(hand, 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(hand, "index.md"), []byte(handWritten), 0o644); err != nil {
		return 0, err
	}
	// An author adds an English translation beside one article.
	enPage := filepath.Join(src, "content", "hostile", hostile[1].Slug, "index.en.md")
	if err := os.WriteFile(enPage, []byte(englishPage), 0o644); err != nil {
		return 0, err
	}
	public = filepath.Join(tmp, "public")
	if _, err := Build(src, public); err != nil {
		return 0, err
	}
	if searchIndexed, err = IndexSearch(public); err != nil {
		return 0, err
	}
	// The review page `serve` shows editors, for the same checks as every page
	// (it is never part of a real build).
	if err := writeReview(src, public); err != nil {
		return 0, err
	}
	if err := writeBroken(public); err != nil {
		return 0, err
	}
	return m.Run(), nil
}

const handWritten = `+++
title = "一篇手寫的文章"
date = 2022-03-04
+++

編輯直接寫成的文章，沒有經過轉換。
`

const englishPage = `+++
title = "Hashes, entities and quotes: a test title"
date = 2023-10-25
+++

The English translation an author wrote by hand.
`

const sampleSlug = "dui-hua-ke-da-xun-fei-bu-zhuan-qian-shi-chatgpt-de-wen-ti-1"

func load(t *testing.T, rel string) *Page {
	t.Helper()
	p, err := Load(filepath.Join(public, rel))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSampleArticleMarkup(t *testing.T) {
	p := load(t, "posts/"+sampleSlug+"/index.html")
	if lang := Attr(First(p.Root, Tag("html")), "lang"); lang != "zh-Hant" {
		t.Errorf(`<html lang=%q>, want "zh-Hant"`, lang)
	}
	art := First(p.Root, func(n *html.Node) bool { return n.Data == "article" && Class("h-entry")(n) })
	if art == nil {
		t.Fatal("no <article class=h-entry>")
	}
	h1 := First(art, func(n *html.Node) bool { return n.Data == "h1" && Class("p-name")(n) })
	if got := Text(h1); got != "對話科大訊飛：不賺錢是 ChatGPT 的問題，不是大模型商業化的問題" {
		t.Errorf("h1.p-name = %q", got)
	}
	tm := First(art, func(n *html.Node) bool { return n.Data == "time" && Class("dt-published")(n) })
	if got := Attr(tm, "datetime"); got != "2023-10-25T18:06:00+08:00" {
		t.Errorf("time.dt-published datetime = %q", got)
	}
	if got := Text(tm); got != "2023年10月25日" {
		t.Errorf("localised date = %q", got)
	}
	body := First(art, Class("e-content"))
	if body == nil {
		t.Fatal("no .e-content")
	}

	// Section headings: <h2 id>. Two of them make no table of contents
	// (it starts at three, folded): the first screen holds the article.
	if First(p.Root, Class("toc")) != nil {
		t.Error("a table of contents for two headings")
	}
	var heads []string
	for _, h := range All(body, Tag("h2")) {
		if Attr(h, "id") == "" {
			t.Errorf("<h2> %q has no id", Text(h))
		}
		heads = append(heads, Text(h))
	}
	if strings.Join(heads, "|") != "「訊飛星火 3.0」如期而至|3.0 後，訊飛星火下一步怎麼走" {
		t.Errorf("headings %q", heads)
	}

	// The numbered list.
	ols := All(body, func(n *html.Node) bool { return n.Data == "ol" && !Class("timeline")(n) })
	if len(ols) != 1 || len(All(ols[0], Tag("li"))) != 4 {
		t.Errorf("want one <ol> of 4 items in the body, got %d lists", len(ols))
	}

	// Turns: every paragraph in one carries data-speaker; the first shows the label.
	speaking := All(body, Has("data-speaker"))
	starts := map[string]int{}
	questions := 0
	for _, n := range speaking {
		label := Attr(n, "data-speaker")
		if !Class("turn")(n) {
			continue
		}
		starts[label]++
		strong := n.FirstChild
		if strong == nil || strong.Type != html.ElementNode || (strong.Data != "strong" && strong.Data != "b") || Text(strong) != label {
			t.Errorf("turn of %s does not open with its label in <strong>: %q", label, Text(n))
		}
		if _, q := AttrOK(n, "data-question"); q {
			questions++
			if label != "問" {
				t.Errorf("answer by %s marked as a question", label)
			}
		}
	}
	if starts["問"] != 7 || starts["劉聰"] != 4 || starts["劉慶峰"] != 3 || questions != 7 {
		t.Errorf("turns %v, questions %d; want 問 7, 劉聰 4, 劉慶峰 3, 7 questions", starts, questions)
	}
	if len(speaking) <= 14 {
		t.Errorf("only %d elements carry data-speaker: continuation paragraphs lost theirs", len(speaking))
	}

	// The caption after the removed image.
	if c := First(body, Class("caption")); Text(c) != "科大訊飛此前公布的年內升級關鍵里程碑" {
		t.Errorf("caption %q", Text(c))
	}
}

func TestSampleTimelineLinksIntoThePage(t *testing.T) {
	p := load(t, "posts/"+sampleSlug+"/index.html")
	tl := First(p.Root, Class("timeline"))
	if tl == nil || tl.Data != "ol" {
		t.Fatal("no <ol class=timeline>")
	}
	var dates []string
	for _, li := range All(tl, Tag("li")) {
		tm := First(li, Tag("time"))
		dates = append(dates, Attr(tm, "datetime"))
		a := First(li, Tag("a"))
		href := Attr(a, "href")
		if !strings.HasPrefix(href, "#") || First(p.Root, func(n *html.Node) bool { return Attr(n, "id") == href[1:] }) == nil {
			t.Errorf("event %s links to %q, which is not an id on the page", Attr(tm, "datetime"), href)
		}
	}
	want := "2011 2012 2018 2022-12-15 2023-05-08 2023-06 2023-06-08 2023-06-09 2023-09-05 2023-10-24"
	if got := strings.Join(dates, " "); got != want {
		t.Errorf("timeline dates\n got %s\nwant %s", got, want)
	}
}

// TestNoPromotionalLine: the boilerplate before the title is nowhere on the
// site (but on the review page, which lists what was removed and is only
// placed in this test build to be audited).
func TestNoPromotionalLine(t *testing.T) {
	filepath.WalkDir(public, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(filepath.ToSlash(path), "/_review/") {
			return err
		}
		b, _ := os.ReadFile(path)
		if strings.Contains(string(b), "神魔宇宙") || strings.Contains(string(b), "maitreya-books") {
			t.Errorf("%s carries the promotional line", path)
		}
		return nil
	})
}

// TestHostileFidelity: every hostile file's page shows exactly the
// Document's text as typeset (only the width of Chinese punctuation
// differs), through the real Hugo, with no element the text did not have.
func TestHostileFidelity(t *testing.T) {
	if len(hostile) < 2 {
		t.Fatalf("%d hostile documents", len(hostile))
	}
	allowed := map[string]bool{"p": true, "h2": true, "ol": true, "ul": true, "li": true, "strong": true,
		"blockquote": true, "pre": true, "code": true, "br": true, "div": true, "span": true}
	for _, doc := range hostile {
		p := load(t, filepath.Join("hostile", doc.Slug, "index.html"))
		if got := Text(First(p.Root, Class("p-name"))); got != doc.Title {
			t.Errorf("%s: h1 %q, want the title %q", doc.File, got, doc.Title)
		}
		body := First(p.Root, Class("e-content"))
		for _, tl := range All(body, Class("timeline")) {
			tl.Parent.RemoveChild(tl) // event texts repeat the body's
		}
		got, want := visible(Text(body)), visible(doc.Typeset().Shown()) // the page is typeset
		if got != want {
			i := 0
			g, w := []rune(got), []rune(want)
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s: page differs at rune %d:\n page %q\n  doc %q", doc.File, i, string(g[i:min(len(g), i+40)]), string(w[i:min(len(w), i+40)]))
		}
		for _, n := range All(body, func(*html.Node) bool { return true }) {
			if !allowed[n.Data] {
				t.Errorf("%s: <%s> in the body, which the text did not have", doc.File, n.Data)
			}
		}
	}
}

func visible(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == 0x3000 || r == 0xA0 {
			return -1
		}
		return r
	}, s)
}

// Structured data is written as JSON text (jsonld.html): on every article,
// including the hostile corpus's titles and texts, it must parse and say
// what the page says.
func TestStructuredData(t *testing.T) {
	n := 0
	err := EachPage(public, func(path string, p *Page) error {
		s := First(p.Root, func(n *html.Node) bool { return n.Data == "script" && Attr(n, "type") == "application/ld+json" })
		if s == nil {
			return nil
		}
		n++
		var ld map[string]any
		if err := json.Unmarshal([]byte(Text(s)), &ld); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v\n%s", path, err, Text(s))
			return nil
		}
		og := First(p.Root, func(n *html.Node) bool { return n.Data == "meta" && Attr(n, "property") == "og:title" })
		if ld["headline"] != Attr(og, "content") || ld["@type"] != "NewsArticle" {
			t.Errorf("%s: JSON-LD headline %q, page title %q", path, ld["headline"], Attr(og, "content"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < len(hostile) {
		t.Errorf("JSON-LD on %d pages, want every article (%d hostile alone)", n, len(hostile))
	}
	p := load(t, "posts/"+sampleSlug+"/index.html")
	var ld struct {
		Headline, DatePublished               string
		Author, SourceOrganization, Publisher struct{ Type, Name string }
		About                                 []struct{ Name, JobTitle string }
	}
	s := First(p.Root, func(n *html.Node) bool { return n.Data == "script" && Attr(n, "type") == "application/ld+json" })
	if err := json.Unmarshal([]byte(Text(s)), &ld); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("%s|%s|%s|%s|%v", ld.DatePublished, ld.Author.Name, ld.SourceOrganization.Name, ld.Publisher.Name, ld.About)
	want := "2023-10-25T18:06:00+08:00|極客公園|極客公園|紀事|[{劉聰 研究院院長} {劉慶峰 董事長}]"
	if got != want {
		t.Errorf("sample JSON-LD:\n got %s\nwant %s", got, want)
	}
}
