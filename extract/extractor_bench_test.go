package extract

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus"
	"github.com/jdkato/prose/v2"
)

// benchDoc joins the hand-written test documents into one document of a
// few kilobytes, the size of a news article.
func benchDoc(b *testing.B) *corpus.Document {
	doc := &corpus.Document{ID: "bench", Location: "bench", Source: "bench",
		Published: time.Date(2025, 6, 10, 0, 0, 0, 0, time.UTC)}
	paths, err := filepath.Glob(filepath.Join("testdata", "claims", "*.json"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no test documents: %v", err)
	}
	for range 2 {
		for _, p := range paths {
			d := loadTestDoc(b, p)
			for _, bl := range d.Blocks {
				if bl.Kind != corpus.Title || len(doc.Blocks) == 0 {
					doc.Blocks = append(doc.Blocks, bl)
				}
			}
		}
	}
	fillText(doc)
	return doc
}

// BenchmarkClaims measures the whole extract stage for one document and
// reports tokens per CPU-second (process CPU time, so that other load on
// the machine does not count; the stage target is 50k), then runs prose's
// full pipeline (tokens, tags, entities, with its model decoded once and
// reused) on the same text and reports how many times faster Claims is.
func BenchmarkClaims(b *testing.B) {
	x := testExtractor(b)
	doc := benchDoc(b)
	tokens := float64(len(claimWords(doc.Text)))
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		x.Claims(doc)
		n++
	}
	perDoc := (cpuTime() - cpu).Seconds() / float64(n)
	b.ReportMetric(tokens/perDoc, "tokens/cpu-s")

	warm, err := prose.NewDocument("Warm up.")
	if err != nil {
		b.Fatalf("prose: %v", err)
	}
	const proseRuns = 5
	cpu = cpuTime()
	for range proseRuns {
		if _, err := prose.NewDocument(doc.Text, prose.UsingModel(warm.Model)); err != nil {
			b.Fatalf("prose: %v", err)
		}
	}
	prosePerDoc := (cpuTime() - cpu).Seconds() / proseRuns
	b.ReportMetric(tokens/prosePerDoc, "prose-tokens/cpu-s")
	b.ReportMetric(prosePerDoc/perDoc, "x-prose")
}

// BenchmarkSplitSentences measures segmentation alone.
func BenchmarkSplitSentences(b *testing.B) {
	doc := benchDoc(b)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		splitSentences(doc.Text)
	}
}

// BenchmarkNew measures loading the models, which every ingest pays
// before its first document: wall time per load and process CPU time.
func BenchmarkNew(b *testing.B) {
	cpu := cpuTime()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
}
