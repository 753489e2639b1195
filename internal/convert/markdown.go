package convert

import (
	"encoding/base64"
	"regexp"
	"strings"
)

// Escaping makes raw text show literally through Hugo and goldmark, while the
// Markdown stays plain text an author can edit: only characters that could
// start Markdown, HTML, a shortcode or a typographer substitution are escaped.

var (
	entityLike = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	// Line starts that open a block: ATX heading, quote, list item, thematic
	// break, setext underline, definition, table, fence, indented code.
	orderedStart = regexp.MustCompile(`^([0-9]{1,9})([.)])(\s|$)`)
)

// escapeInline escapes one line of prose for a Markdown paragraph.
func escapeInline(s string) string {
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/8)
	if m := orderedStart.FindStringSubmatchIndex(s); m != nil {
		sb.WriteString(s[:m[3]])
		sb.WriteByte('\\')
		s = s[m[3]:]
	} else if s != "" && strings.ContainsRune("#>-+=:|", rune(s[0])) {
		sb.WriteByte('\\')
		sb.WriteByte(s[0])
		s = s[1:]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '{', '}', '~', '"', '\'', '$', '^', '#':
			sb.WriteByte('\\')
		case '&':
			if entityLike.MatchString(s[i:]) {
				sb.WriteByte('\\')
			}
		case '-':
			// -- and --- become dashes under the typographer.
			if i+1 < len(s) && s[i+1] == '-' {
				sb.WriteByte('\\')
			}
		case '>':
			if i > 0 && s[i-1] == '>' {
				sb.WriteByte('\\')
			}
		case ':':
			// https:// and ftp:// become links under linkify.
			if strings.HasPrefix(s[i:], "://") {
				sb.WriteByte('\\')
			}
		case '.':
			if strings.HasPrefix(s[i:], "...") || i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				sb.WriteByte('\\')
			}
		case '@':
			// user@example.com becomes a mailto: link under linkify.
			sb.WriteByte('\\')
		case '!', '|':
			// ! only matters before [, which is escaped; | only in tables,
			// which need a delimiter row this renderer never writes.
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// fence returns a code fence longer than any backtick run in s.
func fence(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// codeBlock writes a code block. Hugo reads {{< and {{% as shortcodes even
// inside a fence, and a fence cannot escape them, so code that holds them
// goes through the jishi-code shortcode instead: as a raw string when it has
// no backtick, else base64.
func codeBlock(code string) string {
	if !strings.Contains(code, "{{<") && !strings.Contains(code, "{{%") {
		f := fence(code)
		return f + "text\n" + code + "\n" + f + "\n"
	}
	if !strings.Contains(code, "`") {
		return "{{< jishi-code `" + code + "` >}}\n"
	}
	return `{{< jishi-code b64="` + base64.StdEncoding.EncodeToString([]byte(code)) + `" >}}` + "\n"
}

// attr quotes a value for a goldmark attribute list.
func attr(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
