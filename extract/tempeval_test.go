package extract

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// The TempEval-3 evaluation reads the platinum test set (TimeML .tml files)
// from the directory in CLAIMDEX_TEMPEVAL. The data is measured here, never
// committed. Only DATE timexes are scored, by value: a predicted date is
// right when its span overlaps a gold DATE and the values are equal.
//
// Gold values the Date contract cannot express (PRESENT_REF, PAST_REF,
// weeks "2013-W12", seasons "2012-SU", centuries "19", "XXXX-..") are
// scored two ways: "all" keeps them as gold that must be missed (and a
// prediction on them as a wrong value); "expressible" drops them and any
// prediction overlapping them. Predictions overlapping a TIME timex are out
// of scope (TIME is not DATE, and its day part is not a separate annotation);
// predictions overlapping DURATION or SET, or no timex at all, are false.

// tempevalFloor is the lowest value F1 (expressible variant) the test
// accepts: just under what the finder reaches, so a regression fails.
const tempevalFloor = 0.97

// tempevalFloorAll is the same floor for the "all gold" variant.
const tempevalFloorAll = 0.80

// teTimex is one gold TIMEX3 in a document's text.
type teTimex struct {
	start, end int
	typ, value string
}

// teDoc is one TimeML document: its TEXT with tags stripped, the creation
// time and the gold timexes with byte offsets into text.
type teDoc struct {
	name   string
	text   string
	dct    time.Time
	timexs []teTimex
}

// readTimeML parses a .tml file.
func readTimeML(path string) (teDoc, error) {
	doc := teDoc{name: filepath.Base(path)}
	f, err := os.Open(path)
	if err != nil {
		return doc, fmt.Errorf("open timeml: %w", err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var b strings.Builder
	inText, inDCT := false, false
	var open []teTimex // stack of TIMEX3 open inside TEXT
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("parse %s: %w", doc.name, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				tx := teTimex{start: b.Len()}
				for _, a := range el.Attr {
					switch a.Name.Local {
					case "type":
						tx.typ = a.Value
					case "value":
						tx.value = a.Value
					}
				}
				if inDCT && doc.dct.IsZero() {
					// "1990-08-15" or a time "1990-08-15T13:37".
					if t, err := time.Parse("2006-01-02", tx.value[:min(10, len(tx.value))]); err == nil {
						doc.dct = t
					}
				}
				if inText {
					open = append(open, tx)
				}
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if inText && len(open) > 0 {
					tx := open[len(open)-1]
					open = open[:len(open)-1]
					tx.end = b.Len()
					doc.timexs = append(doc.timexs, tx)
				}
			}
		case xml.CharData:
			if inText {
				b.Write(el)
			}
		}
	}
	if doc.dct.IsZero() {
		return doc, fmt.Errorf("%s: no creation time", doc.name)
	}
	doc.text = b.String()
	return doc, nil
}

// teScore accumulates value-F1 counts.
type teScore struct{ tp, fp, fn int }

func (s teScore) f1() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// expressibleValue reports whether a gold DATE value has a contract form.
func expressibleValue(v string) bool { return isoDateForm.MatchString(v) }

// scoreTempEval scores the predictions of one document in both variants and
// returns readable error lines.
func scoreTempEval(doc teDoc, pred []Date, all, expr *teScore) []string {
	var notes []string
	overlaps := func(a, b, c, d int) bool { return a < d && c < b }
	matched := make([]bool, len(doc.timexs))
	for _, p := range pred {
		hit := -1
		scope := "none"
		for gi, g := range doc.timexs {
			if !overlaps(p.Start, p.End, g.start, g.end) {
				continue
			}
			scope = g.typ
			if g.typ == "DATE" {
				if hit < 0 || (p.Value == g.value && doc.timexs[hit].value != p.Value) {
					hit = gi
				}
			}
		}
		switch {
		case hit >= 0:
			g := doc.timexs[hit]
			good := g.value == p.Value && !matched[hit]
			if good {
				matched[hit] = true
				all.tp++
				expr.tp++
				continue
			}
			all.fp++
			if expressibleValue(g.value) {
				expr.fp++
			}
			notes = append(notes, fmt.Sprintf("WRONG %q=%s gold %q=%s", p.Text, p.Value, doc.text[g.start:g.end], g.value))
		case scope == "TIME":
			// Out of scope: neither right nor wrong for DATE scoring.
		default:
			all.fp++
			expr.fp++
			notes = append(notes, fmt.Sprintf("FP[%s] %q=%s  ...%s...", scope, p.Text, p.Value, around(doc.text, p.Start, p.End)))
		}
	}
	for gi, g := range doc.timexs {
		if g.typ != "DATE" || matched[gi] {
			continue
		}
		all.fn++
		if expressibleValue(g.value) {
			expr.fn++
			notes = append(notes, fmt.Sprintf("MISS %q=%s  ...%s...", doc.text[g.start:g.end], g.value, around(doc.text, g.start, g.end)))
		}
	}
	return notes
}

// around returns a short one-line context of text[s:e].
func around(text string, s, e int) string {
	a, b := max(0, s-40), min(len(text), e+40)
	for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(text) && text[b]&0xC0 == 0x80 {
		b++
	}
	return strings.ReplaceAll(text[a:b], "\n", " ")
}

func TestTempEvalDates(t *testing.T) {
	dir := os.Getenv("CLAIMDEX_TEMPEVAL")
	if dir == "" {
		t.Skip("CLAIMDEX_TEMPEVAL not set (directory of TempEval-3 platinum .tml files)")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no .tml files in %s (err %v)", dir, err)
	}
	sort.Strings(paths)
	var all, expr teScore
	gold := 0
	for _, p := range paths {
		doc, err := readTimeML(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range doc.timexs {
			if g.typ == "DATE" {
				gold++
			}
		}
		pred := FindDates(doc.text, doc.dct)
		for _, n := range scoreTempEval(doc, pred, &all, &expr) {
			t.Logf("%s: %s", doc.name, n)
		}
	}
	if gold == 0 {
		t.Fatal("no gold DATE timexes read")
	}
	pa, ra, fa := all.f1()
	pe, re, fe := expr.f1()
	t.Logf("TempEval-3 platinum, %d docs, %d gold DATE timexes", len(paths), gold)
	t.Logf("value F1 (all gold):         P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)", pa, ra, fa, all.tp, all.fp, all.fn)
	t.Logf("value F1 (expressible gold): P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)", pe, re, fe, expr.tp, expr.fp, expr.fn)
	if fe < tempevalFloor {
		t.Errorf("expressible value F1 %.3f below floor %.2f", fe, tempevalFloor)
	}
	if fa < tempevalFloorAll {
		t.Errorf("all-gold value F1 %.3f below floor %.2f", fa, tempevalFloorAll)
	}
}

// TestReadTimeML checks the TimeML reader on a small document of our own.
func TestReadTimeML(t *testing.T) {
	src := `<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-10">May 10, 2024</TIMEX3></DCT>
<TEXT>Shares of Orvell &amp; Co <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="2024-05-09">Thursday</TIMEX3>.</TEXT></TimeML>`
	path := filepath.Join(t.TempDir(), "x.tml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := readTimeML(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := doc.text, "Shares of Orvell & Co fell Thursday."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if got := doc.dct.Format("2006-01-02"); got != "2024-05-10" {
		t.Errorf("dct = %s", got)
	}
	if len(doc.timexs) != 1 || doc.text[doc.timexs[0].start:doc.timexs[0].end] != "Thursday" || doc.timexs[0].value != "2024-05-09" {
		t.Fatalf("timexs = %+v", doc.timexs)
	}
	var all, expr teScore
	scoreTempEval(doc, FindDates(doc.text, doc.dct), &all, &expr)
	if all.tp != 1 || all.fp != 0 || all.fn != 0 {
		t.Errorf("score = %+v, want one true positive", all)
	}
}
