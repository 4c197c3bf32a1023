package extract

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The OntoNotes names evaluation reads CoNLL-2012 English *.gold_conll
// files (named entities in column 11) and scores the recogniser's names by
// type with exact spans, as TestCoNLL does: PERSON as PER, GPE and LOC
// together as LOC (a place), ORG as ORG. Other gold types are left out,
// and a prediction on one of them counts as a false positive of its type.
// A leading "the" and a trailing possessive are taken out of gold and
// predicted spans (ontoTrim). Only the news genres are read (nw newswire, bn broadcast news, mz
// magazines), one document per file part.
//
// CLAIMDEX_ONTONOTES names the test directory: score-only, its errors are
// never written. CLAIMDEX_ONTONOTES_DEV names the development directory:
// the study split, whose errors CLAIMDEX_ONTONOTES_ERRORS (a file) receives.

// ontoNamesFloors sit just under what the test split reaches.
var ontoNamesFloors = map[string]float64{"PER": 0.86, "LOC": 0.88, "ORG": 0.69}

// ontoNameType maps an OntoNotes name type onto the scored ones.
func ontoNameType(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "GPE", "LOC":
		return "LOC"
	case "ORG":
		return "ORG"
	}
	return ""
}

// ontoNewsGenre reports whether a file (named by its path under
// annotations, with "/" as "_") is news.
func ontoNewsGenre(name string) bool {
	for _, g := range []string{"nw_", "bn_", "mz_"} {
		if strings.HasPrefix(name, g) {
			return true
		}
	}
	return false
}

// ontoTrim takes a leading "the" and a trailing possessive out of a span,
// gold and predicted alike: OntoNotes includes them in some names ("the
// Supreme Court", "Moody 's") and not in others ("Denver Post"), and
// claimdex keeps "The" where a name is written with it ("The Denver Post").
func ontoTrim(text string, s conllSpan) conllSpan {
	for _, det := range []string{"the ", "The "} {
		if strings.HasPrefix(text[s.start:s.end], det) && s.end-s.start > len(det) {
			s.start += len(det)
		}
	}
	if strings.HasSuffix(text[s.start:s.end], " 's") && s.end-s.start > 3 {
		s.end -= 3
	}
	return s
}

// ontoWordy reports whether a token starts with a letter or digit.
func ontoWordy(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// readOntoNames reads a .gold_conll file into one conllDoc per part.
func readOntoNames(path string) ([]conllDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open ontonotes: %w", err)
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
		for i, w := range words {
			// "Shui - bian" was "Shui-bian" before tokenisation
			joined := w == "-" && i > 0 && i+1 < len(words) && ontoWordy(words[i-1]) && ontoWordy(words[i+1]) ||
				i >= 2 && words[i-1] == "-" && ontoWordy(words[i-2]) && ontoWordy(w)
			if i > 0 && !joined {
				b.WriteByte(' ')
			}
			if u, ok := ptbUnescape[w]; ok {
				w = u
			}
			start := b.Len()
			b.WriteString(w)
			tag := tags[i]
			if strings.HasPrefix(tag, "(") {
				open, openTyp = start, strings.TrimRight(strings.TrimPrefix(tag, "("), "*)")
			}
			if strings.HasSuffix(tag, ")") && open >= 0 {
				if typ := ontoNameType(openTyp); typ != "" {
					spans = append(spans, ontoTrim(b.String(), conllSpan{open, b.Len(), typ}))
				}
				open = -1
			}
		}
		cur.sents = append(cur.sents, b.String())
		cur.gold = append(cur.gold, spans)
		words, tags = words[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#begin") || strings.HasPrefix(line, "#end") {
			flushSent()
			if len(cur.sents) > 0 {
				docs = append(docs, cur)
			}
			cur = conllDoc{}
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 11 {
			flushSent()
			continue
		}
		words = append(words, fields[3])
		tags = append(tags, fields[10])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	flushSent()
	if len(cur.sents) > 0 {
		docs = append(docs, cur)
	}
	return docs, nil
}

// ontoNameDocs reads the news documents of every .gold_conll in dir.
func ontoNameDocs(t *testing.T, dir string) []conllDoc {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.gold_conll"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no .gold_conll files in %s (err %v)", dir, err)
	}
	sort.Strings(paths)
	var docs []conllDoc
	for _, p := range paths {
		if !ontoNewsGenre(filepath.Base(p)) {
			continue
		}
		d, err := readOntoNames(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d...)
	}
	return docs
}

func logOntoNames(t *testing.T, split string, docs []conllDoc, s conllScore) {
	t.Helper()
	t.Logf("OntoNotes %s, news genres, %d documents", split, len(docs))
	for _, typ := range []string{"PER", "LOC", "ORG"} {
		p, r, f := s.prf(typ)
		t.Logf("%-4s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", typ, p, r, f, s.tp[typ], s.fp[typ], s.fn[typ])
	}
}

func TestOntoNotesNames(t *testing.T) {
	dir := os.Getenv("CLAIMDEX_ONTONOTES")
	if dir == "" {
		t.Skip("CLAIMDEX_ONTONOTES not set (directory of CoNLL-2012 *.gold_conll test files)")
	}
	n, err := NewNER()
	if err != nil {
		t.Fatal(err)
	}
	docs := ontoNameDocs(t, dir)
	s := evalCoNLLTrim(n, docs, nil, ontoTrim)
	logOntoNames(t, "test (score-only)", docs, s)
	for _, typ := range []string{"PER", "LOC", "ORG"} {
		if _, _, f := s.prf(typ); f < ontoNamesFloors[typ] {
			t.Errorf("%s F1 %.3f below floor %.3f", typ, f, ontoNamesFloors[typ])
		}
	}
}

func TestOntoNotesNamesDev(t *testing.T) {
	dir := os.Getenv("CLAIMDEX_ONTONOTES_DEV")
	if dir == "" {
		t.Skip("CLAIMDEX_ONTONOTES_DEV not set (directory of CoNLL-2012 *.gold_conll development files)")
	}
	n, err := NewNER()
	if err != nil {
		t.Fatal(err)
	}
	errs := errorLog(t, "CLAIMDEX_ONTONOTES_ERRORS")
	docs := ontoNameDocs(t, dir)
	logOntoNames(t, "development (study)", docs, evalCoNLLTrim(n, docs, errs, ontoTrim))
}
