package convert

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// titleWords are the pieces job titles are built from. A role is the longest
// run of them right before a name, ending in a title (not a unit such as 研究院).
var (
	titleWords = []string{
		"製作人", "制作人", "監製", "监制", "編劇", "编剧", "演員", "演员", "設計師", "设计师", "藝術家", "艺术家",
		"參選人", "参选人", "候選人", "候选人", "發言人", "发言人", "委員", "委员", "議員", "议员", "立委",
		"總統", "总统", "主委", "書記", "书记", "縣長", "县长", "主筆", "主笔",
		"董事長", "董事长", "董事", "總裁", "总裁", "總經理", "总经理", "經理", "经理", "院長", "院长", "所長", "所长",
		"主任", "教授", "講師", "讲师", "研究員", "研究员", "執行官", "执行官", "科學家", "科学家", "技術官", "技术官",
		"創始人", "创始人", "創辦人", "创办人", "合夥人", "合伙人", "總監", "总监", "總編輯", "总编辑", "主編", "主编",
		"社長", "社长", "局長", "局长", "部長", "部长", "處長", "处长", "市長", "市长", "校長", "校长", "主席",
		"秘書長", "秘书长", "理事長", "理事长", "會長", "会长", "負責人", "负责人", "工程師", "工程师", "分析師", "分析师",
		"律師", "律师", "醫師", "医师", "醫生", "医生", "作家", "導演", "导演", "總工程師", "总工程师", "主持人",
		"CEO", "CTO", "COO", "CFO", "老師", "老师", "博士", "先生", "女士", "記者", "记者", "編輯", "编辑",
	}
	titleMods = []string{
		"兼", // 創辦人兼製作人 is one role
		"市", "縣", "县", "立法", "國會", "国会",
		"研究院", "研究所", "實驗室", "实验室", "事業部", "事业部", "事業群", "事业群", "中心", "學院", "学院",
		"副", "總", "总", "首席", "執行", "执行", "聯合", "联合", "高級", "高级", "資深", "资深", "常務", "常务", "榮譽", "荣誉", "特聘", "名譽", "名誉",
		"技術", "技术", "產品", "产品", "研發", "研发", "市場", "市场", "運營", "运营", "戰略", "战略", "創新", "创新",
	}
)

// roleBefore returns the job title that ends right where s ends.
func roleBefore(s string) string {
	s = strings.TrimRight(s, " ")
	end := len(s)
	start := end
	sawTitle := false
	for {
		w := longestSuffix(s[:start], titleWords)
		if w == "" {
			if !sawTitle {
				break
			}
			w = longestSuffix(s[:start], titleMods)
			if w == "" {
				break
			}
		}
		sawTitle = true
		start -= len(w)
	}
	return s[start:end]
}

func longestSuffix(s string, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.HasSuffix(s, w) {
			best = w
		}
	}
	return best
}

// honorifics end labels that stand for a full name: 陳教授 → 陳明哲.
var honorifics = []string{"教授", "老師", "老师", "先生", "女士", "博士", "院長", "院长", "董事長", "董事长", "總", "总", "董", "醫師", "医师", "醫生", "医生", "律師", "律师", "主任", "所長", "所长"}

// nameEnd holds characters that cannot continue a name (so 劉聰和 is 劉聰).
const nameEnd = "和與与及、,，。:：;；的在是也說说表示等以為为從从對对向跟同 ()（）「」"

// findName looks in intro for a full name that starts with surname and
// stands right after a job title; it returns the name and that title.
func findName(intro, surname string) (name, role string) {
	for off := 0; ; {
		i := strings.Index(intro[off:], surname)
		if i < 0 {
			return "", ""
		}
		at := off + i
		off = at + len(surname)
		r := roleBefore(intro[:at])
		if r == "" {
			continue
		}
		n := surname
		rest := intro[off:]
		for k := 0; k < 2 && runeLen(n) < 3; k++ {
			c, size := utf8.DecodeRuneInString(rest)
			if size == 0 || !isCJK(c) || strings.ContainsRune(nameEnd, c) {
				break
			}
			n += string(c)
			rest = rest[size:]
		}
		if runeLen(n) >= 2 {
			return n, r
		}
	}
}

// resolveSpeakers lists the document's speakers: the question side first,
// then answerers in order of first appearance, each with the name and job
// title the intro gives.
func resolveSpeakers(doc *Document, aliases map[string]string) {
	intro := introText(doc)
	var labels []string
	asks := map[string]bool{} // the question side, as the classifier decided it
	for _, b := range doc.Blocks {
		if b.Kind != KindTurn || b.Speaker == "" { // an answer without a label names no one
			continue
		}
		if !contains(labels, b.Speaker) {
			labels = append(labels, b.Speaker)
		}
		if b.Question != nil && *b.Question {
			asks[b.Speaker] = true
		}
	}
	sort.SliceStable(labels, func(i, j int) bool { return asks[labels[i]] && !asks[labels[j]] })
	doc.Speakers = doc.Speakers[:0]
	for _, lb := range labels {
		sp := speakerFor(lb, intro, asks[lb])
		if full := doc.Short[lb]; full != "" && aliases[lb] == "" {
			sp = declaredSpeaker(lb, full, intro, asks[lb])
		}
		if full, ok := aliases[lb]; ok && full != "" {
			sp.Name = strp(full)
			if !asks[lb] && sp.Role == "" {
				sp.Role = roleOf(intro, full)
			}
		}
		doc.Speakers = append(doc.Speakers, sp)
	}
}

// declaredSpeaker is the speaker of a label the text declared short for
// full: a person, with the title the intro gives, or an outlet or body,
// which has no name (it is no person and gets no page).
func declaredSpeaker(label, full, intro string, asks bool) Speaker {
	sp := Speaker{Label: label}
	if asks {
		sp.Role = "interviewer"
	}
	if orgWords.MatchString(full) || !personName.MatchString(full) {
		return sp
	}
	sp.Name = strp(full)
	if !asks {
		sp.Role = roleOf(intro, full)
	}
	return sp
}

func speakerFor(label, intro string, asks bool) Speaker {
	if name := hostName(label); name != "" {
		return Speaker{Label: label, Name: strp(name), Role: "interviewer"}
	}
	switch {
	case asks && !contains(questionLabels, label):
		// A label that asks but is no question word: an outlet or a host the
		// text names (德國之聲). It is the interviewer, not a person's name.
		return Speaker{Label: label, Role: "interviewer"}
	case asks:
		sp := Speaker{Label: label, Role: "interviewer"}
		if label != "問" && label != "问" && label != "Q" {
			if n := nameAfter(intro, label); n != "" {
				sp.Name = strp(n)
			}
		}
		return sp
	case contains(answerLabels, label):
		// An anonymous answer is the one interviewee the intro names.
		if people := introPeople(intro); len(people) == 1 {
			return Speaker{Label: label, Name: strp(people[0][0]), Role: people[0][1]}
		}
		return Speaker{Label: label, Role: ""}
	}
	if contains(titleWords, label) {
		return Speaker{Label: label, Role: label} // 局長: a post, not a person's name
	}
	if name := answeredBy(label); name != "" {
		return Speaker{Label: label, Name: strp(name), Role: roleOf(intro, name)}
	}
	// A full name the intro introduces with a title.
	if r := roleOf(intro, label); r != "" {
		return Speaker{Label: label, Name: strp(label), Role: r}
	}
	// An honorific label: surname + title.
	if h := longestSuffix(label, honorifics); h != "" && h != label {
		surname := strings.TrimSuffix(label, h)
		if n, r := findName(intro, surname); n != "" {
			return Speaker{Label: label, Name: strp(n), Role: r}
		}
	}
	return Speaker{Label: label, Name: strp(label), Role: ""}
}

// introPeople lists the people the intro introduces with a job title
// (董事長劉慶峰), as name and title, once each; the question side's own
// words (記者, 主持人) introduce no interviewee.
func introPeople(intro string) [][2]string {
	var out [][2]string
	seen := map[string]bool{}
	for i := 0; i < len(intro); {
		r, n := utf8.DecodeRuneInString(intro[i:])
		i += n
		if !isCJK(r) {
			continue
		}
		role := roleBefore(intro[:i])
		if role == "" || strings.HasSuffix(role, "記者") || strings.HasSuffix(role, "记者") || strings.HasSuffix(role, "主持人") || strings.HasSuffix(role, "編輯") || strings.HasSuffix(role, "编辑") {
			continue
		}
		// The name right after the title: two or three characters.
		name := ""
		rest := intro[i:]
		for _, c := range rest {
			if !isCJK(c) || strings.ContainsRune(nameEnd, c) || runeLen(name) == 3 {
				break
			}
			name += string(c)
		}
		if runeLen(name) >= 2 && roleBefore(intro[:i+len(name)]) == "" && !seen[name] && !startsWithAny(name, titleMods) && !containsWord(name, titleWords) {
			seen[name] = true
			out = append(out, [2]string{name, role})
		}
	}
	return out
}

func startsWithAny(s string, ws []string) bool { return wordAt(s, ws) != "" }

func containsWord(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// roleOf returns the job title the intro gives right before name, or "".
func roleOf(intro, name string) string {
	for off := 0; ; {
		i := strings.Index(intro[off:], name)
		if i < 0 {
			return ""
		}
		if r := roleBefore(intro[:off+i]); r != "" {
			return r
		}
		off += i + len(name)
	}
}

// nameAfter finds a name right after a role word: 主持人王小明, 記者 李四.
func nameAfter(intro, role string) string {
	i := strings.Index(intro, role)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(intro[i+len(role):], " :：")
	n := ""
	for _, c := range rest {
		if !isCJK(c) || strings.ContainsRune(nameEnd, c) || runeLen(n) == 3 {
			break
		}
		n += string(c)
	}
	if runeLen(n) < 2 {
		return ""
	}
	return n
}

// introText is the title and the intro's prose, where interviews
// introduce their speakers.
func introText(doc *Document) string {
	var sb strings.Builder
	sb.WriteString(doc.Title)
	for _, b := range doc.Blocks[:doc.IntroEnd()] {
		if b.Kind == KindParagraph || b.Kind == KindQuote || b.Kind == KindHeading {
			sb.WriteString("\n")
			sb.WriteString(b.Text)
		}
	}
	return sb.String()
}
