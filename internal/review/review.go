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

type line struct {
	No   int
	Text string
}

type removal struct {
	No         int
	Rule, Text string
}

type view struct {
	Source, Reason, PageURL string
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

// Render returns the review page for the items.
func Render(items []Item) []byte {
	var views []view
	for _, it := range items {
		v := view{Source: it.Source, Reason: it.Reason, PageURL: it.PageURL}
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
				v.Removed = append(v.Removed, removal{r.Line, r.Rule, text})
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
	if err := page.Execute(&buf, views); err != nil {
		panic("review: " + err.Error()) // the template is fixed; only a bug gets here
	}
	return buf.Bytes()
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
<p>每個原始檔的轉換結果與其來源行。猜錯的地方，請直接修改頁面，或在 <code>jishi.toml</code> 設定（<code>boilerplate.lines</code> 移除的行、<code>glossary.speakers</code> 發言人、<code>glossary.slugs</code> 網址）後重新轉換。此頁只在本機預覽時提供。</p>
{{range $v := .}}
<section>
<h2>{{.Source}}</h2>
{{if .Reason}}<p class="warn">未轉換：{{.Reason}}</p>{{else}}
{{with .PageURL}}<p><a href="{{.}}">打開文章頁</a></p>{{end}}
{{with .Warnings}}<h3>請檢查</h3><ul>{{range .}}<li class="warn">{{.}}</li>{{end}}</ul>{{end}}
<dl>
<dt>標題</dt><dd>{{if .Title}}{{.Title}}{{else}}（沒有標題行）{{end}}{{with .TitleFrom}} <span class="src">第 {{.No}} 行：{{.Text}}</span>{{end}}</dd>
<dt>日期</dt><dd>{{if .Date}}{{.Date}}{{else}}（沒有日期）{{end}}{{with .DateFrom}} <span class="src">第 {{.No}} 行：{{.Text}}</span>{{end}}</dd>
<dt>作者</dt><dd>{{range $i, $a := .Authors}}{{if $i}}、{{end}}{{$a}}{{else}}（沒有署名）{{end}}{{range .AuthorFrom}} <span class="src">第 {{.No}} 行：{{.Text}}</span>{{end}}</dd>
</dl>
{{with .Removed}}<h3>移除的行</h3><ul>{{range .}}<li>第 {{.No}} 行（{{.Rule}}）：{{.Text}}</li>{{end}}</ul>{{end}}
{{with .Speakers}}<h3>發言人</h3><ul>{{range .}}<li>{{.Label}}{{with .Name}} = {{.}}{{end}}{{with .Role}}，{{.}}{{end}} <span class="src">{{index $v.Turns .Label}} 段發言</span></li>{{end}}</ul>{{end}}
{{with .Events}}<h3>時間線</h3><ul>{{range .}}<li><time datetime="{{.Date}}">{{.Date}}</time> {{.Text}}</li>{{end}}</ul>{{end}}
{{end}}
</section>
{{end}}
</main>
</body>
</html>
`))
