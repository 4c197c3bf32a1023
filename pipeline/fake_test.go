package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// fakeCorpus serves documents from memory: files maps a location to its
// content, errs a location to the error Read gives for it. The cleaned
// document's hash is its content, its id is derived from the location.
type fakeCorpus struct {
	order []string
	files map[string]string
	errs  map[string]error
	// walkErrs are locations the walk itself cannot read.
	walkErrs map[string]error
	// walked counts the locations handed to the pipeline so far.
	mu     sync.Mutex
	walked int
}

func (f *fakeCorpus) walk(ctx context.Context, _ []string, fn func(string, error) error) error {
	for _, loc := range f.order {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(loc, f.walkErrs[loc]); err != nil {
			return err
		}
		f.mu.Lock()
		f.walked++
		f.mu.Unlock()
	}
	return nil
}

func (f *fakeCorpus) walkedSoFar() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.walked
}

func (f *fakeCorpus) read(_ context.Context, loc string, _ io.Reader, _ int64) ([]byte, error) {
	if err := f.errs[loc]; err != nil {
		return nil, err
	}
	return []byte(f.files[loc]), nil
}

func fakeClean(loc string, data []byte, opt corpus.Options) (*corpus.Document, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("clean %s: %w", loc, corpus.ErrEmpty)
	}
	if data[0] == 0 {
		return nil, fmt.Errorf("clean %s: %w", loc, corpus.ErrBinary)
	}
	return &corpus.Document{ID: "doc:" + loc, Location: loc, Source: opt.Source, Text: string(data), Hash: "h:" + string(data)}, nil
}

// fakeClaims makes one claim per character of the text, so that tests can
// tell how many claims a document should have, and one entity named for
// the document's location.
func fakeClaims(doc *corpus.Document, max int) ([]extract.Claim, []extract.DocEntity, bool) {
	var cs []extract.Claim
	ents := []extract.DocEntity{{Name: doc.Location, Type: extract.GPE, Mentions: 1}}
	for i := range len(doc.Text) {
		if max > 0 && len(cs) == max {
			return cs, ents, true
		}
		cs = append(cs, extract.Claim{ID: fmt.Sprintf("%s#%d", doc.ID, i), DocID: doc.ID, Location: doc.Location, Text: doc.Text[i : i+1]})
	}
	return cs, ents, false
}

// fakeIndex mimics index.Index and index.Writer: Put stages a change,
// Flush commits it. Only committed state is visible to lookup.
type fakeIndex struct {
	mu        sync.Mutex
	docs      map[string]index.DocRecord // committed, by doc id
	claims    map[string]extract.Claim   // committed, by claim id
	pending   []func()
	puts      []string // locations in Put order
	flushes   int
	putErr    error
	onPut     func(n int) // called after the n-th Put (1-based)
	lookupErr error
	flushErr  error // once set, Flush fails and every later lookup too
	staged    map[string]index.DocRecord
	stagedIDs []string
}

func newFakeIndex() *fakeIndex {
	return &fakeIndex{docs: map[string]index.DocRecord{}, claims: map[string]extract.Claim{}}
}

func (ix *fakeIndex) lookup(id string) (index.DocRecord, bool, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.lookupErr != nil {
		return index.DocRecord{}, false, ix.lookupErr
	}
	rec, ok := ix.docs[id]
	return rec, ok, nil
}

func (ix *fakeIndex) writer(int) docWriter { return ix }

func (ix *fakeIndex) Put(rec index.DocRecord, claims []extract.Claim) (index.Outcome, string, error) {
	ix.mu.Lock()
	if ix.putErr != nil {
		ix.mu.Unlock()
		return 0, "", ix.putErr
	}
	ix.puts = append(ix.puts, rec.Location)
	n := len(ix.puts)
	o, dupOf := ix.stageLocked(rec, claims)
	ix.mu.Unlock()
	if ix.onPut != nil {
		ix.onPut(n)
	}
	return o, dupOf, nil
}

// stageLocked decides the outcome against committed and staged state, the
// way the real writer must (two equal documents in one batch are a
// duplicate).
func (ix *fakeIndex) stageLocked(rec index.DocRecord, claims []extract.Claim) (index.Outcome, string) {
	view := map[string]index.DocRecord{}
	for id, r := range ix.docs {
		view[id] = r
	}
	for _, id := range ix.stagedIDs {
		view[id] = ix.staged[id]
	}
	for _, r := range view {
		if r.Hash == rec.Hash && r.ID != rec.ID {
			return index.Duplicate, r.Location
		}
	}
	o := index.Added
	if old, ok := view[rec.ID]; ok {
		if old.Hash == rec.Hash {
			return index.Unchanged, ""
		}
		o = index.Replaced
	}
	if ix.staged == nil {
		ix.staged = map[string]index.DocRecord{}
	}
	ix.staged[rec.ID] = rec
	ix.stagedIDs = append(ix.stagedIDs, rec.ID)
	ix.pending = append(ix.pending, func() {
		if old, ok := ix.docs[rec.ID]; ok {
			for _, id := range old.Claims {
				delete(ix.claims, id)
			}
		}
		ix.docs[rec.ID] = rec
		for _, c := range claims {
			ix.claims[c.ID] = c
		}
	})
	return o, ""
}

// Remove stages the removal of a committed document.
func (ix *fakeIndex) Remove(id string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.pending = append(ix.pending, func() {
		if old, ok := ix.docs[id]; ok {
			for _, c := range old.Claims {
				delete(ix.claims, c)
			}
			delete(ix.docs, id)
		}
	})
	return nil
}

func (ix *fakeIndex) Flush() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.flushErr != nil {
		// The index breaks first; the write reports it a moment
		// later, as a failing persist does, while workers read.
		ix.lookupErr = errors.New("the index failed")
		ix.mu.Unlock()
		time.Sleep(50 * time.Millisecond)
		ix.mu.Lock()
		return ix.flushErr
	}
	for _, f := range ix.pending {
		f()
	}
	ix.pending, ix.staged, ix.stagedIDs = nil, nil, nil
	ix.flushes++
	return nil
}

func (f *fakeCorpus) stages(ix *fakeIndex) stages {
	return stages{walk: f.walk, read: f.read, clean: fakeClean, lookup: ix.lookup, claims: fakeClaims, writer: ix.writer}
}
