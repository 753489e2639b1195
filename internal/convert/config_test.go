package convert

import (
	"os"

	"strings"
	"testing"
)

// loadConfig parses a jishi.toml text as the batch reads it from disk.
func loadConfig(body string) (Options, string, error) {
	return ParseConfig("jishi.toml", []byte(body))
}

func TestRepositoryConfigLoads(t *testing.T) {
	b, err := os.ReadFile("../../jishi.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, section, err := ParseConfig("jishi.toml", b); err != nil || section != "posts" {
		t.Fatalf("jishi.toml: section %q, %v", section, err)
	}
}

func TestConfigExtendsPatternsAndZone(t *testing.T) {
	opt, section, err := loadConfig(`
timezone = "Asia/Tokyo"
section = "interviews"
[boilerplate]
lines = ['^本文首發於']
[glossary.speakers]
"陳教授" = "陳明哲"
`)
	if err != nil {
		t.Fatal(err)
	}
	if section != "interviews" {
		t.Errorf("section %q", section)
	}
	doc, err := Convert("x.txt", []byte("標題\n\n2023-10-25 18:06\n\n第一段。\n\n本文首發於某某網站\n\n問:好嗎?\n\n陳教授:好。\n"), opt)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Date.String() != "2023-10-25T18:06:00+09:00" {
		t.Errorf("date %s, want the configured zone", doc.Date)
	}
	if strings.Join(doc.Boilerplate, "|") != "本文首發於某某網站" {
		t.Errorf("boilerplate %q", doc.Boilerplate)
	}
	if got := speakersOf(doc); got[1] != "陳教授/陳明哲/" {
		t.Errorf("speakers %q", got)
	}
}

func TestConfigErrorsNameTheSetting(t *testing.T) {
	tests := []struct{ body, want string }{
		{`timezone = "Mars/Olympus"`, "timezone"},
		{"[boilerplate]\nlines = ['(unclosed']", "boilerplate.lines"},
		{`section = "../etc"`, "section"},
		{`section = `, "jishi.toml"},
	}
	for _, tt := range tests {
		_, _, err := loadConfig(tt.body)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "jishi.toml") {
			t.Errorf("%q: error %v, want one naming jishi.toml and %s", tt.body, err, tt.want)
		}
	}
}
