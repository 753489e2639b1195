package site

import (
	"path/filepath"
	"regexp"
	"testing"

	"golang.org/x/net/html"
)

// halfInHan is half-width punctuation standing in Chinese: after or before
// a Han character.
var halfInHan = regexp.MustCompile(`\p{Han}\s*[,:;?!()]|[,:;?!()]\s*\p{Han}`)

// TestSamplePunctuation: the sample's scrape left 212 , 22 : 13 ? and 7 ()
// between Chinese characters; its pages set them full-width — title, body,
// speaker labels, the theme's own strings — in both scripts.
func TestSamplePunctuation(t *testing.T) {
	for _, path := range []string{"posts/" + sampleSlug + "/index.html", "zh-hans/posts/" + sampleSlug + "/index.html"} {
		p := load(t, filepath.FromSlash(path))
		article := First(p.Root, func(n *html.Node) bool { return n.Data == "article" })
		if article == nil {
			t.Fatalf("%s: no article", path)
		}
		text := Text(article)
		if m := halfInHan.FindAllString(text, -1); len(m) > 0 {
			t.Errorf("%s: %d half-width marks in Chinese, e.g. %q", path, len(m), m[:min(len(m), 5)])
		}
		if full := regexp.MustCompile(`[，：？（）]`).FindAllString(text, -1); len(full) < 200 {
			t.Errorf("%s: only %d full-width marks: is the page typeset?", path, len(full))
		}
	}
}
