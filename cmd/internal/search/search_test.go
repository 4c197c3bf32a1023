package search

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/claim"
)

func TestWriteText(t *testing.T) {
	res := &api.SearchResult{
		Total: 12,
		Hits: []api.Hit{{
			Score: 0.8123,
			Claim: claim.Claim{
				Text: "The fund holds $50 billion.", Kind: "sentence", Source: "Kyiv Ledger",
				Published: "2025-12-22T09:00:00Z", Location: "seeds/a.txt", Speaker: "Steve Witkoff",
				Money:    []claim.Money{{Amount: 5e10, Currency: "USD"}},
				Entities: []claim.Entity{{Text: "Witkoff", Canonical: "Steve Witkoff"}, {Text: "Steve Witkoff", Canonical: "Steve Witkoff"}},
			},
			Highlights: []string{"The **fund** holds $50 billion."},
		}},
	}
	var b bytes.Buffer
	if err := WriteText(&b, res, api.SearchRequest{Offset: 4}, false); err != nil {
		t.Fatal(err)
	}
	want := `12 claims match, showing 5-5

5. 0.812  Kyiv Ledger  2025-12-22  sentence
   The **fund** holds $50 billion.
   speaker: Steve Witkoff
   USD 50bn · Steve Witkoff
   seeds/a.txt
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

func TestBoldMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no marks", "no marks"},
		{"the **fund** and **size**", "the \x1b[1mfund\x1b[0m and \x1b[1msize\x1b[0m"},
		{"**open", "\x1b[1mopen\x1b[0m"},
	}
	for _, tt := range tests {
		if got := boldMarks(tt.in); got != tt.want {
			t.Errorf("boldMarks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHelp: the help names the command as typed, and the note stands as
// a paragraph of its own.
func TestHelp(t *testing.T) {
	h := Help("claimdex-search", "Needs a running server.")
	if !strings.HasPrefix(strings.TrimSpace(h), "Usage: claimdex-search [flags] [QUERY...]") {
		t.Errorf("help begins %q", h[:60])
	}
	if !strings.Contains(h, "included.\n\nNeeds a running server.\n\nText output") {
		t.Errorf("note not a paragraph of its own:\n%s", h)
	}
	if strings.Contains(h, "claimdex search") || strings.Contains(h, "%!") {
		t.Errorf("help names another command or has a formatting error:\n%s", h)
	}
	if plain := Help("claimdex search", ""); !strings.Contains(plain, "included.\n\nText output") {
		t.Errorf("help without a note:\n%s", plain)
	}
}
