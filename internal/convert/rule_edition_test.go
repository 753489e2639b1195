package convert

import "testing"

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
