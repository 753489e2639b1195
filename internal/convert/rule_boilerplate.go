package convert

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Pattern matches a line of furniture; *regexp.Regexp is one (the editor's
// own patterns in jishi.toml), and the defaults are literal prefixes, which
// cost no regular expression on every line.
type Pattern interface{ MatchString(s string) bool }

// PatternSet is the patterns of one kind of furniture.
type PatternSet []Pattern

// Match reports whether any pattern matches s.
func (ps PatternSet) Match(s string) bool {
	for _, p := range ps {
		if p.MatchString(s) {
			return true
		}
	}
	return false
}

// Patterns are the editor-extensible boilerplate rules (see jishi.toml).
type Patterns struct {
	// Promo matches promotional lines before the title.
	Promo PatternSet
	// Line matches single lines that are site furniture wherever they stand.
	Line PatternSet
	// Trailer matches a line that starts a trailer: it and the short lines under it go.
	Trailer PatternSet
}

// prefix matches lines that start with one of words, then (when sep is
// set) optional spaces and one of the runes of sep.
type prefix struct {
	words  []string
	sep    string
	firsts string // the first rune of every word, so most lines are passed at once
}

func newPrefix(words []string, sep string) prefix {
	var firsts strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !strings.ContainsRune(firsts.String(), r) {
			firsts.WriteRune(r)
		}
	}
	return prefix{words: words, sep: sep, firsts: firsts.String()}
}

func (p prefix) MatchString(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune(p.firsts, r) {
		return false
	}
	for _, w := range p.words {
		rest, ok := strings.CutPrefix(s, w)
		if !ok {
			continue
		}
		if p.sep == "" {
			return true
		}
		rest = strings.TrimLeft(rest, " \t")
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && strings.ContainsRune(p.sep, r) {
			return true
		}
	}
	return false
}

// shortLine matches what p matches, on a line of at most max runes: the
// buttons and prompts of a page, not a sentence that starts the same way.
type shortLine struct {
	p   Pattern
	max int
}

func (s shortLine) MatchString(t string) bool {
	// The pattern first: a prefix turns most lines away at their first rune.
	return s.p.MatchString(t) && shorter(t, s.max) && !endsWithSentence(t)
}

// inBrackets matches what p matches, bare or set in brackets as a label
// (【延伸閱讀】, [相關報導], 〔延伸閱讀〕).
type inBrackets struct{ p Pattern }

func (b inBrackets) MatchString(s string) bool {
	if in, ok := unwrap(s, [2]string{"【", "】"}, [2]string{"[", "]"}, [2]string{"〔", "〕"}, [2]string{"［", "］"}); ok {
		return b.p.MatchString(strings.TrimSpace(in))
	}
	return b.p.MatchString(s)
}

// endMarker matches a lone end-of-article mark: 完, 全文完 or END, bracketed
// or not (（完）, 〈完〉, 【全文完】).
type endMarker struct{}

func (endMarker) MatchString(s string) bool {
	for _, o := range []string{"(", "（", "〈", "【", "[", "〔"} {
		if r, ok := strings.CutPrefix(s, o); ok {
			s = r
			break
		}
	}
	for _, c := range []string{")", "）", "〉", "】", "]", "〕"} {
		if r, ok := strings.CutSuffix(s, c); ok {
			s = r
			break
		}
	}
	switch s {
	case "完", "全文完", "END", "End", "end":
		return true
	}
	return false
}

// callToAction matches a button left in the text as a bracketed label and
// its prompt: [啟動LINE推播] 每日重大新聞通知, 【訂閱電子報】每週精選.
type callToAction struct{}

var actionWords = words("推播 訂閱 订阅 追蹤 追踪 加入好友 按讚 按赞 下載 下载 點我 点我 立即 免費 免费")

func (callToAction) MatchString(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune("[【〔", r) || !shorter(s, 30) || endsWithSentence(s) {
		return false
	}
	for _, b := range [][2]string{{"[", "]"}, {"【", "】"}, {"〔", "〕"}} {
		if in, ok := strings.CutPrefix(s, b[0]); ok {
			label, _, ok := strings.Cut(in, b[1])
			return ok && shorter(label, 12) && containsAny(actionWords).MatchString(label)
		}
	}
	return false
}

// allOf matches what every one of its patterns matches.
type allOf []Pattern

func (ps allOf) MatchString(s string) bool {
	for _, p := range ps {
		if !p.MatchString(s) {
			return false
		}
	}
	return true
}

// reprintNote matches a note that the text is republished, on a line of its
// own and bracketed or not: 本文經作者授權轉載，原文刊載於某某網,
// （本文轉載自某某雜誌第123期）, ※本文獲某某授權轉載. The publication it
// names is the page's source (creditOf).
type reprintNote struct{}

var reprintLine = regexp.MustCompile(`^[（(【\[]?(?:本文|原文|此文|文章)[^。！？]{0,30}?(?:轉載|转载|轉貼|转贴|刊載|刊载|刊登|授權|授权)`)

func (reprintNote) MatchString(s string) bool {
	if !shorter(s, 60) {
		return false
	}
	// The words it opens with, before any regular expression is asked.
	t := strings.TrimLeft(s, "※＊* ")
	for _, o := range []string{"（", "(", "【", "["} {
		if r, ok := strings.CutPrefix(t, o); ok {
			t = r
			break
		}
	}
	for _, w := range []string{"本文", "原文", "此文", "文章"} {
		if strings.HasPrefix(t, w) {
			return reprintLine.MatchString(strings.TrimLeft(s, "※＊* "))
		}
	}
	return false
}

// deskCredit matches a wire story's closing credit on a line of its own:
// its desk editor (or translator and checker) in brackets, and the date
// code a wire puts after it — （編輯：王小明）1080412, 【编辑:王小明】,
// (譯者:王小明/核稿:李大華)1140301. Left alone it read as a short line
// with no closing punctuation: a heading. The editor of the desk is not
// an author; an editor's note (編輯按：…) is not a credit.
type deskCredit struct{}

// deskLabels are the roles a closing credit names.
var deskLabels = words("責任編輯 责任编辑 編輯 编辑 責編 责编 譯者 译者 編譯 编译 核稿 校對 校对 審核 审核 編審 编审")

func (deskCredit) MatchString(s string) bool {
	// It ends with its date code or its bracket; a sentence ends otherwise.
	// (Lines come trimmed.)
	if r, _ := utf8.DecodeLastRuneInString(s); !isDigit(r) && !strings.ContainsRune("）)】]", r) {
		return false
	}
	code := len(s) - len(strings.TrimRight(s, "0123456789"))
	if code != 0 && (code < 6 || code > 8) {
		return false
	}
	inner, _ := unwrap(s[:len(s)-code], [2]string{"（", "）"}, [2]string{"(", ")"}, [2]string{"【", "】"}, [2]string{"[", "]"})
	if inner == "" || !shorter(inner, 40) {
		return false
	}
	// Each part is a role and a name (編輯：王小明), or one more name
	// (王小明／李大華); the first names a role.
	for i, part := range strings.FieldsFunc(inner, func(r rune) bool { return strings.ContainsRune("／/、；;", r) }) {
		name, role := deskName(strings.TrimSpace(part))
		if i == 0 && !role || !deskPeople(name) {
			return false
		}
	}
	return true
}

// deskPeople: one to three people's names (王小明, 王小明 李大華, 阿依·木拉提,
// Jane Doe), not a note (以下為精簡版).
func deskPeople(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return strings.IndexFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune(" .-'", r))
		}) < 0
	}
	for _, n := range f {
		most := 4 // a Han name, compound surnames included
		if strings.ContainsAny(n, "·・") {
			most = 12 // a name written from another language, in its parts
		}
		if c := utf8.RuneCountInString(n); c < 2 || c > most || strings.IndexFunc(n, func(r rune) bool { return !isCJK(r) && r != '·' && r != '・' }) >= 0 {
			return false
		}
	}
	return true
}

// deskName is the name in one part of a closing credit, and whether a
// role and a colon stood before it.
func deskName(part string) (name string, role bool) {
	for _, l := range deskLabels {
		if rest, ok := strings.CutPrefix(part, l); ok {
			rest = strings.TrimLeft(rest, " ")
			for _, colon := range []string{":", "："} {
				if n, ok := strings.CutPrefix(rest, colon); ok {
					return strings.TrimSpace(n), true
				}
			}
			return part, false
		}
	}
	return part, false
}

// updateStamp matches a page's update stamp on a line of its own (最後更新
// 2020/2/23 14:38:30, 更新於 2023-10-25 18:06, Last updated: 2021-06-01):
// when the page was last edited, below the dateline that gives the
// publication date; left alone it read as a heading.
type updateStamp struct{}

var updateLabel = regexp.MustCompile(`^(?:最後更新|最后更新|更新時間|更新时间|更新於|更新于|更新日期|最後修改|最后修改|修改時間|修改时间|(?i:last\s+updated|updated|last\s+modified))\s*(?:[:：]\s*)?`)

func (updateStamp) MatchString(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune("最更修LlUu", r) || len(s) > maxDateline+20 {
		return false
	}
	m := updateLabel.FindStringIndex(s)
	if m == nil || m[1] == len(s) {
		return false
	}
	_, ok := ParseDateline(s[m[1]:], time.UTC)
	return ok
}

// pageCounter matches a page's counter of readers on a line of its own (人氣
// 1,024, 閱讀 3.2萬, 瀏覽次數：568, and ? 人氣, whose number was an image):
// a counter word and nothing but numbers and signs around it.
type pageCounter struct{}

var counterWords = words("瀏覽次數 浏览次数 觀看次數 观看次数 閱讀次數 阅读次数 瀏覽數 浏览数 閱讀數 阅读数 閱讀量 阅读量 點擊數 点击数 點擊量 点击量 點閱數 点阅数 人氣 人气 瀏覽 浏览 閱讀 阅读 點閱 点阅 點擊 点击 觀看 观看")

func (pageCounter) MatchString(s string) bool {
	// Every counter word has one of these.
	if !shorter(s, 24) || !strings.ContainsAny(s, "氣气覽览讀读擊击閱阅看") {
		return false
	}
	rest, found := s, false
	for _, w := range counterWords {
		if strings.Contains(rest, w) {
			rest, found = strings.Replace(rest, w, " ", 1), true
			break
		}
	}
	// What is left: a figure (1,024, 3.2萬, 10萬+, 1.2k) or the ? of a
	// lost icon, and signs; no word, and not the word alone (閱讀 can be a
	// section's name).
	return found && strings.ContainsAny(rest, "0123456789?？") && strings.IndexFunc(rest, func(r rune) bool {
		return unicode.IsLetter(r) && !strings.ContainsRune("萬万千次人kKwW", r)
	}) < 0
}

// navBar matches a site's navigation left on a line of its own — section
// names in a row (今日新聞 社論 評論 專題報導 自由廣場, 首页 人物 内文) — and
// the font-size buttons (A+ A A-).
type navBar struct{}

var navWords = words("首頁 首页 回首頁 回首页 正文 內文 内文")

// fontButtons: A+, A-, A+ A A- (a lone A can be an answer's label).
func fontButtons(s string) bool {
	if s == "" || s[0] != 'A' || len(s) > 16 {
		return false
	}
	tokens := strings.Fields(s)
	for _, t := range tokens {
		if t != "A" && t != "A+" && t != "A-" && t != "A＋" && t != "A－" {
			return false
		}
	}
	return len(tokens) > 0 && s != "A"
}

func (navBar) MatchString(s string) bool {
	if fontButtons(s) {
		return true
	}
	// Most lines are prose: no space, or too long to be a row of names.
	if len(s) > 4*48 || strings.IndexByte(s, ' ') < 0 {
		return false
	}
	tokens := strings.Fields(s)
	if len(tokens) < 3 || runeLen(s) > 48 {
		return false
	}
	nav := false
	for _, t := range tokens {
		n := runeLen(t)
		r, _ := utf8.DecodeRuneInString(t)
		if n > 5 || !isHan(r) || endsWithPunct(t) {
			return false
		}
		if contains(navWords, t) {
			nav = true
		}
	}
	return nav || len(tokens) >= 5
}

// contains matches lines that hold one of words anywhere.
type containsAny []string

func (c containsAny) MatchString(s string) bool {
	for _, w := range c {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func words(s string) []string { return strings.Fields(s) }

// DefaultPatterns are the boilerplate rules every site starts from; the
// sets are fresh copies, so a site's own patterns can be appended.
func DefaultPatterns() Patterns {
	return Patterns{
		Promo:   slices.Clone(defaultPatterns.Promo),
		Line:    slices.Clone(defaultPatterns.Line),
		Trailer: slices.Clone(defaultPatterns.Trailer),
	}
}

var defaultPatterns = Patterns{
	Promo: PatternSet{
		containsAny{"http://", "https://", "www.", "***"},
		containsAny(words("關注 关注 訂閱 订阅 公眾號 公众号 廣告 广告 贊助 赞助 點擊 点击 掃碼 扫码 下載 下载")),
	},
	Line: PatternSet{
		newPrefix(words("責任編輯 责任编辑 責編 责编 編輯 编辑 校對 校对 審核 审核"), ":：|｜/"),
		newPrefix(words("來源 来源 本文來源 本文来源 文章來源 文章来源 原標題 原标题 原文標題 原文标题"), ":：|｜"),
		newPrefix(words("版權聲明 版权声明 免責聲明 免责声明 版權所有 版权所有"), ""),
		newPrefix(words("點擊關注 点击关注 關注我們 关注我们 長按識別 长按识别 掃碼關注 扫码关注 歡迎關注 欢迎关注"), ""),
		newPrefix(words("未經授權 未经授权 轉載請 转载请 本文僅代表 本文仅代表"), ""),
		// Cookie and privacy notices, and the switches that come with them.
		newPrefix(words("請同意我們的隱私權 请同意我们的隐私权 本網站使用 本网站使用 本站使用"), ""),
		// Share bars, font-size buttons and subscription prompts on a line of their own.
		shortLine{newPrefix(words("分享到 分享至 我要分享 分享 字體 字体 字號 字号 訂閱 订阅 追蹤我們 追踪我们 加入會員 加入会员 列印 打印 返回頂部 返回顶部 回到頂端"), ""), 24},
		// Links on to more of the site: 看更多相關新聞》, 閱讀更多 >>.
		shortLine{newPrefix(words("看更多 更多新聞 更多新闻 閱讀更多 阅读更多 查看更多 點我看更多 点我看更多 更多精彩 看完整 點此看 点此看"), ""), 20},
		endMarker{},
		callToAction{},
		reprintNote{},
		// Prompts to follow the site elsewhere: 加入某某LINE好友，新聞不漏接.
		shortLine{allOf{newPrefix(words("加入 點我 点我 立即 馬上 马上 歡迎加入 欢迎加入"), ""), containsAny(words("LINE 好友 粉絲 粉丝 電子報 电子报 頻道 频道 會員 会员 訂閱 订阅 追蹤 追踪 IG YouTube Telegram"))}, 30},
		deskCredit{},
		updateStamp{},
		pageCounter{},
		navBar{},
	},
	Trailer: PatternSet{
		// Set as a label too: 【延伸閱讀】, [相關報導].
		inBrackets{newPrefix(words("延伸閱讀 延伸阅读 相關閱讀 相关阅读 推薦閱讀 推荐阅读 相關文章 相关文章 相關報導 相关报道 熱門文章 热门文章 相關新聞 相关新闻"), "")},
		// A WeChat article's topic box and the account's prompts under it.
		newPrefix(words("收录于话题 收錄於話題 收录于合集 收錄於合集"), ""),
	},
}

// claimTrailer: 延伸閱讀 and the related titles under it are site furniture.
func claimTrailer(c *ctx, ls []line) (Claim, bool) {
	if !c.opt.Patterns.Trailer.Match(ls[0].text) {
		return Claim{}, false
	}
	n := 1
	// The titles under it end at the paper's edition line, which dates
	// the page (claimEdition).
	for n < len(ls) && (runeLen(ls[n].text) <= 60 && !endsWithPunct(ls[n].text) || c.opt.Patterns.Line.Match(ls[n].text)) && !editionLine.MatchString(ls[n].text) {
		n++
	}
	return Claim{Lines: n, Removed: "trailer"}, true
}

// claimFurniture: 責任編輯, 來源, 版權聲明 and the editor's own patterns.
func claimFurniture(c *ctx, ls []line) (Claim, bool) {
	if t := ls[0].text; !c.opt.Patterns.Line.Match(t) && (unmarked(t) == t || !c.opt.Patterns.Line.Match(unmarked(t))) {
		return Claim{}, false
	}
	n := 1
	// Font-size buttons one to a line (A+, A, A-): the lone A goes with them.
	for fontButtons(ls[0].text) && n < len(ls) && (ls[n].text == "A" || fontButtons(ls[n].text)) {
		n++
	}
	return Claim{Lines: n, Removed: "furniture"}, true
}

// linkMarks are what a page sets before a link or a button: ►看更多,
// ★ 加入好友, 👉 點我訂閱.
const linkMarks = "►▶▸▹➤➜→⇒👉★☆●◆◇■□※"

// unmarked is t without the link marks and spaces before its words.
func unmarked(t string) string {
	if r, _ := utf8.DecodeRuneInString(t); !strings.ContainsRune(linkMarks, r) {
		return t
	}
	return strings.TrimLeft(t, linkMarks+" \u3000")
}

// claimSignature: a BBS post ends with "--", the site's ※ lines (發信站,
// 文章網址) and the readers' pushes after them: none of it is the article.
func claimSignature(c *ctx, ls []line) (Claim, bool) {
	t := ls[0].text
	if t == "```" && len(ls) > 1 && ls[1].text == "--" {
		t = "--" // an archive fences the footer off as code
	}
	switch {
	case t == "--" && stationBelow(ls):
	case strings.HasPrefix(t, "※ 發信站") || strings.HasPrefix(t, "※ 发信站") || strings.HasPrefix(t, "※發信站"):
	default:
		return Claim{}, false
	}
	return Claim{Lines: len(ls), Removed: "signature"}, true
}

// stationBelow: the -- that opens a BBS signature has the station's line
// (※ 發信站) a few lines below it, after the writer's own signature.
func stationBelow(ls []line) bool {
	for _, l := range ls[1:min(len(ls), 14)] {
		if strings.HasPrefix(l.text, "※") {
			return true
		}
	}
	return false
}
