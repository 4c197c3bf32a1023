package extract

import "time"

// Relative dates, resolved against the publication date; see FindDates.

// weekday reads "Sunday", "on Friday", "last Tuesday", "next Friday" and
// folds "Monday, December 22, 2025" into the date that follows.
func (s *dateScan) weekday(i int) int {
	toks := s.toks
	t := &toks[i]
	// "Monday, Dec. 22", "Friday (17 July)": the explicit date wins and
	// covers the weekday.
	if d, j, n, ok := s.apposed(i); ok {
		if wd, ok := dateWeekdays[t.low]; ok && !s.yearIn(j, n) {
			s.yearOfWeekday(d, wd)
		}
		return n
	}
	if s.ref.IsZero() {
		return i + 1
	}
	if !t.capitalized() && t.low != t.raw {
		return i + 1
	}
	if i > 0 && s.toks[i-1].capitalized() && dayNameWords[s.toks[i-1].low] {
		return i + 1 // "Bloody Sunday", "Black Friday", "Super Tuesday": a day's name
	}
	wd := dateWeekdays[t.low]
	first, dir, strict := s.leadModifier(i)
	rw := s.ref.Weekday()
	// "Monday week", as British English says it: a week after the
	// coming Monday.
	if first == i && i+1 < len(toks) && toks[i+1].is("week") && !toks[i+1].nl {
		diff := (int(wd) - int(rw) + 7) % 7
		if diff == 0 {
			diff = 7
		}
		s.emit(i, i+1, isoTime(s.ref.AddDate(0, 0, diff+7)))
		return i + 2
	}
	if dir == tenseUnknown {
		dir = s.tenseAround(first, i+1)
	}
	diff := 0
	if dir == tenseFuture {
		diff = (int(wd) - int(rw) + 7) % 7
		if strict && diff == 0 {
			diff = 7
		}
	} else {
		diff = -((int(rw) - int(wd) + 7) % 7)
		if strict && diff == 0 {
			diff = -7
		}
	}
	s.emit(first, i, isoTime(s.ref.AddDate(0, 0, diff)))
	return i + 1
}

// leadModifier reads "last", "next", "this" and "coming" before the day
// at toks[i] ("last Tuesday", "this coming Christmas"): where the
// expression starts, the direction the modifier gives, and whether it
// excludes the nearest occurrence ("next Friday" on a Friday is a week
// on).
func (s *dateScan) leadModifier(i int) (first int, dir tense, strict bool) {
	toks := s.toks
	first, dir = i, tenseUnknown
	if i == 0 {
		return first, dir, false
	}
	switch toks[i-1].low {
	case "last", "past":
		dir, strict, first = tensePast, true, i-1
		if i > 1 && toks[i-2].is("this") {
			first, strict = i-2, false
		}
	case "next", "coming":
		dir, strict, first = tenseFuture, toks[i-1].low == "next", i-1
		if i > 1 && toks[i-2].is("this") {
			first = i - 2
		}
	case "this":
		first = i - 1
	}
	return first, dir, strict
}

// yearOfWeekday settles the guessed year of a day written with its
// weekday and no year ("Thursday, April 30"): the year, next to the
// guess, in which that day falls on that weekday. The weekday is the
// writer's; the tense the year was guessed from is only a guess.
func (s *dateScan) yearOfWeekday(d *Date, wd time.Weekday) {
	if len(d.Value) != len("2006-01-02") {
		return
	}
	day, err := time.Parse(time.DateOnly, d.Value)
	if err != nil || day.Weekday() == wd {
		return
	}
	var best time.Time
	for _, dy := range []int{-1, 1} {
		c := day.AddDate(dy, 0, 0)
		if c.Day() != day.Day() || c.Weekday() != wd {
			continue // 29 February, or another weekday
		}
		if best.IsZero() || (!s.ref.IsZero() && c.Sub(s.ref).Abs() < best.Sub(s.ref).Abs()) {
			best = c
		}
	}
	if !best.IsZero() {
		d.Value = best.Format(time.DateOnly)
	}
}

// yearIn reports a year written among tokens [from, to).
func (s *dateScan) yearIn(from, to int) bool {
	for k := from; k < to && k < len(s.toks); k++ {
		if yearValue(&s.toks[k]) > 0 {
			return true
		}
	}
	return false
}

// apposed reads an explicit date set beside the word at toks[i] ("Monday,
// Dec. 22", "Friday (17 July)", "today, 20 November", "yesterday (19
// November)") as one date covering both. It returns the date, where the
// explicit one starts and the token after the whole.
func (s *dateScan) apposed(i int) (d *Date, j, n int, ok bool) {
	toks := s.toks
	j = i + 1
	if j < len(toks) && (toks[j].is(",") || toks[j].is("(")) {
		j++
	}
	// "yesterday, Sunday 16 August": the weekday sits inside.
	if _, weekday := dateWeekdays[toks[i].low]; !weekday && j+1 < len(toks) {
		if _, wd := dateWeekdays[toks[j].low]; wd {
			j++
			if toks[j].is(",") {
				j++
			}
		}
	}
	// "Thursday and Friday, 3-4 December": a range of days after the
	// weekday is read on its own; the weekday names its last day.
	dayRange := j+2 < len(toks) && dayValue(&toks[j]) > 0 && toks[j+1].isDash() && toks[j+2].kind == lexNum
	if j >= len(toks) || dayRange {
		return nil, 0, 0, false
	}
	// "Sunday, the fifteenth of March", "Friday, the 13th of March": a
	// day after an article, spoken or written.
	the := toks[i+1].is(",") && j+1 < len(toks) && toks[j].is("the") && !toks[j+1].nl
	if the {
		j++
	} else if _, month := dateMonths[toks[j].low]; !month && dayValue(&toks[j]) <= 0 {
		return nil, 0, 0, false
	}
	before := len(s.out)
	n = s.at(j)
	if len(s.out) == before {
		return nil, 0, 0, false
	}
	if the && len(s.out[before].Value) != len("2026-03-15") {
		s.out = s.out[:before] // "Sunday, the month of ..." gives no day
		return nil, 0, 0, false
	}
	d = &s.out[before]
	d.Start = toks[i].start
	if toks[i+1].is("(") && n < len(toks) && toks[n].is(")") {
		d.End = toks[n].end
		n++
	}
	d.Text = s.text[d.Start:d.End]
	return d, j, n, true
}

// relative reads "today", "yesterday", "tomorrow", "tonight", "last
// night", "this morning", "last/next/this month|year|quarter", "in three
// weeks", "a year ago".
func (s *dateScan) relative(i int) int {
	if s.ref.IsZero() {
		return i
	}
	toks := s.toks
	t := &toks[i]
	r := s.ref
	switch t.low {
	case "today", "tonight", "yesterday", "tomorrow":
		// "today, 20 November": the explicit date says the same.
		if _, _, n, ok := s.apposed(i); ok {
			return n
		}
	}
	switch t.low {
	case "today", "tonight":
		if t.low == "today" && s.genericToday(i) {
			return i + 1
		}
		s.emit(i, i, isoTime(r))
		return i + 1
	case "yesterday":
		s.emit(i, i, isoTime(r.AddDate(0, 0, -1)))
		return i + 1
	case "tomorrow":
		s.emit(i, i, isoTime(r.AddDate(0, 0, 1)))
		return i + 1
	case "in":
		return s.inForm(i)
	case "a", "an":
		return s.agoForm(i)
	}
	if i+1 >= len(toks) {
		return i
	}
	// "this fiscal year", "last fiscal quarter": the fiscal calendar is the
	// company's own; the calendar year is the nearest the contract allows.
	k := i + 1
	if toks[k].is("fiscal") && k+1 < len(toks) && (toks[k+1].is("year") || toks[k+1].is("quarter")) {
		k++
	}
	nx := toks[k].low
	step := 0
	switch t.low {
	case "last", "past":
		step = -1
	case "next", "coming":
		step = 1
	}
	switch nx {
	case "night":
		if t.low == "last" {
			s.emit(i, i+1, isoTime(r.AddDate(0, 0, -1)))
			return i + 2
		}
		if t.low == "this" {
			s.emit(i, i+1, isoTime(r))
			return i + 2
		}
	case "morning", "afternoon", "evening":
		if t.low == "this" {
			s.emit(i, i+1, isoTime(r))
			return i + 2
		}
	case "month":
		m := r.AddDate(0, 0, 1-r.Day()).AddDate(0, step, 0)
		s.emit(i, k, iso(m.Year(), int(m.Month()), 0))
		return k + 1
	case "year":
		s.emit(i, k, iso(r.Year()+step, 0, 0))
		return k + 1
	case "quarter":
		q := (int(r.Month())-1)/3 + 1 + step
		y := r.Year()
		if q == 0 {
			q, y = 4, y-1
		} else if q == 5 {
			q, y = 1, y+1
		}
		s.emit(i, k, isoQuarter(y, q))
		return k + 1
	}
	return i
}

// partOfPeriod reads "the end of the year", "end of year", "the beginning
// of the month", "the middle of next year". A part of the current year or
// month that the sentence puts in the past, but that has not come yet at
// ref ("sales peaked by the end of the year", written in March), is the
// previous one.
func (s *dateScan) partOfPeriod(i int) int {
	toks := s.toks
	if s.ref.IsZero() || i+2 >= len(toks) || !toks[i+1].is("of") {
		return i
	}
	part := toks[i].low
	j := i + 2
	step, explicit := 0, false
	switch toks[j].low {
	case "the", "this":
		j++
	case "last", "past":
		step, explicit = -1, true
		j++
	case "next", "coming":
		step, explicit = 1, true
		j++
	}
	if j >= len(toks) {
		return i
	}
	first := i
	if i > 0 && toks[i-1].is("the") {
		first = i - 1
	}
	r := s.ref
	switch toks[j].low {
	case "year":
		y := r.Year() + step
		if !explicit && s.tenseAround(first, j+1) == tensePast && !partReached(part, int(r.Month()), 12) {
			y--
		}
		s.emit(first, j, iso(y, 0, 0))
	case "month":
		m := r.AddDate(0, 0, 1-r.Day()).AddDate(0, step, 0)
		if !explicit && s.tenseAround(first, j+1) == tensePast && !partReached(part, r.Day(), 28) {
			m = m.AddDate(0, -1, 0)
		}
		s.emit(first, j, iso(m.Year(), int(m.Month()), 0))
	default:
		return i
	}
	return j + 1
}

// partReached reports whether the part ("end", "middle") of a period of n
// steps has begun at step pos of it.
func partReached(part string, pos, n int) bool {
	switch part {
	case "end":
		return pos >= n
	case "middle":
		return pos >= n/2
	}
	return true
}

// unitSpan reads a time unit word and returns its size in days, months or
// years (one of them non-zero).
func unitSpan(w string) (days, months, years int) {
	switch w {
	case "day", "days":
		return 1, 0, 0
	case "week", "weeks":
		return 7, 0, 0
	case "month", "months":
		return 0, 1, 0
	case "year", "years":
		return 0, 0, 1
	}
	return 0, 0, 0
}

// shifted returns ref moved n units and the ISO value at the unit's grain.
func (s *dateScan) shifted(n, days, months, years int) string {
	r := s.ref
	switch {
	case days > 0:
		return isoTime(r.AddDate(0, 0, n*days))
	case months > 0:
		m := r.AddDate(0, 0, 1-r.Day()).AddDate(0, n*months, 0)
		return iso(m.Year(), int(m.Month()), 0)
	default:
		return iso(r.Year()+n*years, 0, 0)
	}
}

// agoForm reads "two days ago", "3 months ago", "a year ago".
func (s *dateScan) agoForm(i int) int {
	if s.ref.IsZero() {
		return i
	}
	toks := s.toks
	n := 0
	j := i
	if toks[i].is("a") || toks[i].is("an") {
		n, j = 1, i+1
	} else {
		p, ok := parseNumPhrase(toks, i, numOpts{words: true})
		if !ok || p.scale != 0 || p.val != float64(int(p.val)) || p.val > 1000 {
			return i
		}
		n, j = int(p.val), p.next
	}
	if j+1 >= len(toks) {
		return i
	}
	d, m, y := unitSpan(toks[j].low)
	if d+m+y == 0 {
		return i
	}
	// "a year earlier" and "a year before" count back like "ago" when
	// the unit is years.
	if !toks[j+1].is("ago") && !(y > 0 && (toks[j+1].is("earlier") || toks[j+1].is("before")) && s.endsPhrase(j+2)) {
		return i
	}
	if q := s.focusQuarter(); y > 0 && q != "" {
		// "profit rose in the third quarter from $5 million a year
		// ago": the same quarter, years back
		s.emitAnaphoric(i, j+1, shiftQuarter(q, -n*y))
		return j + 2
	}
	s.emit(i, j+1, s.shifted(-n, d, m, y))
	return j + 2
}

// endsPhrase reports whether toks[j] ends the phrase before it: the end of
// the text or punctuation ("a year earlier." but not "a year before the
// vote").
func (s *dateScan) endsPhrase(j int) bool {
	return j >= len(s.toks) || s.toks[j].kind == lexPunct
}

// focusQuarter is the quarter the text named last ("2026-Q3"), or "": the
// period an earnings report compares.
func (s *dateScan) focusQuarter() string {
	for k := len(s.out) - 1; k >= 0; k-- {
		if v := s.out[k].Value; len(v) == 7 && v[4:6] == "-Q" && !(k < len(s.anaphoric) && s.anaphoric[k]) {
			return v
		}
	}
	return ""
}

// shiftQuarter moves a quarter value ("2026-Q3") by years.
func shiftQuarter(q string, years int) string {
	y := 0
	for _, r := range q[:4] {
		y = y*10 + int(r-'0')
	}
	return isoQuarter(y+years, int(q[6]-'0'))
}

// currentPeriod reads "the current year", "the current fiscal year",
// "the current quarter" and "the current month" as this year, quarter or
// month of the text's date.
func (s *dateScan) currentPeriod(i int) int {
	toks := s.toks
	j := i + 1
	if s.ref.IsZero() || j+1 >= len(toks) || !toks[j].is("current") {
		return i
	}
	j++
	if toks[j].is("fiscal") && j+1 < len(toks) {
		j++
	}
	r := s.ref
	switch toks[j].low {
	case "year":
		s.emit(i, j, iso(r.Year(), 0, 0))
	case "quarter":
		s.emit(i, j, isoQuarter(r.Year(), (int(r.Month())-1)/3+1))
	case "month":
		s.emit(i, j, iso(r.Year(), int(r.Month()), 0))
	default:
		return i
	}
	return j + 1
}

// theQuarter reads "the quarter" and "the latest quarter" as the quarter
// the text named before.
func (s *dateScan) theQuarter(i int) int {
	toks := s.toks
	j := i + 1
	// "the year-earlier quarter", "the year-ago period": the focus
	// quarter a year back
	if j+3 < len(toks) && toks[j].is("year") && toks[j+1].isDash() && (toks[j+2].is("earlier") || toks[j+2].is("ago")) &&
		(toks[j+3].is("quarter") || toks[j+3].is("period")) {
		if q := s.focusQuarter(); q != "" {
			s.emitAnaphoric(j, j+3, shiftQuarter(q, -1))
			return j + 4
		}
		return i
	}
	if j < len(toks) && (toks[j].is("latest") || toks[j].is("same") || toks[j].is("recent")) {
		j++
	}
	if j >= len(toks) || !toks[j].is("quarter") || j+1 < len(toks) && (toks[j+1].is("of") || toks[j+1].isDash()) {
		return i
	}
	q := s.focusQuarter()
	if q == "" {
		return i
	}
	s.emitAnaphoric(i+1, j, q)
	return j + 1
}

// emitAnaphoric emits a date that refers back to the text's focus, which
// it does not itself move.
func (s *dateScan) emitAnaphoric(first, last int, value string) {
	for len(s.anaphoric) < len(s.out) {
		s.anaphoric = append(s.anaphoric, false)
	}
	s.emit(first, last, value)
	s.anaphoric = append(s.anaphoric, true)
}

// inForm reads "in three weeks", "in 10 days", "in two years" (from ref).
func (s *dateScan) inForm(i int) int {
	toks := s.toks
	if i+2 >= len(toks) {
		return i
	}
	j := i + 1
	n := 0
	if toks[j].is("a") || toks[j].is("an") {
		n, j = 1, j+1
	} else {
		p, ok := parseNumPhrase(toks, j, numOpts{words: true})
		if !ok || p.scale != 0 || p.val != float64(int(p.val)) || p.val > 1000 {
			return i
		}
		n, j = int(p.val), p.next
	}
	if j >= len(toks) {
		return i
	}
	d, m, y := unitSpan(toks[j].low)
	if d+m+y == 0 {
		return i
	}
	// "in two years of war" is a duration, not a date; so is "in two
	// weeks" in a past sentence ("the second letter in two weeks was
	// published", "prices rose 5% in a year").
	if j+1 < len(toks) && (toks[j+1].is("of") || toks[j+1].is("since")) {
		return i
	}
	if s.tenseAround(i, j+1) == tensePast {
		return i
	}
	s.emit(i, j, s.shifted(n, d, m, y))
	return j + 1
}

// genericTodayNouns after "today's" make it "nowadays" ("today's youth",
// "in today's world", "today's dollars"), not the publication day ("today's
// vote", "today's market session").
var genericTodayNouns = finderSet("world", "society", "societies", "youth", "young",
	"generation", "generations", "economy", "culture", "standards", "terms", "dollars",
	"money", "children", "kids", "teens", "teenagers", "parents", "families", "consumers",
	"workforce", "workplace", "environment", "climate", "age", "era", "technology",
	"technologies", "media", "politics", "internet", "web", "landscape", "reality",
	"realities", "life", "lives", "cities", "schools", "students", "athletes", "players",
	"readers", "voters", "america", "britain", "europe", "china", "russia", "india")

// genericTodayAux between "than" and "today" mark a comparison with the
// present state of things: "faster than can be done today", "higher than
// it is today", "than exists today".
var genericTodayAux = finderSet("can", "could", "is", "are", "do", "does", "exist", "exists",
	"possible", "available", "done", "now")

// genericToday reports whether "today" at toks[i] means "nowadays", which
// the Date contract cannot express (TimeML's PRESENT_REF): "today's youth",
// "even today", "the Europe of today", and a comparison with the present
// ("more than today", "faster than can be done today"). The publication
// day stays for the rest: "said today", "today's vote", "today's decision".
func (s *dateScan) genericToday(i int) bool {
	toks := s.toks
	// "today's NOUN", possibly with one adjective between.
	if i+3 < len(toks) && toks[i+1].is("'") && !toks[i+1].sp && toks[i+2].is("s") && !toks[i+2].sp {
		for j := i + 3; j < len(toks) && j <= i+4; j++ {
			if genericTodayNouns[toks[j].low] {
				return true
			}
		}
		return false
	}
	if i == 0 {
		return false
	}
	switch toks[i-1].low {
	case "even", "still":
		return true
	case "of":
		// "the Europe of today", "the youth of today"; not "as of today"
		// or "the end of today".
		// A capital opening a sentence says nothing: "Most of today".
		if i < 2 {
			return false
		}
		if genericTodayNouns[toks[i-2].low] {
			return true
		}
		return i >= 3 && toks[i-2].capitalized() && !toks[i-2].nl && !s.isBoundary(i-3)
	}
	// A comparison: "than" shortly before, with no numeral between (a
	// numeral makes it a measured change: "more than 5% today").
	for j, n := i-1, 0; j >= 0 && n < 6; j, n = j-1, n+1 {
		t := &toks[j]
		if s.isBoundary(j) || t.is(",") || t.kind == lexNum {
			return false
		}
		if t.is("than") {
			if j == i-1 {
				return true
			}
			for k := j + 1; k < i; k++ {
				if genericTodayAux[toks[k].low] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// dayNameWords, capitalised before a weekday, make it the name of a day
// rather than a date ("Bloody Sunday", "Black Friday", "Super Tuesday",
// "Good Friday").
var dayNameWords = finderSet("bloody", "black", "super", "good", "holy", "ash", "palm",
	"easter", "cyber", "shrove", "maundy", "giving", "blue", "red", "white", "great")
