package batch

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jishi/jishi/internal/convert"
)

// TestSiteTimelineData: a run writes the site's sorted timeline beside the
// content folder of a Hugo site (and nothing outside any other folder);
// a run with nothing to do leaves it alone; an author's edit, a lost data
// folder and a new article are all in the next run's list.
func TestSiteTimelineData(t *testing.T) {
	raw, err := os.ReadFile("../../raw/000_d21f18bab95616ed.txt")
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	inbox := filepath.Join(site, "raw")
	os.MkdirAll(inbox, 0o755)
	os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = 'x'\n"), 0o644)
	os.WriteFile(filepath.Join(inbox, "a.txt"), raw, 0o644)
	out := filepath.Join(site, "content")
	data := filepath.Join(site, "data", "jishi", "timeline")
	run := func(want string) {
		t.Helper()
		files, err := Inputs([]string{inbox})
		if err != nil {
			t.Fatal(err)
		}
		results, err := Run(Config{Out: out, Options: convert.DefaultOptions()}, files, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range results {
			got = append(got, r.Status)
		}
		if strings.Join(got, " ") != want {
			t.Fatalf("statuses %q, want %q", got, want)
		}
	}
	list := func(lang string) convert.SiteTimeline {
		t.Helper()
		var st convert.SiteTimeline
		b, err := os.ReadFile(filepath.Join(data, lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &st); err != nil {
			t.Fatal(err)
		}
		return st
	}

	run(StatusConverted)
	hant, hans := list("default"), list("zh-hans")
	if len(hant.Pages) != 1 || len(hant.Events) != 10 || len(hans.Events) != 10 {
		t.Fatalf("default: %d pages, %d events; zh-hans: %d events", len(hant.Pages), len(hant.Events), len(hans.Events))
	}
	var page string
	for p := range hant.Pages {
		page = p
	}
	if !strings.HasSuffix(page, "/index.md") || hans.Pages[strings.TrimSuffix(page, "index.md")+"index.zh-hans.md"].H == "" {
		t.Fatalf("pages %v and %v", hant.Pages, hans.Pages)
	}
	if hant.Events[0].D != "2023-10-24" || hant.Events[len(hant.Events)-1].D != "2011" {
		t.Errorf("not newest first: %+v", hant.Events)
	}

	// Nothing to do: the list is not written again.
	stamp := time.Unix(1_000_000_000, 0)
	os.Chtimes(filepath.Join(data, "default.json"), stamp, stamp)
	run(StatusUnchanged)
	if st, _ := os.Stat(filepath.Join(data, "default.json")); !st.ModTime().Equal(stamp) {
		t.Error("a run with nothing to do rewrote the list")
	}

	// A list an older converter wrote is made again by a run with nothing
	// else to do.
	os.WriteFile(filepath.Join(data, "default.json"), []byte(`{"pages":{},"events":[]}`), 0o644)
	run(StatusUnchanged)
	if got := list("default"); got.Format != convert.SiteTimelineFormat || len(got.Pages) != 1 || len(got.Events) != 10 {
		t.Errorf("an old list is not made again: %+v", got.Pages)
	}

	// An author's edit to a timeline text: the page is kept, the list
	// shows the author's words, and its hash is that of the edited page.
	path := filepath.Join(out, filepath.FromSlash(page))
	b, _ := os.ReadFile(path)
	edited := strings.Replace(string(b), "我們在 2012 年就上線了系統。", "我們在 2012 年就上線了系統（作者改）。", 1)
	if edited == string(b) {
		t.Fatal("the sample's 2012 event is not where the test expects it")
	}
	os.WriteFile(path, []byte(edited), 0o644)
	run(StatusKept)
	found := false
	for _, e := range list("default").Events {
		found = found || strings.Contains(e.X, "作者改")
	}
	want, _ := convert.ReadPageTimeline([]byte(edited), convert.DefaultZone)
	if !found || list("default").Pages[page].H != want.Hash {
		t.Errorf("the list does not follow the author's edit: %+v", list("default"))
	}

	// A lost data folder is made again, from the pages as they are.
	os.RemoveAll(filepath.Join(site, "data"))
	run(StatusKept)
	if got := list("default"); got.Pages[page].H != want.Hash {
		t.Errorf("the list made again does not hold the author's edit: %+v", got.Pages)
	}

	// A second article joins the list.
	os.WriteFile(filepath.Join(inbox, "b.txt"), []byte("第二篇文章的標題\n\n2019年3月2日，我們在台北開了第一家店。\n\n2020年，我們搬到了新的地方。\n"), 0o644)
	run(StatusKept + " " + StatusConverted)
	if got := list("default"); len(got.Pages) != 2 || len(got.Events) != 12 {
		t.Errorf("after a second article: %d pages, %d events", len(got.Pages), len(got.Events))
	}

	// A run over one file takes the others' events from the list itself.
	os.WriteFile(filepath.Join(inbox, "b.txt"), []byte("第二篇文章的標題\n\n2019年3月2日，我們在台北開了第一家店。\n\n2021年，我們搬到了新的地方。\n"), 0o644)
	if _, err := Run(Config{Out: out, Options: convert.DefaultOptions()}, []string{filepath.Join(inbox, "b.txt")}, nil); err != nil {
		t.Fatal(err)
	}
	dates := map[string]bool{}
	for _, e := range list("default").Events {
		dates[e.D] = true
	}
	if got := list("default"); len(got.Pages) != 2 || len(got.Events) != 12 || !dates["2023-10-24"] || !dates["2021"] || dates["2020"] {
		t.Errorf("after converting one file: %d pages, events %+v", len(got.Pages), got.Events)
	}

	// A content folder that is not a Hugo site's: nothing beside it.
	plain := t.TempDir()
	files, _ := Inputs([]string{inbox})
	if _, err := Run(Config{Out: filepath.Join(plain, "out"), Options: convert.DefaultOptions()}, files, nil); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(plain); len(entries) != 1 {
		t.Errorf("a run into a plain folder wrote beside it: %v", entries)
	}
}
