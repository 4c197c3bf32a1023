package extract

import "github.com/claimdex/claimdex/claim"

// The claim record is package claim's, which imports neither prose nor
// anything of the extractor; these names keep extract's callers as they
// were.

// Claim kinds.
const (
	KindSentence = claim.KindSentence
	KindQuote    = claim.KindQuote
	KindTableRow = claim.KindTableRow
	KindListItem = claim.KindListItem
	KindHeadline = claim.KindHeadline
)

// Entity types.
const (
	Person = claim.Person
	Org    = claim.Org
	GPE    = claim.GPE
	Loc    = claim.Loc
	NORP   = claim.NORP
)

type (
	Claim    = claim.Claim
	Span     = claim.Span
	Entity   = claim.Entity
	Date     = claim.Date
	Money    = claim.Money
	Quantity = claim.Quantity
	Feature  = claim.Feature
)
