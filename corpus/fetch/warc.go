package fetch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// No maintained WARC reader could be had from the module proxy (gowarc in
// both its nlnwa and internetarchive forms, slyrz/warc and datatogether/warc
// are all refused), so this is a small streaming reader of WARC 1.0/1.1
// (ISO 28500): a version line, "Name: value" header lines, a blank line,
// Content-Length bytes of block, then CRLF CRLF. It holds one header at a
// time and hands the block out as a reader over the stream, so a file of
// any size is read in constant memory. Decompression (one gzip member per
// record, as .warc.gz files are) is the caller's: gzip.Reader reads the
// concatenated members as one stream.

// Limits on a record header, so a damaged file cannot make us buffer
// without end.
const (
	warcMaxLine    = 64 << 10
	warcMaxHeaders = 1 << 20
)

// warcRecord is one record; Block must be read (or not) before the next
// call to Next, which skips what is left of it.
type warcRecord struct {
	Version string
	// Header holds the named fields, keys in lower case.
	Header map[string]string
	Length int64
	Block  io.Reader
}

// Type is the WARC-Type ("response", "request", "metadata", ...).
func (r *warcRecord) Type() string { return strings.ToLower(r.Header["warc-type"]) }

// TargetURI is WARC-Target-URI without the angle brackets that some WARC
// 1.0 writers put around it.
func (r *warcRecord) TargetURI() string {
	return strings.Trim(strings.TrimSpace(r.Header["warc-target-uri"]), "<>")
}

type warcReader struct {
	br    *bufio.Reader
	block *io.LimitedReader
	n     int // records read, for error messages
}

func newWARCReader(r io.Reader) *warcReader {
	return &warcReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next record, io.EOF at a clean end, or an error
// wrapping ErrBadWARC.
func (w *warcReader) Next() (*warcRecord, error) {
	if w.block != nil {
		if _, err := io.Copy(io.Discard, w.block); err != nil {
			return nil, w.bad("skip block: %w", err)
		}
		if w.block.N > 0 {
			return nil, w.bad("truncated block")
		}
		w.block = nil
	}
	// The blank lines that end the previous record, and any stray ones.
	var line []byte
	var err error
	for {
		line, err = w.line()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
	}
	rec := &warcRecord{Version: string(bytes.TrimSpace(line)), Header: map[string]string{}}
	if !strings.HasPrefix(rec.Version, "WARC/") {
		return nil, w.bad("record %d starts with %q, not a WARC version line", w.n+1, truncate(rec.Version, 40))
	}
	size := 0
	last := ""
	for {
		line, err = w.line()
		if err != nil {
			if err == io.EOF {
				return nil, w.bad("header cut short")
			}
			return nil, err
		}
		size += len(line)
		if size > warcMaxHeaders {
			return nil, w.bad("header larger than %d bytes", warcMaxHeaders)
		}
		s := strings.TrimRight(string(line), "\r\n")
		if s == "" {
			break
		}
		if (s[0] == ' ' || s[0] == '\t') && last != "" { // folded continuation
			rec.Header[last] += " " + strings.TrimSpace(s)
			continue
		}
		name, value, ok := strings.Cut(s, ":")
		if !ok {
			return nil, w.bad("header line %q has no colon", truncate(s, 40))
		}
		last = strings.ToLower(strings.TrimSpace(name))
		rec.Header[last] = strings.TrimSpace(value)
	}
	cl, ok := rec.Header["content-length"]
	if !ok {
		return nil, w.bad("record %d has no Content-Length", w.n+1)
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, w.bad("record %d has Content-Length %q", w.n+1, truncate(cl, 20))
	}
	rec.Length = n
	w.block = &io.LimitedReader{R: w.br, N: n}
	rec.Block = w.block
	w.n++
	return rec, nil
}

// line reads one line, refusing lines longer than warcMaxLine.
func (w *warcReader) line() ([]byte, error) {
	line, err := w.br.ReadSlice('\n')
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		return nil, w.bad("line longer than %d bytes", warcMaxLine)
	case err == io.EOF && len(line) > 0:
		return line, nil
	case err == io.EOF:
		return nil, io.EOF
	case err != nil:
		return nil, w.bad("read: %w", err)
	}
	return line, nil
}

func (w *warcReader) bad(format string, args ...any) error {
	return fmt.Errorf("%w: %w", ErrBadWARC, fmt.Errorf(format, args...))
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
