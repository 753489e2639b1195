package convert

import "testing"

// TestCredit: the source a text credits, from the furniture it names it
// in or from its intro.
func TestCredit(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a 來源 line", "渡口的夜班\n\n2024-03-05\n\n來源：海港日報\n\n夜班渡輪停駛了。\n", "海港日報"},
		{"由…整理 in the intro", "渡口的夜班\n\n2024-03-05\n\n本文由海港日報整理。\n\n夜班渡輪停駛了。\n", "海港日報"},
		{"a reprint note naming a magazine and its issue", "渡口的夜班\n\n2024-03-05\n\n夜班渡輪停駛了。\n\n（本文轉載自海港雜誌第123期）\n", "海港雜誌"},
		{"a reprint note naming a site", "渡口的夜班\n\n2024-03-05\n\n夜班渡輪停駛了。\n\n本文經作者授權轉載，原文刊載於海港日報。\n", "海港日報"},
		{"a reprint note in title marks", "渡口的夜班\n\n2024-03-05\n\n夜班渡輪停駛了。\n\n本文轉載自《海港週刊》，經授權刊登\n", "海港週刊"},
		{"a note that names no one", "渡口的夜班\n\n2024-03-05\n\n夜班渡輪停駛了。\n\n※本文獲授權轉載\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseText(t, tt.text)
			Enrich(doc, DefaultOptions())
			if doc.Credit != tt.want {
				t.Errorf("credit %q, want %q (removed %q)", doc.Credit, tt.want, doc.Boilerplate)
			}
		})
	}
}
