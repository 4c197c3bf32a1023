package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
)

// pages serves invented articles at /a/N and an RSS feed of the first n
// at /feed.xml; delay slows every article.
func pages(t *testing.T, n *atomic.Int64, delay time.Duration) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Corvel Ledger</title>`)
			for i := range n.Load() {
				fmt.Fprintf(&b, `<item><title>Levy %d</title><link>http://%s/a/%d</link></item>`, i, r.Host, i)
			}
			b.WriteString(`</channel></rss>`)
			io.WriteString(w, b.String())
			return
		}
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/a/%d", &i); err != nil {
			http.NotFound(w, r)
			return
		}
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, article(i))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func report(t *testing.T, j Job) pipeline.Report {
	t.Helper()
	var rep pipeline.Report
	if err := json.Unmarshal(j.Report, &rep); err != nil {
		t.Fatalf("job %s report %s: %v", j.ID, j.Report, err)
	}
	return rep
}

// TestIngestRefusesPrivate: an API job does not fetch a page on
// loopback (a name resolving to it included) unless the server allows
// private addresses; then the page is ingested and searchable.
func TestIngestRefusesPrivate(t *testing.T) {
	var n atomic.Int64
	n.Store(1)
	src := pages(t, &n, 0)
	port := src.URL[strings.LastIndex(src.URL, ":")+1:]

	rs := startServer(t, Config{})
	for _, u := range []string{src.URL + "/a/0", "http://localhost:" + port + "/a/0", src.URL + "/feed.xml"} {
		status, job, body := rs.submit("", u)
		if status != http.StatusAccepted {
			t.Fatalf("submit %s: %d %s", u, status, body)
		}
		j := rs.waitJob(job.ID)
		rep := report(t, j)
		if j.State != stateDone || len(rep.Failures) != 1 || !strings.Contains(rep.Failures[0].Reason, "private address") {
			t.Errorf("%s: state %s, failures %+v; want refused as a private address", u, j.State, rep.Failures)
		}
	}

	open := startServer(t, Config{AllowPrivate: true})
	status, job, body := open.submit("", src.URL+"/feed.xml")
	if status != http.StatusAccepted {
		t.Fatalf("submit: %d %s", status, body)
	}
	if j := open.waitJob(job.ID); j.State != stateDone || report(t, j).Added != 1 {
		t.Fatalf("with AllowPrivate: %+v", j)
	}
	if _, body := open.get("/api/search?q=Vantori&source=The+Corvel+Ledger"); !strings.Contains(string(body), "Marrow") {
		t.Errorf("ingested page not found: %s", body)
	}
}

// TestUploadKeepsLocation: files uploaded by the CLI's client are
// ingested under the location and identity they have on the client, so
// they are the same documents as in a direct ingest.
func TestUploadKeepsLocation(t *testing.T) {
	rs := startServer(t, Config{})
	c := rs.client()
	dir := t.TempDir()
	path := filepath.Join(dir, "levy.html")
	if err := os.WriteFile(path, []byte(article(7)), 0o644); err != nil {
		t.Fatal(err)
	}
	up := []Upload{{Location: "news/levy.html", Identity: path, Open: func() (io.ReadCloser, error) { return os.Open(path) }}}
	job, err := c.Submit(context.Background(), IngestRequest{}, up)
	if err != nil {
		t.Fatal(err)
	}
	j := rs.waitJob(job.ID)
	if j.State != stateDone || j.Origin != originCLI || report(t, j).Added != 1 {
		t.Fatalf("job %+v", j)
	}
	res, err := rs.ix.Search(context.Background(), index.Query{Text: "Vantori", Limit: 1})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search: %v %+v", err, res)
	}
	if c := res.Hits[0].Claim; c.Location != "news/levy.html" {
		t.Errorf("location %q, want the client's", c.Location)
	}
	if entries, _ := os.ReadDir(filepath.Join(rs.dir, jobsDir, j.ID)); len(entries) != 0 {
		t.Errorf("uploads kept after the job: %v", entries)
	}
	// The same file again is unchanged: same identity, same document.
	job, err = c.Submit(context.Background(), IngestRequest{}, up)
	if err != nil {
		t.Fatal(err)
	}
	if rep := report(t, rs.waitJob(job.ID)); rep.Unchanged != 1 {
		t.Errorf("second upload: %+v, want unchanged", rep)
	}
}

// TestShutdownResumes: a stop during a job leaves it interrupted, with
// what it wrote flushed; the next start runs it again and it finishes
// without losing or doubling documents.
func TestShutdownResumes(t *testing.T) {
	var n atomic.Int64
	n.Store(12)
	src := pages(t, &n, 150*time.Millisecond)
	fc := testFetch()
	fc.PerHost = 1
	rs := startServer(t, Config{AllowPrivate: true, Fetch: fc, BatchSize: 5})
	status, job, body := rs.submit("", src.URL+"/feed.xml")
	if status != http.StatusAccepted {
		t.Fatalf("submit: %d %s", status, body)
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		j, _ := rs.s.jobs.get(job.ID)
		if j.Progress.Docs >= 2 {
			break
		}
		if time.Now().After(deadline) || j.Ended() {
			t.Fatalf("job did not progress: %+v", j)
		}
	}
	if err := rs.stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(rs.dir, api.AddrFile)); !os.IsNotExist(err) {
		t.Errorf("address file left after the stop: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(rs.dir, jobsDir, job.ID+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec jobRecord
	if err := json.Unmarshal(raw, &rec); err != nil || rec.Job.State != stateInterrupted {
		t.Fatalf("saved job %s: %v", raw, err)
	}
	docs, _, err := rs.ix.Counts(context.Background())
	if err != nil || docs <= 3 || docs >= 3+12 {
		t.Fatalf("after the stop the index holds %d documents (%v), want some of the job's", docs, err)
	}
	if err := rs.ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix, err := index.Open(rs.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s2, err := New(Config{Dir: rs.dir, AllowPrivate: true, Fetch: fc}, ix, testExtractor(t))
	if err != nil {
		t.Fatal(err)
	}
	if j, _ := s2.jobs.get(job.ID); j.State != stateQueued {
		t.Fatalf("after restart the job is %s, want queued", j.State)
	}
	rs2 := serveOn(t, &testServer{t: t, s: s2, ix: ix, dir: rs.dir})
	j := rs2.waitJob(job.ID)
	rep := report(t, j)
	if j.State != stateDone || rep.Failed() != 0 {
		t.Fatalf("resumed job: %+v", j)
	}
	docs, _, err = ix.Counts(context.Background())
	if err != nil || docs != 3+12 {
		t.Errorf("after the resumed job the index holds %d documents (%v), want 15", docs, err)
	}
}

// TestWatch: a watched feed is polled at start and on reload; a new
// article in it is searchable after the next poll.
func TestWatch(t *testing.T) {
	var n atomic.Int64
	n.Store(1)
	src := pages(t, &n, 0)
	list := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(list, []byte("# the feeds we follow\n"+src.URL+"/feed.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{Watch: list, Every: time.Hour})
	reload := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	ln := listen(t)
	go func() { done <- ts.s.Serve(ctx, ln, reload) }()
	defer func() { cancel(); <-done }()

	found := func(q string) bool {
		res, err := ts.ix.Search(context.Background(), index.Query{Text: q, Limit: 1})
		return err == nil && res.Total > 0
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(time.Minute); !ok(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
	waitFor("the first article", func() bool { return found(`"0 percent"`) })
	n.Store(2)
	reload <- struct{}{}
	waitFor("the new article after a reload", func() bool { return found(`"1 percent"`) })
	var watchJobs int
	for _, j := range ts.s.jobs.list() {
		if j.Origin == originWatch {
			watchJobs++
		}
	}
	if watchJobs < 2 {
		t.Errorf("%d watch jobs, want one per poll", watchJobs)
	}
}
