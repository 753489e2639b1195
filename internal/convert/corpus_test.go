package convert

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCorpus runs every file of a generated corpus through decode, parse and
// enrich and proves the accounting on each. It needs a corpus made by
// ../shared/tools/gencorpus.py, so it runs only when JISHI_CORPUS names one:
//
//	python3 ../shared/tools/gencorpus.py --n 1000 --encodings --out /tmp/c1k
//	JISHI_CORPUS=/tmp/c1k go test ./internal/convert -run Corpus
func TestCorpus(t *testing.T) {
	dir := os.Getenv("JISHI_CORPUS")
	if dir == "" {
		t.Skip("JISHI_CORPUS is not set")
	}
	files := corpusFiles(t, dir)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, enc, err := Decode(raw)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		doc, err := Parse(filepath.Base(f), text, enc, DefaultOptions())
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		Enrich(doc, DefaultOptions())
		if err := account(text, doc); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
	t.Logf("%d files accounted for", len(files))
}

// corpusFiles lists the .txt files of a corpus folder, sorted.
func corpusFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}
