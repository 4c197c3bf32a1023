package corpus

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// The L3S-GN1 set (Kohlschütter et al., WSDM 2010) is 621 English news
// pages from 408 sites, each with a copy in which people marked the
// headline, the full text, supplemental text (captions and the like),
// related content and comments. It is read from CLAIMDEX_L3S (the folder
// holding original/ and annotated/) and never shipped.
//
// The set is split by a hash of each file name: the study part is read
// for errors and rules; the score part is only scored, and the test
// refuses to print its pages. CLAIMDEX_L3S_PART picks the part (study,
// the default, or score):
//
//	CLAIMDEX_L3S=DIR CLAIMDEX_L3S_PART=score go test ./corpus -run TestL3SExtraction -v

// l3sPart reports the part a file of the set belongs to.
func l3sPart(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	if h.Sum32()%2 == 0 {
		return "study"
	}
	return "score"
}

// l3sGold is the page's full text as annotated: the text of the outermost
// spans marked x-nc-sel2, one per line.
func l3sGold(annotated []byte) (string, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(annotated)))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	doc.Find("span.x-nc-sel2").Each(func(_ int, s *goquery.Selection) {
		if s.ParentsFiltered("span.x-nc-sel2").Length() > 0 {
			return
		}
		b.WriteString(s.Text())
		b.WriteByte('\n')
	})
	return b.String(), nil
}

// loadL3S reads one part of the set, or skips when CLAIMDEX_L3S is unset.
func loadL3S(tb testing.TB, part string) []benchPage {
	tb.Helper()
	dir := os.Getenv("CLAIMDEX_L3S")
	if dir == "" {
		tb.Skip("set CLAIMDEX_L3S to the L3S-GN1 folder (original/ and annotated/)")
	}
	names, err := filepath.Glob(filepath.Join(dir, "original", "*.html"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no pages under %s/original: %v", dir, err)
	}
	slices.Sort(names)
	var pages []benchPage
	for _, n := range names {
		base := filepath.Base(n)
		if l3sPart(base) != part {
			continue
		}
		orig, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		ann, err := os.ReadFile(filepath.Join(dir, "annotated", base))
		if err != nil {
			tb.Fatal(err)
		}
		gold, err := l3sGold(ann)
		if err != nil {
			tb.Fatalf("%s: %v", base, err)
		}
		pages = append(pages, benchPage{id: strings.TrimSuffix(base, ".html"), html: string(orig), want: gold})
	}
	return pages
}

// TestL3SExtraction scores main-text extraction on one part of L3S-GN1
// with the metric of TestArticleExtraction. EVAL_PAGES lists and diffs
// weak pages of the study part only.
func TestL3SExtraction(t *testing.T) {
	part := cmpOr(os.Getenv("CLAIMDEX_L3S_PART"), "study")
	if part != "study" && part != "score" {
		t.Fatalf("CLAIMDEX_L3S_PART = %q, want study or score", part)
	}
	pages := loadL3S(t, part)
	dump := os.Getenv("EVAL_PAGES") != "" && part == "study"
	results := make([]counts, 0, len(pages))
	failed := 0
	for _, pg := range pages {
		doc, err := cleanHTML(pg.id+".html", []byte(pg.html), Options{})
		got := ""
		if err != nil {
			failed++
			if part == "study" {
				t.Logf("%s: %v", pg.id, err)
			}
		} else {
			got = bodyText(doc, false)
		}
		c := compare(got, pg.want)
		results = append(results, c)
		if dump && testing.Verbose() {
			p, r := ratio(c.tp, c.fp), ratio(c.tp, c.fn)
			if p < 0.9 || r < 0.9 {
				t.Logf("page %s P=%.3f R=%.3f", pg.id[:8], p, r)
				if os.Getenv("EVAL_PAGES") == "diff" {
					t.Logf("  extra:  %s", strings.Join(unmatched(got, pg.want), " ¦ "))
					t.Logf("  missed: %s", strings.Join(unmatched(pg.want, got), " ¦ "))
				}
			}
		}
	}
	p, r, f1 := score(results)
	t.Logf("L3S-GN1 %s part, %d pages (%d failed outright): P=%.4f R=%.4f F1=%.4f", part, len(pages), failed, p, r, f1)
}

func cmpOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// BenchmarkL3SMedian reports the median and maximum CPU time per page on
// one part of L3S-GN1 (the budget: 3 ms median):
//
//	CLAIMDEX_L3S=DIR CLAIMDEX_L3S_PART=score go test ./corpus -run '^$' -bench L3SMedian -benchtime 1x
func BenchmarkL3SMedian(b *testing.B) {
	pages := loadL3S(b, cmpOr(os.Getenv("CLAIMDEX_L3S_PART"), "study"))
	var med, maxT time.Duration
	for b.Loop() {
		med, maxT, _ = medianPageTime(pages, 3)
	}
	b.ReportMetric(float64(med.Nanoseconds())/1e6, "median-ms/page")
	b.ReportMetric(float64(maxT.Nanoseconds())/1e6, "max-ms/page")
}
