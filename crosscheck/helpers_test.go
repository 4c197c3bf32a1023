package crosscheck

import (
	"os"
	"sync"
	"testing"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
)

var (
	testXOnce sync.Once
	testX     *extract.Extractor
	testXErr  error
)

// testExtractor returns one extractor shared by the package's tests (the
// model is loaded once; the extractor is safe for concurrent use).
func testExtractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	testXOnce.Do(func() { testX, testXErr = extract.New() })
	if testXErr != nil {
		tb.Fatalf("extract.New: %v", testXErr)
	}
	return testX
}

// seedsDir holds the two seed articles beside the repository (absent in a user clone).
const seedsDir = "../../shared/seeds"

// cleanFile runs the product's pieces over one file: corpus.Clean, then
// the shared extractor.
func cleanFile(tb testing.TB, path string) (*corpus.Document, []extract.Claim) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := corpus.Clean(path, data, corpus.Options{})
	if err != nil {
		tb.Fatalf("clean %s: %v", path, err)
	}
	return doc, testExtractor(tb).Claims(doc)
}
