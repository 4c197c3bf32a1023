package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
)

// ErrBadListing: a body that announced itself as a feed, a sitemap or a
// gzip file but could not be read as one. It is not retried.
var ErrBadListing = errors.New("malformed feed or sitemap")

// bodyLimits caps what one response may hold. A page is read into memory
// up to page bytes; a feed or sitemap is parsed as it streams in, up to
// listing bytes, counted both on the wire and after gzip decompression.
// listing == 0 means the body is only ever a page (robots.txt).
type bodyLimits struct{ page, listing int64 }

// maxTextRun bounds a stretch of a listing without a '<': no real sitemap
// or feed has a megabyte of text in one node, and encoding/xml buffers a
// whole text node, so a whitespace gzip bomb would otherwise sit in memory
// up to the listing cap.
const maxTextRun = 1 << 20

// readBody reads a 2xx response: it sniffs the first bytes (decompressing
// a gzip file, as sitemap.xml.gz is, whatever its Content-Type), then
// either parses a feed or sitemap from the stream into links, or reads a
// page into r.body. Errors name the size limit (ErrTooLarge), a malformed
// listing (ErrBadListing) or come from the connection as they are.
func readBody(resp *http.Response, lim bodyLimits, r *response) error {
	wire := &meter{r: resp.Body}
	defer func() { r.n = wire.n }()
	outer := max(lim.page, lim.listing)
	ct := resp.Header.Get("Content-Type")
	if resp.ContentLength > outer && !(lim.listing == 0 || declaredPage(ct)) {
		return fmt.Errorf("%w: Content-Length %d exceeds the %d-byte limit of a page and the %d-byte limit of a feed or sitemap",
			ErrTooLarge, resp.ContentLength, lim.page, lim.listing)
	}
	if resp.ContentLength > lim.page && (lim.listing == 0 || declaredPage(ct)) {
		// Declared a page, and too large for one: refused unread. (A feed
		// mislabelled text/html is only followed when within MaxBytes.)
		return fmt.Errorf("%w: Content-Length %d exceeds the %d-byte limit", ErrTooLarge, resp.ContentLength, lim.page)
	}
	peek := int64(sniffLen)
	if lim.listing == 0 && lim.page < peek {
		peek = lim.page + 1
	}
	capped := &capReader{r: wire, left: outer, what: fmt.Sprintf("body exceeds the %d-byte limit", outer)}
	head, err := readHead(capped, peek)
	if err != nil {
		return err
	}
	src := io.MultiReader(bytes.NewReader(head), capped)
	if lim.listing == 0 {
		return readPage(src, lim.page, r)
	}
	if isGzip(head) {
		return readGzip(src, lim, ct, resp.Request.URL, r, wire, capped)
	}
	r.kind, r.ct = detect(ct, head)
	if r.kind == kindFeed || r.kind == kindSitemap {
		links, err := parseListing(r.kind, resp.Request.URL, src)
		return r.setLinks(links, err, capped, wire)
	}
	if resp.ContentLength > lim.page {
		return fmt.Errorf("%w: Content-Length %d exceeds the %d-byte limit", ErrTooLarge, resp.ContentLength, lim.page)
	}
	if r.kind != kindHTML && r.kind != kindText {
		return nil // not read further: process names it ErrNotHTML
	}
	return readPage(src, lim.page, r)
}

// readGzip decompresses a gzip body as it streams, the decompressed size
// capped like the compressed one, and reads what it holds: a listing, or
// a page (a gzipped HTML file) within the page limit.
func readGzip(src io.Reader, lim bodyLimits, ct string, base *url.URL, r *response, wire *meter, capped *capReader) error {
	zr, err := gzip.NewReader(src)
	if err != nil {
		return r.setLinks(nil, fmt.Errorf("gzip: %w", err), capped, wire)
	}
	defer zr.Close()
	dec := &capReader{r: zr, left: lim.listing, what: fmt.Sprintf("decompressed body exceeds the %d-byte limit", lim.listing)}
	head, err := readHead(dec, sniffLen)
	if err != nil {
		return r.setLinks(nil, fmt.Errorf("gzip: %w", err), dec, capped, wire)
	}
	body := io.MultiReader(bytes.NewReader(head), dec)
	r.kind, r.ct = detect(ct, head)
	switch r.kind {
	case kindFeed, kindSitemap:
		links, err := parseListing(r.kind, base, body)
		return r.setLinks(links, err, dec, capped, wire)
	case kindHTML, kindText:
		if err := readPage(body, lim.page, r); err != nil {
			return r.setLinks(nil, fmt.Errorf("gzip: %w", err), dec, capped, wire)
		}
	}
	return nil
}

// setLinks records a parsed listing, or the reason it failed: the size
// cap or a connection error from one of the readers first, since a
// parser reports them mangled or not at all, else a malformed listing.
func (r *response) setLinks(links []link, err error, readers ...interface{ failure() error }) error {
	for _, rd := range readers {
		if e := rd.failure(); e != nil {
			return e
		}
	}
	switch {
	case errors.Is(err, ErrTooLarge):
		return err
	case err != nil:
		return fmt.Errorf("%w: %w", ErrBadListing, err)
	}
	r.links = links
	return nil
}

// MaxFeedBytes caps a feed, below the listing cap: gofeed parses a feed
// whole, items and their content in memory at about 18 times the feed's
// size (a 78 MB feed took 1.4 GB), while sitemaps stream. Real feeds hold
// the latest few dozen items, well under a megabyte.
const MaxFeedBytes = 16 << 20

// parseListing parses a feed (whole, through gofeed, within MaxFeedBytes)
// or streams a sitemap.
func parseListing(k kind, base *url.URL, src io.Reader) ([]link, error) {
	if k == kindFeed {
		capped := &capReader{r: src, left: MaxFeedBytes, what: fmt.Sprintf("feed exceeds the %d-byte limit of a feed", MaxFeedBytes)}
		links, err := feedLinks(base, capped)
		if capped.err != nil {
			return nil, capped.err
		}
		return links, err
	}
	g := &runGuard{r: src}
	links, err := sitemapLinks(base, g)
	if g.err != nil {
		return nil, g.err
	}
	return links, err
}

// readPage reads a page body, failing with ErrTooLarge past limit bytes.
func readPage(src io.Reader, limit int64, r *response) error {
	body, err := io.ReadAll(io.LimitReader(src, max(limit+1, limit))) // no overflow
	if err != nil {
		return err
	}
	if int64(len(body)) > limit {
		return fmt.Errorf("%w: body exceeds the %d-byte limit", ErrTooLarge, limit)
	}
	r.body = body
	return nil
}

// readHead reads up to n bytes, fewer at the end of the body.
func readHead(rd io.Reader, n int64) ([]byte, error) {
	head := make([]byte, n)
	got, err := io.ReadFull(rd, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return head[:got], nil
}

// declaredPage reports an HTML Content-Type.
func declaredPage(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// isGzip reports gzip's magic bytes: content, not the Content-Type or the
// URL's .gz, decides, since servers label .xml.gz files every which way.
func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// meter counts the bytes read from the connection and keeps its first
// error other than EOF.
type meter struct {
	r   io.Reader
	n   int64
	err error
}

func (m *meter) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	m.n += int64(n)
	if err != nil && err != io.EOF && m.err == nil {
		m.err = err
	}
	return n, err
}

func (m *meter) failure() error { return m.err }

// capReader fails with ErrTooLarge once more than left bytes come through.
type capReader struct {
	r    io.Reader
	left int64
	what string
	err  error
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if room := c.left + 1; room > 0 && int64(len(p)) > room { // room <= 0: no cap in reach
		p = p[:room]
	}
	n, err := c.r.Read(p)
	if int64(n) > c.left {
		c.err = fmt.Errorf("%w: %s", ErrTooLarge, c.what)
		return 0, c.err
	}
	c.left -= int64(n)
	return n, err
}

func (c *capReader) failure() error { return c.err }

// runGuard fails with ErrTooLarge when maxTextRun bytes pass without a
// '<', which bounds the text node encoding/xml holds in memory.
type runGuard struct {
	r   io.Reader
	run int
	err error
}

func (g *runGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if i := bytes.LastIndexByte(p[:n], '<'); i >= 0 {
		g.run = n - i - 1
	} else {
		g.run += n
	}
	if g.run > maxTextRun && g.err == nil {
		g.err = fmt.Errorf("%w: more than %d bytes of listing without markup", ErrTooLarge, maxTextRun)
	}
	if g.err != nil {
		return 0, g.err
	}
	return n, err
}
