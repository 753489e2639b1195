package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jishi/jishi/internal/batch"
	"github.com/jishi/jishi/internal/convert"
	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// defaultRaw and defaultOut are the inbox and the content folder of a site;
// configFile holds the editor's converter settings.
const (
	defaultRaw = "raw"
	defaultOut = "content"
	configFile = "jishi.toml"
)

type convertFlags struct {
	out, section  string
	force, dryRun bool
	json          bool
}

func (c *convertFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.out, "out", defaultOut, "content folder to write bundles to")
	fs.StringVar(&c.section, "section", "", "section new bundles go to (default: section in jishi.toml, else posts)")
	fs.BoolVar(&c.force, "force", false, "replace bundles an author edited (the edit is kept beside, as .index.md.<hash>.edited)")
	fs.BoolVar(&c.dryRun, "dry-run", false, "show what would change, as a diff, and write nothing")
	fs.BoolVar(&c.json, "json", false, "print the results as JSON, for scripts")
}

func cmdConvert(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf convertFlags
	cf.register(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: go run . convert [flags] [PATH…]

Converts raw .txt files (or every .txt in the folders given; default raw/)
into Hugo page bundles under content/. A bundle an author edited is left
alone unless --force. Exit status: 0 all good, 1 some inputs failed, 2 usage.

Examples:
  go run . convert                      # everything in raw/
  go run . convert raw/new-interview.txt
  go run . convert --dry-run            # show the diff, write nothing
  go run . convert --json inbox/ > report.json

Flags:
`)
		fs.PrintDefaults()
	}
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		paths = []string{defaultRaw}
	}
	return convertPaths(paths, cf, stdout, stderr)
}

// convertPaths runs a conversion and reports it: failures on stderr as
// "FILE: reason", then a summary (or JSON).
func convertPaths(paths []string, cf convertFlags, stdout, stderr io.Writer) int {
	files, err := batch.Inputs(paths)
	if err != nil {
		fmt.Fprintf(stderr, "jishi: %v\n", err)
		return exitUsage
	}
	opt, section, err := batch.LoadConfig(configFile)
	if err != nil {
		fmt.Fprintf(stderr, "jishi: %v\n", err)
		return exitUsage
	}
	if cf.section != "" {
		section = cf.section
	}
	cfg := batch.Config{
		Out:     cf.out,
		Section: section,
		Options: opt,
		Store:   batch.StoreOptions{Force: cf.force, DryRun: cf.dryRun},
	}
	bar := progressFor(len(files), stderr)
	results, err := batch.Run(cfg, files, func(batch.Result) { bar.Add(1) })
	bar.Finish()
	if err != nil {
		fmt.Fprintf(stderr, "jishi: %v\n", err)
		return exitFailed
	}
	failed := 0
	for _, r := range results {
		if r.Status == batch.StatusFailed {
			failed++
			fmt.Fprintf(stderr, "%s: %s\n", r.Source, r.Reason)
		}
		if r.Status == batch.StatusKept {
			fmt.Fprintf(stderr, "%s: kept %s/%s: an author edited it (use --force to replace it)\n", r.Source, cf.out, r.Dir)
		}
	}
	if cf.json {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(results)
	} else {
		if cf.dryRun {
			printDiffs(stdout, results)
		}
		printSummary(stdout, results, cf.dryRun)
		printWarnings(stdout, results)
	}
	if failed > 0 {
		return exitFailed
	}
	return exitOK
}

func printSummary(w io.Writer, results []batch.Result, dry bool) {
	count := map[string]int{}
	for _, r := range results {
		count[r.Status]++
	}
	order := []string{batch.StatusConverted, batch.StatusUpdated, batch.StatusUnchanged, batch.StatusKept, batch.StatusReplaced, batch.StatusFailed}
	var parts []string
	for _, s := range order {
		if count[s] > 0 || s == batch.StatusConverted || s == batch.StatusFailed {
			parts = append(parts, fmt.Sprintf("%d %s", count[s], s))
		}
	}
	prefix := ""
	if dry {
		prefix = "dry run, nothing written: "
	}
	fmt.Fprintf(w, "%s%d files: %s\n", prefix, len(results), strings.Join(parts, ", "))
}

// printWarnings lists, one line a file, the guesses an editor should check
// in what was just converted.
func printWarnings(w io.Writer, results []batch.Result) {
	header := false
	for _, r := range results {
		if len(r.Warnings) == 0 || r.Status == batch.StatusUnchanged || r.Status == batch.StatusFailed {
			continue
		}
		if !header {
			fmt.Fprintln(w, "check these guesses (fix the page, or teach jishi.toml):")
			header = true
		}
		fmt.Fprintf(w, "  %s: %s\n", r.Source, strings.Join(r.Warnings, "; "))
	}
}

func printDiffs(w io.Writer, results []batch.Result) {
	for _, r := range results {
		for _, c := range r.Changes {
			fmt.Fprint(w, convert.Diff(c.Path, c.Old, c.New))
		}
	}
}

func cmdInspect(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: go run . inspect FILE

Prints the parsed document (schema jishi/document/v1) as JSON; writes nothing.

Example:
  go run . inspect raw/000_d21f18bab95616ed.txt
`)
	}
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) != 1 {
		fs.Usage()
		return exitUsage
	}
	path := paths[0]
	raw, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		return exitFailed
	}
	opt, _, err := batch.LoadConfig(configFile)
	if err != nil {
		fmt.Fprintf(stderr, "jishi: %v\n", err)
		return exitUsage
	}
	doc, err := convert.Convert(filepath.Base(path), raw, opt)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		return exitFailed
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		fmt.Fprintf(stderr, "jishi: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// progressMin is the batch size from which a terminal shows a progress bar.
const progressMin = 40

// progressFor returns a progress bar on stderr for a batch worth one: on a
// terminal, not in CI, with more than a few dozen files. Otherwise it draws
// nothing.
func progressFor(n int, stderr io.Writer) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if n < progressMin || !ok || !isatty.IsTerminal(f.Fd()) || os.Getenv("CI") != "" {
		return progressbar.DefaultSilent(int64(n))
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("converting"),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}
