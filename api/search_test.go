package api

import (
	"testing"
	"time"
)

// TestSearchRequestValues: the page is always sent, so that limit 0 asks
// for counts only rather than the server's default page; empty filters
// send nothing, and a widened --until is sent as the instant it is.
func TestSearchRequestValues(t *testing.T) {
	until := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	got := SearchRequest{Filter: Filter{Text: "fund", DocEntities: []string{"Vienna"}, Until: until}, Facets: true}.Values().Encode()
	want := "doc_entity=Vienna&explain=false&facets=true&limit=0&offset=0&q=fund&until=2026-12-31T00%3A00%3A00Z"
	if got != want {
		t.Errorf("values\n got %s\nwant %s", got, want)
	}
	if v := (Filter{}).Values(); len(v) != 0 {
		t.Errorf("an empty filter sends %v", v)
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
			got, err := ParseDate(tt.in, false)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDateEnd(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026", "2026-12-31"},
		{"2026-02", "2026-02-28"},
		{"2024-02", "2024-02-29"},
		{"2026-02-10", "2026-02-10"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, true)
		if err != nil {
			t.Fatal(err)
		}
		if g := got.Format(time.DateOnly); g != tt.want {
			t.Errorf("ParseDate(%q, end) = %s, want %s", tt.in, g, tt.want)
		}
	}
}
