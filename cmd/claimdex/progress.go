package main

import (
	"fmt"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/claimdex/claimdex/pipeline"
)

// progressEvery is how often the progress bar is redrawn on a terminal;
// logEvery how often progress is logged otherwise (a log file or a CI job
// wants a line now and then, not a redraw five times a second).
const (
	progressEvery = 200 * time.Millisecond
	logEvery      = 10 * time.Second
)

// status shows ingest progress: a progress bar on stderr when it is a
// terminal (with a total and an ETA once the number of documents is
// known, a spinner with counts and rate while it is not, as for web
// inputs), a log line every logEvery otherwise.
//
// The bar is github.com/schollz/progressbar/v3: it draws in place, knows
// terminal width, switches between bar and spinner with ChangeMax, and
// computes rate and ETA, with few dependencies.
type status struct {
	e     *env
	every time.Duration
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	total int
}

func newStatus(e *env) *status {
	s := &status{e: e, every: logEvery}
	if e.tty {
		s.every = progressEvery
	}
	return s
}

func (s *status) update(p pipeline.Progress) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.e.tty {
		s.log(p)
		return
	}
	if s.bar == nil {
		s.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(s.e.stderr),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSpinnerType(14),
			// No redraw goroutine of the bar's own: it would write to
			// stderr after clear (it stops only on a finished bar, and a
			// spinner never finishes). update redraws often enough.
			progressbar.OptionSetSpinnerChangeInterval(0),
			progressbar.OptionClearOnFinish(),
		)
	}
	if p.Total > 0 && p.Total != s.total {
		s.total = p.Total
		s.bar.ChangeMax(p.Total)
	}
	// Each call redraws; Set last, so the line ends with both the new
	// text and the new count. update is called every progressEvery, so no
	// throttle is needed on top (it would hold back the last redraw).
	s.bar.Describe(describe(p))
	_ = s.bar.Set(p.Docs)
}

// describe is the text before the bar: claims and failures, and what the
// fetcher is doing when it works.
func describe(p pipeline.Progress) string {
	d := fmt.Sprintf("%d claims, %d failed", p.Claims, p.Failed)
	if f := p.Fetch; f.Fetched > 0 || f.Listings > 0 {
		d += fmt.Sprintf(", %d fetched", f.Fetched)
		if f.NotModified+f.Resumed > 0 {
			d += fmt.Sprintf(" (%d unchanged)", f.NotModified+f.Resumed)
		}
		if f.Queued > 0 {
			d += fmt.Sprintf(", %d queued", f.Queued)
		}
	}
	return d
}

// log writes one progress line with the same figures as the bar.
func (s *status) log(p pipeline.Progress) {
	rate := 0.0
	if sec := p.Elapsed.Seconds(); sec > 0 {
		rate = float64(p.Docs) / sec
	}
	args := []any{"documents", p.Docs, "claims", p.Claims, "failed", p.Failed, "docs_per_sec", fmt.Sprintf("%.1f", rate)}
	if p.Total > 0 {
		args = append(args, "total", p.Total)
		if p.Docs > 0 && p.Docs < p.Total {
			eta := time.Duration(float64(p.Elapsed) / float64(p.Docs) * float64(p.Total-p.Docs))
			args = append(args, "eta", eta.Round(time.Second).String())
		}
	}
	if f := p.Fetch; f.Fetched > 0 || f.Listings > 0 {
		args = append(args, "fetched", f.Fetched, "not_modified", f.NotModified+f.Resumed, "fetch_bytes", f.Bytes, "queued", f.Queued)
		// Web inputs have no known total; the fetch queue gives the ETA.
		if p.Total == 0 && f.Queued > 0 && rate > 0 {
			eta := time.Duration(float64(f.Queued) / rate * float64(time.Second))
			args = append(args, "eta", eta.Round(time.Second).String())
		}
	}
	s.e.log.Info("ingesting", args...)
}

// clear erases the bar before the summary is printed.
func (s *status) clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bar != nil {
		_ = s.bar.Clear()
		_ = s.bar.Exit()
		s.bar = nil
	}
}
