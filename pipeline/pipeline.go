package pipeline

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// DefaultBatchSize is the number of claims the writer buffers before it
// applies a Bleve batch, when Config.BatchSize is 0.
const DefaultBatchSize = 1000

// DefaultProgressEvery is how often Config.Progress is called when
// Config.ProgressEvery is 0.
const DefaultProgressEvery = time.Second

// Config steers a Run. The zero value is usable.
type Config struct {
	// Workers is the number of documents read, cleaned and extracted at
	// once; 0 means runtime.NumCPU().
	Workers int
	// Source names the publisher of documents whose metadata does not.
	Source string
	// Published is the publication date of documents that give none.
	Published time.Time
	// BatchSize is the number of claims per index batch; 0 means
	// DefaultBatchSize.
	BatchSize int
	// MaxBytes caps the size of one input; 0 means corpus.DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the input "-"; nil means there is no standard
	// input and "-" fails as a document.
	Stdin io.Reader
	// Logger receives debug lines per document; nil discards them.
	Logger *slog.Logger
	// Progress, when not nil, is called every ProgressEvery from a
	// goroutine of its own, never concurrently with itself.
	Progress func(Progress)
	// ProgressEvery is the progress period; 0 means DefaultProgressEvery.
	ProgressEvery time.Duration
}

// Progress is a snapshot of a running ingest.
type Progress struct {
	Docs    int // documents handled, whatever their outcome
	Claims  int // claims written
	Failed  int // documents that failed
	Elapsed time.Duration
}

// Run ingests the documents found under inputs into ix, extracting claims
// with x. It returns when every input has been handled, a fatal error
// occurred, or ctx is done. The report is never nil: after an error or a
// cancellation it tells what was done before the stop (and, on
// cancellation, Interrupted is set and the error is ctx.Err()).
//
// Documents are written in the order the walk finds them, whatever the
// number of workers, so outcomes (which of two equal documents is the
// duplicate) do not depend on scheduling.
func Run(ctx context.Context, cfg Config, inputs []string, x *extract.Extractor, ix *index.Index) (*Report, error) {
	return run(ctx, cfg, inputs, stages{
		walk:   corpus.Walk,
		read:   corpus.Read,
		clean:  corpus.Clean,
		lookup: ix.Doc,
		claims: x.Claims,
		writer: func(batch int) docWriter { return ix.NewWriter(batch) },
	})
}

// stages are the operations a run strings together. Run fills them with
// the corpus, extract and index functions; tests fill them with fakes to
// drive cancellation, ordering and write failures deterministically.
type stages struct {
	walk   func(ctx context.Context, locations []string, fn func(loc string, err error) error) error
	read   func(loc string, stdin io.Reader, limit int64) ([]byte, error)
	clean  func(loc string, data []byte, opt corpus.Options) (*corpus.Document, error)
	lookup func(id string) (index.DocRecord, bool, error)
	claims func(doc *corpus.Document) []extract.Claim
	writer func(batchSize int) docWriter
}

// docWriter is the part of *index.Writer the writer stage uses.
type docWriter interface {
	Put(rec index.DocRecord, claims []extract.Claim) (index.Outcome, string, error)
	Flush() error
}

func run(ctx context.Context, cfg Config, inputs []string, st stages) (*Report, error) {
	cfg = cfg.withDefaults()
	start := time.Now()
	rep := &Report{}
	var counts counters

	g, gctx := errgroup.WithContext(ctx)
	// window bounds the documents between the walker and the writer, so
	// that the writer's reordering buffer stays small even when one
	// document takes much longer than the others.
	window := make(chan struct{}, 4*cfg.Workers)
	locs := make(chan item, 2*cfg.Workers)
	results := make(chan result, 2*cfg.Workers)

	g.Go(func() error {
		defer close(locs)
		return walk(gctx, st, inputs, window, locs)
	})
	workers, wctx := errgroup.WithContext(gctx)
	for range cfg.Workers {
		workers.Go(func() error { return work(wctx, cfg, st, locs, results) })
	}
	g.Go(func() error {
		defer close(results)
		return workers.Wait()
	})
	g.Go(func() error {
		w := st.writer(cfg.BatchSize)
		return write(gctx, cfg.Logger, w, results, window, rep, &counts)
	})

	stopProgress := startProgress(cfg, start, &counts)
	err := g.Wait()
	stopProgress()

	rep.finish(time.Since(start))
	if ctx.Err() != nil {
		rep.Interrupted = true
		return rep, ctx.Err()
	}
	if err != nil {
		return rep, err
	}
	return rep, nil
}

func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = runtime.NumCPU()
	}
	if c.BatchSize <= 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = corpus.DefaultMaxBytes
	}
	if c.ProgressEvery <= 0 {
		c.ProgressEvery = DefaultProgressEvery
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// item is one location found by the walk, numbered in walk order. err is
// set when the walk could not read the location.
type item struct {
	seq int
	loc string
	err error
}

// result is what a worker made of one item.
type result struct {
	seq int
	loc string
	// fail is the reason the document failed, or "".
	fail string
	// unchanged is set when the index already holds this content at this
	// location: nothing is extracted or written.
	unchanged bool
	rec       index.DocRecord
	claims    []extract.Claim
}

// walk sends every location under inputs to out, in walk order. It takes a
// slot in window for each, which the writer gives back once the document
// is handled.
func walk(ctx context.Context, st stages, inputs []string, window chan<- struct{}, out chan<- item) error {
	seq := 0
	err := st.walk(ctx, inputs, func(loc string, err error) error {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case out <- item{seq: seq, loc: loc, err: err}:
			seq++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	if err != nil {
		return fmt.Errorf("walk inputs: %w", err)
	}
	return nil
}

// work turns items into results until in is closed or ctx is done.
func work(ctx context.Context, cfg Config, st stages, in <-chan item, out chan<- result) error {
	for {
		var it item
		var ok bool
		select {
		case it, ok = <-in:
			if !ok {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
		r, err := process(ctx, cfg, st, it)
		if err != nil {
			return err
		}
		select {
		case out <- r:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// process reads, cleans and extracts one document. A bad document gives a
// result with fail set; only a failing index read or a cancelled ctx is an
// error. A panic in a stage is contained to its document, so that one
// pathological input cannot end a long run; it is logged with its stack.
func process(ctx context.Context, cfg Config, st stages, it item) (r result, err error) {
	r = result{seq: it.seq, loc: it.loc}
	if it.err != nil {
		r.fail = reason(it.loc, it.err)
		return r, nil
	}
	defer func() {
		if p := recover(); p != nil {
			cfg.Logger.Error("document crashed a stage", "location", it.loc, "panic", p, "stack", string(debug.Stack()))
			r = result{seq: it.seq, loc: it.loc, fail: fmt.Sprintf("internal error: %v", p)}
			err = nil
		}
	}()
	if it.loc == "-" && cfg.Stdin == nil {
		r.fail = "no standard input to read"
		return r, nil
	}
	data, err := st.read(it.loc, cfg.Stdin, cfg.MaxBytes)
	if err != nil {
		r.fail = reason(it.loc, err)
		return r, nil
	}
	doc, err := st.clean(it.loc, data, corpus.Options{Source: cfg.Source, Published: cfg.Published, MaxBytes: cfg.MaxBytes})
	if err != nil {
		r.fail = reason(it.loc, err)
		return r, nil
	}
	old, found, err := st.lookup(doc.ID)
	if err != nil {
		return r, fmt.Errorf("look up %s in the index: %w", it.loc, err)
	}
	if found && old.Hash == doc.Hash {
		r.unchanged = true
		return r, nil
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	claims := st.claims(doc)
	ids := make([]string, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	r.rec = index.DocRecord{ID: doc.ID, Location: doc.Location, Source: doc.Source, Hash: doc.Hash, Claims: ids}
	r.claims = claims
	return r, nil
}

// reason is the message of a document's error without the location it
// usually starts with: the report prints the location next to it.
func reason(loc string, err error) string {
	msg := err.Error()
	if r := strings.TrimPrefix(msg, loc+": "); r != "" {
		return r
	}
	return msg
}

// write is the only goroutine that touches w. It puts results in walk order
// and tallies them in rep. When ctx is done it stops taking results,
// flushes what it has accepted, and returns ctx.Err().
func write(ctx context.Context, log *slog.Logger, w docWriter, in <-chan result, window <-chan struct{}, rep *Report, counts *counters) error {
	pending := map[int]result{}
	next := 0
	for {
		var r result
		var ok bool
		select {
		case r, ok = <-in:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			// Flush takes no context: the batch already accepted must
			// reach the index even though the run was cancelled.
			if err := w.Flush(); err != nil {
				return fmt.Errorf("flush index after stop: %w", err)
			}
			return ctx.Err()
		}
		if !ok {
			if len(pending) > 0 {
				return fmt.Errorf("pipeline: %d documents lost before the writer", len(pending))
			}
			if err := w.Flush(); err != nil {
				return fmt.Errorf("flush index: %w", err)
			}
			return nil
		}
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := put(log, w, r, rep, counts); err != nil {
				return err
			}
			<-window
		}
	}
}

// put applies one result to the writer and the report.
func put(log *slog.Logger, w docWriter, r result, rep *Report, counts *counters) error {
	rep.Read++
	counts.docs.Add(1)
	switch {
	case r.fail != "":
		rep.Failures = append(rep.Failures, Failure{Location: r.loc, Reason: r.fail})
		counts.failed.Add(1)
		log.Debug("document failed", "location", r.loc, "reason", r.fail)
		return nil
	case r.unchanged:
		rep.Unchanged++
		log.Debug("document unchanged", "location", r.loc)
		return nil
	}
	o, dupOf, err := w.Put(r.rec, r.claims)
	if err != nil {
		return fmt.Errorf("write %s to the index: %w", r.loc, err)
	}
	switch o {
	case index.Added:
		rep.Added++
	case index.Replaced:
		rep.Replaced++
	case index.Unchanged:
		rep.Unchanged++
	case index.Duplicate:
		rep.Duplicates = append(rep.Duplicates, Duplicate{Location: r.loc, Of: dupOf})
	default:
		return fmt.Errorf("write %s to the index: unknown outcome %d", r.loc, o)
	}
	if o == index.Added || o == index.Replaced {
		rep.Claims += len(r.claims)
		counts.claims.Add(int64(len(r.claims)))
	}
	log.Debug("document written", "location", r.loc, "outcome", o.String(), "claims", len(r.claims))
	return nil
}

// counters are the live tallies the progress goroutine reads while the
// writer updates them.
type counters struct {
	docs, claims, failed atomic.Int64
}

func (c *counters) snapshot(elapsed time.Duration) Progress {
	return Progress{
		Docs:    int(c.docs.Load()),
		Claims:  int(c.claims.Load()),
		Failed:  int(c.failed.Load()),
		Elapsed: elapsed,
	}
}

// startProgress calls cfg.Progress every cfg.ProgressEvery until the
// returned function is called; that function waits for the goroutine to
// end, so no call happens after it returns.
func startProgress(cfg Config, start time.Time, c *counters) (stop func()) {
	if cfg.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		t := time.NewTicker(cfg.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				cfg.Progress(c.snapshot(time.Since(start)))
			case <-done:
				return
			}
		}
	}()
	return func() {
		close(done)
		<-exited
	}
}
