package fetch

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"strings"
)

// kind is what a fetched body turned out to be.
type kind int

const (
	kindOther   kind = iota
	kindHTML         // a page to index
	kindText         // plain text: a page only with AcceptPlainText
	kindFeed         // RSS, Atom or JSON Feed: its items are followed
	kindSitemap      // sitemap or sitemap index: its entries are followed
)

func (k kind) String() string {
	return [...]string{"other", "html", "text", "feed", "sitemap"}[k]
}

// sniffLen is how much of a body detection looks at.
const sniffLen = 64 << 10

// detect decides what a body is, from its content first (a feed served as
// text/html is still a feed, an HTML page served as text/plain or with no
// type is still a page) and its Content-Type second. It returns the content
// type to pass on: the header's when it names an HTML type, else the
// sniffed media type with the header's charset parameter, if any, so the
// cleaner still honours a charset declared only in the header.
func detect(contentType string, body []byte) (kind, string) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, params = "", nil
	}
	withCharset := func(t string) string {
		if cs := params["charset"]; cs != "" {
			return mime.FormatMediaType(t, map[string]string{"charset": cs})
		}
		return t
	}
	htmlType := mt == "text/html" || mt == "application/xhtml+xml"
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(head) > 0 && head[0] == '{':
		if isJSONFeed(head) {
			return kindFeed, contentType
		}
	case len(head) > 0 && head[0] == '<':
		switch xmlRoot(head) {
		case "rss", "feed", "rdf":
			return kindFeed, contentType
		case "urlset", "sitemapindex":
			return kindSitemap, contentType
		case "html":
			if !htmlType && (strings.HasSuffix(mt, "xml") || bytes.HasPrefix(head, []byte("<?xml"))) { // XHTML served as XML
				return kindHTML, withCharset("application/xhtml+xml")
			}
		}
	}
	if htmlType {
		return kindHTML, contentType
	}
	sniffed, _, _ := strings.Cut(http.DetectContentType(body), ";")
	switch {
	case sniffed == "text/html":
		return kindHTML, withCharset("text/html")
	case mt == "text/plain" || (mt == "" && sniffed == "text/plain"):
		return kindText, withCharset("text/plain")
	}
	return kindOther, contentType
}

// xmlRoot returns the lower-cased local name of the first element of an
// XML (or XHTML) document, "" when there is none in the first sniffLen
// bytes.
func xmlRoot(b []byte) string {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return strings.ToLower(se.Name.Local)
		}
	}
	return ""
}

// isJSONFeed reports whether a JSON object declares a JSON Feed version.
// It reads the top-level keys one by one, so a feed cut at the sniffing
// length is still recognised when "version" comes before the cut (it comes
// first in practice).
func isJSONFeed(b []byte) bool {
	d := json.NewDecoder(bytes.NewReader(b))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return false
		}
		if key == "version" {
			var v string
			return d.Decode(&v) == nil && strings.Contains(v, "jsonfeed.org/version/")
		}
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}
