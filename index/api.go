package index

import (
	"context"
	"time"

	"github.com/claimdex/claimdex/extract"
)

// TEMPORARY contract file for the index helper: replace with real code.

// DefaultPath is the index directory used when none is given.
const DefaultPath = "claimdex.bleve"

// Index is an open claim index.
type Index struct{}

// Open opens the index at path, creating it when the path does not exist
// or is an empty directory.
func Open(path string) (*Index, error) { panic("TODO") }

// OpenMem opens an in-memory index (tests).
func OpenMem() (*Index, error) { panic("TODO") }

// Close flushes and closes the index.
func (ix *Index) Close() error { panic("TODO") }

// DocRecord is what the index keeps about one ingested document.
type DocRecord struct {
	ID       string   `json:"id"`
	Location string   `json:"location"`
	Source   string   `json:"source"`
	Hash     string   `json:"hash"`
	Claims   []string `json:"claims"`
}

// Doc returns the record of document id, if it was ingested.
func (ix *Index) Doc(id string) (DocRecord, bool, error) { panic("TODO") }

// Outcome is what Writer.Put did with a document.
type Outcome int

// Outcomes of Writer.Put.
const (
	Added     Outcome = iota // new document
	Unchanged                // same location, same content: nothing written
	Replaced                 // same location, new content: old claims removed
	Duplicate                // same content already indexed under another location
)

// Writer batches changes. Not safe for concurrent use: one goroutine owns it.
type Writer struct{}

// NewWriter returns a writer that flushes every batchSize claims.
func (ix *Index) NewWriter(batchSize int) *Writer { panic("TODO") }

// Put adds or replaces a document and its claims. For Duplicate, dupOf is
// the location of the document already holding the content.
func (w *Writer) Put(rec DocRecord, claims []extract.Claim) (o Outcome, dupOf string, err error) {
	panic("TODO")
}

// Flush applies the pending batch.
func (w *Writer) Flush() error { panic("TODO") }

// Query selects claims. Empty fields do not filter.
type Query struct {
	Text        string // Bleve query-string syntax over the claim text; "" = all
	Sources     []string
	Entities    []string // canonical names
	Kinds       []string
	Speakers    []string
	Since       time.Time // dates mentioned in the claim, or published with ByPublished
	Until       time.Time
	ByPublished bool
	MinAmount   *float64
	MaxAmount   *float64
	Currencies  []string
	Limit       int
	Offset      int
	Facets      bool
}

// Hit is one search result.
type Hit struct {
	Score      float64       `json:"score"`
	Claim      extract.Claim `json:"claim"`
	Highlights []string      `json:"highlights"`
}

// FacetCount is one facet value and how many claims have it.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Result is a page of hits, best first.
type Result struct {
	Total  uint64                  `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
}

// Search runs q.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) { panic("TODO") }

// Export calls fn for every claim matching q (Limit and Offset ignored), in a
// stable order (by claim id), with no cap on the number.
func (ix *Index) Export(ctx context.Context, q Query, fn func(extract.Claim) error) error {
	panic("TODO")
}
