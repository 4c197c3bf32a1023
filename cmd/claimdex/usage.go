package main

import (
	"fmt"
	"strings"
)

// mainUsage is the help of the program as a whole.
func mainUsage() string {
	var b strings.Builder
	b.WriteString(`claimdex turns news articles into a searchable index of checkable claims.

Usage:
  claimdex COMMAND [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Examples:
  claimdex ingest testdata/                      # into ./claimdex.bleve
  claimdex search "reconstruction fund"
  claimdex search --entity "Steve Witkoff" --since 2025-12-01 "security guarantees"
  claimdex export --format jsonl > claims.jsonl
  claimdex extract --published 2025-12-22 article.txt

Run 'claimdex COMMAND --help' for the flags of a command.
Exit status: 0 success, 1 failure, 2 usage error, 3 (ingest) some inputs failed.
`)
	return b.String()
}
