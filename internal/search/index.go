package search

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jishi/jishi/internal/sitebuild"
	"github.com/jishi/jishi/internal/zhconv"
	"golang.org/x/sync/errgroup"
)

// protocol names how records reach Pagefind, in each shard's stamp: a
// change to it writes every shard again.
const protocol = "Pagefind service; AddRecord of Content folded, meta as writeLines\n"

// line is one record as Pagefind is given it.
type line struct {
	Bundle   string            `json:"bundle"` // its shard's folder
	URL      string            `json:"url"`
	Language string            `json:"language"`
	Content  string            `json:"content"`
	Meta     map[string]string `json:"meta"`
}

// Bundle is the search bundle a page of lang is indexed in: one for every
// Chinese script, since the index folds them to one and a twin adds
// nothing to find, and one for each other language.
func Bundle(lang string) string {
	switch {
	case lang == "zh" || strings.HasPrefix(lang, "zh-"):
		return "zh"
	case lang == "":
		return "unknown"
	}
	return lang
}

// Language is the language a bundle is indexed under. Chinese is given a
// private-use tag: Pagefind runs its jieba segmenter on any language tag
// starting with zh, and the text is already one token per character.
func Language(bundle string) string {
	if bundle == "zh" {
		return "x-zh"
	}
	return bundle
}

// Break is the token between the title and each block of the text: it
// holds a place, so no phrase matches across two blocks, and search.js cuts
// excerpts there.
const Break = "¶"

// Content is the text a result shows for r: its title and blocks as
// Tokens, separated by Break. Pagefind indexes it folded (Folded).
func Content(r Record) string {
	// Tokens add a space before each token: a third more bytes for Han
	// text (three bytes a character), at most twice as many for runs of one
	// byte, and a break for each line: twice the text is seldom outgrown.
	b := make([]byte, 0, 2*(len(r.Title)+len(r.Text))+64)
	b = appendTokens(b, r.Title)
	for l := range strings.SplitSeq(r.Text, "\n") {
		n := len(b)
		if n > 0 {
			b = append(b, " "+Break...)
		}
		if b = appendTokens(b, l); len(b) == n+len(" "+Break) && n > 0 {
			b = b[:n] // a line without tokens: no break for it
		}
	}
	return string(b)
}

// fold is zhconv.Fold, loaded once, as a table for the Basic Multilingual
// Plane (0: not folded) and a map for the characters beyond it: Folded
// looks up every character of every article, and a map took two fifths of
// it.
var fold = sync.OnceValues(func() (foldTable, error) {
	m, err := zhconv.Fold()
	if err != nil {
		return foldTable{}, err
	}
	t := foldTable{bmp: make([]rune, 0x10000), rest: map[rune]rune{}}
	for k, v := range m {
		if k < 0x10000 {
			t.bmp[k] = v
		} else {
			t.rest[k] = v
		}
	}
	return t, nil
})

type foldTable struct {
	bmp  []rune
	rest map[rune]rune
}

// Folded is s with both scripts folded to one (zhconv.Fold), as the index
// holds it and the search page folds a query: character for character, so
// the tokens of s and of Folded(s) stand in the same places.
func Folded(s string) (string, error) {
	t, err := fold()
	if err != nil {
		return "", err
	}
	return strings.Map(func(r rune) rune {
		if r >= 0 && r < 0x10000 {
			if f := t.bmp[r]; f != 0 {
				return f
			}
			return r
		}
		if f, ok := t.rest[r]; ok {
			return f
		}
		return r
	}, s), nil
}

// ShardTokens is the most tokens one Pagefind index of a bundle holds. A
// large archive is indexed in shards, which the search page merges
// (Pagefind's mergeIndex); they are listed in the bundle's shards.json.
// Pagefind's time per token grows with the shard (for 2,000 generated
// articles, 4.3 million tokens: 22.5 s of CPU in shards of 3 million, 15.6 s
// in shards of a million, 15.0 s in half a million), and so does its memory
// (790 MB for 3 million), so shards are kept small; below a million the
// gain is small and a query's requests grow with the shards.
var ShardTokens = 1_000_000

// entry is one record of a bundle: a page, with the twins in other scripts
// whose text folds to the same tokens (a twin changes the script, not the
// words), so that Pagefind's places in the one are places in the others.
type entry struct {
	r              Record
	indexed, shown string
	twins          []Record
	twinShown      []string
	shard, seq     int // its shard of the bundle, from 1, and its place in it
}

// lines returns entries as Pagefind is given them, a record each, with
// the folder of their shard: public/pagefind/<Bundle>/<shard>/. A page
// and its twins are one record (group). The content is folded. What a result shows is in
// meta: the page's lang, title and date; for each twin url: and title:
// with its language after the colon; alts, the languages the page has
// versions in, so a search page shows a page in its own language or in
// the one it has; and t, the file of the texts as written (writeTexts), kept
// out of Pagefind, which indexes every word of meta.
func lines(public string, entries []entry) []line {
	out := make([]line, 0, len(entries))
	for _, e := range entries {
		bundle := Bundle(e.r.Lang)
		meta := map[string]string{"title": e.r.Title, "lang": e.r.Lang, "t": textFile(e)}
		if e.r.Date != "" {
			meta["date"] = e.r.Date
		}
		var alts []string
		for l := range e.r.Alt {
			if l != e.r.Lang && l != "x-default" {
				alts = append(alts, l)
			}
		}
		if len(alts) > 0 {
			slices.Sort(alts)
			meta["alts"] = strings.Join(alts, " ")
		}
		for _, t := range e.twins {
			meta["url:"+t.Lang] = t.URL
			meta["title:"+t.Lang] = t.Title
		}
		out = append(out, line{
			Bundle:   filepath.Join(public, "pagefind", bundle, strconv.Itoa(e.shard)),
			URL:      e.r.URL,
			Language: Language(bundle),
			Content:  e.indexed,
			Meta:     meta,
		})
	}
	return out
}

// writeLines writes ls to w, a JSON object a line: what a shard's stamp is
// made of.
func writeLines(w io.Writer, ls []line) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, l := range ls {
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// textFile is where an entry's texts are, from its bundle's folder.
func textFile(e entry) string {
	return fmt.Sprintf("%d/text/%d.json", e.shard, e.seq)
}

// writeTexts writes, for each entry, the file of its texts as written, one
// per language of the page and its twins, in tokens that stand where the
// indexed ones do: {"zh-hant": "渡 口 …", "zh-hans": "渡 口 …"}.
func writeTexts(public string, entries []entry) error {
	for _, e := range entries {
		texts := map[string]string{e.r.Lang: e.shown}
		for i, t := range e.twins {
			texts[t.Lang] = e.twinShown[i]
		}
		b, err := json.Marshal(texts)
		if err != nil {
			return err
		}
		p := filepath.Join(public, "pagefind", Bundle(e.r.Lang), filepath.FromSlash(textFile(e)))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// group makes the entries of recs, by bundle and oldest first, each with
// its shard: each Chinese page takes in its twins (found by its
// rel=alternate links) whose text folds to its own, a page that is its
// language's x-default before the others; a twin that folds otherwise (one
// written with other words) is an entry of its own.
func group(recs []Record) ([]entry, error) {
	recs = slices.Clone(recs)
	first := func(r Record) int { // x-default pages first
		if d, ok := r.Alt["x-default"]; ok && strings.HasSuffix(pathOf(d), r.URL) {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(recs, func(a, b Record) int { return first(a) - first(b) })
	byURL := map[string]int{}
	for i, r := range recs {
		byURL[r.URL] = i
	}
	shown := make([]string, len(recs))
	indexed := make([]string, len(recs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range recs {
		g.Go(func() error {
			shown[i] = Content(recs[i])
			var err error
			indexed[i], err = Folded(shown[i])
			recs[i].Text = "" // in shown now; at 10,000 articles each copy is hundreds of MB
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	used := make([]bool, len(recs))
	var out []entry
	for i, r := range recs {
		if used[i] {
			continue
		}
		used[i] = true
		e := entry{r: r, indexed: indexed[i], shown: shown[i]}
		if Bundle(r.Lang) == "zh" {
			for _, l := range slices.Sorted(maps.Keys(r.Alt)) {
				if l == r.Lang || Bundle(l) != "zh" {
					continue
				}
				j, ok := lookup(byURL, pathOf(r.Alt[l]))
				if ok && !used[j] && recs[j].Lang == l && indexed[j] == indexed[i] {
					used[j] = true
					e.twins = append(e.twins, recs[j])
					e.twinShown = append(e.twinShown, shown[j])
				}
			}
		}
		out = append(out, e)
	}
	// Oldest first, so that a new article joins the last shard and the
	// others keep their stamps; then shards in order, each under
	// ShardTokens unless one page is more.
	slices.SortStableFunc(out, func(a, b entry) int {
		if c := strings.Compare(Bundle(a.r.Lang), Bundle(b.r.Lang)); c != 0 {
			return c
		}
		if c := strings.Compare(a.r.Date, b.r.Date); c != 0 {
			return c
		}
		return strings.Compare(a.r.URL, b.r.URL)
	})
	shard, seq, tokens, last := 1, 0, 0, ""
	for i := range out {
		n := strings.Count(out[i].indexed, " ") + 1
		switch b := Bundle(out[i].r.Lang); {
		case b != last:
			shard, seq, tokens, last = 1, 0, 0, b
		case tokens > 0 && tokens+n > ShardTokens:
			shard, seq, tokens = shard+1, 0, 0
		}
		tokens += n
		seq++
		out[i].shard, out[i].seq = shard, seq
	}
	return out, nil
}

// pathOf is the path of an absolute or root-relative URL.
func pathOf(href string) string {
	if u, err := url.Parse(href); err == nil {
		return u.Path
	}
	return href
}

// lookup finds the record at path, which may carry the site's base path
// before the record's URL (https://example.org/sub/zh-hans/posts/x/).
func lookup(byURL map[string]int, path string) (int, bool) {
	for p := path; ; {
		if i, ok := byURL[p]; ok {
			return i, true
		}
		k := strings.IndexByte(p[min(1, len(p)):], '/')
		if k < 0 {
			return 0, false
		}
		p = p[k+1:]
	}
}

// Workers is how many Pagefind services index shards at once: two (one on
// a machine of one core). A service adds records on one thread and writes
// on several, so two keep two cores busy; a third on two cores was
// slower (2,000 articles: 10.4–10.9 s against 9.0–9.5 s side by side).
// Memory is theirs added, hence the small shards.
var Workers = min(2, runtime.GOMAXPROCS(0))

// job is one shard to index: its bundle, number and entries.
type job struct {
	bundle  string
	shard   int
	entries []entry
}

// Index writes the search bundles of the site built in public (see
// Bundle) with the Pagefind binary that dir's node_modules holds (npm ci).
// Shards are indexed by Workers Pagefind services, each taking the next
// shard when it is done with one, so memory stays that of
// Workers shards however large the archive. A shard whose records are what
// they were when it was written (its stamp) is kept, and shards go oldest
// article first, so converting a new article re-indexes the last shard,
// not the archive. It returns how many pages the bundles hold and how many
// it indexed.
func Index(ctx context.Context, dir, public string, stderr io.Writer) (pages, indexed int, err error) {
	recs, err := Read(public)
	if err != nil {
		return 0, 0, err
	}
	abs, err := filepath.Abs(public)
	if err != nil {
		return 0, 0, err
	}
	entries, err := group(recs)
	if err != nil {
		return 0, 0, err
	}
	recs = nil
	byBundle := map[string][]entry{}
	for _, e := range entries {
		byBundle[Bundle(e.r.Lang)] = append(byBundle[Bundle(e.r.Lang)], e)
	}
	root := filepath.Join(abs, "pagefind")
	if old, err := os.ReadDir(root); err == nil {
		for _, d := range old {
			if _, ok := byBundle[d.Name()]; !ok {
				if err := os.RemoveAll(filepath.Join(root, d.Name())); err != nil {
					return 0, 0, err
				}
			}
		}
	}
	bin, err := sitebuild.PagefindBinary(dir)
	if err != nil {
		return 0, 0, err
	}
	// The binary is in the stamp too: PAGEFIND_BINARY_PATH may name another.
	tools := protocol + bin + "\n" + sitebuild.PagefindVersion(dir)
	bundles := slices.Sorted(maps.Keys(byBundle))
	stamps := map[string]map[int]string{}
	var jobs []job
	for _, b := range bundles {
		es := byBundle[b]
		st, err := stampShards(es, tools)
		if err != nil {
			return pages, indexed, err
		}
		if err := keepShards(filepath.Join(root, b), st); err != nil {
			return pages, indexed, err
		}
		stamps[b] = st
		for sh := range shards(es) {
			n := 0
			for _, e := range sh {
				n += 1 + len(e.twins)
			}
			pages += n
			if st[sh[0].shard] != "" {
				jobs = append(jobs, job{bundle: b, shard: sh[0].shard, entries: sh})
				indexed += n
			}
		}
	}
	if err := runJobs(ctx, bin, abs, jobs, stderr); err != nil {
		return pages, indexed, err
	}
	for _, j := range jobs {
		p := filepath.Join(root, j.bundle, strconv.Itoa(j.shard), stampFile)
		if err := os.WriteFile(p, []byte(stamps[j.bundle][j.shard]), 0o644); err != nil {
			return pages, indexed, err
		}
	}
	for _, b := range bundles {
		if err := writeShards(filepath.Join(root, b)); err != nil {
			return pages, indexed, err
		}
	}
	return pages, indexed, nil
}

// runJobs indexes jobs with up to Workers Pagefind services, largest shard
// first, each taking the next job when it is done with one; the first
// error stops them all.
func runJobs(ctx context.Context, bin, public string, jobs []job, stderr io.Writer) error {
	if len(jobs) == 0 {
		return nil
	}
	jobs = slices.Clone(jobs)
	slices.SortStableFunc(jobs, func(a, b job) int { return len(b.entries) - len(a.entries) })
	next := make(chan job, len(jobs))
	for _, j := range jobs {
		next <- j
	}
	close(next)
	g, ctx := errgroup.WithContext(ctx)
	for range min(Workers, len(jobs)) {
		g.Go(func() error { return run(ctx, bin, public, next, stderr) })
	}
	return g.Wait()
}

// stampFile holds, in a shard's folder, the stamp it was written from.
const stampFile = "jishi-shard.sha256"

// stampShards returns each shard's stamp: the SHA-256 of its lines, its
// texts and what indexes them (the indexer and Pagefind's version).
func stampShards(es []entry, tools string) (map[int]string, error) {
	stamps := map[int]string{}
	for sh := range shards(es) {
		h := sha256.New()
		io.WriteString(h, tools)
		if err := writeLines(h, lines("", sh)); err != nil {
			return nil, err
		}
		for _, e := range sh {
			io.WriteString(h, e.shown)
			for _, t := range e.twinShown {
				io.WriteString(h, t)
			}
		}
		stamps[sh[0].shard] = hex.EncodeToString(h.Sum(nil))
	}
	return stamps, nil
}

// shards yields the entries of one bundle, in shard order, a shard at a time.
func shards(es []entry) iter.Seq[[]entry] {
	return func(yield func([]entry) bool) {
		for i := 0; i < len(es); {
			j := i
			for j < len(es) && es[j].shard == es[i].shard {
				j++
			}
			if !yield(es[i:j]) {
				return
			}
			i = j
		}
	}
}

// keepShards removes from a bundle's folder the shards that are no longer
// and those whose stamp changed, and marks in stamps (by emptying them)
// the shards kept as they are.
func keepShards(dir string, stamps map[int]string) error {
	old, err := os.ReadDir(dir)
	if err != nil {
		return nil // a new bundle
	}
	for _, d := range old {
		n, err := strconv.Atoi(d.Name())
		if err != nil || !d.IsDir() {
			continue
		}
		p := filepath.Join(dir, d.Name())
		was, _ := os.ReadFile(filepath.Join(p, stampFile))
		if st, ok := stamps[n]; ok && string(was) == st && exists(filepath.Join(p, "pagefind-entry.json")) {
			stamps[n] = ""
			continue
		}
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// writeShards lists the shards of the bundle in dir in its shards.json, in
// order, as the search page reads them: {"shards": ["1/", "2/"]}.
func writeShards(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var nums []int
	for _, e := range ents {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	var m struct {
		Shards []string `json:"shards"`
	}
	for _, n := range nums {
		m.Shards = append(m.Shards, strconv.Itoa(n)+"/")
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "shards.json"), b, 0o644)
}

// run indexes the jobs it takes from next with one Pagefind service,
// writing each job's texts while Pagefind indexes it.
func run(ctx context.Context, bin, public string, next <-chan job, stderr io.Writer) (err error) {
	s, err := startService(ctx, bin, stderr)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.close(); err == nil && cerr != nil {
			err = fmt.Errorf("Pagefind (%s): %v", bin, cerr)
		}
	}()
	for j := range next {
		var g errgroup.Group
		g.Go(func() error { return writeTexts(public, j.entries) })
		ls := lines(public, j.entries)
		if err := s.index(ls[0].Bundle, ls); err != nil {
			g.Wait()
			return fmt.Errorf("shard %s/%d: %w", j.bundle, j.shard, err)
		}
		if err := g.Wait(); err != nil {
			return fmt.Errorf("shard %s/%d: %w", j.bundle, j.shard, err)
		}
	}
	return nil
}
