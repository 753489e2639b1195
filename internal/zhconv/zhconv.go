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
