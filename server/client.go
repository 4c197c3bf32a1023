package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/url"
	"path/filepath"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/extract"
)

// Client is api.Client with the routes whose types are the server's:
// export, conflicts and ingest jobs.
type Client struct {
	*api.Client
}

// Find returns a client for the server running on the index at dir, or
// nil when none runs (api.Find).
func Find(ctx context.Context, dir, token string) (*Client, error) {
	c, err := api.Find(ctx, dir, token)
	if c == nil || err != nil {
		return nil, err
	}
	return &Client{c}, nil
}

// Export streams the export's lines (JSON Lines) to fn.
func (c *Client) Export(ctx context.Context, q url.Values, fn func(line []byte) error) error {
	req, err := c.NewRequest(ctx, "GET", "/api/export", q, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
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
			return fmt.Errorf("server %s: export: %w", c.Addr(), err)
		}
		if bytes.HasPrefix(raw, []byte(`{"error"`)) {
			var eb api.ErrorBody
			if json.Unmarshal(raw, &eb) == nil && eb.Error.Code != "" {
				return fmt.Errorf("server %s: export: %s", c.Addr(), eb.Error.Message)
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
		if err := c.Get(ctx, "/api/conflicts", q, &page); err != nil {
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
	hreq, err := c.NewRequest(ctx, "POST", "/api/ingest", nil, body)
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("Content-Type", ctype)
	resp, err := c.Do(hreq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var j Job
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil {
		return nil, fmt.Errorf("server %s: read job: %w", c.Addr(), err)
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
	if err := c.Get(ctx, "/api/jobs/"+url.PathEscape(id), nil, &j); err != nil {
		return nil, err
	}
	return &j, nil
}
