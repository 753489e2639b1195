// Package zhconv converts between Traditional and Simplified Chinese phrase
// by phrase, with the dictionaries and rules of OpenCC
// (github.com/longbridgeapp/opencc), at the speed a ten-thousand-article
// batch needs: the dictionaries are read out of OpenCC once per process into
// flat tables, and matching allocates nothing per character.
package zhconv

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// Conversions Jishi uses: Taiwan Traditional to Simplified with mainland
// phrases (軟體 → 软件), and back (软件 → 軟體).
const (
	TraditionalToSimplified = "tw2sp"
	SimplifiedToTraditional = "s2twp"
)

// maxRunes is OpenCC's longest match, in characters.
const maxRunes = 10

// Converter converts text with one OpenCC conversion.
type Converter struct {
	name   string
	passes [][]*table // a chain of passes, each a list of dictionaries by priority
}

// table is one dictionary: phrases by text, and for each first character
// (in the Basic Multilingual Plane) the length of its longest phrase.
type table struct {
	phrases map[string]string
	longest []uint8 // by first rune, for runes below 0x10000
	astral  map[rune]uint8
}

func (t *table) longestAt(r rune) int {
	if r < 0x10000 {
		return int(t.longest[r])
	}
	return int(t.astral[r])
}

var (
	mu    sync.Mutex
	cache = map[string]*Converter{}
)

// Load returns the converter for an OpenCC conversion name, built once per process.
func Load(name string) (*Converter, error) {
	mu.Lock()
	defer mu.Unlock()
	if c, ok := cache[name]; ok {
		return c, nil
	}
	cc, err := opencc.New(name)
	if err != nil {
		return nil, fmt.Errorf("opencc %s: %w", name, err)
	}
	c := &Converter{name: name}
	for _, g := range cc.DictChains {
		var pass []*table
		for _, d := range g.Dicts {
			t := &table{phrases: map[string]string{}, longest: make([]uint8, 0x10000), astral: map[rune]uint8{}}
			for _, id := range d.Trie.PrefixPredict(nil, 0) {
				key, err := d.Trie.Key(id)
				if err != nil {
					return nil, err
				}
				v, err := d.Trie.Value(id)
				if err != nil || v >= len(d.Values) || len(d.Values[v]) == 0 {
					continue
				}
				k := string(key)
				n := utf8.RuneCountInString(k)
				if n == 0 || n > maxRunes {
					continue // OpenCC never matches past ten characters
				}
				t.phrases[k] = d.Values[v][0]
				if r, _ := utf8.DecodeRuneInString(k); r < 0x10000 {
					t.longest[r] = max(t.longest[r], uint8(n))
				} else {
					t.astral[r] = max(t.astral[r], uint8(n))
				}
			}
			pass = append(pass, t)
		}
		c.passes = append(c.passes, pass)
	}
	cache[name] = c
	return c, nil
}

// Name is the OpenCC conversion name.
func (c *Converter) Name() string { return c.name }

// Convert converts s. At each position, the first dictionary of a pass that
// has a phrase there gives its longest phrase; passes run in order. That is
// OpenCC's own rule, so the output is OpenCC's.
func (c *Converter) Convert(s string) string {
	var ends [maxRunes + 1]int
	for _, pass := range c.passes {
		var sb strings.Builder
		sb.Grow(len(s))
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			matched := false
			for _, t := range pass {
				n := t.longestAt(r)
				if n == 0 {
					continue
				}
				// Byte offsets of the next n characters.
				k, j := 0, i
				for k < n && j < len(s) {
					_, w := utf8.DecodeRuneInString(s[j:])
					j += w
					k++
					ends[k] = j
				}
				for ; k >= 1; k-- {
					if v, ok := t.phrases[s[i:ends[k]]]; ok {
						sb.WriteString(v)
						i = ends[k]
						matched = true
						break
					}
				}
				if matched {
					break
				}
			}
			if !matched {
				sb.WriteString(s[i : i+size])
				i += size
			}
		}
		s = sb.String()
	}
	return s
}

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
