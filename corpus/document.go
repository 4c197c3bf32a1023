package corpus

import (
	"errors"
	"strings"
	"time"
)

// Sentinel errors for the kinds of bad input. Wrapped errors carry the
// location; check with errors.Is.
var (
	ErrBinary    = errors.New("binary content, not text")
	ErrEmpty     = errors.New("empty document")
	ErrTooLarge  = errors.New("document too large")
	ErrNotText   = errors.New("not an HTML, Markdown or text document")
	ErrNoContent = errors.New("no article text found")
	ErrEncoding  = errors.New("invalid text encoding")
)

// BlockKind says what a block of text is in the document's structure.
type BlockKind string

// The block kinds. Title is the document's headline.
const (
	Title     BlockKind = "title"
	Heading   BlockKind = "heading"
	Paragraph BlockKind = "paragraph"
	ListItem  BlockKind = "list_item"
	TableRow  BlockKind = "table_row"
	Quote     BlockKind = "quote"
	Caption   BlockKind = "caption"
)

// Block is one structural unit of a cleaned document.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Text is normalised: single spaces, repaired sentence spacing, no
	// markup. A table row carries its header: "Location: Miami, Florida".
	Text string `json:"text"`
	// Section is the text of the nearest heading above the block.
	Section string `json:"section,omitempty"`
	// Boilerplate marks page furniture (table of contents, engagement
	// prompts, navigation, bylines, credits): shown, never a claim.
	Boilerplate bool `json:"boilerplate,omitempty"`
	// Start and End are byte offsets of Text in Document.Text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Document is a cleaned input with its metadata.
type Document struct {
	// ID is stable for a location: the same location always gives the same ID.
	ID       string `json:"id"`
	Location string `json:"location"`
	// Source is the publisher or site name from metadata, else the caller's
	// default, else the file name stem.
	Source        string    `json:"source"`
	Title         string    `json:"title"`
	Authors       []string  `json:"authors,omitempty"`
	Published     time.Time `json:"published,omitzero"`
	Modified      time.Time `json:"modified,omitzero"`
	PublishedFrom string    `json:"published_from,omitempty"`
	Language      string    `json:"language,omitempty"`
	CanonicalURL  string    `json:"canonical_url,omitempty"`
	// Section is the desk or section the document names for itself
	// ("Markets", "World Desk"), from a wire header.
	Section string `json:"section,omitempty"`
	// Dateline is the place of the story's dateline ("London" from
	// "LONDON, March 3 (Agency) -").
	Dateline string `json:"dateline,omitempty"`
	// Text is the blocks' texts joined by blank lines ("\n\n").
	Text   string  `json:"text"`
	Blocks []Block `json:"blocks"`
	// Hash identifies the cleaned content (title and text), whatever the
	// location: equal hashes mean duplicate documents.
	Hash string `json:"hash"`
}

// BodyText is the article body as users of extraction tools expect it:
// the blocks that are neither the title (it has its own field), page
// furniture nor captions, joined by blank lines. Document.Text keeps every
// block so that block offsets stay valid; BodyText is for reading.
func (d *Document) BodyText() string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Boilerplate || bl.Kind == Title || bl.Kind == Caption {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(blockSep)
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}
