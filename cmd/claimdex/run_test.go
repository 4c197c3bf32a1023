package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantPos   []string
		wantLimit int
		wantSrc   []string
	}{
		{"flags first", []string{"--limit", "3", "fund"}, []string{"fund"}, 3, nil},
		{"flags after words", []string{"reconstruction", "fund", "-limit=4"}, []string{"reconstruction", "fund"}, 4, nil},
		{"interleaved repeatable", []string{"--source", "A", "fund", "--source=B", "size"}, []string{"fund", "size"}, 10, []string{"A", "B"}},
		{"double dash ends flags", []string{"--limit", "2", "--", "-minus", "--limit"}, []string{"-minus", "--limit"}, 2, nil},
		{"stdin dash is an argument", []string{"-", "--limit", "1"}, []string{"-"}, 1, nil},
		{"nothing", nil, nil, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			limit := fs.Int("limit", 10, "")
			var src stringsFlag
			fs.Var(&src, "source", "")
			e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
			pos, err := parseFlags(e, fs, "help", tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantPos, pos); diff != "" {
				t.Errorf("positional arguments (-want +got):\n%s", diff)
			}
			if *limit != tt.wantLimit {
				t.Errorf("limit = %d, want %d", *limit, tt.wantLimit)
			}
			if diff := cmp.Diff(tt.wantSrc, []string(src)); diff != "" {
				t.Errorf("sources (-want +got):\n%s", diff)
			}
			if e.log == nil {
				t.Error("logger not set up")
			}
		})
	}
}

func TestParseFlagsErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantHelp bool
		wantMsg  string
	}{
		{"help", []string{"x", "--help"}, true, ""},
		{"short help", []string{"-h"}, true, ""},
		{"unknown flag", []string{"--nope"}, false, "flag provided but not defined: -nope"},
		{"bad value", []string{"--limit", "x"}, false, `invalid value "x" for flag -limit`},
		{"missing value", []string{"q", "--limit"}, false, "flag needs an argument: -limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.Int("limit", 10, "at most `N` hits")
			var out bytes.Buffer
			e := &env{stdout: &out, stderr: &bytes.Buffer{}}
			_, err := parseFlags(e, fs, "Usage: t [flags]", tt.args)
			if tt.wantHelp {
				if err != errHelpShown {
					t.Fatalf("err = %v, want errHelpShown", err)
				}
				if !strings.Contains(out.String(), "Usage: t [flags]") || !strings.Contains(out.String(), "--limit N") {
					t.Errorf("help output lacks the usage or the flags:\n%s", out.String())
				}
				return
			}
			ue, ok := err.(*usageError)
			if !ok {
				t.Fatalf("err = %#v, want a *usageError", err)
			}
			if !strings.Contains(ue.msg, tt.wantMsg) {
				t.Errorf("message %q does not contain %q", ue.msg, tt.wantMsg)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"2025-12-22", time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC), false},
		{"2026-01", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"2026", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{" 2025-12-22 ", time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC), false},
		{"2025-12-22T10:30:00Z", time.Date(2025, 12, 22, 10, 30, 0, 0, time.UTC), false},
		{"22/12/2025", time.Time{}, true},
		{"yesterday", time.Time{}, true},
		{"2025-13-01", time.Time{}, true},
		{"", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if !got.Equal(tt.want) {
				t.Errorf("parseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestUntilCoversPeriod(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026", "2026-12-31"},
		{"2026-02", "2026-02-28"},
		{"2024-02", "2024-02-29"},
		{"2026-02-10", "2026-02-10"},
	}
	for _, tt := range tests {
		d := dateFlag{end: true}
		if err := d.Set(tt.in); err != nil {
			t.Fatal(err)
		}
		if got := d.t.Format(time.DateOnly); got != tt.want {
			t.Errorf("--until %s = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFiltersQuery(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	f := addFilters(fs)
	err := fs.Parse([]string{
		"--source", "Kyiv Ledger", "--source", "Wire", "--entity", "Steve Witkoff",
		"--doc-entity", "Kyiv", "--kind", "quote", "--speaker", "Rustem Umerov", "--since", "2025-12-01", "--until", "2026-01",
		"--by", "published", "--min-amount", "1,000,000", "--max-amount", "5e10", "--currency", "usd",
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.query("security guarantees")
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := 1e6, 5e10
	want := index.Query{
		Text: "security guarantees", Sources: []string{"Kyiv Ledger", "Wire"}, Entities: []string{"Steve Witkoff"},
		DocEntities: []string{"Kyiv"}, Kinds: []string{"quote"}, Speakers: []string{"Rustem Umerov"},
		Since: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
		ByPublished: true, MinAmount: &lo, MaxAmount: &hi, Currencies: []string{"USD"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("query (-want +got):\n%s", diff)
	}

	for _, bad := range [][]string{
		{"--since", "2026-02-01", "--until", "2026-01-01"},
		{"--min-amount", "10", "--max-amount", "5"},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		f := addFilters(fs)
		if err := fs.Parse(bad); err != nil {
			t.Fatal(err)
		}
		if _, err := f.query(""); err == nil {
			t.Errorf("query with %q: no error, want a usage error", bad)
		}
	}
}

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
			if err := writeSearchJSON(&b, tt.res, tt.facets, false); err != nil {
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

func TestWriteSearchText(t *testing.T) {
	res := &index.Result{
		Total: 12,
		Hits: []index.Hit{{
			Score: 0.8123,
			Claim: extract.Claim{
				Text: "The fund holds $50 billion.", Kind: "sentence", Source: "Kyiv Ledger",
				Published: "2025-12-22T09:00:00Z", Location: "seeds/a.txt", Speaker: "Steve Witkoff",
				Money:    []extract.Money{{Amount: 5e10, Currency: "USD"}},
				Entities: []extract.Entity{{Text: "Witkoff", Canonical: "Steve Witkoff"}, {Text: "Steve Witkoff", Canonical: "Steve Witkoff"}},
			},
			Highlights: []string{"The **fund** holds $50 billion."},
		}},
	}
	var b bytes.Buffer
	if err := writeSearchText(&b, index.Query{Offset: 4}, res, false, false, false); err != nil {
		t.Fatal(err)
	}
	want := `12 claims match, showing 5-5

5. 0.812  Kyiv Ledger  2025-12-22  sentence
   The **fund** holds $50 billion.
   speaker: Steve Witkoff
   USD 50bn · Steve Witkoff
   seeds/a.txt
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

func TestBoldMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no marks", "no marks"},
		{"the **fund** and **size**", "the \x1b[1mfund\x1b[0m and \x1b[1msize\x1b[0m"},
		{"**open", "\x1b[1mopen\x1b[0m"},
	}
	for _, tt := range tests {
		if got := boldMarks(tt.in); got != tt.want {
			t.Errorf("boldMarks(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
		{"no command", nil, exitUsage, "claimdex: no command given"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `claimdex: unknown command "frobnicate"`},
		{"help", []string{"help"}, exitOK, ""},
		{"command help", []string{"help", "export"}, exitOK, ""},
		{"usage error", []string{"search", "--limit", "-3"}, exitUsage, "claimdex search: --limit and --offset must be 0 or more"},
		{"missing index", []string{"conflicts", "--index", filepath.Join(t.TempDir(), "none")}, exitFatal, "claimdex: no index at"},
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
	if got := run(t.Context(), []string{"ingest", "--index", dir, filepath.Join("..", "..", "testdata", "sample")}, nil, &stdout, &stderr); got != exitOK {
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
			if got := run(t.Context(), args, nil, &stdout, &stderr); got != exitUsage {
				t.Errorf("exit %d, want %d (stderr %q)", got, exitUsage, stderr.String())
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
		if got := run(t.Context(), []string{"search", "--index", dir, "fund"}, nil, &stdout, &stderr); got != exitFatal {
			t.Errorf("exit %d, want %d", got, exitFatal)
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
