package convert

import (
	"os"
	"testing"
)

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
		if _, err := Run(Config{Out: out, Options: DefaultOptions()}, files, nil); err != nil {
			b.Fatal(err)
		}
	}
}
