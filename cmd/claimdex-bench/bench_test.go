package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
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
