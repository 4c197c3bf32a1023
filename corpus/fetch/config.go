package fetch

import (
	"log/slog"
	"net/http"
	"time"
)

// DefaultUserAgent names the tool and where to read about it, so that site
// operators who see it in their logs know who is calling and why.
const DefaultUserAgent = "claimdex/0.1 (+https://github.com/claimdex/claimdex)"

// Config tunes a Fetcher. The zero value of a field means its default
// (see DefaultConfig); MinDelay, Retries and the filters have no way to say
// "default" apart from zero, so zero there means what it says.
type Config struct {
	// UserAgent is sent with every request and matched against robots.txt
	// groups (by its product token, "claimdex").
	UserAgent string
	// PerHost caps concurrent requests to one host; Global caps them all.
	PerHost int
	Global  int
	// MinDelay is the least time between two request starts on one host.
	// A robots.txt Crawl-delay larger than MinDelay wins, up to MaxDelay.
	MinDelay time.Duration
	MaxDelay time.Duration
	// ConnectTimeout bounds dialling and the TLS handshake; Timeout bounds
	// one whole attempt, body included.
	ConnectTimeout time.Duration
	Timeout        time.Duration
	// URLTimeout bounds everything spent on one URL: its attempts and the
	// waits between them. 0 means twice Timeout, so a server that times
	// out costs at most that, not Timeout for each of Retries+1 attempts.
	URLTimeout time.Duration
	// MaxBytes is the largest body accepted (after transfer decoding).
	// Larger pages fail with ErrTooLarge without being read into memory.
	MaxBytes int64
	// MaxListingBytes is the largest feed, sitemap or sitemap index
	// accepted, on the wire and again after gzip decompression (a .xml.gz
	// that inflates past it fails with ErrTooLarge). Listings are parsed as
	// they stream in, so this cap is not memory: the sitemap protocol
	// allows 50 MB uncompressed. Never below MaxBytes.
	MaxListingBytes int64
	// Retries is how many times a failed attempt (5xx, 429, reset,
	// timeout) is retried, with exponential backoff from BackoffBase to
	// BackoffMax and full jitter. A Retry-After above MaxRetryAfter makes the
	// request fail rather than wait.
	Retries       int
	BackoffBase   time.Duration
	BackoffMax    time.Duration
	MaxRetryAfter time.Duration
	// MaxRedirects caps the redirects followed per request; loops fail
	// earlier, as soon as a URL repeats.
	MaxRedirects int
	// RespectRobots makes the fetcher obey robots.txt. It is on in
	// DefaultConfig; a zero Config turns it off, so build from DefaultConfig.
	RespectRobots bool
	// AcceptPlainText also delivers text/plain pages as documents. By
	// default only HTML-like content (text/html, application/xhtml+xml, or a
	// body that sniffs as HTML) is.
	AcceptPlainText bool
	// Since skips feed and sitemap entries dated before it (publication
	// date, else last modification). Entries without a date are kept.
	Since time.Time
	// Hosts, when not empty, keeps only discovered URLs (feed items, sitemap
	// entries, WARC records) whose host matches one of these path.Match
	// glob patterns, compared in lower case ("*.example.com" does not match
	// "example.com": list both). URLs the user gave directly are not filtered.
	Hosts []string
	// Lang, when not empty, keeps only feed and sitemap entries whose
	// declared language matches one of these tags ("en" matches "en-GB").
	// Entries with no declared language are kept.
	Lang []string
	// StatePath is the resume and conditional-GET state file (bbolt). Empty
	// means no state: every run starts fresh. Keep it beside the index:
	// the state says what the index already holds.
	StatePath string
	// RefusePrivate refuses to connect to loopback, private, link-local
	// and other non-public addresses, checked on the address dialled
	// (after DNS resolution) for every request and redirect: for inputs
	// from people who may not reach the machine's network. Such a URL
	// fails with ErrPrivateAddress. It disables proxies from the
	// environment, and needs the client built here (not HTTPClient).
	RefusePrivate bool
	// HTTPClient is used when set (tests); its Transport is kept, its
	// CheckRedirect replaced by ours. Otherwise a client is built from the
	// timeouts above.
	HTTPClient *http.Client
	// Logger gets retries, robots decisions and state problems at Debug and
	// Warn level. Nil means silence.
	Logger *slog.Logger
}

// DefaultConfig returns the polite defaults the command line starts from.
func DefaultConfig() Config {
	return Config{
		UserAgent:       DefaultUserAgent,
		PerHost:         2,
		Global:          16,
		MinDelay:        500 * time.Millisecond,
		MaxDelay:        time.Minute,
		ConnectTimeout:  10 * time.Second,
		Timeout:         30 * time.Second,
		MaxBytes:        10 << 20,
		MaxListingBytes: 100 << 20,
		Retries:         3,
		BackoffBase:     500 * time.Millisecond,
		BackoffMax:      30 * time.Second,
		MaxRetryAfter:   2 * time.Minute,
		MaxRedirects:    5,
		RespectRobots:   true,
	}
}

// withDefaults fills the fields whose zero value cannot be meant.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.UserAgent == "" {
		c.UserAgent = d.UserAgent
	}
	positive(&c.PerHost, d.PerHost)
	positive(&c.Global, d.Global)
	if c.MinDelay < 0 {
		c.MinDelay = 0
	}
	positive(&c.MaxDelay, d.MaxDelay)
	positive(&c.ConnectTimeout, d.ConnectTimeout)
	positive(&c.Timeout, d.Timeout)
	if c.URLTimeout <= 0 {
		c.URLTimeout = 2 * c.Timeout
	}
	positive(&c.MaxBytes, d.MaxBytes)
	positive(&c.MaxListingBytes, d.MaxListingBytes)
	c.MaxListingBytes = max(c.MaxListingBytes, c.MaxBytes)
	if c.Retries < 0 {
		c.Retries = 0
	}
	positive(&c.BackoffBase, d.BackoffBase)
	positive(&c.BackoffMax, d.BackoffMax)
	positive(&c.MaxRetryAfter, d.MaxRetryAfter)
	positive(&c.MaxRedirects, d.MaxRedirects)
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// positive sets *v to def unless it is already above zero.
func positive[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}
