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
	// start is a version line found by resync, to be read as the next
	// record's first line.
	start []byte
	// Damage counts the damaged stretches skipped by resynchronising, and
	// DamageBytes their bytes.
	Damage, DamageBytes int64
	// firstDamage describes the first of them, for the report.
	firstDamage error
}

// errDesync marks damage after which the reader looks for the next
// record rather than giving up on the file.
var errDesync = errors.New("out of step")

func newWARCReader(r io.Reader) *warcReader {
	return &warcReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next record, io.EOF at the end, or an error wrapping
// ErrBadWARC when the stream itself fails. A damaged record (a
// Content-Length too small or too large, a mangled header) does not end
// the file: the reader skips to the next line that starts with "WARC/1."
// and goes on, counting the damage (Damage, DamageBytes, DamageError).
func (w *warcReader) Next() (*warcRecord, error) {
	for {
		rec, err := w.next()
		if !errors.Is(err, errDesync) {
			return rec, err
		}
		w.Damage++
		if w.firstDamage == nil {
			w.firstDamage = err
		}
		if err := w.resync(); err != nil {
			return nil, err
		}
	}
}

// DamageError describes the damage skipped, or is nil when there was none.
func (w *warcReader) DamageError() error {
	if w.Damage == 0 {
		return nil
	}
	return fmt.Errorf("%d damaged stretches skipped (%d bytes), the first: %w", w.Damage, w.DamageBytes, w.firstDamage)
}

// resync skips to the next line that starts a WARC 1.x record and keeps
// it for next. At the end of the stream it returns io.EOF.
func (w *warcReader) resync() error {
	for {
		line, err := w.br.ReadSlice('\n')
		w.DamageBytes += int64(len(line))
		if errors.Is(err, bufio.ErrBufferFull) {
			for errors.Is(err, bufio.ErrBufferFull) { // the rest of a long line
				line, err = w.br.ReadSlice('\n')
				w.DamageBytes += int64(len(line))
			}
			continue
		}
		if bytes.HasPrefix(line, []byte("WARC/1.")) {
			w.DamageBytes -= int64(len(line))
			w.start = append([]byte(nil), line...)
			return nil
		}
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return w.bad("read: %w", err)
		}
	}
}

// next reads one record; damage that resync can step over wraps errDesync.
func (w *warcReader) next() (*warcRecord, error) {
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
	for w.start == nil {
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
	if w.start != nil {
		line, w.start = w.start, nil
	}
	rec := &warcRecord{Version: string(bytes.TrimSpace(line)), Header: map[string]string{}}
	if !strings.HasPrefix(rec.Version, "WARC/") {
		return nil, w.desync("record %d starts with %q, not a WARC version line", w.n+1, truncate(rec.Version, 40))
	}
	size := 0
	last := ""
	for {
		line, err = w.line()
		if err != nil {
			if err == io.EOF {
				return nil, w.bad("header cut short")
			}
			if errors.Is(err, errDesync) {
				return nil, err
			}
			return nil, err
		}
		size += len(line)
		if size > warcMaxHeaders {
			return nil, w.desync("header larger than %d bytes", warcMaxHeaders)
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
			return nil, w.desync("header line %q has no colon", truncate(s, 40))
		}
		last = strings.ToLower(strings.TrimSpace(name))
		rec.Header[last] = strings.TrimSpace(value)
	}
	cl, ok := rec.Header["content-length"]
	if !ok {
		return nil, w.desync("record %d has no Content-Length", w.n+1)
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, w.desync("record %d has Content-Length %q", w.n+1, truncate(cl, 20))
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
		return nil, w.desync("line longer than %d bytes", warcMaxLine)
	case err == io.EOF && len(line) > 0:
		return line, nil
	case err == io.EOF:
		return nil, io.EOF
	case err != nil:
		return nil, w.bad("read: %w", err)
	}
	return line, nil
}

// desync reports damage that the reader steps over (see Next).
func (w *warcReader) desync(format string, args ...any) error {
	return fmt.Errorf("%w: %w: %w", ErrBadWARC, errDesync, fmt.Errorf(format, args...))
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
