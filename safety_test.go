package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary act as the jishi CLI when JISHI_AS_CLI is
// set, so tests can run (and kill) a real conversion process.
func TestMain(m *testing.M) {
	if os.Getenv("JISHI_AS_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func cliCommand(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "JISHI_AS_CLI=1")
	return cmd
}

// makeRaw writes n variants of the sample: distinct titles, and a marker
// paragraph so a second generation differs from the first.
func makeRaw(t *testing.T, dir string, n int, gen string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("raw", sampleName))
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	for i := range n {
		v := strings.Replace(s, "對話科大訊飛:", fmt.Sprintf("對話科大訊飛第%d回:", i), 1)
		v = strings.Replace(v, "以下是對話全文", "以下是對話全文("+gen+")", 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(v), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tree reads every file under dir (the lock file aside) into a map.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "lock" || d.Name() == "stat.json" {
			return err
		}
		b, _ := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = string(b)
		return nil
	})
	return out
}

func copyTree(t *testing.T, files map[string]string, dir string) {
	t.Helper()
	os.RemoveAll(dir)
	for rel, data := range files {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKillAtRandomPoints: a conversion killed with SIGKILL at any moment
// leaves every file as it was or as it will be, never half-written; a new
// run then finishes the job exactly.
func TestKillAtRandomPoints(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes")
	}
	const files = 120
	runs := 25
	if n, err := strconv.Atoi(os.Getenv("JISHI_KILL_RUNS")); err == nil && n > 0 {
		runs = n // more kill points for a longer check: JISHI_KILL_RUNS=300
	}
	work := t.TempDir()
	rawOld, rawNew := filepath.Join(work, "raw-old"), filepath.Join(work, "raw-new")
	os.Mkdir(rawOld, 0o755)
	os.Mkdir(rawNew, 0o755)
	makeRaw(t, rawOld, files, "舊")
	makeRaw(t, rawNew, files, "新")

	convertTo := func(raw, out string) {
		if b, err := cliCommand("convert", "--out", out, raw).CombinedOutput(); err != nil {
			t.Fatalf("convert: %v\n%s", err, b)
		}
	}
	// The states before and after: old content, and old content converted again from the new raw files.
	before := filepath.Join(work, "before")
	convertTo(rawOld, before)
	oldTree := tree(t, before)
	afterDir := filepath.Join(work, "after")
	copyTree(t, oldTree, afterDir)
	convertTo(rawNew, afterDir)
	newTree := tree(t, afterDir)

	// How long a full run takes, to spread the kill points over it.
	probe := filepath.Join(work, "probe")
	copyTree(t, oldTree, probe)
	start := time.Now()
	convertTo(rawNew, probe)
	full := time.Since(start)

	rng := rand.New(rand.NewPCG(1, 2))
	out := filepath.Join(work, "out")
	var killedMidway int
	for i := range runs {
		copyTree(t, oldTree, out)
		cmd := cliCommand("convert", "--out", out, rawNew)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		got := tree(t, out)
		changed := 0
		for rel, data := range got {
			if strings.Contains(filepath.Base(rel), ".tmp-") {
				continue // an unfinished temporary file: hidden from Hugo, removed by the next run
			}
			switch data {
			case oldTree[rel]:
			case newTree[rel]:
				changed++
			default:
				t.Errorf("run %d: %s is neither the old nor the new file (%d bytes)", i, rel, len(data))
			}
		}
		for rel := range oldTree {
			if _, ok := got[rel]; !ok {
				t.Errorf("run %d: %s disappeared", i, rel)
			}
		}
		if changed > 0 && changed < len(newTree) {
			killedMidway++
		}
		// Recovery: a plain run afterwards gives exactly the new state.
		convertTo(rawNew, out)
		final := tree(t, out)
		for rel := range final {
			if strings.Contains(rel, ".tmp-") {
				delete(final, rel)
			}
		}
		if !sameTree(final, newTree) {
			t.Errorf("run %d: the run after the kill did not reach the new state: %v", i, treeDiff(final, newTree))
		}
	}
	t.Logf("%d kills over a %v run of %d files; %d landed mid-run", runs, full.Round(time.Millisecond), files, killedMidway)
	if killedMidway == 0 {
		t.Error("no kill landed while files were being written; the test proved nothing")
	}
}

func sameTree(a, b map[string]string) bool { return len(treeDiff(a, b)) == 0 }

func treeDiff(a, b map[string]string) []string {
	var d []string
	for k, v := range a {
		if b[k] != v {
			d = append(d, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, k)
		}
	}
	sort.Strings(d)
	if len(d) > 5 {
		d = append(d[:5], "…")
	}
	return d
}

// TestDeterministic: the same inputs give byte-identical output whatever the
// order of the arguments or the number of threads.
func TestDeterministic(t *testing.T) {
	raw := t.TempDir()
	makeRaw(t, raw, 40, "x")
	var names []string
	entries, _ := os.ReadDir(raw)
	for _, e := range entries {
		names = append(names, filepath.Join(raw, e.Name()))
	}
	var first map[string]string
	for i, procs := range []string{"1", "2", "8"} {
		out := t.TempDir()
		args := append([]string{"convert", "--out", out}, names...)
		if i == 1 {
			rand.Shuffle(len(names), func(a, b int) { names[a], names[b] = names[b], names[a] })
		}
		cmd := cliCommand(args...)
		cmd.Env = append(cmd.Env, "GOMAXPROCS="+procs)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		got := tree(t, out)
		if first == nil {
			first = got
		} else if !sameTree(got, first) {
			t.Errorf("GOMAXPROCS=%s, shuffled: output differs: %v", procs, treeDiff(got, first))
		}
	}
}

func TestAuthorEditsAreKept(t *testing.T) {
	out := t.TempDir()
	runCLI(t, "convert", "--out", out, "raw")
	page := filepath.Join(out, "posts", "dui-hua-ke-da-xun-fei-bu-zhuan-qian-shi-chatgpt-de-wen-ti-1", "index.md")
	orig, _ := os.ReadFile(page)
	edited := bytes.Replace(orig, []byte(`slug = 'dui-hua-ke-da-xun-fei-bu-zhuan-qian-shi-chatgpt-de-wen-ti-1'`), []byte(`slug = "iflytek-interview"`), 1)
	edited = bytes.Replace(edited, []byte("這波大模型浪潮里"), []byte("這波大模型浪潮裡"), 1)
	os.WriteFile(page, edited, 0o644)

	// The raw file changes too: the edit still wins.
	rawDir := t.TempDir()
	raw, _ := os.ReadFile(filepath.Join("raw", sampleName))
	os.WriteFile(filepath.Join(rawDir, sampleName), bytes.Replace(raw, []byte("近兩個小時"), []byte("近三個小時"), 1), 0o644)
	code, stdout, stderr := runCLI(t, "convert", "--out", out, rawDir)
	if code != exitOK || !strings.Contains(stdout, "1 kept") || !strings.Contains(stderr, "an author edited it") {
		t.Errorf("second convert: exit %d %q %q", code, stdout, stderr)
	}
	if now, _ := os.ReadFile(page); !bytes.Equal(now, edited) {
		t.Fatal("the author's edit was overwritten")
	}

	// --dry-run --force shows the diff and writes nothing.
	code, stdout, _ = runCLI(t, "convert", "--out", out, "--dry-run", "--force", rawDir)
	if code != exitOK || !strings.Contains(stdout, "-summary = '這波大模型浪潮裡") || !strings.Contains(stdout, "+summary = '這波大模型浪潮里") || !strings.Contains(stdout, "dry run") {
		t.Errorf("dry run: %q", stdout)
	}
	if now, _ := os.ReadFile(page); !bytes.Equal(now, edited) {
		t.Fatal("--dry-run wrote")
	}

	// --force replaces it, keeping the author's version beside it.
	code, stdout, _ = runCLI(t, "convert", "--out", out, "--force", rawDir)
	if code != exitOK || !strings.Contains(stdout, "1 replaced") {
		t.Errorf("force: exit %d %q", code, stdout)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(page), ".index.md.*.edited"))
	if len(kept) != 1 {
		t.Fatalf("kept copies %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, edited) {
		t.Error("the kept copy is not the author's version")
	}
	if now, _ := os.ReadFile(page); !bytes.Contains(now, []byte("近三個小時")) {
		t.Error("--force did not write the new conversion")
	}
}

func TestUnchangedIsNotRewritten(t *testing.T) {
	out := t.TempDir()
	runCLI(t, "convert", "--out", out, "raw")
	page := filepath.Join(out, "posts", "dui-hua-ke-da-xun-fei-bu-zhuan-qian-shi-chatgpt-de-wen-ti-1", "index.md")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(page, old, old)
	runCLI(t, "convert", "--out", out, "raw")
	if st, _ := os.Stat(page); !st.ModTime().Equal(old) {
		t.Error("an unchanged bundle was rewritten")
	}
}

func TestSlugs(t *testing.T) {
	raw := t.TempDir()
	sample, _ := os.ReadFile(filepath.Join("raw", sampleName))
	// Two articles with one title, and one whose title is all punctuation.
	os.WriteFile(filepath.Join(raw, "a.txt"), sample, 0o644)
	os.WriteFile(filepath.Join(raw, "b.txt"), sample, 0o644)
	os.WriteFile(filepath.Join(raw, "c.txt"), []byte("../../etc/passwd\n\n2023-10-25\n\n正文。\n"), 0o644)
	os.WriteFile(filepath.Join(raw, "d.txt"), []byte("「」《》!!\n\n2023-10-25\n\n正文。\n"), 0o644)
	out := t.TempDir()
	dirs := func() []string {
		var d []string
		entries, _ := os.ReadDir(filepath.Join(out, "posts"))
		for _, e := range entries {
			d = append(d, e.Name())
		}
		return d
	}
	runCLI(t, "convert", "--out", out, raw)
	first := dirs()
	runCLI(t, "convert", "--out", out, raw)
	if strings.Join(dirs(), " ") != strings.Join(first, " ") || len(first) != 4 {
		t.Fatalf("slugs %v then %v", first, dirs())
	}
	for _, s := range first {
		if len(s) > 60 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Errorf("slug %q is not short lower-case ASCII", s)
		}
	}
	// Same slugs in a fresh folder: stable across runs and machines.
	out2 := t.TempDir()
	runCLI(t, "convert", "--out", out2, raw)
	entries, _ := os.ReadDir(filepath.Join(out2, "posts"))
	if len(entries) != 4 {
		t.Fatalf("fresh run made %d bundles", len(entries))
	}
	if _, err := os.Stat(filepath.Join(out, "..", "etc")); err == nil {
		t.Error("a title escaped the content folder")
	}
}

func TestLockedAndUnwritable(t *testing.T) {
	out := t.TempDir()
	// A second run while the first holds the folder.
	os.MkdirAll(filepath.Join(out, ".jishi"), 0o755)
	f, _ := os.OpenFile(filepath.Join(out, ".jishi", "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	defer f.Close()
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
	code, _, stderr := runCLI(t, "convert", "--out", out, "raw")
	if code != exitFailed || !strings.Contains(stderr, "another jishi convert is writing") {
		t.Errorf("locked: exit %d %q", code, stderr)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)

	if os.Geteuid() == 0 {
		t.Log("running as root: permission checks cannot fail; the unwritable case is checked with a file in the way")
	}
	blocked := filepath.Join(t.TempDir(), "content")
	os.WriteFile(blocked, []byte("a file where the folder should be"), 0o644)
	code, _, stderr = runCLI(t, "convert", "--out", blocked, "raw")
	if code != exitFailed || !strings.Contains(stderr, "not writable") {
		t.Errorf("unwritable: exit %d %q", code, stderr)
	}

	// A read-only raw folder converts.
	ro := t.TempDir()
	b, _ := os.ReadFile(filepath.Join("raw", sampleName))
	os.WriteFile(filepath.Join(ro, sampleName), b, 0o444)
	os.Chmod(ro, 0o555)
	defer os.Chmod(ro, 0o755)
	if code, _, stderr := runCLI(t, "convert", "--out", t.TempDir(), ro); code != exitOK {
		t.Errorf("read-only raw folder: exit %d %q", code, stderr)
	}
}

// TestDryRunWritesNothing: a dry run into a folder no run has written to
// shows the new files and leaves the folder empty.
func TestDryRunWritesNothing(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "convert", "--out", out, "--dry-run", "raw")
	if code != exitOK || !strings.Contains(stdout, "+++ ") || !strings.Contains(stdout, "dry run, nothing written") {
		t.Errorf("exit %d stdout %q stderr %q", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("the dry run wrote %v", entries)
	}
}

// TestTwinOffPerArticle: an author who turns an article's twin off in its
// front matter — in any valid TOML spelling — and deletes its twin does not
// get the twin back.
func TestTwinOffPerArticle(t *testing.T) {
	for _, spelling := range []string{"twin = false", "twin=false", "twin=false # none", "twin = false\t# the twin reads badly"} {
		t.Run(spelling, func(t *testing.T) {
			out := t.TempDir()
			runCLI(t, "convert", "--out", out, "raw")
			dir := filepath.Join(out, "posts", "dui-hua-ke-da-xun-fei-bu-zhuan-qian-shi-chatgpt-de-wen-ti-1")
			page := filepath.Join(dir, "index.md")
			b, _ := os.ReadFile(page)
			edited := bytes.Replace(b, []byte("\n[params]\n"), []byte("\n[params]\n"+spelling+"\n"), 1)
			if bytes.Equal(edited, b) {
				t.Fatal("the page has no [params] table")
			}
			os.WriteFile(page, edited, 0o644)
			os.Remove(filepath.Join(dir, "index.zh-hans.md"))
			// Run twice, with the raw file unchanged and then changed.
			rawDir := t.TempDir()
			raw, _ := os.ReadFile(filepath.Join("raw", sampleName))
			os.WriteFile(filepath.Join(rawDir, sampleName), raw, 0o644)
			runCLI(t, "convert", "--out", out, rawDir)
			os.WriteFile(filepath.Join(rawDir, sampleName), bytes.Replace(raw, []byte("近兩個小時"), []byte("近三個小時"), 1), 0o644)
			code, stdout, _ := runCLI(t, "convert", "--out", out, rawDir)
			if _, err := os.Stat(filepath.Join(dir, "index.zh-hans.md")); err == nil {
				t.Errorf("the twin came back (exit %d, %q)", code, stdout)
			}
		})
	}
}
