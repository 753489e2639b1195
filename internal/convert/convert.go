package convert

import (
	"crypto/sha256"
	"encoding/hex"
)

// Convert runs decode, parse and enrich on one file's bytes.
func Convert(name string, raw []byte, opt Options) (*Document, error) {
	doc, _, err := ConvertText(name, raw, opt)
	return doc, err
}

// ConvertText is Convert that also returns the decoded text, whose lines
// the Document's line numbers (TitleLine, Removed…) count.
func ConvertText(name string, raw []byte, opt Options) (*Document, string, error) {
	text, enc, err := Decode(raw)
	if err != nil {
		return nil, "", err
	}
	doc, err := Parse(name, text, enc, opt)
	if err != nil {
		return nil, text, err
	}
	h := sha256.Sum256(raw)
	doc.SHA256 = hex.EncodeToString(h[:])
	Enrich(doc, opt)
	return doc, text, nil
}
