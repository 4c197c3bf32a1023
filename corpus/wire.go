package corpus

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Wire stories, agency feeds and news-database exports reach users as
// plain text with a header of short lines above the story:
//
//	Agency Name | Markets
//	Saturday, March 14, 2026
//	07:12 GMT
//	By JANE DOE
//	English
//	612 words
//
//	LONDON, March 14 (Agency) - The story opens here ...
//
// The header's lines are read into the document (date and time, source
// and section, byline, language) and kept as furniture; a word count is
// furniture. The dateline opening the story gives the place and a date
// whose year, when missing, comes from the header or the caller.

// header collects what the header lines say before it is applied.
type header struct {
	date    time.Time // the day, from a date line
	hasDate bool
	clock   time.Duration // time of day, from a date or time line
	zone    *time.Location
	hasTime bool
	// from names the evidence of the date when it is not a header date
	// line: "dateline" for a place-and-date line.
	from string
	// updated is the last revision's date, the publication date only
	// when nothing else dates the story.
	updated time.Time
	// updClock is the time of day of an update that gives no day
	// ("Updated 10:05"): the day is the story's own.
	updClock    time.Duration
	updZone     *time.Location
	hasUpdClock bool
}

// published is the header's date and time, if it has a date.
func (h *header) published() (time.Time, bool) {
	if !h.hasDate {
		return time.Time{}, false
	}
	loc := h.zone
	if loc == nil {
		loc = time.UTC
	}
	y, m, day := h.date.Date()
	if name, off := time.Date(y, m, day, 12, 0, 0, 0, loc).Zone(); usGenericZone[name] && usDaylight(y, m, day) {
		loc = time.FixedZone(name, off+3600)
	}
	d := time.Date(y, m, day, 0, 0, 0, 0, loc)
	if h.hasTime {
		d = d.Add(h.clock)
	}
	return d, true
}

// usGenericZone are the US zone names that leave daylight time open: "11:05
// a.m. ET" in April is EDT.
var usGenericZone = map[string]bool{"ET": true, "CT": true, "MT": true, "PT": true}

// usDaylight reports a day in US daylight time: from the second Sunday in
// March to the day before the first Sunday in November.
func usDaylight(y int, m time.Month, d int) bool {
	sunday := func(month time.Month, nth int) int {
		first := time.Date(y, month, 1, 0, 0, 0, 0, time.UTC).Weekday()
		return 1 + (7-int(first))%7 + 7*(nth-1)
	}
	switch {
	case m > time.March && m < time.November:
		return true
	case m == time.March:
		return d >= sunday(time.March, 2)
	case m == time.November:
		return d < sunday(time.November, 1)
	}
	return false
}

// zoneOffsets are the hours east of UTC of the zone abbreviations that
// news copy prints. Go's parser knows only the local zone's names.
var zoneOffsets = map[string]float64{
	"GMT": 0, "UTC": 0, "Z": 0, "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2,
	"EET": 2, "EEST": 3, "WET": 0, "WEST": 1, "MSK": 3, "ET": -5, "EST": -5, "EDT": -4,
	"CT": -6, "CST": -6, "CDT": -5, "MT": -7, "MST": -7, "MDT": -6, "PT": -8, "PST": -8,
	"PDT": -7, "AKST": -9, "HST": -10, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10,
	"AEDT": 11, "NZST": 12, "NZDT": 13, "SAST": 2, "EAT": 3, "WAT": 1, "CAT": 2, "PKT": 5, "WIB": 7,
	"AKDT": -8, "HDT": -9, "ADT": -3, "NDT": -2.5, "AWST": 8, "ACST": 9.5, "ACDT": 10.5,
	"IDT": 3, "GST": 4, "ICT": 7, "PHT": 8, "MYT": 8, "WITA": 8, "BRT": -3, "CLT": -4, "CLST": -3,
	"IRST": 3.5, "NPT": 5.75, "WEZ": 0, "WESZ": 1, "OEZ": 2, "OESZ": 3, "TRT": 3,
	// AST is the Atlantic's in North American and Caribbean copy; the
	// Gulf's papers give theirs as GST or "KSA time" as often.
	"AST": -4,
}

// monthNames maps month names and abbreviations, English and the other
// languages wire datelines are most often written in, to months.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range [][]string{
		{"january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "jänner"},
		{"february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro"},
		{"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco"},
		{"april", "apr", "avril", "abril", "aprile"},
		{"may", "mai", "mayo", "maggio", "maio"},
		{"june", "jun", "juni", "juin", "junio", "giugno", "junho"},
		{"july", "jul", "juli", "juillet", "julio", "luglio", "julho"},
		{"august", "aug", "août", "aout", "agosto"},
		{"september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"},
		{"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"},
		{"november", "nov", "novembre", "noviembre", "novembro"},
		{"december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dicembre", "dezembro"},
	} {
		for _, n := range names {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

var (
	// clockRe finds a time of day: "07:12", "7:12 a.m.", "7.12pm", "19:05:30 CET".
	clockRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b([01]?\d|2[0-3])[:.h]([0-5]\d)(?::([0-5]\d))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?\b([A-Z]{1,5})\b\)?)?(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?\b)?`)
	})
	// numDateRe finds a numeric date: "14.03.2026", "03/14/2026", "2026-03-14".
	numDateRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(\d{1,4})([./-])(\d{1,2})([./-])(\d{2,4})\b`) })
	// wordDateRe finds a date with a month name: "14 March 2026", "March 14,
	// 2026", "Mar. 14", "3. März", "14th of March 2026".
	wordDateRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:\b(\d{1,2})(?:\.|st|nd|rd|th)?(?:\s+of)?\s+(\p{L}{3,9})\.?,?(?:\s+(\d{4}))?\b` +
			`|\b(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)`)
	})
	// wordCountRe matches a word-count line: "612 words", "Word count: 612".
	wordCountRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:(?:word count|length|words)\s*:\s*)?(?:about|approx\.?|approximately|c\.|ca\.)?\s*[\d,.]+\s*(?:words?|wörter|mots|palabras)?$`)
	})
)

// parseClock reads the time of day in s, with its zone if one is named.
func parseClock(s string) (d time.Duration, loc *time.Location, ok bool) {
	// "14.03.2026" is a date, not 14:03.
	s = numDateRe().ReplaceAllString(s, " ")
	m := clockRe().FindStringSubmatch(s)
	if m == nil {
		return 0, nil, false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	sec, _ := strconv.Atoi(m[3])
	switch ampm := strings.ToLower(strings.ReplaceAll(m[4], ".", "")); {
	case ampm == "pm" && h < 12:
		h += 12
	case ampm == "am" && h == 12:
		h = 0
	case ampm != "" && h > 12:
		return 0, nil, false
	}
	name := strings.ToUpper(m[5])
	off, known := zoneOffsets[name]
	if m[6] != "" && (name == "" || name == "UTC" || name == "GMT") {
		// "+0100", "UTC+1", "GMT-05:00"
		hh, _ := strconv.Atoi(m[7])
		mm, _ := strconv.Atoi(m[8])
		if len(m[7]) == 4 || hh > 14 || mm > 59 {
			return 0, nil, false
		}
		off, known = float64(hh)+float64(mm)/60, true
		if m[6] == "-" {
			off = -off
		}
		name = ""
	}
	if known && (m[5] != "" || m[6] != "") {
		loc = time.FixedZone(name, int(off*3600))
	}
	return time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second, loc, true
}

// parseDay reads the calendar date in s. year is 0 when s has none.
// Numeric dates are read day first ("14.03.2026", "14/03/2026") unless the
// day cannot be first ("03/14/2026") or the line is written the American
// way (a slash date with a.m./p.m. or a US zone).
func parseDay(s string) (year int, month time.Month, day int, ok bool) {
	if m := numDateRe().FindStringSubmatch(s); m != nil && m[2] == m[4] {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		c, _ := strconv.Atoi(m[5])
		switch {
		case len(m[1]) == 4: // 2026-03-14
			year, month, day = a, time.Month(b), c
		case len(m[5]) >= 2:
			if len(m[5]) == 2 {
				c += 2000
			}
			year = c
			usStyle := m[2] == "/" && (a <= 12 && b > 12 || b <= 12 && a <= 12 && americanLine(s))
			if usStyle {
				month, day = time.Month(a), b
			} else {
				month, day = time.Month(b), a
			}
		}
		if month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900 && year <= 2200 {
			return year, month, day, true
		}
	}
	// A match whose word is no month ("Friday 17" in "Friday 17 July
	// 2026") is searched again from its number on.
	for off, tries := 0, 0; off < len(s) && tries < 6; tries++ {
		loc := wordDateRe().FindStringSubmatchIndex(s[off:])
		if loc == nil {
			break
		}
		m := make([]string, 7)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = s[off+loc[2*i] : off+loc[2*i+1]]
			}
		}
		next := off + loc[1]
		if m[2] == "" && loc[10] >= 0 {
			next = off + loc[10]
		}
		off = next
		var dayS, monS, yearS string
		if m[2] != "" {
			dayS, monS, yearS = m[1], m[2], m[3]
		} else {
			monS, dayS, yearS = m[4], m[5], m[6]
		}
		mon, isMonth := monthNames[strings.ToLower(monS)]
		if !isMonth {
			continue
		}
		d, _ := strconv.Atoi(dayS)
		if d < 1 || d > 31 {
			continue
		}
		y, _ := strconv.Atoi(yearS)
		return y, mon, d, true
	}
	return 0, 0, 0, false
}

// americanLine reports a date line written the American way: a.m./p.m.
// or a US time zone.
func americanLine(s string) bool {
	m := clockRe().FindStringSubmatch(numDateRe().ReplaceAllString(s, " "))
	if m == nil {
		return false
	}
	switch strings.ToUpper(m[5]) {
	case "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT":
		return true
	}
	return m[4] != ""
}

// dashedDay is a day, month abbreviation and year joined by dashes,
// "17-FEB-2026", as agency systems print them.
var dashedDay = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-(\d{4})\b`)
})

// isoStamp finds the T of an ISO timestamp, "2026-03-14T07:12".
var isoStamp = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\dT\d`) })

// deskTag matches a section tag in brackets closing a header line.
var deskTag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\s+\[[\pL &/-]{2,30}\]\s*$`)
})

// readDateLine reads a header line that is only a date and/or a time into
// h and reports whether it was one. ISO timestamps go through the general
// date parser, which knows their zones.
func (h *header) readDateLine(t string) bool {
	t = strings.TrimSpace(normalizeText(t))
	// "SAPS-0412  2026-04-22  14:10 BST": a wire's reference code first.
	if f := strings.Fields(t); len(f) > 1 && refCode().MatchString(f[0]) {
		t = strings.TrimSpace(t[len(f[0]):])
	}
	t = dashedDay().ReplaceAllString(t, "$1 $2 $3") // "17-FEB-2026"
	// "2026/10/17 22:31 KST    [ENTERTAINMENT]": the desk's tag after
	// the stamp.
	if m := deskTag().FindStringIndex(t); m != nil && m[0] > 0 {
		t = strings.TrimSpace(t[:m[0]])
	}
	if !isDateLine(t) && !isClockLine(t) && !isDateLine(englishMonths(t)) {
		if ts, ok := parseDate(t); ok && isoStamp().MatchString(t) {
			h.setFull(ts)
			return true
		}
		return false
	}
	if ts, ok := parseDate(t); ok && isoStamp().MatchString(t) {
		h.setFull(ts)
		return true
	}
	y, mon, d, hasDay := parseDay(t)
	clock, loc, hasClock := parseClock(t)
	if hasDay && y == 0 {
		hasDay = false // a header date always has its year; "Friday 14" is not one
	}
	if !hasDay && !hasClock {
		return false
	}
	if hasDay && !h.hasDate {
		h.date, h.hasDate = time.Date(y, mon, d, 0, 0, 0, 0, time.UTC), true
	}
	if hasClock && !h.hasTime {
		h.clock, h.hasTime = clock, true
		if loc != nil {
			h.zone = loc
		}
	}
	return true
}

// refCode is a wire item's reference: capitals and digits joined by a
// dash ("SAPS-0412", "REF-20260422-118").
var refCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\p{Lu}{2,}(?:-[\p{Lu}\d]+)*-\d{2,}[\p{Lu}\d-]*$`) })

// wordRe finds the words of a line.
var wordRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\p{L}+`) })

// englishMonths writes the month names of other languages in English, for
// isDateLine: "14. März 2026" -> "14. march 2026".
func englishMonths(t string) string {
	return wordRe().ReplaceAllStringFunc(t, func(w string) string {
		if m, ok := monthNames[strings.ToLower(w)]; ok {
			return m.String()
		}
		return w
	})
}

func (h *header) setFull(ts time.Time) {
	if h.hasDate {
		return
	}
	h.date, h.hasDate = ts, true
	h.clock = time.Duration(ts.Hour())*time.Hour + time.Duration(ts.Minute())*time.Minute + time.Duration(ts.Second())*time.Second
	h.hasTime = h.clock != 0
	h.zone = ts.Location()
}

// isClockLine reports a line that is only a time of day: "07:12 GMT",
// "7:12 a.m. EDT".
func isClockLine(t string) bool {
	if len(t) > 24 {
		return false
	}
	loc := clockRe().FindStringIndex(t)
	return loc != nil && strings.TrimSpace(t[:loc[0]]+t[loc[1]:]) == ""
}

// languageNames maps language lines of database exports to codes.
var languageNames = map[string]string{
	"english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr", "francais": "fr",
	"spanish": "es", "español": "es", "espanol": "es", "italian": "it", "italiano": "it",
	"portuguese": "pt", "português": "pt", "dutch": "nl", "nederlands": "nl", "swedish": "sv",
	"svenska": "sv", "norwegian": "no", "norsk": "no", "danish": "da", "dansk": "da", "finnish": "fi",
	"suomi": "fi", "polish": "pl", "polski": "pl", "russian": "ru", "русский": "ru", "turkish": "tr",
	"türkçe": "tr", "arabic": "ar", "chinese": "zh", "japanese": "ja", "korean": "ko",
}

// languageCode reads a language line ("English", "Language: German",
// "Lang: en") and returns its code.
func languageCode(t string) (string, bool) {
	t = strings.TrimSpace(strings.TrimRight(t, "."))
	lower := strings.ToLower(t)
	for _, p := range []string{"language:", "lang:", "sprache:", "langue:", "idioma:"} {
		if strings.HasPrefix(lower, p) {
			v := strings.TrimSpace(lower[len(p):])
			if c, ok := languageNames[v]; ok {
				return c, true
			}
			if len(v) == 2 || len(v) == 5 && v[2] == '-' {
				return cleanLang(v), true
			}
			return "", false
		}
	}
	c, ok := languageNames[lower]
	return c, ok
}

// sourceSep separates a source from its section: "Agency | Markets",
// "AGENCY NAME -- Business & Technology".
var sourceSep = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+(?:\||--|—|–)\s+`) })

// deskWords end a desk line ("World Desk", "London Bureau"); agencyWords
// end an agency's own name ("Keystone Wire Service", "Nordic Newswire").
var (
	deskWords   = map[string]bool{"desk": true, "bureau": true}
	agencyWords = map[string]bool{"service": true, "wire": true, "newswire": true, "agency": true, "press": true}
)

// agencyName reports the words of an agency's own name: "Keystone Wire
// Service", "Press Trust of Norland".
func agencyName(words []string) bool {
	return len(words) > 0 && agencyWords[strings.ToLower(words[len(words)-1])] || agencyOf(words)
}

// agencyOf reports an agency named for its country or city: "Press
// Syndicate of India", "NEWS SERVICE OF KESSLA", "Press Trust of Norland".
func agencyOf(words []string) bool {
	for i := 0; i+2 < len(words); i++ {
		w := strings.ToLower(words[i])
		if (agencyWords[w] || w == "syndicate" || w == "trust") && strings.EqualFold(words[i+1], "of") {
			return true
		}
	}
	return false
}

// readSourceLine reads a source and section line: "Agency Name | Markets"
// or "AGENCY NAME -- Business" (source, then section), "Agency Name World
// Desk" (a desk of the source), or an agency's name alone ("KEYSTONE WIRE
// SERVICE"). It reports whether the line was one.
func readSourceLine(doc *Document, t string) bool {
	t = strings.TrimSpace(t)
	if countWords(t, 11) > 10 || strings.ContainsAny(t, "0123456789.!?,") {
		return false
	}
	if parts := sourceSep().Split(t, -1); len(parts) == 2 {
		src, sec := titleCaseWords(strings.TrimSpace(parts[0])), strings.TrimSpace(parts[1])
		if isNameLike(src) && isNameLike(sec) {
			if doc.Source == "" {
				doc.Source = src
			}
			if doc.Section == "" {
				doc.Section = sec
			}
			return true
		}
		return false
	}
	words := strings.Fields(t)
	if len(words) < 2 || !isNameLike(t) {
		return false
	}
	last := strings.ToLower(words[len(words)-1])
	switch {
	case agencyName(words):
		if doc.Source == "" {
			doc.Source = titleCaseWords(t)
		}
		return true
	case !deskWords[last]:
		return false
	}
	if doc.Source != "" && len(t) > len(doc.Source) && strings.EqualFold(t[:len(doc.Source)], doc.Source) {
		if doc.Section == "" {
			doc.Section = strings.TrimSpace(t[len(doc.Source):])
		}
		return true
	}
	// Without a known source, the desk is the last two words: "Nordwire
	// World Desk" is Nordwire's world desk.
	if len(words) >= 3 {
		if doc.Source == "" {
			doc.Source = titleCaseWords(strings.Join(words[:len(words)-2], " "))
		}
		if doc.Section == "" {
			doc.Section = strings.Join(words[len(words)-2:], " ")
		}
		return true
	}
	return false
}

// isNameLike reports a short run of capitalised words (small words
// allowed between them): a source, desk or section name.
func isNameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for i, w := range words {
		if i > 0 && (smallWords[strings.ToLower(w)] || w == "&") {
			continue
		}
		if !startsUpperOrDigit(w) {
			return false
		}
	}
	return true
}

// datelineDateRe finds the date in a dateline's head: "LONDON, March 3",
// "BERLIN, 3. März", "KYIV, Dec. 21, 2025".
var datelineHead = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[^-–—(]{0,80}`) })

// datelineDate reads the date of a dateline ("LONDON, March 3 (Agency) -")
// and its place. year is 0 when the dateline has none.
func datelineDate(text string) (place string, year int, month time.Month, day int, ok bool) {
	m := dateline().FindStringSubmatch(text)
	if m == nil || len(m[1]) < 3 {
		return "", 0, 0, 0, false
	}
	place = titleCaseWords(m[1])
	head := datelineHead().FindString(text[len(m[1]):])
	if y, mon, d, found := parseDay(head); found {
		return place, y, mon, d, true
	}
	return place, 0, 0, 0, true
}

// titleCaseWords turns an all-capitals place or name into title case:
// "NEW YORK" -> "New York"; mixed case is left as it is.
func titleCaseWords(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && titleSmallWords[w] {
			continue // "Press Syndicate of India"
		}
		rs := []rune(w)
		for j, r := range rs {
			if unicode.IsLetter(r) {
				rs[j] = unicode.ToUpper(r)
				break
			}
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

// titleSmallWords stay in lower case inside a name written in capitals.
var titleSmallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true,
	"at": true, "de": true, "du": true, "des": true, "la": true, "le": true, "del": true, "da": true, "do": true}

// isHeaderLine reports a line of a wire header: a date or time, a
// metadata pair, a word count or a language line. Hard-wrapped text must
// not join it with its neighbours.
func isHeaderLine(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 120 {
		return false
	}
	if isDateLine(t) || isClockLine(t) || wordCountRe().MatchString(t) {
		return true
	}
	if _, ok := languageCode(t); ok {
		return true
	}
	if first, _, _ := strings.Cut(t, " | "); metaPair().MatchString(first) {
		return true
	}
	if ts, ok := parseDate(t); ok && !ts.IsZero() {
		return true
	}
	// The forms below have a year and are short.
	if countWords(t, 13) > 12 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	if m := datedItem().FindStringSubmatch(t); m != nil {
		var p header
		return p.readDateLine(m[2])
	}
	di, ok := pressDateline(t)
	return ok && di.alone
}

// Dated items of a header name what their date is: the story's own date
// ("Published", "Aired", "Filed", "Broadcast: Friday 17 July 2026") or a
// later revision's ("Last updated"), which is never the publication date
// while the story's own is known.
var (
	publishLabels = []string{"date", "time", "published", "published on", "published at", "first published",
		"originally published", "original publication", "publication", "print edition", "posted", "posted on", "posted at", "broadcast", "broadcast on", "first broadcast",
		"aired", "aired on", "first aired", "air date", "airdate", "filed", "filed on", "filed at", "released",
		"released on", "release date", "issued", "issued on", "date issued", "recorded", "recorded on",
		"transmission", "transmission date", "transmitted", "tx date", "started", "sent", "dateline",
		"date posted", "date published", "publication date", "date of publication", "broadcast date",
		"date of broadcast", "recording date", "issue date", "posting date", "filing date", "date filed",
		"datum", "veröffentlicht", "veröffentlicht am", "erschienen", "gesendet", "ausgestrahlt", "publié",
		"publié le", "diffusé", "diffusé le", "publicado", "publicado el", "publicado em", "pubblicato",
		"pubblicato il", "emitido"}
	updateLabels = []string{"updated", "last updated", "updated on", "updated at", "modified", "last modified",
		"revised", "last revised", "amended", "corrected", "date modified", "date updated", "last update",
		"latest update", "update", "aktualisiert", "zuletzt aktualisiert",
		"mis à jour", "mis à jour le", "actualizado", "atualizado", "aggiornato"}
	updateLabel = wordSet(updateLabels)
	dateLabel   = wordSet(publishLabels, updateLabels)
	// dateLabels is one label or two joined: "Broadcast and published".
	dateLabels = func() string {
		l := labelAlternation(publishLabels, updateLabels)
		return `(?:` + l + `)(?:\s*(?:and|&|/)\s*(?:` + l + `))?`
	}()
	labelJoin = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\s*(?:\band\b|&|/)\s*`) })
	// datedItem matches a label and its value: "Aired: 6 March 2026",
	// "Published 3 June 2026, 4:10pm NZST", "Last updated 22:10 GMT".
	datedItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(` + dateLabels + `)(?:\s*:\s*|\s+)(\S.*?)\s*$`)
	})
	// sinceItem matches a label with the time something began: "Live
	// coverage from 27 January 2026, 18:00 CAT".
	sinceItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\p{Lu}\p{L}*(?:\s+\p{L}+){0,3})\s+(?:from|since)\s+(\S.*\d.*)$`)
	})
)

// labelKind tells whether a label, or labels joined ("Broadcast and
// published"), date the story or an update: an update only when all do.
func labelKind(k string) (dated, update bool) {
	k = strings.ToLower(strings.Join(strings.Fields(k), " "))
	parts := labelJoin().Split(k, -1)
	dated, update = true, true
	for _, p := range parts {
		dated = dated && dateLabel[p]
		update = update && updateLabel[p]
	}
	return dated, dated && update
}

func wordSet(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[w] = true
		}
	}
	return m
}

// labelAlternation joins labels into a regexp alternation, longest first
// so that "published on" wins over "published".
func labelAlternation(lists ...[]string) string {
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	for i, l := range all {
		all[i] = strings.ReplaceAll(regexp.QuoteMeta(l), " ", `\s+`)
	}
	return strings.Join(all, "|")
}

// byTail splits an author off a dated value: "March 4, 2026 by Lena
// Moravec"; byHead one before it: "by Lena Moravec on March 4, 2026".
var (
	byTail = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^(.*?\d.*?)\s+(?:by|von|par|por)\s+(\p{Lu}.*)$`) })
	byHead = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:by|von|par|por)\s+(\p{Lu}.*?)\s*(?:,|\s(?:on|am|le|el|em|il))\s+(.*\d.*)$`)
	})
)

// readDatedItem reads a labelled date, "Aired: 6 March 2026, 18:30 CAT" or
// "Last updated 23 February 2026, 22:10 GMT", and reports whether it was
// one. A publication label dates the header; an update label gives the
// document's modification date.
func readDatedItem(doc *Document, h *header, t string) bool {
	m := datedItem().FindStringSubmatch(strings.TrimSpace(normalizeText(t)))
	if m == nil || !strings.ContainsAny(m[2], "0123456789") || headerPartSep().MatchString(m[2]) {
		return false // several items are read one by one (readHeaderParts)
	}
	dated, update := labelKind(m[1])
	if !dated {
		return false
	}
	// Without a colon the label may open a sentence ("Released 14 March
	// after ..."): the value must then be only a date and time.
	colon := strings.Contains(t[:min(len(t), len(m[1])+3)], ":")
	return readDatedValue(doc, h, update, m[2], !colon)
}

// readSinceItem reads an item that gives the time coverage began, "Live
// coverage from 27 January 2026, 18:00 CAT", as the story's date. Its value
// must be only a date and time.
func readSinceItem(doc *Document, h *header, t string) bool {
	m := sinceItem().FindStringSubmatch(strings.TrimSpace(normalizeText(t)))
	return m != nil && readDatedValue(doc, h, false, m[2], true)
}

// readDatedValue reads the value of a dated item. A strict value is only
// a date and time (and an author); otherwise trailing words may follow.
func readDatedValue(doc *Document, h *header, update bool, v string, strict bool) bool {
	var names []string
	if m := byTail().FindStringSubmatch(v); m != nil {
		if ns, ok := parseByline(m[2]); ok {
			v, names = m[1], ns
		}
	} else if m := byHead().FindStringSubmatch(v); m != nil {
		if ns, ok := parseByline(m[1]); ok {
			v, names = m[2], ns
		}
	}
	v = strings.TrimRight(strings.TrimSpace(v), ",;")
	var p header
	if !p.readDateLine(v) {
		if t, ok := parseTextDate(v); ok && !strict {
			p.setFull(t)
		} else {
			return false
		}
	}
	switch {
	case update:
		if t, ok := p.published(); ok {
			if doc.Modified.IsZero() {
				doc.Modified = t
			}
			if h.updated.IsZero() {
				h.updated = t
			}
		}
		if !p.hasDate && p.hasTime && !h.hasUpdClock {
			h.updClock, h.updZone, h.hasUpdClock = p.clock, p.zone, true
		}
	default:
		h.merge(p)
	}
	for _, n := range names {
		doc.Authors = appendAuthor(doc.Authors, titleCaseWords(n))
	}
	return true
}

// merge takes from p the date and time h does not have yet.
func (h *header) merge(p header) {
	if p.hasDate && !h.hasDate {
		h.date, h.hasDate = p.date, true
	}
	if p.hasTime && !h.hasTime {
		h.clock, h.hasTime = p.clock, true
		if p.zone != nil {
			h.zone = p.zone
		}
	}
}

// A press-release or agency dateline gives the place, often a region, and
// the full date, with the distributing wire in brackets or slashes:
//
//	HALIFAX, Nova Scotia – 24 February 2026 – Firm today said ...
//	Valdoria City, Valdoria – March 12, 2026 – Firm S.A. ...
//	NEW HAVEN, Conn., March 3, 2026 /Wirename/ -- Firm ...
//	TESSVIK, Nordland / Wirename / March 3, 2026 / Firm ...
//	Wakefield, 9 June 2026            (a line of its own)
//	Istanbul / Ostrava, 8 September 2026 — Firm today ...
//	OULU, Finland and SEATTLE, March 24, 2026 /Wirename/ -- Firm ...
//
// Mixed-case places are allowed because the date, with its year, and the
// separators around it make the form unmistakable; a weekday or "today"
// in the date's place is not a date.
var (
	// fullDateRe finds a date that has its year.
	fullDateRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(?:\d{1,2}(?:\.|st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b`)
	})
	// placeWords is a place name: capitalised words, with the particles
	// of "Frankfurt am Main", "Rio de Janeiro" or "Republic of Korea"
	// between them.
	placeWords = `\p{Lu}[\p{L}'’.]*(?:[ -](?:\p{Lu}[\p{L}'’.]*|am|an|de|del|da|do|dos|la|le|el|al|sur|upon|on|von|van|der|di|im|y|of|the)){0,4}`
	agencyMark = `(?:\(([^()]{2,40})\)|/\s*([^/\d]{2,40}?)\s*/)`
	// pressHead is what stands before the date: place, regions, agency
	// and a separator; pressTail what follows it.
	pressHead = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(` + placeWords + `)(?:\s*,\s*` + placeWords + `){0,2}\s*,?\s*` +
			`(?:[-–—]{0,2}\s*` + agencyMark + `\s*(?:,|[-–—]{1,2}|/)?|,|[-–—]{1,2}|/|[-–—]{1,2}\s*\(([^()]{2,40}?)\s*[-–—,])\s*$`)
	})
	// pressHeadJoined is a head of several places joined by slashes or
	// "and", before a comma or a dash: "Istanbul / Ostrava, ", "OULU,
	// Finland and SEATTLE, ", "ABUJA, Nigeria and AUSTIN, Texas -- ".
	// The slash is tried after pressHead, which reads "/ Wirename /" as
	// the wire's name. Its empty groups stand for pressHead's agencies.
	pressHeadJoined = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(` + placeWords + `(?:\s*,\s*` + placeWords + `|\s+(?:/|and|&)\s+` + placeWords + `){1,3})\s*(?:,|[-–—]{1,2})\s*()()()$`)
	})
	pressTail = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*\)?\s*(?:` + agencyMark + `\s*)?(?:[-–—]{1,2}|/|:)\s*\S`)
	})
)

// notPlaces open a sentence or name a day, not a place.
var notPlaces = map[string]bool{"on": true, "in": true, "at": true, "by": true, "from": true, "until": true,
	"since": true, "before": true, "after": true, "as": true, "for": true, "of": true, "to": true, "with": true,
	"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "this": true, "last": true, "next": true,
	"until:": true, "between": true, "during": true, "if": true, "when": true, "while": true, "and": true}

// datelineInfo is what a dateline says.
type datelineInfo struct {
	place, agency string
	year          int // 0 when the dateline gives none
	month         time.Month
	day           int
	alone         bool // the line is only the place and the date (and a time)
	rest          string
}

// pressDateline reads a press-release dateline or a place-and-date line.
func pressDateline(text string) (datelineInfo, bool) {
	for _, loc := range fullDateRe().FindAllStringIndex(text, 3) {
		if loc[0] > 120 {
			break
		}
		y, mon, d, ok := parseDay(text[loc[0]:loc[1]])
		if !ok || y == 0 {
			continue
		}
		// "Santiago, Control Centre — Monday 16/02/2026": the day's
		// name goes with the date.
		pre := trimWeekday(text[:loc[0]])
		head := pressHead().FindStringSubmatch(pre)
		if head == nil {
			head = pressHeadJoined().FindStringSubmatch(pre)
		}
		if head == nil {
			return datelineInfo{}, false
		}
		first := strings.ToLower(strings.Fields(head[1])[0])
		if notPlaces[first] || dateWords[first] && first != "the" {
			return datelineInfo{}, false
		}
		di := datelineInfo{place: titleCaseWords(strings.TrimSpace(head[1])), year: y, month: mon, day: d,
			agency: firstNonEmpty(head[2], head[3], head[4])}
		rest := text[loc[1]:]
		trimmed := strings.TrimSpace(strings.TrimLeft(rest, " ,"))
		switch {
		case trimmed == "" || isClockLine(trimmed):
			di.alone = true
		default:
			tail := pressTail().FindStringSubmatchIndex(rest)
			if tail == nil {
				return datelineInfo{}, false
			}
			if di.agency == "" {
				di.agency = firstNonEmpty(submatch(rest, tail, 1), submatch(rest, tail, 2))
			}
			di.rest = rest[tail[1]-1:]
		}
		di.agency = strings.TrimSpace(di.agency)
		return di, true
	}
	return datelineInfo{}, false
}

func submatch(s string, loc []int, i int) string {
	if 2*i+1 < len(loc) && loc[2*i] >= 0 {
		return s[loc[2*i]:loc[2*i+1]]
	}
	return ""
}

// storyDateline reads the dateline opening a story paragraph, in the wire
// form ("LONDON, March 3 (Agency) -") or the press-release form. A line in
// capitals before a dash counts when it names an agency or a date, or
// opens the story's prose; "AGENCY NAME -- Business" is a header line.
func storyDateline(text string) (datelineInfo, bool) {
	if di, ok := pressDateline(text); ok {
		return di, true
	}
	m := dateline().FindStringSubmatch(text)
	if m == nil || len(m[1]) < 3 {
		return datelineInfo{}, false
	}
	place, y, mon, d, _ := datelineDate(text)
	if m[2] == "" && mon == 0 && !isProse(text) {
		return datelineInfo{}, false
	}
	return datelineInfo{place: place, agency: strings.TrimSpace(m[2]), year: y, month: mon, day: d, rest: text[len(m[0])-1:]}, true
}

// anyDateline reads a dateline of either form, whatever follows it.
func anyDateline(text string) (datelineInfo, bool) {
	if di, ok := pressDateline(text); ok {
		return di, true
	}
	place, y, mon, d, ok := datelineDate(text)
	return datelineInfo{place: place, year: y, month: mon, day: d}, ok
}

// readPlaceDateLine reads a header line that is a place and a full date
// ("Wakefield, 9 June 2026"), the dateline of letters and press notes.
func readPlaceDateLine(doc *Document, h *header, t string) bool {
	di, ok := pressDateline(strings.TrimSpace(t))
	if !ok || !di.alone {
		return false
	}
	if doc.Dateline == "" {
		doc.Dateline = di.place
	}
	if !h.hasDate {
		h.date, h.hasDate, h.from = time.Date(di.year, di.month, di.day, 0, 0, 0, 0, time.UTC), true, "dateline"
		if clock, loc, ok := parseClock(t); ok && !h.hasTime {
			h.clock, h.hasTime, h.zone = clock, true, loc
		}
	}
	return true
}

func firstZone(zs ...*time.Location) *time.Location {
	for _, z := range zs {
		if z != nil {
			return z
		}
	}
	return nil
}
