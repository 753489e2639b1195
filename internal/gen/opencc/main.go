// Command opencc writes internal/zhconv's tables from the text dictionaries
// and configurations of a pinned OpenCC release — the npm package opencc,
// fetched with npm pack (its prebuilt native parts are not needed and not
// installed) — with OpenCC's own build steps: the reverse of the
// variant tables (with their @reverse-prefer notes), the extension of
// characters that may show as tofu (@tofu-risk), and the Simplified phrases
// generated from the regional phrase keys through t2s. It records the
// release and the hash of every source file. Run by go generate.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jishi/jishi/internal/zhconv/occ"
)

// configs are the conversions Jishi offers (see internal/zhconv).
var configs = []string{"tw2s", "tw2sp", "s2tw", "s2twp"}

func main() {
	spec := flag.String("npm", "opencc@1.4.2", "the npm package to fetch with npm pack")
	src := flag.String("src", "", "an unpacked package folder instead of -npm")
	out := flag.String("o", "internal/zhconv/data", "folder for the tables")
	flag.Parse()
	dir := *src
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jishi-opencc-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		if dir, err = fetch(*spec, tmp); err != nil {
			log.Fatal(err)
		}
	}
	if err := run(dir, *out); err != nil {
		log.Fatal(err)
	}
}

// fetch downloads the npm package spec with npm pack into dir and unpacks
// it; it returns the package's folder.
func fetch(spec, dir string) (string, error) {
	cmd := exec.Command("npm", "pack", spec, "--pack-destination", dir, "--silent")
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s: %w", spec, err)
	}
	f, err := os.Open(filepath.Join(dir, strings.TrimSpace(string(name))))
	if err != nil {
		return "", err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		// Only the dictionaries, the configurations and the package's metadata.
		if h.Typeflag != tar.TypeReg || !(strings.HasPrefix(h.Name, "package/data/") || h.Name == "package/package.json") || strings.Contains(h.Name, "..") {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(h.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return "", err
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "package"), nil
}

// entry is one line of a text dictionary.
type entry struct {
	key    string
	values []string
}

// textDict is a text dictionary with the annotations OpenCC's scripts read.
type textDict struct {
	entries  []entry
	prefer   map[string]string // @reverse-prefer: key of the reverse → its first value
	tofuRisk []entry           // @tofu-risk: the line after the note
}

func readDict(path string) (*textDict, []byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	d := &textDict{prefer: map[string]string{}}
	tofuNext := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if p, ok := strings.CutPrefix(line, "# @reverse-prefer:"); ok {
			f := strings.Fields(p)
			if len(f) == 0 || len(f) > 2 {
				return nil, nil, fmt.Errorf("%s: reverse preference %q", path, line)
			}
			d.prefer[f[0]] = f[len(f)-1]
			continue
		}
		if strings.HasPrefix(line, "# @tofu-risk:") {
			tofuNext = true
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		key, vals, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, nil, fmt.Errorf("%s: no tab in %q", path, line)
		}
		e := entry{key: key, values: strings.Split(vals, " ")}
		d.entries = append(d.entries, e)
		if tofuNext {
			// extract_tofu_risk.py: the mapping less an identity first value.
			v := slices.Clone(e.values)
			if len(v) > 0 && v[0] == key {
				v = v[1:]
			}
			if len(v) == 0 {
				return nil, nil, fmt.Errorf("%s: no extension value after @tofu-risk for %q", path, key)
			}
			d.tofuRisk = append(d.tofuRisk, entry{key: key, values: v})
			tofuNext = false
		}
	}
	return d, b, sc.Err()
}

// reverse is reverse.py: every value becomes a key whose values are the
// keys that had it, in file order, the preferred one first.
func (d *textDict) reverse() ([]entry, error) {
	var order []string
	rev := map[string][]string{}
	for _, e := range d.entries {
		for _, v := range e.values {
			if _, ok := rev[v]; !ok {
				order = append(order, v)
			}
			rev[v] = append(rev[v], e.key)
		}
	}
	for k, p := range d.prefer {
		vals, ok := rev[k]
		i := slices.Index(vals, p)
		if !ok || i < 0 {
			return nil, fmt.Errorf("reverse preference %s → %s has no matching mapping", k, p)
		}
		rev[k] = append([]string{p}, slices.Delete(slices.Clone(vals), i, i+1)...)
	}
	out := make([]entry, 0, len(order))
	for _, k := range order {
		out = append(out, entry{key: k, values: rev[k]})
	}
	return out, nil
}

func run(src, out string) error {
	pkg, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		return err
	}
	var meta struct{ Name, Version string }
	if err := json.Unmarshal(pkg, &meta); err != nil {
		return err
	}
	hashes := map[string]string{}
	dicts := map[string][]entry{}
	load := func(name string) (*textDict, error) {
		d, raw, err := readDict(filepath.Join(src, "data", "dictionary", name+".txt"))
		if err != nil {
			return nil, err
		}
		h := sha256.Sum256(raw)
		hashes["data/dictionary/"+name+".txt"] = hex.EncodeToString(h[:])
		dicts[name] = d.entries
		return d, nil
	}
	for _, name := range []string{"CJK_Compatibility_Ideographs", "STCharacters", "STPhrases", "TSPhrases",
		"TWPhrases", "TWPhrasesRev", "TWVariantsPhrases", "TWVariantsRevPhrases", "HKPhrases"} {
		if _, err := load(name); err != nil {
			return err
		}
	}
	tw, err := load("TWVariants")
	if err != nil {
		return err
	}
	if dicts["TWVariantsRev"], err = tw.reverse(); err != nil {
		return fmt.Errorf("TWVariants: %w", err)
	}
	ts, err := load("TSCharacters")
	if err != nil {
		return err
	}
	dicts["TSCharactersExt"] = ts.tofuRisk

	configJSON := map[string][]byte{}
	for _, name := range append([]string{"t2s"}, configs...) {
		b, err := os.ReadFile(filepath.Join(src, "data", "config", name+".json"))
		if err != nil {
			return err
		}
		h := sha256.Sum256(b)
		hashes["data/config/"+name+".json"] = hex.EncodeToString(h[:])
		configJSON[name] = b
	}
	open := func(name string) (*occ.Dict, error) {
		es, ok := dicts[name]
		if !ok {
			return nil, fmt.Errorf("no dictionary %s", name)
		}
		return occ.NewDict(defaults(es)), nil
	}
	// generate_st_phrases_from_regional_phrases.py: the t2s projection of
	// every regional phrase key of three characters or more maps back to it.
	t2s, err := occ.Load("t2s", configJSON["t2s"], open, true) // as OpenCC's build: --include-tofu-risk-dictionaries
	if err != nil {
		return err
	}
	projected := map[string][]string{}
	var projOrder []string
	for _, name := range []string{"HKPhrases", "TWPhrases"} {
		for _, e := range dicts[name] {
			k := t2s.Convert(e.key)
			if utf8.RuneCountInString(k) < 3 {
				continue
			}
			if _, ok := projected[k]; !ok {
				projOrder = append(projOrder, k)
			}
			projected[k] = append(projected[k], e.key)
		}
	}
	var gen []entry
	for _, k := range projOrder {
		vals := projected[k]
		for _, v := range vals[1:] {
			if v != vals[0] {
				return fmt.Errorf("conflicting regional phrase projections: %s: %v", k, vals)
			}
		}
		gen = append(gen, entry{key: k, values: vals[:1]})
	}
	dicts["STPhrases_GeneratedFromRegionalPhrases"] = gen

	// Write the tables the offered configurations name, and the configurations.
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	used := map[string]bool{}
	for _, name := range configs {
		if _, err := occ.Load(name, configJSON[name], func(d string) (*occ.Dict, error) {
			used[d] = true
			return open(d)
		}, true); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name+".json"), configJSON[name], 0o644); err != nil {
			return err
		}
	}
	var names []string
	for d := range used {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		m := defaults(dicts[d])
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var sb strings.Builder
		for _, k := range keys {
			sb.WriteString(k + "\t" + m[k] + "\n")
		}
		if err := os.WriteFile(filepath.Join(out, d+".tsv"), []byte(sb.String()), 0o644); err != nil {
			return err
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "# Generated by internal/gen/opencc from the npm package %s %s; DO NOT EDIT.\n", meta.Name, meta.Version)
	fmt.Fprintf(&sb, "# Each table is key<TAB>value, the value OpenCC converts to (its first).\n")
	fmt.Fprintf(&sb, "version\t%s\n", meta.Version)
	var files []string
	for f := range hashes {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		fmt.Fprintf(&sb, "sha256\t%s\t%s\n", hashes[f], f)
	}
	return os.WriteFile(filepath.Join(out, "SOURCE"), []byte(sb.String()), 0o644)
}

// defaults maps each key to its first value; a key listed twice keeps the
// first line, as OpenCC's dictionary builder does.
func defaults(es []entry) map[string]string {
	m := make(map[string]string, len(es))
	for _, e := range es {
		if _, ok := m[e.key]; !ok && len(e.values) > 0 {
			m[e.key] = e.values[0]
		}
	}
	return m
}
