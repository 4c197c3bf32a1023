package extract

import (
	"time"

	"github.com/claimdex/claimdex/corpus"
)

// TEMPORARY contract file: each helper moves its function into its own file
// (money.go, dates.go, quantities.go, entities.go, extractor.go) and deletes
// the stub here.

// FindMoney returns the money amounts in text, in order.
func FindMoney(text string) []Money { panic("TODO") }

// FindDates returns the dates in text, in order. ref is the publication
// date, against which relative expressions ("on Sunday", "next month") are
// resolved; with a zero ref they are left out.
func FindDates(text string, ref time.Time) []Date { panic("TODO") }

// FindQuantities returns counts and measures with their units, in order.
// It does not report money, dates, or percentages of money.
func FindQuantities(text string) []Quantity { panic("TODO") }

// NER recognises named entities and resolves them to canonical names across
// one document. It holds read-only models and is safe for concurrent use.
type NER struct{}

// NewNER loads the models once.
func NewNER() (*NER, error) { panic("TODO") }

// Entities returns, for each text of one document (in document order), the
// entities it mentions, with Canonical resolved over the whole document.
func (n *NER) Entities(texts []string) [][]Entity { panic("TODO") }

// Extractor turns documents into claims. Safe for concurrent use.
type Extractor struct{ ner *NER }

// New loads the models.
func New() (*Extractor, error) { panic("TODO") }

// Claims returns the claims of doc, in document order. Boilerplate blocks,
// questions and calls to action give no claims.
func (x *Extractor) Claims(doc *corpus.Document) []Claim { panic("TODO") }
