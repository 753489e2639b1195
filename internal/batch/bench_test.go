package batch

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jishi/jishi/internal/convert"
)

// BenchmarkStore: an atomic write of a new bundle (page and twin).
func BenchmarkStore(b *testing.B) {
	raw, err := os.ReadFile("../../raw/000_d21f18bab95616ed.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := convert.Convert("b.txt", raw, convert.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	bundle := convert.Render(doc, convert.RenderOptions{Slug: "x", Twin: twinFor(convert.DefaultOptions(), doc.Script, false)})
	out := b.TempDir()
	b.SetBytes(int64(len(bundle.Files[0].Data) + len(bundle.Files[1].Data)))
	for b.Loop() {
		os.RemoveAll(filepath.Join(out, "posts"))
		if _, _, _, err := Store(out, bundle, nil, doc.SHA256, StoreOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunCorpus converts a whole generated corpus (JISHI_CORPUS) cold,
// twins included, into a fresh folder each time.
func BenchmarkRunCorpus(b *testing.B) {
	dir := os.Getenv("JISHI_CORPUS")
	if dir == "" {
		b.Skip("JISHI_CORPUS is not set")
	}
	files, err := Inputs([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		out := b.TempDir()
		if _, err := Run(Config{Out: out, Options: convert.DefaultOptions()}, files, nil); err != nil {
			b.Fatal(err)
		}
	}
}
