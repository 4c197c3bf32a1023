package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/server"
)

const searchHelp = `
Usage: claimdex search [flags] [QUERY...]

Searches the claims in the index, best match first. QUERY is Bleve
query-string syntax over the claim text: words, "exact phrases", +required,
-excluded, prefix*; several arguments are joined by spaces; no QUERY
matches every claim. Filters narrow the result; a repeated filter accepts
any of its values. --entity keeps the claims that name an entity;
--doc-entity the claims of the documents that name it anywhere, datelines,
headings, tables and captions included.

Text output: rank, score, source, publication date and kind, then the
claim with the matching words marked, then its location. JSON output:
{"total": N, "hits": [{"score": x, "claim": {...}, "highlights": [...]}],
"facets": {"source": [...], "entity": [...], "kind": [...]}} (facets only
with --facets). --explain adds, per hit, the check-worthiness features
behind the claim's score: each named signal and its contribution to the
logistic sum ("explain": [{"name": "money", "weight": 1.1}, ...]).

Examples:
  claimdex search "reconstruction fund"
  claimdex search --source "Kyiv Ledger" --entity "Steve Witkoff" --since 2025-12-01 "security guarantees"
  claimdex search --currency USD --min-amount 1e9 --format json fund
  claimdex search --doc-entity Kestravik flood
  claimdex search --kind quote --speaker "Rustem Umerov" --limit 5
  claimdex search --facets --limit 0
  claimdex search --min-sources 2 --conflicting fund
  claimdex search --explain --format json --limit 3 budget
`

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	indexPath := fs.String("index", index.DefaultPath, "index `DIR`")
	f := addFilters(fs)
	limit := fs.Int("limit", index.DefaultLimit, "show at most `N` hits (0: only the count and facets)")
	offset := fs.Int("offset", 0, "skip the first `N` hits")
	facets := fs.Bool("facets", false, "count the matching claims by source, entity and kind")
	explain := fs.Bool("explain", false, "show the check-worthiness features behind each claim's score")
	format := newChoice("text", "text", "json")
	fs.Var(format, "format", "output `FORMAT`: text or json")
	words, err := parseFlags(e, fs, searchHelp, args)
	if err != nil {
		return err
	}
	if *limit < 0 || *offset < 0 {
		return usagef("--limit and --offset must be 0 or more")
	}
	q, err := f.query(strings.TrimSpace(strings.Join(words, " ")))
	if err != nil {
		return err
	}
	q.Limit, q.Offset, q.Facets = *limit, *offset, *facets
	if *limit == 0 {
		// index.Query reads Limit 0 as its default page size; here 0
		// means counts and facets only, so ask for one hit and drop it.
		q.Limit = 1
	}

	c, err := findServer(ctx, *indexPath)
	if err != nil {
		return err
	}
	if c != nil {
		return searchServer(ctx, e, c, q, *limit, *facets, *explain, format.v)
	}
	ix, err := openExisting(*indexPath)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, q)
	if errors.Is(err, index.ErrQuery) {
		return usagef("%v", err)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if *limit == 0 {
		res.Hits = nil
	}
	if format.v == "json" {
		return writeSearchJSON(e.stdout, res, *facets, *explain)
	}
	return writeSearchText(e.stdout, q, res, *facets, *explain, isTerminal(e.stdout))
}

func writeSearchJSON(w io.Writer, res *index.Result, facets, explain bool) error {
	return writeIndented(w, server.NewSearchResult(res, facets, explain), "result")
}

// searchServer runs the search on the server running for the index.
func searchServer(ctx context.Context, e *env, c *server.Client, q index.Query, limit int, facets, explain bool, format string) error {
	v := server.QueryValues(q)
	v.Set("limit", strconv.Itoa(limit))
	v.Set("offset", strconv.Itoa(q.Offset))
	v.Set("facets", strconv.FormatBool(facets))
	v.Set("explain", strconv.FormatBool(explain))
	sr, err := c.Search(ctx, v)
	if msg, ok := server.BadRequest(err); ok {
		return usagef("%s", msg)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if format == "json" {
		return writeIndented(e.stdout, sr, "result")
	}
	res := &index.Result{Total: sr.Total, Facets: sr.Facets}
	for _, h := range sr.Hits {
		res.Hits = append(res.Hits, index.Hit{Score: h.Score, Claim: h.Claim, Highlights: h.Highlights})
	}
	return writeSearchText(e.stdout, q, res, facets, explain, isTerminal(e.stdout))
}

// writeSearchText writes a page of hits for people. On a terminal the
// highlighted words are shown in bold rather than between markers.
func writeSearchText(w io.Writer, q index.Query, res *index.Result, facets, explain, tty bool) error {
	var b strings.Builder
	switch {
	case res.Total == 0:
		b.WriteString("no claims match\n")
	case len(res.Hits) == 0:
		fmt.Fprintf(&b, "%s (none shown at offset %d)\n", matchCount(res.Total), q.Offset)
	default:
		fmt.Fprintf(&b, "%s, showing %d-%d\n", matchCount(res.Total), q.Offset+1, q.Offset+len(res.Hits))
	}
	for i, h := range res.Hits {
		c := h.Claim
		published := "undated"
		if len(c.Published) >= 10 {
			published = c.Published[:10]
		}
		fmt.Fprintf(&b, "\n%d. %.3f  %s  %s  %s\n", q.Offset+i+1, h.Score, orDash(c.Source), published, c.Kind)
		text := c.Text
		if len(h.Highlights) > 0 {
			text = strings.Join(h.Highlights, " "+index.HighlightSeparator+" ")
			if tty {
				text = boldMarks(text)
			}
		}
		fmt.Fprintf(&b, "   %s\n", text)
		if c.Speaker != "" {
			fmt.Fprintf(&b, "   speaker: %s\n", c.Speaker)
		}
		if s := mentionSummary(c); s != "" {
			fmt.Fprintf(&b, "   %s\n", s)
		}
		if c.Corroborations > 0 || len(c.Conflicts) > 0 {
			fmt.Fprintf(&b, "   stated by %d other origin(s); contradicted by %d claim(s)\n", c.Corroborations, len(c.Conflicts))
		}
		if explain {
			fmt.Fprintf(&b, "   check-worthiness %.2f:%s\n", c.Score, featureList(extract.Explain(c)))
		}
		fmt.Fprintf(&b, "   %s\n", c.Location)
	}
	if facets {
		for _, name := range server.FacetNames {
			fmt.Fprintf(&b, "\n%s:", name)
			if len(res.Facets[name]) == 0 {
				b.WriteString(" none")
			}
			for _, fc := range res.Facets[name] {
				fmt.Fprintf(&b, "\n  %6d  %s", fc.Count, fc.Term)
			}
			b.WriteString("\n")
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	return nil
}

// boldMarks turns the index's highlight markers into ANSI bold.
func boldMarks(s string) string {
	var b strings.Builder
	open := false
	for {
		i := strings.Index(s, index.HighlightStart)
		if open {
			i = strings.Index(s, index.HighlightEnd)
		}
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		if open {
			b.WriteString("\x1b[0m")
			s = s[i+len(index.HighlightEnd):]
		} else {
			b.WriteString("\x1b[1m")
			s = s[i+len(index.HighlightStart):]
		}
		open = !open
	}
	if open {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

func matchCount(n uint64) string {
	if n == 1 {
		return "1 claim matches"
	}
	return fmt.Sprintf("%d claims match", n)
}

// mentionSummary lists a claim's money amounts and entities in brief.
func mentionSummary(c extract.Claim) string {
	var parts []string
	for _, m := range c.Money {
		parts = append(parts, fmt.Sprintf("%s %s", m.Currency, formatAmount(m.Amount)))
	}
	seen := map[string]bool{}
	for _, en := range c.Entities {
		name := en.Canonical
		if name == "" {
			name = en.Text
		}
		if !seen[name] {
			seen[name] = true
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, " · ")
}

func formatAmount(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%gbn", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%gm", v/1e6)
	}
	return fmt.Sprintf("%g", v)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// featureList writes features as " money +1.10, question -2.00".
func featureList(fs []extract.Feature) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %s %+.2f", f.Name, f.Weight)
	}
	return b.String()
}
