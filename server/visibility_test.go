package server

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sync"
	"testing"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// TestSearchSeesFlushedBatches: while one goroutine writes, each batch
// flushed before a search began is in its answer, and concurrent
// searches never fail.
func TestSearchSeesFlushedBatches(t *testing.T) {
	ts := newTestServer(t, Config{})
	const docs = 20
	flushed := make(chan int, docs)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(flushed)
		w := ts.ix.NewWriter(index.DefaultBatchSize)
		for d := range docs {
			id := fmt.Sprintf("vis-%02d", d)
			c := extract.Claim{ID: id + "-0", DocID: id, Location: id, Kind: extract.KindSentence,
				Text: fmt.Sprintf("The quarry at Velmont%02d shipped stone.", d)}
			if _, _, err := w.Put(index.DocRecord{ID: id, Location: id, Hash: id}, []extract.Claim{c}); err != nil {
				t.Error(err)
				return
			}
			if err := w.Flush(); err != nil {
				t.Error(err)
				return
			}
			flushed <- d
		}
	}()
	// Readers hammer the index meanwhile.
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				if status, body := ts.get("/api/search?q=quarry&facets=true"); status != 200 {
					t.Errorf("search during writes: %d %s", status, body)
					return
				}
			}
		}()
	}
	for d := range flushed {
		status, body := ts.get("/api/search?q=" + url.QueryEscape(fmt.Sprintf("velmont%02d", d)))
		var r api.SearchResult
		if status != 200 || json.Unmarshal(body, &r) != nil || r.Total != 1 {
			t.Errorf("document %d flushed before the search began: %d %s", d, status, body)
		}
	}
	wg.Wait()
}
