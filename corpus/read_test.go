package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a/z.md", "a/c.html", ".hidden.txt", ".git/config", "a/.cache/x.txt", "notes.json"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing.txt")
	var got []string
	var errs []error
	err := Walk(t.Context(), []string{dir, "-", missing, filepath.Join(dir, "b.txt")}, func(loc string, err error) error {
		rel := strings.TrimPrefix(filepath.ToSlash(loc), filepath.ToSlash(dir)+"/")
		got = append(got, rel)
		if err != nil {
			errs = append(errs, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a/c.html", "a/z.md", "b.txt", "notes.json", "-", "missing.txt", "b.txt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk order (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) || !strings.Contains(errs[0].Error(), missing) {
		t.Errorf("errors = %v, want one not-exist error naming %s", errs, missing)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := Walk(t.Context(), []string{dir}, func(string, error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Walk = %v after %d calls, want stop after 2", err, n)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	n = 0
	err = Walk(ctx, []string{dir}, func(string, error) error { n++; return nil })
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("cancelled Walk = %v after %d calls", err, n)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		loc     string
		stdin   string
		limit   int64
		want    string
		wantErr error
	}{
		{"file", path, "", 10, "0123456789", nil},
		{"file too large", path, "", 9, "", ErrTooLarge},
		{"stdin", "-", "hello", 5, "hello", nil},
		{"stdin too large", "-", "hello!", 5, "", ErrTooLarge},
		{"default limit", "-", "hi", 0, "hi", nil},
		{"missing", filepath.Join(dir, "nope"), "", 10, "", fs.ErrNotExist},
		{"directory", dir, "", 10, "", errIsDir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.loc, strings.NewReader(tt.stdin), tt.limit)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.loc) {
					t.Fatalf("Read = %q, %v; want error %v naming %s", got, err, tt.wantErr, tt.loc)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("Read = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// "claimdex ingest ." beside the index must not read the index's own
// files as documents.
func TestWalkSkipsIndexDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"story.txt", "claimdex.bleve/index_meta.json", "claimdex.bleve/store/000000000003.zap", "other.bleve/index_meta.json", "other.bleve/store/root.bolt", "notes/index_meta.json"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := Walk(t.Context(), []string{dir}, func(loc string, err error) error {
		rel, _ := filepath.Rel(dir, loc)
		got = append(got, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"notes/index_meta.json", "story.txt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walked (-want +got):\n%s", diff)
	}
}
