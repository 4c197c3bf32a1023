package crosscheck

import (
	"sync"
	"testing"

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
