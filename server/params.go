package server

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/api"
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

func readParams(v url.Values, allowed []string) (params, *api.Error) {
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	slices.Sort(names) // the first bad one, deterministically
	for _, name := range names {
		if name == "" {
			return params{}, &api.Error{Status: 400, Code: api.CodeBadParameter, Message: "a parameter without a name"}
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

func (p params) intIn(name string, def, lo, hi int) (int, *api.Error) {
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

func (p params) boolean(name string) (bool, *api.Error) {
	s := strings.TrimSpace(p.v.Get(name))
	switch strings.ToLower(s) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, badParam(name, "want true or false, got %q", s)
}

func (p params) number(name string) (*float64, *api.Error) {
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

// date reads a date; with end, a month or a year stands for its last day.
func (p params) date(name string, end bool) (time.Time, *api.Error) {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := api.ParseDate(s, end)
	if err != nil {
		return time.Time{}, badParam(name, "%v", err)
	}
	return t, nil
}

// filter reads the claim filters, as api.Filter.Values writes them.
func (p params) filter() (api.Filter, *api.Error) {
	f := api.Filter{
		Text:        strings.TrimSpace(p.str("q")),
		Sources:     p.list("source"),
		Entities:    p.list("entity"),
		DocEntities: p.list("doc_entity"),
		Speakers:    p.list("speaker"),
	}
	if len(f.Text) > index.MaxQueryBytes {
		return f, &api.Error{Status: 400, Code: api.CodeBadQuery, Param: "q",
			Message: "q: " + strconv.Itoa(len(f.Text)) + " bytes, at most " + strconv.Itoa(index.MaxQueryBytes)}
	}
	for _, k := range p.list("kind") {
		if !slices.Contains(claim.Kinds, strings.ToLower(k)) {
			return f, badParam("kind", "%q: want one of %s", k, strings.Join(claim.Kinds, ", "))
		}
		f.Kinds = append(f.Kinds, strings.ToLower(k))
	}
	for _, c := range p.list("currency") {
		f.Currencies = append(f.Currencies, strings.ToUpper(c))
	}
	var err *api.Error
	if f.Since, err = p.date("since", false); err != nil {
		return f, err
	}
	if f.Until, err = p.date("until", true); err != nil {
		return f, err
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		return f, badParam("until", "%s is before since %s", f.Until.Format(time.DateOnly), f.Since.Format(time.DateOnly))
	}
	switch by := p.str("by"); by {
	case "", "mentioned":
	case "published":
		f.ByPublished = true
	default:
		return f, badParam("by", "want mentioned or published, got %q", by)
	}
	if f.MinAmount, err = p.number("min_amount"); err != nil {
		return f, err
	}
	if f.MaxAmount, err = p.number("max_amount"); err != nil {
		return f, err
	}
	if f.MinAmount != nil && f.MaxAmount != nil && *f.MaxAmount < *f.MinAmount {
		return f, badParam("max_amount", "%g is below min_amount %g", *f.MaxAmount, *f.MinAmount)
	}
	if f.MinSources, err = p.intIn("min_sources", 0, 0, math.MaxInt32); err != nil {
		return f, err
	}
	if f.Conflicting, err = p.boolean("conflicting"); err != nil {
		return f, err
	}
	return f, nil
}

// filterQuery reads the claim filters into an index query.
func (p params) filterQuery() (index.Query, *api.Error) {
	f, err := p.filter()
	return IndexQuery(f), err
}

// IndexQuery is the index query that selects what f selects, its page
// left to the caller. The CLI uses it for a search without a server, so
// that both ways read the filters alike.
func IndexQuery(f api.Filter) index.Query {
	return index.Query{
		Text:        f.Text,
		Sources:     f.Sources,
		Entities:    f.Entities,
		DocEntities: f.DocEntities,
		Kinds:       f.Kinds,
		Speakers:    f.Speakers,
		Since:       f.Since,
		Until:       f.Until,
		ByPublished: f.ByPublished,
		MinAmount:   f.MinAmount,
		MaxAmount:   f.MaxAmount,
		Currencies:  f.Currencies,
		MinSources:  f.MinSources,
		Conflicting: f.Conflicting,
	}
}
