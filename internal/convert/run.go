package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/jishi/jishi/internal/zhconv"
)

// Config is one conversion run.
type Config struct {
	Out     string // content folder
	Section string // section bundles go to
	Options Options
	Store   StoreOptions
	Workers int // 0: GOMAXPROCS
}

// Result is what happened to one source file.
type Result struct {
	Source  string   `json:"source"` // the path as given
	Status  string   `json:"status"`
	Dir     string   `json:"dir,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	Changes []Change `json:"-"`
}

// Inputs expands files and folders into the .txt files to convert, sorted.
// A folder contributes its .txt files (not recursively into hidden folders).
func Inputs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".txt") && !strings.HasPrefix(d.Name(), ".") {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := filepath.Base(out[i]), filepath.Base(out[j]); a != b {
			return a < b
		}
		return out[i] < out[j]
	})
	return out, nil
}

// parsed is a source file after decode, parse and enrich (or its failure).
type parsed struct {
	doc       *Document
	sha       string
	unchanged bool
	raw       fileStat   // the raw file's size and time, for the stat cache
	stats     *statEntry // for an unchanged source: its stats, to keep
	err       error
}

// Run converts the files: decode, parse and enrich in parallel; slugs in
// file order (so they are the same whatever the timing); render and store in
// parallel; then the manifest. It returns one Result per file, in order.
func Run(cfg Config, files []string, progress func(Result)) ([]Result, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
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

	// Parse ahead of the slug assigner, at most `window` documents in memory.
	window := 8 * cfg.Workers
	slots := make(chan struct{}, window)
	ready := make([]chan parsed, len(files))
	for i := range ready {
		ready[i] = make(chan parsed, 1)
	}
	parseSem := make(chan struct{}, cfg.Workers)
	go func() {
		for i, f := range files {
			slots <- struct{}{}
			if results[i].Status == StatusFailed {
				ready[i] <- parsed{}
				continue
			}
			parseSem <- struct{}{}
			go func() {
				defer func() { <-parseSem }()
				name := filepath.Base(f)
				ready[i] <- load(cfg.Out, f, man.Sources[name], stats[name], cfg.Options)
			}()
		}
	}()

	// The manifest is only read while files are in flight; what the stores
	// write is collected here and applied when they are all done.
	entries := make([]*Entry, len(files))
	newStats := make([]*statEntry, len(files))
	var mu sync.Mutex
	var wg sync.WaitGroup
	// Stores wait on the disk, not the CPU: more of them overlap better.
	storeSem := make(chan struct{}, 4*cfg.Workers)
	finish := func(i int, r Result) {
		mu.Lock()
		defer mu.Unlock()
		results[i] = r
		if progress != nil {
			progress(r)
		}
	}
	for i, f := range files {
		pr := <-ready[i]
		name := filepath.Base(f)
		switch {
		case results[i].Status == StatusFailed:
			<-slots
			finish(i, results[i])
			continue
		case pr.err != nil:
			<-slots
			finish(i, Result{Source: f, Status: StatusFailed, Reason: reason(pr.err)})
			continue
		case pr.unchanged:
			<-slots
			newStats[i] = pr.stats
			finish(i, Result{Source: f, Status: StatusUnchanged, Dir: man.Sources[name].Dir})
			continue
		}
		prev := man.Sources[name]
		dir := ""
		if prev != nil {
			dir = prev.Dir
		} else {
			dir = assignDir(cfg, pr.doc, taken)
			taken[dir] = true
		}
		wg.Add(1)
		storeSem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-storeSem; <-slots }()
			slug := dir[strings.LastIndexByte(dir, '/')+1:]
			section := strings.TrimSuffix(dir, "/"+slug)
			b := Render(pr.doc, RenderOptions{Section: section, Slug: slug, Twin: twinFor(cfg.Options, pr.doc.Script), Keep: cfg.Options.Glossary.Keep})
			entry, status, changes, err := Store(cfg.Out, b, prev, pr.sha, cfg.Store)
			if !cfg.Store.DryRun {
				changes = nil // the diff is printed for dry runs only; a batch must not hold every file it wrote
			}
			r := Result{Source: f, Status: status, Dir: b.Dir, Changes: changes}
			if err != nil {
				r.Status, r.Reason = StatusFailed, err.Error()
			} else {
				entries[i] = entry
				// Only a bundle exactly as the converter wrote it may be skipped
				// by its stats; an author's edit is looked at every run.
				if !cfg.Store.DryRun && status != StatusKept {
					newStats[i] = &statEntry{Raw: pr.raw, Files: bundleStats(cfg.Out, entry)}
				}
			}
			finish(i, r)
		}()
	}
	wg.Wait()
	for i, e := range entries {
		if e != nil {
			man.Sources[filepath.Base(files[i])] = e
		}
	}
	for i, s := range newStats {
		if s != nil {
			stats[filepath.Base(files[i])] = s
		}
	}
	if !cfg.Store.DryRun {
		// The bundles reach the disk before the manifest that vouches for them.
		syscall.Sync()
		if err := man.Save(cfg.Out); err != nil {
			return results, err
		}
		stats.save(cfg.Out) // a cache: a run that cannot write it is only slower next time
	}
	return results, nil
}

// load reads one file once and, unless it is unchanged with its bundle
// untouched — by the stat cache without reading anything, else by hashes —
// decodes, parses and enriches it.
func load(out, path string, prev *Entry, cached *statEntry, opt Options) parsed {
	st, _ := statOf(path)
	current := prev != nil && prev.Converter == Version
	if current && cached.unchangedByStat(st, out, prev) {
		return parsed{sha: prev.SHA256, unchanged: true, raw: st, stats: cached}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return parsed{err: err}
	}
	sha := hashBytes(raw)
	if current && prev.SHA256 == sha && intact(out, prev) {
		return parsed{sha: sha, unchanged: true, raw: st, stats: &statEntry{Raw: st, Files: bundleStats(out, prev)}}
	}
	doc, err := Convert(filepath.Base(path), raw, opt)
	return parsed{doc: doc, sha: sha, raw: st, err: err}
}

// Convert runs decode, parse and enrich on one file's bytes.
func Convert(name string, raw []byte, opt Options) (*Document, error) {
	text, enc, err := Decode(raw)
	if err != nil {
		return nil, err
	}
	doc, err := Parse(name, text, enc, opt)
	if err != nil {
		return nil, err
	}
	doc.SHA256 = hashBytes(raw)
	Enrich(doc, opt)
	return doc, nil
}

// twinFor returns the converter from script to the other, or nil when the
// site has twins turned off.
func twinFor(opt Options, script string) Twinner {
	if !opt.Twins {
		return nil
	}
	name := zhconv.TraditionalToSimplified
	if script == "Hans" {
		name = zhconv.SimplifiedToTraditional
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
	if r, ok := IsNoArticle(err); ok {
		return r
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// assignDir gives a new source its bundle folder: the slug of its title
// (with its part), made unique among the folders already taken.
func assignDir(cfg Config, doc *Document, taken map[string]bool) string {
	section := cfg.Section
	if section == "" {
		section = "posts"
	}
	suffix := ""
	if doc.Part != nil {
		suffix = fmt.Sprint(*doc.Part)
	}
	base := Slugify(doc.pageTitle(), suffix)
	if s, ok := cfg.Options.Glossary.Slugs[doc.File]; ok {
		base = Slugify(s, "")
	}
	if base == "" {
		base = "article-" + doc.SHA256[:8]
	}
	slug := uniqueSlug(base, func(s string) bool {
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
	b, err := os.ReadFile(filepath.Join(dir, "index.md"))
	if err != nil {
		b, err = os.ReadFile(filepath.Join(dir, "index.zh-hans.md"))
	}
	return err == nil && strings.Contains(string(b), "\nsource = "+tomlQuote(source)+"\n")
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
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
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
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
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
