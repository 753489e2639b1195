package zhconv

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

func library(t testing.TB, name, s string) string {
	cc, err := opencc.New(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := cc.Convert(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPhrases(t *testing.T) {
	tests := []struct{ conv, in, want string }{
		{TraditionalToSimplified, "軟體", "软件"},
		{TraditionalToSimplified, "訊飛星火", "讯飞星火"},
		{TraditionalToSimplified, "資訊", "信息"},
		{TraditionalToSimplified, "滑鼠與記憶體", "鼠标与内存"},
		{TraditionalToSimplified, "劉慶峰:我們的網路", "刘庆峰:我们的网络"},
		{SimplifiedToTraditional, "软件", "軟體"},
		{SimplifiedToTraditional, "信息", "資訊"},
		{SimplifiedToTraditional, "讯飞星火", "訊飛星火"},
		{TraditionalToSimplified, "ASCII stays: **問**:{#t-2011} 2023-05-08", "ASCII stays: **问**:{#t-2011} 2023-05-08"},
	}
	for _, tt := range tests {
		c, err := Load(tt.conv)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Convert(tt.in); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.conv, tt.in, got, tt.want)
		}
	}
}

func TestKeep(t *testing.T) {
	c, _ := Load(TraditionalToSimplified)
	if got := c.ConvertKeeping("訊飛星火的軟體", []string{"訊飛星火"}); got != "訊飛星火的软件" {
		t.Errorf("got %q", got)
	}
}

// TestSameAsOpenCC: the output is the library's, on real text.
func TestSameAsOpenCC(t *testing.T) {
	files, _ := filepath.Glob("../convert/testdata/hostile/*.txt")
	files = append(files, "../../raw/000_d21f18bab95616ed.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, conv := range []string{TraditionalToSimplified, SimplifiedToTraditional} {
			c, _ := Load(conv)
			if got, want := c.Convert(string(b)), library(t, conv, string(b)); got != want {
				t.Errorf("%s on %s differs from OpenCC", conv, filepath.Base(f))
			}
		}
	}
}

func FuzzSameAsOpenCC(f *testing.F) {
	f.Add("軟體資訊網路", true)
	f.Add("软件信息网络", false)
	f.Fuzz(func(t *testing.T, s string, toSimplified bool) {
		if !utf8.ValidString(s) {
			return
		}
		conv := SimplifiedToTraditional
		if toSimplified {
			conv = TraditionalToSimplified
		}
		c, _ := Load(conv)
		if got, want := c.Convert(s), library(t, conv, s); got != want {
			t.Fatalf("%s(%q) = %q, OpenCC gives %q", conv, s, got, want)
		}
	})
}

func BenchmarkConvert(b *testing.B) {
	raw, _ := os.ReadFile("../../raw/000_d21f18bab95616ed.txt")
	s := string(raw)
	b.Run("zhconv", func(b *testing.B) {
		c, _ := Load(TraditionalToSimplified)
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			c.Convert(s)
		}
	})
	b.Run("opencc", func(b *testing.B) {
		cc, _ := opencc.New(TraditionalToSimplified)
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			cc.Convert(s)
		}
	})
}
