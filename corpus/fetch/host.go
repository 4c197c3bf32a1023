package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsMaxBytes bounds robots.txt; Google reads 500 KiB of it.
const robotsMaxBytes = 500 << 10

// host is the politeness state of one origin (scheme, host and port): its
// next free request slot, its delay, its robots.txt, and the queue of URLs
// its workers fetch. Hosts live for the Fetcher's lifetime, so robots.txt
// is read once per host and per Fetcher.
type host struct {
	origin string

	mu      sync.Mutex
	next    time.Time     // earliest start of the next request
	delay   time.Duration // least gap between request starts
	queue   []task
	workers int

	robotsOnce  sync.Mutex // held while robots.txt loads
	robotsReady bool
	robots      *robotstxt.RobotsData
}

// host returns the state of u's origin, creating it on first use.
func (f *Fetcher) host(u *url.URL) *host {
	origin := u.Scheme + "://" + u.Host
	f.hostsMu.Lock()
	defer f.hostsMu.Unlock()
	h, ok := f.hosts[origin]
	if !ok {
		h = &host{origin: origin, delay: f.cfg.MinDelay}
		f.hosts[origin] = h
	}
	return h
}

// wait reserves the host's next request slot and sleeps until it.
func (h *host) wait(ctx context.Context) error {
	return sleep(ctx, time.Until(h.reserve(time.Now())))
}

// reserve hands out the host's next request slot at or after now. Slots
// are handed out delay apart, so PerHost workers never start requests
// closer together than the host's delay.
func (h *host) reserve(now time.Time) time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	slot := h.next
	if slot.Before(now) {
		slot = now
	}
	h.next = slot.Add(h.delay)
	return slot
}

// pause keeps every worker of the host off it for d (Retry-After).
func (h *host) pause(d time.Duration) {
	h.mu.Lock()
	if t := time.Now().Add(d); t.After(h.next) {
		h.next = t
	}
	h.mu.Unlock()
}

// allowed reports whether robots.txt lets our user agent fetch u, loading
// the host's robots.txt on first use and adopting its Crawl-delay. A
// robots.txt that answers 4xx allows everything and one that answers 5xx
// (after retries) forbids everything, as Google does; one that cannot be
// reached at all allows everything, since the page fetch that follows
// will fail on its own if the host is really down.
func (f *Fetcher) allowed(ctx context.Context, h *host, u *url.URL) bool {
	if !f.cfg.RespectRobots {
		return true
	}
	h.robotsOnce.Lock()
	if !h.robotsReady {
		if ok := f.loadRobots(ctx, h); !ok {
			h.robotsOnce.Unlock()
			return true // cancelled: the caller notices ctx
		}
		h.robotsReady = true
	}
	h.robotsOnce.Unlock()
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return h.robots.TestAgent(path, f.cfg.UserAgent)
}

// loadRobots fetches and parses robots.txt; false when ctx ended first.
func (f *Fetcher) loadRobots(ctx context.Context, h *host) bool {
	rctx := context.WithValue(ctx, robotsCtxKey{}, true)
	resp, err := f.get(rctx, h, h.origin+"/robots.txt", nil, bodyLimits{page: robotsMaxBytes})
	if ctx.Err() != nil {
		return false
	}
	var rd *robotstxt.RobotsData
	var se *StatusError
	switch {
	case err == nil:
		rd, err = robotstxt.FromStatusAndBytes(resp.status, resp.body)
		if err != nil {
			rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
	case errors.As(err, &se):
		rd, err = robotstxt.FromStatusAndBytes(se.Code, nil)
		if err != nil {
			rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
	default:
		f.cfg.Logger.Warn("robots.txt unreachable; allowing", "host", h.origin, "err", err)
		rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	h.robots = rd
	if g := rd.FindGroup(f.cfg.UserAgent); g != nil && g.CrawlDelay > 0 {
		d := min(g.CrawlDelay, f.cfg.MaxDelay)
		h.mu.Lock()
		if d > h.delay {
			h.delay = d
		}
		h.mu.Unlock()
		f.cfg.Logger.Debug("robots.txt crawl-delay", "host", h.origin, "delay", d)
	}
	return true
}
