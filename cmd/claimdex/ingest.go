package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/corpus/fetch"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
	"github.com/claimdex/claimdex/server"
)

const ingestHelp = `
Usage: claimdex ingest [flags] INPUT...

Cleans each input, extracts its claims and writes them to the index,
creating the index on first use. An INPUT is
  - a file (.html, .htm, .txt, .md, or recognised by its content), a
    directory (read recursively; hidden files skipped) or - for stdin;
  - an http(s) URL: a page, or an RSS/Atom/JSON feed or a sitemap (index,
    Google News) whose entries are fetched in turn;
  - a .warc or .warc.gz file (Common Crawl, CC-NEWS): streamed, its HTML
    responses ingested under their target URI;
  - @FILE: a list of any of the above, one a line, # comments allowed
    (@- reads the list from stdin). A --failed file is such a list.

Fetching is polite: robots.txt is obeyed (with its Crawl-delay), requests
to one host are limited and spaced out, 429 and Retry-After are honoured,
errors and timeouts retried with backoff. Pages above --max-bytes and
content that is not HTML are refused and named in the summary.

Re-ingesting an input whose content has not changed does nothing; a changed
input replaces its old claims; the same content under a second name is
reported as a duplicate. A bad input (binary, empty, unreadable, no text,
HTTP error, robots.txt, too large) is named in the summary with the reason
and the run goes on.

Resuming: what was fetched is remembered in DIR/fetch-state.db inside the
index directory (delete it with the index). A page is recorded only once
the index holds it, and a re-run asks the server only for what changed
(ETag, Last-Modified). Ctrl-C stops the run: the documents already
accepted are written whole, the index opens afterwards, and running the
same command again resumes where it stopped without fetching again what
was indexed. --resume=false forgets the state and fetches every page.

While claimdex serve runs on the index, the ingest is a job on the
server: URLs are sent, local files uploaded (keeping their location), and
the command follows the job to its end; the fetch flags, --workers and
--batch are then the server's. Ctrl-C stops following, not the job.

Exit status: 0 every input went in, 3 some inputs failed and the rest went
in, 1 the run failed or was interrupted, 2 usage error.

Examples:
  claimdex ingest testdata/
  claimdex ingest --index /tmp/news.bleve --source "Kyiv Ledger" a.html b.txt
  claimdex ingest https://example.com/news/sitemap.xml --since 2026-01-01
  claimdex ingest --per-host 1 --delay 2s https://example.com/feed.rss
  claimdex ingest --failed retry.txt @urls.txt; claimdex ingest @retry.txt
  claimdex ingest CC-NEWS-20260101000000-00001.warc.gz --host '*.example.com'
  claimdex ingest --format json articles/ > report.json
`

// stateFile is the name of the fetch state inside the index directory.
// Bleve ignores files it does not know in the index root (scorch only
// cleans up its own segment files under store/), and keeping the state
// there means deleting the index deletes it too: the state describes what
// the index holds, so the two must never part.
const stateFile = "fetch-state.db"

// fetchFlags are the politeness and filter flags of ingest.
type fetchFlags struct {
	userAgent       string
	perHost, global int
	retries         int
	delay, timeout  time.Duration
	maxBytes        sizeFlag
	noRobots        bool
	since           cli.Date
	hosts, langs    cli.Strings
	resume          bool
}

func addFetchFlags(fs *flag.FlagSet) *fetchFlags {
	d := fetch.DefaultConfig()
	f := &fetchFlags{maxBytes: sizeFlag(d.MaxBytes)}
	fs.StringVar(&f.userAgent, "user-agent", d.UserAgent, "User-Agent `STRING` sent to web servers")
	fs.IntVar(&f.perHost, "per-host", d.PerHost, "requests at once to one host (`N`)")
	fs.IntVar(&f.global, "concurrency", d.Global, "requests at once in all (`N`)")
	fs.DurationVar(&f.delay, "delay", d.MinDelay, "least time between two requests to one host (`DUR`; robots.txt Crawl-delay may raise it)")
	fs.DurationVar(&f.timeout, "timeout", d.Timeout, "time allowed for one request, body included (`DUR`)")
	fs.Var(&f.maxBytes, "max-bytes", "largest page or file accepted (`SIZE`, e.g. 10MB, 512KB)")
	fs.IntVar(&f.retries, "retries", d.Retries, "retries of a request after 5xx, 429, reset or timeout (`N`)")
	fs.BoolVar(&f.noRobots, "no-robots", false, "do not obey robots.txt (only for sites you may crawl)")
	fs.Var(&f.since, "since", "skip feed and sitemap entries dated before `DATE` (YYYY-MM-DD)")
	fs.Var(&f.hosts, "host", "only follow feed, sitemap and WARC entries on hosts matching `PATTERN`, e.g. '*.example.com' (repeatable)")
	fs.Var(&f.langs, "lang", "only follow feed and sitemap entries in language `CODE`, e.g. en (repeatable)")
	fs.BoolVar(&f.resume, "resume", true, "resume an interrupted run and ask only for changed pages (false: forget the fetch state)")
	return f
}

// check reports a flag value that cannot work.
func (f *fetchFlags) check() error {
	switch {
	case f.perHost < 1:
		return cli.Usagef("--per-host must be 1 or more")
	case f.global < 1:
		return cli.Usagef("--concurrency must be 1 or more")
	case f.delay < 0:
		return cli.Usagef("--delay must not be negative")
	case f.timeout <= 0:
		return cli.Usagef("--timeout must be positive")
	case f.retries < 0:
		return cli.Usagef("--retries must be 0 or more")
	case f.maxBytes < 1:
		return cli.Usagef("--max-bytes must be positive")
	case strings.TrimSpace(f.userAgent) == "":
		return cli.Usagef("--user-agent must not be empty")
	}
	return nil
}

// config is the fetcher configuration the flags describe.
func (f *fetchFlags) config(e *env, statePath string) fetch.Config {
	c := fetch.DefaultConfig()
	c.UserAgent = f.userAgent
	c.PerHost, c.Global = f.perHost, f.global
	c.MinDelay, c.Timeout = f.delay, f.timeout
	c.MaxBytes = int64(f.maxBytes)
	c.Retries = f.retries
	c.RespectRobots = !f.noRobots
	c.Since = f.since.Time
	c.Hosts, c.Lang = f.hosts, f.langs
	c.StatePath = statePath
	c.Logger = e.log
	return c
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	indexPath := fs.String("index", cli.DefaultIndex, "index `DIR`, created if missing")
	workers := fs.Int("workers", 0, "documents processed at once (`N`; default: number of CPUs)")
	source := fs.String("source", "", "source `NAME` for documents whose metadata names none")
	var published cli.Date
	fs.Var(&published, "published", "publication `DATE` for documents that give none")
	batch := fs.Int("batch", pipeline.DefaultBatchSize, "claims per index batch (`N`); a larger document is written in several batches, still atomically")
	maxClaims := fs.Int("max-claims", pipeline.DefaultMaxClaims, "claims taken from one document (`N`); a document with more keeps its first N and is named in the summary")
	format := cli.NewChoice("text", "text", "json")
	fs.Var(format, "format", "summary `FORMAT`: text or json")
	failedPath := fs.String("failed", "", "write the inputs that failed to `FILE`, one a line, for a later 'ingest @FILE'")
	ff := addFetchFlags(fs)
	inputs, err := parseFlags(e, fs, ingestHelp, args)
	if err != nil {
		return err
	}
	switch {
	case len(inputs) == 0:
		return cli.Usagef("no INPUT given")
	case *workers < 0:
		return cli.Usagef("--workers must be 0 or more")
	case *batch < 1:
		return cli.Usagef("--batch must be 1 or more")
	case *maxClaims < 1:
		return cli.Usagef("--max-claims must be 1 or more")
	}
	if err := ff.check(); err != nil {
		return err
	}

	if c, err := findServer(ctx, *indexPath); err != nil {
		return err
	} else if c != nil {
		req := server.IngestRequest{Source: *source, MaxClaims: *maxClaims, Hosts: ff.hosts, Langs: ff.langs}
		if !published.Time.IsZero() {
			req.Published = published.Time.Format(time.RFC3339)
		}
		if !ff.since.Time.IsZero() {
			req.Since = ff.since.Time.Format(time.RFC3339)
		}
		rep, err := ingestServer(ctx, e, c, inputs, req)
		return finishIngest(e, rep, err, nil, nil, *indexPath, format.V, *failedPath)
	}

	if os.Getenv("GOGC") == "" {
		// An ingest allocates fast and keeps little: a collection per
		// doubling of the live heap cost about 11% more CPU than one per
		// tripling, for a third less peak memory (claimdex-bench over
		// 1,000 pages; GOGC=400 did no better). GOGC set by the user wins.
		debug.SetGCPercent(200)
	}
	// The model loads while the index opens: both take a few hundred
	// milliseconds on a large index, and neither needs the other.
	type loaded struct {
		x   *extract.Extractor
		err error
	}
	model := make(chan loaded, 1)
	go func() {
		x, err := extract.New()
		model <- loaded{x, err}
	}()
	ix, err := index.Open(*indexPath)
	if err != nil {
		<-model
		return err // it names the index
	}
	m := <-model
	x, err := m.x, m.err
	if err != nil {
		ix.Close()
		return fmt.Errorf("load extractor: %w", err)
	}
	var fetcher *fetch.Fetcher
	if anyRemote(inputs) {
		if fetcher, err = openFetcher(e, ff, *indexPath); err != nil {
			ix.Close()
			return err
		}
	}
	status := newStatus(e)
	cfg := pipeline.Config{
		Workers:       *workers,
		Source:        *source,
		Published:     published.Time,
		BatchSize:     *batch,
		MaxBytes:      int64(ff.maxBytes),
		MaxClaims:     *maxClaims,
		Stdin:         e.stdin,
		Fetcher:       fetcher,
		Logger:        e.log,
		Progress:      status.update,
		ProgressEvery: status.every,
	}
	rep, runErr := pipeline.Run(ctx, cfg, inputs, x, ix)
	status.clear()
	// The fetcher is closed after the run, whose last acknowledgements
	// follow the last flush, and before the index: its state must never
	// be ahead of the index.
	var fetchErr error
	if fetcher != nil {
		fetchErr = fetcher.Close()
	}
	closeErr := ix.Close()
	return finishIngest(e, rep, runErr, closeErr, fetchErr, *indexPath, format.V, *failedPath)
}

// finishIngest prints the report and maps the outcome to an error (and
// the exit status).
func finishIngest(e *env, rep *pipeline.Report, runErr, closeErr, fetchErr error, indexPath, format, failedPath string) error {
	var err error
	if rep != nil {
		if format == "json" {
			err = rep.WriteJSON(e.stdout)
		} else {
			err = rep.WriteText(e.stdout)
		}
		if err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
		if failedPath != "" {
			if err := writeFailed(failedPath, rep); err != nil {
				return err
			}
		}
	}
	var ue *cli.UsageError
	switch {
	case errors.Is(runErr, errJobContinues), errors.As(runErr, &ue):
		return runErr
	case rep == nil && runErr != nil:
		return fmt.Errorf("ingest: %w", runErr)
	case errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded):
		return fmt.Errorf("ingest interrupted: %d documents written before the stop (run the same command again to resume): %w", rep.Added+rep.Replaced, runErr)
	case runErr != nil:
		return fmt.Errorf("ingest: %w", runErr)
	case closeErr != nil:
		return fmt.Errorf("close index %s: %w", indexPath, closeErr)
	case fetchErr != nil:
		return fmt.Errorf("save fetch state: %w", fetchErr)
	case rep.Failed() > 0:
		return &exitError{code: exitPartial, err: fmt.Errorf("%d of %d inputs failed (listed in the summary)", rep.Failed(), rep.Read)}
	}
	return nil
}

// anyRemote reports whether some input is for the fetcher (an @FILE list
// may be, so it counts).
func anyRemote(inputs []string) bool {
	for _, in := range inputs {
		if fetch.IsRemote(in) {
			return true
		}
	}
	return false
}

// openFetcher opens the fetcher with its state inside the index directory;
// without --resume the old state is removed first.
func openFetcher(e *env, ff *fetchFlags, indexPath string) (*fetch.Fetcher, error) {
	statePath := filepath.Join(indexPath, stateFile)
	if !ff.resume {
		if err := os.Remove(statePath); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("forget fetch state: %w", err)
		}
	}
	f, err := fetch.New(ff.config(e, statePath))
	if err != nil {
		return nil, fmt.Errorf("open fetch state: %w", err)
	}
	return f, nil
}

// writeFailed writes the failed locations, one a line, in a form that
// "claimdex ingest @FILE" reads back (awkward names quoted, see
// pipeline.ListEntry). The file is written even when nothing failed, so
// that a retry loop sees an empty list.
func writeFailed(path string, rep *pipeline.Report) error {
	var b strings.Builder
	for _, f := range rep.Failures {
		fmt.Fprintf(&b, "%s\n", pipeline.ListEntry(f.Location))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write failed inputs: %w", err)
	}
	return nil
}

// sizeFlag is a byte count written with an optional unit: 10MB, 512KB,
// 1GiB, 2000.
type sizeFlag int64

func (s *sizeFlag) String() string {
	if s == nil {
		return ""
	}
	n := int64(*s)
	for _, u := range []struct {
		name string
		size int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

// Set reads a size. KB, MB and GB are taken as binary multiples (as
// KiB, MiB, GiB, also accepted): the limit guards memory, not a disk label.
func (s *sizeFlag) Set(v string) error {
	t := strings.ToUpper(strings.TrimSpace(v))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		size   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(rest), u.size
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n < 0 || n*float64(mult) > float64(1<<62) {
		return errors.New("not a size (want e.g. 10MB, 512KB or a number of bytes)")
	}
	*s = sizeFlag(n * float64(mult))
	return nil
}
