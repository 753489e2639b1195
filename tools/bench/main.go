// Command bench measures Jishi where its targets are set: the converter
// (cold and with nothing changed), the Hugo build with Jishi's theme against
// the same content with a bare three-template theme, and the search index,
// on a generated corpus of each size asked for.
//
//	go run ./tools/bench [--n 2000,10000] [--runs 5] [--work DIR]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jishi/jishi/internal/sitebuild"
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

// What both sites are built from besides the articles: the repository's
// configuration and theme, and the site's own pages (archive, timeline,
// search), as in a real site: at 10,000 articles /timeline/ alone is 40,000
// events. The bare site swaps the layouts for bareLayouts.
var siteFiles = []string{"config.toml", "jishi.toml", "layouts", "assets", "i18n", "static", "content/archive", "content/timeline", "content/search"}

func main() {
	os.Exit(run(os.Args[1:]))
}

func fail(err error) int {
	fmt.Fprintln(os.Stderr, "bench:", err)
	return 1
}

type step struct {
	name string
	dur  time.Duration
	rss  int64         // peak resident set, KB
	cpu  time.Duration // user and system time of the process and the children it waited for
}

func run(args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("n", "2000,10000", "corpus sizes, comma-separated")
	gen := fs.String("gencorpus", "../shared/tools/gencorpus.py", "the corpus generator")
	keep := fs.String("work", "", "folder for corpora and sites (default: a temporary folder, removed)")
	convertOnly := fs.Bool("convert-only", false, "measure the converter only")
	noSearch := fs.Bool("no-search", false, "measure the converter and both builds, not the search index")
	runs := fs.Int("runs", 5, "rounds of the two builds, measured side by side")
	searchRuns := fs.Int("search-runs", 3, "cold search indexes, the fastest kept")
	fs.Usage = func() {
		fmt.Fprint(os.Stderr, `Usage: go run ./tools/bench [--n 2000,10000] [--gencorpus PATH]

Run from the repository's root. Measures, in one run per corpus size
(python3 gencorpus.py --n N --encodings): convert cold (with twins), convert
again with nothing changed, the Hugo build with Jishi's theme and the same
content with a bare three-template theme (side by side, --runs rounds), and
the search index (--search-runs times from none, the fastest kept); prints
each time, peak RSS and the ratios the targets are set in.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	root, _ := os.Getwd()
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return fail(fmt.Errorf("run from the repository's root (no go.mod in %s)", root))
	}
	hugo, err := sitebuild.FindHugo(root)
	if err != nil {
		return fail(err)
	}
	work := *keep
	if work == "" {
		if work, err = os.MkdirTemp("", "jishi-bench-"); err != nil {
			return fail(err)
		}
		defer os.RemoveAll(work)
	}
	// The converter and the indexer are measured as the CLI authors run,
	// each in a process of its own (peak RSS is per process).
	self := filepath.Join(work, "jishi")
	if err := runQuiet(exec.Command("go", "build", "-o", self, ".")); err != nil {
		return fail(fmt.Errorf("building the CLI: %v", err))
	}
	stdout := os.Stdout
	fmt.Fprintf(stdout, "jishi bench on %d CPUs (%s)\n\n", numCPU(), hostInfo())
	var notes []string
	fmt.Fprintf(stdout, "| N | convert cold | convert again | build (Jishi) | build (bare) | search index | convert/bare | again/cold | Jishi/bare | (build+search)/bare |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "bench: --n %q: not a size\n", s)
			return 2
		}
		dir := filepath.Join(work, "n"+strconv.Itoa(n))
		corpus := filepath.Join(dir, "raw")
		if err := runQuiet(exec.Command("python3", *gen, "--n", strconv.Itoa(n), "--encodings", "--out", corpus)); err != nil {
			return fail(fmt.Errorf("gencorpus: %v", err))
		}
		site, bare := filepath.Join(dir, "site"), filepath.Join(dir, "bare")
		for _, d := range []string{site, bare} {
			// A kept --work folder holds the last run's articles and the
			// converter's stat cache: the cold convert starts from none.
			if err := os.RemoveAll(d); err != nil {
				return fail(err)
			}
			if err := sitebuild.CopySite(root, d, siteFiles...); err != nil {
				return fail(err)
			}
		}
		os.RemoveAll(filepath.Join(bare, "layouts"))
		for name, text := range bareLayouts {
			p := filepath.Join(bare, "layouts", name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				return fail(err)
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
			fmt.Fprintf(stdout, "| %d | %s | %s | – | – | – | – | %.3f | – | – |\n", n, cell(cold), cell(again), again.dur.Seconds()/cold.dur.Seconds())
			if err := errors.Join(err1, err2); err != nil {
				return fail(err)
			}
			continue
		}
		if err := sitebuild.CopySite(site, bare, "content"); err != nil {
			return fail(err)
		}
		hugoBuild := func(src string) func() *exec.Cmd {
			return func() *exec.Cmd {
				return hugo.Command(context.Background(), "--source", src, "--destination", filepath.Join(src, "public"), "--minify", "--cleanDestinationDir")
			}
		}
		// Shared machines drift by half and more within a minute, so the two
		// builds are measured side by side: in alternating order, *runs times,
		// the fastest of each kept, with each round's ratio printed below.
		// Load seems to add similar seconds to both, pulling a loaded
		// round's wall-time ratio towards 1, so the ratio of CPU times is
		// printed too: what the theme costs in work, less moved by load.
		build, bareBuild, rounds, cpu, err3 := sideBySide(*runs, hugoBuild(site), hugoBuild(bare))
		// The search index is measured as the builds are: load that comes
		// and goes in a minute decided a single run by 25% (8.0 against
		// 10.4 s at 2,000). Each run starts with no index, the fastest is
		// kept, with the largest peak RSS of any.
		pf := step{name: "search index"}
		var err4 error
		for i := 0; i < *searchRuns && sitebuild.Pagefind(root) && !*noSearch; i++ {
			if err4 = os.RemoveAll(filepath.Join(site, "public", "pagefind")); err4 != nil {
				break
			}
			cmd := exec.Command(self, "search-index", filepath.Join(site, "public"))
			cmd.Dir = root
			var s step
			if s, err4 = measure("search index", cmd); err4 != nil {
				break
			}
			rss := max(pf.rss, s.rss)
			if pf.dur == 0 || s.dur < pf.dur {
				pf = s
			}
			pf.rss = rss
		}
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return fail(err)
		}
		ratio := func(a, b step) string { return fmt.Sprintf("%.3f", a.dur.Seconds()/b.dur.Seconds()) }
		whole := "–"
		if pf.dur > 0 {
			whole = ratio(step{dur: build.dur + pf.dur}, bareBuild)
		}
		fmt.Fprintf(stdout, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", n, cell(cold), cell(again), cell(build), cell(bareBuild), cell(pf),
			ratio(cold, bareBuild), ratio(again, cold), ratio(build, bareBuild), whole)
		notes = append(notes, fmt.Sprintf("N = %d, Jishi/bare in each round: %s", n, rounds),
			fmt.Sprintf("N = %d, Jishi/bare in CPU time (user and system, the least of each build's rounds): %s", n, cpu))
	}
	for _, n := range notes {
		fmt.Fprintln(stdout, "\n"+n)
	}
	fmt.Fprintln(stdout, "\nTimes are wall-clock seconds with peak RSS (builds and search index: the fastest of their runs, search RSS the largest); targets: convert/bare ≤ 0.5, again/cold ≤ 0.05, Jishi/bare ≤ 1.5, converter RSS ≤ 300 MB, (build+search)/bare ≤ 3 with the search index under 1.5 GB at 2,000 and 2 GB at 10,000.")
	return 0
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
	if err := cmd.Start(); err != nil {
		return step{}, fmt.Errorf("%s: %v", name, err)
	}
	stop := watchTree(cmd.Process.Pid)
	err := cmd.Wait()
	tree := stop()
	if err != nil {
		return step{}, fmt.Errorf("%s: %v\n%s", name, err, out.String())
	}
	s := step{name: name, dur: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	// The larger of what the kernel kept for the waited-for processes and
	// the sampled sum over the whole tree.
	s.rss = max(peakRSS(cmd.ProcessState), tree)
	return s, nil
}

// sideBySide measures two builds in turn, runs rounds after a warm-up of
// each, alternating which goes first so that a drifting machine favours
// neither; it keeps each one's
// fastest run and returns every round's ratio a/b.
func sideBySide(runs int, a, b func() *exec.Cmd) (bestA, bestB step, ratios, cpuRatio string, err error) {
	// One unmeasured build of each first: the first build after the corpus is
	// written pays for the file cache, and it would always be the same one.
	for _, c := range []func() *exec.Cmd{a, b} {
		if _, err = measure("warm-up build", c()); err != nil {
			return bestA, bestB, "", "", err
		}
	}
	var rs []string
	var cpuA, cpuB time.Duration
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
			return bestA, bestB, "", "", err
		}
		if cpuA == 0 || sa.cpu < cpuA {
			cpuA = sa.cpu
		}
		if cpuB == 0 || sb.cpu < cpuB {
			cpuB = sb.cpu
		}
		if bestA.dur == 0 || sa.dur < bestA.dur {
			bestA = sa
		}
		if bestB.dur == 0 || sb.dur < bestB.dur {
			bestB = sb
		}
		rs = append(rs, fmt.Sprintf("%.3f", sa.dur.Seconds()/sb.dur.Seconds()))
	}
	return bestA, bestB, strings.Join(rs, ", "), fmt.Sprintf("%.3f (%.1f s against %.1f s)", cpuA.Seconds()/cpuB.Seconds(), cpuA.Seconds(), cpuB.Seconds()), nil
}

func runQuiet(cmd *exec.Cmd) error {
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	return nil
}
