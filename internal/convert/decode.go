package convert

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Document.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030"
	EncBig5    = "big5"
)

// Reasons a file yields no article.
const (
	ReasonEmpty     = "empty"
	ReasonBinary    = "binary"
	ReasonNoContent = "no-content"
)

// NoArticleError says why a file yields no article; Reason is one of the Reason constants.
type NoArticleError struct{ Reason string }

func (e *NoArticleError) Error() string { return e.Reason }

// IsNoArticle reports whether err says the input holds no article, and why.
func IsNoArticle(err error) (string, bool) {
	var na *NoArticleError
	if errors.As(err, &na) {
		return na.Reason, true
	}
	return "", false
}

// Decode turns raw bytes in any supported encoding into UTF-8 text with LF
// line ends, and names the encoding it found.
func Decode(raw []byte) (text, enc string, err error) {
	b, enc, err := toUTF8(raw)
	if err != nil {
		return "", "", err
	}
	text = normalize(b)
	if isBlank(text) {
		return "", enc, &NoArticleError{ReasonEmpty}
	}
	if looksBinary(text) {
		return "", enc, &NoArticleError{ReasonBinary}
	}
	return text, enc, nil
}

func toUTF8(raw []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return raw[3:], EncUTF8BOM, nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), raw[2:], EncUTF16LE)
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), raw[2:], EncUTF16BE)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return raw, EncUTF8, nil
	}
	if enc, ok := utf16WithoutBOM(raw); ok {
		e := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
		if enc == EncUTF16BE {
			e = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
		}
		return decodeWith(e, raw, enc)
	}
	// A stray NUL happens in scraped text; many of them is a binary file.
	if nul := bytes.Count(raw, []byte{0}); nul > 2 && nul*100 > len(raw) {
		return nil, "", &NoArticleError{ReasonBinary}
	}
	if utf8.Valid(raw) {
		return raw, EncUTF8, nil
	}
	return decodeLegacy(raw)
}

// utf16WithoutBOM spots UTF-16 by its zero bytes: text in the BMP puts a zero
// in every other byte for ASCII, on the same side every time.
func utf16WithoutBOM(raw []byte) (string, bool) {
	n := min(len(raw)&^1, 4096)
	if n < 8 {
		return "", false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			even++
		}
		if raw[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*3 > pairs && even*20 < pairs:
		return EncUTF16LE, true
	case even*3 > pairs && odd*20 < pairs:
		return EncUTF16BE, true
	}
	return "", false
}

// decodeLegacy chooses between GB18030 and Big5. chardet ranks them on a
// prefix; the choice is then checked by counting U+FFFD, since GB18030 maps
// nearly every byte pair and so decodes Big5 into plausible-looking garbage.
func decodeLegacy(raw []byte) ([]byte, string, error) {
	prefix := raw[:min(len(raw), 64<<10)]
	order := []string{EncGB18030, EncBig5}
	if res, err := chardet.NewTextDetector().DetectAll(prefix); err == nil {
		for _, r := range res {
			if r.Charset == "Big5" {
				order = []string{EncBig5, EncGB18030}
				break
			}
			if r.Charset == "GB-18030" {
				break
			}
		}
	}
	best, bestEnc, bestBad := []byte(nil), "", -1
	for _, name := range order {
		out, _, err := decodeWith(legacy[name], raw, name)
		if err != nil {
			continue
		}
		bad := bytes.Count(out, []byte("\uFFFD"))
		if bad == 0 {
			return out, name, nil
		}
		if bestBad < 0 || bad < bestBad {
			best, bestEnc, bestBad = out, name, bad
		}
	}
	// A few bad sequences happen in real scraped files; mostly bad is not text.
	if best != nil && bestBad*50 < utf8.RuneCount(best) {
		return best, bestEnc, nil
	}
	return nil, "", &NoArticleError{ReasonBinary}
}

var legacy = map[string]encoding.Encoding{
	EncGB18030: simplifiedchinese.GB18030,
	EncBig5:    traditionalchinese.Big5,
}

func decodeWith(e encoding.Encoding, b []byte, name string) ([]byte, string, error) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return nil, "", fmt.Errorf("decode %s: %w", name, err)
	}
	return out, name, nil
}

// normalize makes line ends LF and drops characters that carry no text:
// control characters other than tab and newline, and invisible format marks
// that scrapers leave behind (zero-width space, word joiner, stray BOMs).
func normalize(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		i += size
		switch {
		case r == '\r':
			sb.WriteByte('\n')
			if i < len(b) && b[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			sb.WriteRune(r)
		case r == utf8.RuneError && size == 1:
			sb.WriteRune(utf8.RuneError)
		case r == 0x200B || r == 0x2060 || r == 0xFEFF:
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// isSpace is whitespace as authors see it, U+3000 and U+00A0 included.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == 0x3000 || r == 0xA0 }

func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !isSpace(r) }) < 0
}

// looksBinary catches bytes that decoded without error but are not prose:
// mostly replacement characters or private-use and unassigned code points.
func looksBinary(s string) bool {
	var n, bad int
	for _, r := range s {
		n++
		if r >= 0x20 && r < 0x7F || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF5E || r == '\n' {
			continue // the common case: ASCII, CJK ideographs and punctuation
		}
		if r == utf8.RuneError || unicode.Is(unicode.Co, r) || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z) && !isSpace(r) {
			bad++
		}
	}
	return bad*10 > n
}
