package convert

import "strings"

// notAnArticle says what a parsed file is when it is not an article,
// though it has text: a feed, a page of headlines, a paywall notice.
func notAnArticle(doc *Document, text string) string {
	start := strings.TrimLeft(text, " \t\n\ufeff")
	if strings.HasPrefix(start, "<?xml") || strings.HasPrefix(start, "<rss") || strings.HasPrefix(start, "<feed") {
		return "a feed, not an article"
	}
	if n := datelinesInBody(doc); n >= 2 {
		return "several articles in one file; split it into one file each"
	}
	if len(doc.Blocks) >= 5 && onlyHeadlines(doc) {
		return "only headlines"
	}
	if len(text) < 300*4 && runeLen(text) < 300 && paywall.MatchString(text) {
		return "a paywall notice"
	}
	return ""
}

// datelinesInBody counts body paragraphs and headings that are wholly a dateline: each
// starts another article.
func datelinesInBody(doc *Document) int {
	n := 0
	for _, b := range doc.Blocks {
		if (b.Kind == KindParagraph || b.Kind == KindHeading) && len(b.Text) <= maxDateline {
			if _, ok := ParseDateline(b.Text, DefaultZone); ok {
				n++
			}
		}
	}
	return n
}

// onlyHeadlines: every block is one short line that ends as no sentence does.
func onlyHeadlines(doc *Document) bool {
	for _, b := range doc.Blocks {
		if b.Kind == KindTurn || b.Kind == KindCode {
			return false
		}
		for _, p := range b.Paragraphs() {
			if !shorter(p, 30) || endsWithSentence(p) {
				return false
			}
		}
	}
	return true
}

// endsWithSentence: the text ends as a sentence does.
func endsWithSentence(s string) bool {
	s = strings.TrimRight(s, "」』”\"')）")
	return strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "…")
}

// paywall words: what a page says when the article is behind a login.
var paywall = containsAny(words(`訂閱後 订阅后 付費 付费 成為會員 成为会员 會員專屬 会员专属 登入後 登录后 解鎖全文 解锁全文 閱讀全文請 阅读全文请 訂閱以 订阅以 購買本文 购买本文`))
