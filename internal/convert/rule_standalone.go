package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wideGap is how many blank lines a removed image leaves.
const wideGap = 3

// standalone: a short line with no closing punctuation, not a speaker's
// line, with a word in it and a blank line after it (or the end of the file).
func standalone(c *ctx, ls []line, limit int) bool {
	t := ls[0].text
	return shorter(t, limit) && !endsWithPunct(t) && c.labels.at(t) == "" && hasWord(t) &&
		(len(ls) == 1 || ls[1].gap > 0)
}

// claimCaption: a short line right after a removed image, or a line a
// caption's mark opens (▲ 碼頭上的渡輪。（圖／記者攝）: Taiwanese news
// pages set one under each photo, which a scrape drops). It ends a turn.
func claimCaption(c *ctx, ls []line) (Claim, bool) {
	if !(ls[0].gap >= wideGap && standalone(c, ls, 40) || captionMark(ls) || credited(c, ls) || creditOnly(ls[0].text)) {
		return Claim{}, false
	}
	// A scrape keeps a picture's alt text and its caption, the same words
	// twice: the first goes, the second is the caption.
	if len(ls) > 1 && ls[1].text == ls[0].text && ls[1].gap > 0 {
		return Claim{Lines: 1, Removed: "caption"}, true
	}
	return Claim{Lines: 1, Blocks: []Block{{Kind: KindCaption, Text: ls[0].text}}}, true
}

// credited: a line of its own that ends with a picture's credit: in
// brackets, at most 100 characters — (作者提供), （圖／取自某某臉書）, (攝影：X)
// — or the photographer's own, after the caption's last sentence, at most
// 160: a news agency's captions run long (…的行人。某某社記者X攝 114年12月14日).
func credited(c *ctx, ls []line) bool {
	t := ls[0].text
	if !apart(c, ls) {
		return false
	}
	if strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）") {
		return shorter(t, 100) && photoCreditTail(t)
	}
	return shorter(t, 160) && photographerTail(t)
}

// apart: the line stands apart from the text — a blank line, or a line
// removed as the page's furniture, on each side of it. A scrape that keeps
// no blank lines sets a picture's caption between the player's notices.
func apart(c *ctx, ls []line) bool {
	before := ls[0].gap > 0 || c.afterRemoved
	after := len(ls) == 1 || ls[1].gap > 0 || c.opt.Patterns.Line.Match(ls[1].text)
	return before && after
}

// photographerTail reports whether s ends, after its last sentence, with a
// photographer's credit (photoCredit) and has words before it.
func photographerTail(s string) bool {
	i := strings.LastIndexAny(s, "。！？!?")
	if i < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return hasWord(s[:i]) && photoCredit(strings.TrimSpace(s[i+n:]))
}

// creditOnly: a line that is a picture's credit and nothing else, the
// picture lost: 圖／取自某某臉書, （圖：記者X攝）, 圖片來源：某某, and the
// photographer's credit the header already knows (photoCredit).
func creditOnly(t string) bool {
	if !shorter(t, 40) {
		return false
	}
	if photoCredit(t) {
		return true
	}
	if in, ok := unwrap(t, [2]string{"（", "）"}, [2]string{"(", ")"}); ok {
		t = in
	}
	for _, w := range photoLeads {
		if rest, ok := strings.CutPrefix(t, w); ok {
			return hasWord(rest)
		}
	}
	return false
}

// photoLeads open a picture's credit.
var photoLeads = words("圖／ 圖/ 圖： 圖: 图／ 图/ 图： 图: 圖片來源： 圖片來源: 图片来源： 图片来源: 圖片提供： 图片提供： 攝影／ 摄影／")

// photoWords are what a picture's credit says: who gave or took it, or
// where it was found.
var photoWords = words("提供 攝影 摄影 攝 摄 圖／ 圖/ 图／ 图/ 圖片 图片 翻攝 翻摄 資料照 资料照 取自 截圖 截图 示意圖 示意图")

// photoCreditTail reports whether s ends with a bracketed picture credit
// after some words of its own.
func photoCreditTail(s string) bool {
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		body, ok := strings.CutSuffix(s, b[1])
		if !ok {
			continue
		}
		i := strings.LastIndex(body, b[0])
		if i <= 0 || !shorter(body[i:], 24) {
			return false
		}
		return containsAny(photoWords).MatchString(body[i:])
	}
	return false
}

// captionMark: a line of at most 100 characters opened by ▲ or △ (a
// picture above) with words after it, a blank line above it. Lines in a
// row that each open with the mark are a list of points, not captions.
func captionMark(ls []line) bool {
	marked := func(t string) (string, bool) {
		if rest, ok := strings.CutPrefix(t, "▲"); ok {
			return rest, true
		}
		return strings.CutPrefix(t, "△")
	}
	rest, ok := marked(ls[0].text)
	if !ok || ls[0].gap == 0 || !hasWord(rest) || !shorter(ls[0].text, 100) {
		return false
	}
	if len(ls) > 1 && ls[1].gap == 0 {
		if _, next := marked(ls[1].text); next {
			return false
		}
	}
	return true
}

// claimHeading: a short line after a normal blank line, not a sentence, a
// quotation or a bracketed note.
func claimHeading(c *ctx, ls []line) (Claim, bool) {
	t := ls[0].text
	if c.onePerLine {
		return onePerLineHeading(c, ls)
	}
	if ls[0].gap == 0 && c.blocks > 0 || !standalone(c, ls, 30) || isQuotation(t) || bracketed(t) || formField(t) {
		return Claim{}, false
	}
	return Claim{Lines: 1, Blocks: []Block{{Kind: KindHeading, Text: t}}}, true
}

// onePerLineHeading: in a text of one paragraph a line, with no blank
// lines to go by, a heading is a short line with no closing punctuation
// between a block and a line of prose.
func onePerLineHeading(c *ctx, ls []line) (Claim, bool) {
	t := ls[0].text
	if c.blocks == 0 || len(ls) < 2 || !shorter(t, 20) || endsWithPunct(t) || !hasWord(t) ||
		c.labels.at(t) != "" || isQuotation(t) || bracketed(t) || formField(t) || shorter(ls[1].text, 20) {
		return Claim{}, false
	}
	if _, _, _, item := listItem(t); item {
		return Claim{}, false
	}
	return Claim{Lines: 1, Blocks: []Block{{Kind: KindHeading, Text: t}}}, true
}

// formField: a line that reads "field: value" (關鍵字：城市, 地點：台北),
// or three fields or more between bars (選區|政黨|姓名, a candidate's card),
// is a field of the page, not a section title.
func formField(s string) bool {
	if _, head, ok := labelHead(s); ok && head < len(s) {
		return true
	}
	return strings.Count(s, "|")+strings.Count(s, "｜") >= 2 && !strings.Contains(s, "||") && !strings.Contains(s, "｜｜")
}

func bracketed(s string) bool {
	return wrappedIn(s, "(", ")") || wrappedIn(s, "（", "）") || wrappedIn(s, "【", "】") || wrappedIn(s, "[", "]")
}

// hasWord: a line with a letter or digit in it (--- and +++ have none).
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
