package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
)

// Cross-source results live in the index in two forms. Each claim's
// corroborations and conflicts are fields of the claim itself (searchable:
// Query.MinSources, Query.Conflicting), rewritten by Writer.Annotate. The
// groups with disagreement are documents of type "group" with id
// "group:"+hash, replaced as a whole by Writer.ReplaceGroups on each
// analysis run, so that `claimdex conflicts` reads a few stored groups
// instead of re-running the analysis over every claim with a value.

// groupIDPrefix keeps group documents apart from claims and records.
const groupIDPrefix = "group:"

// Annotate rewrites claim c with its cross-source fields (Corroborations,
// Conflicts); every other field must be as stored (pass the claim read by
// Export). Like Put, the change joins the pending batch. Claims of a
// document replaced since c was read are not resurrected as long as the
// writer doing ingest and this one are the same, or ingest has finished:
// one writer at a time.
func (w *Writer) Annotate(c extract.Claim) error {
	if c.ID == "" || strings.HasPrefix(c.ID, docIDPrefix) || strings.HasPrefix(c.ID, groupIDPrefix) {
		return fmt.Errorf("annotate claim %q: not a claim id", c.ID)
	}
	if c.Conflicts == nil {
		c.Conflicts = []string{}
	}
	fields, err := claimDocument(c)
	if err != nil {
		return fmt.Errorf("annotate claim %s: %w", c.ID, err)
	}
	d, err := w.mapDocument(c.ID, fields)
	if err != nil {
		return fmt.Errorf("annotate claim %s: %w", c.ID, err)
	}
	_ = w.batch.IndexAdvanced(d)
	w.ops++
	if w.ops >= w.size {
		return w.Flush()
	}
	return nil
}

// ReplaceGroups replaces the stored groups with groups (only those with
// disagreement are kept: crosscheck.Group.Conflict). It flushes, so that the
// old groups and the new are never both visible for long.
func (w *Writer) ReplaceGroups(ctx context.Context, groups []crosscheck.Group) error {
	old, err := w.ix.groupIDs(ctx)
	if err != nil {
		return fmt.Errorf("replace groups: %w", err)
	}
	keep := map[string]bool{}
	for _, g := range groups {
		if err := w.putGroup(g); err != nil {
			return fmt.Errorf("replace groups: %w", err)
		}
		if g.Conflict && len(g.Values) > 0 {
			keep[groupID(g)] = true
		}
	}
	for _, id := range old {
		if !keep[id] {
			w.batch.Delete(id)
			w.ops++
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return w.ix.MarkCrosschecked()
}

// putGroup adds a group with disagreement to the batch (others are not
// stored).
func (w *Writer) putGroup(g crosscheck.Group) error {
	if !g.Conflict || len(g.Values) == 0 {
		return nil
	}
	raw, err := json.Marshal(g)
	if err != nil {
		return fmt.Errorf("encode group: %w", err)
	}
	id := groupID(g)
	size := 0
	for _, v := range g.Values {
		size += len(v.Claims)
	}
	fields := map[string]any{fType: typeGroup, fJSON: string(raw), fGroupKind: g.Kind, fGroupSize: float64(size)}
	if g.Story != "" {
		fields[fGroupStory] = g.Story
	}
	d, err := w.mapDocument(id, fields)
	if err != nil {
		return err
	}
	_ = w.batch.IndexAdvanced(d)
	w.ops++
	return nil
}

// groupID derives a group's id from its kind and claims, so that an
// unchanged group keeps its id from run to run.
func groupID(g crosscheck.Group) string {
	h := sha256.New()
	h.Write([]byte(g.Kind))
	var ids []string
	for _, v := range g.Values {
		ids = append(ids, v.Claims...)
	}
	slices.Sort(ids)
	for _, id := range ids {
		h.Write([]byte{0})
		h.Write([]byte(id))
	}
	return groupIDPrefix + hex.EncodeToString(h.Sum(nil)[:8])
}

// groupIDs lists the ids of every stored group.
func (ix *Index) groupIDs(ctx context.Context) ([]string, error) {
	var ids []string
	err := ix.eachGroup(ctx, "", false, func(id string, _ []byte) error {
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

// Groups returns the stored groups with disagreement, biggest first (most
// origins, then most claims); kind filters by kind of value when not "".
func (ix *Index) Groups(ctx context.Context, kind string) ([]crosscheck.Group, error) {
	out := []crosscheck.Group{}
	err := ix.eachGroup(ctx, kind, true, func(id string, raw []byte) error {
		var g crosscheck.Group
		if err := json.Unmarshal(raw, &g); err != nil {
			return fmt.Errorf("decode group %s: %w", id, err)
		}
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read groups: %w", err)
	}
	slices.SortFunc(out, crosscheck.CompareGroups)
	return out, nil
}

// eachGroup calls fn with the id of every group document and, when
// withJSON, its stored JSON, in index order (callers sort).
func (ix *Index) eachGroup(ctx context.Context, kind string, withJSON bool, fn func(id string, raw []byte) error) error {
	var q = bleve.NewConjunctionQuery(term(fType, typeGroup))
	if kind != "" {
		q.AddQuery(term(fGroupKind, kind))
	}
	return ix.eachMatch(ctx, q, withJSON, "", fn)
}

// internalCrosscheckKey marks an index on which cross-source analysis has
// run at least once (its stored groups mean something).
var internalCrosscheckKey = []byte("claimdex:crosscheck")

// MarkCrosschecked records that the cross-source analysis has stored its
// results at least once.
func (ix *Index) MarkCrosschecked() error {
	if err := ix.b.SetInternal(internalCrosscheckKey, []byte("1")); err != nil {
		return fmt.Errorf("mark crosschecked: %w", err)
	}
	return nil
}

// Crosschecked reports whether cross-source analysis has ever stored its
// groups in this index.
func (ix *Index) Crosschecked() (bool, error) {
	v, err := ix.b.GetInternal(internalCrosscheckKey)
	if err != nil {
		return false, fmt.Errorf("read crosscheck mark: %w", err)
	}
	return len(v) > 0, nil
}

// ClaimsByID returns the stored claims with these ids (missing ids are
// left out).
func (ix *Index) ClaimsByID(ctx context.Context, ids []string) (map[string]extract.Claim, error) {
	out := make(map[string]extract.Claim, len(ids))
	for start := 0; start < len(ids); start += readPage {
		chunk := ids[start:min(start+readPage, len(ids))]
		q := bleve.NewConjunctionQuery(term(fType, typeClaim), bleve.NewDocIDQuery(chunk))
		req := bleve.NewSearchRequestOptions(q, len(chunk), 0, false)
		req.Fields = []string{fJSON}
		req.Score = "none"
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("read claims: %w", err)
		}
		for _, h := range res.Hits {
			c, err := decodeClaim(h.Fields, h.ID)
			if err != nil {
				return nil, fmt.Errorf("read claims: %w", err)
			}
			out[c.ID] = c
		}
	}
	return out, nil
}
