package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/jishi/jishi/internal/search"
	"github.com/jishi/jishi/internal/sitebuild"
)

// hugoCommand runs the site's Hugo (sitebuild.FindHugo) in the current
// folder, saying on stderr which one when it is not the pinned one.
func hugoCommand(ctx context.Context, stderr io.Writer, args ...string) (*exec.Cmd, error) {
	h, err := sitebuild.FindHugo(".")
	if err != nil {
		return nil, err
	}
	if !h.Pinned {
		fmt.Fprintf(stderr, "jishi: building with %s\n", h.Which)
	}
	return h.Command(ctx, args...), nil
}

// convertInbox converts raw/ when there is one; a site without an inbox
// builds from content/ alone.
func convertInbox(stdout, stderr io.Writer) int {
	if _, err := os.Stat(defaultRaw); err != nil {
		return exitOK
	}
	return convertPaths([]string{defaultRaw}, convertFlags{out: defaultOut}, stdout, stderr)
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	if slices.Contains(args, "-h") || slices.Contains(args, "--help") {
		fmt.Fprint(stdout, `Usage: go run . build [HUGO FLAGS…]

Converts raw/ into content/, then builds the site into public/ with the
Hugo pinned in go.mod, minified. Flags go to Hugo unchanged.

Examples:
  go run . build
  go run . build --baseURL https://example.org/sub/ --destination /tmp/site
`)
		return exitOK
	}
	code := convertInbox(stdout, stderr)
	if code == exitUsage {
		return code
	}
	cmd, err := hugoCommand(context.Background(), stderr, append([]string{"--minify"}, args...)...)
	if err != nil {
		fmt.Fprintf(stderr, "jishi: %v\n", err)
		return exitFailed
	}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(stderr, "jishi: hugo: %v\n", err)
		return exitFailed
	}
	if err := indexSearch(destination(args), stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "jishi: pagefind: %v\n", err)
		return exitFailed
	}
	return code
}

// destination is where Hugo writes the site: --destination / -d, else public.
func destination(args []string) string {
	for i, a := range args {
		for _, f := range []string{"--destination", "-d"} {
			if a == f && i+1 < len(args) {
				return args[i+1]
			}
			if v, ok := strings.CutPrefix(a, f+"="); ok {
				return v
			}
		}
	}
	return "public"
}

// indexSearch writes the search index of the built site (internal/search),
// keeping the shards nothing changed in. Without Node and Pagefind the site
// is still built and one line says how to add search.
func indexSearch(site string, stdout, stderr io.Writer) error {
	if !sitebuild.Pagefind(".") {
		fmt.Fprintln(stdout, "search: skipped, Pagefind is not installed; run `npm ci` (Node 20 or later) and build again to add it")
		return nil
	}
	pages, fresh, err := search.Index(context.Background(), ".", site, stderr)
	if err != nil {
		return err
	}
	if fresh == pages {
		fmt.Fprintf(stdout, "search: indexed %d pages of %s\n", pages, site)
	} else {
		fmt.Fprintf(stdout, "search: indexed %d of %d pages of %s; the others' shards are unchanged and kept\n", fresh, pages, site)
	}
	return nil
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	if slices.Contains(args, "-h") || slices.Contains(args, "--help") {
		fmt.Fprint(stdout, `Usage: go run . serve [HUGO FLAGS…]

Converts raw/ into content/, then serves the site on http://127.0.0.1:1313/
with live reload. A new or changed .txt in raw/ is converted while the
server runs; its errors are printed and the server keeps going. The
converter's guesses for every raw file — title, date and byline with the
line each came from, removed lines, speakers, events — are on a review page
at http://127.0.0.1:1314/ (--review-port), on this machine only.

Examples:
  go run . serve
  go run . serve --port 8080 --review-port 8081
`)
		return exitOK
	}
	args, reviewPort := takeIntFlag(args, "--review-port", defaultReviewPort)
	_, sitePort := takeIntFlag(args, "--port", 1313)
	convertInbox(stdout, stderr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go watchInbox(ctx, defaultRaw, func() { convertInbox(stdout, stderr) })
	go serveReview(ctx, reviewPort, sitePort, stdout, stderr)
	hargs := append([]string{"server", "--bind", "127.0.0.1"}, args...)
	cmd, err := hugoCommand(ctx, stderr, hargs...)
	if err != nil {
		fmt.Fprintf(stderr, "jishi: %v\n", err)
		return exitFailed
	}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil && ctx.Err() == nil {
		fmt.Fprintf(stderr, "jishi: hugo server: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// watchInbox calls changed whenever a .txt file in dir appears or changes.
// Polling a folder of text files is cheap and works on every file system,
// network mounts and editors that replace files included.
func watchInbox(ctx context.Context, dir string, changed func()) {
	last := snapshot(dir)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			now := snapshot(dir)
			if now != last {
				last = now
				changed()
			}
		}
	}
}

// snapshot is a fingerprint of the .txt files in dir: names, sizes, times.
func snapshot(dir string) string {
	var sb strings.Builder
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprintf(&sb, "%s|%d|%d\n", path, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return sb.String()
}
