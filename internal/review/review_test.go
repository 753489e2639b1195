package review

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/jishi/jishi/internal/convert"
)

// TestRender: for each raw file the page shows where the title, date and
// byline came from, the removed lines with their rule, the speakers, the
// events and the warnings, and says why a failed file has none.
func TestRender(t *testing.T) {
	raw, err := os.ReadFile("../../raw/000_d21f18bab95616ed.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := convert.Convert("000.txt", raw, convert.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	text, _, _ := convert.Decode(raw)
	toml := []byte("timezone = \"Asia/Taipei\"\n[boilerplate]\nlines = ['^本文首發於']\n[glossary.speakers]\n\"陳教授\" = \"陳明哲\"\n")
	out := Render([]Item{
		{Source: "raw/000.txt", Doc: doc, Lines: strings.Split(text, "\n"), PageURL: "/posts/x/"},
		{Source: "raw/empty.txt", Reason: "empty"},
	}, Settings(toml))
	page := string(out)
	for _, want := range []string{
		`<html lang="zh-Hant">`,
		"raw/000.txt", `href="/posts/x/"`,
		"第 3 行：對話科大訊飛",         // the title's line
		"第 5 行：2023102518:06",  // the dateline's
		"第 1 行（promo）：01-神魔宇宙", // a removed line, its number and rule
		"劉聰 = 劉聰，研究院院長", "4 段發言",
		`<time datetime="2022-12-15">`,
		"1 caption(s) without their image",
		"raw/empty.txt", "未轉換：empty",
		// each guess links the setting that changes it, with a line to paste
		`href="#set-glossary-speakers">全名：<code>"劉聰" = "劉聰"</code>`,
		`href="#set-glossary-slugs">網址：<code>"000.txt" = "x"</code>`,
		`href="#set-timezone">`, `href="#set-boilerplate-promo">同類的行：<code>'^01-神魔宇宙 \*\*\*宇'</code>`,
		// and the settings are on the page, with what the site has set
		`<dt id="set-timezone">`, "timezone = &#34;Asia/Taipei&#34;",
		`<dt id="set-boilerplate-lines">`, "lines = [&#39;^本文首發於&#39;]",
		`<dt id="set-glossary-speakers">`, "&#34;陳教授&#34; = &#34;陳明哲&#34;",
		`<dt id="set-glossary-slugs">`, "（未設定，用預設值）",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the review page lacks %q", want)
		}
	}
	// Every link to a setting lands on it.
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(page, `id="`+m[1]+`"`) {
			t.Errorf("link #%s lands nowhere", m[1])
		}
	}
}
