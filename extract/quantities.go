package extract

import (
	"cmp"
	"strconv"
	"strings"
	"time"
)

// FindQuantities returns counts and measures with their units, in order:
// "5,000 detainees", "1.2 million tonnes", "30-km buffer" (unit "km"),
// "72-hour truce" (unit "hours"), "80%" / "80 percent" (unit "%"), "200
// multinational observers" (the head noun after up to two modifiers), "two
// dozen", and bare scaled numbers ("more than 5 million", unit "").
// "20-point plan" is a quantity: 20 "points".
//
// Left out: money (what FindMoney reports), dates and years (what FindDates
// reports), ordinals ("3rd", "third"), list numbers ("1. ..."), times
// ("09:30", "3 pm"), phone numbers, and numbers that name things: glued to
// letters ("G7", "Covid-19") or after a capitalised word ("Route 66",
// "Boeing 737", "Article 5"). A bare number with no unit, scale or
// quantifier ("said 3") is not reported. Hedges ("more than") stay out of
// the span.
func FindQuantities(text string) (out []Quantity) {
	withTokens(text, func(toks []lexTok) { out = findQuantitiesToks(text, toks) })
	return out
}

// findQuantitiesToks is FindQuantities over lexed tokens.
func findQuantitiesToks(text string, toks []lexTok) []Quantity {
	var skip []Span
	for _, m := range findMoneyToks(text, toks) {
		skip = append(skip, m.Span())
	}
	// Any reference date makes relative forms ("two days ago") and day-month
	// pairs visible, so they are excluded too.
	for _, d := range findDatesToks(text, toks, quantityRefDate) {
		skip = append(skip, d.Span())
	}
	sortSpans(skip)
	return findQuantityToks(text, toks, skip)
}

var quantityRefDate = time.Date(2000, 6, 15, 0, 0, 0, 0, time.UTC)

func sortSpans(s []Span) {
	// Insertion sort: the two inputs are each sorted and short.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// quantityUnits are measure units, read glued or spaced after a number, and
// their normalized spelling.
var quantityUnits = map[string]string{
	"km": "km", "kms": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
	"km2": "km2", "sq": "", "miles": "miles", "mile": "miles", "metres": "m", "meters": "m",
	"metre": "m", "meter": "m", "cm": "cm", "mm": "mm", "kg": "kg", "kilograms": "kg",
	"kilogram": "kg", "kilos": "kg", "grams": "g", "gram": "g", "tonnes": "tonnes",
	"tonne": "tonnes", "tons": "tons", "ton": "tons", "lb": "lb", "lbs": "lb",
	"barrels": "barrels", "barrel": "barrels", "bpd": "bpd", "mw": "MW", "gw": "GW", "kw": "kW",
	"kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "hours": "hours",
	"hour": "hours", "hrs": "hours", "days": "days", "day": "days", "weeks": "weeks",
	"week": "weeks", "months": "months", "month": "months", "years": "years",
	"year": "years", "minutes": "minutes", "minute": "minutes", "mins": "minutes",
	"seconds": "seconds", "second": "seconds", "mph": "mph", "kph": "km/h", "knots": "knots",
	"degrees": "degrees", "acres": "acres", "acre": "acres", "hectares": "hectares",
	"hectare": "hectares", "ha": "hectares", "litres": "litres", "liters": "litres",
	"hl": "hectolitres", "hectolitres": "hectolitres", "hectoliters": "hectolitres", "hectolitre": "hectolitres",
	"litre": "litres", "liter": "litres", "gallons": "gallons", "gallon": "gallons",
	"feet": "feet", "foot": "feet", "ft": "feet", "inches": "inches", "inch": "inches",
	"yards": "yards", "yard": "yards", "bcm": "bcm", "decades": "decades", "centuries": "centuries",
	"m": "m", "g": "g",
	"millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
	"centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm",
	"megawatts": "MW", "megawatt": "MW", "gigawatts": "GW", "gigawatt": "GW",
	"kilowatts": "kW", "kilowatt": "kW", "grammes": "g", "milligrams": "mg", "mg": "mg",
	"teu": "TEU", "teus": "TEU", "feu": "FEU", "feus": "FEU", // containers, by twenty or forty feet
}

// extentWords follow a length, not a count of millions: "540 m
// underground", "120 m tall", "30 m below the surface".
var extentWords = finderSet("tall", "high", "deep", "long", "wide", "thick", "underground", "underwater",
	"below", "above", "beneath", "away", "across", "deeper", "higher", "longer", "wider", "offshore", "inland", "downstream", "upstream")

// speedUnits are the distances that per hour make a speed.
var speedUnits = map[string]string{"km": "km/h", "miles": "mph", "m": "m/h"}

// speed reads a distance unit that ends before toks[e] as a speed when an
// hour follows: "95 km/h", "95 kilometres per hour", "60 miles an hour".
func speed(toks []lexTok, u string, e int) (string, int) {
	su, ok := speedUnits[u]
	if !ok || e+1 >= len(toks) {
		return u, e
	}
	switch nx, h := toks[e], toks[e+1]; {
	case nx.raw == "/" && !nx.sp && !h.sp && (h.low == "h" || h.low == "hr"):
		return su, e + 2
	case (nx.low == "per" || nx.low == "an" || nx.low == "a") && (h.low == "hour" || h.low == "hr"):
		return su, e + 2
	}
	return u, e
}

// quantityStop ends the head-noun search: function words and verbs that
// follow a bare number ("300 were killed").
var quantityStop = finderSet("the", "a", "an", "of", "and", "or", "to", "in", "on", "at",
	"for", "by", "with", "from", "were", "was", "are", "is", "be", "been", "have", "has",
	"had", "will", "would", "can", "could", "may", "might", "should", "must", "said",
	"than", "that", "which", "who", "as", "percent", "per", "more", "less", "fewer",
	"into", "over", "under", "after", "before", "since", "during", "this", "these",
	"those", "their", "its", "his", "her", "our", "your", "my", "it", "they", "we",
	"he", "she", "you", "i", "not", "no", "also", "still", "only", "all", "each",
	"out", "up", "down", "so", "but", "if", "when", "while", "where", "about", "am", "pm")

// notPlural are words in -s that are not plural nouns.
var notPlural = finderSet("is", "was", "has", "does", "this", "its", "his", "hers",
	"ours", "yours", "theirs", "thus", "plus", "yes", "less", "unless", "across",
	"perhaps", "always", "whereas", "besides", "towards", "afterwards", "says", "goes",
	"gets", "makes", "news", "series", "as", "us", "vs", "versus", "whose", "sometimes",
	"nevertheless", "nonetheless", "regardless", "upwards", "downwards", "overseas", "various",
	"previous", "serious", "numerous", "famous", "dangerous", "enormous", "tremendous",
	"obvious", "anonymous", "continuous", "previous", "religious", "jealous", "nervous",
	"gas", "bus", "bias", "alias", "atlas", "canvas", "lens", "thanks", "chaos")

// irregularPlurals are plural count nouns not ending in -s.
var irregularPlurals = finderSet("people", "children", "men", "women", "police",
	"personnel", "staff", "cattle", "sheep", "fish", "aircraft", "livestock", "feet",
	"teeth", "mice", "geese", "data", "media", "criteria", "phenomena", "deer", "offspring",
	"militia", "infantry", "clergy", "youth", "dead", "injured", "wounded", "missing", "homeless", "elderly")

// quantityHedges may precede a bare scaled or unit-less number ("more than
// 300") and make it a quantity.
var quantityHedges = finderSet("than", "least", "about", "around", "approximately",
	"nearly", "almost", "some", "roughly", "over", "under", "estimated", "total",
	"only", "just", "exactly")

// quantityOpeners may start a sentence before a number.
var quantityOpeners = finderSet("the", "a", "an", "and", "but", "or", "of", "in", "on",
	"at", "by", "for", "with", "from", "to", "after", "within", "another", "all", "these",
	"those", "its", "their", "his", "her", "our", "my", "your", "more", "fewer", "less",
	"than", "up", "least", "at", "some", "of", "each", "every", "only", "over", "under",
	"since", "during", "while", "when", "as", "if", "then", "now", "so", "yet", "just", "nearly")

// compoundExcluded are words that make "N-word" no unit ("2,000-strong").
var compoundExcluded = finderSet("strong", "odd", "plus", "old", "fold", "something", "ish")

// findQuantityToks is FindQuantities over lexed tokens, skipping the spans
// in skip (sorted by start).
func findQuantityToks(text string, toks []lexTok, skip []Span) []Quantity {
	var out []Quantity
	si := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		for si < len(skip) && skip[si].End <= t.start {
			si++
		}
		if si < len(skip) && skip[si].Start <= t.start {
			continue
		}
		// "one" counts only as the start of a larger number ("One hundred
		// and forty-eight millimetres"); alone it is rarely a count.
		oneOf := t.low == "one" && i+1 < len(toks) && (toks[i+1].is("hundred") || numberScales[toks[i+1].low] > 0 ||
			toks[i+1].is("point") && i+2 < len(toks) && numberUnits[toks[i+2].low] > 0) // "one point two million"
		if t.kind != lexNum && !(t.kind == lexWord && (numberUnits[t.low] > 1 || oneOf || numberTens[t.low] > 0 || t.low == "a" || t.low == "half" || t.low == "dozen")) {
			continue
		}
		if t.kind == lexNum {
			if qs, next := voteTally(text, toks, i); qs != nil {
				out = append(out, qs...)
				i = next - 1
				continue
			}
			if n := quantityNumeralBlocked(toks, i); n > i {
				i = n - 1
				continue
			}
		}
		q, next, ok := quantityAt(text, toks, i)
		if !ok {
			continue
		}
		// Never run into an excluded span.
		if si < len(skip) && q.End > skip[si].Start {
			continue
		}
		out = append(out, q)
		i = next - 1
	}
	return out
}

// quantityNumeralBlocked reports numerals that name or time things rather
// than count them; it returns the index after the block, or i.
func quantityNumeralBlocked(toks []lexTok, i int) int {
	t := &toks[i]
	// Glued to letters or to a word by a dash: "G7", "Covid-19", "MH17".
	if i > 0 && !t.sp {
		p := &toks[i-1]
		if p.kind == lexWord || p.kind == lexNum {
			return i + 1
		}
		if (p.isDash() || p.is("/")) && i > 1 && !p.sp && (toks[i-2].kind == lexWord || toks[i-2].kind == lexNum) && !toks[i-2].is("magnitude") {
			return i + 1
		}
		if p.is("#") || p.is("+") || p.is("№") {
			return skipDigitRun(toks, i)
		}
	}
	if i > 0 {
		p := &toks[i-1]
		// "No. 5", "Route 66", "Boeing 737", "Article 5".
		if p.is(".") && i > 1 && (toks[i-2].is("no") || toks[i-2].is("nos")) {
			return i + 1
		}
		// A capitalised word before the number names it, unless it is a
		// sentence-opening function word ("About 300", "The 20 members").
		if p.kind == lexWord && p.capitalized() && !quantityHedges[p.low] && !quantityOpeners[p.low] && dateMonths[p.low] == 0 {
			return i + 1
		}
	}
	n := i + 1
	// Ordinals "3rd", and glued letters that are neither unit nor scale.
	if n < len(toks) && !toks[n].sp && toks[n].kind == lexWord {
		w := toks[n].low
		if _, ok := quantityUnits[w]; !ok && numberScales[w] == 0 && shortScales[w] == 0 {
			return n + 1
		}
	}
	// Times "09:30", "3 pm", "3 a.m.".
	if n+1 < len(toks) && toks[n].is(":") && !toks[n].sp && toks[n+1].kind == lexNum {
		return skipDigitRun(toks, i)
	}
	if n < len(toks) && (toks[n].is("am") || toks[n].is("pm") || toks[n].is("gmt") || toks[n].is("utc") || (toks[n].is("a") || toks[n].is("p")) && n+1 < len(toks) && toks[n+1].is(".")) {
		return n + 1
	}
	// List numbers: "1. Rapid", "2) Next" at a line start or after a bullet.
	if n < len(toks) && (toks[n].is(".") || toks[n].is(")")) && !toks[n].sp && len(t.raw) <= 3 {
		if t.nl || (i > 0 && toks[i-1].kind == lexPunct && (toks[i-1].is("-") || toks[i-1].is("•") || toks[i-1].is("*") || toks[i-1].is("(") || toks[i-1].is("."))) {
			return n + 1
		}
	}
	// Phone numbers and codes: digit groups joined by dashes or spaces
	// where a group has a leading zero or several groups have 3+ digits.
	if n+1 < len(toks) && toks[n+1].kind == lexNum && (toks[n].isDash() || toks[n].is(".")) && !toks[n].sp && !toks[n+1].sp {
		g := toks[n+1].raw
		if (len(g) >= 3 && len(t.raw) >= 3) || (len(g) >= 3 && g[0] == '0') {
			return skipDigitRun(toks, i)
		}
	}
	if n < len(toks) && toks[n].kind == lexNum && toks[n].sp && len(t.raw) >= 3 && len(toks[n].raw) >= 3 && !strings.ContainsAny(t.raw+toks[n].raw, ",.") {
		return skipDigitRun(toks, i)
	}
	return i
}

// skipDigitRun skips numerals joined by dashes, dots, colons or spaces.
func skipDigitRun(toks []lexTok, i int) int {
	j := i + 1
	for j < len(toks) {
		if toks[j].kind == lexNum {
			j++
			continue
		}
		if j+1 < len(toks) && toks[j].kind == lexPunct && (toks[j].isDash() || toks[j].is(":") || toks[j].is(".") || toks[j].is(")")) && toks[j+1].kind == lexNum {
			j += 2
			continue
		}
		break
	}
	return j
}

// quantityAt reads one quantity at toks[i].
func quantityAt(text string, toks []lexTok, i int) (Quantity, int, bool) {
	p, ok := parseNumPhrase(toks, i, numOpts{words: true})
	if !ok {
		return Quantity{}, 0, false
	}
	j := p.next
	if !p.numeral && p.val == 1 && p.scale == 0 {
		return Quantity{}, 0, false
	}
	// "10-15 people": one quantity over the range, valued at its start.
	if j+1 < len(toks) && toks[j].isDash() && !toks[j].sp && toks[j+1].kind == lexNum && !toks[j+1].sp {
		if p2, ok := parseNumPhrase(toks, j+1, numOpts{}); ok && p2.val > p.val {
			if p.scale == 0 && p2.scale != 0 {
				p.val = scaleExact(p.val, p2.scale)
				p.scale = p2.scale
			}
			j = p2.next
		}
	}
	// "174K cbm": a thousand of a measure unit.
	if p.numeral && p.scale == 0 && j+1 < len(toks) && (toks[j].raw == "K" || toks[j].raw == "k") && !toks[j].sp {
		if u, _ := quantityUnitAt(toks, j+1, true); u != "" && quantityUnitNames[u] {
			p.val, p.scale = scaleExact(p.val, 1e3), 1e3
			j++
		}
	}
	// "Some 6 180 patients": thousands set off by spaces, when what the
	// groups count follows them.
	if p.numeral && p.scale == 0 && p.next == i+1 && (i == 0 || toks[i-1].kind != lexNum) {
		if v, k, grouped := spaceGrouped(toks, i); grouped {
			if u, _ := quantityUnitAt(toks, k, false); u != "" {
				p.val, j = v, k
			}
		}
	}
	q := Quantity{Value: p.val}
	end := j // token index after the quantity
	unit, uend := quantityUnitAt(toks, j, p.scale != 0)
	// "5m people": a glued "m" before a plural noun is a million.
	// "1.18m hl", "3.4m tonnes": a million of the unit after it.
	if unit == "m" && p.numeral && p.scale == 0 && uend < len(toks) && toks[uend].sp {
		next := &toks[uend]
		u := quantityUnits[next.low]
		if isPluralNoun(next) {
			u = next.low
		} else if next.kind != lexWord || u == "m" {
			u = ""
		}
		if u != "" {
			q.Value = scaleExact(q.Value, 1e6)
			unit, uend = u, uend+1
		}
	}
	if unit == "" && p.numeral {
		// "22 of Japan's 47 prefectures": the part counts what its
		// whole counts.
		unit = partUnit(text, toks, j)
		uend = j
	}
	switch {
	case unit != "":
		q.Unit, end = unit, uend
		if side, _ := voteSide(toks, uend); p.numeral && (side != "" || votedAfter(toks, uend)) {
			// "25 deputies in favour and 9 against": the tally of a
			// vote, whoever cast it.
			q.Unit = cmp.Or(side, "votes")
		} else if unit == "years" || unit == "year" {
			// "two years and six months", "2 years 6 months": one
			// duration.
			if months, k := monthsAfter(toks, end); k > end {
				q.Value += months / 12
				end = k
			}
		}
	case p.scale != 0 || (p.approx && p.val >= 12):
		// "5 million", "two dozen": a bare amount.
	case i > 0 && quantityHedges[toks[i-1].low],
		i > 1 && toks[i-1].is("to") && toks[i-2].is("up"):
		// "more than 300", "up to 300".
	default:
		label := labelUnit(toks, i, end)
		side, sideEnd := voteSide(toks, end)
		switch {
		case p.numeral && p.scale == 0 && strings.Contains(toks[i].raw, ",") && thousandGroups(toks[i].raw, ',') && i > 0 && !(end < len(toks) && toks[end].isDash() && !toks[end].sp):
			// "swells to 14,860", "the list now at 16,480": a number
			// written with thousands separators counts something even
			// with no noun.
			q.Unit = label
		case p.numeral && side != "":
			// "27 in favour, 9 against": a vote's tally, each side its
			// own count.
			q.Unit, end = side, sideEnd
		case label != "" && (p.numeral || label == "magnitude"):
			// "a crowd of 23,415", "Attendance: 23,415": the count's
			// noun comes before it.
			q.Unit = label
		case p.scale == 0 && casualtyCount(toks, i, end):
			// "sickened 28 people and killed four": people, unnamed.
			q.Unit = "people"
		default:
			return Quantity{}, 0, false
		}
	}
	q.Start, q.End = toks[i].start, toks[end-1].end
	q.Text = text[q.Start:q.End]
	return q, end, true
}

// measurePowers are the words that make a length unit an area or a
// volume, and the prefix each gives the unit.
var measurePowers = map[string]string{"square": "sq ", "sq": "sq ", "cubic": "cubic ", "cu": "cubic "}

// quantityUnitNames are the measure units quantityUnitAt gives, cubic
// and square ones included.
var quantityUnitNames = func() map[string]bool {
	m := map[string]bool{}
	for _, u := range quantityUnits {
		if u != "" {
			m[u], m["cubic "+u], m["sq "+u] = true, true, true
		}
	}
	return m
}()

// quantityUnitAt finds the unit after a number at toks[j]: a percent sign
// or word, a hyphenated compound ("30-km", "72-hour", "20-point"), a
// measure unit, or the first plural noun within two modifiers.
func quantityUnitAt(toks []lexTok, j int, scaled bool) (string, int) {
	if j >= len(toks) {
		return "", j
	}
	t := &toks[j]
	switch t.low {
	case "%", "٪":
		return "%", j + 1
	case "percent", "pc", "pct":
		if j+1 < len(toks) && t.low == "percent" && toks[j+1].is("age") {
			break
		}
		return "%", j + 1
	case "per":
		if j+1 < len(toks) && toks[j+1].is("cent") {
			return "%", j + 2
		}
		return "", j
	case "percentage":
		if j+1 < len(toks) && toks[j+1].is("points") {
			return "percentage points", j + 2
		}
	}
	// "30-km buffer", "72-hour truce", "20-point plan".
	if t.isDash() && !t.sp && j+1 < len(toks) && !toks[j+1].sp && toks[j+1].kind == lexWord {
		w := toks[j+1].low
		if compoundExcluded[w] {
			return "", j
		}
		// "174,000-cubic-metre vessels", "a 90-square-metre flat".
		if pre, ok := measurePowers[w]; ok && j+3 < len(toks) && toks[j+2].isDash() && !toks[j+2].sp && !toks[j+3].sp {
			if u := quantityUnits[toks[j+3].low]; u != "" && toks[j+3].kind == lexWord {
				return pre + u, j + 4
			}
		}
		if u, ok := quantityUnits[w]; ok && u != "" {
			return u, j + 2
		}
		if numberScales[w] != 0 || dateMonths[w] != 0 {
			return "", j
		}
		return pluralize(w), j + 2
	}
	// "32.1°C", "90°F": a temperature ("32.1 C" alone could be a grade).
	if t.raw == "°" || t.raw == "º" {
		if j+1 < len(toks) && !toks[j+1].sp && (toks[j+1].raw == "C" || toks[j+1].raw == "F") {
			return "degrees", j + 2
		}
		return "degrees", j + 1
	}
	if t.kind != lexWord {
		return "", j
	}
	// "31,000 twenty-foot equivalent units (TEU)".
	if (t.low == "twenty" || t.low == "forty") && j+4 < len(toks) && toks[j+1].isDash() &&
		toks[j+2].is("foot") && toks[j+3].is("equivalent") && strings.HasPrefix(toks[j+4].low, "unit") {
		if t.low == "forty" {
			return "FEU", j + 5
		}
		return "TEU", j + 5
	}
	// Measure units, glued ("30km") or spaced ("30 km"); "sq km", "cu m".
	if pre, ok := measurePowers[t.low]; ok && j+1 < len(toks) && toks[j+1].kind == lexWord {
		if u := quantityUnits[toks[j+1].low]; u != "" {
			return pre + u, j + 2
		}
	}
	// "174,000 m3", "90 m²", "40 cu m": powers and the cubic's short forms.
	if u, ok := quantityUnits[t.low]; ok && u != "" && j+1 < len(toks) && !toks[j+1].sp {
		switch toks[j+1].raw {
		case "3", "³":
			return "cubic " + u, j + 2
		case "2", "²":
			if u == "km" {
				return "km2", j + 2
			}
			if u == "m" || u == "feet" {
				return "sq " + u, j + 2
			}
		}
	}
	if t.low == "cbm" {
		return "cubic m", j + 1
	}
	// "180 year-round and 340 seasonal staff": a time unit glued to a
	// word that is no extent ("hour-long") nor age ("year-old") opens a
	// compound adjective; the count's noun, if any, comes after it.
	if u := quantityUnits[t.low]; timeUnit[u] && t.sp && j+2 < len(toks) && toks[j+1].isDash() && !toks[j+1].sp && !toks[j+2].sp &&
		toks[j+2].kind == lexWord && !extentWords[toks[j+2].low] && !compoundExcluded[toks[j+2].low] && toks[j+2].low != "olds" {
		return headNoun(toks, j)
	}
	if u, ok := quantityUnits[t.low]; ok && u != "" {
		// "m" and "G" spaced are too ambiguous (a million, a network
		// generation; "232 g" is grams); "m" glued is metres
		// unless a plural noun follows ("5m people" was read as a scale).
		if (t.low == "m" || t.raw == "G") && t.sp {
			// A spaced "m" before a word of extent or position
			// measures: "540 m underground", "a 120 m tall mast".
			if t.low == "m" && j+1 < len(toks) && toks[j+1].kind == lexWord && extentWords[toks[j+1].low] {
				return "m", j + 1
			}
			return "", j
		}
		return speed(toks, u, j+1)
	}
	if u, e := modelUnit(toks, j); e > j {
		return u, e
	}
	return headNoun(toks, j)
}

// timeUnit are the normalized units of time.
var timeUnit = map[string]bool{"seconds": true, "minutes": true, "hours": true, "days": true, "weeks": true, "months": true, "years": true}

// headNoun reads the plural noun a count at toks[j] counts, within two
// modifiers: "200 multinational observers", "150 well-paid jobs" (a
// hyphenated modifier is one). It returns the noun and the index after
// it, or "" and j.
func headNoun(toks []lexTok, j int) (string, int) {
	for k, words := j, 0; k < len(toks) && words < 3; k, words = k+1, words+1 {
		w := &toks[k]
		if w.kind != lexWord || quantityStop[w.low] {
			return "", j
		}
		if k > j && !w.sp {
			return "", j
		}
		if isPluralNoun(w) {
			return w.low, k + 1
		}
		if dateMonths[w.low] != 0 && w.capitalized() {
			return "", j
		}
		// "45 brand-new Vantor V321neo jets": a model after a modifier.
		if k > j && w.capitalized() {
			if u, e := modelUnit(toks, k); e > k {
				return u, e
			}
		}
		// A hyphenated modifier: "war-torn", "long-range".
		if k+2 < len(toks) && toks[k+1].isDash() && !toks[k+1].sp && !toks[k+2].sp && toks[k+2].kind == lexWord {
			if isPluralNoun(&toks[k+2]) {
				return toks[k+2].low, k + 3
			}
			k += 2
		}
	}
	return "", j
}

// modelUnit reads the plural noun after a maker's or a model's name at
// toks[j]: "18 VR-412 Kania helicopters", "40 Boeing 737 MAX jets", "12
// A320neo aircraft". The name is capitalised words and codes (a number
// right after a capitalised word or glued by a dash), up to five tokens;
// it returns the noun and the index after it, or j.
func modelUnit(toks []lexTok, j int) (string, int) {
	named := false
	for k := j; k < len(toks) && k < j+6; k++ {
		w := &toks[k]
		switch {
		case w.kind == lexWord && w.capitalized() && !quantityStop[w.low] && dateMonths[w.low] == 0:
			named = true
		case w.kind == lexNum && k > j && (toks[k-1].capitalized() || toks[k-1].isDash()) && (!w.sp || toks[k-1].kind == lexWord):
		case w.isDash() && !w.sp && k > j && k+1 < len(toks) && !toks[k+1].sp:
		case named && w.kind == lexWord && !w.sp && k > j:
			// "V321neo": letters glued into a code.
		case named && w.kind == lexWord && w.sp && !w.capitalized() && (isPluralNoun(w) || irregularPlurals[w.low]):
			return w.low, k + 1
		default:
			return "", j
		}
	}
	return "", j
}

// isPluralNoun guesses whether w is a plural noun: an irregular plural or a
// word in -s that is not a known non-plural.
func isPluralNoun(w *lexTok) bool {
	s := w.low
	if irregularPlurals[s] {
		return true
	}
	if len(s) < 3 || s[len(s)-1] != 's' || notPlural[s] {
		return false
	}
	switch s[len(s)-2] {
	case 's', 'u', 'i', '\'':
		return false
	}
	return true
}

// pluralize makes a hyphenated unit plural: "point" -> "points", "nation"
// -> "nations", "storey" -> "storeys", "city" -> "cities".
func pluralize(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), irregularPlurals[w]:
		return w
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// countCollectives are nouns that name a counted whole: "a crowd of
// 23,415", "a workforce of 3,000", "a death toll of 41".
var countCollectives = finderSet("crowd", "attendance", "turnout", "population", "workforce",
	"audience", "membership", "headcount", "congregation", "fleet", "staff", "electorate",
	"readership", "enrolment", "enrollment", "toll", "capacity", "gate", "majority", "margin", "age",
	"queue", "list", "backlog", "waitlist", "caseload")

// labelBlocked are labels whose number names or ranks rather than counts:
// "Round: 4", "Page: 3", "Flight: 802".
var labelBlocked = finderSet("year", "date", "time", "phone", "tel", "fax", "no", "number", "page",
	"chapter", "round", "score", "result", "rank", "ranking", "position", "grade", "rating", "version",
	"code", "ref", "reference", "id", "level", "stage", "step", "season", "edition", "issue", "volume",
	"part", "vol", "age", "episode", "series", "room", "floor", "gate", "platform", "flight", "route",
	"line", "zip", "postcode", "isbn", "minute", "kickoff", "kick", "off", "half", "match", "game",
	"week", "day", "month", "quarter", "section", "article", "clause", "paragraph", "item", "question",
	"answer", "q", "a", "size", "model", "tier", "group", "class", "category", "table", "figure",
	"fig", "appendix", "note", "source", "update", "updated", "posted", "published", "by")

// labelUnit returns the noun a bare count at toks[i] (ending before
// toks[end]) is a count of when the noun comes first: a collective before
// "of" ("a crowd of 23,415"), a quake's magnitude, or the label of a fact-box line
// ("Attendance: 23,415", "Hospital admissions: 540") that the number ends.
// It returns "" otherwise.
func labelUnit(toks []lexTok, i, end int) string {
	if i > 1 && toks[i-1].is("of") && toks[i-2].kind == lexWord && countCollectives[toks[i-2].low] {
		return toks[i-2].low
	}
	// "the number of people reported ill had reached 52": the count's
	// noun is the number's.
	if u := numberOfUnit(toks, i); u != "" {
		return u
	}
	// "a magnitude 7.4 earthquake", "magnitude-7.4", "put the magnitude
	// at 7.8": a quake's size comes after its noun.
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].is("magnitude") {
			return "magnitude"
		}
		if !(toks[k].isDash() || toks[k].is("of") || toks[k].is("at") || toks[k].is("was") || toks[k].is("is")) {
			break
		}
	}
	if i < 2 || !toks[i-1].is(":") || looksLikeYear(toks[i].raw) {
		return ""
	}
	// The number ends its line: nothing but closing marks after it.
	for k := end; k < len(toks) && !toks[k].nl; k++ {
		if toks[k].kind != lexPunct {
			return ""
		}
	}
	// The label runs from the line start (after list and emphasis marks)
	// to the colon: one to four words.
	var words []*lexTok
	k := i - 2
	for ; k >= 0; k-- {
		t := &toks[k]
		if t.kind == lexWord {
			words = append(words, t)
		} else if t.kind != lexPunct || !strings.ContainsAny(t.raw, "*-•#|_>") {
			return ""
		}
		if t.nl {
			break
		}
	}
	if k < 0 && len(words) > 0 && !words[len(words)-1].nl {
		return ""
	}
	if len(words) == 0 || len(words) > 4 {
		return ""
	}
	for _, w := range words {
		if labelBlocked[w.low] {
			return ""
		}
	}
	// The last word, unless a participle ends the label ("Official
	// attendance announced: 23,415").
	for _, w := range words {
		if !strings.HasSuffix(w.low, "ed") && len(w.low) > 2 {
			return w.low
		}
	}
	return ""
}

// looksLikeYear reports a bare four-digit numeral that may be a year.
func looksLikeYear(raw string) bool {
	if len(raw) != 4 || raw[0] < '1' || raw[0] > '2' {
		return false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return false
		}
	}
	return raw >= "1800" && raw <= "2100"
}

// partUnit returns the unit of the whole after a part at toks[j] ("of
// Japan's 47 prefectures", "out of the 74 containers"), or "".
func partUnit(text string, toks []lexTok, j int) string {
	if j < len(toks) && toks[j].is("out") {
		j++
	}
	if j >= len(toks) || !toks[j].is("of") {
		return ""
	}
	k := j + 1
	if k < len(toks) && (toks[k].is("the") || toks[k].is("its") || toks[k].is("their") || toks[k].is("all")) {
		k++
	} else if k+2 < len(toks) && toks[k].kind == lexWord && (toks[k+1].is("'") || toks[k+1].is("’")) && toks[k+2].is("s") {
		k += 3 // "Japan's"
	}
	if k >= len(toks) || toks[k].kind != lexNum {
		return ""
	}
	whole, _, ok := quantityAt(text, toks, k)
	if !ok || whole.Unit == "%" {
		return ""
	}
	return whole.Unit
}

// voteSide reads the side of a vote after a number at toks[j]: "in
// favour" and "in favor" are "votes", "against" is "votes against",
// "abstentions" "votes abstentions". It returns the unit and the index
// after it, or "" and j.
func voteSide(toks []lexTok, j int) (string, int) {
	switch {
	case j+1 < len(toks) && toks[j].is("in") && (toks[j+1].is("favour") || toks[j+1].is("favor")):
		return "votes", j + 2
	case j < len(toks) && toks[j].is("abstentions"):
		return "votes abstentions", j + 1
	case j < len(toks) && toks[j].is("against"):
		// "against" must end the clause: "9 against", not "9 against 2".
		if j+1 < len(toks) && !toks[j+1].nl && toks[j+1].kind != lexPunct && !toks[j+1].is("and") && !toks[j+1].is("with") {
			return "", j
		}
		return "votes against", j + 1
	}
	return "", j
}

// monthsAfter reads the months after a number of years at toks[j] ("and
// six months", "6 months"): their count and the index after them, or 0
// and j.
func monthsAfter(toks []lexTok, j int) (float64, int) {
	k := j
	if k < len(toks) && toks[k].is("and") {
		k++
	}
	if k >= len(toks) {
		return 0, j
	}
	mp, ok := parseNumPhrase(toks, k, numOpts{words: true})
	if !ok || mp.scale != 0 || mp.val <= 0 || mp.val >= 12 || mp.next >= len(toks) || !(toks[mp.next].is("months") || toks[mp.next].is("month")) {
		return 0, j
	}
	return mp.val, mp.next + 1
}

// countVerbs end the clause that says what a number of things came to:
// "had reached 52", "rose to 41", "stood at 9".
var countVerbs = finderSet("reached", "reach", "reaches", "rose", "risen", "rises", "climbed", "stood", "stands",
	"hit", "totalled", "totaled", "is", "was", "were", "to", "at", "now")

// numberOfUnit returns the noun of "the number of <noun> ... <verb> N" for
// a bare number at toks[i], or "".
func numberOfUnit(toks []lexTok, i int) string {
	if i == 0 || !countVerbs[toks[i-1].low] {
		return ""
	}
	for k := i - 2; k >= 1 && k >= i-16; k-- {
		t := &toks[k]
		if t.kind == lexNum || (t.kind == lexPunct && !t.isDash()) {
			return ""
		}
		if t.is("of") && toks[k-1].is("number") && k+1 < i && isPluralNoun(&toks[k+1]) {
			return toks[k+1].low
		}
		// "the death toll has risen to 17", "turnout stood at 4,100":
		// a counted whole right before its verb.
		if countCollectives[t.low] && i-k <= 8 {
			return t.low
		}
	}
	// "Confirmed cases now stand at 41", "deaths have risen to 12": a
	// plural noun right before the verbs that bring its count.
	k := i - 1
	for k > 0 && (countVerbs[toks[k].low] || countAux[toks[k].low]) {
		k--
	}
	if k < i-1 && k >= 0 && toks[k].kind == lexWord && isPluralNoun(&toks[k]) && !valueNouns[toks[k].low] && !countAux[toks[k].low] {
		return toks[k].low
	}
	return ""
}

// countAux may stand between a count's noun and its verb: "cases have now
// risen to", "deaths have since climbed to".
var countAux = finderSet("has", "have", "had", "now", "already", "since", "further", "then", "also",
	"stand", "rise", "climb", "climbing", "rising", "grown", "grew", "increased", "jumped", "soared", "totals",
	"total", "number", "numbered", "swells", "swelled", "grows", "climbs", "rises", "jumps", "soars", "falls",
	"fell", "drops", "dropped", "shrinks", "shrank")

// valueNouns are plural nouns whose bare number is a price, a rate or a
// reading, not a count of them: "shares rose to 41".
var valueNouns = finderSet("shares", "prices", "rates", "yields", "stocks", "bonds", "futures", "temperatures",
	"levels", "readings", "odds", "costs", "wages", "salaries", "rents", "fares", "fees", "tariffs", "margins")

// casualtyVerbs count people by what befell them, with the noun often
// left out: "the blast killed four", "injuring 12".
var casualtyVerbs = finderSet("killed", "kills", "killing", "injured", "injuring", "wounded", "wounding",
	"hospitalised", "hospitalized", "sickened", "infected", "evacuated", "rescued", "arrested", "detained")

// casualtyCount reports a bare count right after a casualty verb that ends
// its clause: "and killed four.", "injuring 12, police said".
func casualtyCount(toks []lexTok, i, end int) bool {
	if i == 0 || !casualtyVerbs[toks[i-1].low] {
		return false
	}
	if end >= len(toks) || toks[end].nl {
		return true
	}
	t := &toks[end]
	return t.kind == lexPunct && !t.isDash() && !t.is("%") || clauseWords[t.low]
}

// clauseWords begin what may follow a complete clause.
var clauseWords = finderSet("and", "but", "in", "on", "at", "when", "after", "as", "while", "during",
	"including", "before", "since", "near", "across", "overnight")

// tallyFollowers may follow a vote's tally: "to approve", "yesterday",
// "a 58-41 vote", "with two abstentions".
var tallyFollowers = finderSet("to", "yesterday", "today", "tonight", "with", "for", "vote", "votes",
	"margin", "majority", "decision", "verdict", "tally", "count")

// tallyVerbs say a vote's result right before its tally: "passed 58-41",
// "voted 56-43 to approve", "confirmed 51-49".
var tallyVerbs = finderSet("voted", "votes", "passed", "passes", "approved", "approves", "adopted",
	"rejected", "defeated", "backed", "carried", "endorsed", "ratified", "confirmed", "cleared")

// voteTally reads the tally of a vote at toks[i]: "passed 58-41", "the
// measure 51–49" after a tally verb, "by a vote of 27-9". Each side is its
// own count: the first "votes", the second "votes against". It returns
// nil and i when there is none.
func voteTally(text string, toks []lexTok, i int) ([]Quantity, int) {
	if i+2 >= len(toks) || toks[i+2].kind != lexNum {
		return nil, i
	}
	// "58-41", or spelled out with "to": "voted 27 to 12 in favour".
	dashed := toks[i+1].isDash() && !toks[i+1].sp && !toks[i+2].sp
	if !dashed && !toks[i+1].is("to") {
		return nil, i
	}
	// "2026-04-22", "58-41-3": a date or a code, not a tally.
	if i+3 < len(toks) && !toks[i+3].sp && (toks[i+3].isDash() || toks[i+3].kind == lexNum || toks[i+3].is("/")) {
		return nil, i
	}
	cued := false
	for k := i - 1; k >= 0 && k >= i-3 && !cued; k-- {
		switch {
		case tallyVerbs[toks[k].low]:
			cued = true
		case toks[k].is("of") && k > 0 && (toks[k-1].is("vote") || toks[k-1].is("margin") || toks[k-1].is("tally")):
			cued = true
		case toks[k].kind != lexWord:
			return nil, i
		}
	}
	if !cued {
		return nil, i
	}
	// What follows ends the tally's clause or names the vote: "passed
	// 58-41 after a debate", "voted 56-43 to approve", "a 58-41 vote";
	// not "approved a 3-1 split".
	if k := i + 3; k < len(toks) && !toks[k].nl && toks[k].kind == lexWord && !clauseWords[toks[k].low] && !tallyFollowers[toks[k].low] {
		return nil, i
	}
	side := func(t *lexTok, unit string) (Quantity, bool) {
		v, err := strconv.Atoi(t.raw)
		if err != nil || v < 0 || v > 10000 {
			return Quantity{}, false
		}
		return Quantity{Text: text[t.start:t.end], Value: float64(v), Unit: unit, Start: t.start, End: t.end}, true
	}
	yes, ok1 := side(&toks[i], "votes")
	no, ok2 := side(&toks[i+2], "votes against")
	if !ok1 || !ok2 {
		return nil, i
	}
	end := i + 3
	if end+1 < len(toks) && toks[end].is("in") && (toks[end+1].is("favour") || toks[end+1].is("favor")) {
		end += 2 // "27 to 12 in favour": the tally's side, said once
	}
	return []Quantity{yes, no}, end
}

// votedAfter reports a people count whose clause goes on to say they voted
// for something: "38 members of the city parliament voted for the budget".
func votedAfter(toks []lexTok, j int) bool {
	for k := j; k < len(toks) && k < j+8; k++ {
		t := &toks[k]
		if t.kind == lexNum || (t.kind == lexPunct && !t.is("'") && !t.is("’")) {
			return false
		}
		if (t.is("voted") || t.is("backed")) && k+1 < len(toks) && (toks[k+1].is("for") || toks[k+1].is("in") || toks[k+1].kind == lexWord) {
			return !(k+1 < len(toks) && toks[k+1].is("against"))
		}
	}
	return false
}
