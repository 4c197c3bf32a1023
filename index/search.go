package index

import (
	"cmp"
	"container/heap"
	"context"
	"errors"
	"fmt"
	"math"
	"regexp/syntax"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/claimdex/claimdex/extract"
)

// ErrQuery wraps errors in the user's query (bad query-string syntax, an
// inverted range), as opposed to failures of the index.
var ErrQuery = errors.New("invalid query")

// DefaultLimit is the page size of Search when Query.Limit is not set.
const DefaultLimit = 10

// Bounds on what one search may ask for; beyond them Search returns an
// error wrapping ErrQuery. MaxWindow bounds Offset+Limit (Bleve keeps
// that many hits; a full listing is Export's job), MaxQueryBytes and
// MaxTermBytes the query text and its longest word (a 100 KB word made a
// search take seconds).
const (
	MaxWindow     = 1_000_000
	MaxQueryBytes = 4096
	MaxTermBytes  = 256
)

// facetSize is how many values each facet reports.
const facetSize = 10

// Query selects claims. Empty fields do not filter.
//
// Filters on sources, entities and speakers ignore case; kinds and
// currencies are matched as written (currencies upper-cased). Several
// values of one filter are alternatives; different filters must all hold.
//
// Since and Until are inclusive; a midnight Until covers that whole day.
// Without ByPublished a claim matches when any date it mentions overlaps
// the range ("2026-01" matches Since 2026-01-15).
//
// MinAmount and MaxAmount are inclusive. With Currencies, they must hold
// for the same money mention as the currency ("USD >= 1e9" does not match
// a claim stating EUR 2e9 and USD 5e3), and a range mention ("$40-55
// billion") matches when it overlaps the window. Without Currencies, a
// claim matches when any amount of money in it, or the upper end of a
// range, lies within them.
type Query struct {
	Text     string // Bleve query-string syntax over the claim text; "" = all
	Sources  []string
	Entities []string // canonical names, in the claim itself
	// DocEntities keeps the claims of documents that name one of these
	// entities anywhere (canonical names, any case): in any claim, or in
	// a line that gives none (a dateline, a heading, a table, a caption).
	DocEntities []string
	Kinds       []string
	Speakers    []string
	Since       time.Time // dates mentioned in the claim, or published with ByPublished
	Until       time.Time
	ByPublished bool
	MinAmount   *float64
	MaxAmount   *float64
	Currencies  []string
	// MinSources keeps claims whose value at least MinSources independent
	// origins state, the claim's own included: corroborations >=
	// MinSources-1. 0 and 1 do not filter.
	MinSources int
	// Conflicting keeps claims that some other origin contradicts.
	Conflicting bool
	// HasValues keeps claims stating money, a date or a quantity, or
	// naming a person in a role (what cross-source analysis compares).
	HasValues bool
	Limit     int
	Offset    int
	Facets    bool
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

// facetFields maps Result.Facets keys to the fields counted.
var facetFields = map[string]string{
	"source": fSource,
	"entity": fEntity,
	"kind":   fKind,
}

// Search runs q. Hits come best first, equal scores in claim id order, so
// a ranked search gives the same pages whatever the index's segment
// layout. Without text every hit ties, and hits come in index order (the
// order export gives): a list, not a ranking, which a background merge of
// segments may reorder between two searches. Each hit's
// Highlights holds the claim text with every matched term between
// HighlightStart and HighlightEnd (none when q.Text is empty).
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	bq, err := ix.buildQuery(ctx, q)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	offset := max(q.Offset, 0)
	if limit > MaxWindow || offset > MaxWindow-limit {
		return nil, fmt.Errorf("%w: offset %d and limit %d reach beyond hit %d (export lists every claim)", ErrQuery, offset, limit, MaxWindow)
	}
	req := bleve.NewSearchRequestOptions(bq, limit, offset, false)
	// Ties broken by id: Bleve gives equal scores in segment order, which
	// merging changes, so the same search could rank differently from one
	// run to the next (see rankedSearch); lists without text skip it,
	// below.
	req.SortBy([]string{"-_score", "_id"})
	req.Fields = []string{fJSON}
	scored := strings.TrimSpace(q.Text) != ""
	if !scored {
		// Filters alone do not score: every claim they admit ties, and
		// comes in index order. Unscored and sorted by score alone,
		// Bleve would stop at the first page and leave the total short;
		// a second, equal key keeps it counting every hit (and costs
		// nothing per hit, unlike a tie-break that loads ids).
		req.Score = "none"
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, &search.SortScore{Desc: true}})
	}
	if scored {
		req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
		req.Highlight.AddField(fText)
	}
	// Facets of every claim are read from the fields' dictionaries;
	// others are counted over the hits.
	dictFacets := q.Facets && allClaims(bq)
	// One term and no score (every claim, the disputed ones, one source):
	// the total is the term's count of live claims, and the page is the
	// first hits in index order, where Bleve stops instead of walking
	// every hit to count them.
	var termTotal *uint64
	if t, ok := bq.(*query.TermQuery); ok && !scored && (!q.Facets || dictFacets) {
		n, err := ix.termCount(ctx, t.FieldVal, t.Term)
		if err != nil {
			return nil, err
		}
		termTotal = &n
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}})
	}
	if q.Facets && !dictFacets {
		for name, f := range facetFields {
			req.AddFacet(name, bleve.NewFacetRequest(f, facetSize))
		}
	}
	var res *bleve.SearchResult
	if scored {
		res, err = ix.rankedSearch(ctx, req, offset, limit)
	} else {
		res, err = ix.b.SearchInContext(ctx, req)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	out := &Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	if termTotal != nil {
		out.Total = *termTotal
	}
	for _, h := range res.Hits {
		c, err := decodeClaim(h.Fields, h.ID)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		hl := h.Fragments[fText]
		if hl == nil {
			hl = []string{}
		}
		score := h.Score
		if !scored {
			score = 1 // a tie, as a match-all query scores
		}
		out.Hits = append(out.Hits, Hit{Score: score, Claim: c, Highlights: hl})
	}
	switch {
	case dictFacets:
		if out.Facets, err = ix.allFacets(ctx); err != nil {
			return nil, err
		}
	case q.Facets:
		out.Facets = facets(res.Facets)
	}
	return out, nil
}

// rankedSearch runs a scored request for the page [offset, offset+limit)
// with equal scores in id order. Bleve's sort on the id loads every hit's
// id, most of the time of a search with many hits (1.7x at a million
// claims, scale.md), so the page is ranked by rankedIDs, which loads the
// ids of the hits that can reach it only, and its claims are then read by
// a search of those ids alone. Facets count every hit: with them, one
// search sorted on the id does both.
func (ix *Index) rankedSearch(ctx context.Context, req *bleve.SearchRequest, offset, limit int) (*bleve.SearchResult, error) {
	if len(req.Facets) > 0 {
		return ix.b.SearchInContext(ctx, req)
	}
	page, total, err := ix.rankedIDs(ctx, req.Query, offset, limit)
	if err != nil {
		return nil, err
	}
	if len(page) == 0 {
		return &bleve.SearchResult{Total: total, Hits: search.DocumentMatchCollection{}}, nil
	}
	ids := make([]string, len(page))
	at := make(map[string]int, len(page))
	for i, h := range page {
		ids[i], at[h.id] = h.id, i
	}
	req.Query = bleve.NewConjunctionQuery(req.Query, unscored{bleve.NewDocIDQuery(ids)})
	req.From, req.Size = 0, len(ids)
	req.SortBy([]string{"-_score"})
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	// The ranking's order and scores: a write between the two searches
	// may have moved the second's by a hair, or removed a claim.
	slices.SortFunc(res.Hits, func(a, b *search.DocumentMatch) int { return at[a.ID] - at[b.ID] })
	for _, h := range res.Hits {
		h.Score = page[at[h.ID]].score
	}
	res.Total = total
	return res, nil
}

// minScores is a min-heap of scores.
type minScores []float64

func (h minScores) Len() int           { return len(h) }
func (h minScores) Less(i, j int) bool { return h[i] < h[j] }
func (h minScores) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minScores) Push(x any)        { *h = append(*h, x.(float64)) }
func (h *minScores) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// lowestIDs returns the n hits of hs with the lowest ids, in id order,
// without sorting all of hs: a tie can be as wide as the index.
func lowestIDs(hs []rankedHit, n int) []rankedHit {
	byID := func(a, b rankedHit) int { return strings.Compare(a.id, b.id) }
	if n <= 0 {
		return nil
	}
	if len(hs) > 4*n {
		// Keep the n lowest in a sorted window; most hits compare
		// once, against the window's highest.
		win := slices.Clone(hs[:n])
		slices.SortFunc(win, byID)
		for _, h := range hs[n:] {
			if h.id >= win[n-1].id {
				continue
			}
			i, _ := slices.BinarySearchFunc(win, h, byID)
			copy(win[i+1:], win[i:n-1])
			win[i] = h
		}
		return win
	}
	slices.SortFunc(hs, byID)
	return hs[:min(n, len(hs))]
}

// rankedHit is a hit's id and score.
type rankedHit struct {
	id    string
	score float64
}

// rankedIDs walks the hits of q once, scoring them, and returns the page
// [offset, offset+limit) of them by score then id, and how many hits q
// has. Only the hits scoring at least the page's last score (its ties
// included) have their ids loaded: the others cannot reach the page.
func (ix *Index) rankedIDs(ctx context.Context, q query.Query, offset, limit int) ([]rankedHit, uint64, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, 0, err
	}
	defer r.Close()
	ctx = search.ContextWithTermSearchersCounter(ctx)
	s, err := q.Searcher(ctx, r, ix.b.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, 0, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	// Candidates' internal ids live in one buffer: a clone each would
	// be an allocation per hit.
	var buf []byte
	type cand struct {
		score    float64
		from, to int // in buf
	}
	k := offset + limit
	var cands []cand
	// top holds the k best scores seen, least first: its least is the
	// floor a hit must reach to be a candidate.
	top := make(minScores, 0, k)
	floor, kept := math.Inf(-1), 0
	var total uint64
	for {
		if total%1024 == 0 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		d, err := s.Next(sctx)
		if err != nil {
			return nil, 0, err
		}
		if d == nil {
			break
		}
		total++
		if d.Score >= floor {
			if len(top) < k {
				heap.Push(&top, d.Score)
			} else if d.Score > top[0] {
				top[0] = d.Score
				heap.Fix(&top, 0)
			}
			if len(top) == k {
				floor = top[0]
			}
			buf = append(buf, d.IndexInternalID...)
			cands = append(cands, cand{d.Score, len(buf) - len(d.IndexInternalID), len(buf)})
			// Candidates that fell under the floor go when the list
			// doubles, so a tie as wide as the hits costs one pass more.
			if len(cands) >= 2*max(kept, k)+1024 {
				cands = slices.DeleteFunc(cands, func(c cand) bool { return c.score < floor })
				kept = len(cands)
			}
		}
		sctx.DocumentMatchPool.Put(d)
	}
	// Above the floor are fewer than k hits, all on the page or before
	// it; at the floor, only the lowest ids that fill the k are wanted.
	var above, at []rankedHit
	for _, c := range cands {
		if c.score < floor {
			continue
		}
		id, err := r.ExternalID(bindex.IndexInternalID(buf[c.from:c.to]))
		if err != nil {
			return nil, 0, err
		}
		if c.score > floor {
			above = append(above, rankedHit{id, c.score})
		} else {
			at = append(at, rankedHit{id, c.score})
		}
	}
	slices.SortFunc(above, func(a, b rankedHit) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	hits := append(above, lowestIDs(at, k-len(above))...)
	if offset >= len(hits) {
		return nil, total, nil
	}
	return hits[offset:min(k, len(hits))], total, nil
}

// facets converts Bleve's facet results, most frequent first and ties by
// term so that output is deterministic.
func facets(fr search.FacetResults) map[string][]FacetCount {
	out := make(map[string][]FacetCount, len(facetFields))
	for name := range facetFields {
		counts := []FacetCount{}
		if r, ok := fr[name]; ok && r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				counts = append(counts, FacetCount{Term: t.Term, Count: t.Count})
			}
		}
		slices.SortFunc(counts, byCount)
		out[name] = counts
	}
	return out
}

// buildQuery is buildQuery with q.DocEntities turned into the ids of the
// documents naming them. Document entities live on the document record,
// not on each claim, so that rewriting a claim (Writer.Annotate) cannot
// lose them and a claim's own entities stay what its text names.
func (ix *Index) buildQuery(ctx context.Context, q Query) (query.Query, error) {
	var names []string
	for _, n := range q.DocEntities {
		if n = strings.ToLower(strings.TrimSpace(n)); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return buildQuery(q, nil)
	}
	ids, err := ix.docsNaming(ctx, names)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return buildQuery(q, bleve.NewMatchNoneQuery())
	}
	return buildQuery(q, anyTerm(fDocID, ids, func(s string) string { return s }))
}

// docsNaming returns the ids of the documents whose entities include one
// of names (lower-cased).
func (ix *Index) docsNaming(ctx context.Context, names []string) ([]string, error) {
	q := bleve.NewConjunctionQuery(term(fType, typeDoc), anyTerm(fDocEntityCI, names, func(s string) string { return s }))
	var ids []string
	err := ix.eachMatch(ctx, q, false, "find documents naming "+strings.Join(names, ", "), func(id string, _ []byte) error {
		ids = append(ids, strings.TrimPrefix(id, docIDPrefix))
		return nil
	})
	return ids, err
}

// buildQuery turns q into a Bleve query: the text query scores, the
// filters only select (they do not change scores). docs, when not nil,
// is the filter q.DocEntities resolved to. Without text the filters are
// the query, so that Bleve walks the claims they admit (a conjunction
// leaps along its rarest term) rather than every document of the index
// filtered one by one; the caller turns scoring off.
func buildQuery(q Query, docs query.Query) (query.Query, error) {
	filters := []query.Query{term(fType, typeClaim)}
	add := func(fq query.Query) {
		if fq != nil {
			filters = append(filters, fq)
		}
	}
	add(anyTerm(fSourceCI, q.Sources, strings.ToLower))
	add(anyTerm(fEntityCI, q.Entities, strings.ToLower))
	add(docs)
	add(anyTerm(fSpeakerCI, q.Speakers, strings.ToLower))
	add(anyTerm(fKind, q.Kinds, strings.ToLower))

	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return nil, fmt.Errorf("%w: until %s is before since %s", ErrQuery,
			q.Until.Format(time.DateOnly), q.Since.Format(time.DateOnly))
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		if q.ByPublished {
			add(dateRange(fPublished, q.Since, untilBound(q.Until)))
		} else {
			add(dateOverlap(q.Since, q.Until))
		}
	}
	for _, b := range []*float64{q.MinAmount, q.MaxAmount} {
		if b != nil && math.IsNaN(*b) {
			return nil, fmt.Errorf("%w: amount bound is not a number", ErrQuery)
		}
	}
	if q.MinAmount != nil || q.MaxAmount != nil {
		if q.MinAmount != nil && q.MaxAmount != nil && *q.MaxAmount < *q.MinAmount {
			return nil, fmt.Errorf("%w: max amount %g is below min amount %g", ErrQuery, *q.MaxAmount, *q.MinAmount)
		}
	}
	add(amountFilter(q))

	if q.MinSources > 1 {
		lo, inc := float64(q.MinSources-1), true
		nq := bleve.NewNumericRangeInclusiveQuery(&lo, nil, &inc, nil)
		nq.SetField(fCorroboration)
		add(nq)
	}
	if q.Conflicting {
		add(term(fDisputed, "yes"))
	}
	if q.HasValues {
		add(anyTerm(fFacts, []string{"money", "date", "quantity", "person"}, strings.ToLower))
	}

	var text query.Query
	if strings.TrimSpace(q.Text) != "" {
		if len(q.Text) > MaxQueryBytes {
			return nil, fmt.Errorf("%w: %d bytes of query text, at most %d", ErrQuery, len(q.Text), MaxQueryBytes)
		}
		for _, w := range strings.Fields(q.Text) {
			if len(w) > MaxTermBytes {
				return nil, fmt.Errorf("%w: a word of %d bytes in the query, at most %d", ErrQuery, len(w), MaxTermBytes)
			}
		}
		qs := bleve.NewQueryStringQuery(q.Text)
		parsed, err := qs.Parse()
		if err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrQuery, q.Text, err)
		}
		if v, ok := parsed.(query.ValidatableQuery); ok {
			if err := v.Validate(); err != nil {
				return nil, fmt.Errorf("%w: %q: %v", ErrQuery, q.Text, err)
			}
		}
		if err := checkRegexps(parsed); err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrQuery, q.Text, err)
		}
		text = qs
	}
	if len(filters) > 1 {
		// Every filter is on a field only claims have (TestFiltersOnClaimFields), so
		// the type term would only make the conjunction step along the
		// longest posting list of the index once per hit.
		filters = filters[1:]
	}
	var fq query.Query = bleve.NewConjunctionQuery(filters...)
	if len(filters) == 1 {
		fq = filters[0]
	}
	if text == nil {
		return fq, nil
	}
	// A conjunction leaps: the text searcher is advanced to the claims
	// the filters admit, so a selective filter scores few text hits. A
	// Boolean filter would score every text hit and then drop most.
	return bleve.NewConjunctionQuery(text, unscored{fq}), nil
}

// unscored is a query that selects without scoring: its searcher runs
// with scoring off and takes no part in the query's norm, so a
// conjunction of a text query with it ranks and scores its hits as the
// text query alone does.
type unscored struct{ query.Query }

func (u unscored) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	o.Score, o.Explain, o.IncludeTermVectors = "none", false, false
	s, err := u.Query.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	return weightless{s}, nil
}

// weightless hides a searcher's weight from the query norm.
type weightless struct{ search.Searcher }

func (weightless) Weight() float64      { return 0 }
func (weightless) SetQueryNorm(float64) {}

// checkRegexps compiles the /regular expressions/ of a parsed query
// string, which Bleve would otherwise reject only while searching, as an
// index error rather than a mistake in the query.
func checkRegexps(q query.Query) error {
	switch q := q.(type) {
	case *query.RegexpQuery:
		if _, err := syntax.Parse(q.Regexp, syntax.Perl); err != nil {
			return fmt.Errorf("regular expression /%s/: %w", q.Regexp, err)
		}
	case *query.BooleanQuery:
		for _, sub := range []query.Query{q.Must, q.Should, q.MustNot, q.Filter} {
			if sub != nil {
				if err := checkRegexps(sub); err != nil {
					return err
				}
			}
		}
	case *query.ConjunctionQuery:
		for _, sub := range q.Conjuncts {
			if err := checkRegexps(sub); err != nil {
				return err
			}
		}
	case *query.DisjunctionQuery:
		for _, sub := range q.Disjuncts {
			if err := checkRegexps(sub); err != nil {
				return err
			}
		}
	}
	return nil
}

// amountFilter is the currency and amount part of q. With both a currency
// and an amount bound, the two must hold for the same money mention (see
// money.go); otherwise each filters on its own field.
func amountFilter(q Query) query.Query {
	bounded := q.MinAmount != nil || q.MaxAmount != nil
	if bounded {
		if mq := moneyFilter(q.Currencies, q.MinAmount, q.MaxAmount); mq != nil {
			return mq
		}
	}
	var qs []query.Query
	if cq := anyTerm(fCurrency, q.Currencies, strings.ToUpper); cq != nil {
		qs = append(qs, cq)
	}
	if bounded {
		inc := true
		nq := bleve.NewNumericRangeInclusiveQuery(q.MinAmount, q.MaxAmount, &inc, &inc)
		nq.SetField(fAmount)
		qs = append(qs, nq)
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

func term(field, value string) *query.TermQuery {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

// anyTerm matches any of values (normalized) in field; nil when there is
// nothing to filter on.
func anyTerm(field string, values []string, norm func(string) string) query.Query {
	var qs []query.Query
	for _, v := range values {
		v = norm(strings.TrimSpace(v))
		if v != "" {
			qs = append(qs, term(field, v))
		}
	}
	if len(qs) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// dateRange selects field in [from, before); zero ends are open.
func dateRange(field string, from, before time.Time) query.Query {
	inc, exc := true, false
	dq := bleve.NewDateRangeInclusiveQuery(from, before, &inc, &exc)
	dq.SetField(field)
	return dq
}

// dateOverlap selects claims mentioning a date whose period overlaps
// [since, until]. A mention of precision g starting at s covers
// [s, s+g); it overlaps when s < the upper bound and s >= since floored
// to g, which is a plain range on the field of that precision.
func dateOverlap(since, until time.Time) query.Query {
	upper := untilBound(until)
	var qs []query.Query
	for _, g := range []grain{day, month, quarter, year} {
		from := since
		if !since.IsZero() {
			from = floor(since, g)
		}
		qs = append(qs, dateRange(grainFields[g], from, upper))
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// Counts returns the number of documents and of claims in the index.
func (ix *Index) Counts(ctx context.Context) (docs, claims uint64, err error) {
	for _, c := range []struct {
		typ string
		n   *uint64
	}{{typeDoc, &docs}, {typeClaim, &claims}} {
		req := bleve.NewSearchRequestOptions(term(fType, c.typ), 0, 0, false)
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return 0, 0, fmt.Errorf("count %ss: %w", c.typ, err)
		}
		*c.n = res.Total
	}
	return docs, claims, nil
}
