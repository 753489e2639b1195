package batch

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// The stat cache lets a run skip an unchanged source without reading it or
// its bundle: size and modification time of the raw file and of each file
// the converter wrote, as they were after the last run. It is only a cache —
// missing or stale, the run falls back on hashes — and is not committed:
// times differ from one checkout to the next.

type fileStat struct {
	Size  int64 `json:"size"`
	Mtime int64 `json:"mtime"`
}

type statEntry struct {
	Raw   fileStat            `json:"raw"`
	Files map[string]fileStat `json:"files"`
}

type statCache map[string]*statEntry

func statPath(out string) string { return filepath.Join(out, ".jishi", "stat.json") }

func loadStats(out string) statCache {
	s := statCache{}
	if b, err := os.ReadFile(statPath(out)); err == nil {
		json.Unmarshal(b, &s)
	}
	return s
}

func (s statCache) save(out string) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if unchanged(statPath(out), b) {
		return nil
	}
	return replaceFile(statPath(out), b, false)
}

func statOf(path string) (fileStat, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return fileStat{}, false
	}
	return fileStat{Size: st.Size(), Mtime: st.ModTime().UnixNano()}, true
}

// bundleStats reads the stats of an entry's files as they are on disk.
func bundleStats(out string, e *Entry) map[string]fileStat {
	m := map[string]fileStat{}
	for name := range e.Files {
		if st, ok := statOf(filepath.Join(out, filepath.FromSlash(e.Dir), name)); ok {
			m[name] = st
		}
	}
	return m
}

// unchangedByStat: the raw file and every bundle file are as the last run left them.
func (c *statEntry) unchangedByStat(raw fileStat, out string, e *Entry) bool {
	if c == nil || c.Raw != raw || len(c.Files) != len(e.Files) {
		return false
	}
	for name, st := range bundleStats(out, e) {
		if c.Files[name] != st {
			return false
		}
	}
	return true
}
