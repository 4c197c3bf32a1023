package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/claimdex/claimdex/crosscheck"
)

// Stories in the index. Each document record carries its cross-source
// profile (keys indexed in story_key, publication day in day), the story
// the last analysis put it in, and a pending mark from the moment it is
// written until an analysis has stored its results. The incremental
// analysis reads the pending records, finds through their keys the
// documents they may share a story with, and rewrites only those stories.

// maxStoryKeyTerms bounds the terms of one candidate query.
const maxStoryKeyTerms = 64

// PendingDocs returns the records of documents waiting for the
// cross-source analysis, by id.
func (ix *Index) PendingDocs(ctx context.Context) ([]DocRecord, error) {
	q := bleve.NewConjunctionQuery(term(fType, typeDoc), term(fPending, "1"))
	return ix.records(ctx, q, 0)
}

// StoryCandidates returns the records of documents that share a profile
// key with p and were published within crosscheck.StoryDays of it (or on
// an unknown day), at most limit of them, the most alike first by the
// index's scoring.
func (ix *Index) StoryCandidates(ctx context.Context, p crosscheck.Profile, limit int) ([]DocRecord, error) {
	if len(p.Keys) == 0 {
		return nil, nil
	}
	keys := slices.Clone(p.Keys)
	slices.SortFunc(keys, func(a, b crosscheck.Key) int {
		switch {
		case a.W > b.W:
			return -1
		case a.W < b.W:
			return 1
		}
		return strings.Compare(a.Term, b.Term)
	})
	var any []query.Query
	for _, k := range keys[:min(len(keys), maxStoryKeyTerms)] {
		any = append(any, term(fStoryKey, k.Term))
	}
	q := bleve.NewConjunctionQuery(term(fType, typeDoc), bleve.NewDisjunctionQuery(any...))
	if p.Day != crosscheck.NoDay {
		lo, hi := float64(p.Day-crosscheck.StoryDays), float64(p.Day+crosscheck.StoryDays)
		r := bleve.NewNumericRangeInclusiveQuery(&lo, &hi, &[]bool{true}[0], &[]bool{true}[0])
		r.SetField(fDay)
		q.AddQuery(bleve.NewDisjunctionQuery(r, term(fNoDay, "1")))
	}
	return ix.records(ctx, q, limit)
}

// StoryDocs returns the records of the documents of the given stories.
func (ix *Index) StoryDocs(ctx context.Context, stories []string) ([]DocRecord, error) {
	var out []DocRecord
	for start := 0; start < len(stories); start += maxStoryKeyTerms {
		var any []query.Query
		for _, s := range stories[start:min(start+maxStoryKeyTerms, len(stories))] {
			if s != "" {
				any = append(any, term(fStory, s))
			}
		}
		if len(any) == 0 {
			continue
		}
		recs, err := ix.records(ctx, bleve.NewConjunctionQuery(term(fType, typeDoc), bleve.NewDisjunctionQuery(any...)), 0)
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

// EachDoc calls fn with every document record, by id.
func (ix *Index) EachDoc(ctx context.Context, fn func(DocRecord) error) error {
	return ix.eachRecord(ctx, term(fType, typeDoc), 0, fn)
}

// records collects the records matching q (at most limit when > 0).
func (ix *Index) records(ctx context.Context, q query.Query, limit int) ([]DocRecord, error) {
	var out []DocRecord
	err := ix.eachRecord(ctx, q, limit, func(r DocRecord) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// eachRecord pages through the records matching q: by id, or by score
// when limit > 0 (one page of limit).
func (ix *Index) eachRecord(ctx context.Context, q query.Query, limit int, fn func(DocRecord) error) error {
	var after []string
	for {
		size := readPage
		if limit > 0 {
			size = limit
		}
		req := bleve.NewSearchRequestOptions(q, size, 0, false)
		req.Fields = []string{fJSON}
		if limit > 0 {
			req.SortBy([]string{"-_score", "_id"})
		} else {
			req.SortBy([]string{"_id"})
			req.Score = "none"
			if after != nil {
				req.SearchAfter = after
			}
		}
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("read document records: %w", err)
		}
		for _, h := range res.Hits {
			raw, err := storedJSON(h.Fields, h.ID)
			if err != nil {
				return err
			}
			var rec DocRecord
			if err := json.Unmarshal(raw, &rec); err != nil {
				return fmt.Errorf("decode document record %s: %w", h.ID, err)
			}
			if err := fn(rec); err != nil {
				return err
			}
		}
		if limit > 0 || len(res.Hits) < size {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// PutRecord rewrites a document record as given (its claims untouched):
// the analysis uses it to store a document's story and clear its pending
// mark.
func (w *Writer) PutRecord(rec DocRecord) error {
	fields, err := recordDocument(rec)
	if err != nil {
		return fmt.Errorf("put record %s: %w", rec.ID, err)
	}
	d, err := w.mapDocument(docIDPrefix+rec.ID, fields)
	if err != nil {
		return fmt.Errorf("put record %s: %w", rec.ID, err)
	}
	_ = w.batch.IndexAdvanced(d)
	w.ops++
	if w.ops >= w.size {
		return w.Flush()
	}
	return nil
}

// ReplaceStoryGroups replaces the stored groups of the given stories with
// groups (only those with disagreement are kept). It does not flush.
func (w *Writer) ReplaceStoryGroups(ctx context.Context, stories []string, groups []crosscheck.Group) error {
	for start := 0; start < len(stories); start += maxStoryKeyTerms {
		var any []query.Query
		for _, s := range stories[start:min(start+maxStoryKeyTerms, len(stories))] {
			any = append(any, term(fGroupStory, s))
		}
		q := bleve.NewConjunctionQuery(term(fType, typeGroup), bleve.NewDisjunctionQuery(any...))
		var after []string
		for {
			req := bleve.NewSearchRequestOptions(q, readPage, 0, false)
			req.SortBy([]string{"_id"})
			req.Score = "none"
			if after != nil {
				req.SearchAfter = after
			}
			res, err := w.ix.b.SearchInContext(ctx, req)
			if err != nil {
				return fmt.Errorf("replace story groups: %w", err)
			}
			for _, h := range res.Hits {
				w.batch.Delete(h.ID)
				w.ops++
			}
			if len(res.Hits) < readPage {
				break
			}
			after = []string{res.Hits[len(res.Hits)-1].ID}
		}
	}
	for _, g := range groups {
		if err := w.putGroup(g); err != nil {
			return fmt.Errorf("replace story groups: %w", err)
		}
	}
	return nil
}

// internalRebuildKey marks a full analysis under way: set before it
// writes anything, cleared when it has written everything, so that an
// interrupted one is redone.
var internalRebuildKey = []byte("claimdex:crosscheck-rebuild")

// SetRebuilding records whether a full cross-source analysis is under
// way.
func (ix *Index) SetRebuilding(on bool) error {
	var err error
	if on {
		err = ix.b.SetInternal(internalRebuildKey, []byte("1"))
	} else {
		err = ix.b.DeleteInternal(internalRebuildKey)
	}
	if err != nil {
		return fmt.Errorf("mark analysis: %w", err)
	}
	return nil
}

// Rebuilding reports whether a full cross-source analysis was started and
// has not finished.
func (ix *Index) Rebuilding() (bool, error) {
	v, err := ix.b.GetInternal(internalRebuildKey)
	if err != nil {
		return false, fmt.Errorf("read analysis mark: %w", err)
	}
	return len(v) > 0, nil
}

// storyMembersPending returns the records of the other documents of a
// story, marked pending with the story to redo: a document leaving it
// without a new record of its own (removed, or rolled back after a
// crash) must not leave the story's results naming its claims.
func (ix *Index) storyMembersPending(story, leaving string) ([]DocRecord, error) {
	if story == "" {
		return nil, nil
	}
	members, err := ix.StoryDocs(context.Background(), []string{story})
	if err != nil {
		return nil, err
	}
	var out []DocRecord
	for _, m := range members {
		if m.ID == leaving {
			continue
		}
		if !m.Pending {
			m.Pending, m.PrevStory = true, story
		}
		out = append(out, m)
	}
	return out, nil
}
