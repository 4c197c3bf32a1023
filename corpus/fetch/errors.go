package fetch

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/claimdex/claimdex/corpus"
)

// Sentinel errors carried, wrapped with the URL, by Item.Err. Check them
// with errors.Is; each names a reason the run summary can print.
var (
	// ErrStatus: the server answered with a non-2xx status (see StatusError).
	ErrStatus = errors.New("HTTP error status")
	// ErrTooLarge: the body is larger than Config.MaxBytes. It is the
	// corpus sentinel, so the pipeline reports both kinds alike.
	ErrTooLarge = corpus.ErrTooLarge
	// ErrRobots: robots.txt disallows the URL for our user agent.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrNotHTML: the content is neither an HTML page nor a feed or sitemap.
	// It wraps corpus.ErrNotText.
	ErrNotHTML = fmt.Errorf("not an HTML page: %w", corpus.ErrNotText)
	// ErrTimeout: the connection or the whole attempt took too long, on
	// every try.
	ErrTimeout = errors.New("timed out")
	// ErrRedirect: too many redirects, or a redirect loop.
	ErrRedirect = errors.New("redirect loop or too many redirects")
	// ErrHostFiltered: a redirect leads to a host outside Config.Hosts.
	ErrHostFiltered = errors.New("host outside the --host filter")
	// ErrRetryAfter: the server asked us to wait longer than
	// Config.MaxRetryAfter.
	ErrRetryAfter = errors.New("server asked to retry later than allowed")
	// ErrUnsupported: an input that is neither an http(s) URL, an @FILE
	// list nor a WARC file, or a URL scheme other than http(s).
	ErrUnsupported = errors.New("unsupported input")
	// ErrBadWARC: a WARC file that is not well-formed; records read before
	// the damage are still delivered.
	ErrBadWARC = errors.New("malformed WARC")
)

// StatusError is a non-2xx answer. errors.Is(err, ErrStatus) holds.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
}

// Is makes every StatusError match ErrStatus.
func (e *StatusError) Is(target error) bool { return target == ErrStatus }
