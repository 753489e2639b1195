package convert

import (
	"strconv"
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// MaxSlug is the longest slug Jishi writes, in bytes (slugs are ASCII).
const MaxSlug = 60

var pinyinArgs = pinyin.Args{Style: pinyin.Normal}

// Slugify makes an ASCII, readable slug from a title: pinyin syllables for
// Han characters, lower-case Latin words and digits as they are, joined by
// hyphens and cut at a word boundary to fit MaxSlug with room for suffix.
func Slugify(title, suffix string) string {
	var words []string
	var latin strings.Builder
	flush := func() {
		if latin.Len() > 0 {
			words = append(words, latin.String())
			latin.Reset()
		}
	}
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			latin.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			latin.WriteRune(r + 'a' - 'A')
		case r >= 'Ａ' && r <= 'Ｚ':
			latin.WriteRune(r - 'Ａ' + 'a')
		case r >= 'ａ' && r <= 'ｚ':
			latin.WriteRune(r - 'ａ' + 'a')
		case r >= '０' && r <= '９':
			latin.WriteRune(r - '０' + '0')
		case isCJK(r):
			flush()
			if py := pinyin.SinglePinyin(r, pinyinArgs); len(py) > 0 {
				words = append(words, py[0])
			}
		default:
			flush()
		}
	}
	flush()
	limit := MaxSlug
	if suffix != "" {
		limit -= len(suffix) + 1
	}
	var sb strings.Builder
	for _, w := range words {
		w = asciiOnly(w)
		if w == "" {
			continue
		}
		if sb.Len() > 0 && sb.Len()+1+len(w) > limit || sb.Len() == 0 && len(w) > limit {
			if sb.Len() == 0 {
				sb.WriteString(w[:limit])
			}
			break
		}
		if sb.Len() > 0 {
			sb.WriteByte('-')
		}
		sb.WriteString(w)
	}
	s := sb.String()
	if suffix != "" {
		if s != "" {
			s += "-"
		}
		s += suffix
	}
	return s
}

func asciiOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// BaseSlug is the slug a new article asks for: the glossary's slug for its
// file, else the pinyin of its title with the part number, else a name from
// its hash.
func BaseSlug(doc *Document, g Glossary) string {
	suffix := ""
	if doc.Part != nil {
		suffix = strconv.Itoa(*doc.Part)
	}
	base := Slugify(doc.pageTitle(), suffix)
	if s, ok := g.Slugs[doc.File]; ok {
		base = Slugify(s, "")
	}
	if base == "" {
		base = "article-" + doc.SHA256[:8]
	}
	return base
}

// UniqueSlug returns base, or base-2, base-3… the first not taken.
func UniqueSlug(base string, taken func(string) bool) string {
	if !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		suffix := "-" + strconv.Itoa(n)
		s := base
		if len(s)+len(suffix) > MaxSlug {
			s = strings.TrimRight(s[:MaxSlug-len(suffix)], "-")
		}
		if !taken(s + suffix) {
			return s + suffix
		}
	}
}
