package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/claimdex/claimdex/extract"
	"github.com/google/go-cmp/cmp"
)

// bulk returns an index holding docs documents of per claims each.
func bulk(t testing.TB, docs, per int) (*Index, []string) {
	t.Helper()
	ix := newMem(t)
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
	return ix, ids
}

func withPage(t *testing.T, n int) {
	old := exportPage
	exportPage = n
	t.Cleanup(func() { exportPage = old })
}

func TestExportPaging(t *testing.T) {
	ix, want := bulk(t, 5, 11) // 55 claims
	for _, page := range []int{1, 7, 11, 55, 56, 1000} {
		t.Run(fmt.Sprint("page=", page), func(t *testing.T) {
			withPage(t, page)
			if diff := cmp.Diff(want, exportIDs(t, ix, Query{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	withPage(t, 4)
	// Filters apply across pages: amounts are the claim numbers 0..10.
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

func TestExportStops(t *testing.T) {
	ix, _ := bulk(t, 3, 10)
	withPage(t, 4)
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
		t.Errorf("Export = %v after %d claims, want context.Canceled at the page end (8)", err, n)
	}
}

// TestExportBeyondSearchWindow crosses Bleve's 10,000 from/size window with
// the real page size.
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
