package convert

import (
	"slices"
	"strings"
	"testing"
)

// TestEditionLine: a paper's print edition line is removed; it dates the
// Document when no dateline did, and names the source.
func TestEditionLine(t *testing.T) {
	tests := []struct{ name, text, date, credit, removed string }{
		{"under the text, the only date",
			"山城渡口的新航线\n\n本报记者  林一帆\n\n　　清晨，山城渡口的新航线开出了第一班船。\n\n《 人民日报 》（ 2023年05月08日   第 04 版）\n",
			"2023-05-08", "人民日报", "《 人民日报 》（ 2023年05月08日   第 04 版）"},
		{"led by 来源, no spaces",
			"山城渡口的新航线\n\n清晨，新航线开出了第一班船。\n\n来源：《某某日报》（2021年11月9日第3版）\n",
			"2021-11-09", "某某日报", "来源：《某某日报》（2021年11月9日第3版）"},
		{"a dateline above keeps its date",
			"山城渡口的新航线\n\n2023-05-07 21:30\n\n清晨，新航线开出了第一班船。\n\n《 某某晚报 》（ 2023年05月08日   第 04 版）\n",
			"2023-05-07T21:30:00+08:00", "某某晚报", "《 某某晚报 》（ 2023年05月08日   第 04 版）"},
		{"under related titles",
			"山城渡口的新航线\n\n清晨，新航线开出了第一班船。\n\n【延伸阅读】\n山城夜景成为新名片\n《 人民日报 》（ 2023年05月08日   第 04 版）\n",
			"2023-05-08", "人民日报", "《 人民日报 》（ 2023年05月08日   第 04 版）"},
		{"a book and its year in a sentence stay",
			"讀書筆記\n\n他在《山城記》（2019年5月8日出版）裡寫到渡口。\n",
			"", "", ""},
		{"a day that is not on the calendar is no date",
			"山城渡口的新航线\n\n清晨，新航线开出了第一班船。\n\n《 人民日报 》（ 2023年02月30日   第 04 版）\n",
			"", "人民日报", "《 人民日报 》（ 2023年02月30日   第 04 版）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseText(t, tt.text)
			Enrich(doc, DefaultOptions())
			removed := ""
			if len(doc.Boilerplate) > 0 {
				removed = doc.Boilerplate[len(doc.Boilerplate)-1]
			}
			if d := dateText(doc); d != tt.date || doc.Credit != tt.credit || removed != tt.removed {
				t.Errorf("date %q credit %q last removed %q; want %q %q %q", d, doc.Credit, removed, tt.date, tt.credit, tt.removed)
			}
		})
	}
}

// TestOutletLine: an outlet's name in brackets on a line of its own above
// the text (printed twice by some sites) is removed and is the source; the
// same shape lower down, a part mark or a picture mark, is not.
func TestOutletLine(t *testing.T) {
	tests := []struct {
		name, text, credit string
		removed            []string
		first              string // the first block's text
	}{
		{"twice above the text",
			"渡口專訪：航線會再開嗎\n\n2021-03-04 10:20\n\n(北方之聲)\n\n(北方之聲)\n\n北方之聲記者日前專訪了渡口的老船長。\n\n問：航線會再開嗎？\n\n老陳：會的。\n",
			"北方之聲", []string{"(北方之聲)", "(北方之聲)"}, "北方之聲記者日前專訪了渡口的老船長。"},
		{"full-width, with Latin",
			"山城新航線\n\n（ABC中文網）\n\n清晨，新航線開出了第一班船。\n",
			"ABC中文網", []string{"（ABC中文網）"}, "清晨，新航線開出了第一班船。"},
		{"below a paragraph it is the text's own",
			"山城新航線\n\n清晨，新航線開出了第一班船。\n\n（山城日報）\n\n船長說，明天還開。\n",
			"", nil, "清晨，新航線開出了第一班船。"},
		{"a part mark is no outlet",
			"山城新航線\n\n（上）\n\n清晨，新航線開出了第一班船。\n",
			"", nil, "（上）"},
		{"a 來源 line comes first",
			"山城新航線\n\n(北方之聲)\n\n清晨，新航線開出了第一班船。\n\n來源：山城日報\n",
			"山城日報", []string{"(北方之聲)", "來源：山城日報"}, "清晨，新航線開出了第一班船。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseText(t, tt.text)
			Enrich(doc, DefaultOptions())
			var removed []string
			for _, l := range doc.Boilerplate {
				if strings.ContainsAny(l, "(（來") {
					removed = append(removed, l)
				}
			}
			first := ""
			if len(doc.Blocks) > 0 {
				first = doc.Blocks[0].Text
			}
			if doc.Credit != tt.credit || !slices.Equal(removed, tt.removed) || first != tt.first {
				t.Errorf("credit %q removed %q first %q; want %q %q %q", doc.Credit, removed, first, tt.credit, tt.removed, tt.first)
			}
		})
	}
}

// TestWireSlug: a wire feature's slug line (agency, place, day, 題：title)
// is removed; a sentence that tells of a cable is not.
func TestWireSlug(t *testing.T) {
	runRule(t, claimWireSlug, []ruleCase{
		{"numerals in Han", []string{"某某社山城三月二十七日電 題：渡口的夜班船"}, "1 removed"},
		{"Simplified, digits, full-width colon", []string{"某某网山城3月27日电 题：渡口的夜班船“回来了”"}, "1 removed"},
		{"the agency and place apart", []string{"某某社 山城 27日電 題:渡口的夜班船"}, "1 removed"},
		{"a slug without a title is a lead's credit", []string{"某某社山城三月二十七日電"}, ""},
		{"a sentence about a cable", []string{"某某社山城三月二十七日電報說，題目是渡口的夜班船。"}, ""},
	}, nil)
}
