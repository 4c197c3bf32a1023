package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// writeSitemap writes a urlset of n entries under base to w, each dated
// date and padded with a news title of pad bytes, without building it in
// memory first.
func writeSitemap(w io.Writer, base string, n, pad int, date string) error {
	title := strings.Repeat("x", pad)
	if _, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
`); err != nil {
		return err
	}
	for i := range n {
		if _, err := fmt.Fprintf(w, "<url><loc>%s/story/%d</loc><lastmod>%s</lastmod><news:news><news:title>%s</news:title></news:news></url>\n", base, i, date, title); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "</urlset>\n")
	return err
}

// heapPeak samples HeapInuse until stop is called and returns the peak
// above the level when it started.
func heapPeak() (stop func() uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		if p := peak.Load(); p > base {
			return p - base
		}
		return 0
	}
}

// TestLargeSitemapQueued: a sitemap twice MaxBytes is streamed under the
// listing cap and every entry queued; Stats.Queued counts the backlog and
// drains to 0 when the run is cancelled.
func TestLargeSitemapQueued(t *testing.T) {
	const entries = 20_000
	release := make(chan struct{})
	var base string
	var sitemapSize atomic.Int64
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			cw := &countWriter{w: w}
			_ = writeSitemap(cw, base, entries, 0, "2026-03-01")
			sitemapSize.Store(cw.n)
		default:
			<-release // hold the one worker on its first page
			page(w, r.URL.Path)
		}
	})
	base = s.URL
	cfg := testConfig()
	cfg.MaxBytes = 1 << 20
	cfg.PerHost = 1
	cfg.Timeout = 10 * time.Second // parsing 20,000 entries is slow under -race
	f := newFetcher(t, cfg)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	out := make(chan Item, 8)
	var failures []Item
	consumed := make(chan struct{})
	go func() {
		defer close(consumed)
		for it := range out {
			if it.Err != nil {
				failures = append(failures, it)
			}
		}
	}()
	runErr := make(chan error, 1)
	go func() { runErr <- f.Run(ctx, []string{s.URL + "/sitemap.xml"}, out) }()

	deadline := time.Now().Add(30 * time.Second)
	for f.Stats().Queued != entries-1 {
		if time.Now().After(deadline) {
			close(release)
			t.Fatalf("Queued never reached %d: %+v", entries-1, f.Stats())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n := sitemapSize.Load(); n <= cfg.MaxBytes {
		t.Fatalf("sitemap is %d bytes, not above MaxBytes %d: the test proves nothing", n, cfg.MaxBytes)
	}
	cancel()
	close(release)
	if err := <-runErr; !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	close(out)
	<-consumed
	st := f.Stats()
	if st.Queued != 0 || st.Listings != 1 {
		t.Errorf("after cancel: Queued = %d, Listings = %d; want 0 and 1", st.Queued, st.Listings)
	}
	if st.Bytes < sitemapSize.Load() {
		t.Errorf("Stats.Bytes = %d, want >= the sitemap's %d", st.Bytes, sitemapSize.Load())
	}
	for _, it := range failures {
		t.Errorf("failure %s: %v", it.Location, it.Err)
	}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// TestQueuedDrains: Stats.Queued is the backlog of a sitemap run as it
// completes: positive while pages remain, never rising once the sitemap
// is expanded, 0 at the end.
func TestQueuedDrains(t *testing.T) {
	const entries = 30
	var sm strings.Builder
	if err := writeSitemap(&sm, "BASE", entries, 0, "2026-03-01"); err != nil {
		t.Fatal(err)
	}
	var h hits
	base := listingServer(t, &h, map[string][2]string{"/sitemap.xml": {"text/xml", sm.String()}})
	cfg := testConfig()
	cfg.PerHost = 1
	f := newFetcher(t, cfg)
	out := make(chan Item) // unbuffered: the consumer paces the run
	var samples []int64
	docs := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for it := range out {
			samples = append(samples, f.Stats().Queued)
			if it.Err == nil && !it.NotModified {
				docs++
			}
		}
	}()
	if err := f.Run(t.Context(), []string{base + "/sitemap.xml"}, out); err != nil {
		t.Fatal(err)
	}
	close(out)
	<-done
	if docs != entries {
		t.Fatalf("%d documents, want %d", docs, entries)
	}
	if samples[0] < entries-3 {
		t.Errorf("Queued at the first document = %d, want about %d", samples[0], entries-1)
	}
	for i := 1; i < len(samples); i++ {
		if samples[i] > samples[i-1] {
			t.Errorf("Queued rose from %d to %d", samples[i-1], samples[i])
		}
	}
	if q := f.Stats().Queued; q != 0 {
		t.Errorf("Queued = %d after the run, want 0", q)
	}
}

// TestGzipListings: gzipped sitemaps and feeds are recognised by their
// magic bytes whatever they are served as, decompressed as they stream,
// and followed; a damaged one fails once, named.
func TestGzipListings(t *testing.T) {
	sitemap := func(prefix string) string {
		return `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
			`<url><loc>BASE/` + prefix + `/a</loc></url><url><loc>BASE/` + prefix + `/b</loc></url></urlset>`
	}
	index := `<sitemapindex><sitemap><loc>BASE/nested.xml.gz</loc></sitemap></sitemapindex>`
	// A feed far above MaxBytes, all but two items older than Since.
	var feed strings.Builder
	feed.WriteString(`<rss version="2.0"><channel><title>Tidewater Post</title>`)
	for i := range 2000 {
		fmt.Fprintf(&feed, "<item><title>Item %d</title><link>BASE/old/%d</link><pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate></item>\n", i, i)
	}
	feed.WriteString(`<item><link>BASE/feed/new1</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>`)
	feed.WriteString(`<item><link>BASE/feed/new2</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>`)

	var base string
	files := map[string][2]string{
		"/x-gzip":         {"application/x-gzip", sitemap("xgzip")},
		"/sitemap.xml.gz": {"application/octet-stream", sitemap("octet")},
		"/index.gz":       {"application/gzip", index},
		"/nested.xml.gz":  {"", sitemap("nested")},
		"/feed.rss.gz":    {"application/gzip", feed.String()},
		"/plain-big-feed": {"application/rss+xml", feed.String()},
		"/page.html.gz":   {"application/gzip", "<!doctype html><title>Zipped</title><p>Inflated page.</p>"},
	}
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/broken.xml.gz" {
			w.Header().Set("Content-Type", "application/x-gzip")
			_, _ = w.Write(append([]byte{0x1f, 0x8b, 8, 0}, bytes.Repeat([]byte{0xff}, 200)...))
			return
		}
		f, ok := files[r.URL.Path]
		if !ok {
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			page(w, r.URL.Path)
			return
		}
		body := strings.ReplaceAll(f[1], "BASE", base)
		w.Header().Set("Content-Type", f[0])
		if f[0] == "" {
			w.Header()["Content-Type"] = nil
		}
		if r.URL.Path == "/plain-big-feed" {
			_, _ = io.WriteString(w, body)
			return
		}
		_, _ = io.WriteString(w, gzipped(body))
	})
	base = s.URL
	if len(feed.String()) <= 64<<10 {
		t.Fatalf("feed of %d bytes does not exceed MaxBytes", feed.Len())
	}
	cfg := testConfig()
	cfg.MaxBytes = 64 << 10
	cfg.Since = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	f := newFetcher(t, cfg)
	res := runAll(t, f, base+"/x-gzip", base+"/sitemap.xml.gz", base+"/index.gz", base+"/feed.rss.gz", base+"/plain-big-feed", base+"/broken.xml.gz", base+"/page.html.gz")
	if res.err != nil {
		t.Fatal(res.err)
	}
	var want []string
	for _, p := range []string{"/feed/new1", "/feed/new2", "/nested/a", "/nested/b", "/octet/a", "/octet/b", "/page.html.gz", "/xgzip/a", "/xgzip/b"} {
		want = append(want, base+p)
	}
	if diff := cmp.Diff(want, res.docs()); diff != "" {
		t.Errorf("docs (-want +got):\n%s", diff)
	}
	if p := res.byLoc()[base+"/page.html.gz"]; !strings.Contains(string(p.Data), "Inflated page.") || !strings.HasPrefix(p.ContentType, "text/html") {
		t.Errorf("gzipped page: Data %q, ContentType %q; want it inflated, as text/html", p.Data, p.ContentType)
	}
	broken := res.byLoc()[base+"/broken.xml.gz"]
	wantErr(t, broken, ErrBadListing)
	if n := h.get("/broken.xml.gz"); n != 1 {
		t.Errorf("damaged gzip requested %d times; it must not be retried", n)
	}
	if st := f.Stats(); st.Listings != 6 || st.Filtered != 4000 {
		t.Errorf("stats %+v: want 6 listings, 4000 filtered", st)
	}
}

// TestGzipBomb: a small gzip file that inflates far past the listing cap
// fails with ErrTooLarge, in bounded memory, and is not retried.
func TestGzipBomb(t *testing.T) {
	// bomb is gzip members concatenated (gzip.Reader reads them as one
	// stream): head, then size>>20 copies of one compressed megabyte of
	// unit. Cheap to build, however far it inflates.
	bomb := func(t *testing.T, head, unit string, size int) []byte {
		one := []byte(gzipped(strings.Repeat(unit, (1<<20)/len(unit))))
		b := []byte(gzipped(head))
		for range size >> 20 {
			b = append(b, one...)
		}
		return b
	}
	for _, tc := range []struct {
		name       string
		head, unit string
		size       int
		listingCap int64
	}{
		// Endless markup: the decompressed cap stops it.
		{"elements past the cap", `<?xml version="1.0"?><urlset>`, "<x/>", 32 << 20, 1 << 20},
		// One endless text node, far past the default 100 MB cap: the
		// run guard stops it before encoding/xml buffers it.
		{"whitespace under the default cap", `<urlset><url><loc>`, " ", 160 << 20, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := bomb(t, tc.head, tc.unit, tc.size)
			if len(body) > 1<<20 {
				t.Fatalf("bomb is %d bytes compressed; want a small one", len(body))
			}
			var h hits
			s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				w.Header().Set("Content-Type", "application/octet-stream")
				_, _ = w.Write(body)
			})
			cfg := testConfig()
			cfg.MaxBytes = 64 << 10 // else the listing cap is raised to it
			cfg.MaxListingBytes = tc.listingCap
			cfg.Timeout = time.Minute // encoding/xml is slow under -race
			f := newFetcher(t, cfg)
			stop := heapPeak()
			res := runAll(t, f, s.URL+"/sitemap.xml.gz")
			peak := stop()
			t.Logf("%d bytes compressed, %d decompressed: heap peak +%.1f MB", len(body), tc.size, float64(peak)/(1<<20))
			if len(res.items) != 1 {
				t.Fatalf("items: %+v", res.items)
			}
			wantErr(t, res.items[0], ErrTooLarge)
			if peak > 24<<20 {
				t.Errorf("heap grew by %d bytes while inflating the bomb", peak)
			}
			if n := h.get("/sitemap.xml.gz"); n != 1 {
				t.Errorf("bomb requested %d times; it must not be retried", n)
			}
		})
	}
}

// TestSitemapStreamsInBoundedMemory: a 16 MB sitemap is parsed as it
// arrives; the heap grows by a fraction of its size (reading it whole
// would take at least its size).
func TestSitemapStreamsInBoundedMemory(t *testing.T) {
	const entries, pad = 4_000, 4 << 10
	var size atomic.Int64
	var h hits
	var base string
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/sitemap.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		cw := &countWriter{w: w}
		_ = writeSitemap(cw, base, entries, pad, "2025-01-01") // all before Since
		size.Store(cw.n)
	})
	base = s.URL
	cfg := testConfig()
	cfg.MaxBytes = 1 << 20
	cfg.Since = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cfg.Timeout = time.Minute // encoding/xml is slow under -race
	f := newFetcher(t, cfg)
	stop := heapPeak()
	res := runAll(t, f, s.URL+"/sitemap.xml")
	peak := stop()
	t.Logf("%d-byte sitemap: heap peak +%.1f MB", size.Load(), float64(peak)/(1<<20))
	if len(res.items) != 0 {
		t.Errorf("items: %+v", res.items)
	}
	if st := f.Stats(); st.Filtered != entries || st.Listings != 1 {
		t.Errorf("stats %+v: want %d filtered, 1 listing", st, entries)
	}
	if size.Load() < 16<<20 {
		t.Fatalf("sitemap only %d bytes", size.Load())
	}
	if peak > uint64(size.Load())/2 {
		t.Errorf("heap grew by %d bytes for a %d-byte sitemap: not streamed", peak, size.Load())
	}
}

func TestIsJSONFeedPrefix(t *testing.T) {
	items := strings.Repeat(`{"id":"1","url":"https://a.example/x"},`, 4000)
	for _, tc := range []struct {
		name string
		body string
		want bool
	}{
		{"whole", `{"version":"https://jsonfeed.org/version/1.1","items":[]}`, true},
		{"cut after version", (`{"version":"https://jsonfeed.org/version/1","items":[` + items)[:sniffLen], true},
		{"version later", `{"title":"t","items":[],"version":"https://jsonfeed.org/version/1"}`, true},
		{"other JSON", `{"version":"2.0","items":[]}`, false},
		{"not an object", `["https://jsonfeed.org/version/1"]`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := isJSONFeed([]byte(tc.body)); got != tc.want {
				t.Errorf("isJSONFeed = %v, want %v", got, tc.want)
			}
		})
	}
}

// A feed is parsed whole, so it has a cap of its own below the listing
// cap: a larger one is refused, naming the feed limit, and the memory it
// may take stays bounded.
func TestFeedAboveFeedCap(t *testing.T) {
	var feed strings.Builder
	feed.WriteString(`<rss version="2.0"><channel><title>Tidewater Post</title>`)
	desc := strings.Repeat("The harbour board met again about the ferry timetable. ", 60)
	for i := 0; feed.Len() <= MaxFeedBytes; i++ {
		fmt.Fprintf(&feed, "<item><title>Item %d</title><link>https://tidewater.example/%d</link><description>%s</description></item>\n", i, i, desc)
	}
	feed.WriteString(`</channel></rss>`)
	var h hits
	s := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.rss" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, feed.String())
	})
	cfg := testConfig()
	cfg.Timeout = time.Minute
	stop := heapPeak()
	res := runAll(t, newFetcher(t, cfg), s.URL+"/feed.rss")
	peak := stop()
	t.Logf("%d-byte feed: heap peak +%.1f MB", feed.Len(), float64(peak)/(1<<20))
	it := res.byLoc()[s.URL+"/feed.rss"]
	if !errors.Is(it.Err, ErrTooLarge) || !strings.Contains(it.Err.Error(), "limit of a feed") {
		t.Errorf("error %v, want ErrTooLarge naming the feed limit", it.Err)
	}
	if peak > 40*MaxFeedBytes {
		t.Errorf("heap grew by %d bytes for a feed capped at %d", peak, MaxFeedBytes)
	}
}
