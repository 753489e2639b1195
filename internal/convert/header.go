package convert

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Patterns are the editor-extensible boilerplate rules (see jishi.toml).
type Patterns struct {
	// Promo matches promotional lines before the title.
	Promo []*regexp.Regexp
	// Line matches single lines that are site furniture wherever they stand.
	Line []*regexp.Regexp
	// Trailer matches a line that starts a trailer: it and the short lines under it go.
	Trailer []*regexp.Regexp
}

// DefaultPatterns are the boilerplate rules every site starts from.
func DefaultPatterns() Patterns {
	return Patterns{
		Promo: compileAll(`https?://`, `www\.[a-z0-9-]+\.`, `\*{3}`, `關注|关注|訂閱|订阅|公眾號|公众号|廣告|广告|贊助|赞助|點擊|点击|掃碼|扫码|下載|下载`),
		Line: compileAll(
			`^(?:責任編輯|责任编辑|責編|责编|編輯|编辑|校對|校对|審核|审核)\s*[:：|｜/]`,
			`^(?:來源|来源|本文來源|本文来源|文章來源|文章来源|原標題|原标题|原文標題|原文标题)\s*[:：|｜]`,
			`^(?:版權聲明|版权声明|免責聲明|免责声明|版權所有|版权所有)`,
			`^(?:點擊關注|点击关注|關注我們|关注我们|長按識別|长按识别|掃碼關注|扫码关注|歡迎關注|欢迎关注)`,
			`^(?:未經授權|未经授权|轉載請|转载请|本文僅代表|本文仅代表)`,
			`^(?:\(|（)?(?:完|全文完|END|End|end)(?:\)|）)?$`,
		),
		Trailer: compileAll(`^(?:延伸閱讀|延伸阅读|相關閱讀|相关阅读|推薦閱讀|推荐阅读|相關文章|相关文章|相關報導|相关报道|熱門文章|热门文章)\s*[:：]?`),
	}
}

func compileAll(exprs ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(exprs))
	for i, e := range exprs {
		out[i] = regexp.MustCompile(e)
	}
	return out
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// byline credits: 文/王小明, 記者 王小明, 作者:王小明, 記者 | 王小明 編輯 | 李四.
var (
	bylineLead = regexp.MustCompile(`^(?:文\s*[/／|｜]|圖文\s*[/／|｜]|撰文\s*[:：/／|｜]|作者\s*[:：/／|｜]|記者\s*[:：/／|｜]?|记者\s*[:：/／|｜]?|記錄整理\s*[:：/／|｜]|记录整理\s*[:：/／|｜]|採訪\s*[:：/／|｜]|采访\s*[:：/／|｜]|整理\s*[:：/／|｜]|採訪整理\s*[:：/／|｜]|采访整理\s*[:：/／|｜]|口述\s*[:：/／|｜])\s*`)
	// Later credits on the same line: 編輯 | 李四, 攝影/張三.
	bylineMore = regexp.MustCompile(`\s*(?:編輯|编辑|攝影|摄影|圖|图|責編|责编|實習生|实习生)\s*[:：/／|｜]\s*`)
	nameSep    = regexp.MustCompile(`\s*[、,，/／和與与及]\s*|\s+`)
	personName = regexp.MustCompile(`^(?:\p{Han}{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})$`)
	orgWords   = regexp.MustCompile(`公園|公园|公司|集團|集团|編輯部|编辑部|研究院|新聞|新闻|日報|日报|週刊|周刊|雜誌|杂志|網|网|社|台|整理`)
)

// parseByline reads a credit line and returns the personal names in it; ok
// is false when the line is not a credit line. Organisations are not authors.
func parseByline(s string) (names []string, ok bool) {
	loc := bylineLead.FindStringIndex(s)
	if loc == nil || runeLen(s) > 60 || endsWithPunct(s) {
		return nil, false
	}
	if rest, ok := strings.CutPrefix(s, "記者"); ok || strings.HasPrefix(s, "记者") {
		// A bare 記者 must be followed by a space or a mark, or it is prose (記者會…).
		if !ok {
			rest = strings.TrimPrefix(s, "记者")
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune(" :：/／|｜\u3000", r) {
			return nil, false
		}
	}
	rest := s[loc[1]:]
	var primary string
	if m := bylineMore.FindStringIndex(rest); m != nil {
		primary = rest[:m[0]]
	} else {
		primary = rest
	}
	for _, n := range nameSep.Split(strings.TrimSpace(primary), -1) {
		if n == "" || orgWords.MatchString(n) {
			continue
		}
		if personName.MatchString(n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 && !orgWords.MatchString(primary) {
		return nil, false
	}
	return names, true
}

// partMarker is a part suffix on a title: -(1), (1), （上）, (中), (下), 之一.
var partMarker = regexp.MustCompile(`\s*[-－—–]?\s*[(（]\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2}|[上中下])\s*[)）]\s*$`)

// splitTitle removes a part suffix from a title line and returns the part
// number and, when the marker implies it, how many parts there are.
func splitTitle(s string) (title string, part, parts int) {
	m := partMarker.FindStringSubmatchIndex(s)
	if m == nil {
		return s, 0, 0
	}
	title = strings.TrimSpace(s[:m[0]])
	if title == "" {
		return s, 0, 0
	}
	switch mark := s[m[2]:m[3]]; mark {
	case "上":
		return title, 1, 0
	case "中":
		return title, 2, 3
	case "下":
		return title, 2, 2
	default:
		n := cjkNumber(mark)
		if n < 1 {
			return s, 0, 0
		}
		return title, n, 0
	}
}

// looksLikeTitle is a line short enough to be a headline and not a sentence.
func looksLikeTitle(s string) bool {
	n := runeLen(s)
	return n >= 2 && n <= 100 && !strings.HasSuffix(s, "。")
}
