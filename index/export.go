package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/claimdex/claimdex/extract"
)

// exportPage is how many claims Export reads per request. A variable so
// tests can cross page boundaries with few claims.
var exportPage = 1000

// Export calls fn for every claim matching q (Limit and Offset ignored), in a
// stable order (by claim id), with no cap on the number.
//
// It pages with SearchAfter on the claim id, so memory stays flat and the
// 10,000-hit window of from/size paging does not apply. Claims written
// while an export runs are seen if their id sorts after the current page.
// It stops at the first error of fn, or when ctx is done, returning it.
func (ix *Index) Export(ctx context.Context, q Query, fn func(extract.Claim) error) error {
	bq, err := ix.buildQuery(ctx, q)
	if err != nil {
		return err
	}
	var after []string
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		req := bleve.NewSearchRequestOptions(bq, exportPage, 0, false)
		req.SortBy([]string{"_id"})
		req.Score = "none" // order is by id: relevance is not needed
		req.Fields = []string{fJSON}
		if after != nil {
			req.SearchAfter = after
		}
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for _, h := range res.Hits {
			c, err := decodeClaim(h.Fields, h.ID)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		if len(res.Hits) < exportPage {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}
