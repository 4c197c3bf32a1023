package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// textsFile holds the cleaned text of every document, beside the Bleve
// index in its directory. Not in Bleve: a stored field would change the
// mapping, and scorch keeps internal values in memory.
const textsFile = "texts.db"

var textsBucket = []byte("texts")

// texts is the document text store, opened on first use. Texts are
// written before the batch holding their documents, so the store may be
// ahead of the index (a text without a document, harmless), never behind.
type texts struct {
	path string // "" for a memory index

	mu  sync.Mutex
	db  *bolt.DB
	mem map[string]string
}

func (t *texts) open(create bool) (*bolt.DB, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.db != nil || t.path == "" {
		return t.db, nil
	}
	if !create {
		if _, err := os.Stat(t.path); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	// The Bleve lock already keeps other processes out of the directory.
	db, err := bolt.Open(t.path, 0o644, &bolt.Options{Timeout: lockTimeout, NoSync: true})
	if err != nil {
		return nil, fmt.Errorf("open document texts %s: %w", t.path, err)
	}
	t.db = db
	return db, nil
}

// put stores and deletes texts in one transaction.
func (t *texts) put(set map[string]string, del []string) error {
	if len(set) == 0 && len(del) == 0 {
		return nil
	}
	if t.path == "" {
		t.mu.Lock()
		defer t.mu.Unlock()
		if t.mem == nil {
			t.mem = map[string]string{}
		}
		for _, id := range del {
			delete(t.mem, id)
		}
		for id, s := range set {
			t.mem[id] = s
		}
		return nil
	}
	db, err := t.open(true)
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(textsBucket)
		if err != nil {
			return err
		}
		for _, id := range del {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		for id, s := range set {
			if err := b.Put([]byte(id), []byte(s)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write document texts: %w", err)
	}
	// NoSync spares an fsync per batch; Bleve syncs its own files, and a
	// text lost in a crash only leaves a document without its text.
	return nil
}

func (t *texts) get(id string) (string, bool, error) {
	if t.path == "" {
		t.mu.Lock()
		defer t.mu.Unlock()
		s, ok := t.mem[id]
		return s, ok, nil
	}
	db, err := t.open(false)
	if err != nil || db == nil {
		return "", false, err
	}
	var s string
	var ok bool
	err = db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(textsBucket); b != nil {
			if v := b.Get([]byte(id)); v != nil {
				s, ok = string(v), true
			}
		}
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("read document text %s: %w", id, err)
	}
	return s, ok, nil
}

func (t *texts) close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.db == nil {
		return nil
	}
	err := t.db.Sync()
	if cerr := t.db.Close(); err == nil {
		err = cerr
	}
	t.db = nil
	return err
}

// DocText returns the cleaned text of document id, as ingested (the text
// claim offsets point into). Documents indexed before texts were kept
// have none.
func (ix *Index) DocText(id string) (string, bool, error) {
	return ix.texts.get(id)
}

// textsPath is the text store of the index at dir.
func textsPath(dir string) string { return filepath.Join(dir, textsFile) }
