package fetch

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A server that answers but sends its body at a trickle costs one
// Timeout, not one per attempt: a second attempt would only repeat it.
func TestSlowBodyNotRetried(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		requests.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for range 100 {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.Timeout = 300 * time.Millisecond
	cfg.Retries = 3
	start := time.Now()
	res := runAll(t, newFetcher(t, cfg), srv.URL+"/slow")
	if n := requests.Load(); n != 1 {
		t.Errorf("%d requests to a server that sends its body at a trickle, want 1", n)
	}
	if it := res.byLoc()[srv.URL+"/slow"]; !errors.Is(it.Err, ErrTimeout) {
		t.Errorf("error %v, want a timeout", it.Err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s", d)
	}
}

// A server that never answers is retried, but all attempts together stay
// within URLTimeout.
func TestURLTimeoutBoundsRetries(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		requests.Add(1)
		<-r.Context().Done()
	}))
	defer srv.Close()
	cfg := testConfig()
	// Ten retries of 200 ms would take 2.2 s; the URL's 1.5 s cut them
	// short. The URL's time is several attempts long, so that a loaded
	// machine (or the race detector) still fits more than one in it.
	cfg.Timeout = 200 * time.Millisecond
	cfg.URLTimeout = 1500 * time.Millisecond
	cfg.Retries = 10
	start := time.Now()
	res := runAll(t, newFetcher(t, cfg), srv.URL+"/hang")
	if d := time.Since(start); d > 2*cfg.URLTimeout {
		t.Errorf("took %s with URLTimeout %s", d, cfg.URLTimeout)
	}
	// The last attempt gets what is left of the URL's time.
	if n := requests.Load(); n < 2 || int(n) > int(cfg.URLTimeout/cfg.Timeout)+1 {
		t.Errorf("%d requests, want retries, and no more than fit in the URL's time", n)
	}
	if it := res.byLoc()[srv.URL+"/hang"]; !errors.Is(it.Err, ErrTimeout) {
		t.Errorf("error %v, want a timeout", it.Err)
	}
}

// --host holds on redirects: with the filter on one host, a redirect to
// another is not followed.
func TestHostFilterOnRedirects(t *testing.T) {
	var offHost atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		offHost.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>Elsewhere.</p></body></html>"))
	}))
	defer other.Close()
	// The same loopback address under another name: "localhost".
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, otherURL+"/page", http.StatusFound)
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.Hosts = []string{"127.0.0.1"}
	res := runAll(t, newFetcher(t, cfg), srv.URL+"/moved")
	if n := offHost.Load(); n != 0 {
		t.Errorf("the redirect target outside --host was requested %d times", n)
	}
	if it := res.byLoc()[srv.URL+"/moved"]; !errors.Is(it.Err, ErrHostFiltered) {
		t.Errorf("error %v, want ErrHostFiltered", it.Err)
	}
}

// A body too large for any limit is refused citing the page limit when
// it is declared a page, not the larger limit of listings.
func TestTooLargePageCitesPageLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "5000000000")
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	cfg := testConfig()
	res := runAll(t, newFetcher(t, cfg), srv.URL+"/huge")
	it := res.byLoc()[srv.URL+"/huge"]
	if !errors.Is(it.Err, ErrTooLarge) || !strings.Contains(it.Err.Error(), "10485760-byte limit") || strings.Contains(it.Err.Error(), "104857600") {
		t.Errorf("error %v, want ErrTooLarge citing the 10485760-byte page limit only", it.Err)
	}
}
