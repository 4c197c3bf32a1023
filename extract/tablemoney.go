package extract

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Results tables and fact boxes state their figures bare and put the
// currency and scale once, in the row's label or the table's corner:
//
//	CZK million (unless stated): Net revenue; H1 2026: 7,840; H1 2025: 7,310; Change: +7.3%
//	Net revenue (CZK bn); H1 2026: 7.84; H1 2025: 7.31
//	Net revenue (R$ million) 1,186 1,032 +14.9%
//
// tableMoney reads those figures as money: each bare number of the row
// (no sign, no percent) times the scale, in the label's currency.

// labelScales are the scale words of a unit label besides numberScales
// and shortScales: plurals and the thousands of accounts.
var labelScales = map[string]float64{
	"thousands": 1e3, "'000": 1e3, "’000": 1e3, "000s": 1e3, "000": 1e3,
	"millions": 1e6, "mil": 1e6, "billions": 1e9, "mrd": 1e9,
}

// labelScale is the multiplier a unit label's scale word gives, or 0.
func labelScale(w string) float64 {
	w = strings.ToLower(w)
	return cmp.Or(numberScales[w], shortScales[w], labelScales[w])
}

var (
	// unitLabel finds "(CZK bn)", "(R$ million)", "(€m)", "(US$ millions)",
	// "(in € million)", "(million euros)", or a corner "CZK million" that
	// opens the row.
	unitLabel = sync.OnceValue(func() *regexp.Regexp {
		cur := `([A-Z]{3}|[A-Za-z.]{0,4}[$€£¥₹₩₦₱₵]|Rs|Kč|Sh|Tk|KSh|RM)`
		scale := `(thousands?|k|['’]000|000s|millions?|mn|m|mln|mio|mil|billions?|bn|bln|b|mrd)`
		name := `([a-z]+(?: [a-z]+)?)`
		return regexp.MustCompile(`\((?:in\s+)?` + cur + `\s?` + scale + `\)` +
			`|\((?:in\s+)?` + scale + `\s+(?:of\s+)?` + name + `\)` +
			`|^` + cur + `\s` + scale + `\b`)
	})
	// bareNumber is a figure with no sign, currency or percent of its own.
	bareNumber = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[\s:;|(](\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:$|[\s;|)])`)
	})
)

// tableMoney returns the money a row with a unit label states; nil when
// it has none. A line that is not a table row counts only when nothing
// but figures follows its label ("Net revenue (R$ million) 1,186 1,032
// +14.9%"): in prose, the label's figures are not the sentence's.
func tableMoney(text string, row bool) []Money {
	if len(text) > 400 {
		return nil
	}
	loc := unitLabel().FindStringSubmatchIndex(text)
	if loc == nil {
		return nil
	}
	if !row && strings.IndexFunc(text[loc[1]:], unicode.IsLetter) >= 0 {
		return nil
	}
	sub := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return text[loc[2*i]:loc[2*i+1]]
	}
	var code string
	var scale float64
	switch {
	case sub(1) != "":
		code, scale = labelCurrency(sub(1)), labelScale(sub(2))
	case sub(3) != "":
		code, scale = moneyNames[strings.ToLower(sub(4))], labelScale(sub(3))
	default:
		code, scale = labelCurrency(sub(5)), labelScale(sub(6))
	}
	if code == "" || scale == 0 {
		return nil
	}
	var out []Money
	for rest := loc[1]; rest < len(text); {
		// The next figure; the search resumes right after it, so the
		// space that ends one may open the next.
		m := bareNumber().FindStringSubmatchIndex(text[rest:])
		if m == nil {
			break
		}
		s, e := rest+m[2], rest+m[3]
		rest = e
		// A percentage, a signed change or a year heading a column
		// is no amount: "+7.3%", "-2", "2026".
		if e < len(text) && (text[e] == '%' || strings.HasPrefix(text[e:], " %") || strings.HasPrefix(text[e:], " per")) {
			continue
		}
		if s > 0 && (text[s-1] == '+' || text[s-1] == '-' || strings.HasSuffix(text[:s], "−")) {
			continue
		}
		raw := text[s:e]
		if looksLikeYear(raw) && !strings.Contains(raw, ",") {
			continue
		}
		// A column header ends in a colon ("H1 2026: 7,840"), or figures
		// follow one another ("1,186 1,032").
		if prev := strings.TrimRight(text[:s], " "); prev != "" && !strings.HasSuffix(prev, ":") && !isFigure(lastField(prev)) && !strings.HasSuffix(prev, ")") {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(raw, ",", ""), 64)
		if err != nil {
			continue
		}
		out = append(out, Money{Text: raw, Amount: scaleExact(v, scale), Currency: code, Start: s, End: e})
	}
	return out
}

// labelCurrency is the code of a label's currency: an ISO code, a sign
// with its prefix ("R$", "US$"), or a local abbreviation ("Kč").
func labelCurrency(c string) string {
	if code, ok := moneyCodes[c]; ok {
		return code
	}
	if code, ok := moneyPrefixes[strings.ToLower(c)]; ok {
		return code
	}
	if code, ok := moneySymbols[c]; ok {
		return code
	}
	return ""
}

// lastField is the last space-separated word of s.
func lastField(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// isFigure reports a word that is itself a figure of the row ("1,186"
// before "1,032"), so that columns of figures read one after another.
func isFigure(w string) bool {
	w = strings.TrimRight(w, ";|")
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}
