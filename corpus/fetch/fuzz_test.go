package fetch

import (
	"bytes"
	"io"
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
