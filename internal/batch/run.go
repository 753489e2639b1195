// Package batch is the only code that touches the disk for a conversion: it
// finds the inputs, schedules decode → parse → enrich → render over them,
// and stores the bundles under content/ with a manifest, a stat cache and a
// lock, so that a run never loses a file or overwrites an author's edit.
package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/jishi/jishi/internal/convert"
	"github.com/jishi/jishi/internal/zhconv"
	"golang.org/x/sync/errgroup"
)

// Config is one conversion run.
type Config struct {
	Out     string // content folder
	Section string // section new bundles go to; convert.DefaultSection when empty
	Options convert.Options
	Store   StoreOptions
	Workers int // 0: GOMAXPROCS
}

// Result is what happened to one source file.
type Result struct {
	Source string `json:"source"` // the path as given
	Status string `json:"status"`
	Dir    string `json:"dir,omitempty"`
	Reason string `json:"reason,omitempty"`
	// Warnings are the converter's weak guesses about a file it converted.
	Warnings []string `json:"warnings,omitempty"`
	Changes  []Change `json:"-"`
}

// loaded is a source file after decode, parse and enrich (or its failure).
type loaded struct {
	doc       *convert.Document
	sha       string
	unchanged bool
	raw       fileStat   // the raw file's size and time, for the stat cache
	stats     *statEntry // for an unchanged source: its stats, to keep
	err       error
}

// Run converts the files: decode, parse and enrich in parallel, at most
// 8×Workers documents in memory; slugs in file order (so they are the same
// whatever the timing); render and store in parallel; then the manifest.
// It returns one Result per file, in order.
func Run(cfg Config, files []string, progress func(Result)) ([]Result, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Section == "" {
		cfg.Section = convert.DefaultSection
	}
	unlock, err := lock(cfg.Out, cfg.Store.DryRun)
	if err != nil {
		return nil, err
	}
	defer unlock()
	man, err := LoadManifest(cfg.Out)
	if err != nil {
		return nil, err
	}
	stats := loadStats(cfg.Out)
	taken := map[string]bool{}
	for _, e := range man.Sources {
		taken[e.Dir] = true
	}

	results := make([]Result, len(files))
	seen := map[string]int{}
	for i, f := range files {
		results[i].Source = f
		if j, dup := seen[filepath.Base(f)]; dup {
			results[i].Status, results[i].Reason = StatusFailed, "same file name as "+files[j]
		}
		seen[filepath.Base(f)] = i
	}

	// Parsing runs ahead of the slug assigner by at most `window` documents.
	window := make(chan struct{}, 8*cfg.Workers)
	ready := make([]chan loaded, len(files))
	for i := range ready {
		ready[i] = make(chan loaded, 1)
	}
	var parsers errgroup.Group
	parsers.SetLimit(cfg.Workers)
	go func() {
		for i, f := range files {
			window <- struct{}{}
			if results[i].Status == StatusFailed {
				ready[i] <- loaded{}
				continue
			}
			name := filepath.Base(f)
			parsers.Go(func() error {
				ready[i] <- load(cfg.Out, f, man.Sources[name], stats[name], cfg.Options)
				return nil
			})
		}
	}()

	// The manifest is only read while files are in flight; what the stores
	// write is collected here and applied when they are all done.
	entries := make([]*Entry, len(files))
	newStats := make([]*statEntry, len(files))
	timelines := make([]map[string]*convert.PageTimeline, len(files))
	var mu sync.Mutex
	finish := func(i int, r Result) {
		mu.Lock()
		defer mu.Unlock()
		results[i] = r
		if progress != nil {
			progress(r)
		}
	}
	// Stores wait on the disk, not the CPU: more of them overlap better.
	var stores errgroup.Group
	stores.SetLimit(4 * cfg.Workers)
	for i, f := range files {
		ld := <-ready[i]
		name := filepath.Base(f)
		switch {
		case results[i].Status == StatusFailed:
			<-window
			finish(i, results[i])
			continue
		case ld.err != nil:
			<-window
			finish(i, Result{Source: f, Status: StatusFailed, Reason: reason(ld.err)})
			continue
		case ld.unchanged:
			<-window
			newStats[i] = ld.stats
			finish(i, Result{Source: f, Status: StatusUnchanged, Dir: man.Sources[name].Dir})
			continue
		}
		prev := man.Sources[name]
		dir := ""
		if prev != nil {
			dir = prev.Dir
		} else {
			dir = assignDir(cfg, ld.doc, taken)
			taken[dir] = true
		}
		stores.Go(func() error {
			defer func() { <-window }()
			slug := dir[strings.LastIndexByte(dir, '/')+1:]
			section := strings.TrimSuffix(dir, "/"+slug)
			// The bundle is read once: its own page may choose the twin's
			// vocabulary, and Store compares every file with what it writes.
			own, twin := convert.PageNames(ld.doc.Script)
			disk, err := readBundle(cfg.Out, dir, []string{own, twin})
			if err != nil {
				finish(i, Result{Source: f, Status: StatusFailed, Reason: err.Error()})
				return nil
			}
			vocabulary := cfg.Options.TwinVocabulary
			if v := convert.TwinVocabularyOf(disk[own]); v != nil {
				vocabulary = *v
			}
			b := convert.Render(ld.doc, convert.RenderOptions{Section: section, Slug: slug, Twin: twinFor(cfg.Options, ld.doc.Script, vocabulary), Keep: cfg.Options.Glossary.Keep, Typeset: cfg.Options.Typeset, Zone: cfg.Options.Zone})
			so := cfg.Store
			so.Converter = converterOf(cfg.Options)
			d, err := storeRead(cfg.Out, b, prev, disk, ld.sha, so)
			entry, status, changes := d.entry, d.status, d.changes
			if !cfg.Store.DryRun {
				changes = nil // the diff is printed for dry runs only; a batch must not hold every file it wrote
			}
			r := Result{Source: f, Status: status, Dir: b.Dir, Changes: changes, Warnings: ld.doc.Warnings()}
			if err != nil {
				r.Status, r.Reason = StatusFailed, err.Error()
			} else {
				entries[i] = entry
				if !cfg.Store.DryRun {
					timelines[i] = fileTimelines(b, entry, disk, d.authors, cfg.Options.Zone)
				}
				// Only a bundle exactly as the converter wrote it may be skipped
				// by its stats; an author's edit is looked at every run.
				if !cfg.Store.DryRun && status != StatusKept {
					newStats[i] = &statEntry{Raw: ld.raw, Files: bundleStats(cfg.Out, entry)}
				}
			}
			finish(i, r)
			return nil
		})
	}
	stores.Wait()
	// A run that stored nothing leaves the manifest as it was, and one
	// whose sources all matched their stats the stat cache too: neither is
	// encoded again (a fifth of a run with nothing to do, at 2,000 sources).
	stored, restated := false, false
	for i, e := range entries {
		if e != nil {
			man.Sources[filepath.Base(files[i])] = e
			stored = true
		}
	}
	for i, s := range newStats {
		if s != nil {
			name := filepath.Base(files[i])
			restated = restated || stats[name] != s
			stats[name] = s
		}
	}
	if !cfg.Store.DryRun {
		if stored || !exists(manifestPath(cfg.Out)) {
			if err := man.Save(cfg.Out); err != nil {
				return results, err
			}
		}
		if restated {
			stats.save(cfg.Out) // a cache: a run that cannot write it is only slower next time
		}
		if stored || siteTimelineStale(cfg.Out) {
			fresh := map[string]*convert.PageTimeline{}
			for _, m := range timelines {
				for p, t := range m {
					fresh[p] = t
				}
			}
			if err := updateSiteTimeline(cfg.Out, man, fresh, cfg.Options.Zone); err != nil {
				return results, fmt.Errorf("site timeline (data/jishi/timeline): %w", err)
			}
		}
	}
	return results, nil
}

// converterOf names the converter and the settings a bundle is written
// with: a new converter, or a changed jishi.toml, writes pages again (an
// author's edits are still kept).
func converterOf(opt convert.Options) string {
	if opt.Settings == "" {
		return convert.Version
	}
	return convert.Version + " settings " + opt.Settings
}

// load reads one file once and, unless it is unchanged with its bundle
// untouched — by the stat cache without reading anything, else by hashes —
// decodes, parses and enriches it.
func load(out, path string, prev *Entry, cached *statEntry, opt convert.Options) loaded {
	st, _ := statOf(path)
	current := prev != nil && prev.Converter == converterOf(opt)
	if current && cached.unchangedByStat(st, out, prev) {
		return loaded{sha: prev.SHA256, unchanged: true, raw: st, stats: cached}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return loaded{err: err}
	}
	sha := hashBytes(raw)
	if current && prev.SHA256 == sha && intact(out, prev) {
		return loaded{sha: sha, unchanged: true, raw: st, stats: &statEntry{Raw: st, Files: bundleStats(out, prev)}}
	}
	doc, err := convert.Convert(filepath.Base(path), raw, opt)
	return loaded{doc: doc, sha: sha, raw: st, err: err}
}

// twinFor returns the converter from script to the other, or nil when the
// site has twins turned off: by default the script and character variants
// only, with vocabulary the other region's words too.
func twinFor(opt convert.Options, script string, vocabulary bool) convert.Twinner {
	if !opt.Twins {
		return nil
	}
	name := zhconv.TraditionalToSimplified
	switch {
	case script == "Hans" && vocabulary:
		name = zhconv.SimplifiedToTraditionalPhrases
	case script == "Hans":
		name = zhconv.SimplifiedToTraditional
	case vocabulary:
		name = zhconv.TraditionalToSimplifiedPhrases
	}
	c, err := zhconv.Load(name)
	if err != nil {
		return nil // the dictionaries are embedded; this cannot fail at run time
	}
	return c
}

// intact reports whether every file of a bundle is as the converter wrote it.
func intact(out string, e *Entry) bool {
	for name, h := range e.Files {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(e.Dir), name))
		if err != nil || hashBytes(b) != h {
			return false
		}
	}
	return len(e.Files) > 0
}

func reason(err error) string {
	if _, ok := convert.IsNoArticle(err); ok {
		return err.Error() // the reason, and what the file looked like instead
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// assignDir gives a new source its bundle folder: the slug of its title
// (with its part), made unique among the folders already taken.
func assignDir(cfg Config, doc *convert.Document, taken map[string]bool) string {
	section := cfg.Section
	slug := convert.UniqueSlug(convert.BaseSlug(doc, cfg.Options.Glossary), func(s string) bool {
		d := section + "/" + s
		if taken[d] {
			return true
		}
		dir := filepath.Join(cfg.Out, section, s)
		if _, err := os.Stat(dir); err != nil {
			return false
		}
		// A run killed before it saved the manifest left this bundle: it is
		// this source's own, not another article's.
		return !ownBundle(dir, doc.File)
	})
	return section + "/" + slug
}

// ownBundle reports whether the bundle in dir was converted from source.
func ownBundle(dir, source string) bool {
	for _, name := range []string{"index.md", "index.zh-hans.md"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			return convert.SourceOf(b) == source
		}
	}
	return false
}

// lock takes the output folder for this run, or says who has it. A dry run
// takes a shared lock on an existing lock file, so it never reads a
// half-finished run, and creates nothing.
func lock(out string, dryRun bool) (func(), error) {
	busy := fmt.Errorf("another jishi convert is writing to %s; try again when it has finished", out)
	path := filepath.Join(out, ".jishi", "lock")
	if dryRun {
		f, err := os.Open(path)
		if err != nil {
			return func() {}, nil // no run has written here yet
		}
		if err := tryLock(f, false); err != nil {
			f.Close()
			return nil, busy
		}
		return func() { f.Close() }, nil
	}
	unwritable := func(err error) error { return fmt.Errorf("output folder %s is not writable: %w", out, err) }
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, unwritable(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, unwritable(err)
	}
	if err := tryLock(f, true); err != nil {
		f.Close()
		return nil, busy
	}
	probe := filepath.Join(filepath.Dir(path), ".probe")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		f.Close()
		return nil, unwritable(err)
	}
	os.Remove(probe)
	return func() { f.Close() }, nil // closing releases the lock
}

// LoadConfig reads jishi.toml at path into Options and the section; a
// missing file gives the defaults. Errors name the file and the setting.
func LoadConfig(path string) (convert.Options, string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return convert.DefaultOptions(), convert.DefaultSection, nil
	}
	if err != nil {
		return convert.DefaultOptions(), convert.DefaultSection, err
	}
	return convert.ParseConfig(path, b)
}

// exists reports whether there is a file at path.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
