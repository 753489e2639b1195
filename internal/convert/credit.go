package convert

import (
	"regexp"
	"strings"
)

// The organisation a text credits for itself — 由極客公園整理, a 來源：某某日報
// line the header removed, the paper of a print edition line, the
// publication a reprint note names, an outlet's name in brackets above the
// text — is the page's source: shown as 來源
// and named in its structured data. It is no author.

var (
	creditLine = regexp.MustCompile(`^(?:稿件來源|稿件来源|文章來源|文章来源|本文來源|本文来源|來源|来源|出處|出处)\s*[:：|｜]\s*([^\s|｜]{2,20})`)
	// What follows a reprint note's 轉載自 or 刊載於: the publication.
	reprintName  = regexp.MustCompile(`^\s*《?([^《》，,。：:（(\s]{2,20}?)》?(?:第|網站|网站|[，,。）)]|$)`)
	creditInText = regexp.MustCompile(`由([^，,。由：:「」]{2,12}?)(?:整理|編譯|编译|撰寫|撰写|提供|報導|报道)`)
)

// creditOf finds the source a text credits: a removed 來源, edition or
// reprint line first, then an outlet's name above the text, else a
// 由…整理 in the intro.
func creditOf(doc *Document) string {
	for _, line := range doc.Boilerplate {
		// An edition line first: led by 來源：, it is a 來源 line too.
		if paper := editionSource(line); paper != "" {
			return paper
		}
		if m := creditLine.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			return strings.TrimRight(m[1], "。.")
		}
		if name := reprintSourceOf(line); name != "" {
			return name
		}
	}
	for _, line := range doc.Boilerplate {
		if name := outletOf(line); name != "" {
			return name
		}
	}
	for _, b := range doc.Blocks[:doc.IntroEnd()] {
		if b.Kind != KindParagraph && b.Kind != KindQuote {
			continue
		}
		if m := creditInText.FindStringSubmatch(b.Text); m != nil {
			return m[1]
		}
	}
	return ""
}

// reprintFrom are the words before the publication a reprint note names.
var reprintFrom = words("轉載自 转载自 轉貼自 转贴自 刊載於 刊载于 原載於 原载于 摘自 選自 选自")

// reprintSourceOf is the publication a reprint note names (本文轉載自某某雜誌第123期,
// 原文刊載於《某某》), or "".
func reprintSourceOf(line string) string {
	for _, w := range reprintFrom {
		if i := strings.Index(line, w); i >= 0 {
			if m := reprintName.FindStringSubmatch(line[i+len(w):]); m != nil {
				return m[1]
			}
		}
	}
	return ""
}
