// Package site builds the Jishi site with the Hugo pinned in go.mod and reads
// the pages back, for tests of the theme and of what the converter writes.
package site

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

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

// Build runs `go tool hugo` on the site at src into dest with extra flags,
// and returns Hugo's output.
func Build(src, dest string, flags ...string) (string, error) {
	args := append([]string{"tool", "hugo", "--source", src, "--destination", dest, "--minify", "--cleanDestinationDir"}, flags...)
	cmd := exec.Command("go", args...)
	cmd.Dir = Root()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("hugo: %v\n%s", err, out)
	}
	return string(out), nil
}

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

// Text is the text content of n.
func Text(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return sb.String()
}
