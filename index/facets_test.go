package index

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdex/claimdex/extract"
)

// TestAllFacetsMatchBleve checks the dictionary facets of every claim
// against Bleve's facets counted over the same claims, on an index where
// replaced documents left deleted postings behind, values tie at the
// edge of the top ten, and a claim names one entity twice.
func TestAllFacetsMatchBleve(t *testing.T) {
	for _, disk := range []bool{false, true} {
		t.Run(fmt.Sprintf("disk=%v", disk), func(t *testing.T) {
			var ix *Index
			if disk {
				var err error
				if ix, err = Open(t.TempDir() + "/ix"); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { ix.Close() })
			} else {
				ix = newMem(t)
			}
			put := func(round int) {
				w := ix.NewWriter(50)
				for d := range 40 {
					rec, claims := numbered(fmt.Sprintf("doc%02d", d), fmt.Sprint("h", d, "-", round), 3+d%5)
					src := fmt.Sprintf("Outlet %02d", (d*7+round)%23)
					rec.Source = src
					for i := range claims {
						claims[i].Source = src
						claims[i].Kind = []string{extract.KindSentence, extract.KindQuote, extract.KindListItem}[(i+d)%3]
						name := fmt.Sprintf("Person %02d", (d+i*3+round)%17)
						claims[i].Entities = []extract.Entity{
							{Text: name, Canonical: name, Type: extract.Person},
							{Text: name, Canonical: name, Type: extract.Person},
							{Text: "Orvane", Canonical: "Orvane", Type: extract.GPE},
						}
					}
					if _, _, err := w.Put(rec, claims); err != nil {
						t.Fatal(err)
					}
				}
				if err := w.Flush(); err != nil {
					t.Fatal(err)
				}
			}
			put(0)
			// Facets before the second round, kept until the next batch;
			// what a caller does to them changes no later result.
			first, err := ix.Search(t.Context(), Query{Facets: true})
			if err != nil {
				t.Fatal(err)
			}
			first.Facets["source"][0].Count = -1
			put(1) // every document replaced: the first round's claims are deleted
			got, err := ix.Search(t.Context(), Query{Facets: true})
			if err != nil {
				t.Fatal(err)
			}
			// Every claim again, through a filter, so that Bleve counts.
			want, err := ix.Search(t.Context(), Query{Facets: true,
				Kinds: []string{extract.KindSentence, extract.KindQuote, extract.KindListItem}})
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total {
				t.Fatalf("total %d, through the filter %d", got.Total, want.Total)
			}
			if diff := cmp.Diff(want.Facets, got.Facets); diff != "" {
				t.Errorf("facets of every claim (-Bleve's +dictionary's):\n%s", diff)
			}
			again, err := ix.Search(t.Context(), Query{Facets: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got.Facets, again.Facets); diff != "" {
				t.Errorf("facets of every claim asked again (-first +again):\n%s", diff)
			}
			want0 := got.Facets["source"][0]
			again.Facets["source"][0].Count = -1
			third, err := ix.Search(t.Context(), Query{Facets: true})
			if err != nil {
				t.Fatal(err)
			}
			if third.Facets["source"][0] != want0 {
				t.Errorf("a caller's change reached the kept facets: %v, want %v", third.Facets["source"][0], want0)
			}
			if n := len(got.Facets["source"]); n != facetSize {
				t.Errorf("%d source values, want the top %d", n, facetSize)
			}
		})
	}
}
