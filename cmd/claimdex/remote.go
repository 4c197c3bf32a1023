package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/pipeline"
	"github.com/claimdex/claimdex/server"
)

// errJobContinues: the command stopped following a job that goes on in
// the server.
var errJobContinues = errors.New("the job continues on the server")

// ingestServer submits inputs as a job to the server running for the
// index and follows it to its end. URLs are sent as they are; local files
// (directories walked here, as ingest would) are uploaded, keeping their
// location and identity.
func ingestServer(ctx context.Context, e *env, c *server.Client, inputs []string, req server.IngestRequest) (*pipeline.Report, error) {
	var uploads []server.Upload
	var local []pipeline.Failure
	// @FILE lists are expanded as ingest does: a list naming another
	// list is a failure, not a nested list.
	var flat []string
	for _, in := range inputs {
		name, isList := strings.CutPrefix(in, "@")
		if !isList {
			flat = append(flat, in)
			continue
		}
		list, err := pipeline.ReadList(name, e.stdin)
		if err != nil {
			local = append(local, pipeline.Failure{Location: in, Reason: err.Error()})
			continue
		}
		for _, l := range list {
			if strings.HasPrefix(l, "@") {
				local = append(local, pipeline.Failure{Location: l, Reason: "listed in " + in + ": lists do not nest"})
				continue
			}
			flat = append(flat, l)
		}
	}
	for _, in := range flat {
		switch {
		case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
			req.URLs = append(req.URLs, in)
		case in == "-":
			stdin := e.stdin
			uploads = append(uploads, server.Upload{Location: "-", Identity: "-", Open: func() (io.ReadCloser, error) {
				if stdin == nil {
					return nil, errors.New("no standard input")
				}
				return io.NopCloser(stdin), nil
			}})
		default:
			err := corpus.Walk(ctx, []string{in}, func(loc string, err error) error {
				if err != nil {
					local = append(local, pipeline.Failure{Location: loc, Reason: strings.TrimPrefix(err.Error(), loc+": ")})
					return nil
				}
				uploads = append(uploads, server.Upload{Location: loc, Identity: corpus.LocalIdentity(loc), Open: func() (io.ReadCloser, error) {
					return os.Open(loc)
				}})
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	if len(uploads) == 0 && len(req.URLs) == 0 {
		rep := &pipeline.Report{Read: len(local), Failures: local}
		return rep, nil
	}
	job, err := c.Submit(ctx, req, uploads)
	if msg, ok := api.BadRequest(err); ok {
		return nil, cli.Usagef("%s", msg)
	}
	if err != nil {
		return nil, fmt.Errorf("submit to the server at %s: %w", c.Addr(), err)
	}
	e.log.Debug("ingest job submitted to the server", "job", job.ID, "server", c.Addr())
	status := newStatus(e)
	defer status.clear()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%w: job %s (see %s/api/jobs/%s)", errJobContinues, job.ID, c.Addr(), job.ID)
		case <-tick.C:
		}
		j, err := c.Job(ctx, job.ID)
		if err != nil {
			if ctx.Err() != nil {
				continue
			}
			return nil, fmt.Errorf("follow job %s: %w", job.ID, err)
		}
		status.update(pipeline.Progress{Docs: j.Progress.Docs, Claims: j.Progress.Claims, Failed: j.Progress.Failed,
			Total: j.Progress.Total, Elapsed: time.Duration(j.Progress.Elapsed * float64(time.Second))})
		switch j.State {
		case "done":
			var rep pipeline.Report
			if err := rep.UnmarshalJSON(j.Report); err != nil {
				return nil, fmt.Errorf("job %s: read its report: %w", job.ID, err)
			}
			rep.Read += len(local)
			rep.Failures = append(local, rep.Failures...)
			return &rep, nil
		case "failed":
			return nil, fmt.Errorf("job %s failed on the server: %s", job.ID, j.Error)
		case "interrupted":
			return nil, fmt.Errorf("%w: job %s was interrupted by the server's stop and resumes when it starts again", errJobContinues, job.ID)
		}
	}
}
