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
	Full      bool // a full analysis of the index, not only of what changed
	Pending   int  // documents added or replaced since the last analysis
	Docs      int  // documents analysed (the pending ones and their stories)
	Stories   int  // stories they form
	Claims    int  // claims with values among them
	Groups    int  // facts stated by two or more origins
	Conflicts int  // of which with disagreement (stored for `claimdex conflicts`)
	Updated   int  // claims whose corroborations or conflicts changed
	Elapsed   time.Duration
}

// Crosscheck brings the cross-source results of the index up to date:
// after the first ingest, or when a full analysis was interrupted, it
// analyses everything (Rebuild); otherwise only the stories that the
// documents added or replaced since the last analysis can join. It does
// nothing (and returns a nil report) when nothing changed. Call it when no
// other writer is active, e.g. at the end of an ingest (Run does).
//
// It is crash-safe: a document stays marked pending until the results of
// its story are flushed, so an interrupted analysis is redone by the next
// call, and the results are never left stale.
func Crosscheck(ctx context.Context, ix *index.Index, log *slog.Logger) (*CrosscheckReport, error) {
	rebuilding, err := ix.Rebuilding()
	if err != nil {
		return nil, fmt.Errorf("crosscheck: %w", err)
	}
	done, err := ix.Crosschecked()
	if err != nil {
		return nil, fmt.Errorf("crosscheck: %w", err)
	}
	if rebuilding || !done {
		return Rebuild(ctx, ix, log)
	}
	pending, err := ix.PendingDocs(ctx)
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	return incremental(ctx, ix, pending, orDiscard(log))
}

func orDiscard(log *slog.Logger) *slog.Logger {
	if log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return log
}

// incremental analyses the stories that the pending documents join or
// leave.
func incremental(ctx context.Context, ix *index.Index, pending []index.DocRecord, log *slog.Logger) (*CrosscheckReport, error) {
	start := time.Now()
	rep := &CrosscheckReport{Pending: len(pending)}
	affected := map[string]index.DocRecord{}
	old := map[string]bool{}
	for _, p := range pending {
		affected[p.ID] = p
		if p.PrevStory != "" {
			old[p.PrevStory] = true
		}
	}
	for _, p := range pending {
		if p.Profile == nil {
			continue
		}
		cands, err := ix.StoryCandidates(ctx, *p.Profile, storyCandidates)
		if err != nil {
			return rep, fmt.Errorf("crosscheck: %w", err)
		}
		for _, c := range cands {
			if _, ok := affected[c.ID]; ok || c.Profile == nil {
				continue
			}
			if crosscheck.Similarity(p.Profile, c.Profile) >= crosscheck.DefaultStoryThreshold {
				affected[c.ID] = c
				if c.Story != "" {
					old[c.Story] = true
				}
			}
		}
	}
	oldStories := sortedKeys(old)
	members, err := ix.StoryDocs(ctx, oldStories)
	if err != nil {
		return rep, fmt.Errorf("crosscheck: %w", err)
	}
	for _, m := range members {
		if _, ok := affected[m.ID]; !ok {
			affected[m.ID] = m
		}
	}
	recs := make([]index.DocRecord, 0, len(affected))
	for _, id := range sortedKeys(affected) {
		recs = append(recs, affected[id])
	}
	err = analyse(ctx, ix, recs, oldStories, false, rep)
	rep.Elapsed = time.Since(start)
	if err != nil {
		return rep, err
	}
	log.Debug("crosscheck done", "pending", rep.Pending, "docs", rep.Docs, "stories", rep.Stories,
		"claims", rep.Claims, "groups", rep.Groups, "conflicts", rep.Conflicts, "updated", rep.Updated, "elapsed", rep.Elapsed)
	return rep, nil
}

// storyCandidates bounds the documents a pending one is compared with.
const storyCandidates = 400

// Rebuild runs the full cross-source analysis over the index: every
// document's story, every story's groups. An interrupted rebuild is
// redone by the next Crosscheck.
func Rebuild(ctx context.Context, ix *index.Index, log *slog.Logger) (*CrosscheckReport, error) {
	log = orDiscard(log)
	start := time.Now()
	rep := &CrosscheckReport{Full: true}
	if err := ix.SetRebuilding(true); err != nil {
		return rep, fmt.Errorf("crosscheck: %w", err)
	}
	var recs []index.DocRecord
	err := ix.EachDoc(ctx, func(r index.DocRecord) error {
		if r.Pending {
			rep.Pending++
		}
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("crosscheck: %w", err)
	}
	err = analyse(ctx, ix, recs, nil, true, rep)
	rep.Elapsed = time.Since(start)
	if err != nil {
		return rep, err
	}
	if err := ix.SetRebuilding(false); err != nil {
		return rep, fmt.Errorf("crosscheck: %w", err)
	}
	log.Debug("crosscheck rebuilt", "docs", rep.Docs, "stories", rep.Stories, "claims", rep.Claims,
		"groups", rep.Groups, "conflicts", rep.Conflicts, "updated", rep.Updated, "elapsed", rep.Elapsed)
	return rep, nil
}

// analyse partitions recs into stories, analyses each and writes the
// results: claims' annotations, the stories' groups (replacing those of
// oldStories and of the new stories, or all groups when full), then the
// records with their story and no pending mark, last, so that an
// interruption leaves them pending.
func analyse(ctx context.Context, ix *index.Index, recs []index.DocRecord, oldStories []string, full bool, rep *CrosscheckReport) error {
	byID := make(map[string]index.DocRecord, len(recs))
	profiles := make([]crosscheck.Profile, 0, len(recs))
	for _, r := range recs {
		byID[r.ID] = r
		if r.Profile != nil {
			profiles = append(profiles, *r.Profile)
		} else {
			profiles = append(profiles, crosscheck.Profile{Doc: r.ID, Day: crosscheck.NoDay})
		}
	}
	stories := crosscheck.Stories(profiles, 0)
	rep.Docs, rep.Stories = len(recs), len(stories)
	storyOf := map[string]string{}
	w := ix.NewWriter(index.DefaultBatchSize)
	var groups []crosscheck.Group
	touched := slices.Clone(oldStories)
	for _, st := range stories {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("crosscheck interrupted (it resumes on the next run): %w", err)
		}
		for _, d := range st.Docs {
			storyOf[d] = st.ID
		}
		touched = append(touched, st.ID)
		var ids []string
		profs := map[string]crosscheck.Profile{}
		for _, d := range st.Docs {
			ids = append(ids, byID[d].Claims...)
			if p := byID[d].Profile; p != nil {
				profs[d] = *p
			}
		}
		got, err := ix.ClaimsByID(ctx, ids)
		if err != nil {
			return fmt.Errorf("crosscheck: %w", err)
		}
		claims := make([]extract.Claim, 0, len(got))
		for _, id := range ids {
			if c, ok := got[id]; ok && hasValues(&c) {
				claims = append(claims, c)
			}
		}
		rep.Claims += len(claims)
		res := crosscheck.AnalyzeStory(st, claims, profs, crosscheck.Options{})
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
				return fmt.Errorf("crosscheck: %w", err)
			}
			rep.Updated++
		}
		rep.Groups += len(res.Groups)
		for _, g := range res.Groups {
			if g.Conflict {
				rep.Conflicts++
				groups = append(groups, g)
			}
		}
	}
	var err error
	if full {
		err = w.ReplaceGroups(ctx, groups)
	} else {
		slices.Sort(touched)
		err = w.ReplaceStoryGroups(ctx, slices.Compact(touched), groups)
		if err == nil {
			err = w.Flush()
		}
	}
	if err != nil {
		return fmt.Errorf("crosscheck: %w", err)
	}
	for _, r := range recs {
		if r.Story == storyOf[r.ID] && !r.Pending && r.PrevStory == "" {
			continue
		}
		r.Story, r.Pending, r.PrevStory = storyOf[r.ID], false, ""
		if err := w.PutRecord(r); err != nil {
			return fmt.Errorf("crosscheck: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("crosscheck: %w", err)
	}
	if err := ix.MarkCrosschecked(); err != nil {
		return fmt.Errorf("crosscheck: %w", err)
	}
	return nil
}

// hasValues reports whether a claim states something the analysis
// compares.
func hasValues(c *extract.Claim) bool {
	return len(c.Money)+len(c.Dates)+len(c.Quantities) > 0 || crosscheck.NamesRole(c) || c.Speaker != "" ||
		c.Corroborations != 0 || len(c.Conflicts) > 0
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
