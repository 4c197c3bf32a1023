package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// allClaims reports whether bq selects every claim and nothing else: the
// query of a search without text or filters.
func allClaims(bq query.Query) bool {
	t, ok := bq.(*query.TermQuery)
	return ok && t.FieldVal == fType && t.Term == typeClaim
}

// allFacets counts the facets of every claim without visiting the claims,
// whose number a facet over all of them would cost in proportion to.
// Only claims carry the faceted fields, so a value's count is the number
// of live documents holding it. The field's dictionary bounds each
// value's count from above (its postings keep deleted documents until a
// merge); exact counts, which a term reader gives without deleted
// documents, are taken in descending order of bound until no bound left
// can enter the top facetSize. The result is the one Bleve's facet would
// give: most frequent first, ties by term.
//
// The counts change only with a batch, so they are kept until the next
// one: a page that shows the facets of the whole index at every visit
// pays for the dictionary walk once per change of the index.
func (ix *Index) allFacets(ctx context.Context) (map[string][]FacetCount, error) {
	gen := ix.gen.Load() // before reading: a batch from now on makes the result stale
	ix.facetsMu.Lock()
	cached, at := ix.facetsOf, ix.facetsGen
	ix.facetsMu.Unlock()
	if cached != nil && at == gen {
		return cloneFacets(cached), nil
	}
	out, err := ix.countAllFacets(ctx)
	if err != nil {
		return nil, err
	}
	ix.facetsMu.Lock()
	ix.facetsOf, ix.facetsGen = out, gen
	ix.facetsMu.Unlock()
	return cloneFacets(out), nil
}

// cloneFacets copies facets, so that no caller shares the cache.
func cloneFacets(f map[string][]FacetCount) map[string][]FacetCount {
	out := make(map[string][]FacetCount, len(f))
	for k, v := range f {
		out[k] = slices.Clone(v)
	}
	return out
}

// countAllFacets is allFacets without the cache.
func (ix *Index) countAllFacets(ctx context.Context) (map[string][]FacetCount, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	defer r.Close()
	out := make(map[string][]FacetCount, len(facetFields))
	for name, field := range facetFields {
		d, err := r.FieldDict(field)
		if err != nil {
			return nil, fmt.Errorf("facets of %s: %w", field, err)
		}
		var bounds []FacetCount
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, fmt.Errorf("facets of %s: %w", field, err)
			}
			if e == nil {
				break
			}
			bounds = append(bounds, FacetCount{Term: e.Term, Count: int(e.Count)})
		}
		if err := d.Close(); err != nil {
			return nil, fmt.Errorf("facets of %s: %w", field, err)
		}
		slices.SortFunc(bounds, byCount)
		var top []FacetCount
		for _, b := range bounds {
			if len(top) == facetSize && b.Count < top[facetSize-1].Count {
				break // neither this bound nor any after it can enter
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			tr, err := r.TermFieldReader(ctx, []byte(b.Term), field, false, false, false)
			if err != nil {
				return nil, fmt.Errorf("facets of %s: %w", field, err)
			}
			n := int(tr.Count())
			if err := tr.Close(); err != nil {
				return nil, fmt.Errorf("facets of %s: %w", field, err)
			}
			if n == 0 {
				continue // only deleted documents hold it
			}
			top = append(top, FacetCount{Term: b.Term, Count: n})
			slices.SortFunc(top, byCount)
			if len(top) > facetSize {
				top = top[:facetSize]
			}
		}
		if top == nil {
			top = []FacetCount{}
		}
		out[name] = top
	}
	return out, nil
}

// termCount returns the number of live documents holding term in field
// (a term reader's count leaves out deleted documents).
func (ix *Index) termCount(ctx context.Context, field, term string) (uint64, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return 0, fmt.Errorf("count %s:%s: %w", field, term, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, fmt.Errorf("count %s:%s: %w", field, term, err)
	}
	defer r.Close()
	tr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("count %s:%s: %w", field, term, err)
	}
	n := tr.Count()
	if err := tr.Close(); err != nil {
		return 0, fmt.Errorf("count %s:%s: %w", field, term, err)
	}
	return n, nil
}

// byCount orders facet values most frequent first, ties by term.
func byCount(a, b FacetCount) int {
	return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Term, b.Term))
}
