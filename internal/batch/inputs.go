package batch

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Inputs expands files and folders into the .txt files to convert, sorted
// by base name. A folder contributes its .txt files, not hidden ones and
// not those in hidden folders.
func Inputs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".txt") && !strings.HasPrefix(d.Name(), ".") {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := filepath.Base(out[i]), filepath.Base(out[j]); a != b {
			return a < b
		}
		return out[i] < out[j]
	})
	return out, nil
}
