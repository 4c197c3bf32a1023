package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// response is a fetched URL: a page read in full (within MaxBytes), or a
// feed or sitemap already parsed from the stream into links.
type response struct {
	status int
	header http.Header
	final  string // URL after redirects
	kind   kind   // what the body is (not set for robots.txt)
	ct     string // content type to pass on (see detect)
	body   []byte // a page's body
	links  []link // a listing's entries
	n      int64  // body bytes read from the connection
}

// robotsCtxKey marks a robots.txt request, whose redirects are not checked
// against robots.txt.
type robotsCtxKey struct{}

// newClient builds the HTTP client: connect and TLS timeouts on the
// transport, our redirect policy on the client. The total per-attempt
// timeout is a context deadline set by get.
func (f *Fetcher) newClient() *http.Client {
	var c http.Client
	if f.cfg.HTTPClient != nil {
		c = *f.cfg.HTTPClient
	} else {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		d := &net.Dialer{Timeout: f.cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
		if f.cfg.RefusePrivate {
			d.Control = refusePrivate
			// A proxy would be the address dialled, and the page's own
			// address never checked.
			tr.Proxy = nil
		}
		tr.DialContext = d.DialContext
		tr.TLSHandshakeTimeout = f.cfg.ConnectTimeout
		tr.MaxIdleConnsPerHost = f.cfg.PerHost + 2
		tr.MaxIdleConns = f.cfg.Global * 4
		c.Transport = tr
	}
	c.Timeout = 0
	c.CheckRedirect = f.checkRedirect
	return &c
}

// checkRedirect caps redirects, detects loops as soon as a URL repeats, and
// applies robots.txt to the target.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.cfg.MaxRedirects {
		return fmt.Errorf("%w: more than %d redirects", ErrRedirect, f.cfg.MaxRedirects)
	}
	target, err := canonicalURL(req.URL)
	if err != nil {
		return err
	}
	for _, v := range via {
		if c, err := canonicalURL(v.URL); err == nil && c == target {
			return fmt.Errorf("%w: loop back to %s", ErrRedirect, target)
		}
	}
	// The host filter holds for every hop, as it does for listing entries:
	// a redirect cannot lead a filtered crawl off its hosts.
	if req.Context().Value(robotsCtxKey{}) == nil && !f.hostAllowed(req.URL) {
		return fmt.Errorf("redirect to %s: %w", target, ErrHostFiltered)
	}
	if req.Context().Value(robotsCtxKey{}) == nil && f.cfg.RespectRobots {
		if !f.allowed(req.Context(), f.host(req.URL), req.URL) {
			return fmt.Errorf("redirect to %s: %w", target, ErrRobots)
		}
	}
	return nil
}

// get fetches u politely: it waits for the host's next slot and a global
// slot, sends conditional headers from prev, retries what is worth
// retrying, and reads the body within lim (see readBody). A 304 answer comes back
// as a response with status 304 and no error.
func (f *Fetcher) get(ctx context.Context, h *host, u string, prev *record, lim bodyLimits) (*response, error) {
	var lastErr error
	var deadline time.Time // of the URL, from its first attempt
	for attempt := 0; ; attempt++ {
		if err := h.wait(ctx); err != nil {
			return nil, err
		}
		if deadline.IsZero() {
			deadline = time.Now().Add(f.cfg.URLTimeout)
		}
		resp, retryAfter, err := f.attempt(ctx, u, prev, lim, deadline)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		lastErr = err
		if !retryable(err) || attempt >= f.cfg.Retries {
			if attempt > 0 {
				return nil, fmt.Errorf("%w (after %d attempts)", lastErr, attempt+1)
			}
			return nil, lastErr
		}
		d := f.backoff(attempt)
		if retryAfter > 0 {
			if retryAfter > f.cfg.MaxRetryAfter {
				return nil, fmt.Errorf("%w: Retry-After %s: %w", ErrRetryAfter, retryAfter, lastErr)
			}
			d = max(d, retryAfter)
			h.pause(retryAfter) // the whole host, not just this URL
		}
		if time.Until(deadline) <= d {
			return nil, fmt.Errorf("%w: gave up after %d attempts within %s: %w", ErrTimeout, attempt+1, f.cfg.URLTimeout, lastErr)
		}
		f.cfg.Logger.Debug("fetch retry", "url", u, "attempt", attempt+1, "in", d, "err", err)
		if err := sleep(ctx, d); err != nil {
			return nil, err
		}
	}
}

// attempt makes one request. It returns how long the server asked us to
// wait (Retry-After) along with a retryable error.
func (f *Fetcher) attempt(ctx context.Context, u string, prev *record, lim bodyLimits, deadline time.Time) (*response, time.Duration, error) {
	// robots.txt requests skip the global limit: one may be made from
	// inside a redirect check while its page holds a global slot.
	if ctx.Value(robotsCtxKey{}) == nil {
		if err := f.global.Acquire(ctx, 1); err != nil {
			return nil, 0, err
		}
		defer f.global.Release(1)
	}
	actx, cancel := context.WithTimeout(ctx, min(f.cfg.Timeout, time.Until(deadline)))
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %w", ErrUnsupported, err)
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/feed+json;q=0.9,*/*;q=0.5")
	if prev != nil {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, 0, f.transportError(ctx, actx, err)
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, header: resp.Header, final: resp.Request.URL.String()}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, 0, nil
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
	default:
		var wait time.Duration
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			wait = retryAfter(resp.Header.Get("Retry-After"), time.Now())
		}
		// A little of the body lets the connection be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, wait, &StatusError{Code: resp.StatusCode}
	}
	if err := readBody(resp, lim, r); err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrBadListing) {
			return nil, 0, err
		}
		err = f.transportError(ctx, actx, err)
		if errors.Is(err, ErrTimeout) && r.n > 0 && float64(r.n) < slowBodyRate*f.cfg.Timeout.Seconds() {
			// The server answers, but at a trickle: asking it again
			// would cost another Timeout for the same result.
			return nil, 0, fmt.Errorf("%w after %d bytes", errSlowBody{err}, r.n)
		}
		return nil, 0, err
	}
	return r, 0, nil
}

// transportError names a failed request: a timeout of this attempt becomes
// ErrTimeout (retryable), cancellation of the run stays itself.
func (f *Fetcher) transportError(ctx, actx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ne net.Error
	if errors.Is(actx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	return err
}

// retryable says whether another attempt may succeed: server errors,
// throttling, timeouts and dropped connections; not client errors, size,
// robots or redirect problems.
func retryable(err error) bool {
	if errors.As(err, new(errSlowBody)) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == http.StatusTooManyRequests || se.Code == http.StatusRequestTimeout
	}
	for _, final := range []error{ErrTooLarge, ErrBadListing, ErrRobots, ErrRedirect, ErrUnsupported, ErrPrivateAddress, context.Canceled} {
		if errors.Is(err, final) {
			return false
		}
	}
	return true // timeouts, resets, EOFs, refused connections
}

// slowBodyRate is the average rate, in bytes a second, below which a body
// that did not arrive within Timeout is not asked for again. A body cut
// off at a faster rate (a large listing, a loaded machine) is retried.
const slowBodyRate = 1024

// errSlowBody is a timeout while a body trickled in: not retried.
type errSlowBody struct{ err error }

func (e errSlowBody) Error() string { return e.err.Error() + " (body too slow; not retried)" }
func (e errSlowBody) Unwrap() error { return e.err }

// backoff is the wait before retry attempt+1: exponential from BackoffBase,
// capped at BackoffMax, with jitter over its upper half so that workers
// that failed together do not retry together.
func (f *Fetcher) backoff(attempt int) time.Duration {
	d := f.cfg.BackoffBase << min(attempt, 20)
	if d <= 0 || d > f.cfg.BackoffMax {
		d = f.cfg.BackoffMax
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter parses a Retry-After header, in seconds or as an HTTP date;
// zero when absent or unparsable.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		return time.Duration(min(n, 1<<31)) * time.Second // no overflow
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
