package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/server"
)

const extractHelp = `
Usage: claimdex extract [flags] FILE|-

Cleans one document and prints its claims as JSON Lines, one claim per
line in document order, without touching any index. - reads standard
input. Useful to see what ingest would index.

--entities prints instead the document's entities, one JSON object a line
in order of first mention: {"name", "type", "mentions"}, every canonical
name the document gives anywhere outside its boilerplate, in claims or in
lines that give none (datelines, headings, tables, captions). These are
what search --doc-entity finds a document by.

Examples:
  claimdex extract --published 2025-12-22 article.txt
  claimdex extract --entities article.txt
  claimdex extract story.html | jq -r .text
  curl -s https://example.com/story | claimdex extract --source Example -
`

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	var published cli.Date
	fs.Var(&published, "published", "publication `DATE` when the document gives none (resolves relative dates)")
	source := fs.String("source", "", "source `NAME` when the document's metadata names none")
	entities := fs.Bool("entities", false, "print the document's entities instead of its claims")
	pos, err := parseFlags(e, fs, extractHelp, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return cli.Usagef("want exactly one FILE or -, got %d arguments", len(pos))
	}
	doc, err := readDocument(ctx, e, pos[0], corpus.Options{Source: *source, Published: published.Time})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	bw := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	claims, ents := x.Document(doc)
	if *entities {
		for _, en := range ents {
			if err := enc.Encode(en); err != nil {
				return fmt.Errorf("write entities: %w", err)
			}
		}
	} else {
		for _, c := range claims {
			if err := enc.Encode(server.WireClaim(c)); err != nil {
				return fmt.Errorf("write claims: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write claims: %w", err)
	}
	return nil
}

// readDocument reads and cleans one input for extract and clean.
func readDocument(ctx context.Context, e *env, loc string, opt corpus.Options) (*corpus.Document, error) {
	data, err := corpus.ReadContext(ctx, loc, e.stdin, corpus.DefaultMaxBytes)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", loc, err)
	}
	opt.Identity = corpus.LocalIdentity(loc) // the id ingest gives it
	doc, err := corpus.Clean(loc, data, opt)
	if err != nil {
		return nil, fmt.Errorf("clean %s: %w", loc, err)
	}
	return doc, nil
}
