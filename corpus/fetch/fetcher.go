package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

// ErrUnknownItem: Done was given a location this Fetcher has not delivered
// (or already acknowledged).
var ErrUnknownItem = errors.New("no delivered item with this location")

// maxDepth bounds how far listings lead: an index, its sitemaps, their
// pages, and one more level for feeds listed in a sitemap.
const maxDepth = 4

// Fetcher fetches web inputs politely and remembers, in its state file,
// what the consumer has indexed. One Run at a time; Done may be called
// from any goroutine, during or after Run; Close once at the end.
type Fetcher struct {
	cfg    Config
	client *http.Client
	global *semaphore.Weighted
	state  *state

	hostsMu sync.Mutex
	hosts   map[string]*host

	mu       sync.Mutex
	inflight map[string]delivery // delivered, not yet acknowledged

	running atomic.Bool
	stats   counters
}

// delivery is what Done writes to the state for a delivered page.
type delivery struct {
	keys               []string // requested and final canonical URLs
	etag, lastModified string
	hash               string
}

// New builds a Fetcher and opens its state file, if any.
func New(cfg Config) (*Fetcher, error) {
	cfg = cfg.withDefaults()
	st, err := openState(cfg.StatePath)
	if err != nil {
		return nil, err
	}
	f := &Fetcher{
		cfg:      cfg,
		global:   semaphore.NewWeighted(int64(cfg.Global)),
		state:    st,
		hosts:    map[string]*host{},
		inflight: map[string]delivery{},
	}
	f.client = f.newClient()
	return f, nil
}

// Run expands the inputs (URLs, @FILE lists, feeds, sitemaps, WARC files)
// and sends one Item per page to out: a document, an unchanged page, or a
// failure. It returns when every input is done (nil) or when ctx ends
// (ctx.Err()); a failing URL is an Item with Err, never a Run error. Run
// does not close out. Only a complete Run (nil error) ends the run in the
// state file; after an interrupted one, the next Run resumes it.
func (f *Fetcher) Run(ctx context.Context, inputs []string, out chan<- Item) error {
	return f.runWith(ctx, out, func(r *run) {
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			r.input(in, true)
		}
	})
}

// Done acknowledges that the consumer has durably stored the document
// delivered under location (Item.Location): only then does the state
// record it, with its validators for conditional GET next time. Call it
// after the index writer has flushed the document; never for failed items.
// Calling it for a NotModified item is unnecessary and returns
// ErrUnknownItem.
func (f *Fetcher) Done(location string) error {
	f.mu.Lock()
	d, ok := f.inflight[location]
	delete(f.inflight, location)
	f.mu.Unlock()
	if !ok {
		return fmt.Errorf("fetch: Done(%q): %w", location, ErrUnknownItem)
	}
	return f.state.put(d.keys, record{ETag: d.etag, LastModified: d.lastModified, Hash: d.hash})
}

// Close writes the acknowledgements still buffered and closes the state
// file. Call it after the last Done.
func (f *Fetcher) Close() error { return f.state.close() }

// run is one Run: its context, its output and what it has seen.
type run struct {
	f   *Fetcher
	ctx context.Context
	out chan<- Item
	wg  sync.WaitGroup

	seenMu sync.Mutex
	seen   map[string]bool
}

// task is a URL waiting in its host's queue.
type task struct {
	url       string // canonical
	u         *url.URL
	depth     int
	published time.Time
}

func (f *Fetcher) runWith(ctx context.Context, out chan<- Item, feed func(*run)) error {
	if !f.running.CompareAndSwap(false, true) {
		return errors.New("fetch: Run called while another Run is in progress")
	}
	defer f.running.Store(false)
	if err := f.state.beginRun(); err != nil {
		return err
	}
	r := &run{f: f, ctx: ctx, out: out, seen: map[string]bool{}}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		feed(r)
	}()
	r.wg.Wait()
	if err := ctx.Err(); err != nil {
		_ = f.state.flush()
		return err
	}
	return f.state.endRun()
}

// input handles one input as the user gave it.
func (r *run) input(in string, top bool) {
	s := strings.TrimSpace(in)
	l := strings.ToLower(s)
	switch {
	case s == "":
	case strings.HasPrefix(s, "@") && top:
		r.list(s[1:])
	case strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://"):
		if isWARCName(strings.TrimRight(strings.SplitN(l, "?", 2)[0], "/")) {
			r.fail(s, fmt.Errorf("%w: WARC files are read from disk; download %s first", ErrUnsupported, s))
			return
		}
		c, err := Canonical(s)
		if err != nil {
			r.fail(s, err)
			return
		}
		u, _ := url.Parse(c)
		r.enqueue(task{url: c, u: u})
	case isWARCName(s):
		r.warcFile(s)
	default:
		r.fail(s, fmt.Errorf("%w: not an http(s) URL, @FILE list or .warc(.gz) file", ErrUnsupported))
	}
}

// firstSeen reports whether a canonical URL is new in this run.
func (r *run) firstSeen(u string) bool {
	r.seenMu.Lock()
	defer r.seenMu.Unlock()
	if r.seen[u] {
		return false
	}
	r.seen[u] = true
	return true
}

// enqueue queues a URL on its host, starting a worker if the host has
// fewer than PerHost. Workers exit when their queue is empty, so an idle
// host costs no goroutine.
func (r *run) enqueue(t task) {
	if !r.firstSeen(t.url) {
		r.f.stats.duplicates.Add(1)
		return
	}
	h := r.f.host(t.u)
	r.wg.Add(1)
	r.f.stats.queued.Add(1)
	h.mu.Lock()
	h.queue = append(h.queue, t)
	spawn := h.workers < r.f.cfg.PerHost
	if spawn {
		h.workers++
	}
	h.mu.Unlock()
	if spawn {
		go r.work(h)
	}
}

func (r *run) work(h *host) {
	for {
		h.mu.Lock()
		if len(h.queue) == 0 {
			h.workers--
			h.mu.Unlock()
			return
		}
		t := h.queue[0]
		h.queue[0] = task{}
		h.queue = h.queue[1:]
		h.mu.Unlock()
		r.f.stats.queued.Add(-1)
		if r.ctx.Err() == nil {
			r.process(h, t)
		}
		r.wg.Done()
	}
}

// process fetches one URL and delivers, follows or reports it.
func (r *run) process(h *host, t task) {
	f := r.f
	if !f.allowed(r.ctx, h, t.u) {
		r.fail(t.url, ErrRobots)
		return
	}
	prev, known := f.state.get(t.url)
	if known && f.state.resumed(prev) {
		f.stats.resumed.Add(1)
		r.emit(Item{Location: t.url, NotModified: true})
		return
	}
	var cond *record
	if known {
		cond = &prev
	}
	resp, err := f.get(r.ctx, h, t.url, cond, bodyLimits{page: f.cfg.MaxBytes, listing: f.cfg.MaxListingBytes})
	if err != nil {
		if r.ctx.Err() == nil {
			r.fail(t.url, err)
		}
		return
	}
	f.stats.fetched.Add(1)
	f.stats.bytes.Add(resp.n)
	if resp.status == http.StatusNotModified {
		if cond == nil {
			r.fail(t.url, &StatusError{Code: resp.status})
			return
		}
		r.unchanged(t.url, []string{t.url}, prev)
		return
	}
	loc, keys := t.url, []string{t.url}
	if c, err := Canonical(resp.final); err == nil && c != t.url {
		if !r.firstSeen(c) {
			f.stats.duplicates.Add(1)
			return
		}
		loc, keys = c, append(keys, c)
	}
	k, ct := resp.kind, resp.ct
	switch {
	case k == kindFeed || k == kindSitemap:
		r.follow(t, loc, resp.links)
		return
	case k == kindHTML, k == kindText && f.cfg.AcceptPlainText:
	default:
		r.fail(loc, fmt.Errorf("%w (Content-Type %q)", ErrNotHTML, resp.header.Get("Content-Type")))
		return
	}
	rec := record{ETag: resp.header.Get("ETag"), LastModified: resp.header.Get("Last-Modified"), Hash: hashOf(resp.body)}
	if known && prev.Hash == rec.Hash {
		r.unchanged(loc, keys, rec)
		return
	}
	r.deliver(Item{Location: loc, Data: resp.body, ContentType: ct, Published: t.published}, keys, rec)
}

// deliver sends a document and remembers what Done will record.
func (r *run) deliver(it Item, keys []string, rec record) {
	r.f.mu.Lock()
	r.f.inflight[it.Location] = delivery{keys: keys, etag: rec.ETag, lastModified: rec.LastModified, hash: rec.Hash}
	r.f.mu.Unlock()
	if r.emit(it) {
		r.f.stats.documents.Add(1)
	}
}

// unchanged reports a page the index already holds and moves its record
// into the current run, so that a resumed run skips it too.
func (r *run) unchanged(loc string, keys []string, rec record) {
	if err := r.f.state.put(keys, rec); err != nil {
		r.f.cfg.Logger.Warn("fetch state", "err", err)
	}
	r.f.stats.notModified.Add(1)
	r.emit(Item{Location: loc, NotModified: true})
}

// follow queues the entries of a feed or sitemap that pass the filters.
func (r *run) follow(t task, loc string, links []link) {
	f := r.f
	f.stats.listings.Add(1)
	if t.depth >= maxDepth {
		r.fail(loc, fmt.Errorf("%w: listing nested deeper than %d levels", ErrUnsupported, maxDepth))
		return
	}
	for _, l := range links {
		if !langMatches(l.lang, f.cfg.Lang) || (!f.cfg.Since.IsZero() && !l.dated.IsZero() && l.dated.Before(f.cfg.Since)) {
			f.stats.filtered.Add(1)
			continue
		}
		c, err := Canonical(l.url)
		if err != nil {
			continue // mailto:, javascript: and the like
		}
		u, _ := url.Parse(c)
		if !f.hostAllowed(u) {
			f.stats.filtered.Add(1)
			continue
		}
		r.enqueue(task{url: c, u: u, depth: t.depth + 1, published: l.published})
	}
}

// hostAllowed applies the Hosts filter.
func (f *Fetcher) hostAllowed(u *url.URL) bool {
	if len(f.cfg.Hosts) == 0 {
		return true
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range f.cfg.Hosts {
		if ok, _ := path.Match(strings.ToLower(strings.TrimSpace(p)), h); ok {
			return true
		}
	}
	return false
}

// fail reports a failed location.
func (r *run) fail(loc string, err error) {
	r.f.stats.failed.Add(1)
	r.emit(Item{Location: loc, Err: err})
}

// emit sends an item unless the run is cancelled first.
func (r *run) emit(it Item) bool {
	select {
	case r.out <- it:
		return true
	case <-r.ctx.Done():
		return false
	}
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:16])
}
