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
	fieldAuthor            // who wrote it: a BBS account (its nickname in brackets after it) or a name
	fieldOther             // board, tags, link: furniture
)

var fieldLabels = map[string]fieldKind{
	"標題": fieldTitle, "标题": fieldTitle, "題目": fieldTitle, "题目": fieldTitle, "Title": fieldTitle, "title": fieldTitle, "TITLE": fieldTitle,
	"時間": fieldDate, "时间": fieldDate, "日期": fieldDate, "發信站": fieldDate, "发信站": fieldDate, "Date": fieldDate, "date": fieldDate, "DATE": fieldDate, "發布時間": fieldDate, "发布时间": fieldDate,
	"Content": fieldContent, "content": fieldContent, "CONTENT": fieldContent, "內容": fieldContent, "内容": fieldContent, "正文": fieldContent,
	"作者": fieldAuthor, "Author": fieldAuthor, "author": fieldAuthor, "發信人": fieldAuthor, "发信人": fieldAuthor,
	"看板": fieldOther, "Board": fieldOther, "信區": fieldOther, "信区": fieldOther, "tags": fieldOther, "Tags": fieldOther,
	"categories": fieldOther, "category": fieldOther, "url": fieldOther, "URL": fieldOther, "link": fieldOther, "Link": fieldOther, "slug": fieldOther,
	"draft": fieldOther, "description": fieldOther, "summary": fieldOther, "source": fieldOther, "Source": fieldOther,
}

// field reads a wrapper field line: LABEL: value, or the BBS form without
// a colon (作者 someone (nick) 看板 Board, 時間 Thu May 18 10:20:30 2017).
func field(s string) (kind fieldKind, value string) {
	for i, r := range s {
		if r == ':' || r == '：' {
			// BBS software pads a label to the width of the others (标  题).
			label := strings.Join(strings.Fields(s[:i]), "")
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
	authorLine   int // the line of the author field read
	author       string
	last         int // index of the last wrapper line
}

func planWrapper(ls []line, zone *time.Location) (wrapperPlan, bool) {
	wp := wrapperPlan{furniture: map[int]bool{}, last: -1}
	fields := 0
	for i := 0; i < min(len(ls), 10); i++ {
		t := ls[i].text
		// Front matter's delimiters, and the code fence an archive puts
		// around a BBS post's header.
		if t == "---" || t == "+++" || t == "```" {
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
				wp.title, wp.titleText = ls[i].no, boardTags(v)
			} else {
				wp.furniture[ls[i].no] = true
			}
		case fieldDate:
			if d, ok := parseFieldDate(v, zone); ok && wp.date == nil {
				wp.date, wp.dateLine = &d, ls[i].no
			}
			wp.furniture[ls[i].no] = true
		case fieldAuthor:
			if a := accountName(v); a != "" && wp.authorLine == 0 {
				wp.authorLine, wp.author = ls[i].no, a
			} else {
				wp.furniture[ls[i].no] = true
			}
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

// boardTags removes the category tags a BBS puts before a post's title
// ([心得][英文] 標題 → 標題): they file the post on its board; the title
// field line keeps them, and the review page shows that line.
func boardTags(v string) string {
	t := v
	for strings.HasPrefix(t, "[") || strings.HasPrefix(t, "［") || strings.HasPrefix(t, "【") {
		_, n := runeAt(t, 0)
		end := strings.IndexAny(t, "]］】")
		if end < 0 || runeLen(t[n:end]) > 4 {
			break
		}
		_, m := runeAt(t, end)
		t = strings.TrimSpace(t[end+m:])
	}
	if t == "" {
		return v
	}
	return t
}

// accountName is the author a wrapper's author field names: a BBS account
// without the nickname in brackets after it and the board on its line
// (作者 someone (暱稱), 发信人: someone (nick), 信区: Board), or a name.
func accountName(v string) string {
	if i := strings.IndexAny(v, "(（,，"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	if v == "" || runeLen(v) > 40 || strings.Contains(v, "://") {
		return ""
	}
	return v
}

// parseFieldDate reads a wrapper's date: a dateline, a dateline with
// company, RFC 3339, or the ctime a BBS writes (Thu May 18 10:20:30 2017),
// alone or in brackets after the station's name (水木社区 (Thu …), 站内).
func parseFieldDate(v string, zone *time.Location) (Date, bool) {
	if i, j := strings.IndexByte(v, '('), strings.IndexByte(v, ')'); i >= 0 && j > i {
		if d, ok := parseFieldDate(strings.TrimSpace(v[i+1:j]), zone); ok {
			return d, true
		}
	}
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
		cl := Claim{Lines: 1, Date: w.date, Removed: "wrapper"}
		if no == w.authorLine {
			cl.Authors = []string{w.author} // 原创 王小明 某某公众号 2021-06-26
		}
		return cl, true
	case no == w.authorLine:
		return Claim{Lines: 1, Authors: []string{w.author}}, true
	case w.furniture[no]:
		return Claim{Lines: 1, Removed: "wrapper"}, true
	}
	return Claim{}, false
}

// planWeChat reads the header a WeChat article keeps when it is copied or
// mirrored: the title, then 原创 (Original), the writer, the account and
// the date, one to a line or on one line (原创 王小明 某某公众号 2021-06-26).
// Whatever the mirror put above the title is its furniture.
func planWeChat(ls []line, zone *time.Location) (wrapperPlan, bool) {
	for i := 1; i < min(len(ls), 60); i++ {
		t := ls[i].text
		if !strings.HasPrefix(t, "原创") && !strings.HasPrefix(t, "原創") && !strings.HasPrefix(t, "Original") {
			continue
		}
		fields := strings.Fields(t)
		if !wechatMark(fields[0]) || !looksLikeTitle(ls[i-1].text) || endsWithPunct(ls[i-1].text) && !askOrExclaim(ls[i-1].text) {
			continue
		}
		wp := wrapperPlan{furniture: map[int]bool{}, title: ls[i-1].no, titleText: ls[i-1].text}
		var rest []line // the writer and the account
		if len(fields) > 1 {
			// On one line: 原创 writer account date.
			m := timestampAt.FindStringIndex(t)
			if m == nil {
				continue
			}
			d, ok := ParseDateline(strings.TrimSpace(t[m[0]:]), zone)
			if !ok {
				continue
			}
			wp.date, wp.dateLine, wp.last = &d, ls[i].no, i
			for _, f := range strings.Fields(t[:m[0]])[1:] {
				rest = append(rest, line{text: f, no: ls[i].no})
			}
		} else {
			// One field a line, the date last.
			wp.furniture[ls[i].no] = true
			for k := i + 1; k < min(len(ls), i+5) && wp.date == nil; k++ {
				if d, ok := ParseDateline(ls[k].text, zone); ok {
					wp.date, wp.dateLine, wp.last = &d, ls[k].no, k
				} else {
					rest = append(rest, ls[k])
				}
			}
			if wp.date == nil {
				continue
			}
		}
		// The first field after the mark names the writer when it is a
		// person's name; the others are the account.
		for k, l := range rest {
			switch {
			case k == 0 && personName.MatchString(l.text):
				wp.authorLine, wp.author = l.no, l.text
			case l.no != ls[i].no:
				wp.furniture[l.no] = true
			}
		}
		return wp, true
	}
	return wrapperPlan{}, false
}

func wechatMark(s string) bool { return s == "原创" || s == "原創" || s == "Original" }
