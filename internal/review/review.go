// Package review renders the page an editor reads to check the converter's
// guesses: for each raw file, where its title, date and byline came from,
// every line removed and by which rule, the speakers and what named them,
// the events with the sentence that told each, and the warnings. The page
// is served by `jishi serve` on 127.0.0.1 only and never written to public/.
package review

import (
	"bytes"
	_ "embed"
	"html/template"
	"path"
	"regexp"
	"strings"

	"github.com/jishi/jishi/internal/convert"
)

// CSS is the page's stylesheet, served beside it as review.css (a strict
// Content-Security-Policy allows no inline style).
//
//go:embed review.css
var CSS []byte

// Item is one raw file: its Document, or why it has none.
type Item struct {
	Source  string            // the raw file's path, as the editor knows it
	Doc     *convert.Document // nil when the file failed
	Lines   []string          // the decoded lines, to show each guess's source line
	Reason  string            // why there is no Document
	PageURL string            // the article's page, "" until it is converted
}

// Setting is one setting of jishi.toml an editor can change to correct a
// guess: the guesses link to it by its id.
type Setting struct {
	Key, About string
	Current    []string // its lines in the site's jishi.toml, none when unset
}

// ID is the page anchor of the setting (set-glossary-speakers).
func (s Setting) ID() string { return "set-" + strings.ReplaceAll(s.Key, ".", "-") }

// settings are the jishi.toml keys a guess can be corrected with, in the
// order the file has them.
var settings = []Setting{
	{Key: "timezone", About: "日期行只寫時刻時所用的時區。"},
	{Key: "section", About: "新文章所在的欄目。"},
	{Key: "twins", About: "是否在每篇文章旁寫出另一種字體的副本。"},
	{Key: "twinVocabulary", About: "副本是否也換成另一地區的用詞（軟體 → 软件）。"},
	{Key: "boilerplate.promo", About: "標題前的推廣行，加上之後同類的行都會移除。"},
	{Key: "boilerplate.lines", About: "無論在哪裡都要移除的行。"},
	{Key: "boilerplate.trailers", About: "文末附加段落的開頭行，其後的短行一併移除。"},
	{Key: "glossary.keep", About: "副本必須原樣保留的詞（品牌、人名）。"},
	{Key: "glossary.speakers", About: "發言人標籤代表的全名。"},
	{Key: "glossary.slugs", About: "依原始檔名指定網址。"},
}

var tomlKey = regexp.MustCompile(`^\s*(?:\[\s*([A-Za-z0-9_.]+)\s*\]|([A-Za-z0-9_]+)\s*=)`)

// Settings reads the text of jishi.toml (empty when the site has none)
// into the settings the page links to, each with its current lines.
func Settings(toml []byte) []Setting {
	out := make([]Setting, len(settings))
	copy(out, settings)
	at := map[string]int{}
	for i, s := range out {
		at[s.Key] = i
	}
	table, current := "", -1
	for _, l := range strings.Split(string(toml), "\n") {
		m := tomlKey.FindStringSubmatch(l)
		switch {
		case m == nil:
			// A line of a table's body ("陳教授" = "陳明哲") belongs to it.
			if t := strings.TrimSpace(l); current >= 0 && t != "" && !strings.HasPrefix(t, "#") {
				out[current].Current = append(out[current].Current, t)
			}
			continue
		case m[1] != "":
			table = m[1]
			current = -1
			if i, ok := at[table]; ok {
				current = i
			}
			continue
		}
		key := m[2]
		if table != "" {
			key = table + "." + key
		}
		if i, ok := at[key]; ok {
			out[i].Current = append(out[i].Current, strings.TrimSpace(l))
		}
	}
	return out
}

type line struct {
	No   int
	Text string
}

type removal struct {
	No         int
	Rule, Text string
	Pattern    string // a pattern that removes lines like it elsewhere
	Setting    string // the setting the pattern goes to
}

// settingOf is the boilerplate setting that removes lines like those a
// rule removed.
func settingOf(rule string) string {
	switch rule {
	case "promo":
		return "set-boilerplate-promo"
	case "trailer":
		return "set-boilerplate-trailers"
	case "furniture":
		return "set-boilerplate-lines"
	}
	return "" // a wrapper's field, a signature, a dateline's company: no pattern makes more of them
}

type view struct {
	Source, Reason, PageURL string
	File, Slug              string // the raw file's name and its page's slug, for glossary.slugs
	Title, Date             string
	TitleFrom, DateFrom     *line
	Authors                 []string
	AuthorFrom              []line
	Removed                 []removal
	Speakers                []convert.Speaker
	Turns                   map[string]int
	Events                  []convert.Event
	Warnings                []string
}

// Render returns the review page for the items, linking each guess to the
// setting of jishi.toml that would change it (see Settings).
func Render(items []Item, set []Setting) []byte {
	var views []view
	for _, it := range items {
		v := view{Source: it.Source, Reason: it.Reason, PageURL: it.PageURL, File: path.Base(it.Source)}
		if it.PageURL != "" {
			v.Slug = path.Base(strings.TrimSuffix(it.PageURL, "/"))
		}
		if d := it.Doc; d != nil {
			at := func(no int) *line {
				if no < 1 || no > len(it.Lines) {
					return nil
				}
				return &line{no, strings.TrimSpace(it.Lines[no-1])}
			}
			v.Title, v.TitleFrom = d.Title, at(d.TitleLine)
			if d.Date != nil {
				v.Date = d.Date.String()
			}
			v.DateFrom = at(d.DateLine)
			v.Authors = d.Authors
			for _, no := range d.AuthorLines {
				if l := at(no); l != nil {
					v.AuthorFrom = append(v.AuthorFrom, *l)
				}
			}
			for i, r := range d.Removed {
				text := ""
				if i < len(d.Boilerplate) {
					text = d.Boilerplate[i]
				}
				v.Removed = append(v.Removed, removal{r.Line, r.Rule, text, linePattern(text), settingOf(r.Rule)})
			}
			v.Speakers, v.Events, v.Warnings = d.Speakers, d.Events, d.Warnings()
			v.Turns = map[string]int{}
			for _, b := range d.Blocks {
				if b.Kind == convert.KindTurn {
					v.Turns[b.Speaker]++
				}
			}
		}
		views = append(views, v)
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, struct {
		Items    []view
		Settings []Setting
	}{views, set}); err != nil {
		panic("review: " + err.Error()) // the template is fixed; only a bug gets here
	}
	return buf.Bytes()
}

// linePattern is a boilerplate.lines pattern for lines that begin as this
// one does: its first words, quoted for a regular expression.
func linePattern(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\''); i > 0 {
		s = s[:i] // a TOML literal string cannot hold a '
	}
	if r := []rune(s); len(r) > 12 {
		s = string(r[:12])
	}
	return "^" + regexp.QuoteMeta(s)
}

var page = template.Must(template.New("review").Parse(`<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>轉換檢查 · Jishi</title>
<link rel="stylesheet" href="review.css">
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>轉換檢查</h1>
<p>每個原始檔的轉換結果與其來源行。猜錯的地方，請直接修改頁面，或照各項旁的連結修改 <code>jishi.toml</code> 的<a href="#settings">設定</a>後重新轉換。此頁只在本機預覽時提供。</p>
{{range $v := .Items}}
<section>
<h2>{{.Source}}</h2>
{{if .Reason}}<p class="warn">未轉換：{{.Reason}}</p>{{else}}
{{with .PageURL}}<p><a href="{{.}}">打開文章頁</a></p>{{end}}
{{with .Warnings}}<h3>請檢查</h3><ul>{{range .}}<li class="warn">{{.}}</li>{{end}}</ul>{{end}}
<dl>
<dt>標題</dt><dd>{{if .Title}}{{.Title}}{{else}}（沒有標題行）{{end}}{{with .TitleFrom}} <span class="src">第 {{.No}} 行：{{.Text}}</span>{{end}}{{with .Slug}} <a class="set" href="#set-glossary-slugs">網址：<code>"{{$v.File}}" = "{{.}}"</code></a>{{end}}</dd>
<dt>日期</dt><dd>{{if .Date}}{{.Date}}{{else}}（沒有日期）{{end}}{{with .DateFrom}} <span class="src">第 {{.No}} 行：{{.Text}}</span>{{end}} <a class="set" href="#set-timezone">時區</a></dd>
<dt>作者</dt><dd>{{range $i, $a := .Authors}}{{if $i}}、{{end}}{{$a}}{{else}}（沒有署名）{{end}}{{range .AuthorFrom}} <span class="src">第 {{.No}} 行：{{.Text}}</span>{{end}}</dd>
</dl>
{{with .Removed}}<h3>移除的行</h3><ul>{{range $r := .}}<li>第 {{.No}} 行（{{.Rule}}）：{{.Text}}{{with .Setting}} <a class="set" href="#{{.}}">同類的行：<code>'{{$r.Pattern}}'</code></a>{{end}}</li>{{end}}</ul>{{end}}
{{with .Speakers}}<h3>發言人</h3><ul>{{range .}}<li>{{.Label}}{{with .Name}} = {{.}}{{end}}{{with .Role}}，{{.}}{{end}} <span class="src">{{index $v.Turns .Label}} 段發言</span> <a class="set" href="#set-glossary-speakers">全名：<code>"{{.Label}}" = "{{with .Name}}{{.}}{{else}}全名{{end}}"</code></a></li>{{end}}</ul>{{end}}
{{with .Events}}<h3>時間線</h3><ul>{{range .}}<li><time datetime="{{.Date}}">{{.Date}}</time> {{.Text}}</li>{{end}}</ul>{{end}}
{{end}}
</section>
{{end}}
<section id="settings">
<h2>jishi.toml 的設定</h2>
<p>改好之後執行 <code>go run . convert</code>，已轉換、沒有手改過的頁面會照新設定重寫。</p>
<dl>
{{range .Settings}}<dt id="{{.ID}}"><code>{{.Key}}</code></dt><dd>{{.About}}{{with .Current}}<pre>{{range .}}{{.}}
{{end}}</pre>{{else}} <span class="src">（未設定，用預設值）</span>{{end}}</dd>
{{end}}</dl>
</section>
</main>
</body>
</html>
`))
