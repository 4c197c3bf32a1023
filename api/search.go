package api

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/claim"
)

// DefaultLimit is the page size of /api/search when limit is not given,
// and of claimdex search without --limit.
const DefaultLimit = 10

// Markers around each matched term in a hit's highlights (Markdown bold),
// and between the fragments of a long claim: what the index writes,
// which the server's tests hold to these values.
const (
	HighlightStart     = "**"
	HighlightEnd       = "**"
	HighlightSeparator = "…"
)

// FacetNames are the facets a search reports, in output order.
var FacetNames = []string{"source", "entity", "kind"}

// SearchResult is the JSON of /api/search, the same as claimdex search
// --format json: lists are never null.
type SearchResult struct {
	Total  uint64                  `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
}

// Hit is one search hit; Explain only when asked for.
type Hit struct {
	Score      float64         `json:"score"`
	Claim      claim.Claim     `json:"claim"`
	Highlights []string        `json:"highlights"`
	Explain    []claim.Feature `json:"explain,omitempty"`
}

// FacetCount is one facet value and how many claims have it.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Filter is the claim filters of /api/search and /api/export: the
// fields of the index's query that a client can set, each a parameter.
// Empty fields do not filter.
type Filter struct {
	Text        string // q
	Sources     []string
	Entities    []string
	DocEntities []string
	Kinds       []string
	Speakers    []string
	Since       time.Time
	Until       time.Time
	ByPublished bool
	MinAmount   *float64
	MaxAmount   *float64
	Currencies  []string
	MinSources  int
	Conflicting bool
}

// Values are the query parameters that select what f selects; the
// server reads them back into the same filter.
func (f Filter) Values() url.Values {
	v := url.Values{}
	set := func(name, s string) {
		if s != "" {
			v.Set(name, s)
		}
	}
	set("q", f.Text)
	for name, vs := range map[string][]string{"source": f.Sources, "entity": f.Entities, "doc_entity": f.DocEntities,
		"kind": f.Kinds, "speaker": f.Speakers, "currency": f.Currencies} {
		for _, s := range vs {
			v.Add(name, s)
		}
	}
	// RFC 3339 keeps the exact instant: a month or year the CLI already
	// widened to its last day is not widened again.
	if !f.Since.IsZero() {
		set("since", f.Since.Format(time.RFC3339))
	}
	if !f.Until.IsZero() {
		set("until", f.Until.Format(time.RFC3339))
	}
	if f.ByPublished {
		set("by", "published")
	}
	if f.MinAmount != nil {
		set("min_amount", strconv.FormatFloat(*f.MinAmount, 'g', -1, 64))
	}
	if f.MaxAmount != nil {
		set("max_amount", strconv.FormatFloat(*f.MaxAmount, 'g', -1, 64))
	}
	if f.MinSources > 0 {
		set("min_sources", strconv.Itoa(f.MinSources))
	}
	if f.Conflicting {
		set("conflicting", "true")
	}
	return v
}

// SearchRequest is one call of /api/search: the filters and the page.
// Limit 0 asks for the count and the facets only.
type SearchRequest struct {
	Filter
	Limit, Offset   int
	Facets, Explain bool
}

// Values are the query parameters of r.
func (r SearchRequest) Values() url.Values {
	v := r.Filter.Values()
	v.Set("limit", strconv.Itoa(r.Limit))
	v.Set("offset", strconv.Itoa(r.Offset))
	v.Set("facets", strconv.FormatBool(r.Facets))
	v.Set("explain", strconv.FormatBool(r.Explain))
	return v
}

// dateLayouts are the forms a date filter accepts, most precise first.
var dateLayouts = []string{time.RFC3339, time.DateOnly, "2006-01", "2006"}

// ParseDate reads a date as the filters take it, on the command line and
// in the API: YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339. With end, a month or
// a year stands for its last day ("until 2026" is up to 31 December
// 2026), otherwise for its first.
func ParseDate(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch len(s) {
			case len("2006"):
				t = t.AddDate(1, 0, -1)
			case len("2006-01"):
				t = t.AddDate(0, 1, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, errors.New("not a date (want YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339)")
}
