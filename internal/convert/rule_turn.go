package convert

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speaker labels: the question side, the generic answer side, and names.
var (
	questionLabels = []string{"問", "问", "Q", "主持人", "記者", "记者", "提問", "提问", "記者問", "记者问", "主持人問", "主持人问"}
	answerLabels   = []string{"答", "A"}
	// Words that end "X:" in prose without being anyone speaking. Matched
	// once per distinct candidate label, not per line.
	notLabels = regexp.MustCompile(`^(?:例如|比如|譬如|注意|原因|結論|结论|總結|总结|備註|备注|提示|問題|问题|答案|地址|電話|电话|時間|时间|日期|來源|来源|作者|撰文|編輯|编辑|文|圖|图|攝影|摄影|註|注|按|編按|编按|附|附註|附注|說明|说明|重點|重点|其一|其二|第[一二三四五六七八九十]+|首先|其次|最後|最后|另外|總之|总之|所以|因此|但是|然而|包括|如下|以下|目前|現在|现在|核心提示|記錄整理|记录整理|採訪整理|采访整理|整理|編者按|编者按|編輯按|编辑按|小編|小编|導讀|导读|導語|导语|關鍵字|关键字|關鍵詞|关键词|摘要|地點|地点|主題|主题|嘉賓|嘉宾|題目|题目|標題|标题|副標題|副标题|第[一二三四五六七八九十0-9]+[位個个點点條条]|其三|其四)$|(?:說|说|道|表示|指出|認為|认为|問|问|寫|写|稱|称|強調|强调|回應|回应|透露|坦言|直言|笑言|補充|补充)$`)
)

func isHan(r rune) bool   { return unicode.Is(unicode.Han, r) }
func isColon(r rune) bool { return r == ':' || r == '：' }

// labelHead reads a candidate label at the start of s: a run of one to six
// Han characters, or a capitalised Latin name of up to three words, then at
// most one space and a colon. It returns the label and the length of the
// head (label, space, colon), or ok=false.
func labelHead(s string) (label string, head int, ok bool) {
	r, n := utf8.DecodeRuneInString(s)
	i := 0
	switch {
	case isHan(r):
		count := 0
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isHan(r) {
				break
			}
			i += n
			if count++; count > 6 {
				return "", 0, false
			}
		}
	case r >= 'A' && r <= 'Z':
		i = n + latinWord(s[n:])
		for k := 0; k < 2 && i+1 < len(s) && s[i] == ' ' && s[i+1] >= 'A' && s[i+1] <= 'Z'; k++ {
			i += 2 + latinWord(s[i+2:])
		}
		// A numbered label (Q1, A12) is its letter's label: see baseLabel.
		for d := 0; d < 2 && i < len(s) && isDigit(rune(s[i])); d++ {
			i++
		}
	default:
		return "", 0, false
	}
	label = s[:i]
	j := i
	if j < len(s) && isASCIISpace(s[j]) {
		j++
	}
	c, cn := utf8.DecodeRuneInString(s[j:])
	if !isColon(c) {
		return "", 0, false
	}
	return label, j + cn, true
}

// baseLabel is the label a numbered one belongs to: Q1, Q2… are one
// label, Q; the number is shown with the colon.
func baseLabel(lb string) string {
	if b := strings.TrimRight(lb, "0123456789"); b != lb && b != "" && len(b) <= 2 {
		return b
	}
	return lb
}

func latinWord(s string) int {
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	return i
}

// mergedLabels finds names that answer right after a question mark in the
// same paragraph as the question: 問:…樣子?劉聰:完整來講…
func mergedLabels(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r != '?' && r != '？' {
			continue
		}
		j := i
		for j < len(s) && isASCIISpace(s[j]) {
			j++
		}
		k, count := j, 0
		for k < len(s) {
			h, hn := utf8.DecodeRuneInString(s[k:])
			if !isHan(h) {
				break
			}
			k += hn
			count++
		}
		if c, _ := utf8.DecodeRuneInString(s[k:]); count >= 2 && count <= 4 && isColon(c) {
			out = append(out, s[j:k])
		}
	}
	return out
}

// labelSet is the set of speaker labels in a document, found by one scan of
// the body's line starts before classification.
type labelSet struct {
	known  map[string]bool
	asks   map[string]bool // labels whose lines are questions: the interviewer, whatever its name (德國之聲:…?)
	sorted []string        // known labels, longest first, for splitting merged turns
	// asksOnly: every known label asks, so the answers carry none (claimAnswer).
	asksOnly bool
}

func scanLabels(ls []line, short map[string]string) labelSet {
	count, asked := map[string]int{}, map[string]int{}
	var order []string
	hasQuestion := false
	see := func(lb string) {
		if count[lb] == 0 {
			order = append(order, lb)
		}
		count[lb]++
	}
	var seq []string // the labels of labelled lines, in order
	for _, l := range ls {
		lb, head, ok := labelHead(l.text)
		if !ok || head == len(l.text) {
			continue
		}
		lb = baseLabel(lb)
		see(lb)
		seq = append(seq, lb)
		if r, _ := utf8.DecodeLastRuneInString(l.text); r == '?' || r == '？' {
			asked[lb]++
		}
		if contains(questionLabels, lb) || hostName(lb) != "" {
			hasQuestion = true
			for _, m := range mergedLabels(l.text) {
				see(m)
			}
		}
	}
	s := labelSet{known: map[string]bool{}, asks: map[string]bool{}}
	// A colon-led line is a turn only in an interview: one with a question
	// side, or whose labelled lines pass between speakers. Lines such as
	// 關鍵字：… or 第三位：… in prose stay prose.
	// A short form the text declares (以下簡稱「林」) is a name, however short.
	named := func(lb string) bool { return nameLike(lb) || short[lb] != "" }
	interview := hasQuestion || alternates(seq, func(lb string) bool { return count[lb] >= 2 && !notLabels.MatchString(lb) && named(lb) })
	for _, lb := range order {
		switch {
		case contains(questionLabels, lb) || contains(answerLabels, lb) || answeredBy(lb) != "" || hostName(lb) != "":
			s.known[lb] = (count[lb] >= 2 || hasQuestion) && (interview || contains(questionLabels, lb) || contains(answerLabels, lb))
		case notLabels.MatchString(lb):
		case interview:
			s.known[lb] = named(lb) && (count[lb] >= 2 || hasQuestion)
		}
	}
	for lb, ok := range s.known {
		if ok {
			s.sorted = append(s.sorted, lb)
		}
	}
	// A label that asks in two of every three of its lines, facing one that
	// does not, is the question side.
	answers := false
	for _, lb := range s.sorted {
		if asked[lb]*3 < count[lb] {
			answers = true
		}
	}
	for _, lb := range s.sorted {
		if answers && !contains(answerLabels, lb) && count[lb] >= 2 && asked[lb]*3 >= count[lb]*2 {
			s.asks[lb] = true
		}
	}
	// Every label asks: the answers carry none (Q:…, then the answer as prose).
	s.asksOnly = len(s.sorted) > 0
	for _, lb := range s.sorted {
		s.asksOnly = s.asksOnly && s.question(lb)
	}
	// Longest first, so 劉慶峰 wins over a shorter label that prefixes it.
	sort.Slice(s.sorted, func(i, j int) bool {
		a, b := s.sorted[i], s.sorted[j]
		return len(a) > len(b) || len(a) == len(b) && a < b
	})
	return s
}

// alternates reports whether labelled lines pass from one speaker to
// another at least twice, counting only labels ok accepts.
func alternates(seq []string, ok func(string) bool) bool {
	switches, last := 0, ""
	for _, lb := range seq {
		if !ok(lb) {
			continue
		}
		if last != "" && lb != last {
			switches++
		}
		last = lb
	}
	return switches >= 2
}

// hostName reads a compound question label, 主持人王小美: the host or
// reporter who asks, or "" when lb is not one.
func hostName(lb string) string {
	for _, w := range []string{"主持人", "記者", "记者"} {
		if name, ok := strings.CutPrefix(lb, w); ok && name != "" && nameLike(name) && !notLabels.MatchString(name) {
			return name
		}
	}
	return ""
}

// answeredBy reads a compound answer label, 王小明答: the person who answers,
// or "" when lb is not one.
func answeredBy(lb string) string {
	name, ok := strings.CutSuffix(lb, "答")
	if !ok || !nameLike(name) || notLabels.MatchString(name) {
		return ""
	}
	return name
}

// nameLike: a person's name or an honorific label (劉聰, 陳教授, Tim Cook).
func nameLike(s string) bool {
	n := runeLen(s)
	if s[0] < 0x80 {
		return n >= 2
	}
	return n >= 2 && n <= 5
}

// at returns the speaker label that opens s, or "".
func (s labelSet) at(t string) string {
	if len(s.sorted) == 0 {
		return ""
	}
	lb, head, ok := labelHead(t)
	if !ok || !s.known[baseLabel(lb)] || head == len(t) {
		return ""
	}
	return baseLabel(lb)
}

func (s labelSet) question(label string) bool {
	return contains(questionLabels, label) || hostName(label) != "" || s.asks[label]
}

type piece struct{ label, colon, text string }

// nextLabel finds the first known label that follows a sentence end in s,
// with at most one space and a colon after it. It returns the label, where
// it starts and where its colon ends; start is -1 when there is none.
func (s labelSet) nextLabel(t string) (label string, start, end int) {
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		i += n
		switch r {
		case '?', '？', '。', '!', '！', '」', '…':
		default:
			continue
		}
		j := i
		for j < len(t) && isASCIISpace(t[j]) {
			j++
		}
		for _, lb := range s.sorted {
			if !strings.HasPrefix(t[j:], lb) {
				continue
			}
			k := j + len(lb)
			if k < len(t) && isASCIISpace(t[k]) {
				k++
			}
			if c, cn := utf8.DecodeRuneInString(t[k:]); isColon(c) {
				return lb, j, k + cn
			}
		}
	}
	return "", -1, -1
}

// split cuts a labelled line into turns at each known label that follows a
// sentence end: 問:…樣子?劉聰:完整來講… is a question and an answer.
func (s labelSet) split(t string) []piece {
	var out []piece
	label, head, _ := labelHead(t)
	colon := lastRune(t[:head])
	if base := baseLabel(label); base != label {
		label, colon = base, label[len(base):]+colon // Q1： is Q, then 1：
	}
	rest := strings.TrimPrefix(t[head:], " ")
	for {
		next, start, end := s.nextLabel(rest)
		if start < 0 {
			return append(out, piece{label, colon, rest})
		}
		// Keep the sentence-ending mark with the text before it.
		out = append(out, piece{label, colon, strings.TrimRight(rest[:start], " ")})
		label = next
		colon = lastRune(rest[:end])
		rest = strings.TrimPrefix(rest[end:], " ")
	}
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// claimTurn: a labelled line is a turn; a merged question and answer is
// two. An answer stays open for the unlabelled paragraphs after it.
func claimTurn(c *ctx, ls []line) (Claim, bool) {
	if c.labels.at(ls[0].text) == "" {
		return Claim{}, false
	}
	n, t := c.run(ls)
	pieces := c.labels.split(t)
	blocks := make([]Block, len(pieces))
	for i, p := range pieces {
		blocks[i] = Block{Kind: KindTurn, Speaker: p.label, Question: boolp(c.labels.question(p.label)), Text: p.text, Colon: p.colon}
	}
	return Claim{Lines: n, Blocks: blocks, Opens: !c.labels.question(pieces[len(pieces)-1].label)}, true
}

// claimAnswer: where only questions are labelled (Q:, 問：), the paragraph
// after a question is its answer: a turn without a label, shown as an
// answer, which the unlabelled paragraphs after it continue.
func claimAnswer(c *ctx, ls []line) (Claim, bool) {
	if !c.asked || c.labels.at(ls[0].text) != "" {
		return Claim{}, false
	}
	n, text := c.run(ls)
	if bracketed(text) {
		return Claim{}, false // the editor's note, not the answer
	}
	return Claim{Lines: n, Blocks: []Block{{Kind: KindTurn, Question: boolp(false), Text: text}}, Opens: true}, true
}
