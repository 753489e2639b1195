package site

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestRealShapes: pages converted from real pages' shapes (wire copy with
// furniture, a paper's page, a BBS post, a wrapper format, an outlet's
// interview) build with the title, date and people a careful editor reads
// in them, and nothing that is not a person gets a /people/ page.
func TestRealShapes(t *testing.T) {
	want := map[string]struct{ title, date string }{
		"wire.txt":      {"寒流來襲 北部低溫探8度", "2024-01-20T07:40:00+08:00"},
		"paper.txt":     {"城市公园今天开放", "2019-07-02T17:45:00+08:00"},
		"bbs.txt":       {"雨天的午後", "2017-05-18T10:20:30+08:00"},
		"ptt.txt":       {"替變數取名字的三個問題", "2020-10-10T21:05:44+08:00"},
		"wechat.txt":    {"夜市的最后一个摊位丨城市一线", "2022-03-01T00:00:00+08:00"},
		"wrapped.txt":   {"城市的夜晚", "2021-06-01T00:00:00+08:00"}, // a day alone is midnight in the site's zone
		"interview.txt": {"「我們要讓城市更好走」某某電台專訪市議員參選人陳大文", "2023-11-02T19:30:00+08:00"},
		"qa.txt":        {"渡口的老船長：四十年只做一件事", "2024-03-02T09:15:00+08:00"},
	}
	if len(shapes) != len(want) {
		t.Fatalf("%d shape fixtures converted, want %d", len(shapes), len(want))
	}
	for _, doc := range shapes {
		w := want[doc.File]
		dir := "shapes/" + doc.Slug + "/index.html"
		if doc.Script == "Hans" {
			dir = "zh-hans/" + dir
		}
		p := load(t, filepath.FromSlash(dir))
		h1 := First(p.Root, func(n *html.Node) bool { return n.Data == "h1" && Class("p-name")(n) })
		tm := First(p.Root, func(n *html.Node) bool { return n.Data == "time" && Class("dt-published")(n) })
		if Text(h1) != w.title || Attr(tm, "datetime") != w.date {
			t.Errorf("%s: h1 %q, date %q; want %q, %q", doc.File, Text(h1), Attr(tm, "datetime"), w.title, w.date)
		}
	}
	// Questions labelled, answers not: each answer is a turn without a
	// label, its paragraphs together, after its question.
	for _, doc := range shapes {
		if doc.File != "qa.txt" {
			continue
		}
		p := load(t, filepath.FromSlash("shapes/"+doc.Slug+"/index.html"))
		var turns []string
		for _, n := range All(p.Root, func(n *html.Node) bool { _, ok := AttrOK(n, "data-speaker"); return n.Data == "p" && ok }) {
			label := ""
			if s := First(n, Tag("strong")); s != nil {
				label = Text(s)
			}
			turns = append(turns, Attr(n, "class")+" "+Attr(n, "data-speaker")+" "+label)
		}
		want := []string{"turn Q Q", "turn  ", "turn-more  ", "turn Q Q", "turn  "}
		if strings.Join(turns, "|") != strings.Join(want, "|") {
			t.Errorf("qa.txt turns (class, data-speaker, label) %q, want %q", turns, want)
		}
	}
	// The hard-wrapped Markdown post: its cut lines are one paragraph, its
	// # lines are headings, its fenced code is code.
	for _, doc := range shapes {
		if doc.File != "ptt.txt" {
			continue
		}
		p := load(t, filepath.FromSlash("shapes/"+doc.Slug+"/index.html"))
		joined := First(p.Root, func(n *html.Node) bool {
			return n.Data == "p" && strings.Contains(Text(n), "叫成 count、total 或 number，讀程式的人")
		})
		h2 := First(p.Root, func(n *html.Node) bool { return n.Data == "h2" && Text(n) == "從哪裡來" })
		pre := First(p.Root, func(n *html.Node) bool {
			return n.Data == "pre" && strings.Contains(Text(n), "total := price * quantity")
		})
		if joined == nil || h2 == nil || pre == nil {
			t.Errorf("ptt.txt: joined paragraph %v, heading %v, code %v", joined != nil, h2 != nil, pre != nil)
		}
	}
	for _, person := range []string{"陳大文", "林志豪", "王小明"} {
		if !exists(filepath.Join(public, "people", person, "index.html")) {
			t.Errorf("no /people/%s/ page", person)
		}
	}
	for _, notPerson := range []string{"某某電台", "記錄整理", "答", "局長"} {
		if exists(filepath.Join(public, "people", notPerson, "index.html")) {
			t.Errorf("/people/%s/ exists, but %s is no person", notPerson, notPerson)
		}
	}
}
