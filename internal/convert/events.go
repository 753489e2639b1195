package convert

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// A date mention: a year (explicit, ROC, or relative to the dateline or to
// the year in context), then optionally a month and a day, then a part of
// the period (上旬, 底…). Either the year or the month must be there.
var (
	mentionRe = regexp.MustCompile(
		`(?:(今年|去年|前年|同年|次年|翌年|隔年|當年|当年)|(?:民國|民国)\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*年|(\d{4}|[〇零○一二三四五六七八九]{4})\s*年)` +
			`(?:\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?(?:\s*(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日號号])?)?(上旬|中旬|下旬|初|底|末)?` +
			`|(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?(?:\s*(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日號号])?(上旬|中旬|下旬|初|底|末)?`)
	// 2016.3.1, 2016-03-01, 2016/3/1: numeric dates with all three parts.
	numericRe = regexp.MustCompile(`(\d{4})([./-])(\d{1,2})([./-])(\d{1,2})`)
	// Words after a year that make it a span, a duration or a season.
	spanAfter = regexp.MustCompile(`^\s*(?:年代|代|以來|以来|來|来|間|间|之間|之间|之久|多|前|後|后|內|内|左右|上半|下半|[春夏秋冬]|第|至|到|[—–~～－-]\s*\d)`)
	// Words before a date that make it a plan or a range end.
	planBefore  = regexp.MustCompile(`(?:計劃|计划|計畫|计画|預計|预计|將於|将于|將在|将在|擬於|拟于|打算|準備|准备|有望|預期|预期|目標|目标|明年|後年|后年|每年|每月|[至到—–~～－-])\s*$`)
	sentenceEnd = "。！？!?；;\n"
)

// extractEvents finds the dated events told in the body: one per distinct
// date, the first telling of it, sorted by date.
func extractEvents(doc *Document) {
	x := eventScan{doc: doc, seen: map[string]bool{}}
	if doc.Date != nil {
		t := doc.Date.Time
		x.ref = ymd{t.Year(), int(t.Month()), t.Day()}
	}
	for i, b := range doc.Blocks {
		if b.Kind == KindCode {
			continue
		}
		for j, para := range b.Paragraphs() {
			x.scan(i, j, para)
		}
	}
	sort.SliceStable(x.events, func(i, j int) bool { return x.events[i].Date < x.events[j].Date })
	doc.Events = x.events
	if doc.Events == nil {
		doc.Events = []Event{}
	}
}

type ymd struct{ y, m, d int }

// key formats the date at its precision: YYYY, YYYY-MM or YYYY-MM-DD.
func (v ymd) key() string {
	switch {
	case v.m == 0:
		return fmt.Sprintf("%04d", v.y)
	case v.d == 0:
		return fmt.Sprintf("%04d-%02d", v.y, v.m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", v.y, v.m, v.d)
}

// after reports whether v lies after ref, compared at v's precision.
func (v ymd) after(ref ymd) bool {
	if v.y != ref.y {
		return v.y > ref.y
	}
	if v.m == 0 {
		return false
	}
	if v.m != ref.m {
		return v.m > ref.m
	}
	return v.d != 0 && v.d > ref.d
}

type eventScan struct {
	doc     *Document
	ref     ymd // the dateline; zero when there is none
	context int // the last year told, for 同年 and 次年
	seen    map[string]bool
	events  []Event
}

func (x *eventScan) scan(block, para int, s string) {
	for _, m := range numericRe.FindAllStringSubmatchIndex(s, -1) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] || boundaryBefore(s, m[0]) || digitAfter(s, m[1]) {
			continue
		}
		v := ymd{atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])}
		if validDay(v.y, v.m, v.d) {
			x.add(block, para, s, m[0], v, v)
		}
	}
	for _, w := range mentionWindows(s) {
		for _, m := range mentionRe.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0]
				}
			}
			v, fine, ok := x.resolve(s, m)
			if ok {
				x.add(block, para, s, m[0], v, fine)
			}
		}
	}
}

// mentionWindows returns the stretches of s that can hold a date mention:
// every mention has a 年 or 月, so only the text around those is matched,
// each window widened to where a mention can start and end.
func mentionWindows(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "年月")
		if j < 0 {
			break
		}
		at := i + j
		start, end := mentionStart(s, at), min(len(s), at+48)
		for end < len(s) && !utf8.RuneStart(s[end]) {
			end++
		}
		if n := len(out); n > 0 && start <= out[n-1][1] {
			out[n-1][1] = end
		} else {
			out = append(out, [2]int{start, end})
		}
		i = at + len("年")
	}
	return out
}

// mentionStart walks back from a 年 or 月 over what a mention can start
// with (digits, numerals, spaces, 去/今/前/同/次…, 民國), so a window never
// begins inside one.
func mentionStart(s string, at int) int {
	for at > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:at])
		if !strings.ContainsRune(mentionRunes, r) {
			break
		}
		at -= n
	}
	return at
}

const mentionRunes = "0123456789０１２３４５６７８９〇零○一二三四五六七八九十百 \u3000\u00a0今去前同次翌隔當当民國国年月"

func group(s string, m []int, g int) string {
	if m[2*g] < 0 {
		return ""
	}
	return s[m[2*g]:m[2*g+1]]
}

// resolve turns a mention into a date at the precision spelled out (v) and
// the finest date it implies (fine, for the after-the-dateline test).
func (x *eventScan) resolve(s string, m []int) (v, fine ymd, ok bool) {
	rel, roc, year := group(s, m, 1), group(s, m, 2), group(s, m, 3)
	month, day, part := group(s, m, 4), group(s, m, 5), group(s, m, 6)
	if m[14] >= 0 { // month-led alternative
		month, day, part = group(s, m, 7), group(s, m, 8), group(s, m, 9)
	}
	if boundaryBefore(s, m[0]) || planBefore.MatchString(tail(s[:m[0]], 24)) {
		return v, v, false
	}
	if spanAfter.MatchString(s[m[1]:]) {
		return v, v, false
	}
	switch {
	case year != "":
		v.y = cjkNumber(year)
	case roc != "":
		v.y = cjkNumber(roc) + 1911
	case rel == "今年":
		v.y = x.ref.y
	case rel == "去年":
		v.y = x.ref.y - 1
	case rel == "前年":
		v.y = x.ref.y - 2
	case rel == "同年" || rel == "當年" || rel == "当年":
		v.y = x.context
	case rel == "次年" || rel == "翌年" || rel == "隔年":
		if x.context > 0 {
			v.y = x.context + 1
		}
	default: // a month without a year takes the dateline's year
		if strings.HasSuffix(strings.TrimRight(s[:m[0]], " "), "年") {
			return v, v, false // 明年 3 月, 每年 5 月: a year we cannot place
		}
		v.y = x.ref.y
	}
	if (rel == "今年" || rel == "去年" || rel == "前年" || year == "" && roc == "" && rel == "") && x.ref.y == 0 {
		return v, v, false // relative to a dateline the file does not have
	}
	if v.y < 1000 || v.y > 2999 {
		return v, v, false
	}
	if month != "" {
		v.m = cjkNumber(month)
		if v.m < 1 || v.m > 12 {
			return v, v, false
		}
	}
	if day != "" {
		v.d = cjkNumber(day)
		if !validDay(v.y, v.m, v.d) {
			return v, v, false
		}
	}
	fine = v
	switch part {
	case "底", "末":
		if v.m == 0 {
			fine.m = 12
		} else {
			fine.d = 28
		}
		v.d = 0
	case "上旬", "中旬", "下旬", "初":
		if v.m == 0 {
			fine.m = 1
		}
		v.d = 0
	}
	if year != "" || roc != "" {
		x.context = v.y
	}
	return v, fine, true
}

// boundaryBefore: a mention glued to letters, digits or a dot is part of
// something else (HX-2018, 3.5).
func boundaryBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune(".-_/", r))
}

func digitAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r >= '0' && r <= '9' || r == '.'
}

func (x *eventScan) add(block, para int, s string, at int, v, fine ymd) {
	if x.ref.y > 0 && (fine.after(x.ref) || v == x.ref) {
		return // after the dateline, or the dateline itself
	}
	k := v.key()
	if x.seen[k] {
		return
	}
	x.seen[k] = true
	x.events = append(x.events, Event{Date: k, Text: sentenceAt(s, at), Block: block, Para: para})
}

// sentenceAt returns the sentence of s that holds byte offset i.
func sentenceAt(s string, i int) string {
	start := strings.LastIndexAny(s[:i], sentenceEnd)
	if start < 0 {
		start = 0
	} else {
		_, n := utf8.DecodeRuneInString(s[start:])
		start += n
	}
	end := strings.IndexAny(s[i:], sentenceEnd)
	if end < 0 {
		end = len(s)
	} else {
		_, n := utf8.DecodeRuneInString(s[i+end:])
		end += i + n
	}
	return strings.TrimFunc(s[start:end], isSpace)
}

// tail is the end of s, at most n bytes, cut at a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}
