package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// These tests run the real corpus, extract and index packages.

var sharedExtractor = sync.OnceValues(extract.New)

func extractor(t *testing.T) *extract.Extractor {
	t.Helper()
	x, err := sharedExtractor()
	if err != nil {
		t.Fatalf("load extractor: %v", err)
	}
	return x
}

// writeArticles writes n short, distinct articles under dir and returns
// their paths in walk (lexical) order.
func writeArticles(t *testing.T, dir string, n int) []string {
	t.Helper()
	towns := []string{"Vesterhavn", "Lindås", "Tromsvik", "Skarvøy", "Fossby", "Halvik"}
	var paths []string
	for i := range n {
		town := towns[i%len(towns)]
		text := fmt.Sprintf(`Council of %[1]s approves budget number %[2]d

The council of %[1]s approved a budget of $%[3]d million on 3 March 2026, Mayor Karin Holt said on Tuesday.

The plan includes %[4]d new homes and a school that is due to open in 2028, according to the council's finance committee.

"We have waited %[5]d years for this," Holt told reporters in %[1]s.
`, town, i, 10+i, 100+7*i, 2+i%9)
		p := filepath.Join(dir, fmt.Sprintf("article-%03d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// exported returns the claim ids in ix, grouped by document id.
func exported(t *testing.T, ix *index.Index) map[string][]string {
	t.Helper()
	byDoc := map[string][]string{}
	err := ix.Export(context.Background(), index.Query{}, func(c extract.Claim) error {
		byDoc[c.DocID] = append(byDoc[c.DocID], c.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return byDoc
}

// checkWhole checks that every document recorded in ix has exactly its
// claims in the index and every claim belongs to a recorded document; it
// returns the number of documents recorded among paths.
func checkWhole(t *testing.T, ix *index.Index, paths []string) int {
	t.Helper()
	byDoc := exported(t, ix)
	recorded := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.Clean(p, data, corpus.Options{Identity: corpus.LocalIdentity(p)})
		if err != nil {
			t.Fatalf("clean %s: %v", p, err)
		}
		rec, ok, err := ix.Doc(doc.ID)
		if err != nil {
			t.Fatalf("doc %s: %v", p, err)
		}
		got := slices.Sorted(slices.Values(byDoc[doc.ID]))
		delete(byDoc, doc.ID)
		if !ok {
			if len(got) > 0 {
				t.Errorf("%s: %d claims in the index but no document record", p, len(got))
			}
			continue
		}
		recorded++
		want := slices.Sorted(slices.Values(rec.Claims))
		if !slices.Equal(want, got) {
			t.Errorf("%s: record lists %d claims, index holds %d: half-written document", p, len(want), len(got))
		}
	}
	for id, claims := range byDoc {
		t.Errorf("%d orphan claims of document %s", len(claims), id)
	}
	return recorded
}

func TestRunIndex(t *testing.T) {
	x := extractor(t)
	dir := t.TempDir()
	paths := writeArticles(t, dir, 12)
	if err := os.WriteFile(filepath.Join(dir, "zz-empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	rep, err := Run(t.Context(), Config{Workers: 3}, []string{dir}, x, ix)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Read != 13 || rep.Added != 12 || len(rep.Failures) != 1 || rep.Claims == 0 {
		t.Fatalf("report %+v: want 13 read, 12 added, 1 failed, some claims", rep)
	}
	if f := rep.Failures[0]; f.Location != filepath.Join(dir, "zz-empty.txt") || !errors.Is(errFromReason(f), corpus.ErrEmpty) {
		t.Errorf("failure %+v: want the empty file with an empty-document reason", f)
	}
	if n := checkWhole(t, ix, paths); n != 12 {
		t.Errorf("%d documents recorded, want 12", n)
	}
	total := 0
	for _, ids := range exported(t, ix) {
		total += len(ids)
	}
	if total != rep.Claims {
		t.Errorf("index holds %d claims, report says %d were written", total, rep.Claims)
	}

	again, err := Run(t.Context(), Config{Workers: 2}, []string{dir}, x, ix)
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 12 || again.Added+again.Replaced != 0 || again.Claims != 0 {
		t.Errorf("re-ingest report %+v: want 12 unchanged and nothing written", again)
	}
}

// errFromReason maps a failure reason back to the sentinel it names.
func errFromReason(f Failure) error {
	for _, e := range []error{corpus.ErrEmpty, corpus.ErrBinary, corpus.ErrTooLarge, corpus.ErrNoContent, corpus.ErrNotText} {
		if strings.Contains(f.Reason, e.Error()) {
			return e
		}
	}
	return errors.New(f.Reason)
}

// TestRunCancelOnDisk interrupts a run on an index on disk, then reopens
// the index and checks that it holds whole documents only, as many as the
// report counts; a second run completes the job.
func TestRunCancelOnDisk(t *testing.T) {
	x := extractor(t)
	dir := t.TempDir()
	paths := writeArticles(t, dir, 80)
	ixPath := filepath.Join(t.TempDir(), "claims.bleve")
	ix, err := index.Open(ixPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	cfg := Config{Workers: 2, BatchSize: 7, ProgressEvery: time.Millisecond, Progress: func(p Progress) {
		if p.Docs >= 5 {
			cancel()
		}
	}}
	rep, err := Run(ctx, cfg, []string{dir}, x, ix)
	if !errors.Is(err, context.Canceled) || !rep.Interrupted {
		t.Fatalf("Run = %v (interrupted %v), want context.Canceled", err, rep.Interrupted)
	}
	if rep.Read == 0 || rep.Read >= len(paths) {
		t.Fatalf("read %d of %d documents: the cancellation did not land mid-run", rep.Read, len(paths))
	}
	if err := ix.Close(); err != nil {
		t.Fatalf("close after interrupt: %v", err)
	}

	ix, err = index.Open(ixPath)
	if err != nil {
		t.Fatalf("reopen after interrupt: %v", err)
	}
	defer ix.Close()
	if n := checkWhole(t, ix, paths); n != rep.Added {
		t.Errorf("index records %d documents, the interrupted report counts %d", n, rep.Added)
	}

	rest, err := Run(t.Context(), Config{Workers: 2}, []string{dir}, x, ix)
	if err != nil {
		t.Fatal(err)
	}
	if rest.Added != len(paths)-rep.Added || rest.Unchanged != rep.Added {
		t.Errorf("second run added %d and left %d unchanged, want %d and %d", rest.Added, rest.Unchanged, len(paths)-rep.Added, rep.Added)
	}
	if n := checkWhole(t, ix, paths); n != len(paths) {
		t.Errorf("%d documents recorded after the second run, want %d", n, len(paths))
	}
}

// A local document is identified by its absolute path: a different file
// at the same relative path, ingested from another directory, is another
// document; the same file named by a relative and an absolute path is one.
func TestRunLocalIdentity(t *testing.T) {
	x := extractor(t)
	root := t.TempDir()
	for i, d := range []string{"north", "south"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprintf("The %s depot opened on 3 March 2026 at a cost of $%d million, the transit board said.\n", d, 10+i)
		if err := os.WriteFile(filepath.Join(root, d, "story.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ingest := func(dir, input string) *Report {
		t.Helper()
		t.Chdir(dir)
		rep, err := Run(t.Context(), Config{Workers: 1}, []string{input}, x, ix)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := ingest(filepath.Join(root, "north"), "story.txt"); rep.Added != 1 {
		t.Fatalf("north/story.txt: %+v, want added", rep)
	}
	if rep := ingest(filepath.Join(root, "south"), "story.txt"); rep.Added != 1 || rep.Replaced != 0 {
		t.Errorf("south/story.txt as story.txt: %+v, want a second document, not a replacement", rep)
	}
	if rep := ingest(root, filepath.Join(root, "south", "story.txt")); rep.Unchanged != 1 || len(rep.Duplicates) != 0 {
		t.Errorf("south/story.txt by its absolute path: %+v, want unchanged, not a duplicate", rep)
	}
	if rep := ingest(root, "./north/../north/story.txt"); rep.Unchanged != 1 || len(rep.Duplicates) != 0 {
		t.Errorf("north/story.txt by an unclean path: %+v, want unchanged", rep)
	}
	if n := len(exported(t, ix)); n != 2 {
		t.Errorf("index holds claims of %d documents, want 2", n)
	}
}

// An index written when documents were identified by the path as typed
// holds a file under that id; ingesting it again moves it to its new id
// rather than calling it a duplicate of itself.
func TestRunLegacyIdentity(t *testing.T) {
	x := extractor(t)
	dir := t.TempDir()
	t.Chdir(dir)
	text := "The ferry fare rises to $4 on 1 May 2026, the harbour office said.\n"
	if err := os.WriteFile("fare.txt", []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	old, err := corpus.Clean("fare.txt", []byte(text), corpus.Options{}) // the id as typed
	if err != nil {
		t.Fatal(err)
	}
	claims := x.Claims(old)
	ids := []string{}
	for _, c := range claims {
		ids = append(ids, c.ID)
	}
	w := ix.NewWriter(100)
	if _, _, err := w.Put(index.DocRecord{ID: old.ID, Location: "fare.txt", Hash: old.Hash, Claims: ids}, claims); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rep, err := Run(t.Context(), Config{Workers: 1}, []string{"fare.txt"}, x, ix)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Duplicates) != 0 || rep.Added != 1 {
		t.Errorf("re-ingest of a file under its old id: %+v, want it added under its new id, no duplicate", rep)
	}
	if _, found, _ := ix.Doc(old.ID); found {
		t.Errorf("the record under the old id is still there")
	}
	if n := len(exported(t, ix)); n != 1 {
		t.Errorf("index holds claims of %d documents, want 1", n)
	}
}
