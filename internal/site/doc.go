// Package site builds the Jishi site with the Hugo pinned in go.mod and reads
// the pages back, for tests of the theme and of what the converter writes.
package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/jishi/jishi/internal/batch"
	"github.com/jishi/jishi/internal/convert"
	"github.com/jishi/jishi/internal/search"
	"github.com/jishi/jishi/internal/sitebuild"
	"golang.org/x/net/html"
)

// Root is the repository root, found from this package's directory.
func Root() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// Build builds the site at src into dest with the Hugo the repository pins,
// minified, with extra flags, and returns Hugo's output.
func Build(src, dest string, flags ...string) (string, error) {
	h, err := Hugo()
	if err != nil {
		return "", err
	}
	return h.Build(src, dest, flags...)
}

// Hugo is the Hugo the repository pins, found once for all the tests.
var Hugo = sync.OnceValues(func() (sitebuild.Hugo, error) { return sitebuild.FindHugo(Root()) })

// Page is a parsed HTML page.
type Page struct {
	Path string
	Root *html.Node
}

// Load parses the HTML file at path.
func Load(path string) (*Page, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	n, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return &Page{Path: path, Root: n}, nil
}

// EachPage loads every HTML page under dir and calls fn with its path.
func EachPage(dir string, fn func(path string, p *Page) error) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		p, err := Load(path)
		if err != nil {
			return err
		}
		return fn(path, p)
	})
}

// All returns the elements under n, in document order, for which match is true.
func All(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// First returns the first element matching, or nil.
func First(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := All(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

// Tag matches elements by tag name.
func Tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

// Class matches elements carrying the class c.
func Class(c string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		for _, f := range strings.Fields(Attr(n, "class")) {
			if f == c {
				return true
			}
		}
		return false
	}
}

// Has matches elements that carry the attribute a.
func Has(a string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		_, ok := AttrOK(n, a)
		return ok
	}
}

// Attr returns the value of attribute a, or "".
func Attr(n *html.Node, a string) string {
	v, _ := AttrOK(n, a)
	return v
}

// AttrOK returns the value of attribute a and whether it is there.
func AttrOK(n *html.Node, a string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, at := range n.Attr {
		if at.Key == a {
			return at.Val, true
		}
	}
	return "", false
}

// Text is the text content of n: what search reads (search.Text).
func Text(n *html.Node) string { return search.Text(n) }

// ConvertInto converts the .txt files of dir into site/content/<section>
// and returns their Documents, each with the Slug its bundle got.
func ConvertInto(site, section, dir string) ([]*convert.Document, error) {
	files, err := batch.Inputs([]string{dir})
	if err != nil {
		return nil, err
	}
	cfg := batch.Config{Out: filepath.Join(site, "content"), Section: section, Options: convert.DefaultOptions()}
	results, err := batch.Run(cfg, files, nil)
	if err != nil {
		return nil, err
	}
	var docs []*convert.Document
	for i, r := range results {
		if r.Status == batch.StatusFailed {
			return nil, fmt.Errorf("%s: %s", r.Source, r.Reason)
		}
		raw, err := os.ReadFile(files[i])
		if err != nil {
			return nil, err
		}
		doc, err := convert.Convert(filepath.Base(files[i]), raw, cfg.Options)
		if err != nil {
			return nil, err
		}
		doc.Slug = r.Dir[strings.LastIndexByte(r.Dir, '/')+1:]
		docs = append(docs, doc)
	}
	return docs, nil
}
