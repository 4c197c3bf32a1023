package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

const exportHelp = `
Usage: claimdex export [flags] [QUERY...]

Writes every claim that matches QUERY and the filters (all claims when
there are none), in a stable order (by claim id), with no cap on the
number. The output is streamed: jsonl writes one claim per line, json one
JSON array written element by element. With --out the file appears only
once the export is complete.

Examples:
  claimdex export --format jsonl > claims.jsonl
  claimdex export --format json --out claims.json
  claimdex export --source "Kyiv Ledger" --currency EUR fund
  claimdex export --format jsonld --conflicting > claims.jsonld
`

func runExport(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	indexPath := fs.String("index", index.DefaultPath, "index `DIR`")
	f := addFilters(fs)
	format := newChoice("jsonl", "jsonl", "json", "jsonld")
	fs.Var(format, "format", "output `FORMAT`: jsonl (one claim per line), json (an array) or jsonld (an array of schema.org Claim objects)")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	words, err := parseFlags(e, fs, exportHelp, args)
	if err != nil {
		return err
	}
	q, err := f.query(strings.TrimSpace(strings.Join(words, " ")))
	if err != nil {
		return err
	}
	ix, err := openExisting(*indexPath)
	if err != nil {
		return err
	}
	defer ix.Close()

	if *out == "" {
		_, err = exportTo(ctx, e.stdout, ix, q, format.v)
	} else {
		err = writeFileAtomic(*out, func(w io.Writer) error {
			_, err := exportTo(ctx, w, ix, q, format.v)
			return err
		})
	}
	if errors.Is(err, index.ErrQuery) {
		// The query is checked before anything is written.
		return usagef("%v", err)
	}
	return err
}

// exportTo streams the claims matching q to w and returns their number.
func exportTo(ctx context.Context, w io.Writer, ix *index.Index, q index.Query, format string) (int, error) {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	array := format == "json" || format == "jsonld"
	if array {
		bw.WriteString("[")
	}
	err := ix.Export(ctx, q, func(c extract.Claim) error {
		if array {
			if n > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n")
		}
		n++
		if format == "jsonld" {
			return enc.Encode(schemaClaim(c))
		}
		return enc.Encode(wireClaim(c))
	})
	if err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	if array {
		if n > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString("]\n")
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export: write: %w", err)
	}
	return n, nil
}

// writeFileAtomic writes path through a temporary file in the same
// directory, renamed into place only when write succeeds, so that a failed
// or interrupted export never leaves a truncated file behind.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// schemaContext is the JSON-LD context of --format jsonld: schema.org, plus
// a claimdex prefix for the claim id.
var schemaContext = []any{"https://schema.org", map[string]string{"claimdex": "https://github.com/claimdex/claimdex#"}}

// schemaClaim is a claim as a schema.org Claim, the form fact-checkers'
// publishing tools (ClaimReview) take: the text, who said it, when it was
// published, and the article it appears in with its URL and publisher.
func schemaClaim(c extract.Claim) map[string]any {
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
