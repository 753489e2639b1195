package site

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/jishi/jishi/internal/batch"
	"github.com/jishi/jishi/internal/convert"
	"github.com/jishi/jishi/internal/review"
)

// writeReview renders the review page of the raw files a test site was
// converted from into public/_review/, linking each article's page.
func writeReview(src, public string) error {
	man, err := batch.LoadManifest(filepath.Join(src, "content"))
	if err != nil {
		return err
	}
	var items []review.Item
	for _, dir := range []string{"raw", "internal/convert/testdata/hostile", "internal/site/testdata/anchors", "internal/site/testdata/shapes"} {
		files, _ := filepath.Glob(filepath.Join(Root(), dir, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			it := review.Item{Source: filepath.ToSlash(filepath.Join(dir, filepath.Base(f)))}
			var text string
			it.Doc, text, err = convert.ConvertText(filepath.Base(f), raw, convert.DefaultOptions())
			it.Lines = strings.Split(text, "\n")
			if err != nil {
				it.Reason = err.Error()
			}
			if e := man.Sources[filepath.Base(f)]; e != nil {
				it.PageURL = "/" + e.Dir + "/"
			}
			items = append(items, it)
		}
	}
	items = append(items, review.Item{Source: "raw/empty.txt", Reason: "empty"})
	out := filepath.Join(public, "_review")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "review.css"), review.CSS, 0o644); err != nil {
		return err
	}
	toml, err := os.ReadFile(filepath.Join(Root(), "jishi.toml"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "index.html"), review.Render(items, review.Settings(toml)), 0o644)
}
