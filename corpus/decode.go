package corpus

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// magicNumbers are the leading bytes of common binary formats that can land
// in a folder of articles: documents, archives, images, audio, executables.
var magicNumbers = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "ZIP archive"},
	{"\x1f\x8b", "gzip data"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"RIFF", "RIFF media"},
	{"OggS", "Ogg media"},
	{"ID3", "MP3 audio"},
	{"\x7fELF", "ELF executable"},
	{"BZh91AY&SY", "bzip2 data"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"\xfd7zXZ\x00", "xz data"},
	{"\x28\xb5\x2f\xfd", "zstd data"},
	{"\x00asm", "WebAssembly"},
	{"SQLite format 3\x00", "SQLite database"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document"},
	{"{\\rtf", "RTF document"},
	{"wOFF", "font"},
	{"wOF2", "font"},
}

// sniffLen is how much of an input the binary test reads, like git and
// net/http do: enough to see a NUL or a run of control bytes.
const sniffLen = 8 << 10

// binaryReason says why data is not text, or returns "" for text: a known
// magic number, a NUL byte, or more than 10% control bytes in the first
// sniffLen bytes.
func binaryReason(data []byte) string {
	for _, m := range magicNumbers {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.name
		}
	}
	head := data[:min(len(data), sniffLen)]
	if bytes.IndexByte(head, 0) >= 0 {
		return "NUL byte"
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	if ctl*10 > len(head) {
		return "control bytes"
	}
	return ""
}

// decodeBOM transcodes UTF-16 input marked by a byte order mark to UTF-8
// and drops a UTF-8 byte order mark.
func decodeBOM(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return data
		}
		return out
	}
	return data
}

// toUTF8 returns data as valid UTF-8. Valid UTF-8 is kept whatever a
// Content-Type says (servers often mislabel it). Otherwise a declared
// charset is used; failing that, input that looks like Western legacy text
// is decoded as windows-1252 (a superset of ISO-8859-1 that browsers
// substitute for it); anything else keeps its valid sequences and gets
// U+FFFD for each invalid byte.
func toUTF8(data []byte, contentType string) string {
	if utf8.Valid(data) {
		return string(data)
	}
	if enc := declaredEncoding(contentType); enc != nil {
		if out, err := enc.NewDecoder().Bytes(data); err == nil && utf8.Valid(out) {
			return string(out)
		}
	}
	if looksWindows1252(data) {
		if out, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// maxInvalidShare is the share of undecodable bytes above which text is
// refused rather than repaired: a few stray bytes are damage, a page made
// mostly of them is not text in any encoding we can read. A third leaves
// room for short snippets in an undeclared legacy multi-byte encoding,
// which are repaired (U+FFFD), not refused.
const maxInvalidShare = 1.0 / 3

// checkDecodable refuses data whose bytes are mostly not valid UTF-8 and
// that no charset rescued (see toUTF8). It returns nil for valid UTF-8 and
// for text with only scattered damage.
func checkDecodable(data []byte, contentType string) error {
	if utf8.Valid(data) || declaredEncoding(contentType) != nil || looksWindows1252(data) {
		return nil
	}
	invalid := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		}
		i += size
	}
	if float64(invalid) > maxInvalidShare*float64(len(data)) {
		return fmt.Errorf("%w: %d of %d bytes are not valid UTF-8 nor a known charset", ErrEncoding, invalid, len(data))
	}
	return nil
}

// declaredEncoding returns the encoding named by a Content-Type charset
// parameter, or nil.
func declaredEncoding(contentType string) encoding.Encoding {
	if contentType == "" {
		return nil
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return nil
	}
	enc, err := htmlindex.Get(params["charset"])
	if err != nil || enc == encoding.Nop {
		return nil
	}
	return enc
}

// looksWindows1252 reports invalid UTF-8 whose high bytes behave like a
// Western single-byte encoding: few valid multi-byte sequences, high bytes
// mostly isolated between ASCII (accented letters, curly quotes), and
// nearly all of them letters or typographic punctuation in windows-1252.
// Multi-byte legacy encodings (Shift-JIS, GBK) fail the isolation test.
func looksWindows1252(data []byte) bool {
	valid, invalid, runs := 0, 0, 0
	prevHigh := false
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			prevHigh = false
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || size > 1 {
			valid++
			prevHigh = false
			i += size
			continue
		}
		invalid++
		if prevHigh {
			runs++
		}
		if !isWindows1252Text(c) {
			return false
		}
		prevHigh = true
		i++
	}
	return invalid > 0 && valid <= invalid && runs*3 <= invalid
}

// isWindows1252Text reports high bytes that windows-1252 maps to letters
// or typographic punctuation that occur in running text.
func isWindows1252Text(c byte) bool {
	switch c {
	case 0x81, 0x8d, 0x8f, 0x90, 0x9d: // undefined in windows-1252
		return false
	}
	return c >= 0x80
}
