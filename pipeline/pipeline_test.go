package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
)

// ignoreTiming leaves out the fields that depend on the clock.
var ignoreTiming = cmpopts.IgnoreFields(Report{}, "Elapsed", "DocsPerSec", "Stages")

func TestRunOutcomes(t *testing.T) {
	errMissing := errors.New("gone.txt: open: no such file or directory")
	newCorpus := func() *fakeCorpus {
		return &fakeCorpus{
			order: []string{"a.txt", "b.txt", "bin.dat", "empty.txt", "gone.txt", "copy-of-a.txt", "locked"},
			files: map[string]string{
				"a.txt": "abc", "b.txt": "de", "bin.dat": "\x00\x01", "empty.txt": "", "copy-of-a.txt": "abc",
			},
			errs:     map[string]error{"gone.txt": errMissing},
			walkErrs: map[string]error{"locked": errors.New("open locked: permission denied")},
		}
	}
	wantFirst := &Report{
		Read: 7, Added: 2, Claims: 5,
		Duplicates: []Duplicate{{Location: "copy-of-a.txt", Of: "a.txt"}},
		Failures: []Failure{
			{Location: "bin.dat", Reason: "clean bin.dat: " + corpus.ErrBinary.Error()},
			{Location: "empty.txt", Reason: "clean empty.txt: " + corpus.ErrEmpty.Error()},
			{Location: "gone.txt", Reason: "open: no such file or directory"},
			{Location: "locked", Reason: "open locked: permission denied"},
		},
	}
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			ix := newFakeIndex()
			f := newCorpus()
			got, err := run(t.Context(), Config{Workers: workers}, nil, f.stages(ix))
			if err != nil {
				t.Fatalf("first run: %v", err)
			}
			if diff := cmp.Diff(wantFirst, got, ignoreTiming); diff != "" {
				t.Errorf("first run report (-want +got):\n%s", diff)
			}
			if len(ix.claims) != 5 {
				t.Errorf("index holds %d claims after the first run, want 5", len(ix.claims))
			}
			if s := got.Stages; s.Read <= 0 || s.Clean <= 0 || s.Extract <= 0 || s.Index <= 0 {
				t.Errorf("stage times %+v: want every stage that ran counted", s)
			}

			// Same inputs again: nothing changes. Then b.txt changes.
			got, err = run(t.Context(), Config{Workers: workers}, nil, f.stages(ix))
			if err != nil {
				t.Fatalf("second run: %v", err)
			}
			want := &Report{Read: 7, Unchanged: 2, Duplicates: wantFirst.Duplicates, Failures: wantFirst.Failures}
			if diff := cmp.Diff(want, got, ignoreTiming); diff != "" {
				t.Errorf("re-ingest report (-want +got):\n%s", diff)
			}

			f.files["b.txt"] = "xyzw"
			got, err = run(t.Context(), Config{Workers: workers}, nil, f.stages(ix))
			if err != nil {
				t.Fatalf("third run: %v", err)
			}
			want = &Report{Read: 7, Unchanged: 1, Replaced: 1, Claims: 4, Duplicates: wantFirst.Duplicates, Failures: wantFirst.Failures}
			if diff := cmp.Diff(want, got, ignoreTiming); diff != "" {
				t.Errorf("changed-document report (-want +got):\n%s", diff)
			}
			if len(ix.claims) != 7 {
				t.Errorf("index holds %d claims after replacing b.txt, want 7 (3 + 4, no orphans)", len(ix.claims))
			}
		})
	}
}

// TestRunWriteOrder checks that documents reach the writer in walk order
// whatever the workers' speeds, and that the walker never runs further
// ahead of the writer than the window allows (backpressure).
func TestRunWriteOrder(t *testing.T) {
	const n, workers = 300, 4
	f := &fakeCorpus{files: map[string]string{}}
	for i := range n {
		loc := fmt.Sprintf("doc%03d.txt", i)
		f.order = append(f.order, loc)
		f.files[loc] = fmt.Sprintf("text %d", i)
	}
	ix := newFakeIndex()
	var maxAhead atomic.Int64
	ix.onPut = func(puts int) {
		if ahead := int64(f.walkedSoFar() - puts); ahead > maxAhead.Load() {
			maxAhead.Store(ahead)
		}
	}
	st := f.stages(ix)
	st.claims = func(doc *corpus.Document, max int) ([]extract.Claim, []extract.DocEntity, bool) {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		return fakeClaims(doc, max)
	}
	rep, err := run(t.Context(), Config{Workers: workers}, nil, st)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != n {
		t.Fatalf("added %d documents, want %d", rep.Added, n)
	}
	if diff := cmp.Diff(f.order, ix.puts); diff != "" {
		t.Errorf("write order differs from walk order (-want +got):\n%s", diff)
	}
	if got, limit := maxAhead.Load(), int64(4*workers); got > limit {
		t.Errorf("walker ran %d documents ahead of the writer, window is %d", got, limit)
	}
}

// TestRunCancel cancels a run in the middle and checks that it stops, says
// so, and leaves only whole documents in the index, every one of which the
// report counts.
func TestRunCancel(t *testing.T) {
	for _, stopAfter := range []int{1, 7, 40} {
		t.Run(fmt.Sprintf("after=%d", stopAfter), func(t *testing.T) {
			f := &fakeCorpus{files: map[string]string{}}
			for i := range 200 {
				loc := fmt.Sprintf("doc%03d.txt", i)
				f.order = append(f.order, loc)
				f.files[loc] = fmt.Sprintf("content number %d", i)
			}
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			ix := newFakeIndex()
			ix.onPut = func(n int) {
				if n == stopAfter {
					cancel()
				}
			}
			rep, err := run(ctx, Config{Workers: 3, BatchSize: 5}, nil, f.stages(ix))
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Run error = %v, want context.Canceled", err)
			}
			if !rep.Interrupted {
				t.Error("report not marked Interrupted")
			}
			if rep.Read >= len(f.order) {
				t.Errorf("read %d documents of %d: the run did not stop", rep.Read, len(f.order))
			}
			if len(ix.pending) != 0 {
				t.Errorf("%d changes left unflushed after the stop", len(ix.pending))
			}
			if rep.Added != len(ix.docs) {
				t.Errorf("report counts %d added documents, index holds %d", rep.Added, len(ix.docs))
			}
			claims := 0
			for _, rec := range ix.docs {
				want, ents, _ := fakeClaims(&corpus.Document{ID: rec.ID, Location: rec.Location, Text: f.files[rec.Location]}, 0)
				if !slices.Equal(rec.Entities, ents) {
					t.Errorf("document %s is in the index with entities %v, want %v", rec.Location, rec.Entities, ents)
				}
				for _, c := range want {
					if _, ok := ix.claims[c.ID]; !ok {
						t.Errorf("document %s is in the index without its claim %s", rec.Location, c.ID)
					}
				}
				claims += len(want)
			}
			if claims != len(ix.claims) || claims != rep.Claims {
				t.Errorf("index holds %d claims, its documents have %d, report says %d", len(ix.claims), claims, rep.Claims)
			}
		})
	}
}

func TestRunFatalErrors(t *testing.T) {
	errDisk := errors.New("disk full")
	tests := []struct {
		name  string
		setup func(*fakeIndex)
	}{
		{"put fails", func(ix *fakeIndex) { ix.putErr = errDisk }},
		{"lookup fails", func(ix *fakeIndex) { ix.lookupErr = errDisk }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeCorpus{files: map[string]string{}}
			for i := range 100 {
				loc := fmt.Sprintf("doc%03d.txt", i)
				f.order = append(f.order, loc)
				f.files[loc] = loc
			}
			ix := newFakeIndex()
			tt.setup(ix)
			rep, err := run(t.Context(), Config{Workers: 2}, nil, f.stages(ix))
			if !errors.Is(err, errDisk) {
				t.Fatalf("Run error = %v, want it to wrap %v", err, errDisk)
			}
			if rep == nil || rep.Interrupted {
				t.Errorf("report = %+v, want a report not marked Interrupted", rep)
			}
			if f.walkedSoFar() == len(f.order) && len(f.order) > 4*2+2*2+2 {
				t.Errorf("the walk went through all %d inputs after a fatal error", len(f.order))
			}
		})
	}
}

// TestRunPanicIsOneFailure checks that a stage crashing on one document is
// recorded against that document and the others still go in.
func TestRunPanicIsOneFailure(t *testing.T) {
	f := &fakeCorpus{order: []string{"a", "boom", "c"}, files: map[string]string{"a": "x", "boom": "y", "c": "z"}}
	ix := newFakeIndex()
	st := f.stages(ix)
	st.claims = func(doc *corpus.Document, max int) ([]extract.Claim, []extract.DocEntity, bool) {
		if doc.Location == "boom" {
			panic("index out of range")
		}
		return fakeClaims(doc, max)
	}
	rep, err := run(t.Context(), Config{Workers: 2}, nil, st)
	if err != nil {
		t.Fatal(err)
	}
	want := &Report{Read: 3, Added: 2, Claims: 2, Failures: []Failure{{Location: "boom", Reason: "internal error: index out of range"}}}
	if diff := cmp.Diff(want, rep, ignoreTiming); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// A failing index write makes later index reads fail too: the run
// reports the write's error, the cause, not a read's.
func TestRunWriteFailureIsTheCause(t *testing.T) {
	f := &fakeCorpus{files: map[string]string{}}
	for i := range 40 {
		loc := fmt.Sprintf("doc%03d.txt", i)
		f.order = append(f.order, loc)
		f.files[loc] = "ab"
	}
	ix := newFakeIndex()
	ix.flushErr = errors.New("no space left on device")
	_, err := run(t.Context(), Config{Workers: 2, BatchSize: 1}, nil, f.stages(ix))
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		t.Errorf("run error = %v, want the write's", err)
	}
}

func TestRunStdin(t *testing.T) {
	f := &fakeCorpus{order: []string{"-"}, files: map[string]string{"-": "from stdin"}}
	rep, err := run(t.Context(), Config{}, nil, f.stages(newFakeIndex()))
	if err != nil {
		t.Fatal(err)
	}
	want := &Report{Read: 1, Failures: []Failure{{Location: "-", Reason: "no standard input to read"}}}
	if diff := cmp.Diff(want, rep, ignoreTiming); diff != "" {
		t.Errorf("report without Config.Stdin (-want +got):\n%s", diff)
	}
}

func TestRunProgress(t *testing.T) {
	f := &fakeCorpus{files: map[string]string{}}
	for i := range 50 {
		loc := fmt.Sprintf("doc%03d.txt", i)
		f.order = append(f.order, loc)
		f.files[loc] = "ab"
	}
	st := f.stages(newFakeIndex())
	st.claims = func(doc *corpus.Document, max int) ([]extract.Claim, []extract.DocEntity, bool) {
		time.Sleep(500 * time.Microsecond)
		return fakeClaims(doc, max)
	}
	var (
		mu       sync.Mutex
		seen     []Progress
		finished atomic.Bool
	)
	cfg := Config{Workers: 2, ProgressEvery: time.Millisecond, Progress: func(p Progress) {
		if finished.Load() {
			t.Error("Progress called after Run returned")
		}
		mu.Lock()
		seen = append(seen, p)
		mu.Unlock()
	}}
	if _, err := run(t.Context(), cfg, nil, st); err != nil {
		t.Fatal(err)
	}
	finished.Store(true)
	time.Sleep(5 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if len(seen) == 0 {
		t.Fatal("Progress never called")
	}
	for i, p := range seen {
		if i > 0 && p.Docs < seen[i-1].Docs {
			t.Errorf("progress went backwards: %+v then %+v", seen[i-1], p)
		}
		if p.Docs > 50 || p.Claims > 2*p.Docs || p.Failed != 0 {
			t.Errorf("progress %+v out of range (50 documents of 2 claims, none failing)", p)
		}
	}
}

// A document with more claims than MaxClaims keeps its first ones and is
// named in the report with the cap.
func TestRunCapsClaimsPerDocument(t *testing.T) {
	f := &fakeCorpus{files: map[string]string{"short.txt": "abc", "long.txt": "abcdefghij"}, order: []string{"short.txt", "long.txt"}}
	ix := newFakeIndex()
	rep, err := run(t.Context(), Config{Workers: 2, MaxClaims: 4}, nil, f.stages(ix))
	if err != nil {
		t.Fatal(err)
	}
	want := &Report{Read: 2, Added: 2, Claims: 7, Capped: []Capped{{Location: "long.txt", Claims: 4}}}
	if diff := cmp.Diff(want, rep, ignoreTiming); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	if len(ix.claims) != 7 {
		t.Errorf("index holds %d claims, want 7", len(ix.claims))
	}
}
