package index

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/claimdex/claimdex/extract"
	"github.com/google/go-cmp/cmp"
)

// step is one Put in an outcome scenario.
type step struct {
	rec    DocRecord
	claims []string // claim ids
	want   Outcome
	dupOf  string
}

func claimsWithIDs(docID string, ids []string) []extract.Claim {
	out := make([]extract.Claim, len(ids))
	for i, id := range ids {
		out[i] = extract.Claim{ID: id, DocID: docID, Text: "Text of " + id, Kind: extract.KindSentence}
	}
	return out
}

func TestWriterOutcomes(t *testing.T) {
	a1 := DocRecord{ID: "A", Location: "a.txt", Hash: "h1"}
	a2 := DocRecord{ID: "A", Location: "a.txt", Hash: "h2"}
	b1 := DocRecord{ID: "B", Location: "b.txt", Hash: "h1"}
	b3 := DocRecord{ID: "B", Location: "b.txt", Hash: "h3"}
	noHash := DocRecord{ID: "N", Location: "n.txt"}
	tests := []struct {
		name      string
		steps     []step
		wantIDs   []string // claims in the index at the end
		wantDocs  map[string][]string
		wantNoDoc []string
	}{
		{
			name:     "added then unchanged",
			steps:    []step{{a1, []string{"a-1", "a-2"}, Added, ""}, {a1, []string{"a-1", "a-2"}, Unchanged, ""}},
			wantIDs:  []string{"a-1", "a-2"},
			wantDocs: map[string][]string{"A": {"a-1", "a-2"}},
		},
		{
			name: "unchanged writes nothing even with other claims",
			steps: []step{{a1, []string{"a-1"}, Added, ""},
				{a1, []string{"a-9"}, Unchanged, ""}},
			wantIDs:  []string{"a-1"},
			wantDocs: map[string][]string{"A": {"a-1"}},
		},
		{
			name:     "replaced removes orphans",
			steps:    []step{{a1, []string{"a-1", "a-2", "a-3"}, Added, ""}, {a2, []string{"a-2", "a-4"}, Replaced, ""}},
			wantIDs:  []string{"a-2", "a-4"},
			wantDocs: map[string][]string{"A": {"a-2", "a-4"}},
		},
		{
			name: "replaced twice",
			steps: []step{{a1, []string{"a-1", "a-2"}, Added, ""}, {a2, []string{"a-3"}, Replaced, ""},
				{a1, []string{"a-1"}, Replaced, ""}},
			wantIDs:  []string{"a-1"},
			wantDocs: map[string][]string{"A": {"a-1"}},
		},
		{
			name:      "duplicate content elsewhere",
			steps:     []step{{a1, []string{"a-1"}, Added, ""}, {b1, []string{"b-1"}, Duplicate, "a.txt"}},
			wantIDs:   []string{"a-1"},
			wantDocs:  map[string][]string{"A": {"a-1"}},
			wantNoDoc: []string{"B"},
		},
		{
			name: "content replaced away is no longer a duplicate",
			steps: []step{{a1, []string{"a-1"}, Added, ""}, {a2, []string{"a-2"}, Replaced, ""},
				{b1, []string{"b-1"}, Added, ""}},
			wantIDs:  []string{"a-2", "b-1"},
			wantDocs: map[string][]string{"A": {"a-2"}, "B": {"b-1"}},
		},
		{
			name: "replaced document keeps its own content out of duplicates",
			steps: []step{{b3, []string{"b-1"}, Added, ""}, {a1, []string{"a-1"}, Added, ""},
				{b1, []string{"b-2"}, Replaced, ""}},
			wantIDs:  []string{"a-1", "b-2"},
			wantDocs: map[string][]string{"A": {"a-1"}, "B": {"b-2"}},
		},
		{
			name:     "no hash is always replaced",
			steps:    []step{{noHash, []string{"n-1"}, Added, ""}, {noHash, []string{"n-2"}, Replaced, ""}},
			wantIDs:  []string{"n-2"},
			wantDocs: map[string][]string{"N": {"n-2"}},
		},
		{
			name:     "no claims",
			steps:    []step{{a1, nil, Added, ""}, {a2, []string{"a-1"}, Replaced, ""}, {a1, nil, Replaced, ""}},
			wantIDs:  nil,
			wantDocs: map[string][]string{"A": {}},
		},
	}
	for _, tt := range tests {
		// Each scenario runs with everything in one batch (the writer must
		// consult its pending state) and with a flush after every Put (it
		// must consult the index).
		for _, flushEach := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/flush=%v", tt.name, flushEach), func(t *testing.T) {
				ix := newMem(t)
				w := ix.NewWriter(1000)
				for i, s := range tt.steps {
					got, dupOf, err := w.Put(s.rec, claimsWithIDs(s.rec.ID, s.claims))
					if err != nil {
						t.Fatalf("step %d: %v", i, err)
					}
					if got != s.want || dupOf != s.dupOf {
						t.Errorf("step %d: Put = %v, %q; want %v, %q", i, got, dupOf, s.want, s.dupOf)
					}
					if flushEach {
						if err := w.Flush(); err != nil {
							t.Fatal(err)
						}
					}
				}
				if err := w.Flush(); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.wantIDs, exportIDs(t, ix, Query{})); diff != "" {
					t.Errorf("claims (-want +got):\n%s", diff)
				}
				for id, claims := range tt.wantDocs {
					rec, ok, err := ix.Doc(id)
					if err != nil || !ok {
						t.Fatalf("Doc(%s) = %v, %v", id, ok, err)
					}
					if diff := cmp.Diff(claims, rec.Claims); diff != "" {
						t.Errorf("Doc(%s).Claims (-want +got):\n%s", id, diff)
					}
				}
				for _, id := range tt.wantNoDoc {
					if _, ok, err := ix.Doc(id); ok || err != nil {
						t.Errorf("Doc(%s) = %v, %v; want absent", id, ok, err)
					}
				}
			})
		}
	}
}

func TestWriterFlushesAtBatchSize(t *testing.T) {
	ix := newMem(t)
	w := ix.NewWriter(10)
	put := func(name string, n int) {
		t.Helper()
		rec, claims := numbered(name, "h-"+name, n)
		mustPut(t, w, rec, claims, Added)
	}
	count := func() int { return len(exportIDs(t, ix, Query{})) }

	put("d1", 4) // 5 changes: pending
	if got := count(); got != 0 {
		t.Errorf("after 4 claims: %d visible, want 0", got)
	}
	put("d2", 4) // 10 changes: flushed after the whole document
	if got := count(); got != 8 {
		t.Errorf("after 8 claims: %d visible, want 8", got)
	}
	put("d3", 4)
	if got := count(); got != 8 {
		t.Errorf("after 12 claims: %d visible, want 8", got)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != 12 {
		t.Errorf("after Flush: %d visible, want 12", got)
	}
	// A big document goes in whole even beyond the batch size.
	put("big", 25)
	if got := count(); got != 37 {
		t.Errorf("after big: %d visible, want 37", got)
	}
}

func TestWriterRejects(t *testing.T) {
	tests := []struct {
		name   string
		rec    DocRecord
		claims []extract.Claim
	}{
		{"no document id", DocRecord{Location: "x"}, nil},
		{"claim without id", DocRecord{ID: "X", Location: "x"}, []extract.Claim{{ID: "ok"}, {Text: "no id"}}},
		{"reserved claim id", DocRecord{ID: "X", Location: "x"}, []extract.Claim{{ID: "doc:Y"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := newMem(t)
			w := ix.NewWriter(10)
			if _, _, err := w.Put(tt.rec, tt.claims); err == nil {
				t.Fatal("Put succeeded")
			}
			// Nothing of the rejected document is pending.
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if ids := exportIDs(t, ix, Query{}); len(ids) != 0 {
				t.Errorf("claims after rejected Put: %v", ids)
			}
			if _, ok, _ := ix.Doc(tt.rec.ID); ok {
				t.Error("record written for rejected Put")
			}
		})
	}
}

func TestWriterAfterClose(t *testing.T) {
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(10)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	rec, claims := numbered("late", "h", 2)
	if _, _, err := w.Put(rec, claims); err == nil {
		t.Error("Put after Close succeeded")
	}
}

func TestOutcomeString(t *testing.T) {
	got := []string{Added.String(), Unchanged.String(), Replaced.String(), Duplicate.String(), Outcome(9).String()}
	want := []string{"added", "unchanged", "replaced", "duplicate", "Outcome(9)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// BenchmarkWriterPut measures ingest into the index: documents of 20
// claims, in memory and on disk.
func BenchmarkWriterPut(b *testing.B) {
	b.Run("mem", func(b *testing.B) { benchPut(b, newMem(b)) })
	b.Run("disk", func(b *testing.B) {
		ix, err := Open(filepath.Join(b.TempDir(), "ix"))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { ix.Close() })
		benchPut(b, ix)
	})
}

func benchPut(b *testing.B, ix *Index) {
	const per = 20
	_, claims := harbor()
	_, more := northwire()
	claims = append(claims, more...)
	w := ix.NewWriter(DefaultBatchSize)
	n := 0
	for b.Loop() {
		doc := make([]extract.Claim, per)
		for i := range doc {
			c := claims[i%len(claims)]
			c.ID = fmt.Sprintf("b%07d-%02d", n, i)
			doc[i] = c
		}
		rec := DocRecord{ID: fmt.Sprint("bench", n), Location: fmt.Sprint("bench/", n), Hash: fmt.Sprint("h", n)}
		if _, _, err := w.Put(rec, doc); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n*per)/b.Elapsed().Seconds(), "claims/s")
}

// TestWriterOddValues: values Bleve cannot index as dates or numbers are
// left out of those fields, not fatal; the claim stays searchable.
func TestWriterOddValues(t *testing.T) {
	ix := newMem(t)
	w := ix.NewWriter(10)
	c := extract.Claim{ID: "odd", Text: "The abbey was founded in 1500 and will stand until 2500.", Kind: extract.KindSentence,
		Published: "not a date",
		Dates:     []extract.Date{{Text: "1500", Value: "1500"}, {Text: "2500", Value: "2500"}, {Text: "soon", Value: "soon"}},
		Money:     []extract.Money{{Text: "-5 dollars", Amount: -5, Currency: "USD"}}}
	mustPut(t, w, DocRecord{ID: "D", Location: "d", Hash: "h"}, []extract.Claim{c}, Added)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lo := -10.0
	for _, q := range []Query{{Text: "abbey"}, {MinAmount: &lo}, {Text: `date_value:soon`}} {
		if diff := cmp.Diff([]string{"odd"}, searchIDs(t, ix, q)); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", q, diff)
		}
	}
	if got := searchIDs(t, ix, Query{Since: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}); len(got) != 0 {
		t.Errorf("date filter matched out-of-range dates: %v", got)
	}
}

// A document with more claims than the batch size is written in batches
// of at most that size, so that memory does not grow with the document,
// and still appears whole.
func TestWriterLargeDocumentInBoundedBatches(t *testing.T) {
	ix := newMem(t)
	w := ix.NewWriter(10)
	var sizes []int
	testHookApply = func(n int) error { sizes = append(sizes, n); return nil }
	t.Cleanup(func() { testHookApply = nil })

	rec, claims := numbered("big", "h1", 45)
	mustPut(t, w, rec, claims, Added)
	if got := len(exportIDs(t, ix, Query{})); got != 45 {
		t.Errorf("after the large Put: %d claims visible, want 45", got)
	}
	for _, n := range sizes {
		if n > 10 {
			t.Errorf("a batch of %d changes, want at most the batch size 10 (all: %v)", n, sizes)
		}
	}
	// Replaced by a shorter version: the orphans go, the record follows.
	rec2, claims2 := numbered("big", "h2", 30)
	mustPut(t, w, rec2, claims2, Replaced)
	if got := len(exportIDs(t, ix, Query{})); got != 30 {
		t.Errorf("after the replacement: %d claims visible, want 30", got)
	}
	got, found, err := ix.Doc("big")
	if err != nil || !found || got.Hash != "h2" || len(got.Claims) != 30 {
		t.Errorf("record = %+v, %v, %v; want hash h2 with 30 claims", got, found, err)
	}
}

// A large Put that fails between its batches (a full disk) leaves no
// half document: the next Open rolls it back, and the next ingest adds
// it whole.
func TestWriterLargeDocumentInterrupted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(10)
	small, smallClaims := numbered("small", "hs", 3)
	mustPut(t, w, small, smallClaims, Added)
	old, oldClaims := numbered("big", "h1", 12)
	mustPut(t, w, old, oldClaims, Added)

	applied := 0
	testHookApply = func(int) error {
		applied++
		if applied == 3 { // the mark and one batch of claims are in
			return fmt.Errorf("disk full")
		}
		return nil
	}
	t.Cleanup(func() { testHookApply = nil })
	newRec, newClaims := numbered("big", "h2", 40)
	for i := range newClaims {
		newClaims[i].ID = fmt.Sprintf("big-new-%02d", i)
	}
	if _, _, err := w.Put(newRec, newClaims); err == nil {
		t.Fatal("Put succeeded although a batch failed")
	}
	testHookApply = nil
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, found, _ := ix.Doc("big"); found {
		t.Errorf("the half-written document still has a record")
	}
	if got := exportIDs(t, ix, Query{}); len(got) != 3 {
		t.Errorf("claims after reopening = %v, want only the 3 of the other document", got)
	}
	w = ix.NewWriter(10)
	mustPut(t, w, newRec, newClaims, Added)
	if got := len(exportIDs(t, ix, Query{})); got != 43 {
		t.Errorf("after the re-ingest: %d claims, want 43", got)
	}
}

// A crash between the batches of a large Put leaves the pending mark and
// some new claims beside the old record; Open rolls the document back.
func TestOpenRollsBackHalfWrittenDocument(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(10)
	small, smallClaims := numbered("small", "hs", 3)
	mustPut(t, w, small, smallClaims, Added)
	old, oldClaims := numbered("big", "h1", 5)
	mustPut(t, w, old, oldClaims, Added)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	// What the first two batches of a large Put leave behind.
	_, newClaims := numbered("big", "h2", 20)
	mark := pendingDoc{ID: "big", Location: "loc/big"}
	for _, c := range newClaims {
		mark.Claims = append(mark.Claims, c.ID)
	}
	raw, _ := json.Marshal(mark)
	b := ix.b.NewBatch()
	b.SetInternal(internalPendingKey, raw)
	for _, c := range newClaims[:10] {
		fields, err := claimDocument(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Index(c.ID, fields); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.b.Batch(b); err != nil {
		t.Fatal(err)
	}
	if err := ix.b.Close(); err != nil { // no flush of anything: a crash
		t.Fatal(err)
	}

	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, found, _ := ix.Doc("big"); found {
		t.Errorf("the half-written document still has a record")
	}
	if got := exportIDs(t, ix, Query{}); !slices.Equal(got, []string{"small-00000", "small-00001", "small-00002"}) {
		t.Errorf("claims after reopening = %v, want only those of the other document", got)
	}
	if raw, _ := ix.b.GetInternal(internalPendingKey); raw != nil {
		t.Errorf("pending mark %q left after the rollback", raw)
	}
}
