package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/claimdex/claimdex/extract"
)

// readPage is how many records the reads that still go page by page take
// per request: document records by id (their callers rely on that order)
// and claims by id.
const readPage = 1000

// ctxEvery is how many matches eachMatch passes between two checks of its
// context: often enough that Ctrl-C stops an export well within a second,
// rarely enough to cost nothing. A variable so tests can see where it
// stops.
var ctxEvery = 256

// Export calls fn for every claim matching q (Limit and Offset ignored),
// with no cap on the number.
//
// The claims come in the index order of one snapshot of the index, taken
// when Export starts (like Elasticsearch's scroll sorted by _doc): one pass
// over the matches, each read once, so the rate does not fall as the index
// grows and memory does not grow with it. Sorting by claim id would mean
// visiting every match before the first one is written. The order is
// stable within one export but not by id, and can differ between exports
// once the index has been written to or its segments merged. Claims
// written while the export runs are not seen: it is a consistent snapshot.
// It stops at the first error of fn, or when ctx is done, returning it.
func (ix *Index) Export(ctx context.Context, q Query, fn func(extract.Claim) error) error {
	bq, err := ix.buildQuery(ctx, q)
	if err != nil {
		return err
	}
	return ix.eachMatch(ctx, bq, true, "export", func(id string, raw []byte) error {
		c, err := unmarshalClaim(raw, id)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return fn(c)
	})
}

// eachMatch calls fn with the id of every document matching q and, when
// withJSON, its stored JSON, in the index order of one snapshot (see
// Export). It runs the query's searcher itself rather than a search
// request: a request collects and sorts its hits, so paging through them
// costs a re-run of the query per page. The errors of fn are returned as
// they are, those of the index prefixed with what (when not "").
func (ix *Index) eachMatch(ctx context.Context, q query.Query, withJSON bool, what string, fn func(id string, raw []byte) error) (err error) {
	fail := func(err error) error {
		if what == "" {
			return err
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	bi, err := ix.b.Advanced()
	if err != nil {
		return fail(err)
	}
	r, err := bi.Reader() // the snapshot: later batches do not change it
	if err != nil {
		return fail(err)
	}
	defer func() {
		if cerr := r.Close(); cerr != nil && err == nil {
			err = fail(cerr)
		}
	}()
	s, err := q.Searcher(ctx, r, ix.b.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return fail(err)
	}
	defer func() {
		if cerr := s.Close(); cerr != nil && err == nil {
			err = fail(cerr)
		}
	}()
	// Each match goes back to the pool once read: the pool never needs
	// more than the searcher holds plus the one in hand.
	sctx := &search.SearchContext{
		DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0),
		IndexReader:       r,
	}
	for n := 0; ; n++ {
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return fail(err)
			}
		}
		m, err := s.Next(sctx)
		if err != nil {
			return fail(err)
		}
		if m == nil {
			return nil
		}
		id, err := r.ExternalID(m.IndexInternalID)
		sctx.DocumentMatchPool.Put(m)
		if err != nil {
			return fail(err)
		}
		var raw []byte
		if withJSON {
			if raw, err = storedField(r, id); err != nil {
				return fail(err)
			}
		}
		if err := fn(id, raw); err != nil {
			return err
		}
	}
}

// storedField reads the stored JSON of document id from r.
func storedField(r bleveindex.IndexReader, id string) ([]byte, error) {
	d, err := r.Document(id)
	if err != nil {
		return nil, err
	}
	var raw []byte
	if d != nil {
		d.VisitFields(func(f bleveindex.Field) {
			if f.Name() == fJSON {
				raw = f.Value() // a copy the document owns
			}
		})
	}
	if raw == nil {
		return nil, errors.New("index entry " + id + " has no stored record")
	}
	return raw, nil
}
