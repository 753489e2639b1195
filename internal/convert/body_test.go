package convert

import (
	"fmt"
	"strings"
	"testing"
)

// summary describes blocks compactly: kind, speaker (? for a question), text.
func summary(doc *Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch b.Kind {
		case KindList:
			kind := "ul"
			if *b.Ordered {
				kind = "ol"
			}
			out = append(out, kind+":"+strings.Join(b.Items, "|"))
		case KindVerse:
			out = append(out, "verse:"+strings.Join(b.Lines, "|"))
		case KindTurn:
			q := ""
			if *b.Question {
				q = "?"
			}
			out = append(out, fmt.Sprintf("turn %s%s:%s", b.Speaker, q, strings.ReplaceAll(b.Text, "\n\n", "¶")))
		default:
			out = append(out, string(b.Kind)+":"+b.Text)
		}
	}
	return out
}

func parseText(t *testing.T, text string) *Document {
	t.Helper()
	doc, err := Convert("test.txt", []byte(text), DefaultOptions())
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	return doc
}

// dateText is the Document's date as inspect prints it, "" when none.
func dateText(doc *Document) string {
	if doc.Date == nil {
		return ""
	}
	return doc.Date.String()
}

const head = "標題\n\n2023-10-25 18:06\n\n"

func TestBodyShapes(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"paragraphs", "第一段。\n\n第二段。\n", []string{"paragraph:第一段。", "paragraph:第二段。"}},
		{"lines without blank lines are paragraphs", "第一段很長的一句話,說了很多很多的事情。\n第二段也很長,一樣說了很多很多的事情。\n",
			[]string{"paragraph:第一段很長的一句話,說了很多很多的事情。", "paragraph:第二段也很長,一樣說了很多很多的事情。"}},
		{"list 1. with U+00A0 indent", "\u00a0\u00a0\u00a0 1.甲項目\n\u00a0\u00a0\u00a0 2.乙項目\n", []string{"ol:甲項目|乙項目"}},
		{"list 1、", "1、甲項目\n2、乙項目\n3、丙項目\n", []string{"ol:甲項目|乙項目|丙項目"}},
		{"list (1)", "(1)甲項目\n(2)乙項目\n", []string{"ol:甲項目|乙項目"}},
		{"list 一、", "一、甲項目\n二、乙項目\n", []string{"ol:甲項目|乙項目"}},
		{"list (一) with U+3000 indent", "\u3000\u3000（一）甲項目\n\u3000\u3000（二）乙項目\n", []string{"ol:甲項目|乙項目"}},
		{"list ①", "①甲項目\n②乙項目\n", []string{"ol:甲項目|乙項目"}},
		{"list • tab-indented", "\t• 甲項目\n\t• 乙項目\n", []string{"ul:甲項目|乙項目"}},
		{"list ・", "・甲項目\n・乙項目\n", []string{"ul:甲項目|乙項目"}},
		{"list - with blank lines between", "- 甲項目\n\n- 乙項目\n", []string{"ul:甲項目|乙項目"}},
		{"a lone 1. line is prose", "1. 這只是一句話,不是清單。\n", []string{"paragraph:1. 這只是一句話,不是清單。"}},
		{"markdown-looking lines are prose", "# 這不是標題,只是一句話。\n\n> 這不是引用,只是一句話。\n\n- 這不是清單,只是一句話。\n\n* 星號開頭的一句話。\n\n---\n\n+++\n",
			[]string{"paragraph:# 這不是標題,只是一句話。", "paragraph:> 這不是引用,只是一句話。", "paragraph:- 這不是清單,只是一句話。", "paragraph:* 星號開頭的一句話。", "paragraph:---", "paragraph:+++"}},
		{"a Markdown text: ATX headings, quotation lines, thematic breaks", "# 起源\n\n這個詞最早出現在十四世紀。\n\n> 讀者來信問：這個詞怎麼用？\n> 還有別的說法嗎？\n\n---\n\n## 用法 ##\n\n今天多半用在電腦上。\n",
			[]string{"heading:起源", "paragraph:這個詞最早出現在十四世紀。", "quote:讀者來信問：這個詞怎麼用？", "quote:還有別的說法嗎？", "heading:用法", "paragraph:今天多半用在電腦上。"}},
		{"heading", "第一段。\n\n大模型的下一步\n\n第二段。\n", []string{"paragraph:第一段。", "heading:大模型的下一步", "paragraph:第二段。"}},
		{"caption after an image gap", "第一段。\n\n\n\n圖為發布會現場\n\n第二段。\n", []string{"paragraph:第一段。", "caption:圖為發布會現場", "paragraph:第二段。"}},
		{"short sentence is a paragraph", "第一段。\n\n就這樣。\n\n第二段。\n", []string{"paragraph:第一段。", "paragraph:就這樣。", "paragraph:第二段。"}},
		{"quote in 「」", "「我們提出讓機器像人一樣能聽會說。」\n", []string{"quote:「我們提出讓機器像人一樣能聽會說。」"}},
		{"quote in “”", "“機器要能聽會說。”\n", []string{"quote:“機器要能聽會說。”"}},
		{"two quotes are not one quotation", "「甲」和「乙」都說了很多很多的話。\n", []string{"paragraph:「甲」和「乙」都說了很多很多的話。"}},
		{"verse", "床前明月光,\n疑是地上霜。\n舉頭望明月,\n低頭思故鄉。\n", []string{"verse:床前明月光,|疑是地上霜。|舉頭望明月,|低頭思故鄉。"}},
		{"indented code", "程式如下:\n\n    func main() {\n        fmt.Println(\"hi\")\n    }\n\n說明完畢。\n",
			[]string{"paragraph:程式如下:", "code:func main() {\n    fmt.Println(\"hi\")\n}", "paragraph:說明完畢。"}},
		{"indented prose is not code", "    這是一段縮排的文字,而不是程式碼。\n", []string{"paragraph:這是一段縮排的文字,而不是程式碼。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(parseText(t, head+tt.body))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTurns(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"問/答", "問:你好嗎?\n\n答:很好。\n\n謝謝關心。\n", []string{"turn 問?:你好嗎?", "turn 答:很好。¶謝謝關心。"}},
		{"问/答 full-width colons", "问：你好吗？\n\n答：很好。\n", []string{"turn 问?:你好吗？", "turn 答:很好。"}},
		{"Q/A with a space", "Q: 你好嗎?\n\nA: 很好。\n", []string{"turn Q?:你好嗎?", "turn A:很好。"}},
		{"主持人 and a name", "主持人:請介紹一下。\n\n王小明:我是工程師。\n\n主持人:謝謝。\n\n王小明:不客氣。\n",
			[]string{"turn 主持人?:請介紹一下。", "turn 王小明:我是工程師。", "turn 主持人?:謝謝。", "turn 王小明:不客氣。"}},
		{"merged question and answer", "問:生態是什麼樣子?劉聰:完整來講,生態是1+N。\n",
			[]string{"turn 問?:生態是什麼樣子?", "turn 劉聰:完整來講,生態是1+N。"}},
		{"answer continues across an image gap", "問:怎麼看?\n\n劉聰:兩個方向。\n\n\n\n第二個方向是助手,這是核心主流。\n",
			[]string{"turn 問?:怎麼看?", "turn 劉聰:兩個方向。¶第二個方向是助手,這是核心主流。"}},
		{"a caption ends the turn", "問:怎麼看?\n\n劉聰:兩個方向。\n\n\n\n年內升級里程碑\n\n後來的一段話,不屬於回答。\n",
			[]string{"turn 問?:怎麼看?", "turn 劉聰:兩個方向。", "caption:年內升級里程碑", "paragraph:後來的一段話,不屬於回答。"}},
		{"a heading ends the turn", "問:怎麼看?\n\n劉聰:兩個方向。\n\n下一步怎麼走\n\n新的一段。\n",
			[]string{"turn 問?:怎麼看?", "turn 劉聰:兩個方向。", "heading:下一步怎麼走", "paragraph:新的一段。"}},
		{"例如: is not a speaker", "例如:語音、圖像。\n\n比如:文字。\n", []string{"paragraph:例如:語音、圖像。", "paragraph:比如:文字。"}},
		{"他說: is not a speaker", "他說:我們會繼續。\n\n他說:謝謝。\n", []string{"paragraph:他說:我們會繼續。", "paragraph:他說:謝謝。"}},
		{"colon lines in prose are prose", "第三位：一位老師。\n\n第四位：一位醫生。\n\n關鍵字：教育、醫療\n\n關鍵字：城市\n",
			[]string{"paragraph:第三位：一位老師。", "paragraph:第四位：一位醫生。", "paragraph:關鍵字：教育、醫療", "paragraph:關鍵字：城市"}},
		{"an editorial label in an interview is no speaker", "核心提示：這是一篇訪談。\n\n問：您好嗎？\n\n王小明：很好。\n",
			[]string{"paragraph:核心提示：這是一篇訪談。", "turn 問?:您好嗎？", "turn 王小明:很好。"}},
		{"compound labels", "记者问：公司明年的计划是什么？\n\n王小明答：继续扩大生产。\n\n记者问：还有呢？\n\n王小明答：招更多人。\n",
			[]string{"turn 记者问?:公司明年的计划是什么？", "turn 王小明答:继续扩大生产。", "turn 记者问?:还有呢？", "turn 王小明答:招更多人。"}},
		{"two names passing the word", "王小明：我先說。\n\n李大華：我接著說。\n\n王小明：好的。\n\n李大華：謝謝。\n",
			[]string{"turn 王小明:我先說。", "turn 李大華:我接著說。", "turn 王小明:好的。", "turn 李大華:謝謝。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(parseText(t, head+tt.body))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
