package sitebuild

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestFindHugo: a site builds with the Hugo its go.mod pins, else with the
// hugo on PATH (an editor's own Hugo site), else the error says what is
// missing.
func TestFindHugo(t *testing.T) {
	tests := []struct {
		name, gomod string
		path        []string // commands on PATH
		want        string   // the binary run, or "error"
	}{
		{"pinned, with go", "module x\n\ngo 1.26\n\ntool github.com/gohugoio/hugo\n", []string{"go", "hugo"}, "/cache/hugo"},
		{"pinned in a tool block", "module x\n\ntool (\n\tgithub.com/gohugoio/hugo\n)\n", []string{"go"}, "/cache/hugo"},
		{"a module site that pins no Hugo", "module example.org/site\n\nrequire github.com/jishi/jishi v0.1.0\n", []string{"go", "hugo"}, "/bin/hugo"},
		{"no go.mod", "", []string{"hugo"}, "/bin/hugo"},
		{"pinned, but no go", "module x\n\ntool github.com/gohugoio/hugo\n", []string{"hugo"}, "/bin/hugo"},
		{"nothing to build with", "", []string{"go"}, "error"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		if tt.gomod != "" {
			os.WriteFile(filepath.Join(dir, "go.mod"), []byte(tt.gomod), 0o644)
		}
		look := func(name string) (string, error) {
			for _, p := range tt.path {
				if p == name {
					return "/bin/" + name, nil
				}
			}
			return "", fmt.Errorf("%s: not found", name)
		}
		tool := func(goBin string) (string, error) {
			if goBin != "/bin/go" {
				t.Errorf("%s: go tool run with %q", tt.name, goBin)
			}
			return "/cache/hugo", nil
		}
		h, err := findHugo(dir, look, tool)
		got := "error"
		if err == nil {
			got = h.Path
			if h.Which == "" || h.Pinned != (got == "/cache/hugo") {
				t.Errorf("%s: %+v", tt.name, h)
			}
		} else if !strings.Contains(err.Error(), "no hugo on PATH") {
			t.Errorf("%s: error %q does not say what is missing", tt.name, err)
		}
		if got != tt.want {
			t.Errorf("%s: runs %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestCopySite: the named paths are copied, nested ones included, a missing
// one is skipped, and the converter's lock never travels.
func TestCopySite(t *testing.T) {
	root, dst := t.TempDir(), t.TempDir()
	for _, f := range []string{"config.toml", "content/posts/a/index.md", "content/timeline/_index.md", "content/.jishi/lock"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(f), 0o644)
	}
	if err := CopySite(root, dst, "config.toml", "content/timeline", "static"); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{"config.toml": true, "content/timeline/_index.md": true, "content/posts/a/index.md": false, "static": false} {
		if _, err := os.Stat(filepath.Join(dst, filepath.FromSlash(f))); (err == nil) != want {
			t.Errorf("%s copied: %v, want %v", f, err == nil, want)
		}
	}
	whole := t.TempDir()
	if err := CopySite(root, whole); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(whole, "content", "posts", "a", "index.md")); err != nil {
		t.Error("the whole site was not copied")
	}
	if _, err := os.Stat(filepath.Join(whole, "content", ".jishi", "lock")); err == nil {
		t.Error("the converter's lock was copied")
	}
}

// TestCommandMemoryLimit: Hugo runs under MemoryLimit and CacheLimit
// unless the user set limits of their own.
func TestCommandMemoryLimit(t *testing.T) {
	h := Hugo{Path: "hugo"}
	for _, k := range []string{"GOMEMLIMIT", "HUGO_MEMORYLIMIT"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	env := h.Command(context.Background()).Env
	for _, want := range []string{"GOMEMLIMIT=" + MemoryLimit, "HUGO_MEMORYLIMIT=" + CacheLimit} {
		if !slices.Contains(env, want) {
			t.Errorf("no limits in the environment: Hugo's has no %s", want)
		}
	}
	t.Setenv("GOMEMLIMIT", "3GiB")
	env = h.Command(context.Background()).Env
	if slices.Contains(env, "GOMEMLIMIT="+MemoryLimit) || !slices.Contains(env, "HUGO_MEMORYLIMIT="+CacheLimit) {
		t.Errorf("GOMEMLIMIT=3GiB set by the user: Hugo's environment adds %q, want only HUGO_MEMORYLIMIT", env[len(os.Environ())-1:])
	}
	t.Setenv("HUGO_MEMORYLIMIT", "4")
	if env := h.Command(context.Background()).Env; env != nil {
		t.Errorf("both limits set by the user: Hugo's environment is %q, want it inherited unchanged (nil)", env)
	}
}

// TestPagefindBinary: the binary is found as Pagefind's Node wrapper finds
// it: an environment variable first, else npm's package for this platform.
func TestPagefindBinary(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PAGEFIND_EXTENDED_BINARY_PATH", "")
	t.Setenv("PAGEFIND_BINARY_PATH", "")
	if _, err := PagefindBinary(dir); err == nil || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("no node_modules: err = %v, want one that says to run npm ci", err)
	}
	cpu := map[string]string{"amd64": "x64", "386": "ia32"}[runtime.GOARCH]
	if cpu == "" {
		cpu = runtime.GOARCH
	}
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	bin := filepath.Join(dir, "node_modules", "@pagefind", runtime.GOOS+"-"+cpu, "bin")
	os.MkdirAll(bin, 0o755)
	os.WriteFile(filepath.Join(bin, "pagefind"+exe), nil, 0o755)
	if p, err := PagefindBinary(dir); err != nil || p != filepath.Join(bin, "pagefind"+exe) {
		t.Errorf("npm's binary: %q, %v", p, err)
	}
	os.WriteFile(filepath.Join(bin, "pagefind_extended"+exe), nil, 0o755)
	if p, _ := PagefindBinary(dir); p != filepath.Join(bin, "pagefind_extended"+exe) {
		t.Errorf("with both: %q, want the extended one", p)
	}
	t.Setenv("PAGEFIND_BINARY_PATH", "/opt/pagefind")
	if p, _ := PagefindBinary(dir); p != "/opt/pagefind" {
		t.Errorf("PAGEFIND_BINARY_PATH set: %q", p)
	}
}
