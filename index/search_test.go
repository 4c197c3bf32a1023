package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/claimdex/claimdex/extract"
	"github.com/google/go-cmp/cmp"
)

func TestRoundTrip(t *testing.T) {
	ix, want := loaded(t)
	byID := func(a, b extract.Claim) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(want, byID)

	res, err := ix.Search(context.Background(), Query{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var searched []extract.Claim
	for _, h := range res.Hits {
		searched = append(searched, h.Claim)
	}
	var exported []extract.Claim
	err = ix.Export(context.Background(), Query{}, func(c extract.Claim) error {
		exported = append(exported, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Match-all scores tie, so search gives index order, as export does.
	ids := func(cs []extract.Claim) (out []string) {
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	if diff := cmp.Diff(ids(exported), ids(searched)); diff != "" {
		t.Errorf("search order against export order (-export +search):\n%s", diff)
	}
	for name, got := range map[string][]extract.Claim{"Search": searched, "Export": exported} {
		slices.SortFunc(got, byID)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s claims (-want +got):\n%s", name, diff)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	ix, _ := loaded(t)
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"all", Query{}, []string{"c1", "c2", "c3", "c4", "c5", "c6"}},
		{"text", Query{Text: "dams"}, []string{"c2"}},
		{"text stemmed", Query{Text: "funds"}, []string{"c5", "c6"}},
		{"text field syntax", Query{Text: `title:flood`}, []string{"c1", "c2", "c3"}},
		{"text negation only", Query{Text: "-fund"}, []string{"c1", "c2", "c3", "c4"}},
		{"source", Query{Sources: []string{"Northwire"}}, []string{"c1", "c2", "c3"}},
		{"source any case", Query{Sources: []string{"harbor ledger"}}, []string{"c4", "c5", "c6"}},
		{"source alternatives", Query{Sources: []string{"Northwire", "Harbor Ledger"}}, []string{"c1", "c2", "c3", "c4", "c5", "c6"}},
		{"source unknown", Query{Sources: []string{"Nobody"}}, []string{}},
		{"source is whole value", Query{Sources: []string{"Harbor"}}, []string{}},
		{"entity canonical", Query{Entities: []string{"Lena Aufhauser"}}, []string{"c2"}},
		{"entity any case", Query{Entities: []string{"port authority of velmar"}}, []string{"c4"}},
		{"entity alternatives", Query{Entities: []string{"Austria", "Velmar"}}, []string{"c1", "c6"}},
		// Document entities: any claim of a document that names it.
		{"doc entity in no claim", Query{DocEntities: []string{"Vienna"}}, []string{"c1", "c2", "c3"}},
		{"doc entity any case", Query{DocEntities: []string{"vienna"}}, []string{"c1", "c2", "c3"}},
		{"doc entity in both", Query{DocEntities: []string{"Austria"}}, []string{"c1", "c2", "c3", "c4", "c5", "c6"}},
		{"doc entity alternatives", Query{DocEntities: []string{"Vienna", "Tomas Reyes"}}, []string{"c1", "c2", "c3", "c4", "c5", "c6"}},
		{"doc entity unknown", Query{DocEntities: []string{"Nowhere"}}, []string{}},
		{"doc entity and claim entity", Query{DocEntities: []string{"Austria"}, Entities: []string{"Velmar"}}, []string{"c6"}},
		{"doc entity and text", Query{DocEntities: []string{"Vienna"}, Text: "dams"}, []string{"c2"}},
		{"numeric field in text", Query{Text: "amount:>=50000000000"}, []string{"c5", "c6"}},
		{"date value in text", Query{Text: `date_value:"2026-Q2"`}, []string{"c3"}},
		{"entity by type in text", Query{Text: `person:"Tomas Reyes"`}, []string{"c5"}},
		{"kind", Query{Kinds: []string{"quote"}}, []string{"c2"}},
		{"kinds", Query{Kinds: []string{"table_row", "headline"}}, []string{"c3", "c6"}},
		{"speaker", Query{Speakers: []string{"Lena Aufhauser"}}, []string{"c1", "c2"}},
		{"speaker any case", Query{Speakers: []string{"tomas reyes"}}, []string{"c5"}},
		{"currency", Query{Currencies: []string{"eur"}}, []string{"c1", "c3"}},
		{"currency USD", Query{Currencies: []string{"USD"}}, []string{"c4", "c5", "c6"}},
		{"min amount", Query{MinAmount: f(1e9)}, []string{"c3", "c4", "c5", "c6"}},
		{"max amount", Query{MaxAmount: f(1e9)}, []string{"c1"}},
		{"amount window", Query{MinAmount: f(4.6e10), MaxAmount: f(5.2e10)}, []string{"c5"}},
		{"range upper end", Query{MinAmount: f(5.2e10)}, []string{"c6"}},
		{"amount inclusive", Query{MinAmount: f(4.5e10), MaxAmount: f(4.5e10)}, []string{"c4"}},
		// Mentioned dates: a period matches when it overlaps the range.
		{"since month overlaps", Query{Since: day("2026-03-15")}, []string{"c2", "c3", "c5"}},
		{"until day inclusive", Query{Until: day("2025-12-22")}, []string{"c4"}},
		{"until day before", Query{Until: day("2025-12-21")}, []string{}},
		{"since day inclusive", Query{Since: day("2025-12-22"), Until: day("2025-12-31")}, []string{"c4"}},
		{"window holds month", Query{Since: day("2026-01-01"), Until: day("2026-03-31")}, []string{"c2"}},
		{"quarter overlaps one day", Query{Since: day("2026-05-20"), Until: day("2026-05-20")}, []string{"c3"}},
		{"year overlaps", Query{Since: day("2027-06-01")}, []string{"c5"}},
		{"year start boundary", Query{Until: day("2027-01-01"), Since: day("2026-07-01")}, []string{"c5"}},
		// Publication dates.
		{"published since", Query{ByPublished: true, Since: day("2026-01-01")}, []string{"c1", "c2", "c3"}},
		{"published until same day", Query{ByPublished: true, Until: day("2025-12-22")}, []string{"c4", "c5", "c6"}},
		{"published until day before", Query{ByPublished: true, Until: day("2025-12-21")}, []string{}},
		{"published exact instant", Query{ByPublished: true,
			Since: time.Date(2025, 12, 22, 9, 30, 0, 0, time.UTC), Until: time.Date(2025, 12, 22, 9, 30, 0, 0, time.UTC)},
			[]string{"c4", "c5", "c6"}},
		// Filters combine.
		{"text and source", Query{Text: "fund", Sources: []string{"Harbor Ledger"}, Kinds: []string{"sentence"}}, []string{"c5"}},
		{"entity and currency", Query{Entities: []string{"Austria"}, Currencies: []string{"USD"}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchIDs(t, ix, tt.q)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Search (-want +got):\n%s", diff)
			}
			// Export selects with the same query.
			exp := exportIDs(t, ix, tt.q)
			if exp == nil {
				exp = []string{}
			}
			if diff := cmp.Diff(tt.want, exp); diff != "" {
				t.Errorf("Export (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSearchBadQuery(t *testing.T) {
	ix, _ := loaded(t)
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		q    Query
	}{
		{"syntax", Query{Text: `"unclosed`}},
		{"until before since", Query{Since: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"max below min", Query{MinAmount: f(10), MaxAmount: f(5)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), tt.q)
			if !errors.Is(err, ErrQuery) {
				t.Errorf("Search error = %v, want ErrQuery", err)
			}
			err = ix.Export(context.Background(), tt.q, func(extract.Claim) error { return nil })
			if !errors.Is(err, ErrQuery) {
				t.Errorf("Export error = %v, want ErrQuery", err)
			}
		})
	}
}

func TestSearchHighlights(t *testing.T) {
	ix, _ := loaded(t)
	res, err := ix.Search(context.Background(), Query{Text: "reconstruction fund"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Claim.ID != "c5" {
		t.Fatalf("hits = %+v, want c5 first", res.Hits)
	}
	want := []string{"Reyes said the **reconstruction** **fund** would reach $50bn by 2027."}
	if diff := cmp.Diff(want, res.Hits[0].Highlights); diff != "" {
		t.Errorf("highlights (-want +got):\n%s", diff)
	}

	// No text query, nothing to mark, but still a JSON array.
	res, err = ix.Search(context.Background(), Query{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Hits[0].Highlights; got == nil || len(got) != 0 {
		t.Errorf("highlights without text = %#v, want empty non-nil", got)
	}
}

func TestSearchPagingAndOrder(t *testing.T) {
	ix, _ := loaded(t)
	ctx := context.Background()
	// "fund" matches c5 and c6; c6 is shorter, so it scores higher.
	res, err := ix.Search(ctx, Query{Text: "fund"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score > res.Hits[i-1].Score {
			t.Errorf("hit %d score %v above hit %d score %v", i, res.Hits[i].Score, i-1, res.Hits[i-1].Score)
		}
	}

	// Equal scores page in index order without overlap: the pages
	// together are the one page of every claim.
	res, err = ix.Search(ctx, Query{Limit: 6})
	if err != nil {
		t.Fatal(err)
	}
	var whole []string
	for _, h := range res.Hits {
		whole = append(whole, h.Claim.ID)
	}
	var pages []string
	for off := 0; off < 6; off += 4 {
		res, err := ix.Search(ctx, Query{Limit: 4, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 6 {
			t.Errorf("Total = %d, want 6", res.Total)
		}
		for _, h := range res.Hits {
			pages = append(pages, h.Claim.ID)
		}
	}
	if diff := cmp.Diff(whole, pages); diff != "" {
		t.Errorf("pages (-one page +pages):\n%s", diff)
	}
	slices.Sort(pages)
	if diff := cmp.Diff([]string{"c1", "c2", "c3", "c4", "c5", "c6"}, pages); diff != "" {
		t.Errorf("claims paged (-want +got):\n%s", diff)
	}

	res, err = ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 6 || DefaultLimit < 6 {
		t.Errorf("default limit gave %d hits", len(res.Hits))
	}
}

func TestSearchFacets(t *testing.T) {
	ix, _ := loaded(t)
	res, err := ix.Search(context.Background(), Query{Facets: true, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]FacetCount{
		"source": {{"Harbor Ledger", 3}, {"Northwire", 3}},
		"kind":   {{"sentence", 3}, {"headline", 1}, {"quote", 1}, {"table_row", 1}},
		"entity": {{"Austria", 1}, {"Germany", 1}, {"Lena Aufhauser", 1}, {"Port Authority of Velmar", 1}, {"Tomas Reyes", 1}, {"Velmar", 1}},
	}
	if diff := cmp.Diff(want, res.Facets); diff != "" {
		t.Errorf("facets (-want +got):\n%s", diff)
	}

	res, err = ix.Search(context.Background(), Query{Facets: true, Sources: []string{"Northwire"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]FacetCount{{"Northwire", 3}}, res.Facets["source"]); diff != "" {
		t.Errorf("filtered source facet (-want +got):\n%s", diff)
	}

	res, err = ix.Search(context.Background(), Query{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Facets != nil {
		t.Errorf("facets without asking: %v", res.Facets)
	}
}

func TestSearchCancelled(t *testing.T) {
	ix, _ := loaded(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, Query{Text: "fund"}); err == nil {
		t.Error("Search with a cancelled context succeeded")
	}
}

// TestSearchWhileWriting runs searches and exports concurrently with the
// writer goroutine (run with -race). Every export must see whole
// documents: a document's claims all present or all absent.
func TestSearchWhileWriting(t *testing.T) {
	ix := newMem(t)
	const docs, per = 40, 5
	ctx := context.Background()
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		w := ix.NewWriter(7)
		for d := range docs {
			rec, claims := numbered(fmt.Sprintf("doc%02d", d), fmt.Sprint("hash", d), per)
			if _, _, err := w.Put(rec, claims); err != nil {
				t.Error(err)
				return
			}
		}
		if err := w.Flush(); err != nil {
			t.Error(err)
		}
	}()
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if _, err := ix.Search(ctx, Query{Text: "river", Facets: true}); err != nil {
					t.Error(err)
					return
				}
				perDoc := map[string]int{}
				err := ix.Export(ctx, Query{}, func(c extract.Claim) error {
					perDoc[c.DocID]++
					return nil
				})
				if err != nil {
					t.Error(err)
					return
				}
				for d, n := range perDoc {
					if n != per {
						t.Errorf("export saw %d of %d claims of %s", n, per, d)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	if got := len(exportIDs(t, ix, Query{})); got != docs*per {
		t.Errorf("after writing: %d claims, want %d", got, docs*per)
	}
}

func BenchmarkSearch(b *testing.B) {
	ix := newMem(b)
	w := ix.NewWriter(DefaultBatchSize)
	for d := range 100 {
		rec, claims := numbered(fmt.Sprintf("doc%03d", d), fmt.Sprint("h", d), 100)
		if _, _, err := w.Put(rec, claims); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	q := Query{Text: "river centimetres", Sources: []string{"bulk"}, Facets: true}
	for b.Loop() {
		res, err := ix.Search(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		if res.Total != 10000 {
			b.Fatalf("Total = %d", res.Total)
		}
	}
}

// Searches beyond the bounds are mistakes in the query (ErrQuery), not
// panics inside Bleve or seconds of work.
func TestSearchBounds(t *testing.T) {
	ix, _ := loaded(t)
	tests := []struct {
		name string
		q    Query
	}{
		{"offset near the int maximum", Query{Text: "fund", Offset: math.MaxInt64 - 5, Limit: 10}},
		{"offset beyond the window", Query{Offset: MaxWindow}},
		{"limit beyond the window", Query{Limit: MaxWindow + 1}},
		{"query text too long", Query{Text: strings.Repeat("fund ", MaxQueryBytes/5+1)}},
		{"one huge word", Query{Text: strings.Repeat("a", 100_000)}},
		{"bad regular expression", Query{Text: "/[/"}},
		{"bad regular expression inside", Query{Text: "fund -/(a/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(t.Context(), tt.q)
			if !errors.Is(err, ErrQuery) {
				t.Errorf("Search = %v, want an error wrapping ErrQuery", err)
			}
		})
	}
	if _, err := ix.Search(t.Context(), Query{Text: "/fl.od/", Offset: MaxWindow - 10, Limit: 10}); err != nil {
		t.Errorf("a good regular expression at the last page: %v", err)
	}
}

// BenchmarkSearchFilterOnly measures queries without text over 50,000
// claims, of which 1% come from a rare source: the filter selects few
// claims, so its cost should follow them, not the index. The text cases
// match every claim: with the rare source, the text should be scored
// only on the claims the filter admits.
func BenchmarkSearchFilterOnly(b *testing.B) {
	ix := newMem(b)
	w := ix.NewWriter(DefaultBatchSize)
	for d := range 500 {
		rec, claims := numbered(fmt.Sprintf("doc%03d", d), fmt.Sprint("h", d), 100)
		for i := range claims {
			if i%10 == 0 {
				claims[i].Conflicts = []string{fmt.Sprintf("doc%03d-%05d", (d+1)%500, i)}
			}
		}
		if d%100 == 0 {
			rec.Source = "Rare"
			for i := range claims {
				claims[i].Source = "Rare"
			}
		}
		if _, _, err := w.Put(rec, claims); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		q    Query
		want uint64
	}{
		{"source", Query{Sources: []string{"rare"}}, 500},
		{"source+facets", Query{Sources: []string{"rare"}, Facets: true}, 500},
		{"all", Query{}, 50000},
		{"all+facets", Query{Facets: true}, 50000},
		{"conflicting", Query{Conflicting: true}, 5000},
		{"text", Query{Text: "river centimetres"}, 50000},
		{"text+source", Query{Text: "river centimetres", Sources: []string{"rare"}}, 500},
	} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				res, err := ix.Search(ctx, tt.q)
				if err != nil {
					b.Fatal(err)
				}
				if res.Total != tt.want {
					b.Fatalf("Total = %d, want %d", res.Total, tt.want)
				}
			}
		})
	}
}

// Filters select without scoring: a text query with a filter gives the
// claims the text and the filter both admit, each with the score the
// text alone gives it.
func TestFiltersKeepTextScores(t *testing.T) {
	ix, _ := loaded(t)
	ctx := t.Context()
	floor := 1e9
	texts := []string{"fund billion", "flood OR fund OR port", `"reconstruction fund"`, "+fund -Velmar"}
	filters := []struct {
		name string
		q    Query
	}{
		{"source", Query{Sources: []string{"harbor ledger"}}},
		{"entity", Query{Entities: []string{"tomas reyes"}}},
		{"kind", Query{Kinds: []string{extract.KindSentence, extract.KindTableRow}}},
		{"amount", Query{MinAmount: &floor, Currencies: []string{"USD"}}},
		{"conflicting", Query{Conflicting: true}},
		{"none admitted", Query{Sources: []string{"nobody"}}},
	}
	scores := func(q Query) map[string]float64 {
		t.Helper()
		q.Limit = 100
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != uint64(len(res.Hits)) {
			t.Fatalf("%+v: total %d, %d hits", q, res.Total, len(res.Hits))
		}
		out := map[string]float64{}
		for _, h := range res.Hits {
			out[h.Claim.ID] = h.Score
		}
		return out
	}
	for _, text := range texts {
		alone := scores(Query{Text: text})
		if len(alone) == 0 {
			t.Fatalf("%q matches nothing: the test needs text hits", text)
		}
		for _, f := range filters {
			admitted := scores(f.q)
			want := map[string]float64{}
			for id, s := range alone {
				if _, ok := admitted[id]; ok {
					want[id] = s
				}
			}
			q := f.q
			q.Text = text
			if diff := cmp.Diff(want, scores(q)); diff != "" {
				t.Errorf("%q with filter %s (-text alone, restricted +filtered):\n%s", text, f.name, diff)
			}
		}
	}
}

// TestFiltersOnClaimFields holds what lets buildQuery drop the type term
// once a filter is given: every field a filter reads is one that neither
// documents nor groups index, so a filter alone selects only claims.
func TestFiltersOnClaimFields(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	queries := []Query{
		{Sources: []string{"a"}, Entities: []string{"b"}, Speakers: []string{"c"}, Kinds: []string{"quote"},
			Since: day, Until: day.AddDate(0, 1, 0), Currencies: []string{"USD"}, MinAmount: f(1), MaxAmount: f(2),
			MinSources: 2, Conflicting: true, HasValues: true},
		{Since: day, ByPublished: true, Currencies: []string{"EUR"}},
		{MinAmount: f(5)},
	}
	others := map[string]bool{}
	for _, dm := range []*mapping.DocumentMapping{docMapping(), groupMapping()} {
		for name, p := range dm.Properties {
			for _, fm := range p.Fields {
				if fm.Name != "" {
					others[fm.Name] = true
				} else {
					others[name] = true
				}
			}
		}
	}
	for _, q := range queries {
		bq, err := buildQuery(q, term(fDocID, "d1"))
		if err != nil {
			t.Fatal(err)
		}
		var fields []string
		var walk func(query.Query)
		walk = func(x query.Query) {
			switch x := x.(type) {
			case *query.ConjunctionQuery:
				for _, c := range x.Conjuncts {
					walk(c)
				}
			case *query.DisjunctionQuery:
				for _, c := range x.Disjuncts {
					walk(c)
				}
			case query.FieldableQuery:
				fields = append(fields, x.Field())
			default:
				t.Fatalf("filter %T: no field to check", x)
			}
		}
		walk(bq)
		if len(fields) < 2 {
			t.Fatalf("%+v: %d filter fields, want several", q, len(fields))
		}
		for _, name := range fields {
			if name == fType || others[name] {
				t.Errorf("filter on %q, a field documents or groups have too", name)
			}
		}
	}
}

// TestSearchTermTotalsLive checks the searches whose total is a term's
// count (every claim, one source) after claims were replaced and
// deleted: the total and the pages are those of the claims Export walks.
func TestSearchTermTotalsLive(t *testing.T) {
	ix := newMem(t)
	w := ix.NewWriter(7)
	for d, n := range []int{12, 9, 15} {
		rec, claims := numbered(fmt.Sprintf("doc%d", d), fmt.Sprint("h", d), n)
		if d == 1 {
			rec.Source = "Other"
			for i := range claims {
				claims[i].Source = "Other"
			}
		}
		mustPut(t, w, rec, claims, Added)
	}
	// doc0 again with fewer claims: 8 of its 12 are deleted.
	rec, claims := numbered("doc0", "h0-new", 4)
	mustPut(t, w, rec, claims, Replaced)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []Query{{}, {Sources: []string{"Bulk"}}, {Sources: []string{"other"}}} {
		want := exportIDs(t, ix, q)
		var got []string
		for off := 0; off < len(want)+3; off += 3 {
			q.Offset, q.Limit = off, 3
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if int(res.Total) != len(want) {
				t.Errorf("%+v: Total = %d, want %d", q, res.Total, len(want))
			}
			for _, h := range res.Hits {
				got = append(got, h.Claim.ID)
			}
		}
		slices.Sort(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%+v: pages (-export +search):\n%s", q, diff)
		}
	}
}

// Claims that tie in a ranked search come in id order, whatever order
// their segments lie in (merging reorders segments, so two runs of one
// query would otherwise rank them differently), and pages of the ranking
// are slices of it.
func TestSearchTiesInIDOrder(t *testing.T) {
	ix := newMem(t)
	w := ix.NewWriter(1)
	for d := 9; d >= 0; d-- {
		id := fmt.Sprintf("doc%d", d)
		rec := DocRecord{ID: id, Location: "loc/" + id, Source: "Bulk", Hash: id}
		c := extract.Claim{ID: id + "-00000", DocID: id, Source: "Bulk", Text: "The levee held overnight.", Kind: extract.KindSentence}
		if _, _, err := w.Put(rec, []extract.Claim{c}); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(q Query) (got []string) {
		t.Helper()
		res, err := ix.Search(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Score != res.Hits[0].Score {
				t.Fatalf("scores %v and %v, want a tie", h.Score, res.Hits[0].Score)
			}
			got = append(got, h.Claim.ID)
		}
		return got
	}
	all := ids(Query{Text: "levee"})
	if len(all) != 10 || !slices.IsSorted(all) {
		t.Errorf("hits %v, want 10 in id order", all)
	}
	pages := append(ids(Query{Text: "levee", Limit: 4}), ids(Query{Text: "levee", Limit: 6, Offset: 4})...)
	if !slices.Equal(pages, all) {
		t.Errorf("two pages %v, want the one page %v", pages, all)
	}
	// A page whose edge falls inside a tie keeps the facets of every hit.
	res, err := ix.Search(t.Context(), Query{Text: "levee", Limit: 4, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Facets["source"]; len(got) != 1 || got[0].Count != 10 {
		t.Errorf("source facets %v, want Bulk 10", got)
	}
}

// A ranked page is the page Bleve gives sorted by score then id, with
// the same scores and total, whatever the offset, the limit and the
// filters: the ranking is only computed more cheaply.
func TestRankedSearchAsIDSort(t *testing.T) {
	ix := newMem(t)
	w := ix.NewWriter(7) // several segments
	for d := range 12 {
		rec, claims := numbered(fmt.Sprintf("doc%02d", d), fmt.Sprint("h", d), 15)
		for i := range claims {
			// Texts of a few lengths: many ties, some not.
			claims[i].Text = strings.Repeat("The river rose again. ", i%3+1) + fmt.Sprintf("Claim %d of %d.", i, d)
			if i%4 == 0 {
				claims[i].Source = "Other"
			}
		}
		if _, _, err := w.Put(rec, claims); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for _, q := range []Query{
		{Text: "river"}, {Text: "river rose"}, {Text: "claim"}, {Text: "river", Sources: []string{"Other"}}, {Text: "nothingmatches"},
	} {
		for _, page := range [][2]int{{0, 10}, {0, 1}, {3, 7}, {10, 25}, {170, 20}, {200, 5}} {
			q.Offset, q.Limit = page[0], page[1]
			got, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			bq, err := ix.buildQuery(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			req := bleve.NewSearchRequestOptions(bq, q.Limit, q.Offset, false)
			req.SortBy([]string{"-_score", "_id"})
			want, err := ix.b.SearchInContext(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
				t.Fatalf("%q %v: total %d, %d hits; want %d, %d", q.Text, page, got.Total, len(got.Hits), want.Total, len(want.Hits))
			}
			for i, h := range got.Hits {
				if h.Claim.ID != want.Hits[i].ID || math.Abs(h.Score-want.Hits[i].Score) > 1e-12 {
					t.Errorf("%q %v hit %d: %s %v, want %s %v", q.Text, page, i, h.Claim.ID, h.Score, want.Hits[i].ID, want.Hits[i].Score)
				}
				if len(h.Highlights) == 0 {
					t.Errorf("%q %v hit %d: no highlight", q.Text, page, i)
				}
			}
		}
	}
}

func TestLowestIDs(t *testing.T) {
	var hs []rankedHit
	for _, id := range []string{"k", "c", "x", "a", "m", "b", "z", "d", "q", "e", "f"} {
		hs = append(hs, rankedHit{id: id, score: 1})
	}
	for n, want := range map[int]string{0: "", 1: "a", 2: "ab", 3: "abc", 5: "abcde", 11: "abcdefkmqxz", 20: "abcdefkmqxz"} {
		var got string
		for _, h := range lowestIDs(slices.Clone(hs), n) {
			got += h.id
		}
		if got != want {
			t.Errorf("lowestIDs(%d) = %q, want %q", n, got, want)
		}
	}
}
