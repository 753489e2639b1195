package convert

import (
	"strings"
	"testing"
)

func eventDates(t *testing.T, text string) string {
	t.Helper()
	var out []string
	for _, e := range parseText(t, text).Events {
		out = append(out, e.Date)
	}
	return strings.Join(out, " ")
}

// The dateline of these cases is 2023-10-25 18:06.
func TestEvents(t *testing.T) {
	tests := []struct{ name, para, want string }{
		// Included: explicit dates in any notation.
		{"year and month", "公司在 2003 年 4 月成立。", "2003-04"},
		{"full date", "公司在2003年4月1日成立。", "2003-04-01"},
		{"dotted date", "新制自 2016.3.1 起生效。", "2016-03-01"},
		{"dashed date", "會議於 2016-03-01 召開。", "2016-03-01"},
		{"chinese numerals", "他生於一九八七年。", "1987"},
		{"chinese month and day", "十月二十四日發布了新版。", "2023-10-24"},
		{"ROC year", "民國 105 年通過了這項法案。", "2016"},
		{"ROC year without spaces", "民國105年3月通過了這項法案。", "2016-03"},
		// Relative to the dateline.
		{"今年 with a month", "今年 3 月推出了新版。", "2023-03"},
		{"去年", "去年推出了新版。", "2022"},
		{"去年 with a day", "去年 12 月 15 日啟動了攻關。", "2022-12-15"},
		{"前年", "前年 5 月上線了。", "2021-05"},
		{"month and day take the dateline's year", "5 月 8 日發布了 1.0。", "2023-05-08"},
		// Relative to the year in context.
		{"同年", "公司 2015 年成立,同年 6 月推出首款產品。", "2015 2015-06"},
		{"次年", "公司 2015 年成立,次年上市。", "2015 2016"},
		// Parts of a period drop to the precision spelled out.
		{"中旬", "在當時(6 月中旬)已經發布。", "2023-06"},
		{"年底", "2015 年底完成了收購。", "2015"},
		{"年初", "2015 年初完成了收購。", "2015"},
		{"下旬", "3 月下旬開始測試。", "2023-03"},
		{"one per date, sorted", "6 月 8 日發布 2.0,5 月 8 日發布 1.0,5 月 8 日再次提到。", "2023-05-08 2023-06-08"},
		// Excluded: spans.
		{"上半年", "2023 年上半年營收成長。", ""},
		{"quarter", "2023 年第二季營收成長,第 2 季也是。", ""},
		{"decade", "2010 年代是行動網路的時代。", ""},
		{"year range with dash", "2018—2020 年連續虧損。", ""},
		{"year range with hyphen", "2018-2020 年連續虧損。", ""},
		{"year range with 至", "2018 至 2020 年連續虧損。", ""},
		{"season", "2023 年春天發布,今年夏天更新。", ""},
		{"durations", "過去十年,三年來,兩三個月內,2000 年來都是如此。", ""},
		// Excluded: relative days and months without a number.
		{"today and last month", "今天上午和上個月都提到過。", ""},
		// Excluded: after the dateline, or a plan.
		{"明年", "明年 3 月將推出新版。", ""},
		{"plan", "公司計劃於 2024 年推出新版。", ""},
		{"future year", "2025 年會有更多應用。", ""},
		{"later month this year", "11 月 3 日將舉辦發布會。", ""},
		{"the dateline itself", "10 月 25 日,也就是今天,發布了 3.0。", ""},
		// Excluded: number traps.
		{"scores, ratios, counts", "2018 年測得 61 分,是 GDP 的 3.5 倍,有 1200 萬用戶、2000 多名員工,72% 的人滿意。", "2018"},
		{"model names and times", "HX-2018 型號在 18:06 發布,Model 2019 也是。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eventDates(t, head+tt.para+"\n"); got != tt.want {
				t.Errorf("events of %q = %q, want %q", tt.para, got, tt.want)
			}
		})
	}
}

func TestEventsWithoutDateline(t *testing.T) {
	got := eventDates(t, "標題\n\n去年推出了新版,5 月 8 日又更新,2011 年成立。\n")
	if got != "2011" {
		t.Errorf("events without a dateline = %q, want only the absolute 2011", got)
	}
}

func TestEventTextAndBlock(t *testing.T) {
	doc := parseText(t, head+"第一段。\n\n公司在 2003 年 4 月成立。後來擴張了。\n")
	if len(doc.Events) != 1 {
		t.Fatalf("events %v", doc.Events)
	}
	e := doc.Events[0]
	if e.Text != "公司在 2003 年 4 月成立。" || e.Block != 1 {
		t.Errorf("event text %q block %d", e.Text, e.Block)
	}
}
