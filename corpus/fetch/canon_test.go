package fetch

import (
	"errors"
	"testing"
	"time"
)

func TestCanonical(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"case", "HTTPS://News.Example.COM/Story", "https://news.example.com/Story"},
		{"default https port", "https://news.example.com:443/a", "https://news.example.com/a"},
		{"default http port", "http://news.example.com:80/a", "http://news.example.com/a"},
		{"other port kept", "http://news.example.com:8080/a", "http://news.example.com:8080/a"},
		{"fragment", "https://news.example.com/a#comments", "https://news.example.com/a"},
		{"empty path", "https://news.example.com", "https://news.example.com/"},
		{"trailing dot host", "https://news.example.com./a", "https://news.example.com/a"},
		{"utm dropped", "https://n.example/a?utm_source=x&utm_medium=y", "https://n.example/a"},
		{"order kept", "https://n.example/a?z=1&fbclid=abc&a=2&gclid=q", "https://n.example/a?z=1&a=2"},
		{"mailchimp and ref", "https://n.example/a?id=7&mc_cid=1&mc_eid=2&ref=homepage", "https://n.example/a?id=7"},
		{"encoded key", "https://n.example/a?utm%5Fcampaign=x&p=1", "https://n.example/a?p=1"},
		{"encoding kept", "https://n.example/a%20b?q=a%2Bb", "https://n.example/a%20b?q=a%2Bb"},
		{"dot segments", "https://n.example/a/./b/../c", "https://n.example/a/c"},
		{"empty query", "https://n.example/a?", "https://n.example/a"},
		{"ipv6 port", "http://[::1]:80/x", "http://[::1]/x"},
		{"spaces", "  https://n.example/a  ", "https://n.example/a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Canonical(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Canonical(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again, _ := Canonical(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
	for _, bad := range []string{"ftp://n.example/a", "mailto:a@b.example", "https:///nohost", "/relative", "%zz"} {
		if _, err := Canonical(bad); !errors.Is(err, ErrUnsupported) {
			t.Errorf("Canonical(%q) err = %v, want ErrUnsupported", bad, err)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name, ct, body string
		want           kind
	}{
		{"rss with bom", "text/html", "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", kindFeed},
		{"atom", "application/atom+xml", `<feed xmlns="http://www.w3.org/2005/Atom"/>`, kindFeed},
		{"rdf", "", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>`, kindFeed},
		{"json feed", "application/json", `{"version":"https://jsonfeed.org/version/1","items":[]}`, kindFeed},
		{"plain json", "application/json", `{"version":"2"}`, kindOther},
		{"sitemap", "text/xml", `<?xml version="1.0"?><!-- c --><urlset/>`, kindSitemap},
		{"sitemap index", "application/xml", `<sitemapindex/>`, kindSitemap},
		{"xhtml as xml", "application/xml", `<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>`, kindHTML},
		{"other xml", "application/xml", `<svg/>`, kindOther},
		{"html", "text/html", `<p>x`, kindHTML},
		{"empty", "", ``, kindText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := detect(tc.ct, []byte(tc.body)); got != tc.want {
				t.Errorf("detect = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseW3CDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-03-06":                "2026-03-06T00:00:00Z",
		"2026-03-06T06:15+01:00":    "2026-03-06T05:15:00Z",
		"2026-03-06T06:15:30.5Z":    "2026-03-06T06:15:30Z",
		"2026-03-06T06:15:30-05:00": "2026-03-06T11:15:30Z",
		"2026-03":                   "2026-03-01T00:00:00Z",
	} {
		got, ok := parseW3CDate(in)
		if !ok || got.UTC().Truncate(time.Second).Format(time.RFC3339) != want {
			t.Errorf("parseW3CDate(%q) = %v %v, want %s", in, got, ok, want)
		}
	}
	if _, ok := parseW3CDate("yesterday"); ok {
		t.Error("parsed junk")
	}
}

func TestLangMatches(t *testing.T) {
	for _, tc := range []struct {
		declared string
		want     []string
		ok       bool
	}{
		{"en-GB", []string{"en"}, true},
		{"en_us", []string{"en-US"}, true},
		{"eng", []string{"en"}, false},
		{"de", []string{"en", "de"}, true},
		{"fr", []string{"en"}, false},
		{"", []string{"en"}, true},
		{"fr", nil, true},
	} {
		if got := langMatches(tc.declared, tc.want); got != tc.ok {
			t.Errorf("langMatches(%q, %v) = %v", tc.declared, tc.want, got)
		}
	}
}
