package batch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jishi/jishi/internal/convert"
)

// The site's /timeline/, sorted here once instead of by Hugo at every build
// (see convert.BuildSiteTimeline), is written to data/jishi/timeline/ beside
// the content folder, a file per language. The files are their own cache:
// a run that stores some bundles takes every other page's events from
// them (its bundle is as the converter left it, or the run would have
// looked at it), so that converting one article reads no other.

// siteTimelineDir is where the site's timeline data goes for a content
// folder: data/jishi/timeline/ beside it, when it is a Hugo site's (its
// parent has a site configuration); "" for any other folder, where the
// converter writes nothing outside it.
func siteTimelineDir(out string) string {
	root := filepath.Dir(filepath.Clean(out))
	for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json", "config"} {
		if exists(filepath.Join(root, name)) {
			return filepath.Join(root, "data", "jishi", "timeline")
		}
	}
	return ""
}

// langOfPage is a page file's language as the data file names it:
// "default" for index.md, the suffix of index.zh-hans.md.
func langOfPage(name string) string {
	parts := strings.Split(name, ".")
	if len(parts) == 3 {
		return parts[1]
	}
	return "default"
}

// updateSiteTimeline writes the site's timeline data for every page of the
// manifest: fresh holds the timelines of the page files this run wrote or
// read (by content path; nil for a page the list cannot take); every other
// page is taken from the data as it stands, or, when the data is missing
// or unreadable, read from its file. A data file is only written when it
// changes.
func updateSiteTimeline(out string, man *Manifest, fresh map[string]*convert.PageTimeline, zone *time.Location) error {
	dir := siteTimelineDir(out)
	if dir == "" {
		return nil
	}
	known := map[string]convert.PageTimeline{}
	old, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	whole := len(old) > 0
	for _, f := range old {
		var st convert.SiteTimeline
		b, err := os.ReadFile(f)
		if err == nil {
			err = json.Unmarshal(b, &st)
		}
		pages, ok := st.PageTimelines()
		if err != nil || !ok {
			whole = false
			continue
		}
		maps.Copy(known, pages)
	}
	langs := map[string]map[string]convert.PageTimeline{}
	for _, e := range man.Sources {
		for name := range e.Files {
			path := e.Dir + "/" + name
			var pt *convert.PageTimeline
			if f, ok := fresh[path]; ok {
				pt = f
			} else if k, ok := known[path]; ok {
				pt = &k
			} else if !whole {
				b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path)))
				if err != nil {
					continue // not on disk: not a page Hugo sees
				}
				if r, ok := convert.ReadPageTimeline(b, zone); ok {
					pt = &r
				}
			}
			if pt == nil {
				continue
			}
			lang := langOfPage(name)
			if langs[lang] == nil {
				langs[lang] = map[string]convert.PageTimeline{}
			}
			langs[lang][path] = *pt
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for lang, pages := range langs {
		// Not escaped for HTML: the list's rows are HTML, six bytes for
		// every < otherwise, in a file Hugo reads at every build.
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(convert.BuildSiteTimeline(pages)); err != nil {
			return err
		}
		b := buf.Bytes()
		path := filepath.Join(dir, lang+".json")
		if !unchanged(path, b) {
			if err := replaceFile(path, b, false); err != nil {
				return err
			}
		}
	}
	// A language whose pages are gone leaves no list behind.
	for _, f := range old {
		if langs[strings.TrimSuffix(filepath.Base(f), ".json")] == nil {
			os.Remove(f)
		}
	}
	return nil
}

// siteTimelineStale reports whether a run that stored nothing must still
// write the timeline data: there is none, or an older converter wrote it.
func siteTimelineStale(out string) bool {
	dir := siteTimelineDir(out)
	if dir == "" {
		return false
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(m) == 0 {
		return true
	}
	f, err := os.Open(m[0])
	if err != nil {
		return true
	}
	defer f.Close()
	want := fmt.Sprintf(`{"format":%d,`, convert.SiteTimelineFormat)
	head := make([]byte, len(want))
	_, err = io.ReadFull(f, head)
	return err != nil || string(head) != want
}

// fileTimelines are the timelines of a stored bundle's files as they are
// now on disk, by content path: the converter's for what it wrote (or
// found equal), the author's own for a file left as the author edited it.
func fileTimelines(b convert.Bundle, entry *Entry, disk map[string][]byte, authors map[string]bool, zone *time.Location) map[string]*convert.PageTimeline {
	out := map[string]*convert.PageTimeline{}
	for _, f := range b.Files {
		if _, ok := entry.Files[f.Name]; !ok {
			continue // a twin the author turned off
		}
		path := b.Dir + "/" + f.Name
		if authors[f.Name] {
			out[path] = nil
			if pt, ok := convert.ReadPageTimeline(disk[f.Name], zone); ok {
				out[path] = &pt
			}
			continue
		}
		out[path] = f.Timeline
	}
	return out
}
