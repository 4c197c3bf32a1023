package server

import (
	"net/url"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/api"
)

// FuzzSearchParams: any query string is read without a panic, and what is
// accepted survives the trip through api.Filter.Values unchanged.
func FuzzSearchParams(f *testing.F) {
	for _, s := range []string{
		"q=fund&source=A&source=B&limit=5",
		"doc_entity=Vienna&doc_entity=&entity=x",
		"since=2026-03&until=2026&by=published",
		"min_amount=1e9&max_amount=5e9&currency=eur",
		"min_sources=2&conflicting=1&facets=true&explain=0",
		"kind=quote&kind=HEADLINE&offset=3",
		"since=2026-03-04T10:00:00Z&until=2026-03-04T09:00:00%2B01:00",
		"limit=%ff&q=%00",
	} {
		f.Add(s)
	}
	allowed := append(append([]string{}, filterParams...), "limit", "offset", "facets", "explain")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p, aerr := readParams(v, allowed)
		if aerr != nil {
			if _, unnamed := v[""]; (aerr.Param == "" && !unnamed) || aerr.Code != api.CodeBadParameter {
				t.Fatalf("error without its parameter: %+v", aerr)
			}
			return
		}
		f, aerr := p.filter()
		if aerr != nil {
			if aerr.Param == "" {
				t.Fatalf("error without its parameter: %+v", aerr)
			}
			return
		}
		_, _ = p.intIn("limit", 10, 0, MaxLimit)
		p2, aerr := readParams(f.Values(), filterParams)
		if aerr != nil {
			t.Fatalf("Values of %+v refused: %+v", f, aerr)
		}
		f2, aerr := p2.filter()
		if aerr != nil {
			t.Fatalf("Values of %+v refused: %+v", f, aerr)
		}
		if a, b := mustJSON(f), mustJSON(f2); a != b {
			t.Fatalf("round trip changed the filter:\n %s\n %s", a, b)
		}
	})
}

// FuzzIngestRequest: any body is refused or accepted without a panic;
// an accepted one holds only http(s) URLs.
func FuzzIngestRequest(f *testing.F) {
	for _, s := range []string{
		`{"urls":["https://example.com/feed.xml"],"since":"2026-03-01"}`,
		`{"urls":["/etc/passwd"]}`,
		`{"urls":["http://[::1]:80/"],"max_claims":-1}`,
		`{"urls":[],"files":[{"location":"a.html"}]}`,
		`{"urls":["https://a.example/"],"origin":"cli"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req, err := decodeIngestRequest(strings.NewReader(body))
		if err != nil {
			return
		}
		for _, u := range req.URLs {
			pu, perr := url.Parse(u)
			if perr != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
				t.Fatalf("accepted %q", u)
			}
		}
	})
}
