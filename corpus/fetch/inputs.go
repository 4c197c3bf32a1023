package fetch

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// stdin is where "@-" reads its list; a variable for tests.
var stdin io.Reader = os.Stdin

// list reads an @FILE list: one input a line (URLs, or WARC paths), blank
// lines and lines starting with # ignored, and " #" starting a trailing
// comment. Lists do not nest.
func (r *run) list(name string) {
	var src io.Reader = stdin
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			r.fail("@"+name, fmt.Errorf("read URL list: %w", err))
			return
		}
		defer fh.Close()
		src = fh
	}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if r.ctx.Err() != nil {
			return
		}
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r.input(line, false)
	}
	if err := sc.Err(); err != nil {
		r.fail("@"+name, fmt.Errorf("read URL list: %w", err))
	}
}

// warcFile streams one .warc or .warc.gz file.
func (r *run) warcFile(name string) {
	fh, err := os.Open(name)
	if err != nil {
		r.fail(name, fmt.Errorf("open WARC: %w", err))
		return
	}
	defer fh.Close()
	r.readWARC(fh, name)
}

// readWARC streams WARC records from rd (gzipped or not, detected by its
// magic bytes) and delivers the HTML responses. Only one record is in
// memory at a time, and only its HTTP body, up to MaxBytes.
func (r *run) readWARC(rd io.Reader, name string) {
	br := bufio.NewReaderSize(rd, 64<<10)
	var src io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			r.fail(name, fmt.Errorf("%w: gzip: %w", ErrBadWARC, err))
			return
		}
		defer zr.Close()
		src = zr
	}
	wr := newWARCReader(src)
	for r.ctx.Err() == nil {
		rec, err := wr.Next()
		if err == io.EOF {
			// The records around damage went in; the damage is named.
			if derr := wr.DamageError(); derr != nil {
				r.fail(name, derr)
			}
			return
		}
		if err != nil {
			r.fail(name, err)
			return
		}
		if rec.Type() == "response" {
			r.warcResponse(rec)
		}
	}
}

// warcResponse delivers one response record if it is an HTML page with a
// 2xx status; other records are counted as skipped, not failed, since a
// crawl holds images, redirects and error pages by design.
func (r *run) warcResponse(rec *warcRecord) {
	f := r.f
	loc, err := Canonical(rec.TargetURI())
	if err != nil {
		f.stats.skipped.Add(1) // dns:, whois: and other non-web records
		return
	}
	u, _ := url.Parse(loc)
	if !f.hostAllowed(u) {
		f.stats.filtered.Add(1)
		return
	}
	if mt, _, _ := mime.ParseMediaType(rec.Header["content-type"]); mt != "application/http" {
		f.stats.skipped.Add(1)
		return
	}
	if !r.firstSeen(loc) {
		f.stats.duplicates.Add(1)
		return
	}
	prev, known := f.state.get(loc)
	if known && f.state.resumed(prev) {
		f.stats.resumed.Add(1)
		r.emit(Item{Location: loc, NotModified: true})
		return
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.Block), nil)
	if err != nil {
		r.fail(loc, fmt.Errorf("%w: HTTP message: %w", ErrBadWARC, err))
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		f.stats.skipped.Add(1)
		return
	}
	max := f.cfg.MaxBytes
	if resp.ContentLength > max {
		r.fail(loc, fmt.Errorf("%w: Content-Length %d exceeds the %d-byte limit", ErrTooLarge, resp.ContentLength, max))
		return
	}
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			r.fail(loc, fmt.Errorf("%w: gzip body: %w", ErrBadWARC, err))
			return
		}
		defer zr.Close()
		body = zr
	default:
		r.fail(loc, fmt.Errorf("%w: Content-Encoding %q", ErrUnsupported, enc))
		return
	}
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		r.fail(loc, fmt.Errorf("%w: body: %w", ErrBadWARC, err))
		return
	}
	if int64(len(data)) > max {
		r.fail(loc, fmt.Errorf("%w: body exceeds the %d-byte limit", ErrTooLarge, max))
		return
	}
	f.stats.bytes.Add(int64(len(data)))
	k, ct := detect(resp.Header.Get("Content-Type"), data)
	if k != kindHTML && !(k == kindText && f.cfg.AcceptPlainText) {
		f.stats.skipped.Add(1)
		return
	}
	rec2 := record{Hash: hashOf(data)}
	if known && prev.Hash == rec2.Hash {
		r.unchanged(loc, []string{loc}, rec2)
		return
	}
	r.deliver(Item{Location: loc, Data: data, ContentType: ct}, []string{loc}, rec2)
}
