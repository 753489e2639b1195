// Package zhconv converts between Traditional and Simplified Chinese with
// OpenCC's rule (package occ) and OpenCC's dictionaries, generated from a
// pinned OpenCC release into data/ (see internal/gen/opencc and
// data/SOURCE). Tables are parsed once per process. Dictionaries OpenCC
// marks as possibly outputting tofu (characters beyond what phone fonts
// show) are left out: a reader would see empty boxes.
package zhconv

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/jishi/jishi/internal/zhconv/occ"
)

// The tables are generated from the repository root: see main.go.

// The conversions a twin can use. The default ones change the script and
// the Taiwan character variants only; the Phrases ones also localise the
// vocabulary (軟體 ↔ 软件), which reads naturally but can change words that
// were meant as written (局部 → 區域性 in a medical text).
const (
	TraditionalToSimplified        = "tw2s"
	SimplifiedToTraditional        = "s2tw"
	TraditionalToSimplifiedPhrases = "tw2sp"
	SimplifiedToTraditionalPhrases = "s2twp"
)

//go:embed data
var data embed.FS

// DataVersion is the OpenCC release the tables come from.
var DataVersion = func() string {
	b, err := data.ReadFile("data/SOURCE")
	if err != nil {
		panic("zhconv: no data/SOURCE")
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "version\t"); ok {
			return v
		}
	}
	panic("zhconv: data/SOURCE has no version")
}()

// Converter converts text with one OpenCC conversion.
type Converter struct {
	name string
	occ  *occ.Converter
}

var (
	mu    sync.Mutex
	cache = map[string]*Converter{}
	dicts = map[string]*occ.Dict{}
)

// Load returns the converter for a conversion name, built once per process.
func Load(name string) (*Converter, error) {
	mu.Lock()
	defer mu.Unlock()
	if c, ok := cache[name]; ok {
		return c, nil
	}
	cfg, err := data.ReadFile("data/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("zhconv: no conversion %q", name)
	}
	oc, err := occ.Load(name, cfg, loadDict, false)
	if err != nil {
		return nil, err
	}
	whole, err := loadDict("jishi-whole")
	if err != nil {
		return nil, err
	}
	oc.KeepWhole(whole)
	c := &Converter{name: name, occ: oc}
	cache[name] = c
	return c, nil
}

// loadDict reads one table of data/, shared by every conversion that names it.
func loadDict(name string) (*occ.Dict, error) {
	if d, ok := dicts[name]; ok {
		return d, nil
	}
	f, err := data.Open("data/" + name + ".tsv")
	if err != nil {
		return nil, fmt.Errorf("zhconv: no table %s", name)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("zhconv: %s: line %q", name, sc.Text())
		}
		m[k] = v
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	d := occ.NewDict(m)
	dicts[name] = d
	return d, nil
}

// Name says which conversion this is and from which data: "OpenCC 1.4.2 tw2s".
func (c *Converter) Name() string { return "OpenCC " + DataVersion + " " + c.name }

// Conversion is the conversion's OpenCC name (tw2s, s2twp…).
func (c *Converter) Conversion() string { return c.name }

// Vocabulary reports whether the conversion localises words (tw2sp, s2twp).
func (c *Converter) Vocabulary() bool { return strings.HasSuffix(c.name, "p") }

// Convert converts s.
func (c *Converter) Convert(s string) string { return c.occ.Convert(s) }

// ConvertKeeping converts s but leaves each of keep exactly as written
// (brand names, people an editor does not want converted).
func (c *Converter) ConvertKeeping(s string, keep []string) string {
	if len(keep) == 0 {
		return c.Convert(s)
	}
	// Shield each kept word behind a private-use character no dictionary knows.
	var pairs []string
	for i, w := range keep {
		if w == "" {
			continue
		}
		pairs = append(pairs, w, string(rune(0xF0000+i)))
	}
	shielded := strings.NewReplacer(pairs...).Replace(s)
	out := c.Convert(shielded)
	for i := 0; i+1 < len(pairs); i += 2 {
		pairs[i], pairs[i+1] = pairs[i+1], pairs[i]
	}
	return strings.NewReplacer(pairs...).Replace(out)
}

// foldTables are the tables of a change of script (characters, phrases and
// Taiwan variants, both ways), not of vocabulary: TWPhrases (軟體 ↔ 软件)
// would make 體 and 件 one character.
var foldTables = []string{"STCharacters", "STPhrases", "TSCharacters", "TSCharactersExt", "TSPhrases",
	"TWVariants", "TWVariantsPhrases", "TWVariantsRev", "TWVariantsRevPhrases", "CJK_Compatibility_Ideographs"}

// Fold is the table search folds both scripts with, so that a query in
// either finds a page in either, the way a twin converts it: characters that
// a conversion of script turns into each other anywhere in OpenCC's tables —
// one for one, or in the same place of a phrase (反覆 ↔ 反复 makes 覆 and 复
// one) — are one class, and each character of a class maps to its smallest.
// A character-for-character fold to one script would miss a twin written
// by phrase (反覆 → 反复, while 覆 alone stays 覆). The index
// (internal/search) and the search page (assets/js/zh-fold.js, generated
// from this) fold with the same table.
func Fold() (map[rune]rune, error) {
	parent := map[rune]rune{}
	var find func(r rune) rune
	find = func(r rune) rune {
		p, ok := parent[r]
		if !ok || p == r {
			return r
		}
		root := find(p)
		parent[r] = root
		return root
	}
	union := func(a, b rune) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[ra], parent[rb] = ra, ra
	}
	for _, name := range foldTables {
		b, err := data.ReadFile("data/" + name + ".tsv")
		if err != nil {
			return nil, fmt.Errorf("zhconv: no table %s", name)
		}
		for line := range strings.SplitSeq(string(b), "\n") {
			k, vs, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			from := []rune(k)
			for v := range strings.FieldsSeq(vs) {
				to := []rune(v)
				if len(to) != len(from) {
					continue
				}
				for i := range from {
					if from[i] != to[i] && unicode.Is(unicode.Han, from[i]) && unicode.Is(unicode.Han, to[i]) {
						union(from[i], to[i])
					}
				}
			}
		}
	}
	m := map[rune]rune{}
	for r := range parent {
		if root := find(r); root != r {
			m[r] = root
		}
	}
	return m, nil
}
