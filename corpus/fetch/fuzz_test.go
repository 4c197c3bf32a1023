package fetch

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func FuzzWARCReader(f *testing.F) {
	var b bytes.Buffer
	writeWARC(f, &b, false, testRecords())
	f.Add(b.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 3\r\n\r\nabc\r\n\r\nWARC/1.0\r\n"))
	f.Add([]byte("WARC/1.1\r\nA: b\r\n c\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := newWARCReader(bytes.NewReader(data))
		for range 1000 {
			rec, err := r.Next()
			if err != nil {
				return
			}
			if rec.Length < 0 || !strings.HasPrefix(rec.Version, "WARC/") {
				t.Fatalf("bad record accepted: %+v", rec)
			}
			n, _ := io.Copy(io.Discard, rec.Block)
			if n > rec.Length {
				t.Fatalf("block gave %d bytes, Content-Length %d", n, rec.Length)
			}
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{`<rss/>`, `{"version":"https://jsonfeed.org/version/1"}`, `<urlset>`, "<!doctype html><p>", "\xef\xbb\xbf<feed"} {
		f.Add("text/html; charset=utf-8", []byte(s))
	}
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		k, _ := detect(ct, body)
		if k < kindOther || k > kindSitemap {
			t.Fatalf("kind %d", k)
		}
	})
}

func FuzzSitemap(f *testing.F) {
	f.Add(`<urlset><url><loc>/a</loc><lastmod>2026-01-02</lastmod><news:news><news:publication_date>2026-01-02T10:00Z</news:publication_date></news:news></url></urlset>`)
	f.Add(`<sitemapindex><sitemap><loc>https://x.example/s.xml</loc></sitemap>`)
	base, _ := url.Parse("https://base.example/")
	f.Fuzz(func(t *testing.T, s string) {
		links, _ := sitemapLinks(base, strings.NewReader(s))
		if len(links) > maxLinks {
			t.Fatalf("%d links", len(links))
		}
	})
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"https://a.example:443/x?utm_a=1&b=2#f", "http://[::1]:80", "HTTP://X.EXAMPLE./a/../b?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Canonical(s)
		if err != nil {
			return
		}
		again, err := Canonical(c)
		if err != nil || again != c {
			t.Fatalf("Canonical not idempotent: %q -> %q -> %q (%v)", s, c, again, err)
		}
	})
}

// FuzzReadBody runs arbitrary bodies, gzipped or not, through the body
// reader with small caps: no panic, no page above its cap, no listing
// above maxLinks, and every failure a named one or a gzip/XML error.
func FuzzReadBody(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>/a</loc></url></urlset>`), false)
	f.Add([]byte(`<rss version="2.0"><channel><item><link>/b</link></item></channel></rss>`), true)
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"/c"}]}`), true)
	f.Add([]byte("<!doctype html><p>page</p>"), true)
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0xff}, false)
	base, _ := url.Parse("https://base.example/s.xml")
	lim := bodyLimits{page: 4 << 10, listing: 64 << 10}
	f.Fuzz(func(t *testing.T, data []byte, gz bool) {
		if gz {
			data = []byte(gzipped(string(data)))
		}
		resp := &http.Response{
			Header:        http.Header{"Content-Type": {"application/octet-stream"}},
			Body:          io.NopCloser(bytes.NewReader(data)),
			ContentLength: -1,
			Request:       &http.Request{URL: base},
		}
		var r response
		err := readBody(resp, lim, &r)
		if int64(len(r.body)) > lim.page {
			t.Fatalf("page of %d bytes past the %d cap", len(r.body), lim.page)
		}
		if len(r.links) > maxLinks {
			t.Fatalf("%d links", len(r.links))
		}
		if err != nil && r.links != nil {
			t.Fatalf("links kept with error %v", err)
		}
		if r.n > int64(len(data)) {
			t.Fatalf("read %d bytes of %d", r.n, len(data))
		}
	})
}

// FuzzFeed: RSS, Atom and JSON feeds come from any server. Parsing never
// panics and never yields more than maxLinks entries.
func FuzzFeed(f *testing.F) {
	f.Add(`<rss version="2.0"><channel><item><link>/a</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item></channel></rss>`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/b"/><updated>2026-03-02T09:00:00Z</updated></entry></feed>`)
	f.Add(`{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"/c","date_published":"2026-03-02T09:00:00Z"}]}`)
	f.Add(`<rss><channel><item><link>`)
	f.Add(`{"items":[{"url":`)
	base, _ := url.Parse("https://base.example/")
	f.Fuzz(func(t *testing.T, s string) {
		links, _ := parseListing(kindFeed, base, strings.NewReader(s))
		if len(links) > maxLinks {
			t.Fatalf("%d links", len(links))
		}
	})
}
