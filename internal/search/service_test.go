package search

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jishi/jishi/internal/sitebuild"
)

// TestServiceErrors: what goes wrong between Jishi and the Pagefind service
// comes back as an error that says what: a request Pagefind refuses, and a
// service that stops without answering.
func TestServiceErrors(t *testing.T) {
	root, _ := filepath.Abs("../..")
	bin, err := sitebuild.PagefindBinary(root)
	if err != nil {
		t.Skip("Pagefind is not installed (npm ci)")
	}
	s, err := startService(context.Background(), bin, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ask(addRecord{Type: "AddRecord", Index: 7, URL: "/x/", Content: "渡 口", Language: "x-zh"})
	if err == nil || !strings.Contains(err.Error(), "Pagefind: ") || !strings.Contains(err.Error(), "ndex") {
		t.Errorf("a record for an index that does not exist: err = %v", err)
	}
	// The service still answers after an error.
	if err := s.index(t.TempDir(), []line{{URL: "/a/", Content: "渡 口 ¶ 船", Language: "x-zh", Meta: map[string]string{"title": "渡口"}}}); err != nil {
		t.Errorf("indexing after an error: %v", err)
	}
	if err := s.close(); err != nil {
		t.Errorf("close: %v", err)
	}

	if runtime.GOOS == "windows" {
		return // the service that quits below is a shell script
	}
	quits := filepath.Join(t.TempDir(), "pagefind")
	if err := os.WriteFile(quits, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err = startService(context.Background(), quits, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.index(t.TempDir(), nil); err == nil || !strings.Contains(err.Error(), "stopped before it answered") {
		t.Errorf("a service that quits: err = %v", err)
	}
	s.close()
}
