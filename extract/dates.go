package extract

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// FindDates returns the dates in text, in order, with ISO values: a day
// "2025-12-22", a month "2026-01", a quarter "2026-Q2" or a year "2026".
//
// Absolute forms: "22 December 2025", "December 22, 2025", "Dec. 22nd",
// "2025-12-22" (also with a time after it), "12/22/2025" (US order unless
// only the day-first reading is valid), "22.12.2025", "December 2025",
// "Q2 2026", "second quarter of 2026", "mid-2026", years alone ("since
// 2014", "the 2024 corridor"), ranges ("15-17 December", "2014-2022",
// "2019-20") as two dates with their own spans, fiscal years ("FY2026",
// "the fourth quarter of fiscal 2025", "this fiscal year").
//
// Relative forms need ref, the publication date; with a zero ref they are
// left out, as are a day and month without a year: "today", "yesterday",
// "on Sunday", "last Tuesday", "next Friday", "last month", "next year", "in
// March", "mid-March", "early January", "by the end of February", "the end
// of the year", "two days ago", "in three weeks", "last quarter". A weekday
// or month alone is taken as past, the default tense of news, unless the
// sentence reads as future ("will meet on Friday", "talks are scheduled for
// March"); a day and month without a year take the year that puts them
// nearest ref unless the tense says otherwise, and the tense only moves a
// date that is over a month on its wrong side. Weeks have no ISO form in
// the contract and are skipped; so are "today" meaning nowadays ("today's
// youth", "cheaper than it is today") and a month that points back to an
// earlier time ("that January day in 2011").
//
// Not dates: "Route 2026", "Boeing 737", "2,025 people", "2025 people" (a
// year-like number before a count noun), "about 2000", "the 1990s".
func FindDates(text string, ref time.Time) []Date {
	var out []Date
	withTokens(text, func(toks []lexTok) { out = findDatesToks(text, toks, ref) })
	return out
}

// dateMonths maps month names and abbreviations to month numbers.
var dateMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// fullMonthName are the month names short enough to look abbreviated.
var fullMonthName = finderSet("may", "june", "july")

// ambiguousMonth are month names that are also common words ("may",
// "march", "august"): read as months only when capitalised.
var ambiguousMonth = finderSet("may", "march", "mar", "august")

// dateWeekdays maps weekday names to time.Weekday.
var dateWeekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// dateOrdinals are the quarter ordinals.
var dateOrdinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

// yearBlockers are words after which a four-digit number is a name, not a
// year: "Route 2026", "Flight 1549", "Resolution 2254", "No. 1999".
var yearBlockers = finderSet("route", "highway", "interstate", "flight", "model", "boeing",
	"airbus", "no", "number", "nos", "room", "page", "pages", "pp", "p", "article", "section", "chapter",
	"resolution", "bus", "line", "item", "code", "rule", "vol", "volume", "paragraph",
	"platform", "gate", "apartment", "suite", "box", "unit", "lot", "exit", "pier",
	"channel", "mile", "km", "bill", "case", "file", "order", "decree", "law", "act",
	"about", "around", "approximately", "nearly", "almost", "some", "roughly",
	"than", "least", "to", "over", "under", "only", "just", "exactly", "by",
	"#", "$", "€", "£", "¥", "+", "x", "tu", "su", "mig", "il")

// dateCountNouns are plural nouns that make a year-like number a count
// ("2025 people", "1500 troops").
var dateCountNouns = finderSet("people", "persons", "men", "women", "children", "kids",
	"soldiers", "troops", "residents", "civilians", "workers", "employees", "jobs",
	"students", "deaths", "dead", "cases", "votes", "voters", "units", "homes", "houses",
	"families", "refugees", "migrants", "patients", "members", "users", "customers",
	"words", "tonnes", "tons", "km", "kilometres", "kilometers", "miles", "metres",
	"meters", "feet", "dollars", "euros", "pounds", "points", "vehicles", "cars",
	"flights", "passengers", "prisoners", "detainees", "hostages", "casualties",
	"victims", "fatalities", "tanks", "drones", "missiles", "rockets", "shells",
	"acres", "hectares", "signatures", "followers", "copies", "items", "animals",
	"trees", "times", "days", "hours", "minutes", "years", "months", "weeks", "seconds",
	"visitors", "delegates", "candidates", "observers", "officers", "officials",
	"fighters", "militants", "households", "schools", "hospitals", "villages",
	"buildings", "sites", "arrests", "participants", "attendees", "doctors",
	"nurses", "teachers", "beds", "calories", "barrels", "shares", "tickets",
	"rounds", "bombs", "jets", "aircraft", "ships", "boats", "pupils", "volunteers",
	"staff", "personnel", "police", "injured", "wounded", "more", "others", "new",
	"additional", "extra", "of", "%", "percent", "per", "pc", "degrees", "gw", "mw",
	"kg", "lbs", "yards", "inches", "votes")

// futureMarkers and pastMarkers decide the tense of a relative date from
// the nearest marker before it in its sentence (or, failing that, after).
var futureMarkers = finderSet("will", "ll", "shall", "going", "scheduled", "expected",
	"due", "plans", "plan", "planned", "planning", "set", "upcoming", "would",
	"intends", "aims", "hopes", "coming", "forthcoming", "next", "later", "should", "must",
	"forecast", "forecasts", "payable")

var pastMarkers = finderSet("said", "was", "were", "had", "did", "told", "came", "went",
	"took", "gave", "saw", "began", "ago", "since", "last", "earlier", "fell", "rose",
	"spoke", "wrote", "became", "ran")

// passiveAux before a participle make it passive present or future.
var passiveAux = finderSet("be", "is", "are", "am", "being")

// dateDeterminers before a marker word make it a noun ("the plan").
var dateDeterminers = finderSet("the", "a", "an", "its", "his", "her", "their", "our", "this", "that")

// dateReportingVerbs introduce reported speech: their tense is not the tense
// of the event reported.
var dateReportingVerbs = finderSet("said", "says", "say", "told", "tells", "wrote", "added",
	"announced", "reported", "stated", "warned", "claimed", "insisted", "noted")

// weakPastMarkers may be participles ("will be held"): past only when no
// future marker comes before them in the sentence.
var weakPastMarkers = finderSet("met", "held", "made", "left", "won", "lost", "hit",
	"struck", "sent", "got", "led", "shot", "found", "brought", "been", "built", "paid",
	"sold", "put", "cut", "kept")

// notPastED are words in -ed that are not past-tense verbs.
var notPastED = finderSet("need", "speed", "seed", "feed", "indeed", "red", "bed", "shed",
	"proceed", "exceed", "succeed", "hundred", "embed", "breed", "united", "limited",
	"based", "related", "scheduled", "expected", "planned", "proposed", "supposed")

type tense int8

const (
	tenseUnknown tense = iota
	tensePast
	tenseFuture
)

// dateScan carries one FindDates call.
type dateScan struct {
	text string
	toks []lexTok
	ref  time.Time
	out  []Date
	// anaphoric marks the dates of out that refer back to a period the
	// text named ("the quarter", "a year ago" after "the third quarter")
	anaphoric []bool
}

func (s *dateScan) emit(first, last int, value string) {
	st, en := s.toks[first].start, s.toks[last].end
	s.out = append(s.out, Date{Text: s.text[st:en], Value: value, Start: st, End: en})
}

// findDatesToks is FindDates over lexed tokens.
func findDatesToks(text string, toks []lexTok, ref time.Time) []Date {
	s := &dateScan{text: text, toks: toks, ref: ref}
	if !ref.IsZero() {
		y, m, d := ref.Date()
		s.ref = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for i := 0; i < len(toks); {
		n := s.at(i)
		if n <= i {
			n = i + 1
		}
		i = n
	}
	return s.out
}

// at tries every date form at toks[i] and returns the index after what it
// used (i itself when nothing matched).
func (s *dateScan) at(i int) int {
	t := &s.toks[i]
	switch t.kind {
	case lexNum:
		if n := s.numericDate(i); n > i {
			return n
		}
		if n := s.dayOfMonth(i); n > i {
			return n
		}
		if n := s.dayMonth(i); n > i {
			return n
		}
		if n := s.yearForms(i); n > i {
			return n
		}
		if n := s.agoForm(i); n > i {
			return n
		}
	case lexWord:
		if n := s.spelledDayMonth(i); n > i {
			return n
		}
		if s.toks[i].low == "q" {
			if n := s.quarterQ(i); n > i {
				return n
			}
		}
		if _, ok := dateMonths[t.low]; ok {
			if n := s.monthSpelledDay(i); n > i {
				return n
			}
			return s.monthFirst(i)
		}
		if holidayFirst[t.low] {
			if n := s.holiday(i); n > i {
				return n
			}
		}
		if _, ok := dateWeekdays[t.low]; ok {
			return s.weekday(i)
		}
		if _, ok := dateOrdinals[t.low]; ok {
			if n := s.quarterWord(i); n > i {
				return n
			}
		}
		switch t.low {
		case "fy":
			if n := s.fiscalYear(i); n > i {
				return n
			}
		case "end", "beginning", "start", "middle":
			if n := s.partOfPeriod(i); n > i {
				return n
			}
		case "the":
			if n := s.theQuarter(i); n > i {
				return n
			}
			if n := s.currentPeriod(i); n > i {
				return n
			}
		case "today", "tonight", "yesterday", "tomorrow", "last", "next", "this", "past", "coming", "in", "a", "an":
			if n := s.relative(i); n > i {
				return n
			}
		}
		if n := s.spokenYear(i); n > i {
			return n
		}
		if numberUnits[t.low] > 0 || numberTens[t.low] > 0 {
			return s.agoForm(i)
		}
	}
	return i
}

// --- helpers ---------------------------------------------------------------

func iso(y, m, d int) string {
	b := make([]byte, 0, 10)
	b = appendPad(b, y, 4)
	if m > 0 {
		b = append(b, '-')
		b = appendPad(b, m, 2)
		if d > 0 {
			b = append(b, '-')
			b = appendPad(b, d, 2)
		}
	}
	return string(b)
}

func isoQuarter(y, q int) string {
	return iso(y, 0, 0) + "-Q" + strconv.Itoa(q)
}

func appendPad(b []byte, v, w int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func isoTime(t time.Time) string { return iso(t.Year(), int(t.Month()), t.Day()) }

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// yearValue returns the year of a plain four-digit numeral, or 0.
func yearValue(t *lexTok) int {
	if t.kind != lexNum || len(t.raw) != 4 {
		return 0
	}
	v := plainInt(t)
	if v < 1000 || v > 2199 {
		return 0
	}
	return v
}

// dayValue returns 1..31 for a one- or two-digit numeral, or 0.
func dayValue(t *lexTok) int {
	if t.kind != lexNum || len(t.raw) > 2 {
		return 0
	}
	v := plainInt(t)
	if v < 1 || v > 31 {
		return 0
	}
	return v
}

// skipOrdinal skips a glued "st", "nd", "rd", "th" after a day numeral.
func (s *dateScan) skipOrdinal(j int) int {
	if j < len(s.toks) && !s.toks[j].sp && s.toks[j].kind == lexWord {
		switch s.toks[j].low {
		case "st", "nd", "rd", "th":
			return j + 1
		}
	}
	return j
}

// gluedLetters reports whether toks[j] is a word glued to the token before.
func (s *dateScan) gluedLetters(j int) bool {
	return j < len(s.toks) && !s.toks[j].sp && s.toks[j].kind == lexWord
}

// monthAt returns the month at toks[j] and the index after it (and an
// abbreviation's period).
func (s *dateScan) monthAt(j int) (int, int) {
	if j >= len(s.toks) || s.toks[j].kind != lexWord {
		return 0, j
	}
	m, ok := dateMonths[s.toks[j].low]
	if !ok {
		return 0, j
	}
	k := j + 1
	// "Dec." takes its period; "May.", "June.", "July." end a sentence.
	if len(s.toks[j].low) <= 4 && !fullMonthName[s.toks[j].low] && k < len(s.toks) && s.toks[k].is(".") && !s.toks[k].sp {
		k++
	}
	return m, k
}

// yearAfter reads an optional ", 2025" / " 2025" / " of 2025" at toks[j].
func (s *dateScan) yearAfter(j int) (int, int) {
	k := j
	if k < len(s.toks) && (s.toks[k].is(",") || s.toks[k].is("of")) {
		k++
	}
	// "the fourth quarter of fiscal 2012": the fiscal year is written as
	// the calendar year that names it.
	if k < len(s.toks) && s.toks[k].is("fiscal") {
		k++
	}
	if k < len(s.toks) {
		if y := yearValue(&s.toks[k]); y > 0 && !s.gluedLetters(k+1) && !s.gluedJoin(k+1) {
			return y, k + 1
		}
	}
	return 0, j
}

// gluedJoin reports a dash, slash or colon glued between numerals at
// toks[j] ("2025-12", "2025/12"), which makes the numeral before it part of
// another form.
func (s *dateScan) gluedJoin(j int) bool {
	if j+1 >= len(s.toks) || s.toks[j].sp || s.toks[j+1].sp || s.toks[j+1].kind != lexNum {
		return false
	}
	t := &s.toks[j]
	return t.isDash() || t.is("/") || t.is(":") || t.is(".")
}

// sentenceStart and sentenceEnd bound the sentence around toks[i] for tense
// detection, cheaply: at ". ! ? ;" or a line break.
func (s *dateScan) isBoundary(j int) bool {
	t := &s.toks[j]
	if t.kind == lexPunct && (t.low == "." || t.low == "!" || t.low == "?" || t.low == ";") {
		return true
	}
	return false
}

// tenseAround looks back from toks[i] within its sentence for the nearest
// tense marker, then forward a few tokens. A participle in -ed is a weak
// past marker: "will be held in March" reads as future.
//
// A deadline ("by the end of February") reads as future unless a past verb
// other than a reporting verb comes before it: "prices peaked by the end of
// the year" is past, "she said it would close by March" is future.
//
// "as soon as Tuesday" and "as early as Tuesday" look ahead; a participle
// after "is", "are" or "be" is passive ("must be returned by Jan. 14"),
// not past.
func (s *dateScan) tenseAround(i, after int) tense {
	deadline := i > 0 && (s.toks[i-1].is("by") || s.toks[i-1].is("until") || s.toks[i-1].is("till"))
	if i > 2 && s.toks[i-1].is("as") && (s.toks[i-2].is("soon") || s.toks[i-2].is("early")) && s.toks[i-3].is("as") {
		return tenseFuture
	}
	weak, comma := false, false
	for j, n := i-1, 0; j >= 0 && n < 14; j, n = j-1, n+1 {
		if s.isBoundary(j) || s.toks[j+1].nl {
			break
		}
		if deadline && dateReportingVerbs[s.toks[j].low] {
			break
		}
		if s.toks[j].is(",") {
			comma = true
		}
		// An infinitive governs the date only when it is the nearest
		// marker, close by and in the same clause.
		if n < 3 && !weak && !comma && s.infinitiveAt(j) {
			return tenseFuture
		}
		if s.toks[j].is("to") && j > 0 && (s.toks[j-1].is("is") || s.toks[j-1].is("are")) {
			return tenseFuture // "is to resume trading Tuesday"
		}
		tn := markerTense(&s.toks[j])
		if tn == tenseFuture && j > 0 && dateDeterminers[s.toks[j-1].low] {
			continue // "the plan", "a set": a noun, not a future verb
		}
		if tn == tenseFuture && s.toks[j].is("later") && j > 0 && timeUnit[quantityUnits[s.toks[j-1].low]] {
			continue // "three days later": a step in the story's own sequence, no tense
		}
		if tn == tensePast && n == 0 && !(j > 0 && passiveAux[s.toks[j-1].low]) {
			// "announced Wednesday", "the market closed Wednesday": a
			// past verb right before the date is its tense
			return tensePast
		}
		if tn == tenseFuture || (tn == tensePast && pastMarkers[s.toks[j].low]) {
			return tn
		}
		if tn == tensePast && !(j > 0 && passiveAux[s.toks[j-1].low]) {
			weak = true
		}
	}
	if weak {
		return tensePast
	}
	if deadline {
		return tenseFuture
	}
	for j, n := after, 0; j < len(s.toks) && n < 8; j, n = j+1, n+1 {
		if s.isBoundary(j) || s.toks[j].nl {
			break
		}
		// "On Friday, the government planned to pay", "On Friday, when
		// she set aside her plans": a participle-like marker after the
		// date with no auxiliary before it is the clause's past verb
		// ("the vote is planned for Friday" reads back from the date).
		if pastFormMarkers[s.toks[j].low] && j > 0 && !passiveAux[s.toks[j-1].low] && !s.toks[j-1].is("was") && !s.toks[j-1].is("were") {
			return tensePast
		}
		if tn := markerTense(&s.toks[j]); tn != tenseUnknown {
			return tn
		}
	}
	return tenseUnknown
}

// pastFormMarkers are future markers that are also a verb's past form.
var pastFormMarkers = finderSet("planned", "set")

// toNotInfinitive are words after which "to" is a preposition: "up to
// March", "due to rain", "back to work".
var toNotInfinitive = finderSet("up", "due", "according", "close", "next", "compared", "prior",
	"back", "owing", "thanks", "similar", "related", "access", "return", "way", "trip",
	"visit", "move", "shift", "down", "out", "from", "in", "into", "on", "and", "or", "than",
	"as", "is", "are", "was", "were", "be", "been", "it", "them", "him", "her", "us", "me")

// infinitiveAt reports "to" + verb at toks[j-1:j+1] after a word that is
// not itself a verb with tense: "the program to run through June", "is to
// hold talks in March" look forward from the time they were written.
// "was forced to resign in March" does not: its "forced" is a past verb.
func (s *dateScan) infinitiveAt(j int) bool {
	if j < 2 || !s.toks[j-1].is("to") {
		return false
	}
	v, p := &s.toks[j], &s.toks[j-2]
	if v.kind != lexWord || v.capitalized() || dateDeterminers[v.low] || len(v.low) < 3 {
		return false
	}
	// "twenty to five", "ten to six": a time of day, no verb.
	if numberUnits[v.low] != 0 || numberTens[v.low] != 0 {
		return false
	}
	if _, ok := dateMonths[v.low]; ok {
		return false
	}
	if p.kind != lexWord || toNotInfinitive[p.low] || markerTense(p) != tenseUnknown {
		return false
	}
	// A verb in -ed or -ing after "to" is a noun or adjective ("to
	// marketing", "to increased").
	if n := len(v.low); v.low[n-2:] == "ed" || (n > 4 && v.low[n-3:] == "ing") {
		return false
	}
	return true
}

func markerTense(t *lexTok) tense {
	if t.kind != lexWord {
		return tenseUnknown
	}
	w := t.low
	if futureMarkers[w] {
		return tenseFuture
	}
	if pastMarkers[w] || weakPastMarkers[w] {
		return tensePast
	}
	if len(w) > 4 && w[len(w)-2:] == "ed" && !notPastED[w] {
		return tensePast
	}
	return tenseUnknown
}

// --- absolute forms --------------------------------------------------------

// numericDate reads "2025-12-22", "2025/12/22", "12/22/2025", "22/12/2025",
// "22.12.2025" and "22-12-2025".
func (s *dateScan) numericDate(i int) int {
	toks := s.toks
	t := &toks[i]
	if i > 0 && !t.sp && (toks[i-1].kind == lexWord || toks[i-1].kind == lexNum) {
		return i
	}
	// "22.12.2025" lexes as one numeral.
	if len(t.raw) == 10 && t.raw[2] == '.' && t.raw[5] == '.' {
		d, _ := strconv.Atoi(t.raw[0:2])
		m, _ := strconv.Atoi(t.raw[3:5])
		y, _ := strconv.Atoi(t.raw[6:10])
		if validDay(y, m, d) && !s.gluedLetters(i+1) {
			s.emit(i, i, iso(y, m, d))
			return i + 1
		}
		return i
	}
	if i+4 >= len(toks) {
		return i
	}
	a, sep1, b, sep2, c := t, &toks[i+1], &toks[i+2], &toks[i+3], &toks[i+4]
	if sep1.sp || b.sp || sep2.sp || c.sp || sep1.kind != lexPunct || sep1.low != sep2.low {
		return i
	}
	if sep1.low != "-" && sep1.low != "/" && sep1.low != "." {
		return i
	}
	if b.kind != lexNum || c.kind != lexNum || len(b.raw) > 2 {
		return i
	}
	if s.gluedLetters(i + 5) {
		return i
	}
	if y := yearValue(a); y > 0 && len(c.raw) <= 2 {
		m, d := plainInt(b), plainInt(c)
		if validDay(y, m, d) {
			s.emit(i, i+4, iso(y, m, d))
			return i + 5
		}
		return i
	}
	if len(a.raw) > 2 {
		return i
	}
	y := yearValue(c)
	if y == 0 {
		return i
	}
	p, q := plainInt(a), plainInt(b)
	switch {
	case sep1.low == "/" && validDay(y, p, q): // US order first
		s.emit(i, i+4, iso(y, p, q))
	case validDay(y, q, p):
		s.emit(i, i+4, iso(y, q, p))
	default:
		return i
	}
	return i + 5
}

// dayMonth reads "22 December 2025", "22nd of Dec", "15-17 December 2025",
// "15 to 17 December".
func (s *dateScan) dayMonth(i int) int {
	toks := s.toks
	d := dayValue(&toks[i])
	if d == 0 || (i > 0 && !toks[i].sp && toks[i-1].kind != lexPunct) {
		return i
	}
	j := s.skipOrdinal(i + 1)
	if s.gluedLetters(j) {
		return i
	}
	// Range "15-17 December" / "15 to 17 December": the first day keeps
	// its own span [i, firstLast].
	d1, firstLast, dayTok := 0, -1, i
	if j+1 < len(toks) && (toks[j].isDash() || toks[j].is("to") || toks[j].is("and") || toks[j].is("until") || toks[j].is("till") || toks[j].is("through")) {
		if d2 := dayValue(&toks[j+1]); d2 > d {
			k := s.skipOrdinal(j + 2)
			if k+1 < len(toks) && toks[k].is("of") {
				k++ // "18-24th of November"
			}
			if m, _ := s.monthAt(k); m > 0 && !s.gluedLetters(k) {
				d1, firstLast = d, j-1
				d, dayTok, j = d2, j+1, k
			}
		}
	}
	if j < len(toks) && toks[j].is("of") {
		j++
	}
	m, k := s.monthAt(j)
	if m == 0 || (ambiguousMonth[toks[j].low] && !toks[j].capitalized()) {
		return i
	}
	y, k2 := s.yearAfter(k)
	if y == 0 {
		if s.ref.IsZero() {
			return k
		}
		lo := d
		if d1 > 0 {
			lo = d1
		}
		y = s.nearestYear(m, lo, d, s.tenseAround(i, k))
	} else {
		k = k2
	}
	if !validDay(y, m, d) || (d1 > 0 && !validDay(y, m, d1)) {
		return k
	}
	if d1 > 0 {
		s.emit(i, firstLast, iso(y, m, d1))
	}
	s.emit(dayTok, k-1, iso(y, m, d))
	return k
}

// monthFirst reads "December 22, 2025", "Dec. 22", "December 15-17, 2025",
// "December 2025", "December of 2025", and a month alone ("in March").
func (s *dateScan) monthFirst(i int) int {
	toks := s.toks
	m, j := s.monthAt(i)
	t := &toks[i]
	if i > 0 && !t.sp && toks[i-1].kind != lexPunct {
		return i + 1
	}
	if s.gluedLetters(j) || (ambiguousMonth[t.low] && !t.capitalized()) {
		return i + 1
	}
	// Day after the month.
	if j < len(toks) && toks[j].sp {
		if d := dayValue(&toks[j]); d > 0 && !(j+1 < len(toks) && toks[j+1].kind == lexNum && !toks[j+1].sp) {
			k := s.skipOrdinal(j + 1)
			if !s.gluedLetters(k) && !(k < len(toks) && (toks[k].is("%") || toks[k].is(":"))) {
				d2, k2 := 0, k
				if k+1 < len(toks) && (toks[k].isDash() || toks[k].is("to")) {
					if v := dayValue(&toks[k+1]); v > d {
						d2, k2 = v, s.skipOrdinal(k+2)
					}
				}
				y, ky := s.yearAfter(k2)
				if y == 0 {
					if s.ref.IsZero() {
						return k2
					}
					y = s.nearestYear(m, d, d2, s.tenseAround(i, k2))
					ky = k2
				}
				if !validDay(y, m, d) || (d2 > 0 && !validDay(y, m, d2)) {
					return ky
				}
				if d2 == 0 && ky == k2 && i > 0 && toks[i-1].is("the") && ky < len(toks) && namedEventNouns[toks[ky].low] {
					return ky // "the July 7 bombings", "the September 11 attacks": a name
				}
				if d2 > 0 {
					s.emit(i, j, iso(y, m, d))
					s.emit(k+1, ky-1, iso(y, m, d2))
				} else {
					s.emit(i, ky-1, iso(y, m, d))
				}
				return ky
			}
		}
	}
	// "December 2025", "December of 2025".
	if y, k := s.yearAfter(j); y > 0 {
		first := s.modifierBefore(i)
		s.emit(first, k-1, iso(y, m, 0))
		return k
	}
	// "January nineteen ninety-seven", as a broadcast says it.
	if j < len(toks) && toks[j].sp {
		if y, end := s.spokenYearAt(j); y > 0 {
			s.emit(s.modifierBefore(i), end, iso(y, m, 0))
			return end + 1
		}
	}
	// A month alone: full name, capitalised unless unambiguous.
	if !s.monthAloneOK(i, j) || s.ref.IsZero() {
		return j
	}
	// "July last year", "January of this year", "March next year": one
	// date, the month of the year named after it.
	if k := j; k+1 < len(toks) {
		if toks[k].is("of") && k+2 < len(toks) {
			k++
		}
		if off, ok := relativeYearWord(toks[k].low); ok && toks[k+1].is("year") {
			s.emit(s.modifierBefore(i), k+1, iso(s.ref.Year()+off, m, 0))
			return k + 2
		}
	}
	first := s.modifierBefore(i)
	if s.anaphoricMonth(first, j) {
		return j
	}
	dir := s.tenseAround(first, j)
	if first > 0 {
		switch toks[first-1].low {
		case "last", "past":
			dir = tensePast
			first--
		case "next", "coming":
			dir = tenseFuture
			first--
		}
	}
	ry, rm := s.ref.Year(), int(s.ref.Month())
	y := ry
	if dir == tenseFuture {
		if m < rm {
			y++
		}
	} else if m > rm {
		y--
	}
	if first > 0 && (toks[first].low == "last" || toks[first].low == "past") && m == rm {
		y--
	}
	if first > 0 && (toks[first].low == "next" || toks[first].low == "coming") && m == rm {
		y++
	}
	s.emit(first, j-1, iso(y, m, 0))
	return j
}

// partOfDayNouns after a month make it one day of it ("that January
// day", "that March morning").
var partOfDayNouns = finderSet("day", "morning", "afternoon", "evening", "night", "weekend")

// anaphoricMonth reports a month alone that points back to a time named
// earlier, not one near ref: "that January day in 2011", "in that March".
// "said that March was the wettest" keeps its month: there "that" is a
// conjunction, told apart by what comes around it.
func (s *dateScan) anaphoricMonth(first, j int) bool {
	if first == 0 || !(s.toks[first-1].is("that") || s.toks[first-1].is("those")) {
		return false
	}
	if j < len(s.toks) && partOfDayNouns[s.toks[j].low] {
		return true
	}
	if first >= 2 {
		switch s.toks[first-2].low {
		case "in", "during", "by", "since", "until", "of", "on":
			return true
		}
	}
	return false
}

// monthAloneOK rejects "may", "march", "august" as verbs/adjectives and bare
// abbreviations; a lone month must be a capitalised full name, or an
// unambiguous full name in lower case.
func (s *dateScan) monthAloneOK(i, j int) bool {
	t := &s.toks[i]
	if len(t.low) <= 4 && t.low != "may" && t.low != "june" && t.low != "july" {
		return false
	}
	if j > i+1 { // "Dec." alone
		return false
	}
	switch t.low {
	case "may", "march", "august":
		if !t.capitalized() {
			return false
		}
		// "May" opening a sentence is usually the verb.
		if t.low == "may" && (i == 0 || s.isBoundary(i-1) || t.nl) {
			return false
		}
		return i > 0 && (s.toks[i-1].kind == lexWord || s.toks[i-1].is(",") || s.modifierBefore(i) < i)
	}
	return true
}

// modifierBefore extends a month or year span over "early", "mid-", "late",
// "end of", "the end of", "beginning of", "start of", "middle of".
func (s *dateScan) modifierBefore(i int) int {
	toks := s.toks
	if i >= 2 && toks[i-1].isDash() && !toks[i].sp && !toks[i-1].sp && toks[i-2].is("mid") {
		return i - 2
	}
	if i >= 1 {
		switch toks[i-1].low {
		case "early", "late", "mid":
			return i - 1
		case "of":
			if i >= 2 {
				switch toks[i-2].low {
				case "end", "beginning", "start", "middle", "spring", "summer", "autumn", "fall", "winter":
					if i >= 3 && toks[i-3].is("the") {
						return i - 3
					}
					return i - 2
				}
			}
		}
	}
	return i
}

// nearestYear picks the year for a day and month without one (a range
// d1-d2 when d2 > 0): the occurrence nearest ref, weighted by tense. A past
// sentence wants a date that began by ref, a future one a date that has
// not ended by ref; but a date less than a month on the wrong side of ref
// keeps its nearest year ("will open Nov. 18" in an article of 20
// November, "shares fell on Nov. 18" dated 5 November): the tense is more
// likely misread, or the article updated or dated in another time zone,
// than the date a year away.
func (s *dateScan) nearestYear(m, d, d2 int, tn tense) int {
	if d2 < d {
		d2 = d
	}
	return nearestYearOf(s.ref, tn, 31*24*time.Hour, func(y int) (time.Time, time.Time, bool) {
		if !validDay(y, m, d) {
			return time.Time{}, time.Time{}, false
		}
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), time.Date(y, time.Month(m), d2, 0, 0, 0, 0, time.UTC), true
	})
}

// nearestYearOf picks, of the years around ref's, the one whose span
// (spanOf gives it, or false for none that year) is nearest ref: a span
// on the wrong side of ref for the tense only when it is within grace of
// ref.
func nearestYearOf(ref time.Time, tn tense, grace time.Duration, spanOf func(y int) (start, end time.Time, ok bool)) int {
	best, bestCost := ref.Year(), time.Duration(1<<62)
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		start, end, ok := spanOf(y)
		if !ok {
			continue
		}
		var dist time.Duration // distance from ref to the date or range
		switch {
		case ref.Before(start):
			dist = start.Sub(ref)
		case ref.After(end):
			dist = ref.Sub(end)
		}
		wrong := tn == tensePast && start.After(ref) || tn == tenseFuture && end.Before(ref)
		if wrong && dist >= grace {
			continue
		}
		if dist < bestCost {
			best, bestCost = y, dist
		}
	}
	return best
}

// yearForms reads years alone, ISO months, year ranges and "2026 Q2".
func (s *dateScan) yearForms(i int) int {
	toks := s.toks
	y := yearValue(&toks[i])
	if y == 0 || !s.yearContextOK(i) {
		return i
	}
	j := i + 1
	// "2014-2022", "2019-20", ISO month "2026-01".
	if j+1 < len(toks) && toks[j].isDash() && !toks[j].sp && !toks[j+1].sp && toks[j+1].kind == lexNum {
		n := &toks[j+1]
		if s.gluedLetters(j+2) || (j+2 < len(toks) && toks[j+2].isDash() && !toks[j+2].sp) {
			return i + 1
		}
		if y2 := yearValue(n); y2 > y && y2-y < 200 {
			s.emit(s.modifierBefore(i), i, iso(y, 0, 0))
			s.emit(j+1, j+1, iso(y2, 0, 0))
			return j + 2
		}
		if len(n.raw) == 2 {
			v := plainInt(n)
			if v > y%100 && v <= 99 {
				s.emit(s.modifierBefore(i), i, iso(y, 0, 0))
				s.emit(j+1, j+1, iso(y-y%100+v, 0, 0))
				return j + 2
			}
			if v >= 1 && v <= 12 {
				s.emit(i, j+1, iso(y, v, 0))
				return j + 2
			}
		}
		return j + 2
	}
	// "the 1988 second quarter": one date, the quarter of that year
	if j+1 < len(toks) && toks[j+1].is("quarter") {
		if q := dateOrdinals[toks[j].low]; q > 0 {
			s.emit(i, j+1, isoQuarter(y, q))
			return j + 2
		}
	}
	// "2026 Q2", "2026Q2"
	if j+1 < len(toks) && toks[j].is("q") && toks[j+1].kind == lexNum && !toks[j+1].sp {
		if q := plainInt(&toks[j+1]); q >= 1 && q <= 4 && !s.gluedLetters(j+2) {
			s.emit(i, j+1, isoQuarter(y, q))
			return j + 2
		}
	}
	if s.gluedLetters(j) && !toks[j].is("s") {
		return j + 1
	}
	if s.gluedLetters(j) { // "1990s": a decade, not a year
		return j + 1
	}
	if j < len(toks) && !s.yearFollowOK(j) {
		return j
	}
	s.emit(s.modifierBefore(i), i, iso(y, 0, 0))
	return j
}

// yearContextOK checks the tokens before a year-like numeral.
func (s *dateScan) yearContextOK(i int) bool {
	toks := s.toks
	if i == 0 {
		return true
	}
	p := &toks[i-1]
	if !toks[i].sp {
		if p.kind == lexWord || p.kind == lexNum {
			return false
		}
		if p.isDash() {
			// "mid-2026" is fine; "MH-2026", "555-2026" are not.
			return i >= 2 && toks[i-2].is("mid")
		}
		switch p.low {
		case "(", "'", "\"", "“", "[", "‘":
		default:
			if p.kind == lexPunct && p.low != "," {
				return false
			}
		}
	}
	if yearBlockers[p.low] {
		// "more than 2025" / "to 2022": "to" and "by" are fine after a
		// year or with a date sense ("from 2014 to 2022", "by 2030").
		switch p.low {
		case "to", "by", "over", "under", "until":
			return !(i >= 2 && (toks[i-2].is("up") || toks[i-2].is("close") || toks[i-2].is("equal")))
		}
		return false
	}
	// A capitalised name right before ("Boeing 2707", "Windows 2000").
	if p.kind == lexWord && p.capitalized() && i >= 2 && !s.isBoundary(i-2) && !p.nl && len(p.raw) > 1 {
		if _, ok := dateMonths[p.low]; ok {
			return true
		}
		switch p.low {
		case "in", "since", "from", "until", "by", "before", "after", "during", "the", "of", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "fy", "and", "or":
			return true
		}
		return false
	}
	return true
}

// yearFollowOK checks the token after a year-like numeral.
func (s *dateScan) yearFollowOK(j int) bool {
	t := &s.toks[j]
	switch t.low {
	case "%", ":":
		return false
	case ".", ",":
		// "2,025" never lexes here; "1999." is fine.
		return true
	}
	if t.kind == lexWord && !t.capitalized() {
		if dateCountNouns[t.low] {
			return false
		}
		// "2025 new cases", "2025 Ukrainian refugees": an adjective then a
		// count noun.
		if j+1 < len(s.toks) && dateCountNouns[s.toks[j+1].low] && s.toks[j+1].low != "of" {
			switch t.low {
			case "new", "more", "additional", "extra", "other":
				return false
			}
		}
	}
	return true
}

// quarterQ reads "Q2 2026", "Q2 of 2026", "Q2" (ref year).
func (s *dateScan) quarterQ(i int) int {
	toks := s.toks
	if i+1 >= len(toks) || toks[i+1].sp || toks[i+1].kind != lexNum || (i > 0 && !toks[i].sp && toks[i-1].kind != lexPunct) {
		return i
	}
	q := plainInt(&toks[i+1])
	if q < 1 || q > 4 || s.gluedLetters(i+2) {
		return i
	}
	j := i + 2
	if j < len(toks) && toks[j].isDash() {
		j++
	}
	if y, k := s.yearAfter(j); y > 0 {
		s.emit(i, k-1, isoQuarter(y, q))
		return k
	}
	if !s.ref.IsZero() {
		s.emit(i, i+1, isoQuarter(s.ref.Year(), q))
	}
	return i + 2
}

// quarterWord reads "second quarter of 2026", "the fourth-quarter 2025",
// "third quarter" (ref year).
func (s *dateScan) quarterWord(i int) int {
	toks := s.toks
	q := dateOrdinals[toks[i].low]
	j := i + 1
	if j < len(toks) && toks[j].isDash() {
		j++
	}
	if j >= len(toks) || !toks[j].is("quarter") {
		return i
	}
	j++
	if y, k := s.yearAfter(j); y > 0 {
		s.emit(i, k-1, isoQuarter(y, q))
		return k
	}
	if s.ref.IsZero() {
		return j
	}
	// "last year's third quarter": the quarter of that year.
	if y, at := s.possessiveYear(i); at >= 0 {
		s.emit(at, j-1, isoQuarter(y, q))
		return j
	}
	// "the first quarter of last year", "the third quarter of this
	// year": one date, the quarter of the year named after it.
	if j+2 < len(toks) && toks[j].is("of") && toks[j+2].is("year") {
		if off, ok := relativeYearWord(toks[j+1].low); ok {
			s.emit(i, j+2, isoQuarter(s.ref.Year()+off, q))
			return j + 3
		}
	}
	y := s.ref.Year()
	// "the fourth quarter" in a January article is last year's.
	if q > (int(s.ref.Month())-1)/3+1 && s.tenseAround(i, j) == tensePast {
		y--
	}
	s.emit(i, j-1, isoQuarter(y, q))
	return j
}

// fiscalYear reads "FY2014", "FY 2014" and "FY14" as the year that names
// the fiscal year.
func (s *dateScan) fiscalYear(i int) int {
	toks := s.toks
	j := i + 1
	if j >= len(toks) || toks[j].kind != lexNum || (i > 0 && !toks[i].sp && toks[i-1].kind != lexPunct) || s.gluedLetters(j+1) {
		return i
	}
	y := yearValue(&toks[j])
	if y == 0 && len(toks[j].raw) == 2 && !toks[j].sp {
		y = 2000 + plainInt(&toks[j])
	}
	if y == 0 {
		return i
	}
	s.emit(i, j, iso(y, 0, 0))
	return j + 1
}

// relativeYearWord gives the year offset of "last", "this" and "next"
// before "year".
func relativeYearWord(w string) (int, bool) {
	switch w {
	case "last", "past", "previous":
		return -1, true
	case "this", "current":
		return 0, true
	case "next", "coming":
		return 1, true
	}
	return 0, false
}

// namedEventNouns after "the" and a month and day make the phrase the name
// of an event, not a date ("the July 7 bombings").
var namedEventNouns = finderSet("bombings", "bombing", "attacks", "attack", "shootings",
	"shooting", "riots", "massacre", "uprising", "revolution", "coup", "blasts", "explosions",
	"killings", "movement", "incident", "protests", "accords", "agreement")

// possessiveYear reads "this year's", "last year's" or "next year's" just
// before toks[i]: the year and the index of its first token, dropping the
// year date already emitted for it; at is -1 when there is none.
func (s *dateScan) possessiveYear(i int) (y, at int) {
	toks := s.toks
	k := i - 1
	for k >= 0 && i-k <= 3 && !toks[k].is("year") {
		k--
	}
	if k < 1 || !toks[k].is("year") {
		return 0, -1
	}
	if gap := strings.TrimSpace(s.text[toks[k].end:toks[i].start]); gap != "'s" && gap != "’s" {
		return 0, -1
	}
	off, ok := relativeYearWord(toks[k-1].low)
	if !ok {
		return 0, -1
	}
	if n := len(s.out); n > 0 && s.out[n-1].Start == toks[k-1].start {
		s.out = s.out[:n-1]
		if len(s.anaphoric) > len(s.out) {
			s.anaphoric = s.anaphoric[:len(s.out)]
		}
	}
	return s.ref.Year() + off, k - 1
}

// spokenYear reads a year written as it is said, in broadcast
// transcripts: "nineteen ninety-six", "twenty fifteen", "the year two
// thousand".
func (s *dateScan) spokenYear(i int) int {
	toks := s.toks
	j := i + 1
	if j >= len(toks) {
		return i
	}
	if toks[i].is("two") && toks[j].is("thousand") && i >= 2 && toks[i-1].is("year") && toks[i-2].is("the") {
		y, end := 2000, j
		if j+2 < len(toks) && toks[j+1].is("and") && numberUnits[toks[j+2].low] > 0 && numberUnits[toks[j+2].low] < 10 {
			y, end = 2000+int(numberUnits[toks[j+2].low]), j+2
		}
		s.emit(i-2, end, iso(y, 0, 0))
		return end + 1
	}
	y, end := s.spokenYearAt(i)
	if y == 0 {
		return i
	}
	s.emit(i, end, iso(y, 0, 0))
	return end + 1
}

// spokenYearAt reads a year said the way broadcasts say it at toks[i]
// ("nineteen ninety-seven", "twenty fifteen"): the year and the index of
// its last token, or 0.
func (s *dateScan) spokenYearAt(i int) (int, int) {
	toks := s.toks
	j := i + 1
	if j >= len(toks) {
		return 0, i
	}
	century := 0
	switch toks[i].low {
	case "eighteen":
		century = 1800
	case "nineteen":
		century = 1900
	case "twenty":
		century = 2000
	default:
		return 0, i
	}
	v := int(numberTens[toks[j].low])
	if century == 2000 && v == 0 {
		// "twenty fifteen"; "twenty five" is a number
		if u := int(numberUnits[toks[j].low]); u >= 10 {
			v = u
		}
	}
	if v == 0 {
		return 0, i
	}
	end := j
	if v >= 20 && j+2 < len(toks) && toks[j+1].isDash() && !toks[j+1].sp && !toks[j+2].sp {
		if u := int(numberUnits[toks[j+2].low]); u >= 1 && u <= 9 {
			v, end = v+u, j+2
		}
	}
	return century + v, end
}

// spelledDays are the days of a month as spoken ordinals.
var spelledDays = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// spokenDay reads a day of the month spoken as an ordinal at toks[j]:
// "twelfth", "twenty-first". It returns the day and the index after it,
// or 0 and j.
func (s *dateScan) spokenDay(j int) (int, int) {
	toks := s.toks
	if j >= len(toks) {
		return 0, j
	}
	w := toks[j].low
	if d := spelledDays[w]; d > 0 {
		return d, j + 1
	}
	if (w == "twenty" || w == "thirty") && j+2 < len(toks) && toks[j+1].isDash() && !toks[j+1].sp {
		if u := spelledDays[toks[j+2].low]; u > 0 && u < 10 {
			return int(numberTens[w]) + u, j + 3
		}
	}
	return 0, j
}

// spokenDate emits the date of month m and day d whose words run from
// toks[i] to before toks[k], taking a year after them or else the year
// nearest the reference date, and returns the index after it.
func (s *dateScan) spokenDate(i, k, m, d int) int {
	y, k2 := s.yearAfter(k)
	if y == 0 {
		if s.ref.IsZero() {
			return k
		}
		y = s.nearestYear(m, d, d, s.tenseAround(i, k))
	} else {
		k = k2
	}
	if validDay(y, m, d) {
		s.emit(i, k-1, iso(y, m, d))
	}
	return k
}

// spelledDayMonth reads a day spoken as an ordinal, as transcripts write
// it: "the twelfth of October", "the twenty-first of March 2026".
func (s *dateScan) spelledDayMonth(i int) int {
	toks := s.toks
	if i == 0 || !toks[i-1].is("the") {
		return i
	}
	d, j := s.spokenDay(i)
	if d == 0 || d > 31 || j >= len(toks) || !toks[j].is("of") {
		return i
	}
	m, k := s.monthAt(j + 1)
	if m == 0 || (ambiguousMonth[toks[j+1].low] && !toks[j+1].capitalized()) {
		return i
	}
	return s.spokenDate(i, k, m, d)
}

// monthSpelledDay reads a month and a day spoken as an ordinal after it,
// as transcripts of American speech write it: "February nineteenth",
// "March twenty-first, 2026".
func (s *dateScan) monthSpelledDay(i int) int {
	toks := s.toks
	m, j := s.monthAt(i)
	if m == 0 || !toks[i].capitalized() || j >= len(toks) || toks[j].kind != lexWord || !toks[j].sp {
		return i
	}
	d, k := s.spokenDay(j)
	// "the March second-quarter figures": an ordinal compound, no day.
	if d == 0 || d > 31 || k < len(toks) && toks[k].isDash() && !toks[k].sp {
		return i
	}
	return s.spokenDate(i, k, m, d)
}

// dayOfMonthPreps may stand before "the 19th" when it names a day.
var dayOfMonthPreps = finderSet("on", "by", "until", "till", "since", "from", "before", "after")

// dayOfMonthEnds may follow "the 19th" when it names a day, not a
// thing ("the 19th century", "the 3rd time").
var dayOfMonthEnds = finderSet("and", "when", "at", "in", "after", "before", "but", "or", "as", "so")

// dayOfMonth reads a day of the month with no month, "signed a pardon on
// the 19th": the nearest such day to the reference date, the past
// preferred.
func (s *dateScan) dayOfMonth(i int) int {
	toks := s.toks
	if s.ref.IsZero() || i < 2 || !toks[i-1].is("the") || !dayOfMonthPreps[toks[i-2].low] {
		return i
	}
	d := dayValue(&toks[i])
	j := s.skipOrdinal(i + 1)
	if d == 0 || j == i+1 {
		return i // an ordinal suffix is needed: "on the 19" is no day
	}
	if j < len(toks) && !(toks[j].kind == lexPunct && !toks[j].isDash()) && !dayOfMonthEnds[toks[j].low] {
		return i
	}
	best, bestGap := time.Time{}, math.MaxFloat64
	for _, k := range []int{-1, 0, 1} {
		m := time.Date(s.ref.Year(), s.ref.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		c := time.Date(m.Year(), m.Month(), d, 0, 0, 0, 0, time.UTC)
		if c.Month() != m.Month() {
			continue // no 31st in this month
		}
		gap := c.Sub(s.ref).Hours()
		if gap > 0 {
			gap *= 1.5 // the past is likelier
		}
		if gap = math.Abs(gap); gap < bestGap {
			best, bestGap = c, gap
		}
	}
	if best.IsZero() {
		return i
	}
	s.emit(i, j-1, best.Format("2006-01-02"))
	return j
}
