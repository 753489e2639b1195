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
		{"2023-10-25 18:06:33", "2023-10-25T18:06:33+08:00"}, // seconds are kept when given
		{"中華民國112年10月25日星期三", "2023-10-25"},
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

// TestParseDatelineWithCompany: a timestamp that shares its line with a
// source, an update stamp or site furniture is the dateline; a timestamp
// inside prose or after spam is not.
func TestParseDatelineWithCompany(t *testing.T) {
	tests := []struct{ line, want string }{
		{"2013-09-22 14:31:17|來源：某某新聞網|我要分享", "2013-09-22T14:31:17+08:00"},
		{"2024/03/08 09:15(03/08 10:02 更新)", "2024-03-08T09:15:00+08:00"},
		{"2011年05月06日 08:30 來源:某某網 發表評論  【字體:↑大 ↓小", "2011-05-06T08:30:00+08:00"},
		{"来源:某某晚报 2019-07-02 17:45   https://example.org/", "2019-07-02T17:45:00+08:00"},
		{"( 2021-11-09 ) 稿件来源:某某日报 要闻", "2021-11-09"},
		{"發布時間：2022-01-05 下午 3:20 | 瀏覽 120", "2022-01-05T15:20:00+08:00"},
		{"某某彩票投注2023-01-31 16:05", ""},
		{"會議在2023-10-25 18:06舉行,大家都來了。", ""},
		{"2023-10-25 18:06 這一行接著就是正文的開頭", ""},
		{"2010年10月13日  某某網嘉賓訪談", "2010-10-13"},
		{"date 2025-12-09 林小華（某某青年協會理事長）", "2025-12-09"},
		{"2025-12-09 林小華說今天不會下雨", ""},
		{"2023-05-08 18:06 某某報／ 記者林一帆／基隆即時報導", "2023-05-08T18:06:00+08:00"},
		{"2023-05-08 記者會上宣布了新的航線。", ""},
	}
	for _, tt := range tests {
		d, ok := ParseDatelineWithCompany(tt.line, DefaultZone)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("ParseDatelineWithCompany(%q) = %q, want %q", tt.line, got, tt.want)
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
