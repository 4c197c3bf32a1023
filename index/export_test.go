package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/claimdex/claimdex/extract"
	"github.com/google/go-cmp/cmp"
)

// bulk returns an index holding docs documents of per claims each.
func bulk(t testing.TB, docs, per int) (*Index, []string) {
	t.Helper()
	ix := newMem(t)
	return ix, fill(t, ix, docs, per)
}

// fill writes docs documents of per claims each into ix and returns the
// claim ids, sorted.
func fill(t testing.TB, ix *Index, docs, per int) []string {
	t.Helper()
	w := ix.NewWriter(DefaultBatchSize)
	var ids []string
	for d := range docs {
		rec, claims := numbered(fmt.Sprintf("doc%03d", d), fmt.Sprint("h", d), per)
		mustPut(t, w, rec, claims, Added)
		for _, c := range claims {
			ids = append(ids, c.ID)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

func withCtxEvery(t *testing.T, n int) {
	old := ctxEvery
	ctxEvery = n
	t.Cleanup(func() { ctxEvery = old })
}

func TestExport(t *testing.T) {
	ix, want := bulk(t, 5, 11) // 55 claims
	if diff := cmp.Diff(want, exportIDs(t, ix, Query{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Filters apply: amounts are the claim numbers 0..10.
	lo, hi := 3.0, 5.0
	got := exportIDs(t, ix, Query{MinAmount: &lo, MaxAmount: &hi, Text: "river"})
	var wantSome []string
	for d := range 5 {
		for i := 3; i <= 5; i++ {
			wantSome = append(wantSome, fmt.Sprintf("doc%03d-%05d", d, i))
		}
	}
	if diff := cmp.Diff(wantSome, got); diff != "" {
		t.Errorf("filtered (-want +got):\n%s", diff)
	}
	// Limit and Offset do not apply.
	if got := exportIDs(t, ix, Query{Limit: 3, Offset: 50}); len(got) != 55 {
		t.Errorf("Export with Limit/Offset gave %d claims, want 55", len(got))
	}
}

// TestExportSnapshot: an export reads the index as it was when it began;
// claims written and removed meanwhile change nothing, and the claims it
// gives are whole.
func TestExportSnapshot(t *testing.T) {
	ix, want := bulk(t, 3, 10)
	w := ix.NewWriter(DefaultBatchSize)
	var got []string
	err := ix.Export(context.Background(), Query{}, func(c extract.Claim) error {
		if len(got) == 0 {
			rec, claims := numbered("late", "h-late", 5)
			mustPut(t, w, rec, claims, Added)
			if err := w.Remove("doc001"); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
		}
		if c.Text == "" || c.DocID == "" {
			t.Errorf("claim %s read without its stored record: %+v", c.ID, c)
		}
		got = append(got, c.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("export during writes (-want +got):\n%s", diff)
	}
	if n := len(exportIDs(t, ix, Query{})); n != 25 {
		t.Errorf("the next export gave %d claims, want 25 (30 - 10 + 5)", n)
	}
}

func TestExportStops(t *testing.T) {
	ix, _ := bulk(t, 3, 10)
	stop := errors.New("stop")
	n := 0
	err := ix.Export(context.Background(), Query{}, func(extract.Claim) error {
		n++
		if n == 6 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 6 {
		t.Errorf("Export = %v after %d claims, want stop after 6", err, n)
	}

	withCtxEvery(t, 4)
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = ix.Export(ctx, Query{}, func(extract.Claim) error {
		n++
		if n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 8 {
		t.Errorf("Export = %v after %d claims, want context.Canceled at the next check (8)", err, n)
	}
}

// TestExportBeyondSearchWindow exports more claims than Bleve's 10,000
// from/size window, each once.
func TestExportBeyondSearchWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 12,000 claims")
	}
	ix, want := bulk(t, 24, 500)
	got := exportIDs(t, ix, Query{})
	if len(got) != len(want) {
		t.Fatalf("Export gave %d claims, want %d", len(got), len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// BenchmarkExport measures a full export at two sizes; its rate should not
// fall as the index grows. The index is on disk because only a disk index
// merges its segments, as the CLI's does (an in-memory one keeps one
// segment per batch). heap-MB is the peak heap in use during the export
// above the heap before it: what the export itself holds.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		b.Run(fmt.Sprint("claims=", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "ix")
			ix, err := Open(path)
			if err != nil {
				b.Fatal(err)
			}
			fill(b, ix, n/100, 100)
			// Reopened, as the CLI finds it: the writer's unpersisted
			// segments no longer count in the heap before the export.
			if err := ix.Close(); err != nil {
				b.Fatal(err)
			}
			if ix, err = Open(path); err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { ix.Close() })
			ctx := context.Background()
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			base, peak := ms.HeapInuse, ms.HeapInuse
			runs := 0
			for b.Loop() {
				got := 0
				err := ix.Export(ctx, Query{}, func(extract.Claim) error {
					got++
					if got%2000 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapInuse)
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				if got != n {
					b.Fatalf("exported %d claims, want %d", got, n)
				}
				runs++
			}
			b.ReportMetric(float64(n*runs)/b.Elapsed().Seconds(), "claims/s")
			b.ReportMetric(float64(peak-base)/(1<<20), "heap-MB")
		})
	}
}
