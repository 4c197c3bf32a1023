package fetch

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// testConfig is fast and polite only where a test asks: no delay, tiny
// backoff, short timeouts.
func testConfig() Config {
	c := DefaultConfig()
	c.MinDelay = 0
	c.BackoffBase = time.Millisecond
	c.BackoffMax = 5 * time.Millisecond
	c.Timeout = 2 * time.Second
	c.ConnectTimeout = time.Second
	return c
}

// result is what a run produced, indexed by location.
type result struct {
	items []Item
	err   error
}

func (r result) byLoc() map[string]Item {
	m := map[string]Item{}
	for _, it := range r.items {
		m[it.Location] = it
	}
	return m
}

// docs lists the locations delivered as documents, sorted.
func (r result) docs() []string {
	var out []string
	for _, it := range r.items {
		if it.Err == nil && !it.NotModified {
			out = append(out, it.Location)
		}
	}
	slices.Sort(out)
	return out
}

// run runs f over inputs, acknowledging every document as an indexing
// consumer would.
func runAll(t *testing.T, f *Fetcher, inputs ...string) result {
	t.Helper()
	out := make(chan Item, 8)
	var res result
	done := make(chan struct{})
	go func() {
		defer close(done)
		for it := range out {
			res.items = append(res.items, it)
			if it.Err == nil && !it.NotModified {
				if err := f.Done(it.Location); err != nil {
					t.Errorf("Done(%s): %v", it.Location, err)
				}
			}
		}
	}()
	res.err = f.Run(t.Context(), inputs, out)
	close(out)
	<-done
	return res
}

func newFetcher(t *testing.T, cfg Config) *Fetcher {
	t.Helper()
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return f
}

// hits counts requests per path.
type hits struct {
	mu sync.Mutex
	n  map[string]int
	at map[string][]time.Time
}

func (h *hits) add(r *http.Request) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == nil {
		h.n, h.at = map[string]int{}, map[string][]time.Time{}
	}
	h.n[r.URL.Path]++
	h.at[r.URL.Path] = append(h.at[r.URL.Path], time.Now())
	return h.n[r.URL.Path]
}

func (h *hits) get(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[path]
}

func (h *hits) times(path string) []time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.at[path])
}

// server starts a loopback server that counts hits and serves robots.txt
// as 404 unless the handler says otherwise.
func server(t *testing.T, h *hits, fn http.HandlerFunc) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		fn(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func page(w http.ResponseWriter, title string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte("<!doctype html><html><head><title>" + title + "</title></head><body><p>" + title + " body.</p></body></html>"))
}

func wantErr(t *testing.T, it Item, target error) {
	t.Helper()
	if !errors.Is(it.Err, target) {
		t.Errorf("%s: err = %v, want %v", it.Location, it.Err, target)
	}
}
