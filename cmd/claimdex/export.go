package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/server"
)

const exportHelp = `
Usage: claimdex export [flags] [QUERY...]

Writes every claim that matches QUERY and the filters (all claims when
there are none), with no cap on the number. The output is streamed: jsonl
writes one claim per line, json one JSON array written element by element.
With --out the file appears only once the export is complete.

The claims are those of the index as it was when the export began (claims
ingested meanwhile are left out), in the index's own order, which is not
by claim id and can change once the index is written to. Each jsonl line
begins with the claim's id, so LC_ALL=C sort puts them in id order, for
exports to compare with diff.

Examples:
  claimdex export --format jsonl > claims.jsonl
  claimdex export | LC_ALL=C sort > claims-by-id.jsonl
  claimdex export --format json --out claims.json
  claimdex export --source "Kyiv Ledger" --currency EUR fund
  claimdex export --format jsonld --conflicting > claims.jsonld
`

func runExport(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	indexPath := fs.String("index", cli.DefaultIndex, "index `DIR`")
	f := cli.AddFilters(fs)
	format := cli.NewChoice("jsonl", "jsonl", "json", "jsonld")
	fs.Var(format, "format", "output `FORMAT`: jsonl (one claim per line), json (an array) or jsonld (an array of schema.org Claim objects)")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	words, err := parseFlags(e, fs, exportHelp, args)
	if err != nil {
		return err
	}
	filter, err := f.Filter(strings.TrimSpace(strings.Join(words, " ")))
	if err != nil {
		return err
	}
	c, err := findServer(ctx, *indexPath)
	if err != nil {
		return err
	}
	// each gives the matching claims as JSON lines, from the server or
	// from the index.
	var each func(context.Context, func(line []byte) error) error
	if c != nil {
		each = func(ctx context.Context, fn func([]byte) error) error {
			v := filter.Values()
			if format.V == "jsonld" {
				v.Set("format", "jsonld")
			}
			err := c.Export(ctx, v, fn)
			if msg, ok := api.BadRequest(err); ok {
				return cli.Usagef("%s", msg)
			}
			return err
		}
	} else {
		ix, err := openExisting(*indexPath)
		if err != nil {
			return err
		}
		defer ix.Close()
		each = func(ctx context.Context, fn func([]byte) error) error {
			return ix.Export(ctx, server.IndexQuery(filter), func(c extract.Claim) error {
				var v any = server.WireClaim(c)
				if format.V == "jsonld" {
					v = server.SchemaClaim(c)
				}
				line, err := marshalLine(v)
				if err != nil {
					return err
				}
				return fn(line)
			})
		}
	}

	if *out == "" {
		_, err = exportTo(ctx, e.stdout, each, format.V)
	} else {
		err = writeFileAtomic(*out, func(w io.Writer) error {
			_, err := exportTo(ctx, w, each, format.V)
			return err
		})
	}
	if errors.Is(err, index.ErrQuery) {
		// The query is checked before anything is written.
		return cli.Usagef("%v", err)
	}
	return err
}

// exportTo streams the claims each gives as JSON lines (from the index or
// from a server) to w and returns their number.
func exportTo(ctx context.Context, w io.Writer, each func(context.Context, func([]byte) error) error, format string) (int, error) {
	bw := bufio.NewWriter(w)
	n := 0
	array := format == "json" || format == "jsonld"
	if array {
		bw.WriteString("[")
	}
	err := each(ctx, func(line []byte) error {
		if array {
			if n > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n")
		}
		n++
		bw.Write(line)
		return bw.WriteByte('\n')
	})
	var ue *cli.UsageError
	if errors.As(err, &ue) {
		return n, err
	}
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

// marshalLine is v as one line of JSON, with <, > and & as they are.
func marshalLine(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
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
