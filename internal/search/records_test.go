package search

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// An article page as the theme writes it, with what search must leave out.
const articleHTML = `<!doctype html><html lang=zh-Hant><head><title>渡口 · 紀事</title></head><body>
<nav>首頁 搜尋</nav><main><article data-pagefind-body><header><h1>渡口夜話</h1>
<p class=meta data-pagefind-ignore><time data-pagefind-meta=date datetime=2024-03-02T08:00:00+08:00>2024年3月2日</time></p></header>
<aside data-pagefind-ignore><h2>受訪者</h2><dl><dt>老陳</dt></dl></aside>
<p>船到江心，<strong>霧</strong>才散開。</p>
<details data-pagefind-ignore><summary>本文時間線</summary><ol><li>2024年</li></ol></details>
<h2 id=x>第二段</h2><p class=turn><strong>問</strong>：渡口 3.5 公里外呢？<br>還有一條路。</p>
<ul><li>一</li><li>二</li></ul>
<footer data-pagefind-ignore>來源</footer></article></main></body></html>`

func TestRead(t *testing.T) {
	dir := t.TempDir()
	for path, body := range map[string]string{
		"posts/du-kou/index.html": articleHTML,
		"posts/index.html":        `<html lang=zh-Hant><body><h1>文章</h1></body></html>`,
		"pagefind/x/index.html":   articleHTML,
		"en/posts/a/index.html":   `<html lang=en><body><article data-pagefind-body><h1>A</h1><p>Ferry.</p></article></body></html>`,
		"zh-hans/posts/b/x.html":  `<html lang=zh-Hans><body><div data-pagefind-body><p>无题</p></div></body></html>`,
	} {
		p := filepath.Join(dir, path)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{URL: "/en/posts/a/", Lang: "en", Title: "A", Text: "Ferry."},
		{URL: "/posts/du-kou/", Lang: "zh-hant", Title: "渡口夜話", Date: "2024-03-02T08:00:00+08:00",
			Text: "船到江心，霧才散開。\n第二段\n問：渡口 3.5 公里外呢？\n還有一條路。\n一\n二"},
		{URL: "/zh-hans/posts/b/x.html", Lang: "zh-hans", Text: "无题"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read =\n%#v\nwant\n%#v", got, want)
	}
	if c := Content(want[1]); !strings.HasPrefix(c, "渡 口 夜 話 ¶ 船 到 江 心 ， 霧 才 散 開 。 ¶ 第 二 段 ¶") {
		t.Errorf("Content = %q", c)
	}
	lines := linesOf(t, got)
	// Bundles in order, and in a bundle the oldest first (undated first).
	if len(lines) != 3 || lines[0].Bundle != "/pub/pagefind/en/1" || lines[0].Language != "en" || lines[0].Meta["t"] != "1/text/1.json" ||
		lines[1].URL != "/zh-hans/posts/b/x.html" || lines[1].Meta["t"] != "1/text/1.json" ||
		lines[2].URL != "/posts/du-kou/" || lines[2].Bundle != "/pub/pagefind/zh/1" || lines[2].Language != "x-zh" ||
		!strings.HasPrefix(lines[2].Content, "渡 口 夜 話 ¶ 船 到 江 心 ， 雾 才 散 开 。") ||
		lines[2].Meta["lang"] != "zh-hant" || lines[2].Meta["t"] != "1/text/2.json" {
		t.Errorf("Lines = %+v", lines)
	}
}

func linesOf(t *testing.T, recs []Record) []line {
	t.Helper()
	entries, err := group(recs)
	if err != nil {
		t.Fatal(err)
	}
	return lines("/pub", entries)
}

// TestTwinsAreOneRecord: a page and its twin in the other script (met by
// their rel=alternate links, on a site under a path) are one record of the
// Chinese bundle, which shows either; a twin written with other words is a
// record of its own, and each names the languages the page has.
func TestTwinsAreOneRecord(t *testing.T) {
	alt := map[string]string{
		"zh-hant":   "https://example.org/sub/posts/a/",
		"zh-hans":   "https://example.org/sub/zh-hans/posts/a/",
		"x-default": "https://example.org/sub/posts/a/",
	}
	altB := map[string]string{
		"zh-hans":   "https://example.org/sub/zh-hans/posts/b/",
		"zh-hant":   "https://example.org/sub/posts/b/",
		"x-default": "https://example.org/sub/zh-hans/posts/b/",
	}
	recs := []Record{
		{URL: "/zh-hans/posts/a/", Lang: "zh-hans", Title: "软体发展", Text: "反复讨论。", Alt: alt},
		{URL: "/posts/a/", Lang: "zh-hant", Title: "軟體發展", Text: "反覆討論。", Alt: alt},
		{URL: "/zh-hans/posts/b/", Lang: "zh-hans", Title: "软件", Text: "鼠标", Alt: altB},
		{URL: "/posts/b/", Lang: "zh-hant", Title: "軟體", Text: "滑鼠", Alt: altB},
	}
	lines := linesOf(t, recs)
	if len(lines) != 3 {
		t.Fatalf("%d records, want 3: %+v", len(lines), lines)
	}
	a := lines[0]
	if a.URL != "/posts/a/" || a.Meta["lang"] != "zh-hant" || a.Meta["url:zh-hans"] != "/zh-hans/posts/a/" ||
		a.Meta["title:zh-hans"] != "软体发展" || a.Meta["alts"] != "zh-hans" {
		t.Errorf("a page and its twin: %+v", a)
	}
	entries, err := group(recs)
	if err != nil {
		t.Fatal(err)
	}
	pub := t.TempDir()
	if err := writeTexts(pub, entries); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(pub, "pagefind", "zh", filepath.FromSlash(a.Meta["t"])))
	if want := `{"zh-hans":"软 体 发 展 ¶ 反 复 讨 论 。","zh-hant":"軟 體 發 展 ¶ 反 覆 討 論 。"}`; string(b) != want {
		t.Errorf("texts of a page and its twin: %s, want %s", b, want)
	}
	// The twin in other words: two records, each naming the other's language.
	if lines[1].URL != "/posts/b/" || lines[2].URL != "/zh-hans/posts/b/" || lines[2].Meta["url:zh-hant"] != "" ||
		lines[1].Meta["alts"] != "zh-hans" || lines[2].Meta["alts"] != "zh-hant" {
		t.Errorf("a twin in other words: %+v", lines[1:])
	}
}

// TestShards: a bundle whose records hold more than ShardTokens tokens is
// split into shards in order, each under the limit, and a new bundle starts
// at shard 1.
func TestShards(t *testing.T) {
	defer func(n int) { ShardTokens = n }(ShardTokens)
	ShardTokens = 10
	var recs []Record
	for i, text := range []string{"一二三", "四五六", "七八九", "十", "甲乙丙丁戊己庚"} {
		recs = append(recs, Record{URL: fmt.Sprintf("/posts/%d/", i), Lang: "zh-hant", Title: "題", Text: text})
	}
	recs = append(recs, Record{URL: "/en/posts/a/", Lang: "en", Title: "A", Text: "B"})
	var got []string
	for _, l := range linesOf(t, recs) {
		got = append(got, l.URL+" "+strings.TrimPrefix(l.Bundle, "/pub/pagefind/"))
	}
	// 題 ¶ 一 二 三 is 5 tokens: two a shard; 題 ¶ 十 is 3.
	want := []string{"/en/posts/a/ en/1", "/posts/0/ zh/1", "/posts/1/ zh/1", "/posts/2/ zh/2", "/posts/3/ zh/2", "/posts/4/ zh/3"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shards:\n%v\nwant\n%v", got, want)
	}
}
