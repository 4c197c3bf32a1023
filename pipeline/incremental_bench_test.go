package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus/synth"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// synthDoc returns the claims of document d of a synthetic corpus: events
// of four outlets each, published a day apart per event, naming the
// event's people and firm and stating its figures (one outlet's figure
// differs), among background sentences.
func synthDoc(d, claimsPerDoc int) (index.DocRecord, []extract.Claim) {
	ev := d / 4
	doc := fmt.Sprintf("doc-%07d", d)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, ev%700)
	firm := "Corvex " + letters(ev*7+3)
	person := "Dana " + letters(ev*7+4)
	amount := float64(1000+(ev*7919)%9000) * 1e5
	if d%4 == 3 {
		amount *= 1.15
	}
	var claims []extract.Claim
	for i := range claimsPerDoc {
		text := fmt.Sprintf("%s agreed to pay $%.1f million for the plant, %s said on Tuesday.", firm, amount/1e6, person)
		c := extract.Claim{
			ID: fmt.Sprintf("%s-%03d", doc, i), DocID: doc, Location: doc, Source: fmt.Sprintf("Outlet %d", d%4),
			Title: fmt.Sprintf("%s %s %s", firm, letters(ev*7+1), letters(ev*7+2)), Published: day.Format(time.RFC3339), Kind: extract.KindSentence,
			Offset: extract.Span{Start: i * 100, End: i*100 + len(text)}, Conflicts: []string{},
		}
		if i%4 == 0 {
			c.Text = text
			c.Entities = []extract.Entity{
				{Text: firm, Type: extract.Org, Canonical: firm, Start: 0, End: len(firm)},
				{Text: person, Type: extract.Person, Canonical: person, Start: len(text) - len(person) - 17, End: len(text) - 17},
			}
			s := len(firm) + len(" agreed to pay ")
			m := fmt.Sprintf("$%.1f million", amount/1e6)
			c.Money = []extract.Money{{Text: m, Amount: amount, Currency: "USD", Start: s, End: s + len(m)}}
		} else {
			c.Text = fmt.Sprintf("%s said %s and %s were %s near %s.", letters(d*131+i), letters(d*17+i*3), letters(d*7+i*5), letters(i*11+d), letters(d+i*13))
		}
		claims = append(claims, c)
	}
	return index.DocRecord{ID: doc, Location: doc, Source: claims[0].Source, Hash: doc}, claims
}

// BenchmarkCrosscheckOneDoc measures the analysis after ingesting one
// document into an analysed index of CLAIMDEX_BENCH_CLAIMS claims
// (default 20,000; the target is under a second at 100,000):
//
//	CLAIMDEX_BENCH_CLAIMS=100000 go test ./pipeline -run '^$' -bench CrosscheckOneDoc -benchtime 5x
func BenchmarkCrosscheckOneDoc(b *testing.B) {
	total := 20000
	if v, err := strconv.Atoi(os.Getenv("CLAIMDEX_BENCH_CLAIMS")); err == nil && v > 0 {
		total = v
	}
	const perDoc = 40
	ix, err := index.Open(b.TempDir() + "/ix")
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	w := ix.NewWriter(index.DefaultBatchSize)
	docs := total / perDoc
	for d := range docs {
		rec, claims := synthDoc(d, perDoc)
		if _, _, err := w.Put(rec, claims); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	full, err := Rebuild(ctx, ix, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "full-analysis-s")
	b.Logf("full analysis of %d claims in %d documents: %d stories, %d conflicts, %s", total, docs, full.Stories, full.Conflicts, full.Elapsed)
	next := docs
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		rec, claims := synthDoc(next, perDoc)
		next++
		if _, _, err := w.Put(rec, claims); err != nil {
			b.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Crosscheck(ctx, ix, nil)
		if err != nil || rep == nil || rep.Full || rep.Docs > 8 {
			b.Fatalf("analysis %+v, %v: want an incremental one over the new document's story", rep, err)
		}
	}
}

// letters spells n in base 26 with a capital: distinct words per event.
func letters(n int) string {
	b := []byte{}
	for {
		b = append(b, byte('a'+n%26))
		n /= 26
		if n == 0 {
			break
		}
	}
	b[0] -= 'a' - 'A'
	return string(b) + "ton"
}

// BenchmarkRebuildPages measures a full analysis (Rebuild) of an index of
// CLAIMDEX_BENCH_PAGES generated article pages (corpus/synth; default
// 500), ingested through Run without the analysis first. Its cost should
// grow with the pages, not faster:
//
//	CLAIMDEX_BENCH_PAGES=6000 go test ./pipeline -run '^$' -bench RebuildPages -benchtime 1x
func BenchmarkRebuildPages(b *testing.B) {
	n := 500
	if s := os.Getenv("CLAIMDEX_BENCH_PAGES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("CLAIMDEX_BENCH_PAGES=%q: want a positive number", s)
		}
		n = v
	}
	dir := b.TempDir()
	for _, p := range synth.First(1, n) {
		if err := os.WriteFile(filepath.Join(dir, p.Name), p.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ix, err := index.Open(filepath.Join(b.TempDir(), "ix"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := Run(ctx, Config{NoCrosscheck: true}, []string{dir}, x, ix); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		rep, err := Rebuild(ctx, ix, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rep.Claims), "claims")
		b.Logf("full analysis of %d pages: %d claims with values, %d stories, %d conflicts, %v", n, rep.Claims, rep.Stories, rep.Conflicts, rep.Elapsed)
	}
}
