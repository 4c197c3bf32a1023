package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestRobotsDisallow(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: claimdex\nDisallow: /private/\n")
			return
		}
		page(w, r.URL.Path)
	})
	f := newFetcher(t, testConfig())
	res := runAll(t, f, s.URL+"/private/a", s.URL+"/public/b")
	got := res.byLoc()
	wantErr(t, got[s.URL+"/private/a"], ErrRobots)
	if it := got[s.URL+"/public/b"]; it.Err != nil || len(it.Data) == 0 {
		t.Errorf("public page: %+v", it)
	}
	if n := h.get("/private/a"); n != 0 {
		t.Errorf("disallowed page requested %d times", n)
	}
	if n := h.get("/robots.txt"); n != 1 {
		t.Errorf("robots.txt requested %d times, want 1", n)
	}
}

func TestRobotsIgnoredWhenOff(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
			return
		}
		page(w, "x")
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	res := runAll(t, newFetcher(t, cfg), s.URL+"/a")
	if diff := cmp.Diff([]string{s.URL + "/a"}, res.docs()); diff != "" {
		t.Errorf("docs (-want +got):\n%s", diff)
	}
	if n := h.get("/robots.txt"); n != 0 {
		t.Errorf("robots.txt requested %d times with RespectRobots off", n)
	}
}

func TestCrawlDelay(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.2\n")
			return
		}
		h.add(&http.Request{URL: r.URL.JoinPath("..", "all")}) // one timeline for all pages
		page(w, "x")
	})
	cfg := testConfig()
	cfg.PerHost = 4
	res := runAll(t, newFetcher(t, cfg), s.URL+"/1", s.URL+"/2", s.URL+"/3", s.URL+"/4")
	if len(res.docs()) != 4 {
		t.Fatalf("docs = %v", res.docs())
	}
	at := h.times("/all")
	if len(at) != 4 {
		t.Fatalf("page requests = %d", len(at))
	}
	// Arrival times at the server carry the scheduler's jitter, so only the
	// whole span is checked here, with one delay of slack; the slots
	// themselves are checked exactly in TestHostSlots.
	if span := at[3].Sub(at[0]); span < 400*time.Millisecond {
		t.Errorf("4 requests spanned %v; crawl-delay 200ms spaces them at least 600ms", span)
	}
}

func TestMinDelay(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		h.add(&http.Request{URL: r.URL.JoinPath("..", "all")})
		page(w, "x")
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	cfg.MinDelay = 100 * time.Millisecond
	cfg.PerHost = 3
	runAll(t, newFetcher(t, cfg), s.URL+"/1", s.URL+"/2", s.URL+"/3", s.URL+"/4")
	at := h.times("/all")
	if len(at) != 4 {
		t.Fatalf("page requests = %d", len(at))
	}
	if span := at[3].Sub(at[0]); span < 200*time.Millisecond {
		t.Errorf("4 requests spanned %v; a 100ms delay spaces them at least 300ms", span)
	}
}

// Slots go out delay apart whoever asks and whenever, and a host idle for
// longer than its delay gets the present moment.
func TestHostSlots(t *testing.T) {
	h := &host{delay: 100 * time.Millisecond}
	t0 := time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC)
	for i, tc := range []struct {
		now  time.Duration // since t0
		want time.Duration
	}{
		{0, 0},
		{0, 100 * time.Millisecond}, // a second worker at once waits one delay
		{10 * time.Millisecond, 200 * time.Millisecond}, // a third waits two
		{time.Second, time.Second},                      // after a pause: no wait
		{time.Second + time.Millisecond, time.Second + 100*time.Millisecond},
	} {
		if got := h.reserve(t0.Add(tc.now)).Sub(t0); got != tc.want {
			t.Errorf("reserve %d at +%v = +%v, want +%v", i, tc.now, got, tc.want)
		}
	}
	h.pause(time.Hour) // Retry-After pushes the next slot out
	if got := h.reserve(time.Now()); time.Until(got) < 59*time.Minute {
		t.Errorf("after pause(1h) the next slot is %v away", time.Until(got))
	}
}

func TestRetry503Then200(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/flaky" && h.get("/flaky") <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		if r.URL.Path == "/down" {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		if r.URL.Path == "/gone" {
			http.NotFound(w, r)
			return
		}
		page(w, "ok")
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	res := runAll(t, newFetcher(t, cfg), s.URL+"/flaky", s.URL+"/down", s.URL+"/gone")
	got := res.byLoc()
	if it := got[s.URL+"/flaky"]; it.Err != nil {
		t.Errorf("flaky: %v", it.Err)
	}
	if n := h.get("/flaky"); n != 3 {
		t.Errorf("flaky requested %d times, want 3", n)
	}
	var se *StatusError
	if it := got[s.URL+"/down"]; !errors.As(it.Err, &se) || se.Code != 502 || !errors.Is(it.Err, ErrStatus) {
		t.Errorf("down: err = %v", it.Err)
	}
	if n := h.get("/down"); n != 4 {
		t.Errorf("down requested %d times, want 1 + 3 retries", n)
	}
	wantErr(t, got[s.URL+"/gone"], ErrStatus)
	if n := h.get("/gone"); n != 1 {
		t.Errorf("404 retried: %d requests", n)
	}
}

func Test429RetryAfter(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/throttled" && h.get("/throttled") == 1:
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		case r.URL.Path == "/forever":
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "go away", http.StatusTooManyRequests)
		default:
			page(w, "ok")
		}
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	start := time.Now()
	res := runAll(t, newFetcher(t, cfg), s.URL+"/throttled")
	if it := res.byLoc()[s.URL+"/throttled"]; it.Err != nil {
		t.Fatalf("throttled: %v", it.Err)
	}
	at := h.times("/throttled")
	if len(at) != 2 {
		t.Fatalf("requests = %d, want 2", len(at))
	}
	if gap := at[1].Sub(at[0]); gap < 950*time.Millisecond {
		t.Errorf("retried after %v; Retry-After said 1s", gap)
	}
	start = time.Now()
	res = runAll(t, newFetcher(t, cfg), s.URL+"/forever")
	wantErr(t, res.byLoc()[s.URL+"/forever"], ErrRetryAfter)
	if d := time.Since(start); d > time.Second {
		t.Errorf("an over-long Retry-After made us wait %v", d)
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, v string
		want    time.Duration
	}{
		{"seconds", "120", 2 * time.Minute},
		{"http date", "Sun, 01 Mar 2026 12:00:30 GMT", 30 * time.Second},
		{"past date", "Sun, 01 Mar 2026 11:00:00 GMT", 0},
		{"empty", "", 0},
		{"negative", "-5", 0},
		{"junk", "soon", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := retryAfter(tc.v, now); got != tc.want {
				t.Errorf("retryAfter(%q) = %v, want %v", tc.v, got, tc.want)
			}
		})
	}
}

func TestSlowServerTimeout(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	cfg.Timeout = 150 * time.Millisecond
	cfg.Retries = 1
	start := time.Now()
	res := runAll(t, newFetcher(t, cfg), s.URL+"/slow")
	wantErr(t, res.byLoc()[s.URL+"/slow"], ErrTimeout)
	if n := h.get("/slow"); n != 2 {
		t.Errorf("requests = %d, want 2 (one retry)", n)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v; timeout is 150ms", d)
	}
}

func TestConnectionReset(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/always" || (r.URL.Path == "/once" && h.get("/once") == 1) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		page(w, "ok")
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	cfg.Retries = 2
	res := runAll(t, newFetcher(t, cfg), s.URL+"/once", s.URL+"/always")
	got := res.byLoc()
	if it := got[s.URL+"/once"]; it.Err != nil || len(it.Data) == 0 {
		t.Errorf("once: %+v", it)
	}
	if it := got[s.URL+"/always"]; it.Err == nil {
		t.Errorf("always: no error")
	}
	if n := h.get("/always"); n < 3 {
		t.Errorf("always requested %d times, want >= 1 + 2 retries", n)
	}
}

// countingTransport counts body bytes the fetcher reads.
type countingTransport struct{ n atomic.Int64 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		resp.Body = &countingBody{resp.Body, &c.n}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

func TestOversizedBody(t *testing.T) {
	const limit = 64 << 10
	const huge = 50 << 20
	chunk := bytes.Repeat([]byte("<p>filler</p>"), 1000)
	for _, tc := range []struct {
		name     string
		declared bool
		maxRead  int64
	}{
		{"declared length", true, 0},
		{"streamed", false, limit + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h hits
			var written atomic.Int64
			s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				if tc.declared {
					w.Header().Set("Content-Length", fmt.Sprint(huge))
				}
				for written.Load() < huge {
					n, err := w.Write(chunk)
					written.Add(int64(n))
					if err != nil {
						return
					}
				}
			})
			ct := &countingTransport{}
			cfg := testConfig()
			cfg.RespectRobots = false
			cfg.MaxBytes = limit
			cfg.HTTPClient = &http.Client{Transport: ct}
			res := runAll(t, newFetcher(t, cfg), s.URL+"/big")
			it := res.byLoc()[s.URL+"/big"]
			wantErr(t, it, ErrTooLarge)
			if !errors.Is(it.Err, corpus.ErrTooLarge) {
				t.Errorf("err %v does not wrap corpus.ErrTooLarge", it.Err)
			}
			if n := ct.n.Load(); n > tc.maxRead {
				t.Errorf("read %d body bytes, want <= %d", n, tc.maxRead)
			}
			if n := h.get("/big"); n != 1 {
				t.Errorf("too-large page requested %d times; it must not be retried", n)
			}
			s.CloseClientConnections()
		})
	}
}

func TestRedirects(t *testing.T) {
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case r.URL.Path == "/b":
			http.Redirect(w, r, "/a?utm_source=loop", http.StatusFound) // same page, canonically
		case strings.HasPrefix(r.URL.Path, "/chain/"):
			var n int
			fmt.Sscan(strings.TrimPrefix(r.URL.Path, "/chain/"), &n)
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusMovedPermanently)
		case r.URL.Path == "/old":
			http.Redirect(w, r, "/new#top", http.StatusMovedPermanently)
		default:
			page(w, r.URL.Path)
		}
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	cfg.MaxRedirects = 5
	res := runAll(t, newFetcher(t, cfg), s.URL+"/a", s.URL+"/chain/0", s.URL+"/old", s.URL+"/new")
	got := res.byLoc()
	wantErr(t, got[s.URL+"/a"], ErrRedirect)
	if n := h.get("/a"); n != 1 {
		t.Errorf("loop: /a requested %d times, want 1 (loop detected at once)", n)
	}
	wantErr(t, got[s.URL+"/chain/0"], ErrRedirect)
	// The redirect and the direct URL name one page: delivered once, under
	// its final URL.
	if diff := cmp.Diff([]string{s.URL + "/new"}, res.docs()); diff != "" {
		t.Errorf("docs (-want +got):\n%s", diff)
	}
}

func TestContentTypes(t *testing.T) {
	html := "<!DOCTYPE html><html><head><title>T</title></head><body><p>Caf\xe9 opens.</p></body></html>"
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	for _, tc := range []struct {
		name, header, body string
		plain              bool
		wantCT             string
		wantErr            error
	}{
		{"html", "text/html; charset=utf-8", html, false, "text/html; charset=utf-8", nil},
		{"windows-1252 in header only", "text/html; charset=windows-1252", html, false, "text/html; charset=windows-1252", nil},
		{"xhtml", "application/xhtml+xml", html, false, "application/xhtml+xml", nil},
		{"html served as text/plain", "text/plain; charset=ISO-8859-1", html, false, "text/html; charset=ISO-8859-1", nil},
		{"html served as octet-stream", "application/octet-stream", html, false, "text/html", nil},
		{"missing type", "", html, false, "text/html", nil},
		{"png", "image/png", png, false, "", ErrNotHTML},
		{"png without type", "", png, false, "", ErrNotHTML},
		{"json api", "application/json", `{"ok": true}`, false, "", ErrNotHTML},
		{"plain text refused", "text/plain", "Just words.", false, "", ErrNotHTML},
		{"plain text accepted", "text/plain; charset=utf-8", "Just words.", true, "text/plain; charset=utf-8", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h hits
			s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
				if tc.header == "" {
					w.Header()["Content-Type"] = nil // no sniffing by the server
				} else {
					w.Header().Set("Content-Type", tc.header)
				}
				io.WriteString(w, tc.body)
			})
			cfg := testConfig()
			cfg.RespectRobots = false
			cfg.AcceptPlainText = tc.plain
			res := runAll(t, newFetcher(t, cfg), s.URL+"/p")
			it := res.byLoc()[s.URL+"/p"]
			if tc.wantErr != nil {
				wantErr(t, it, tc.wantErr)
				if !errors.Is(it.Err, corpus.ErrNotText) {
					t.Errorf("err %v does not wrap corpus.ErrNotText", it.Err)
				}
				return
			}
			if it.Err != nil {
				t.Fatalf("err = %v", it.Err)
			}
			if it.ContentType != tc.wantCT {
				t.Errorf("ContentType = %q, want %q", it.ContentType, tc.wantCT)
			}
			if string(it.Data) != tc.body {
				t.Errorf("Data changed: %q", it.Data)
			}
		})
	}
}

func TestUserAgentSent(t *testing.T) {
	var ua atomic.Value
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.UserAgent())
		page(w, "x")
	})
	cfg := testConfig()
	cfg.RespectRobots = false
	runAll(t, newFetcher(t, cfg), s.URL)
	if got := ua.Load(); got != DefaultUserAgent {
		t.Errorf("User-Agent = %v", got)
	}
}
