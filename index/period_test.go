package index

import (
	"context"
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParsePeriod(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in    string
		ok    bool
		start time.Time
		grain grain
	}{
		{"2025-12-22", true, d(2025, 12, 22), day},
		{" 2025-12-22 ", true, d(2025, 12, 22), day},
		{"2025-12-22T10:30:00Z", true, d(2025, 12, 22), day},
		{"2026-01", true, d(2026, 1, 1), month},
		{"2026-Q1", true, d(2026, 1, 1), quarter},
		{"2026-Q2", true, d(2026, 4, 1), quarter},
		{"2026-q4", true, d(2026, 10, 1), quarter},
		{"2026", true, d(2026, 1, 1), year},
		{"2026-Q5", false, time.Time{}, 0},
		{"2026-Q0", false, time.Time{}, 0},
		{"2026-13", false, time.Time{}, 0},
		{"2025-02-30", false, time.Time{}, 0},
		{"0000", false, time.Time{}, 0},
		{"26", false, time.Time{}, 0},
		{"next week", false, time.Time{}, 0},
		{"", false, time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, ok := parsePeriod(tt.in)
			if ok != tt.ok || !p.start.Equal(tt.start) || p.grain != tt.grain {
				t.Errorf("parsePeriod(%q) = %v %v %v, want %v %v %v", tt.in, p.start, p.grain, ok, tt.start, tt.grain, tt.ok)
			}
		})
	}
}

func TestUntilBound(t *testing.T) {
	midnight := time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)
	noon := time.Date(2025, 12, 22, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   time.Time
		want time.Time
	}{
		{"zero stays open", time.Time{}, time.Time{}},
		{"date covers its day", midnight, midnight.AddDate(0, 0, 1)},
		{"instant is inclusive", noon, noon.Add(time.Nanosecond)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := untilBound(tt.in); !got.Equal(tt.want) {
				t.Errorf("untilBound(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzParsePeriod: date values come from extraction of untrusted text. No
// panic, and a period's start is aligned to its precision.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025-12-22", "2026-01", "2026-Q2", "2026", "2026-Q9", "9999-12-31T", "-001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := parsePeriod(s)
		if !ok {
			return
		}
		if !floor(p.start, p.grain).Equal(p.start) {
			t.Errorf("parsePeriod(%q) start %v not aligned to grain %d", s, p.start, p.grain)
		}
	})
}

// FuzzSearchText: the query string comes from the user. Any text gives
// results or an error, never a panic.
func FuzzSearchText(f *testing.F) {
	for _, s := range []string{"fund", `"reconstruction fund"`, "+a -b", `title:flood`, `amount:>5`, `"unclosed`,
		`/re[gex/`, `dates:>"2026-01-01"`, "a~2", "*", `\`, "(", "published:>=foo"} {
		f.Add(s)
	}
	ix, _ := loaded(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		_, err := ix.Search(context.Background(), Query{Text: s, Facets: true})
		if err != nil && !errors.Is(err, ErrQuery) && err.Error() == "" {
			t.Errorf("empty error for %q", s)
		}
	})
}
