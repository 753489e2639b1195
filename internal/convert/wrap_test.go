package convert

import (
	"strings"
	"testing"
)

// hardWrap cuts paragraphs as a BBS editor does: at width columns, between
// any two wide characters, at the space before a word (which it drops).
func hardWrap(width int, indent string, paras ...string) string {
	var out []string
	for _, p := range paras {
		line, w := indent, lineWidth(indent)
		for _, word := range wrapUnits(p) {
			ww := lineWidth(word)
			if w+ww > width && strings.TrimSpace(line) != "" {
				out = append(out, strings.TrimRight(line, " "))
				word = strings.TrimLeft(word, " ")
				line, w = "", 0
				ww = lineWidth(word)
			}
			line += word
			w += ww
		}
		out = append(out, line)
		if indent == "" {
			out = append(out, "")
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// wrapUnits splits text into what a wrap cannot cut: a wide character, or
// a Latin word with the space before it.
func wrapUnits(s string) []string {
	var units []string
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		if cellWidth(r) == 2 {
			units = append(units, s[i:i+n])
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, m := runeAt(s, j)
			if r == ' ' || cellWidth(r) == 2 {
				break
			}
			j += m
		}
		units = append(units, s[i:j])
		i = j
	}
	return units
}

func TestHardWrap(t *testing.T) {
	p1 := "這個週末的市集比往常熱鬧許多，攤主們從清晨就開始搬運貨物，有人賣自家醃製的蘿蔔乾，也有人帶來剛摘下的柚子。"
	p2 := "主辦單位表示，今年共有 120 個攤位報名，其中三成是第一次參加的年輕農友，他們多半透過 Facebook 社團得知消息。"
	p3 := "市集旁的舊倉庫改成了展覽空間，展出當地國小學生畫的家鄉地圖，程式設計社的學生還做了一個互動導覽的網頁。"
	latin := "The market opened at seven in the morning and closed well after dark, with more than a hundred stalls selling fruit, pickles and handmade soap."
	tests := []struct {
		name, text string
		want       []string
	}{
		{"Han paragraphs cut at 40 columns are joined", hardWrap(40, "", p1, p2, p3),
			[]string{"paragraph:" + p1, "paragraph:" + p2, "paragraph:" + p3}},
		{"cut at 72 columns, as a BBS post", hardWrap(72, "", p1, p2, p3, p1+p2),
			[]string{"paragraph:" + p1, "paragraph:" + p2, "paragraph:" + p3, "paragraph:" + p1 + p2}},
		{"Latin words are joined with one space", hardWrap(40, "", latin, p1, latin),
			[]string{"paragraph:" + latin, "paragraph:" + p1, "paragraph:" + latin}},
		{"paragraphs set off by a full-width indent", hardWrap(40, "\u3000\u3000", p1, p2, p3),
			[]string{"paragraph:" + p1, "paragraph:" + p2, "paragraph:" + p3}},
		{"a list item after a cut line stays a list", hardWrap(40, "", p1, p2) + strings.TrimSuffix(hardWrap(40, "", p3), "\n\n") + "\n1. 第一項\n2. 第二項\n",
			[]string{"paragraph:" + p1, "paragraph:" + p2, "paragraph:" + p3, "ol:第一項|第二項"}},
		{"an answer cut into lines is one answer", hardWrap(40, "", "問：今年的市集和往年相比，最大的不同是什麼地方呢？", "王小明："+p1, "問：還有呢？", "王小明："+p2),
			[]string{"turn 問?:今年的市集和往年相比，最大的不同是什麼地方呢？", "turn 王小明:" + p1, "turn 問?:還有呢？", "turn 王小明:" + p2}},
		{"one paragraph a line is not hard-wrapped", p1 + "\n" + p2 + "\n" + p3 + "\n" + p1 + p3 + "\n",
			[]string{"paragraph:" + p1, "paragraph:" + p2, "paragraph:" + p3, "paragraph:" + p1 + p3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := head + tt.text
			doc := parseText(t, text)
			got := summary(doc)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks\n got %q\nwant %q\ntext:\n%s", got, tt.want, tt.text)
			}
			if err := account(text, doc); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestWrapWidth(t *testing.T) {
	p := "這條街在清晨六點就有人排隊，隊伍一路延伸到公車站牌，大家都在等那家只賣三個小時的豆漿店開門，老闆說這樣的情況已經持續了好幾年。"
	tests := []struct {
		name, text string
		want       int
	}{
		{"cut at 40", hardWrap(40, "", p, p, p), 40},
		{"cut at 78", hardWrap(78, "", p, p+p, p), 78},
		{"blank-separated paragraphs", p + "\n\n" + p + "\n\n" + p + "\n", 0},
		{"one paragraph a line", p + "\n" + p + p + "\n" + p + "\n" + p + p + p + "\n", 0},
		{"short lines", "第一行\n第二行\n第三行\n第四行\n", 0},
	}
	for _, tt := range tests {
		if got := wrapWidth(splitLines(tt.text)); got != tt.want {
			t.Errorf("%s: wrapWidth = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestJoinsTight(t *testing.T) {
	tests := []struct {
		a, b rune
		want bool
	}{
		{'市', '集', true},  // Han, Han
		{'、', 't', true},  // full-width punctuation carries its space
		{'n', '「', true},  // so does an opening bracket
		{'及', 'M', false}, // Han, Latin: one space
		{'t', '市', false},
		{'e', 'w', false}, // Latin words
		{'。', '市', true},
	}
	for _, tt := range tests {
		if got := joinsTight(tt.a, tt.b); got != tt.want {
			t.Errorf("joinsTight(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
