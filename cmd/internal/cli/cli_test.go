package cli

import (
	"bytes"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdex/claimdex/api"
)

func TestParse(t *testing.T) {
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
			var src Strings
			fs.Var(&src, "source", "")
			pos, _, err := Parse(fs, "help", tt.args, &bytes.Buffer{})
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
		})
	}
}

func TestParseErrors(t *testing.T) {
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
			_, _, err := Parse(fs, "Usage: t [flags]", tt.args, &out)
			if tt.wantHelp {
				if err != ErrHelpShown {
					t.Fatalf("err = %v, want ErrHelpShown", err)
				}
				if !strings.Contains(out.String(), "Usage: t [flags]") || !strings.Contains(out.String(), "--limit N") {
					t.Errorf("help output lacks the usage or the flags:\n%s", out.String())
				}
				return
			}
			ue, ok := err.(*UsageError)
			if !ok {
				t.Fatalf("err = %#v, want a *cli.UsageError", err)
			}
			if !strings.Contains(ue.Msg, tt.wantMsg) {
				t.Errorf("message %q does not contain %q", ue.Msg, tt.wantMsg)
			}
		})
	}
}

// TestUntilCoversPeriod: --until takes a month or a year up to its last
// day, --since from its first (api.ParseDate's cases are tested there).
func TestUntilCoversPeriod(t *testing.T) {
	for _, tt := range []struct {
		end  bool
		want string
	}{{true, "2024-02-29"}, {false, "2024-02-01"}} {
		d := Date{End: tt.end}
		if err := d.Set("2024-02"); err != nil {
			t.Fatal(err)
		}
		if got := d.Time.Format(time.DateOnly); got != tt.want {
			t.Errorf("Date{End: %v}.Set(2024-02) = %s, want %s", tt.end, got, tt.want)
		}
	}
	if err := (&Date{}).Set("yesterday"); err == nil {
		t.Error("Set(yesterday): no error")
	}
}

func TestFilters(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	f := AddFilters(fs)
	err := fs.Parse([]string{
		"--source", "Kyiv Ledger", "--source", "Wire", "--entity", "Steve Witkoff",
		"--doc-entity", "Kyiv", "--kind", "quote", "--speaker", "Rustem Umerov", "--since", "2025-12-01", "--until", "2026-01",
		"--by", "published", "--min-amount", "1,000,000", "--max-amount", "5e10", "--currency", "usd",
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.Filter("security guarantees")
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := 1e6, 5e10
	want := api.Filter{
		Text: "security guarantees", Sources: []string{"Kyiv Ledger", "Wire"}, Entities: []string{"Steve Witkoff"},
		DocEntities: []string{"Kyiv"}, Kinds: []string{"quote"}, Speakers: []string{"Rustem Umerov"},
		Since: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
		ByPublished: true, MinAmount: &lo, MaxAmount: &hi, Currencies: []string{"USD"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("filter (-want +got):\n%s", diff)
	}

	for _, bad := range [][]string{
		{"--since", "2026-02-01", "--until", "2026-01-01"},
		{"--min-amount", "10", "--max-amount", "5"},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		f := AddFilters(fs)
		if err := fs.Parse(bad); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Filter(""); err == nil {
			t.Errorf("filter with %q: no error, want a usage error", bad)
		}
	}
}
