package batch

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
)

// Manifest is what the converter wrote last, per source file: the place of
// its bundle and the hash of each file, so that an author's edit is seen.
type Manifest struct {
	Sources map[string]*Entry `json:"sources"`
}

// Entry is one source file's record in the Manifest.
type Entry struct {
	SHA256 string `json:"sha256"`
	// Converter is the convert.Version and the settings that wrote the
	// files: a new converter or changed settings re-render.
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

// Save writes the manifest atomically and durably, keys sorted, so runs
// compare byte for byte, after syncing the bundles it vouches for. A
// manifest that is what the file already holds is not written: a run with
// nothing to do costs no sync (syscall.Sync flushes the whole machine's
// writes, a Hugo build's too) and no rewrite.
func (m *Manifest) Save(out string) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if unchanged(manifestPath(out), b) {
		return nil
	}
	// The bundles reach the disk before the manifest that vouches for them.
	syncAll()
	if err := os.MkdirAll(filepath.Dir(manifestPath(out)), 0o755); err != nil {
		return err
	}
	return replaceFile(manifestPath(out), b, true)
}

// unchanged reports whether the file at path holds exactly b.
func unchanged(path string, b []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, b)
}

func hashBytes(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
