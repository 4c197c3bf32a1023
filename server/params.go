package server

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/claim"
	"github.com/claimdex/claimdex/index"
)

// MaxLimit caps the page size of /api/search and /api/conflicts.
const MaxLimit = 1000

// filterParams are the query parameters of the claim filters shared by
// search and export, in the order of the CLI flags.
var filterParams = []string{"q", "source", "entity", "doc_entity", "kind", "speaker", "since", "until", "by",
	"min_amount", "max_amount", "currency", "min_sources", "conflicting"}

// repeatable are the parameters that may be given several times.
var repeatable = map[string]bool{"source": true, "entity": true, "doc_entity": true, "kind": true, "speaker": true, "currency": true}

// params reads the query parameters of one request, refusing the ones the
// route does not know and repeats of single-valued ones: a typo must not
// silently widen a search.
type params struct {
	v url.Values
}

func readParams(v url.Values, allowed []string) (params, *apiError) {
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	slices.Sort(names) // the first bad one, deterministically
	for _, name := range names {
		if name == "" {
			return params{}, &apiError{Status: 400, Code: codeBadParameter, Message: "a parameter without a name"}
		}
		if !slices.Contains(allowed, name) {
			return params{}, badParam(name, "unknown parameter (known: %s)", strings.Join(allowed, ", "))
		}
		if len(v[name]) > 1 && !repeatable[name] {
			return params{}, badParam(name, "given %d times, once allowed", len(v[name]))
		}
	}
	return params{v: v}, nil
}

func (p params) str(name string) string { return p.v.Get(name) }

func (p params) list(name string) []string {
	var out []string
	for _, s := range p.v[name] {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p params) intIn(name string, def, lo, hi int) (int, *apiError) {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badParam(name, "not an integer: %q", s)
	}
	if n < lo || n > hi {
		return 0, badParam(name, "%d is out of range %d..%d", n, lo, hi)
	}
	return n, nil
}

func (p params) boolean(name string) (bool, *apiError) {
	s := strings.TrimSpace(p.v.Get(name))
	switch strings.ToLower(s) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, badParam(name, "want true or false, got %q", s)
}

func (p params) number(name string) (*float64, *apiError) {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, badParam(name, "not a number: %q", s)
	}
	return &f, nil
}

// dateLayouts are the forms a date parameter accepts, as the CLI's flags.
var dateLayouts = []string{time.RFC3339, time.DateOnly, "2006-01", "2006"}

// date reads a date; with end, a month or a year stands for its last day.
func (p params) date(name string, end bool) (time.Time, *apiError) {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := parseDate(s)
	if err != nil {
		return time.Time{}, badParam(name, "%v", err)
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

// filterQuery reads the claim filters into an index query.
func (p params) filterQuery() (index.Query, *apiError) {
	q := index.Query{
		Text:        strings.TrimSpace(p.str("q")),
		Sources:     p.list("source"),
		Entities:    p.list("entity"),
		DocEntities: p.list("doc_entity"),
		Speakers:    p.list("speaker"),
	}
	if len(q.Text) > index.MaxQueryBytes {
		return q, &apiError{Status: 400, Code: codeBadQuery, Param: "q",
			Message: "q: " + strconv.Itoa(len(q.Text)) + " bytes, at most " + strconv.Itoa(index.MaxQueryBytes)}
	}
	for _, k := range p.list("kind") {
		if !slices.Contains(claim.Kinds, strings.ToLower(k)) {
			return q, badParam("kind", "%q: want one of %s", k, strings.Join(claim.Kinds, ", "))
		}
		q.Kinds = append(q.Kinds, strings.ToLower(k))
	}
	for _, c := range p.list("currency") {
		q.Currencies = append(q.Currencies, strings.ToUpper(c))
	}
	var err *apiError
	if q.Since, err = p.date("since", false); err != nil {
		return q, err
	}
	if q.Until, err = p.date("until", true); err != nil {
		return q, err
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return q, badParam("until", "%s is before since %s", q.Until.Format(time.DateOnly), q.Since.Format(time.DateOnly))
	}
	switch by := p.str("by"); by {
	case "", "mentioned":
	case "published":
		q.ByPublished = true
	default:
		return q, badParam("by", "want mentioned or published, got %q", by)
	}
	if q.MinAmount, err = p.number("min_amount"); err != nil {
		return q, err
	}
	if q.MaxAmount, err = p.number("max_amount"); err != nil {
		return q, err
	}
	if q.MinAmount != nil && q.MaxAmount != nil && *q.MaxAmount < *q.MinAmount {
		return q, badParam("max_amount", "%g is below min_amount %g", *q.MaxAmount, *q.MinAmount)
	}
	if q.MinSources, err = p.intIn("min_sources", 0, 0, math.MaxInt32); err != nil {
		return q, err
	}
	if q.Conflicting, err = p.boolean("conflicting"); err != nil {
		return q, err
	}
	return q, nil
}

// QueryValues is the inverse of the server's reading of the filters: the
// query parameters that select what q selects (Limit, Offset and Facets
// aside). The CLI uses it to send its flags to a running server.
func QueryValues(q index.Query) url.Values {
	v := url.Values{}
	set := func(name, s string) {
		if s != "" {
			v.Set(name, s)
		}
	}
	set("q", q.Text)
	for name, vs := range map[string][]string{"source": q.Sources, "entity": q.Entities, "doc_entity": q.DocEntities, "kind": q.Kinds,
		"speaker": q.Speakers, "currency": q.Currencies} {
		for _, s := range vs {
			v.Add(name, s)
		}
	}
	// RFC 3339 keeps the exact instant: a month or year the CLI already
	// widened to its last day is not widened again.
	if !q.Since.IsZero() {
		set("since", q.Since.Format(time.RFC3339))
	}
	if !q.Until.IsZero() {
		set("until", q.Until.Format(time.RFC3339))
	}
	if q.ByPublished {
		set("by", "published")
	}
	if q.MinAmount != nil {
		set("min_amount", strconv.FormatFloat(*q.MinAmount, 'g', -1, 64))
	}
	if q.MaxAmount != nil {
		set("max_amount", strconv.FormatFloat(*q.MaxAmount, 'g', -1, 64))
	}
	if q.MinSources > 0 {
		set("min_sources", strconv.Itoa(q.MinSources))
	}
	if q.Conflicting {
		set("conflicting", "true")
	}
	return v
}
