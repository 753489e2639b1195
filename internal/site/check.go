package site

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"

	"github.com/jishi/jishi/internal/search"
	"github.com/jishi/jishi/internal/sitebuild"
)

// Serve serves a built site on 127.0.0.1 as a static host does: the
// headers of its _headers file (Netlify and Cloudflare Pages read the same),
// gzip, and 404.html for missing pages. It returns the base URL and a stop
// function.
func Serve(dir string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	rules, err := ReadHeaders(filepath.Join(dir, "_headers"))
	if err != nil {
		return "", nil, err
	}
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{Handler: gzipped(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rule := range rules {
			if rule.Match(r.URL.Path) {
				for _, h := range rule.Headers {
					w.Header().Set(h[0], h[1])
				}
			}
		}
		p := filepath.Join(dir, filepath.FromSlash(path.Clean(r.URL.Path)))
		if st, err := os.Stat(p); err != nil || st.IsDir() && !exists(filepath.Join(p, "index.html")) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	}))}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// IndexSearch writes a built site's search index (internal/search) when the repository has Pagefind
// installed (npm ci); it reports whether it did.
func IndexSearch(dir string) (bool, error) {
	if !sitebuild.Pagefind(Root()) {
		return false, nil
	}
	if _, _, err := search.Index(context.Background(), Root(), dir, os.Stderr); err != nil {
		return false, err
	}
	return true, nil
}

// BrokenLinks walks every HTML page under dir and returns each internal
// link, stylesheet, script or image whose target file or #anchor is missing.
// siteURL is the site's own absolute base (its baseURL), treated as internal;
// a site built under a path (https://example.org/sub/) must keep every link
// inside that path.
func BrokenLinks(dir, siteURL string) ([]string, error) {
	prefix := "/"
	if u, err := url.Parse(siteURL); err == nil && u.Path != "" {
		prefix = u.Path
	}
	ids := map[string]map[string]bool{} // page file → its ids, read once
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		if p, err := Load(file); err == nil {
			for _, n := range All(p.Root, Has("id")) {
				m[Attr(n, "id")] = true
			}
			for _, n := range All(p.Root, func(n *html.Node) bool { return n.Data == "a" && Attr(n, "name") != "" }) {
				m[Attr(n, "name")] = true
			}
		}
		ids[file] = m
		return m
	}
	var broken []string
	err := EachPage(dir, func(file string, p *Page) error {
		rel, _ := filepath.Rel(dir, file)
		pageURL := "/" + filepath.ToSlash(rel)
		for _, n := range All(p.Root, func(n *html.Node) bool { return true }) {
			var ref string
			switch n.Data {
			case "a", "link":
				ref = Attr(n, "href")
				if n.Data == "link" && (Attr(n, "rel") == "canonical" || Attr(n, "rel") == "alternate") {
					ref = "" // absolute URLs of the published site, checked by their own tests
				}
			case "script", "img", "source", "iframe":
				ref = Attr(n, "src")
			}
			if ref == "" || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "data:") {
				continue
			}
			if siteURL != "" && strings.HasPrefix(ref, siteURL) {
				ref = prefix + strings.TrimPrefix(ref, siteURL)
			}
			u, err := url.Parse(ref)
			if err != nil {
				broken = append(broken, fmt.Sprintf("%s: unparsable link %q", pageURL, ref))
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // another site
			}
			target := file
			if u.Path != "" {
				abs := u.Path
				if strings.HasPrefix(abs, "/") {
					inside, ok := strings.CutPrefix(abs, prefix)
					if !ok {
						broken = append(broken, fmt.Sprintf("%s: %s is outside the site's path %s", pageURL, ref, prefix))
						continue
					}
					abs = "/" + inside
				} else {
					abs = path.Join(path.Dir(pageURL), abs)
				}
				t := filepath.Join(dir, filepath.FromSlash(abs))
				if st, err := os.Stat(t); err == nil && st.IsDir() {
					t = filepath.Join(t, "index.html")
				}
				if !exists(t) {
					broken = append(broken, fmt.Sprintf("%s: %s does not exist", pageURL, ref))
					continue
				}
				target = t
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[u.Fragment] {
				broken = append(broken, fmt.Sprintf("%s: %s has no #%s", pageURL, ref, u.Fragment))
			}
		}
		return nil
	})
	return broken, err
}

// HeaderRule is one block of a _headers file: a path pattern (* matches
// anything) and the headers for the paths it matches.
type HeaderRule struct {
	Pattern string
	Headers [][2]string
}

// Match reports whether the rule's pattern matches a URL path.
func (r HeaderRule) Match(p string) bool {
	ok, _ := path.Match(r.Pattern, p)
	if prefix, found := strings.CutSuffix(r.Pattern, "*"); found && strings.HasPrefix(p, prefix) {
		return true
	}
	return ok || r.Pattern == p
}

// ReadHeaders parses a _headers file; a missing file has no rules.
func ReadHeaders(file string) ([]HeaderRule, error) {
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var rules []HeaderRule
	for i, line := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			rules = append(rules, HeaderRule{Pattern: trimmed})
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok || len(rules) == 0 {
				return nil, fmt.Errorf("%s:%d: %q is not a header of a path", file, i+1, trimmed)
			}
			rules[len(rules)-1].Headers = append(rules[len(rules)-1].Headers, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return rules, nil
}

// gzipped compresses responses for clients that accept it, as hosts do.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		h.ServeHTTP(gzipWriter{ResponseWriter: w, w: gz}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	w io.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) {
	g.ResponseWriter.Header().Del("Content-Length")
	return g.w.Write(b)
}

func (g gzipWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}
