package extract

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The CoNLL-2003 evaluation reads the English test file (eng.testb, IOB or
// IOBES tags in the last column) from CLAIMDEX_CONLL. The file is
// Reuters-licensed: it is measured, never committed.

// conllDoc is one -DOCSTART- document: its sentences as space-joined
// tokens, and the gold spans of each sentence.
type conllDoc struct {
	sents []string
	gold  [][]conllSpan
}

// conllSpan is a typed byte span in a sentence.
type conllSpan struct {
	start, end int
	typ        string
}

// readCoNLL parses a CoNLL-2003 file into documents.
func readCoNLL(path string) ([]conllDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open conll: %w", err)
	}
	defer f.Close()
	var docs []conllDoc
	var cur conllDoc
	var words, tags []string
	flushSent := func() {
		if len(words) == 0 {
			return
		}
		var b strings.Builder
		var spans []conllSpan
		open, openTyp := -1, ""
		closeSpan := func(end int) {
			if open >= 0 {
				spans = append(spans, conllSpan{open, end, openTyp})
			}
			open = -1
		}
		prevEnd := 0
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			tag := tags[i]
			prefix, typ, _ := strings.Cut(tag, "-")
			switch {
			case tag == "O":
				closeSpan(prevEnd)
			case prefix == "B" || prefix == "S" || typ != openTyp || open < 0:
				closeSpan(prevEnd)
				open, openTyp = start, typ
			}
			if prefix == "S" || prefix == "E" {
				closeSpan(b.Len())
			}
			prevEnd = b.Len()
		}
		closeSpan(prevEnd)
		cur.sents = append(cur.sents, b.String())
		cur.gold = append(cur.gold, spans)
		words, tags = words[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flushSent()
		case fields[0] == "-DOCSTART-":
			flushSent()
			if len(cur.sents) > 0 {
				docs = append(docs, cur)
			}
			cur = conllDoc{}
		default:
			words = append(words, fields[0])
			tags = append(tags, fields[len(fields)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flushSent()
	if len(cur.sents) > 0 {
		docs = append(docs, cur)
	}
	return docs, nil
}

// conllType maps our entity types onto CoNLL's.
func conllType(t string) string {
	switch t {
	case Person:
		return "PER"
	case GPE, Loc:
		return "LOC"
	case Org:
		return "ORG"
	}
	return "MISC"
}

// conllScore holds exact-span counts per CoNLL type.
type conllScore struct{ tp, fp, fn map[string]int }

func (s conllScore) prf(typ string) (p, r, f float64) {
	tp, fp, fn := float64(s.tp[typ]), float64(s.fp[typ]), float64(s.fn[typ])
	if tp+fp > 0 {
		p = tp / (tp + fp)
	}
	if tp+fn > 0 {
		r = tp / (tp + fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// evalCoNLL runs n over every document and scores exact spans; errs, when
// not nil, receives one line per error.
func evalCoNLL(n *NER, docs []conllDoc, errs func(string)) conllScore {
	return evalCoNLLTrim(n, docs, errs, nil)
}

// evalCoNLLTrim is evalCoNLL with trim, when not nil, applied to each
// predicted span as the reader applied it to the gold ones.
func evalCoNLLTrim(n *NER, docs []conllDoc, errs func(string), trim func(string, conllSpan) conllSpan) conllScore {
	s := conllScore{map[string]int{}, map[string]int{}, map[string]int{}}
	for _, d := range docs {
		got := n.Entities(d.sents)
		for i, sent := range d.sents {
			gold := map[conllSpan]bool{}
			for _, g := range d.gold[i] {
				gold[g] = true
			}
			for _, e := range got[i] {
				sp := conllSpan{e.Start, e.End, conllType(e.Type)}
				if trim != nil {
					sp = trim(sent, sp)
				}
				if gold[sp] {
					s.tp[sp.typ]++
					delete(gold, sp)
					continue
				}
				s.fp[sp.typ]++
				if errs != nil {
					errs(fmt.Sprintf("FP %s %q in %q", sp.typ, sent[sp.start:sp.end], sent))
				}
			}
			for g := range gold {
				s.fn[g.typ]++
				if errs != nil {
					errs(fmt.Sprintf("FN %s %q in %q", g.typ, sent[g.start:g.end], sent))
				}
			}
		}
	}
	return s
}

func TestCoNLL(t *testing.T) {
	path := os.Getenv("CLAIMDEX_CONLL")
	if path == "" {
		t.Skip("CLAIMDEX_CONLL not set: no CoNLL-2003 file to measure on")
	}
	docs, err := readCoNLL(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := NewNER()
	if err != nil {
		t.Fatal(err)
	}
	// CLAIMDEX_CONLL_ERRORS names a file to receive one line per false
	// positive and false negative, for comparing two versions of the rules.
	errs := errorLog(t, "CLAIMDEX_CONLL_ERRORS")
	s := evalCoNLL(n, docs, errs)
	// Floors sit just under the measured figures: a regression guard.
	floors := map[string]float64{"PER": 0.88, "LOC": 0.845, "ORG": 0.70, "MISC": 0.64}
	for _, typ := range []string{"PER", "LOC", "ORG", "MISC"} {
		p, r, f := s.prf(typ)
		t.Logf("%-4s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", typ, p, r, f, s.tp[typ], s.fp[typ], s.fn[typ])
		if f < floors[typ] {
			t.Errorf("%s F1 %.3f below floor %.3f", typ, f, floors[typ])
		}
	}
}

// errorLog returns a function writing one line per error to the file
// named by the environment variable env (nil when it is unset), closed
// when the test ends.
func errorLog(t *testing.T, env string) func(string) {
	t.Helper()
	out := os.Getenv(env)
	if out == "" {
		return nil
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	t.Cleanup(func() {
		if err := w.Flush(); err != nil {
			t.Error(err)
		}
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	})
	return func(line string) { fmt.Fprintln(w, line) }
}
