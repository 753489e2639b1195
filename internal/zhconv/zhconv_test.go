package zhconv

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jishi/jishi/internal/zhconv/occ"
)

// TestConversions: what a twin must and must not do, in each mode.
func TestConversions(t *testing.T) {
	tests := []struct{ conv, in, want string }{
		// Hardware vocabulary stays hardware (OpenCC 1.1.7's stale pair made it 皮肤).
		{TraditionalToSimplifiedPhrases, "控制面板和液晶面板", "控制面板和液晶面板"},
		{TraditionalToSimplified, "控制面板和液晶面板", "控制面板和液晶面板"},
		{SimplifiedToTraditionalPhrases, "皮肤科医生", "皮膚科醫生"},
		{SimplifiedToTraditional, "皮肤科医生", "皮膚科醫生"},
		// No step matches across 电视|频道, in every mode.
		{SimplifiedToTraditional, "电视频道", "電視頻道"},
		{SimplifiedToTraditionalPhrases, "电视频道", "電視頻道"},
		{TraditionalToSimplified, "電視頻道", "电视频道"},
		{TraditionalToSimplifiedPhrases, "電視頻道", "电视频道"},
		// The default twin changes the script, not the words.
		{SimplifiedToTraditional, "医生在患者局部注射后扩展了观察范围,对象是术后病人,医院发表了声明。",
			"醫生在患者局部注射後擴展了觀察範圍,對象是術後病人,醫院發表了聲明。"},
		{SimplifiedToTraditional, "参考消息报道了这款软件。", "參考消息報道了這款軟件。"},
		{TraditionalToSimplified, "這款軟體用了很多記憶體。", "这款软体用了很多记忆体。"},
		// Vocabulary localisation, when a site asks for it.
		{TraditionalToSimplifiedPhrases, "這款軟體用了很多記憶體。", "这款软件用了很多内存。"},
		{SimplifiedToTraditionalPhrases, "这款软件用了很多内存。", "這款軟體用了很多記憶體。"},
		// Compatibility ideographs are normalised first, as OpenCC does.
		{TraditionalToSimplified, "\uF900", "岂"},
		// Markup and ASCII pass through.
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
	c, _ := Load(TraditionalToSimplifiedPhrases)
	if got := c.ConvertKeeping("訊飛星火的軟體", []string{"訊飛星火"}); got != "訊飛星火的软件" {
		t.Errorf("got %q", got)
	}
}

func TestName(t *testing.T) {
	c, _ := Load(TraditionalToSimplified)
	if c.Name() != "OpenCC "+DataVersion+" tw2s" || DataVersion == "" {
		t.Errorf("name %q", c.Name())
	}
}

// plain is the conversion exactly as OpenCC's data and rule make it, without
// Jishi's correction (data/jishi-whole.tsv).
func plain(t testing.TB, name string) *occ.Converter {
	cfg, err := data.ReadFile("data/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	c, err := occ.Load(name, cfg, loadDict, false)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// jsLocales are opencc-js's names for the conversions.
var jsLocales = map[string][2]string{
	TraditionalToSimplified:        {"tw", "cn"},
	TraditionalToSimplifiedPhrases: {"twp", "cn"},
	SimplifiedToTraditional:        {"cn", "tw"},
	SimplifiedToTraditionalPhrases: {"cn", "twp"},
}

// TestSameAsOpenCCJS converts a corpus with each conversion here and with
// opencc-js (an independent implementation of the same OpenCC data
// version, installed by npm ci) and compares them line by line. The corpus
// is the sample and the hostile texts, every key of the regional and
// Traditional phrase tables, and every tenth key of STPhrases.
func TestSameAsOpenCCJS(t *testing.T) {
	root, _ := filepath.Abs("../..")
	js := filepath.Join(root, "node_modules", "opencc-js")
	node, err := exec.LookPath("node")
	if err != nil || !exists(js) {
		msg := "opencc-js or node is not installed (npm ci): differential test against OpenCC skipped"
		if os.Getenv("JISHI_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if v := jsVersion(t, js); v != DataVersion {
		t.Fatalf("opencc-js %s, tables from OpenCC %s: compare the same data version", v, DataVersion)
	}
	lines := corpus(t)
	script := filepath.Join(t.TempDir(), "convert.mjs")
	os.WriteFile(script, []byte(`import * as OpenCC from '`+filepath.ToSlash(filepath.Join(js, "dist/esm/full.js"))+`';
import { readFileSync } from 'node:fs';
const [from, to, file] = process.argv.slice(2);
const c = OpenCC.Converter({ from, to });
process.stdout.write(readFileSync(file, 'utf8').split('\n').map(c).join('\n'));
`), 0o644)
	in := filepath.Join(t.TempDir(), "in.txt")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")), 0o644)
	for _, conv := range []string{TraditionalToSimplified, TraditionalToSimplifiedPhrases, SimplifiedToTraditional, SimplifiedToTraditionalPhrases} {
		t.Run(conv, func(t *testing.T) {
			loc := jsLocales[conv]
			out, err := exec.Command(node, script, loc[0], loc[1], in).Output()
			if err != nil {
				t.Fatalf("opencc-js: %v", err)
			}
			want := strings.Split(string(out), "\n")
			if len(want) != len(lines) {
				t.Fatalf("opencc-js gave %d lines for %d", len(want), len(lines))
			}
			c := plain(t, conv)
			bad := 0
			for i, l := range lines {
				if got := c.Convert(l); got != want[i] {
					if bad++; bad <= 10 {
						t.Errorf("%s(%q) = %q, opencc-js gives %q", conv, l, got, want[i])
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d lines differ", bad, len(lines))
			}
			t.Logf("%d lines the same as opencc-js", len(lines))
		})
	}
}

func corpus(t *testing.T) []string {
	var lines []string
	files, _ := filepath.Glob("../convert/testdata/hostile/*.txt")
	files = append(files, "../../raw/000_d21f18bab95616ed.txt", "../site/testdata/anchors/every-kind.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(strings.ReplaceAll(string(b), "\r", ""), "\n")...)
	}
	for _, name := range []string{"TWPhrases", "TWPhrasesRev", "TSPhrases", "TWVariantsRevPhrases", "STPhrases_GeneratedFromRegionalPhrases", "STPhrases"} {
		f, _ := data.Open("data/" + name + ".tsv")
		sc := bufio.NewScanner(f)
		for i := 0; sc.Scan(); i++ {
			if name == "STPhrases" && i%10 != 0 {
				continue
			}
			k, _, _ := strings.Cut(sc.Text(), "\t")
			lines = append(lines, k, k+"的"+k)
		}
		f.Close()
	}
	return lines
}

func jsVersion(t *testing.T, dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte(`"version": "`))
	if i < 0 {
		t.Fatal("opencc-js has no version")
	}
	rest := b[i+len(`"version": "`):]
	return string(rest[:bytes.IndexByte(rest, '"')])
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func BenchmarkConvert(b *testing.B) {
	raw, _ := os.ReadFile("../../raw/000_d21f18bab95616ed.txt")
	s := string(raw)
	for _, conv := range []string{TraditionalToSimplified, TraditionalToSimplifiedPhrases} {
		b.Run(conv, func(b *testing.B) {
			c, _ := Load(conv)
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				c.Convert(s)
			}
		})
	}
}
