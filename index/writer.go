package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
)

// Outcome is what Writer.Put did with a document.
type Outcome int

// Outcomes of Writer.Put.
const (
	Added     Outcome = iota // new document
	Unchanged                // same location, same content: nothing written
	Replaced                 // same location, new content: old claims removed
	Duplicate                // same content already indexed under another location
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	case Duplicate:
		return "duplicate"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// DefaultBatchSize is a batch size that keeps memory small and batches
// large enough for Bleve to index efficiently.
const DefaultBatchSize = 1000

// Writer batches changes. Not safe for concurrent use: one goroutine owns it.
//
// Each Put adds one document's whole change (its record, its claims, the
// deletion of its orphaned claims) to the pending batch, and the batch is
// applied only between documents, so the index never holds half a
// document. Until a flush, the writer remembers the pending records so
// that later Puts in the same batch see them.
type Writer struct {
	ix    *Index
	size  int
	batch *bleve.Batch
	ops   int // claims, deletions and records in batch

	pending map[string]DocRecord // by document id, not yet applied
	byHash  map[string]string    // content hash -> document id, pending only
}

// NewWriter returns a writer that flushes every batchSize claims
// (DefaultBatchSize when batchSize <= 0).
func (ix *Index) NewWriter(batchSize int) *Writer {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	w := &Writer{
		ix:      ix,
		size:    batchSize,
		batch:   ix.b.NewBatch(),
		pending: map[string]DocRecord{},
		byHash:  map[string]string{},
	}
	ix.mu.Lock()
	if ix.writers != nil {
		ix.writers[w] = struct{}{}
	}
	ix.mu.Unlock()
	return w
}

// Put adds or replaces a document and its claims. For Duplicate, dupOf is
// the location of the document already holding the content.
//
// The record stored is rec with Claims set to the ids of claims, in order.
// An empty Hash never matches: such a document is always replaced and never
// a duplicate.
func (w *Writer) Put(rec DocRecord, claims []extract.Claim) (o Outcome, dupOf string, err error) {
	if rec.ID == "" {
		return 0, "", fmt.Errorf("put document %q: empty document id", rec.Location)
	}
	old, found, err := w.record(rec.ID)
	if err != nil {
		return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
	}
	if found && rec.Hash != "" && old.Hash == rec.Hash {
		return Unchanged, "", nil
	}
	if !found && rec.Hash != "" {
		loc, dup, err := w.holderOf(rec.Hash, rec.ID)
		if err != nil {
			return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
		}
		if dup {
			return Duplicate, loc, nil
		}
	}

	// Map every Bleve document first: only mapping can fail, so an error
	// leaves the pending batch as it was.
	docs := make([]*document.Document, 0, len(claims)+1)
	ids := make([]string, 0, len(claims))
	keep := make(map[string]bool, len(claims))
	for _, c := range claims {
		if c.ID == "" {
			return 0, "", fmt.Errorf("put document %s: claim at offset %d has no id", rec.Location, c.Offset.Start)
		}
		if strings.HasPrefix(c.ID, docIDPrefix) {
			return 0, "", fmt.Errorf("put document %s: claim id %q uses the reserved prefix %q", rec.Location, c.ID, docIDPrefix)
		}
		fields, err := claimDocument(c)
		if err != nil {
			return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
		}
		d, err := w.mapDocument(c.ID, fields)
		if err != nil {
			return 0, "", fmt.Errorf("put document %s: claim %s: %w", rec.Location, c.ID, err)
		}
		docs = append(docs, d)
		if !keep[c.ID] {
			ids = append(ids, c.ID)
			keep[c.ID] = true
		}
	}
	rec.Claims = ids
	if rec.Profile == nil {
		p := crosscheck.NewProfile(claims)
		p.Doc = rec.ID
		rec.Profile = &p
	}
	// The document waits for the cross-source analysis, which must also
	// redo the story it was in.
	rec.Pending, rec.Story, rec.PrevStory = true, "", ""
	if found {
		rec.PrevStory = old.Story
		if old.Pending && old.PrevStory != "" {
			rec.PrevStory = old.PrevStory
		}
	}
	fields, err := recordDocument(rec)
	if err != nil {
		return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
	}
	d, err := w.mapDocument(docIDPrefix+rec.ID, fields)
	if err != nil {
		return 0, "", fmt.Errorf("put document %s: record: %w", rec.Location, err)
	}
	docs = append(docs, d)

	// Then add the whole change; nothing below fails.
	deletes := 0
	if found {
		for _, id := range old.Claims {
			if !keep[id] {
				w.batch.Delete(id)
				deletes++
			}
		}
	}
	for _, d := range docs {
		_ = w.batch.IndexAdvanced(d) // ids checked non-empty above
	}
	w.ops += len(claims) + deletes + 1
	if found && w.byHash[old.Hash] == rec.ID {
		delete(w.byHash, old.Hash)
	}
	w.pending[rec.ID] = rec
	if rec.Hash != "" {
		w.byHash[rec.Hash] = rec.ID
	}
	o = Added
	if found {
		o = Replaced
	}
	if w.ops >= w.size {
		if err := w.Flush(); err != nil {
			return o, "", err
		}
	}
	return o, "", nil
}

// mapDocument turns fields into a Bleve document with the index mapping.
func (w *Writer) mapDocument(id string, fields map[string]any) (*document.Document, error) {
	d := document.NewDocument(id)
	if err := w.ix.b.Mapping().MapDocument(d, fields); err != nil {
		return nil, fmt.Errorf("map document: %w", err)
	}
	return d, nil
}

// record returns the current record of document id: the pending one, else
// the indexed one.
func (w *Writer) record(id string) (DocRecord, bool, error) {
	if rec, ok := w.pending[id]; ok {
		return rec, true, nil
	}
	return w.ix.Doc(id)
}

// holderOf returns the location of a document other than self whose
// current content has this hash.
func (w *Writer) holderOf(hash, self string) (string, bool, error) {
	if id, ok := w.byHash[hash]; ok && id != self {
		return w.pending[id].Location, true, nil
	}
	q := bleve.NewConjunctionQuery(term(fType, typeDoc), term(fHash, hash))
	req := bleve.NewSearchRequestOptions(q, 20, 0, false)
	req.Fields = []string{fJSON}
	req.SortBy([]string{"_id"})
	res, err := w.ix.b.Search(req)
	if err != nil {
		return "", false, fmt.Errorf("look up content hash: %w", err)
	}
	for _, h := range res.Hits {
		id := strings.TrimPrefix(h.ID, docIDPrefix)
		if id == self {
			continue
		}
		if p, ok := w.pending[id]; ok && p.Hash != hash {
			continue // replaced in the pending batch
		}
		raw, err := storedJSON(h.Fields, h.ID)
		if err != nil {
			return "", false, err
		}
		var rec DocRecord
		if err := json.Unmarshal(raw, &rec); err != nil {
			return "", false, fmt.Errorf("decode document record %s: %w", id, err)
		}
		return rec.Location, true, nil
	}
	return "", false, nil
}

// Flush applies the pending batch.
func (w *Writer) Flush() error {
	defer func() {
		// A new batch rather than Reset: scorch's analysis goroutine can
		// still be reading the applied batch's map when Batch returns
		// (a data race under -race), so the old batch is left alone.
		w.batch = w.ix.b.NewBatch()
		w.ops = 0
		clear(w.pending)
		clear(w.byHash)
	}()
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.ix.b.Batch(w.batch); err != nil {
		if errors.Is(err, bleve.ErrorIndexClosed) {
			return fmt.Errorf("flush %d changes: index is closed: %w", w.batch.Size(), err)
		}
		return fmt.Errorf("flush %d changes: %w", w.batch.Size(), err)
	}
	return nil
}
