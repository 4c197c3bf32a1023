package crosscheck

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/claimdex/claimdex/extract"
)

// The conflict gate. Two outlets stating different values for what looks
// like the same fact is only a disagreement when the two documents report
// the same story; on a real, diverse corpus most pairs of documents are
// different stories that happen to share words ("launch", "battery",
// "President"), and a different value there is no contradiction. So a
// conflict needs much stronger evidence than a corroboration: documents
// published within days of each other, alike enough as wholes (their
// profiles: names, headline words, figures; see Similarity), and values
// firm enough to disagree (no relative date, no bare year or small round
// number without a very close match).
//
// Calibrated on the study part of testdata/crossdev (reports of one event
// have profile similarity 0.29 or more in nine pairs of ten, median 0.51;
// reports of different events below 0.04 in 99 pairs of 100, at most
// 0.13) and the 181 real news pages of 2019 (TestCrosscheckRealPrecision).
const (
	// conflictDocGate is the least document similarity for a conflict:
	// below the story threshold, as a short wire flash or a transcript
	// shares few keys with the longer reports it joins through them
	// (chosen on the study part: 0.17 finds four disagreements 0.19
	// misses, and reports nothing false more).
	conflictDocGate = 0.17
	// strongDocGate is the least document similarity for a conflict
	// between values that are not specific (years, months, small or
	// round numbers) or between persons named by a bare title.
	strongDocGate = 0.4
	// personDocGate is the least for two holders of one titled post
	// ("medical officer of health"), itself evidence of one story.
	personDocGate = 0.08
	// weakTopicExtra is the topic similarity such values need in
	// addition to the conflict threshold.
	weakTopicExtra = 0.15
	// maxDateSlip is how many days apart two dates may be and still be
	// firm evidence of one date misreported (a week, a fortnight); dates
	// months apart in one story are usually different events.
	maxDateSlip = 31
	// maxStoryDays is how far apart (in days) two documents' publication
	// dates may be for their values to conflict: outlets report one event
	// within days of each other, and a figure reported months later may
	// have changed rather than been misreported.
	maxStoryDays = 7
)

// parsePublished reads an RFC 3339 timestamp or an ISO date.
func parsePublished(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// noYearSpan is how many days a date written without its year ("in
// May", "on March 3") may lie from another outlet's and still be taken
// for the same date misreported: a season, not most of a year.
const noYearSpan = 120

// mayConflict reports whether two mentions of different values, in
// documents of similarity ds (with shared-value evidence) published on
// days da and db, with topic similarity sim, may be taken for one fact
// misreported.
func mayConflict(m, o mention, ds, sim, da, db float64, opt Options) bool {
	if (m.weak || o.weak) && !weekdayAgainstDay(m, o, da, db) {
		return false
	}
	if m.kind != ValuePerson && m.kind != ValueDate {
		if a, b := scopeOf(m), scopeOf(o); a > 0 && b > 0 && a != b {
			return false
		}
	}
	if f := fateOf(m); m.kind == ValueQuantity && f != 0 && f == -fateOf(o) {
		return false
	}
	if m.rate != o.rate {
		return false // "22,000 passengers a day" against "41,000 residents"
	}
	if (m.noYear || o.noYear) && math.Abs(m.val.lo-o.val.lo) > noYearSpan {
		// A year guessed differently, or another event of the story:
		// "annulled in May" and "a rerun in August 2025" are two.
		return false
	}
	if !math.IsNaN(da) && !math.IsNaN(db) && math.Abs(da-db) > maxStoryDays {
		return false
	}
	if ds < conflictDocGate && !(m.kind == ValuePerson && ds >= personDocGate && !bareTitle(m) && !bareTitle(o)) {
		return false
	}
	var firm bool
	switch m.kind {
	case ValuePerson:
		firm = true
	case ValueDate:
		// A day written without its year ("on March 3") is the
		// nearest such day to its publication: a guess only when a
		// document's date is unknown.
		guessed := (m.noYear && math.IsNaN(da)) || (o.noYear && math.IsNaN(db))
		firm = firmDates(m, o, guessed, da, db)
	default:
		firm = specific(m) && specific(o) && !smallCount(m) && !smallCount(o) || voteTally(m) && voteTally(o) ||
			deathToll(m) && deathToll(o) && !math.IsNaN(da) && !math.IsNaN(db) && math.Abs(da-db) <= 1 ||
			prisonTerm(m) && prisonTerm(o)
		// Counts under a hundred are one count misreported when near
		// each other (36 and 41 deaths); 24 and 60 are two counts.
		if firm && math.Max(m.val.lo, o.val.lo) < 100 && valueGap(m.val, o.val) > math.Log(1.25) {
			firm = false
		}
	}
	if m.kind == ValuePerson && (bareTitle(m) || bareTitle(o)) {
		firm = false
	}
	// Values that are not firm need close documents and close topics,
	// or, in documents of one story that are less alike, topics closer
	// still ("contract until 2031" and "signed until 2030").
	if !firm && !(ds >= strongDocGate && sim >= opt.ConflictThreshold+weakTopicExtra) && !(sim >= opt.ConflictThreshold+2*weakTopicExtra && !smallCount(m) && !smallCount(o)) {
		return false
	}
	return true
}

// scopeLevels are the topic terms that say how far a figure reaches:
// the world (3), a country (2), a region or town (1). "Employs 21,000
// people worldwide" and "close to 9,000 people across the county" are
// two facts.
var scopeLevels = map[string]int{
	"worldwid": 3, "global": 3, "globally": 3,
	"nationwid": 2, "national": 2, "nationally": 2, "domestic": 2, "domestically": 2, "countrywid": 2,
	"county": 1, "region": 1, "regional": 1, "provinc": 1, "provincial": 1, "district": 1, "statewid": 1,
	"local": 1, "locally": 1,
}

// scopeOf returns the reach a mention's own clause gives its figure, or 0.
func scopeOf(m mention) int {
	level := 0
	for _, t := range m.topic {
		if l := scopeLevels[t.term]; l > 0 && t.w >= 0.5 {
			if level > 0 && level != l {
				return 0 // "nationwide and in every region": no one reach
			}
			level = l
		}
	}
	return level
}

// survivalTerms are the topic terms of people who came out alive.
var survivalTerms = setOf(`aliv surviv survivor`)

// fateOf returns -1 for a count of the dead, 1 for one of survivors ("dug
// out alive", "survived"), 0 for neither: "three skiers died" and "four
// were dug out alive" are two counts of one story. In a clause that says
// both, the nearer word decides.
func fateOf(m mention) int {
	var dead, alive float64
	for _, t := range m.topic {
		switch {
		case t.term == "kill":
			dead = max(dead, t.w)
		case survivalTerms[t.term]:
			alive = max(alive, t.w)
		}
	}
	switch {
	case dead >= 0.5 && dead > alive+0.15:
		return -1
	case alive >= 0.5 && alive > dead+0.15:
		return 1
	}
	return 0
}

// bareTitle reports a person named by a one-word title with no qualifier
// ("President X"): president of what is not said.
func bareTitle(m mention) bool {
	return m.kind == ValuePerson && m.val.qual == "" && !strings.Contains(m.val.unit, " ")
}

// roundingAgrees reports two amounts that differ by less than the
// rounding of the less precise one: "$6 million" for "$5.9 million", "40%"
// for "39%". Half a unit of the last significant digit of the rounder
// value, strictly: "$50 billion" and "$45 billion" still disagree. A
// rounder value the precise one truncates agrees too: "12,000" for
// 12,500.
func roundingAgrees(a, b mvalue) bool {
	x, y := math.Abs(a.lo), math.Abs(b.lo)
	if a.lo != a.hi || b.lo != b.hi || x == 0 || y == 0 {
		return false
	}
	// Neither test below can pass for figures half their size apart (a
	// rounding unit is at most the figure): spare the logarithms.
	if math.Abs(x-y) >= math.Max(x, y)/2 {
		return false
	}
	half := math.Max(roundingUnit(x), roundingUnit(y)) / 2
	rounder := a
	if roundingUnit(y) > roundingUnit(x) {
		rounder = b
	}
	// A writer who rounds a figure a lot says so ("about 200 million"):
	// an unhedged round figure stands for a near one only.
	if math.Abs(x-y) < half && (rounder.about || math.Abs(x-y) <= roundSlack*math.Max(x, y)) {
		return true
	}
	// Or cut short: "WeWork's 12,000 employees" for 12,500, as writers
	// drop the digits they do not give.
	round, precise := x, y
	if roundingUnit(y) > roundingUnit(x) {
		round, precise = y, x
	}
	u := roundingUnit(round)
	return u > roundingUnit(precise) && precise >= round && precise < round+u && precise-round <= truncSlack*precise
}

// roundSlack bounds how far an unhedged round figure may be from a
// precise one it stands for: "$6 million" for $5.9 million (2%), "40%" for
// 39%; "200 million" and 180 million (10%) are two figures.
const roundSlack = 0.05

// truncSlack bounds what a truncated figure may drop: 500 of 12,500 (4%)
// is a writer's shorthand, 60 of 660 MW (9%) another figure.
const truncSlack = 0.05

// roundingUnit is the unit of the last significant digit of x: 10 for
// 40 or 340, 100 for 300, 0.1 for 5.9.
func roundingUnit(x float64) float64 {
	unit := math.Pow(10, math.Floor(math.Log10(x)))
	for i := 0; i < 15; i++ {
		if r := x / unit; math.Abs(r-math.Round(r)) < 1e-9 {
			return unit
		}
		unit /= 10
	}
	return unit
}

// confirmRelative clears weak on a relative date that its document also
// states explicitly ("on Tuesday" and "on 3 March 2026"): the resolution
// of the relative one is then no guess.
func confirmRelative(ms []mention, days []float64) {
	firm := map[[2]int]bool{} // doc, day
	for _, m := range ms {
		// Not the publication day: "today" resolves to it, and a
		// byline states it, whatever the story is about.
		if m.kind == ValueDate && !m.weak && m.val.prec == 0 && m.val.lo != days[m.doc] {
			firm[[2]int{m.doc, int(m.val.lo)}] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.weak && m.val.prec == 0 && firm[[2]int{m.doc, int(m.val.lo)}] {
			m.weak, m.noYear = false, false
		}
	}
}

// smallCount reports a count under twenty ("14 companies", "3 cases", "15
// countries"): such counts recur for many things in one story, and differ
// between reports written hours apart. From twenty on, a count with its
// unit in its topic (see claimMentions) is specific enough: 36 and 41
// deaths, 64 and 72 tankers.
func smallCount(m mention) bool {
	return m.kind == ValueQuantity && math.Abs(m.val.lo) < 20 && m.val.lo == math.Trunc(m.val.lo)
}

// voteTally reports a count of votes ("voted 6-3", "by 21 votes in
// favour", "seven members voting for the cut"): a tally is exact however
// small, and outlets that give different tallies of one vote disagree.
func voteTally(m mention) bool { return countOf(m, "vot", "vote", "#vote") }

// deathToll reports a count of the dead ("killed 14 workers", "17
// dead"): outlets that give different tolls of one event a day apart
// disagree, however small the toll.
func deathToll(m mention) bool { return countOf(m, "kill") }

// prisonTerm reports a term of years or months a court imposed ("sentenced
// to nine years", "11 years in prison"): one fact per defendant, which
// outlets state exactly. A term asked for or another defendant's is kept
// apart by the nearness rule for small counts.
func prisonTerm(m mention) bool {
	return (m.val.unit == "year" || m.val.unit == "month") && countOf(m, "sentenc", "prison", "jail")
}

// countOf reports a whole count whose topic weighs one of terms heavily:
// the verb or noun of its own clause.
func countOf(m mention, terms ...string) bool {
	if m.kind != ValueQuantity || m.val.lo != math.Trunc(m.val.lo) || m.val.lo < 1 {
		return false
	}
	return slices.ContainsFunc(m.topic, func(t topicTerm) bool { return t.w >= 0.8 && slices.Contains(terms, t.term) })
}

// hasYear reports whether a date's text states its year (four digits in
// a row).
func hasYear(s string) bool {
	run := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// compoundModifier reports a quantity written as a hyphenated modifier
// ("16-inch", "10-year", "15.6-inch").
func compoundModifier(s string) bool {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, "-‑")
	return i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && i < len(s)-1
}

// countOfRest reports a count of the others, of more or of what is
// missing: "the airport and eight other airports", "another 12 workers",
// "21 more deaths", "the missing 340 controllers". It counts
// what a story's total leaves out or adds, not the total other outlets
// give.
func countOfRest(text string, q extract.Quantity) bool {
	if slices.ContainsFunc(strings.Fields(strings.ToLower(q.Text)), func(w string) bool { return w == "other" || w == "more" }) ||
		endingHedge(figureTail(text[:q.Start], 24), restMarkers) != "" {
		return true
	}
	after := strings.ToLower(text[q.End:])
	return strings.HasPrefix(after, " other ") || strings.HasPrefix(after, " more ")
}

// restMarkers before a count say it adds to one given before, or is
// what a total lacks or has left ("the missing 340 controllers", "the
// remaining 12 hostages").
var restMarkers = []string{"another", "a further", "missing", "remaining"}

// scopeCount reports a count of places that says where something else
// happens, not what the story disputes: "customers in 22 countries",
// "exhibitors from 27 countries", "stores across 12 states". Places
// counted as actors ("14 countries signed") are not scopes.
func scopeCount(text string, q extract.Quantity) bool {
	f := strings.Fields(strings.ToLower(q.Text))
	return len(f) > 0 && placeNouns[f[len(f)-1]] && endingHedge(figureTail(text[:q.Start], 24), scopeMarkers) != ""
}

// scopeMarkers before a count of places say where something happens.
var scopeMarkers = []string{"in", "from", "across", "throughout"}

// weekdayAgainstDay reports a weak date naming a weekday ("broke out on
// Tuesday") against another outlet's firm day less than a week away ("on
// Monday, July 13"). Whichever week the weekday was resolved to, the
// other day falls on another weekday: the outlets name different days.
// The weekday's document must be dated, or it was resolved against
// nothing. Two weekdays of dated documents contradict each other the
// same way ("derailed before midnight Saturday", "before midnight
// Friday").
func weekdayAgainstDay(m, o mention, da, db float64) bool {
	if m.weekday && o.weekday {
		// Two weekdays, each resolved against its own dated document:
		// different names are different days.
		d := math.Abs(m.val.lo - o.val.lo)
		return !math.IsNaN(da) && !math.IsNaN(db) && d > 0 && d < 7
	}
	if o.weekday {
		m, o, da, db = o, m, db, da
	}
	if !m.weekday || o.weak || o.val.prec != 0 || math.IsNaN(da) {
		return false
	}
	if o.noYear && math.IsNaN(db) {
		return false
	}
	d := math.Abs(m.val.lo - o.val.lo)
	return d > 0 && d < 7
}

var monthNames = setOf(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`)

var weekdayNames = setOf(`monday tuesday wednesday thursday friday saturday sunday
mon tue tues wed thu thur thurs fri sat sun`)

// namesMonth reports a date text naming a month ("the end of September",
// "Sept."); "may" counts only capitalised.
func namesMonth(s string) bool { return namesOneOf(s, monthNames) }

// namesWeekday reports a date text naming a day of the week.
func namesWeekday(s string) bool { return namesOneOf(s, weekdayNames) }

func namesOneOf(s string, set map[string]bool) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if set[strings.ToLower(f)] && (f != "may" && f != "mar" && f != "sat" && f != "sun") {
			return true
		}
	}
	return false
}

// firmDates reports two dates precise enough to contradict each other:
// days at most maxDateSlip apart, or months written with their year ("in
// May 2027", "June 2027") at most a quarter apart. Years and quarters
// recur for many things in one story.
func firmDates(m, o mention, guessed bool, da, db float64) bool {
	if guessed {
		return false
	}
	// "Completion is scheduled for 30 November 2027" and "completion
	// planned by the end of November 2028": one milestone, its year
	// misreported, whether each gives the day or the month.
	if m.val.prec <= 1 && o.val.prec <= 1 && !m.noYear && !o.noYear && yearOff(m.val.lo, o.val.lo) &&
		milestone(m) && milestone(o) && (math.IsNaN(da) || math.IsNaN(db) || ahead(m.val.lo, da) == ahead(o.val.lo, db)) {
		return true
	}
	if m.val.prec != o.val.prec {
		return false
	}
	d := math.Abs(m.val.lo - o.val.lo)
	switch m.val.prec {
	case 0:
		// Written in full, with their years, two days a quarter apart
		// are one deadline misreported as readily as a week.
		return d <= maxDateSlip || (!m.noYear && !o.noYear && d <= 92)
	case 1:
		return !m.noYear && !o.noYear && d <= 92
	case 3:
		// A year is a milestone's when both clauses say what starts,
		// opens or is completed in it ("due to be completed in 2031",
		// "will open in 2032"): one target misreported, a year or two off.
		// A year before the story's and one from it on are a milestone
		// passed and one ahead ("began operating in 2024", "construction
		// is expected to begin in 2026"), two facts.
		if math.IsNaN(da) || math.IsNaN(db) || ahead(m.val.lo, da) != ahead(o.val.lo, db) {
			return false
		}
		return d <= 2*366 && milestone(m) && milestone(o)
	}
	return false
}

// yearOff reports two days (since the epoch) in the same month of years
// one apart.
func yearOff(a, b float64) bool {
	x, y := time.Unix(int64(a)*86400, 0).UTC(), time.Unix(int64(b)*86400, 0).UTC()
	return x.Month() == y.Month() && (x.Year()-y.Year() == 1 || y.Year()-x.Year() == 1)
}

// ahead reports a year (its first day, in days since the epoch) that is
// the publication year of a document published on day pub, or later.
func ahead(year, pub float64) bool {
	t := time.Unix(int64(pub)*86400, 0).UTC()
	return year >= float64(time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC).Unix()/86400)
}

// milestoneTerms are the topic terms of a start or an end: what begins,
// opens or is completed in a year.
var milestoneTerms = setOf(`start complete open deliver`)

// milestone reports a mention whose topic weighs a milestone term
// heavily: the verb of its own clause, not a word further off.
func milestone(m mention) bool { return milestoneOf(m) != "" }

// milestoneOf returns the milestone term m's topic weighs most, at least
// heavily, or "".
func milestoneOf(m mention) string {
	best, w := "", 0.5
	for _, t := range m.topic {
		if milestoneTerms[t.term] && t.w >= w {
			best, w = t.term, t.w
		}
	}
	return best
}

// placeNouns name settled places, whose size news gives in passing: "a
// village of about 3,400 people", "the city of 2 million".
var placeNouns = setOf(`village villages town towns city cities community communities island islands
district districts municipality municipalities county counties country countries nation region
province suburb suburbs settlement settlements hamlet borough parish neighbourhood neighborhood
metropolis commune township territory capital port nations regions provinces territories states`)

// populationOf reports a count of people that gives a place's size ("a
// village of about 3,400 people", "a population of 12,000 residents",
// "home to some 40,000 people"): background to a story, another fact
// than the people an event concerns, and comparable only with another
// population.
func populationOf(before string) bool {
	b := unhedgedLead(before)
	if strings.HasSuffix(b, " home to") || strings.HasSuffix(b, "population") || strings.HasSuffix(b, "pop.") {
		return true
	}
	f := strings.Fields(strings.TrimSuffix(b, " of"))
	return strings.HasSuffix(b, " of") && len(f) > 0 && (placeNouns[f[len(f)-1]] || f[len(f)-1] == "population")
}

// marginBy ends the words before a figure by which something beat
// another, hedges taken off: "surpassed the previous record of 37,105
// MW by".
var marginBy = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|top(?:s|ped|ping)|outstrip(?:s|ped|ping)?|eclips(?:es|ed|ing)|broke|break(?:s|ing)?|overt(?:ook|akes?|aking)|outpac(?:es|ed|ing))\b[^.;:!?]{0,80}\bby$`)
})

// ratePeriods maps the words that give a count per period to the period.
var ratePeriods = map[string]string{
	"hour": "hour", "hourly": "hour", "day": "day", "daily": "day", "night": "day", "nightly": "day",
	"week": "week", "weekly": "week", "month": "month", "monthly": "month",
	"year": "year", "yearly": "year", "annually": "year", "annual": "year", "season": "season",
}

var (
	rateAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:\s+(?:on\s+average|in\s+total))?(?:,?\s+(?:per|a|each)\s+(?:person|head|capita|household|resident|inhabitant|customer))?,?\s+(?:a|an|per|each|every)\s+(hour|day|night|week|month|year|season)\b|^\s+(hourly|daily|nightly|weekly|monthly|yearly|annually)\b`)
	})
	rateBefore = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(hourly|daily|nightly|weekly|monthly|yearly|annual)\s+$`)
	})
)

// notRate are the words after "a day" or "a year" that make it a time.
var notRate = setOf(`after before later earlier ago of when since`)

// rateOf returns the period the count at text[start:end] is given per:
// "22,000 passengers a day", "160 litres per person per day", "38,000
// daily passengers" (the adjective inside the count's span or just
// before it), or "".
func rateOf(text string, start, end int) string {
	if m := rateAfter().FindStringSubmatch(text[end:]); m != nil {
		// "300 jobs a day after the vote": a time, no rate.
		next := strings.Fields(strings.ToLower(text[end+len(m[0]):]))
		if len(next) == 0 || !notRate[strings.Trim(next[0], ",.;:")] {
			return ratePeriods[strings.ToLower(m[1]+m[2])]
		}
	}
	for _, w := range strings.Fields(strings.ToLower(text[start:end])) {
		if p, ok := ratePeriods[w]; ok && strings.HasSuffix(w, "ly") {
			return p
		}
	}
	if m := rateBefore().FindStringSubmatch(text[:start]); m != nil {
		return ratePeriods[strings.ToLower(m[1])]
	}
	return ""
}

// marginOf reports a figure that is the margin by which a record or a
// rival was beaten: another fact than the level reached, comparable only
// with another margin. A winner's "won by 24 votes" is not read so: the
// margin is often the story's figure itself.
func marginOf(before string) bool { return marginBy().MatchString(unhedged(figureTail(before, 120))) }

// sampleNouns and sampleVerbs introduce the people a survey asked: "a
// survey of 4,000 undergraduates", "surveyed 1,200 voters" ("polled" is
// also what a candidate won).
var (
	sampleNouns = setOf(`survey surveys poll polls sample questionnaire`)
	sampleVerbs = setOf(`surveyed sampled`)
)

// sampleOf reports a count of the people a survey or poll asked: its
// size, another fact than how many such people there are.
func sampleOf(before string) bool {
	f := strings.Fields(strings.ToLower(unhedgedLead(before)))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if sampleVerbs[last] {
		return true
	}
	return last == "of" && len(f) > 1 && sampleNouns[f[len(f)-2]]
}

// unhedgedLead returns the words before a figure, its hedges taken off:
// "a village of" for "a village of about ".
func unhedgedLead(before string) string { return unhedged(figureTail(before, 48)) }

// unhedged takes the hedges off the end of b, a figureTail.
func unhedged(b string) string {
	for h := endingHedge(b, hedges); h != ""; h = endingHedge(b, hedges) {
		b = strings.TrimRight(b[:len(b)-len(h)], " ")
	}
	return b
}

// hedges are the words news puts before a figure it gives loosely.
var hedges = []string{"about", "around", "roughly", "approximately", "approx.", "nearly", "almost",
	"some", "close to", "more than", "over", "upwards of", "up to", "at least", "estimated",
	"just under", "just over", "under", "less than", "fewer than", "as many as", "as much as",
	"circa", "c.", "~", "an estimated", "well over", "well above", "below", "above", "in excess of"}

// floorHedges and ceilingHedges are the hedges that make a figure a
// bound: "more than 150" is 150 or more, "nearly 2,000" under 2,000.
var (
	floorHedges   = []string{"more than", "over", "upwards of", "well over", "in excess of", "just over", "past", "above", "north of", "topped", "passed"}
	ceilingHedges = []string{"nearly", "almost", "just under", "fewer than", "less than", "under", "short of", "just shy of"}
)

// boundOf returns +1 when the text before a figure ends in a floor
// hedge, -1 in a ceiling one, else 0 (the longer hedge decides: "just
// under" is a ceiling, not the floor "under" would be).
func boundOf(before string) int {
	b := figureTail(before, 24)
	floor, ceiling := endingHedge(b, floorHedges), endingHedge(b, ceilingHedges)
	switch {
	case floor == "" && ceiling == "":
		return 0
	case len(floor) >= len(ceiling):
		return 1
	}
	return -1
}

// boundSlack is how far past its bound a figure may lie and still be
// what the bound was written for: "more than 150 stores" for 168 (12%),
// not for 400.
const boundSlack = 0.15

// boundAgrees reports a figure b within the round bound a gives: "more
// than 150 stores" and "168 stores", "nearly 2,000" and 1,950. "At
// least 36 dead" is how news gives a toll, not a bound of another
// outlet's 41; nor is a bound as precise as the figure ("more than 168").
func boundAgrees(a, b mvalue) bool {
	if a.bound == 0 || a.lo != a.hi || b.lo != b.hi || a.lo <= 0 || b.lo <= 0 || roundingUnit(a.lo) <= roundingUnit(b.lo) {
		return false
	}
	switch a.bound {
	case 1:
		return b.lo > a.lo && b.lo <= a.lo*(1+boundSlack)
	case -1:
		return b.lo < a.lo && b.lo >= a.lo*(1-boundSlack)
	}
	return false
}

// hedged reports whether the text before a figure ends in a hedge.
func hedged(before string) bool {
	return endingHedge(figureTail(before, 24), hedges) != ""
}

// figureTail is the last n bytes of the text before a figure, lower-cased,
// without the spaces that end it.
func figureTail(before string, n int) string {
	if len(before) > n {
		before = before[len(before)-n:]
	}
	return strings.ToLower(strings.TrimRight(before, " \u00a0"))
}

// endingHedge returns the longest of hs that ends b as a whole word
// ("over", not the end of "turnover"), or "".
func endingHedge(b string, hs []string) string {
	longest := ""
	for _, h := range hs {
		if len(h) > len(longest) && strings.HasSuffix(b, h) &&
			(len(b) == len(h) || !isWordByte(b[len(b)-len(h)-1]) || !isWordByte(h[0])) {
			longest = h
		}
	}
	return longest
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// earlierMarkers say that a figure is an earlier period's than the
// story's. A bare "last year" is not one: annual results are last year's
// ("a net profit of €468 million last year" is 2025's figure, as is
// "412 million euros in 2025"); "in November last year" set against this
// November is.
var earlierMarkers = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|month|quarter|period|week|season)\s+(?:of\s+)?last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|(?:the\s+)?previous\s+(?:year|season|month|quarter|record)|prior\s+year|year[- ]earlier|(?:a|one)\s+(?:month|quarter)\s+(?:earlier|ago)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+(?:months|years|quarters)\s+(?:earlier|ago|before)|the\s+same\s+(?:period|month|quarter)\s+(?:of|in)\s+\d{4}|old\s+record|previous\s+best|(?:whole|all|course)\s+of\s+last\s+year|(?:for|during|throughout)\s+last\s+year|last\s+year['’]s)\b`)
})

// earlierFrom matches the start of a change's earlier figure: "up from",
// "down from", "compared with", "rose to X from".
var earlierFrom = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:\b(?:up|down|increased|decreased|rose|fell|climbed|dropped|jumped|grew)\b[^,;]*\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?)\s+(?:about\s+|around\s+|some\s+|nearly\s+|just\s+)?$`)
})

// earlierPeriod reports whether the clause around text[start:end] gives
// the figure for an earlier period: the clause names one ("in November
// last year", "a year earlier"), or the figure is the "from" of a change
// ("rose to $4.1bn from $3.6bn").
func earlierPeriod(text string, start, end int) bool {
	if earlierFrom().MatchString(text[:start]) || fromAfterLike(text, start, end) {
		return true
	}
	from, to := clauseAround(text, start, end)
	clause := text[from:to]
	if marksValue(clause, start-from, end-from) {
		return true
	}
	if from == 0 {
		return false
	}
	// The clause before counts when this one attaches to it ("..., when
	// it carried 1.04 million") or it is a fronted adverbial ("Twelve
	// months ago, 12,930 people were on the list").
	// A fronted adverbial may itself carry a short clause ("In the same
	// period of 2025, when prices went wild, the average was $5,610").
	p, _ := clauseAround(text, from-1, from-1)
	prev := text[p:from]
	attached := relativeClause(clause) || strings.HasPrefix(strings.ToLower(strings.TrimLeft(clause, clauseLead)), "compared ")
	if (attached || len(strings.Fields(prev)) <= 5) && earlierMarkers().MatchString(prev) {
		return true
	}
	// Two fronted adverbials in a row: "Four years ago, in 2022, only
	// 57.9 percent voted".
	if p > 0 && len(strings.Fields(prev)) <= 4 && !relativeClause(prev) {
		if q, _ := clauseAround(text, p-1, p-1); opensSentence(text, q) {
			if front := text[q:p]; len(strings.Fields(front)) <= 5 && earlierMarkers().MatchString(front) {
				return true
			}
		}
	}
	if p == 0 || len(strings.Fields(prev)) > 6 || !relativeClause(prev) {
		return false
	}
	q, _ := clauseAround(text, p-1, p-1)
	front := text[q:p]
	return len(strings.Fields(front)) <= 6 && earlierMarkers().MatchString(front)
}

// fromAfterLike reports a figure after "from" that follows a figure of
// its own kind in the sentence: "sets the rate at 14% of revenue, from 8%
// today", "a fine of $4m, from $2.5m proposed". The "from" gives the
// change's starting point, whatever verb (or none) the change has. The
// kind is the figure's mark, a percent or a currency sign, so that "$3bn
// of imports from 12 countries" stays a count.
func fromAfterLike(text string, start, end int) bool {
	if lead := unhedgedLead(text[:start]); lead != "from" && !strings.HasSuffix(lead, " from") {
		return false
	}
	mark := figureMark(text[start:end])
	if mark == "" {
		return false
	}
	before := text[:max(strings.LastIndex(text[:start], "from"), strings.LastIndex(text[:start], "From"), 0)]
	if i := strings.LastIndexAny(before, ".!?;"); i >= 0 && i+1 < len(before) && before[i+1] == ' ' {
		before = before[i+1:]
	}
	for _, f := range figureRun().FindAllStringIndex(before, -1) {
		lo, hi := max(f[0]-4, 0), min(f[1]+9, len(before))
		if figureMark(before[lo:hi]) == mark {
			return true
		}
	}
	return false
}

// figureMark is the percent or currency mark of a figure's text, or "".
func figureMark(s string) string {
	if l := strings.ToLower(s); strings.Contains(l, "%") || strings.Contains(l, "per cent") || strings.Contains(l, "percent") {
		return "%"
	}
	for _, sign := range []string{"$", "€", "£", "¥", "₹"} {
		if strings.Contains(s, sign) {
			return sign
		}
	}
	return ""
}

// opensSentence reports whether a clause starting at q opens its
// sentence: it starts the text, or what stands before it ends one.
func opensSentence(text string, q int) bool {
	if q == 0 {
		return true
	}
	before := strings.TrimRight(text[:q-1], " ")
	return before == "" || strings.ContainsAny(before[len(before)-1:], ".!?")
}

// clauseLead is what may stand before a clause's first word.
const clauseLead = " ,;:—–-("

// relativeClause reports a clause that opens with "when" or "which".
func relativeClause(clause string) bool {
	c := strings.ToLower(strings.TrimLeft(clause, clauseLead))
	return strings.HasPrefix(c, "when ") || strings.HasPrefix(c, "which ")
}

// otherPeriod reports a figure of c at [start, end) that its clause gives
// for another period than the story's own or as an expectation: an
// earlier period's (earlierPeriod, pastYear) or analysts' (expectedFigure).
func otherPeriod(c *extract.Claim, start, end int) bool {
	return earlierPeriod(c.Text, start, end) || expectedFigure(c.Text, start, end) || targetFigure(c.Text, start, end) || pastYear(c, start, end) ||
		partialCount().MatchString(c.Text[:start]) || earlierColumn(c, start)
}

// earlierColumn reports a figure of a table row under a column labelled
// with an earlier year than another column of the row: the prior year of
// a results table ("Profit before tax; FY26: €84.6m; FY25: €97.2m").
func earlierColumn(c *extract.Claim, start int) bool {
	if c.Kind != extract.KindTableRow {
		return false
	}
	own, latest, at := 0, 0, 0
	for _, cell := range strings.Split(c.Text, "; ") {
		label, _, ok := strings.Cut(cell, ": ")
		y := 0
		if ok && len(label) <= 24 {
			y = labelYear(label)
		}
		if start >= at && start < at+len(cell) {
			own = y
		}
		latest = max(latest, y)
		at += len(cell) + len("; ")
	}
	return own > 0 && own < latest
}

// columnYear matches the years of a column label: "2025", "FY25",
// "FY2025", "2025/26", "H1 2025".
var columnYear = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:\bfy\s?'?(\d{2}(?:\d{2})?)\b|\b((?:19|20)\d{2})\b)(?:\s*[/-]\s*(\d{2}(?:\d{2})?))?`)
})

// labelYear is the latest year a column label names, or 0.
func labelYear(label string) int {
	y := 0
	for _, m := range columnYear().FindAllStringSubmatch(label, -1) {
		for _, g := range m[1:] {
			if g == "" {
				continue
			}
			n, err := strconv.Atoi(g)
			if err != nil {
				continue
			}
			if n < 100 {
				n += 2000
			}
			y = max(y, n)
		}
	}
	return y
}

// conversionGap is the text between an amount and its conversion into
// another currency: "7.5 trillion rupiah ($460 million)", "Rp7.5
// trillion over five years (approx. USD 460 million)".
var conversionGap = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^[^()]{0,40}\(\s*(?:(?:about|around|roughly|some|approximately|approx\.|nearly|almost|or|c\.|~|≈)\s*)?$`)
})

// partialCount says that the figures after it are a count in progress
// ("with 90% of ballots counted", "with 1,090 of the 1,146 tally sheets
// done", "a running tally"): an earlier state than the final figure
// other reports give.
var partialCount = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bwith\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|just\s+over\s+)?[\d.,]+\s*(?:%|per\s?cent|percent|of\s+(?:the\s+)?[\d.,]+)\s+(?:of\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:counted|done|in|processed|reported|reporting|tallied|declared|checked|recounted)\b|\brunning\s+(?:tally|count|total)\b|\bpartial\s+(?:results|count|returns|tally)\b`)
})

// expectMarkers say that the figure after them is what analysts or a
// poll expected, not what came: "analysts had expected net profit of 398
// million", "a consensus forecast of $2.1bn". Results stories set the two
// side by side; a plan's own "is expected to cost" is no marker.
var expectMarkers = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\banalysts?['’]?\s+(?:\w+\s+){0,4}?(?:expect|forecast|predict|estimat|project|pencil|poll)\w*|\baverage\s+(?:forecasts?|estimates?|expectations?)|\bconsensus\b|\bpoll(?:ed)?\s+(?:of\s+)?analysts|\b(?:forecasts?|estimates?|expectations?)\s+of\s+analysts|\bhad\s+been\s+(?:expected|forecast|predicted)|\bhad\s+(?:expected|forecast|predicted|projected)\b|\bforecasts?\s+(?:\w+\s+)?of\b`)
})

var (
	// "the standard set by the council is 80 per cent", "(the goal is
	// 80%)", "a target of 80%".
	targetBefore = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:\b(?:target|goal|standard|benchmark|objective)s?\b[^.;:]{0,60}?\b(?:is|was|are|were|of|remains|stands\s+at|set\s+at)|\b(?:supposed|required|meant|obliged|aims?|aiming|aimed)\s+to\s+\w+)\s+(?:about\s+|around\s+|some\s+|at\s+least\s+)?$`)
	})
	// "an 80% target".
	targetAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s+(?:target|goal|benchmark)\b`)
	})
)

// targetFigure reports a figure its clause gives as a target, a goal or
// a standard ("is supposed to reach 80% of its calls", "the standard is
// 80 per cent"): another fact than the figure reached.
func targetFigure(text string, start, end int) bool {
	from, _ := clauseAround(text, start, end)
	return targetBefore().MatchString(text[from:start]) || targetAfter().MatchString(text[end:])
}

// expectedFigure reports whether text[start:end] is the figure an
// expectation marker earlier in its clause introduces, with no other
// figure between them.
func expectedFigure(text string, start, end int) bool {
	from, _ := clauseAround(text, start, end)
	before := text[from:start]
	ms := expectMarkers().FindAllStringIndex(before, -1)
	if len(ms) == 0 {
		return false
	}
	return !figureRun().MatchString(before[ms[len(ms)-1][1]:])
}

// pastYear reports a figure whose clause dates it to a year at least two
// before its document's ("until its closure in 2019 cost 520 jobs", in a
// story of 2026): another period's figure. Last year's stays this
// story's (annual results are last year's), as does a year that opens a
// span to now ("since 2019", "from 2019") or that the clause sets
// beside a date of now or later.
func pastYear(c *extract.Claim, start, end int) bool {
	pub, ok := claimYear(c.Published)
	if !ok {
		return false
	}
	from, to := clauseAround(c.Text, start, end)
	// "higher than in 2022, when the census put it at 12,300": a "when"
	// clause takes the year of the clause it qualifies.
	if from > 0 && relativeClause(c.Text[from:to]) {
		from, _ = clauseAround(c.Text, from-1, from-1)
	}
	past := false
	for _, d := range c.Dates {
		if d.Start < from || d.End > to || d.Start < 0 || d.End > len(c.Text) {
			continue
		}
		y, ok := claimYear(d.Value)
		if !ok {
			continue
		}
		if y >= pub-1 {
			return false
		}
		prev := strings.Fields(strings.ToLower(c.Text[from:d.Start]))
		if n := len(prev); n > 0 && spanOpeners[prev[n-1]] {
			return false
		}
		past = true
	}
	return past
}

// spanOpeners open a span that runs to now: "since 2019".
var spanOpeners = setOf(`since from through`)

// claimYear reads the year that starts an RFC 3339 time or a date value.
func claimYear(s string) (int, bool) {
	if len(s) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s[:4])
	return y, err == nil
}

// figureRun finds the figures of a clause.
var figureRun = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d[\d,.]*`) })

// marksValue reports an earlier-period marker in clause whose nearest
// figure is the one at [start, end): "beat the previous record of 19,800"
// marks 19,800, not the crowd of 23,415 before it.
func marksValue(clause string, start, end int) bool {
	dist := func(a, b [2]int) int {
		switch {
		case a[1] <= b[0]:
			return b[0] - a[1]
		case b[1] <= a[0]:
			return a[0] - b[1]
		}
		return 0
	}
	figs := figureRun().FindAllStringIndex(clause, 20)
	for _, m := range earlierMarkers().FindAllStringIndex(clause, 4) {
		mk := [2]int{m[0], m[1]}
		d := dist(mk, [2]int{start, end})
		nearest := true
		for _, f := range figs {
			if f[1] <= start || f[0] >= end {
				if f[0] >= mk[0] && f[1] <= mk[1] {
					continue // a figure inside the marker ("12 months ago")
				}
				if dist(mk, [2]int{f[0], f[1]}) < d {
					nearest = false
					break
				}
			}
		}
		if nearest {
			return true
		}
	}
	return false
}

// clauseAround returns the bounds of the clause holding text[start:end]:
// from the last clause mark before it to the first after it.
func clauseAround(text string, start, end int) (int, int) {
	from := strings.LastIndexAny(text[:start], ",;:—–()") + 1
	to := len(text)
	if i := strings.IndexAny(text[end:], ",;:—–()"); i >= 0 {
		to = end + i
	}
	return from, to
}
