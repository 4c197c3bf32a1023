package extract

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file holds what the three finders (money, dates, quantities) share:
// one cheap lexer that cuts text into words, numerals and punctuation with
// byte offsets, and the parser of number phrases ("1,200", "3.5 billion",
// "twenty-five", "half a million", "Rs 500 crore"). The finders pattern-match
// over the lexed tokens, so each text is read once per finder and no regular
// expression runs on the hot path.

// lexKind is the class of a lexed token.
type lexKind uint8

const (
	lexWord  lexKind = iota + 1 // a run of letters
	lexNum                      // ASCII digits with inner "," or "." groups
	lexPunct                    // any other single rune
)

// lexTok is one token. low is the ASCII-lowercased text; every dash variant
// reads "-" and every apostrophe "'" in low so matchers need one spelling.
type lexTok struct {
	start, end int
	kind       lexKind
	sp         bool // whitespace (or text start) before the token
	nl         bool // a line break (or text start) before the token
	raw        string
	low        string
}

// lexPool recycles token slices between finder calls: lexing is the bulk of
// a finder's work and the slice its only large allocation.
var lexPool = sync.Pool{New: func() any { s := make([]lexTok, 0, 1024); return &s }}

// withTokens lexes text into a pooled slice, runs f, and recycles the slice.
// f must not keep the slice.
func withTokens(text string, f func([]lexTok)) {
	p := lexPool.Get().(*[]lexTok)
	toks := lexInto((*p)[:0], text)
	f(toks)
	clear(toks) // drop string references before pooling
	*p = toks[:0]
	lexPool.Put(p)
}

// lexInto appends the tokens of text to toks. It allocates, when the text
// has ASCII capitals, one lowercased copy of the text.
func lexInto(toks []lexTok, text string) []lexTok {
	lower := asciiLowerString(text)
	sp, nl := true, true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			sp = true
			i++
			continue
		case c == '\n' || c == '\f' || c == '\v':
			sp, nl = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) {
				d := text[j]
				if d >= '0' && d <= '9' {
					j++
					continue
				}
				if (d == ',' || d == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			toks = append(toks, lexTok{start: i, end: j, kind: lexNum, sp: sp, nl: nl, raw: text[i:j], low: text[i:j]})
			i = j
		case c < utf8.RuneSelf:
			if (c|0x20) >= 'a' && (c|0x20) <= 'z' {
				j := lexWordEnd(text, i)
				toks = append(toks, lexTok{start: i, end: j, kind: lexWord, sp: sp, nl: nl, raw: text[i:j], low: lower[i:j]})
				i = j
			} else {
				low := text[i : i+1]
				if c == '`' {
					low = "'"
				}
				toks = append(toks, lexTok{start: i, end: i + 1, kind: lexPunct, sp: sp, nl: nl, raw: low, low: low})
				i++
			}
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				sp = true
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					nl = true
				}
				i += n
				continue
			}
			if unicode.IsLetter(r) {
				j := lexWordEnd(text, i)
				toks = append(toks, lexTok{start: i, end: j, kind: lexWord, sp: sp, nl: nl, raw: text[i:j], low: lower[i:j]})
				i = j
				break
			}
			raw := text[i : i+n]
			low := raw
			switch r {
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D':
				low = "-"
			case '\u2018', '\u2019', '\u02BC', '\u2032':
				low = "'"
			}
			toks = append(toks, lexTok{start: i, end: i + n, kind: lexPunct, sp: sp, nl: nl, raw: raw, low: low})
			i += n
		}
		sp, nl = false, false
	}
	return toks
}

// lexWordEnd returns the end of the run of letters (and combining marks)
// starting at i.
func lexWordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if (c|0x20) >= 'a' && (c|0x20) <= 'z' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += n
	}
	return i
}

// asciiLowerString lowercases ASCII letters only, so byte offsets into the
// result are offsets into s.
func asciiLowerString(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// isDash reports whether t is a hyphen or dash of any kind.
func (t *lexTok) isDash() bool { return t.kind == lexPunct && t.low == "-" }

// is reports whether t is the word or punctuation w (lowercase).
func (t *lexTok) is(w string) bool { return t.low == w }

// capitalized reports whether the token starts with an upper-case letter.
func (t *lexTok) capitalized() bool {
	if t.kind != lexWord {
		return false
	}
	c := t.raw[0]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.raw)
	return unicode.IsUpper(r)
}

// glued reports whether toks[i] follows toks[i-1] with no space between.
func glued(toks []lexTok, i int) bool { return i > 0 && i < len(toks) && !toks[i].sp }

// plainInt returns the value of a numeral made of digits only, or -1.
func plainInt(t *lexTok) int {
	if t.kind != lexNum || len(t.raw) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(t.raw); i++ {
		c := t.raw[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// numeralValue parses "1,200", "1.2", "900,000", "1,200.50" and the European
// "1.200.000"; it refuses malformed groupings ("1,20", "2014,2015").
func numeralValue(s string) (float64, bool) {
	commas, dots := strings.Count(s, ","), strings.Count(s, ".")
	var intPart, frac string
	switch {
	case commas == 0 && dots <= 1:
		intPart, frac, _ = strings.Cut(s, ".")
	case commas > 0 && dots <= 1 && (dots == 0 || strings.LastIndexByte(s, '.') > strings.LastIndexByte(s, ',')):
		// 1,200 or 1,200.50: groups after the first must have 3 digits.
		intPart, frac, _ = strings.Cut(s, ".")
		if !thousandGroups(intPart, ',') {
			return 0, false
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	case dots > 1 && commas == 0:
		if !thousandGroups(s, '.') {
			return 0, false
		}
		intPart = strings.ReplaceAll(s, ".", "")
	case dots > 0 && commas == 1 && strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.'):
		// European 1.200,50.
		intPart, frac, _ = strings.Cut(s, ",")
		if !thousandGroups(intPart, '.') {
			return 0, false
		}
		intPart = strings.ReplaceAll(intPart, ".", "")
	default:
		return 0, false
	}
	if len(frac) > 6 {
		frac = frac[:6]
	}
	if len(intPart)+len(frac) > 15 {
		return 0, false
	}
	// Integer mantissa over a power of ten: "4.1" is 41/10, so that "4.1
	// billion" scales to exactly 4.1e9.
	var mant int64
	for i := 0; i < len(intPart); i++ {
		mant = mant*10 + int64(intPart[i]-'0')
	}
	for i := 0; i < len(frac); i++ {
		mant = mant*10 + int64(frac[i]-'0')
	}
	return float64(mant) / pow10[len(frac)], true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6}

// scaleExact multiplies v by a scale without the binary noise of a plain
// product ("4.1" * 1e9 is 4.0999999999999995e9): it rescales through the
// smallest power of ten that makes v whole.
func scaleExact(v, m float64) float64 {
	for _, p := range pow10 {
		if w := v * p; w == math.Trunc(w) && math.Abs(w) < 1<<53 {
			return w * m / p
		}
	}
	return v * m
}

// thousandGroups checks "1,234,567": a head of 1-3 digits, then 3-digit groups.
func thousandGroups(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// numberUnits, numberTens: cardinal words.
var numberUnits = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var numberTens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// numberScales are multipliers after a number. Short forms ("m", "k", "b")
// are only read glued to a numeral ("£450m") and only where the caller
// allows them, since "100m" is also a distance.
var numberScales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "mio": 1e6, "tn": 1e12, "trn": 1e12,
	"trln": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
}

var shortScales = map[string]float64{"m": 1e6, "k": 1e3, "b": 1e9}

// numPhrase is a parsed number phrase covering tokens [first, next).
type numPhrase struct {
	val         float64
	first, next int
	scale       float64 // multiplier read from a scale word, 0 if none
	numeral     bool    // the phrase starts with a digit token
	approx      bool    // "half a", "a quarter of a", "a dozen", word numbers
}

// numOpts tunes parseNumPhrase for its caller.
type numOpts struct {
	short bool // accept glued "m", "k", "b" as scales
	words bool // accept number words ("five", "half a")
}

// parseNumPhrase reads a number phrase starting at toks[i]: a numeral or
// number words, an optional "and a half", and an optional scale word, which
// may be hyphenated ("3.5-billion").
func parseNumPhrase(toks []lexTok, i int, o numOpts) (numPhrase, bool) {
	p := numPhrase{first: i}
	j := i
	t := &toks[i]
	switch {
	case t.kind == lexNum:
		v, ok := numeralValue(t.raw)
		if !ok {
			return p, false
		}
		p.val, p.numeral, j = v, true, i+1
	case t.kind == lexWord && o.words:
		v, n, ok := parseNumberWords(toks, i)
		if !ok {
			return p, false
		}
		p.val, j, p.approx = v, n, true
	default:
		return p, false
	}
	// "two and a half", "1 and a half"
	if j+3 < len(toks) && toks[j].is("and") && (toks[j+1].is("a") || toks[j+1].is("an")) && toks[j+2].is("half") {
		p.val += 0.5
		j += 3
	}
	// "two dozen"
	if j < len(toks) && toks[j].is("dozen") && toks[j].sp {
		p.val *= 12
		j++
	}
	if m, n, ok := scaleAt(toks, j, o.short); ok {
		p.val = scaleExact(p.val, m)
		p.scale = m
		j = n
	}
	p.next = j
	if math.IsInf(p.val, 0) || math.IsNaN(p.val) {
		return p, false
	}
	return p, true
}

// scaleAt reads a scale word at toks[j] ("million", "-billion", glued "bn").
func scaleAt(toks []lexTok, j int, short bool) (float64, int, bool) {
	if j >= len(toks) {
		return 0, j, false
	}
	k := j
	if toks[k].isDash() && !toks[k].sp && k+1 < len(toks) && !toks[k+1].sp {
		k++
	}
	if k >= len(toks) || toks[k].kind != lexWord {
		return 0, j, false
	}
	if m, ok := numberScales[toks[k].low]; ok {
		return m, k + 1, true
	}
	if short && k == j && !toks[k].sp {
		if m, ok := shortScales[toks[k].low]; ok {
			return m, k + 1, true
		}
	}
	return 0, j, false
}

// parseNumberWords reads cardinal words: "twenty-five", "one hundred and
// twenty", "a dozen", "half a" / "a quarter of a" (which need a following
// scale: "half a billion"), "a" before a scale ("a million").
func parseNumberWords(toks []lexTok, i int) (float64, int, bool) {
	w := toks[i].low
	peekScale := func(j int) bool {
		if j >= len(toks) {
			return false
		}
		_, ok := numberScales[toks[j].low]
		return ok || toks[j].is("hundred") || toks[j].is("dozen")
	}
	total, cur := 0.0, 0.0
	lastBig := math.Inf(1) // the last scale a number read out went past
	j := i
	seen := false
	switch w {
	case "a", "an":
		if peekScale(i + 1) {
			if !toks[i+1].is("hundred") {
				return 1, i + 1, true
			}
			// "a hundred and twenty-four (million)": read on as "one".
			cur, seen, j = 1, true, i+1
			break
		}
		// "a quarter of a million"
		if i+4 < len(toks) && toks[i+1].is("quarter") && toks[i+2].is("of") && toks[i+3].is("a") && peekScale(i+4) {
			return 0.25, i + 4, true
		}
		return 0, i, false
	case "half":
		if i+2 < len(toks) && (toks[i+1].is("a") || toks[i+1].is("an")) && peekScale(i+2) {
			return 0.5, i + 2, true
		}
		return 0, i, false
	case "quarter":
		if i+3 < len(toks) && toks[i+1].is("of") && toks[i+2].is("a") && peekScale(i+3) {
			return 0.25, i + 3, true
		}
		return 0, i, false
	}
	for j < len(toks) {
		t := &toks[j]
		if v, ok := numberUnits[t.low]; ok {
			// After "hundred" any unit may follow; after a tens word
			// only 1-9 ("twenty five"); "one two" is two numbers.
			if seen && !(math.Mod(cur, 100) == 0 || (math.Mod(cur, 10) == 0 && v > 0 && v < 10)) {
				break
			}
			cur += v
			seen = true
			j++
			continue
		}
		if v, ok := numberTens[t.low]; ok {
			if seen && math.Mod(cur, 100) != 0 {
				break
			}
			cur += v
			seen = true
			j++
			// "twenty-five"
			if j+1 < len(toks) && toks[j].isDash() && !toks[j].sp && !toks[j+1].sp {
				if u, ok := numberUnits[toks[j+1].low]; ok && u > 0 && u < 10 {
					cur += u
					j += 2
				} else if d := spelledDays[toks[j+1].low]; d > 0 && d < 10 {
					// "the twenty-second": an ordinal (a day of the
					// month, a place), no count of seconds.
					return 0, i, false
				}
			}
			continue
		}
		if seen && t.is("hundred") {
			if cur == 0 {
				cur = 1
			}
			cur *= 100
			j++
			// "one hundred and twenty"
			if j+1 < len(toks) && toks[j].is("and") {
				if _, ok := numberUnits[toks[j+1].low]; ok {
					j++
				} else if _, ok := numberTens[toks[j+1].low]; ok {
					j++
				}
			}
			continue
		}
		// "two million three hundred and ten thousand", "seventeen
		// million, four hundred and eighty-two thousand, three hundred
		// and eleven": a number read out in full goes on past its scale
		// when hundreds or thousands follow; "two million" alone, or
		// "two million three years ago", is left to the scale reader.
		if big, ok := bigScales[t.low]; ok && seen && big < lastBig && (total > 0 || big > 1000 && readOutRest(toks, j+1)) {
			total += cur * big
			cur, lastBig = 0, big
			j++
			if j < len(toks) && (toks[j].is(",") || toks[j].is("and")) {
				j++
			}
			continue
		}
		// "fourteen thousand, nine hundred and seven", as transcripts
		// write a number read out: the comma goes on to the hundreds.
		comma := seen && t.is("thousand") && j+2 < len(toks) && toks[j+1].is(",") && (numberUnits[toks[j+2].low] > 0 || numberTens[toks[j+2].low] > 0)
		if seen && t.is("thousand") && j+1 < len(toks) && (numberUnits[toks[j+1].low] > 0 || numberTens[toks[j+1].low] > 0 || toks[j+1].is("and") || comma) {
			// "two thousand five hundred": keep reading; a trailing
			// "thousand" is left to the scale reader.
			total += cur * 1000
			cur = 0
			j++
			if j < len(toks) && (toks[j].is("and") || comma) {
				j++
			}
			continue
		}
		break
	}
	if !seen {
		return 0, i, false
	}
	// "two point three (million)", as speech is transcribed: digit
	// words after "point" are decimals.
	// Hyphenated too: "one-point-three million".
	p := j
	if p+1 < len(toks) && toks[p].isDash() && !toks[p].sp && !toks[p+1].sp && toks[p+1].is("point") {
		p++
	}
	if p+1 < len(toks) && toks[p].is("point") {
		frac, scale, digits := 0.0, 0.1, 0
		k := p + 1
		for k < len(toks) {
			// Spelled with dashes: "one-point-two-five".
			if p > j && toks[k].isDash() && !toks[k].sp && k+1 < len(toks) && !toks[k+1].sp {
				k++
			}
			d, ok := numberUnits[toks[k].low]
			if !ok || d > 9 || d != math.Trunc(d) {
				break
			}
			frac += d * scale
			scale /= 10
			digits++
			k++
		}
		if digits > 0 {
			return total + cur + frac, k, true
		}
	}
	return total + cur, j, true
}

// bigScales are the scales a number read out in full goes on past.
var bigScales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9}

// readOutRest reports number words from toks[j] on (after a comma or
// "and") that reach "hundred" or "thousand": the rest of a number read
// out in full, not the next number of the sentence.
func readOutRest(toks []lexTok, j int) bool {
	if j < len(toks) && (toks[j].is(",") || toks[j].is("and")) {
		j++
	}
	for n := 0; j < len(toks) && n < 8; j, n = j+1, n+1 {
		t := &toks[j]
		switch {
		case t.is("hundred") || t.is("thousand"):
			return n > 0
		case numberUnits[t.low] > 0 || numberTens[t.low] > 0 || t.is("and") || t.isDash():
			continue
		}
		return false
	}
	return false
}

// finderSet builds a lookup set of lowercase words.
func finderSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
