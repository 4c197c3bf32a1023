package crosscheck

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimdex/claimdex/extract"
)

// A value's topic is what the value is about: "the reconstruction fund" for
// "$45 billion", "the Miami talks" for "22 December 2025". Cross-source
// analysis compares topics as weighted bags of normalised words (lower
// case, light stemming, no stop words or numbers) taken from the value's
// surroundings: the words nearest to it in the claim, the label of a list
// item ("Reconstruction fund – $50 billion ..."), the row key and column
// header of a table row ("Core Pillar: Reconstruction fund; Primary
// Objective: $45 billion"), and the section heading. Bags, not exact
// strings, because outlets word the same thing differently.

// Context weights. Words next to the value say most about what it is;
// words across a clause boundary or beyond another value of the same kind
// belong to something else, so they count less.
const (
	wSection      = 0.4  // section heading words
	wSectionTable = 0.9  // heading of a key/value table: the table is about it
	wLabel        = 0.9  // list-item label, table row key and column header
	wOtherCell    = 0.25 // other cells of a table row
	crossValue    = 0.2  // factor for words beyond another value of the kind
	crossClause   = 0.6  // factor per clause boundary crossed
	distScale     = 4.0  // words at distance distScale weigh half
)

// topicTerm is one word of a topic with its weight.
type topicTerm struct {
	term string
	w    float64
}

// word is a token of a text: its normalised form and byte span. boundary
// is set for clause punctuation, which carries no term.
type word struct {
	norm       string
	start, end int
	boundary   bool
}

// words splits s into normalised words and clause boundaries. Numbers,
// stop words and one-letter words carry no topic and are dropped (but a
// boundary still separates).
func words(s string) []word {
	var out []word
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// Keep "river's" as one word ("flood-defence" is two).
				if (r2 == '\'' || r2 == '’') && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			if t := normWord(s[i:j]); t != "" {
				out = append(out, word{norm: t, start: i, end: j})
			}
			i = j
		case strings.ContainsRune(",;:()[]|–—", r) || (r == '-' && i > 0 && s[i-1] == ' '):
			out = append(out, word{start: i, end: i + n, boundary: true})
			i += n
		default:
			i += n
		}
	}
	return out
}

// possessives strips possessive endings and apostrophes (built once: a
// Replacer is costly to make).
var possessives = strings.NewReplacer("’s", "", "'s", "", "’", "", "'", "")

// normWord lower-cases and stems w, or returns "" for words that carry no
// topic.
func normWord(w string) string {
	w = strings.ToLower(w)
	w = possessives.Replace(w)
	if utf8.RuneCountInString(w) < 2 || stopWords[w] {
		return ""
	}
	hasLetter := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			hasLetter = true
			break
		}
	}
	if !hasLetter || valueWords[w] || dayOrClock(w) {
		return ""
	}
	if s, ok := topicSynonyms[w]; ok {
		return s
	}
	return derive(stem(w))
}

// dayOrClock reports a day written as an ordinal or a time of day
// ("the 13th", "2:30pm"): part of a date, not of what it dates.
func dayOrClock(w string) bool {
	i := strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' })
	if i <= 0 {
		return false
	}
	switch w[i:] {
	case "st", "nd", "rd", "th", "am", "pm":
		return true
	}
	return false
}

// derive folds a stem's -ation and -ate forms into one, so that
// "vaccinations", "vaccinating" and "vaccinated" share a term, as do
// "evacuation" and "evacuated" (stem gives "vaccination", "vaccinat").
func derive(w string) string {
	n := len(w)
	switch {
	case n > 7 && strings.HasSuffix(w, "ation"):
		w = w[:n-5]
	case n >= 7 && strings.HasSuffix(w, "at"):
		w = w[:n-2]
	}
	// "ratification", "ratified", "ratify": "ratific", "ratifi",
	// "ratify" become one.
	if n = len(w); n > 5 && strings.HasSuffix(w, "ific") {
		return w[:n-1]
	}
	if n > 5 && strings.HasSuffix(w, "ify") {
		return w[:n-1] + "i"
	}
	return w
}

// topicSynonyms map words outlets use interchangeably for one thing in
// news to one term: the start or the completion of an event, and the
// heads of what figures measure: a walkout that "began",
// "started" or "was launched" on a day is one fact, and so is a deal
// "completed" or "finalised" in a month.
var topicSynonyms = map[string]string{
	"began": "start", "begun": "start", "begin": "start", "begins": "start", "beginning": "start",
	"start": "start", "starts": "start", "started": "start", "starting": "start",
	"launch": "start", "launched": "start", "launches": "start", "launching": "start",
	"commence": "start", "commenced": "start", "commences": "start",
	"kick": "start", "kicks": "start", "kicked": "start", "kicking": "start", // "kick off"
	// A rule, a rate or a law "takes effect", "comes into force", "is
	// effective from" or "applies from" a day.
	"effect": "effect", "effective": "effect", "force": "effect", "applies": "effect", "apply": "effect",
	// and its completion.
	"complete": "complete", "completed": "complete", "completes": "complete", "completing": "complete",
	"completion": "complete", "finalise": "complete", "finalised": "complete", "finalize": "complete",
	"finalized": "complete", "conclude": "complete", "concluded": "complete", "conclusion": "complete",
	// Casualty counts are worded every way: "killed 41 people", "41
	// deaths", "the death toll rose to 41", "41 fatalities", "41 dead".
	"kill": "kill", "killed": "kill", "killing": "kill", "kills": "kill", "died": "kill", "die": "kill",
	"dead": "kill", "death": "kill", "deaths": "kill", "fatalities": "kill", "fatality": "kill",
	"fatal": "kill", "toll": "kill", "lives": "kill", "deceased": "kill", "bereaved": "kill",
	"injured": "injur", "injuries": "injur", "injury": "injur", "injuring": "injur", "wounded": "injur",
	"hurt": "injur", "injure": "injur",
	// Heads of what a figure measures that outlets use for one
	// another: a fine or penalty; damage or losses; job cuts or
	// layoffs; capacity or output; revenue, sales or turnover;
	// attendance or crowd; pay, wages or salaries.
	"fine": "fine", "fined": "fine", "fines": "fine", "penalty": "fine", "penalties": "fine", "penalised": "fine", "penalized": "fine",
	"damage": "damag", "damages": "damag", "damaged": "damag", "loss": "damag", "losses": "damag",
	"layoffs": "layoff", "layoff": "layoff", "redundancies": "layoff", "redundancy": "layoff",
	"capacity": "capacity", "output": "capacity",
	"revenue": "revenu", "revenues": "revenu", "sales": "revenu", "turnover": "revenu",
	"attendance": "crowd", "crowd": "crowd", "spectators": "crowd", "fans": "crowd",
	"pay": "wage", "wage": "wage", "wages": "wage", "salary": "wage", "salaries": "wage",
	// What a deal is worth is its value: "a contract worth $1.7bn",
	// "deal value: $1.55bn", "valued at".
	"worth": "valu", "value": "valu", "values": "valu", "valued": "valu", "valuation": "valu", "valuing": "valu",
	// A vessel is a ship, and who was "aboard" it was "on board".
	"vessel": "ship", "vessels": "ship", "ship": "ship", "ships": "ship",
	"aboard": "board", "onboard": "board",
	// A deal is a transaction, an acquisition, a takeover or a merger,
	// and it closes when it completes.
	"deal": "deal", "deals": "deal", "transaction": "deal", "transactions": "deal",
	"acquisition": "deal", "acquisitions": "deal", "takeover": "deal", "takeovers": "deal",
	"merger": "deal", "mergers": "deal", "buyout": "deal", "buyouts": "deal",
	"close": "complete", "closes": "complete", "closing": "complete",
	// Jobs, positions and posts; employees, staff and the workforce
	// ("workers" stays a word of its own: "dockworkers" are workers).
	"jobs": "job", "job": "job", "positions": "job", "posts": "job", "roles": "job",
	"employees": "employ", "employee": "employ", "staff": "employ",
	"workforce": "employ", "employs": "employ", "employ": "employ", "employing": "employ",
	// What a project costs, the investment in it and the spending on it
	// are one figure: "cost 540 million dollars to build", "total
	// investment: USD 610 million", "will spend 24.5 billion shillings".
	"cost": "cost", "costs": "cost", "costing": "cost", "costed": "cost",
	"sentence": "sentenc", "sentenced": "sentenc", "sentences": "sentenc", "jailed": "sentenc",
	"imprisonment": "sentenc", "imprisoned": "sentenc", "prison": "sentenc", "jail": "sentenc",
	"arrested": "arrest", "arrest": "arrest", "arrests": "arrest", "detained": "arrest", "detention": "arrest",
	"investment": "cost", "investments": "cost", "invest": "cost", "invested": "cost",
	"investing": "cost", "funding": "invest", "financing": "invest",
	"profit": "profit", "profits": "profit", "earnings": "profit",
	// "It earned $97.6 million": a firm's earnings are its profit.
	"earned": "profit", "earns": "profit",
	"opening": "open", "opened": "open", "opens": "open", "open": "open", "inaugurated": "open", "inauguration": "open",
	"homes": "home", "home": "home", "houses": "home", "dwellings": "home",
	"spending": "cost", "spend": "cost", "spent": "cost", "expenditure": "cost", "outlay": "cost",
	"admitted": "admit", "admissions": "admit", "admission": "admit", "hospitalised": "admit",
	"hospitalized": "admit", "hospitalisations": "admit", "hospitalizations": "admit",
	"weigh": "weigh", "weighs": "weigh", "weighed": "weigh", "weighing": "weigh", "weight": "weigh",
	"cancelled": "cancel", "canceled": "cancel", "cancellation": "cancel", "scrapped": "cancel",
	"delayed": "delay", "delay": "delay", "postponed": "delay", "postponement": "delay",
	"resigned": "resign", "resignation": "resign", "resign": "resign", "quit": "resign",
	"payout": "payout", "payouts": "payout", "compensation": "payout", "settlement": "payout",
	// "ex gratia" is compensation paid as a favour, to a victim's "next
	// of kin", "relatives" or family.
	"gratia": "payout", "kin": "family", "relatives": "family",
	"subsidy": "subsidy", "subsidies": "subsidy", "grant": "subsidy", "grants": "subsidy",
	"tariff": "tariff", "tariffs": "tariff", "duty": "tariff", "duties": "tariff",
	"passengers": "passenger", "passenger": "passenger", "travellers": "passenger", "travelers": "passenger", "riders": "passenger",
	"vehicles": "vehicl", "vehicle": "vehicl", "cars": "vehicl", "evs": "vehicl", "suvs": "vehicl",
	// A vote's tally counts votes, cast by deputies, lawmakers, MPs,
	// senators or councillors.
	"votes": "vote", "vote": "vote",
	"aircraft": "aircraft", "jets": "aircraft", "planes": "aircraft", "airliners": "aircraft", "airplanes": "aircraft",
	// Clipped words and the words they clip name one thing: "1,200
	// bicycles" and "1,050 bikes", "exams" and "examinations".
	"bike": "bike", "bikes": "bike", "bicycle": "bike", "bicycles": "bike",
	"exam": "exam", "exams": "exam", "examination": "exam", "examinations": "exam",
	"lab": "lab", "labs": "lab", "laboratory": "lab", "laboratories": "lab",
	"photo": "photo", "photos": "photo", "photograph": "photo", "photographs": "photo",
	"advert": "advert", "adverts": "advert", "advertisement": "advert", "advertisements": "advert",
	"phone": "phone", "phones": "phone", "telephone": "phone", "telephones": "phone",
	"flu": "flu", "influenza": "flu",
	// "cleanup" is written "clean-up" and "cleaning" as often.
	"cleanup": "clean", "cleanups": "clean",
	// A fire is a blaze or a wildfire, and it breaks out when it starts.
	"blaze": "fire", "blazes": "fire", "wildfire": "fire", "wildfires": "fire", "inferno": "fire",
	"fire": "fire", "fires": "fire", "broke": "start", "erupted": "start",
	// A ship, a plane or a plant is "delivered", "handed over", its
	// "delivery" due in a year.
	"deliver": "deliver", "delivers": "deliver", "delivered": "deliver", "delivering": "deliver",
	"delivery": "deliver", "deliveries": "deliver", "handover": "deliver", "handovers": "deliver",
	// When something was found out: "detected on August 3", "first
	// noticed on July 27", "spotted early on Aug. 3", "discovered".
	"detect": "detect", "detects": "detect", "detected": "detect", "detection": "detect",
	"noticed": "detect", "spotted": "detect", "discovered": "detect", "discovery": "detect",
	"uncovered": "detect", "identified": "detect",
}

// stem is a light English stemmer: plurals, then the commonest verb
// endings, then a final e, enough for "funds"/"fund",
// "signed"/"signing"/"sign", "warnings"/"warned", "received"/"receive".
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = undouble(w[:n-2])
	}
	if n = len(w); n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

// undouble drops the doubled consonant of "planned" -> "plann" -> "plan".
func undouble(w string) string {
	n := len(w)
	if n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// stopWords are function words and reporting words: they say nothing
// about what a value is.
var stopWords = setOf(`a an the and or but nor of in on at to for from by with without into onto over under
about above after before between during since until up down out off than then there here this that these those
is are was were be been being am has have had having do does did will would shall should can could may might must
it its it's he she they them their his her him we our us you your i me my who whom whose which what when where why how
not no so as if also just only very more most less least much many some any each every all both either neither such
said says say told tells according added further while whereas per via its own other another same
mr mrs ms dr new end around nearly almost approximately roughly some over up due put each one two three four five six seven eight nine ten first second third`)

// valueWords are the words of values themselves ("billion", "euros"):
// excluded so that the wording of the value does not make two contexts
// look alike.
var valueWords = setOf(`million billion trillion thousand hundred mn bn m k bln mln tn
euro euros dollar dollars pound pounds sterling yen yuan franc francs rupee rupees usd eur gbp cent cents percent
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
year years month months week weeks day days quarter`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// span is a byte range of a claim's text holding a value.
type span struct{ start, end int }

// mentionTopic returns the topic terms of the value at v in claim c;
// others are the spans of the claim's other values of the same kind.
func mentionTopic(c *extract.Claim, v span, others []span) []topicTerm {
	acc := map[string]float64{}
	add := func(t string, w float64) {
		if w > acc[t] {
			acc[t] = w
		}
	}
	keyTable := false
	if c.Kind == extract.KindTableRow {
		keyTable = rowTopic(c.Text, v, others, add)
	} else {
		nearTopic(c.Text, v, others, add)
		if lbl, ok := itemLabel(c.Text, v); ok {
			for _, w := range words(lbl) {
				if !w.boundary {
					add(w.norm, wLabel)
				}
			}
		}
	}
	ws := wSection
	if keyTable {
		ws = wSectionTable
	}
	for _, w := range words(stripNumbering(c.Section)) {
		if !w.boundary {
			add(w.norm, ws)
		}
	}
	out := make([]topicTerm, 0, len(acc))
	for t, w := range acc {
		out = append(out, topicTerm{t, w})
	}
	slices.SortFunc(out, func(a, b topicTerm) int { return strings.Compare(a.term, b.term) })
	return out
}

// nearTopic weighs the words of text by their distance to the value: in
// words, with a discount per clause boundary and a strong one beyond
// another value of the same kind.
func nearTopic(text string, v span, others []span, add func(string, float64)) {
	ws := words(text)
	// Index of the first word at or after the value, and value position.
	pos := 0
	for pos < len(ws) && ws[pos].start < v.start {
		pos++
	}
	attrib := attribution(text, v)
	aside := asides(text, ws, v)
	walk := func(from, step int) {
		dist, bounds := 0, 0
		beyond := false
		asideDist, asideBounds := 0, 0
		for i := from; i >= 0 && i < len(ws); i += step {
			w := ws[i]
			if w.start >= v.start && w.end <= v.end {
				continue // the value's own words
			}
			if w.start >= attrib.start && w.end <= attrib.end {
				continue // who says it, not what it is about
			}
			for _, o := range others {
				if (step > 0 && w.start >= o.start && v.end <= o.start) || (step < 0 && w.end <= o.end && o.end <= v.start) {
					beyond = true
				}
			}
			// An aside weighs as far off as it stands but does not
			// push the rest of its sentence away: "By 2029 the plant,
			// which has shaped the town for decades, is to close".
			inAside := aside[i]
			if !inAside {
				asideDist, asideBounds = 0, 0
			}
			switch {
			case w.boundary && inAside:
				asideBounds++
				continue
			case w.boundary:
				bounds++
				continue
			case inAside:
				asideDist++
			default:
				dist++
			}
			wt := distScale / (distScale + float64(dist+asideDist-1))
			wt *= math.Pow(crossClause, float64(bounds+asideBounds))
			if beyond {
				wt *= crossValue
			}
			add(w.norm, wt)
		}
	}
	walk(pos, 1)
	walk(pos-1, -1)
	// "the company's estimate of the cost of the strike, including
	// refunds, rebooking and hotels, was €5.4 million": a list set off
	// between the subject and its copula keeps the subject's words from
	// the value. Weigh them as if the list were not there.
	if pos >= 2 && ws[pos-1].boundary && copulas[strings.ToLower(strings.TrimSpace(text[ws[pos-1].end:v.start]))] {
		first := slices.IndexFunc(ws[:pos-1], func(w word) bool { return w.boundary })
		if first > 0 && first < pos-1 {
			dist := 0
			for i := first - 1; i >= 0; i-- {
				w := ws[i]
				if w.boundary || w.start >= attrib.start && w.end <= attrib.end {
					continue
				}
				dist++
				add(w.norm, distScale/(distScale+float64(dist)))
			}
		}
	}
}

// asides marks the words of the non-restrictive relative clauses of ws
// (", which has shaped the town for decades,"), with their commas, that
// do not hold the value at v and that the sentence goes on after.
func asides(text string, ws []word, v span) map[int]bool {
	var out map[int]bool
	for i := 0; i < len(ws); i++ {
		if !ws[i].boundary || text[ws[i].start] != ',' {
			continue
		}
		rest := strings.ToLower(strings.TrimLeft(text[ws[i].end:], " "))
		if !strings.HasPrefix(rest, "which ") && !strings.HasPrefix(rest, "who ") && !strings.HasPrefix(rest, "whose ") {
			continue
		}
		j := i + 1
		for j < len(ws) && !ws[j].boundary {
			j++
		}
		if j+1 >= len(ws) || text[ws[j].start] != ',' || ws[j+1].boundary {
			continue
		}
		if ws[i].start <= v.start && v.end <= ws[j].end {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for k := i; k <= j; k++ {
			out[k] = true
		}
		i = j
	}
	return out
}

// copulas link a subject to the figure it comes to.
var copulas = map[string]bool{"was": true, "is": true, "were": true, "are": true, "totalled": true, "totaled": true,
	"reached": true, "came to": true, "stood at": true, "amounted to": true, "comes to": true, "will be": true}

// reportingTail is a sentence's closing attribution: ", the agency
// said", ", officials told reporters on Tuesday".
var reportingTail = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i),\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[\pL'’.-]+\s+){0,4}(?:told\s+\pL+|` + speechVerbs + `)\b[^,;]*?[.!?]?\s*$`)
})

// attribution returns the span of the clause that attributes the
// sentence (its closing ", the agency said"), or an empty span; never one
// holding the value.
func attribution(text string, v span) span {
	loc := reportingTail().FindStringIndex(text)
	if loc == nil || (loc[0] <= v.start && v.end <= loc[1]) || loc[0] < v.end {
		return span{-1, -1}
	}
	return span{loc[0], loc[1]}
}

// itemLabel returns the label of a list item or labelled sentence: the
// few words before its first dash or colon ("Reconstruction fund – $50
// billion ..."), when the value comes after it.
func itemLabel(text string, v span) (string, bool) {
	cut := -1
	for _, sep := range []string{" – ", " — ", " - ", ": "} {
		if i := strings.Index(text, sep); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 || cut >= v.start {
		return "", false
	}
	lbl := text[:cut]
	if len(strings.Fields(lbl)) > 6 {
		return "", false
	}
	return lbl, true
}

// rowTopic reads a table row in the "Header: cell; Header: cell" form the
// extractor gives it. The value's column header and the row's key (its
// first cell, when that is not the value's own cell) name the topic; the
// other cells count a little. It reports whether the row is a key/value
// pair ("Date: 22 December 2025"), whose topic is the table's heading.
func rowTopic(text string, v span, others []span, add func(string, float64)) bool {
	type cell struct {
		head, body     string
		start, end     int // of the whole cell in text
		bodyStart      int
		hasValue, hasO bool
	}
	var cells []cell
	start := 0
	for start <= len(text) {
		end := strings.Index(text[start:], "; ")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		c := cell{start: start, end: end, body: text[start:end], bodyStart: start}
		if i := strings.Index(c.body, ": "); i >= 0 {
			c.head, c.body, c.bodyStart = c.body[:i], c.body[i+2:], start+i+2
		}
		c.hasValue = v.start >= start && v.end <= end
		for _, o := range others {
			if o.start >= start && o.end <= end {
				c.hasO = true
			}
		}
		cells = append(cells, c)
		if end == len(text) {
			break
		}
		start = end + 2
	}
	own := -1
	for i, c := range cells {
		if c.hasValue {
			own = i
			break
		}
	}
	if own < 0 {
		nearTopic(text, v, others, add)
		return false
	}
	addText := func(s string, w float64) {
		for _, t := range words(stripNumbering(s)) {
			if !t.boundary {
				add(t.norm, w)
			}
		}
	}
	addText(cells[own].head, wLabel)
	// The words of the value's own cell around the value.
	nearTopic(cells[own].body, span{v.start - cells[own].bodyStart, v.end - cells[own].bodyStart}, nil, add)
	key := -1
	for i, c := range cells {
		if i != own && !c.hasValue && strings.TrimSpace(stripNumbering(c.body)) != "" {
			key = i
			break
		}
	}
	for i, c := range cells {
		if i == own {
			continue
		}
		w := wOtherCell
		if i == key && key < own {
			w = wLabel
		}
		if c.hasO {
			w *= crossValue
		}
		addText(c.head, w*0.5)
		addText(c.body, w)
	}
	return len(cells) == 1
}

// stripNumbering drops a leading list or table number ("1. ", "8.").
func stripNumbering(s string) string {
	t := strings.TrimLeft(s, "0123456789")
	if len(t) < len(s) {
		t = strings.TrimLeft(t, ".) ")
		return t
	}
	return s
}

// topicVec is a topic weighted by inverse document frequency and scaled to
// unit length, for cosine similarity.
type topicVec struct {
	terms []int32 // sorted term ids
	w     []float32
}

// cosine is the dot product of two unit vectors.
func cosine(a, b topicVec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			s += float64(a.w[i]) * float64(b.w[j])
			i++
			j++
		}
	}
	return s
}
