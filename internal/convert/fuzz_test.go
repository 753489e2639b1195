package convert

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func fuzzSeeds() []string {
	return []string{
		hantText, hansText, head + "問:你好?劉聰:很好。\n\n劉聰:第二段。\n\n\n\n圖說\n",
		head + "1.甲\n2.乙\n\n    code();\n\n床前明月光,\n疑是地上霜。\n\n「引用。」\n",
		"歡迎關注 https://x.y/\n\n標題-(2)\n\n文/王小明\n\n2023年10月25日 18:06\n\n去年 12 月 15 日,2011 年,民國105年。\n\n延伸閱讀\n\n別的文章\n",
		"#\n>\n-\n* \n1. \n---\n+++\n{{< x >}}\n<script>\n",
		"```\n作者 a (b)\n標題 [心得] 題\n時間 Fri Sep  4 11:55:29 2020\n```\n\n# 甲\n\n## 乙\n\n> 引\n> 文\n\n---\n\n```go\nx := 1\n```\n\n" +
			hardWrap(30, "", "市集的攤位從清晨就擺滿了街道，賣菜的、賣花的都有。", "Latin words are cut at spaces and joined with one.") +
			"```\n--\n簽名\n※ 發信站: x\n推 a: b 01/01 00:00\n```\n",
	}
}

// FuzzParse: no panic, and the Document accounts for every character of
// the text (see account).
func FuzzParse(f *testing.F) {
	f.Add(string(mustReadF(f, sample)))
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		text := normalize([]byte(in))
		// A hang is a failure too: the fuzz engine keeps the input that crashed.
		watchdog := time.AfterFunc(3*time.Second, func() { panic(fmt.Sprintf("parse of %d bytes took over 3s", len(text))) })
		defer watchdog.Stop()
		doc, err := Parse("fuzz.txt", text, EncUTF8, DefaultOptions())
		if err != nil {
			if _, ok := IsNoArticle(err); !ok {
				t.Fatalf("error that is not a no-article reason: %v", err)
			}
			return
		}
		Enrich(doc, DefaultOptions())
		if err := account(text, doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Events {
			if !validEventDate(e.Date) {
				t.Fatalf("event date %q", e.Date)
			}
		}
	})
}

// FuzzDecode: no panic; the result is valid UTF-8 with LF line ends, in a
// named encoding, or a no-article reason; UTF-8 input keeps every visible
// character.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s))
		if b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s)); err == nil {
			f.Add(b)
		}
		if b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte{0xFF, 0xFE, 'a', 0, 0x0d, 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, enc, err := Decode(raw)
		if err != nil {
			if _, ok := IsNoArticle(err); !ok {
				t.Fatalf("error that is not a no-article reason: %v", err)
			}
			return
		}
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\r') {
			t.Fatalf("decoded text not UTF-8 with LF: %q", text)
		}
		switch enc {
		case EncUTF8, EncUTF8BOM, EncUTF16LE, EncUTF16BE, EncGB18030, EncBig5:
		default:
			t.Fatalf("encoding %q", enc)
		}
		if enc == EncUTF8 && utf8.Valid(raw) {
			if string(visible(text)) != string(visible(normalize(raw))) {
				t.Fatalf("visible characters changed")
			}
		}
	})
}

func mustReadF(f *testing.F, path string) []byte {
	b, err := readFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzFidelity: random text, converted and rendered through goldmark with
// every extension a site may enable, shows exactly the Document's text and
// no element the text did not have.
func FuzzFidelity(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Add(string(mustReadF(f, "testdata/hostile/hostile-a.txt")))
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		if _, err := Convert("fuzz.txt", []byte(in), DefaultOptions()); err != nil {
			return // no article: nothing to render
		}
		checkFidelity(t, "fuzz.txt", []byte(in))
	})
}

// FuzzReadPageTimeline: no panic on any page; a timeline it takes has only
// dates the theme accepts, and a hash, the same on a second reading.
func FuzzReadPageTimeline(f *testing.F) {
	f.Add([]byte("+++\ntitle = 'x'\n[[params.timeline]]\ndate = '2023-05-08'\ntext = 'y'\nref = 't'\n+++\n"))
	f.Add([]byte("+++\r\n[[timeline]]\r\nDate = '2011'\r\ntext = '<&>'\r\n+++"))
	f.Add([]byte("+++\n[params]\ntimeline = []\n+++\n"))
	f.Fuzz(func(t *testing.T, page []byte) {
		pt, ok := ReadPageTimeline(page, DefaultZone)
		if !ok {
			return
		}
		again, _ := ReadPageTimeline(page, DefaultZone)
		if pt.Hash == "" || pt.Hash != again.Hash {
			t.Fatalf("hash %q then %q", pt.Hash, again.Hash)
		}
		for _, e := range pt.Events {
			if !validEventDate(e.Date) {
				t.Fatalf("event date %q", e.Date)
			}
		}
	})
}

// siteRowsTag is every tag siteRows writes; anything else that starts
// with < in its rows came from a text it failed to escape.
var siteRowsTag = regexp.MustCompile(`<h2 data-pagefind-ignore class="timeline-year" id="y[^"<>]*">|</h2>|<ol class="timeline">|</ol>|<li>|</li>|<time datetime="[^"<>]*"( class="visually-hidden")?>|</time>|<a href="[^"<>]*">|</a>|<cite>|</cite>`)

// siteRowsPlaceholder is what the theme fills in the rows.
var siteRowsPlaceholder = regexp.MustCompile(`&@([utds])([^;&<>]*);`)

// FuzzSiteRows: a timeline read from a page, whatever its texts and refs,
// gives rows whose only markup is siteRows' own and whose only &@ are its
// placeholders, naming its pages and dates; the list reads back from its
// JSON as it was.
func FuzzSiteRows(f *testing.F) {
	f.Add("2023-05-08", "t-1", "發布 1.0 & <2.0>", "2011", "", "&@u0; 假的")
	f.Add("2023", "a b\"c", "'+'\x00", "2023-05", "#x", "</ol><li>")
	f.Fuzz(func(t *testing.T, d1, r1, x1, d2, r2, x2 string) {
		// Texts and refs come from TOML front matter: valid UTF-8, each.
		for _, s := range []string{r1, x1, r2, x2} {
			if !utf8.ValidString(s) {
				return
			}
		}
		if !validEventDate(d1) || !validEventDate(d2) {
			return
		}
		st := BuildSiteTimeline(map[string]PageTimeline{
			"posts/a/index.md": {Hash: "1", Unix: 1, Events: []PageEvent{{d1, r1, x1}}},
			"posts/b/index.md": {Hash: "2", Unix: 2, Events: []PageEvent{{d2, r2, x2}, {d1, r1, x1}}},
		})
		if rest := siteRowsTag.ReplaceAllString(st.Rows, ""); strings.ContainsAny(rest, "<>") {
			t.Fatalf("markup not its own: %q", rest)
		}
		dates := map[string]bool{d1: true, d2: true, d1[:4]: true, d2[:4]: true}
		for _, m := range siteRowsPlaceholder.FindAllStringSubmatch(st.Rows, -1) {
			if (m[1] == "u" || m[1] == "t") && m[2] != "0" && m[2] != "1" || (m[1] == "d" || m[1] == "s") && !dates[m[2]] {
				t.Fatalf("placeholder %q names nothing of the list", m[0])
			}
		}
		if n := strings.Count(st.Rows, "&@"); n != len(siteRowsPlaceholder.FindAllString(st.Rows, -1)) {
			t.Fatalf("%d &@ in %q, not all placeholders", n, st.Rows)
		}
		b, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		var back SiteTimeline
		if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, st) {
			t.Fatalf("read back %+v (%v), want %+v", back, err, st)
		}
	})
}
