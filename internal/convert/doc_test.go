package convert

import (
	"strings"
	"testing"
)

func speakersOf(doc *Document) []string {
	var out []string
	for _, s := range doc.Speakers {
		name := "null"
		if s.Name != nil {
			name = *s.Name
		}
		out = append(out, s.Label+"/"+name+"/"+s.Role)
	}
	return out
}

func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"roles from the intro, interviewer first", head + "極客公園對話董事長劉慶峰和研究院院長劉聰。\n\n劉聰:先說。\n\n問:然後呢?\n\n劉慶峰:再說。\n",
			[]string{"問/null/interviewer", "劉聰/劉聰/研究院院長", "劉慶峰/劉慶峰/董事長"}},
		{"organisation dropped from the role", head + "本刊專訪科大訊飛董事長劉慶峰。\n\n問:你好?\n\n劉慶峰:你好。\n",
			[]string{"問/null/interviewer", "劉慶峰/劉慶峰/董事長"}},
		{"honorific label resolves to the full name", head + "我們請到台灣大學經濟系教授陳明哲,談談景氣。\n\n問:景氣如何?\n\n陳教授:還不錯。\n",
			[]string{"問/null/interviewer", "陳教授/陳明哲/教授"}},
		{"a named interviewer", head + "主持人王小美與創始人李大同對談。\n\n主持人:你好?\n\n李大同:你好。\n",
			[]string{"主持人/王小美/interviewer", "李大同/李大同/創始人"}},
		{"no intro: names without roles", head + "張三:你好。\n\n李四:你好。\n\n張三:再見。\n\n李四:再見。\n",
			[]string{"張三/張三/", "李四/李四/"}},
		{"simplified intro", head + "极客公园对话首席科学家王海峰。\n\n问:你好?\n\n王海峰:你好。\n",
			[]string{"问/null/interviewer", "王海峰/王海峰/首席科学家"}},
		{"a short form the intro declares is the label throughout", head + "本刊專訪了交通局長林志豪（以下簡稱「林」），談公車路線的調整。\n\n問：為什麼要調整？\n\n林：人口移動的方向變了。\n\n問：反應如何？\n\n林：慢慢習慣了。\n",
			[]string{"問/null/interviewer", "林/林志豪/局長"}},
		{"a declared outlet asks and is no person", head + "新視界周刊（下稱新）與導演陳小華談新片。\n\n新：拍了多久？\n\n陳小華：三年。\n\n新：最難的是什麼？\n\n陳小華：等天氣。\n",
			[]string{"新/null/interviewer", "陳小華/陳小華/導演"}},
		{"an outlet named in 《》 asks by its first character", head + "《某某傳媒》專訪前部長黃大年。以下為訪談紀要:\n\n某:您怎麼看這次改組?\n\n黃大年:我認識他很久了。\n\n某:外界的批評呢?\n\n黃大年:時間有點尷尬。\n",
			[]string{"某/null/interviewer", "黃大年/黃大年/部長"}},
		{"a host's name in the label", head + "本期節目邀請主編朱大衛。\n\n主持人尹小俊:歡迎來到直播間。\n\n朱大衛:大家好。\n\n主持人尹小俊:第一個話題是什麼?\n\n朱大衛:從截稿說起。\n",
			[]string{"主持人尹小俊/尹小俊/interviewer", "朱大衛/朱大衛/主編"}},
		{"numbered questions are one label", head + "我們訪問了設計師吳佳穎。\n\nQ1：為什麼選這個顏色？\n\nA1：因為它像海。\n\nQ2：下一件作品呢？\n\nA2：還在想。\n",
			[]string{"Q/null/interviewer", "A/吳佳穎/設計師"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := speakersOf(parseText(t, tt.text))
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("speakers\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHeaderAndBoilerplate(t *testing.T) {
	tests := []struct {
		name, text                   string
		title, date, authors, boiler string
		firstBlock                   string
	}{
		{"promo line before the title", "歡迎關注我們的公眾號 https://example.com/ 每日更新!\n\n大模型的下一步\n\n2023-10-25\n\n第一段。\n",
			"大模型的下一步", "2023-10-25", "", "歡迎關注我們的公眾號 https://example.com/ 每日更新!", "paragraph:第一段。"},
		{"byline under the title", "大模型的下一步\n\n文/王小明\n\n2023-10-25\n\n第一段。\n",
			"大模型的下一步", "2023-10-25", "王小明", "", "paragraph:第一段。"},
		{"labelled dateline and credit", "【專欄】大模型的下一步(上)\n發布時間:2023年10月25日 18:06\n記者 | 王小明 編輯 | 李四\n\n第一段。\n",
			"【專欄】大模型的下一步", "2023-10-25T18:06:00+08:00", "王小明", "", "paragraph:第一段。"},
		{"no dateline", "大模型的下一步\n\n第一段。\n\n第二段。\n",
			"大模型的下一步", "", "", "", "paragraph:第一段。"},
		{"trailer furniture", head + "第一段。\n\n記錄整理:林志豪\n\n責任編輯:李四\n\n來源:極客公園\n\n版權聲明:本文版權歸原作者所有。\n\n延伸閱讀\n\n大模型的未來\n\nChatGPT 一週年\n",
			"標題", "2023-10-25T18:06:00+08:00", "林志豪", "責任編輯:李四|來源:極客公園|版權聲明:本文版權歸原作者所有。|延伸閱讀|大模型的未來|ChatGPT 一週年", "paragraph:第一段。"},
		{"點擊關注 line", head + "第一段。\n\n點擊關注,第一時間了解更多。\n",
			"標題", "2023-10-25T18:06:00+08:00", "", "點擊關注,第一時間了解更多。", "paragraph:第一段。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseText(t, tt.text)
			date := dateText(doc)
			if doc.Title != tt.title || date != tt.date || strings.Join(doc.Authors, "|") != tt.authors || strings.Join(doc.Boilerplate, "|") != tt.boiler {
				t.Errorf("title %q date %q authors %q boilerplate %q\nwant %q %q %q %q", doc.Title, date, doc.Authors, doc.Boilerplate, tt.title, tt.date, tt.authors, tt.boiler)
			}
			if got := summary(doc); len(got) == 0 || got[0] != tt.firstBlock {
				t.Errorf("blocks %q, want first %q", got, tt.firstBlock)
			}
		})
	}
}

func TestNoArticle(t *testing.T) {
	tests := []struct{ name, text, reason string }{
		{"empty", "", ReasonEmpty},
		{"whitespace", "\n \u3000\n\u00a0\t\n", ReasonEmpty},
		{"title only", "大模型的下一步\n", ReasonNoContent},
		{"title and dateline", "大模型的下一步\n\n2023-10-25 18:06\n", ReasonNoContent},
		{"boilerplate only", "歡迎關注我們的公眾號 https://example.com/ 每日更新!\n\n責任編輯:李四\n", ReasonNoContent},
		{"binary", "\x00\x01\x02\x03\x00\x00\x00\xff\xfe\x00", ReasonBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert("x.txt", []byte(tt.text), DefaultOptions())
			if r, ok := IsNoArticle(err); !ok || r != tt.reason {
				t.Errorf("err %v, want %s", err, tt.reason)
			}
		})
	}
}

// TestWarnings: the weak guesses an editor is told to check.
func TestWarnings(t *testing.T) {
	tests := []struct{ text, want string }{
		{head + "第一段。\n", ""},
		{"開頭就是一句很長的正文,沒有標題也沒有日期,說了很多話。\n", "no title line|no date"},
		{head + "問:好嗎?\n\n王小明:好。\n\n問:真的?\n", "a label that spoke once: 王小明"},
		{head + "第一段。\n\n\n\n圖說文字\n\n責任編輯:李四\n", "1 caption(s) without their image|1 line(s) removed (furniture 1)"},
		{head + hardWrap(40, "", "清晨的河堤上有人慢跑，有人遛狗，還有一群老人在練太極拳，動作整齊得像一個人。", "河堤另一頭的工地從七點開始施工，怪手的聲音一直持續到傍晚，附近的住戶已經習慣了。", "里長說，工程預計明年春天完工，到時候河堤會多出一條自行車道，連到隔壁的公園。"),
			"text reflowed: lines cut at 40 columns joined into paragraphs"},
	}
	for _, tt := range tests {
		if got := strings.Join(parseText(t, tt.text).Warnings(), "|"); got != tt.want {
			t.Errorf("warnings of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNotAnArticle: files with text that are still no article, and why.
func TestNotAnArticle(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a feed", "<?xml version=\"1.0\"?>\n<rss><channel><title>某某新聞</title></channel></rss>\n", "no-content (a feed, not an article)"},
		{"a page of headlines", "首頁\n\n今日新聞一覽\n\n市府公布新預算\n\n颱風明天登陸\n\n股市收盤上漲\n\n夜市人潮回流\n\n球隊再拿一勝\n", "no-content (only headlines)"},
		{"several articles", "第一篇\n\n2023-10-25\n\n第一篇的正文。\n\n第二篇\n\n2023-10-26\n\n第二篇的正文。\n\n第三篇\n\n2023-10-27\n\n第三篇的正文。\n", "no-content (several articles in one file; split it into one file each)"},
		{"a paywall", "會員專屬文章\n\n2023-10-25 18:06\n\n本文為付費內容,訂閱後即可閱讀全文。\n", "no-content (a paywall notice)"},
	}
	for _, tt := range tests {
		_, err := Convert("x.txt", []byte(tt.text), DefaultOptions())
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	// EUC-TW: SS2, a plane byte and two bytes of the plane, many times.
	var euc []byte
	for range 20 {
		euc = append(euc, 0x8E, 0xA2, 0xC4, 0xA1, 0xB0, 0xA1, 0x8E, 0xA3, 0xA5, 0xE6)
	}
	if _, err := Convert("x.txt", euc, DefaultOptions()); err == nil || !strings.HasPrefix(err.Error(), "unsupported encoding (looks like EUC-TW") {
		t.Errorf("EUC-TW: %v", err)
	}
}

// TestDescribedShapes: shapes DESIGN.md describes that once went wrong.
func TestDescribedShapes(t *testing.T) {
	doc := parseText(t, head+"本報記者對話創辦人兼製作人王小明。\n\n問:這部作品怎麼來的?\n\n答:從一個夢開始。\n\n問:下一步呢?\n\n答:再拍一部。\n\n（本座談於2023年10月1日在台北舉行）\n\n記錄整理：林志豪\n")
	if got := speakersOf(doc); strings.Join(got, " ") != "問/null/interviewer 答/王小明/創辦人兼製作人" {
		t.Errorf("an anonymous answer is the one interviewee the intro names, with a role joined by 兼: %q", got)
	}
	last := doc.Blocks[len(doc.Blocks)-1]
	if last.Kind != KindParagraph || last.Text != "（本座談於2023年10月1日在台北舉行）" {
		t.Errorf("a bracketed note after the last answer is a paragraph: %+v", last)
	}
	if strings.Join(doc.Authors, " ") != "林志豪" {
		t.Errorf("記錄整理： with a full-width colon is a byline, not a turn: authors %q", doc.Authors)
	}
	doc = parseText(t, head+"問:票價怎麼算?\n\n局長:按里程。\n\n問:何時實施?\n\n局長:明年。\n")
	if got := speakersOf(doc); strings.Join(got, " ") != "問/null/interviewer 局長/null/局長" {
		t.Errorf("a post as a label names no person: %q", got)
	}
	if _, err := Convert("x.txt", []byte("歡迎關注我們的公眾號 https://example.org/ 點擊下載\n"), DefaultOptions()); err == nil || !strings.HasPrefix(err.Error(), ReasonNoContent) {
		t.Errorf("a file of nothing but a promotional line: %v", err)
	}
}
