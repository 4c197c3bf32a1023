package search

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/cmd/internal/cli"
)

// clientName is the search-only client as typed.
const clientName = "claimdex-search"

// clientNote is the paragraph of the client's help that claimdex
// search's has not.
const clientNote = `
It needs a running claimdex serve for the index (claimdex serve --index
DIR) and sends it the search; claimdex search, which prints the same,
also searches an index without a server.
`

// Main is the whole of claimdex-search, the search-only client, and
// returns its exit status. It lives here, not in its command, so that
// the claimdex tests can run it beside claimdex.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return cli.Report(stderr, clientName, "", runClient(ctx, args, stdout))
}

func runClient(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet(clientName, flag.ContinueOnError)
	f := AddFlags(fs)
	// --verbose is accepted as claimdex search accepts it; a search logs
	// nothing at debug level.
	words, _, err := cli.Parse(fs, Help(clientName, clientNote), args, stdout)
	if err != nil {
		return err
	}
	r, err := f.Request(words)
	if err != nil {
		return err
	}
	c, err := api.Find(ctx, f.Index(), os.Getenv("CLAIMDEX_TOKEN"))
	if err != nil {
		return err
	}
	if c == nil {
		return fmt.Errorf("no claimdex serve is running for the index %s: start one with 'claimdex serve --index %s', or use 'claimdex search', which also searches the index without a server",
			f.Index(), f.Index())
	}
	return f.Run(ctx, stdout, c, r, cli.IsTerminal(stdout))
}
