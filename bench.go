package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jishi/jishi/internal/search"
)

// bareLayouts is the three-template theme the benchmark builds the same
// content with, as the yardstick for what Jishi's theme costs.
var bareLayouts = map[string]string{
	"home.html":                   `<!DOCTYPE html><html lang="{{ site.Language.Locale }}"><title>{{ site.Title }}</title><ul>{{ range (.Paginate site.RegularPages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</ul></html>`,
	"page.html":                   `<!DOCTYPE html><html lang="{{ site.Language.Locale }}"><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}</html>`,
	"list.html":                   `<!DOCTYPE html><html lang="{{ site.Language.Locale }}"><title>{{ .Title }}</title><ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</ul></html>`,
	"_shortcodes/timeline.html":   "{{ with .Inner }}{{ end }}",
	"_shortcodes/jishi-code.html": `<pre>{{ .Get 0 }}</pre>`,
}

type step struct {
	name string
	dur  time.Duration
	rss  int64 // peak resident set, KB
}

func cmdBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("n", "2000,10000", "corpus sizes, comma-separated")
	gen := fs.String("gencorpus", "../shared/tools/gencorpus.py", "the corpus generator")
	keep := fs.String("work", "", "folder for corpora and sites (default: a temporary folder, removed)")
	convertOnly := fs.Bool("convert-only", false, "measure the converter only (for large N: Pagefind needs about 1.6 GB per 1000 pages)")
	noSearch := fs.Bool("no-search", false, "measure the converter and both builds, not Pagefind")
	runs := fs.Int("runs", 3, "rounds of the two builds, measured side by side")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: go run . bench [--n 2000,10000] [--gencorpus PATH]

Measures, in one run per corpus size (python3 gencorpus.py --n N --encodings):
convert cold (with twins), convert again with nothing changed, the Hugo build
with Jishi's theme and the same content with a bare three-template theme
(side by side, --runs rounds), and Pagefind; prints each time, peak RSS and
the ratios the targets are set in.

Flags:
`)
		fs.PrintDefaults()
	}
	if _, code, ok := parseFlags(fs, args); !ok {
		return code
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "jishi:", err)
		return exitFailed
	}
	hugo, err := exec.Command("go", "tool", "-n", "hugo").Output()
	if err != nil {
		fmt.Fprintln(stderr, "jishi: cannot find the pinned Hugo (go tool -n hugo):", err)
		return exitFailed
	}
	hugoBin := strings.TrimSpace(string(hugo))
	work := *keep
	if work == "" {
		if work, err = os.MkdirTemp("", "jishi-bench-"); err != nil {
			fmt.Fprintln(stderr, "jishi:", err)
			return exitFailed
		}
		defer os.RemoveAll(work)
	}
	root, _ := os.Getwd()
	fmt.Fprintf(stdout, "jishi bench on %d CPUs (%s)\n\n", numCPU(), hostInfo())
	var notes []string
	fmt.Fprintf(stdout, "| N | convert cold | convert again | build (Jishi) | build (bare) | search index | convert/bare | again/cold | Jishi/bare | (build+search)/bare |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(stderr, "jishi: --n %q: not a size\n", s)
			return exitUsage
		}
		dir := filepath.Join(work, "n"+strconv.Itoa(n))
		corpus := filepath.Join(dir, "raw")
		if err := runQuiet(exec.Command("python3", *gen, "--n", strconv.Itoa(n), "--encodings", "--out", corpus)); err != nil {
			fmt.Fprintf(stderr, "jishi: gencorpus: %v\n", err)
			return exitFailed
		}
		site, bare := filepath.Join(dir, "site"), filepath.Join(dir, "bare")
		for _, d := range []string{site, bare} {
			for _, name := range []string{"config.toml", "jishi.toml", "layouts", "assets", "i18n", "static"} {
				if d == bare && name == "layouts" {
					continue
				}
				if err := copyPath(filepath.Join(root, name), filepath.Join(d, name)); err != nil {
					fmt.Fprintln(stderr, "jishi:", err)
					return exitFailed
				}
			}
		}
		// The site's own pages (archive, timeline, search) go into both, as in
		// a real site: at 10,000 articles /timeline/ alone is 40,000 events.
		for _, sec := range []string{"archive", "timeline", "search"} {
			for _, d := range []string{site, bare} {
				if err := copyPath(filepath.Join(root, "content", sec), filepath.Join(d, "content", sec)); err != nil {
					fmt.Fprintln(stderr, "jishi:", err)
					return exitFailed
				}
			}
		}
		for name, text := range bareLayouts {
			p := filepath.Join(bare, "layouts", name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				fmt.Fprintln(stderr, "jishi:", err)
				return exitFailed
			}
		}
		convert := func() *exec.Cmd {
			c := exec.Command(self, "convert", "--out", filepath.Join(site, "content"), corpus)
			c.Dir = site
			return c
		}
		cold, err1 := measure("convert cold", convert())
		again, err2 := measure("convert again", convert())
		if *convertOnly {
			fmt.Fprintf(stdout, "| %d | %s | %s | – | – | – | – | %.3f | – |\n", n, cell(cold), cell(again), again.dur.Seconds()/cold.dur.Seconds())
			if err1 != nil || err2 != nil {
				fmt.Fprintln(stderr, "jishi:", err1, err2)
				return exitFailed
			}
			continue
		}
		if err := copyPath(filepath.Join(site, "content"), filepath.Join(bare, "content")); err != nil {
			fmt.Fprintln(stderr, "jishi:", err)
			return exitFailed
		}
		hugoBuild := func(src string) func() *exec.Cmd {
			return func() *exec.Cmd {
				return exec.Command(hugoBin, "--source", src, "--destination", filepath.Join(src, "public"), "--minify", "--cleanDestinationDir")
			}
		}
		// Shared machines drift by half and more within a minute, so the two
		// builds are measured side by side: in alternating order, *runs times,
		// the fastest of each kept, with each round's ratio printed below.
		build, bareBuild, rounds, err3 := sideBySide(*runs, hugoBuild(site), hugoBuild(bare))
		var err4 error
		pf := step{name: "search index"}
		var err5 error
		if search.Available(root) && !*noSearch {
			self, err := os.Executable()
			if err != nil {
				fmt.Fprintln(stderr, "jishi:", err)
				return exitFailed
			}
			cmd := exec.Command(self, "search-index", filepath.Join(site, "public"))
			cmd.Dir = root
			pf, err5 = measure("search index", cmd)
		}
		for _, e := range []error{err1, err2, err3, err4, err5} {
			if e != nil {
				fmt.Fprintln(stderr, "jishi:", e)
				return exitFailed
			}
		}
		ratio := func(a, b step) string { return fmt.Sprintf("%.3f", a.dur.Seconds()/b.dur.Seconds()) }
		whole := "–"
		if pf.dur > 0 {
			whole = ratio(step{dur: build.dur + pf.dur}, bareBuild)
		}
		fmt.Fprintf(stdout, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", n, cell(cold), cell(again), cell(build), cell(bareBuild), cell(pf),
			ratio(cold, bareBuild), ratio(again, cold), ratio(build, bareBuild), whole)
		notes = append(notes, fmt.Sprintf("N = %d, Jishi/bare in each round: %s", n, rounds))
	}
	for _, n := range notes {
		fmt.Fprintln(stdout, "\n"+n)
	}
	fmt.Fprintln(stdout, "\nTimes are wall-clock seconds with peak RSS (builds: the fastest of their rounds); targets: convert/bare ≤ 0.5, again/cold ≤ 0.05, Jishi/bare ≤ 1.5, converter RSS ≤ 300 MB, (build+search)/bare ≤ 3 with the search index under 1.5 GB at 2,000 and 2 GB at 10,000.")
	return exitOK
}

func cell(s step) string {
	if s.dur == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f s, %d MB", s.dur.Seconds(), s.rss/1024)
}

// measure runs a command and returns its wall time and peak RSS.
func measure(name string, cmd *exec.Cmd) (step, error) {
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return step{}, fmt.Errorf("%s: %v\n%s", name, err, out.String())
	}
	s := step{name: name, dur: time.Since(start)}
	s.rss = peakRSS(cmd.ProcessState)
	return s, nil
}

// sideBySide measures two builds in turn, runs rounds after a warm-up of
// each, alternating which goes first so that a drifting machine favours
// neither; it keeps each one's
// fastest run and returns every round's ratio a/b.
func sideBySide(runs int, a, b func() *exec.Cmd) (bestA, bestB step, ratios string, err error) {
	// One unmeasured build of each first: the first build after the corpus is
	// written pays for the file cache, and it would always be the same one.
	for _, c := range []func() *exec.Cmd{a, b} {
		if _, err = measure("warm-up build", c()); err != nil {
			return bestA, bestB, "", err
		}
	}
	var rs []string
	for i := 0; i < runs; i++ {
		var sa, sb step
		if i%2 == 0 {
			if sa, err = measure("build", a()); err == nil {
				sb, err = measure("bare build", b())
			}
		} else {
			if sb, err = measure("bare build", b()); err == nil {
				sa, err = measure("build", a())
			}
		}
		if err != nil {
			return bestA, bestB, "", err
		}
		if bestA.dur == 0 || sa.dur < bestA.dur {
			bestA = sa
		}
		if bestB.dur == 0 || sb.dur < bestB.dur {
			bestB = sb
		}
		rs = append(rs, fmt.Sprintf("%.3f", sa.dur.Seconds()/sb.dur.Seconds()))
	}
	return bestA, bestB, strings.Join(rs, ", "), nil
}

func runQuiet(cmd *exec.Cmd) error {
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	return nil
}

// copyPath copies a file or folder; a missing source is not an error (a
// site need not have every folder).
func copyPath(from, to string) error {
	st, err := os.Stat(from)
	if err != nil {
		return nil
	}
	if st.IsDir() {
		os.RemoveAll(to)
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

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
