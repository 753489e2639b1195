package convert

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// bylineLeads are the words a credit line starts with, each followed by a
// mark (文/王小明, 作者:王小明); 記者 may be followed by a space alone.
var bylineLeads = []struct {
	word, marks string
}{
	{"文", "/／|｜│丨╱"}, {"圖文", "/／|｜│丨"}, {"撰文", ":：/／|｜│丨"}, {"作者", ":：/／|｜│丨"},
	{"記者", ":：/／|｜│丨 \u3000"}, {"记者", ":：/／|｜│丨 \u3000"},
	{"記錄整理", ":：/／|｜│丨"}, {"记录整理", ":：/／|｜│丨"}, {"採訪整理", ":：/／|｜│丨"}, {"采访整理", ":：/／|｜│丨"},
	{"採訪", ":：/／|｜│丨"}, {"采访", ":：/／|｜│丨"}, {"整理", ":：/／|｜│丨"}, {"口述", ":：/／|｜│丨"},
}

// reporterDesks are what stands before 記者 in a wire or paper credit:
// 中新社記者 王小明, 本報記者 李四, 特派記者.
var reporterDesks = words("中新社 中新網 中新网 新華社 新华社 中央社 本報特派 本报特派 本報 本报 特派 特約 特约 實習 实习 駐京 驻京")

// bylineLead returns the length of a credit line's lead (its word, mark and
// the spaces after), or 0 when s does not start with one.
func bylineLead(s string) int {
	// ◎王小明, ☉王小明, ◎文/王小明: Taiwanese pages put a bullseye before the writer.
	if rest, ok := strings.CutPrefix(s, "◎"); ok || strings.HasPrefix(s, "☉") {
		rest = strings.TrimPrefix(strings.TrimPrefix(s, "◎"), "☉")
		rest = strings.TrimLeft(rest, " \u3000")
		if n := bylineLead(rest); n > 0 {
			return len(s) - len(rest) + n
		}
		if r, _ := utf8.DecodeRuneInString(rest); isHan(r) && runeLen(rest) <= 4 {
			return len(s) - len(rest)
		}
		return 0
	}
	if desk := wordAt(s, reporterDesks); desk != "" && (strings.HasPrefix(s[len(desk):], "記者") || strings.HasPrefix(s[len(desk):], "记者")) {
		if n := bylineLead(s[len(desk):]); n > 0 {
			return len(desk) + n
		}
		return 0
	}
	for _, l := range bylineLeads {
		rest, ok := strings.CutPrefix(s, l.word)
		if !ok {
			continue
		}
		after := strings.TrimLeft(rest, " \t")
		r, n := utf8.DecodeRuneInString(after)
		switch {
		case n > 0 && strings.ContainsRune(l.marks, r) && r != ' ' && r != '\u3000':
			after = after[n:]
		case strings.ContainsRune(l.marks, ' ') && (len(after) < len(rest) || strings.HasPrefix(rest, "\u3000")):
			// 記者 王小明: the space is the mark
		default:
			continue
		}
		return len(s) - len(strings.TrimLeft(after, " \t\u3000"))
	}
	return 0
}

var (
	// Later credits on the same line: 編輯 | 李四, 攝影/張三.
	bylineMore = regexp.MustCompile(`\s*(?:編輯|编辑|攝影|摄影|圖|图|責編|责编|實習生|实习生)\s*[:：/／|｜│丨]\s*`)
	// 記者王小明／台北報導: a reporter, the place, then 報導.
	reportedFrom = regexp.MustCompile(`^(?:` + strings.Join(reporterDesks, "|") + `)?(?:記者|记者)((?:\p{Han}{2,3}[、,，\s]*){1,4})[/／╱]\s*\p{Han}{2,6}(?:報導|报道)`)
	nameSep      = regexp.MustCompile(`\s*[、,，/／和與与及]\s*|\s+`)
	personName   = regexp.MustCompile(`^(?:\p{Han}{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})$`)
	orgWords     = containsAny(words("公園 公园 公司 集團 集团 編輯部 编辑部 研究院 新聞 新闻 日報 日报 週刊 周刊 雜誌 杂志 網 网 社 台 整理 報 报 刊 傳媒 传媒 媒體 媒体 電視 电视 廣播 广播 協會 协会 大學 大学"))
)

// parseByline reads a credit line and returns the personal names in it; ok
// is false when the line is not a credit line. Organisations are not authors.
// The regular expressions run only on lines that start as a credit line.
func parseByline(s string) (names []string, ok bool) {
	if len(s) <= 160 && (strings.Contains(s, "記者") || strings.Contains(s, "记者")) && runeLen(s) <= 40 {
		if names, ok := reportedFromNames(s); ok {
			return names, true
		}
	}
	return parseCreditLine(s)
}

// reportedFromNames reads 記者王小明／台北報導.
func reportedFromNames(s string) (names []string, ok bool) {
	if m := reportedFrom.FindStringSubmatch(s); m != nil {
		for _, n := range nameSep.Split(strings.TrimSpace(m[1]), -1) {
			if personName.MatchString(n) {
				names = append(names, n)
			}
		}
		return names, len(names) > 0
	}
	return nil, false
}

// parseCreditLine reads a credit line that starts with its lead (文/, 記者 …).
func parseCreditLine(s string) (names []string, ok bool) {
	lead := bylineLead(s)
	if lead == 0 || runeLen(s) > 60 || endsWithPunct(s) {
		return nil, false
	}
	rest := s[lead:]
	primary := rest
	if m := bylineMore.FindStringIndex(rest); m != nil {
		primary = rest[:m[0]]
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

// claimByline: a credit line (文/…, 記者 …, 記錄整理:…) names authors and is
// consumed; one that names only an organisation stays as text. A speaker's
// label wins over a credit word (記者:… in an interview is a question).
func claimByline(c *ctx, ls []line) (Claim, bool) {
	t := ls[0].text
	if c.labels.at(t) != "" {
		return Claim{}, false
	}
	names, ok := parseByline(t)
	if !ok || len(names) == 0 {
		// A lead's credit set on a line of its own: 〔記者王小明／台北報導〕,
		// 本報訊（記者王小明）.
		if names = leadCreditLine(t); names == nil {
			return Claim{}, false
		}
	}
	return Claim{Lines: 1, Authors: names}, true
}

// leadCreditLine is the names of a line that is nothing but a lead's credit,
// ending with its bracket, or nil.
func leadCreditLine(t string) []string {
	if !shorter(t, 30) {
		return nil
	}
	if r, _ := utf8.DecodeLastRuneInString(t); !strings.ContainsRune(")）】]〕］", r) {
		return nil
	}
	return creditIn(t, 30)
}

// places are where wire credits say a story was filed, glued to the
// reporter's name in some (中央社記者王小明台北3日電).
var places = words(`台北 臺北 新北 台中 臺中 台南 臺南 高雄 桃園 新竹 基隆 花蓮 台東 臺東 宜蘭 嘉義 屏東 苗栗 南投 彰化 雲林
	北京 上海 天津 重慶 重庆 廣州 广州 深圳 南京 杭州 武漢 武汉 成都 西安 廈門 厦门 香港 澳門 澳门
	東京 东京 首爾 首尔 紐約 纽约 華盛頓 华盛顿 倫敦 伦敦 巴黎 柏林 莫斯科 新加坡 曼谷 雪梨 悉尼 洛杉磯 洛杉矶 舊金山 旧金山`)

// leadByline finds a credit at the start of a lead paragraph — (中央社記者
// 王小明台北3日電), 中新社北京9月26日電（記者 李四）, 【記者王小明／台北報導】,
// 〔記者王小明／台北報導〕,
// 本报记者张三发自上海 — and returns the names in it. The text stays in
// the paragraph; the names become authors.
func leadByline(p string) []string {
	if names := creditIn(p, 120); names != nil {
		return names
	}
	// A credit that closes the lead: …今天開幕。（記者王小明／台北報導）
	if strings.HasSuffix(p, ")") || strings.HasSuffix(p, "）") || strings.HasSuffix(p, "】") || strings.HasSuffix(p, "〕") {
		if i := strings.LastIndexAny(p, "(（【〔"); i >= 0 && runeLen(p[i:]) <= 30 {
			return creditIn(p[i:], 30)
		}
	}
	return nil
}

// creditIn reads a credit within the first n runes of p.
func creditIn(p string, n int) []string {
	head := p
	if i := runeOffset(p, n); i < len(p) {
		head = p[:i]
	}
	for off := 0; off < len(head); {
		i := indexAny(head[off:], "記者", "记者")
		if i < 0 {
			return nil
		}
		at := off + i
		off = at + len("記者")
		before := strings.TrimRight(head[:at], " \u3000")
		before = strings.TrimSuffix(strings.TrimSuffix(before, suffixWord(before, reporterDesks)), " ")
		if !creditOpens(before) {
			continue
		}
		rest := head[off:]
		end := strings.IndexFunc(rest, func(r rune) bool {
			return strings.ContainsRune(")）】]〕］/／╱", r) || isDigit(r) || r == '發' || r == '发' || r == '電' || r == '电' || r == '報' || r == '报'
		})
		if end <= 0 || !creditEnd.MatchString(rest[end:]) {
			continue
		}
		seg := strings.TrimSpace(rest[:end])
		if w := suffixWord(seg, places); w != "" {
			seg = strings.TrimSpace(strings.TrimSuffix(seg, w))
		}
		var names []string
		for _, n := range nameSep.Split(seg, -1) {
			if n == "" {
				continue
			}
			if !personName.MatchString(n) || orgWords.MatchString(n) {
				return nil
			}
			names = append(names, n)
		}
		return names
	}
	return nil
}

// creditOpens: what stands before 記者 in a credit — the start of the
// lead, 本報, or an opening bracket with at most an outlet's name after it
// (（某某社記者…).
func creditOpens(before string) bool {
	if before == "" || strings.HasSuffix(before, "本報") || strings.HasSuffix(before, "本报") {
		return true
	}
	i := strings.LastIndexAny(before, "(（【[〔［")
	if i < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(before[i:])
	outlet := before[i+n:]
	return runeLen(outlet) <= 6 && strings.IndexFunc(outlet, func(r rune) bool { return !isHan(r) }) < 0
}

// creditEnd is how a credit in a lead ends after the names: a bracket, a
// place and 報導, 發自, or the day it was filed (5日電).
var creditEnd = regexp.MustCompile(`^(?:[)）】\]〕］]|[/／╱]\s*\p{Han}{2,6}(?:報導|报道)|發自|发自|報導|报道|[0-9０-９]{1,2}日(?:電|电))`)

// runeOffset is the byte offset of the n-th rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func indexAny(s string, subs ...string) int {
	best := -1
	for _, sub := range subs {
		if i := strings.Index(s, sub); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// leadAuthors adds the people a credit at the start of the lead names: it
// is read from the first two prose paragraphs.
func leadAuthors(doc *Document) {
	seen := 0
	for _, b := range doc.Blocks {
		if b.Kind != KindParagraph {
			continue
		}
		names := leadByline(b.Text)
		for _, n := range names {
			if !contains(doc.Authors, n) {
				doc.Authors = append(doc.Authors, n)
			}
		}
		if len(names) > 0 {
			doc.AuthorLines = append(doc.AuthorLines, b.From)
		}
		if seen++; seen == 2 {
			return
		}
	}
}
