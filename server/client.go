package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/claimdex/claimdex/extract"
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
	var rec addrRecord
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
	err = c.getJSON(hctx, "/healthz", nil, &h)
	var ae *apiError
	switch {
	case errors.As(err, &ae) && ae.Code == codeUnauthorized:
		if rec.Token {
			return nil, ErrNeedsToken
		}
		return nil, nil
	case errors.As(err, &ae) && ae.Code == codeShuttingDown:
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

func (c *Client) newRequest(ctx context.Context, method, path string, q url.Values, body io.Reader) (*http.Request, error) {
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

// do sends req and returns the response when its status is 2xx; an
// error answer becomes an *apiError.
func (c *Client) do(req *http.Request) (*http.Response, error) {
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

func (c *Client) getJSON(ctx context.Context, path string, q url.Values, v any) error {
	req, err := c.newRequest(ctx, "GET", path, q, nil)
	if err != nil {
		return err
	}
	resp, err := c.do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("server %s: read answer: %w", c.base, err)
	}
	return nil
}

// BadRequest reports whether err is the server refusing a request (a
// usage error, for the CLI), and its message.
func BadRequest(err error) (string, bool) {
	var ae *apiError
	if errors.As(err, &ae) && ae.Status == http.StatusBadRequest {
		return ae.Message, true
	}
	return "", false
}

// Search runs a search on the server.
func (c *Client) Search(ctx context.Context, q url.Values) (*SearchResult, error) {
	var res SearchResult
	if err := c.getJSON(ctx, "/api/search", q, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// Export streams the export's lines (JSON Lines) to fn.
func (c *Client) Export(ctx context.Context, q url.Values, fn func(line []byte) error) error {
	req, err := c.newRequest(ctx, "GET", "/api/export", q, nil)
	if err != nil {
		return err
	}
	resp, err := c.do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("server %s: export: %w", c.base, err)
		}
		if bytes.HasPrefix(raw, []byte(`{"error"`)) {
			var eb ErrorBody
			if json.Unmarshal(raw, &eb) == nil && eb.Error.Code != "" {
				return fmt.Errorf("server %s: export: %s", c.base, eb.Error.Message)
			}
		}
		if err := fn(raw); err != nil {
			return err
		}
	}
}

// Conflicts reads every conflict group of kind, page by page.
func (c *Client) Conflicts(ctx context.Context, kind string) (*Conflicts, error) {
	all := &Conflicts{Groups: []Group{}, Claims: map[string]extract.Claim{}}
	for offset := 0; ; offset += MaxLimit {
		q := url.Values{"limit": {fmt.Sprint(MaxLimit)}, "offset": {fmt.Sprint(offset)}}
		if kind != "" {
			q.Set("kind", kind)
		}
		var page Conflicts
		if err := c.getJSON(ctx, "/api/conflicts", q, &page); err != nil {
			return nil, err
		}
		all.Total = page.Total
		all.Groups = append(all.Groups, page.Groups...)
		for id, cl := range page.Claims {
			all.Claims[id] = cl
		}
		if len(page.Groups) < MaxLimit {
			return all, nil
		}
	}
}

// Upload is a local document the CLI sends to the server.
type Upload struct {
	Location string // as typed
	Identity string // the absolute path
	Open     func() (io.ReadCloser, error)
}

// Submit queues an ingest job: URLs, and local documents streamed as a
// multipart body (nothing is held in memory whole).
func (c *Client) Submit(ctx context.Context, req IngestRequest, files []Upload) (*Job, error) {
	req.Origin = originCLI
	var body io.Reader
	var ctype string
	if len(files) == 0 {
		raw, err := json.Marshal(req)
		if err != nil {
			return nil, err
		}
		body, ctype = bytes.NewReader(raw), "application/json"
	} else {
		for _, f := range files {
			req.Files = append(req.Files, UploadName{Location: f.Location, Identity: f.Identity})
		}
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() { pw.CloseWithError(writeUploads(mw, req, files)) }()
		body, ctype = pr, mw.FormDataContentType()
	}
	hreq, err := c.newRequest(ctx, "POST", "/api/ingest", nil, body)
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("Content-Type", ctype)
	resp, err := c.do(hreq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var j Job
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil {
		return nil, fmt.Errorf("server %s: read job: %w", c.base, err)
	}
	return &j, nil
}

func writeUploads(mw *multipart.Writer, req IngestRequest, files []Upload) error {
	part, err := mw.CreateFormField("request")
	if err != nil {
		return err
	}
	if err := json.NewEncoder(part).Encode(req); err != nil {
		return err
	}
	for _, f := range files {
		part, err := mw.CreateFormFile("file", filepath.Base(f.Location))
		if err != nil {
			return err
		}
		r, err := f.Open()
		if err != nil {
			return fmt.Errorf("upload %s: %w", f.Location, err)
		}
		_, err = io.Copy(part, r)
		r.Close()
		if err != nil {
			return fmt.Errorf("upload %s: %w", f.Location, err)
		}
	}
	return mw.Close()
}

// Job reads a job's state.
func (c *Client) Job(ctx context.Context, id string) (*Job, error) {
	var j Job
	if err := c.getJSON(ctx, "/api/jobs/"+url.PathEscape(id), nil, &j); err != nil {
		return nil, err
	}
	return &j, nil
}
