package synth

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus"
)

func TestSameSeedSameBytes(t *testing.T) {
	a, b := First(7, 300), First(7, 500)
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("page %d differs between two runs of seed 7", i)
		}
	}
	c := First(8, 300)
	same := 0
	for i := range a {
		if bytes.Equal(a[i].Data, c[i].Data) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 300 pages are the same under seeds 7 and 8", same)
	}
}

// TestVariety checks that the first thousand pages are all different,
// as bytes and as cleaned text, with several outlets per event, every
// form, and outlets that disagree on a figure.
func TestVariety(t *testing.T) {
	pages := First(1, 1000)
	raw := map[[32]byte]int{}
	text := map[[32]byte]int{}
	names := map[string]bool{}
	forms := map[Form]int{}
	perEvent := map[int]int{}
	for _, p := range pages {
		rh := sha256.Sum256(p.Data)
		if j, ok := raw[rh]; ok {
			t.Fatalf("pages %d and %d are the same bytes", j, p.Index)
		}
		raw[rh] = p.Index
		doc, err := corpus.Clean(p.Name, p.Data, corpus.Options{})
		if err != nil {
			t.Fatalf("clean %s: %v", p.Name, err)
		}
		th := sha256.Sum256([]byte(doc.Text))
		if j, ok := text[th]; ok {
			t.Fatalf("pages %d and %d clean to the same text", j, p.Index)
		}
		text[th] = p.Index
		if names[p.Name] {
			t.Fatalf("file name %s given twice", p.Name)
		}
		names[p.Name] = true
		forms[p.Form]++
		perEvent[p.Event]++
	}
	for _, f := range []Form{HTML, Wire, Markdown} {
		if forms[f] < 100 {
			t.Errorf("%d pages of form %s in 1000, want at least 100", forms[f], f)
		}
	}
	sizes := map[int]int{}
	for _, n := range perEvent {
		sizes[n]++
	}
	if sizes[1] > 1 || len(sizes) < 3 {
		t.Errorf("outlets per event %v: want several outlets per event, in varying numbers", sizes)
	}
}

// TestEachFormParses cleans a page of each form and checks that the
// cleaner reads what the generator wrote: title, source, date, and a body
// naming the event's firm without the site chrome.
func TestEachFormParses(t *testing.T) {
	seen := map[Form]bool{}
	for _, p := range First(3, 60) {
		if seen[p.Form] {
			continue
		}
		seen[p.Form] = true
		t.Run(p.Form.String(), func(t *testing.T) {
			doc, err := corpus.Clean(p.Name, p.Data, corpus.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title == "" || doc.Source == "" || doc.Published.IsZero() {
				t.Errorf("title %q, source %q, published %v: want all three", doc.Title, doc.Source, doc.Published)
			}
			if doc.Published.Before(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("published %v, before the corpus starts", doc.Published)
			}
			content := 0
			for _, b := range doc.Blocks {
				if !b.Boilerplate {
					content++
				}
			}
			if content < 8 {
				t.Errorf("%d content blocks, want the article's paragraphs", content)
			}
			if firm := newEvent(3, p.Event).firm; !strings.Contains(doc.Text, firm) {
				t.Errorf("text does not name the event's firm %q", firm)
			}
			for _, chrome := range []string{"Accept all cookies", "Share on Facebook", "Related stories", "All rights reserved"} {
				if strings.Contains(doc.Text, chrome) {
					t.Errorf("site chrome %q left in the text", chrome)
				}
			}
		})
	}
	if len(seen) != 3 {
		t.Errorf("forms seen in 60 pages: %v, want all three", seen)
	}
}

// TestOutletsDisagree checks that some events have outlets stating
// different amounts, which is what the cross-source step looks for.
func TestOutletsDisagree(t *testing.T) {
	differ := 0
	for e := range 200 {
		ev := newEvent(1, e)
		if ev.variantAmount >= 0 || ev.variantCount >= 0 {
			differ++
		}
	}
	if differ < 40 || differ > 160 {
		t.Errorf("%d of 200 events have outlets that disagree, want a share of them", differ)
	}
}

func BenchmarkPages(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		First(1, 100)
	}
}
