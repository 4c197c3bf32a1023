package index

import (
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/format/plain"
	"github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// Markers around each matched term in Hit.Highlights. Markdown bold: plain
// text that reads well in a terminal or JSON, is rare in cleaned news prose
// (unlike «», used as quotation marks in many languages), and is easy for a
// front end to turn into ANSI bold or <mark>. No HTML escaping is applied.
const (
	HighlightStart = "**"
	HighlightEnd   = "**"
)

// HighlightSeparator joins fragments when a claim is longer than
// fragmentSize and has matches far apart.
const HighlightSeparator = "…"

// fragmentSize is large enough that most claims (one sentence, a quote, a
// table row) come back whole.
const fragmentSize = 500

const highlighterName = "claimdex-marks"

func init() {
	// Bleve looks highlighters up in its global registry; registering
	// in init runs once per process, as the registry requires. The only
	// possible error is a duplicate name, which cannot happen here.
	_ = registry.RegisterHighlighter(highlighterName, func(map[string]any, *registry.Cache) (highlight.Highlighter, error) {
		return simplehl.NewHighlighter(
			simple.NewFragmenter(fragmentSize),
			plain.NewFragmentFormatter(HighlightStart, HighlightEnd),
			HighlightSeparator,
		), nil
	})
}
