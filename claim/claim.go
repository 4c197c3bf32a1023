// Package claim is the claim record: the JSON every command and the HTTP
// API print for a claim (docs/claim.md, docs/claim.schema.json), with the
// values of its kinds and entity types and the features behind its
// check-worthiness score.
//
// It imports nothing of the project and no third-party library, so that a
// program which only reads claims (the search-only client) need not link
// the extractor that writes them. Package extract keeps the same names as
// aliases.
package claim

// Claim kinds.
const (
	KindSentence = "sentence"
	KindQuote    = "quote"
	KindTableRow = "table_row"
	KindListItem = "list_item"
	KindHeadline = "headline"
)

// Kinds are the values of a claim's kind, in the order help texts give them.
var Kinds = []string{KindSentence, KindQuote, KindTableRow, KindListItem, KindHeadline}

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	NORP   = "NORP"
)

// Claim is one checkable statement. Its JSON form is the contract
// documented in docs/claim.md and docs/claim.schema.json.
type Claim struct {
	ID        string `json:"id"`
	DocID     string `json:"doc_id"`
	Location  string `json:"location"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Kind      string `json:"kind"`
	Section   string `json:"section"`
	Speaker   string `json:"speaker"`
	// Score is check-worthiness in 0..1.
	Score      float64    `json:"score"`
	Entities   []Entity   `json:"entities"`
	Dates      []Date     `json:"dates"`
	Money      []Money    `json:"money"`
	Quantities []Quantity `json:"quantities"`
	Offset     Span       `json:"offset"`
	// Corroborations counts independent origins stating the same value;
	// Conflicts lists the ids of claims contradicting this one.
	Corroborations int      `json:"corroborations"`
	Conflicts      []string `json:"conflicts"`
}

// Span is a byte range [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity is a named mention. Canonical is the document-wide name of the
// thing mentioned ("Witkoff" -> "Steve Witkoff").
type Entity struct {
	Text      string `json:"text"`
	Type      string `json:"type"`
	Canonical string `json:"canonical"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Date is a date mention with an ISO value: "2025-12-22", "2026-01",
// "2026-Q2" or "2026".
type Date struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Money is an amount of money. Amount is in currency units ("$1.2bn" is
// 1200000000); Currency is an ISO 4217 code; AmountMax is set for ranges.
type Money struct {
	Text      string  `json:"text"`
	Amount    float64 `json:"amount"`
	Currency  string  `json:"currency"`
	AmountMax float64 `json:"amount_max,omitempty"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
}

// Quantity is a counted or measured amount with its unit ("5,000 detainees").
type Quantity struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}

// Span gives each mention kind's byte span in its claim text, so that
// checks on spans are written once for all of them.
func (m Entity) Span() Span   { return Span{m.Start, m.End} }
func (m Date) Span() Span     { return Span{m.Start, m.End} }
func (m Money) Span() Span    { return Span{m.Start, m.End} }
func (m Quantity) Span() Span { return Span{m.Start, m.End} }

// Feature is one signal behind a claim's check-worthiness score, with its
// contribution to the logistic sum (weight times the signal's value): what
// --explain and the API's explain list show.
type Feature struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}
