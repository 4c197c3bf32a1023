package extract

import (
	"strings"
	"testing"

	"github.com/claimdex/claimdex/corpus"
)

func TestEntryMinute(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"Tue 13:28 – \"It held,\" he said.", 13*60 + 28, true},
		{"### 20:35 GMT", 20*60 + 35, true},
		{"**1.05pm:** The minister arrived.", 13*60 + 5, true},
		{"12:10 a.m. – Power is back.", 10, true},
		{"22:10", 22*60 + 10, true},
		{"Friday 4 August 08:00 - Good morning.", 8 * 60, true},
		{"The ferry left at 13:28 on Tuesday.", 0, false},
		{"25:10 – nothing", 0, false},
		{"3.5 million people were affected.", 0, false},
	}
	for _, tt := range tests {
		got, ok := entryMinute(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("entryMinute(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// A live blog written latest first: "he said" in an entry refers to the
// person named in the entry below it, which was written before it.
func TestLiveBlogSpeakersLatestFirst(t *testing.T) {
	page := `Harbour fire: live updates

Updated Thursday, latest first

Thu 16:40 – Crews expect to stay on site overnight, the fire service said.

Thu 15:12 – "We lost the east shed within minutes," he said. "Nobody was inside."

Thu 15:05 – Port director Anselm Kovari has arrived at the cordon and spoke briefly to reporters.

Thu 14:30 – Deputy mayor Ruth Elling said roads around the harbour would stay closed until evening.

Thu 13:55 – Smoke is visible across the bay.
`
	doc, err := corpus.Clean("live.txt", []byte(page), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range testExtractor(t).Claims(doc) {
		got[c.Text] = c.Speaker
	}
	want, found := "Anselm Kovari", false
	for text, sp := range got {
		if strings.HasPrefix(text, "Thu 15:12") {
			found = true
			if sp != want {
				t.Errorf("speaker of %q = %q, want %q", text, sp, want)
			}
		}
	}
	if !found {
		t.Fatalf("no claim for the 15:12 entry in %v", got)
	}
}

func TestWrittenOrder(t *testing.T) {
	block := func(s string) corpus.Block { return corpus.Block{Kind: corpus.Paragraph, Text: s} }
	latestFirst := &corpus.Document{Blocks: []corpus.Block{
		block("Intro line."), block("18:00 – c"), block("more c"), block("17:00 – b"), block("16:00 – a"),
	}}
	if got, want := writtenOrder(latestFirst), []int{0, 4, 3, 1, 2}; !equalInts(got, want) {
		t.Errorf("latest first: order %v, want %v", got, want)
	}
	oldestFirst := &corpus.Document{Blocks: []corpus.Block{
		block("16:00 – a"), block("17:00 – b"), block("18:00 – c"),
	}}
	if got := writtenOrder(oldestFirst); got != nil {
		t.Errorf("oldest first: order %v, want nil (document order)", got)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
