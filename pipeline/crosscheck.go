package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// CrosscheckReport tells what a cross-source analysis run did.
type CrosscheckReport struct {
	Claims    int // claims with values read
	Docs      int // documents they come from
	Origins   int // independent origins among those documents
	Groups    int // facts stated by two or more origins
	Conflicts int // of which with disagreement (stored for `claimdex conflicts`)
	Updated   int // claims whose corroborations or conflicts changed
	Elapsed   time.Duration
}

// Crosscheck runs the cross-source analysis over the index: it reads the
// claims that state a value (money, a date, a quantity, a person in a
// role: Query.HasValues, not every claim), groups them across documents (extract.Crosscheck),
// rewrites the claims whose corroborations or conflicts changed, and
// replaces the stored groups. Memory is proportional to the claims with
// values. Call it when no other writer is active, e.g. after an ingest.
func Crosscheck(ctx context.Context, ix *index.Index, log *slog.Logger) (*CrosscheckReport, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	rep := &CrosscheckReport{}
	var claims []extract.Claim
	err := ix.Export(ctx, index.Query{HasValues: true}, func(c extract.Claim) error {
		claims = append(claims, c)
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("crosscheck: read claims: %w", err)
	}
	rep.Claims = len(claims)
	res := crosscheck.Analyze(claims, crosscheck.Options{})
	docs, origins := map[string]bool{}, map[string]bool{}
	for d, o := range res.Origins {
		docs[d] = true
		origins[o] = true
	}
	rep.Docs, rep.Origins, rep.Groups = len(docs), len(origins), len(res.Groups)
	for _, g := range res.Groups {
		if g.Conflict {
			rep.Conflicts++
		}
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("crosscheck: %w", err)
	}

	w := ix.NewWriter(index.DefaultBatchSize)
	for _, c := range claims {
		a := res.Annotations[c.ID]
		if a.Conflicts == nil {
			a.Conflicts = []string{}
		}
		if c.Corroborations == a.Corroborations && slices.Equal(c.Conflicts, a.Conflicts) {
			continue
		}
		c.Corroborations, c.Conflicts = a.Corroborations, a.Conflicts
		if err := w.Annotate(c); err != nil {
			return rep, fmt.Errorf("crosscheck: %w", err)
		}
		rep.Updated++
	}
	if err := w.ReplaceGroups(ctx, res.Groups); err != nil {
		return rep, fmt.Errorf("crosscheck: %w", err)
	}
	rep.Elapsed = time.Since(start)
	log.Debug("crosscheck done", "claims", rep.Claims, "docs", rep.Docs, "origins", rep.Origins,
		"groups", rep.Groups, "conflicts", rep.Conflicts, "updated", rep.Updated, "elapsed", rep.Elapsed)
	return rep, nil
}
