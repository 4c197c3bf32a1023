package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// Client talks to a running server on behalf of the CLI.
type Client struct {
	base  string
	token string
	hc    *http.Client
}

// ErrNeedsToken: the server for the index requires a token and none was
// given (or the one given is wrong).
var ErrNeedsToken = errors.New("the server for this index requires a token (set CLAIMDEX_TOKEN)")

// Find returns a client for the server running on the index at dir, or
// nil when none runs: no address file, or one left by a server that no
// longer answers for this index.
func Find(ctx context.Context, dir, token string) (*Client, error) {
	raw, err := os.ReadFile(filepath.Join(dir, AddrFile))
	if err != nil {
		return nil, nil
	}
	var rec AddrRecord
	if json.Unmarshal(raw, &rec) != nil || rec.Addr == "" {
		return nil, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil
	}
	c := &Client{base: "http://" + rec.Addr, token: token, hc: &http.Client{}}
	hctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var h Health
	err = c.Get(hctx, "/healthz", nil, &h)
	var ae *Error
	switch {
	case errors.As(err, &ae) && ae.Code == CodeUnauthorized:
		if rec.Token {
			return nil, ErrNeedsToken
		}
		return nil, nil
	case errors.As(err, &ae) && ae.Code == CodeShuttingDown:
		return nil, fmt.Errorf("the server for %s is stopping; retry when it has", dir)
	case err != nil:
		return nil, nil // a dead server's file: work on the index directly
	}
	if !sameDir(h.Index, abs) {
		return nil, nil // another server now holds that address
	}
	return c, nil
}

// sameDir reports whether two paths name one directory, whatever links
// lead to it.
func sameDir(a, b string) bool {
	if a == b {
		return true
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// Addr is the server's base URL.
func (c *Client) Addr() string { return c.base }

// Search runs a search on the server.
func (c *Client) Search(ctx context.Context, r SearchRequest) (*SearchResult, error) {
	var res SearchResult
	if err := c.Get(ctx, "/api/search", r.Values(), &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// BadRequest reports whether err is the server refusing a request (a
// usage error, for the CLI), and its message.
func BadRequest(err error) (string, bool) {
	var ae *Error
	if errors.As(err, &ae) && ae.Status == http.StatusBadRequest {
		return ae.Message, true
	}
	return "", false
}

// The methods below are the client's means for the routes whose types
// belong to the server (ingest jobs, export, conflicts): package server
// builds its own client on them.

// NewRequest is a request to the server's path with the query q, carrying
// the token.
func (c *Client) NewRequest(ctx context.Context, method, path string, q url.Values, body io.Reader) (*http.Request, error) {
	u := c.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return req, nil
}

// Do sends req and returns the response when its status is 2xx; an
// error answer becomes an *Error.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("server %s: %w", c.base, err)
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	var eb ErrorBody
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&eb); err != nil || eb.Error.Code == "" {
		return nil, fmt.Errorf("server %s: %s", c.base, resp.Status)
	}
	eb.Error.Status = resp.StatusCode
	return nil, &eb.Error
}

// Get reads the JSON answer of GET path?q into v.
func (c *Client) Get(ctx context.Context, path string, q url.Values, v any) error {
	req, err := c.NewRequest(ctx, "GET", path, q, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("server %s: read answer: %w", c.base, err)
	}
	return nil
}
