package fetch

import (
	"strings"
	"time"
)

// Item is one result of a run: a page to clean and index, a page that has
// not changed, or a named failure.
type Item struct {
	// Location is the canonical URL of the page (after redirects), or the
	// WARC-Target-URI of a WARC record. It is the key Done takes.
	Location string
	// Data is the body as sent, undecoded: the charset is in ContentType.
	Data []byte
	// ContentType is the HTTP Content-Type (with its charset parameter) as
	// the server or the WARC record gave it; when missing or generic it is
	// the sniffed media type without a charset, so the cleaner looks for a
	// <meta charset>.
	ContentType string
	// Published is the date hint from the feed item or the sitemap entry
	// (news:publication_date) that led to the page; zero when none.
	Published time.Time
	// NotModified says there is nothing to do: the server answered 304,
	// the body hashes as the one already delivered, or an interrupted
	// run already delivered it. Data is nil.
	NotModified bool
	// Err, when not nil, is why this URL yielded no page: it wraps one of
	// the package's sentinel errors (ErrStatus, ErrTooLarge, ErrRobots,
	// ErrNotHTML, ErrTimeout, ErrRedirect, ...) or a network error.
	// Location names the URL (or the input, for an unreadable list or WARC
	// file), so Err does not repeat it.
	Err error
}

// IsRemote reports whether the fetcher, rather than the local file reader,
// handles an input: an http(s) URL, an @FILE list of URLs ("@-" reads the
// list from standard input), or a .warc / .warc.gz file.
func IsRemote(input string) bool {
	l := strings.ToLower(strings.TrimSpace(input))
	switch {
	case strings.HasPrefix(l, "http://"), strings.HasPrefix(l, "https://"):
		return true
	case strings.HasPrefix(l, "@") && len(l) > 1:
		return true
	}
	return isWARCName(l)
}

// isWARCName reports whether a path names a WARC file by its extension.
func isWARCName(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, ".warc") || strings.HasSuffix(l, ".warc.gz")
}
