package convert

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// sample is the real scraped interview the project ships as its default input.
const sample = "../../raw/000_d21f18bab95616ed.txt"

func inspectJSON(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Convert(filepath.Base(path), raw, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, Diff(path, want, got))
	}
}

// TestSampleInspectGolden: the Document of the sample, checked by hand
// against the raw file line by line when the golden file was made.
func TestSampleInspectGolden(t *testing.T) {
	golden(t, "sample.inspect.json", inspectJSON(t, sample))
}

// TestSampleShapes states the sample's shapes directly, so a regression
// reads as a sentence rather than a JSON diff.
func TestSampleShapes(t *testing.T) {
	raw, _ := os.ReadFile(sample)
	doc, err := Convert("000_d21f18bab95616ed.txt", raw, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "對話科大訊飛:不賺錢是 ChatGPT 的問題,不是大模型商業化的問題" || doc.Part == nil || *doc.Part != 1 {
		t.Errorf("title %q part %v", doc.Title, doc.Part)
	}
	if doc.Date == nil || doc.Date.String() != "2023-10-25T18:06:00+08:00" {
		t.Errorf("date %v", doc.Date)
	}
	if len(doc.Boilerplate) != 1 || !bytes.HasPrefix([]byte(doc.Boilerplate[0]), []byte("01-神魔宇宙")) {
		t.Errorf("boilerplate %q", doc.Boilerplate)
	}
	count := map[Kind]int{}
	turns := map[string]int{}
	for _, b := range doc.Blocks {
		count[b.Kind]++
		if b.Kind == KindTurn {
			turns[b.Speaker]++
		}
	}
	if count[KindList] != 1 || count[KindHeading] != 2 || count[KindCaption] != 1 || count[KindTurn] != 14 {
		t.Errorf("block kinds %v", count)
	}
	if turns["問"] != 7 || turns["劉聰"] != 4 || turns["劉慶峰"] != 3 {
		t.Errorf("turns by speaker %v", turns)
	}
	var dates []string
	for _, e := range doc.Events {
		dates = append(dates, e.Date)
	}
	want := []string{"2011", "2012", "2018", "2022-12-15", "2023-05-08", "2023-06", "2023-06-08", "2023-06-09", "2023-09-05", "2023-10-24"}
	if !equal(dates, want) {
		t.Errorf("events\n got %v\nwant %v", dates, want)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var readFile = os.ReadFile

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
