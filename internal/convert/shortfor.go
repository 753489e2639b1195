package convert

import (
	"strings"
	"unicode/utf8"
)

// Texts declare their own short forms: 交通局長林志豪（以下簡稱「林」）,
// 端傳媒（下稱端）, and outlets speak by their first character (《端傳媒》
// asks as 端:). A label so declared is that speaker's label throughout,
// however short, and stands for the name it was declared for.

var shortMarks = []string{"以下簡稱", "以下简称", "下稱", "下称", "簡稱", "简称"}

// shortFor returns the short forms text declares, each with the name it
// stands for (the words right before the bracket, from where the short
// form's first character appears in them).
func shortFor(text string) map[string]string {
	var out map[string]string
	// An outlet named in 《》 speaks by its first character (《端傳媒》 → 端:).
	for off := 0; ; {
		i := strings.Index(text[off:], "《")
		if i < 0 {
			break
		}
		name := text[off+i+len("《"):]
		off += i + len("《")
		end := strings.Index(name, "》")
		if end <= 0 || runeLen(name[:end]) > 8 || !orgWords.MatchString(name[:end]) {
			continue
		}
		name = name[:end]
		first, _ := utf8.DecodeRuneInString(name)
		if out == nil {
			out = map[string]string{}
		}
		if _, seen := out[string(first)]; !seen {
			out[string(first)] = name
		}
	}
	// Every mark ends in 稱 or 称, which are rare: look for them, then for
	// a mark and a bracket before them.
	for _, last := range []string{"稱", "称"} {
		for off := 0; ; {
			i := strings.Index(text[off:], last)
			if i < 0 {
				break
			}
			end := off + i + len(last)
			off = end
			mark := ""
			for _, m := range shortMarks {
				if strings.HasSuffix(text[:end], m) && len(m) > len(mark) {
					mark = m
				}
			}
			if mark == "" {
				continue
			}
			at := end - len(mark)
			open := ""
			for _, b := range []string{"（", "("} {
				if strings.HasSuffix(text[:at], b) {
					open = b
				}
			}
			if open == "" {
				continue
			}
			rest := strings.TrimLeft(text[off:], " :：")
			rest = strings.TrimLeft(rest, "「“\"『")
			close := strings.IndexAny(rest, "」”\"』)）,，")
			if close <= 0 {
				continue
			}
			short := strings.TrimSpace(rest[:close])
			full := nameBefore(text[:at-len(open)], short)
			if short == "" || runeLen(short) > 8 || full == "" || full == short {
				continue
			}
			if out == nil {
				out = map[string]string{}
			}
			if _, seen := out[short]; !seen {
				out[short] = full
			}
		}
	}
	return out
}

// nameBefore is the name that ends where s ends and that short is short
// for: from the first place the short form's first character stands in
// the words before the bracket (交通局長林志豪 → 林志豪 for 林, 本刊與新視界
// 周刊 → 新視界周刊 for 新視界).
func nameBefore(s, short string) string {
	start := len(s)
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isCJK(r) || runeLen(s[start-n:]) > 12 {
			break
		}
		start -= n
	}
	words := s[start:]
	first, _ := utf8.DecodeRuneInString(short)
	if i := strings.Index(words, string(first)); i >= 0 {
		return words[i:]
	}
	return ""
}
