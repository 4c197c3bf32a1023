package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
	bolterrors "go.etcd.io/bbolt/errors"
)

// ErrNotIndex is returned by Open for a directory that holds something
// other than a claimdex index.
var ErrNotIndex = errors.New("not a claimdex index")

// ErrLocked is returned by Open when another process has the index open.
// Bleve allows one process per index directory.
var ErrLocked = errors.New("index is in use by another process")

// lockTimeout is how long Open waits for another process to release the
// index before giving up with ErrLocked.
var lockTimeout = 2 * time.Second

// Index is an open claim index. Search, Export and Doc are safe for
// concurrent use, also while a Writer applies batches.
type Index struct {
	b bleve.Index

	texts texts

	mu      sync.Mutex
	writers map[*Writer]struct{}
	closed  bool
	failed  error // the first failed batch (see apply)

	// gen counts the batches applied (see apply): what was computed from
	// the index at one gen holds until the next.
	gen atomic.Uint64
	// facetsOf caches the facets of every claim with the gen they were
	// computed at (see allFacets).
	facetsMu  sync.Mutex
	facetsGen uint64
	facetsOf  map[string][]FacetCount
}

// Open opens the index at path, creating it when the path does not exist
// or is an empty directory.
func Open(path string) (*Index, error) {
	return open(path, true)
}

// open is Open; repair allows it to recreate a half-created index.
func open(path string, repair bool) (*Index, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return create(path)
	case err != nil:
		return nil, fmt.Errorf("open index %s: %w", path, err)
	case !fi.IsDir():
		return nil, fmt.Errorf("open index %s: %w: it is a file, not a directory", path, ErrNotIndex)
	}
	empty, err := isEmptyDir(path)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	if empty {
		return create(path)
	}
	b, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": lockTimeout.String()})
	if err != nil && repair && !errors.Is(err, bolterrors.ErrTimeout) && halfCreated(path) {
		// Left by a claimdex killed while creating it (before creation
		// went through a temporary directory): it holds nothing.
		if err := os.RemoveAll(path); err != nil {
			return nil, fmt.Errorf("open index %s: remove a half-created index: %w", path, err)
		}
		return create(path)
	}
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("open index %s: %w (waited %s)", path, ErrLocked, lockTimeout)
		}
		if errors.Is(err, bleve.ErrorIndexMetaMissing) || errors.Is(err, bleve.ErrorIndexMetaCorrupt) {
			return nil, fmt.Errorf("open index %s: %w: the directory is not empty and has no Bleve index in it", path, ErrNotIndex)
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	v, err := b.GetInternal(internalVersionKey)
	if err == nil && v == nil && repair && halfCreated(path) {
		_ = b.Close()
		if err := os.RemoveAll(path); err != nil {
			return nil, fmt.Errorf("open index %s: remove a half-created index: %w", path, err)
		}
		return create(path)
	}
	if err != nil || string(v) != mappingVersion {
		_ = b.Close()
		if err != nil {
			return nil, fmt.Errorf("open index %s: read mapping version: %w", path, err)
		}
		return nil, fmt.Errorf("open index %s: %w: built by another program or an incompatible claimdex version (mapping %q, want %q); remove it and ingest again",
			path, ErrNotIndex, v, mappingVersion)
	}
	ix := newIndex(b)
	ix.texts.path = textsPath(path)
	if err := ix.rollbackPending(); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return ix, nil
}

// create makes a new index at path, which does not exist or is an empty
// directory. The index is built in a temporary directory beside path and
// renamed into place once complete, so that a process killed while
// creating it leaves no index that cannot be opened.
func create(path string) (*Index, error) {
	m, err := buildMapping()
	if err != nil {
		return nil, fmt.Errorf("create index %s: mapping: %w", path, err)
	}
	parent, base := filepath.Split(filepath.Clean(path))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".creating-")
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	defer os.RemoveAll(tmp) // gone once renamed; a leftover on failure
	dir := filepath.Join(tmp, "index")
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	err = b.SetInternal(internalVersionKey, []byte(mappingVersion))
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	// An empty directory the user made for the index gives way to it
	// (os.Remove removes nothing else).
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	if err := os.Rename(dir, path); err != nil {
		// Another process may have created it first; open what is there.
		if fi, serr := os.Stat(path); serr != nil || !fi.IsDir() {
			return nil, fmt.Errorf("create index %s: %w", path, err)
		}
		if empty, _ := isEmptyDir(path); empty {
			return nil, fmt.Errorf("create index %s: %w", path, err)
		}
	}
	return open(path, false)
}

// halfCreated reports an index directory left by a creation that did not
// finish: Bleve's own files and nothing else, and no segment of data.
func halfCreated(path string) bool {
	entries, err := os.ReadDir(path)
	if err != nil {
		return false
	}
	for _, e := range entries {
		switch e.Name() {
		case "index_meta.json":
		case "store":
			files, err := os.ReadDir(filepath.Join(path, "store"))
			if err != nil {
				return false
			}
			for _, f := range files {
				if f.Name() != "root.bolt" {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

func isEmptyDir(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}

// OpenMem opens an in-memory index (tests). It uses the same engine as
// Open (scorch, without persistence) rather than bleve.NewMemOnly's older
// upsidedown engine, so tests exercise what users run.
func OpenMem() (*Index, error) {
	m, err := buildMapping()
	if err != nil {
		return nil, fmt.Errorf("create memory index: mapping: %w", err)
	}
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	return newIndex(b), nil
}

func newIndex(b bleve.Index) *Index {
	return &Index{b: b, writers: map[*Writer]struct{}{}}
}

// Close flushes the pending batches of the index's writers, then closes
// the index. Call it after the goroutines owning writers have stopped.
func (ix *Index) Close() error {
	ix.mu.Lock()
	if ix.closed {
		ix.mu.Unlock()
		return nil
	}
	ix.closed = true
	writers := ix.writers
	ix.writers = nil
	ix.mu.Unlock()

	var errs []error
	for w := range writers {
		if err := w.Flush(); err != nil {
			errs = append(errs, err)
		}
	}
	if err := ix.b.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close index: %w", err))
	}
	if err := ix.texts.close(); err != nil {
		errs = append(errs, fmt.Errorf("close document texts: %w", err))
	}
	return errors.Join(errs...)
}

// DocRecord is what the index keeps about one ingested document.
type DocRecord struct {
	ID       string   `json:"id"`
	Location string   `json:"location"`
	Source   string   `json:"source"`
	Hash     string   `json:"hash"`
	Claims   []string `json:"claims"`
	// Entities are the names the document mentions anywhere, claims or
	// not (datelines, tables, captions, headings), once per canonical
	// name and type; search finds the document's claims by them
	// (Query.DocEntities).
	Entities []extract.DocEntity `json:"entities,omitempty"`
	// Profile summarises the document for the cross-source analysis
	// (nil for records written before it existed).
	Profile *crosscheck.Profile `json:"profile,omitempty"`
	// Story is the id of the story the last cross-source analysis put
	// the document in.
	Story string `json:"story,omitempty"`
	// Pending is set when the document was added or replaced after the
	// last cross-source analysis, and cleared only once the analysis
	// has written its results: an interrupted analysis is redone.
	Pending bool `json:"pending,omitempty"`
	// PrevStory is the story the document was in before it was replaced
	// (that story must be analysed again without it).
	PrevStory string `json:"prev_story,omitempty"`
	// Text is the cleaned text given to Put, kept apart from the record
	// (see DocText); records read back never hold it.
	Text string `json:"-"`
}

// Doc returns the record of document id, if it was ingested. Changes still
// pending in a Writer are not visible.
func (ix *Index) Doc(id string) (rec DocRecord, found bool, err error) {
	// Bleve may panic reading a segment its persister just failed to
	// write (a full disk): that is the index failing, not the caller.
	defer func() {
		if p := recover(); p != nil {
			rec, found, err = DocRecord{}, false, fmt.Errorf("read document record %s: the index failed: %v", id, p)
		}
	}()
	d, err := ix.b.Document(docIDPrefix + id)
	if err != nil {
		return rec, false, fmt.Errorf("read document record %s: %w", id, err)
	}
	if d == nil {
		return rec, false, nil
	}
	var raw []byte
	d.VisitFields(func(f bleveindex.Field) {
		if f.Name() == fJSON {
			raw = append([]byte(nil), f.Value()...)
		}
	})
	if raw == nil {
		return rec, false, fmt.Errorf("read document record %s: no stored record", id)
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		return rec, false, fmt.Errorf("decode document record %s: %w", id, err)
	}
	return rec, true, nil
}
