package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/cmd/internal/search"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/server"
)

// runSearch is claimdex search: through the server running for the
// index when there is one, else on the index itself. The flags, the
// request and the output are package search's, shared with
// claimdex-search, which only does the first.
func runSearch(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	f := search.AddFlags(fs)
	words, err := parseFlags(e, fs, search.Help("claimdex search", ""), args)
	if err != nil {
		return err
	}
	r, err := f.Request(words)
	if err != nil {
		return err
	}
	tty := cli.IsTerminal(e.stdout)
	c, err := findServer(ctx, f.Index())
	if err != nil {
		return err
	}
	if c != nil {
		return f.Run(ctx, e.stdout, c.Client, r, tty)
	}

	ix, err := openExisting(f.Index())
	if err != nil {
		return err
	}
	defer ix.Close()
	q := server.IndexQuery(r.Filter)
	q.Limit, q.Offset, q.Facets = r.Limit, r.Offset, r.Facets
	if r.Limit == 0 {
		// index.Query reads Limit 0 as its default page size; here 0
		// means counts and facets only, so ask for one hit and drop it.
		q.Limit = 1
	}
	res, err := ix.Search(ctx, q)
	if errors.Is(err, index.ErrQuery) {
		return cli.Usagef("%v", err)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if r.Limit == 0 {
		res.Hits = nil
	}
	sr := server.NewSearchResult(res, r.Facets, r.Explain)
	return f.Print(e.stdout, &sr, r, tty)
}
