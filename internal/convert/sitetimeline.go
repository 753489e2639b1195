package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html/template"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// The site's /timeline/ lists every article's events, newest first. Hugo
// can only find them by walking every page at build time, which costs a
// tenth of the build at 2,000 articles; the converter, which wrote the
// pages, sorts them once instead (SiteTimeline), and the theme renders the
// sorted list after checking that every page still says what the list was
// made from (Hash). A page edited since, or written by hand, sends the
// theme back to its own walk: the list is a cache, never the truth.

// PageTimeline is what the site's timeline takes from one page file.
type PageTimeline struct {
	// Hash is FNV-32a of the page's timeline as Hugo's jsonify writes it,
	// in decimal, as the theme computes it to compare.
	Hash string `json:"hash"`
	// Unix is the page's date: newer pages' events come first among events
	// of one date.
	Unix   int64       `json:"unix"`
	Events []PageEvent `json:"events"`
}

// PageEvent is one event of a page's front matter timeline.
type PageEvent struct {
	Date string `json:"date"`
	Ref  string `json:"ref,omitempty"`
	Text string `json:"text"`
}

// noDate is Hugo's .Date.Unix for a page without a date (the zero time).
const noDate = -62135596800

// eventDate is what the theme's check-date.html accepts before asking the
// calendar about days.
var eventDate = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// ReadPageTimeline reads the front matter timeline of a page as Hugo will
// see it (params.timeline, or timeline at the top level, keys lower-cased).
// ok is false when the page has none, or has one the theme must look at
// itself: a value that is not a string, a date that is not YYYY[-MM[-DD]]
// on the calendar (the build names it), front matter that is not TOML.
// zone is where a date without a time of day is midnight.
func ReadPageTimeline(page []byte, zone *time.Location) (PageTimeline, bool) {
	raw, ok := frontMatterBytes(page)
	if !ok {
		return PageTimeline{}, false
	}
	var fm struct {
		Date     any              `toml:"date"`
		Timeline []map[string]any `toml:"timeline"`
		Params   struct {
			Timeline []map[string]any `toml:"timeline"`
		} `toml:"params"`
	}
	if err := toml.Unmarshal(raw, &fm); err != nil {
		return PageTimeline{}, false
	}
	list := fm.Params.Timeline
	if list == nil {
		list = fm.Timeline
	}
	if list == nil {
		return PageTimeline{}, false
	}
	pt := PageTimeline{Unix: pageUnix(fm.Date, zone), Events: make([]PageEvent, 0, len(list))}
	seen := make([]map[string]any, len(list))
	for i, m := range list {
		lower := make(map[string]any, len(m))
		for k, v := range m {
			if _, ok := v.(string); !ok {
				return PageTimeline{}, false
			}
			lower[strings.ToLower(k)] = v
		}
		seen[i] = lower
		d, _ := lower["date"].(string)
		x, _ := lower["text"].(string)
		r, _ := lower["ref"].(string)
		if !validEventDate(d) {
			return PageTimeline{}, false
		}
		pt.Events = append(pt.Events, PageEvent{Date: d, Ref: r, Text: x})
	}
	pt.Hash = timelineHash(seen)
	return pt, true
}

// pageTimelineOf is the PageTimeline of a page the converter writes, from
// its front matter's events: nil when there are none (the list is left
// out of the page).
func pageTimelineOf(doc *Document, list []TimelineEntry, zone *time.Location) *PageTimeline {
	if len(list) == 0 {
		return nil
	}
	pt := &PageTimeline{Unix: noDate, Events: make([]PageEvent, len(list))}
	if d := doc.Date; d != nil {
		pt.Unix = d.Time.Unix()
		if !d.HasTime {
			// Written as a day, read by Hugo as midnight where the site is,
			// as ReadPageTimeline reads it.
			if zone == nil {
				zone = DefaultZone
			}
			pt.Unix = time.Date(d.Time.Year(), d.Time.Month(), d.Time.Day(), 0, 0, 0, 0, zone).Unix()
		}
	}
	maps := make([]map[string]any, len(list))
	for i, e := range list {
		// Cloned: an event's text is a slice of its article's, which a
		// batch must not keep alive for every article it converts.
		pt.Events[i] = PageEvent{Date: strings.Clone(e.Date), Ref: strings.Clone(e.Ref), Text: strings.Clone(e.Text)}
		// Every key, as the front matter writes every key (ref = '' too).
		maps[i] = map[string]any{"date": e.Date, "ref": e.Ref, "text": e.Text}
	}
	pt.Hash = timelineHash(maps)
	return pt
}

// timelineHash is FNV-32a, in decimal, of what Hugo's jsonify writes for a
// timeline: encoding/json, map keys sorted, <, > and & escaped.
func timelineHash(list []map[string]any) string {
	b, err := json.Marshal(list)
	if err != nil {
		return ""
	}
	h := fnv.New32a()
	h.Write(b)
	return strconv.FormatUint(uint64(h.Sum32()), 10)
}

func validEventDate(d string) bool {
	if !eventDate.MatchString(d) {
		return false
	}
	if len(d) == 10 {
		_, err := time.Parse("2006-01-02", d)
		return err == nil
	}
	return true
}

// pageUnix is the Unix time of a front matter date as Hugo reads it.
func pageUnix(v any, zone *time.Location) int64 {
	if zone == nil {
		zone = time.UTC
	}
	switch d := v.(type) {
	case time.Time:
		return d.Unix()
	case toml.LocalDate:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, zone).Unix()
	case toml.LocalDateTime:
		return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, d.Nanosecond, zone).Unix()
	case string:
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.ParseInLocation(layout, d, zone); err == nil {
				return t.Unix()
			}
		}
	}
	return noDate
}

// frontMatterBytes is the TOML between a page's +++ lines.
func frontMatterBytes(page []byte) ([]byte, bool) {
	page = bytes.ReplaceAll(page, []byte("\r\n"), []byte("\n"))
	rest, found := bytes.CutPrefix(page, fmDelim)
	if !found {
		return nil, false
	}
	end := bytes.Index(rest, []byte("\n+++\n"))
	if end < 0 {
		if !bytes.HasSuffix(rest, []byte("\n+++")) {
			return nil, false
		}
		end = len(rest) - len("\n+++")
	}
	return rest[:end+1], true
}

// SiteTimeline is one language's /timeline/ as the theme reads it from
// data/jishi/timeline/: the pages it was made from, and their events in
// the order shown.
type SiteTimeline struct {
	// Format is SiteTimelineFormat: first, so that a run can tell a list
	// an older converter wrote by its first bytes.
	Format int `json:"format"`
	// Pages are by content path (Hugo's .File.Path): each page's number in
	// Events and the hash of the timeline it had.
	Pages  map[string]SitePage `json:"pages"`
	Events []SiteEvent         `json:"events"`
	// Rows are Events as /timeline/'s HTML, the markup the theme's walk
	// writes (timeline/list.html), with placeholders it fills in one pass:
	// &@uN; and &@tN; for page N's address and title, &@dDATE; for a
	// date's label in the page's language, &@sDATE; for "told with DATE".
	// Written here, a template action per event is spared at every build
	// (at 2,000 articles, the list cost more than any other page).
	Rows string `json:"rows"`
	// Dates are every date and year Rows labels; Sames the dates of its
	// &@s placeholders.
	Dates []string `json:"dates"`
	Sames []string `json:"sames,omitempty"`
}

// SiteTimelineFormat changes when SiteTimeline does.
const SiteTimelineFormat = 4

// MarshalJSON writes Events as one JSON string. Hugo reads the file at
// every build and needs Pages and Rows only; the events are the next run's
// cache. As a list they were 32,000 maps a language in Hugo's memory at
// 10,000 articles, a build that runs near its memory limit.
func (st SiteTimeline) MarshalJSON() ([]byte, error) {
	var ev bytes.Buffer
	enc := json.NewEncoder(&ev)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(st.Events); err != nil {
		return nil, err
	}
	type plain SiteTimeline
	var out bytes.Buffer
	enc = json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		plain
		Events string `json:"events"`
	}{plain(st), strings.TrimSuffix(ev.String(), "\n")})
	return bytes.TrimSuffix(out.Bytes(), []byte("\n")), err
}

// UnmarshalJSON reads what MarshalJSON writes.
func (st *SiteTimeline) UnmarshalJSON(b []byte) error {
	type plain SiteTimeline
	var v struct {
		plain
		Events string `json:"events"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*st = SiteTimeline(v.plain)
	st.Events = nil
	if v.Events == "" {
		return nil
	}
	return json.Unmarshal([]byte(v.Events), &st.Events)
}

// SitePage is one page of a SiteTimeline: its number in Events, the hash
// of its timeline and its date (PageTimeline's).
type SitePage struct {
	N string `json:"n"`
	H string `json:"h"`
	U int64  `json:"u"`
}

// SiteEvent is one line of /timeline/. Keys are short: at 10,000 articles
// the list holds some 32,000 events a language, and Hugo reads it at every
// build.
type SiteEvent struct {
	D string `json:"d"`           // date as written
	P string `json:"p"`           // the page's N
	R string `json:"r,omitempty"` // the id of the paragraph that tells it
	X string `json:"x"`           // text
	// S, for an event told in the same words as one shown above it (two
	// dates in one clause), is that event's date: the line points to it
	// instead of repeating its text.
	S string `json:"s,omitempty"`
	I int    `json:"i"` // its place in its page's timeline
}

// BuildSiteTimeline sorts the events of a language's pages (by content
// path) as /timeline/ shows them: by date, newest first, a coarser date
// after the finer ones of its period (2023-05-08, 2023-05, 2023); among
// events of one date, the newer page's first (of pages of one date, the
// later path); a page's events of one date in its own order. The theme's
// walk (site-events.html) orders them the same way.
func BuildSiteTimeline(pages map[string]PageTimeline) SiteTimeline {
	paths := make([]string, 0, len(pages))
	n := 0
	for p, pt := range pages {
		paths = append(paths, p)
		n += len(pt.Events)
	}
	sort.Strings(paths)
	st := SiteTimeline{Format: SiteTimelineFormat, Pages: make(map[string]SitePage, len(pages)), Events: make([]SiteEvent, 0, n)}
	type keyed struct {
		key string
		ev  SiteEvent
	}
	all := make([]keyed, 0, n)
	for i, p := range paths {
		pt := pages[p]
		num := strconv.Itoa(i)
		st.Pages[p] = SitePage{N: num, H: pt.Hash, U: pt.Unix}
		for j, e := range pt.Events {
			all = append(all, keyed{siteEventKey(e.Date, pt.Unix, p, j), SiteEvent{D: e.Date, P: num, R: e.Ref, X: e.Text, I: j}})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].key > all[j].key })
	told := map[string]string{} // page and text → the date it was first shown at
	for _, k := range all {
		ev := k.ev
		t := ev.P + "\x00" + ev.X
		if d, ok := told[t]; ok {
			ev.S = d
		} else {
			told[t] = ev.D
		}
		st.Events = append(st.Events, ev)
	}
	st.Rows, st.Dates, st.Sames = siteRows(st.Events)
	return st
}

// siteRows writes events as the theme's walk writes /timeline/
// (timeline/list.html), escaped for HTML (html/template also writes + as
// &#43;, which the minifier writes back as +): one
// list per year under its heading, a date that is only its heading's year
// hidden, a run of one page's events under one citation.
func siteRows(events []SiteEvent) (rows string, dates, sames []string) {
	var b strings.Builder
	seen := map[string]bool{}
	note := func(list *[]string, d string) {
		if !seen[d] {
			seen[d] = true
			*list = append(*list, d)
		}
	}
	sameSeen := map[string]bool{}
	year, cited := "", ""
	for _, e := range events {
		y := e.D[:min(4, len(e.D))]
		if y != year {
			if year != "" {
				b.WriteString("</ol>")
			}
			b.WriteString("\n<h2 data-pagefind-ignore class=\"timeline-year\" id=\"y")
			b.WriteString(template.HTMLEscapeString(y))
			b.WriteString("\">&@d")
			b.WriteString(template.HTMLEscapeString(y))
			b.WriteString(";</h2>\n<ol class=\"timeline\">")
			year, cited = y, ""
			note(&dates, y)
		}
		note(&dates, e.D)
		b.WriteString("\n<li><time datetime=\"")
		b.WriteString(template.HTMLEscapeString(e.D))
		b.WriteString("\"")
		if e.D == y {
			b.WriteString(" class=\"visually-hidden\"")
		}
		b.WriteString(">&@d")
		b.WriteString(template.HTMLEscapeString(e.D))
		b.WriteString(";</time> <a href=\"&@u" + e.P + ";")
		if e.R != "" {
			b.WriteByte('#')
			b.WriteString(template.HTMLEscapeString(normalizeURL(e.R)))
		}
		b.WriteString("\">")
		if e.S != "" {
			b.WriteString("&@s")
			b.WriteString(template.HTMLEscapeString(e.S))
			b.WriteByte(';')
			if !sameSeen[e.S] {
				sameSeen[e.S] = true
				sames = append(sames, e.S)
			}
		} else {
			b.WriteString(template.HTMLEscapeString(e.X))
		}
		b.WriteString("</a>")
		if e.P != cited {
			b.WriteString(" <cite>&@t" + e.P + ";</cite>")
			cited = e.P
		}
		b.WriteString("</li>")
	}
	if year != "" {
		b.WriteString("</ol>")
	}
	return b.String(), dates, sames
}

// normalizeURL is html/template's normalisation of a URL marked safe:
// bytes that may not stand in a URL are percent-encoded, the rest kept.
func normalizeURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("!#$&*+,/:;=?@[]-._~%", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}

// PageTimelines gives back the pages a SiteTimeline was built from, so
// that a run that converts one article need not read every other; ok is
// false when the list is not one BuildSiteTimeline made.
func (st SiteTimeline) PageTimelines() (map[string]PageTimeline, bool) {
	if st.Format != SiteTimelineFormat {
		return nil, false
	}
	paths := make(map[string]string, len(st.Pages))
	count := make(map[string]int, len(st.Pages))
	for p, sp := range st.Pages {
		paths[sp.N] = p
	}
	for _, e := range st.Events {
		count[e.P]++
	}
	out := make(map[string]PageTimeline, len(st.Pages))
	for p, sp := range st.Pages {
		out[p] = PageTimeline{Hash: sp.H, Unix: sp.U, Events: make([]PageEvent, count[sp.N])}
	}
	for _, e := range st.Events {
		p, ok := paths[e.P]
		if !ok || e.I < 0 || e.I >= len(out[p].Events) || out[p].Events[e.I].Date != "" {
			return nil, false
		}
		out[p].Events[e.I] = PageEvent{Date: e.D, Ref: e.R, Text: e.X}
	}
	return out, true
}

// siteEventKey is the key whose descending order is the order of
// /timeline/: the date with 00 for what it does not say, the page's date,
// its path, and the event's place in its page, inverted.
func siteEventKey(date string, unix int64, path string, i int) string {
	b := make([]byte, 0, 10+1+13+1+len(path)+1+4)
	b = append(b, date...)
	switch len(date) {
	case 4:
		b = append(b, "-00-00"...)
	case 7:
		b = append(b, "-00"...)
	}
	b = append(b, '|')
	b = appendPadded(b, unix+5_000_000_000_000, 13)
	b = append(b, '|')
	b = append(b, path...)
	b = append(b, '|')
	b = appendPadded(b, int64(9999-i), 4)
	return string(b)
}

// appendPadded appends n in decimal, zero-padded to width (as %0*d does).
func appendPadded(b []byte, n int64, width int) []byte {
	s := strconv.FormatInt(n, 10)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}
