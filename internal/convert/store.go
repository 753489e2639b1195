package convert

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Status of one source file after a run.
const (
	StatusConverted = "converted" // a new bundle was written
	StatusUpdated   = "updated"   // the source changed and its unedited bundle was rewritten
	StatusUnchanged = "unchanged" // nothing to do
	StatusKept      = "kept"      // an author edited the bundle; it was left alone
	StatusReplaced  = "replaced"  // --force: the author's edit was kept beside the new file
	StatusFailed    = "failed"
)

// Manifest is what the converter wrote last, per source file: the place of
// its bundle and the hash of each file, so that an author's edit is seen.
type Manifest struct {
	Sources map[string]*Entry `json:"sources"`
}

// Entry is one source file's record in the Manifest.
type Entry struct {
	SHA256 string `json:"sha256"`
	// Converter is the Version that wrote the files: a new converter re-renders.
	Converter string            `json:"converter"`
	Dir       string            `json:"dir"`
	Files     map[string]string `json:"files"`
}

// manifestPath is inside the content folder, in a directory Hugo ignores.
func manifestPath(out string) string { return filepath.Join(out, ".jishi", "manifest.json") }

// LoadManifest reads the manifest of an output folder; a missing one is empty.
func LoadManifest(out string) (*Manifest, error) {
	m := &Manifest{Sources: map[string]*Entry{}}
	b, err := os.ReadFile(manifestPath(out))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("%s: %w", manifestPath(out), err)
	}
	if m.Sources == nil {
		m.Sources = map[string]*Entry{}
	}
	return m, nil
}

// Save writes the manifest atomically, keys sorted, so runs compare byte for byte.
func (m *Manifest) Save(out string) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(manifestPath(out)), 0o755); err != nil {
		return err
	}
	return replaceFile(manifestPath(out), append(b, '\n'), true)
}

func hashBytes(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// StoreOptions control how Store treats existing files.
type StoreOptions struct {
	Force  bool // replace edited files, keeping the author's version beside them
	DryRun bool // write nothing; report what would change
}

// Change is one file Store wrote, or would write in a dry run.
type Change struct {
	Path     string
	Old, New []byte // Old is nil for a new file
	Kept     string // the path the author's edit was kept at, with --force
}

// Store writes a bundle under out. prev is what the manifest says was
// written last for this source (nil for a new one); Store returns the new
// entry, the status and the changes. An edited file is never overwritten
// unless opt.Force, and then the edit is kept beside it first.
func Store(out string, b Bundle, prev *Entry, sha string, opt StoreOptions) (*Entry, string, []Change, error) {
	dir, err := bundleDir(out, b.Dir)
	if err != nil {
		return nil, StatusFailed, nil, err
	}
	entry := &Entry{SHA256: sha, Converter: Version, Dir: b.Dir, Files: map[string]string{}}
	status := StatusUnchanged
	var changes []Change
	edited := false
	var own []byte // the article's own file as it is on disk (the first file)
	for i, f := range b.Files {
		if f.Twin && bytes.Contains(own, []byte("\ntwin = false\n")) {
			continue // the author turned this article's twin off; that choice survives re-conversion
		}
		path := filepath.Join(dir, f.Name)
		entry.Files[f.Name] = hashBytes(f.Data)
		old, err := os.ReadFile(path)
		if i == 0 {
			own = old
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			changes = append(changes, Change{Path: path, New: f.Data})
			continue
		case err != nil:
			return nil, StatusFailed, nil, err
		case bytes.Equal(old, f.Data):
			continue
		}
		if prev == nil || prev.Files[f.Name] != hashBytes(old) {
			edited = true
			if !opt.Force {
				// Keep the author's file, and remember what it is now so a later
				// run still sees it as theirs.
				entry.Files[f.Name] = prevHash(prev, f.Name)
				continue
			}
			changes = append(changes, Change{Path: path, Old: old, New: f.Data, Kept: keptPath(path, old)})
			continue
		}
		changes = append(changes, Change{Path: path, Old: old, New: f.Data})
	}
	switch {
	case edited && !opt.Force:
		status = StatusKept
	case edited:
		status = StatusReplaced
	case len(changes) > 0 && prev == nil:
		status = StatusConverted
	case len(changes) > 0:
		status = StatusUpdated
	}
	if opt.DryRun {
		return entry, status, changes, nil
	}
	if len(changes) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, StatusFailed, nil, err
		}
		removeStaleTemps(dir)
	}
	for _, c := range changes {
		if c.Kept != "" {
			if err := replaceFile(c.Kept, c.Old, false); err != nil {
				return nil, StatusFailed, nil, err
			}
		}
		if err := replaceFile(c.Path, c.New, false); err != nil {
			return nil, StatusFailed, nil, err
		}
	}
	return entry, status, changes, nil
}

func prevHash(prev *Entry, name string) string {
	if prev == nil {
		return ""
	}
	return prev.Files[name]
}

// keptPath names the copy of an author's edit: hidden from Hugo by its dot,
// named by its content so a second --force does not pile up copies.
func keptPath(path string, old []byte) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"."+hashBytes(old)[:12]+".edited")
}

// bundleDir resolves a bundle's directory and refuses any path outside out.
func bundleDir(out, rel string) (string, error) {
	if rel == "" || filepath.IsAbs(rel) || strings.Contains(rel, "..") || strings.ContainsAny(rel, "\\:") {
		return "", fmt.Errorf("bundle path %q is not a plain relative path", rel)
	}
	return filepath.Join(out, filepath.FromSlash(rel)), nil
}

// replaceFile writes data to a temporary file beside path and renames it
// over path, so a reader, or a run killed at any moment, sees the old file
// or the new one, never a part. Bundles are made durable by one sync(2) at
// the end of a run (see Run), not an fsync each: with durable, the file is
// synced itself (the manifest, written last).
func replaceFile(path string, data []byte, durable bool) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil && durable {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// removeStaleTemps deletes temporary files a killed run left in dir. The
// folder lock means no other run is writing them.
func removeStaleTemps(dir string) {
	stale, _ := filepath.Glob(filepath.Join(dir, ".tmp-*"))
	for _, f := range stale {
		os.Remove(f)
	}
}
