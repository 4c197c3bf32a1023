package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/claimdex/claimdex/api"
)

// ShutdownGrace is how long a stop waits for requests in flight.
const ShutdownGrace = 10 * time.Second

// Serve answers on ln and runs the jobs (and the watch list) until ctx
// ends; then it stops accepting, lets requests in flight finish (up to
// ShutdownGrace), stops the running job after its accepted documents are
// flushed, and returns. reload, when not nil, makes the watch list be
// polled at once (SIGHUP). The caller closes the index afterwards.
func (s *Server) Serve(ctx context.Context, ln net.Listener, reload <-chan struct{}) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          nil,
	}
	jobCtx, stopJobs := context.WithCancel(context.Background())
	defer stopJobs()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.jobs.run(jobCtx)
	}()
	if s.cfg.Watch != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.watch(jobCtx, reload)
		}()
	}
	if err := s.writeAddr(ln.Addr().String()); err != nil {
		stopJobs()
		wg.Wait()
		return err
	}
	defer os.Remove(filepath.Join(s.cfg.Dir, api.AddrFile))

	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	var err error
	select {
	case err = <-served:
	case <-ctx.Done():
	}
	s.stopping.Store(true)
	s.log.Info("stopping: no new requests; the running job stops after its accepted documents are written")
	stopJobs()
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	if serr := hs.Shutdown(sctx); serr != nil {
		_ = hs.Close()
	}
	cancel()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// writeAddr records where the server listens, atomically.
func (s *Server) writeAddr(addr string) error {
	raw, err := json.Marshal(api.AddrRecord{Addr: addr, PID: os.Getpid(), Token: s.cfg.Token != "", Started: time.Now().UTC()})
	if err != nil {
		return err
	}
	path := filepath.Join(s.cfg.Dir, api.AddrFile)
	if err := os.WriteFile(path+".tmp", raw, 0o644); err != nil {
		return fmt.Errorf("record server address: %w", err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		return fmt.Errorf("record server address: %w", err)
	}
	return nil
}

// watch queues a job of the watch list at once, then every Every and on
// each reload, unless one waits already. The list is read when
// the job runs (an @FILE input), so an edited list counts from the next
// poll; reload polls at once.
func (s *Server) watch(ctx context.Context, reload <-chan struct{}) {
	every := s.cfg.Every
	if every <= 0 {
		every = 15 * time.Minute
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if !s.jobs.watchQueued() {
			now := time.Now().UTC()
			rec := &jobRecord{
				Job:   Job{ID: newID(now), Origin: originWatch, Created: now, Inputs: []string{"@" + s.cfg.Watch}},
				Watch: s.cfg.Watch,
			}
			if err := s.jobs.add(rec); err != nil {
				s.log.Warn("watch: poll not queued", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-reload:
			s.log.Info("watch list re-read on request")
		}
	}
}
