package site

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/jishi/jishi/internal/search"
	"github.com/jishi/jishi/internal/sitebuild"
)

// titleOverBody are strings that make one article's title and sit in
// another's text (testdata/search): the title's article must rank first.
var titleOverBody = []struct{ query, title, body string }{
	{"潮汐發電", "tide", "harbor"},
	{"古籍修復", "books", "paper"},
	{"森林鐵道", "rail", "trail"},
}

// TestSearchPrecisionRecall: on a site of 22 short articles written for it
// (testdata/search) and their Simplified twins, every Han string of 2 to 4
// characters that occurs in exactly one article finds that article in the
// top 5, on the Traditional and the Simplified search page, asked in either
// script; strings that occur in no article find nothing; a title that holds
// the query ranks above a text that does. Queries go through the search
// page in Chromium and results are read from it (tests/browser/search.mjs).
func TestSearchPrecisionRecall(t *testing.T) {
	chromium, node := browserTools(t)
	if !sitebuild.Pagefind(Root()) {
		t.Fatal("Pagefind is not installed (npm ci)")
	}
	src := filepath.Join(t.TempDir(), "site")
	if err := sitebuild.CopySite(Root(), src, "config.toml", "layouts", "assets", "i18n", "static", "content/search"); err != nil {
		t.Fatal(err)
	}
	docs, err := ConvertInto(src, "posts", filepath.Join("testdata", "search"))
	if err != nil {
		t.Fatal(err)
	}
	slugOf := map[string]string{} // fixture name → slug
	for _, d := range docs {
		slugOf[strings.TrimSuffix(d.File, ".txt")] = d.Slug
	}
	pub := filepath.Join(t.TempDir(), "public")
	if out, err := Build(src, pub); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// In shards, as a large archive is, so the page merges them.
	defer func(n int) { search.ShardTokens = n }(search.ShardTokens)
	search.ShardTokens = 800
	if _, _, err := search.Index(context.Background(), Root(), pub, os.Stderr); err != nil {
		t.Fatal(err)
	}
	recs, err := search.Read(pub)
	if err != nil {
		t.Fatal(err)
	}
	// One Chinese bundle, in shards, an article and its twin one record.
	var shards struct{ Shards []string }
	b, err := os.ReadFile(filepath.Join(pub, "pagefind", "zh", "shards.json"))
	if err == nil {
		err = json.Unmarshal(b, &shards)
	}
	if err != nil || len(shards.Shards) < 2 {
		t.Fatalf("shards.json: %+v (%v), want 2 or more", shards, err)
	}
	records := 0
	for _, s := range shards.Shards {
		var entry struct {
			Languages map[string]struct {
				PageCount int `json:"page_count"`
			} `json:"languages"`
		}
		b, err := os.ReadFile(filepath.Join(pub, "pagefind", "zh", s, "pagefind-entry.json"))
		if err == nil {
			err = json.Unmarshal(b, &entry)
		}
		if err != nil || len(entry.Languages) != 1 {
			t.Fatalf("shard %s: %+v (%v), want one language", s, entry, err)
		}
		records += entry.Languages["x-zh"].PageCount
	}
	if records != len(docs) {
		t.Errorf("%d records in the Chinese bundle's shards, want %d: an article and its twin are one", records, len(docs))
	}

	// What each article says, in each script, as the index holds it.
	texts := map[string]map[string][]string{} // lang → slug → Han runs
	for _, r := range recs {
		slug := filepath.Base(strings.TrimSuffix(r.URL, "/"))
		if texts[r.Lang] == nil {
			texts[r.Lang] = map[string][]string{}
		}
		texts[r.Lang][slug] = hanRuns(r.Title + "\n" + r.Text)
	}
	hant, hans := texts["zh-hant"], texts["zh-hans"]
	if len(hant) != len(docs) || len(hans) != len(docs) {
		t.Fatalf("indexed %d Traditional and %d Simplified articles, want %d of each", len(hant), len(hans), len(docs))
	}
	unique := func(by map[string][]string) map[string]string {
		where := map[string]map[string]bool{}
		for slug, runs := range by {
			for _, run := range runs {
				r := []rune(run)
				for n := 2; n <= 4; n++ {
					for i := 0; i+n <= len(r); i++ {
						s := string(r[i : i+n])
						if where[s] == nil {
							where[s] = map[string]bool{}
						}
						where[s][slug] = true
					}
				}
			}
		}
		out := map[string]string{}
		for s, in := range where {
			if len(in) == 1 {
				for slug := range in {
					out[s] = slug
				}
			}
		}
		return out
	}
	want := unique(hant)
	for s, slug := range unique(hans) {
		want[s] = slug
	}
	queries := slices.Sorted(func(yield func(string) bool) {
		for s := range want {
			if !yield(s) {
				return
			}
		}
	})
	none := absent(hant, hans)
	if len(none) < 50 {
		t.Fatalf("only %d strings absent from every article", len(none))
	}
	// The ranking queries, in both scripts (the Simplified from the twins).
	ranked := map[string]string{} // query → the article whose title holds it
	for _, tb := range titleOverBody {
		ranked[tb.query] = tb.title
		ranked[twinOf(tb.query, hant[slugOf[tb.title]], hans[slugOf[tb.title]])] = tb.title
	}

	var pages []map[string]any
	for _, p := range []string{"/search/", "/zh-hans/search/"} {
		all := append(append(slices.Clone(queries), none...), slices.Sorted(func(yield func(string) bool) {
			for q := range ranked {
				if !yield(q) {
					return
				}
			}
		})...)
		// A few typed as a reader does, from each kind; the rest through the
		// function the form calls.
		typed := []string{queries[0], queries[len(queries)/2], none[0], titleOverBody[0].query}
		pages = append(pages, map[string]any{"page": p, "typed": typed, "queries": all})
	}
	base, stop, err := Serve(pub)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	arg, _ := json.Marshal(map[string]any{"base": base, "chromium": chromium, "pages": pages})
	cmd := exec.Command(node, filepath.Join(Root(), "tests", "browser", "search.mjs"))
	cmd.Dir = Root()
	cmd.Stdin = bytes.NewReader(arg)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("search.mjs: %v\n%s", err, stderr.String())
	}
	var res struct {
		Results []struct {
			Page, Query, Status string
			Typed               bool
			Links               []string
		}
		Errors []string
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Error(e)
	}
	isNone := map[string]bool{}
	for _, q := range none {
		isNone[q] = true
	}
	titleFirst := map[string]string{}
	for _, tb := range titleOverBody {
		titleFirst[tb.title] = tb.body
	}
	var hits, misses, silent, noisy, typed int
	var missed []string
	for _, r := range res.Results {
		if r.Typed {
			typed++
		}
		slugs := make([]string, len(r.Links))
		for i, l := range r.Links {
			slugs[i] = filepath.Base(strings.TrimSuffix(l, "/"))
			if strings.HasPrefix(r.Page, "/zh-hans/") != strings.HasPrefix(l, "/zh-hans/") {
				t.Errorf("%s %q: result %s is in the other language", r.Page, r.Query, l)
			}
		}
		switch {
		case isNone[r.Query]:
			if len(slugs) == 0 {
				silent++
			} else {
				noisy++
				t.Errorf("%s %q occurs in no article, yet finds %v (%q)", r.Page, r.Query, slugs, r.Status)
			}
		case ranked[r.Query] != "":
			title, body := slugOf[ranked[r.Query]], slugOf[titleFirst[ranked[r.Query]]]
			if len(slugs) < 2 || slugs[0] != title || !slices.Contains(slugs, body) {
				t.Errorf("%s %q: results %v, want %s (title) first and %s (text) after", r.Page, r.Query, slugs, title, body)
			}
		default:
			if i := slices.Index(slugs, want[r.Query]); i >= 0 && i < 5 {
				hits++
			} else {
				misses++
				missed = append(missed, fmt.Sprintf("%s %+q (typed %v) → %v", r.Page, r.Query, r.Typed, slugs))
			}
		}
	}
	if n := len(pages) * (len(queries) + len(none) + len(ranked)); len(res.Results) != n+typed {
		t.Fatalf("%d results for %d queries", len(res.Results), n+typed)
	}
	sort.Strings(missed)
	for i, m := range missed {
		if i == 40 {
			t.Errorf("… and %d more", len(missed)-40)
			break
		}
		t.Errorf("not in the top 5: %s", m)
	}
	t.Logf("recall: %d of %d unique strings found in the top 5 (%d queries on 2 pages, %d of them typed); precision: %d of %d absent strings found nothing",
		hits, hits+misses, len(queries), typed, silent, silent+noisy)
}

// hanRuns returns the runs of consecutive Han characters in s.
func hanRuns(s string) []string {
	var runs []string
	var cur []rune
	for _, c := range s + "\n" {
		if unicode.Is(unicode.Han, c) {
			cur = append(cur, c)
			continue
		}
		if len(cur) > 1 {
			runs = append(runs, string(cur))
		}
		cur = cur[:0]
	}
	return runs
}

// twinOf is q as the twin writes it, from an article and its twin whose runs
// align character for character.
func twinOf(q string, runs, twin []string) string {
	for i, r := range runs {
		if i < len(twin) && len([]rune(r)) == len([]rune(twin[i])) {
			if at := strings.Index(r, q); at >= 0 {
				n := len([]rune(r[:at]))
				return string([]rune(twin[i])[n : n+len([]rune(q))])
			}
		}
	}
	return q
}

// absent returns Han strings of 2 to 4 characters made of the articles' own
// characters that occur in no article in either script, folded as search
// folds them (both scripts are one to it: 干燥 occurs where 乾燥 does).
func absent(hant, hans map[string][]string) []string {
	var all strings.Builder
	for _, by := range []map[string][]string{hant, hans} {
		for _, runs := range by {
			for _, r := range runs {
				all.WriteString(r + "\n")
			}
		}
	}
	corpus, _ := search.Folded(all.String())
	var chars []rune
	seen := map[rune]bool{}
	for _, c := range all.String() {
		if c != '\n' && !seen[c] {
			seen[c] = true
			chars = append(chars, c)
		}
	}
	slices.Sort(chars)
	var out []string
	// Deterministic picks spread over the characters: pairs, triples and
	// quadruples with strides prime to the count.
	for k := 0; len(out) < 150 && k < 5000; k++ {
		n := 2 + k%3
		q := make([]rune, n)
		for j := range q {
			q[j] = chars[(k*7919+j*104729)%len(chars)]
		}
		f, _ := search.Folded(string(q))
		if !strings.Contains(corpus, f) && !slices.Contains(out, string(q)) {
			out = append(out, string(q))
		}
	}
	return out
}
