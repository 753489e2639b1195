package convert

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const (
	hantText = "對話科大訊飛:不賺錢是 ChatGPT 的問題\n\n2023102518:06\n\n這波大模型浪潮裡,科大訊飛是一個非常有意思的玩家。問題在於我們對於數據的處理。\n"
	hansText = "对话科大讯飞:不赚钱是 ChatGPT 的问题\n\n2023102518:06\n\n这波大模型浪潮里,科大讯飞是一个非常有意思的玩家。问题在于我们对于数据的处理。\n"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeEncodings(t *testing.T) {
	le := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	be := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	tests := []struct {
		name string
		raw  []byte
		enc  string
		want string
	}{
		{"utf-8", []byte(hantText), EncUTF8, hantText},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, hantText...), EncUTF8BOM, hantText},
		{"utf-16le with BOM", append([]byte{0xFF, 0xFE}, encode(t, le, hantText)...), EncUTF16LE, hantText},
		{"utf-16be with BOM", append([]byte{0xFE, 0xFF}, encode(t, be, hantText)...), EncUTF16BE, hantText},
		{"utf-16le without BOM", encode(t, le, hantText), EncUTF16LE, hantText},
		{"gb18030 simplified", encode(t, simplifiedchinese.GB18030, hansText), EncGB18030, hansText},
		{"gbk simplified", encode(t, simplifiedchinese.GBK, hansText), EncGB18030, hansText},
		{"big5 traditional", encode(t, traditionalchinese.Big5, hantText), EncBig5, hantText},
		// 𥚃 and 㗎 are HKSCS additions to Big5, as Hong Kong sites write.
		{"big5-hkscs", encode(t, traditionalchinese.Big5, hantText+"佢哋講㗎。\n"), EncBig5, hantText + "佢哋講㗎。\n"},
		{"crlf", []byte("標題\r\n\r\n第一段。\r\n"), EncUTF8, "標題\n\n第一段。\n"},
		{"cr", []byte("標題\r\r第一段。\r"), EncUTF8, "標題\n\n第一段。\n"},
		{"nbsp and ideographic space kept", []byte("\u00a0\u00a0標題\n\u3000\u3000第一段。\n"), EncUTF8, "\u00a0\u00a0標題\n\u3000\u3000第一段。\n"},
		{"zero-width and control characters dropped", []byte("標\u200b題\x07\n第一\ufeff段\x00。\n"), EncUTF8, "標題\n第一段。\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc {
				t.Errorf("encoding %q, want %q", enc, tt.enc)
			}
			if text != tt.want {
				t.Errorf("text %q\nwant %q", text, tt.want)
			}
		})
	}
}

func TestDecodeNoArticle(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	tests := []struct {
		name   string
		raw    []byte
		reason string
	}{
		{"empty", nil, ReasonEmpty},
		{"whitespace only", []byte(" \n\t\r\n\u3000\u00a0\n"), ReasonEmpty},
		{"png image", png, ReasonBinary},
		{"random bytes", bytes.Repeat([]byte{0x00, 0xff, 0x13, 0x80, 0x7f, 0x01}, 200), ReasonBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode(tt.raw)
			if r, ok := IsNoArticle(err); !ok || r != tt.reason {
				t.Errorf("err %v, want %s", err, tt.reason)
			}
		})
	}
}

func TestDetectScript(t *testing.T) {
	if s := detectScript(hantText); s != "Hant" {
		t.Errorf("traditional text detected as %s", s)
	}
	if s := detectScript(hansText); s != "Hans" {
		t.Errorf("simplified text detected as %s", s)
	}
}
