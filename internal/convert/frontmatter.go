package convert

import (
	"github.com/pelletier/go-toml/v2"
)

// FrontMatter is the TOML front matter of a page the converter writes, and
// the part of an author's page it reads back. go-toml writes and reads it,
// so whatever valid TOML an author writes is understood.
type FrontMatter struct {
	Title       string   `toml:"title"`
	Date        any      `toml:"date,omitempty"` // time.Time, or toml.LocalDate when only the day is known
	Slug        string   `toml:"slug,omitempty"`
	Summary     string   `toml:"summary,omitempty"`
	Description string   `toml:"description,omitempty"`
	Authors     []string `toml:"authors"`
	People      []string `toml:"people"`
	Series      []string `toml:"series,omitempty"`
	// Twin at the top level is Hugo's shorthand for params.twin.
	Twin   *bool  `toml:"twin,omitempty"`
	Params Params `toml:"params"`
}

// Params are the page's [params]: what the theme reads.
type Params struct {
	Part  int `toml:"part,omitempty"`
	Parts int `toml:"parts,omitempty"`
	// Twin = false in an author's page stops its twin being written.
	Twin *bool `toml:"twin,omitempty"`
	// TwinVocabulary in an author's page overrides the site's choice for its twin.
	TwinVocabulary *bool  `toml:"twinVocabulary,omitempty"`
	Script         string `toml:"script"`
	// Credit is the source the text credits (來源), shown on the page.
	Credit      string          `toml:"credit,omitempty"`
	ReadingTime int             `toml:"readingTime"`
	Speakers    []FMSpeaker     `toml:"speakers,omitempty"`
	Timeline    []TimelineEntry `toml:"timeline,omitempty"`
	Jishi       Provenance      `toml:"jishi"`
}

// FMSpeaker is one speaker in the front matter.
type FMSpeaker struct {
	Label string `toml:"label"`
	Name  string `toml:"name,omitempty"`
	Role  string `toml:"role"`
}

// TimelineEntry is one event in the front matter; Ref is the id of the
// element on the page that tells it.
type TimelineEntry struct {
	Date string `toml:"date"`
	Text string `toml:"text"`
	Ref  string `toml:"ref"`
}

// Provenance says where a page came from and, for a twin, what made it.
type Provenance struct {
	Machine string `toml:"machine,omitempty"`
	// TwinMode is "script" (characters only) or "vocabulary" (words too).
	TwinMode  string `toml:"twinMode,omitempty"`
	TwinOf    string `toml:"twinOf,omitempty"`
	Source    string `toml:"source"`
	SHA256    string `toml:"sha256"`
	Encoding  string `toml:"encoding"`
	Converter string `toml:"converter"`
}

var fmDelim = []byte("+++\n")

// marshalFrontMatter writes fm between +++ lines.
func marshalFrontMatter(fm FrontMatter) []byte {
	b, err := toml.Marshal(fm)
	if err != nil {
		// Every field is a string, a number, a time or a list of them.
		panic("jishi: front matter does not marshal: " + err.Error())
	}
	out := make([]byte, 0, len(b)+8)
	out = append(out, fmDelim...)
	out = append(out, b...)
	return append(out, fmDelim...)
}

// ReadFrontMatter parses the TOML front matter of a page; ok is false when
// the page has none or it is not valid TOML.
func ReadFrontMatter(page []byte) (fm FrontMatter, ok bool) {
	raw, found := frontMatterBytes(page)
	if !found {
		return fm, false
	}
	if err := toml.Unmarshal(raw, &fm); err != nil {
		return fm, false
	}
	return fm, true
}

// TwinOff reports whether an author's page turns its twin off (twin =
// false under [params], or at the top level).
func TwinOff(page []byte) bool {
	fm, ok := ReadFrontMatter(page)
	if !ok {
		return false
	}
	off := func(b *bool) bool { return b != nil && !*b }
	return off(fm.Params.Twin) || off(fm.Twin)
}

// TwinVocabularyOf is an author's page's own choice of twin vocabulary,
// nil when it makes none.
func TwinVocabularyOf(page []byte) *bool {
	fm, _ := ReadFrontMatter(page)
	return fm.Params.TwinVocabulary
}

// SourceOf is the raw file a page was converted from, "" when unknown.
func SourceOf(page []byte) string {
	fm, _ := ReadFrontMatter(page)
	return fm.Params.Jishi.Source
}

// frontMatterDate is the TOML value of a publication date.
func frontMatterDate(d *Date) any {
	if d == nil {
		return nil
	}
	if d.HasTime {
		return d.Time
	}
	return toml.LocalDate{Year: d.Time.Year(), Month: int(d.Time.Month()), Day: d.Time.Day()}
}
