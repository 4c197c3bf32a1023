package peer

import (
	"bytes"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"github.com/claimdex/claimdex/corpus"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// TestL3SPeer scores claimdex and go-trafilatura (defaults, and with its
// fallback extractors) on one part of L3S-GN1, with the metric of the
// corpus package's evaluation (4-token shingles, mean page precision and
// recall). The split and the gold text are those of
// corpus/l3s_eval_test.go; only figures are printed, never pages:
//
//	cd corpus/peer && CLAIMDEX_L3S=DIR CLAIMDEX_L3S_PART=score go test -run L3SPeer -v
func TestL3SPeer(t *testing.T) {
	dir := os.Getenv("CLAIMDEX_L3S")
	if dir == "" {
		t.Skip("set CLAIMDEX_L3S to the L3S-GN1 folder (original/ and annotated/)")
	}
	part := os.Getenv("CLAIMDEX_L3S_PART")
	if part == "" {
		part = "study"
	}
	names, _ := filepath.Glob(filepath.Join(dir, "original", "*.html"))
	slices.Sort(names)
	systems := []string{"claimdex", "go-trafilatura", "go-trafilatura+fallback"}
	results := make(map[string][]counts)
	failed := make(map[string]int)
	n := 0
	for _, name := range names {
		base := filepath.Base(name)
		if splitPart(base) != part {
			continue
		}
		n++
		orig, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		ann, err := os.ReadFile(filepath.Join(dir, "annotated", base))
		if err != nil {
			t.Fatal(err)
		}
		gold := goldText(t, ann)
		for _, sys := range systems {
			got, ok := extract(sys, base, orig)
			if !ok {
				failed[sys]++
			}
			results[sys] = append(results[sys], compare(got, gold))
		}
	}
	for _, sys := range systems {
		p, r, f := score(results[sys])
		t.Logf("L3S-GN1 %s part, %d pages, %-24s P=%.4f R=%.4f F1=%.4f (%d failed outright)", part, n, sys, p, r, f, failed[sys])
	}
}

func extract(sys, name string, page []byte) (string, bool) {
	switch sys {
	case "claimdex":
		doc, err := corpus.Clean(name, page, corpus.Options{})
		if err != nil {
			return "", false
		}
		return doc.BodyText(), true
	default:
		res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{
			EnableFallback:  sys == "go-trafilatura+fallback",
			ExcludeComments: true,
		})
		if err != nil || res == nil || strings.TrimSpace(res.ContentText) == "" {
			return "", false
		}
		return res.ContentText, true
	}
}

// splitPart is corpus's split: FNV-1a of the file name, even is study.
func splitPart(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	if h.Sum32()%2 == 0 {
		return "study"
	}
	return "score"
}

func goldText(t *testing.T, annotated []byte) string {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(annotated))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	doc.Find("span.x-nc-sel2").Each(func(_ int, s *goquery.Selection) {
		if s.ParentsFiltered("span.x-nc-sel2").Length() == 0 {
			b.WriteString(s.Text())
			b.WriteByte('\n')
		}
	})
	return b.String()
}

type counts struct{ tp, fp, fn int }

func shingles(s string) map[string]int {
	toks := strings.FieldsFunc(s, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_') })
	m := map[string]int{}
	switch {
	case len(toks) == 0:
	case len(toks) < 4:
		m[strings.Join(toks, " ")]++
	default:
		for i := 0; i+4 <= len(toks); i++ {
			m[strings.Join(toks[i:i+4], " ")]++
		}
	}
	return m
}

func compare(got, want string) counts {
	g, w := shingles(got), shingles(want)
	var c counts
	for k, n := range g {
		c.tp += min(n, w[k])
		c.fp += max(n-w[k], 0)
	}
	for k, m := range w {
		c.fn += max(m-g[k], 0)
	}
	return c
}

func ratio(tp, miss int) float64 {
	if tp+miss == 0 {
		return 1
	}
	return float64(tp) / float64(tp+miss)
}

func score(pages []counts) (p, r, f1 float64) {
	var sp, sr float64
	var np, nr int
	for _, c := range pages {
		if c.tp+c.fp > 0 {
			np++
			sp += ratio(c.tp, c.fp)
		}
		if c.tp+c.fn > 0 {
			nr++
			sr += ratio(c.tp, c.fn)
		}
	}
	if np > 0 {
		p = sp / float64(np)
	}
	if nr > 0 {
		r = sr / float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}
