package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestAssemble(t *testing.T) {
	doc := &Document{Location: "a/b.txt", Title: " Dock  Talks "}
	assemble(doc, []Block{
		{Kind: Heading, Text: "Dock Talks"}, // repeats the title
		{Kind: Paragraph, Text: "Workers\u00a0met."},
		{Kind: Paragraph, Text: "  "},
		{Kind: Heading, Text: "Contents", Boilerplate: true},
		{Kind: ListItem, Text: "Terms", Boilerplate: true},
		{Kind: Heading, Text: "Terms"},
		{Kind: Heading, Text: "terms"},
		{Kind: ListItem, Text: "A 6% raise"},
	})
	want := []Block{
		{Kind: Title, Text: "Dock Talks", Start: 0, End: 10},
		{Kind: Paragraph, Text: "Workers met.", Start: 12, End: 24},
		{Kind: Heading, Text: "Contents", Section: "Contents", Boilerplate: true, Start: 26, End: 34},
		{Kind: ListItem, Text: "Terms", Section: "Contents", Boilerplate: true, Start: 36, End: 41},
		{Kind: Heading, Text: "Terms", Section: "Terms", Start: 43, End: 48},
		{Kind: ListItem, Text: "A 6% raise", Section: "Terms", Start: 50, End: 60},
	}
	if diff := cmp.Diff(want, doc.Blocks); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	if want := "Dock Talks\n\nWorkers met.\n\nContents\n\nTerms\n\nTerms\n\nA 6% raise"; doc.Text != want {
		t.Errorf("Text = %q, want %q", doc.Text, want)
	}
	if doc.ID != hashHex("a/b.txt", 16) || len(doc.ID) != 16 {
		t.Errorf("ID = %q", doc.ID)
	}
	if doc.Hash != hashHex("Dock Talks\n"+doc.Text, 32) {
		t.Errorf("Hash = %q", doc.Hash)
	}
	checkLayout(t, doc)

	// The same content elsewhere has another ID and the same hash.
	other := &Document{Location: "c.txt", Title: "Dock Talks"}
	assemble(other, doc.Blocks[1:])
	if other.ID == doc.ID || other.Hash != doc.Hash {
		t.Errorf("other: ID %q (first %q), Hash %q (first %q)", other.ID, doc.ID, other.Hash, doc.Hash)
	}
}

// checkLayout verifies that every block's offsets select its text in
// doc.Text and that blocks are joined by blank lines.
func checkLayout(t testing.TB, doc *Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("%s: text is not valid UTF-8", doc.Location)
	}
	prevEnd := -2
	for i, b := range doc.Blocks {
		if b.Start < 0 || b.End > len(doc.Text) || b.Start > b.End {
			t.Fatalf("%s: block %d offsets %d:%d outside text of %d bytes", doc.Location, i, b.Start, b.End, len(doc.Text))
		}
		if doc.Text[b.Start:b.End] != b.Text {
			t.Fatalf("%s: block %d text %q, offsets select %q", doc.Location, i, b.Text, doc.Text[b.Start:b.End])
		}
		if b.Text == "" || strings.Contains(b.Text, "\n") {
			t.Fatalf("%s: block %d text %q empty or multi-line", doc.Location, i, b.Text)
		}
		if i > 0 && b.Start != prevEnd+len(blockSep) {
			t.Fatalf("%s: block %d starts at %d, previous ended at %d", doc.Location, i, b.Start, prevEnd)
		}
		prevEnd = b.End
	}
}
