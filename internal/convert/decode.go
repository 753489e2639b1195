package convert

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// ReasonUnsupported: text in an encoding Jishi does not read (EUC-TW…).
	ReasonUnsupported = "unsupported encoding"
)

// NoArticleError says why a file yields no article; Reason is one of the
// Reason constants, Detail what the file looked like instead.
type NoArticleError struct{ Reason, Detail string }

func (e *NoArticleError) Error() string {
	if e.Detail != "" {
		return e.Reason + " (" + e.Detail + ")"
	}
	return e.Reason
}

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
	// Decoders write valid UTF-8; raw bytes were checked, but for a BOM's.
	valid := enc != EncUTF8BOM || utf8.Valid(b)
	if valid && clean(b) {
		text = string(b)
	} else {
		text = normalize(b)
	}
	if isBlank(text) {
		return "", enc, &NoArticleError{Reason: ReasonEmpty}
	}
	if looksBinary(text) {
		return "", enc, &NoArticleError{Reason: ReasonBinary}
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
		return nil, "", &NoArticleError{Reason: ReasonBinary}
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

// decodeLegacy chooses between GB18030 and Big5. Either decoder reads the
// other's bytes into plausible-looking characters, so the choice is made on
// a bounded prefix by what the decoded text is made of: the characters news
// text uses most, in both scripts, against replacement characters. The whole
// file is then decoded once, and checked the same way.
func decodeLegacy(raw []byte) ([]byte, string, error) {
	// GB18030 is the common case: decode it whole once, and score its start
	// against the start of the file read as Big5.
	gb, gbErr := legacy[EncGB18030].NewDecoder().Bytes(raw)
	prefix := raw[:min(len(raw), legacyPrefix)]
	_, b5Score := legacyScore(prefix, EncBig5)
	gbScore := commonScore(gb[:min(len(gb), len(prefix)*3/2)])
	candidates := []func() ([]byte, string){
		func() ([]byte, string) { return gb, EncGB18030 },
		func() ([]byte, string) {
			out, err := legacy[EncBig5].NewDecoder().Bytes(raw)
			if err != nil {
				return nil, EncBig5
			}
			return out, EncBig5
		},
	}
	if gbErr != nil {
		candidates[0] = func() ([]byte, string) { return nil, EncGB18030 }
	}
	if b5Score > gbScore {
		candidates[0], candidates[1] = candidates[1], candidates[0]
	}
	// GB18030 reads EUC-TW's bytes without an error, into nonsense: when
	// neither reading yields the common characters of Chinese text and the
	// bytes have EUC-TW's four-byte characters, say so.
	if euctw(raw) && max(gbScore, b5Score) < hanCount(gb[:min(len(gb), len(prefix)*3/2)])/10 {
		return nil, "", &NoArticleError{Reason: ReasonUnsupported, Detail: "looks like EUC-TW; save it as UTF-8 or Big5"}
	}
	best, bestEnc, bestBad := []byte(nil), "", -1
	for _, decode := range candidates {
		out, name := decode()
		if out == nil {
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
	return nil, "", &NoArticleError{Reason: ReasonBinary}
}

// hanCount counts the Han characters of decoded text.
func hanCount(b []byte) int {
	n := 0
	for _, r := range string(b) {
		if r >= 0x3400 && r < 0xA000 {
			n++
		}
	}
	return n
}

// euctw spots EUC-TW by its four-byte characters: SS2 (0x8E), a plane byte
// (0xA1–0xB0), then two bytes of the plane's table. No other encoding Jishi
// sees writes that sequence often.
func euctw(raw []byte) bool {
	n := 0
	for i := 0; i+3 < len(raw) && i < 64<<10; i++ {
		if raw[i] == 0x8E && raw[i+1] >= 0xA1 && raw[i+1] <= 0xB0 && raw[i+2] >= 0xA1 && raw[i+3] >= 0xA1 {
			n++
			i += 3
		}
	}
	return n >= 3
}

// legacyPrefix is how much of a legacy file decides its encoding.
const legacyPrefix = 4 << 10

// legacyScore decodes b as enc and counts the characters a Chinese text is
// mostly made of, less three for every replacement character.
func legacyScore(b []byte, enc string) ([]byte, int) {
	out, _ := legacy[enc].NewDecoder().Bytes(b)
	return out, commonScore(out)
}

// commonScore counts the common characters of decoded text, less three for
// every replacement character.
func commonScore(out []byte) int {
	score := 0
	for _, r := range string(out) {
		switch {
		case r == utf8.RuneError:
			score -= 3
		case r < 0x10000 && commonHan[r]:
			score++
		}
	}
	return score
}

// commonHan marks the most frequent characters of Chinese news text in
// either script: those the two scripts share, and each script's own.
var commonHan = func() (t [0x10000]bool) {
	for _, r := range sharedCommon + tradOnly + simpOnly {
		t[r] = true
	}
	return
}()

const sharedCommon = "的一是不了在人有我他中大上年和到以地也子就要出可而自之能好天十都多小下生作用所然家成方事於于其如心去法同合面起定分部日本公司此市工全三外力正新已理明性知高物品入平意重者并立及名目提原美公式利果加老件月金化道王次度內内外比特二全手第主要一方或美安女者由文"

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
	if clean(b) && utf8.Valid(b) {
		return string(b)
	}
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

// clean reports whether valid UTF-8 b has nothing normalize would change:
// no CR, no control character, no C1 control, zero-width space, word joiner
// or BOM. Most files are clean, and then they are copied once.
func clean(b []byte) bool {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c < 0x20:
			if c != '\n' && c != '\t' {
				return false
			}
		case c == 0x7F:
			return false
		case c == 0xC2:
			if i+1 < len(b) && b[i+1] < 0xA0 {
				return false
			}
		case c == 0xE2:
			if i+2 < len(b) && (b[i+1] == 0x80 && b[i+2] == 0x8B || b[i+1] == 0x81 && b[i+2] == 0xA0) {
				return false
			}
		case c == 0xEF:
			if i+2 < len(b) && b[i+1] == 0xBB && b[i+2] == 0xBF {
				return false
			}
		}
	}
	return true
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
	for i := 0; i < len(s); {
		r, size := runeAt(s, i)
		i += size
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
