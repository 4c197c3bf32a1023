package index

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/google/go-cmp/cmp"
)

func TestOpenCreates(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string) string
	}{
		{"missing path", func(t *testing.T, dir string) string { return filepath.Join(dir, "new.bleve") }},
		{"missing parents", func(t *testing.T, dir string) string { return filepath.Join(dir, "a", "b", "ix") }},
		{"empty directory", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "empty")
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			return p
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.prepare(t, t.TempDir())
			ix, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			w := ix.NewWriter(10)
			rec, claims := northwire()
			mustPut(t, w, rec, claims, Added)
			if err := ix.Close(); err != nil { // flushes w
				t.Fatalf("Close: %v", err)
			}
			ix, err = Open(path)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer ix.Close()
			if diff := cmp.Diff([]string{"c1", "c2", "c3"}, exportIDs(t, ix, Query{})); diff != "" {
				t.Errorf("claims after reopen (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string) string
	}{
		{"file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "claims.jsonl")
			if err := os.WriteFile(p, []byte("{}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{"directory of other files", func(t *testing.T, dir string) string {
			if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hello"), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}},
		{"corrupt meta beside other files", func(t *testing.T, dir string) string {
			if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hello"), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.prepare(t, t.TempDir())
			ix, err := Open(path)
			if err == nil {
				ix.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrNotIndex) {
				t.Errorf("Open error %v does not wrap ErrNotIndex", err)
			}
		})
	}
}

func TestOpenForeignBleveIndex(t *testing.T) {
	// A Bleve index without our mapping version is refused.
	path := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.b.SetInternal(internalVersionKey, []byte("someone-else")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrNotIndex) {
		t.Errorf("Open error = %v, want ErrNotIndex", err)
	}
}

func TestOpenTwiceFails(t *testing.T) {
	// Bleve locks the directory; a second opener gets ErrLocked after a
	// short wait, not a hang and not a second writer on the same files.
	old := lockTimeout
	lockTimeout = 50 * time.Millisecond
	t.Cleanup(func() { lockTimeout = old })
	path := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	other, err := Open(path)
	if err == nil {
		other.Close()
		t.Fatal("second Open of a locked index succeeded")
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("second Open error = %v, want ErrLocked", err)
	}
}

func TestDoc(t *testing.T) {
	ix, _ := loaded(t)
	rec, ok, err := ix.Doc("d-harbor")
	if err != nil || !ok {
		t.Fatalf("Doc = %v, %v", ok, err)
	}
	fixture, _ := harbor()
	want := DocRecord{ID: "d-harbor", Location: "https://harbor.example/fund", Source: "Harbor Ledger", Hash: "h-harbor-1",
		Claims: []string{"c4", "c5", "c6"}, Entities: fixture.Entities, Pending: true}
	if rec.Profile == nil || rec.Profile.Doc != "d-harbor" {
		t.Errorf("record profile = %+v, want one of d-harbor", rec.Profile)
	}
	rec.Profile = nil
	if diff := cmp.Diff(want, rec); diff != "" {
		t.Errorf("Doc (-want +got):\n%s", diff)
	}
	if _, ok, err := ix.Doc("nope"); ok || err != nil {
		t.Errorf("Doc(missing) = %v, %v", ok, err)
	}
	// A claim id is not a document.
	if _, ok, err := ix.Doc("c4"); ok || err != nil {
		t.Errorf("Doc(claim id) = %v, %v", ok, err)
	}
}

// TestFlushCloseReopen: what was flushed and what was pending at Close
// both survive, and every record's claims are all there.
func TestFlushCloseReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(1000)
	rec, claims := northwire()
	mustPut(t, w, rec, claims, Added)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rec2, claims2 := harbor()
	mustPut(t, w, rec2, claims2, Added)
	// Replace the flushed document while the other is pending.
	rec.Hash = "h-north-2"
	mustPut(t, w, rec, claims[:1], Replaced)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}

	ix, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	got := exportIDs(t, ix, Query{})
	if diff := cmp.Diff([]string{"c1", "c4", "c5", "c6"}, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
	var fromRecords []string
	for _, id := range []string{"d-harbor", "d-north"} {
		r, ok, err := ix.Doc(id)
		if err != nil || !ok {
			t.Fatalf("Doc(%s) = %v, %v", id, ok, err)
		}
		fromRecords = append(fromRecords, r.Claims...)
	}
	if diff := cmp.Diff([]string{"c4", "c5", "c6", "c1"}, fromRecords); diff != "" {
		t.Errorf("record claims (-want +got):\n%s", diff)
	}
	// Re-putting the same content after reopening changes nothing.
	w = ix.NewWriter(10)
	mustPut(t, w, rec2, claims2, Unchanged)
	mustPut(t, w, DocRecord{ID: "copy", Location: "copy.txt", Hash: rec2.Hash}, claims2, Duplicate)
}

// What a process killed while creating an index leaves behind holds no
// data: Open recreates the index instead of failing on it for good.
func TestOpenRecreatesHalfCreated(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
	}{
		{"meta half written", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"meta and an empty store", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(filepath.Join(dir, "store"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"index without its mapping version", func(t *testing.T, dir string) {
			m, err := buildMapping()
			if err != nil {
				t.Fatal(err)
			}
			b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ix")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			tt.prepare(t, dir)
			ix, err := Open(dir)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			rec, claims := numbered("d", "h", 2)
			w := ix.NewWriter(10)
			mustPut(t, w, rec, claims, Added)
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			ix, err = Open(dir)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer ix.Close()
			if got := len(exportIDs(t, ix, Query{})); got != 2 {
				t.Errorf("%d claims after reopening, want 2", got)
			}
		})
	}
}

// Creation goes through a temporary directory: none is left beside the
// index, and the index is complete once it appears.
func TestCreateLeavesNoTemporary(t *testing.T) {
	parent := t.TempDir()
	ix, err := Open(filepath.Join(parent, "ix"))
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "ix" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("parent holds %v, want only the index", names)
	}
}
