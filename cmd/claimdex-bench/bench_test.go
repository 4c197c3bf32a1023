package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
)

func TestPercentile(t *testing.T) {
	vals := make([]float64, 100)
	for i := range vals {
		vals[i] = float64(i + 1)
	}
	tests := []struct {
		vals []float64
		p    float64
		want float64
	}{
		{vals, 50, 50},
		{vals, 99, 99},
		{vals, 100, 100},
		{[]float64{3}, 99, 3},
		{[]float64{1, 2}, 50, 1},
		{nil, 50, 0},
	}
	for _, tt := range tests {
		if got := pct(tt.vals, tt.p); got != tt.want {
			t.Errorf("pct(%d values, %g) = %g, want %g", len(tt.vals), tt.p, got, tt.want)
		}
	}
}

func TestNiceCeil(t *testing.T) {
	for v, want := range map[float64]float64{0.7: 1, 1: 1, 1.2: 2, 3: 5, 7: 10, 120: 200, 0: 1} {
		if got := niceCeil(v); got != want {
			t.Errorf("niceCeil(%g) = %g, want %g", v, got, want)
		}
	}
}

// TestPlotsAreXML checks that both plots parse as XML and draw one mark
// per measurement.
func TestPlotsAreXML(t *testing.T) {
	r := &Results{CPUs: 2, Sizes: []SizeResult{
		{Docs: 1000, Ingest: IngestResult{Docs: 1000, Claims: 20000, DocsPerSec: 90, Seconds: 11, TotalSeconds: 14}, Baseline: Baseline{DocsPerSec: 30}},
		{Docs: 10000, Ingest: IngestResult{Docs: 10000, Claims: 200000, DocsPerSec: 85, Seconds: 118, TotalSeconds: 160}, Baseline: Baseline{DocsPerSec: 31},
			Search: []Latency{
				{Query: "match", Where: "in process", P50ms: 0.5, P99ms: 3},
				{Query: "match", Where: "CLI", P50ms: 90, P99ms: 130},
				{Query: "match", Where: "SQLite FTS5", P50ms: 0.4, P99ms: 2},
				{Query: "a <facet>", Where: "in process", P50ms: 4, P99ms: 60},
			}},
	}}
	for name, svg := range map[string][]byte{"throughput": throughputSVG(r), "latency": latencySVG(r.Sizes[1])} {
		d := xml.NewDecoder(bytes.NewReader(svg))
		marks := 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not XML: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && (se.Name.Local == "circle" || se.Name.Local == "rect") {
				marks++
			}
		}
		// throughput: 3 series x 2 sizes, plus the background; latency: two
		// bars per measurement, the background and 3 legend keys.
		want := map[string]int{"throughput": 7, "latency": 2*4 + 1 + 3}[name]
		if marks != want {
			t.Errorf("%s: %d marks, want %d", name, marks, want)
		}
	}
	if !strings.Contains(string(latencySVG(r.Sizes[1])), "a &lt;facet&gt;") {
		t.Error("a query name is not escaped in the latency plot")
	}
}

func TestMarkdownHasEveryQuery(t *testing.T) {
	r := &Results{Sizes: []SizeResult{{Docs: 10, Search: []Latency{
		{Query: "match", Where: "in process", Hits: 4, P50ms: 1, P99ms: 2},
		{Query: "entity", Where: "CLI", P50ms: 80, P99ms: 90, PeakRSSMB: 50},
	}}}}
	var b bytes.Buffer
	r.markdown(&b)
	for _, want := range []string{"| match | 4 | 1.00 / 2.00 | — | — |", "| entity | 0 | — | 80.00 / 90.00 (50 MB) | — |"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, b.String())
		}
	}
}

func TestClaimsMarkdownHasEverySetting(t *testing.T) {
	r := &Results{Claims: []ClaimsResult{{Claims: 1000, IndexBytes: 2e6, Search: []Latency{
		{Query: "match", Where: "in process", Hits: 4, P50ms: 1, P99ms: 2},
		{Query: "match", Where: "CLI", P50ms: 80, P99ms: 90, PeakRSSMB: 50},
		{Query: "match", Where: "CLI via serve", P50ms: 30, P99ms: 40},
		{Query: "match", Where: "search-only client via serve", P50ms: 8, P99ms: 12},
		{Query: "match", Where: "HTTP", P50ms: 1.5, P99ms: 3},
		{Query: startOnly, Where: "CLI", P50ms: 20, P99ms: 25},
		{Query: startOnly, Where: "search-only client via serve", P50ms: 3, P99ms: 4},
	}}}}
	var b bytes.Buffer
	r.claimsMarkdown(&b)
	for _, want := range []string{"| match | 4 | 1.00 / 2.00 | 80.00 / 90.00 (50 MB) | 30.00 / 40.00 | 8.00 / 12.00 | 1.50 / 3.00 |",
		"| " + startOnly + " | — | — | 20.00 / 25.00 | — | 3.00 / 4.00 | — |", "index 2 MB"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, b.String())
		}
	}
}

// TestGenerateClaims checks that the generator gives the count asked
// for, the same claims for the same seed, and the variety the search
// benchmark relies on: several sources, money in several currencies,
// entities, and conflicts found by the cross-source analysis.
func TestGenerateClaims(t *testing.T) {
	ctx := context.Background()
	build := func(seed uint64) (*index.Index, GenStats) {
		ix, err := index.OpenMem()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		st, err := GenerateClaims(ctx, ix, seed, 3000)
		if err != nil {
			t.Fatal(err)
		}
		return ix, st
	}
	ix, st := build(1)
	if st.Claims != 3000 || st.Docs < 50 || st.Sources < 20 {
		t.Errorf("generated %+v, want 3000 claims over 50+ documents and 20+ sources", st)
	}
	if _, err := pipeline.Crosscheck(ctx, ix, nil); err != nil {
		t.Fatal(err)
	}
	lo := 1e3
	for name, q := range map[string]index.Query{
		"EUR amounts": {MinAmount: &lo, Currencies: []string{"EUR"}},
		"USD amounts": {MinAmount: &lo, Currencies: []string{"USD"}},
		"source":      {Sources: []string{"The Valmora Herald"}},
		"conflicting": {Conflicting: true},
		"match":       {Text: "council budget"},
	} {
		r, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total == 0 || r.Total > 1500 {
			t.Errorf("%s: %d of 3000 claims match, want some but not half", name, r.Total)
		}
	}
	all := func(ix *index.Index) []extract.Claim {
		var out []extract.Claim
		if err := ix.Export(ctx, index.Query{}, func(c extract.Claim) error { out = append(out, c); return nil }); err != nil {
			t.Fatal(err)
		}
		// Export gives index order, which segment merges may change:
		// the claims are compared by id.
		slices.SortFunc(out, func(a, b extract.Claim) int { return strings.Compare(a.ID, b.ID) })
		return out
	}
	a, _ := build(1)
	b, _ := build(1)
	ca, cb := all(a), all(b)
	if len(ca) != 3000 || !reflect.DeepEqual(ca, cb) {
		t.Errorf("two runs of seed 1 differ (%d and %d claims)", len(ca), len(cb))
	}
	c, _ := build(2)
	if reflect.DeepEqual(ca, all(c)) {
		t.Error("seeds 1 and 2 give the same claims")
	}
}
