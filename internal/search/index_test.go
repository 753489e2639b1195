package search

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/jishi/jishi/internal/sitebuild"
)

// TestIndexKeepsUnchangedShards: with shards oldest article first, a new
// article re-indexes the last shard only, an edited one its own shard, and
// the other shards are kept as they were.
func TestIndexKeepsUnchangedShards(t *testing.T) {
	root, _ := filepath.Abs("../..")
	if !sitebuild.Pagefind(root) {
		t.Skip("Pagefind is not installed (npm ci)")
	}
	defer func(n int) { ShardTokens = n }(ShardTokens)
	ShardTokens = 20 // two of these articles a shard
	pub := t.TempDir()
	page := func(i int, text string) {
		p := filepath.Join(pub, "posts", fmt.Sprint(i), "index.html")
		os.MkdirAll(filepath.Dir(p), 0o755)
		html := fmt.Sprintf(`<html lang=zh-Hant><body><article data-pagefind-body><h1>第%d篇</h1>`+
			`<time data-pagefind-meta=date datetime=2024-03-%02dT08:00:00+08:00></time><p>%s</p></article></body></html>`, i, i+1, text)
		if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, text := range []string{"渡口的船", "山上的霧", "城裡的燈", "海邊的風"} {
		page(i, text)
	}
	index := func(wantPages, wantIndexed int) {
		t.Helper()
		pages, indexed, err := Index(context.Background(), root, pub, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if pages != wantPages || indexed != wantIndexed {
			t.Errorf("indexed %d of %d pages, want %d of %d", indexed, pages, wantIndexed, wantPages)
		}
	}
	index(4, 4)
	mark := func(shard string) string {
		p := filepath.Join(pub, "pagefind", "zh", shard, "kept")
		os.WriteFile(p, nil, 0o644)
		return p
	}
	kept := func(p string) bool { _, err := os.Stat(p); return err == nil }
	one, two := mark("1"), mark("2")

	page(4, "新來的文章") // the newest: a third shard
	index(5, 1)
	if !kept(one) || !kept(two) {
		t.Errorf("a new article re-indexed older shards (1 kept: %v, 2 kept: %v)", kept(one), kept(two))
	}
	page(0, "渡口的小船") // an edit in the first shard
	index(5, 2)
	if kept(one) || !kept(two) {
		t.Errorf("an edit: shard 1 kept %v (want re-indexed), shard 2 kept %v (want kept)", kept(one), kept(two))
	}
	b, _ := os.ReadFile(filepath.Join(pub, "pagefind", "zh", "shards.json"))
	if string(b) != `{"shards":["1/","2/","3/"]}` {
		t.Errorf("shards.json = %s", b)
	}
	index(5, 0) // nothing changed: nothing indexed
}
