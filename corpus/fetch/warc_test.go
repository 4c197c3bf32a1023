package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// warcRec is a record to write in a test WARC.
type warcRec struct {
	typ, uri, contentType, block string
}

// httpResp builds an HTTP response message as a WARC response block.
func httpResp(status, contentType, body string, extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return b.String()
}

// writeWARC writes records, each as its own gzip member when gz is set,
// as real .warc.gz files are.
func writeWARC(t testing.TB, w io.Writer, gz bool, recs []warcRec) {
	t.Helper()
	for i, r := range recs {
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n", r.typ, i)
		if r.uri != "" {
			fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
		}
		fmt.Fprintf(&b, "WARC-Date: 2026-03-07T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", r.contentType, len(r.block), r.block)
		if !gz {
			w.Write(b.Bytes())
			continue
		}
		zw := gzip.NewWriter(w)
		zw.Write(b.Bytes())
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

func testRecords() []warcRec {
	const resp = "application/http; msgtype=response"
	return []warcRec{
		{"warcinfo", "", "application/warc-fields", "software: test\r\n"},
		{"request", "https://tidewater.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: tidewater.example\r\n\r\n"},
		{"response", "https://Tidewater.example:443/a?utm_source=x", resp, httpResp("200 OK", "text/html; charset=windows-1252", "<html><body><p>Caf\xe9 council.</p></body></html>")},
		{"metadata", "https://tidewater.example/a", "application/warc-fields", "via: https://tidewater.example/\r\n"},
		{"response", "https://tidewater.example/logo.png", resp, httpResp("200 OK", "image/png", "\x89PNG\r\n\x1a\nxxxx")},
		{"response", "https://tidewater.example/missing", resp, httpResp("404 Not Found", "text/html", "<html>gone</html>")},
		{"response", "<https://tidewater.example/b>", resp, httpResp("200 OK", "text/html", gzipped("<html><body>Second page.</body></html>"), "Content-Encoding: gzip")},
		{"response", "dns:tidewater.example", "text/dns", "tidewater.example. 300 IN A 192.0.2.1\r\n"},
		{"response", "https://tidewater.example/a", resp, httpResp("200 OK", "text/html", "<html>duplicate capture</html>")},
		{"revisit", "https://tidewater.example/b", resp, "HTTP/1.1 200 OK\r\n\r\n"},
	}
}

func TestWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "crawl.warc")
			if gz {
				name += ".gz"
			}
			fh, err := os.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			writeWARC(t, fh, gz, testRecords())
			fh.Close()
			f := newFetcher(t, testConfig())
			res := runAll(t, f, name)
			want := []string{"https://tidewater.example/a", "https://tidewater.example/b"}
			if diff := cmp.Diff(want, res.docs()); diff != "" {
				t.Errorf("docs (-want +got):\n%s", diff)
			}
			got := res.byLoc()
			a := got["https://tidewater.example/a"]
			if a.ContentType != "text/html; charset=windows-1252" || !bytes.Contains(a.Data, []byte("Caf\xe9")) {
				t.Errorf("a: %q %q", a.ContentType, a.Data)
			}
			if b := got["https://tidewater.example/b"]; string(b.Data) != "<html><body>Second page.</body></html>" {
				t.Errorf("b not decompressed: %q", b.Data)
			}
			if len(res.items) != 2 {
				t.Errorf("items = %d, want only the two HTML pages", len(res.items))
			}
			if st := f.Stats(); st.Skipped != 3 || st.Duplicates != 1 {
				t.Errorf("stats %+v: want 3 skipped (png, 404, dns), 1 duplicate", st)
			}
		})
	}
}

func TestWARCDamaged(t *testing.T) {
	var b bytes.Buffer
	writeWARC(t, &b, false, testRecords()[:3])
	b.WriteString("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort")
	name := filepath.Join(t.TempDir(), "cut.warc")
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runAll(t, newFetcher(t, testConfig()), name)
	if diff := cmp.Diff([]string{"https://tidewater.example/a"}, res.docs()); diff != "" {
		t.Errorf("records before the damage (-want +got):\n%s", diff)
	}
	if it := res.byLoc()[name]; !errors.Is(it.Err, ErrBadWARC) {
		t.Errorf("damage reported as %v", it.Err)
	}
}

// A record whose Content-Length is too small, or whose header is
// mangled, costs that record only: the reader finds the next "WARC/1."
// line and the records after it are read; the damage is named.
func TestWARCResynchronises(t *testing.T) {
	recs := testRecords()
	for _, tc := range []struct {
		name   string
		damage string
	}{
		{"length too small", "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://tidewater.example/cut\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The rest of this page lies beyond its stated length.</p></body></html>\r\n\r\n"},
		{"mangled header", "WARC/1.1\r\nWARC-Type response\r\n\r\nbody\r\n\r\n"},
		{"garbage between records", "\x00\x01binary junk\n" + strings.Repeat("z", warcMaxLine*2) + "\nmore junk\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			writeWARC(t, &b, false, recs[:1])
			b.WriteString(tc.damage)
			writeWARC(t, &b, false, recs[1:])
			r := newWARCReader(bytes.NewReader(b.Bytes()))
			var types []string
			for {
				rec, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
				if !strings.HasSuffix(rec.TargetURI(), "/cut") {
					types = append(types, rec.Type())
				}
			}
			var want []string
			for _, rec := range recs {
				want = append(want, rec.typ)
			}
			if diff := cmp.Diff(want, types); diff != "" {
				t.Errorf("records read (-want +got):\n%s", diff)
			}
			if !errors.Is(r.DamageError(), ErrBadWARC) {
				t.Errorf("damage = %v, want it named", r.DamageError())
			}
		})
	}
}

func TestWARCReaderErrors(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"not warc", "GET / HTTP/1.1\r\n\r\n"},
		{"no length", "WARC/1.0\r\nWARC-Type: response\r\n\r\n"},
		{"bad length", "WARC/1.0\r\nContent-Length: -4\r\n\r\n"},
		{"no colon", "WARC/1.0\r\nContent-Length 4\r\n\r\nabcd"},
		{"cut header", "WARC/1.0\r\nContent-Length: 4\r\n"},
		{"long line", "WARC/1.0\r\nX: " + strings.Repeat("a", warcMaxLine+10) + "\r\n\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newWARCReader(strings.NewReader(tc.in))
			_, err := r.Next()
			if err == io.EOF {
				err = r.DamageError() // skipped to the end: damage named
			}
			if !errors.Is(err, ErrBadWARC) {
				t.Errorf("err = %v, want ErrBadWARC", err)
			}
		})
	}
	r := newWARCReader(strings.NewReader("\r\n"))
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("empty stream: %v, want io.EOF", err)
	}
}

func TestWARCHeaderFolding(t *testing.T) {
	in := "WARC/1.0\r\nWARC-Type: Response\r\nX-Note: first\r\n  second\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"
	r := newWARCReader(strings.NewReader(in))
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	block, _ := io.ReadAll(rec.Block)
	got := map[string]string{"type": rec.Type(), "note": rec.Header["x-note"], "block": string(block), "version": rec.Version}
	want := map[string]string{"type": "response", "note": "first second", "block": "abc", "version": "WARC/1.0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("after last record: %v", err)
	}
}
