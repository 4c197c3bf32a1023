package index

import (
	"path/filepath"
	"testing"
)

// TestDocText: the text given to Put is kept beside the index, outlives
// a reopen, follows a replacement (a large one too) and goes with Remove.
func TestDocText(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(3)
	put := func(rec DocRecord, ids ...string) {
		t.Helper()
		if _, _, err := w.Put(rec, claimsWithIDs(rec.ID, ids)); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	want := func(ix *Index, id, text string, found bool) {
		t.Helper()
		got, ok, err := ix.DocText(id)
		if err != nil || ok != found || got != text {
			t.Errorf("DocText(%s) = %q, %v, %v; want %q, %v", id, got, ok, err, text, found)
		}
		if rec, _, _ := ix.Doc(id); rec.Text != "" {
			t.Errorf("record of %s holds the text", id)
		}
	}
	want(ix, "A", "", false) // before the store exists
	put(DocRecord{ID: "A", Location: "a", Hash: "1", Text: "First text."}, "a-1")
	put(DocRecord{ID: "B", Location: "b", Hash: "2", Text: "Large text."}, "b-1", "b-2", "b-3", "b-4")
	want(ix, "A", "First text.", true)
	want(ix, "B", "Large text.", true)
	put(DocRecord{ID: "A", Location: "a", Hash: "3", Text: "Second text."}, "a-2")
	want(ix, "A", "Second text.", true)
	if err := w.Remove("B"); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want(ix, "B", "", false)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	want(ix, "A", "Second text.", true)
}
