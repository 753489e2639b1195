package search

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/sync/errgroup"
)

// Record is one article as the index holds it.
type Record struct {
	URL   string `json:"url"`   // from the site's root, as Pagefind joins it to its base: /posts/x/
	Lang  string `json:"lang"`  // the page's <html lang>, lower case: its bundle is pagefind/<lang>/
	Title string `json:"title"` // the article's <h1>
	Date  string `json:"date"`  // the datetime of its data-pagefind-meta="date" element
	Text  string `json:"text"`  // what a reader reads, one block a line, without the title
	// Alt is where the page is in each language, x-default included (its
	// head's rel=alternate links, lower-case hreflang → href), so twins meet.
	Alt map[string]string `json:"alt,omitempty"`
}

// Read returns the records of every page under public that marks its
// article with data-pagefind-body, leaving out what sits under
// data-pagefind-ignore (contents, speakers, the timeline, provenance): the
// markup contract Pagefind itself reads, so a hand-written layout keeps
// working. Pages are in path order; pagefind/ is skipped. Pages are parsed
// on every CPU: at 2,000 articles reading was a fifth of the search step.
func Read(public string) ([]Record, error) {
	var paths []string
	err := filepath.WalkDir(public, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != public && d.Name() == "pagefind" {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".html") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	recs := make([]Record, len(paths))
	found := make([]bool, len(paths))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, path := range paths {
		g.Go(func() error {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if !bytes.Contains(b, []byte("data-pagefind-body")) {
				return nil
			}
			rel, _ := filepath.Rel(public, path)
			r, ok, err := record(b, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
			if err != nil {
				return &fs.PathError{Op: "read", Path: path, Err: err}
			}
			recs[i], found[i] = r, ok
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var out []Record
	for i, r := range recs {
		if found[i] {
			out = append(out, r)
		}
	}
	return out, nil
}

// record reads one page.
func record(b []byte, url string) (Record, bool, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Record{}, false, err
	}
	r := Record{URL: url}
	var body *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Html {
				r.Lang = strings.ToLower(attr(n, "lang"))
			}
			if n.DataAtom == atom.Link && attr(n, "rel") == "alternate" && attr(n, "hreflang") != "" {
				if r.Alt == nil {
					r.Alt = map[string]string{}
				}
				r.Alt[strings.ToLower(attr(n, "hreflang"))] = attr(n, "href")
			}
			if has(n, "data-pagefind-body") && body == nil {
				body = n
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if body == nil {
		return r, false, nil
	}
	var date func(*html.Node)
	date = func(n *html.Node) {
		if n.Type == html.ElementNode && attr(n, "data-pagefind-meta") == "date" && r.Date == "" {
			r.Date = attr(n, "datetime")
		}
		for c := n.FirstChild; c != nil && r.Date == ""; c = c.NextSibling {
			date(c)
		}
	}
	date(body)
	var text strings.Builder
	var block func(*html.Node)
	block = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
			return
		}
		if n.Type != html.ElementNode {
			return
		}
		if has(n, "data-pagefind-ignore") || n.DataAtom == atom.Script || n.DataAtom == atom.Style {
			return
		}
		if n.DataAtom == atom.H1 && r.Title == "" {
			r.Title = strings.TrimSpace(Text(n))
			return
		}
		if n.DataAtom == atom.Br {
			text.WriteByte('\n')
			return
		}
		br := isBlock(n.DataAtom)
		if br {
			text.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			block(c)
		}
		if br {
			text.WriteByte('\n')
		}
	}
	block(body)
	var lines []string
	for l := range strings.SplitSeq(text.String(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	r.Text = strings.Join(lines, "\n")
	return r, true, nil
}

// isBlock reports whether a element starts a line of its own in the text.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Figcaption, atom.Td, atom.Th, atom.Tr, atom.Div,
		atom.Section, atom.Header, atom.Footer, atom.Ol, atom.Ul, atom.Dl, atom.Table, atom.Figure, atom.Hr:
		return true
	}
	return false
}

// Text is the text of n and everything under it, as written (nil: "").
func Text(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	if n != nil {
		f(n)
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func has(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
