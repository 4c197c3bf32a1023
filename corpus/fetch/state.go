package fetch

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The state file is a bbolt database rather than an append-only JSON-lines
// log: lookups read one key instead of loading every URL ever fetched into
// memory (a CC-NEWS month is millions of URLs), each flush is one atomic,
// fsynced transaction (a kill never leaves a torn line), and bbolt's file
// lock stops two runs from sharing one state by mistake.
var (
	urlsBucket = []byte("urls")
	metaBucket = []byte("meta")
	runKey     = []byte("run")
)

// record is what the state keeps per canonical URL. A record exists only
// for a page the consumer acknowledged with Done (or that was found
// unchanged), so "has a record" means "the index holds this page".
type record struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Hash         string    `json:"hash,omitempty"`
	Run          uint64    `json:"run"`
	At           time.Time `json:"at"`
}

// runMeta says which run is current and whether it ran to its end; an
// unfinished run is resumed by the next Run.
type runMeta struct {
	ID       uint64 `json:"id"`
	Complete bool   `json:"complete"`
}

// flushEvery and flushSize bound what a kill can lose of the
// acknowledgements: at most one second's or 256 records' worth, and losing
// them costs a refetch, never a duplicate (the index replaces a document by
// its ID).
const (
	flushEvery = time.Second
	flushSize  = 256
)

// state is the resume and conditional-GET memory. With no path it keeps
// nothing and every lookup misses.
type state struct {
	db *bolt.DB

	mu      sync.Mutex
	pending map[string]record
	run     uint64 // the run being written
	resume  uint64 // the interrupted run being resumed, 0 if none
	err     error  // first background flush error

	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

func openState(path string) (*state, error) {
	s := &state{pending: map[string]record{}}
	if path == "" {
		return s, nil
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("open fetch state %s (is another run using it?): %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{urlsBucket, metaBucket} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("init fetch state %s: %w", path, err)
	}
	s.db = db
	s.stop, s.done = make(chan struct{}), make(chan struct{})
	go s.flushLoop()
	return s, nil
}

// beginRun starts a run: it resumes the previous one when that one did not
// complete, so that pages it delivered are skipped without a request.
func (s *state) beginRun() error {
	if s.db == nil {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		var m runMeta
		if v := tx.Bucket(metaBucket).Get(runKey); v != nil {
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("fetch state run marker: %w", err)
			}
		}
		s.mu.Lock()
		if m.ID > 0 && !m.Complete {
			s.resume, s.run = m.ID, m.ID
		} else {
			s.resume, s.run = 0, m.ID+1
		}
		run := s.run
		s.mu.Unlock()
		v, _ := json.Marshal(runMeta{ID: run})
		return tx.Bucket(metaBucket).Put(runKey, v)
	})
}

// endRun marks the current run complete, after flushing what it delivered.
func (s *state) endRun() error {
	if s.db == nil {
		return nil
	}
	if err := s.flush(); err != nil {
		return err
	}
	s.mu.Lock()
	run := s.run
	s.mu.Unlock()
	return s.db.Update(func(tx *bolt.Tx) error {
		v, _ := json.Marshal(runMeta{ID: run, Complete: true})
		return tx.Bucket(metaBucket).Put(runKey, v)
	})
}

// get returns the record of a canonical URL.
func (s *state) get(key string) (record, bool) {
	if s.db == nil {
		return record{}, false
	}
	s.mu.Lock()
	r, ok := s.pending[key]
	s.mu.Unlock()
	if ok {
		return r, true
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(urlsBucket).Get([]byte(key)); v != nil {
			ok = json.Unmarshal(v, &r) == nil
		}
		return nil
	})
	return r, ok
}

// resumed reports whether a record was written by the interrupted run
// being resumed, so its page is already in the index.
func (s *state) resumed(r record) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resume != 0 && r.Run == s.resume
}

// put records keys as delivered in the current run.
func (s *state) put(keys []string, r record) error {
	if s.db == nil {
		return nil
	}
	s.mu.Lock()
	r.Run, r.At = s.run, time.Now().UTC()
	for _, k := range keys {
		s.pending[k] = r
	}
	n := len(s.pending)
	s.mu.Unlock()
	if n >= flushSize {
		return s.flush()
	}
	return nil
}

// flush writes the pending records in one transaction.
func (s *state) flush() error {
	s.mu.Lock()
	if len(s.pending) == 0 || s.db == nil {
		err := s.err
		s.mu.Unlock()
		return err
	}
	batch := s.pending
	s.pending = map[string]record{}
	s.mu.Unlock()
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(urlsBucket)
		for k, r := range batch {
			v, _ := json.Marshal(r)
			if err := b.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.mu.Lock()
		for k, r := range batch { // keep them for the next try
			if _, newer := s.pending[k]; !newer {
				s.pending[k] = r
			}
		}
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
		return fmt.Errorf("write fetch state: %w", err)
	}
	return nil
}

func (s *state) flushLoop() {
	defer close(s.done)
	t := time.NewTicker(flushEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			_ = s.flush() // the error is kept and returned by close
		}
	}
}

// close flushes and closes the database; later calls return the first
// call's result.
func (s *state) close() error {
	if s.db == nil {
		return nil
	}
	s.closeOnce.Do(func() { s.closeErr = s.closeDB() })
	return s.closeErr
}

func (s *state) closeDB() error {
	close(s.stop)
	<-s.done
	s.mu.Lock()
	s.err = nil // a failed background flush is retried now
	s.mu.Unlock()
	err := s.flush()
	if cerr := s.db.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close fetch state: %w", cerr)
	}
	return err
}
