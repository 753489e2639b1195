package convert

import (
	"crypto/sha256"
	"encoding/hex"
)

// Convert runs decode, parse and enrich on one file's bytes.
func Convert(name string, raw []byte, opt Options) (*Document, error) {
	text, enc, err := Decode(raw)
	if err != nil {
		return nil, err
	}
	doc, err := Parse(name, text, enc, opt)
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(raw)
	doc.SHA256 = hex.EncodeToString(h[:])
	Enrich(doc, opt)
	return doc, nil
}
