package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus/fetch"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
)

// sampleDir holds the bundled sample articles.
var sampleDir = filepath.Join("..", "testdata", "sample")

// extractor is loaded once for the package's tests: loading takes
// seconds.
var extractor = sync.OnceValues(extract.New)

func testExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// testFetch is a fetcher configuration for local test servers: no delay,
// no robots.txt, short timeouts.
func testFetch() fetch.Config {
	c := fetch.DefaultConfig()
	c.MinDelay = 0
	c.RespectRobots = false
	c.Timeout = 5 * time.Second
	c.Retries = 0
	return c
}

// openSample opens a new index in a temporary directory holding the
// sample articles.
func openSample(t testing.TB) (dir string, ix *index.Index) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "ix.bleve")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Workers: 2}, []string{sampleDir}, testExtractor(t), ix); err != nil {
		t.Fatal(err)
	}
	return dir, ix
}

// testServer is a server over the sample index, answering through an
// httptest server, without running jobs.
type testServer struct {
	t   testing.TB
	s   *Server
	ix  *index.Index
	dir string
	url string
}

func newTestServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	dir, ix := openSample(t)
	t.Cleanup(func() { ix.Close() })
	cfg.Dir = dir
	if cfg.Fetch.UserAgent == "" {
		cfg.Fetch = testFetch()
	}
	s, err := New(cfg, ix, testExtractor(t))
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return &testServer{t: t, s: s, ix: ix, dir: dir, url: hs.URL}
}

// runningServer is a server over the sample index that runs its jobs,
// listening on loopback, as claimdex serve does; stop ends it.
type runningServer struct {
	*testServer
	stop func() error
}

func startServer(t testing.TB, cfg Config) *runningServer {
	t.Helper()
	ts := newTestServer(t, cfg)
	return serveOn(t, ts)
}

func serveOn(t testing.TB, ts *testServer) *runningServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.url = "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ts.s.Serve(ctx, ln, nil) }()
	var once sync.Once
	var serr error
	stop := func() error {
		once.Do(func() {
			cancel()
			serr = <-done
		})
		return serr
	}
	t.Cleanup(func() { stop() })
	return &runningServer{testServer: ts, stop: stop}
}

// client finds the running server as the CLI does, through the address
// file it writes once it listens.
func (rs *runningServer) client() *Client {
	rs.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		c, err := Find(context.Background(), rs.dir, "")
		if err != nil {
			rs.t.Fatal(err)
		}
		if c != nil {
			return c
		}
	}
	rs.t.Fatalf("no server found for %s", rs.dir)
	return nil
}

// do sends a request and returns the status and body.
func (ts *testServer) do(method, path, token, ctype string, body io.Reader) (int, []byte) {
	ts.t.Helper()
	req, err := http.NewRequest(method, ts.url+path, body)
	if err != nil {
		ts.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return resp.StatusCode, b
}

func (ts *testServer) get(path string) (int, []byte) {
	ts.t.Helper()
	return ts.do("GET", path, "", "", nil)
}

// waitJob polls job id until it ends (done or failed) or a minute passes.
func (ts *testServer) waitJob(id string) Job {
	ts.t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		status, body := ts.get("/api/jobs/" + id)
		if status != http.StatusOK {
			ts.t.Fatalf("job %s: %d %s", id, status, body)
		}
		var j Job
		if err := json.Unmarshal(body, &j); err != nil {
			ts.t.Fatal(err)
		}
		if j.Ended() {
			return j
		}
	}
	ts.t.Fatalf("job %s did not end", id)
	return Job{}
}

// submit posts an ingest request of urls and returns the job.
func (ts *testServer) submit(token string, urls ...string) (int, Job, []byte) {
	ts.t.Helper()
	raw, _ := json.Marshal(IngestRequest{URLs: urls})
	status, body := ts.do("POST", "/api/ingest", token, "application/json", strings.NewReader(string(raw)))
	var j Job
	if status == http.StatusAccepted {
		if err := json.Unmarshal(body, &j); err != nil {
			ts.t.Fatal(err)
		}
	}
	return status, j, body
}

// article is an invented news page with a few checkable claims; n makes
// its text and figures its own.
func article(n int) string {
	return fmt.Sprintf(`<!doctype html><html><head><title>Harbour levy report %[1]d</title>
<meta property="og:site_name" content="The Corvel Ledger"></head><body><article>
<h1>Port of Marrow raises harbour levy by %[1]d percent</h1>
<p>The Port of Marrow will raise its harbour levy by %[1]d percent from 1 June 2026, the port authority said on Monday.</p>
<p>"The levy funds %[2]d new berths," said Ilse Vantori, the authority's finance director, adding that the works would cost €%[3]d million.</p>
<p>Shipping firms in Corvel handled %[4]d containers last year, according to the authority's annual report.</p>
</article></body></html>`, n, 10+n, 100+n, 40000+n)
}

func listen(t testing.TB) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}
