package crosscheck

import (
	"os"
	"strings"
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

// topicWeight returns the weight of term in the topic of value in a
// sentence claim of text, or 0.
func topicWeight(text, value, term string) float64 {
	i := strings.Index(text, value)
	c := extract.Claim{Text: text, Kind: extract.KindSentence}
	for _, tt := range mentionTopic(&c, span{i, i + len(value)}, nil) {
		if tt.term == term {
			return tt.w
		}
	}
	return 0
}

// countMention is a count of v in unit whose topic holds terms, each at
// full weight.
func countMention(v float64, unit string, terms ...string) mention {
	m := mention{kind: ValueQuantity, val: mvalue{lo: v, hi: v, unit: unit}}
	for _, w := range terms {
		m.topic = append(m.topic, topicTerm{w, 1})
	}
	return m
}
