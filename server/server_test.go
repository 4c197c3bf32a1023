package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// errBody decodes an error answer.
func errBody(t *testing.T, body []byte) api.Error {
	t.Helper()
	var eb api.ErrorBody
	if err := json.Unmarshal(body, &eb); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	return eb.Error
}

// TestHandlers checks each route's answers to good and bad requests:
// the status, the error code and the parameter named.
func TestHandlers(t *testing.T) {
	ts := newTestServer(t, Config{})
	var any api.SearchResult
	if status, body := ts.get("/api/search?limit=1000"); status != 200 || json.Unmarshal(body, &any) != nil || len(any.Hits) == 0 {
		t.Fatalf("search all: %d %s", status, body)
	}
	claim := any.Hits[0].Claim
	long := "/api/search?q=" + strings.Repeat("a", MaxQueryBytes)

	tests := []struct {
		name, method, path string
		status             int
		code, param        string
		check              func(t *testing.T, body []byte)
	}{
		{name: "search", method: "GET", path: "/api/search?q=fund&facets=true&explain=1", status: 200, check: func(t *testing.T, body []byte) {
			var r api.SearchResult
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatal(err)
			}
			if r.Total == 0 || len(r.Hits) == 0 || r.Facets["source"] == nil {
				t.Errorf("search fund: %s", body)
			}
			for _, h := range r.Hits {
				if !strings.Contains(strings.ToLower(strings.Join(h.Highlights, " ")), "**fund") {
					t.Errorf("hit %s without the match highlighted: %q", h.Claim.ID, h.Highlights)
				}
				if len(h.Explain) == 0 {
					t.Errorf("hit %s without explain", h.Claim.ID)
				}
			}
		}},
		{name: "search filters", method: "GET", path: "/api/search?source=Northwire&currency=eur&min_amount=1e9&kind=headline&kind=sentence", status: 200, check: func(t *testing.T, body []byte) {
			var r api.SearchResult
			json.Unmarshal(body, &r)
			if r.Total == 0 {
				t.Errorf("no hit: %s", body)
			}
			for _, h := range r.Hits {
				if h.Claim.Source != "Northwire" || len(h.Claim.Money) == 0 {
					t.Errorf("hit outside the filters: %+v", h.Claim)
				}
			}
		}},
		{name: "search limit 0 counts only", method: "GET", path: "/api/search?limit=0&facets=true", status: 200, check: func(t *testing.T, body []byte) {
			var r api.SearchResult
			json.Unmarshal(body, &r)
			if r.Total == 0 || len(r.Hits) != 0 || len(r.Facets["kind"]) == 0 {
				t.Errorf("limit 0: %s", body)
			}
		}},
		{name: "lists never null", method: "GET", path: "/api/search?q=nosuchwordanywhere", status: 200, check: func(t *testing.T, body []byte) {
			if !bytes.Contains(body, []byte(`"hits":[]`)) {
				t.Errorf("empty result: %s", body)
			}
		}},
		{name: "limit above the cap", method: "GET", path: "/api/search?limit=1001", status: 400, code: api.CodeBadParameter, param: "limit"},
		{name: "limit not a number", method: "GET", path: "/api/search?limit=ten", status: 400, code: api.CodeBadParameter, param: "limit"},
		{name: "negative offset", method: "GET", path: "/api/search?offset=-1", status: 400, code: api.CodeBadParameter, param: "offset"},
		{name: "unknown parameter", method: "GET", path: "/api/search?sorce=Northwire", status: 400, code: api.CodeBadParameter, param: "sorce"},
		{name: "repeated single parameter", method: "GET", path: "/api/search?q=a&q=b", status: 400, code: api.CodeBadParameter, param: "q"},
		{name: "bad date", method: "GET", path: "/api/search?since=March", status: 400, code: api.CodeBadParameter, param: "since"},
		{name: "inverted dates", method: "GET", path: "/api/search?since=2026-05-01&until=2026-04", status: 400, code: api.CodeBadParameter, param: "until"},
		{name: "bad by", method: "GET", path: "/api/search?by=written", status: 400, code: api.CodeBadParameter, param: "by"},
		{name: "bad kind", method: "GET", path: "/api/search?kind=poem", status: 400, code: api.CodeBadParameter, param: "kind"},
		{name: "bad amount", method: "GET", path: "/api/search?min_amount=NaN", status: 400, code: api.CodeBadParameter, param: "min_amount"},
		{name: "inverted amounts", method: "GET", path: "/api/search?min_amount=10&max_amount=1", status: 400, code: api.CodeBadParameter, param: "max_amount"},
		{name: "bad boolean", method: "GET", path: "/api/search?conflicting=maybe", status: 400, code: api.CodeBadParameter, param: "conflicting"},
		{name: "bad query syntax", method: "GET", path: "/api/search?q=" + url.QueryEscape(`"unclosed`), status: 400, code: api.CodeBadQuery, param: "q"},
		{name: "query string too long", method: "GET", path: long, status: 413, code: api.CodeTooLarge},
		{name: "POST on a GET route", method: "POST", path: "/api/search", status: 405, code: api.CodeMethodNotAllowed},
		{name: "GET on ingest", method: "GET", path: "/api/ingest", status: 405, code: api.CodeMethodNotAllowed},
		{name: "unknown API route", method: "GET", path: "/api/nothing", status: 404, code: api.CodeNotFound},
		{name: "claim", method: "GET", path: "/api/claims/" + claim.ID, status: 200, check: func(t *testing.T, body []byte) {
			var v ClaimView
			if err := json.Unmarshal(body, &v); err != nil {
				t.Fatal(err)
			}
			if v.Claim.ID != claim.ID || v.Explain == nil || v.Conflicting == nil || len(v.Conflicting) != len(v.Claim.Conflicts) {
				t.Errorf("claim view: %s", body)
			}
		}},
		{name: "unknown claim", method: "GET", path: "/api/claims/nope", status: 404, code: api.CodeNotFound},
		{name: "document", method: "GET", path: "/api/documents/" + claim.DocID, status: 200, check: func(t *testing.T, body []byte) {
			var d Document
			if err := json.Unmarshal(body, &d); err != nil {
				t.Fatal(err)
			}
			if d.ID != claim.DocID || d.Text == "" || len(d.Claims) == 0 {
				t.Fatalf("document: %s", body)
			}
			prev := -1
			for _, c := range d.Claims {
				if c.Offset.Start < prev {
					t.Errorf("claims out of text order")
				}
				prev = c.Offset.Start
				if c.Offset.End > len(d.Text) || d.Text[c.Offset.Start:c.Offset.End] != c.Text {
					t.Errorf("claim %s: offset %v does not hold its text %q in the document text", c.ID, c.Offset, c.Text)
				}
			}
		}},
		{name: "unknown document", method: "GET", path: "/api/documents/nope", status: 404, code: api.CodeNotFound},
		{name: "conflicts", method: "GET", path: "/api/conflicts?kind=money&limit=5", status: 200, check: func(t *testing.T, body []byte) {
			var c Conflicts
			if err := json.Unmarshal(body, &c); err != nil {
				t.Fatal(err)
			}
			if c.Total == 0 || len(c.Groups) == 0 {
				t.Fatalf("no money conflicts in the sample: %s", body)
			}
			for _, g := range c.Groups {
				if g.Kind != "money" || len(g.Values) < 2 {
					t.Errorf("group %+v", g)
				}
				for _, v := range g.Values {
					for _, id := range v.Claims {
						if _, ok := c.Claims[id]; !ok {
							t.Errorf("claim %s of a group not given", id)
						}
					}
				}
			}
		}},
		{name: "conflicts bad kind", method: "GET", path: "/api/conflicts?kind=colour", status: 400, code: api.CodeBadParameter, param: "kind"},
		{name: "conflicts limit 0", method: "GET", path: "/api/conflicts?limit=0", status: 400, code: api.CodeBadParameter, param: "limit"},
		{name: "export", method: "GET", path: "/api/export?source=Northwire", status: 200, check: func(t *testing.T, body []byte) {
			sc := bufio.NewScanner(bytes.NewReader(body))
			n := 0
			for sc.Scan() {
				var c extract.Claim
				if err := json.Unmarshal(sc.Bytes(), &c); err != nil || c.Source != "Northwire" {
					t.Errorf("line %q: %v", sc.Text(), err)
				}
				n++
			}
			if n == 0 {
				t.Error("nothing exported")
			}
		}},
		{name: "export jsonld", method: "GET", path: "/api/export?format=jsonld", status: 200, check: func(t *testing.T, body []byte) {
			if !bytes.Contains(body, []byte(`"@type":"Claim"`)) {
				t.Errorf("not schema.org claims: %.200s", body)
			}
		}},
		{name: "export bad format", method: "GET", path: "/api/export?format=csv", status: 400, code: api.CodeBadParameter, param: "format"},
		{name: "export has no limit", method: "GET", path: "/api/export?limit=5", status: 400, code: api.CodeBadParameter, param: "limit"},
		{name: "export bad query", method: "GET", path: "/api/export?q=" + url.QueryEscape("/[/"), status: 400, code: api.CodeBadQuery, param: "q"},
		{name: "jobs", method: "GET", path: "/api/jobs", status: 200, check: func(t *testing.T, body []byte) {
			if string(body) != "{\"jobs\":[]}\n" {
				t.Errorf("jobs: %s", body)
			}
		}},
		{name: "unknown job", method: "GET", path: "/api/jobs/nope", status: 404, code: api.CodeNotFound},
		{name: "health", method: "GET", path: "/healthz", status: 200, check: func(t *testing.T, body []byte) {
			var h api.Health
			if err := json.Unmarshal(body, &h); err != nil || h.Status != "ok" || h.Index != ts.dir {
				t.Errorf("health: %s", body)
			}
		}},
		{name: "metrics", method: "GET", path: "/metrics", status: 200, check: func(t *testing.T, body []byte) {
			for _, m := range []string{"claimdex_documents 3", "claimdex_claims 42", "claimdex_search_duration_seconds_bucket", "claimdex_fetch_queue", "claimdex_ingest_failures_total", "go_goroutines"} {
				if !bytes.Contains(body, []byte(m)) {
					t.Errorf("metrics without %s", m)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := ts.do(tt.method, tt.path, "", "", nil)
			if status != tt.status {
				t.Fatalf("%s %s: status %d, want %d: %s", tt.method, tt.path, status, tt.status, body)
			}
			if tt.code != "" {
				e := errBody(t, body)
				if e.Code != tt.code || e.Param != tt.param || e.Message == "" {
					t.Errorf("error %+v, want code %s param %q", e, tt.code, tt.param)
				}
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
}

// TestIngestRequests checks what POST /api/ingest refuses before a job
// is made.
func TestIngestRequests(t *testing.T) {
	ts := newTestServer(t, Config{})
	tests := []struct {
		name, ctype, body string
		status            int
		code, param       string
	}{
		{"no URL", "application/json", `{"urls":[]}`, 400, api.CodeBadParameter, "urls"},
		{"a path, not a URL", "application/json", `{"urls":["/etc/passwd"]}`, 400, api.CodeBadParameter, "urls"},
		{"a list", "application/json", `{"urls":["@list.txt"]}`, 400, api.CodeBadParameter, "urls"},
		{"file scheme", "application/json", `{"urls":["file:///etc/passwd"]}`, 400, api.CodeBadParameter, "urls"},
		{"unknown field", "application/json", `{"urls":["https://example.com/"],"path":"/tmp"}`, 400, api.CodeBadBody, ""},
		{"not JSON", "application/json", `urls=x`, 400, api.CodeBadBody, ""},
		{"bad date", "application/json", `{"urls":["https://example.com/"],"since":"soon"}`, 400, api.CodeBadParameter, "since"},
		{"body too large", "application/json", `{"urls":["https://example.com/` + strings.Repeat("a", MaxJSONBody) + `"]}`, 413, api.CodeTooLarge, ""},
		{"form", "application/x-www-form-urlencoded", `urls=https://example.com/`, 415, api.CodeUnsupportedMedia, ""},
		{"multipart without boundary", "multipart/form-data", `x`, 400, api.CodeBadBody, ""},
		{"multipart unknown field", "multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/etc/passwd\r\n--B--\r\n", 400, api.CodeBadParameter, "path"},
		{"multipart nothing", "multipart/form-data; boundary=B", "--B--\r\n", 400, api.CodeBadParameter, "file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := ts.do("POST", "/api/ingest", "", tt.ctype, strings.NewReader(tt.body))
			if status != tt.status {
				t.Fatalf("status %d, want %d: %.300s", status, tt.status, body)
			}
			if e := errBody(t, body); e.Code != tt.code || e.Param != tt.param {
				t.Errorf("error %+v, want code %s param %q", e, tt.code, tt.param)
			}
		})
	}
	if jobs := ts.s.jobs.list(); len(jobs) != 0 {
		t.Errorf("refused requests made jobs: %+v", jobs)
	}
}

// TestToken: with a token, every request needs it, POST included; a
// wrong one is refused like a missing one.
func TestToken(t *testing.T) {
	ts := newTestServer(t, Config{Token: "s3cret"})
	tests := []struct {
		name, method, path, token string
		status                    int
	}{
		{"search without", "GET", "/api/search?q=fund", "", 401},
		{"search wrong", "GET", "/api/search?q=fund", "s3cre", 401},
		{"search right", "GET", "/api/search?q=fund", "s3cret", 200},
		{"health without", "GET", "/healthz", "", 401},
		{"metrics without", "GET", "/metrics", "", 401},
		{"API root without", "GET", "/api", "", 401},
		{"page without: its files hold no data", "GET", "/", "", 200},
		{"ingest without", "POST", "/api/ingest", "", 401},
		{"ingest right reaches the handler", "POST", "/api/ingest", "s3cret", 415},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := ts.do(tt.method, tt.path, tt.token, "", nil)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			if status == 401 && errBody(t, body).Code != api.CodeUnauthorized {
				t.Errorf("body %s", body)
			}
		})
	}
}

// TestFilterValuesRoundTrip: the filters a client sends as parameters
// (api.Filter.Values) are read back as they were.
func TestFilterValuesRoundTrip(t *testing.T) {
	for _, raw := range []string{
		"q=fund&source=A&source=B&entity=Lena+Aufhauser&doc_entity=Vienna&kind=quote&speaker=X&currency=EUR",
		"since=2026-03&until=2026&by=published&min_amount=1000000000&max_amount=5e9&min_sources=2&conflicting=true",
		"until=2026-03-04",
	} {
		v, _ := url.ParseQuery(raw)
		p, aerr := readParams(v, filterParams)
		if aerr != nil {
			t.Fatal(aerr)
		}
		f, aerr := p.filter()
		if aerr != nil {
			t.Fatal(aerr)
		}
		p2, aerr := readParams(f.Values(), filterParams)
		if aerr != nil {
			t.Fatal(aerr)
		}
		f2, aerr := p2.filter()
		if aerr != nil {
			t.Fatal(aerr)
		}
		if a, b := mustJSON(f), mustJSON(f2); a != b {
			t.Errorf("%s:\n sent     %s\n received %s", raw, a, b)
		}
	}
}

// TestHighlightMarkers: the markers clients look for (package api) are
// those the index writes.
func TestHighlightMarkers(t *testing.T) {
	if api.HighlightStart != index.HighlightStart || api.HighlightEnd != index.HighlightEnd || api.HighlightSeparator != index.HighlightSeparator {
		t.Errorf("api markers %q %q %q, index writes %q %q %q", api.HighlightStart, api.HighlightEnd, api.HighlightSeparator,
			index.HighlightStart, index.HighlightEnd, index.HighlightSeparator)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestHandlerTimeout: a handler past its deadline answers 503 timeout.
func TestHandlerTimeout(t *testing.T) {
	ts := newTestServer(t, Config{HandlerTimeout: time.Nanosecond})
	for _, path := range []string{"/api/search?q=fund", "/api/conflicts", "/api/claims/x"} {
		status, body := ts.get(path)
		if e := errBody(t, body); status != 503 || e.Code != api.CodeTimeout {
			t.Errorf("%s: %d %s, want 503 timeout", path, status, body)
		}
	}
}
