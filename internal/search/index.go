package search

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jishi/jishi/internal/zhconv"
)

//go:embed index.mjs
var indexer string

// line is one record as index.mjs reads it.
type line struct {
	Bundle   string            `json:"bundle"`
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
	var b strings.Builder
	b.WriteString(Tokens(r.Title))
	for l := range strings.SplitSeq(r.Text, "\n") {
		if t := Tokens(l); t != "" {
			if b.Len() > 0 {
				b.WriteString(" " + Break + " ")
			}
			b.WriteString(t)
		}
	}
	return b.String()
}

// fold is zhconv.Fold, loaded once.
var fold = sync.OnceValues(zhconv.Fold)

// Folded is s with both scripts folded to one (zhconv.Fold), as the index
// holds it and the search page folds a query: character for character, so
// the tokens of s and of Folded(s) stand in the same places.
func Folded(s string) (string, error) {
	m, err := fold()
	if err != nil {
		return "", err
	}
	return strings.Map(func(r rune) rune {
		if f, ok := m[r]; ok {
			return f
		}
		return r
	}, s), nil
}

// ShardTokens is the most tokens one Pagefind index of a bundle holds: its
// memory grows with the tokens it holds (about … MB a million), so a large
// archive is indexed in shards, one after another, which the search page
// merges (Pagefind's mergeIndex). Shards are listed in the bundle's
// shards.json.
var ShardTokens = 3_000_000

// entry is one record of a bundle: a page, with the twins in other scripts
// whose text folds to the same tokens (a twin changes the script, not the
// words), so that Pagefind's places in the one are places in the others.
type entry struct {
	r              Record
	indexed, shown string
	twins          []Record
	twinShown      []string
}

// Lines writes recs to w as index.mjs reads them, one line a record, grouped
// by bundle: public/pagefind/<Bundle>/. A page and its twins are one
// record. The content is folded; what a result shows is in meta: for the
// page, its lang, title, date and text as written (text only where it
// differs from the content), for each twin url:, title: and text: with its
// language after the colon, and alts, the languages the page has versions
// in, so a search page can show a page in its own language, or in the one
// it has.
func Lines(w io.Writer, public string, recs []Record) error {
	entries, err := group(recs)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	shard, tokens, last := 1, 0, ""
	for _, e := range entries {
		bundle := Bundle(e.r.Lang)
		n := strings.Count(e.indexed, " ") + 1
		switch {
		case bundle != last:
			shard, tokens, last = 1, 0, bundle
		case tokens > 0 && tokens+n > ShardTokens:
			shard, tokens = shard+1, 0
		}
		tokens += n
		meta := map[string]string{"title": e.r.Title, "lang": e.r.Lang}
		if e.r.Date != "" {
			meta["date"] = e.r.Date
		}
		if e.shown != e.indexed {
			meta["text"] = e.shown
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
		for i, t := range e.twins {
			meta["url:"+t.Lang] = t.URL
			meta["title:"+t.Lang] = t.Title
			if e.twinShown[i] != e.indexed {
				meta["text:"+t.Lang] = e.twinShown[i]
			}
		}
		l := line{
			Bundle:   filepath.Join(public, "pagefind", bundle, strconv.Itoa(shard)),
			URL:      e.r.URL,
			Language: Language(bundle),
			Content:  e.indexed,
			Meta:     meta,
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// group makes the entries of recs, sorted by bundle: each Chinese page takes
// in its twins (found by its rel=alternate links) whose text folds to its
// own, a page that is its language's x-default before the others; a twin
// that folds otherwise (one written with other words) is an entry of its
// own.
func group(recs []Record) ([]entry, error) {
	recs = slices.Clone(recs)
	first := func(r Record) int { // x-default pages first
		if d, ok := r.Alt["x-default"]; ok && strings.HasSuffix(pathOf(d), r.URL) {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(recs, func(a, b Record) int {
		if c := strings.Compare(Bundle(a.Lang), Bundle(b.Lang)); c != 0 {
			return c
		}
		return first(a) - first(b)
	})
	byURL := map[string]int{}
	for i, r := range recs {
		byURL[r.URL] = i
	}
	shown := make([]string, len(recs))
	indexed := make([]string, len(recs))
	for i, r := range recs {
		shown[i] = Content(r)
		var err error
		if indexed[i], err = Folded(shown[i]); err != nil {
			return nil, err
		}
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

// Index writes the search bundles of the site built in public (see
// Bundle), running Pagefind's Node API from dir, the folder whose
// node_modules holds it. Each bundle runs in a Node process of its own,
// one after another: running two at once was no faster (32 s against 29 s
// for 4,000 pages), and memory stays that of one bundle. It returns how
// many pages it indexed.
func Index(ctx context.Context, dir, public string, stderr io.Writer) (int, error) {
	recs, err := Read(public)
	if err != nil {
		return 0, err
	}
	if err := os.RemoveAll(filepath.Join(public, "pagefind")); err != nil {
		return 0, err
	}
	abs, err := filepath.Abs(public)
	if err != nil {
		return 0, err
	}
	byBundle := map[string][]Record{}
	for _, r := range recs {
		byBundle[Bundle(r.Lang)] = append(byBundle[Bundle(r.Lang)], r)
	}
	total := 0
	for _, b := range slices.Sorted(maps.Keys(byBundle)) {
		if _, err := run(ctx, dir, abs, byBundle[b], stderr); err != nil {
			return total, fmt.Errorf("%s: %w", b, err)
		}
		total += len(byBundle[b])
		if err := writeShards(filepath.Join(abs, "pagefind", b)); err != nil {
			return total, err
		}
	}
	return total, nil
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

// run indexes recs with one Node process.
func run(ctx context.Context, dir, public string, recs []Record, stderr io.Writer) (int, error) {
	cmd := exec.CommandContext(ctx, "node", "--input-type=module", "-e", indexer)
	cmd.Dir = dir
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return 0, err
	}
	var out strings.Builder
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	werr := Lines(in, public, recs)
	in.Close()
	if err := cmd.Wait(); err != nil {
		return 0, fmt.Errorf("node: %v", err)
	}
	if werr != nil {
		return 0, werr
	}
	var res struct{ Pages int }
	if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
		return 0, fmt.Errorf("node: unexpected output %q", out.String())
	}
	return res.Pages, nil
}
