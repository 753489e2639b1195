package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestReadPageTimeline: what the site's list takes from a page, and the
// pages it leaves to the theme's own walk. The hashes are what Hugo's
// `hash.FNV32a (jsonify .Params.timeline)` gives for the same front matter
// (internal/site's TestSiteTimeline builds a site with them).
func TestReadPageTimeline(t *testing.T) {
	taipei := time.FixedZone("+08", 8*3600)
	fm := func(s string) []byte { return []byte("+++\n" + s + "\n+++\n\n正文。\n") }
	tests := []struct {
		name   string
		page   []byte
		ok     bool
		unix   int64
		events []PageEvent
	}{
		{"params, as the converter writes", fm("title = '甲'\ndate = 2023-10-25T18:06:00+08:00\n[params]\nscript = 'Hant'\n[[params.timeline]]\ndate = '2011'\ntext = '承建實驗室'\nref = 't-2011'\n[[params.timeline]]\ndate = '2023-05-08'\ntext = '發布 1.0 & <2.0>'\nref = ''"),
			true, 1698228360, []PageEvent{{"2011", "t-2011", "承建實驗室"}, {"2023-05-08", "", "發布 1.0 & <2.0>"}}},
		{"a day without a time is midnight where the site is", fm("date = 2023-10-25\n[[params.timeline]]\ndate = '2023-06'\ntext = '六月'"),
			true, time.Date(2023, 10, 25, 0, 0, 0, 0, taipei).Unix(), []PageEvent{{"2023-06", "", "六月"}}},
		{"top level, keys in capitals (Hugo lower-cases them)", fm("title = '乙'\n[[timeline]]\nDate = '2015'\nText = '乙的事'"),
			true, noDate, []PageEvent{{"2015", "", "乙的事"}}},
		{"an empty list is a timeline", fm("title = '丙'\n[params]\ntimeline = []"), true, noDate, []PageEvent{}},
		{"no timeline", fm("title = '丁'"), false, 0, nil},
		{"a date that is not YYYY-MM-DD", fm("[[params.timeline]]\ndate = '2023/05/08'\ntext = 'x'"), false, 0, nil},
		{"a day not on the calendar", fm("[[params.timeline]]\ndate = '2023-02-30'\ntext = 'x'"), false, 0, nil},
		{"a month that is not one", fm("[[params.timeline]]\ndate = '2023-13'\ntext = 'x'"), false, 0, nil},
		{"a date written as a number", fm("[[params.timeline]]\ndate = 2023\ntext = 'x'"), false, 0, nil},
		{"a TOML date", fm("[[params.timeline]]\ndate = 2023-05-08\ntext = 'x'"), false, 0, nil},
		{"YAML front matter", []byte("---\ntimeline:\n  - date: '2011'\n    text: x\n---\n"), false, 0, nil},
		{"broken TOML", fm("[[params.timeline]]\ndate = '2011"), false, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pt, ok := ReadPageTimeline(tt.page, taipei)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if pt.Unix != tt.unix || !reflect.DeepEqual(pt.Events, tt.events) || pt.Hash == "" {
				t.Errorf("got %d %q %+v, want %d %+v", pt.Unix, pt.Hash, pt.Events, tt.unix, tt.events)
			}
		})
	}
	// The hash is of the list as Hugo holds it: a key written with capitals
	// hashes as its lower-case form, and any change to a text changes it.
	a, _ := ReadPageTimeline(fm("[[params.timeline]]\ndate = '2015'\ntext = '事'"), taipei)
	b, _ := ReadPageTimeline(fm("[[params.timeline]]\nDATE = '2015'\ntext = '事'"), taipei)
	c, _ := ReadPageTimeline(fm("[[params.timeline]]\ndate = '2015'\ntext = '事。'"), taipei)
	if a.Hash != b.Hash || a.Hash == c.Hash {
		t.Errorf("hashes %s %s %s: want the first two equal, the third different", a.Hash, b.Hash, c.Hash)
	}
	// jsonify of [{"date":"2015","text":"事"}], hashed with FNV-32a.
	if a.Hash != "3388640909" {
		t.Errorf("hash %s, want 3388640909", a.Hash)
	}
}

// TestRenderedTimelineIsReadBack: the timeline Render hands the batch for
// each page is what reading the page back gives, for every test input:
// the batch never reads back what it wrote.
func TestRenderedTimelineIsReadBack(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*/*.txt")
	inputs = append(inputs, sample)
	zone := time.FixedZone("-05", -5*3600)
	n := 0
	for _, in := range inputs {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Convert(filepath.Base(in), raw, DefaultOptions())
		if err != nil {
			continue // not an article: no page
		}
		// A zone far from the default: a day is midnight there on both sides.
		for _, f := range Render(doc, RenderOptions{Slug: "x", Typeset: true, Twin: marked{}, Zone: zone}).Files {
			back, ok := ReadPageTimeline(f.Data, zone)
			if f.Timeline == nil {
				if ok {
					t.Errorf("%s %s: Render gives no timeline, the page has %+v", in, f.Name, back)
				}
				continue
			}
			n++
			if !ok || !reflect.DeepEqual(back, *f.Timeline) {
				t.Errorf("%s %s: Render gives %+v, the page reads back as %+v (ok %v)", in, f.Name, *f.Timeline, back, ok)
			}
		}
	}
	if n == 0 {
		t.Fatal("no input has a timeline")
	}
}

// TestRenderedTimelineDay: an article dated by the day only is, for the
// site timeline's order, midnight where the site is, as Hugo and
// ReadPageTimeline read its front matter.
func TestRenderedTimelineDay(t *testing.T) {
	raw := []byte("山城書店的十年\n\n2024年3月2日\n\n書店在 2014 年 5 月 1 日開張，當時只有兩個書架。\n\n2019 年，店主把二樓改成了讀書會的空間。\n")
	doc, err := Convert("day.txt", raw, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Date == nil || doc.Date.HasTime {
		t.Fatalf("date %+v, want a day without a time", doc.Date)
	}
	zone := time.FixedZone("-05", -5*3600)
	f := Render(doc, RenderOptions{Slug: "x", Zone: zone}).Files[0]
	back, ok := ReadPageTimeline(f.Data, zone)
	if f.Timeline == nil || !ok {
		t.Fatalf("no timeline: rendered %v, read back %v", f.Timeline, ok)
	}
	if want := time.Date(2024, 3, 2, 0, 0, 0, 0, zone).Unix(); f.Timeline.Unix != want || back.Unix != want {
		t.Errorf("rendered %d, read back %d, want %d", f.Timeline.Unix, back.Unix, want)
	}
}

// marked is a Twinner for tests: the twin's texts end in a mark.
type marked struct{}

func (marked) ConvertKeeping(s string, _ []string) string {
	if s == "" {
		return s
	}
	return s + "※"
}
func (marked) Name() string     { return "test" }
func (marked) Vocabulary() bool { return false }

// TestBuildSiteTimeline: the order of /timeline/ and the events that only
// point to a clause told above.
func TestBuildSiteTimeline(t *testing.T) {
	pages := map[string]PageTimeline{
		"posts/a/index.md": {Hash: "1", Unix: 2000, Events: []PageEvent{
			{"2011", "t-2011", "甲 2011"}, {"2023-05-08", "t-1", "甲 五月"}, {"2023-05", "", "甲 五月間"}, {"2023-05-08", "t-2", "甲 五月又一事"},
		}},
		"posts/b/index.md": {Hash: "2", Unix: 1000, Events: []PageEvent{
			{"2023-06-09", "t-3", "同一句"}, {"2023-05-08", "t-3", "同一句"}, {"2023", "", "乙 這一年"},
		}},
		"posts/c/index.md": {Hash: "3", Unix: 2000, Events: []PageEvent{{"2023-05-08", "", "丙 五月"}}},
	}
	st := BuildSiteTimeline(pages)
	var got []string
	for _, e := range st.Events {
		got = append(got, e.D+" "+e.P+" "+e.X+" "+e.S)
	}
	want := []string{
		"2023-06-09 1 同一句 ",
		// One date: the newer pages first (a and c share a date: the later
		// path first), a page's events in its own order, the older page's
		// clause told above.
		"2023-05-08 2 丙 五月 ",
		"2023-05-08 0 甲 五月 ",
		"2023-05-08 0 甲 五月又一事 ",
		"2023-05-08 1 同一句 2023-06-09",
		"2023-05 0 甲 五月間 ",
		"2023 1 乙 這一年 ",
		"2011 0 甲 2011 ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st.Pages["posts/b/index.md"] != (SitePage{N: "1", H: "2", U: 1000}) || len(st.Pages) != 3 {
		t.Errorf("pages %+v", st.Pages)
	}
	// The list gives back the pages it was made from: the next run's cache.
	if back, ok := st.PageTimelines(); !ok || !reflect.DeepEqual(back, pages) {
		t.Errorf("given back:\n%+v\nwant\n%+v", back, pages)
	}
	broken := st
	broken.Events = append([]SiteEvent{{D: "2020", P: "0", X: "多出來的", I: 0}}, st.Events...)
	if _, ok := broken.PageTimelines(); ok {
		t.Error("a list with two events in one place is given back as pages")
	}
}

// TestSiteEventKey: the key the theme's walk writes with printf
// "%s|%013d|%s|%04d" (site-events.html).
func TestSiteEventKey(t *testing.T) {
	for _, tt := range []struct {
		date string
		unix int64
		i    int
		want string
	}{
		{"2023", 1698228360, 0, "2023-00-00|5001698228360|posts/a/index.md|9999"},
		{"2023-05", 0, 12, "2023-05-00|5000000000000|posts/a/index.md|9987"},
		{"2023-05-08", noDate, 3, "2023-05-08|4937864403200|posts/a/index.md|9996"},
	} {
		if got := siteEventKey(tt.date, tt.unix, "posts/a/index.md", tt.i); got != tt.want {
			t.Errorf("%s %d %d: %q, want %q", tt.date, tt.unix, tt.i, got, tt.want)
		}
	}
}

// TestSiteRows: /timeline/'s rows as the theme's walk writes
// them, values escaped as html/template escapes them, with the
// placeholders the theme fills.
func TestSiteRows(t *testing.T) {
	events := []SiteEvent{
		{D: "2023-06-09", P: "1", R: "t-3", X: "同一句"},
		{D: "2023-05-08", P: "1", R: "t 4", X: "發布 1.0 & <2.0> \"A+B\" 'C'"},
		{D: "2023-05-08", P: "0", R: "t-3", X: "同一句", S: "2023-06-09"},
		{D: "2023", P: "0", X: "這一年"},
		{D: "2011", P: "0", X: "二〇一一"},
	}
	rows, dates, sames := siteRows(events)
	want := "\n<h2 data-pagefind-ignore class=\"timeline-year\" id=\"y2023\">&@d2023;</h2>\n<ol class=\"timeline\">" +
		"\n<li><time datetime=\"2023-06-09\">&@d2023-06-09;</time> <a href=\"&@u1;#t-3\">同一句</a> <cite>&@t1;</cite></li>" +
		"\n<li><time datetime=\"2023-05-08\">&@d2023-05-08;</time> <a href=\"&@u1;#t%204\">發布 1.0 &amp; &lt;2.0&gt; &#34;A+B&#34; &#39;C&#39;</a></li>" +
		"\n<li><time datetime=\"2023-05-08\">&@d2023-05-08;</time> <a href=\"&@u0;#t-3\">&@s2023-06-09;</a> <cite>&@t0;</cite></li>" +
		"\n<li><time datetime=\"2023\" class=\"visually-hidden\">&@d2023;</time> <a href=\"&@u0;\">這一年</a></li></ol>" +
		"\n<h2 data-pagefind-ignore class=\"timeline-year\" id=\"y2011\">&@d2011;</h2>\n<ol class=\"timeline\">" +
		"\n<li><time datetime=\"2011\" class=\"visually-hidden\">&@d2011;</time> <a href=\"&@u0;\">二〇一一</a> <cite>&@t0;</cite></li></ol>"
	if rows != want {
		t.Errorf("rows:\n%s\nwant\n%s", rows, want)
	}
	if got := strings.Join(dates, " "); got != "2023 2023-06-09 2023-05-08 2011" {
		t.Errorf("dates %q", got)
	}
	if got := strings.Join(sames, " "); got != "2023-06-09" {
		t.Errorf("sames %q", got)
	}
	if rows, dates, _ := siteRows(nil); rows != "" || dates != nil {
		t.Errorf("no events: %q %q", rows, dates)
	}
}

// TestSiteTimelineJSON: the events go out as one string and come back as
// they were; the file starts with its format, rows unescaped.
func TestSiteTimelineJSON(t *testing.T) {
	st := BuildSiteTimeline(map[string]PageTimeline{
		"posts/a/index.md": {Hash: "1", Unix: 2000, Events: []PageEvent{{"2011", "t-2011", "甲 <2011> & \"乙\""}, {"2023-05", "", "五月"}}},
	})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(st); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), fmt.Sprintf(`{"format":%d,`, SiteTimelineFormat)) || !strings.Contains(b.String(), `"rows":"\n<h2`) {
		t.Errorf("written as %.80s…", b.String())
	}
	var raw map[string]any
	if err := json.Unmarshal(b.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := raw["events"].(string); !ok {
		t.Errorf("events are %T, want one string", raw["events"])
	}
	var back SiteTimeline
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, st) {
		t.Errorf("read back\n%+v\nwant\n%+v", back, st)
	}
}
