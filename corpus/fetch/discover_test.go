package fetch

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// listingServer serves a fixed path -> (content type, body) map and HTML
// pages for every other path.
func listingServer(t *testing.T, h *hits, files map[string][2]string) string {
	var base string
	s := server(t, h, func(w http.ResponseWriter, r *http.Request) {
		if f, ok := files[r.URL.Path]; ok {
			w.Header().Set("Content-Type", f[0])
			fmt.Fprint(w, strings.ReplaceAll(f[1], "BASE", base))
			return
		}
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		page(w, r.URL.Path)
	})
	base = s.URL
	return s.URL
}

func TestFeeds(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><language>en-gb</language>
<item><title>Dock strike ends</title><link>BASE/news/dock?utm_source=rss</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
<item><title>Ferry fares</title><link>/news/ferry</link><pubDate>Tue, 03 Mar 2026 10:30:00 GMT</pubDate></item>
<item><title>Old story</title><link>BASE/news/old</link><pubDate>Sat, 03 Jan 2026 10:30:00 GMT</pubDate></item>
</channel></rss>`
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title><id>x</id><updated>2026-03-04T00:00:00Z</updated>
<entry><title>Bridge vote</title><link href="BASE/valley/bridge"/><id>1</id><published>2026-03-04T08:00:00Z</published><updated>2026-03-04T09:00:00Z</updated></entry>
</feed>`
	jsonFeed := `{"version": "https://jsonfeed.org/version/1.1", "title": "Orchard Wire", "language": "en",
"items": [{"id": "1", "url": "BASE/orchard/harvest", "date_published": "2026-03-05T07:00:00Z"}]}`
	germanRSS := `<rss version="2.0"><channel><title>Hafenblatt</title><language>de</language>
<item><link>BASE/de/streik</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item></channel></rss>`
	var h hits
	base := listingServer(t, &h, map[string][2]string{
		"/rss.xml":   {"application/rss+xml", rss},
		"/atom":      {"text/html", atom}, // served with the wrong type: detected by content
		"/feed.json": {"application/feed+json", jsonFeed},
		"/de.xml":    {"text/xml", germanRSS},
	})
	cfg := testConfig()
	cfg.Since = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	cfg.Lang = []string{"en"}
	f := newFetcher(t, cfg)
	res := runAll(t, f, base+"/rss.xml", base+"/atom", base+"/feed.json", base+"/de.xml")
	if res.err != nil {
		t.Fatal(res.err)
	}
	want := []string{base + "/news/dock", base + "/news/ferry", base + "/orchard/harvest", base + "/valley/bridge"}
	if diff := cmp.Diff(want, res.docs()); diff != "" {
		t.Errorf("docs (-want +got):\n%s", diff)
	}
	got := res.byLoc()
	for loc, when := range map[string]string{
		"/news/dock":       "2026-03-02T09:00:00Z",
		"/valley/bridge":   "2026-03-04T08:00:00Z",
		"/orchard/harvest": "2026-03-05T07:00:00Z",
	} {
		if p := got[base+loc].Published.UTC().Format(time.RFC3339); p != when {
			t.Errorf("%s: Published = %s, want %s", loc, p, when)
		}
	}
	if n := h.get("/news/old"); n != 0 {
		t.Errorf("item older than Since fetched")
	}
	if n := h.get("/de/streik"); n != 0 {
		t.Errorf("German item fetched despite Lang=en")
	}
	st := f.Stats()
	if st.Listings != 4 || st.Filtered != 2 {
		t.Errorf("stats: %+v, want 4 listings, 2 filtered", st)
	}
}

func TestSitemaps(t *testing.T) {
	index := `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>BASE/sitemap-news.xml</loc><lastmod>2026-03-06</lastmod></sitemap>
  <sitemap><loc>BASE/sitemap-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
</sitemapindex>`
	news := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>BASE/2026/03/grain-prices</loc>
    <news:news><news:publication><news:name>Plains Ledger</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-03-06T06:15:00+01:00</news:publication_date><news:title>Grain prices</news:title></news:news></url>
  <url><loc>BASE/2026/03/rail-link</loc><lastmod>2026-03-05T12:00:00Z</lastmod></url>
  <url><loc>BASE/2025/06/archive</loc><lastmod>2025-06-01</lastmod></url>
  <url><loc>https://elsewhere.example/story</loc></url>
  <url><loc>BASE/2026/03/fr</loc><news:news><news:publication><news:language>fr</news:language></news:publication></news:news></url>
</urlset>`
	var h hits
	base := listingServer(t, &h, map[string][2]string{
		"/sitemap.xml":      {"application/xml", index},
		"/sitemap-news.xml": {"text/xml; charset=utf-8", news},
		"/sitemap-2019.xml": {"text/xml", `<urlset><url><loc>BASE/2019/x</loc></url></urlset>`},
	})
	cfg := testConfig()
	cfg.Since = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cfg.Lang = []string{"en"}
	cfg.Hosts = []string{"127.0.0.1"}
	res := runAll(t, newFetcher(t, cfg), base+"/sitemap.xml")
	want := []string{base + "/2026/03/grain-prices", base + "/2026/03/rail-link"}
	if diff := cmp.Diff(want, res.docs()); diff != "" {
		t.Errorf("docs (-want +got):\n%s", diff)
	}
	it := res.byLoc()[base+"/2026/03/grain-prices"]
	if got := it.Published.UTC().Format(time.RFC3339); got != "2026-03-06T05:15:00Z" {
		t.Errorf("Published = %s, want the news:publication_date", got)
	}
	if p := res.byLoc()[base+"/2026/03/rail-link"].Published; !p.IsZero() {
		t.Errorf("lastmod used as a publication date: %v", p)
	}
	if n := h.get("/sitemap-2019.xml"); n != 0 {
		t.Errorf("sitemap last modified before Since was fetched")
	}
	for _, it := range res.items {
		if it.Err != nil {
			t.Errorf("unexpected failure %s: %v", it.Location, it.Err)
		}
	}
}

func TestURLList(t *testing.T) {
	var h hits
	base := listingServer(t, &h, nil)
	list := filepath.Join(t.TempDir(), "urls.txt")
	content := "# morning batch\n" + base + "/a\n\n  " + base + "/b?utm_medium=email   # from the newsletter\n" +
		base + "/a#comments\n" + "ftp://example.invalid/x\n"
	if err := os.WriteFile(list, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFetcher(t, testConfig())
	res := runAll(t, f, "@"+list, base+"/b")
	if diff := cmp.Diff([]string{base + "/a", base + "/b"}, res.docs()); diff != "" {
		t.Errorf("docs (-want +got):\n%s", diff)
	}
	wantErr(t, res.byLoc()["ftp://example.invalid/x"], ErrUnsupported)
	if h.get("/a") != 1 || h.get("/b") != 1 {
		t.Errorf("each page must be fetched once: a=%d b=%d", h.get("/a"), h.get("/b"))
	}
	if d := f.Stats().Duplicates; d != 2 {
		t.Errorf("duplicates = %d, want 2", d)
	}
	res = runAll(t, newFetcher(t, testConfig()), "@"+filepath.Join(t.TempDir(), "missing.txt"))
	if len(res.items) != 1 || res.items[0].Err == nil {
		t.Errorf("missing list: %+v", res.items)
	}
}

func TestIsRemote(t *testing.T) {
	for in, want := range map[string]bool{
		"https://example.com/a":    true,
		"HTTP://EXAMPLE.COM":       true,
		"@urls.txt":                true,
		"@-":                       true,
		"@":                        false,
		"crawl/CC-NEWS-1.warc.gz":  true,
		"dump.WARC":                true,
		"article.html":             false,
		"notes/warc.txt":           false,
		"-":                        false,
		"ftp://example.com/a.html": false,
	} {
		if got := IsRemote(in); got != want {
			t.Errorf("IsRemote(%q) = %v, want %v", in, got, want)
		}
	}
}
