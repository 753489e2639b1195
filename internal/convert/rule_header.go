package convert

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// headerPlan locates the header before any rule claims: the dateline is
// the first date line among the first lines; the title is the headline
// nearest above it (or right below it); without a dateline, the first
// headline-like line after promotional lines. Both are line numbers, 0 when
// absent; end is the index of the last header line, -1 when none.
type headerPlan struct {
	dateline, title int
	date            Date
	company         bool // the dateline's line holds more than the date: it is listed as removed
	wrapper         *wrapperPlan
	subtitle        int    // line number of the title's second line (——副標題), 0 when none
	subtitleText    string // that line, joined to the title
	subtitleSep     string // what joins them: nothing after ——, a space between a headline's two lines
	end             int
}

// headLines is how far into a file a dateline is looked for.
const headLines = 12

func planHeader(ls []line, opt Options) headerPlan {
	hp := headerPlan{end: -1}
	wp, ok := planWrapper(ls, opt.Zone)
	if !ok {
		wp, ok = planWeChat(ls, opt.Zone)
	}
	if ok {
		hp.wrapper, hp.title, hp.end = &wp, wp.title, wp.last
		if wp.date != nil {
			hp.date = *wp.date
		}
		return hp
	}
	dl, title := -1, -1
	for i := range min(len(ls), headLines) {
		if d, ok := ParseDateline(ls[i].text, opt.Zone); ok {
			hp.date, dl = d, i
			break
		}
		if d, ok := ParseDatelineWithCompany(ls[i].text, opt.Zone); ok {
			hp.date, dl, hp.company = d, i, true
			break
		}
	}
	furniture := func(s string) bool {
		_, by := parseByline(s)
		return by || opt.Patterns.Line.Match(s) || photoCredit(s)
	}
	if title = repeatedTitle(ls); title >= 0 {
		// The page's headline, set again above the article: see repeatedTitle.
	} else if dl >= 0 {
		for i := dl - 1; i >= 0 && title < 0; i-- {
			if !furniture(ls[i].text) && looksLikeTitle(ls[i].text) {
				title = i
			}
		}
		// A line above that begins as the dateline's company does is the
		// page's own keyword or name (a spam page's 小米彩票… over 小米彩票投注
		// 2023-01-31): the headline is the line below the dateline.
		if title >= 0 && hp.company && sameHead(ls[title].text, ls[dl].text) {
			title = -1
		}
		if title < 0 && dl+1 < len(ls) && looksLikeTitle(ls[dl+1].text) && !endsWithPunct(ls[dl+1].text) {
			title = dl + 1
		}
	} else if t := afterChrome(ls, furniture); t >= 0 {
		title = t
	} else {
	scan:
		for i := 0; i < min(len(ls), 5); i++ {
			t := ls[i].text
			switch {
			case furniture(t):
			case i+1 < len(ls) && ls[i+1].gap == 0 && sameHead(t, ls[i+1].text):
				// Lines that repeat one keyword (小米彩票计划群…, 小米彩票投注…)
				// are what a spam page stuffed above the article.
				for i+1 < len(ls) && ls[i+1].gap == 0 && sameHead(t, ls[i+1].text) {
					i++
				}
			case opt.Patterns.Promo.Match(t) && (runeLen(t) > 40 || !looksLikeTitle(t)):
			case shorter(t, 4) && i+1 < len(ls) && deckLine(ls[i+1].text) && !shorter(ls[i+1].text, 8):
				// A section's name over the headline (評論, 國際).
			case looksLikeTitle(t) && !endsWithPunct(t):
				title = i
				break scan
			default:
				break scan // prose before any headline: the file has no title line
			}
		}
	}
	// A two-line title: the title, then a subtitle led by —— or a colon;
	// or, as papers print a headline and its deck, two short headline
	// lines that stand together above the dateline, joined with a space.
	sub := -1
	switch {
	case title >= 1 && subtitleLine(ls[title].text) && looksLikeTitle(ls[title-1].text) && !furniture(ls[title-1].text):
		title, sub = title-1, title
	case title >= 0 && title+1 < len(ls) && title+1 != dl && subtitleLine(ls[title+1].text) && looksLikeTitle(ls[title+1].text):
		sub = title + 1
	case title >= 1 && title+1 == dl && ls[title].gap == 0 && (title == 1 || ls[title-1].gap > 0) && deckLine(ls[title-1].text) && deckLine(ls[title].text) && !furniture(ls[title-1].text):
		title, sub = title-1, title
		hp.subtitleSep = " "
	}
	if dl >= 0 {
		hp.dateline = ls[dl].no
	}
	if title >= 0 {
		hp.title = ls[title].no
	}
	if sub >= 0 {
		hp.subtitle, hp.subtitleText = ls[sub].no, ls[sub].text
	}
	hp.end = max(dl, title, sub)
	return hp
}

// afterChrome finds the headline of a page that keeps its site's controls
// above the article, one short line each (辅助功能设置, 文字大小, 色彩设置,
// 文章…): short lines and then the first line of prose; the
// headline is the last short line. Five controls or more: a headline
// with a subtitle and a byline is no page of controls. It returns -1 for
// any other shape.
func afterChrome(ls []line, furniture func(string) bool) int {
	for i := 0; i < min(len(ls), 16); i++ {
		t := ls[i].text
		if !shorter(t, 40) || strings.HasSuffix(t, "。") {
			// The first line of prose: the controls are the short lines
			// above the one right over it.
			if i < 6 {
				return -1
			}
			for _, l := range ls[:i-1] {
				if !shorter(l.text, 12) && !furniture(l.text) {
					return -1
				}
			}
			h := ls[i-1].text
			if furniture(h) || !looksLikeTitle(h) || endsWithPunct(h) && !askOrExclaim(h) {
				return -1
			}
			return i - 1
		}
	}
	return -1
}

// repeatedTitle finds the headline a scraped page sets twice — in its
// <title> (with the site's name after it) or a list of headlines, then
// above the article — and returns the index of the later copy, or -1.
// Everything above it is the page's furniture.
func repeatedTitle(ls []line) int {
	for j := 1; j < min(len(ls), 30); j++ {
		t := ls[j].text
		// A picture's alt text and caption are the same words twice too.
		if !shorter(t, 80) || shorter(t, 5) || !looksLikeTitle(t) || endsWithPunct(t) && !askOrExclaim(t) || bracketed(t) || photoCreditTail(t) || photographerTail(t) {
			continue
		}
		for i := j - 1; i >= 0; i-- {
			l := ls[i].text
			if rest, ok := strings.CutPrefix(l, t); ok && (rest == "" || siteSuffix(rest)) {
				return j
			}
			// Prose between the copies: the later one is a line of the body.
			if !shorter(l, 40) || strings.HasSuffix(l, "。") {
				break
			}
		}
	}
	return -1
}

func askOrExclaim(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("?？!！", r)
}

// siteSuffix: what a page's <title> puts after the headline — a separator
// and the site's name (" - umedia 優傳媒", "_新浪网", " | 端傳媒").
func siteSuffix(s string) bool {
	t := strings.TrimLeft(s, " ")
	for _, sep := range []string{"-", "|", "_", "｜", "－", "—", "·"} {
		if name, ok := strings.CutPrefix(t, sep); ok {
			name = strings.TrimSpace(name)
			return name != "" && shorter(name, 24)
		}
	}
	return false
}

// sameHead: two lines that begin with the same four characters or more.
func sameHead(a, b string) bool {
	n := 0
	for n < 4 && a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb || isDigit(ra) || isSpace(ra) {
			break
		}
		a, b = a[sa:], b[sb:]
		n++
	}
	return n == 4
}

// deckLine: a line that can be half of a headline printed in two lines:
// short, and no sentence.
func deckLine(s string) bool {
	// A field (本頁位置: 首頁…) or a breadcrumb (首頁 > 新聞) is no headline.
	return shorter(s, 40) && looksLikeTitle(s) && !endsWithPunct(s) && !formField(s) && !strings.ContainsAny(s, ">›»") && !strings.Contains(s, " / ")
}

// subtitleLine: a line that continues a title (——副標題, ：副標題).
func subtitleLine(s string) bool {
	return strings.HasPrefix(s, "——") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "：") || strings.HasPrefix(s, ":") ||
		strings.HasPrefix(s, "---") || strings.HasPrefix(s, "－－") // typed on keyboards without a dash
}

// claimDateline takes the line the plan found as the publication date.
func claimDateline(c *ctx, ls []line) (Claim, bool) {
	if ls[0].no != c.head.dateline {
		return Claim{}, false
	}
	d := c.head.date
	cl := Claim{Lines: 1, Date: &d}
	if c.head.company {
		cl.Removed = "dateline" // the source, update stamp and buttons on its line
		cl.Authors = companyAuthors(ls[0].text)
	}
	return cl, true
}

// companyAuthors are the writers a dateline's company credits
// (发布时间:2014-02-18 作者: 王文, 2022年5月22日 文/ 姚璐 编辑/,
// 2023-05-08 18:06 某某報／ 記者王文／台北即時報導).
func companyAuthors(s string) []string {
	// An opinion page's writer and affiliation after the date:
	// date 2025-12-09 王小明（某某協會理事長）.
	if m := timestampAt.FindStringIndex(s); m != nil {
		if n := nameAffiliated.FindStringSubmatch(strings.TrimSpace(s[m[1]:])); n != nil {
			return []string{n[1]}
		}
	}
	for i := 0; i < len(s); {
		if bylineLead(s[i:]) > 0 || reportedFrom.MatchString(s[i:]) {
			rest := s[i:]
			// The credit ends where the next field starts (a wide gap or |).
			if j := strings.Index(rest, "  "); j > 0 {
				rest = rest[:j]
			}
			if j := strings.IndexAny(rest, "|｜"); j > 0 && bylineLead(rest) < j {
				rest = rest[:j]
			}
			if names, ok := parseByline(strings.TrimSpace(rest)); ok {
				return names
			}
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return nil
}

// photoCredit: a picture's credit left by a scrape (中新社記者 王小明攝,
// 記者林美華／攝影): it names a photographer, not the article.
func photoCredit(s string) bool {
	t := strings.TrimRightFunc(s, func(r rune) bool { return isSpace(r) || isDigit(r) || strings.ContainsRune("年月日", r) })
	return (strings.HasSuffix(t, "攝") || strings.HasSuffix(t, "摄") || strings.HasSuffix(t, "攝影") || strings.HasSuffix(t, "摄影")) &&
		runeLen(s) <= 60 && (strings.Contains(s, "記者") || strings.Contains(s, "记者") || strings.Contains(s, "社"))
}

// claimTitle takes the headline, less its part marker.
func claimTitle(c *ctx, ls []line) (Claim, bool) {
	if ls[0].no == c.head.subtitle && c.head.subtitle > 0 {
		return Claim{Lines: 1}, true // the title's second line, joined to it
	}
	if ls[0].no != c.head.title {
		return Claim{}, false
	}
	t := ls[0].text
	if w := c.head.wrapper; w != nil {
		t = w.titleText
	}
	if text, ok := atxHeading(t); ok {
		t = text // a Markdown archive's # 標題
	}
	t = plainTitle(t)
	text, part, parts := splitTitle(t)
	if c.head.subtitleText != "" {
		text += c.head.subtitleSep + plainTitle(c.head.subtitleText)
	}
	return Claim{Lines: 1, Title: &Title{Text: text, Part: part, Parts: parts}, Authors: titleWriter(text)}, true
}

// writerMarks follow a writer's name at the head of an opinion page's
// headline: 林小芳專文：渡口邊的老茶館, 林小芳投書：…. (專欄 and 觀點
// follow a topic as often: 科技觀點, 財經專欄.)
var writerMarks = regexp.MustCompile(`^(\p{Han}{2,4})(?:專文|专文|投書|投书)\s*[：:》]`)

// notWriters stand before 專文 or 投書 without naming anyone.
var notWriters = words("讀者 读者 特約 特约 本報 本报 編輯 编辑 本刊 網友 网友 民眾 民众")

// titleWriter is the writer a headline names at its head, as a list of
// one, or nil. The headline keeps the name: it is how the page reads.
func titleWriter(title string) []string {
	if m := writerMarks.FindStringSubmatch(title); m != nil && !contains(notWriters, m[1]) {
		return []string{m[1]}
	}
	return nil
}

// plainTitle decodes the HTML entities a scrape leaves in a title line
// (&nbsp;, &amp;): a title and its slug never show them. The body keeps
// the text exactly as written.
func plainTitle(s string) string {
	// A run of stars after a headline is a scrape's decoration (…熱議******).
	if t := strings.TrimRight(s, "*＊ "); t != s && t != "" && strings.HasSuffix(s, "**") {
		s = t
	}
	if !strings.Contains(s, "&") {
		return s
	}
	t := html.UnescapeString(s)
	t = strings.Map(func(r rune) rune {
		if r == '\u00a0' {
			return ' '
		}
		return r
	}, t)
	return strings.Join(strings.Fields(t), " ")
}

// claimPromo removes what stands above the title: the hosting site's
// promotional lines.
func claimPromo(c *ctx, ls []line) (Claim, bool) {
	if ls[0].no >= c.head.title {
		return Claim{}, false
	}
	return Claim{Lines: 1, Removed: "promo"}, true
}

// splitTitle removes a part suffix from a title line — -(1), (1), （上）,
// (中), (下) — and returns the part number and, when the marker implies
// it, how many parts there are.
func splitTitle(s string) (title string, part, parts int) {
	mark, rest, ok := partSuffix(s)
	if !ok {
		return s, 0, 0
	}
	title = strings.TrimSpace(rest)
	if title == "" {
		return s, 0, 0
	}
	switch mark {
	case "上":
		return title, 1, 0
	case "中":
		return title, 2, 3
	case "下":
		return title, 2, 2
	}
	n := cjkNumber(mark)
	if n < 1 {
		return s, 0, 0
	}
	return title, n, 0
}

// partSuffix finds a bracketed part marker at the end of s, with an
// optional dash before it, and returns the marker and the text before it.
func partSuffix(s string) (mark, rest string, ok bool) {
	t := strings.TrimRight(s, " \t")
	var inner string
	switch {
	case strings.HasSuffix(t, ")"):
		inner = strings.TrimSuffix(t, ")")
	case strings.HasSuffix(t, "）"):
		inner = strings.TrimSuffix(t, "）")
	default:
		return "", "", false
	}
	open := strings.LastIndexAny(inner, "(（")
	if open < 0 {
		return "", "", false
	}
	mark = strings.TrimSpace(inner[open:])
	mark = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(mark, "("), "（"))
	if !partMark(mark) {
		return "", "", false
	}
	rest = strings.TrimRight(inner[:open], " \t")
	for _, dash := range []string{"-", "－", "—", "–"} {
		if r, ok := strings.CutSuffix(rest, dash); ok {
			rest = r
			break
		}
	}
	return mark, rest, true
}

// partMark: one or two digits or Chinese numerals, or 上/中/下.
func partMark(m string) bool {
	switch m {
	case "上", "中", "下":
		return true
	}
	n := runeLen(m)
	if n < 1 || n > 2 {
		return false
	}
	for _, r := range m {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("一二三四五六七八九十", r)) {
			return false
		}
	}
	return true
}

// looksLikeTitle is a line short enough to be a headline and not a sentence.
func looksLikeTitle(s string) bool {
	n := runeLen(s)
	return n >= 2 && n <= 100 && !strings.HasSuffix(s, "。")
}

// claimRetitle: the headline set again in the text — by a player that
// reads the story aloud, over a picture — as written, or without the
// column's name the title carries (早安某某》…, 專訪｜…), is removed.
func claimRetitle(c *ctx, ls []line) (Claim, bool) {
	t := ls[0].text
	if c.title == "" || !shorter(t, 80) || !sameTitle(c.title, t) {
		return Claim{}, false
	}
	return Claim{Lines: 1, Removed: "retitle"}, true
}

// sameTitle: t is the title, or the title less a short column name before
// it that ends with 》, a bar, a slash or a colon.
func sameTitle(title, t string) bool {
	if t == title {
		return true
	}
	column, ok := strings.CutSuffix(title, t)
	if !ok || column == "" || !shorter(column, 10) || !hasWord(t) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(column)
	return strings.ContainsRune("》｜|／/：:", r)
}
