package index

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/claimdex/claimdex/extract"
)

// The fixture: two invented outlets writing about invented places, with a
// claim of every kind, dates of every precision and money of two
// currencies, one range among them.

func northwire() (DocRecord, []extract.Claim) {
	rec := DocRecord{ID: "d-north", Location: "in/northwire.txt", Source: "Northwire", Hash: "h-north-1",
		// Vienna is the dateline's place: no claim names it.
		Entities: []extract.DocEntity{
			{Name: "Vienna", Type: extract.GPE, Mentions: 1},
			{Name: "Austria", Type: extract.GPE, Mentions: 1},
			{Name: "Germany", Type: extract.GPE, Mentions: 1},
			{Name: "Lena Aufhauser", Type: extract.Person, Mentions: 1},
		}}
	base := extract.Claim{
		DocID: rec.ID, Location: rec.Location, Source: "Northwire",
		Title:     "Danube states agree flood plan",
		Published: "2026-03-04T00:00:00Z",
		Section:   "Funding",
	}
	c1 := base
	c1.ID, c1.Kind, c1.Speaker, c1.Score = "c1", extract.KindSentence, "Lena Aufhauser", 0.8
	c1.Text = "She said Austria and Germany would provide 600 million euros each for flood defences."
	c1.Entities = []extract.Entity{
		{Text: "Austria", Type: extract.GPE, Canonical: "Austria", Start: 9, End: 16},
		{Text: "Germany", Type: extract.GPE, Canonical: "Germany", Start: 21, End: 28},
	}
	c1.Money = []extract.Money{{Text: "600 million euros", Amount: 6e8, Currency: "EUR", Start: 43, End: 60}}
	c1.Offset = extract.Span{Start: 100, End: 186}
	c1.Conflicts = []string{}
	c1.Dates = []extract.Date{}

	c2 := base
	c2.ID, c2.Kind, c2.Speaker, c2.Score = "c2", extract.KindQuote, "Lena Aufhauser", 0.55
	c2.Text = "“We will finish the dams by March 2026,” said Aufhauser."
	c2.Entities = []extract.Entity{{Text: "Aufhauser", Type: extract.Person, Canonical: "Lena Aufhauser", Start: 50, End: 59}}
	c2.Dates = []extract.Date{{Text: "March 2026", Value: "2026-03", Start: 31, End: 41}}
	c2.Quantities = []extract.Quantity{}
	c2.Offset = extract.Span{Start: 187, End: 250}

	c3 := base
	c3.ID, c3.Kind, c3.Score = "c3", extract.KindTableRow, 0.9
	c3.Section = "Budget table"
	c3.Text = "Budget: 2.1 billion euros, second quarter of 2026"
	c3.Money = []extract.Money{{Text: "2.1 billion euros", Amount: 2.1e9, Currency: "EUR", Start: 8, End: 25}}
	c3.Dates = []extract.Date{{Text: "second quarter of 2026", Value: "2026-Q2", Start: 27, End: 49}}
	c3.Corroborations = 2
	return rec, []extract.Claim{c1, c2, c3}
}

func harbor() (DocRecord, []extract.Claim) {
	rec := DocRecord{ID: "d-harbor", Location: "https://harbor.example/fund", Source: "Harbor Ledger", Hash: "h-harbor-1",
		// Austria is named in a caption only.
		Entities: []extract.DocEntity{
			{Name: "Port Authority of Velmar", Type: extract.Org, Mentions: 1},
			{Name: "Tomas Reyes", Type: extract.Person, Mentions: 1},
			{Name: "Velmar", Type: extract.GPE, Mentions: 1},
			{Name: "Austria", Type: extract.GPE, Mentions: 1},
		}}
	base := extract.Claim{
		DocID: rec.ID, Location: rec.Location, Source: "Harbor Ledger",
		Title:     "Velmar fund grows",
		Published: "2025-12-22T09:30:00Z",
	}
	c4 := base
	c4.ID, c4.Kind, c4.Score = "c4", extract.KindSentence, 0.7
	c4.Text = "The port authority pledged $45 billion on 22 December 2025."
	c4.Entities = []extract.Entity{{Text: "port authority", Type: extract.Org, Canonical: "Port Authority of Velmar", Start: 4, End: 18}}
	c4.Money = []extract.Money{{Text: "$45 billion", Amount: 4.5e10, Currency: "USD", Start: 27, End: 38}}
	c4.Dates = []extract.Date{{Text: "22 December 2025", Value: "2025-12-22", Start: 42, End: 58}}
	c4.Conflicts = []string{"c5"}

	c5 := base
	c5.ID, c5.Kind, c5.Speaker, c5.Score = "c5", extract.KindSentence, "Tomas Reyes", 0.65
	c5.Text = "Reyes said the reconstruction fund would reach $50bn by 2027."
	c5.Entities = []extract.Entity{{Text: "Reyes", Type: extract.Person, Canonical: "Tomas Reyes", Start: 0, End: 5}}
	c5.Money = []extract.Money{{Text: "$50bn", Amount: 5e10, Currency: "USD", Start: 47, End: 52}}
	c5.Dates = []extract.Date{{Text: "2027", Value: "2027", Start: 56, End: 60}}
	c5.Conflicts = []string{"c4"}

	c6 := base
	c6.ID, c6.Kind, c6.Score = "c6", extract.KindHeadline, 0.3
	c6.Text = "Velmar fund could hit $40-55 billion"
	c6.Entities = []extract.Entity{{Text: "Velmar", Type: extract.GPE, Canonical: "Velmar", Start: 0, End: 6}}
	c6.Money = []extract.Money{{Text: "$40-55 billion", Amount: 4e10, AmountMax: 5.5e10, Currency: "USD", Start: 22, End: 36}}
	return rec, []extract.Claim{c4, c5, c6}
}

// newMem returns an empty in-memory index closed with the test.
func newMem(t testing.TB) *Index {
	t.Helper()
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// loaded returns an in-memory index holding the fixture, and its claims.
func loaded(t testing.TB) (*Index, []extract.Claim) {
	t.Helper()
	ix := newMem(t)
	w := ix.NewWriter(100)
	var all []extract.Claim
	for _, doc := range []func() (DocRecord, []extract.Claim){northwire, harbor} {
		rec, claims := doc()
		mustPut(t, w, rec, claims, Added)
		all = append(all, claims...)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return ix, all
}

func mustPut(t testing.TB, w *Writer, rec DocRecord, claims []extract.Claim, want Outcome) {
	t.Helper()
	got, _, err := w.Put(rec, claims)
	if err != nil {
		t.Fatalf("Put(%s): %v", rec.ID, err)
	}
	if got != want {
		t.Fatalf("Put(%s) = %v, want %v", rec.ID, got, want)
	}
}

// exportIDs returns the ids of the claims Export gives for q, sorted
// (Export gives them in index order).
func exportIDs(t testing.TB, ix *Index, q Query) []string {
	t.Helper()
	var ids []string
	err := ix.Export(context.Background(), q, func(c extract.Claim) error {
		ids = append(ids, c.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	slices.Sort(ids)
	return ids
}

// searchIDs returns the sorted ids of all hits of q.
func searchIDs(t testing.TB, ix *Index, q Query) []string {
	t.Helper()
	q.Limit = 1000
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.Claim.ID)
	}
	if int(res.Total) != len(ids) {
		t.Errorf("Total = %d, hits = %d", res.Total, len(ids))
	}
	slices.Sort(ids)
	return ids
}

// numbered returns a document of n claims with ids prefix-00000...
func numbered(docID, hash string, n int) (DocRecord, []extract.Claim) {
	rec := DocRecord{ID: docID, Location: "loc/" + docID, Source: "Bulk", Hash: hash}
	claims := make([]extract.Claim, n)
	for i := range claims {
		claims[i] = extract.Claim{
			ID:     fmt.Sprintf("%s-%05d", docID, i),
			DocID:  docID,
			Source: "Bulk",
			Text:   fmt.Sprintf("Claim %d of %s says the river rose %d centimetres.", i, docID, i%97),
			Kind:   extract.KindSentence,
			Money:  []extract.Money{{Text: "x", Amount: float64(i), Currency: "EUR"}},
		}
	}
	return rec, claims
}
