package batch

import (
	"strings"
	"testing"

	"github.com/jishi/jishi/internal/convert"
)

// TestDecide is Store's policy as a table: the manifest's last entry × what
// is on disk × --force → status, the files written, the files kept.
func TestDecide(t *testing.T) {
	page, twin := []byte("+++\ntitle = 'x'\n[params]\nscript = 'Hant'\n+++\n正文\n"), []byte("+++\ntitle = 'x'\n+++\n正文\n")
	newPage := []byte("+++\ntitle = 'x'\n[params]\nscript = 'Hant'\n+++\n新正文\n")
	edited := []byte("+++\ntitle = 'x'\n[params]\nscript = 'Hant'\n+++\n作者改過的正文\n")
	twinOff := []byte("+++\ntitle = 'x'\n[params]\ntwin=false # none\nscript = 'Hant'\n+++\n作者改過的正文\n")
	bundle := func(p []byte) convert.Bundle {
		return convert.Bundle{Dir: "posts/x", Files: []convert.File{{Name: "index.md", Data: p}, {Name: "index.zh-hans.md", Data: twin, Twin: true}}}
	}
	wrote := &Entry{Files: map[string]string{"index.md": hashBytes(page), "index.zh-hans.md": hashBytes(twin)}}
	disk := func(own []byte, withTwin bool) map[string][]byte {
		d := map[string][]byte{}
		if own != nil {
			d["index.md"] = own
		}
		if withTwin {
			d["index.zh-hans.md"] = twin
		}
		return d
	}
	tests := []struct {
		name   string
		b      convert.Bundle
		prev   *Entry
		disk   map[string][]byte
		force  bool
		status string
		writes string // files written, space-separated; "+" marks a kept copy of the author's edit
	}{
		{"new source, empty folder", bundle(page), nil, disk(nil, false), false, StatusConverted, "index.md index.zh-hans.md"},
		{"same output", bundle(page), wrote, disk(page, true), false, StatusUnchanged, ""},
		{"source changed, bundle untouched", bundle(newPage), wrote, disk(page, true), false, StatusUpdated, "index.md"},
		{"twin deleted by hand, twins on", bundle(page), wrote, disk(page, false), false, StatusUpdated, "index.zh-hans.md"},
		{"author edited", bundle(newPage), wrote, disk(edited, true), false, StatusKept, ""},
		{"author edited, --force", bundle(newPage), wrote, disk(edited, true), true, StatusReplaced, "index.md+"},
		{"author turned the twin off and deleted it", bundle(newPage), wrote, disk(twinOff, false), false, StatusKept, ""},
		{"a folder the manifest does not know", bundle(page), nil, disk(edited, true), false, StatusKept, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide("out/posts/x", tt.b, tt.prev, tt.disk, "sha", StoreOptions{Force: tt.force})
			var writes []string
			for _, c := range d.changes {
				w := c.Name
				if c.Kept != "" {
					w += "+"
				}
				writes = append(writes, w)
			}
			if !strings.Contains("|"+tt.status+"|", "|"+d.status+"|") || strings.Join(writes, " ") != tt.writes {
				t.Errorf("status %s, writes %q; want %s, %q", d.status, writes, tt.status, tt.writes)
			}
			if _, ok := d.entry.Files["index.zh-hans.md"]; ok && convert.TwinOff(tt.disk["index.md"]) {
				t.Error("a twin the author turned off is in the manifest")
			}
		})
	}
}
