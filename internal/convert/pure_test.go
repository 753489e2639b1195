package convert

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCoreTouchesNoDisk: the package is decode → parse → enrich → render
// over a Document; the disk belongs to internal/batch. No file of it (tests
// aside) imports os, os/…, syscall or io/fs.
func TestCoreTouchesNoDisk(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range ast.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == "os" || strings.HasPrefix(p, "os/") || p == "syscall" || p == "io/fs" {
				t.Errorf("%s imports %s", f, p)
			}
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d files checked", checked)
	}
}
