package extract

import "time"

// Holidays that a calendar fixes are dates: "on Christmas Day", "last
// Thanksgiving", "after Easter". Each resolves like a day written without
// its year: the occurrence its tense points to, else the nearest.
// Country holidays whose day differs between countries that write in
// English are left out, but for Thanksgiving, which English-language news
// means as the American one far more often than the Canadian.

// holidayDay returns the month and day of holiday name in year y.
func holidayDay(name string, y int) (m, d int) {
	switch name {
	case "christmas", "christmas day":
		return 12, 25
	case "christmas eve":
		return 12, 24
	case "boxing day":
		return 12, 26
	case "new year's day":
		return 1, 1
	case "new year's eve":
		return 12, 31
	case "valentine's day":
		return 2, 14
	case "halloween":
		return 10, 31
	case "thanksgiving", "thanksgiving day":
		// The fourth Thursday of November.
		first := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC).Weekday()
		return 11, 1 + (int(time.Thursday)-int(first)+7)%7 + 21
	case "easter", "easter sunday", "easter day":
		return easter(y)
	case "easter monday":
		t := easterTime(y).AddDate(0, 0, 1)
		return int(t.Month()), t.Day()
	case "good friday":
		t := easterTime(y).AddDate(0, 0, -2)
		return int(t.Month()), t.Day()
	}
	return 0, 0
}

// easter returns the month and day of Western Easter Sunday in year y
// (the anonymous Gregorian algorithm).
func easter(y int) (m, d int) {
	a, b, c := y%19, y/100, y%100
	dd, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - dd - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	mm := (a + 11*h + 22*l) / 451
	return (h + l - 7*mm + 114) / 31, (h+l-7*mm+114)%31 + 1
}

func easterTime(y int) time.Time {
	m, d := easter(y)
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// holidayNames are the names holidayDay knows, each with the lower-case
// words that spell it (apostrophes left out, a possessive's "s" kept),
// longest first where one starts another.
var holidayNames = []struct {
	name  string
	words []string
}{
	{"christmas eve", []string{"christmas", "eve"}}, {"christmas day", []string{"christmas", "day"}},
	{"christmas", []string{"christmas"}}, {"boxing day", []string{"boxing", "day"}},
	{"new year's day", []string{"new", "year", "s", "day"}}, {"new year's eve", []string{"new", "year", "s", "eve"}},
	{"valentine's day", []string{"valentine", "s", "day"}}, {"halloween", []string{"halloween"}},
	{"thanksgiving day", []string{"thanksgiving", "day"}}, {"thanksgiving", []string{"thanksgiving"}},
	{"easter sunday", []string{"easter", "sunday"}}, {"easter monday", []string{"easter", "monday"}},
	{"easter day", []string{"easter", "day"}}, {"easter", []string{"easter"}},
	{"good friday", []string{"good", "friday"}},
}

// holidayFirst are the words a holiday's name starts with.
var holidayFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range holidayNames {
		m[h.words[0]] = true
	}
	return m
}()

// holidayAt returns the holiday whose name starts at toks[i], capitalised
// as names are, and the index after it; "" when none does. Apostrophes
// are skipped ("New Year's Eve" lexes as new, year, ', s, eve).
func (s *dateScan) holidayAt(i int) (string, int) {
	toks := s.toks
	if !toks[i].capitalized() {
		return "", i
	}
	for _, h := range holidayNames {
		j, ok := i, true
		for _, w := range h.words {
			for j < len(toks) && toks[j].is("'") && !toks[j].sp {
				j++
			}
			if j >= len(toks) || !toks[j].is(w) {
				ok = false
				break
			}
			j++
		}
		if ok {
			return h.name, j
		}
	}
	return "", i
}

// holiday reads a holiday at toks[i], with "last", "next" or "this"
// before it, and emits its date.
func (s *dateScan) holiday(i int) int {
	if s.ref.IsZero() {
		return i
	}
	name, end := s.holidayAt(i)
	if name == "" {
		return i
	}
	if end < len(s.toks) && s.toks[end].capitalized() && s.toks[end].sp && !s.toks[end].nl {
		return i // a longer name: "the Good Friday Agreement", "Easter Island"
	}
	first, dir, _ := s.leadModifier(i)
	if dir == tenseUnknown {
		dir = s.tenseAround(first, end)
	}
	// Unlike a day written with its month, no grace: a holiday is
	// named for the occurrence the tense points to.
	ref := time.Date(s.ref.Year(), s.ref.Month(), s.ref.Day(), 0, 0, 0, 0, time.UTC)
	y := nearestYearOf(ref, dir, 0, func(y int) (time.Time, time.Time, bool) {
		m, d := holidayDay(name, y)
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		return t, t, true
	})
	m, d := holidayDay(name, y)
	s.emit(first, end-1, iso(y, m, d))
	return end
}
