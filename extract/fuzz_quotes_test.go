package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzQuotes: quotation marks and attributions come from any article.
// Spans lie inside the text, in order, without overlap, and start at a
// quotation mark; attributing a block never panics and gives one
// attribution per sentence.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		`“We will rebuild,” the mayor said.`,
		`"It is not enough," said Anna Berg. "We need more."`,
		`«Nous verrons», a-t-il dit.`,
		`He is 5'10" tall and said "hello`,
		`“Unclosed quote continues`,
		`""""`,
		"“”«»\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		prev := 0
		for _, q := range quoteSpans(s) {
			if q.Start < prev || q.End < q.Start || q.End > len(s) {
				t.Fatalf("span %+v out of order or bounds (text %d bytes, previous end %d)", q, len(s), prev)
			}
			if r, _ := utf8.DecodeRuneInString(s[q.Start:]); !strings.ContainsRune("“«\"", r) {
				t.Fatalf("span %+v starts with %q, not a quotation mark", q, r)
			}
			prev = q.End
		}
		var refs []sentenceRef
		for _, sp := range splitSentences(s) {
			refs = append(refs, sentenceRef{Text: s[sp.Start:sp.End], Off: sp.Start})
		}
		var tr speakerTracker
		if got := tr.attributeBlock(s, false, refs); len(got) != len(refs) {
			t.Fatalf("%d attributions for %d sentences", len(got), len(refs))
		}
	})
}
