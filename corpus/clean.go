package corpus

import (
	"context"
	"io"
	"time"
)

// DefaultMaxBytes is the largest input Clean accepts by default.
const DefaultMaxBytes = 10 << 20

// Options steer Clean. The zero value is usable.
type Options struct {
	// Source names the publisher when the document's metadata does not.
	Source string
	// Published is used when the document gives no publication date.
	Published time.Time
	// ContentType is the HTTP Content-Type, when known (charset hint).
	ContentType string
	// MaxBytes caps the input size; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Clean turns one raw input into a Document. The format (HTML, Markdown,
// plain text) is taken from loc's extension and sniffed from the content.
// Errors wrap a sentinel error and name loc.
func Clean(loc string, data []byte, opt Options) (*Document, error) {
	panic("TODO corpus helper")
}

// Walk calls fn for each input below locations: a file is passed as is, a
// directory is walked recursively (hidden files and directories skipped) in
// lexical order, "-" (standard input) is passed as is. A location that cannot
// be read is passed to fn with a non-nil error, and Walk goes on. Walk stops
// when fn returns an error or ctx is done, and returns that error.
func Walk(ctx context.Context, locations []string, fn func(loc string, err error) error) error {
	panic("TODO corpus helper")
}

// Read returns the bytes of one input: a file path, or "-" for stdin.
// It refuses inputs larger than limit bytes (ErrTooLarge) without reading
// them whole.
func Read(loc string, stdin io.Reader, limit int64) ([]byte, error) {
	panic("TODO corpus helper")
}
