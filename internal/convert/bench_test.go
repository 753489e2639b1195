package convert

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// interview40K is an interview of about 40 KB: the sample's header and
// intro, then its question/answer turns repeated.
func interview40K(b *testing.B) []byte {
	raw := mustReadB(b, sample)
	s := string(raw)
	i := strings.Index(s, "問:")
	var buf bytes.Buffer
	buf.WriteString(s)
	for buf.Len() < 40<<10 {
		buf.WriteString("\n\n")
		buf.WriteString(s[i:])
	}
	return buf.Bytes()
}

func mustReadB(b *testing.B, path string) []byte {
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return raw
}

func benchConvert(b *testing.B, raw []byte) {
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		text, enc, err := Decode(raw)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := Parse("b.txt", text, enc, DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		Enrich(doc, DefaultOptions())
	}
}

// BenchmarkDecodeParse: decode, parse and enrich, in MB/s of raw input.
func BenchmarkDecodeParse(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchConvert(b, mustReadB(b, sample)) })
	b.Run("interview40K", func(b *testing.B) { benchConvert(b, interview40K(b)) })
	b.Run("gb18030", func(b *testing.B) {
		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(mustReadB(b, sample))
		if err != nil {
			b.Fatal(err)
		}
		benchConvert(b, gb)
	})
	// The sample's paragraphs cut at 72 columns, as a BBS post is.
	b.Run("hardwrapped", func(b *testing.B) {
		doc, err := Convert("s.txt", mustReadB(b, sample), DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		var paras []string
		for _, bl := range doc.Blocks {
			paras = append(paras, bl.Paragraphs()...)
		}
		benchConvert(b, []byte(head+hardWrap(72, "", paras...)))
	})
}

func BenchmarkDecode(b *testing.B) {
	raw := interview40K(b)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	raw := interview40K(b)
	doc, err := Convert("b.txt", raw, DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Render(doc, RenderOptions{Slug: "x"})
	}
}

// indented is about 2.4 MB of paragraphs, each indented by indent: a text
// that once made the code rule rescan every run (quadratic).
func indented(indent string) []byte {
	var buf bytes.Buffer
	buf.WriteString("標題\n\n2023-10-25 18:06\n\n")
	for buf.Len() < 2400<<10 {
		buf.WriteString(indent + "這是一段縮排的文字,說明縮排不會讓轉換變慢。\n")
	}
	return buf.Bytes()
}

// BenchmarkIndented: decode, parse and enrich stay linear whatever the
// indentation; MB/s should match across the four.
func BenchmarkIndented(b *testing.B) {
	for _, in := range []struct{ name, indent string }{
		{"spaces", "    "}, {"tab", "\t"}, {"ideographic", "\u3000\u3000"}, {"nbsp", "\u00a0\u00a0\u00a0\u00a0"},
	} {
		b.Run(in.name, func(b *testing.B) { benchConvert(b, indented(in.indent)) })
	}
}
