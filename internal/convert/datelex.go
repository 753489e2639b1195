package convert

import (
	"strings"
	"unicode/utf8"
)

// The date lexer reads a paragraph once, left to right, and emits typed
// items in the style of Hugo's pagelexer: the pieces a date is written with
// (years, months, days, relative years, qualifiers, numeric dates) and the
// markers around them that change their meaning (a span after, a plan, a
// range, a lunar calendar or a count before). The resolver (events.go)
// reads the items in order with one year in context.

type itemType uint8

const (
	itemNum       itemType = iota // a number that is no part of a date: 61 分, 三年, 2000 多
	itemYear                      // 2003 年, 一九八七年, 民國 105 年 (val is the Gregorian year)
	itemRelYear                   // 今年 去年 前年 同年 當年 次年 翌年 隔年
	itemPlanYear                  // 明年 後年: never an event, and its month is not placed
	itemMonth                     // 4 月, 十月, 5 月份
	itemDay                       // 1 日, 二十四日, 8 號
	itemNumDate                   // 2016.3.1, 2016-03-01, 2016/3/1
	itemQualifier                 // 上旬 中旬 下旬 初 底 末
	itemSpan                      // after a date: 年代, 以來, 上半年, 第 2 季, 一季度, 暑假, 至…, ——2020, 之間
	itemBefore                    // before a date: a plan (計劃, 預計, 每年), a range (至, —), 農曆, a count (近, 前)
)

// item is one piece of a paragraph, at s[pos:end].
type item struct {
	typ      itemType
	pos, end int
	val      int    // the number: year, month or day
	y, m, d  int    // a numeric date
	word     string // the relative year, the qualifier, or the marker
}

// lexDates emits the items of s in text order.
func lexDates(s string, emit func(item)) {
	if !mayTellDate(s) {
		return
	}
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		if r >= 0x10000 || !dateStart[r] {
			i += n
			continue
		}
		if !strings.HasPrefix(s[i+n:], "年") {
		} else if w := wordAt(s[i:], relYears); w != "" {
			typ := itemRelYear
			if w == "明年" || w == "後年" || w == "后年" {
				typ = itemPlanYear
			}
			emitWithContext(s, item{typ: typ, pos: i, end: i + len(w), word: w}, emit)
			i += len(w)
			continue
		}
		if isNumeral(r) && !unitAfterNumerals(s[i:]) {
			i += n // 一個, 十分, 三者: counting, not a date; nothing to emit
			continue
		}
		if isDigit(r) || isNumeral(r) {
			it, next := lexNumber(s, i)
			if it.typ != itemNum {
				emitWithContext(s, it, emit)
			} else {
				emit(it)
			}
			i = next
			continue
		}
		i += n
	}
}

// mayTellDate: every date item needs 年 or 月, or a digit (a numeric
// date); a paragraph with none of them is skipped with three fast searches.
func mayTellDate(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			return true
		case c == 0xE5 && i+2 < len(s) && s[i+1] == 0xB9 && s[i+2] == 0xB4: // 年
			return true
		case c == 0xE6 && i+2 < len(s) && s[i+1] == 0x9C && s[i+2] == 0x88: // 月
			return true
		}
	}
	return false
}

// dateStart marks the runes an item can start with.
var dateStart = func() (t [0x10000]bool) {
	for _, r := range "0123456789０１２３４５６７８９〇零○一二三四五六七八九十百兩两今去前同當当次翌隔明後后" {
		t[r] = true
	}
	return
}()

var relYears = words("今年 去年 前年 同年 當年 当年 次年 翌年 隔年 明年 後年 后年")

// wordAt returns the word of ws that s starts with, or "".
func wordAt(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// lexNumber reads a number at s[i:] and what it counts: a year, month or
// day, a numeric date, or nothing (itemNum). It returns the item and where
// lexing goes on.
func lexNumber(s string, i int) (item, int) {
	start := i
	digits, ascii := numberRun(s[i:])
	i += len(digits)
	it := item{typ: itemNum, pos: start, end: i, val: cjkNumber(digits)}
	if ascii && len(digits) == 4 {
		if m, d, n, ok := numericDate(s[i:]); ok {
			it = item{typ: itemNumDate, pos: start, end: i + n, y: atoi(digits), m: m, d: d}
			return it, it.end
		}
	}
	j := i + spaces(s[i:])
	unit, un := utf8.DecodeRuneInString(s[j:])
	v := it.val
	switch unit {
	case '年':
		switch {
		case yearDigits(digits):
			it.typ = itemYear
		case v >= 1 && v <= 200 && rocBefore(s[:start]):
			it.typ, v = itemYear, v+1911
		}
	case '月':
		if v >= 1 && v <= 12 && !strings.ContainsRune(digits, '百') {
			it.typ = itemMonth
			if strings.HasPrefix(s[j+un:], "份") {
				un += len("份")
			}
		}
	case '日', '號', '号':
		if v >= 1 && v <= 31 && !strings.ContainsRune(digits, '百') {
			it.typ = itemDay
		}
	}
	if it.typ == itemNum {
		return it, i
	}
	it.val, it.end = v, j+un
	return it, it.end
}

// unitAfterNumerals: the run of Chinese numerals s starts with is followed
// (after spaces) by a date unit. Most numerals in prose are not, and are
// skipped without an item.
func unitAfterNumerals(s string) bool {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isNumeral(r) {
			break
		}
		i += n
	}
	i += spaces(s[i:])
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '年' || r == '月' || r == '日' || r == '號' || r == '号'
}

// isNumeral: a Chinese numeral, as years (一九八七, 二〇二三) and counts are written.
func isNumeral(r rune) bool {
	switch r {
	case '〇', '零', '○', '百', '兩', '两':
		return true
	}
	return isCJKNumeral(r)
}

// numberRun is the run of digits, or of Chinese numerals, at the start of s.
func numberRun(s string) (run string, ascii bool) {
	r, _ := utf8.DecodeRuneInString(s)
	cjk := !isDigit(r)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if cjk && !isNumeral(r) || !cjk && !isDigit(r) {
			break
		}
		i += n
	}
	run = s[:i]
	return run, !cjk && run[0] < 0x80
}

// yearDigits: four digits, or four Chinese numerals read digit by digit (一九八七).
func yearDigits(d string) bool {
	n := runeLen(d)
	return n == 4 && !strings.ContainsAny(d, "十百") && cjkNumber(d) >= 1000
}

// numericDate reads .3.1, -03-01 or /3/1 after a four-digit year: the same
// separator twice, one or two digits each, nothing numeric glued after.
func numericDate(s string) (m, d, n int, ok bool) {
	if s == "" || !strings.ContainsRune("./-", rune(s[0])) {
		return
	}
	sep := s[0]
	i := 1
	mi := i
	for i < len(s) && i-mi < 2 && isASCIIDigit(s[i]) {
		i++
	}
	if i == mi || i >= len(s) || s[i] != sep {
		return
	}
	m = atoi(s[mi:i])
	i++
	di := i
	for i < len(s) && i-di < 2 && isASCIIDigit(s[i]) {
		i++
	}
	if i == di || i < len(s) && (isASCIIDigit(s[i]) || s[i] == '.') {
		return
	}
	return m, atoi(s[di:i]), i, true
}

func rocBefore(s string) bool {
	s = strings.TrimRight(s, " \u3000\u00a0")
	return strings.HasSuffix(s, "民國") || strings.HasSuffix(s, "民国")
}

// spaces is the length of the spaces at the start of s.
func spaces(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// emitWithContext emits a date item with the markers around it: a marker
// right before it (only spaces between), the item, then a qualifier or a
// span marker right after it.
func emitWithContext(s string, it item, emit func(item)) {
	before := strings.TrimRight(s[:it.pos], " \u3000\u00a0")
	if w := suffixWord(before, beforeMarkers); w != "" {
		emit(item{typ: itemBefore, pos: len(before) - len(w), end: len(before), word: w})
	}
	emit(it)
	j := it.end + spaces(s[it.end:])
	if q := wordAt(s[j:], qualifiers); q != "" && it.typ != itemNum {
		emit(item{typ: itemQualifier, pos: j, end: j + len(q), word: q})
		j += len(q)
		j += spaces(s[j:])
	}
	if w := spanAt(s[j:]); w != "" {
		emit(item{typ: itemSpan, pos: j, end: j + len(w), word: w})
	}
}

var qualifiers = words("上旬 中旬 下旬 初 底 末")

// beforeMarkers turn the date after them into no event: plans and habits,
// the end of a range, a lunar date, a count of months, the date a
// statistic stands at (截至), a comparison (比, 同比), a photo's credit (攝).
var beforeMarkers = words(`計劃 计划 計畫 计画 預計 预计 將於 将于 將在 将在 擬於 拟于 打算 準備 准备 有望 預期 预期 目標 目标
	每年 每月 至 到 — – ~ ～ － - 農曆 农历 陰曆 阴历 近 過去 过去 最近 頭 头 這 这 前 後 后
	截至 截止 截止到 截止至 比 較 较 相較 相较 同比 環比 环比 攝 摄`)

// spanWords after a date make it a span, a duration or a season.
var spanWords = words(`年代 代 以來 以来 來 来 之間 之间 間 间 期間 期间 之久 之後 之后 之前 以後 以后 以前 多 前 後 后 內 内 左右
	上半 下半 春 夏 秋 冬 暑假 寒假 最後 最后 第 季度 至 到`)

// spanAt returns the span marker s starts with, or "": a span word, a
// quarter (一季度, 3 季), or dashes before another number (——2020).
func spanAt(s string) string {
	if w := wordAt(s, spanWords); w != "" {
		return w
	}
	if n := clockAt(s); n > 0 {
		return s[:n] // a time of day: the date is a page's timestamp, not an event
	}
	r, n := utf8.DecodeRuneInString(s)
	if (isCJKNumeral(r) || r >= '1' && r <= '4') && strings.HasPrefix(s[n:], "季") {
		return s[:n+len("季")]
	}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("—–~～－-", r) {
			break
		}
		i += n
	}
	if i > 0 {
		j := i + spaces(s[i:])
		if r, _ := utf8.DecodeRuneInString(s[j:]); isDigit(r) || isCJKNumeral(r) {
			return s[:i]
		}
	}
	return ""
}

// clockAt is the length of a time of day (16:05, 9：30) at the start of s, or 0.
func clockAt(s string) int {
	i := 0
	for i < len(s) && i < 2 && isASCIIDigit(s[i]) {
		i++
	}
	if i == 0 {
		return 0
	}
	c, n := utf8.DecodeRuneInString(s[i:])
	if c != ':' && c != '：' {
		return 0
	}
	j := i + n
	if j+2 > len(s) || !isASCIIDigit(s[j]) || !isASCIIDigit(s[j+1]) {
		return 0
	}
	return j + 2
}

// suffixWord returns the word of ws that s ends with, or "".
func suffixWord(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}
