package convert

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
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
		if !kinds[b.Kind].events {
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
	items   []item // the current paragraph's items, reused
}

// scan lexes one paragraph and resolves its mentions in text order.
func (x *eventScan) scan(block, para int, s string) {
	x.items = x.items[:0]
	lexDates(s, func(it item) { x.items = append(x.items, it) })
	its := x.items
	for i := 0; i < len(its); {
		if !startsMention(its[i].typ) {
			i++
			continue
		}
		m, next := x.mention(s, its, i)
		i = next
		if v, fine, ok := x.resolve(s, m); ok {
			x.add(block, para, s, m.pos, v, fine)
		}
	}
}

func startsMention(t itemType) bool {
	switch t {
	case itemYear, itemRelYear, itemPlanYear, itemMonth, itemNumDate:
		return true
	}
	return false
}

// mention is one date as written: its pieces, and what stands around it.
type mention struct {
	pos, end                int
	year, month, day, numer *item
	qualifier               string
	before, span            string // the markers right before and after it
	rangeEnd                bool   // X和Y之間: the start of a range
}

// adjacent: only spaces between a and the item at b.
func adjacent(s string, end, pos int) bool {
	return pos >= end && strings.Trim(s[end:pos], " \u3000\u00a0") == ""
}

// mention gathers the items of the mention starting at its[i] — year, then
// month, then day, then qualifier, each adjacent to the last — with the
// markers right before and after it, and returns where the next one may start.
func (x *eventScan) mention(s string, its []item, i int) (mention, int) {
	m := mention{pos: its[i].pos, end: its[i].end}
	if i > 0 && its[i-1].typ == itemBefore && adjacent(s, its[i-1].end, m.pos) {
		m.before = its[i-1].word
	}
	stage := 0 // 1 year, 2 month, 3 day
	j := i
	for ; j < len(its); j++ {
		it := &its[j]
		if j > i && !adjacent(s, m.end, it.pos) {
			break
		}
		switch {
		case it.typ == itemNumDate && j == i:
			m.numer, stage = it, 3
		case (it.typ == itemYear || it.typ == itemRelYear || it.typ == itemPlanYear) && stage < 1:
			m.year, stage = it, 1
		case it.typ == itemMonth && stage < 2:
			m.month, stage = it, 2
		case it.typ == itemDay && stage == 2:
			m.day, stage = it, 3
		case it.typ == itemQualifier:
			m.qualifier = it.word
		case it.typ == itemSpan:
			m.span = it.word
		default:
			return m.close(s, its, j), j
		}
		m.end = max(m.end, it.end)
		if it.typ == itemSpan {
			j++
			break
		}
	}
	return m.close(s, its, j), j
}

var conjunctions = words("和 與 与 及 跟 、")

// close looks past a mention for a range told as X和Y之間: a conjunction,
// then a date that a span word such as 之間 closes.
func (m mention) close(s string, its []item, next int) mention {
	if m.span != "" {
		return m
	}
	rest := strings.TrimLeft(s[m.end:], " \u3000\u00a0")
	conj := wordAt(rest, conjunctions)
	if conj == "" {
		return m
	}
	end := len(s) - len(rest) + len(conj)
	for k := next; k < len(its); k++ {
		it := its[k]
		if it.typ == itemBefore {
			continue
		}
		if !adjacent(s, end, it.pos) || it.typ == itemNum {
			return m
		}
		if it.typ == itemSpan {
			switch it.word {
			case "之間", "之间", "期間", "期间", "間", "间":
				m.rangeEnd = true
			}
			return m
		}
		end = it.end
	}
	return m
}

// resolve turns a mention into a date at the precision spelled out (v) and
// the finest date it implies (fine, for the after-the-dateline test). The
// year in context moves with every year told, even in a span.
func (x *eventScan) resolve(s string, m mention) (v, fine ymd, ok bool) {
	if boundaryBefore(s, m.pos) {
		return v, v, false // HX-2018, v2.0
	}
	lunar := m.before == "農曆" || m.before == "农历" || m.before == "陰曆" || m.before == "阴历"
	relative := false
	switch {
	case m.numer != nil:
		v = ymd{m.numer.y, m.numer.m, m.numer.d}
		if !validDay(v.y, v.m, v.d) {
			return v, v, false
		}
	case m.year != nil && m.year.typ == itemYear:
		v.y = m.year.val
	case m.year != nil && m.year.typ == itemPlanYear:
		return v, v, false
	case m.year != nil:
		relative = true
		switch m.year.word {
		case "今年":
			v.y = x.ref.y
		case "去年":
			v.y = x.ref.y - 1
		case "前年":
			v.y = x.ref.y - 2
		case "同年", "當年", "当年":
			v.y = x.context
		default: // 次年 翌年 隔年
			if x.context > 0 {
				v.y = x.context + 1
			}
		}
		if (m.year.word == "今年" || m.year.word == "去年" || m.year.word == "前年") && x.ref.y == 0 {
			return v, v, false // relative to a dateline the file does not have
		}
	default: // a month without a year takes the dateline's year
		if strings.HasSuffix(strings.TrimRight(s[:m.pos], " \u3000\u00a0"), "年") || x.ref.y == 0 {
			return v, v, false // 三年 5 月: a year we cannot place
		}
		v.y, relative = x.ref.y, true
	}
	if v.y < 1000 || v.y > 2999 {
		return v, v, false
	}
	if !lunar && (m.year != nil || m.numer != nil) && !(relative && m.year == nil) {
		x.context = v.y
	}
	if lunar || m.before != "" || m.span != "" || m.rangeEnd {
		return v, v, false // a plan, a range, a span, a count, a lunar date
	}
	if m.numer == nil {
		if m.month != nil {
			v.m = m.month.val
		}
		if m.day != nil {
			v.d = m.day.val
			if !validDay(v.y, v.m, v.d) {
				return v, v, false
			}
		}
	}
	fine = v
	switch m.qualifier {
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
	return v, fine, true
}

// boundaryBefore: a mention glued to letters, digits or a dot is part of
// something else (HX-2018, 3.5).
func boundaryBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune(".-_/", r))
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
	x.events = append(x.events, Event{Date: k, Text: clauseAt(s, at), Block: block, Para: para})
}

// clauseAt returns the clause of s that tells the date at byte offset i —
// a timeline's line, not the whole sentence: from the clause mark before
// the date to the one after it, with the next clause too when the date's
// own says little more than the date (6 月 8 日和 10 月 24 日，訊飛發布了…),
// and with its brackets and quotation marks balanced.
func clauseAt(s string, i int) string {
	ss, se := sentenceBounds(s, i)
	start := ss
	for j := i; j > ss; {
		_, n := utf8.DecodeLastRuneInString(s[:j])
		if clauseMark(s, j-n) {
			start = j
			break
		}
		j -= n
	}
	end := nextClauseMark(s, i, se)
	if dateWords(s[start:end]) < 8 && end < se {
		_, n := utf8.DecodeRuneInString(s[end:])
		end = nextClauseMark(s, end+n, se)
	}
	start, end = balanced(s, ss, se, start, end)
	return strings.TrimFunc(s[start:end], isSpace)
}

// sentenceBounds are the byte offsets of the sentence of s that holds i.
func sentenceBounds(s string, i int) (start, end int) {
	end = len(s)
	for j := i; j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if endsSentence(r) {
			start = j
			break
		}
		j -= n
	}
	for j := i; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		j += n
		if endsSentence(r) {
			// A sentence ended inside a quotation ends after its close (。」).
			for j < len(s) {
				c, m := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune("」』”）)", c) {
					break
				}
				j += m
			}
			end = j
			break
		}
	}
	return start, end
}

// clauseMark: a comma or colon that ends a clause at byte i — not one
// between digits (18:06, 1,000).
func clauseMark(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '，', '：':
		return true
	case ',', ':':
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+n:])
		return !(isDigit(before) && isDigit(after))
	}
	return false
}

// nextClauseMark is the offset of the first clause mark at or after i,
// or end.
func nextClauseMark(s string, i, end int) int {
	for j := i; j < end; {
		if clauseMark(s, j) {
			return j
		}
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return end
}

// dateWords counts the Han characters of s that are not part of a date.
func dateWords(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) && !strings.ContainsRune("年月日號号和與与及至到初中下上旬底末前後后今去同次隔", r) {
			n++
		}
	}
	return n
}

// pairs are the brackets and quotation marks a clause must not cut.
var pairs = [][2]rune{{'「', '」'}, {'『', '』'}, {'（', '）'}, {'(', ')'}, {'“', '”'}, {'《', '》'}}

// balanced widens [start, end) until no bracket or quotation mark in it is
// left open or closed alone, reaching past the sentence [ss, se) when a
// quotation holds several sentences (“…；…。”); the sentence when the
// partner is not in the paragraph at all.
func balanced(s string, ss, se, start, end int) (int, int) {
	for _, p := range pairs {
		for {
			depth, low := 0, 0
			for _, r := range s[start:end] {
				switch r {
				case p[0]:
					depth++
				case p[1]:
					depth--
					low = min(low, depth)
				}
			}
			switch {
			case low < 0: // a closer without its opener: reach back for it
				j := strings.LastIndex(s[:start], string(p[0]))
				if j < 0 {
					return ss, se
				}
				start = j
			case depth-low > 0: // an opener left open: reach on for its closer
				j := strings.Index(s[end:], string(p[1]))
				if j < 0 {
					return ss, se
				}
				end += j + len(string(p[1]))
			default:
				goto next
			}
		}
	next:
	}
	return start, end
}

func endsSentence(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '\n':
		return true
	}
	return false
}
