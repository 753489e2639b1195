package convert

import (
	"strings"
	"time"
)

// Wrapper formats: scrapers and archives put an article inside fields —
// Title:/Content:, Markdown front matter between --- lines, a BBS post's
// 作者/看板/標題/時間 header. The wrapper's own title and date fields are
// read; its other fields and delimiters are removed and listed.

// fieldKind is what a wrapper field holds.
type fieldKind int

const (
	fieldNone    fieldKind = iota
	fieldTitle             // the article's title
	fieldDate              // its publication time
	fieldContent           // the body starts here (its value, when any, is the first paragraph)
	fieldOther             // author account, board, tags, link: furniture
)

var fieldLabels = map[string]fieldKind{
	"標題": fieldTitle, "标题": fieldTitle, "題目": fieldTitle, "题目": fieldTitle, "Title": fieldTitle, "title": fieldTitle, "TITLE": fieldTitle,
	"時間": fieldDate, "时间": fieldDate, "日期": fieldDate, "Date": fieldDate, "date": fieldDate, "DATE": fieldDate, "發布時間": fieldDate, "发布时间": fieldDate,
	"Content": fieldContent, "content": fieldContent, "CONTENT": fieldContent, "內容": fieldContent, "内容": fieldContent, "正文": fieldContent,
	"作者": fieldOther, "Author": fieldOther, "author": fieldOther, "看板": fieldOther, "Board": fieldOther, "tags": fieldOther, "Tags": fieldOther,
	"categories": fieldOther, "category": fieldOther, "url": fieldOther, "URL": fieldOther, "link": fieldOther, "Link": fieldOther, "slug": fieldOther,
	"draft": fieldOther, "description": fieldOther, "summary": fieldOther, "source": fieldOther, "Source": fieldOther,
}

// field reads a wrapper field line: LABEL: value, or the BBS form without
// a colon (作者 someone (nick) 看板 Board, 時間 Thu May 18 10:20:30 2017).
func field(s string) (kind fieldKind, value string) {
	for i, r := range s {
		if r == ':' || r == '：' {
			label := strings.TrimSpace(s[:i])
			if k, ok := fieldLabels[label]; ok {
				_, n := runeAt(s, i)
				return k, strings.TrimSpace(s[i+n:])
			}
			break
		}
		if r == ' ' || r == '\t' || r == '\u3000' {
			if k, ok := fieldLabels[s[:i]]; ok && !strings.ContainsAny(s[:i], "abcdefghijklmnopqrstuvwxyz") {
				return k, strings.TrimSpace(s[i:])
			}
		}
		if i > 24 {
			break
		}
	}
	return fieldNone, ""
}

// wrapperPlan finds the fields at the top of a file: it needs two or more
// field lines (or a title field and --- delimiters) among the first lines.
type wrapperPlan struct {
	title        int    // line number of the title field, 0 when none
	titleText    string // its value
	date         *Date
	dateLine     int          // the line of the date field read
	furniture    map[int]bool // field and delimiter lines removed
	contentLine  int          // a Content: line whose value is the first paragraph
	contentValue string
	last         int // index of the last wrapper line
}

func planWrapper(ls []line, zone *time.Location) (wrapperPlan, bool) {
	wp := wrapperPlan{furniture: map[int]bool{}, last: -1}
	fields := 0
	for i := 0; i < min(len(ls), 10); i++ {
		t := ls[i].text
		if t == "---" || t == "+++" {
			wp.furniture[ls[i].no] = true
			wp.last = i
			continue
		}
		k, v := field(t)
		switch k {
		case fieldNone:
			i = len(ls) // the wrapper ends at the first line that is no field
			continue
		case fieldTitle:
			if wp.title == 0 && v != "" {
				wp.title, wp.titleText = ls[i].no, v
			} else {
				wp.furniture[ls[i].no] = true
			}
		case fieldDate:
			if d, ok := parseFieldDate(v, zone); ok && wp.date == nil {
				wp.date, wp.dateLine = &d, ls[i].no
			}
			wp.furniture[ls[i].no] = true
		case fieldContent:
			if v != "" {
				wp.contentLine, wp.contentValue = ls[i].no, v
			} else {
				wp.furniture[ls[i].no] = true
			}
		default:
			wp.furniture[ls[i].no] = true
		}
		fields++
		wp.last = i
		if k == fieldContent {
			break
		}
	}
	return wp, fields >= 2 && (wp.title != 0 || wp.date != nil)
}

// parseFieldDate reads a wrapper's date: a dateline, a dateline with
// company, RFC 3339, or the ctime a BBS writes (Thu May 18 10:20:30 2017).
func parseFieldDate(v string, zone *time.Location) (Date, bool) {
	if d, ok := ParseDateline(v, zone); ok {
		return d, true
	}
	if d, ok := ParseDatelineWithCompany(v, zone); ok {
		return d, true
	}
	for _, layout := range []string{time.RFC3339, "Mon Jan _2 15:04:05 2006", "Mon, 02 Jan 2006 15:04:05 -0700", "Mon, 02 Jan 2006 15:04:05 MST"} {
		if t, err := time.ParseInLocation(layout, v, zone); err == nil {
			return Date{Time: t, HasTime: true}, true
		}
	}
	return Date{}, false
}

// claimWrapper removes the wrapper's fields and delimiters, and makes the
// value of a Content: field the first paragraph.
func claimWrapper(c *ctx, ls []line) (Claim, bool) {
	w := c.head.wrapper
	if w == nil {
		return Claim{}, false
	}
	no := ls[0].no
	switch {
	case no == w.contentLine:
		return Claim{Lines: 1, Blocks: []Block{{Kind: KindParagraph, Text: w.contentValue}}}, true
	case no == w.dateLine:
		return Claim{Lines: 1, Date: w.date, Removed: "wrapper"}, true
	case w.furniture[no]:
		return Claim{Lines: 1, Removed: "wrapper"}, true
	}
	return Claim{}, false
}
