package convert

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		line string
		want string // "" when the line is not a dateline
	}{
		{"2023102518:06", "2023-10-25T18:06:00+08:00"},
		{"2023-10-25 18:06", "2023-10-25T18:06:00+08:00"},
		{"2023-10-25 18:06:33", "2023-10-25T18:06:00+08:00"},
		{"2023/10/25", "2023-10-25"},
		{"2023.10.25", "2023-10-25"},
		{"2023年10月25日 18:06", "2023-10-25T18:06:00+08:00"},
		{"2023年07月06日", "2023-07-06"},
		{"2023 年 7 月 6 日", "2023-07-06"},
		{"發布時間:2023-10-25 18:06", "2023-10-25T18:06:00+08:00"},
		{"发布时间：2023年10月25日 18:06", "2023-10-25T18:06:00+08:00"},
		{"2023年10月25日 星期三", "2023-10-25"},
		{"2023年10月25日（週三）18:06", "2023-10-25T18:06:00+08:00"},
		{"民國112年10月25日", "2023-10-25"},
		{"民国112年10月25日 下午6:06", "2023-10-25T18:06:00+08:00"},
		{"二〇二三年十月二十五日", "2023-10-25"},
		{"\u3000\u00a02023-10-25\u3000", "2023-10-25"},
		{"2023", ""},
		{"18:06", ""},
		{"2023年10月", ""},
		{"2023-13-01", ""},
		{"2023-02-30", ""},
		{"2023-10-25 25:00", ""},
		{"今天是2023-10-25,天氣晴。", ""},
	}
	for _, tt := range tests {
		d, ok := ParseDateline(tt.line, DefaultZone)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("ParseDateline(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestDatelineZoneIsConfigurable(t *testing.T) {
	d, ok := ParseDateline("2023-10-25 18:06", time.FixedZone("UTC+9", 9*3600))
	if !ok || d.String() != "2023-10-25T18:06:00+09:00" {
		t.Errorf("got %v", d)
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		line, title string
		part, parts int
	}{
		{"對話科大訊飛:不賺錢是 ChatGPT 的問題-(1)", "對話科大訊飛:不賺錢是 ChatGPT 的問題", 1, 0},
		{"對話科大訊飛-(2)", "對話科大訊飛", 2, 0},
		{"對話科大訊飛(1)", "對話科大訊飛", 1, 0},
		{"對話科大訊飛（3）", "對話科大訊飛", 3, 0},
		{"對話科大訊飛(上)", "對話科大訊飛", 1, 0},
		{"對話科大訊飛（中）", "對話科大訊飛", 2, 3},
		{"對話科大訊飛(下)", "對話科大訊飛", 2, 2},
		{"對話科大訊飛（二）", "對話科大訊飛", 2, 0},
		{"【專欄】大模型的下一步", "【專欄】大模型的下一步", 0, 0},
		{"【專欄】大模型的下一步(上)", "【專欄】大模型的下一步", 1, 0},
		{"iPhone 15 (Pro)", "iPhone 15 (Pro)", 0, 0},
		{"(1)", "(1)", 0, 0},
	}
	for _, tt := range tests {
		title, part, parts := splitTitle(tt.line)
		if title != tt.title || part != tt.part || parts != tt.parts {
			t.Errorf("splitTitle(%q) = %q %d %d, want %q %d %d", tt.line, title, part, parts, tt.title, tt.part, tt.parts)
		}
	}
}

func TestParseByline(t *testing.T) {
	tests := []struct {
		line  string
		names string // joined by |; "-" when the line is not a byline
	}{
		{"文/王小明", "王小明"},
		{"文 / 王小明", "王小明"},
		{"文/王小明、李大華", "王小明|李大華"},
		{"記者 王小明", "王小明"},
		{"记者 王小明 李四", "王小明|李四"},
		{"記者 | 王小明 編輯 | 李四", "王小明"},
		{"作者:王小明", "王小明"},
		{"作者：王小明", "王小明"},
		{"撰文:陳美玲", "陳美玲"},
		{"記錄整理:林志豪", "林志豪"},
		{"文/極客公園", ""},
		{"記者會上,他說了很多。", "-"},
		{"文化是一種力量", "-"},
		{"以下是對話全文,由極客公園整理。", "-"},
	}
	for _, tt := range tests {
		names, ok := parseByline(tt.line)
		got := strings.Join(names, "|")
		if !ok {
			got = "-"
		}
		if got != tt.names {
			t.Errorf("parseByline(%q) = %q, want %q", tt.line, got, tt.names)
		}
	}
}
