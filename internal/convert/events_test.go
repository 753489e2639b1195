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
		// One pass in text order: the year in context is the last one told,
		// whatever notation told it.
		{"同年 after a dotted date", "第一條路線在 2003 年 4 月 1 日通車。新制自 2016.3.1 起生效,同年 5 月擴大實施。", "2003-04-01 2016-03-01 2016-05"},
		{"次年 after a dashed date", "工廠於 2011-06-30 投產,次年擴建。", "2011-06-30 2012"},
		{"隔年 after a slashed date", "試點自 2014/9/1 開始,隔年 3 月推廣到全省。", "2014-09-01 2015-03"},
		{"同年 after 去年", "去年 3 月立項,同年 9 月交付。", "2022-03 2022-09"},
		// Excluded: quarters written without 第.
		{"一季度 after a year", "2023 年一季度營收成長三成。", ""},
		{"四季度初 without a year", "四季度初開始交付,2 季度也是。", ""},
		// Excluded: a count of months is a duration, not March.
		{"近三月", "近三月的訂單翻了一倍。", ""},
		{"後三月", "合約後三月由對方付款。", ""},
		{"過去 3 月", "過去 3 月一直在虧損。", ""},
		// Excluded: ranges however written.
		{"doubled dash between years", "2018 年——2020 年連續虧損。", ""},
		{"doubled ASCII dash", "2018--2020 年連續虧損。", ""},
		{"X和Y之間", "2018 年和 2020 年之間一直在虧損。", ""},
		{"X與Y期間", "2019 年 5 月與 2020 年 3 月期間停產。", ""},
		{"X之後Y之前", "2016 年之後、2019 年之前一直在擴張。", ""},
		{"numeric dates joined by 至", "展期為 2016.3.1 至 2016.5.1。", ""},
		{"numeric dates joined by 到", "報名自 2021-09-01 到 2021-09-30 為止。", ""},
		// Excluded: spans hung on 今年/去年.
		{"今年最後 3 週", "今年最後 3 週要衝刺。", ""},
		{"去年前 10 天", "去年前 10 天就賣完了。", ""},
		{"今年暑假", "今年暑假推出了夏令營。", ""},
		{"去年寒假", "去年寒假有不少人報名。", ""},
		// Excluded: lunar dates are not Gregorian months.
		{"農曆 month and day", "農曆八月十五日是中秋節。", ""},
		{"陰曆 month", "陰曆 5 月初五是端午。", ""},
		{"农历 with a year", "农历 2022 年 12 月 8 日是腊八。", ""},
		// Excluded: page timestamps and dates that only anchor a figure.
		{"a timestamp in the text", "更新於 2023-09-01 16:05,內容如下。", ""},
		{"a date with a clock time", "2023年9月1日 08:30 系統維護。", ""},
		{"a statistic stands at a date", "截至 2022 年底,用戶超過一千萬。", ""},
		{"a comparison", "營收比 2021 年增加三成,較2020年同期也更高。", ""},
		{"a photo credit's date", "會場一景。某某社記者王小明攝 112年10月24日", ""},
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

// TestEventClause: a timeline's line is the clause that tells the date,
// with the next clause when the date's own says little else, and with its
// brackets and quotation marks balanced.
func TestEventClause(t *testing.T) {
	tests := []struct{ text, want string }{
		{"就營收來說,公司在 2018 年的營收是 61 億,現在已經提升到了 62 億。", "公司在 2018 年的營收是 61 億"},
		{"6 月 8 日和 10 月 24 日,公司分別發布了新版和舊版,反應都不錯。", "6 月 8 日和 10 月 24 日,公司分別發布了新版和舊版"},
		{"他說:「我們在 2011 年,第一次做出了原型,那時候很難。」", "「我們在 2011 年,第一次做出了原型,那時候很難。」"},
		{"公司在 2003 年 4 月成立。後來擴張了。", "公司在 2003 年 4 月成立。"},
		{"他說:“今年的人數從去年 200 人增至 272 人;明年還會更多。”", "“今年的人數從去年 200 人增至 272 人;明年還會更多。”"},
		{"會議在 2019 年開始,時間是 18:30,大家都來了。", "會議在 2019 年開始,時間是 18:30"},
	}
	for _, tt := range tests {
		doc := parseText(t, head+"第一段。\n\n"+tt.text+"\n")
		if len(doc.Events) == 0 {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		if got := doc.Events[0].Text; got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
