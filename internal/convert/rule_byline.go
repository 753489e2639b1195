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
	{"文", "/／|｜"}, {"圖文", "/／|｜"}, {"撰文", ":：/／|｜"}, {"作者", ":：/／|｜"},
	{"記者", ":：/／|｜ \u3000"}, {"记者", ":：/／|｜ \u3000"},
	{"記錄整理", ":：/／|｜"}, {"记录整理", ":：/／|｜"}, {"採訪整理", ":：/／|｜"}, {"采访整理", ":：/／|｜"},
	{"採訪", ":：/／|｜"}, {"采访", ":：/／|｜"}, {"整理", ":：/／|｜"}, {"口述", ":：/／|｜"},
}

// bylineLead returns the length of a credit line's lead (its word, mark and
// the spaces after), or 0 when s does not start with one.
func bylineLead(s string) int {
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
	bylineMore = regexp.MustCompile(`\s*(?:編輯|编辑|攝影|摄影|圖|图|責編|责编|實習生|实习生)\s*[:：/／|｜]\s*`)
	nameSep    = regexp.MustCompile(`\s*[、,，/／和與与及]\s*|\s+`)
	personName = regexp.MustCompile(`^(?:\p{Han}{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})$`)
	orgWords   = containsAny(words("公園 公园 公司 集團 集团 編輯部 编辑部 研究院 新聞 新闻 日報 日报 週刊 周刊 雜誌 杂志 網 网 社 台 整理"))
)

// parseByline reads a credit line and returns the personal names in it; ok
// is false when the line is not a credit line. Organisations are not authors.
// The regular expressions run only on lines that start as a credit line.
func parseByline(s string) (names []string, ok bool) {
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
		return Claim{}, false
	}
	return Claim{Lines: 1, Authors: names}, true
}
