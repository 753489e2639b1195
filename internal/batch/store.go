package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jishi/jishi/internal/convert"
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

// StoreOptions control how Store treats existing files.
type StoreOptions struct {
	Force  bool // replace edited files, keeping the author's version beside them
	DryRun bool // write nothing; report what would change
	// Converter names what writes the files (see converterOf), recorded in
	// the manifest; convert.Version when empty.
	Converter string
}

// Change is one file Store wrote, or would write in a dry run.
type Change struct {
	Name     string // the file's name in its bundle
	Path     string
	Old, New []byte // Old is nil for a new file
	Kept     string // the path the author's edit was kept at, with --force
}

// decision is what Store does with one bundle, decided from the manifest's
// last entry and what is on disk, before anything is written.
type decision struct {
	entry   *Entry
	status  string
	changes []Change
	// authors are the files left as the author edited them.
	authors map[string]bool
}

// decide is Store's whole policy, with no disk access: prev is the
// manifest's entry (nil for a new source), disk holds each file of the
// bundle as it is now (absent when missing). An edited file is never
// overwritten unless opt.Force, and then the edit is kept beside it; a twin
// the author's own page turns off is not written.
func decide(dir string, b convert.Bundle, prev *Entry, disk map[string][]byte, sha string, opt StoreOptions) decision {
	conv := opt.Converter
	if conv == "" {
		conv = convert.Version
	}
	entry := &Entry{SHA256: sha, Converter: conv, Dir: b.Dir, Files: map[string]string{}}
	twinOff := false
	if len(b.Files) > 0 {
		if own, ok := disk[b.Files[0].Name]; ok {
			twinOff = convert.TwinOff(own)
		}
	}
	var changes []Change
	edited := false
	var authors map[string]bool
	for _, f := range b.Files {
		if f.Twin && twinOff {
			continue // the author turned this article's twin off; that choice survives re-conversion
		}
		path := filepath.Join(dir, f.Name)
		entry.Files[f.Name] = hashBytes(f.Data)
		old, exists := disk[f.Name]
		switch {
		case !exists:
			changes = append(changes, Change{Name: f.Name, Path: path, New: f.Data})
			continue
		case bytes.Equal(old, f.Data):
			continue
		}
		if prev == nil || prev.Files[f.Name] != hashBytes(old) {
			edited = true
			if !opt.Force {
				// Keep the author's file, and remember what it was so a later
				// run still sees it as theirs.
				entry.Files[f.Name] = prevHash(prev, f.Name)
				if authors == nil {
					authors = map[string]bool{}
				}
				authors[f.Name] = true
				continue
			}
			changes = append(changes, Change{Name: f.Name, Path: path, Old: old, New: f.Data, Kept: keptPath(path, old)})
			continue
		}
		changes = append(changes, Change{Name: f.Name, Path: path, Old: old, New: f.Data})
	}
	status := StatusUnchanged
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
	return decision{entry, status, changes, authors}
}

// Store writes a bundle under out and returns the new manifest entry, the
// status and the changes (see decide). A dry run reads but writes nothing.
func Store(out string, b convert.Bundle, prev *Entry, sha string, opt StoreOptions) (*Entry, string, []Change, error) {
	var names []string
	for _, f := range b.Files {
		names = append(names, f.Name)
	}
	disk, err := readBundle(out, b.Dir, names)
	if err != nil {
		return nil, StatusFailed, nil, err
	}
	d, err := storeRead(out, b, prev, disk, sha, opt)
	return d.entry, d.status, d.changes, err
}

// readBundle reads the named files of a bundle as they are on disk; a
// missing file is absent from the map.
func readBundle(out, rel string, names []string) (map[string][]byte, error) {
	dir, err := bundleDir(out, rel)
	if err != nil {
		return nil, err
	}
	disk := map[string][]byte{}
	for _, name := range names {
		old, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			disk[name] = old
		}
	}
	return disk, nil
}

// storeRead is Store with the bundle's files already read (see readBundle).
func storeRead(out string, b convert.Bundle, prev *Entry, disk map[string][]byte, sha string, opt StoreOptions) (decision, error) {
	failed := decision{status: StatusFailed}
	dir, err := bundleDir(out, b.Dir)
	if err != nil {
		return failed, err
	}
	d := decide(dir, b, prev, disk, sha, opt)
	if opt.DryRun || len(d.changes) == 0 {
		return d, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failed, err
	}
	removeStaleTemps(dir)
	for _, c := range d.changes {
		if c.Kept != "" {
			if err := replaceFile(c.Kept, c.Old, false); err != nil {
				return failed, err
			}
		}
		if err := replaceFile(c.Path, c.New, false); err != nil {
			return failed, err
		}
	}
	return d, nil
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
// or the new one, never a part. Bundles are made durable by one syncAll at
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
