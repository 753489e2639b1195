// Command jishi turns raw scraped Chinese article text into a Hugo site.
//
//	go run . convert [PATH…]   raw text → page bundles under content/
//	go run . inspect FILE      the parsed Document as JSON
//	go run . build [HUGO FLAGS…]  convert, then build the site into public/
//	go run . serve             convert, then preview on 127.0.0.1 with live reload
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// OpenCC's tables from the pinned npm package (fetched with npm pack), the
// search page's query folding tables made from them, and the
// code-highlighting stylesheet, light and dark in one file.
//go:generate go run ./internal/gen/opencc -npm opencc@1.4.2 -o internal/zhconv/data
//go:generate go run ./internal/gen/zhfold -o assets/js
//go:generate go run ./internal/gen/chromacss -o assets/css/chroma.css

// Exit codes: all good, some inputs failed, usage error.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

const usage = `Jishi (紀事) turns raw scraped Chinese article text into a Hugo site.

Usage:
  go run . convert [flags] [PATH…]   raw .txt files or folders (default raw/) → bundles under content/
  go run . inspect FILE              print the parsed document as JSON; writes nothing
  go run . build [HUGO FLAGS…]       convert, then build the site into public/ (minified)
  go run . serve [HUGO FLAGS…]       convert, then preview on 127.0.0.1; raw/ is watched
  go run . search-index PUBLIC       write the search index of a built site (build does this)

Run "go run . COMMAND -h" for a command's flags and examples.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole CLI, testable: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "convert":
		return cmdConvert(rest, stdout, stderr)
	case "inspect":
		return cmdInspect(rest, stdout, stderr)
	case "build":
		return cmdBuild(rest, stdout, stderr)
	case "serve":
		return cmdServe(rest, stdout, stderr)
	case "search-index":
		// Also how tools/bench measures indexing in a process of its own.
		if len(rest) != 1 {
			fmt.Fprintln(stderr, "usage: go run . search-index PUBLIC")
			return exitUsage
		}
		if err := indexSearch(rest[0], stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "jishi: search: %v\n", err)
			return exitFailed
		}
		return exitOK
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	fmt.Fprintf(stderr, "jishi: %v\n\n%s", err, usage)
	return exitUsage
}

// parseFlags parses a command's flags, before or after its paths (authors
// type `convert raw/ --dry-run`), and returns the paths; it reports the exit
// code to return when parsing ends the command (help or a usage error).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return paths, 0, true
		}
		paths = append(paths, args[0])
		args = args[1:]
	}
}
