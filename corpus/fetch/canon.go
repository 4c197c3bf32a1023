package fetch

import (
	"fmt"
	"net/url"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// never the page: two URLs that differ only by them are the same article.
// "ref" is on the list because news sites use it only for referral
// tracking ("?ref=homepage"), never to select content.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true,
	"gbraid": true, "wbraid": true, "msclkid": true, "yclid": true,
	"twclid": true, "igshid": true, "mc_cid": true, "mc_eid": true,
	"_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true,
	"mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true,
	"vero_id": true, "ref": true, "ref_src": true, "ref_url": true,
	"cmpid": true, "ocid": true, "smid": true,
}

// trackingPrefixes are families of tracking parameters.
var trackingPrefixes = []string{"utm_", "pk_", "piwik_", "__twitter_"}

// Canonical returns the form of an http(s) URL under which it is fetched,
// deduplicated and remembered: scheme and host in lower case, default port
// and fragment dropped, an empty path made "/", dot segments resolved, and
// tracking parameters removed from the query (the other parameters keep
// their order and encoding, since some sites depend on both).
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrUnsupported, err)
	}
	return canonicalURL(u)
}

func canonicalURL(u *url.URL) (string, error) {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	if c.Scheme != "http" && c.Scheme != "https" {
		return "", fmt.Errorf("%w: scheme %q in %q", ErrUnsupported, u.Scheme, u.Redacted())
	}
	host := strings.ToLower(c.Hostname())
	host = strings.TrimRight(host, ".")
	if host == "" {
		return "", fmt.Errorf("%w: no host in %q", ErrUnsupported, u.Redacted())
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if p := c.Port(); p != "" && !(c.Scheme == "http" && p == "80") && !(c.Scheme == "https" && p == "443") {
		host += ":" + p
	}
	c.Host = host
	c.Fragment, c.RawFragment = "", ""
	c.Opaque = ""
	if c.Path == "" {
		c.Path, c.RawPath = "/", ""
	} else if strings.Contains(c.Path, "/.") {
		// ResolveReference removes "." and ".." segments.
		c = *c.ResolveReference(&url.URL{Path: c.Path, RawPath: c.RawPath, RawQuery: c.RawQuery})
		c.Fragment, c.RawFragment = "", ""
	}
	c.RawQuery = stripTracking(c.RawQuery)
	c.ForceQuery = false
	return c.String(), nil
}

// stripTracking drops tracking parameters from a raw query, keeping the
// rest byte for byte and in order.
func stripTracking(q string) string {
	if q == "" {
		return ""
	}
	parts := strings.Split(q, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		k, _, _ := strings.Cut(p, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if isTracking(strings.ToLower(k)) {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&")
}

func isTracking(key string) bool {
	if trackingParams[key] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}
