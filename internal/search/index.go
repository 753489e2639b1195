package search

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
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

// Language is the language a record is indexed under. Chinese is given a
// private-use tag: Pagefind runs its jieba segmenter on any language tag
// starting with zh, and the text is already bigrams.
func Language(lang string) string {
	if lang == "zh" || strings.HasPrefix(lang, "zh-") {
		return "x-" + lang
	}
	return lang
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

// Lines writes recs to w as index.mjs reads them, grouped by bundle:
// public/pagefind/<lang>/. The content is folded; what a result shows is
// in meta: the title, the date, and the text as written (the same tokens,
// so Pagefind's locations in the one are places in the other).
func Lines(w io.Writer, public string, recs []Record) error {
	recs = append([]Record(nil), recs...)
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Lang < recs[j].Lang })
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		lang := r.Lang
		if lang == "" {
			lang = "unknown"
		}
		shown := Content(r)
		indexed, err := Folded(shown)
		if err != nil {
			return err
		}
		l := line{
			Bundle:   filepath.Join(public, "pagefind", lang),
			URL:      r.URL,
			Language: Language(lang),
			Content:  indexed,
			Meta:     map[string]string{"title": r.Title},
		}
		if indexed != shown {
			l.Meta["text"] = shown
		}
		if r.Date != "" {
			l.Meta["date"] = r.Date
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Index writes the search bundles of the site built in public, one per
// language, running Pagefind's Node API from dir, the folder whose
// node_modules holds it. Each language runs in a Node process of its own,
// one after another: running two at once was no faster (32 s against 29 s
// for 4,000 pages), and memory stays that of one language. It returns how many pages it indexed.
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
	byLang := map[string][]Record{}
	for _, r := range recs {
		byLang[r.Lang] = append(byLang[r.Lang], r)
	}
	total := 0
	for _, lang := range slices.Sorted(maps.Keys(byLang)) {
		n, err := run(ctx, dir, abs, byLang[lang], stderr)
		if err != nil {
			return total, fmt.Errorf("%s: %w", lang, err)
		}
		total += n
	}
	return total, nil
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
