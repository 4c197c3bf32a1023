package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/claimdex/claimdex/index"
)

const conflictsHelp = `
Usage: claimdex conflicts [flags]

Lists claims in the index that contradict each other (different amounts,
dates or people for the same fact in different sources).

Not implemented yet: conflict detection comes with the claims issue, and
until then this command reports none ([] in JSON) for an existing index.

Examples:
  claimdex conflicts
  claimdex conflicts --format json --index /tmp/news.bleve
`

func runConflicts(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("conflicts", flag.ContinueOnError)
	indexPath := fs.String("index", index.DefaultPath, "index `DIR`")
	format := newChoice("text", "text", "json")
	fs.Var(format, "format", "output `FORMAT`: text or json")
	pos, err := parseFlags(e, fs, conflictsHelp, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("takes no arguments, got %q", pos[0])
	}
	ix, err := openExisting(*indexPath)
	if err != nil {
		return err
	}
	defer ix.Close()
	// Conflict detection (Claim.Conflicts, Claim.Corroborations) is the
	// claims issue's work; until it lands there is honestly nothing to
	// report, and the output keeps its final shape.
	if format.v == "json" {
		_, err = fmt.Fprintln(e.stdout, "[]")
	} else {
		_, err = fmt.Fprintln(e.stdout, "no conflicts found (conflict detection is not implemented yet)")
	}
	return err
}
