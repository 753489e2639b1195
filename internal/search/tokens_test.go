package search

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestQueryTokensMatch holds the search page's tokenizer (assets/js/search.js,
// run in Node with a stand-in for the page) to the index's: a query is
// found only if both split it the same way.
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
	arg, _ := json.Marshal(ins)
	script := `
const fs = require("fs");
const el = { addEventListener() {}, dataset: { bundle: "/", strings: "{}" } };
globalThis.window = globalThis;
globalThis.document = { currentScript: el, documentElement: { lang: "zh-Hant" }, querySelector: () => el, getElementById: () => el };
globalThis.location = { search: "" };
(0, eval)(fs.readFileSync(process.argv[1], "utf8"));
console.log(JSON.stringify(JSON.parse(process.argv[2]).map((s) => window.jishiTokens(s).join(" "))));`
	out, err := exec.Command(node, "-e", script, filepath.Join(root, "assets", "js", "search.js"), string(arg)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output %q: %v", out, err)
	}
	for i, in := range ins {
		if want := Tokens(in); got[i] != want {
			t.Errorf("search.js tokens(%q) = %q, the index has %q", in, got[i], want)
		}
	}
}
