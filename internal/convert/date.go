package convert

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date is a publication date: a day, optionally with a time of day in a zone.
type Date struct {
	Time    time.Time
	HasTime bool
}

// String formats the date as RFC 3339 when the time is known, else YYYY-MM-DD.
func (d Date) String() string {
	if d.HasTime {
		return d.Time.Format(time.RFC3339)
	}
	return d.Time.Format("2006-01-02")
}

// MarshalJSON writes the date as its String.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// DefaultZone is the zone of datelines that carry a time: UTC+8, where the
// publications Jishi serves are written.
var DefaultZone = time.FixedZone("UTC+8", 8*3600)

// datelineStart: a dateline starts with its date (a digit, a numeral, 民國)
// or with a label.
func datelineStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if isDigit(r) || isNumeral(r) || r == '民' {
		return true
	}
	return strings.ContainsRune("發发更時时日出PD中", r)
}

// maxCompanyLine is the longest line, in bytes, read as a dateline with
// company: a timestamp, a source and a few words of site furniture.
const maxCompanyLine = 200

// timestampAt finds a full date, with its time of day when given, anywhere
// in a line: 2009年09月27日 22:24, 2025/12/15 07:56, ( 2025-06-14 ).
var timestampAt = regexp.MustCompile(`(?:(?:中華|中华)?(民國|民国)\s*)?(\d{4}|\d{2,3})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?(?:\s*[（(]?(?:星期|週|周|禮拜|礼拜)[一二三四五六日天][)）]?)?(?:\s*T?\s*(?:(上午|下午|早上|晚上|凌晨|中午)\s*)?(\d{1,2})\s*[:：時时点點]\s*(\d{2})\s*分?(?:[:：](\d{2}))?)?`)

// sourceLabel is what may stand before a timestamp on its line: the label
// of the source that published it (来源:成都日报).
var sourceLabel = regexp.MustCompile(`^(?:來源|来源|稿件來源|稿件来源|出處|出处)\s*[:：]\s*\S{1,20}$`)

// companyWords are the furniture a dateline shares its line with: the
// source, comments, font size, share buttons, the author, a link.
var companyWords = containsAny(words("來源 来源 稿件 評論 评论 字體 字体 字號 字号 分享 作者 編輯 编辑 責任 责任 閱讀 阅读 點擊 点击 瀏覽 浏览 人氣 人气 http www."))

// ParseDatelineWithCompany reads a line that starts with a publication
// date but has company on it: a source label before the timestamp, an
// update stamp or furniture after it (2013-09-22 14:31:17|來源：…|我要分享).
// The update stamp is not the date; the first timestamp is.
func ParseDatelineWithCompany(line string, zone *time.Location) (Date, bool) {
	s := strings.TrimFunc(line, isSpace)
	if len(s) > maxCompanyLine || strings.IndexAny(s, "0123456789") < 0 {
		return Date{}, false
	}
	m := timestampAt.FindStringSubmatchIndex(s)
	if m == nil {
		return Date{}, false
	}
	before := strings.TrimFunc(s[:m[0]], isSpace)
	after := strings.TrimFunc(s[m[1]:], isSpace)
	switch {
	case before == "", before == "(", before == "（", sourceLabel.MatchString(before):
	default:
		if t := datelineLabel.ReplaceAllString(before, ""); t != "" {
			return Date{}, false
		}
	}
	switch {
	case after == "":
	case strings.HasPrefix(after, ")") || strings.HasPrefix(after, "）"):
	case (strings.HasPrefix(after, "(") || strings.HasPrefix(after, "（")) && strings.Contains(after, "更新"):
	case strings.HasPrefix(after, "|") || strings.HasPrefix(after, "｜"):
	case companyWords.MatchString(after):
	case companyAuthors(after) != nil:
		// The paper and its reporter after the time (聯合報／ 記者王小明／基隆即時報導).
	case spaceAt(s, m[1]) || spaceAt(s, m[1]-1):
		// A few words set apart after a full date: the column or the
		// programme (2010年10月13日  新浪嘉宾访谈), or the writer and their
		// affiliation (王小明（某某協會理事長）) — not a sentence going on.
		if !nameAffiliated.MatchString(after) && (!shorter(after, 8) || endsWithPunct(after) || strings.ContainsAny(after, ",，。")) {
			return Date{}, false
		}
	default:
		return Date{}, false
	}
	g := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	return dateOfParts(g, s[m[0]:m[1]], zone)
}

// nameAffiliated is a writer's name and affiliation in brackets.
var nameAffiliated = regexp.MustCompile(`^(\p{Han}{2,4})\s*[（(][^（()）]{2,30}[）)]$`)

// spaceAt reports whether s has whitespace at byte i.
func spaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isSpace(r)
}

// maxDateline is the longest line, in bytes, read as a dateline: a label,
// a full date with weekday and a time fit well within it.
const maxDateline = 96

var (
	datelineLabel   = regexp.MustCompile(`^(?:發布時間|发布时间|發佈時間|发佈时间|發表時間|发表时间|發表於|发表于|更新時間|更新时间|時間|时间|日期|發布日期|发布日期|出版日期|(?i:published|posted|date))\s*[:：]?\s*`)
	datelineWeekday = regexp.MustCompile(`\s*[（(]?(?:星期|週|周|禮拜|礼拜)[一二三四五六日天][)）]?\s*|\s*[（(]?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[)）]?,?\s*`)
	// 2023102518:06 — scrapers glue the date and the time together.
	datelineGlued = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})\s*(?:(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$`)
	datelineParts = regexp.MustCompile(`^(?:中華|中华)?(民國|民国)?\s*(\d{2,4}|[〇零一二三四五六七八九]{4})\s*([-/.年])\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[-/.月]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号號]?\s*(?:T?\s*(?:(上午|下午|早上|晚上|凌晨|中午)\s*)?(\d{1,2})\s*[:：時时点點]\s*(\d{2})\s*分?(?:[:：](\d{2}))?)?$`)
)

// ParseDateline reads a line that is wholly a publication date, with an
// optional label before it and weekday around it; ok is false otherwise.
func ParseDateline(line string, zone *time.Location) (Date, bool) {
	s := strings.TrimFunc(line, isSpace)
	// A dateline is short and starts with its label or its date; a
	// paragraph is neither, and costs no regular expression.
	if len(s) > maxDateline || !datelineStart(s) {
		return Date{}, false
	}
	s = datelineLabel.ReplaceAllString(s, "")
	s = strings.TrimSpace(datelineWeekday.ReplaceAllString(s, " "))
	if m := datelineGlued.FindStringSubmatch(s); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), m[4], m[5], m[6], zone)
	}
	m := datelineParts.FindStringSubmatch(s)
	if m == nil {
		return Date{}, false
	}
	return dateOfParts(func(k int) string { return m[k] }, s, zone)
}

// dateOfParts builds a date from the groups both dateline expressions
// share: 1 民國, 2 year, 3 the mark after it, 4 month, 5 day, 6 上午/下午,
// 7 hour, 8 minute, 9 second. text is what they matched.
func dateOfParts(g func(int) string, text string, zone *time.Location) (Date, bool) {
	year := cjkNumber(g(2))
	switch {
	case g(1) != "":
		year += 1911
	case year < 1000:
		return Date{}, false
	}
	if g(3) == "年" && !strings.Contains(text, "月") {
		return Date{}, false
	}
	hour := g(7)
	if h := atoi(hour); hour != "" && (g(6) == "下午" || g(6) == "晚上") && h < 12 {
		hour = strconv.Itoa(h + 12)
	}
	return makeDate(year, cjkNumber(g(4)), cjkNumber(g(5)), hour, g(8), g(9), zone)
}

// makeDate builds a date, with the time of day when hour is given; seconds
// are kept when the line gives them.
func makeDate(y, mo, d int, hour, minute, second string, zone *time.Location) (Date, bool) {
	if !validDay(y, mo, d) {
		return Date{}, false
	}
	if hour == "" {
		return Date{Time: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)}, true
	}
	h, mi, sec := atoi(hour), atoi(minute), atoi(second)
	if h > 23 || mi > 59 || sec > 59 {
		return Date{}, false
	}
	return Date{Time: time.Date(y, time.Month(mo), d, h, mi, sec, 0, zone), HasTime: true}, true
}

func validDay(y, mo, d int) bool {
	if y < 1000 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Day() == d
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var cjkDigits = map[rune]int{'〇': 0, '零': 0, '○': 0, 'Ｏ': 0, '一': 1, '二': 2, '兩': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cjkNumber reads ASCII digits, full-width digits, digit-by-digit Chinese
// years (一九八七) and small Chinese numbers (二十五); -1 when it cannot.
func cjkNumber(s string) int {
	if s == "" {
		return -1
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	rs := []rune(s)
	if !strings.ContainsRune(s, '十') && !strings.ContainsRune(s, '百') {
		n := 0
		for _, r := range rs {
			switch {
			case r >= '０' && r <= '９':
				n = n*10 + int(r-'０')
			case r >= '0' && r <= '9':
				n = n*10 + int(r-'0')
			default:
				d, ok := cjkDigits[r]
				if !ok {
					return -1
				}
				n = n*10 + d
			}
		}
		return n
	}
	total, cur := 0, 0
	for _, r := range rs {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			d, ok := cjkDigits[r]
			if !ok {
				return -1
			}
			cur = d
		}
	}
	return total + cur
}
