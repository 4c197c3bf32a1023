// Command claimdex-search is a search-only client: it sends a search to
// the claimdex serve running for an index and prints what claimdex search
// prints, with the same flags, output and exit statuses.
//
// It links neither Bleve nor prose nor the extractor and the index built
// on them, whose initialisation and size cost claimdex 40-50 ms at every
// start: this binary starts in a few milliseconds, so that a search's
// time is mostly the server's (docs/scale.md). Without a server for the
// index it fails and says to start one or to use claimdex search.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/claimdex/claimdex/cmd/internal/search"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := search.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
