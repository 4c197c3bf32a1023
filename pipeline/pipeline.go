package pipeline

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/corpus/fetch"
	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// DefaultBatchSize is the number of claims the writer buffers before it
// applies a Bleve batch, when Config.BatchSize is 0.
const DefaultBatchSize = 1000

// DefaultMaxClaims caps the claims taken from one document when
// Config.MaxClaims is 0. Real articles, even long reports, stay far below
// it; a page that exceeds it (a generated table of figures, a dump of
// numbers) would otherwise cost memory in proportion to its size.
const DefaultMaxClaims = 10000

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
	// MaxClaims caps the claims taken from one document (its first ones
	// are kept and the document is named in Report.Capped); 0 means
	// DefaultMaxClaims.
	MaxClaims int
	// Stdin is read for the input "-" and the list "@-"; nil means there is
	// no standard input and both fail.
	Stdin io.Reader
	// Fetcher handles the remote inputs (see fetch.IsRemote): http(s)
	// URLs, the feeds and sitemaps they lead to, and WARC files. The run
	// acknowledges each fetched document with Fetcher.Done only once the
	// index writer has flushed it, so the fetcher's resume state never
	// records a page the index could still lose. Nil means a Fetcher with
	// fetch.DefaultConfig and no state, made for the run when an input is
	// remote. Run neither closes a Fetcher it was given nor shares it.
	Fetcher *fetch.Fetcher
	// Logger receives debug lines per document; nil discards them.
	Logger *slog.Logger
	// Progress, when not nil, is called every ProgressEvery from a
	// goroutine of its own, never concurrently with itself.
	Progress func(Progress)
	// ProgressEvery is the progress period; 0 means DefaultProgressEvery.
	ProgressEvery time.Duration
	// NoCrosscheck skips the cross-source analysis at the end of the run
	// (the documents stay pending for the next one).
	NoCrosscheck bool
	// Rename, when not nil, gives the location and identity of a local
	// file read from path, when they are not the path itself: a server
	// ingests files uploaded to it under names of its own, and they must
	// keep the location and identity they have on the client.
	Rename func(path string) (location, identity string, ok bool)
}

// Progress is a snapshot of a running ingest.
type Progress struct {
	Docs   int // documents handled, whatever their outcome
	Claims int // claims written
	Failed int // documents that failed
	// Total is the number of documents the run will handle, once known:
	// only runs of local inputs know it, after a quick count of the files.
	// 0 means unknown (web inputs: feeds and sitemaps unfold as they go).
	Total int
	// Fetch is what the fetcher has done so far; zero without web inputs.
	Fetch   fetch.Stats
	Elapsed time.Duration
}

// Run ingests the documents found under inputs into ix, extracting claims
// with x. It returns when every input has been handled, a fatal error
// occurred, or ctx is done. The report is never nil: after an error or a
// cancellation it tells what was done before the stop (and, on
// cancellation, Interrupted is set and the error is ctx.Err()).
//
// Inputs are files, directories and "-" (read by package corpus), http(s)
// URLs and .warc/.warc.gz files (fetched by Config.Fetcher), and @FILE
// lists of any of these, one a line ("@-" reads the list from Stdin).
// Local documents are written in the order the walk finds them, whatever
// the number of workers, so outcomes (which of two equal documents is the
// duplicate) do not depend on scheduling; fetched pages are written in the
// order they arrive.
func Run(ctx context.Context, cfg Config, inputs []string, x *extract.Extractor, ix *index.Index) (*Report, error) {
	st := stages{
		walk:   corpus.Walk,
		count:  corpus.Walk,
		read:   corpus.ReadContext,
		clean:  corpus.Clean,
		lookup: ix.Doc,
		claims: x.DocumentUpTo,
		writer: func(batch int) docWriter { return ix.NewWriter(batch) },
	}
	f := cfg.Fetcher
	if f == nil && anyRemote(inputs) {
		var err error
		if f, err = fetch.New(fetch.DefaultConfig()); err != nil {
			return &Report{}, fmt.Errorf("start fetcher: %w", err)
		}
		defer f.Close()
	}
	if f != nil {
		st.fetch, st.ack, st.fetchStats = f.Run, f.Done, f.Stats
	}
	rep, err := run(ctx, cfg, inputs, st)
	if err != nil || cfg.NoCrosscheck {
		return rep, err
	}
	// The cross-source analysis compares documents with each other, so
	// it runs once the ingest has written them all; an interrupted ingest
	// leaves its documents pending and the next run analyses them.
	cr, err := Crosscheck(ctx, ix, cfg.Logger)
	if err != nil {
		// Never report an analysis that did not finish: its documents
		// stay pending and the next run analyses them.
		return rep, fmt.Errorf("cross-source analysis: %w", err)
	}
	rep.Crosscheck = cr
	return rep, nil
}

// anyRemote reports whether some input needs the fetcher (a list may).
func anyRemote(inputs []string) bool {
	for _, in := range inputs {
		if fetch.IsRemote(in) {
			return true
		}
	}
	return false
}

// stages are the operations a run strings together. Run fills them with
// the corpus, extract, index and fetch functions; tests fill them with
// fakes to drive cancellation, ordering and write failures
// deterministically. count, fetch, ack and fetchStats may be nil.
type stages struct {
	walk   func(ctx context.Context, locations []string, fn func(loc string, err error) error) error
	count  func(ctx context.Context, locations []string, fn func(loc string, err error) error) error
	read   func(ctx context.Context, loc string, stdin io.Reader, limit int64) ([]byte, error)
	clean  func(loc string, data []byte, opt corpus.Options) (*corpus.Document, error)
	lookup func(id string) (index.DocRecord, bool, error)
	// claims gives a document's claims (at most max) and its entities.
	claims func(doc *corpus.Document, max int) ([]extract.Claim, []extract.DocEntity, bool)
	writer func(batchSize int) docWriter
	// fetch runs the fetcher over the remote inputs; it does not close out.
	fetch func(ctx context.Context, inputs []string, out chan<- fetch.Item) error
	// ack acknowledges a fetched document once it is durably indexed.
	ack        func(location string) error
	fetchStats func() fetch.Stats
}

// docWriter is the part of *index.Writer the writer stage uses.
type docWriter interface {
	Put(rec index.DocRecord, claims []extract.Claim) (index.Outcome, string, error)
	Remove(id string) error
	Flush() error
}

func run(ctx context.Context, cfg Config, inputs []string, st stages) (*Report, error) {
	cfg = cfg.withDefaults()
	start := time.Now()
	rep := &Report{}
	var counts counters
	local, remote, bad := splitInputs(inputs, cfg.Stdin)

	g, gctx := errgroup.WithContext(ctx)
	// window bounds the documents between the sources and the writer, so
	// that the writer's reordering buffer stays small even when one
	// document takes much longer than the others.
	window := make(chan struct{}, 4*cfg.Workers)
	locs := make(chan item, 2*cfg.Workers)
	results := make(chan result, 2*cfg.Workers)
	src := &sequencer{window: window, out: locs}

	sources, sctx := errgroup.WithContext(gctx)
	sources.Go(func() error {
		for _, it := range bad {
			if err := src.send(sctx, it); err != nil {
				return err
			}
		}
		return walk(sctx, st, local, src)
	})
	if len(remote) > 0 {
		sources.Go(func() error { return fetchRemote(sctx, st, remote, src) })
	}
	g.Go(func() error {
		defer close(locs)
		return sources.Wait()
	})
	workers, wctx := errgroup.WithContext(gctx)
	for range cfg.Workers {
		workers.Go(func() error { return work(wctx, cfg, st, locs, results, &counts) })
	}
	g.Go(func() error {
		defer close(results)
		return workers.Wait()
	})
	g.Go(func() error {
		s := &sink{w: st.writer(cfg.BatchSize), size: cfg.BatchSize, ack: st.ack, log: cfg.Logger}
		defer func() { counts.index.Store(int64(s.took)) }()
		return write(gctx, s, results, window, rep, &counts)
	})
	if st.count != nil && len(remote) == 0 && cfg.Progress != nil {
		go countLocal(gctx, st, local, len(bad), &counts)
	}

	stopProgress := startProgress(cfg, start, st.fetchStats, &counts)
	err := g.Wait()
	stopProgress()

	if len(remote) > 0 && st.fetchStats != nil {
		fs := st.fetchStats()
		rep.Fetch = &fs
	}
	rep.Stages = Stages{
		Read: time.Duration(counts.read.Load()), Clean: time.Duration(counts.clean.Load()),
		Extract: time.Duration(counts.extract.Load()), Index: time.Duration(counts.index.Load()),
	}
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
	if c.MaxClaims <= 0 {
		c.MaxClaims = DefaultMaxClaims
	}
	if c.ProgressEvery <= 0 {
		c.ProgressEvery = DefaultProgressEvery
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// item is one document to handle, numbered in the order it reached the
// workers. err is set when its location could not be read or fetched.
// A fetched page carries its body; a local one is read by a worker.
type item struct {
	seq int
	loc string
	err error

	remote      bool
	data        []byte
	contentType string
	published   time.Time
	notModified bool
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
	// ack, for a fetched page that did not fail, is the location to
	// acknowledge to the fetcher once the index has flushed it.
	ack    string
	rec    index.DocRecord
	claims []extract.Claim
	// retire is the id a local file had when documents were identified
	// by the path as typed; that record gives way to rec in one batch.
	retire string
	// capped is set when the document held more claims than the cap.
	capped bool
}

// sequencer numbers the items of the local walk and of the fetcher, which
// run side by side, in the order they are handed on. It takes a slot in
// window for each, which the writer gives back once the item is handled.
type sequencer struct {
	mu     sync.Mutex
	seq    int
	window chan struct{}
	out    chan<- item
}

func (s *sequencer) send(ctx context.Context, it item) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case s.window <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	it.seq = s.seq
	select {
	case s.out <- it:
		s.seq++
		return nil
	case <-ctx.Done():
		<-s.window // the slot was taken for an item that never went out
		return ctx.Err()
	}
}

// splitInputs routes each input to the local walk or to the fetcher, and
// expands @FILE lists (one input a line, blank lines and # comments
// ignored) so that a list may mix URLs and paths: a --failed file of an
// earlier run is such a list. A list that cannot be read, or that names
// another list, comes back as a failed item.
func splitInputs(inputs []string, stdin io.Reader) (local, remote []string, bad []item) {
	for _, in := range inputs {
		name, isList := strings.CutPrefix(strings.TrimSpace(in), "@")
		if !isList || name == "" {
			if fetch.IsRemote(in) {
				remote = append(remote, in)
			} else {
				local = append(local, in)
			}
			continue
		}
		lines, err := ReadList(name, stdin)
		if err != nil {
			bad = append(bad, item{loc: in, err: err})
			continue
		}
		for _, l := range lines {
			switch {
			case strings.HasPrefix(l, "@"):
				bad = append(bad, item{loc: l, err: fmt.Errorf("listed in %s: lists do not nest", in)})
			case fetch.IsRemote(l):
				remote = append(remote, l)
			default:
				local = append(local, l)
			}
		}
	}
	return local, remote, bad
}

// ListEntry is loc as a line of an @FILE list. A location that the list
// reader would otherwise misread (a line break, a " #" that starts a
// comment, a leading "#" or quote, spaces at either end, bytes that are
// not UTF-8) is written as a Go-quoted string, which the reader unquotes.
func ListEntry(loc string) string {
	if loc == "" || strings.ContainsAny(loc, "\n\r") || strings.Contains(loc, " #") ||
		strings.HasPrefix(loc, "#") || strings.HasPrefix(loc, `"`) ||
		strings.TrimSpace(loc) != loc || !utf8.ValidString(loc) {
		return strconv.Quote(loc)
	}
	return loc
}

// ReadList reads an @FILE list; "-" is stdin.
func ReadList(name string, stdin io.Reader) ([]string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read input list: %w", err)
		}
		defer f.Close()
		r = f
	} else if r == nil {
		return nil, errors.New("read input list: no standard input")
	}
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(l, `"`) {
			// A quoted entry (see ListEntry), perhaps with a comment.
			if q, err := strconv.QuotedPrefix(l); err == nil {
				if v, err := strconv.Unquote(q); err == nil && v != "" {
					lines = append(lines, v)
					continue
				}
			}
		}
		if i := strings.Index(l, " #"); i >= 0 {
			l = strings.TrimSpace(l[:i])
		}
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read input list: %w", err)
	}
	return lines, nil
}

// walk sends every local location under inputs on, in walk order. It is
// called even with no inputs, since test fakes walk their own list.
func walk(ctx context.Context, st stages, inputs []string, src *sequencer) error {
	err := st.walk(ctx, inputs, func(loc string, err error) error {
		return src.send(ctx, item{loc: loc, err: err})
	})
	if err != nil {
		return fmt.Errorf("walk inputs: %w", err)
	}
	return nil
}

// fetchRemote runs the fetcher over the remote inputs and sends its items
// on as they come.
func fetchRemote(ctx context.Context, st stages, inputs []string, src *sequencer) error {
	if st.fetch == nil {
		for _, in := range inputs {
			if err := src.send(ctx, item{loc: in, err: errors.New("no fetcher for web inputs")}); err != nil {
				return err
			}
		}
		return nil
	}
	ch := make(chan fetch.Item, 16)
	fetched := make(chan error, 1)
	go func() {
		defer close(ch)
		fetched <- st.fetch(ctx, inputs, ch)
	}()
	var sendErr error
	for it := range ch {
		if sendErr != nil {
			continue // drain: the fetcher stops on ctx, which is done
		}
		sendErr = src.send(ctx, item{
			loc: it.Location, err: it.Err, remote: true, data: it.Data,
			contentType: it.ContentType, published: it.Published, notModified: it.NotModified,
		})
	}
	if err := <-fetched; err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	return sendErr
}

// countLocal counts the local documents (plus the failed list items) for
// the progress total. It walks the inputs a second time, which costs
// directory reads only, and gives up quietly on cancellation.
func countLocal(ctx context.Context, st stages, inputs []string, extra int, c *counters) {
	n := extra
	err := st.count(ctx, inputs, func(string, error) error {
		n++
		return nil
	})
	if err == nil {
		c.total.Store(int64(n))
	}
}

// work turns items into results until in is closed or ctx is done.
func work(ctx context.Context, cfg Config, st stages, in <-chan item, out chan<- result, c *counters) error {
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
		r, err := process(ctx, cfg, st, it, c)
		if err != nil {
			// A failing index read is often the writer's failure seen
			// from here (a full disk): give the writer's error the
			// moment to be the one the run reports.
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
			}
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
func process(ctx context.Context, cfg Config, st stages, it item, c *counters) (r result, err error) {
	r = result{seq: it.seq, loc: it.loc}
	switch {
	case it.err != nil:
		r.fail = reason(it.loc, it.err)
		return r, nil
	case it.notModified:
		r.unchanged = true
		return r, nil
	}
	defer func() {
		if p := recover(); p != nil {
			cfg.Logger.Error("document crashed a stage", "location", it.loc, "panic", p, "stack", string(debug.Stack()))
			r = result{seq: it.seq, loc: it.loc, fail: fmt.Sprintf("internal error: %v", p)}
			err = nil
		}
	}()
	data := it.data
	name, renamed := it.loc, false // the location documents and reports show
	opt := corpus.Options{Source: cfg.Source, Published: cfg.Published, MaxBytes: cfg.MaxBytes}
	if it.remote {
		opt.ContentType = it.contentType
		if !it.published.IsZero() {
			opt.Published = it.published
		}
	} else {
		opt.Identity = corpus.LocalIdentity(it.loc)
		if cfg.Rename != nil {
			if loc, id, ok := cfg.Rename(it.loc); ok {
				name, opt.Identity, r.loc, renamed = loc, id, loc, true
			}
		}
		if it.loc == "-" && cfg.Stdin == nil {
			r.fail = "no standard input to read"
			return r, nil
		}
		t := time.Now()
		data, err = st.read(ctx, it.loc, cfg.Stdin, cfg.MaxBytes)
		c.read.Add(int64(time.Since(t)))
		if err != nil {
			if ctx.Err() != nil {
				return r, ctx.Err()
			}
			r.fail = reason(it.loc, err)
			return r, nil
		}
	}
	t := time.Now()
	doc, err := st.clean(name, data, opt)
	c.clean.Add(int64(time.Since(t)))
	if err != nil {
		r.fail = reason(name, err)
		return r, nil
	}
	if it.remote {
		r.ack = it.loc
	}
	old, found, err := st.lookup(doc.ID)
	if err != nil {
		return r, fmt.Errorf("look up %s in the index: %w", it.loc, err)
	}
	if found && old.Hash == doc.Hash {
		r.unchanged = true
		return r, nil
	}
	if !found && !it.remote && !renamed {
		// An index written before local files were identified by their
		// absolute path holds this file under the path as typed.
		if legacy := corpus.DocID(it.loc); legacy != doc.ID {
			prev, ok, err := st.lookup(legacy)
			if err != nil {
				return r, fmt.Errorf("look up %s in the index: %w", it.loc, err)
			}
			if ok && prev.Location == it.loc {
				r.retire = legacy
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	t = time.Now()
	defer func() { c.extract.Add(int64(time.Since(t))) }()
	claims, ents, capped := st.claims(doc, cfg.MaxClaims)
	r.capped = capped
	ids := make([]string, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	prof := crosscheck.NewProfile(claims)
	prof.Doc = doc.ID
	r.rec = index.DocRecord{ID: doc.ID, Location: doc.Location, Source: doc.Source, Hash: doc.Hash, Claims: ids, Entities: ents, Profile: &prof, Text: doc.Text}
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

// sink is the writer stage's hold on the index writer. It flushes every
// size changes itself, rather than relying on the writer's own batching,
// because it must know which fetched documents a flush made durable: it
// acknowledges them to the fetcher only then. (The writer may flush
// earlier on its own; acknowledging later than that is still safe.)
type sink struct {
	w    docWriter
	size int
	ops  int      // claims and records put since the last flush
	acks []string // fetched locations to acknowledge after the next flush
	ack  func(string) error
	log  *slog.Logger
	took time.Duration // in the writer's Put and Flush
}

// flush applies the pending batch, then acknowledges what it held.
func (s *sink) flush() error {
	t := time.Now()
	err := s.w.Flush()
	s.took += time.Since(t)
	if err != nil {
		return err
	}
	s.ops = 0
	for _, loc := range s.acks {
		if err := s.ack(loc); err != nil {
			// The page is indexed; a lost acknowledgement costs one
			// refetch next run, which finds it unchanged.
			s.log.Warn("fetch state: acknowledgement lost", "location", loc, "err", err)
		}
	}
	s.acks = s.acks[:0]
	return nil
}

// write is the only goroutine that touches the writer. It puts results in
// sequence order and tallies them in rep. When ctx is done it stops taking
// results, flushes what it has accepted, and returns ctx.Err().
func write(ctx context.Context, s *sink, in <-chan result, window <-chan struct{}, rep *Report, counts *counters) error {
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
			if err := s.flush(); err != nil {
				return fmt.Errorf("flush index after stop: %w", err)
			}
			return ctx.Err()
		}
		if !ok {
			if len(pending) > 0 {
				return fmt.Errorf("pipeline: %d documents lost before the writer", len(pending))
			}
			if err := s.flush(); err != nil {
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
			if err := s.put(r, rep, counts); err != nil {
				return err
			}
			<-window
		}
	}
}

// put applies one result to the writer and the report.
func (s *sink) put(r result, rep *Report, counts *counters) error {
	rep.Read++
	counts.docs.Add(1)
	switch {
	case r.fail != "":
		rep.Failures = append(rep.Failures, Failure{Location: r.loc, Reason: r.fail})
		counts.failed.Add(1)
		s.log.Debug("document failed", "location", r.loc, "reason", r.fail)
		return nil
	case r.unchanged:
		rep.Unchanged++
		s.queueAck(r.ack)
		s.log.Debug("document unchanged", "location", r.loc)
		return nil
	}
	if r.retire != "" {
		if err := s.w.Remove(r.retire); err != nil {
			return fmt.Errorf("write %s to the index: %w", r.loc, err)
		}
	}
	t := time.Now()
	o, dupOf, err := s.w.Put(r.rec, r.claims)
	s.took += time.Since(t)
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
	s.queueAck(r.ack)
	if r.capped && (o == index.Added || o == index.Replaced) {
		rep.Capped = append(rep.Capped, Capped{Location: r.loc, Claims: len(r.claims)})
	}
	if o == index.Added || o == index.Replaced {
		rep.Claims += len(r.claims)
		counts.claims.Add(int64(len(r.claims)))
		s.ops += len(r.claims) + 1
	}
	s.log.Debug("document written", "location", r.loc, "outcome", o.String(), "claims", len(r.claims))
	if s.ops >= s.size {
		if err := s.flush(); err != nil {
			return fmt.Errorf("flush index: %w", err)
		}
	}
	return nil
}

// queueAck remembers a fetched location for the next flush. A page found
// unchanged or duplicate is acknowledged too, so that the next run asks
// for it conditionally instead of fetching it whole.
func (s *sink) queueAck(loc string) {
	if loc != "" && s.ack != nil {
		s.acks = append(s.acks, loc)
	}
}

// counters are the live tallies the progress goroutine reads while the
// writer updates them.
type counters struct {
	docs, claims, failed, total atomic.Int64
	// Nanoseconds spent per stage, summed over the goroutines running it.
	read, clean, extract, index atomic.Int64
}

func (c *counters) snapshot(elapsed time.Duration) Progress {
	return Progress{
		Docs:    int(c.docs.Load()),
		Claims:  int(c.claims.Load()),
		Failed:  int(c.failed.Load()),
		Total:   int(c.total.Load()),
		Elapsed: elapsed,
	}
}

// startProgress calls cfg.Progress every cfg.ProgressEvery until the
// returned function is called; that function waits for the goroutine to
// end, so no call happens after it returns.
func startProgress(cfg Config, start time.Time, fetchStats func() fetch.Stats, c *counters) (stop func()) {
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
				p := c.snapshot(time.Since(start))
				if fetchStats != nil {
					p.Fetch = fetchStats()
				}
				cfg.Progress(p)
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
