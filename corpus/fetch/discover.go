package fetch

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// link is a URL found in a feed or sitemap, with what the listing said
// about it.
type link struct {
	url       string
	published time.Time // publication date hint (feed item, news sitemap)
	dated     time.Time // publication else modification date, for Since
	lang      string    // declared language, "" if none
}

// maxField bounds the text kept for one sitemap field: a <loc> longer
// than this is no URL a page lives at, and the bound keeps a hostile entry
// from growing the builder to the listing cap.
const maxField = 16 << 10

// maxLinks bounds what one feed or sitemap may add (the sitemap protocol
// allows 50,000 entries).
const maxLinks = 50_000

// feedLinks parses an RSS, Atom or JSON feed and returns its items' links,
// resolved against base.
func feedLinks(base *url.URL, body io.Reader) ([]link, error) {
	feed, err := gofeed.NewParser().Parse(body)
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	var out []link
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		href := it.Link
		if href == "" && len(it.Links) > 0 {
			href = it.Links[0]
		}
		if href == "" {
			continue
		}
		u, err := base.Parse(strings.TrimSpace(href))
		if err != nil {
			continue
		}
		l := link{url: u.String(), lang: feed.Language}
		switch {
		case it.PublishedParsed != nil:
			l.published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			l.published = *it.UpdatedParsed
		}
		l.dated = l.published
		out = append(out, l)
		if len(out) >= maxLinks {
			break
		}
	}
	return out, nil
}

// sitemapLinks parses a sitemap or sitemap index token by token as r
// streams in (only the entries, never the document, are kept) and returns
// its entries:
// <loc>, <lastmod>, and from Google News sitemaps news:publication_date
// (the date hint) and news:language. Entries of an index are sitemaps;
// the caller fetches them like any URL and detects what they are.
func sitemapLinks(base *url.URL, r io.Reader) ([]link, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		out     []link
		cur     *link
		field   string
		text    strings.Builder
		lastmod time.Time
	)
	for len(out) < maxLinks {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(out) > 0 {
				break // keep what came before the damage
			}
			return nil, fmt.Errorf("parse sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch name := strings.ToLower(t.Name.Local); name {
			case "url", "sitemap":
				cur, lastmod = &link{}, time.Time{}
			case "loc", "lastmod", "publication_date", "language":
				if cur != nil {
					field = name
					text.Reset()
				}
			}
		case xml.CharData:
			if field != "" && text.Len()+len(t) <= maxField {
				text.Write(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if cur != nil && name == field {
				v := strings.TrimSpace(text.String())
				switch field {
				case "loc":
					cur.url = v
				case "lastmod":
					lastmod, _ = parseW3CDate(v)
				case "publication_date":
					cur.published, _ = parseW3CDate(v)
				case "language":
					cur.lang = v
				}
				field = ""
			}
			if cur != nil && (name == "url" || name == "sitemap") {
				if cur.url != "" {
					if u, err := base.Parse(cur.url); err == nil {
						cur.url = u.String()
						cur.dated = cur.published
						if cur.dated.IsZero() {
							cur.dated = lastmod
						}
						out = append(out, *cur)
					}
				}
				cur = nil
			}
		}
	}
	return out, nil
}

// w3cLayouts are the W3C Datetime profile of ISO 8601 that sitemaps use.
var w3cLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05",
	"2006-01-02", "2006-01", "2006",
}

func parseW3CDate(s string) (time.Time, bool) {
	for _, l := range w3cLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// langMatches reports whether a declared language tag passes the filter:
// no filter, no declaration, or a tag equal to or under a wanted one.
func langMatches(declared string, want []string) bool {
	if len(want) == 0 || declared == "" {
		return true
	}
	d := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(declared), "_", "-"))
	for _, w := range want {
		w = strings.ToLower(strings.TrimSpace(w))
		if d == w || strings.HasPrefix(d, w+"-") {
			return true
		}
	}
	return false
}
