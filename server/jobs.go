package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/corpus/fetch"
	"github.com/claimdex/claimdex/pipeline"
)

// Job states (docs/api.md).
const (
	stateQueued      = "queued"
	stateRunning     = "running"
	stateDone        = "done"
	stateFailed      = "failed"
	stateInterrupted = "interrupted"
)

// Job origins.
const (
	originAPI   = "api"
	originCLI   = "cli"
	originWatch = "watch"
)

// StateFile is the fetch state inside the index directory, shared with
// claimdex ingest: the state says what the index holds.
const StateFile = "fetch-state.db"

// jobsDir holds one JSON file per job and the files uploaded for it.
const jobsDir = "jobs"

// keepJobs is how many ended jobs are kept on disk and listed.
const keepJobs = 100

// Job is an ingest job as the API shows it.
type Job struct {
	ID       string          `json:"id"`
	Origin   string          `json:"origin"`
	State    string          `json:"state"`
	Inputs   []string        `json:"inputs"`
	Created  time.Time       `json:"created"`
	Started  *time.Time      `json:"started"`
	Finished *time.Time      `json:"finished"`
	Progress Progress        `json:"progress"`
	Report   json.RawMessage `json:"report"`
	Error    string          `json:"error"`
}

// Progress is a running job's tallies.
type Progress struct {
	Docs    int     `json:"docs"`
	Claims  int     `json:"claims"`
	Failed  int     `json:"failed"`
	Total   int     `json:"total"`
	Fetched int64   `json:"fetched"`
	Elapsed float64 `json:"elapsed_seconds"`
}

// Ended reports whether the job will not change any more.
func (j Job) Ended() bool { return j.State == stateDone || j.State == stateFailed }

// IngestRequest is the JSON body of POST /api/ingest (or the "request"
// part of a multipart one).
type IngestRequest struct {
	URLs      []string     `json:"urls"`
	Source    string       `json:"source,omitempty"`
	Published string       `json:"published,omitempty"`
	Since     string       `json:"since,omitempty"`
	Hosts     []string     `json:"hosts,omitempty"`
	Langs     []string     `json:"langs,omitempty"`
	MaxClaims int          `json:"max_claims,omitempty"`
	Origin    string       `json:"origin,omitempty"` // "cli" from claimdex ingest
	Files     []UploadName `json:"files,omitempty"`
}

// UploadName gives an uploaded file's location and identity, in the order
// of the file parts, when they differ from the part's file name.
type UploadName struct {
	Location string `json:"location"`
	Identity string `json:"identity,omitempty"`
}

// spooled is an uploaded file kept in the job's directory.
type spooled struct {
	Name     string `json:"name"` // inside the job's directory
	Location string `json:"location"`
	Identity string `json:"identity"`
}

// jobRecord is what is kept on disk for a job: what the API shows and
// what is needed to run it again after a restart.
type jobRecord struct {
	Job   Job           `json:"job"`
	Req   IngestRequest `json:"request"`
	Files []spooled     `json:"spooled,omitempty"`
	Watch string        `json:"watch,omitempty"` // the watch list, for watch jobs
}

// jobs is the job queue: jobs run one at a time, in order of submission,
// by one goroutine (run); searches go on beside them.
type jobs struct {
	s   *Server
	dir string

	mu    sync.Mutex
	all   map[string]*jobRecord
	order []string // creation order
	queue []string
	wake  chan struct{}
}

func openJobs(s *Server) (*jobs, error) {
	j := &jobs{s: s, dir: filepath.Join(s.cfg.Dir, jobsDir), all: map[string]*jobRecord{}, wake: make(chan struct{}, 1)}
	if s.cfg.Dir == "" {
		return nil, errors.New("server: no index directory")
	}
	if err := os.MkdirAll(j.dir, 0o755); err != nil {
		return nil, fmt.Errorf("open jobs: %w", err)
	}
	entries, err := os.ReadDir(j.dir)
	if err != nil {
		return nil, fmt.Errorf("open jobs: %w", err)
	}
	var recs []*jobRecord
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(j.dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("open jobs: %w", err)
		}
		var rec jobRecord
		if err := json.Unmarshal(raw, &rec); err != nil || rec.Job.ID == "" {
			s.log.Warn("jobs: unreadable job file skipped", "file", e.Name(), "err", err)
			continue
		}
		recs = append(recs, &rec)
	}
	slices.SortFunc(recs, func(a, b *jobRecord) int {
		return cmpTimeID(a.Job.Created, a.Job.ID, b.Job.Created, b.Job.ID)
	})
	for _, rec := range recs {
		j.all[rec.Job.ID] = rec
		j.order = append(j.order, rec.Job.ID)
		if !rec.Job.Ended() {
			// Interrupted by a stop or a crash: run again. The fetch
			// state and the index's unchanged-content check make the
			// second run skip what the first one wrote.
			rec.Job.State = stateQueued
			j.queue = append(j.queue, rec.Job.ID)
		}
	}
	return j, nil
}

func cmpTimeID(at time.Time, aid string, bt time.Time, bid string) int {
	if c := at.Compare(bt); c != 0 {
		return c
	}
	return strings.Compare(aid, bid)
}

// newID is a job id that sorts by creation time.
func newID(now time.Time) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return now.UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b[:])
}

// add persists a new job and queues it. It fails when too many jobs wait.
func (j *jobs) add(rec *jobRecord) error {
	j.mu.Lock()
	if len(j.queue) >= MaxQueuedJobs {
		j.mu.Unlock()
		return errorf(429, api.CodeQueueFull, "%d jobs are waiting already; retry when some have run", len(j.queue))
	}
	rec.Job.State = stateQueued
	j.all[rec.Job.ID] = rec
	j.order = append(j.order, rec.Job.ID)
	j.queue = append(j.queue, rec.Job.ID)
	err := j.saveLocked(rec)
	j.mu.Unlock()
	if err != nil {
		return err
	}
	select {
	case j.wake <- struct{}{}:
	default:
	}
	return nil
}

// saveLocked writes the job's file atomically. j.mu is held.
func (j *jobs) saveLocked(rec *jobRecord) error {
	raw, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("save job %s: %w", rec.Job.ID, err)
	}
	path := filepath.Join(j.dir, rec.Job.ID+".json")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, raw, 0o644); err != nil {
		return fmt.Errorf("save job %s: %w", rec.Job.ID, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save job %s: %w", rec.Job.ID, err)
	}
	return nil
}

// get returns a copy of job id.
func (j *jobs) get(id string) (Job, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	rec, ok := j.all[id]
	if !ok {
		return Job{}, false
	}
	return rec.Job, true
}

// list returns the last keepJobs jobs, newest first.
func (j *jobs) list() []Job {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := []Job{}
	for i := len(j.order) - 1; i >= 0 && len(out) < keepJobs; i-- {
		out = append(out, j.all[j.order[i]].Job)
	}
	return out
}

func (j *jobs) counts() map[string]int {
	j.mu.Lock()
	defer j.mu.Unlock()
	c := map[string]int{stateQueued: 0, stateRunning: 0}
	for _, rec := range j.all {
		if rec.Job.State == stateQueued || rec.Job.State == stateRunning {
			c[rec.Job.State]++
		}
	}
	return c
}

// watchQueued reports whether a watch job waits: a poll then adds no
// other. (One that runs may have read the list or the feeds before they
// changed, so a poll during it queues the next.)
func (j *jobs) watchQueued() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, id := range j.queue {
		if j.all[id].Job.Origin == originWatch {
			return true
		}
	}
	return false
}

// next takes the first queued job and marks it running.
func (j *jobs) next() *jobRecord {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.queue) == 0 {
		return nil
	}
	rec := j.all[j.queue[0]]
	j.queue = j.queue[1:]
	now := time.Now().UTC()
	rec.Job.State, rec.Job.Started, rec.Job.Error = stateRunning, &now, ""
	if err := j.saveLocked(rec); err != nil {
		j.s.log.Warn("jobs: state not saved", "job", rec.Job.ID, "err", err)
	}
	return rec
}

// update changes a job under the lock and saves it when persist is set.
func (j *jobs) update(rec *jobRecord, persist bool, fn func(*Job)) {
	j.mu.Lock()
	defer j.mu.Unlock()
	fn(&rec.Job)
	if persist {
		if err := j.saveLocked(rec); err != nil {
			j.s.log.Warn("jobs: state not saved", "job", rec.Job.ID, "err", err)
		}
	}
}

// run executes queued jobs one after the other until ctx ends. A job
// running then is stopped (its accepted documents flushed) and left
// interrupted, to run again at the next start.
func (j *jobs) run(ctx context.Context) {
	// An ingest interrupted during its cross-source analysis left
	// documents pending: analyse them before new work.
	if _, err := pipeline.Crosscheck(ctx, j.s.ix, j.s.log); err != nil && ctx.Err() == nil {
		j.s.log.Warn("cross-source analysis of pending documents failed", "err", err)
	}
	for {
		rec := j.next()
		if rec == nil {
			select {
			case <-ctx.Done():
				return
			case <-j.wake:
				continue
			}
		}
		j.execute(ctx, rec)
		if ctx.Err() != nil {
			return
		}
		j.prune()
	}
}

// execute runs one job through the pipeline.
func (j *jobs) execute(ctx context.Context, rec *jobRecord) {
	s := j.s
	log := s.log.With("job", rec.Job.ID)
	log.Info("job started", "origin", rec.Job.Origin, "inputs", strings.Join(rec.Job.Inputs, " "))
	rep, err := j.ingest(ctx, rec)
	now := time.Now().UTC()
	interrupted := ctx.Err() != nil
	j.update(rec, true, func(job *Job) {
		switch {
		case interrupted:
			job.State = stateInterrupted
		case err != nil:
			job.State, job.Error, job.Finished = stateFailed, err.Error(), &now
		default:
			job.State, job.Finished = stateDone, &now
		}
		if rep != nil && !interrupted {
			if raw, merr := json.Marshal(rep); merr == nil {
				job.Report = raw
			}
		}
	})
	s.metrics.fetchQueue.Set(0)
	if interrupted {
		log.Info("job interrupted; it runs again at the next start")
		return
	}
	if rep != nil {
		s.metrics.outcomes.WithLabelValues("added").Add(float64(rep.Added))
		s.metrics.outcomes.WithLabelValues("replaced").Add(float64(rep.Replaced))
		s.metrics.outcomes.WithLabelValues("unchanged").Add(float64(rep.Unchanged))
		s.metrics.outcomes.WithLabelValues("duplicate").Add(float64(len(rep.Duplicates)))
		s.metrics.outcomes.WithLabelValues("failed").Add(float64(len(rep.Failures)))
		for _, f := range rep.Failures {
			s.metrics.failures.WithLabelValues(failureClass(f.Reason)).Inc()
		}
	}
	if err != nil {
		log.Warn("job failed", "err", err)
		return
	}
	_ = os.RemoveAll(filepath.Join(j.dir, rec.Job.ID)) // its uploads are indexed
	log.Info("job done", "read", rep.Read, "added", rep.Added, "failed", rep.Failed(), "claims", rep.Claims)
}

// ingest runs the pipeline for a job.
func (j *jobs) ingest(ctx context.Context, rec *jobRecord) (*pipeline.Report, error) {
	s := j.s
	req := rec.Req
	inputs := append([]string{}, req.URLs...)
	names := map[string]spooled{}
	for _, f := range rec.Files {
		p := filepath.Join(j.dir, rec.Job.ID, f.Name)
		names[p] = f
		inputs = append(inputs, p)
	}
	if rec.Watch != "" {
		inputs = append(inputs, "@"+rec.Watch)
	}
	fc := s.cfg.Fetch
	fc.StatePath = filepath.Join(s.cfg.Dir, StateFile)
	fc.Logger = s.log
	// Pages the operator listed are trusted; pages a request names are
	// not.
	fc.RefusePrivate = rec.Watch == "" && !s.cfg.AllowPrivate
	fc.Hosts, fc.Lang = req.Hosts, req.Langs
	if req.Since != "" {
		t, err := api.ParseDate(req.Since, false)
		if err != nil {
			return nil, fmt.Errorf("since: %w", err)
		}
		fc.Since = t
	}
	var published time.Time
	if req.Published != "" {
		t, err := api.ParseDate(req.Published, false)
		if err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
		published = t
	}
	var f *fetch.Fetcher
	for _, in := range inputs {
		if fetch.IsRemote(in) {
			var err error
			if f, err = fetch.New(fc); err != nil {
				return nil, fmt.Errorf("open fetch state: %w", err)
			}
			break
		}
	}
	maxClaims := s.cfg.MaxClaims
	if req.MaxClaims > 0 {
		maxClaims = req.MaxClaims
	}
	start := time.Now()
	cfg := pipeline.Config{
		Workers:   s.cfg.Workers,
		Source:    req.Source,
		Published: published,
		BatchSize: s.cfg.BatchSize,
		MaxBytes:  fc.MaxBytes,
		MaxClaims: maxClaims,
		Fetcher:   f,
		Logger:    s.log,
		Progress: func(p pipeline.Progress) {
			fetched := p.Fetch.Documents + p.Fetch.NotModified + p.Fetch.Failed
			j.update(rec, false, func(job *Job) {
				job.Progress = Progress{Docs: p.Docs, Claims: p.Claims, Failed: p.Failed, Total: p.Total,
					Fetched: fetched, Elapsed: p.Elapsed.Seconds()}
			})
			s.metrics.fetchQueue.Set(float64(p.Fetch.Queued))
		},
		ProgressEvery: 250 * time.Millisecond,
		Rename: func(path string) (string, string, bool) {
			n, ok := names[path]
			return n.Location, n.Identity, ok
		},
	}
	rep, err := pipeline.Run(ctx, cfg, inputs, s.x, s.ix)
	if f != nil {
		// After the run's last acknowledgement, which follows its last
		// flush: the state is never ahead of the index.
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("save fetch state: %w", cerr)
		}
	}
	if rep != nil {
		j.update(rec, false, func(job *Job) {
			job.Progress.Docs, job.Progress.Claims, job.Progress.Failed = rep.Read, rep.Claims, rep.Failed()
			job.Progress.Elapsed = time.Since(start).Seconds()
		})
	}
	return rep, err
}

// prune forgets the oldest ended jobs beyond keepJobs.
func (j *jobs) prune() {
	j.mu.Lock()
	defer j.mu.Unlock()
	ended := 0
	for i := len(j.order) - 1; i >= 0; i-- {
		id := j.order[i]
		rec := j.all[id]
		if !rec.Job.Ended() {
			continue
		}
		ended++
		if ended > keepJobs {
			delete(j.all, id)
			j.order = slices.Delete(j.order, i, i+1)
			_ = os.Remove(filepath.Join(j.dir, id+".json"))
			_ = os.RemoveAll(filepath.Join(j.dir, id))
		}
	}
}
