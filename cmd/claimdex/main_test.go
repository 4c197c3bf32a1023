package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/claimdex/claimdex/cmd/claimdex/internal/startup"
	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/cmd/internal/search"
	"github.com/claimdex/claimdex/server"
)

var update = flag.Bool("update", false, "rewrite the cmp expectations in testdata/script from the actual output")

// TestMain lets the test binary act as the claimdex command inside
// scripts, and as claimdex-search, the search-only client, whose whole
// program is search.Main.
func TestMain(m *testing.M) {
	startup.Done()
	testscript.Main(m, map[string]func(){
		"claimdex": main,
		"claimdex-search": func() {
			os.Exit(search.Main(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs the
// real command (as a subprocess) in a fresh directory holding the files of
// its txtar archive.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"status":    cmdStatus,
			"claims":    cmdClaims,
			"isjson":    cmdIsJSON,
			"genfile":   cmdGenfile,
			"genwarc":   cmdGenwarc,
			"waitserve": cmdWaitServe,
			"sortlines": cmdSortLines,
		},
	})
}

// cmdWaitServe waits until a server started in the background answers
// for an index, or fails after a minute (loading the extractor on a busy
// machine takes seconds):
//
//	waitserve DIR
func cmdWaitServe(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitserve DIR")
	}
	dir := ts.MkAbs(args[0])
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		c, err := server.Find(context.Background(), dir, ts.Getenv("CLAIMDEX_TOKEN"))
		ts.Check(err)
		if c != nil {
			return
		}
	}
	ts.Fatalf("no server answered for %s within a minute", dir)
}

// cmdStatus runs a command and checks its exact exit status:
//
//	status N command [args...]
//
// Its stdout and stderr are kept for the stdout/stderr commands that follow.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("run %s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdClaims checks a claims file (JSON Lines, or one JSON array) and prints
// the sorted ids of its claims, one per line:
//
//	claims [-loc LOCATION | -not-loc LOCATION] FILE
//
// Every claim must have the contract's fields, ids must be unique, and
// each claim's offsets must lie inside its text. With -loc only the claims
// of that location are printed, with -not-loc only the others.
func cmdClaims(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("claims does not support !")
	}
	loc, keep := "", true
	if len(args) == 3 && (args[0] == "-loc" || args[0] == "-not-loc") {
		loc, keep, args = args[1], args[0] == "-loc", args[2:]
	}
	if len(args) != 1 {
		ts.Fatalf("usage: claims [-loc LOCATION | -not-loc LOCATION] FILE")
	}
	data := []byte(ts.ReadFile(args[0]))
	var raw []json.RawMessage
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		ts.Check(json.Unmarshal(data, &raw))
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			raw = append(raw, json.RawMessage(slices.Clone(sc.Bytes())))
		}
		ts.Check(sc.Err())
	}
	seen := map[string]bool{}
	var ids []string
	for i, r := range raw {
		if err := checkClaim(r); err != nil {
			ts.Fatalf("%s: claim %d: %v", args[0], i+1, err)
		}
		var c struct{ ID, Location string }
		ts.Check(json.Unmarshal(r, &c))
		if seen[c.ID] {
			ts.Fatalf("%s: claim id %s appears twice", args[0], c.ID)
		}
		seen[c.ID] = true
		if loc == "" || (c.Location == loc) == keep {
			ids = append(ids, c.ID)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintln(ts.Stdout(), id)
	}
}

// claimFields are the fields every claim carries, with their JSON types.
var claimFields = map[string]string{
	"id": "string", "doc_id": "string", "location": "string", "source": "string",
	"title": "string", "published": "string", "text": "string", "kind": "string",
	"section": "string", "speaker": "string", "score": "number",
	"entities": "array", "dates": "array", "money": "array", "quantities": "array",
	"offset": "object",
}

func checkClaim(r json.RawMessage) error {
	var m map[string]any
	if err := json.Unmarshal(r, &m); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	for name, typ := range claimFields {
		v, ok := m[name]
		if !ok {
			return fmt.Errorf("no field %q", name)
		}
		got := "?"
		switch v.(type) {
		case string:
			got = "string"
		case float64:
			got = "number"
		case []any:
			got = "array"
		case map[string]any:
			got = "object"
		}
		if got != typ {
			return fmt.Errorf("field %q is %T, want %s", name, v, typ)
		}
	}
	if m["id"] == "" || m["text"] == "" || m["doc_id"] == "" {
		return errors.New("empty id, doc_id or text")
	}
	if !slices.Contains([]string{"sentence", "quote", "table_row", "list_item", "headline"}, m["kind"].(string)) {
		return fmt.Errorf("unknown kind %q", m["kind"])
	}
	text := m["text"].(string)
	for _, list := range []string{"entities", "dates", "money", "quantities"} {
		for _, x := range m[list].([]any) {
			mention, _ := x.(map[string]any)
			start, _ := mention["start"].(float64)
			end, _ := mention["end"].(float64)
			if start < 0 || end < start || int(end) > len(text) {
				return fmt.Errorf("%s mention [%v, %v) outside the text (%d bytes)", list, start, end, len(text))
			}
		}
	}
	return nil
}

// cmdSortLines prints the lines of a file (or "stdout"), sorted: export
// gives claims in index order, which two indexes of the same claims, or
// one index before and after its segments merge, need not share.
//
//	sortlines FILE
func cmdSortLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sortlines FILE")
	}
	lines := strings.SplitAfter(ts.ReadFile(args[0]), "\n")
	slices.Sort(lines)
	fmt.Fprint(ts.Stdout(), strings.Join(lines, ""))
}

// cmdIsJSON checks that a file (or "stdout") holds exactly one JSON value.
func cmdIsJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: isjson FILE")
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	var v any
	err := dec.Decode(&v)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if (err == nil) == neg {
		ts.Fatalf("isjson %s: %v", args[0], err)
	}
}

// cmdGenfile writes files that a txtar archive cannot hold:
//
//	genfile binary FILE   # bytes of a small PNG-like image
//	genfile badutf8 FILE  # text made of invalid UTF-8 sequences
func cmdGenfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genfile binary|badutf8 FILE")
	}
	var data []byte
	switch args[0] {
	case "binary":
		data = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff, 0xfe, 0}, 200)...)
	case "badutf8":
		data = bytes.Repeat([]byte{0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, ' '}, 100)
	default:
		ts.Fatalf("genfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
}

// cmdGenwarc writes a gzipped WARC file as a crawler does, with n HTML
// pages of news.example (each its own gzip member), an image and a
// request record that are not documents:
//
//	genwarc FILE N
func cmdGenwarc(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genwarc FILE N")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(writeTestWARC(f, "https://news.example/story/", n))
	ts.Check(f.Close())
}

// warcArticle is an original short article for WARC and web tests.
func warcArticle(i int) string {
	return fmt.Sprintf(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Port of Kalvik handles cargo record %[1]d</title>
<meta property="og:site_name" content="Kalvik Post"></head><body><header><a href="/">Kalvik Post</a></header><article>
<h1>Port of Kalvik handles cargo record %[1]d</h1>
<p>The port of Kalvik handled %[2]d containers in February 2026, up %[3]d percent from a year earlier, harbour master Eirik Vold said on Thursday.</p>
<p>The port authority will spend $%[4]d million on two new cranes by June 2027, according to its annual plan.</p>
</article><footer>Subscribe to the Kalvik Post newsletter.</footer></body></html>`, i, 41000+900*i, 3+i%11, 12+i)
}

// writeTestWARC writes n response records of HTML pages under prefix,
// plus a request record and an image response, gzipped record by record.
func writeTestWARC(w io.Writer, prefix string, n int) error {
	record := func(typ, uri, block string) error {
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-03-01T12:00:00Z\r\n", typ, uri)
		fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%x>\r\n", len(uri)+len(block)+b.Len())
		fmt.Fprintf(&b, "Content-Type: application/http; msgtype=%s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, len(block), block)
		zw := gzip.NewWriter(w)
		if _, err := zw.Write(b.Bytes()); err != nil {
			return err
		}
		return zw.Close()
	}
	response := func(ct, body string) string {
		return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ct, len(body), body)
	}
	for i := range n {
		uri := fmt.Sprintf("%s%03d", prefix, i)
		if err := record("request", uri, "GET /story/ HTTP/1.1\r\nHost: news.example\r\n\r\n"); err != nil {
			return err
		}
		if err := record("response", uri, response("text/html; charset=utf-8", warcArticle(i))); err != nil {
			return err
		}
	}
	return record("response", prefix+"logo.png", response("image/png", "\x89PNG\r\n\x1a\nnot really"))
}

// webSite is a loopback news site for the ingest tests: a feed of n
// stories with ETags (304 on If-None-Match), a missing page, a page over
// 64 KB and a page robots.txt disallows. It counts whole and conditional
// answers per path and can cancel a run after some stories.
type webSite struct {
	*httptest.Server
	n int

	mu       sync.Mutex
	whole    map[string]int
	cond     map[string]int
	served   int
	cancelAt int
	cancel   context.CancelFunc
}

func newWebSite(t *testing.T, n int) *webSite {
	t.Helper()
	s := &webSite{n: n, whole: map[string]int{}, cond: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *webSite) serve(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case p == "/feed.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Kalvik Post</title>`)
		for i := range s.n {
			fmt.Fprintf(w, "<item><title>Story %d</title><link>http://%s/story/%03d?utm_medium=rss</link></item>", i, r.Host, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	case p == "/big.html":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>"+strings.Repeat("Far too long. ", 6000)+"</p></body></html>")
	case strings.HasPrefix(p, "/story/"):
		i, err := strconv.Atoi(strings.TrimPrefix(p, "/story/"))
		if err != nil || i >= s.n {
			http.NotFound(w, r)
			return
		}
		body := warcArticle(i)
		tag := fmt.Sprintf(`"v1-%d"`, i)
		w.Header().Set("ETag", tag)
		s.mu.Lock()
		if r.Header.Get("If-None-Match") == tag {
			s.cond[p]++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.whole[p]++
		s.served++
		if s.served == s.cancelAt && s.cancel != nil {
			s.cancel()
		}
		slow := s.cancelAt > 0
		s.mu.Unlock()
		if slow {
			time.Sleep(20 * time.Millisecond)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	default:
		http.NotFound(w, r)
	}
}

func (s *webSite) counts() (whole, cond map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.whole), maps.Clone(s.cond)
}

// ingestArgs is an ingest of the site that is polite only where a test
// looks: no delay between requests, a 64 KB page limit.
func (s *webSite) ingestArgs(ixPath string, extra ...string) []string {
	args := []string{"ingest", "--index", ixPath, "--delay", "0s", "--per-host", "4", "--max-bytes", "64KB", "--workers", "2", "--batch", "5"}
	args = append(args, extra...)
	return append(args, s.URL+"/feed.xml", s.URL+"/missing.html", s.URL+"/big.html", s.URL+"/private/memo.html")
}

// exportedDocs runs export on the index and counts claims per location.
func exportedDocs(t *testing.T, ixPath string) map[string]int {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"export", "--index", ixPath}, nil, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("export: exit status %d: %s", code, stderr.String())
	}
	docs := map[string]int{}
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var c struct{ ID, Location string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		docs[c.Location]++
	}
	return docs
}

// TestIngestFromWeb ingests a feed and failing URLs through the command:
// exit status 3, every failure named with its URL and reason, --failed
// listing them; a re-run asks conditionally and finds the stories
// unchanged.
func TestIngestFromWeb(t *testing.T) {
	site := newWebSite(t, 3)
	tmp := t.TempDir()
	ixPath := filepath.Join(tmp, "web.bleve")
	failed := filepath.Join(tmp, "failed.txt")

	var stdout, stderr bytes.Buffer
	code := run(t.Context(), site.ingestArgs(ixPath, "--failed", failed), nil, &stdout, &stderr)
	if code != exitPartial {
		t.Fatalf("exit status %d, want %d\n%s%s", code, exitPartial, stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"\nadded      3\n",
		"\nfailed     3\n",
		"failed: " + site.URL + "/missing.html: HTTP 404 Not Found\n",
		"failed: " + site.URL + "/private/memo.html: disallowed by robots.txt\n",
		"failed: " + site.URL + "/big.html: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "document too large") {
		t.Errorf("summary does not say why big.html failed:\n%s", out)
	}
	data, err := os.ReadFile(failed)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Fields(string(data))
	slices.Sort(got)
	want := []string{site.URL + "/big.html", site.URL + "/missing.html", site.URL + "/private/memo.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("--failed file (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(ixPath, stateFile)); err != nil {
		t.Errorf("no fetch state in the index directory: %v", err)
	}
	docs := exportedDocs(t, ixPath)
	if len(docs) != 3 {
		t.Errorf("export holds claims of %d locations, want the 3 stories: %v", len(docs), docs)
	}

	// The retry list fails the same way: exit 3, three failures.
	stdout.Reset()
	stderr.Reset()
	code = run(t.Context(), []string{"ingest", "--index", ixPath, "--max-bytes", "64KB", "@" + failed}, nil, &stdout, &stderr)
	if code != exitPartial || !strings.Contains(stdout.String(), "\nfailed     3\n") {
		t.Errorf("ingest @failed: exit status %d, want 3 with 3 failures\n%s%s", code, stdout.String(), stderr.String())
	}

	// A re-run asks for each story with If-None-Match and gets 304.
	whole, _ := site.counts()
	stdout.Reset()
	stderr.Reset()
	code = run(t.Context(), site.ingestArgs(ixPath), nil, &stdout, &stderr)
	if code != exitPartial {
		t.Fatalf("re-run: exit status %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "\nunchanged  3 (skipped)\n") || !strings.Contains(stdout.String(), "(3 not modified,") {
		t.Errorf("re-run summary does not find the 3 stories unchanged by 304:\n%s", stdout.String())
	}
	whole2, cond := site.counts()
	if diff := cmp.Diff(whole, whole2); diff != "" {
		t.Errorf("re-run fetched stories whole (-before +after):\n%s", diff)
	}
	if len(cond) != 3 {
		t.Errorf("conditional requests %v, want one per story", cond)
	}
}

// TestIngestFromWebResume interrupts an ingest of a feed (as Ctrl-C does)
// and runs it again: the second run requests none of the stories the first
// one indexed, and the index ends with every story once.
func TestIngestFromWebResume(t *testing.T) {
	const n = 30
	site := newWebSite(t, n)
	ixPath := filepath.Join(t.TempDir(), "web.bleve")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	site.mu.Lock()
	site.cancelAt, site.cancel = 18, cancel
	site.mu.Unlock()

	var stdout, stderr bytes.Buffer
	args := []string{"ingest", "--index", ixPath, "--delay", "0s", "--per-host", "3", "--workers", "2", "--batch", "4", site.URL + "/feed.xml"}
	if code := run(ctx, args, nil, &stdout, &stderr); code != cli.ExitFatal {
		t.Fatalf("exit status %d, want %d\n%s%s", code, cli.ExitFatal, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "run the same command again to resume") {
		t.Errorf("stderr does not say how to resume: %q", stderr.String())
	}
	first := exportedDocs(t, ixPath)
	if len(first) == 0 || len(first) == n {
		t.Fatalf("the interrupted run indexed %d of %d stories: the stop did not land mid-run", len(first), n)
	}
	before, _ := site.counts()

	site.mu.Lock()
	site.cancelAt, site.cancel = 0, nil
	site.mu.Unlock()
	stdout.Reset()
	stderr.Reset()
	if code := run(t.Context(), args, nil, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("resumed run: exit status %d\n%s%s", code, stdout.String(), stderr.String())
	}
	after, cond := site.counts()
	for loc := range first {
		p := strings.TrimPrefix(loc, site.URL)
		if after[p] != before[p] || cond[p] != 0 {
			t.Errorf("%s was indexed before the stop but requested again", p)
		}
	}
	if want := fmt.Sprintf("\nunchanged  %d (skipped)\n", len(first)); !strings.Contains(stdout.String(), want) {
		t.Errorf("resumed run summary lacks %q:\n%s", want, stdout.String())
	}
	all := exportedDocs(t, ixPath)
	if len(all) != n {
		t.Errorf("index holds claims of %d stories, want %d", len(all), n)
	}
	for loc, c := range first {
		if all[loc] != c {
			t.Errorf("%s: %d claims after the resumed run, %d before: indexed twice?", loc, all[loc], c)
		}
	}
}

// TestIngestWARC ingests a WARC file written by the test through the
// command: one document per HTML response, under its target URI.
func TestIngestWARC(t *testing.T) {
	tmp := t.TempDir()
	warc := filepath.Join(tmp, "crawl.warc.gz")
	f, err := os.Create(warc)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeTestWARC(f, "https://port.example/news/", 6); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	ixPath := filepath.Join(tmp, "warc.bleve")
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"ingest", "--index", ixPath, "--format", "json", warc}, nil, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("exit status %d\n%s%s", code, stdout.String(), stderr.String())
	}
	var rep struct {
		Added int `json:"added"`
		Fetch struct {
			Documents int `json:"documents"`
			Skipped   int `json:"skipped_records"`
		} `json:"fetch"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Added != 6 || rep.Fetch.Documents != 6 || rep.Fetch.Skipped != 1 {
		t.Errorf("report %+v: want 6 added from 6 WARC documents, the image skipped", rep)
	}
	docs := exportedDocs(t, ixPath)
	for i := range 6 {
		if loc := fmt.Sprintf("https://port.example/news/%03d", i); docs[loc] == 0 {
			t.Errorf("no claims under %s: %v", loc, docs)
		}
	}
}
