package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleName = "000_d21f18bab95616ed.txt"

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestCommittedContentIsConvertOutput: content/ in the repository is exactly
// what `convert` writes for raw/, byte for byte.
func TestCommittedContentIsConvertOutput(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "convert", "--out", out, "raw")
	if code != exitOK {
		t.Fatalf("convert exit %d: %s %s", code, stdout, stderr)
	}
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(path) == "lock" || filepath.Base(path) == "stat.json" {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		got, _ := os.ReadFile(path)
		want, err := os.ReadFile(filepath.Join("content", rel))
		if err != nil {
			t.Errorf("content/%s is not committed: run go run . convert", rel)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("content/%s differs from what convert writes: run go run . convert", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestConvertTwiceIsUnchanged(t *testing.T) {
	out := t.TempDir()
	runCLI(t, "convert", "--out", out, "raw")
	code, stdout, _ := runCLI(t, "convert", "--out", out, "raw")
	if code != exitOK || !strings.Contains(stdout, "1 unchanged") {
		t.Errorf("second convert: exit %d, %q", code, stdout)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte(" \n\u3000\n"), 0o644)
	good := filepath.Join(dir, sampleName)
	raw, _ := os.ReadFile(filepath.Join("raw", sampleName))
	os.WriteFile(good, raw, 0o644)
	out := t.TempDir()

	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"no command", nil, exitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"bad flag", []string{"convert", "--nope"}, exitUsage, "flag provided but not defined"},
		{"missing input", []string{"convert", "--out", out, filepath.Join(dir, "missing")}, exitUsage, "no such file"},
		{"one bad file among good ones", []string{"convert", "--out", out, dir}, exitFailed, "empty.txt: empty"},
		{"inspect a bad file", []string{"inspect", empty}, exitFailed, "empty.txt: empty"},
		{"inspect without a file", []string{"inspect"}, exitUsage, "Usage"},
		{"help", []string{"convert", "-h"}, exitOK, "Examples"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("exit %d (want %d), stderr %q (want it to contain %q)", code, tt.code, stderr, tt.inStderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "posts")); err != nil {
		t.Errorf("the good file was not converted past the bad one: %v", err)
	}
}

func TestInspectPrintsSchema(t *testing.T) {
	code, stdout, stderr := runCLI(t, "inspect", filepath.Join("raw", sampleName))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "encoding", "script", "title", "part", "date", "authors", "boilerplate", "speakers", "blocks", "events"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("inspect JSON has no %q", k)
		}
	}
	if doc["file"] != sampleName || doc["schema"] != "jishi/document/v1" {
		t.Errorf("file %v schema %v", doc["file"], doc["schema"])
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "convert", "raw", "--out", out, "--json")
	if code != exitOK || !strings.HasPrefix(strings.TrimSpace(stdout), "[") {
		t.Errorf("exit %d stdout %q stderr %q", code, stdout, stderr)
	}
}

// TestNoProgressBarWhenPiped: a batch written to a pipe or file gets the
// summary, never progress-bar control characters.
func TestNoProgressBarWhenPiped(t *testing.T) {
	raw := t.TempDir()
	b, _ := os.ReadFile(filepath.Join("raw", sampleName))
	for i := range progressMin + 5 {
		os.WriteFile(filepath.Join(raw, fmt.Sprintf("f%03d.txt", i)), []byte(strings.Replace(string(b), "對話科大訊飛", fmt.Sprintf("第%d篇", i), 1)), 0o644)
	}
	code, stdout, stderr := runCLI(t, "convert", "--out", t.TempDir(), raw)
	if code != exitOK || strings.ContainsAny(stderr+stdout, "\r\x1b") || !strings.Contains(stdout, "45 files: 45 converted") {
		t.Errorf("exit %d stdout %q stderr %q", code, stdout, stderr)
	}
}

// TestConvertListsWeakGuesses: convert ends with one line per file whose
// guesses an editor should check, and says why.
func TestConvertListsWeakGuesses(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "untitled.txt"), []byte("開頭就是一句很長的正文,沒有標題也沒有日期,說了很多很多的話。\n"), 0o644)
	code, stdout, _ := runCLI(t, "convert", "--out", t.TempDir(), dir)
	if code != exitOK || !strings.Contains(stdout, "check these guesses") || !strings.Contains(stdout, "untitled.txt: no title line; no date") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

// TestChangedSettingsRewritePages: a page is written again when jishi.toml
// changes (here, typesetting off), and left alone when it does not.
func TestChangedSettingsRewritePages(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("raw", sampleName))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "raw"), 0o755)
	os.WriteFile(filepath.Join(dir, "raw", sampleName), raw, 0o644)
	t.Chdir(dir)
	page := func() string {
		matches, _ := filepath.Glob(filepath.Join("content", "posts", "*", "index.md"))
		if len(matches) != 1 {
			t.Fatalf("%d pages", len(matches))
		}
		b, _ := os.ReadFile(matches[0])
		return string(b)
	}
	for _, step := range []struct {
		toml, status, mark string
	}{
		{"typeset = true\n", "1 converted", "**問**："},
		{"typeset = true\n", "1 unchanged", "**問**："},
		{"typeset = false\n", "1 updated", "**問**:"},
	} {
		os.WriteFile("jishi.toml", []byte(step.toml), 0o644)
		code, stdout, stderr := runCLI(t, "convert")
		if code != exitOK || !strings.Contains(stdout, step.status) {
			t.Fatalf("%s: exit %d, %q %q, want %s", step.toml, code, stdout, stderr, step.status)
		}
		if !strings.Contains(page(), step.mark) {
			t.Errorf("%s: the page lacks %q", step.toml, step.mark)
		}
	}
}
