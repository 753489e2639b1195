package search

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jishi/jishi/internal/zhconv"
)

// tokenCases are shared with the query side: TestQueryTokensMatch runs
// assets/js/search-tokens.js over the same inputs.
var tokenCases = []struct{ in, want string }{
	{"", ""},
	{"雲", "雲"},
	{"山城夜雨", "山 城 夜 雨"},
	{"山城，夜雨。", "山 城 ， 夜 雨 。"},
	{"「江」與「河」", "「 江 」 與 「 河 」"},
	{"渡口 3.5 倍的人流", "渡 口 3.5 倍 的 人 流"},
	{"用 GPT-4, Claude 試寫", "用 GPT-4, Claude 試 寫"},
	{"第二版v2上線", "第 二 版 v2 上 線"},
	{"(utf-8)編碼", "(utf-8) 編 碼"},
	{"汉字与漢字", "汉 字 与 漢 字"},
	{"　全形空白　分開", "全 形 空 白 分 開"},
	{"2023年5月8日", "2023 年 5 月 8 日"},
	{"𠀀𠀁字", "𠀀 𠀁 字"},
	{"二〇二三年", "二 〇 二 三 年"},
	{"a\xffb漢", "a b 漢"},
	{"line one\nline two", "line one line two"},
}

func TestTokens(t *testing.T) {
	for _, tt := range tokenCases {
		if got := Tokens(tt.in); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, tt := range tokenCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Tokens(s)
		words := strings.Split(got, " ")
		if got == "" {
			words = nil
		}
		for _, w := range words {
			if w == "" {
				t.Fatalf("Tokens(%q) = %q: an empty word", s, got)
			}
			if han := strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) }); han >= 0 && utf8.RuneCountInString(w) > 1 {
				t.Fatalf("Tokens(%q) = %q: %q holds a Han character and more", s, got, w)
			}
		}
		// Every Han character is in the index.
		for _, r := range s {
			if unicode.Is(unicode.Han, r) && !strings.ContainsRune(got, r) {
				t.Fatalf("Tokens(%q) = %q lost %q", s, got, r)
			}
		}
	})
}

// foldCases are queries in either script, and in neither (Latin, digits,
// characters outside the basic block), whose fold the page and the index
// must agree on.
var foldCases = []string{"訊飛星火", "讯飞星火", "下的簽名", "下的签名", "發黃捲曲", "颱風路徑", "台风路径", "後來", "后来", "GPT-4 模型", "𠮷野家", "乾燥", "著名"}

// TestQueryTokensMatch holds the search page's tokenizer and fold
// (assets/js/search.js and zh-fold.js, run in Node with a stand-in for the
// page) to the index's: a query is found only if both split and fold it
// the same way.
func TestQueryTokensMatch(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	root, _ := filepath.Abs("../..")
	var ins []string
	for _, tt := range tokenCases {
		if utf8.ValidString(tt.in) { // a query typed in a browser is valid text
			ins = append(ins, tt.in)
		}
	}
	ins = append(ins, foldCases...)
	arg, _ := json.Marshal(ins)
	script := `
const fs = require("fs");
const el = { addEventListener() {}, dataset: { bundle: "/", strings: "{}" } };
globalThis.window = globalThis;
globalThis.document = { currentScript: el, documentElement: { lang: "zh-Hant" }, querySelector: () => el, getElementById: () => el };
globalThis.location = { search: "" };
(0, eval)(fs.readFileSync(process.argv[1], "utf8"));
(0, eval)(fs.readFileSync(process.argv[2], "utf8"));
console.log(JSON.stringify(JSON.parse(process.argv[3]).map((s) => [window.jishiTokens(s).join(" "), window.jishiFolded(s)])));`
	js := filepath.Join(root, "assets", "js")
	out, err := exec.Command(node, "-e", script, filepath.Join(js, "zh-fold.js"), filepath.Join(js, "search.js"), string(arg)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got [][2]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output %q: %v", out, err)
	}
	for i, in := range ins {
		if want := Tokens(in); got[i][0] != want {
			t.Errorf("search.js tokens(%q) = %q, the index has %q", in, got[i][0], want)
		}
		if want, _ := Folded(in); got[i][1] != want {
			t.Errorf("search.js folds %q to %q, the index to %q", in, got[i][1], want)
		}
	}
	// Both scripts of one text fold to one string.
	for _, pair := range [][2]string{{"訊飛星火", "讯飞星火"}, {"下的簽名", "下的签名"}, {"颱風路徑", "台风路径"}} {
		a, _ := Folded(pair[0])
		b, _ := Folded(pair[1])
		if a != b {
			t.Errorf("%q folds to %q and %q to %q", pair[0], a, pair[1], b)
		}
	}
}

// contentOf is Content as it reads: the title's tokens, then each line's,
// a Break before every line that has tokens.
func contentOf(r Record) string {
	parts := []string{}
	if t := Tokens(r.Title); t != "" {
		parts = append(parts, t)
	}
	for _, l := range strings.Split(r.Text, "\n") {
		if t := Tokens(l); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " "+Break+" ")
}

func FuzzContent(f *testing.F) {
	for _, tt := range tokenCases {
		f.Add(tt.in, tt.in+"\n\n"+tt.in)
	}
	f.Add("", "\n \n渡口")
	f.Add("　", "第一段\n\xff\n第二段")
	f.Fuzz(func(t *testing.T, title, text string) {
		r := Record{Title: title, Text: text}
		if got, want := Content(r), contentOf(r); got != want {
			t.Fatalf("Content(%q, %q) = %q, want %q", title, text, got, want)
		}
	})
}

// BenchmarkContent: an article of 6,000 characters in 40 blocks, the size of
// a long interview.
func BenchmarkContent(b *testing.B) {
	block := strings.Repeat("渡口的船在霧裡等了三天，GPT-4 與 v2.0 都說不清「為什麼」。", 4)
	r := Record{Title: "對話：山城夜雨的第 3 場", Text: strings.TrimSuffix(strings.Repeat(block+"\n", 40), "\n")}
	b.SetBytes(int64(len(r.Title) + len(r.Text)))
	for b.Loop() {
		Content(r)
	}
}

// TestFoldedEveryCharacter: Folded's table gives what zhconv.Fold maps,
// for every character it maps, in the Basic Multilingual Plane and beyond,
// and leaves others as they are.
func TestFoldedEveryCharacter(t *testing.T) {
	m, err := zhconv.Fold()
	if err != nil {
		t.Fatal(err)
	}
	beyond := 0
	for k, v := range m {
		if got, _ := Folded(string(k)); got != string(v) {
			t.Errorf("Folded(%q) = %q, want %q", k, got, v)
		}
		if k >= 0x10000 {
			beyond++
		}
	}
	for _, s := range []string{"a", "。", "\U0010FFFF", "\xff"} {
		if _, mapped := m[[]rune(s)[0]]; !mapped {
			if got, _ := Folded(s); got != strings.ToValidUTF8(s, "\uFFFD") {
				t.Errorf("Folded(%q) = %q, want it unchanged", s, got)
			}
		}
	}
	t.Logf("%d characters folded, %d of them beyond the BMP", len(m), beyond)
}

// BenchmarkFolded: the tokens of an article of 6,000 characters.
func BenchmarkFolded(b *testing.B) {
	s := Tokens(strings.Repeat("渡口的船在霧裡等了三天，GPT-4 與 v2.0 都說不清「為什麼」。", 160))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Folded(s)
	}
}
