package cli

import (
	"flag"
	"slices"
	"strings"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/claim"
)

// Filters are the claim filters of search and export, as flags.
type Filters struct {
	sources, entities, docEntities, kinds, speakers, currencies Strings
	since, until                                                Date
	by                                                          *Choice
	minAmount, maxAmount                                        Float
	minSources                                                  int
	conflicting                                                 bool
}

// AddFilters defines the filter flags on fs.
func AddFilters(fs *flag.FlagSet) *Filters {
	f := &Filters{by: NewChoice("mentioned", "mentioned", "published"), until: Date{End: true}}
	fs.Var(&f.sources, "source", "only claims from this source `NAME` (repeatable)")
	fs.Var(&f.entities, "entity", "only claims mentioning this entity, by canonical `NAME` (repeatable)")
	fs.Var(&f.docEntities, "doc-entity", "only claims of documents naming this entity anywhere (datelines, tables and captions too), by canonical `NAME` (repeatable)")
	fs.Var(&f.kinds, "kind", "only claims of this `KIND`: sentence, quote, table_row, list_item, headline (repeatable)")
	fs.Var(&f.speakers, "speaker", "only claims by this speaker `NAME` (repeatable)")
	fs.Var(&f.since, "since", "only claims with a date on or after `DATE` (YYYY-MM-DD, YYYY-MM, YYYY)")
	fs.Var(&f.until, "until", "only claims with a date on or before `DATE` (a month or year counts whole)")
	fs.Var(f.by, "by", "what --since/--until compare: `WHAT` is mentioned (dates in the claim) or published (its publication date)")
	fs.Var(&f.minAmount, "min-amount", "only claims with a money amount of at least `X` currency units")
	fs.Var(&f.maxAmount, "max-amount", "only claims with a money amount of at most `X` currency units")
	fs.Var(&f.currencies, "currency", "only claims with money in this ISO 4217 `CODE`, e.g. USD (repeatable); with --min-amount or --max-amount the same mention must match both")
	fs.IntVar(&f.minSources, "min-sources", 0, "only claims whose value at least `N` independent origins state, their own included")
	fs.BoolVar(&f.conflicting, "conflicting", false, "only claims that another origin contradicts")
	return f
}

// Filter checks the filters and returns them with the query text, or a
// usage error.
func (f *Filters) Filter(text string) (api.Filter, error) {
	if !f.since.Time.IsZero() && !f.until.Time.IsZero() && f.until.Time.Before(f.since.Time) {
		return api.Filter{}, Usagef("--until %s is before --since %s", f.until.String(), f.since.String())
	}
	if f.minAmount.V != nil && f.maxAmount.V != nil && *f.maxAmount.V < *f.minAmount.V {
		return api.Filter{}, Usagef("--max-amount is below --min-amount")
	}
	if f.minSources < 0 {
		return api.Filter{}, Usagef("--min-sources must be 0 or more")
	}
	for _, k := range f.kinds {
		if !slices.Contains(claim.Kinds, strings.ToLower(k)) {
			return api.Filter{}, Usagef("--kind %q: want one of %s", k, strings.Join(claim.Kinds, ", "))
		}
	}
	currencies := make([]string, len(f.currencies))
	for i, c := range f.currencies {
		currencies[i] = strings.ToUpper(c)
	}
	return api.Filter{
		Text:        text,
		Sources:     f.sources,
		Entities:    f.entities,
		DocEntities: f.docEntities,
		Kinds:       f.kinds,
		Speakers:    f.speakers,
		Since:       f.since.Time,
		Until:       f.until.Time,
		ByPublished: f.by.V == "published",
		MinAmount:   f.minAmount.V,
		MaxAmount:   f.maxAmount.V,
		Currencies:  currencies,
		MinSources:  f.minSources,
		Conflicting: f.conflicting,
	}, nil
}
