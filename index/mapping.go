package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Bleve document types. Every indexed document carries its type in the
// "type" field so queries can be restricted to one kind of document.
const (
	typeClaim = "claim"
	typeDoc   = "doc"
	typeGroup = "group" // a cross-source group, see crosscheck.go
)

// docIDPrefix keeps document records apart from claim ids in the one index.
const docIDPrefix = "doc:"

// Field names. The query-string syntax exposes them to users
// ("source:Northwire", `person:"Lena Aufhauser"`, `amount:>=1000000000`), so
// they are part of the search interface: keep them stable.
const (
	fType          = "type"
	fText          = "text"      // claim text, English analyzer, stored for highlighting
	fTitle         = "title"     // document headline, English analyzer
	fSection       = "section"   // nearest heading, English analyzer
	fKind          = "kind"      // exact
	fSource        = "source"    // exact (facets)
	fSourceCI      = "source_ci" // lower-cased (filters)
	fSpeaker       = "speaker"
	fSpeakerCI     = "speaker_ci"
	fEntity        = "entity" // canonical names, exact (facets)
	fEntityCI      = "entity_ci"
	fDateValue     = "date_value" // ISO values as written in the claim ("2026-Q2")
	fDates         = "dates"      // first instant of every mentioned date
	fDatesDay      = "dates_day"  // the same, split by granularity, for overlap filters
	fDatesMonth    = "dates_month"
	fDatesQuarter  = "dates_quarter"
	fDatesYear     = "dates_year"
	fPublished     = "published"
	fAmount        = "amount"   // money amounts (and range maxima) in currency units
	fCurrency      = "currency" // fMoney, fMoneyLo and fMoneyHi (money.go) tie it to amounts
	fScore         = "score"
	fCorroboration = "corroborations"
	fConflicts     = "conflicts"
	// fDisputed is "yes" on a claim some other origin contradicts: one
	// term for --conflicting, where a wildcard over fConflicts expands
	// to a term per contradicting claim.
	fDisputed    = "disputed"
	fDocID       = "doc_id"
	fLocation    = "location"
	fHash        = "hash"
	fFacts       = "facts"         // kinds of value the claim states: money, date, quantity, person
	fGroupKind   = "group_kind"    // a group's kind of value
	fGroupSize   = "group_size"    // a group's claims, for biggest-first order
	fGroupStory  = "group_story"   // the story a group belongs to
	fStory       = "story"         // a document's story
	fStoryKey    = "story_key"     // a document's profile keys
	fDay         = "day"           // a document's publication day
	fNoDay       = "no_day"        // set when the publication day is unknown
	fPending     = "pending"       // set until the cross-source analysis ran
	fDocEntityCI = "doc_entity_ci" // a document's entities, lower-cased
	fJSON        = "_json"         // the record as JSON: stored, not indexed
)

// entityTypeFields maps entity types to per-type keyword fields, so a query
// string can ask for person:"Lena Aufhauser" or gpe:Austria.
var entityTypeFields = map[string]string{
	"PERSON": "person",
	"ORG":    "org",
	"GPE":    "gpe",
	"LOC":    "loc",
	"NORP":   "norp",
}

// lowerKeyword is a whole-value, lower-cased analyzer: filters on source,
// speaker and entity names ignore case, while facets keep the exact value
// from a sibling keyword field.
const lowerKeyword = "claimdex_lower_keyword"

// mappingVersion is stored in the index; an index built with another
// mapping is refused instead of being searched with the wrong fields.
const mappingVersion = "claimdex-mapping-6"

// internalVersionKey is the internal key holding mappingVersion.
var internalVersionKey = []byte("claimdex:mapping")

func buildMapping() (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	err := im.AddCustomAnalyzer(lowerKeyword, map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []any{lowercase.Name},
	})
	if err != nil {
		return nil, err
	}
	im.TypeField = fType
	im.DefaultType = typeClaim
	im.DefaultAnalyzer = en.AnalyzerName
	im.DefaultField = fText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	// Unknown types and unknown fields are not indexed at all.
	im.DefaultMapping = mapping.NewDocumentDisabledMapping()

	im.AddDocumentMapping(typeClaim, claimMapping())
	im.AddDocumentMapping(typeDoc, docMapping())
	im.AddDocumentMapping(typeGroup, groupMapping())
	return im, nil
}

// field is a FieldMapping with every option spelled out: nothing goes to
// the composite _all field (the default query field is "text"), and only
// faceted fields keep doc values.
func field(typ, analyzer string, store, vectors, docValues bool) *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Type:               typ,
		Analyzer:           analyzer,
		Store:              store,
		Index:              true,
		IncludeTermVectors: vectors,
		IncludeInAll:       false,
		DocValues:          docValues,
	}
}

// kw is a whole-value keyword field. Term vectors let the query string
// match it with a quoted value (person:"Lena Aufhauser" is a phrase query,
// which needs positions even for one token).
func kw(facet bool) *mapping.FieldMapping { return field("text", keyword.Name, false, true, facet) }

func named(fm *mapping.FieldMapping, name string) *mapping.FieldMapping {
	fm.Name = name
	return fm
}

func storedOnly() *mapping.FieldMapping {
	return &mapping.FieldMapping{Type: "text", Store: true, Index: false}
}

func claimMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fType, kw(false))
	dm.AddFieldMappingsAt(fText, field("text", en.AnalyzerName, true, true, false))
	dm.AddFieldMappingsAt(fTitle, field("text", en.AnalyzerName, false, false, false))
	dm.AddFieldMappingsAt(fSection, field("text", en.AnalyzerName, false, false, false))
	dm.AddFieldMappingsAt(fKind, kw(true))
	dm.AddFieldMappingsAt(fSource, kw(true), named(field("text", lowerKeyword, false, false, false), fSourceCI))
	dm.AddFieldMappingsAt(fSpeaker, kw(false), named(field("text", lowerKeyword, false, false, false), fSpeakerCI))
	dm.AddFieldMappingsAt(fEntity, kw(true), named(field("text", lowerKeyword, false, false, false), fEntityCI))
	for _, name := range entityTypeFields {
		dm.AddFieldMappingsAt(name, kw(false))
	}
	dm.AddFieldMappingsAt(fDateValue, kw(false))
	for _, name := range []string{fDates, fDatesDay, fDatesMonth, fDatesQuarter, fDatesYear, fPublished} {
		dm.AddFieldMappingsAt(name, field("datetime", "", false, false, false))
	}
	for _, name := range []string{fAmount, fScore, fCorroboration} {
		dm.AddFieldMappingsAt(name, field("number", "", false, false, false))
	}
	dm.AddFieldMappingsAt(fCurrency, kw(false))
	for _, name := range []string{fMoney, fMoneyLo, fMoneyHi} {
		dm.AddFieldMappingsAt(name, field("text", keyword.Name, false, false, false))
	}
	dm.AddFieldMappingsAt(fConflicts, kw(false))
	dm.AddFieldMappingsAt(fDisputed, kw(false))
	dm.AddFieldMappingsAt(fDocID, kw(false))
	dm.AddFieldMappingsAt(fLocation, kw(false))
	dm.AddFieldMappingsAt(fFacts, kw(false))
	dm.AddFieldMappingsAt(fJSON, storedOnly())
	return dm
}

func groupMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fType, kw(false))
	dm.AddFieldMappingsAt(fGroupKind, kw(false))
	dm.AddFieldMappingsAt(fGroupSize, field("number", "", false, false, true))
	dm.AddFieldMappingsAt(fGroupStory, kw(false))
	dm.AddFieldMappingsAt(fJSON, storedOnly())
	return dm
}

func docMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fType, kw(false))
	dm.AddFieldMappingsAt(fLocation, kw(false))
	dm.AddFieldMappingsAt(fHash, kw(false))
	dm.AddFieldMappingsAt(fStory, kw(false))
	dm.AddFieldMappingsAt(fStoryKey, kw(false))
	dm.AddFieldMappingsAt(fDay, field("number", "", false, false, false))
	dm.AddFieldMappingsAt(fNoDay, kw(false))
	dm.AddFieldMappingsAt(fPending, kw(false))
	dm.AddFieldMappingsAt(fDocEntityCI, field("text", lowerKeyword, false, false, false))
	dm.AddFieldMappingsAt(fJSON, storedOnly())
	return dm
}
