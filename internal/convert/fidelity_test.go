package convert

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmparser "github.com/yuin/goldmark/parser"
	"golang.org/x/net/html"
)

// The fast fidelity check renders a bundle's Markdown with goldmark directly,
// every extension a Hugo site may turn on enabled — typographer and linkify
// included, which Jishi's own config turns off — and compares the text of
// the page with the Document character for character (modulo whitespace).
// The real-Hugo check is in internal/site.

var strict = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote, extension.Typographer, extension.CJK),
	goldmark.WithParserOptions(gmparser.WithAttribute(), gmparser.WithAutoHeadingID()),
)

// Lines the renderer writes itself start with an unescaped { — a block
// attribute list or a shortcode — since raw text's { is always escaped.
var (
	ownLine  = regexp.MustCompile(`(?m)^\{[^\n]*\}\n`)
	codeLine = regexp.MustCompile("(?m)^\\{\\{< jishi-code (?:`([^`]*)`|b64=\"([^\"]*)\") >\\}\\}\n")
)

// renderBody renders the Markdown body of a bundle file as the fast check sees it.
func renderBody(t *testing.T, file []byte) *html.Node {
	t.Helper()
	parts := strings.SplitN(string(file), "+++\n", 3)
	if len(parts) != 3 {
		t.Fatalf("no front matter in %q", file)
	}
	body := codeLine.ReplaceAllStringFunc(parts[2], func(m string) string {
		sm := codeLine.FindStringSubmatch(m)
		code := sm[1]
		if sm[2] != "" {
			b, _ := base64.StdEncoding.DecodeString(sm[2])
			code = string(b)
		}
		f := fence(code)
		return f + "\n" + code + "\n" + f + "\n"
	})
	body = ownLine.ReplaceAllString(body, "")
	var buf bytes.Buffer
	if err := strict.Convert([]byte(body), &buf); err != nil {
		t.Fatal(err)
	}
	n, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// pageText is the visible text of a rendered body and the elements in it.
func pageText(n *html.Node) (string, map[string]int) {
	var sb strings.Builder
	tags := map[string]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
		case html.ElementNode:
			tags[n.Data]++
		case html.CommentNode:
			sb.WriteString("<!--" + n.Data + "-->") // goldmark's "raw HTML omitted" would land here
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return string(visible(sb.String())), tags
}

// allowedTags are the only elements a converted body may produce.
var allowedTags = map[string]bool{
	"html": true, "head": true, "body": true, "p": true, "h2": true, "ol": true, "ul": true, "li": true,
	"strong": true, "blockquote": true, "pre": true, "code": true, "br": true,
}

func checkFidelity(t *testing.T, name string, raw []byte) {
	t.Helper()
	doc, err := Convert(name, raw, DefaultOptions())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// The page shows the Document's text exactly, or typeset: the same
	// characters with Chinese punctuation set full-width.
	for _, typeset := range []bool{false, true} {
		b := Render(doc, RenderOptions{Slug: "s", Typeset: typeset})
		got, tags := pageText(renderBody(t, b.Files[0].Data))
		shown := doc
		if typeset {
			shown = doc.Typeset()
		}
		if want := string(visible(shown.Shown())); got != want {
			i := 0
			g, w := []rune(got), []rune(want)
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s (typeset %v): page text differs from the document at rune %d:\n page %q\n  doc %q", name, typeset, i, string(g[i:min(len(g), i+40)]), string(w[i:min(len(w), i+40)]))
		}
		for tag, n := range tags {
			if !allowedTags[tag] {
				t.Errorf("%s: %d <%s> element(s) the text did not have", name, n, tag)
			}
		}
	}
}

func TestFidelityHostile(t *testing.T) {
	files, _ := filepath.Glob("testdata/hostile/*.txt")
	if len(files) < 2 {
		t.Fatal("no hostile corpus")
	}
	for _, f := range append(files, sample) {
		checkFidelity(t, filepath.Base(f), mustRead(t, f))
	}
}

// TestFidelityShapes: the page shows every character of shapes whose text
// the converter reshapes — a numbered label's number, joined cut lines,
// Markdown's marks taken off.
func TestFidelityShapes(t *testing.T) {
	for name, text := range map[string]string{
		"numbered.txt": head + "我們訪問了設計師吳佳穎。\n\nQ1：為什麼選這個顏色？\n\nA1：因為它像海。\n\nQ2：下一件作品呢？\n\nA2：還在想。\n",
		"wrapped.txt":  head + hardWrap(40, "", "清晨的河堤上有人慢跑，有人遛狗，還有一群老人在練太極拳。", "The market opened at seven and closed well after dark, with a hundred stalls.", "河堤另一頭的工地從七點開始施工，怪手的聲音一直持續到傍晚。"),
		"markdown.txt": head + "# 起源\n\n第一段。\n\n> 引用的一句話，\n> 分成兩行。\n\n---\n\n## 用法\n\n```\nx := 1\n```\n",
	} {
		checkFidelity(t, name, []byte(text))
	}
}

// TestFidelityCorpus runs the fast check over a generated corpus (JISHI_CORPUS).
func TestFidelityCorpus(t *testing.T) {
	dir := os.Getenv("JISHI_CORPUS")
	if dir == "" {
		t.Skip("JISHI_CORPUS is not set")
	}
	files := corpusFiles(t, dir)
	for _, f := range files {
		checkFidelity(t, filepath.Base(f), mustRead(t, f))
	}
}
