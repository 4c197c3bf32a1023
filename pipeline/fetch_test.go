package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/corpus/fetch"
	"github.com/claimdex/claimdex/index"
)

// newsSite is a loopback news site: stories, an RSS feed of the first
// three, a sitemap of the others, a missing page and a page too large to
// fetch. Stories carry an ETag and answer If-None-Match with 304. It
// counts full and conditional requests per path.
type newsSite struct {
	*httptest.Server
	stories int

	mu     sync.Mutex
	full   map[string]int // 200 answers per path
	cond   map[string]int // 304 answers per path
	onPage func(n int)    // called with the number of story bodies served so far
	served int
	delay  time.Duration // before each story body
}

func newNewsSite(t *testing.T, stories int) *newsSite {
	t.Helper()
	s := &newsSite{stories: stories, full: map[string]int{}, cond: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) story(i int) string { return fmt.Sprintf("/news/story-%02d.html", i) }

// storyHTML is an original short article with a few checkable claims.
func storyHTML(i int) string {
	towns := []string{"Brekkestad", "Olmen", "Saltvik", "Nordby"}
	town := towns[i%len(towns)]
	return fmt.Sprintf(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>%[1]s opens library number %[2]d | Fjord Courier</title>
<meta property="og:site_name" content="Fjord Courier">
<meta property="article:published_time" content="2026-01-%02[3]dT09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article>
<h1>%[1]s opens library number %[2]d</h1>
<p>The municipality of %[1]s opened its new public library on Monday after spending $%[4]d million on the building, Mayor Tove Lunde said.</p>
<p>The library holds %[5]d books and will stay open until 9 pm on weekdays from 1 March 2026, according to the culture committee.</p>
<p>"Reading is not a luxury," Lunde told the Fjord Courier.</p>
</article><footer>© 2026 Fjord Courier</footer></body></html>`, town, i, 1+i%27, 3+i, 12000+250*i)
}

func etagOf(body string) string {
	h := sha256.Sum256([]byte(body))
	return `"` + hex.EncodeToString(h[:8]) + `"`
}

func (s *newsSite) serve(w http.ResponseWriter, r *http.Request) {
	base := "http://" + r.Host
	switch p := r.URL.Path; {
	case p == "/feed.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		var items strings.Builder
		for i := range min(3, s.stories) {
			fmt.Fprintf(&items, "<item><title>Story %d</title><link>%s%s?utm_source=rss</link><pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate></item>", i, base, s.story(i))
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Fjord Courier</title><link>%s/</link>%s</channel></rss>`, base, items.String())
	case p == "/sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		var urls strings.Builder
		for i := 3; i < s.stories; i++ {
			fmt.Fprintf(&urls, "<url><loc>%s%s</loc></url>", base, s.story(i))
		}
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">%s</urlset>`, urls.String())
	case p == "/big.html":
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body><p>" + strings.Repeat("Too long to read. ", 8000) + "</p></body></html>"))
	case strings.HasPrefix(p, "/news/story-"):
		var i int
		if _, err := fmt.Sscanf(p, "/news/story-%02d.html", &i); err != nil || i >= s.stories {
			http.NotFound(w, r)
			return
		}
		body := storyHTML(i)
		tag := etagOf(body)
		w.Header().Set("ETag", tag)
		s.mu.Lock()
		if r.Header.Get("If-None-Match") == tag {
			s.cond[p]++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.full[p]++
		s.served++
		n, on, delay := s.served, s.onPage, s.delay
		s.mu.Unlock()
		if on != nil {
			on(n)
		}
		time.Sleep(delay)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(body))
	default:
		http.NotFound(w, r) // robots.txt and /missing.html
	}
}

// counts returns a copy of the full and conditional answers per path.
func (s *newsSite) counts() (full, cond map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	full, cond = map[string]int{}, map[string]int{}
	for k, v := range s.full {
		full[k] = v
	}
	for k, v := range s.cond {
		cond[k] = v
	}
	return full, cond
}

func (s *newsSite) inputs() []string {
	return []string{s.URL + "/feed.xml", s.URL + "/sitemap.xml", s.URL + "/missing.html", s.URL + "/big.html",
		s.URL + s.story(0) + "#comments"} // a repeat of a feed entry
}

// testFetcher is polite only in what the test checks: no delay, tiny
// backoff, a 64 KB body limit.
func testFetcher(t *testing.T, state string) *fetch.Fetcher {
	t.Helper()
	c := fetch.DefaultConfig()
	c.MinDelay = 0
	c.PerHost = 4
	c.BackoffBase, c.BackoffMax = time.Millisecond, 5*time.Millisecond
	c.Timeout = 5 * time.Second
	c.MaxBytes = 64 << 10
	c.StatePath = state
	f, err := fetch.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// docsInIndex returns the number of documents with claims in ix and checks
// that every claim belongs to a recorded document listing it.
func docsInIndex(t *testing.T, ix *index.Index) (docs, claims int) {
	t.Helper()
	for id, ids := range exported(t, ix) {
		rec, ok, err := ix.Doc(id)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Errorf("%d claims of unrecorded document %s", len(ids), id)
			continue
		}
		if !slices.Equal(slices.Sorted(slices.Values(rec.Claims)), slices.Sorted(slices.Values(ids))) {
			t.Errorf("%s: record lists %d claims, index holds %d", rec.Location, len(rec.Claims), len(ids))
		}
		docs++
		claims += len(ids)
	}
	return docs, claims
}

// TestRunFetch ingests a site through its feed and sitemap: every story
// once, the failures named with their URL and reason; a second run asks
// conditionally and finds everything unchanged.
func TestRunFetch(t *testing.T) {
	site := newNewsSite(t, 10)
	x := extractor(t)
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	state := filepath.Join(t.TempDir(), "fetch.db")

	f := testFetcher(t, state)
	rep, err := Run(t.Context(), Config{Workers: 3, BatchSize: 7, Fetcher: f}, site.inputs(), x, ix)
	if cerr := f.Close(); cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 10 || rep.Read != 12 || rep.Claims == 0 || len(rep.Duplicates) != 0 {
		t.Errorf("report %+v: want 12 read, 10 added, claims, no duplicates", rep)
	}
	var fails []string
	for _, fl := range rep.Failures {
		fails = append(fails, strings.TrimPrefix(fl.Location, site.URL)+": "+fl.Reason)
	}
	slices.Sort(fails)
	if len(fails) != 2 || !strings.HasPrefix(fails[0], "/big.html: ") || !strings.Contains(fails[0], corpus.ErrTooLarge.Error()) ||
		fails[1] != "/missing.html: HTTP 404 Not Found" {
		t.Errorf("failures = %q, want /big.html too large and /missing.html 404", fails)
	}
	if rep.Fetch == nil || rep.Fetch.Listings != 2 || rep.Fetch.Documents != 10 {
		t.Errorf("fetch stats %+v: want 2 listings and 10 documents", rep.Fetch)
	}
	docs, claims := docsInIndex(t, ix)
	if docs != 10 || claims != rep.Claims {
		t.Errorf("index holds %d documents and %d claims, want 10 and %d", docs, claims, rep.Claims)
	}
	full, _ := site.counts()
	for i := range 10 {
		if n := full[site.story(i)]; n != 1 {
			t.Errorf("%s fetched %d times, want once", site.story(i), n)
		}
	}

	// Again: every story is asked for conditionally and found unchanged.
	f = testFetcher(t, state)
	again, err := Run(t.Context(), Config{Workers: 2, Fetcher: f}, site.inputs(), x, ix)
	if cerr := f.Close(); cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 10 || again.Added+again.Replaced != 0 || again.Fetch.NotModified != 10 {
		t.Errorf("second run %+v (fetch %+v): want 10 unchanged by 304", again, again.Fetch)
	}
	full2, cond := site.counts()
	if diff := cmp.Diff(full, full2); diff != "" {
		t.Errorf("second run fetched stories whole (-before +after):\n%s", diff)
	}
	for i := range 10 {
		if cond[site.story(i)] != 1 {
			t.Errorf("%s: %d conditional requests, want 1", site.story(i), cond[site.story(i)])
		}
	}
}

// TestRunFetchResume interrupts a run mid-way and runs again: no story
// acknowledged by the first run is requested again, none is indexed twice,
// and together the runs index every story.
func TestRunFetchResume(t *testing.T) {
	const stories = 40
	site := newNewsSite(t, stories)
	x := extractor(t)
	ixPath := filepath.Join(t.TempDir(), "claims.bleve")
	ix, err := index.Open(ixPath)
	if err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(ixPath, "fetch-state.db")

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	// Pages come slower than they are indexed, so that some are written
	// before the stop and some are still being fetched.
	site.mu.Lock()
	site.delay = 20 * time.Millisecond
	site.onPage = func(n int) {
		if n == 24 {
			cancel()
		}
	}
	site.mu.Unlock()
	f := testFetcher(t, state)
	first, err := Run(ctx, Config{Workers: 2, BatchSize: 4, Fetcher: f}, site.inputs(), x, ix)
	if cerr := f.Close(); cerr != nil {
		t.Fatal(cerr)
	}
	if !errors.Is(err, context.Canceled) || !first.Interrupted {
		t.Fatalf("first run: err %v, interrupted %v; want a cancelled run", err, first.Interrupted)
	}
	if first.Added == 0 || first.Added >= stories {
		t.Fatalf("first run added %d of %d stories: the cancellation did not land mid-run", first.Added, stories)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = index.Open(ixPath)
	if err != nil {
		t.Fatalf("reopen the index with the fetch state inside: %v", err)
	}
	defer ix.Close()
	if docs, _ := docsInIndex(t, ix); docs != first.Added {
		t.Fatalf("index holds %d documents, the interrupted run counts %d", docs, first.Added)
	}
	indexed := map[string]bool{}
	for id := range exported(t, ix) {
		rec, _, _ := ix.Doc(id)
		indexed[strings.TrimPrefix(rec.Location, site.URL)] = true
	}
	before, _ := site.counts()

	site.mu.Lock()
	site.onPage, site.delay = nil, 0
	site.mu.Unlock()
	f = testFetcher(t, state)
	second, err := Run(t.Context(), Config{Workers: 2, BatchSize: 4, Fetcher: f}, site.inputs(), x, ix)
	if cerr := f.Close(); cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil {
		t.Fatal(err)
	}
	after, cond := site.counts()
	for p := range indexed {
		if after[p] != before[p] || cond[p] != 0 {
			t.Errorf("%s was indexed by the first run but requested again (%d -> %d whole, %d conditional)", p, before[p], after[p], cond[p])
		}
	}
	if second.Fetch.Resumed != int64(len(indexed)) {
		t.Errorf("second run resumed %d pages without a request, want the %d indexed", second.Fetch.Resumed, len(indexed))
	}
	if first.Added+second.Added != stories || second.Unchanged != first.Added || len(second.Duplicates) != 0 {
		t.Errorf("runs added %d + %d with %d unchanged, want %d in all and %d unchanged", first.Added, second.Added, second.Unchanged, stories, first.Added)
	}
	docs, claims := docsInIndex(t, ix)
	if docs != stories || claims != first.Claims+second.Claims {
		t.Errorf("index holds %d documents and %d claims, want %d and %d", docs, claims, stories, first.Claims+second.Claims)
	}
}

// TestRunLists checks that an @FILE list may mix URLs and local paths, and
// that a missing list is a named failure rather than a fatal error.
func TestRunLists(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "inputs.txt")
	content := "# retry these\nhttp://example.invalid/a\n\n/tmp/x.txt  # a file\n@nested.txt\nhttps://example.invalid/b.warc.gz\n"
	if err := os.WriteFile(list, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	local, remote, bad := splitInputs([]string{"@" + list, "@" + filepath.Join(dir, "none.txt"), "page.html", "@-"}, strings.NewReader("https://example.invalid/c\n"))
	if diff := cmp.Diff([]string{"/tmp/x.txt", "page.html"}, local); diff != "" {
		t.Errorf("local (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"http://example.invalid/a", "https://example.invalid/b.warc.gz", "https://example.invalid/c"}, remote); diff != "" {
		t.Errorf("remote (-want +got):\n%s", diff)
	}
	var badLocs []string
	for _, it := range bad {
		badLocs = append(badLocs, it.loc)
	}
	if diff := cmp.Diff([]string{"@nested.txt", "@" + filepath.Join(dir, "none.txt")}, badLocs); diff != "" {
		t.Errorf("failed list entries (-want +got):\n%s", diff)
	}
}

// BenchmarkRunFetch ingests 1,000 pages from a loopback server through the
// whole pipeline (fetch, clean, extract, index in memory) with the
// per-host limits lifted, and reports pages/s and claims/s.
func BenchmarkRunFetch(b *testing.B) {
	const pages = 1000
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/p/%d", &i); err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(storyHTML(i)))
	}))
	defer srv.Close()
	inputs := make([]string, pages)
	for i := range inputs {
		inputs[i] = fmt.Sprintf("%s/p/%d", srv.URL, i)
	}
	x, err := sharedExtractor()
	if err != nil {
		b.Fatal(err)
	}
	var docs, claims int
	var elapsed time.Duration
	for b.Loop() {
		ix, err := index.OpenMem()
		if err != nil {
			b.Fatal(err)
		}
		c := fetch.DefaultConfig()
		c.MinDelay, c.PerHost, c.Global, c.RespectRobots = 0, 16, 16, false
		f, err := fetch.New(c)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		rep, err := Run(b.Context(), Config{Fetcher: f}, inputs, x, ix)
		elapsed += time.Since(start)
		f.Close()
		ix.Close()
		if err != nil || rep.Added != pages {
			b.Fatalf("run: %v, %d added of %d", err, rep.Added, pages)
		}
		docs += rep.Added
		claims += rep.Claims
	}
	b.ReportMetric(float64(docs)/elapsed.Seconds(), "pages/s")
	b.ReportMetric(float64(claims)/elapsed.Seconds(), "claims/s")
}
