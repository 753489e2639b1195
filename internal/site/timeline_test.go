package site

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/jishi/jishi/internal/convert"
	"github.com/jishi/jishi/internal/sitebuild"
)

// miniSite is the theme with the given content files (path → text), for
// tests of one shortcode; it returns the source folder.
func miniSite(t *testing.T, files map[string]string) string {
	t.Helper()
	src := t.TempDir()
	if err := sitebuild.CopySite(Root(), src, "config.toml", "layouts", "assets", "i18n"); err != nil {
		t.Fatal(err)
	}
	for rel, text := range files {
		p := filepath.Join(src, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

func page(front, body string) string { return "+++\n" + front + "\n+++\n\n" + body + "\n" }

// events reads a page's timeline lists: datetime | link | text for each item.
func events(t *testing.T, path string) []string {
	t.Helper()
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ol := range All(p.Root, Class("timeline")) {
		for _, li := range All(ol, Tag("li")) {
			out = append(out, Attr(First(li, Tag("time")), "datetime")+"|"+Attr(First(li, Tag("a")), "href")+"|"+Text(First(li, Tag("time"))))
		}
	}
	return out
}

func TestTimelineShortcodeModes(t *testing.T) {
	src := miniSite(t, map[string]string{
		"content/posts/a/index.md": page(`title = "甲"
date = 2023-10-25
people = ["劉聰"]
[[params.timeline]]
date = "2023-05-08"
text = "訊飛星火 1.0 發布"
ref = "t-2023-05-08"
[[params.timeline]]
date = "2011"
text = "承建國家工程實驗室"
ref = "t-2011"`, "第一段。\n{#t-2023-05-08}\n\n第二段。\n{#t-2011}\n\n{{< timeline />}}"),
		"content/posts/b/index.md": page(`title = "乙"
date = 2023-10-20
people = ["王五"]
[[params.timeline]]
date = "2015-06"
text = "乙的事件"
ref = "t-2015-06"`, "乙的段落。\n{#t-2015-06}"),
		"content/inline.md":    page(`title = "手寫"`, "{{< timeline >}}\n2023-05-08 | 訊飛星火 1.0 發布\n2009 | 更早的事 | https://example.org/x\n2023-06 | 六月的事\n2011-03-01 | 三月一日\n{{< /timeline >}}"),
		"content/inline.en.md": page(`title = "Inline"`, "{{< timeline order=\"desc\" limit=\"2\" >}}\n2023-05-08 | Spark 1.0\n2009 | Earlier\n2023-06 | June\n{{< /timeline >}}"),
		"content/data.md":      page(`title = "資料"`, `{{< timeline data="history" />}}`),
		"content/data.en.md":   page(`title = "Data"`, `{{< timeline data="history" />}}`),
		"data/timelines/history.toml": `[[events]]
date = "2020"
text = "二〇二〇年"
[[events]]
date = "2019-01-02"
text = "二〇一九年"`,
		"data/timelines/history.en.toml": `[[events]]
date = "2021"
text = "In English"`,
		"content/site.md":         page(`title = "全站"`, `{{< timeline scope="site" group="year" />}}`),
		"content/person.md":       page(`title = "人物"`, `{{< timeline scope="site" person="劉聰" from="2012" />}}`),
		"content/range.md":        page(`title = "區間"`, `{{< timeline scope="site" from="2011" to="2015" />}}`),
		"content/posts/_index.md": page(`title = "文章"`, ""),
	})
	pub := filepath.Join(t.TempDir(), "public")
	if out, err := Build(src, pub); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	tests := []struct {
		page string
		want []string
	}{
		{"posts/a/index.html", []string{"2011|#t-2011|2011年", "2023-05-08|#t-2023-05-08|2023年5月8日"}},
		{"inline/index.html", []string{"2009|https://example.org/x|2009年", "2011-03-01||2011年3月1日", "2023-05-08||2023年5月8日", "2023-06||2023年6月"}},
		{"en/inline/index.html", []string{"2023-06||June 2023", "2023-05-08||May 8, 2023"}},
		{"data/index.html", []string{"2019-01-02||2019年1月2日", "2020||2020年"}},
		{"en/data/index.html", []string{"2021||2021"}},
		{"site/index.html", []string{"2011|/posts/a/#t-2011|2011年", "2015-06|/posts/b/#t-2015-06|2015年6月", "2023-05-08|/posts/a/#t-2023-05-08|2023年5月8日"}},
		{"person/index.html", []string{"2023-05-08|/posts/a/#t-2023-05-08|2023年5月8日"}},
		{"range/index.html", []string{"2011|/posts/a/#t-2011|2011年", "2015-06|/posts/b/#t-2015-06|2015年6月"}},
	}
	for _, tt := range tests {
		if got := events(t, filepath.Join(pub, tt.page)); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tt.page, got, tt.want)
		}
	}
	// group="year": one list per year, under a heading.
	p, _ := Load(filepath.Join(pub, "site/index.html"))
	if n := len(All(p.Root, Class("timeline-year"))); n != 3 {
		t.Errorf("grouped site timeline has %d year headings, want 3", n)
	}
	if li := First(p.Root, func(n *html.Node) bool { return n.Data == "cite" }); Text(li) != "甲" {
		t.Errorf("site events name their article: %q", Text(li))
	}
}

func TestTimelineShortcodeErrors(t *testing.T) {
	tests := []struct{ name, body, want, front string }{
		{"bad month", "{{< timeline >}}\n2023-05-08 | 好的\n2023-13-01 | 壞的\n{{< /timeline >}}", `timeline line 2: "2023-13-01" is not a date`, ""},
		{"no such day", "{{< timeline >}}\n2023-02-30 | 壞的\n{{< /timeline >}}", `timeline line 1: "2023-02-30" is not a day of the calendar`, ""},
		{"unpadded", "{{< timeline >}}\n2023-5-8 | 壞的\n{{< /timeline >}}", `"2023-5-8" is not a date`, ""},
		{"no separator", "{{< timeline >}}\n2023 沒有分隔號\n{{< /timeline >}}", "timeline line 1", ""},
		{"no text", "{{< timeline >}}\n2023 |\n{{< /timeline >}}", "has no text", ""},
		{"unknown argument", `{{< timeline colour="red" />}}`, `timeline has no argument "colour"`, ""},
		{"positional argument", `{{< timeline "site" />}}`, "named arguments", ""},
		{"bad order", `{{< timeline order="up" />}}`, `order="up"`, ""},
		{"bad limit", `{{< timeline limit="0" />}}`, `limit="0"`, ""},
		{"missing data", `{{< timeline data="nope" />}}`, "data/timelines/nope", ""},
		{"bad scope", `{{< timeline scope="world" />}}`, `scope="world"`, ""},
		{"bad from", `{{< timeline scope="site" from="last year" />}}`, `"last year" is not a date`, ""},
		// An author's edit to the converter's front matter is checked too.
		{"front matter month", "{{< timeline />}}", `front matter timeline: "2023-13" is not a date`, "[[params.timeline]]\ndate = '2023-13'\ntext = '壞的'"},
		{"front matter day", "{{< timeline />}}", `front matter timeline: "2023-02-29" is not a day of the calendar`, "[[params.timeline]]\ndate = '2023-02-29'\ntext = '壞的'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := miniSite(t, map[string]string{"content/bad.md": page("title = \"壞\"\n"+tt.front, tt.body)})
			out, err := Build(src, filepath.Join(t.TempDir(), "public"))
			if err == nil {
				t.Fatal("the build succeeded")
			}
			if !strings.Contains(out, tt.want) || !strings.Contains(out, "bad.md") {
				t.Errorf("error does not name the page and the problem %q:\n%s", tt.want, out)
			}
		})
	}
}

// siteEvents reads /timeline/'s events in order: datetime|href|text, and
// whether each list is marked as in another language.
func siteEvents(t *testing.T, path string) (events []string, langs []string) {
	t.Helper()
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, ol := range All(p.Root, Class("timeline")) {
		langs = append(langs, Attr(ol, "lang")+Attr(First(ol, Tag("a")), "lang"))
		for _, li := range All(ol, Tag("li")) {
			a := First(li, Tag("a"))
			events = append(events, Attr(First(li, Tag("time")), "datetime")+"|"+Attr(a, "href")+"|"+Text(a))
		}
	}
	return events, langs
}

// TestSiteTimeline: /timeline/ shows the list the converter sorted
// (data/jishi/timeline/) when every page with a timeline still has the one
// the list was made from, and otherwise reads every article itself, as the
// shortcode's walk does; both give the same list in the same order. A
// language with no articles shows the original's events, marked as such.
func TestSiteTimeline(t *testing.T) {
	files := map[string]string{
		"content/timeline/_index.md":    page("title = \"時間線\"\nlayout = \"timeline\"", ""),
		"content/timeline/_index.en.md": page("title = \"Timeline\"\nlayout = \"timeline\"", ""),
		"content/walk.md":               page("title = \"全站\"", `{{< timeline scope="site" order="desc" group="year" />}}`),
		"content/posts/a/index.md": page(`title = "甲"
date = 2023-10-25
[[params.timeline]]
date = "2011"
text = "承建國家工程實驗室"
ref = "t-2011"
[[params.timeline]]
date = "2023-05-08"
text = "發布 1.0 & <2.0>"
ref = "t-2023-05-08"
[[params.timeline]]
date = "2023-06"
text = "六月中旬"`, "{{< timeline />}}"),
		// Out of order and one clause for two dates: the shortcode's long path.
		"content/posts/b/index.md": page(`title = "乙"
date = 2023-10-20
[[params.timeline]]
date = "2023-06-09"
text = "五月八日和六月九日"
ref = "t-2023-06-09"
[[params.timeline]]
date = "2023-05-08"
text = "五月八日和六月九日"
ref = "t-2023-06-09"
[[params.timeline]]
date = "2011-03"
text = "乙的事"`, "{{< timeline />}}"),
		// A timeline the page does not show is still the site's.
		"content/posts/c/index.md": page(`title = "丙"
date = 2022-01-01
[[params.timeline]]
date = "2015"
text = "丙的事"`, "丙。"),
	}
	build := func(files map[string]string) string {
		src := miniSite(t, files)
		pub := filepath.Join(t.TempDir(), "public")
		if out, err := Build(src, pub); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return pub
	}
	pub := build(files)
	walk, _ := siteEvents(t, filepath.Join(pub, "walk/index.html"))
	want := []string{
		"2023-06-09|/posts/b/#t-2023-06-09|五月八日和六月九日",
		"2023-06|/posts/a/|六月中旬",
		"2023-05-08|/posts/a/#t-2023-05-08|發布 1.0 & <2.0>",
		"2023-05-08|/posts/b/#t-2023-06-09|同一句，見 2023年6月9日",
		"2015|/posts/c/|丙的事",
		"2011-03|/posts/b/|乙的事",
		"2011|/posts/a/#t-2011|承建國家工程實驗室",
	}
	if strings.Join(walk, "\n") != strings.Join(want, "\n") {
		t.Errorf("the shortcode's walk:\n got %q\nwant %q", walk, want)
	}
	got, langs := siteEvents(t, filepath.Join(pub, "timeline/index.html"))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("/timeline/:\n got %q\nwant %q", got, want)
	}
	if strings.Join(langs, "") != "" {
		t.Errorf("/timeline/ marks its own events as another language's: %q", langs)
	}
	p, _ := Load(filepath.Join(pub, "timeline/index.html"))
	if n := len(All(p.Root, Class("timeline-year"))); n != 3 {
		t.Errorf("/timeline/ has %d year headings, want 3", n)
	}
	w, _ := Load(filepath.Join(pub, "walk/index.html"))
	if cites, walked := All(p.Root, Tag("cite")), All(w.Root, Tag("cite")); len(cites) != 6 || len(walked) != 6 {
		t.Errorf("/timeline/ names an article %d times, the walk %d; want 6 (once per run of its events in a year)", len(cites), len(walked))
	}
	got, langs = siteEvents(t, filepath.Join(pub, "en/timeline/index.html"))
	if len(got) != len(want) || got[0] != want[0] {
		t.Errorf("/en/timeline/ does not show the original's events: %q", got)
	} else if got[3] != "2023-05-08|/posts/b/#t-2023-06-09|Told with June 9, 2023" {
		t.Errorf("/en/timeline/ points to a clause told above in the original's words: %q", got[3])
	}
	for _, l := range langs {
		if l != "zh-Hant" {
			t.Errorf("/en/timeline/ lists the original's events without marking their language: %q", langs)
			break
		}
	}

	// The converter's list, made from these pages: the same page.
	withData := maps.Clone(files)
	maps.Copy(withData, siteTimelineData(t, files))
	pub = build(withData)
	if got, _ := siteEvents(t, filepath.Join(pub, "timeline/index.html")); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("/timeline/ from the converter's list:\n got %q\nwant %q", got, want)
	}
	// Word for word what the walk writes: headings, dates, texts, citations.
	if a, b := listText(t, filepath.Join(pub, "timeline/index.html")), listText(t, filepath.Join(pub, "walk/index.html")); a != b || strings.Count(a, "\n") != len(want)+3 {
		t.Errorf("/timeline/ from the converter's list reads\n%s\nthe walk\n%s", a, b)
	}
	got, langs = siteEvents(t, filepath.Join(pub, "en/timeline/index.html"))
	if len(got) != len(want) || got[3] != "2023-05-08|/posts/b/#t-2023-06-09|Told with June 9, 2023" {
		t.Errorf("/en/timeline/ from the converter's list: %q", got)
	}
	for _, l := range langs {
		if l != "zh-Hant" {
			t.Errorf("/en/timeline/ from the converter's list does not mark the original's language: %q", langs)
			break
		}
	}

	// The list is what is shown while the pages match it: a list whose
	// text differs from the pages' (never written by the converter, but
	// it shows which source the page took) is shown as it stands.
	marked := maps.Clone(withData)
	marked["data/jishi/timeline/default.json"] = strings.ReplaceAll(withData["data/jishi/timeline/default.json"], "丙的事", "丙的事（清單）")
	pub = build(marked)
	if got, _ := siteEvents(t, filepath.Join(pub, "timeline/index.html")); len(got) != len(want) || got[4] != "2015|/posts/c/|丙的事（清單）" {
		t.Errorf("/timeline/ does not take the converter's list when it matches the pages: %q", got)
	}
	if got, _ := siteEvents(t, filepath.Join(pub, "en/timeline/index.html")); len(got) != len(want) || got[4] != "2015|/posts/c/|丙的事（清單）" {
		t.Errorf("/en/timeline/ does not take the converter's list when it matches the pages: %q", got)
	}

	// An edit the list has not seen (a text changed by hand), a page it
	// does not know (written by hand), a draft it lists: the page walks
	// the articles, or leaves the draft out, and is right either way.
	for name, change := range map[string]func(map[string]string){
		"edited text": func(f map[string]string) {
			f["content/posts/c/index.md"] = strings.Replace(f["content/posts/c/index.md"], "丙的事", "丙的事（改）", 1)
		},
		"page by hand": func(f map[string]string) {
			f["content/posts/d.md"] = page("title = \"丁\"\ndate = 2020-01-01\n[[params.timeline]]\ndate = \"1999\"\ntext = \"丁的事\"", "丁。")
		},
		"draft": func(f map[string]string) {
			f["content/posts/c/index.md"] = strings.Replace(f["content/posts/c/index.md"], "title = \"丙\"", "title = \"丙\"\ndraft = true", 1)
		},
	} {
		f := maps.Clone(marked)
		change(f)
		pub := build(f)
		got, _ := siteEvents(t, filepath.Join(pub, "timeline/index.html"))
		w, _ := siteEvents(t, filepath.Join(pub, "walk/index.html"))
		if strings.Join(got, "\n") != strings.Join(w, "\n") || strings.Contains(strings.Join(got, ""), "（清單）") {
			t.Errorf("%s: /timeline/ is not what the walk lists:\n got %q\nwant %q", name, got, w)
		}
	}
}

// listText is the text of a page's year headings and timeline lists, an
// item a line.
func listText(t *testing.T, path string) string {
	t.Helper()
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, h := range All(p.Root, Class("timeline-year")) {
		b.WriteString(Text(h) + "\n")
	}
	for _, ol := range All(p.Root, Class("timeline")) {
		for _, li := range All(ol, Tag("li")) {
			b.WriteString(Text(li) + "|" + Attr(First(li, Tag("time")), "class") + "\n")
		}
	}
	return b.String()
}

// siteTimelineData is the converter's list for the site files given (see
// convert.BuildSiteTimeline), as data files by path.
func siteTimelineData(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	zone, _ := time.LoadLocation("Asia/Taipei")
	langs := map[string]map[string]convert.PageTimeline{}
	for rel, text := range files {
		path, ok := strings.CutPrefix(rel, "content/")
		if !ok || !strings.HasPrefix(path, "posts/") {
			continue
		}
		pt, ok := convert.ReadPageTimeline([]byte(text), zone)
		if !ok {
			continue
		}
		lang := "default"
		if parts := strings.Split(filepath.Base(path), "."); len(parts) == 3 {
			lang = parts[1]
		}
		if langs[lang] == nil {
			langs[lang] = map[string]convert.PageTimeline{}
		}
		langs[lang][path] = pt
	}
	out := map[string]string{}
	for lang, pages := range langs {
		b, err := json.Marshal(convert.BuildSiteTimeline(pages))
		if err != nil {
			t.Fatal(err)
		}
		out["data/jishi/timeline/"+lang+".json"] = string(b)
	}
	return out
}
