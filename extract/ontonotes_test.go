package extract

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The OntoNotes evaluation reads the CoNLL-2012 English test files
// (*.gold_conll: token in column 4, named entities in column 11 as
// "(MONEY*" ... "*)") from the directory in CLAIMDEX_ONTONOTES. The data is
// LDC-licensed: measured here, never committed.
//
// Each sentence is rebuilt from its tokens joined by spaces ("$ 50
// million", "US$ 7 billion"), with the Penn Treebank escapes undone
// ("-LRB-" is "(", and in the WSJ files "#" is the pound sign, which the
// WSJ Treebank writes "#"). Two scores:
//   - span F1: a prediction is right when it overlaps a gold MONEY span;
//   - value F1: right when it also has the gold value (amount, range top
//     and currency) that refMoney derives from the gold tokens. Gold whose
//     value refMoney cannot derive ("millions of dollars", "2 mao and 9
//     fen") is left out of value F1, with the predictions overlapping it.
//
// OntoNotes sometimes tags "$ 50 to $ 70" as two amounts where the Money
// contract has one range: a range prediction matches every gold span it
// overlaps (by value: whose value is its low or high end).

// ontoFloorSpan and ontoFloorValue are just under what FindMoney reaches.
const (
	ontoFloorSpan  = 0.97
	ontoFloorValue = 0.98
)

// ontoMoney is a gold MONEY span in a sentence, with its reference value.
type ontoMoney struct {
	start, end int
	val        refValue
}

// ontoSent is one rebuilt sentence.
type ontoSent struct {
	doc  string
	text string
	gold []ontoMoney
}

// ptbUnescape undoes the Treebank token escapes.
var ptbUnescape = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
	"``": "\"", "''": "\"", "/.": ".", "/?": "?", "/-": "-",
}

// readOntoNotes reads the MONEY gold of every sentence of a .gold_conll file.
func readOntoNotes(path string) ([]ontoSent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open ontonotes: %w", err)
	}
	defer f.Close()
	var out []ontoSent
	var words, tags []string
	flush := func() {
		if len(words) == 0 {
			return
		}
		s := ontoSent{doc: filepath.Base(path)}
		wsj := strings.HasPrefix(s.doc, "nw_wsj")
		var b strings.Builder
		starts := make([]int, len(words))
		ends := make([]int, len(words))
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			starts[i] = b.Len()
			if u, ok := ptbUnescape[w]; ok {
				w = u
			} else if w == "#" && wsj {
				w = "£" // the WSJ Treebank writes the pound sign "#"
			}
			b.WriteString(w)
			ends[i] = b.Len()
		}
		s.text = b.String()
		open := -1
		for i, tag := range tags {
			if strings.HasPrefix(tag, "(") {
				open = -1
				if strings.HasPrefix(tag, "(MONEY") {
					open = i
				}
			}
			if open >= 0 && strings.HasSuffix(tag, ")") {
				prev := ""
				if open > 0 {
					prev = words[open-1]
				}
				s.gold = append(s.gold, ontoMoney{start: starts[open], end: ends[i], val: refMoney(words[open:i+1], prev)})
				open = -1
			}
		}
		out = append(out, s)
		words, tags = words[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 11 {
			flush()
			continue
		}
		words = append(words, fields[3])
		tags = append(tags, fields[10])
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// refValue is a reference money value; ok is false when it could not be
// derived. An empty currency matches any (the gold text is ambiguous).
type refValue struct {
	amount, max float64
	currency    string
	ok          bool
}

// refCurrencies are the currency tokens of the reference normaliser, which
// is written for this evaluation only and independently of FindMoney.
var refCurrencies = map[string]string{
	"$": "USD", "us$": "USD", "nt$": "TWD", "hk$": "HKD", "c$": "CAD", "a$": "AUD", "s$": "SGD",
	"£": "GBP", "rmb": "CNY", "yuan": "CNY", "yen": "JPY", "¥": "JPY", "€": "EUR",
	"dollars": "USD", "dollar": "USD", "bucks": "USD", "euros": "EUR", "pounds": "GBP",
	"marks": "DEM", "patacas": "MOP", "rupees": "INR", "won": "KRW", "francs": "",
	"pesos": "", "lire": "ITL", "lira": "",
}

// refDollarAdj qualifies "dollars": "Canadian dollars", "Taiwan dollars".
var refDollarAdj = map[string]string{
	"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
	"taiwan": "TWD", "nt": "TWD", "kong": "HKD", "singapore": "SGD",
}

var refWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var refScales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// refMoney derives the value of a gold MONEY span from its tokens. prev is
// the token before the span: OntoNotes sometimes leaves the "$" outside.
func refMoney(toks []string, prev string) refValue {
	var nums []float64
	cur, curSet, minor := "", false, false
	n, have := 0.0, false // number being read
	group := 0.0          // value before the current scale
	push := func() {
		if have {
			nums = append(nums, group+n)
		}
		n, have, group = 0, false, 0
	}
	for i, raw := range toks {
		w := strings.ToLower(raw)
		if c, ok := refCurrencies[w]; ok {
			if (w == "dollars" || w == "dollar") && i > 0 {
				k := i - 1
				if toks[k] == "-" && k > 0 {
					k-- // "Canadian - dollar"
				}
				if a, ok := refDollarAdj[strings.ToLower(toks[k])]; ok {
					c = a
				}
			}
			// "yuan RMB": the first currency word wins.
			if !curSet {
				cur, curSet = c, true
			}
			push()
			continue
		}
		switch w {
		case "cents", "cent":
			if !curSet {
				cur, curSet = "USD", true
			}
			minor = true
			push()
			continue
		case "and":
			if have && i+2 < len(toks) && strings.EqualFold(toks[i+1], "a") && strings.EqualFold(toks[i+2], "half") {
				continue
			}
			if have && i+1 < len(toks) && refWords[strings.ToLower(toks[i+1])] > 0 && group+n >= 100 {
				continue // "two hundred and fifty"
			}
			push()
			continue
		case "half":
			if have {
				n += 0.5
			}
			continue
		case "to", "-", "or":
			push()
			continue
		case "mao", "fen", "millions", "billions", "dozen", "several":
			return refValue{}
		}
		if v, ok := refScales[w]; ok {
			if !have {
				return refValue{}
			}
			if v == 100 {
				n *= v
				continue
			}
			group, n = (group+n)*v, 0
			continue
		}
		if v, ok := refWords[w]; ok {
			if w == "a" || w == "an" {
				if i+1 < len(toks) && (refScales[strings.ToLower(toks[i+1])] > 0) {
					n, have = 1, true
				}
				continue
			}
			n += v
			have = true
			continue
		}
		if strings.Contains(w, "/") { // "1/2" after a whole number
			a, b, _ := strings.Cut(w, "/")
			x, e1 := strconv.ParseFloat(a, 64)
			y, e2 := strconv.ParseFloat(b, 64)
			if e1 == nil && e2 == nil && y != 0 {
				n += x / y
				have = true
			}
			continue
		}
		if w != "" && (w[0] >= '0' && w[0] <= '9' || w[0] == '.') {
			v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
			if err != nil {
				return refValue{}
			}
			push()
			n, have = v, true
		}
	}
	push()
	if !curSet {
		if c, ok := refCurrencies[strings.ToLower(prev)]; ok && strings.ContainsAny(prev, "$£¥€") {
			cur, curSet = c, true
		}
	}
	if !curSet || len(nums) == 0 || len(nums) > 2 {
		return refValue{}
	}
	v := refValue{amount: nums[0], currency: cur, ok: true}
	if len(nums) == 2 {
		v.max = nums[1]
		// "4 to 5 billion": the scale of the top applies to the bottom.
		if v.amount < 1000 && v.max >= 1000 {
			for _, s := range []float64{1e12, 1e9, 1e6, 1e3} {
				if v.max >= s {
					v.amount *= s
					break
				}
			}
		}
	}
	if minor {
		v.amount /= 100
		v.max /= 100
	}
	return v
}

// refEqual compares two amounts up to float noise.
func refEqual(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))+1e-9
}

// refMatches reports whether a prediction has the gold value: the same
// amount and top, or, for a range prediction over two gold amounts, one of
// its ends.
func refMatches(g refValue, p Money) bool {
	if g.currency != "" && g.currency != p.Currency {
		return false
	}
	if refEqual(g.amount, p.Amount) && refEqual(g.max, p.AmountMax) {
		return true
	}
	return g.max == 0 && p.AmountMax != 0 && (refEqual(g.amount, p.Amount) || refEqual(g.amount, p.AmountMax))
}

func TestOntoNotesMoney(t *testing.T) {
	dir := os.Getenv("CLAIMDEX_ONTONOTES")
	if dir == "" {
		t.Skip("CLAIMDEX_ONTONOTES not set (directory of CoNLL-2012 *.gold_conll test files)")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.gold_conll"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no .gold_conll files in %s (err %v)", dir, err)
	}
	sort.Strings(paths)
	var span, value teScore
	gold, underived := 0, 0
	overlaps := func(a, b, c, d int) bool { return a < d && c < b }
	for _, path := range paths {
		sents, err := readOntoNotes(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			pred := FindMoney(s.text)
			spanHit := make([]bool, len(s.gold))
			valueHit := make([]bool, len(s.gold))
			for _, p := range pred {
				anySpan, anyValue, excluded := false, false, false
				var wrong []string
				for gi, g := range s.gold {
					if !overlaps(p.Start, p.End, g.start, g.end) {
						continue
					}
					anySpan = true
					spanHit[gi] = true
					if !g.val.ok {
						excluded = true
						continue
					}
					if refMatches(g.val, p) {
						anyValue = true
						valueHit[gi] = true
					} else {
						wrong = append(wrong, fmt.Sprintf("%q=%v %s", s.text[g.start:g.end], g.val.amount, g.val.currency))
					}
				}
				if anySpan {
					span.tp++
				} else {
					span.fp++
				}
				switch {
				case anyValue:
					value.tp++
				case excluded && len(wrong) == 0:
				default:
					value.fp++
				}
			}
			for gi, g := range s.gold {
				gold++
				if !g.val.ok {
					underived++
				}
				if !spanHit[gi] {
					span.fn++
				}
				if g.val.ok && !valueHit[gi] {
					value.fn++
				}
			}
		}
	}
	if gold == 0 {
		t.Fatal("no gold MONEY spans read")
	}
	ps, rs, fs := span.f1()
	pv, rv, fv := value.f1()
	t.Logf("OntoNotes CoNLL-2012 test, %d files, %d gold MONEY (%d without a derivable value)", len(paths), gold, underived)
	t.Logf("span F1:  P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)", ps, rs, fs, span.tp, span.fp, span.fn)
	t.Logf("value F1: P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)", pv, rv, fv, value.tp, value.fp, value.fn)
	if fs < ontoFloorSpan {
		t.Errorf("span F1 %.3f below floor %.2f", fs, ontoFloorSpan)
	}
	if fv < ontoFloorValue {
		t.Errorf("value F1 %.3f below floor %.2f", fv, ontoFloorValue)
	}
}

// TestRefMoney checks the evaluation's own reference normaliser.
func TestRefMoney(t *testing.T) {
	tests := []struct {
		name string
		toks []string
		prev string
		want refValue
	}{
		{"dollar sign", []string{"$", "50", "million"}, "", refValue{amount: 50e6, currency: "USD", ok: true}},
		{"hedge", []string{"about", "$", "1.8", "billion"}, "", refValue{amount: 1.8e9, currency: "USD", ok: true}},
		{"US dollars", []string{"700", "million", "US", "dollars"}, "", refValue{amount: 700e6, currency: "USD", ok: true}},
		{"Canadian", []string{"830", "million", "Canadian", "-", "dollar"}, "", refValue{amount: 830e6, currency: "CAD", ok: true}},
		{"NT$", []string{"NT$", "20,000"}, "", refValue{amount: 20000, currency: "TWD", ok: true}},
		{"cents", []string{"42", "cents"}, "", refValue{amount: 0.42, currency: "USD", ok: true}},
		{"words", []string{"three", "and", "a", "half", "billion", "dollars"}, "", refValue{amount: 3.5e9, currency: "USD", ok: true}},
		{"hundred and", []string{"two", "hundred", "and", "fifty", "pounds"}, "", refValue{amount: 250, currency: "GBP", ok: true}},
		{"seventy five thousand", []string{"seventy", "five", "thousand", "dollars"}, "", refValue{amount: 75000, currency: "USD", ok: true}},
		{"range shared scale", []string{"4", "to", "5", "billion", "US", "dollars"}, "", refValue{amount: 4e9, max: 5e9, currency: "USD", ok: true}},
		{"between", []string{"between", "$", "8", "million", "and", "$", "14", "million"}, "", refValue{amount: 8e6, max: 14e6, currency: "USD", ok: true}},
		{"sign outside", []string{"915,000"}, "$", refValue{amount: 915000, currency: "USD", ok: true}},
		{"no currency", []string{"445", "billion"}, "was", refValue{}},
		{"vague", []string{"millions", "of", "dollars"}, "", refValue{}},
		{"mao fen", []string{"2", "mao", "and", "9", "fen"}, "", refValue{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := refMoney(tc.toks, tc.prev)
			if got != tc.want {
				t.Errorf("refMoney(%q) = %+v, want %+v", tc.toks, got, tc.want)
			}
		})
	}
}
