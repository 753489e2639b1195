package convert

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"time"
	_ "time/tzdata" // IANA zone names work on hosts without a zoneinfo database

	"github.com/pelletier/go-toml/v2"
)

// DefaultSection is the content section new bundles go to.
const DefaultSection = "posts"

// SiteConfig is jishi.toml: the converter's settings an editor owns.
type SiteConfig struct {
	Timezone string `toml:"timezone"`
	Section  string `toml:"section"`
	Twins    *bool  `toml:"twins"`
	// Typeset sets half-width punctuation in Chinese text full-width on the page.
	Typeset *bool `toml:"typeset"`
	// TwinVocabulary localises words in twins (軟體 ↔ 软件), not only the script.
	TwinVocabulary bool `toml:"twinVocabulary"`
	Boilerplate    struct {
		Promo    []string `toml:"promo"`
		Lines    []string `toml:"lines"`
		Trailers []string `toml:"trailers"`
	} `toml:"boilerplate"`
	Glossary Glossary `toml:"glossary"`
}

// Glossary holds an editor's corrections to what the converter infers.
type Glossary struct {
	Keep     []string          `toml:"keep"`
	Speakers map[string]string `toml:"speakers"`
	Slugs    map[string]string `toml:"slugs"`
}

var sectionName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ParseConfig reads the text of jishi.toml (named name in errors) into
// Options and the section. Errors name the file and the setting.
func ParseConfig(name string, data []byte) (Options, string, error) {
	opt := DefaultOptions()
	sum := sha256.Sum256(data)
	opt.Settings = hex.EncodeToString(sum[:6])
	section := DefaultSection
	var c SiteConfig
	if err := toml.Unmarshal(data, &c); err != nil {
		return opt, section, fmt.Errorf("%s: %w", name, err)
	}
	if c.Timezone != "" {
		z, err := parseZone(c.Timezone)
		if err != nil {
			return opt, section, fmt.Errorf("%s: timezone %q: %w", name, c.Timezone, err)
		}
		opt.Zone = z
	}
	if c.Section != "" {
		if !sectionName.MatchString(c.Section) {
			return opt, section, fmt.Errorf("%s: section %q: use lower-case letters, digits and hyphens", name, c.Section)
		}
		section = c.Section
	}
	if c.Twins != nil {
		opt.Twins = *c.Twins
	}
	if c.Typeset != nil {
		opt.Typeset = *c.Typeset
	}
	opt.TwinVocabulary = c.TwinVocabulary
	for _, set := range []struct {
		name string
		src  []string
		dst  *PatternSet
	}{
		{"boilerplate.promo", c.Boilerplate.Promo, &opt.Patterns.Promo},
		{"boilerplate.lines", c.Boilerplate.Lines, &opt.Patterns.Line},
		{"boilerplate.trailers", c.Boilerplate.Trailers, &opt.Patterns.Trailer},
	} {
		for _, expr := range set.src {
			re, err := regexp.Compile(expr)
			if err != nil {
				return opt, section, fmt.Errorf("%s: %s pattern %q: %w", name, set.name, expr, err)
			}
			*set.dst = append(*set.dst, re)
		}
	}
	opt.Glossary = c.Glossary
	return opt, section, nil
}

// parseZone reads an IANA zone name or a fixed offset such as +08:00.
func parseZone(s string) (*time.Location, error) {
	if t, err := time.Parse("-07:00", s); err == nil {
		_, off := t.Zone()
		return time.FixedZone("UTC"+s, off), nil
	}
	return time.LoadLocation(s)
}
