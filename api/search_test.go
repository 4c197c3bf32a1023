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
