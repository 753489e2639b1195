// Package occ is OpenCC's conversion rule over dictionaries held in memory:
// a configuration's normalization, its maximum-match segmentation by the
// segmentation dictionary, and its conversion chain applied to each segment
// in turn, with OpenCC's group policies (the first dictionary that matches,
// or the longest match of a union). It reads OpenCC's JSON configurations;
// the dictionaries are given to it, so the same rule serves the generator
// that builds Jishi's tables and the converter that uses them.
package occ

import (
	"encoding/json"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Dict is one dictionary: phrases by text (the default value of each),
// and which lengths of phrase start with each character and with each pair
// of characters, so that a match tries only lengths that exist.
type Dict struct {
	phrases map[string]string
	first   []uint64        // by first rune below 0x10000: bit n-1 for a phrase of n runes (bit 63: 64 or more)
	astral  map[rune]uint64 // the same for first runes beyond
	pairs   pairTable       // by the first two runes, for phrases of two or more
	single  []string        // one-rune phrases by rune below 0x10000, when there are many (character tables)
	longest int             // the longest phrase, in runes
}

// NewDict makes a dictionary of key → value.
func NewDict(entries map[string]string) *Dict {
	d := &Dict{phrases: entries, first: make([]uint64, 0x10000), astral: map[rune]uint64{}}
	pairs := map[uint64]uint64{}
	singles := 0
	for k := range entries {
		if r, size := utf8.DecodeRuneInString(k); size == len(k) && r < 0x10000 {
			singles++
		}
	}
	if singles >= 256 {
		d.single = make([]string, 0x10000)
	}
	for k, v := range entries {
		if r, size := utf8.DecodeRuneInString(k); d.single != nil && size == len(k) && r < 0x10000 {
			d.single[r] = v
		}
		n := utf8.RuneCountInString(k)
		if n == 0 {
			continue
		}
		d.longest = max(d.longest, n)
		bit := uint64(1) << min(n-1, 63)
		r, size := utf8.DecodeRuneInString(k)
		if r < 0x10000 {
			d.first[r] |= bit
		} else {
			d.astral[r] |= bit
		}
		if n >= 2 {
			r2, _ := utf8.DecodeRuneInString(k[size:])
			pairs[pairKey(r, r2)] |= bit
		}
	}
	d.pairs = newPairTable(pairs)
	return d
}

func pairKey(r1, r2 rune) uint64 { return uint64(r1)<<32 | uint64(uint32(r2)) }

// pairTable is an open-addressing hash table from two runes to a length
// mask: the lookup made at nearly every character, cheaper than a map.
type pairTable struct {
	keys, vals []uint64
	shift      uint
}

func newPairTable(m map[uint64]uint64) pairTable {
	size := 8
	for size < 2*len(m) {
		size *= 2
	}
	t := pairTable{keys: make([]uint64, size), vals: make([]uint64, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for k, v := range m {
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & (len(t.keys) - 1)
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t pairTable) slot(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> t.shift) }

func (t pairTable) get(k uint64) uint64 {
	for i := t.slot(k); ; i = (i + 1) & (len(t.keys) - 1) {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// matcher finds the phrase a text starts with: its length in bytes and its
// value. r and size are the first rune of s and its length; starts says
// whether any phrase starts with a rune, so that most text is copied
// without a lookup.
type matcher interface {
	match(s string, r rune, size int) (n int, value string, ok bool)
	starts(r rune) bool
}

func (d *Dict) starts(r rune) bool {
	if r < 0x10000 {
		return d.first[r] != 0
	}
	return d.astral[r] != 0
}

// match finds the longest phrase s starts with.
func (d *Dict) match(s string, r rune, size int) (int, string, bool) {
	var mask uint64
	if r < 0x10000 {
		mask = d.first[r]
	} else {
		mask = d.astral[r]
	}
	if mask == 0 {
		return 0, "", false
	}
	if mask>>1 != 0 && size < len(s) {
		r2, _ := decodeRune(s[size:])
		if pm := d.pairs.get(pairKey(r, r2)); pm != 0 {
			if n, v, ok := d.matchLong(s, pm); ok {
				return n, v, true
			}
		}
	}
	if mask&1 != 0 {
		if d.single != nil && r < 0x10000 {
			return size, d.single[r], true
		}
		if v, ok := d.phrases[s[:size]]; ok {
			return size, v, true
		}
	}
	return 0, "", false
}

// matchLong tries, longest first, the lengths of two runes or more that
// phrases starting like s have (pm, as in Dict.pairs).
func (d *Dict) matchLong(s string, pm uint64) (int, string, bool) {
	most := bits.Len64(pm)
	if most == 64 {
		most = d.longest
	}
	var small [65]int
	ends := small[:]
	if most > 64 {
		ends = make([]int, most+1)
	}
	j, k := 0, 0
	for k < most && j < len(s) {
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
		k++
		ends[k] = j
	}
	for ; k >= 2; k-- {
		if k-1 < 63 && pm&(1<<(k-1)) == 0 {
			continue
		}
		if v, ok := d.phrases[s[:ends[k]]]; ok {
			return ends[k], v, true
		}
	}
	return 0, "", false
}

// group is OpenCC's dictionary group: short-circuit (the first member that
// matches decides) or union (the longest match of any member; the first on
// a tie).
type group struct {
	members []matcher
	union   bool
	first   []bool // by rune below 0x10000: some member's phrase starts with it
}

func (g *group) starts(r rune) bool {
	if r < 0x10000 {
		return g.first[r]
	}
	for _, m := range g.members {
		if m.starts(r) {
			return true
		}
	}
	return false
}

// newGroup makes a group and the table of runes any member's phrases start with.
func newGroup(members []matcher, union bool) *group {
	g := &group{members: members, union: union, first: make([]bool, 0x10000)}
	for r := range rune(0x10000) {
		for _, m := range members {
			if m.starts(r) {
				g.first[r] = true
				break
			}
		}
	}
	return g
}

func (g *group) match(s string, r rune, size int) (int, string, bool) {
	best, bestV, found := 0, "", false
	for _, m := range g.members {
		if !m.starts(r) {
			continue
		}
		n, v, ok := m.match(s, r, size)
		if !ok {
			continue
		}
		if !g.union {
			return n, v, true
		}
		if n > best {
			best, bestV, found = n, v, true
		}
	}
	return best, bestV, found
}

// Converter is one OpenCC configuration, ready to convert.
type Converter struct {
	Name         string
	normInRanges bool      // every normalization phrase starts in U+F900–U+FAFF or beyond the BMP
	norm         []matcher // applied to the whole text before segmentation
	seg          matcher   // nil: the text is one segment
	chain        []matcher
}

type configDict struct {
	Type        string       `json:"type"`
	MayTofu     bool         `json:"may_output_tofu"`
	File        string       `json:"file"`
	MatchPolicy string       `json:"match_policy"`
	Dicts       []configDict `json:"dicts"`
}

type config struct {
	Name          string                      `json:"name"`
	Normalization []struct{ Dict configDict } `json:"normalization"`
	Segmentation  *struct {
		Type string     `json:"type"`
		Dict configDict `json:"dict"`
	} `json:"segmentation"`
	ConversionChain []struct{ Dict configDict } `json:"conversion_chain"`
}

// Load reads an OpenCC JSON configuration; open gives the dictionary a
// configuration names by its file name without extension (TSPhrases for
// TSPhrases.ocd2). Dictionaries marked may_output_tofu (characters many
// fonts lack) are used only with tofu, as OpenCC's own option says.
func Load(name string, configJSON []byte, open func(dict string) (*Dict, error), tofu bool) (*Converter, error) {
	var cfg config
	if err := json.Unmarshal(configJSON, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var build func(cd configDict) (matcher, error)
	build = func(cd configDict) (matcher, error) {
		switch cd.Type {
		case "group":
			if cd.MatchPolicy != "" && cd.MatchPolicy != "union" && cd.MatchPolicy != "short_circuit" {
				return nil, fmt.Errorf("%s: match policy %q", name, cd.MatchPolicy)
			}
			var members []matcher
			for _, m := range cd.Dicts {
				if m.MayTofu && !tofu {
					continue
				}
				mm, err := build(m)
				if err != nil {
					return nil, err
				}
				members = append(members, mm)
			}
			return newGroup(members, cd.MatchPolicy == "union"), nil
		case "ocd2", "ocd", "text":
			file := cd.File
			if i := strings.LastIndexByte(file, '.'); i >= 0 {
				file = file[:i]
			}
			return open(file)
		}
		return nil, fmt.Errorf("%s: dictionary type %q", name, cd.Type)
	}
	c := &Converter{Name: name}
	for _, n := range cfg.Normalization {
		m, err := build(n.Dict)
		if err != nil {
			return nil, err
		}
		c.norm = append(c.norm, m)
	}
	c.normInRanges = true
	for _, m := range c.norm {
		d, ok := m.(*Dict)
		if !ok {
			c.normInRanges = false
			continue
		}
		for r := range rune(0xF900) {
			if d.first[r] != 0 {
				c.normInRanges = false
			}
		}
		for r := rune(0xFB00); r < 0x10000; r++ {
			if d.first[r] != 0 {
				c.normInRanges = false
			}
		}
	}
	if s := cfg.Segmentation; s != nil {
		if s.Type != "mmseg" {
			return nil, fmt.Errorf("%s: segmentation %q", name, s.Type)
		}
		m, err := build(s.Dict)
		if err != nil {
			return nil, err
		}
		c.seg = m
	}
	for _, step := range cfg.ConversionChain {
		m, err := build(step.Dict)
		if err != nil {
			return nil, err
		}
		c.chain = append(c.chain, m)
	}
	return c, nil
}

// KeepWhole adds d to the segmentation as one more dictionary of a union,
// so the words in it are segments of their own that no later step matches
// across. It is for corrections a site makes on top of OpenCC's data.
func (c *Converter) KeepWhole(d *Dict) {
	if c.seg == nil {
		c.seg = d
		return
	}
	c.seg = newGroup([]matcher{c.seg, d}, true)
}

// Convert converts s: normalization over the whole text, then each segment
// through every step of the chain, so that no step matches across the
// segments the first cut.
func (c *Converter) Convert(s string) string {
	if c.mayNormalize(s) {
		for _, m := range c.norm {
			s = convertWith(m, s, nil)
		}
	}
	if c.seg == nil {
		out, _, _ := c.appendSegment(nil, s, nil, nil)
		return string(out)
	}
	out := make([]byte, 0, len(s)+len(s)/8)
	var a, b []byte
	start := 0 // start of the pending run of unmatched characters
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		if c.seg.starts(r) {
			if n, _, ok := c.seg.match(s[i:], r, size); ok {
				if start < i {
					out, a, b = c.appendSegment(out, s[start:i], a, b)
				}
				out, a, b = c.appendSegment(out, s[i:i+n], a, b)
				i += n
				start = i
				continue
			}
		}
		i += size
	}
	if start < len(s) {
		out, _, _ = c.appendSegment(out, s[start:], a, b)
	}
	return string(out)
}

// mayNormalize reports whether a rune of s starts a phrase of a
// normalization dictionary. Those (compatibility ideographs) sit in two
// small ranges of code points, so the check looks at the bytes that can
// encode them: runes from U+F900 (EF A4…) and beyond the BMP (F0…).
func (c *Converter) mayNormalize(s string) bool {
	if len(c.norm) == 0 {
		return false
	}
	if !c.normInRanges {
		return true
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; b == 0xF0 || b == 0xEF && i+1 < len(s) && s[i+1] >= 0xA4 && s[i+1] <= 0xAB || b >= 0xF1 && b <= 0xF4 {
			return true
		}
	}
	return false
}

// appendSegment converts one segment through the chain and appends it;
// a and b are scratch buffers, returned for reuse.
func (c *Converter) appendSegment(out []byte, seg string, a, b []byte) ([]byte, []byte, []byte) {
	if len(c.chain) == 0 {
		return append(out, seg...), a, b
	}
	a = convertAppend(c.chain[0], seg, a[:0])
	for _, m := range c.chain[1:] {
		// a is read as a string while b is written: no copy, and no write to a.
		b = convertAppend(m, view(a), b[:0])
		a, b = b, a
	}
	return append(out, a...), a, b
}

// decodeRune is utf8.DecodeRuneInString with ASCII and the three-byte
// runes of Chinese text decoded inline.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0] >= 0xE0 && s[0] < 0xF0 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	if len(s) > 0 && s[0] < 0x80 {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// view is b as a string, without a copy; b must not change while it is read.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// convertWith converts all of s; text with nothing to convert is returned
// as it is, without a copy.
func convertWith(m matcher, s string, buf []byte) string {
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		if m.starts(r) {
			if _, _, ok := m.match(s[i:], r, size); ok {
				return s[:i] + string(convertAppend(m, s[i:], buf[:0]))
			}
		}
		i += size
	}
	return s
}

// convertAppend is OpenCC's conversion of one segment: at each position the
// matcher's phrase, else the character as it is.
func convertAppend(m matcher, s string, out []byte) []byte {
	copied := 0 // s[copied:i] is copied as it is, in one append
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		if m.starts(r) {
			if n, v, ok := m.match(s[i:], r, size); ok {
				out = append(out, s[copied:i]...)
				out = append(out, v...)
				i += n
				copied = i
				continue
			}
		}
		i += size
	}
	return append(out, s[copied:]...)
}
