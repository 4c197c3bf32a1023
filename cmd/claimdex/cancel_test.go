package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// cancellingReader cancels the run when a worker reaches standard input,
// so the interrupt lands at a known point in the middle of the inputs.
type cancellingReader struct{ cancel context.CancelFunc }

func (r cancellingReader) Read([]byte) (int, error) {
	r.cancel()
	return 0, io.EOF
}

// TestIngestInterrupted stops "claimdex ingest" in the middle of its inputs
// (as Ctrl-C does) and checks the contract: exit status 1 with one line on
// stderr, a summary marked interrupted, an index that opens afterwards and
// holds only whole documents; a second ingest completes the job.
func TestIngestInterrupted(t *testing.T) {
	tmp := t.TempDir()
	before := writeArticles(t, filepath.Join(tmp, "a"), 12)
	after := writeArticles(t, filepath.Join(tmp, "b"), 40)
	ixPath := filepath.Join(tmp, "claims.bleve")

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"ingest", "--index", ixPath, "--workers", "2", "--batch", "5",
		filepath.Join(tmp, "a"), "-", filepath.Join(tmp, "b")}, cancellingReader{cancel}, &stdout, &stderr)
	if code != cli.ExitFatal {
		t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, cli.ExitFatal, stdout.String(), stderr.String())
	}
	if got := stderr.String(); !strings.HasPrefix(got, "claimdex: ingest interrupted") || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr = %q, want one line saying the ingest was interrupted", got)
	}
	if !strings.Contains(stdout.String(), "\ninterrupted: ") {
		t.Errorf("summary does not say the run was interrupted:\n%s", stdout.String())
	}

	ix, err := index.Open(ixPath)
	if err != nil {
		t.Fatalf("index does not open after the interrupt: %v", err)
	}
	all := append(slices.Clone(before), after...)
	n := wholeDocuments(t, ix, all)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if n == len(all) {
		t.Fatalf("all %d documents went in: the interrupt did not stop the run", n)
	}
	if want := fmt.Sprintf("\nadded      %d\n", n); !strings.Contains(stdout.String(), want) {
		t.Errorf("summary does not count the %d documents in the index:\n%s", n, stdout.String())
	}

	stdout.Reset()
	stderr.Reset()
	code = run(t.Context(), []string{"ingest", "--index", ixPath, filepath.Join(tmp, "a"), filepath.Join(tmp, "b")},
		strings.NewReader(""), &stdout, &stderr)
	if code != cli.ExitOK {
		t.Fatalf("second ingest: exit status %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if want := fmt.Sprintf("\nadded      %d\nunchanged  %d (skipped)\n", len(all)-n, n); !strings.Contains(stdout.String(), want) {
		t.Errorf("second ingest summary lacks %q:\n%s", want, stdout.String())
	}
	ix, err = index.Open(ixPath)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := wholeDocuments(t, ix, all); got != len(all) {
		t.Errorf("%d documents in the index after the second ingest, want %d", got, len(all))
	}
}

// writeArticles writes n short distinct articles in dir.
func writeArticles(t *testing.T, dir string, n int) []string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range n {
		text := fmt.Sprintf("Ferry route %[1]d gets new timetable\n\nThe ferry company Fjordline %[2]s said on Monday that route %[1]d would carry %[3]d passengers a day from 1 April 2026.\n\nTickets will cost $%[4]d, up from $%[5]d last year, company director Ola Strand said.\n",
			i, filepath.Base(dir), 300+11*i, 20+i, 15+i)
		p := filepath.Join(dir, fmt.Sprintf("route-%03d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// wholeDocuments checks that each of paths is either absent from ix or
// present with exactly the claims its record lists, and that no claim
// belongs to no document. It returns the number present.
func wholeDocuments(t *testing.T, ix *index.Index, paths []string) int {
	t.Helper()
	byDoc := map[string][]string{}
	err := ix.Export(t.Context(), index.Query{}, func(c extract.Claim) error {
		byDoc[c.DocID] = append(byDoc[c.DocID], c.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	present := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.Clean(p, data, corpus.Options{})
		if err != nil {
			t.Fatalf("clean %s: %v", p, err)
		}
		rec, ok, err := ix.Doc(doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.Sorted(slices.Values(byDoc[doc.ID]))
		delete(byDoc, doc.ID)
		if !ok {
			if len(got) != 0 {
				t.Errorf("%s: %d claims without a document record", p, len(got))
			}
			continue
		}
		present++
		if want := slices.Sorted(slices.Values(rec.Claims)); !slices.Equal(want, got) {
			t.Errorf("%s: record lists %d claims, index holds %d", p, len(want), len(got))
		}
	}
	for id, ids := range byDoc {
		t.Errorf("%d claims of unknown document %s", len(ids), id)
	}
	return present
}
