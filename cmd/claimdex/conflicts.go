package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/pipeline"
	"github.com/claimdex/claimdex/server"
)

const conflictsHelp = `
Usage: claimdex conflicts [flags]

Lists the facts on which independent sources disagree: the same kind of
value (money, date, quantity) about the same thing (the "topic") stated
differently by different outlets, or different persons named for one
role (kind person: "Labour Minister (Kestria)", "Secretary-General
(NATO)"), biggest disagreement first. Syndicated
copies of one story and documents of one source count as one origin, and
values that differ only in precision (March 2026 and 3 March 2026) do not
conflict.

Values are compared only inside a story: documents published within a
week of each other that name the same people, organisations and figures.
The analysis runs after each ingest, on the documents it added or changed
and the stories they join; documents an interrupted run left unanalysed
are analysed first; --rebuild analyses the whole index again.

Text output: one table per group, each value with the sources stating it
and their wording, and what the documents share. JSON output: an array of
{"topic", "kind", "story", "shared": [keys], "values": [{"value", "claims": [ids], "sources": [names]}]}.

Examples:
  claimdex conflicts
  claimdex conflicts --kind money
  claimdex conflicts --kind person
  claimdex conflicts --format json --index /tmp/news.bleve
`

// conflictJSON is the JSON form of a group, part of the command-line
// contract.
type conflictJSON struct {
	Topic  string      `json:"topic"`
	Kind   string      `json:"kind"`
	Story  string      `json:"story"`
	Shared []string    `json:"shared"`
	Values []valueJSON `json:"values"`
}

type valueJSON struct {
	Value   string   `json:"value"`
	Claims  []string `json:"claims"`
	Sources []string `json:"sources"`
}

func runConflicts(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("conflicts", flag.ContinueOnError)
	indexPath := fs.String("index", cli.DefaultIndex, "index `DIR`")
	format := cli.NewChoice("text", "text", "json")
	fs.Var(format, "format", "output `FORMAT`: text or json")
	kind := cli.NewChoice("", "", crosscheck.ValueMoney, crosscheck.ValueDate, crosscheck.ValueQuantity, "person")
	fs.Var(kind, "kind", "only groups of this `KIND` of value: money, date, quantity or person")
	rebuild := fs.Bool("rebuild", false, "run the full cross-source analysis again before listing")
	pos, err := parseFlags(e, fs, conflictsHelp, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return cli.Usagef("takes no arguments, got %q", pos[0])
	}
	c, err := findServer(ctx, *indexPath)
	if err != nil {
		return err
	}
	if c != nil {
		if *rebuild {
			return cli.Usagef("--rebuild needs the index to itself: stop the server for %s first", *indexPath)
		}
		return conflictsServer(ctx, e, c, kind.V, format.V)
	}
	ix, err := openExisting(*indexPath)
	if err != nil {
		return err
	}
	defer ix.Close()
	// Analyse what an interrupted ingest left pending, or everything.
	analyse := pipeline.Crosscheck
	if *rebuild {
		analyse = pipeline.Rebuild
	}
	if _, err := analyse(ctx, ix, e.log); err != nil {
		return err
	}
	groups, err := ix.Groups(ctx, kind.V)
	if err != nil {
		return err
	}
	if format.V == "json" {
		return writeConflictsJSON(e.stdout, groups)
	}
	var ids []string
	for _, g := range groups {
		for _, v := range g.Values {
			ids = append(ids, v.Claims...)
		}
	}
	claims, err := ix.ClaimsByID(ctx, ids)
	if err != nil {
		return err
	}
	return writeConflictsText(e.stdout, groups, claims)
}

// conflictsServer lists the groups of the server running for the index,
// which analyses what each ingest job adds.
func conflictsServer(ctx context.Context, e *env, c *server.Client, kind, format string) error {
	res, err := c.Conflicts(ctx, kind)
	if err != nil {
		return fmt.Errorf("conflicts: %w", err)
	}
	groups := make([]crosscheck.Group, 0, len(res.Groups))
	for _, g := range res.Groups {
		cg := crosscheck.Group{Topic: g.Topic, Kind: g.Kind, Story: g.Story, Shared: g.Shared, Origins: g.Origins}
		for _, v := range g.Values {
			cg.Values = append(cg.Values, crosscheck.GroupValue{Value: v.Value, Claims: v.Claims, Sources: v.Sources})
		}
		groups = append(groups, cg)
	}
	if format == "json" {
		return writeConflictsJSON(e.stdout, groups)
	}
	return writeConflictsText(e.stdout, groups, res.Claims)
}

func writeConflictsJSON(w io.Writer, groups []crosscheck.Group) error {
	out := make([]conflictJSON, 0, len(groups))
	for _, g := range groups {
		cj := conflictJSON{Topic: g.Topic, Kind: g.Kind, Story: g.Story, Shared: nonNil(g.Shared), Values: make([]valueJSON, 0, len(g.Values))}
		for _, v := range g.Values {
			cj.Values = append(cj.Values, valueJSON{Value: v.Value, Claims: nonNil(v.Claims), Sources: nonNil(v.Sources)})
		}
		out = append(out, cj)
	}
	return cli.WriteJSON(w, out, "conflicts")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeConflictsText prints each group as a small table: the value, then
// for each claim stating it its source and its wording.
func writeConflictsText(w io.Writer, groups []crosscheck.Group, claims map[string]extract.Claim) error {
	var b strings.Builder
	if len(groups) == 0 {
		b.WriteString("no conflicts found\n")
	}
	for i, g := range groups {
		if i > 0 {
			b.WriteString("\n")
		}
		topic := g.Topic
		if topic == "" {
			topic = "(untitled)"
		}
		fmt.Fprintf(&b, "%d. %s [%s] %d values from %d origins\n", i+1, topic, g.Kind, len(g.Values), g.Origins)
		if len(g.Shared) > 0 {
			fmt.Fprintf(&b, "   shared: %s\n", describeShared(g.Shared))
		}
		for _, v := range g.Values {
			fmt.Fprintf(&b, "   %s  (%s)\n", v.Value, strings.Join(v.Sources, ", "))
			for _, id := range v.Claims {
				c, ok := claims[id]
				if !ok {
					fmt.Fprintf(&b, "     - %s (claim no longer in the index)\n", id)
					continue
				}
				fmt.Fprintf(&b, "     - %s: %s\n", cli.OrDash(c.Source), cli.OneLine(c.Text))
				fmt.Fprintf(&b, "       %s  %s\n", c.ID, c.Location)
			}
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write conflicts: %w", err)
	}
	return nil
}

// describeShared names the keys a group's documents share by kind:
// "people: aufhauser; organisations: icpdr; figures: 2400000000 EUR".
func describeShared(keys []string) string {
	kinds := []struct{ prefix, name string }{
		{"p:", "people"}, {"o:", "organisations"}, {"m:", "names"}, {"g:", "places"},
		{"v:", "figures"}, {"t:", "headline words"},
	}
	var parts []string
	for _, k := range kinds {
		var vs []string
		for _, key := range keys {
			if v, ok := strings.CutPrefix(key, k.prefix); ok {
				if k.prefix == "v:" {
					_, v, _ = strings.Cut(v, ":")
				}
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			parts = append(parts, k.name+": "+strings.Join(vs, ", "))
		}
	}
	return strings.Join(parts, "; ")
}
