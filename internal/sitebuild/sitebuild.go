// Package sitebuild runs what builds a site: its Hugo (the one its go.mod
// pins, else hugo on PATH), and Pagefind (the binary npm installs); and it copies a
// site's source. The CLI, the benchmark and the tests all go through it.
package sitebuild

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Hugo is the Hugo a site builds with.
type Hugo struct {
	Path   string // the binary
	Pinned bool   // the one the site's go.mod pins as a tool
	Which  string // in words, for the user: "the Hugo pinned in go.mod", "hugo on PATH (/usr/bin/hugo)"
}

// FindHugo returns the Hugo a site in dir builds with: the one its go.mod
// pins (compiled by go the first time), else a hugo on PATH, the case of an
// editor who installed jishi into another Hugo site.
func FindHugo(dir string) (Hugo, error) {
	return findHugo(dir, exec.LookPath, func(goBin string) (string, error) {
		cmd := exec.Command(goBin, "tool", "-n", "hugo")
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok {
				return "", fmt.Errorf("go tool -n hugo: %v\n%s", err, ee.Stderr)
			}
			return "", fmt.Errorf("go tool -n hugo: %v", err)
		}
		return strings.TrimSpace(string(out)), nil
	})
}

// findHugo is FindHugo with the lookups given, for tests.
func findHugo(dir string, lookPath func(string) (string, error), toolPath func(goBin string) (string, error)) (Hugo, error) {
	if mod, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && pinsHugo(string(mod)) {
		if goBin, err := lookPath("go"); err == nil {
			bin, err := toolPath(goBin)
			if err != nil {
				return Hugo{}, err
			}
			return Hugo{Path: bin, Pinned: true, Which: "the Hugo pinned in go.mod"}, nil
		}
	}
	if bin, err := lookPath("hugo"); err == nil {
		return Hugo{Path: bin, Which: "hugo on PATH (" + bin + ")"}, nil
	}
	return Hugo{}, fmt.Errorf("no Hugo to build with: this site's go.mod pins none (tool github.com/gohugoio/hugo) and there is no hugo on PATH; install Hugo 0.158 or later")
}

// pinsHugo reports whether a go.mod declares Hugo as a tool.
func pinsHugo(mod string) bool {
	for _, l := range strings.Split(mod, "\n") {
		f := strings.Fields(l)
		if len(f) == 2 && f[0] == "tool" && f[1] == "github.com/gohugoio/hugo" || len(f) == 1 && f[0] == "github.com/gohugoio/hugo" {
			return true // tool github.com/gohugoio/hugo, or a line of a tool ( … ) block
		}
	}
	return false
}

// MemoryLimit is the soft memory limit (GOMEMLIMIT) Hugo runs under when
// the environment sets none: near it the Go runtime collects more often
// instead of growing, so that 10,000 articles build on a hosted CI runner
// (2.6–2.8 GB of peak RSS without a limit). It is soft: a site that needs
// more still builds, slower; GOMEMLIMIT=off lifts it.
const MemoryLimit = "1700MiB"

// CacheLimit is the memory, in GiB, past which Hugo drops what it cached
// (HUGO_MEMORYLIMIT; by default a quarter of the machine's memory), unless
// the environment sets it. Under MemoryLimit alone, every collection went
// over the whole cache again: 10,000 articles took 97–99 s of CPU instead
// of 82 s without a limit; with the cache bounded too, 71–80 s and 1.5–1.65
// GB. A site of 2,000 never reaches it.
const CacheLimit = "0.75"

// Command runs this Hugo with args, under MemoryLimit and CacheLimit
// unless the environment sets its own.
func (h Hugo) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, h.Path, args...)
	var env []string
	for _, kv := range [][2]string{{"GOMEMLIMIT", MemoryLimit}, {"HUGO_MEMORYLIMIT", CacheLimit}} {
		if _, set := os.LookupEnv(kv[0]); !set {
			env = append(env, kv[0]+"="+kv[1])
		}
	}
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	return cmd
}

// Build builds the site at src into dest, minified and with dest cleaned,
// with extra flags, and returns Hugo's output.
func (h Hugo) Build(src, dest string, flags ...string) (string, error) {
	args := append([]string{"--source", src, "--destination", dest, "--minify", "--cleanDestinationDir"}, flags...)
	out, err := h.Command(context.Background(), args...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("hugo: %v\n%s", err, out)
	}
	return string(out), nil
}

// Pagefind reports whether search can be indexed from dir: the pagefind
// package and its binary in dir/node_modules (npm ci).
func Pagefind(dir string) bool {
	_, err := PagefindBinary(dir)
	return err == nil && PagefindVersion(dir) != ""
}

// PagefindBinary is the Pagefind program the search index is written
// with, found as Pagefind's Node wrapper finds it: PAGEFIND_EXTENDED_BINARY_PATH
// or PAGEFIND_BINARY_PATH when set, else the binary npm installed for this
// platform in dir/node_modules/@pagefind/<platform>-<cpu>/bin, the
// extended one first.
func PagefindBinary(dir string) (string, error) {
	names := []string{"pagefind_extended", "pagefind"}
	for _, n := range names {
		if p := os.Getenv(strings.ToUpper(n) + "_BINARY_PATH"); p != "" {
			return p, nil
		}
	}
	platform, cpu, exe := runtime.GOOS, runtime.GOARCH, ""
	if platform == "windows" {
		exe = ".exe"
	}
	switch cpu { // Node's names
	case "amd64":
		cpu = "x64"
	case "386":
		cpu = "ia32"
	}
	bin := filepath.Join(dir, "node_modules", "@pagefind", platform+"-"+cpu, "bin")
	for _, n := range names {
		p := filepath.Join(bin, n+exe)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("no Pagefind binary in %s: run `npm ci`", bin)
}

// PagefindVersion is what dir/node_modules holds of Pagefind: its
// package.json, or "" when there is none. An index written by another
// version is written again.
func PagefindVersion(dir string) string {
	b, _ := os.ReadFile(filepath.Join(dir, "node_modules", "pagefind", "package.json"))
	return string(b)
}

// Source is what a Hugo build of a Jishi site reads.
var Source = []string{"config.toml", "jishi.toml", "layouts", "assets", "i18n", "data", "static", "archetypes", "content"}

// CopySite copies the named files and folders (slash-separated, relative;
// Source when none are named) from the site at root into dst, so a test or
// a benchmark can build a copy. A name the site lacks is skipped, and the
// converter's lock is not copied.
func CopySite(root, dst string, names ...string) error {
	if len(names) == 0 {
		names = Source
	}
	for _, name := range names {
		if err := CopyPath(filepath.Join(root, filepath.FromSlash(name)), filepath.Join(dst, filepath.FromSlash(name))); err != nil {
			return err
		}
	}
	os.Remove(filepath.Join(dst, "content", ".jishi", "lock"))
	return nil
}

// CopyPath copies a file or a folder, replacing what is at to; a missing
// source is not an error (a site need not have every folder).
func CopyPath(from, to string) error {
	st, err := os.Stat(from)
	if err != nil {
		return nil
	}
	if st.IsDir() {
		if err := os.RemoveAll(to); err != nil {
			return err
		}
		return os.CopyFS(to, os.DirFS(from))
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
