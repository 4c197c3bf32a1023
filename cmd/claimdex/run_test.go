package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
	"github.com/claimdex/claimdex/server"
)

func TestWriteSearchJSON(t *testing.T) {
	res := &index.Result{
		Total: 3,
		Hits: []index.Hit{{
			Score: 1.25,
			Claim: extract.Claim{ID: "c1", Text: "The fund holds $50 billion.", Kind: extract.KindSentence},
		}},
		Facets: map[string][]index.FacetCount{"source": {{Term: "Kyiv Ledger", Count: 3}}},
	}
	tests := []struct {
		name   string
		res    *index.Result
		facets bool
		want   string
	}{
		{"hit without facets", res, false, `{"total":3,"hits":[{"score":1.25,"claim":{"id":"c1","doc_id":"","location":"","source":"","title":"","published":"","text":"The fund holds $50 billion.","kind":"sentence","section":"","speaker":"","score":0,"entities":[],"dates":[],"money":[],"quantities":[],"offset":{"start":0,"end":0},"corroborations":0,"conflicts":[]},"highlights":[]}]}`},
		{"facets always list the three", res, true, `{"total":3,"hits":[{"score":1.25,"claim":{"id":"c1","doc_id":"","location":"","source":"","title":"","published":"","text":"The fund holds $50 billion.","kind":"sentence","section":"","speaker":"","score":0,"entities":[],"dates":[],"money":[],"quantities":[],"offset":{"start":0,"end":0},"corroborations":0,"conflicts":[]},"highlights":[]}],"facets":{"entity":[],"kind":[],"source":[{"term":"Kyiv Ledger","count":3}]}}`},
		{"empty result", &index.Result{}, false, `{"total":0,"hits":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := cli.WriteJSON(&b, server.NewSearchResult(tt.res, tt.facets, false), "result"); err != nil {
				t.Fatal(err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, b.Bytes()); err != nil {
				t.Fatalf("invalid JSON: %v\n%s", err, b.String())
			}
			if diff := cmp.Diff(tt.want, compact.String()); diff != "" {
				t.Errorf("JSON (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	failing := writeFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte("half"))
		return context.Canceled
	})
	if failing != context.Canceled {
		t.Fatalf("error = %v, want the writer's error", failing)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("after a failed write the file holds %q, want the old content", got)
	}
	if err := writeFileAtomic(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("file holds %q, want %q", got, "new")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the output (no temporary files left)", len(entries))
	}
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStderr string
	}{
		{"no command", nil, cli.ExitUsage, "claimdex: no command given"},
		{"unknown command", []string{"frobnicate"}, cli.ExitUsage, `claimdex: unknown command "frobnicate"`},
		{"help", []string{"help"}, cli.ExitOK, ""},
		{"command help", []string{"help", "export"}, cli.ExitOK, ""},
		{"usage error", []string{"search", "--limit", "-3"}, cli.ExitUsage, "claimdex search: --limit and --offset must be 0 or more"},
		{"missing index", []string{"conflicts", "--index", filepath.Join(t.TempDir(), "none")}, cli.ExitFatal, "claimdex: no index at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(t.Context(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if got != tt.want {
				t.Errorf("exit status %d, want %d (stderr %q)", got, tt.want, stderr.String())
			}
			if !strings.HasPrefix(stderr.String(), tt.wantStderr) || (tt.wantStderr != "" && strings.Count(stderr.String(), "\n") != 1) {
				t.Errorf("stderr = %q, want one line starting with %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}

// Mistakes in a search are usage errors (exit 2) with one line saying
// what is wrong, whatever part of the query holds them; a locked index
// is named once.
func TestSearchRefuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	var stdout, stderr bytes.Buffer
	if got := run(t.Context(), []string{"ingest", "--index", dir, filepath.Join("..", "..", "testdata", "sample")}, nil, &stdout, &stderr); got != cli.ExitOK {
		t.Fatalf("ingest: exit %d: %s", got, stderr.String())
	}
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"unknown kind", []string{"--kind", "bogus", "fund"}, `claimdex search: --kind "bogus"`},
		{"bad regular expression", []string{"/[/"}, "claimdex search: invalid query"},
		{"offset near the int maximum", []string{"--offset", "9223372036854775000", "fund"}, "claimdex search: invalid query"},
		{"one 100 KB word", []string{strings.Repeat("x", 100_000)}, "claimdex search: invalid query"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"search", "--index", dir}, tt.args...)
			if got := run(t.Context(), args, nil, &stdout, &stderr); got != cli.ExitUsage {
				t.Errorf("exit %d, want %d (stderr %q)", got, cli.ExitUsage, stderr.String())
			}
			if !strings.HasPrefix(stderr.String(), tt.wantStderr) || strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("stderr = %q, want one line starting with %q", stderr.String(), tt.wantStderr)
			}
		})
	}
	t.Run("locked", func(t *testing.T) {
		ix, err := index.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		var stdout, stderr bytes.Buffer
		if got := run(t.Context(), []string{"search", "--index", dir, "fund"}, nil, &stdout, &stderr); got != cli.ExitFatal {
			t.Errorf("exit %d, want %d", got, cli.ExitFatal)
		}
		if n := strings.Count(stderr.String(), "open index"); n != 1 || !strings.Contains(stderr.String(), "in use") {
			t.Errorf("stderr = %q, want the index named once and said to be in use", stderr.String())
		}
	})
}

// A --failed file lists every failed name so that "ingest @FILE" reads
// back exactly those names, line breaks and " #" included.
func TestWriteFailedReadsBack(t *testing.T) {
	dir := t.TempDir()
	names := []string{"plain.txt", "two\nlines.txt", "notes #1.txt", "#first.txt"}
	rep := &pipeline.Report{}
	for _, n := range names {
		rep.Failures = append(rep.Failures, pipeline.Failure{Location: filepath.Join(dir, n), Reason: "unreadable"})
	}
	list := filepath.Join(dir, "retry.txt")
	if err := writeFailed(list, rep); err != nil {
		t.Fatal(err)
	}
	// Re-ingesting the list fails each name again, by its exact name.
	var stdout, stderr bytes.Buffer
	got := run(t.Context(), []string{"ingest", "--index", filepath.Join(dir, "ix"), "--format", "json", "@" + list}, nil, &stdout, &stderr)
	if got != exitPartial {
		t.Fatalf("exit %d, want %d: %s", got, exitPartial, stderr.String())
	}
	var out struct {
		Failures []pipeline.Failure `json:"failures"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	var locs []string
	for _, f := range out.Failures {
		locs = append(locs, strings.TrimPrefix(f.Location, dir+string(filepath.Separator)))
	}
	if diff := cmp.Diff(names, locs); diff != "" {
		t.Errorf("names read back from the --failed list (-want +got):\n%s", diff)
	}
}
