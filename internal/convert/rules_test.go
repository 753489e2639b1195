package convert

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Each rule is tested alone: real-shaped lines offered to its claim, and
// what it claims. A line is "text" or "text@gap" (blank lines before it).

func offer(src ...string) []line {
	var ls []line
	no := 1
	for _, s := range src {
		text, gap := s, 0
		if i := strings.LastIndex(s, "@"); i >= 0 {
			fmt.Sscan(s[i+1:], &gap)
			text = s[:i]
		}
		no += gap
		ls = append(ls, line{raw: text, text: strings.TrimFunc(text, isSpace), gap: gap, no: no})
		no++
	}
	return ls
}

// testCtx is a body-phase context: default options, labels scanned from
// the lines offered (as Parse does), no answer open.
func testCtx(ls []line) *ctx {
	return &ctx{opt: DefaultOptions(), labels: scanLabels(ls, nil), code: newCodeRuns(ls), blocks: 1}
}

// describe says what a claim is, compactly: lines taken, then what they became.
func describe(cl Claim) string {
	var parts []string
	for _, b := range cl.Blocks {
		switch b.Kind {
		case KindList:
			parts = append(parts, fmt.Sprintf("list(%v,%d):%s", *b.Ordered, b.Start, strings.Join(b.Items, "|")))
		case KindVerse:
			parts = append(parts, "verse:"+strings.Join(b.Lines, "|"))
		case KindTurn:
			q := ""
			if *b.Question {
				q = "?"
			}
			parts = append(parts, "turn "+b.Speaker+q+":"+b.Text)
		default:
			parts = append(parts, string(b.Kind)+":"+b.Text)
		}
	}
	if cl.Removed != "" {
		parts = append(parts, "removed")
	}
	if len(cl.Authors) > 0 {
		parts = append(parts, "authors:"+strings.Join(cl.Authors, ","))
	}
	if cl.Continues {
		parts = append(parts, "continues")
	}
	if cl.Opens {
		parts = append(parts, "opens")
	}
	return fmt.Sprintf("%d %s", cl.Lines, strings.Join(parts, " "))
}

type ruleCase struct {
	name  string
	lines []string
	want  string // "" when the rule passes
}

func runRule(t *testing.T, claim func(*ctx, []line) (Claim, bool), cases []ruleCase, setup func(*ctx)) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			ls := offer(tt.lines...)
			c := testCtx(ls)
			if setup != nil {
				setup(c)
			}
			cl, ok := claim(c, ls)
			got := ""
			if ok {
				got = describe(cl)
			}
			if got != tt.want {
				t.Errorf("claim of %q = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}

func TestRuleTrailer(t *testing.T) {
	runRule(t, claimTrailer, []ruleCase{
		{"延伸閱讀 and the titles under it", []string{"延伸閱讀", "一則相關的標題", "另一則相關標題", "這一段是正文,不是標題。"}, "3 removed"},
		{"相关阅读 with a colon", []string{"相关阅读：", "某某公司发布新品"}, "2 removed"},
		{"prose that mentions reading", []string{"閱讀是一件好事。"}, ""},
		{"a bracketed 延伸阅读", []string{"【延伸阅读】", "山城夜景成为新名片", "渡口旁的老茶馆"}, "3 removed"},
		{"[相關報導] in square brackets", []string{"[相關報導]", "碼頭夜景成為新名片"}, "2 removed"},
		{"a bracketed word that only starts the same", []string{"【延伸閱讀者的來信】很多。"}, ""},
	}, nil)
}

func TestRuleSignature(t *testing.T) {
	runRule(t, claimSignature, []ruleCase{
		{"a BBS signature and the pushes under it", []string{"--", "※ 發信站: 某某站(example.org), 來自: 10.0.0.1", "推 someone: 說得好 05/18 10:22"}, "3 removed"},
		{"a lone 發信站 line", []string{"※ 發信站: 某某站"}, "1 removed"},
		{"a dash line in prose", []string{"--", "下一段文字。"}, ""},
	}, nil)
}

// TestWrapperFields: the fields a wrapper format puts around an article.
func TestWrapperFields(t *testing.T) {
	tests := []struct{ name, text, title, date, removed, first string }{
		{"a BBS header", "作者: someone (暱稱) 看板: Board\n標題: [閒聊] 雨天的午後\n時間: Thu May 18 10:20:30 2017\n\n今天又下雨了。\n",
			"雨天的午後", "2017-05-18T10:20:30+08:00", "時間: Thu May 18 10:20:30 2017", "今天又下雨了。"},
		{"Title and Content labels", "Title: 城市的夜晚\nDate: 2021-06-01\nContent: 夜晚的城市很安靜。\n\n第二段。\n",
			"城市的夜晚", "2021-06-01", "Date: 2021-06-01", "夜晚的城市很安靜。"},
		{"front matter of a Markdown archive", "---\ntitle: 一篇存檔文章\ndate: 2020-02-03T10:00:00+08:00\ntags: [a, b]\n---\n\n正文第一段。\n",
			"一篇存檔文章", "2020-02-03T10:00:00+08:00", "---|date: 2020-02-03T10:00:00+08:00|tags: [a, b]|---", "正文第一段。"},
		{"one field is no wrapper", "Title: 只是一行\n\n正文。\n", "Title: 只是一行", "", "", "正文。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseText(t, tt.text)
			date := dateText(doc)
			if doc.Title != tt.title || date != tt.date || strings.Join(doc.Boilerplate, "|") != tt.removed || doc.Blocks[0].Text != tt.first {
				t.Errorf("title %q date %q removed %q first %q", doc.Title, date, doc.Boilerplate, doc.Blocks[0].Text)
			}
		})
	}
}

func TestRuleFurniture(t *testing.T) {
	runRule(t, claimFurniture, []ruleCase{
		{"責任編輯", []string{"責任編輯:王小明"}, "1 removed"},
		{"来源 with a full-width colon", []string{"来源：某某日报"}, "1 removed"},
		{"版權聲明", []string{"版權聲明:本文版權歸原作者所有"}, "1 removed"},
		{"a privacy switch", []string{"請同意我們的隱私權規範,才能啟用這項功能。"}, "1 removed"},
		{"font-size buttons", []string{"字體：大 中 小"}, "1 removed"},
		{"a share bar", []string{"分享到：臉書 推特 複製連結"}, "1 removed"},
		{"a subscription prompt", []string{"訂閱電子報"}, "1 removed"},
		{"a sentence that starts like a button", []string{"分享了他在山上的經歷。"}, ""},
		{"a lone end mark", []string{"（完）"}, "1 removed"},
		{"a wire's closing credit and date code", []string{"（編輯：林文華）1080412"}, "1 removed"},
		{"two desk editors, half-width", []string{"(編輯:林文華/張美玲)1130305"}, "1 removed"},
		{"translator and checker", []string{"（譯者：周子敬／核稿：蔡依婷）1140301"}, "1 removed"},
		{"a closing credit in lenticular brackets", []string{"【编辑:赵一鸣】"}, "1 removed"},
		{"a credit without a date code", []string{"（責任編輯：何思遠）"}, "1 removed"},
		{"a transliterated name", []string{"（編輯：阿依·木拉提）1121120"}, "1 removed"},
		{"an editor's note, not a credit", []string{"（編輯按：以下為訪談精簡）"}, ""},
		{"a note under an editor's label", []string{"（編輯：以下為訪談精簡整理）"}, ""},
		{"a name with no role", []string{"（林文華）1080412"}, ""},
		{"a year is no date code", []string{"（編輯：林文華）2023"}, ""},
		{"a sentence in brackets", []string{"（編輯：林文華，今日值班。）"}, ""},
		{"an update stamp below the dateline", []string{"最後更新 2020/2/23 14:38:30"}, "1 removed"},
		{"an update stamp with a colon", []string{"更新於：2023-10-25 18:06"}, "1 removed"},
		{"Last updated", []string{"Last updated: 2021-06-01"}, "1 removed"},
		{"a sentence about an update", []string{"最後更新的版本在2020年推出。"}, ""},
		{"an update label with no date", []string{"最後更新"}, ""},
		{"a counter whose number was an image", []string{"? 人氣"}, "1 removed"},
		{"a counter with a figure", []string{"閱讀 3.2萬"}, "1 removed"},
		{"a counter with a label", []string{"瀏覽次數：1,024"}, "1 removed"},
		{"a headline with a counter word", []string{"人氣王的夜晚"}, ""},
		{"a sentence about reading", []string{"閱讀讓人安靜。"}, ""},
		{"a section named for reading", []string{"閱讀"}, ""},
		{"a link to more news", []string{"看更多相關新聞》"}, "1 removed"},
		{"閱讀更多 with arrows", []string{"閱讀更多 >>"}, "1 removed"},
		{"a sentence that starts like a link", []string{"更多新聞工作者投入了報導。"}, ""},
		{"a push button and its prompt", []string{"[啟動LINE推播] 每日重大新聞通知"}, "1 removed"},
		{"a subscription label", []string{"【訂閱電子報】每週精選"}, "1 removed"},
		{"a bracketed section label", []string{"【專題】渡口的下一站"}, ""},
		{"a link after a mark", []string{"►看更多：夜班渡輪停駛 乘客繞路"}, "1 removed"},
		{"a prompt to follow, after a star", []string{"★ 加入海港日報LINE好友，新聞不漏接"}, "1 removed"},
		{"a button after a pointing hand", []string{"👉 點我訂閱電子報"}, "1 removed"},
		{"a starred point of the text", []string{"★ 船長的第一條規矩：準時"}, ""},
		{"joining, said in a sentence", []string{"加入航運公司的第一年，他只是水手。"}, ""},
		{"a reprint note", []string{"本文經作者授權轉載，原文刊載於海港日報。"}, "1 removed"},
		{"a bracketed reprint note", []string{"（本文轉載自海港雜誌第123期）"}, "1 removed"},
		{"a reprint note after ※", []string{"※本文獲海港日報授權轉載"}, "1 removed"},
		{"a sentence about reprinting", []string{"這篇文章後來被很多報紙轉載，他很意外。"}, ""},
		{"END", []string{"END"}, "1 removed"},
		{"an end mark in angle brackets", []string{"〈完〉"}, "1 removed"},
		{"a sentence about an editor", []string{"編輯部的同事都很忙。"}, ""},
		{"完 inside prose", []string{"完成了。"}, ""},
		{"a site's navigation", []string{"今日新聞 社論 評論 專題報導 自由廣場 回首頁"}, "1 removed"},
		{"a breadcrumb of section names", []string{"首页 人物 内文"}, "1 removed"},
		{"font-size buttons one to a line", []string{"A+", "A", "A-", "正文。"}, "3 removed"},
		{"a lone A is an answer's label, not a button", []string{"A"}, ""},
		{"short words with spaces in a headline", []string{"寒流來襲 北部低溫探8度"}, ""},
	}, nil)
}

func TestRuleByline(t *testing.T) {
	runRule(t, claimByline, []ruleCase{
		{"文/", []string{"文/王小明"}, "1 authors:王小明"},
		{"記者 and a space", []string{"記者 王小明"}, "1 authors:王小明"},
		{"two reporters", []string{"記者 王小明、李大華"}, "1 authors:王小明,李大華"},
		{"記錄整理 full-width colon", []string{"記錄整理：陳美玲"}, "1 authors:陳美玲"},
		{"a lead's credit in tortoise-shell brackets, on its own line", []string{"〔記者林一帆／基隆報導〕"}, "1 authors:林一帆"},
		{"本報訊 and the reporter, on its own line", []string{"本報訊（記者林一帆）"}, "1 authors:林一帆"},
		{"a bracketed note is no credit", []string{"（記者會在下午舉行）"}, ""},
		{"an organisation is not an author", []string{"整理:極客公園"}, ""},
		{"box-drawing marks, with a photographer", []string{"記者│王小明 攝影│李大華"}, "1 authors:王小明"},
		{"a wire desk before 記者", []string{"中新社記者 王小明 李大華"}, "1 authors:王小明,李大華"},
		{"本报记者 and a space", []string{"本报记者 赵六"}, "1 authors:赵六"},
		{"reported from a place", []string{"記者林志明／台中報導"}, "1 authors:林志明"},
		{"a special correspondent, then the paper", []string{"特派記者陳美玲/東京報導某某報"}, "1 authors:陳美玲"},
		{"a diagonal mark", []string{"記者林志明╱台中報導"}, "1 authors:林志明"},
		{"記者會 is prose", []string{"記者會在下午舉行"}, ""},
		{"a sentence", []string{"作者:王小明認為這件事很重要。"}, ""},
	}, nil)
}

func TestRuleList(t *testing.T) {
	runRule(t, claimList, []ruleCase{
		{"1. indented with U+00A0", []string{"\u00a0\u00a0 1.第一項", "\u00a0\u00a0 2.第二項", "之後的段落。"}, "2 list(true,1):第一項|第二項"},
		{"一、 numerals", []string{"一、甲", "二、乙", "三、丙"}, "3 list(true,1):甲|乙|丙"},
		{"(3) starting at three", []string{"(3)甲", "(4)乙"}, "2 list(true,3):甲|乙"},
		{"one blank line between items", []string{"1、甲", "2、乙@1"}, "2 list(true,1):甲|乙"},
		{"bullets", []string{"• 甲", "• 乙"}, "2 list(false,0):甲|乙"},
		{"two bullet kinds are prose", []string{"• 甲", "■ 乙"}, ""},
		{"numbers out of sequence", []string{"1.甲", "3.乙"}, ""},
		{"a lone item", []string{"1.甲", "正文。"}, ""},
		{"a decimal is no marker", []string{"3.5 倍的成長", "4.5 倍的成長"}, "2 list(true,3):5 倍的成長|5 倍的成長"},
		{"four digits are a year", []string{"2023.甲", "2024.乙"}, ""},
	}, nil)
}

func TestRuleCode(t *testing.T) {
	runRule(t, claimCode, []ruleCase{
		{"indented code", []string{"    if (x) {", "        y = 1;", "    }"}, "3 code:if (x) {\n    y = 1;\n}"},
		{"tab-indented code", []string{"\tfoo();"}, "1 code:foo();"},
		{"indented prose", []string{"    這是縮排的中文段落。", "    又一段縮排的文字。"}, ""},
		{"ASCII without code punctuation", []string{"    just some words here"}, ""},
	}, nil)
}

func TestRuleVerse(t *testing.T) {
	// A text of one paragraph a line has no verse, however short its lines.
	runRule(t, claimVerse, []ruleCase{
		{"short lines among one-line paragraphs", []string{"首頁@1", "新聞", "體育", "這是第一段很長很長的正文,一行就是一段,沒有空行。", "這是第二段很長很長的正文,一行就是一段,沒有空行。", "這是第三段很長很長的正文,一行就是一段,沒有空行。"}, ""},
	}, func(c *ctx) {
		c.onePerLine = onePerLine(offer("首頁@1", "新聞", "體育", "這是第一段很長很長的正文,一行就是一段,沒有空行。", "這是第二段很長很長的正文,一行就是一段,沒有空行。", "這是第三段很長很長的正文,一行就是一段,沒有空行。"))
	})
	runRule(t, claimVerse, []ruleCase{
		{"short lines", []string{"床前明月光,@1", "疑是地上霜。", "舉頭望明月,"}, "3 verse:床前明月光,|疑是地上霜。|舉頭望明月,"},
		{"a blank line ends it", []string{"床前明月光,@1", "疑是地上霜。@1"}, ""},
		{"lines run on into prose", []string{"床前明月光,@1", "疑是地上霜。", "接著是一段很長很長的散文,說了很多事情,不是詩的一部分。"}, ""},
		{"a long line is prose", []string{"這是一行很長很長很長很長的散文句子,不是詩。", "第二行"}, ""},
		{"list items are not verse", []string{"1.甲", "2.乙"}, ""},
		{"not set off from the paragraph above", []string{"床前明月光,", "疑是地上霜。@0"}, ""},
	}, nil)
}

func TestRuleCaption(t *testing.T) {
	runRule(t, claimCaption, []ruleCase{
		{"after a removed image", []string{"科大訊飛此前公布的里程碑@3", "下一段。@1"}, "1 caption:科大訊飛此前公布的里程碑"},
		{"a normal gap", []string{"科大訊飛此前公布的里程碑@1", "下一段。@1"}, ""},
		{"a sentence", []string{"這是一個完整的句子。@3"}, ""},
		{"a ▲ caption after a normal gap", []string{"▲ 夜班渡輪停靠在碼頭。（圖／記者林一帆攝）@1", "下一段。@1"}, "1 caption:▲ 夜班渡輪停靠在碼頭。（圖／記者林一帆攝）"},
		{"△ too", []string{"△碼頭的燈塔@1", "下一段。@1"}, "1 caption:△碼頭的燈塔"},
		{"▲ points in a row are a list", []string{"▲ 第一點：船期@1", "▲ 第二點：票價@0"}, ""},
		{"the second of ▲ points", []string{"▲ 第二點：票價@0", "下一段。@1"}, ""},
		{"a lone mark", []string{"▲@1", "下一段。@1"}, ""},
		{"a picture's credit in brackets", []string{"茶館的牆上掛著一張老照片。（圖／取自茶館臉書）@1", "下一段。@1"}, "1 caption:茶館的牆上掛著一張老照片。（圖／取自茶館臉書）"},
		{"作者提供", []string{"船工們在午後歇腳。(作者提供)@1"}, "1 caption:船工們在午後歇腳。(作者提供)"},
		{"a picture's credit alone", []string{"圖／取自海港日報臉書@1"}, "1 caption:圖／取自海港日報臉書"},
		{"a bracketed credit alone", []string{"（圖：記者林一帆攝）@1"}, "1 caption:（圖：記者林一帆攝）"},
		{"圖片來源", []string{"圖片來源：海港日報@1"}, "1 caption:圖片來源：海港日報"},
		{"a photographer's credit after the picture's words", []string{"碼頭一景。某某社記者 林一帆攝@1", "下一段。@1"}, "1 caption:碼頭一景。某某社記者 林一帆攝"},
		{"an agency's long caption, its photographer and day last", []string{"寒流南下，山城今晨氣溫降到攝氏8度，是入冬以來最低。圖為清晨在渡口候船的旅客，多半裹著厚外套、戴著毛帽。某某社記者林一帆攝 114年12月14日@1", "下一段。@1"},
			"1 caption:寒流南下，山城今晨氣溫降到攝氏8度，是入冬以來最低。圖為清晨在渡口候船的旅客，多半裹著厚外套、戴著毛帽。某某社記者林一帆攝 114年12月14日"},
		{"a sentence that ends with 攝 is prose", []string{"他拿起相機，說這張要由記者來攝。@1"}, ""},
		{"a sentence about pictures", []string{"圖片來源不明的照片越來越多，讀者很難分辨真假。@1"}, ""},
		{"alt text, then the same caption", []string{"船工們在午後歇腳。(作者提供)@1", "船工們在午後歇腳。(作者提供)@1"}, "1 removed"},
		{"a paragraph that ends with a bracketed aside", []string{"他說要等到明年。（他笑了）@1"}, ""},
		{"a credit inside a paragraph's run", []string{"船工們在午後歇腳。(作者提供)@1", "接著的一行@0"}, ""},
	}, nil)
}

// TestRuleCaptionBetweenFurniture: a scrape without blank lines sets a
// caption between notices it removes; removed lines on each side set it
// apart as blank lines do.
func TestRuleCaptionBetweenFurniture(t *testing.T) {
	caption := "寒流南下，山城今晨氣溫降到攝氏8度。圖為清晨在渡口候船的旅客。某某社記者林一帆攝 114年12月14日"
	runRule(t, claimCaption, []ruleCase{
		{"after a removed line, before furniture", []string{caption + "@0", "責任編輯：王小明@0"}, "1 caption:" + caption},
		{"after a removed line, before prose", []string{caption + "@0", "接著的一行@0"}, ""},
	}, func(c *ctx) { c.afterRemoved = true })
	runRule(t, claimCaption, []ruleCase{
		{"after prose", []string{caption + "@0", "責任編輯：王小明@0"}, ""},
	}, nil)
}

func TestRuleHeading(t *testing.T) {
	// In a text of one paragraph a line, a short line between prose is a heading.
	runRule(t, claimHeading, []ruleCase{
		{"a section title between one-line paragraphs", []string{"老街的過去", "這一段是很長的正文,一行就是一段,沒有空行,說了很多事情。"}, "1 heading:老街的過去"},
		{"a short sentence is no heading", []string{"他笑了。", "這一段是很長的正文,一行就是一段,沒有空行,說了很多事情。"}, ""},
		{"two short lines are no heading", []string{"老街的過去", "短短一行"}, ""},
	}, func(c *ctx) { c.onePerLine = true })
	runRule(t, claimHeading, []ruleCase{
		{"a heading that opens with a quotation", []string{"「訊飛星火 3.0」如期而至@1", "問:好嗎?@1"}, "1 heading:「訊飛星火 3.0」如期而至"},
		{"a line wholly quoted", []string{"「如期而至」@1", "正文。@1"}, ""},
		{"a section title", []string{"大模型的下一步@1", "正文。@1"}, "1 heading:大模型的下一步"},
		{"no blank line after", []string{"大模型的下一步@1", "正文。"}, ""},
		{"a bracketed note", []string{"(本文有刪節)@1", "正文。@1"}, ""},
		{"punctuation only", []string{"---@1", "正文。@1"}, ""},
		{"a form field", []string{"關鍵字：城市@1", "正文。@1"}, ""},
		{"a candidate's card, fields between bars", []string{"山城市第三選區|渡口黨|林一帆@1", "正文。@1"}, ""},
		{"full-width bars", []string{"山城市第三選區｜渡口黨｜林一帆@1", "正文。@1"}, ""},
		{"one bar is a heading's kicker", []string{"專訪｜渡口的夜班船@1", "正文。@1"}, "1 heading:專訪｜渡口的夜班船"},
	}, nil)
}

func TestRuleTurn(t *testing.T) {
	runRule(t, claimTurn, []ruleCase{
		{"a question", []string{"問:好嗎?", "劉聰:好。"}, "1 turn 問?:好嗎?"},
		{"an answer opens", []string{"劉聰:好。", "問:真的?"}, "1 turn 劉聰:好。 opens"},
		{"merged question and answer", []string{"問:是什麼樣子?劉聰:完整來講是這樣。"}, "1 turn 問?:是什麼樣子? turn 劉聰:完整來講是這樣。 opens"},
		{"full-width colon", []string{"Q：為什麼？", "A：因為。"}, "1 turn Q?:為什麼？"},
		{"例如: is prose", []string{"例如:這樣做。", "問:好嗎?"}, ""},
		{"reported speech", []string{"他表示:沒有問題。", "問:好嗎?"}, ""},
		{"an outlet that asks is the question side", []string{"某某電台:你怎麼看?", "王大明:我覺得可以。", "某某電台:那以後呢?", "王大明:以後再說。"}, "1 turn 某某電台?:你怎麼看?"},
	}, nil)
}

// TestRuleAnswer: where only questions carry a label, the paragraph after
// a question is its answer, a turn without a label that stays open; a
// labelled line or an editor's bracketed note is none.
func TestRuleAnswer(t *testing.T) {
	asked := func(c *ctx) { c.asked = true }
	runRule(t, claimAnswer, []ruleCase{
		{"prose after a question", []string{"十六歲那年，跟著我父親。", "下一段。@1"}, "1 turn :十六歲那年，跟著我父親。 opens"},
		{"an answer in quotation marks", []string{"「十六歲那年，跟著我父親。」"}, "1 turn :「十六歲那年，跟著我父親。」 opens"},
		{"the next question", []string{"問：現在呢？", "問：以後呢？"}, ""},
		{"an editor's note", []string{"（本文經刪節）"}, ""},
	}, asked)
	runRule(t, claimAnswer, []ruleCase{
		{"not after a question", []string{"十六歲那年，跟著我父親。"}, ""},
	}, nil)
}

// TestUnlabelledAnswers: an interview that labels only its questions has
// its answers as turns without a label, their paragraphs joined, shown
// with no label on the page and naming no speaker; an interview with
// named answers keeps its unlabelled paragraphs as before.
func TestUnlabelledAnswers(t *testing.T) {
	doc := parseText(t, "渡口的老船長\n\n2024-03-02\n\n老船長在渡口工作了四十年。\n\nQ：您什麼時候開始開船？\n\n「十六歲那年，跟著我父親。」\n\n那時候渡口還沒有燈塔。\n\nQ：現在呢？\n\n現在有了新航線。\n")
	Enrich(doc, DefaultOptions())
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, fmt.Sprintf("%s %s:%s", b.Kind, b.Speaker, strings.ReplaceAll(b.Text, "\n", "/")))
	}
	want := []string{
		"paragraph :老船長在渡口工作了四十年。",
		"turn Q:您什麼時候開始開船？",
		"turn :「十六歲那年，跟著我父親。」//那時候渡口還沒有燈塔。",
		"turn Q:現在呢？",
		"turn :現在有了新航線。",
	}
	if !slices.Equal(got, want) {
		t.Errorf("blocks\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(doc.Speakers) != 1 || doc.Speakers[0].Label != "Q" {
		t.Errorf("speakers %+v, want Q alone", doc.Speakers)
	}
	md := string(Render(doc, RenderOptions{Slug: "x"}).Files[0].Data)
	if strings.Contains(md, "****") || !strings.Contains(md, "「十六歲那年，跟著我父親。」\n{.turn data-speaker=\"\"}") {
		t.Errorf("Markdown:\n%s", md)
	}

	named := parseText(t, "渡口的老船長\n\n問：您什麼時候開始開船？\n\n老陳：十六歲那年。\n\n那時候渡口還沒有燈塔。\n\n問：現在呢？\n\n老陳：現在有了新航線。\n")
	for _, b := range named.Blocks {
		if b.Kind == KindTurn && b.Speaker == "" {
			t.Errorf("a named interview has an unlabelled turn: %+v", b)
		}
	}
}

func TestRuleQuoteAndParagraph(t *testing.T) {
	runRule(t, claimQuote, []ruleCase{
		{"wholly quoted", []string{"「這是一句引言。」"}, "1 quote:「這是一句引言。」"},
		{"quote then prose", []string{"「引言」之後還有話。"}, ""},
	}, nil)
	runRule(t, claimQuote, []ruleCase{
		{"inside an answer it is the answer's", []string{"「這是一句引言。」"}, ""},
	}, func(c *ctx) { c.open = true })
	runRule(t, claimParagraph, []ruleCase{
		{"prose", []string{"這是一段文字。"}, "1 paragraph:這是一段文字。"},
	}, nil)
	runRule(t, claimParagraph, []ruleCase{
		{"continues an open answer", []string{"這是一段文字。"}, "1 continues"},
	}, func(c *ctx) { c.open = true })
}

// The header rules claim what the plan located.
func TestRulesHeader(t *testing.T) {
	ls := offer("歡迎關注我們的公眾號 https://example.org/", "新制度上路-(2)@1", "2023-10-25 18:06@1", "文/王小明@1", "正文。@1")
	c := &ctx{opt: DefaultOptions(), head: planHeader(ls, DefaultOptions())}
	want := []string{"promo", "title", "dateline", "byline", ""}
	for i, l := range ls {
		got := ""
		for _, r := range rules {
			if r.phases&inHeader == 0 {
				continue
			}
			if _, ok := r.claim(c, []line{l}); ok {
				got = r.name
				break
			}
		}
		if got != want[i] {
			t.Errorf("line %q claimed by %q, want %q", l.text, got, want[i])
		}
	}
	if c.head.title != ls[1].no || c.head.dateline != ls[2].no {
		t.Errorf("plan %+v", c.head)
	}
	cl, _ := claimTitle(c, ls[1:])
	if cl.Title.Text != "新制度上路" || cl.Title.Part != 2 {
		t.Errorf("title %+v", cl.Title)
	}
}

// TestLeadByline: a credit at the start of the lead names authors; the
// same words elsewhere in prose do not.
func TestLeadByline(t *testing.T) {
	tests := []struct{ para, want string }{
		{"（中央社記者王小明台北5日電）某某部門今天宣布新的措施。", "王小明"},
		{"某某專訪-3(中央社記者林美華高雄12日電)市長今天表示。", "林美華"},
		{"中新网上海3月2日电(记者 张三 李四)某公司今天发布新产品。", "张三 李四"},
		{"某某社北京9月6日电 （记者 王五）会议今天开幕。", "王五"},
		{"【記者陳美玲／高雄報導】市政府今天公布預算。", "陳美玲"},
		{"〔記者陳美玲／高雄報導〕市政府今天公布預算。", "陳美玲"},
		{"市政府今天公布明年的預算。〔記者陳美玲／高雄報導〕", "陳美玲"},
		{"本报记者赵六发自广州 一场展览今天开幕。", "赵六"},
		{"市政府今天公布明年的預算,總額比今年略高。（記者陳美玲／高雄報導）", "陳美玲"},
		{"市政府今天公布明年的預算。（市府提供）", ""},
		{"他對記者王小明說,明天會更好。", ""},
		{"記者會在台北舉行,吸引很多人。", ""},
		{"（中央社記者會在台北5日舉行）", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(leadByline(tt.para), " "); got != tt.want {
			t.Errorf("leadByline(%q) = %q, want %q", tt.para, got, tt.want)
		}
	}
}

// TestHeaderShapes: whole files of real-page shapes, written here: what
// the header makes of them.
func TestHeaderShapes(t *testing.T) {
	tests := []struct{ name, text, title, date, authors string }{
		{"furniture around the title, a dateline with an update stamp",
			"本網站使用相關技術提供更好的閱讀體驗。\n下載\n\n寒流來襲 北部低溫探8度\n\n2024/01/20 07:40(01/20 08:05 更新)\n請同意我們的隱私權規範,才能啟用聽新聞的功能。\n\n（中央社記者王小明台北20日電）受寒流影響,今天清晨北部低溫。\n",
			"寒流來襲 北部低溫探8度", "2024-01-20T07:40:00+08:00", "王小明"},
		{"a breadcrumb, then a source before the time",
			"首页 > 新闻 > 国内 > 正文\n\n城市公园今天开放\n\n来源:某某晚报 2019-07-02 17:45   https://example.org/\n\n城市公园今天上午正式开放,市民纷纷前来游览。\n",
			"城市公园今天开放", "2019-07-02T17:45:00+08:00", ""},
		{"a photo credit is no title",
			"會場一景。某某社記者 王小明攝\n某某會議今天在台北舉行,來自各地的代表出席。\n",
			"", "", ""},
		{"a two-line title, the subtitle led by a dash",
			"城市的夜晚\n——記一條老街的變遷\n\n2021-06-01\n\n夜晚的老街很安靜,只有路燈還亮著。\n",
			"城市的夜晚——記一條老街的變遷", "2021-06-01", ""},
		{"a headline and its deck, two lines over the dateline",
			"全市公車路網下月重整\n三十條路線將改道\n\n（2024-03-05）來源：某某日報 要聞\n\n本報訊 市府今天公布新的公車路網。\n",
			"全市公車路網下月重整 三十條路線將改道", "2024-03-05", ""},
		{"a breadcrumb field over the headline is no deck",
			"本頁位置: 首頁新聞中心國內新聞\n    全市公車路網下月重整 三十條路線改道\n2024年03月05日 10:24 來源:某某新聞網 發表評論\n\n市府今天公布新的公車路網。\n",
			"全市公車路網下月重整 三十條路線改道", "2024-03-05T10:24:00+08:00", ""},
		{"a promotional line and a title are no headline pair",
			"歡迎訂閱本站電子報\n\n全市公車路網下月重整\n\n2024-03-05\n\n市府今天公布新的公車路網。\n",
			"全市公車路網下月重整", "2024-03-05", ""},
		{"lines that repeat a spam keyword above the article, a starred headline",
			"好運彩券推薦群-某某百科\n好運彩券下注2023-01-31 16:05\n\n市立圖書館夜間開放延長到十點******\n\n  某某社台北3月2日電 (記者 陳美玲)市立圖書館今天宣布延長夜間開放時間。\n",
			"市立圖書館夜間開放延長到十點", "", "陳美玲"},
		{"a date with its programme's name, and a host's label",
			"書店的下一個十年\n\n2012年10月13日  某某網嘉賓訪談\n\n今天我們請來書店創辦人。\n",
			"書店的下一個十年", "2012-10-13", ""},
		{"the writer credited on the dateline's line",
			"智庫的職責\n\n發布時間:2014-02-18 作者: 王大文 \n\n智庫的工作從問題開始。\n",
			"智庫的職責", "2014-02-18", "王大文"},
		{"a subtitle typed with hyphens, a writer after a bullseye",
			"台灣價值的泉源\n\n          ---一段訪談的心情\n\n                  ◎林小芳\n\n那年十月,我結束了一套書的編輯工作。\n",
			"台灣價值的泉源---一段訪談的心情", "", "林小芳"},
		{"a section's name over the headline",
			"評論\n\n某某》城市需要更多的公園\n\n打開市府網頁,映入眼簾的是新的公園計畫。\n",
			"某某》城市需要更多的公園", "", ""},
		{"a headline set twice: in the page's title with the site's name, then over the article",
			"公車路網的下一步 - 某某 新聞網 \n\n新聞 / 交通\n公車路網的下一步\n2021-06-16 07:00:00\nA+\nA\nA-\n\n作者/陳美玲\n\n市府今天公布新的公車路網。\n",
			"公車路網的下一步", "2021-06-16T07:00:00+08:00", "陳美玲"},
		{"a list of the day's headlines, the headline again, a writer after ☉",
			"今日新聞 社論 評論 專題報導 自由廣場 回首頁\n中華民國91年3月19日星期二\n\n公車路網該不該重整?\n捷運延伸的下一站\n\n\n公車路網該不該重整?\n\n☉陳大明\n\n 市府上週公布的路網,引起不少討論。\n",
			"公車路網該不該重整?", "2002-03-19", "陳大明"},
		{"a paper and its reporter after the time",
			"港口夜班渡輪停駛 乘客：以後只能繞路\n2023-05-08 18:06 某某報／ 記者林一帆／基隆即時報導\n\n基隆港夜班渡輪今天起停駛。\n",
			"港口夜班渡輪停駛 乘客：以後只能繞路", "2023-05-08T18:06:00+08:00", "林一帆"},
		{"a picture's alt text and caption are no headline",
			"林小芳專文：渡口邊的老茶館\n\n2023-05-28 07:00\n\n? 人氣\n\n門口的船工在午後歇腳。(作者提供)\n\n門口的船工在午後歇腳。(作者提供)\n\n渡口邊有一家開了四十年的老茶館。\n",
			"林小芳專文：渡口邊的老茶館", "2023-05-28T07:00:00+08:00", "林小芳"},
		{"a writer's name over a letter to the paper",
			"陳大文投書：港口城市需要夜班船\n\n2023-05-28 07:00\n\n夜班渡輪停駛以後，城市少了一種聲音。\n",
			"陳大文投書：港口城市需要夜班船", "2023-05-28T07:00:00+08:00", "陳大文"},
		{"readers' letters name no writer",
			"讀者投書：港口城市需要夜班船\n\n2023-05-28\n\n夜班渡輪停駛以後，城市少了一種聲音。\n",
			"讀者投書：港口城市需要夜班船", "2023-05-28", ""},
		{"a topic before 觀點 is no writer",
			"科技觀點：港口城市需要夜班船\n\n2023-05-28\n\n夜班渡輪停駛以後，城市少了一種聲音。\n",
			"科技觀點：港口城市需要夜班船", "2023-05-28", ""},
		{"a bracketed source set twice is no headline",
			"「城市要更好走」某某電台專訪陳大文\n\n2019-12-30 19:11\n\n(某某電台)\n\n(某某電台)\n\n市議員參選人陳大文接受專訪。\n",
			"「城市要更好走」某某電台專訪陳大文", "2019-12-30T19:11:00+08:00", ""},
		{"a page's controls one to a line above the headline",
			"辅助功能设置\n\n文字大小\n\n色彩设置\n\n阅读工具\n\n文章\n\n深度报道精选:山区地震后的七十二小时\n\n十二月的地震造成上百人遇难,灾民渴求帐篷和药品。\n",
			"深度报道精选:山区地震后的七十二小时", "", ""},
		{"a WeChat article's header, one field to a line, under a mirror's menu",
			"首页\n下载应用\n分类\n社会\n其它\n专访某某:让市民知道我们的决心丨城市一线\nOriginal\n秦小玥\n某某新闻\n2021-06-26\n收录于话题\n#城市一线\n83个\n修例以来,警方遭到各种抹黑。\n",
			"专访某某:让市民知道我们的决心丨城市一线", "2021-06-26", "秦小玥"},
		{"a WeChat article's header on one line",
			"城市的夜晚还有多少灯\n原创 林小芳 某某夜读 2022-03-01 21:30\n\n夜晚的城市很安静,只有路灯还亮着。\n",
			"城市的夜晚还有多少灯", "2022-03-01T21:30:00+08:00", "林小芳"},
		{"a PTT header fenced as code in a Markdown archive",
			"```\n作者 someone (夜行的貓)\n看板 Soft_Job\n標題 [心得][分享] 如何替變數取名字\n時間 Fri Sep  4 11:55:29 2020\n```\n\n本週談命名。\n",
			"如何替變數取名字", "2020-09-04T11:55:29+08:00", "someone"},
		{"a SMTH header with padded labels",
			"发信人: someone (路过的人), 信区: Mathematics\n标  题: 一道几何题\n发信站: 水木社区 (Tue Mar 22 16:51:45 2016), 站内\n\n想请教一个问题。\n",
			"一道几何题", "2016-03-22T16:51:45+08:00", "someone"},
		{"a reply keeps Re:", "作者: someone (暱稱)\n標題: Re: [問題] 週末去哪裡\n時間: Sat Jun  3 09:00:00 2017\n\n去海邊。\n",
			"Re: [問題] 週末去哪裡", "2017-06-03T09:00:00+08:00", "someone"},
		{"entities never reach the title",
			"老街&nbsp;新生&amp;再造\n\n2021-06-01\n\n老街今天重新開放,吸引很多人。\n",
			"老街 新生&再造", "2021-06-01", ""},
		{"a byline with box-drawing marks is no title",
			"記者│王小明 攝影│李大華\n「這是一段引言。」他在專訪中這樣說,並談到自己多年的經驗。\n",
			"", "", "王小明"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseText(t, tt.text)
			date := dateText(doc)
			if doc.Title != tt.title || date != tt.date || strings.Join(doc.Authors, " ") != tt.authors {
				t.Errorf("title %q date %q authors %q; want %q %q %q", doc.Title, date, doc.Authors, tt.title, tt.date, tt.authors)
			}
		})
	}
}

func TestShortFor(t *testing.T) {
	tests := []struct{ text, want string }{
		{"本刊專訪了交通局長林志豪（以下簡稱「林」），談公車。", "林=林志豪"},
		{"本刊與新視界周刊（下稱新視界）合作。", "新視界=新視界周刊"},
		{"端傳媒（以下簡稱「端」）專訪", "端=端傳媒"},
		{"记者采访了科学家王海峰（以下简称“王”）。", "王=王海峰"},
		{"美國航太總署(以下簡稱NASA)宣布。", ""}, // the short form is no part of the words before it
		{"他說（以下是全文）：", ""},
		{"張三（以下簡稱「張」）與李四（以下簡稱「李」）", "張=張三|李=李四"},
		{"《端傳媒》專訪前部長。", "端=端傳媒"},
		{"他讀了《紅樓夢》。", ""}, // a book is no outlet
	}
	for _, tt := range tests {
		var got []string
		for _, part := range strings.Split(tt.want, "|") {
			if short, _, ok := strings.Cut(part, "="); ok {
				got = append(got, short+"="+shortFor(tt.text)[short])
			}
		}
		if n := len(shortFor(tt.text)); strings.Join(got, "|") != tt.want || n != len(got) {
			t.Errorf("shortFor(%q) = %v, want %s", tt.text, shortFor(tt.text), tt.want)
		}
	}
}

// TestRuleRetitle: the headline again in the text, whole or less its
// column's name, is removed; a line that only begins like it stays.
func TestRuleRetitle(t *testing.T) {
	title := func(c *ctx) { c.title = "早安山城》新航線開通 首班船今晨出發" }
	runRule(t, claimRetitle, []ruleCase{
		{"the title again", []string{"早安山城》新航線開通 首班船今晨出發"}, "1 removed"},
		{"less its column", []string{"新航線開通 首班船今晨出發"}, "1 removed"},
		{"part of the headline", []string{"首班船今晨出發"}, ""},
		{"a sentence that begins like it", []string{"新航線開通 首班船今晨出發，船上坐滿了人。"}, ""},
	}, title)
	runRule(t, claimRetitle, []ruleCase{
		{"no title yet", []string{"新航線開通"}, ""},
	}, nil)
}
