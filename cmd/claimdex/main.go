// Command claimdex turns news articles into a searchable, exportable index
// of checkable claims. Run "claimdex help" for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/claimdex/claimdex/cmd/claimdex/internal/startup"
)

func main() {
	startup.Done()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
