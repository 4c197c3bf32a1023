package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sync"
	"time"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
)

const ingestHelp = `
Usage: claimdex ingest [flags] INPUT...

Cleans each input, extracts its claims and writes them to the index,
creating the index on first use. An INPUT is a file (.html, .htm, .txt,
.md, or recognised by its content), a directory (read recursively; hidden
files skipped) or - for standard input.

Re-ingesting an input whose content has not changed does nothing; a changed
input replaces its old claims; the same content under a second name is
reported as a duplicate. A bad input (binary, empty, unreadable, no text)
is named in the summary with the reason and the run goes on.

Ctrl-C stops the run: the documents already accepted are written whole,
and the index opens afterwards.

Exit status: 0 every input went in, 3 some inputs failed and the rest went
in, 1 the run failed or was interrupted, 2 usage error.

Examples:
  claimdex ingest testdata/
  claimdex ingest --index /tmp/news.bleve --source "Kyiv Ledger" a.html b.txt
  curl -s https://example.com/story | claimdex ingest --source Example -
  claimdex ingest --format json articles/ > report.json
`

// progressEvery is how often the live status line is redrawn on a
// terminal; logEvery how often progress is logged otherwise.
const (
	progressEvery = 200 * time.Millisecond
	logEvery      = 10 * time.Second
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	indexPath := fs.String("index", index.DefaultPath, "index `DIR`, created if missing")
	workers := fs.Int("workers", 0, "documents processed at once (`N`; default: number of CPUs)")
	source := fs.String("source", "", "source `NAME` for documents whose metadata names none")
	var published dateFlag
	fs.Var(&published, "published", "publication `DATE` for documents that give none")
	batch := fs.Int("batch", pipeline.DefaultBatchSize, "claims per index batch (`N`)")
	format := newChoice("text", "text", "json")
	fs.Var(format, "format", "summary `FORMAT`: text or json")
	inputs, err := parseFlags(e, fs, ingestHelp, args)
	if err != nil {
		return err
	}
	switch {
	case len(inputs) == 0:
		return usagef("no INPUT given")
	case *workers < 0:
		return usagef("--workers must be 0 or more")
	case *batch < 1:
		return usagef("--batch must be 1 or more")
	}

	ix, err := index.Open(*indexPath)
	if err != nil {
		return fmt.Errorf("open index %s: %w", *indexPath, err)
	}
	x, err := extract.New()
	if err != nil {
		ix.Close()
		return fmt.Errorf("load extractor: %w", err)
	}
	status := newStatus(e)
	cfg := pipeline.Config{
		Workers:       *workers,
		Source:        *source,
		Published:     published.t,
		BatchSize:     *batch,
		Stdin:         e.stdin,
		Logger:        e.log,
		Progress:      status.update,
		ProgressEvery: status.every,
	}
	rep, runErr := pipeline.Run(ctx, cfg, inputs, x, ix)
	status.clear()
	closeErr := ix.Close()

	if rep != nil {
		if format.v == "json" {
			err = rep.WriteJSON(e.stdout)
		} else {
			err = rep.WriteText(e.stdout)
		}
		if err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
	}
	switch {
	case errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded):
		return fmt.Errorf("ingest interrupted: %d documents written before the stop: %w", rep.Added+rep.Replaced, runErr)
	case runErr != nil:
		return fmt.Errorf("ingest: %w", runErr)
	case closeErr != nil:
		return fmt.Errorf("close index %s: %w", *indexPath, closeErr)
	case rep.Failed() > 0:
		return &exitError{code: exitPartial, err: fmt.Errorf("%d of %d inputs failed (listed in the summary)", rep.Failed(), rep.Read)}
	}
	return nil
}

// status shows ingest progress: one line redrawn in place when stderr is
// a terminal, a log line every logEvery otherwise.
type status struct {
	e     *env
	every time.Duration
	mu    sync.Mutex
	drawn bool
}

func newStatus(e *env) *status {
	s := &status{e: e, every: logEvery}
	if e.tty {
		s.every = progressEvery
	}
	return s
}

func (s *status) update(p pipeline.Progress) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rate := 0.0
	if sec := p.Elapsed.Seconds(); sec > 0 {
		rate = float64(p.Docs) / sec
	}
	if !s.e.tty {
		s.e.log.Info("ingesting", "documents", p.Docs, "claims", p.Claims, "failed", p.Failed, "docs_per_sec", fmt.Sprintf("%.1f", rate))
		return
	}
	fmt.Fprintf(s.e.stderr, "\r\x1b[Kingesting: %d documents, %d claims, %d failed, %.1f documents/s, %s",
		p.Docs, p.Claims, p.Failed, rate, p.Elapsed.Round(time.Second))
	s.drawn = true
}

// clear erases the status line before the summary is printed.
func (s *status) clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.drawn {
		fmt.Fprint(s.e.stderr, "\r\x1b[K")
		s.drawn = false
	}
}
