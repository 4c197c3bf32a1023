package extract

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/corpus"
)

// The check-worthiness evaluation reads the CLEF-2024 CheckThat! Task 1
// English data (sentences from US presidential debates, labelled Yes/No
// for check-worthiness) from the directory in CLAIMDEX_CHECKWORTHY: the
// files CT24_checkworthy_english_{train,dev,dev-test,test_gold}.tsv, each
// "Sentence_id<TAB>Text<TAB>class_label". The data is measured here, never
// committed. Each sentence goes through the real Extractor as a one-block
// document, so the features come from the real finders and recogniser;
// its score is the highest of its claims' scores (0 when it gives no
// claim, e.g. a question), and it is predicted check-worthy when that
// score reaches CheckWorthy. The official measure is F1 of the positive
// class.
//
// Published figures on this data (F1 of "Yes"):
//   - dev-test, the task's baselines (task1/README.md of
//     gitlab.com/checkthat_lab/clef2024-checkthat-lab): majority 0.000,
//     random 0.462, n-gram SVM 0.599.
//   - test: the lab's best English system, FactFinders (fine-tuned
//     open LLMs with data pruning; Li, Panchendrarajan and Zubiaga, CLEF
//     2024 working notes, arXiv:2406.18297), ranked first; fine-tuned
//     transformers dominate the table. Predicting "Yes" for every
//     sentence gives 0.410 here (logged below).
//
// Measured (score.go as committed): test P 0.548 R 0.580 F1 0.564;
// dev-test F1 0.684; dev F1 0.780. Before the refit (hand-set weights,
// fewer signals): test F1 0.331, dev-test 0.290, dev 0.749. The weights
// were fitted on train, and the bias chosen on dev and dev-test together
// (TestCheckworthyFit); test was used only to report. dev-test is thus
// not a clean comparison with the task's baselines; test is.

// checkworthyFloor is the lowest test F1 the evaluation accepts: just under
// what the score reaches, so that a regression fails.
const checkworthyFloor = 0.54

// cwItem is one labelled sentence.
type cwItem struct {
	id, text string
	yes      bool
}

// readCheckworthy parses one CheckThat! TSV file. Texts are quoted CSV
// style when they hold quotes, so the CSV reader is used with tabs.
func readCheckworthy(path string) ([]cwItem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open check-worthiness data: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var items []cwItem
	header := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", filepath.Base(path), err)
		}
		if header {
			header = false
			continue
		}
		if len(rec) < 3 {
			continue
		}
		label := strings.TrimSpace(rec[len(rec)-1])
		if label != "Yes" && label != "No" {
			continue
		}
		items = append(items, cwItem{id: rec[0], text: strings.TrimSpace(rec[1]), yes: label == "Yes"})
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: no labelled rows", filepath.Base(path))
	}
	return items, nil
}

// checkworthySplit reads the split named name ("train", "dev", "dev-test",
// "test_gold") from the directory in CLAIMDEX_CHECKWORTHY, skipping the
// test when the variable is unset.
func checkworthySplit(t *testing.T, name string) []cwItem {
	t.Helper()
	dir := os.Getenv("CLAIMDEX_CHECKWORTHY")
	if dir == "" {
		t.Skip("CLAIMDEX_CHECKWORTHY not set (directory of CheckThat! 2024 English task 1 .tsv files)")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*_"+name+".tsv"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("want one *_%s.tsv in %s, found %v (err %v)", name, dir, paths, err)
	}
	items, err := readCheckworthy(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// sentenceClaims runs the extractor on text as a one-paragraph document.
func sentenceClaims(x *Extractor, text string) []Claim {
	doc := &corpus.Document{ID: "cw", Location: "cw", Source: "cw",
		Text:   text,
		Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: text, Start: 0, End: len(text)}}}
	return x.Claims(doc)
}

// sentenceScore is the highest score of the sentence's claims, 0 without
// claims.
func sentenceScore(x *Extractor, text string) float64 {
	best := 0.0
	for _, c := range sentenceClaims(x, text) {
		best = max(best, c.Score)
	}
	return best
}

// prf is precision, recall and F1 of the positive class.
type prf struct{ tp, fp, fn int }

func (s prf) p() float64  { return ratio(s.tp, s.tp+s.fp) }
func (s prf) r() float64  { return ratio(s.tp, s.tp+s.fn) }
func (s prf) f1() float64 { return ratio(2*s.tp, 2*s.tp+s.fp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *prf) add(pred, gold bool) {
	switch {
	case pred && gold:
		s.tp++
	case pred:
		s.fp++
	case gold:
		s.fn++
	}
}

func TestCheckworthy(t *testing.T) {
	test := checkworthySplit(t, "test_gold")
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	eval := func(items []cwItem) (s, allYes prf) {
		for _, it := range items {
			s.add(sentenceScore(x, it.text) >= CheckWorthy, it.yes)
			allYes.add(true, it.yes)
		}
		return s, allYes
	}
	// The study splits are logged when present; the score-only test
	// split alone is enough to report.
	for _, split := range []string{"dev", "dev-test"} {
		if paths, _ := filepath.Glob(filepath.Join(os.Getenv("CLAIMDEX_CHECKWORTHY"), "*_"+split+".tsv")); len(paths) != 1 {
			t.Logf("%-9s not present", split)
			continue
		}
		s, _ := eval(checkworthySplit(t, split))
		t.Logf("%-9s P %.3f R %.3f F1 %.3f", split, s.p(), s.r(), s.f1())
	}
	s, allYes := eval(test)
	t.Logf("test      P %.3f R %.3f F1 %.3f (%d sentences: tp %d fp %d fn %d; all-Yes F1 %.3f)",
		s.p(), s.r(), s.f1(), len(test), s.tp, s.fp, s.fn, allYes.f1())
	if s.f1() < checkworthyFloor {
		t.Errorf("test F1 %.3f below floor %.2f", s.f1(), checkworthyFloor)
	}
}

// cwExample is one claim's signals with its sentence's label and index.
type cwExample struct {
	sentence int
	idx      []int
	val      []float64
	yes      bool
}

// cwExamples runs the extractor on items and returns one example per claim,
// with signal indices into names.
func cwExamples(x *Extractor, items []cwItem, names []string) []cwExample {
	index := map[string]int{}
	for i, n := range names {
		index[n] = i
	}
	var out []cwExample
	for si, it := range items {
		for _, c := range sentenceClaims(x, it.text) {
			e := cwExample{sentence: si, yes: it.yes}
			for _, s := range signals(&c) {
				e.idx = append(e.idx, index[s.name])
				e.val = append(e.val, s.value)
			}
			out = append(out, e)
		}
	}
	return out
}

func cwLogit(w []float64, e cwExample) float64 {
	z := 0.0
	for k, j := range e.idx {
		z += w[j] * e.val[k]
	}
	return z
}

// cwF1 scores sentences by their best claim, with offset added to every
// claim's logit, against the labels of items.
func cwF1(w []float64, offset float64, ex []cwExample, items []cwItem) prf {
	best := make([]float64, len(items))
	for _, e := range ex {
		best[e.sentence] = max(best[e.sentence], 1/(1+math.Exp(-(cwLogit(w, e)+offset))))
	}
	var s prf
	for i, it := range items {
		s.add(best[i] >= CheckWorthy, it.yes)
	}
	return s
}

// scorePriors are the hand-set weights the fit starts from and is pulled
// back to: what the signals were worth before any data was seen.
var scorePriors = map[string]float64{
	"attribution":    0.60,
	"belief":         -1.00,
	"bias":           -1.00,
	"boilerplate":    -2.50,
	"change":         0.50,
	"comparison":     0.60,
	"date":           0.50,
	"entities":       0.35,
	"first_person":   0.00,
	"future":         -0.50,
	"hedge":          -0.50,
	"imperative":     -1.50,
	"long":           0.00,
	"money":          1.40,
	"number":         0.50,
	"opinion":        -1.00,
	"past_action":    0.20,
	"public_matter":  0.30,
	"quantity":       0.90,
	"question":       -2.50,
	"reporting_verb": 0.25,
	"second_person":  -0.80,
	"short":          -1.00,
	"superlative":    0.40,
	"third_person":   0.00,
}

// TestCheckworthyFit refits the weights (set CLAIMDEX_CHECKWORTHY_FIT=1):
// logistic regression on the train split by gradient descent, with an L2
// penalty pulling each weight back to its hand-set prior (scorePriors),
// then a bias offset chosen to maximise the mean F1 at CheckWorthy over the
// dev and dev-test splits. It prints the weights to paste into score.go,
// rounded. Claims are the training examples, each labelled with its
// sentence's label; sentences that give no claim are left out (they score
// 0 whatever the weights).
func TestCheckworthyFit(t *testing.T) {
	if os.Getenv("CLAIMDEX_CHECKWORTHY_FIT") == "" {
		t.Skip("CLAIMDEX_CHECKWORTHY_FIT not set")
	}
	train := checkworthySplit(t, "train")
	dev := checkworthySplit(t, "dev")
	devTest := checkworthySplit(t, "dev-test")
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(weights))
	for n := range weights {
		if _, ok := scorePriors[n]; !ok {
			t.Fatalf("signal %q has no prior in scorePriors", n)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	prior := make([]float64, len(names))
	for i, n := range names {
		prior[i] = scorePriors[n]
	}
	trainEx := cwExamples(x, train, names)
	devEx := cwExamples(x, dev, names)
	devTestEx := cwExamples(x, devTest, names)

	const (
		lambda = 0.002 // pull towards the prior, per weight
		rate   = 0.5
		rounds = 4000
	)
	w := append([]float64(nil), prior...)
	grad := make([]float64, len(w))
	for range rounds {
		clear(grad)
		for _, e := range trainEx {
			p := 1 / (1 + math.Exp(-cwLogit(w, e)))
			y := 0.0
			if e.yes {
				y = 1
			}
			for k, j := range e.idx {
				grad[j] += (p - y) * e.val[k]
			}
		}
		for j := range w {
			g := grad[j] / float64(len(trainEx))
			if names[j] != "bias" {
				g += lambda * (w[j] - prior[j])
			}
			w[j] -= rate * g
		}
	}
	bestOff, bestF := 0.0, -1.0
	for off := -3.0; off <= 3.0; off += 0.02 {
		// Both development splits count: dev (older debates) and
		// dev-test (2020) differ in their share of check-worthy sentences.
		f := (cwF1(w, off, devEx, dev).f1() + cwF1(w, off, devTestEx, devTest).f1()) / 2
		if f > bestF+1e-9 {
			bestOff, bestF = off, f
		}
	}
	var b strings.Builder
	for i, n := range names {
		v := w[i]
		if n == "bias" {
			v += bestOff
		}
		fmt.Fprintf(&b, "\t%q: %.2f, // prior %.2f\n", n, v, prior[i])
	}
	t.Logf("fitted on %d train claims; bias offset %.2f gives mean dev F1 %.3f: dev-test %.3f (prior weights: %.3f), dev %.3f (prior weights: %.3f)\n%s",
		len(trainEx), bestOff, bestF, cwF1(w, bestOff, devTestEx, devTest).f1(), cwF1(prior, 0, devTestEx, devTest).f1(),
		cwF1(w, bestOff, devEx, dev).f1(), cwF1(prior, 0, devEx, dev).f1(), b.String())
	tr := cwF1(w, bestOff, trainEx, train)
	t.Logf("train: P %.3f R %.3f F1 %.3f", tr.p(), tr.r(), tr.f1())
	// The fit starts from the prior and the offset search includes 0 when
	// the prior is kept, so a refit that ends worse on the development
	// splits than the prior means the fitting itself is broken.
	priorF := (cwF1(prior, 0, devEx, dev).f1() + cwF1(prior, 0, devTestEx, devTest).f1()) / 2
	if bestF < priorF-0.005 {
		t.Errorf("refit mean dev F1 %.3f is below the prior weights' %.3f", bestF, priorF)
	}
}
