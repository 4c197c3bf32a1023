// Package search is the search command of claimdex search and of the
// search-only client claimdex-search: its flags and help, the request
// they make, sending it to a running server, and printing the answer as
// text or JSON. Both print the same thing because both print through it.
//
// It imports neither Bleve nor prose; claimdex searches an index without
// a server itself and hands the result here to print.
package search

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/claim"
	"github.com/claimdex/claimdex/cmd/internal/cli"
)

// help is the command's help; %[1]s is the command as typed, %[2]s a
// paragraph on how it reaches the index.
const help = `
Usage: %[1]s [flags] [QUERY...]

Searches the claims in the index, best match first. QUERY is Bleve
query-string syntax over the claim text: words, "exact phrases", +required,
-excluded, prefix*; several arguments are joined by spaces; no QUERY
matches every claim. Filters narrow the result; a repeated filter accepts
any of its values. --entity keeps the claims that name an entity;
--doc-entity the claims of the documents that name it anywhere, datelines,
headings, tables and captions included.
%[2]s
Text output: rank, score, source, publication date and kind, then the
claim with the matching words marked, then its location. JSON output:
{"total": N, "hits": [{"score": x, "claim": {...}, "highlights": [...]}],
"facets": {"source": [...], "entity": [...], "kind": [...]}} (facets only
with --facets). --explain adds, per hit, the check-worthiness features
behind the claim's score: each named signal and its contribution to the
logistic sum ("explain": [{"name": "money", "weight": 1.1}, ...]).

Examples:
  %[1]s "reconstruction fund"
  %[1]s --source "Kyiv Ledger" --entity "Steve Witkoff" --since 2025-12-01 "security guarantees"
  %[1]s --currency USD --min-amount 1e9 --format json fund
  %[1]s --doc-entity Kestravik flood
  %[1]s --kind quote --speaker "Rustem Umerov" --limit 5
  %[1]s --facets --limit 0
  %[1]s --min-sources 2 --conflicting fund
  %[1]s --explain --format json --limit 3 budget
`

// Help is the help of the command typed as name; note, when not empty,
// is a paragraph on how it reaches the index.
func Help(name, note string) string {
	if note != "" {
		note = "\n" + strings.TrimSpace(note) + "\n"
	}
	return fmt.Sprintf(help, name, note)
}

// Flags are the command's flags.
type Flags struct {
	index           string
	filters         *cli.Filters
	limit, offset   int
	facets, explain bool
	format          *cli.Choice
}

// AddFlags defines the command's flags on fs.
func AddFlags(fs *flag.FlagSet) *Flags {
	f := &Flags{format: cli.NewChoice("text", "text", "json")}
	fs.StringVar(&f.index, "index", cli.DefaultIndex, "index `DIR`")
	f.filters = cli.AddFilters(fs)
	fs.IntVar(&f.limit, "limit", api.DefaultLimit, "show at most `N` hits (0: only the count and facets)")
	fs.IntVar(&f.offset, "offset", 0, "skip the first `N` hits")
	fs.BoolVar(&f.facets, "facets", false, "count the matching claims by source, entity and kind")
	fs.BoolVar(&f.explain, "explain", false, "show the check-worthiness features behind each claim's score")
	fs.Var(f.format, "format", "output `FORMAT`: text or json")
	return f
}

// Index is the index directory.
func (f *Flags) Index() string { return f.index }

// Request checks the flags and returns the search they ask for, with the
// query words, or a usage error.
func (f *Flags) Request(words []string) (api.SearchRequest, error) {
	if f.limit < 0 || f.offset < 0 {
		return api.SearchRequest{}, cli.Usagef("--limit and --offset must be 0 or more")
	}
	filter, err := f.filters.Filter(strings.TrimSpace(strings.Join(words, " ")))
	if err != nil {
		return api.SearchRequest{}, err
	}
	return api.SearchRequest{Filter: filter, Limit: f.limit, Offset: f.offset, Facets: f.facets, Explain: f.explain}, nil
}

// Run sends r to the server c and prints its answer to w as f says; on a
// terminal (tty) the matched words are in bold. A request the server
// refuses is a usage error.
func (f *Flags) Run(ctx context.Context, w io.Writer, c *api.Client, r api.SearchRequest, tty bool) error {
	sr, err := c.Search(ctx, r)
	if msg, ok := api.BadRequest(err); ok {
		return cli.Usagef("%s", msg)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return f.Print(w, sr, r, tty)
}

// Print writes the answer sr to the request r as f says.
func (f *Flags) Print(w io.Writer, sr *api.SearchResult, r api.SearchRequest, tty bool) error {
	if f.format.V == "json" {
		return cli.WriteJSON(w, sr, "result")
	}
	return WriteText(w, sr, r, tty)
}

// WriteText writes a page of hits for people. On a terminal the
// highlighted words are shown in bold rather than between markers.
func WriteText(w io.Writer, res *api.SearchResult, r api.SearchRequest, tty bool) error {
	var b strings.Builder
	switch {
	case res.Total == 0:
		b.WriteString("no claims match\n")
	case len(res.Hits) == 0:
		fmt.Fprintf(&b, "%s (none shown at offset %d)\n", matchCount(res.Total), r.Offset)
	default:
		fmt.Fprintf(&b, "%s, showing %d-%d\n", matchCount(res.Total), r.Offset+1, r.Offset+len(res.Hits))
	}
	for i, h := range res.Hits {
		c := h.Claim
		published := "undated"
		if len(c.Published) >= 10 {
			published = c.Published[:10]
		}
		fmt.Fprintf(&b, "\n%d. %.3f  %s  %s  %s\n", r.Offset+i+1, h.Score, cli.OrDash(c.Source), published, c.Kind)
		text := c.Text
		if len(h.Highlights) > 0 {
			text = strings.Join(h.Highlights, " "+api.HighlightSeparator+" ")
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
		if r.Explain {
			fmt.Fprintf(&b, "   check-worthiness %.2f:%s\n", c.Score, featureList(h.Explain))
		}
		fmt.Fprintf(&b, "   %s\n", c.Location)
	}
	if r.Facets {
		for _, name := range api.FacetNames {
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

// boldMarks turns the highlight markers into ANSI bold.
func boldMarks(s string) string {
	var b strings.Builder
	open := false
	for {
		i := strings.Index(s, api.HighlightStart)
		if open {
			i = strings.Index(s, api.HighlightEnd)
		}
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		if open {
			b.WriteString("\x1b[0m")
			s = s[i+len(api.HighlightEnd):]
		} else {
			b.WriteString("\x1b[1m")
			s = s[i+len(api.HighlightStart):]
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
func mentionSummary(c claim.Claim) string {
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

// featureList writes features as " money +1.10, question -2.00".
func featureList(fs []claim.Feature) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %s %+.2f", f.Name, f.Weight)
	}
	return b.String()
}
