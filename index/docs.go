package index

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
)

// claimDocument is the Bleve representation of a claim: the searchable
// fields, flattened, plus the claim's JSON so that search and export give
// back exactly the claim that was put in. Empty values are left out, so no
// empty term ends up in a facet.
func claimDocument(c extract.Claim) (map[string]any, error) {
	raw, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode claim %s: %w", c.ID, err)
	}
	d := map[string]any{fType: typeClaim, fJSON: string(raw)}
	put := func(name, v string) {
		if v != "" {
			d[name] = v
		}
	}
	put(fText, c.Text)
	put(fTitle, c.Title)
	put(fSection, c.Section)
	put(fKind, c.Kind)
	put(fSource, c.Source)
	put(fSpeaker, c.Speaker)
	put(fDocID, c.DocID)
	put(fLocation, c.Location)
	d[fScore] = c.Score
	d[fCorroboration] = float64(c.Corroborations)

	var entities []string
	byType := map[string][]string{}
	for _, e := range c.Entities {
		name := e.Canonical
		if name == "" {
			name = e.Text
		}
		if name == "" {
			continue
		}
		entities = append(entities, name)
		if f, ok := entityTypeFields[e.Type]; ok {
			byType[f] = append(byType[f], name)
		}
	}
	putList(d, fEntity, entities)
	for f, names := range byType {
		d[f] = names
	}

	var values []string
	var all []time.Time
	grains := map[string][]time.Time{}
	for _, dt := range c.Dates {
		if dt.Value == "" {
			continue
		}
		values = append(values, dt.Value)
		p, ok := parsePeriod(dt.Value)
		if !ok {
			continue
		}
		all = append(all, p.start)
		f := grainFields[p.grain]
		grains[f] = append(grains[f], p.start)
	}
	putList(d, fDateValue, values)
	if len(all) > 0 {
		d[fDates] = all
	}
	for f, ts := range grains {
		d[f] = ts
	}
	if t, ok := parsePublished(c.Published); ok {
		d[fPublished] = t
	}

	var amounts []float64
	var currencies []string
	for _, m := range c.Money {
		amounts = append(amounts, m.Amount)
		if m.AmountMax != 0 {
			amounts = append(amounts, m.AmountMax)
		}
		// Upper-cased like the query's currencies.
		if cur := strings.ToUpper(strings.TrimSpace(m.Currency)); cur != "" {
			currencies = append(currencies, cur)
		}
	}
	if len(amounts) > 0 {
		d[fAmount] = amounts
	}
	putList(d, fCurrency, currencies)
	moneyTerms(d, c.Money)
	putList(d, fConflicts, c.Conflicts)
	if len(c.Conflicts) > 0 {
		d[fDisputed] = "yes"
	}
	var facts []string
	if len(c.Money) > 0 {
		facts = append(facts, "money")
	}
	if len(c.Dates) > 0 {
		facts = append(facts, "date")
	}
	if len(c.Quantities) > 0 {
		facts = append(facts, "quantity")
	}
	if crosscheck.NamesRole(&c) {
		facts = append(facts, "person")
	}
	putList(d, fFacts, facts)
	return d, nil
}

func putList(d map[string]any, name string, vs []string) {
	var keep []string
	for _, v := range vs {
		if v != "" {
			keep = append(keep, v)
		}
	}
	if len(keep) > 0 {
		d[name] = keep
	}
}

// recordDocument is the Bleve representation of a DocRecord.
func recordDocument(rec DocRecord) (map[string]any, error) {
	raw, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", rec.ID, err)
	}
	d := map[string]any{fType: typeDoc, fJSON: string(raw)}
	if rec.Location != "" {
		d[fLocation] = rec.Location
	}
	if rec.Hash != "" {
		d[fHash] = rec.Hash
	}
	if rec.Story != "" {
		d[fStory] = rec.Story
	}
	if rec.Pending {
		d[fPending] = "1"
	}
	names := make([]string, 0, len(rec.Entities))
	for _, e := range rec.Entities {
		names = append(names, e.Name)
	}
	putList(d, fDocEntityCI, names)
	if p := rec.Profile; p != nil {
		keys := make([]string, 0, len(p.Keys))
		for _, k := range p.Keys {
			keys = append(keys, k.Term)
		}
		putList(d, fStoryKey, keys)
		if p.Day != crosscheck.NoDay {
			d[fDay] = float64(p.Day)
		} else {
			d[fNoDay] = "1"
		}
	}
	return d, nil
}

// parsePublished reads the claim's publication date: RFC 3339 by contract,
// a bare date tolerated.
func parsePublished(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// storedJSON returns the stored "_json" field of a hit.
func storedJSON(fields map[string]any, id string) ([]byte, error) {
	s, ok := fields[fJSON].(string)
	if !ok {
		return nil, fmt.Errorf("index entry %s has no stored record", id)
	}
	return []byte(s), nil
}

// decodeClaim decodes the stored JSON of a claim hit.
func decodeClaim(fields map[string]any, id string) (extract.Claim, error) {
	raw, err := storedJSON(fields, id)
	if err != nil {
		return extract.Claim{}, err
	}
	return unmarshalClaim(raw, id)
}

// unmarshalClaim decodes the stored JSON of claim id.
func unmarshalClaim(raw []byte, id string) (extract.Claim, error) {
	var c extract.Claim
	if err := json.Unmarshal(raw, &c); err != nil {
		return c, fmt.Errorf("decode claim %s: %w", id, err)
	}
	return c, nil
}
