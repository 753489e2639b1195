package batch

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jishi/jishi/internal/convert"
)

// The site's /timeline/, sorted here once instead of by Hugo at every build
// (see convert.BuildSiteTimeline), is written to data/jishi/timeline/ beside
// the content folder, a file per language. What each page file held is
// cached in content/.jishi/timeline.json with the file's size and time, so
// that a run that converts one article reads no other.

// tlEntry is one page file in the timeline cache.
type tlEntry struct {
	Stat fileStat `json:"stat"`
	// Page is nil when the page has no timeline the list can take (none,
	// or one the theme must check itself).
	Page *convert.PageTimeline `json:"page,omitempty"`
}

type tlCache map[string]*tlEntry // by content path, slash-separated

func tlCachePath(out string) string { return filepath.Join(out, ".jishi", "timeline.json") }

// SiteTimelineDir is where the site's timeline data goes for a content
// folder: data/jishi/timeline/ beside it, when it is a Hugo site's (its
// parent has a site configuration); "" for any other folder, where the
// converter writes nothing outside it.
func SiteTimelineDir(out string) string {
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
// read (by content path); every other file is taken from the cache while
// its size and time are as cached, else read again. A data file is only
// written when it changes.
func updateSiteTimeline(out string, man *Manifest, fresh map[string]*convert.PageTimeline, zone *time.Location) error {
	dir := SiteTimelineDir(out)
	if dir == "" {
		return nil
	}
	old := tlCache{}
	if b, err := os.ReadFile(tlCachePath(out)); err == nil {
		json.Unmarshal(b, &old) // a cache: unreadable is empty
	}
	cache := tlCache{}
	langs := map[string]map[string]convert.PageTimeline{}
	for _, e := range man.Sources {
		for name := range e.Files {
			path := e.Dir + "/" + name
			file := filepath.Join(out, filepath.FromSlash(path))
			st, ok := statOf(file)
			if !ok {
				continue // not on disk: not a page Hugo sees
			}
			ent := &tlEntry{Stat: st}
			if pt, ok := fresh[path]; ok {
				ent.Page = pt
			} else if c := old[path]; c != nil && c.Stat == st {
				ent.Page = c.Page
			} else {
				b, err := os.ReadFile(file)
				if err != nil {
					return err
				}
				if pt, ok := convert.ReadPageTimeline(b, zone); ok {
					ent.Page = &pt
				}
			}
			cache[path] = ent
			if ent.Page != nil {
				lang := langOfPage(name)
				if langs[lang] == nil {
					langs[lang] = map[string]convert.PageTimeline{}
				}
				langs[lang][path] = *ent.Page
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for lang, pages := range langs {
		b, err := json.Marshal(convert.BuildSiteTimeline(pages))
		if err != nil {
			return err
		}
		path := filepath.Join(dir, lang+".json")
		if !unchanged(path, b) {
			if err := replaceFile(path, b, false); err != nil {
				return err
			}
		}
	}
	// A language whose pages are gone leaves no list behind.
	stale, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, f := range stale {
		if langs[strings.TrimSuffix(filepath.Base(f), ".json")] == nil {
			os.Remove(f)
		}
	}
	b, err := json.Marshal(cache)
	if err != nil {
		return err
	}
	if !unchanged(tlCachePath(out), b) {
		return replaceFile(tlCachePath(out), b, false)
	}
	return nil
}

// siteTimelineStale reports whether a run that stored nothing must still
// write the timeline data: it or its cache is missing.
func siteTimelineStale(out string) bool {
	dir := SiteTimelineDir(out)
	if dir == "" {
		return false
	}
	if !exists(tlCachePath(out)) {
		return true
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	return len(m) == 0
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
