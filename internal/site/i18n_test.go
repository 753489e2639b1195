package site

import (
	"bytes"
	"github.com/jishi/jishi/internal/convert"
	"github.com/pelletier/go-toml/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestI18nAliases: the regional language files are copies of their
// script's file (Hugo picks i18n by language code, and sites name their
// languages zh-cn, zh-tw or zh-hk as often as zh-hans or zh-hant); an edit
// to one must be made to its copies too.
func TestI18nAliases(t *testing.T) {
	for alias, source := range map[string]string{"zh-cn": "zh-hans", "zh-tw": "zh-hant", "zh-hk": "zh-hant"} {
		a, err := os.ReadFile(filepath.Join(Root(), "i18n", alias+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		s, err := os.ReadFile(filepath.Join(Root(), "i18n", source+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, s) {
			t.Errorf("i18n/%s.toml differs from i18n/%s.toml: copy it again", alias, source)
		}
	}
}

// TestI18nTypeset: the theme's own Chinese strings set their punctuation
// as the articles' pages do (系列第 1 篇，共 3 篇, not 篇,共).
func TestI18nTypeset(t *testing.T) {
	for _, lang := range []string{"zh-hant", "zh-hans"} {
		var strs map[string]any
		b, err := os.ReadFile(filepath.Join(Root(), "i18n", lang+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := toml.Unmarshal(b, &strs); err != nil {
			t.Fatal(err)
		}
		for id, val := range strs {
			v, ok := val.(string)
			if !ok {
				continue // plural forms
			}
			if got := convert.Typeset(v); got != v {
				t.Errorf("i18n/%s.toml %s = %q, set as %q", lang, id, v, got)
			}
		}
	}
}
