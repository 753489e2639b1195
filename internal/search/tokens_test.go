package search

import (
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
	{"𠀀字", "𠀀 字"},
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
