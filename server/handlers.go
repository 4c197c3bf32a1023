package server

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"slices"
	"time"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// NewSearchResult is the wire form of res. It is shared with the CLI, so
// that both print the same JSON.
func NewSearchResult(res *index.Result, facets, explain bool) api.SearchResult {
	out := api.SearchResult{Total: res.Total, Hits: make([]api.Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		hl := h.Highlights
		if hl == nil {
			hl = []string{}
		}
		hit := api.Hit{Score: h.Score, Claim: WireClaim(h.Claim), Highlights: hl}
		if explain {
			hit.Explain = extract.Explain(h.Claim)
		}
		out.Hits = append(out.Hits, hit)
	}
	if facets {
		out.Facets = map[string][]api.FacetCount{}
		for _, name := range api.FacetNames {
			fc := make([]api.FacetCount, 0, len(res.Facets[name]))
			for _, c := range res.Facets[name] {
				fc = append(fc, api.FacetCount(c))
			}
			out.Facets[name] = fc
		}
	}
	return out
}

// WireClaim returns c with empty lists instead of nil, so that every claim
// has the same JSON shape ([] rather than null).
func WireClaim(c extract.Claim) extract.Claim {
	if c.Entities == nil {
		c.Entities = []extract.Entity{}
	}
	if c.Dates == nil {
		c.Dates = []extract.Date{}
	}
	if c.Money == nil {
		c.Money = []extract.Money{}
	}
	if c.Quantities == nil {
		c.Quantities = []extract.Quantity{}
	}
	if c.Conflicts == nil {
		c.Conflicts = []string{}
	}
	return c
}

func (s *Server) health(w http.ResponseWriter, r *http.Request, _ params) error {
	h := api.Health{Status: "ok", Index: s.cfg.Dir, PID: os.Getpid(), Version: Version, Jobs: s.jobs.counts()}
	status := http.StatusOK
	if s.stopping.Load() {
		h.Status, status = "stopping", http.StatusServiceUnavailable
	}
	writeJSON(w, status, h)
	return nil
}

// Version names the API and the build in /healthz.
const Version = "claimdex-serve-1"

func (s *Server) search(w http.ResponseWriter, r *http.Request, p params) error {
	q, aerr := p.filterQuery()
	if aerr != nil {
		return aerr
	}
	limit, aerr := p.intIn("limit", api.DefaultLimit, 0, MaxLimit)
	if aerr != nil {
		return aerr
	}
	offset, aerr := p.intIn("offset", 0, 0, index.MaxWindow)
	if aerr != nil {
		return aerr
	}
	facets, aerr := p.boolean("facets")
	if aerr != nil {
		return aerr
	}
	explain, aerr := p.boolean("explain")
	if aerr != nil {
		return aerr
	}
	q.Limit, q.Offset, q.Facets = limit, offset, facets
	if limit == 0 {
		q.Limit = 1 // counts and facets only (index reads 0 as its default)
	}
	start := time.Now()
	res, err := s.ix.Search(r.Context(), q)
	s.metrics.searchLatency.WithLabelValues("search").Observe(time.Since(start).Seconds())
	if err != nil {
		return queryError(err)
	}
	if limit == 0 {
		res.Hits = nil
	}
	writeJSON(w, http.StatusOK, NewSearchResult(res, facets, explain))
	return nil
}

// queryError turns the index's complaint about a query into a 400.
func queryError(err error) error {
	if errors.Is(err, index.ErrQuery) {
		return &api.Error{Status: http.StatusBadRequest, Code: api.CodeBadQuery, Param: "q", Message: err.Error()}
	}
	return err
}

func (s *Server) export(w http.ResponseWriter, r *http.Request, p params) error {
	q, aerr := p.filterQuery()
	if aerr != nil {
		return aerr
	}
	format := p.str("format")
	switch format {
	case "":
		format = "jsonl"
	case "jsonl", "jsonld":
	default:
		return badParam("format", "want jsonl or jsonld, got %q", format)
	}
	// Check the query before the answer begins, so that a bad one is a
	// 400 rather than a broken stream.
	check := q
	check.Limit = 1
	if _, err := s.ix.Search(r.Context(), check); err != nil {
		return queryError(err)
	}
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	start := time.Now()
	err := s.ix.Export(r.Context(), q, func(c extract.Claim) error {
		// Each write must progress: a stalled client holds no reader
		// for ever, while a long export of a large index goes on.
		_ = rc.SetWriteDeadline(time.Now().Add(s.cfg.HandlerTimeout))
		if format == "jsonld" {
			return enc.Encode(SchemaClaim(c))
		}
		return enc.Encode(WireClaim(c))
	})
	s.metrics.searchLatency.WithLabelValues("export").Observe(time.Since(start).Seconds())
	if err != nil && r.Context().Err() == nil {
		s.log.Warn("export failed mid-stream", "err", err)
		_ = enc.Encode(api.ErrorBody{Error: api.Error{Code: api.CodeInternal, Message: "export stopped: internal error (logged by the server)"}})
	}
	_ = bw.Flush()
	return nil
}

// ClaimView is the JSON of /api/claims/{id}.
type ClaimView struct {
	Claim       extract.Claim     `json:"claim"`
	Explain     []extract.Feature `json:"explain"`
	Conflicting []extract.Claim   `json:"conflicting"`
}

func (s *Server) claim(w http.ResponseWriter, r *http.Request, _ params) error {
	id := r.PathValue("id")
	got, err := s.ix.ClaimsByID(r.Context(), []string{id})
	if err != nil {
		return err
	}
	c, ok := got[id]
	if !ok {
		return errorf(http.StatusNotFound, api.CodeNotFound, "no claim %q", id)
	}
	others, err := s.ix.ClaimsByID(r.Context(), c.Conflicts)
	if err != nil {
		return err
	}
	v := ClaimView{Claim: WireClaim(c), Explain: extract.Explain(c), Conflicting: []extract.Claim{}}
	if v.Explain == nil {
		v.Explain = []extract.Feature{}
	}
	for _, oid := range c.Conflicts {
		if o, ok := others[oid]; ok {
			v.Conflicting = append(v.Conflicting, WireClaim(o))
		}
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// Document is the JSON of /api/documents/{doc_id}.
type Document struct {
	ID        string          `json:"id"`
	Location  string          `json:"location"`
	Source    string          `json:"source"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Story     string          `json:"story"`
	Text      string          `json:"text"`
	Claims    []extract.Claim `json:"claims"`
}

func (s *Server) document(w http.ResponseWriter, r *http.Request, _ params) error {
	id := r.PathValue("doc_id")
	rec, found, err := s.ix.Doc(id)
	if err != nil {
		return err
	}
	if !found {
		return errorf(http.StatusNotFound, api.CodeNotFound, "no document %q", id)
	}
	text, _, err := s.ix.DocText(id)
	if err != nil {
		return err
	}
	byID, err := s.ix.ClaimsByID(r.Context(), rec.Claims)
	if err != nil {
		return err
	}
	d := Document{ID: rec.ID, Location: rec.Location, Source: rec.Source, Story: rec.Story, Text: text, Claims: make([]extract.Claim, 0, len(byID))}
	for _, cid := range rec.Claims {
		if c, ok := byID[cid]; ok {
			d.Claims = append(d.Claims, WireClaim(c))
		}
	}
	slices.SortStableFunc(d.Claims, func(a, b extract.Claim) int { return cmp.Compare(a.Offset.Start, b.Offset.Start) })
	if len(d.Claims) > 0 {
		d.Title, d.Published = d.Claims[0].Title, d.Claims[0].Published
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// Conflicts is the JSON of /api/conflicts.
type Conflicts struct {
	Total  int                      `json:"total"`
	Groups []Group                  `json:"groups"`
	Claims map[string]extract.Claim `json:"claims"`
}

// Group is a group of claimdex conflicts --format json, with its number
// of independent origins.
type Group struct {
	Topic   string       `json:"topic"`
	Kind    string       `json:"kind"`
	Story   string       `json:"story"`
	Shared  []string     `json:"shared"`
	Origins int          `json:"origins"`
	Values  []GroupValue `json:"values"`
}

// GroupValue is one value of a group and who states it.
type GroupValue struct {
	Value   string   `json:"value"`
	Claims  []string `json:"claims"`
	Sources []string `json:"sources"`
}

// NewGroup is the wire form of g.
func NewGroup(g crosscheck.Group) Group {
	out := Group{Topic: g.Topic, Kind: g.Kind, Story: g.Story, Shared: nonNil(g.Shared), Origins: g.Origins, Values: make([]GroupValue, 0, len(g.Values))}
	for _, v := range g.Values {
		out.Values = append(out.Values, GroupValue{Value: v.Value, Claims: nonNil(v.Claims), Sources: nonNil(v.Sources)})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

var conflictKinds = []string{crosscheck.ValueMoney, crosscheck.ValueDate, crosscheck.ValueQuantity, "person"}

func (s *Server) conflicts(w http.ResponseWriter, r *http.Request, p params) error {
	kind := p.str("kind")
	if kind != "" && !slices.Contains(conflictKinds, kind) {
		return badParam("kind", "want one of money, date, quantity, person; got %q", kind)
	}
	limit, aerr := p.intIn("limit", 100, 1, MaxLimit)
	if aerr != nil {
		return aerr
	}
	offset, aerr := p.intIn("offset", 0, 0, index.MaxWindow)
	if aerr != nil {
		return aerr
	}
	start := time.Now()
	groups, err := s.ix.Groups(r.Context(), kind)
	if err != nil {
		return err
	}
	out := Conflicts{Total: len(groups), Groups: []Group{}, Claims: map[string]extract.Claim{}}
	page := groups[min(offset, len(groups)):min(offset+limit, len(groups))]
	var ids []string
	for _, g := range page {
		out.Groups = append(out.Groups, NewGroup(g))
		for _, v := range g.Values {
			ids = append(ids, v.Claims...)
		}
	}
	claims, err := s.ix.ClaimsByID(r.Context(), ids)
	if err != nil {
		return err
	}
	for id, c := range claims {
		out.Claims[id] = WireClaim(c)
	}
	s.metrics.searchLatency.WithLabelValues("conflicts").Observe(time.Since(start).Seconds())
	writeJSON(w, http.StatusOK, out)
	return nil
}

// SchemaClaim is a claim as a schema.org Claim, the form fact-checkers'
// publishing tools (ClaimReview) take.
func SchemaClaim(c extract.Claim) map[string]any {
	appearance := map[string]any{"@type": "CreativeWork", "url": c.Location}
	if c.Title != "" {
		appearance["headline"] = c.Title
	}
	if c.Source != "" {
		appearance["publisher"] = map[string]any{"@type": "Organization", "name": c.Source}
	}
	if c.Published != "" {
		appearance["datePublished"] = c.Published
	}
	out := map[string]any{
		"@context":    schemaContext,
		"@type":       "Claim",
		"claimdex:id": c.ID,
		"text":        c.Text,
		"appearance":  appearance,
	}
	if c.Published != "" {
		out["datePublished"] = c.Published
	}
	if c.Speaker != "" {
		out["author"] = map[string]any{"@type": "Person", "name": c.Speaker}
	}
	return out
}

// schemaContext is the JSON-LD context of a schema.org claim.
var schemaContext = []any{"https://schema.org", map[string]string{"claimdex": "https://github.com/claimdex/claimdex#"}}
