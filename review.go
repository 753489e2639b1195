package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jishi/jishi/internal/batch"
	"github.com/jishi/jishi/internal/convert"
	"github.com/jishi/jishi/internal/review"
)

// defaultReviewPort is where `serve` shows the review page, on 127.0.0.1.
const defaultReviewPort = 1314

// serveReview serves the review page of raw/ until ctx ends; each request
// reads the raw files again, so the page is as fresh as the inbox.
func serveReview(ctx context.Context, port, sitePort int, stdout, stderr io.Writer) {
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "jishi: review page not served: %v\n", err)
		return
	}
	site := "http://127.0.0.1:" + strconv.Itoa(sitePort) + "/"
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
		case "/review.css":
			w.Header().Set("Content-Type", "text/css; charset=utf-8")
			w.Write(review.CSS)
			return
		default:
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		toml, _ := os.ReadFile(configFile) // none: every setting shows its default
		w.Write(review.Render(reviewItems(defaultRaw, defaultOut, site, toml), review.Settings(toml)))
	})}
	go func() { <-ctx.Done(); srv.Close() }()
	fmt.Fprintf(stdout, "jishi: the converter's guesses, to check: http://%s/\n", addr)
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "jishi: review page: %v\n", err)
	}
}

// reviewItems converts every raw file again, in memory, for the review page.
func reviewItems(rawDir, out, site string, toml []byte) []review.Item {
	files, err := batch.Inputs([]string{rawDir})
	if err != nil {
		return []review.Item{{Source: rawDir, Reason: err.Error()}}
	}
	opt, _, err := convert.ParseConfig(configFile, toml)
	if err != nil {
		return []review.Item{{Source: configFile, Reason: err.Error()}}
	}
	man, _ := batch.LoadManifest(out)
	var items []review.Item
	for _, f := range files {
		it := review.Item{Source: f}
		raw, err := os.ReadFile(f)
		if err == nil {
			var text string
			it.Doc, text, err = convert.ConvertText(filepath.Base(f), raw, opt)
			it.Lines = strings.Split(text, "\n")
		}
		if err != nil {
			it.Reason = err.Error()
		}
		if man != nil {
			if e := man.Sources[filepath.Base(f)]; e != nil {
				it.PageURL = site + e.Dir + "/"
			}
		}
		items = append(items, it)
	}
	return items
}

// takeIntFlag removes --name N or --name=N from args and returns N, or def.
func takeIntFlag(args []string, name string, def int) ([]string, int) {
	var rest []string
	v := def
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == name && i+1 < len(args):
			if n, err := strconv.Atoi(args[i+1]); err == nil {
				v = n
			}
			i++
		case strings.HasPrefix(a, name+"="):
			if n, err := strconv.Atoi(strings.TrimPrefix(a, name+"=")); err == nil {
				v = n
			}
		default:
			rest = append(rest, a)
		}
	}
	return rest, v
}
