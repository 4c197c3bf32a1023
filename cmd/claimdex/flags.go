package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/claim"
	"github.com/claimdex/claimdex/index"
)

// stringsFlag is a repeatable flag: each use adds a value.
type stringsFlag []string

func (s *stringsFlag) String() string { return strings.Join(*s, ", ") }

func (s *stringsFlag) Set(v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return errors.New("empty value")
	}
	*s = append(*s, v)
	return nil
}

// dateFlag is a calendar date or time: 2025-12-22, 2025-12, 2025 or RFC 3339.
// With end set, a month or a year stands for its last day ("--until 2026"
// means up to 31 December 2026), otherwise for its first.
type dateFlag struct {
	t   time.Time
	end bool
}

func (d *dateFlag) String() string {
	if d == nil || d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(v string) error {
	t, err := parseDate(v)
	if err != nil {
		return err
	}
	if d.end {
		switch len(strings.TrimSpace(v)) {
		case len("2006"):
			t = t.AddDate(1, 0, -1)
		case len("2006-01"):
			t = t.AddDate(0, 1, -1)
		}
	}
	d.t = t
	return nil
}

// dateLayouts are the forms a date flag accepts, most precise first.
var dateLayouts = []string{time.RFC3339, time.DateOnly, "2006-01", "2006"}

func parseDate(v string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date (want YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339)")
}

// floatFlag is an optional number: nil until set.
type floatFlag struct{ v *float64 }

func (f *floatFlag) String() string {
	if f == nil || f.v == nil {
		return ""
	}
	return strconv.FormatFloat(*f.v, 'f', -1, 64)
}

func (f *floatFlag) Set(s string) error {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return errors.New("not a number")
	}
	f.v = &v
	return nil
}

// choiceFlag is one of a fixed set of words.
type choiceFlag struct {
	v       string
	choices []string
}

func newChoice(def string, choices ...string) *choiceFlag {
	return &choiceFlag{v: def, choices: choices}
}

func (c *choiceFlag) String() string {
	if c == nil {
		return ""
	}
	return c.v
}

func (c *choiceFlag) Set(s string) error {
	if !slices.Contains(c.choices, s) {
		return fmt.Errorf("want one of %s", strings.Join(c.choices, ", "))
	}
	c.v = s
	return nil
}

// filters are the claim filters shared by search and export.
type filters struct {
	sources, entities, docEntities, kinds, speakers, currencies stringsFlag
	since, until                                                dateFlag
	by                                                          *choiceFlag
	minAmount, maxAmount                                        floatFlag
	minSources                                                  int
	conflicting                                                 bool
}

func addFilters(fs *flag.FlagSet) *filters {
	f := &filters{by: newChoice("mentioned", "mentioned", "published"), until: dateFlag{end: true}}
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

// query builds the index query for text with the filters.
func (f *filters) query(text string) (index.Query, error) {
	if !f.since.t.IsZero() && !f.until.t.IsZero() && f.until.t.Before(f.since.t) {
		return index.Query{}, usagef("--until %s is before --since %s", f.until.String(), f.since.String())
	}
	if f.minAmount.v != nil && f.maxAmount.v != nil && *f.maxAmount.v < *f.minAmount.v {
		return index.Query{}, usagef("--max-amount is below --min-amount")
	}
	if f.minSources < 0 {
		return index.Query{}, usagef("--min-sources must be 0 or more")
	}
	for _, k := range f.kinds {
		if !slices.Contains(claim.Kinds, strings.ToLower(k)) {
			return index.Query{}, usagef("--kind %q: want one of %s", k, strings.Join(claim.Kinds, ", "))
		}
	}
	currencies := make([]string, len(f.currencies))
	for i, c := range f.currencies {
		currencies[i] = strings.ToUpper(c)
	}
	return index.Query{
		Text:        text,
		Sources:     f.sources,
		Entities:    f.entities,
		DocEntities: f.docEntities,
		Kinds:       f.kinds,
		Speakers:    f.speakers,
		Since:       f.since.t,
		Until:       f.until.t,
		ByPublished: f.by.v == "published",
		MinAmount:   f.minAmount.v,
		MaxAmount:   f.maxAmount.v,
		Currencies:  currencies,
		MinSources:  f.minSources,
		Conflicting: f.conflicting,
	}, nil
}

// openExisting opens the index at path for reading. Unlike index.Open it
// never creates one: searching a mistyped path must fail, not answer
// "nothing found" from a new empty index.
func openExisting(path string) (*index.Index, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no index at %s (build one with 'claimdex ingest --index %s INPUT...')", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("open index %s: not a directory", path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("no index at %s: the directory is empty (build one with 'claimdex ingest --index %s INPUT...')", path, path)
	}
	ix, err := index.Open(path)
	if err != nil {
		return nil, err // it names the index
	}
	return ix, nil
}
