package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/google/go-cmp/cmp"
)

// crossState is what the cross-source analysis leaves in an index: every
// claim's corroborations and conflicts, and the stored groups.
func crossState(t *testing.T, ix *index.Index) (map[string]string, []string) {
	t.Helper()
	ctx := context.Background()
	ann := map[string]string{}
	err := ix.Export(ctx, index.Query{}, func(c extract.Claim) error {
		raw, _ := json.Marshal(struct {
			N int
			C []string
		}{c.Corroborations, c.Conflicts})
		ann[c.ID] = string(raw)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	groups, err := ix.Groups(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var gs []string
	for _, g := range groups {
		raw, _ := json.Marshal(g)
		gs = append(gs, string(raw))
	}
	slices.Sort(gs)
	return ann, gs
}

// TestCrosscheckIncrementalMatchesRebuild ingests the multi-outlet
// evaluation set and the sample in several runs, each analysing only what
// it added (and a replaced document), and compares the result with a full
// analysis of the same index.
func TestCrosscheckIncrementalMatchesRebuild(t *testing.T) {
	x := extractor(t)
	var files []string
	for _, pat := range []string{"../testdata/crosscheck/*.*", "../testdata/sample/*"} {
		ms, _ := filepath.Glob(pat)
		for _, m := range ms {
			if filepath.Ext(m) != ".json" {
				files = append(files, m)
			}
		}
	}
	if len(files) < 15 {
		t.Fatalf("found %d test articles", len(files))
	}
	copies := copyFiles(t, files)
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// Three runs of interleaved thirds, so that stories grow across runs.
	for r := range 3 {
		var batch []string
		for i, p := range copies {
			if i%3 == r {
				batch = append(batch, p)
			}
		}
		rep, err := Run(t.Context(), Config{Workers: 2}, batch, x, ix)
		if err != nil {
			t.Fatal(err)
		}
		if c := rep.Crosscheck; c == nil || (r > 0 && c.Full) || c.Pending != len(batch) {
			t.Fatalf("run %d: analysis %+v, want an incremental one of %d pending documents", r, c, len(batch))
		}
	}
	// A replaced document: one outlet corrects its figure.
	data, err := os.ReadFile(copies[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copies[0], append(data, []byte("\n\nCorrection: an earlier version misstated a date.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(t.Context(), Config{}, copies[:1], x, ix); err != nil {
		t.Fatal(err)
	}
	incAnn, incGroups := crossState(t, ix)
	if len(incGroups) < 5 {
		t.Fatalf("incremental analysis stored %d conflict groups, want the set's", len(incGroups))
	}
	rep := matchesRebuild(t, ix, incAnn, incGroups)
	if rep.Updated != 0 {
		t.Errorf("the full analysis rewrote %d claims after the incremental ones, want 0", rep.Updated)
	}
	if pending, err := ix.PendingDocs(t.Context()); err != nil || len(pending) != 0 {
		t.Errorf("pending after analysis: %d, %v", len(pending), err)
	}
}

// TestCrosscheckInterruptedResumes: an analysis stopped before it wrote
// its results leaves the changed documents pending, says so, and the next
// call (any later ingest, or `claimdex conflicts`) brings the results to
// those of a full analysis: nothing stays stale.
func TestCrosscheckInterruptedResumes(t *testing.T) {
	x := extractor(t)
	ms, _ := filepath.Glob("../testdata/sample/*")
	paths := copyFiles(t, ms)
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := Run(t.Context(), Config{}, paths, x, ix); err != nil {
		t.Fatal(err)
	}
	_, before := crossState(t, ix)
	if len(before) == 0 {
		t.Fatal("the sample gave no conflict groups")
	}
	// One outlet corrects its budget figure to agree with the others;
	// its analysis is interrupted.
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(paths[0], append(data, []byte("\n\nThe agreement was welcomed by the river commission.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(t.Context(), Config{NoCrosscheck: true}, paths[:1], x, ix); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Crosscheck(cancelled, ix, nil); err == nil {
		t.Fatal("an analysis on a cancelled context reported success")
	}
	if pending, err := ix.PendingDocs(t.Context()); err != nil || len(pending) != 1 {
		t.Fatalf("after the interruption %d documents pending (%v), want 1", len(pending), err)
	}
	rep, err := Crosscheck(t.Context(), ix, nil)
	if err != nil || rep == nil || rep.Pending != 1 {
		t.Fatalf("resumed analysis: %+v, %v; want one pending document analysed", rep, err)
	}
	incAnn, incGroups := crossState(t, ix)
	matchesRebuild(t, ix, incAnn, incGroups)
}

// copyFiles copies files into a temporary directory (so that a test may
// change them) and returns the copies' paths.
func copyFiles(t *testing.T, files []string) []string {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// TestCrosscheckAfterRemove: a document removed from the index (as when a
// file moves to its absolute-path id) marks the rest of its story
// pending, so no stored group goes on naming its claims.
func TestCrosscheckAfterRemove(t *testing.T) {
	x := extractor(t)
	ms, _ := filepath.Glob("../testdata/sample/*")
	paths := copyFiles(t, ms)
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := Run(t.Context(), Config{}, paths, x, ix); err != nil {
		t.Fatal(err)
	}
	var gone index.DocRecord
	err = ix.EachDoc(t.Context(), func(r index.DocRecord) error {
		if gone.ID == "" && strings.HasSuffix(r.Location, "valmora-herald.html") {
			gone = r
		}
		return nil
	})
	if err != nil || gone.ID == "" || gone.Story == "" {
		t.Fatalf("analysed record of the Valmora page: %+v, %v", gone, err)
	}
	w := ix.NewWriter(0)
	if err := w.Remove(gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if pending, err := ix.PendingDocs(t.Context()); err != nil || len(pending) != 2 {
		t.Fatalf("after the removal %d documents pending (%v), want the story's other 2", len(pending), err)
	}
	if _, err := Crosscheck(t.Context(), ix, nil); err != nil {
		t.Fatal(err)
	}
	incAnn, incGroups := crossState(t, ix)
	for _, g := range incGroups {
		for _, id := range gone.Claims {
			if strings.Contains(g, `"`+id+`"`) {
				t.Errorf("a group still names claim %s of the removed document: %s", id, g)
			}
		}
	}
	matchesRebuild(t, ix, incAnn, incGroups)
}

// matchesRebuild runs a full analysis of ix and fails the test unless it
// gives the annotations and groups the incremental analyses left.
func matchesRebuild(t *testing.T, ix *index.Index, incAnn map[string]string, incGroups []string) *CrosscheckReport {
	t.Helper()
	rep, err := Rebuild(t.Context(), ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	fullAnn, fullGroups := crossState(t, ix)
	if diff := cmp.Diff(fullGroups, incGroups); diff != "" {
		t.Errorf("groups: incremental differs from full (-full +incremental):\n%s", diff)
	}
	if diff := cmp.Diff(fullAnn, incAnn); diff != "" {
		t.Errorf("annotations: incremental differs from full (-full +incremental):\n%s", diff)
	}
	return rep
}
