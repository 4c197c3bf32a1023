package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConditionalGET(t *testing.T) {
	var h hits
	var mu sync.Mutex
	var seen []string
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.Path+" "+r.Header.Get("If-None-Match")+" "+r.Header.Get("If-Modified-Since"))
		mu.Unlock()
		switch r.URL.Path {
		case "/etag":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
		case "/lastmod":
			if r.Header.Get("If-Modified-Since") == "Sat, 07 Mar 2026 08:00:00 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Last-Modified", "Sat, 07 Mar 2026 08:00:00 GMT")
		}
		page(w, "stable") // /plain has no validators: the hash decides
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	cfg.StatePath = filepath.Join(t.TempDir(), "fetch.state")
	urls := []string{s.URL + "/etag", s.URL + "/lastmod", s.URL + "/plain"}

	f1, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res := runAll(t, f1, urls...)
	if len(res.docs()) != 3 || res.err != nil {
		t.Fatalf("first run: %v %v", res.docs(), res.err)
	}
	if err := f1.Close(); err != nil {
		t.Fatal(err)
	}

	f2 := newFetcher(t, cfg)
	res = runAll(t, f2, urls...)
	for _, it := range res.items {
		if !it.NotModified || it.Err != nil || it.Data != nil {
			t.Errorf("second run %s: %+v, want NotModified", it.Location, it)
		}
	}
	if len(res.items) != 3 {
		t.Errorf("second run items = %d", len(res.items))
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{
		"/etag  ", "/lastmod  ", "/plain  ",
		`/etag "v1" `, "/lastmod  Sat, 07 Mar 2026 08:00:00 GMT", "/plain  ",
	}
	slices.Sort(want[:3])
	slices.Sort(seen[:3])
	slices.Sort(want[3:])
	slices.Sort(seen[3:])
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestUnacknowledgedIsRefetched(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"same"`)
		if r.Header.Get("If-None-Match") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		page(w, "x")
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	cfg.StatePath = filepath.Join(t.TempDir(), "fetch.state")
	f1, _ := New(cfg)
	out := make(chan Item, 1)
	if err := f1.Run(t.Context(), []string{s.URL + "/p"}, out); err != nil {
		t.Fatal(err)
	}
	<-out // delivered, never acknowledged: the index does not hold it
	f1.Close()
	res := runAll(t, newFetcher(t, cfg), s.URL+"/p")
	if diff := cmp.Diff([]string{s.URL + "/p"}, res.docs()); diff != "" {
		t.Errorf("unacknowledged page must come again in full (-want +got):\n%s", diff)
	}
}

func TestResumeAfterCancel(t *testing.T) {
	const pages, acked = 20, 5
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) { page(w, r.URL.Path) })
	var urls []string
	for i := range pages {
		urls = append(urls, fmt.Sprintf("%s/p%02d", s.URL, i))
	}
	cfg := testConfig()
	cfg.RespectRobots = false
	cfg.PerHost = 1
	cfg.StatePath = filepath.Join(t.TempDir(), "fetch.state")

	// Run 1: the consumer indexes five pages, then the user presses Ctrl-C.
	f1, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	out := make(chan Item)
	errc := make(chan error, 1)
	go func() { errc <- f1.Run(ctx, urls, out); close(out) }()
	indexed := map[string]bool{}
	for it := range out {
		if it.Err != nil {
			t.Fatalf("run 1: %v", it.Err)
		}
		if len(indexed) < acked {
			indexed[it.Location] = true
			if err := f1.Done(it.Location); err != nil {
				t.Fatal(err)
			}
			if len(indexed) == acked {
				cancel()
			}
		}
	}
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("run 1 returned %v, want context.Canceled", err)
	}
	if err := f1.Close(); err != nil {
		t.Fatal(err)
	}
	before := map[string]int{}
	for _, u := range urls {
		before[u] = h.get(u[len(s.URL):])
	}

	// Run 2 resumes: the five indexed pages are not requested again.
	f2 := newFetcher(t, cfg)
	res := runAll(t, f2, urls...)
	if res.err != nil {
		t.Fatal(res.err)
	}
	var resumed, fetched []string
	for _, it := range res.items {
		switch {
		case it.Err != nil:
			t.Errorf("run 2: %s: %v", it.Location, it.Err)
		case it.NotModified:
			resumed = append(resumed, it.Location)
		default:
			fetched = append(fetched, it.Location)
			indexed[it.Location] = true
		}
	}
	for _, u := range urls {
		again := h.get(u[len(s.URL):]) - before[u]
		if slices.Contains(resumed, u) && again != 0 {
			t.Errorf("%s was indexed in run 1 but requested again", u)
		}
	}
	if len(resumed) != acked || len(fetched) != pages-acked {
		t.Errorf("run 2: %d resumed, %d fetched; want %d and %d", len(resumed), len(fetched), acked, pages-acked)
	}
	if len(indexed) != pages {
		t.Errorf("indexed %d distinct pages over both runs, want %d", len(indexed), pages)
	}
	if st := f2.Stats(); st.Resumed != acked {
		t.Errorf("Stats.Resumed = %d", st.Resumed)
	}

	// Run 3, after a complete run: nothing changed, nothing to index, but
	// every page is checked again (not skipped as resumed).
	f2.Close()
	f3 := newFetcher(t, cfg)
	res = runAll(t, f3, urls...)
	if len(res.docs()) != 0 || len(res.items) != pages {
		t.Errorf("run 3: docs %v, %d items", res.docs(), len(res.items))
	}
	if st := f3.Stats(); st.NotModified != pages || st.Resumed != 0 {
		t.Errorf("run 3 stats %+v, want %d not modified, 0 resumed", st, pages)
	}
}

func TestStateLocked(t *testing.T) {
	cfg := testConfig()
	cfg.StatePath = filepath.Join(t.TempDir(), "fetch.state")
	newFetcher(t, cfg)
	if _, err := New(cfg); err == nil {
		t.Error("a second Fetcher opened a state file in use")
	}
}

func TestDoneUnknown(t *testing.T) {
	f := newFetcher(t, testConfig())
	if err := f.Done("https://nowhere.example/"); !errors.Is(err, ErrUnknownItem) {
		t.Errorf("Done(unknown) = %v", err)
	}
}
