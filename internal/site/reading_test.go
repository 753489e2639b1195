package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// reading is what tests/browser/reading.mjs measures of one article.
type reading struct {
	Path  string `json:"path"`
	Views []struct {
		Width        int     `json:"width"`
		Height       int     `json:"height"`
		Scheme       string  `json:"scheme"`
		HalfPunct    int     `json:"halfPunct"`
		H1           string  `json:"h1"`
		TextAlign    string  `json:"textAlign"`
		H2Ratio      float64 `json:"h2Ratio"`
		LabelRatio   float64 `json:"labelRatio"`
		FirstLine    int     `json:"firstLine"`
		SmallTargets []struct {
			Text string `json:"text"`
			H    int    `json:"h"`
		} `json:"smallTargets"`
		Edges        []int   `json:"edges"`
		RuleContrast float64 `json:"ruleContrast"`
		Timeline     *struct {
			Label  string `json:"label"`
			Open   bool   `json:"open"`
			Height int    `json:"height"`
		} `json:"timeline"`
	} `json:"views"`
	Print struct {
		Toc, Series, Timeline, Clamped, PrintOnly bool
		Address                                   string
	} `json:"print"`
}

// readingChecks are the measures an article is held to, each named; a
// check returns what is wrong, "" when nothing is.
var readingChecks = []struct {
	name  string
	check func(r reading) string
}{
	{"punctuation", func(r reading) string {
		if n := r.Views[0].HalfPunct; n > 0 {
			return fmt.Sprintf("%d half-width , : ; ? ! ( ) in Chinese text", n)
		}
		return ""
	}},
	{"timeline", func(r reading) string {
		for _, v := range r.Views {
			t := v.Timeline
			if t == nil {
				continue
			}
			switch {
			case !strings.Contains(t.Label, "時間線") && !strings.Contains(t.Label, "时间线") && !strings.Contains(t.Label, "Timeline"):
				return fmt.Sprintf("the article's timeline is labelled %q", t.Label)
			case v.Width < 600 && (t.Open || t.Height > 80):
				return fmt.Sprintf("at %d px the timeline is open, %d px tall, between the intro and the body", v.Width, t.Height)
			}
		}
		return ""
	}},
	{"justified", func(r reading) string {
		if a := r.Views[0].TextAlign; a != "justify" {
			return "body text is aligned " + a + ", not justified"
		}
		return ""
	}},
	{"hierarchy", func(r reading) string {
		v := r.Views[0]
		if v.H2Ratio > 0 && v.H2Ratio < 1.3 {
			return fmt.Sprintf("h2 is %.2f× the body, under 1.3×", v.H2Ratio)
		}
		if v.LabelRatio > 0 && v.LabelRatio < 0.99 {
			return fmt.Sprintf("box labels are %.2f× the body, smaller than it", v.LabelRatio)
		}
		return ""
	}},
	{"first screen", func(r reading) string {
		for _, v := range r.Views {
			limit := map[[2]int]int{{375, 812}: 450, {320, 640}: 560}[[2]int{v.Width, v.Height}]
			if limit > 0 && (v.FirstLine == 0 || v.FirstLine > limit) {
				return fmt.Sprintf("at %d×%d the first line of the article is at y = %d, below %d", v.Width, v.Height, v.FirstLine, limit)
			}
		}
		return ""
	}},
	{"tap targets", func(r reading) string {
		for _, v := range r.Views {
			if v.Width < 600 && len(v.SmallTargets) > 0 {
				return fmt.Sprintf("at %d px, links under 44 px tall: %v", v.Width, v.SmallTargets)
			}
		}
		return ""
	}},
	{"one edge", func(r reading) string {
		for _, v := range r.Views {
			if v.Width == 1280 && len(v.Edges) == 3 && (v.Edges[0] != v.Edges[1] || v.Edges[1] != v.Edges[2]) {
				return fmt.Sprintf("at 1280 px header, article and footer start at %v", v.Edges)
			}
		}
		return ""
	}},
	{"rules", func(r reading) string {
		for _, v := range r.Views {
			if v.RuleContrast > 0 && v.RuleContrast < 3 {
				return fmt.Sprintf("the answer's rule is %.2f:1 against the page (%s)", v.RuleContrast, v.Scheme)
			}
		}
		return ""
	}},
	{"print", func(r reading) string {
		p := r.Print
		switch {
		case p.Toc || p.Series || p.Timeline:
			return fmt.Sprintf("print keeps boxes: contents %v, series %v, timeline %v", p.Toc, p.Series, p.Timeline)
		case p.Clamped:
			return "print clamps the timeline"
		case !p.PrintOnly || !strings.Contains(p.Address, "http"):
			return "print gives no address"
		}
		return ""
	}},
}

// readingProblems are the checks r fails, by name.
func readingProblems(r reading) map[string]string {
	out := map[string]string{}
	if len(r.Views) == 0 {
		out["measured"] = "nothing measured"
		return out
	}
	for _, c := range readingChecks {
		if p := c.check(r); p != "" {
			out[c.name] = p
		}
	}
	return out
}

// writeBroken puts the page made to break every reading check into the
// test site, where the suite proves each check can fail.
func writeBroken(public string) error {
	dir := filepath.Join(public, "_broken")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// Its style is a file of its own: the test server's policy allows no inline style.
	for _, name := range []string{"index.html", "broken.css"} {
		b, err := os.ReadFile(filepath.Join(Root(), "internal", "site", "testdata", "broken", name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
