package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
	"github.com/claimdex/claimdex/server"
)

const serveHelp = `
Usage: claimdex serve [flags]

Owns the index and answers over HTTP while it ingests: searches, exports
and conflict listings run beside ingest jobs (one job at a time, queued),
and a search sees every batch written before it began. The HTTP API is
described in docs/api.md and docs/openapi.yaml; the web page is at /.

While it runs, claimdex search, export, conflicts and ingest on the same
--index go through it (ingest submits a job and follows it). The address
is recorded in DIR/serve.json.

--watch FILE polls a list of feeds, sitemaps and URLs (the syntax of an
@FILE list) every --every, with the conditional GETs and resume state of
ingest; SIGHUP polls it again at once (an edited list counts from then).

Security: it listens on loopback unless --addr says otherwise, and then
requires --token (a bearer token on every request; CLAIMDEX_TOKEN for the
CLI). Ingest through the API fetches only public addresses (checked after
DNS resolution and on every redirect) unless --allow-private.

SIGINT or SIGTERM stops it: no new requests, the running job writes what
it has accepted and stops, and the next start resumes unfinished jobs.

Examples:
  claimdex serve
  claimdex serve --index news.bleve --watch feeds.txt --every 10m
  claimdex serve --addr 0.0.0.0:7700 --token "$(openssl rand -hex 16)"
`

func runServe(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	indexPath := fs.String("index", cli.DefaultIndex, "index `DIR`, created if missing")
	addr := fs.String("addr", "127.0.0.1:7700", "listen on `HOST:PORT` (a port of 0 picks a free one)")
	watch := fs.String("watch", "", "poll the feeds, sitemaps and URLs listed in `FILE`")
	every := fs.Duration("every", 15*time.Minute, "poll the watch list every `DUR`")
	token := fs.String("token", os.Getenv("CLAIMDEX_TOKEN"), "require this bearer `TOKEN` on every request (default $CLAIMDEX_TOKEN)")
	allowPrivate := fs.Bool("allow-private", false, "let API ingest fetch private, loopback and link-local addresses")
	workers := fs.Int("workers", 0, "documents processed at once by a job (`N`; default: number of CPUs)")
	ff := addFetchFlags(fs)
	pos, err := parseFlags(e, fs, serveHelp, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return cli.Usagef("takes no arguments, got %q", pos[0])
	}
	if err := ff.check(); err != nil {
		return err
	}
	if *every < time.Second {
		return cli.Usagef("--every must be at least 1s")
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return cli.Usagef("--addr %q: %v", *addr, err)
	}
	if !loopback(host) && *token == "" {
		return cli.Usagef("--addr %s is not a loopback address: give --token so that not everyone who can reach it can read and write the index", *addr)
	}
	watchPath := ""
	if *watch != "" {
		if watchPath, err = filepath.Abs(*watch); err != nil {
			return cli.Usagef("--watch: %v", err)
		}
		if _, err := os.Stat(watchPath); err != nil {
			return cli.Usagef("--watch: %v", err)
		}
	}
	dir, err := filepath.Abs(*indexPath)
	if err != nil {
		return fmt.Errorf("index path: %w", err)
	}

	// The extractor loads first: while the index is locked and no
	// address is recorded yet, other commands can only wait.
	x, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	ix, err := index.Open(dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	srv, err := server.New(server.Config{
		Dir:          dir,
		Token:        *token,
		AllowPrivate: *allowPrivate,
		Fetch:        ff.config(e, ""),
		Workers:      *workers,
		BatchSize:    pipeline.DefaultBatchSize,
		MaxClaims:    pipeline.DefaultMaxClaims,
		Watch:        watchPath,
		Every:        *every,
		Logger:       e.log,
	}, ix, x)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	reload := make(chan struct{}, 1)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for range hup {
			select {
			case reload <- struct{}{}:
			default:
			}
		}
	}()
	e.log.Info("serving", "addr", "http://"+ln.Addr().String(), "index", dir, "token", *token != "", "watch", watchPath)
	err = srv.Serve(ctx, ln, reload)
	if cerr := ix.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close index %s: %w", dir, cerr)
	}
	if err == nil && ctx.Err() != nil {
		e.log.Info("stopped")
	}
	return err
}

// loopback reports whether host names only this machine.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// findServer returns a client for the server running on the index at
// dir, or nil.
func findServer(ctx context.Context, dir string) (*server.Client, error) {
	return server.Find(ctx, dir, os.Getenv("CLAIMDEX_TOKEN"))
}
