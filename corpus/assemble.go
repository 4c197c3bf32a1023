package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// blockSep joins block texts in Document.Text.
const blockSep = "\n\n"

// assemble fills doc.Text, each block's Start/End and Section, doc.ID (from
// doc.Location) and doc.Hash (from title and text), dropping empty blocks and
// collapsing a block that repeats the one before it. Both cleaners end with it.
//
// Block texts are normalised here (normalizeText), so cleaners may pass raw
// text. The title, when set, becomes the first block (kind Title); a first
// block that repeats the title is merged into it. Boilerplate blocks stay in
// Text so that offsets of all blocks refer to the same string.
// A heading's Section is its own text; other blocks take the nearest
// heading above them, or "" before the first heading; article text skips
// boilerplate headings.
func assemble(doc *Document, blocks []Block) {
	doc.Title = normalizeText(doc.Title)
	out := make([]Block, 0, len(blocks)+1)
	if doc.Title != "" {
		out = append(out, Block{Kind: Title, Text: doc.Title})
	}
	for _, b := range blocks {
		b.Text = normalizeText(b.Text)
		if b.Text == "" {
			continue
		}
		if len(out) > 0 {
			prev := &out[len(out)-1]
			if sameText(prev.Text, b.Text) && sameRole(prev.Kind, b.Kind) {
				// A repeated heading or paragraph; keep one, and keep
				// it as content if either copy was.
				prev.Boilerplate = prev.Boilerplate && b.Boilerplate
				continue
			}
		}
		out = append(out, b)
	}

	var text strings.Builder
	// A furniture heading ("Table of Contents") heads its furniture only:
	// the article text after it keeps the last real heading.
	section, content := "", ""
	for i := range out {
		b := &out[i]
		switch {
		case b.Kind == Title:
			b.Section = ""
		case b.Kind == Heading:
			section = b.Text
			if !b.Boilerplate {
				content = b.Text
			}
			b.Section = b.Text
		case b.Boilerplate:
			b.Section = section
		default:
			b.Section = content
		}
		if i > 0 {
			text.WriteString(blockSep)
		}
		b.Start = text.Len()
		text.WriteString(b.Text)
		b.End = text.Len()
	}
	doc.Text = text.String()
	doc.Blocks = out
	doc.ID = hashHex(doc.Location, 16)
	doc.Hash = hashHex(doc.Title+"\n"+doc.Text, 32)
}

// sameText compares two normalised block texts, ignoring case and a
// trailing full stop ("Overview" repeats "overview.").
func sameText(a, b string) bool {
	return strings.EqualFold(strings.TrimRight(a, ". "), strings.TrimRight(b, ". "))
}

// sameRole reports kinds whose repetition is a duplicate: the same kind,
// or a heading repeating the title.
func sameRole(a, b BlockKind) bool {
	headline := func(k BlockKind) bool { return k == Title || k == Heading }
	return a == b || headline(a) && headline(b)
}

// hashHex returns the first n hex digits of the SHA-256 of s.
func hashHex(s string, n int) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:n]
}
