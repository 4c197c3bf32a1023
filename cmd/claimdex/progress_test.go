package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus/fetch"
	"github.com/claimdex/claimdex/pipeline"
)

// TestStatusTerminal draws the bar as on a terminal: a spinner with counts
// while the total is unknown, a bar with the total once known, and nothing
// left on the line after clear.
func TestStatusTerminal(t *testing.T) {
	var stderr bytes.Buffer
	e := &env{stderr: &stderr, tty: true, log: newLogger(&stderr, false)}
	s := newStatus(e)
	if s.every != progressEvery {
		t.Errorf("terminal redraw period %s, want %s", s.every, progressEvery)
	}
	s.update(pipeline.Progress{Docs: 7, Claims: 40, Failed: 1, Elapsed: time.Second, Fetch: fetch.Stats{Fetched: 9, NotModified: 2}})
	if got := stderr.String(); !strings.Contains(got, "40 claims, 1 failed, 9 fetched (2 unchanged)") || !strings.Contains(got, "(7/-,") {
		t.Errorf("spinner line %q lacks the counts", got)
	}
	stderr.Reset()
	s.update(pipeline.Progress{Docs: 50, Claims: 300, Total: 100, Elapsed: 2 * time.Second})
	if got := stderr.String(); !strings.Contains(got, "50/100") || !strings.Contains(got, "50%") {
		t.Errorf("bar %q lacks 50/100 and 50%%", got)
	}
	stderr.Reset()
	s.clear()
	if got := stderr.String(); !strings.HasPrefix(got, "\r") || strings.TrimSpace(got) != "" {
		t.Errorf("clear wrote %q, want the line blanked", got)
	}
	stderr.Reset()
	time.Sleep(3 * progressEvery)
	if stderr.Len() != 0 {
		t.Errorf("the bar wrote %q after clear, over the summary", stderr.String())
	}
}

// TestStatusLog checks the plain log line written when stderr is not a
// terminal, with an ETA once the total is known.
func TestStatusLog(t *testing.T) {
	var stderr bytes.Buffer
	e := &env{stderr: &stderr, log: newLogger(&stderr, false)}
	s := newStatus(e)
	if s.every != logEvery {
		t.Errorf("log period %s, want %s", s.every, logEvery)
	}
	s.update(pipeline.Progress{Docs: 25, Claims: 100, Total: 100, Elapsed: 10 * time.Second, Fetch: fetch.Stats{Fetched: 30, Bytes: 1 << 20}})
	got := stderr.String()
	for _, want := range []string{"msg=ingesting", "documents=25", "claims=100", "total=100", "eta=30s", "fetched=30", "fetch_bytes=1048576"} {
		if !strings.Contains(got, want) {
			t.Errorf("log line %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "\r") {
		t.Errorf("log line %q redraws in place", got)
	}
}

// TestStatusLogQueued: web inputs have no total, so the ETA comes from the
// fetch queue and the document rate (10 documents/s, 50 queued: 5s).
func TestStatusLogQueued(t *testing.T) {
	var stderr bytes.Buffer
	e := &env{stderr: &stderr, log: newLogger(&stderr, false)}
	s := newStatus(e)
	s.update(pipeline.Progress{Docs: 100, Elapsed: 10 * time.Second, Fetch: fetch.Stats{Fetched: 100, Queued: 50}})
	got := stderr.String()
	for _, want := range []string{"queued=50", "eta=5s"} {
		if !strings.Contains(got, want) {
			t.Errorf("log line %q lacks %q", got, want)
		}
	}
}
