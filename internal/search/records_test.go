package search

import (
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
	var b strings.Builder
	if err := Lines(&b, "/pub", got); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], `"bundle":"/pub/pagefind/zh-hant","url":"/posts/du-kou/","language":"x-zh-hant"`) ||
		!strings.Contains(lines[0], `"language":"en"`) || strings.Contains(lines[0], `"text"`) ||
		!strings.Contains(lines[2], `"content":"渡 口 夜 話 ¶ 船 到 江 心 ， 雾 才 散 开 。`) ||
		!strings.Contains(lines[2], `"meta":{"date":"2024-03-02T08:00:00+08:00","text":"渡 口 夜 話 ¶ 船 到 江 心 ， 霧 才 散 開 。`) {
		t.Errorf("Lines =\n%s", b.String())
	}
}
