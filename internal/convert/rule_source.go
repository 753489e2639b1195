package convert

import (
	"regexp"
	"strings"
)

// Lines that say where a story came from — a paper's print edition, the
// outlet it was taken from, a wire agency's slug — are furniture; the first
// two name the page's source (creditOf).

// A paper's web edition marks each story with the printed issue it ran in:
// 《 人民日报 》（ 2023年05月08日   第 04 版）, often under the text, sometimes
// led by 来源：. The line is the paper's furniture; its day is the date
// when the page gives no other, and the paper is the source it credits.
var editionLine = regexp.MustCompile(`^(?:(?:來源|来源)\s*[:：]\s*)?《\s*([^《》]{2,20}?)\s*》\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:第\s*[0-9A-Za-z一二三四五六七八九十]{1,4}\s*版\s*)?[）)]$`)

// claimEdition removes a print edition line, dating the Document by it
// when no dateline did.
func claimEdition(c *ctx, ls []line) (Claim, bool) {
	t := ls[0].text
	if !strings.Contains(t, "》") {
		return Claim{}, false
	}
	m := editionLine.FindStringSubmatch(t)
	if m == nil {
		return Claim{}, false
	}
	cl := Claim{Lines: 1, Removed: "edition"}
	if c.head.dateline == 0 && (c.head.wrapper == nil || c.head.wrapper.date == nil) {
		if d, ok := makeDate(atoi(m[2]), atoi(m[3]), atoi(m[4]), "", "", "", c.opt.Zone); ok {
			cl.Date = &d
		}
	}
	return cl, true
}

// editionSource is the paper a removed edition line names, or "".
func editionSource(line string) string {
	if m := editionLine.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
		return m[1]
	}
	return ""
}

// A page that carries another outlet's story names it in brackets on a
// line of its own above the text — (德國之聲), （中央社） — and some print it
// twice, once over the picture. Before the first block of the text, such a
// line is the outlet: removed, and the source it credits. Lower down, a
// bracketed name is the text's own.
var outletLine = regexp.MustCompile(`^[（(]\s*((?:[A-Za-z]{2,8}\s?)?\p{Han}{2,10})\s*[)）]$`)

// notOutlet are bracketed words that mark a part or a picture, not an outlet.
var notOutlet = words("上 中 下 上篇 中篇 下篇 續 续 完 全文完 圖 图 圖片 图片 影音 視頻 视频 專訪 专访 獨家 独家 更新 快訊 快讯")

// claimOutlet removes a bracketed outlet's name standing before the text.
func claimOutlet(c *ctx, ls []line) (Claim, bool) {
	if c.blocks > 0 || outletOf(ls[0].text) == "" {
		return Claim{}, false
	}
	return Claim{Lines: 1, Removed: "outlet"}, true
}

// outletOf is the outlet a bracketed name line gives, or "".
func outletOf(line string) string {
	m := outletLine.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil || contains(notOutlet, m[1]) || partMark(m[1]) {
		return ""
	}
	return m[1]
}

// A wire story's feature opens with the agency's slug on a line of its
// own: where and when it was filed, then 題： and the title it was sent
// under (某某社北京九月二十七日電 題：…). It is the agency's furniture, not a
// heading of the text.
var wireSlug = regexp.MustCompile(`^\p{Han}{1,6}?(?:社|網|网|報|报)\s*\p{Han}{2,6}?\s*(?:[0-9０-９一二三四五六七八九十〇零]{1,3}月)?[0-9０-９一二三四五六七八九十〇零]{1,3}日(?:電|电)\s*(?:題|题)\s*[:：]\s*\S`)

// claimWireSlug removes a wire story's slug line.
func claimWireSlug(c *ctx, ls []line) (Claim, bool) {
	t := ls[0].text
	if !shorter(t, 80) || !wireSlug.MatchString(t) {
		return Claim{}, false
	}
	return Claim{Lines: 1, Removed: "wire"}, true
}
