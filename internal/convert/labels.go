package convert

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Speaker labels: the question side, the generic answer side, and names.
var (
	questionLabels = []string{"問", "问", "Q", "主持人", "記者", "记者", "提問", "提问"}
	answerLabels   = []string{"答", "A"}
	// labelHead is a candidate label at the start of a line: a short run of
	// Han characters or a capitalised Latin name, then a colon.
	// mergedLabel is a name that answers right after a question mark, in the
	// same paragraph as the question: 問:…樣子?劉聰:完整來講…
	mergedLabel = regexp.MustCompile(`[?？]\s*(\p{Han}{2,4})[:：]`)
	labelHead   = regexp.MustCompile(`^(\p{Han}{1,6}|[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2})\s?[:：]`)
	// Words that end "X:" in prose without being anyone speaking.
	notLabels = regexp.MustCompile(`^(?:例如|比如|譬如|注意|原因|結論|结论|總結|总结|備註|备注|提示|問題|问题|答案|地址|電話|电话|時間|时间|日期|來源|来源|作者|撰文|編輯|编辑|文|圖|图|攝影|摄影|註|注|按|編按|编按|附|附註|附注|說明|说明|重點|重点|其一|其二|第[一二三四五六七八九十]+|首先|其次|最後|最后|另外|總之|总之|所以|因此|但是|然而|包括|如下|以下|目前|現在|现在)$|(?:說|说|道|表示|指出|認為|认为|問|问|寫|写|稱|称|強調|强调|回應|回应|透露|坦言|直言|笑言|補充|补充)$`)
)

// labelSet is the set of speaker labels in a document, found by one scan of
// the body's line starts before classification.
type labelSet struct {
	known   map[string]bool
	splitRe *regexp.Regexp // a known label after a sentence end, inside a paragraph
}

func scanLabels(ls []line) labelSet {
	count := map[string]int{}
	var order []string
	hasQuestion := false
	for _, l := range ls {
		m := labelHead.FindStringSubmatch(l.text)
		if m == nil || len(m[0]) == len(l.text) {
			continue
		}
		if count[m[1]] == 0 {
			order = append(order, m[1])
		}
		count[m[1]]++
		if contains(questionLabels, m[1]) {
			hasQuestion = true
			for _, mm := range mergedLabel.FindAllStringSubmatch(l.text, -1) {
				if count[mm[1]] == 0 {
					order = append(order, mm[1])
				}
				count[mm[1]]++
			}
		}
	}
	s := labelSet{known: map[string]bool{}}
	for _, lb := range order {
		switch {
		case contains(questionLabels, lb) || contains(answerLabels, lb):
			s.known[lb] = count[lb] >= 2 || hasQuestion
		case notLabels.MatchString(lb):
		case count[lb] >= 2 || hasQuestion:
			s.known[lb] = nameLike(lb)
		}
	}
	var alts []string
	for lb, ok := range s.known {
		if ok {
			alts = append(alts, regexp.QuoteMeta(lb))
		}
	}
	if len(alts) > 0 {
		// Longest first, so 劉慶峰 wins over a shorter label that prefixes it.
		sortByLenDesc(alts)
		s.splitRe = regexp.MustCompile(`[?？。!！」…]\s*(` + strings.Join(alts, "|") + `)\s?[:：]`)
	}
	return s
}

// nameLike: a person's name or an honorific label (劉聰, 陳教授, Tim Cook).
func nameLike(s string) bool {
	n := runeLen(s)
	if s[0] < 0x80 {
		return n >= 2
	}
	return n >= 2 && n <= 5
}

func sortByLenDesc(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && (len(a[j]) > len(a[j-1]) || len(a[j]) == len(a[j-1]) && a[j] < a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// at returns the speaker label that opens s, or "".
func (s labelSet) at(t string) string {
	m := labelHead.FindStringSubmatch(t)
	if m == nil || !s.known[m[1]] || len(m[0]) == len(t) {
		return ""
	}
	return m[1]
}

func (s labelSet) question(label string) bool { return contains(questionLabels, label) }

type piece struct{ label, colon, text string }

// split cuts a labelled line into turns at each known label that follows a
// sentence end: 問:…樣子?劉聰:完整來講… is a question and an answer.
func (s labelSet) split(t string) []piece {
	var out []piece
	label := s.at(t)
	head := labelHead.FindString(t)
	colon := lastRune(head)
	rest := strings.TrimPrefix(t[len(head):], " ")
	for {
		var loc []int
		if s.splitRe != nil {
			loc = s.splitRe.FindStringSubmatchIndex(rest)
		}
		if loc == nil {
			return append(out, piece{label, colon, rest})
		}
		// Keep the sentence-ending mark with the text before it.
		cut := loc[2]
		out = append(out, piece{label, colon, strings.TrimRight(rest[:cut], " ")})
		label, colon = rest[loc[2]:loc[3]], lastRune(rest[:loc[1]])
		rest = strings.TrimPrefix(rest[loc[1]:], " ")
	}
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}
