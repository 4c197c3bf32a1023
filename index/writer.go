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

	texts   map[string]string    // by document id, written just before the batch
	pending map[string]DocRecord // by document id, not yet applied
	byHash  map[string]string    // content hash -> document id, pending only
	removed map[string]bool      // document ids removed, pending only
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
		texts:   map[string]string{},
		pending: map[string]DocRecord{},
		byHash:  map[string]string{},
		removed: map[string]bool{},
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

	text := rec.Text
	rec.Text = ""
	if len(claims) >= w.size {
		return w.putLarge(rec, old, found, claims, text)
	}

	// Map every Bleve document first: only mapping can fail, so an error
	// leaves the pending batch as it was.
	ids, keep, err := claimIDs(rec.Location, claims)
	if err != nil {
		return 0, "", err
	}
	docs := make([]*document.Document, 0, len(claims)+1)
	for _, c := range claims {
		fields, err := claimDocument(c)
		if err != nil {
			return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
		}
		d, err := w.mapDocument(c.ID, fields)
		if err != nil {
			return 0, "", fmt.Errorf("put document %s: claim %s: %w", rec.Location, c.ID, err)
		}
		docs = append(docs, d)
	}
	rec.Claims = ids
	awaitAnalysis(&rec, old, found, claims)
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
	w.texts[rec.ID] = text
	delete(w.removed, rec.ID)
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

// claimIDs checks a document's claim ids and returns them in order, once
// each, with the set of them.
func claimIDs(loc string, claims []extract.Claim) ([]string, map[string]bool, error) {
	ids := make([]string, 0, len(claims))
	keep := make(map[string]bool, len(claims))
	for _, c := range claims {
		if c.ID == "" {
			return nil, nil, fmt.Errorf("put document %s: claim at offset %d has no id", loc, c.Offset.Start)
		}
		if strings.HasPrefix(c.ID, docIDPrefix) {
			return nil, nil, fmt.Errorf("put document %s: claim id %q uses the reserved prefix %q", loc, c.ID, docIDPrefix)
		}
		if !keep[c.ID] {
			ids = append(ids, c.ID)
			keep[c.ID] = true
		}
	}
	return ids, keep, nil
}

// awaitAnalysis readies the record of a document being written for the
// cross-source analysis: its profile (from its claims, unless the caller
// made one), and the pending mark with the story it was in, which must
// be analysed again without its old claims.
func awaitAnalysis(rec *DocRecord, old DocRecord, found bool, claims []extract.Claim) {
	if rec.Profile == nil {
		p := crosscheck.NewProfile(claims)
		p.Doc = rec.ID
		rec.Profile = &p
	}
	rec.Pending, rec.Story, rec.PrevStory = true, "", ""
	if found {
		rec.PrevStory = old.Story
		if old.Pending && old.PrevStory != "" {
			rec.PrevStory = old.PrevStory
		}
	}
}

// Remove deletes document id, its record and its claims, in the pending
// batch. Removing a document the index does not hold does nothing.
func (w *Writer) Remove(id string) error {
	rec, found, err := w.record(id)
	if err != nil {
		return fmt.Errorf("remove document %s: %w", id, err)
	}
	if !found {
		return nil
	}
	others, err := w.ix.storyMembersPending(rec.Story, id)
	if err != nil {
		return fmt.Errorf("remove document %s: %w", id, err)
	}
	for _, m := range others {
		if err := w.PutRecord(m); err != nil {
			return fmt.Errorf("remove document %s: %w", id, err)
		}
	}
	for _, c := range rec.Claims {
		w.batch.Delete(c)
	}
	w.batch.Delete(docIDPrefix + id)
	w.ops += len(rec.Claims) + 1
	if w.byHash[rec.Hash] == id {
		delete(w.byHash, rec.Hash)
	}
	delete(w.pending, id)
	delete(w.texts, id)
	w.removed[id] = true
	return nil
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
	if w.removed[id] {
		return DocRecord{}, false, nil
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
		if p, ok := w.pending[id]; ok && p.Hash != hash || w.removed[id] {
			continue // replaced or removed in the pending batch
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
		clear(w.removed)
		clear(w.texts)
	}()
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.putTexts(); err != nil {
		return fmt.Errorf("flush %d changes: %w", w.batch.Size(), err)
	}
	if err := w.ix.apply(w.batch); err != nil {
		if errors.Is(err, bleve.ErrorIndexClosed) {
			return fmt.Errorf("flush %d changes: index is closed: %w", w.batch.Size(), err)
		}
		return fmt.Errorf("flush %d changes: %w", w.batch.Size(), err)
	}
	return nil
}

// putTexts writes the texts of the pending documents and deletes those
// of the removed ones (an empty text deletes too).
func (w *Writer) putTexts() error {
	set := make(map[string]string, len(w.texts))
	var del []string
	for id, t := range w.texts {
		if t == "" {
			del = append(del, id)
		} else {
			set[id] = t
		}
	}
	for id := range w.removed {
		del = append(del, id)
	}
	return w.ix.texts.put(set, del)
}

// internalPendingKey holds the document a large Put is writing (see
// putLarge), from the first of its batches until the last one.
var internalPendingKey = []byte("claimdex:pending-doc")

// pendingDoc is what a large Put records before its first batch: every
// claim id the index may hold for the document while it is half written.
type pendingDoc struct {
	ID       string   `json:"id"`
	Location string   `json:"location"`
	Claims   []string `json:"claims"`
}

// putLarge writes a document with at least a batch of claims in several
// batches, so that memory is bounded by the batch size rather than by the
// document. It stays atomic for every reader: the first batch records the
// document as pending (its old and new claim ids), the last one writes
// the record, deletes orphaned claims and clears the mark, and Open rolls
// back a pending document left by a crash, removing its claims and record
// so that the next ingest adds it whole.
func (w *Writer) putLarge(rec DocRecord, old DocRecord, found bool, claims []extract.Claim, text string) (Outcome, string, error) {
	ids, keep, err := claimIDs(rec.Location, claims)
	if err != nil {
		return 0, "", err
	}
	rec.Claims = ids
	awaitAnalysis(&rec, old, found, claims)
	fields, err := recordDocument(rec)
	if err != nil {
		return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
	}
	recDoc, err := w.mapDocument(docIDPrefix+rec.ID, fields)
	if err != nil {
		return 0, "", fmt.Errorf("put document %s: record: %w", rec.Location, err)
	}
	// Earlier documents go in first: the pending mark covers this one only.
	if err := w.Flush(); err != nil {
		return 0, "", err
	}
	mark := pendingDoc{ID: rec.ID, Location: rec.Location, Claims: ids}
	var orphans []string
	if found {
		for _, id := range old.Claims {
			if !keep[id] {
				mark.Claims = append(mark.Claims, id)
				orphans = append(orphans, id)
			}
		}
	}
	raw, err := json.Marshal(mark)
	if err != nil {
		return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
	}
	w.batch.SetInternal(internalPendingKey, raw)
	if err := w.apply(); err != nil {
		return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
	}
	// From here on a failure leaves the document pending: the next Open
	// rolls it back. (Not at once: after a failed batch, Bleve must not
	// be given another; see Index.apply.)
	fail := func(err error) (Outcome, string, error) {
		w.batch = w.ix.b.NewBatch()
		return 0, "", fmt.Errorf("put document %s: %w", rec.Location, err)
	}
	for i := 0; i < len(claims); i += w.size {
		for _, c := range claims[i:min(i+w.size, len(claims))] {
			fields, err := claimDocument(c)
			if err != nil {
				return fail(err)
			}
			d, err := w.mapDocument(c.ID, fields)
			if err != nil {
				return fail(fmt.Errorf("claim %s: %w", c.ID, err))
			}
			_ = w.batch.IndexAdvanced(d) // ids checked non-empty above
		}
		if err := w.apply(); err != nil {
			return fail(err)
		}
	}
	for i := 0; i < len(orphans); i += w.size {
		for _, id := range orphans[i:min(i+w.size, len(orphans))] {
			w.batch.Delete(id)
		}
		if err := w.apply(); err != nil {
			return fail(err)
		}
	}
	set, del := map[string]string{rec.ID: text}, []string(nil)
	if text == "" {
		set, del = nil, []string{rec.ID}
	}
	if err := w.ix.texts.put(set, del); err != nil {
		return fail(err)
	}
	_ = w.batch.IndexAdvanced(recDoc)
	w.batch.DeleteInternal(internalPendingKey)
	if err := w.apply(); err != nil {
		return fail(err)
	}
	if found {
		return Replaced, "", nil
	}
	return Added, "", nil
}

// apply applies the pending batch of a large Put and starts a new one.
func (w *Writer) apply() error {
	b := w.batch
	w.batch = w.ix.b.NewBatch()
	if testHookApply != nil {
		if err := testHookApply(b.Size()); err != nil {
			return err
		}
	}
	if err := w.ix.apply(b); err != nil {
		return fmt.Errorf("apply batch of %d changes: %w", b.Size(), err)
	}
	return nil
}

// apply applies a Bleve batch. After one batch has failed (a full disk,
// a read-only file system) no other is tried: scorch is then in a state
// where the next batch can panic, and what reached the disk before is
// safe for the next Open. A panic inside Bleve becomes an error too.
func (ix *Index) apply(b *bleve.Batch) (err error) {
	ix.mu.Lock()
	failed := ix.failed
	ix.mu.Unlock()
	if failed != nil {
		return fmt.Errorf("index not written after an earlier write failed: %w", failed)
	}
	// Whatever the batch did, what was computed before it is stale.
	defer ix.gen.Add(1)
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("index write: %v", p)
		}
		if err != nil {
			ix.mu.Lock()
			if ix.failed == nil {
				ix.failed = err
			}
			ix.mu.Unlock()
		}
	}()
	return ix.b.Batch(b)
}

// testHookApply, when set by a test, sees the size of every batch of a
// large Put before it is applied, and fails it by returning an error.
var testHookApply func(changes int) error

// rollbackPending removes a document left half written by a large Put
// (a crash or a failed write between its batches): its claims, old and
// new, and its record, in one batch. The next ingest adds it whole.
func (ix *Index) rollbackPending() error {
	raw, err := ix.b.GetInternal(internalPendingKey)
	if err != nil {
		return fmt.Errorf("read pending document: %w", err)
	}
	if raw == nil {
		return nil
	}
	var p pendingDoc
	b := ix.b.NewBatch()
	if err := json.Unmarshal(raw, &p); err == nil {
		for _, id := range p.Claims {
			b.Delete(id)
		}
		if p.ID != "" {
			// The story the document was in is analysed again without it.
			if old, found, err := ix.Doc(p.ID); err == nil && found {
				others, err := ix.storyMembersPending(old.Story, p.ID)
				if err != nil {
					return fmt.Errorf("roll back half-written document %s: %w", p.Location, err)
				}
				for _, m := range others {
					fields, err := recordDocument(m)
					if err != nil {
						return fmt.Errorf("roll back half-written document %s: %w", p.Location, err)
					}
					d := document.NewDocument(docIDPrefix + m.ID)
					if err := ix.b.Mapping().MapDocument(d, fields); err != nil {
						return fmt.Errorf("roll back half-written document %s: %w", p.Location, err)
					}
					_ = b.IndexAdvanced(d)
				}
			}
			b.Delete(docIDPrefix + p.ID)
		}
	}
	b.DeleteInternal(internalPendingKey)
	if err := ix.apply(b); err != nil {
		return fmt.Errorf("roll back half-written document %s: %w", p.Location, err)
	}
	return nil
}
