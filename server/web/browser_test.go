package web_test

// End-to-end tests in a real browser: claimdex serve runs in process on a
// temporary index holding testdata/sample, and headless Chromium, driven
// by chromedp, uses the page as a researcher would. They skip when no
// browser is installed (Debian: apt-get install chromium).
//
// Screenshots of every view, wide and phone-sized:
//
//	CLAIMDEX_SCREENSHOTS=DIR go test ./server/web -run Screenshots -v
//
// The waits are generous and nothing is timed: the machine may be slow.

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
	"github.com/claimdex/claimdex/server"
)

// testTimeout bounds one browser test as a whole; single waits use the
// same deadline, so a slow machine only makes the test slower.
const testTimeout = 8 * time.Minute

// findBrowser returns the browser to drive: $CLAIMDEX_CHROME, else the
// first Chromium or Chrome on PATH.
func findBrowser() (string, error) {
	if p := os.Getenv("CLAIMDEX_CHROME"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no Chromium or Chrome on PATH and CLAIMDEX_CHROME unset (Debian: apt-get install chromium)")
}

// browser starts a headless browser for one test and fails the test on
// any uncaught exception in the page.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := findBrowser()
	if err != nil {
		t.Skipf("skipping the browser tests: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path))
	if os.Geteuid() == 0 {
		// Chromium refuses to start as root with its sandbox (CI containers).
		opts = append(opts, chromedp.NoSandbox)
	}
	// The first action starts the browser. A start that fails (a loaded
	// machine) is retried with a new allocator: chromedp must not be asked
	// to start a browser twice on one context.
	var bctx context.Context
	var startErr error
	for attempt := 1; attempt <= 3 && bctx == nil; attempt++ {
		actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
		c, cancelBrowser := chromedp.NewContext(actx)
		if startErr = chromedp.Do(c, chromedp.EmulateViewport(1280, 900)); startErr != nil {
			cancelBrowser()
			cancelAlloc()
			t.Logf("starting %s, attempt %d: %v", path, attempt, startErr)
			continue
		}
		t.Cleanup(cancelAlloc)
		t.Cleanup(cancelBrowser)
		bctx = c
	}
	if bctx == nil {
		t.Fatalf("%s does not start: %v", path, startErr)
	}

	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(bctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("page: %s", p)
		}
	})
	return bctx
}

type fixture struct {
	url      string // the page and the API
	articles string // a site of invented articles, for ingest
	token    string
}

// serve starts claimdex serve in process on a new index holding the sample
// articles. Ingest jobs may fetch from loopback (the article site).
func serve(t *testing.T, token string) *fixture {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	dir := filepath.Join(t.TempDir(), "claims.bleve")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Run(ctx, pipeline.Config{}, []string{filepath.Join("..", "..", "testdata", "sample")}, x, ix); err != nil {
		t.Fatal(err)
	}
	s, err := server.New(server.Config{Dir: dir, Token: token, AllowPrivate: true}, ix, x)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	serveCtx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(serveCtx, ln, nil) }()
	site := httptest.NewServer(http.FileServer(http.Dir("testdata")))
	t.Cleanup(func() {
		site.Close()
		stop()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
		if err := ix.Close(); err != nil {
			t.Error(err)
		}
	})
	api := "http://" + ln.Addr().String()
	return &fixture{url: api, articles: site.URL, token: token}
}

// run runs actions and fails the test, saying what it was doing, on error.
func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor waits until a JavaScript expression is truthy.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline, _ := ctx.Deadline()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(time.Until(deadline))))
	if err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// texts lists the text of every element a CSS selector matches.
func texts(t *testing.T, ctx context.Context, sel string) []string {
	t.Helper()
	q, _ := json.Marshal(sel)
	return eval[[]string](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll(%s), n => n.textContent.trim())`, q))
}

func hash(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `location.hash`)
}

// resultsShown is true once the search the address names has finished and
// its hits (or its error) are drawn.
const resultsShown = `document.querySelector('#results').dataset.shown === location.hash`

func TestBrowserResearcherScenario(t *testing.T) {
	ctx := browser(t)
	f := serve(t, "")

	// Search from the box: typing and Enter submits.
	run(t, ctx, "open the page",
		chromedp.Navigate(f.url+"/"),
		chromedp.WaitVisible(chromedp.CSS("#f-q")),
		chromedp.SendKeys(chromedp.CSS("#f-q"), "flood\n"))
	waitFor(t, ctx, "search results", `location.hash.includes('q=flood') && `+resultsShown+` && document.querySelectorAll('#results .hit').length > 0`)
	if h := hash(t, ctx); !strings.Contains(h, "q=flood") {
		t.Errorf("the address does not hold the query: %q", h)
	}
	marks := texts(t, ctx, "#results mark")
	if len(marks) == 0 {
		t.Error("no matched word is highlighted")
	}
	for _, m := range marks {
		if !strings.Contains(strings.ToLower(m), "flood") {
			t.Errorf("highlighted %q for the query flood", m)
		}
	}
	sources := texts(t, ctx, "#facets button[data-key^='facet:source:'] span:first-child")
	if len(sources) < 2 {
		t.Fatalf("source facets %q, want the sample's outlets", sources)
	}

	// Filter by a source with its facet.
	run(t, ctx, "click the Northwire facet", chromedp.Click(chromedp.CSS(`#facets button[data-key="facet:source:Northwire"]`)))
	waitFor(t, ctx, "the filtered results", `location.hash.includes('source=Northwire') && `+resultsShown+
		` && document.querySelector('#facets button[data-key="facet:source:Northwire"]').getAttribute('aria-pressed') === 'true'`)
	got := texts(t, ctx, "#results .hit .meta dd:nth-of-type(1)")
	if len(got) == 0 {
		t.Fatal("no hits from Northwire")
	}
	for _, s := range got {
		if s != "Northwire" {
			t.Errorf("a hit from %q under the filter source=Northwire", s)
		}
	}
	if chips := texts(t, ctx, "#active-filters .chip"); len(chips) != 1 || chips[0] != "Source: Northwire" {
		t.Errorf("active filters %q, want the source", chips)
	}
	filtered := hash(t, ctx)

	// Open a claim: it is shown inside its document, with its marks.
	link := eval[string](t, ctx, `document.querySelector('#results .hit .text a').getAttribute('href')`)
	run(t, ctx, "open the first hit", chromedp.Click(chromedp.CSS("#results .hit .text a")))
	waitFor(t, ctx, "the claim view", `!document.querySelector('#view-claim').hidden && document.querySelector('#claim-body').dataset.ready`)
	if h := hash(t, ctx); h != link {
		t.Errorf("the claim view is at %q, want the hit's link %q", h, link)
	}
	if title := texts(t, ctx, "#claim-title"); len(title) != 1 || title[0] != "Claim from Northwire" {
		t.Errorf("claim view title %q", title)
	}
	if here := texts(t, ctx, "#claim-body .context .claim-here"); len(here) != 1 || here[0] == "" {
		t.Errorf("the claim is marked %d times in its document, want once", len(here))
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#claim-body .context p').length`); n < 2 {
		t.Errorf("the claim is shown with %d paragraphs; want the paragraphs around it too", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#claim-body .claim-here .m').length`); n == 0 {
		t.Error("no entity, date, amount or quantity is marked in the claim")
	}
	if h := texts(t, ctx, "#claim-body h2"); !contains(h, "Contradicted by") || !contains(h, "Corroborated by") {
		t.Errorf("claim sections %q", h)
	}
	// The back button returns to the filtered search.
	run(t, ctx, "go back", chromedp.NavigateBack())
	waitFor(t, ctx, "the search again", `!document.querySelector('#view-search').hidden && `+resultsShown)
	if h := hash(t, ctx); h != filtered {
		t.Errorf("back leads to %q, want %q", h, filtered)
	}

	// The disputes: the sample's outlets disagree on the fund.
	run(t, ctx, "open the disputes", chromedp.Click(chromedp.CSS(`.top nav a[data-view="disputes"]`)))
	waitFor(t, ctx, "the disputes", `document.querySelectorAll('#disputes .dispute').length > 0`)
	var fund string
	for _, d := range texts(t, ctx, "#disputes .dispute") {
		if strings.Contains(d, "2.1 billion euros") {
			fund = d
		}
	}
	if fund == "" {
		t.Fatalf("no dispute quotes Northwire's 2.1 billion euros: %q", texts(t, ctx, "#disputes .dispute h2"))
	}
	for _, want := range []string{"€2.4B", "€2.1B", "Northwire", "The Valmora Herald", "€2.4 billion"} {
		if !strings.Contains(fund, want) {
			t.Errorf("the fund dispute does not show %q", want)
		}
	}
	if n := eval[int](t, ctx, `Math.max(...Array.from(document.querySelectorAll('#disputes .values'), v => v.children.length))`); n < 2 {
		t.Errorf("a dispute shows %d values side by side", n)
	}
	// Each outlet's words lead to the claim.
	run(t, ctx, "open a disputed claim", chromedp.Click(chromedp.CSS("#disputes .value blockquote a")))
	waitFor(t, ctx, "the disputed claim", `!document.querySelector('#view-claim').hidden && document.querySelectorAll('#conflicts .linked li').length > 0`)

	// Ingest a page of an invented outlet, follow the job, find its claims.
	run(t, ctx, "submit an ingest",
		chromedp.Click(chromedp.CSS(`.top nav a[data-view="ingest"]`)),
		chromedp.WaitVisible(chromedp.CSS("#i-inputs")),
		chromedp.SendKeys(chromedp.CSS("#i-inputs"), f.articles+"/saltmere-courier.html"),
		chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)))
	waitFor(t, ctx, "the job to end", `document.querySelector('#jobs .job[data-state="done"], #jobs .job[data-state="failed"]')`)
	if state := eval[string](t, ctx, `document.querySelector('#jobs .job').dataset.state`); state != "done" {
		t.Fatalf("the ingest job is %s: %q", state, texts(t, ctx, "#jobs .job"))
	}
	run(t, ctx, "search the new claims", chromedp.Navigate(f.url+"/#/search?q=Korvell"))
	waitFor(t, ctx, "the new claims", resultsShown+` && document.querySelectorAll('#results .hit').length > 0`)
	for _, s := range texts(t, ctx, "#results .hit .meta dd:nth-of-type(1)") {
		if s != "The Saltmere Courier" {
			t.Errorf("a hit for Korvell from %q", s)
		}
	}

	// A claim others corroborate lists the agreeing claims of other outlets.
	agreed := firstClaim(t, f.url+"/api/search?q=gauging&min_sources=2&source=The+Valmora+Herald&limit=1")
	run(t, ctx, "open a corroborated claim", chromedp.Navigate(f.url+"/#/claim/"+agreed))
	waitFor(t, ctx, "the corroborated claim", `location.hash.endsWith('`+agreed+`') && document.querySelector('#claim-body').dataset.ready`)
	others := texts(t, ctx, `#claim-body section[aria-labelledby="h-corr"] .linked li strong`)
	if len(others) == 0 {
		t.Error("a corroborated claim lists no agreeing claim")
	}
	for _, o := range others {
		if o == "The Valmora Herald" {
			t.Errorf("the claim's own outlet listed as corroborating it")
		}
	}

	// Upload a file from another invented outlet that puts the dredging at
	// a different cost: a new dispute appears.
	upload, err := filepath.Abs(filepath.Join("testdata", "northport-ledger.md"))
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "upload a file",
		chromedp.Navigate(f.url+"/#/ingest"),
		chromedp.WaitVisible(chromedp.CSS("#i-files")),
		chromedp.SetUploadFiles(chromedp.CSS("#i-files"), []string{upload}),
		chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)))
	waitFor(t, ctx, "the upload job to end", `document.querySelectorAll('#jobs .job').length === 2 && document.querySelector('#jobs .job').dataset.state !== 'queued' && document.querySelector('#jobs .job').dataset.state !== 'running'`)
	if state := eval[string](t, ctx, `document.querySelector('#jobs .job').dataset.state`); state != "done" {
		t.Fatalf("the upload job is %s: %q", state, texts(t, ctx, "#jobs .job"))
	}
	run(t, ctx, "open the money disputes", chromedp.Navigate(f.url+"/#/disputes?kind=money"))
	waitFor(t, ctx, "the money disputes", `document.querySelector('#d-kind').value === 'money' && document.querySelectorAll('#disputes .dispute').length > 0`)
	var dredging string
	for _, d := range texts(t, ctx, "#disputes .dispute") {
		if strings.Contains(d, "The Northport Ledger") {
			dredging = d
		}
	}
	for _, want := range []string{"€310M", "€290M", "The Saltmere Courier", "310 million euros", "290 million euro"} {
		if !strings.Contains(dredging, want) {
			t.Errorf("the dredging dispute does not show %q: %q", want, dredging)
		}
	}

	// Text from an article is shown as text, never as markup.
	run(t, ctx, "search the notice", chromedp.Navigate(f.url+"/#/search?q=notice+editing"))
	waitFor(t, ctx, "the notice", resultsShown+` && document.querySelectorAll('#results .hit').length > 0`)
	if n := eval[int](t, ctx, `document.querySelectorAll('#results b, #results img').length`); n != 0 {
		t.Errorf("%d elements made from an article's text", n)
	}
	if hit := texts(t, ctx, "#results .hit .text"); len(hit) == 0 || !strings.Contains(hit[0], "<b>Channel closed</b>") {
		t.Errorf("the notice reads %q, want its tags as text", hit)
	}
}

func TestBrowserFilterForm(t *testing.T) {
	ctx := browser(t)
	f := serve(t, "")
	// A shared address restores the whole query: filters and page.
	run(t, ctx, "open a shared search", chromedp.Navigate(f.url+"/#/search?currency=EUR&min_amount=1e9&kind=sentence"))
	waitFor(t, ctx, "results", resultsShown)
	if v := eval[bool](t, ctx, `document.querySelector('input[name="kind"][value="sentence"]').checked && document.querySelector('#f-min-amount').value === '1e9' && document.querySelector('#filters').open`); !v {
		t.Error("the form does not show the filters of the address")
	}
	for _, m := range texts(t, ctx, "#results .hit .meta dd:nth-of-type(3)") {
		if m != "sentence" {
			t.Errorf("a %s among kind=sentence", m)
		}
	}
	// A bad date is refused by the API, which names the field.
	run(t, ctx, "enter a bad date",
		chromedp.SetValue(chromedp.CSS("#f-since"), "March"),
		chromedp.Click(chromedp.CSS(`#search-form button[type="submit"]`)))
	waitFor(t, ctx, "the error", `document.querySelector('#results .error') && document.querySelector('#f-since').getAttribute('aria-invalid') === 'true'`)
	// Removing a filter by its chip.
	run(t, ctx, "open a filtered search", chromedp.Navigate(f.url+"/#/search?source=Northwire&q=flood"))
	waitFor(t, ctx, "results", resultsShown+` && document.querySelector('#active-filters .chip')`)
	run(t, ctx, "remove the source", chromedp.Click(chromedp.CSS("#active-filters .chip")))
	waitFor(t, ctx, "results without the filter", `!location.hash.includes('source=') && `+resultsShown+` && document.querySelectorAll('#facets button[data-key^="facet:source:"]').length > 1`)
}

func TestBrowserToken(t *testing.T) {
	ctx := browser(t)
	f := serve(t, "s3cret-token")
	run(t, ctx, "open the page", chromedp.Navigate(f.url+"/#/search?q=flood"))
	waitFor(t, ctx, "the token dialog", `document.querySelector('#token-dialog').open`)
	run(t, ctx, "enter the token",
		chromedp.SendKeys(chromedp.CSS("#token-input"), f.token+"\n"))
	waitFor(t, ctx, "results", resultsShown+` && document.querySelectorAll('#results .hit').length > 0`)
	if got := eval[string](t, ctx, `sessionStorage.getItem('claimdex.token')`); got != f.token {
		t.Errorf("session storage holds %q", got)
	}
	// /?token=T hands the token over and leaves the address without it.
	run(t, ctx, "forget the token", chromedp.Evaluate[chromedp.Void](`sessionStorage.clear()`))
	run(t, ctx, "open with the token", chromedp.Navigate(f.url+"/?token="+f.token+"#/disputes"))
	waitFor(t, ctx, "the disputes", `document.querySelectorAll('#disputes .dispute').length > 0`)
	if loc := eval[string](t, ctx, `location.href`); strings.Contains(loc, "token") {
		t.Errorf("the token stays in the address: %s", loc)
	}
}

// TestScreenshots writes a PNG of every view, 1280 and 390 pixels wide, to
// $CLAIMDEX_SCREENSHOTS.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("CLAIMDEX_SCREENSHOTS")
	if dir == "" {
		t.Skip("set CLAIMDEX_SCREENSHOTS=DIR to write screenshots of the page")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	f := serve(t, "")
	run(t, ctx, "ingest", chromedp.Navigate(f.url+"/#/ingest"), chromedp.WaitVisible(chromedp.CSS("#i-inputs")),
		chromedp.SendKeys(chromedp.CSS("#i-inputs"), f.articles+"/saltmere-courier.html"),
		chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)))
	waitFor(t, ctx, "the job to end", `document.querySelector('#jobs .job[data-state="done"], #jobs .job[data-state="failed"]')`)
	upload, err := filepath.Abs(filepath.Join("testdata", "northport-ledger.md"))
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "upload", chromedp.SetUploadFiles(chromedp.CSS("#i-files"), []string{upload}),
		chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)))
	waitFor(t, ctx, "the upload to end", `document.querySelectorAll('#jobs .job[data-state="done"], #jobs .job[data-state="failed"]').length === 2`)
	claim := firstClaim(t, f.url+"/api/search?source=Northwire&conflicting=true&limit=1")
	views := []struct{ name, hash, ready string }{
		{"search", "#/search?q=flood", resultsShown},
		{"search-filtered", "#/search?q=fund&currency=EUR&min_amount=1e9", resultsShown},
		{"claim", "#/claim/" + claim, `document.querySelector('#claim-body').dataset.ready`},
		{"disputes", "#/disputes", `document.querySelectorAll('#disputes .dispute').length > 0`},
		{"ingest", "#/ingest", `document.querySelector('#jobs .job')`},
	}
	for _, width := range []struct {
		name string
		w, h int64
	}{{"wide", 1280, 900}, {"phone", 390, 844}} {
		for _, v := range views {
			run(t, ctx, v.name, chromedp.EmulateViewport(width.w, width.h), chromedp.Navigate(f.url+"/"+v.hash))
			waitFor(t, ctx, v.name, v.ready)
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, v.name+"-"+width.name+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s", name)
		}
	}
}

// firstClaim returns the id of the first claim a search URL finds.
func firstClaim(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Hits []struct {
			Claim struct {
				ID string `json:"id"`
			} `json:"claim"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || len(out.Hits) == 0 {
		t.Fatalf("GET %s: %d hits, %v", url, len(out.Hits), err)
	}
	return out.Hits[0].Claim.ID
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
