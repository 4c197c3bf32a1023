package extract

import (
	"strings"
	"unicode/utf8"
)

// Word lists for the span rules. Keys are lower case.
var (
	// nerOrgSuffix ends organisation names: "Northern River Commission".
	nerOrgSuffix = nerSet(`commission ministry council bank fund department agency committee
		inc inc. corp corp. ltd ltd. group university party organisation organization institute
		association federation union league authority board office court foundation company
		corporation co co. cos cos. plc llc ag gmbh holdings airlines airways motors bureau service
		services police army navy command club fc assembly parliament senate congress cabinet
		government administration coalition alliance movement front brigade network news times
		post journal press television radio media exchange systems technologies energy capital
		partners securities insurance trust school college academy hospital centre center
		institution secretariat tribunal directorate guard united rovers wanderers athletic
		industries enterprises bancorp airline society forum commissariat chamber reserve
		herald gazette tribune chronicle electric electronics motor foods chemical chemicals
		steel petroleum pharmaceuticals mining mills stores brothers bros communications telecom
		entertainment pictures studios records publishing financial investments ventures
		resources logistics shipping dynamics instruments aerospace semiconductor software
		laboratories labs brands manufacturing railways railroad utilities`)
	// nerOrgHead words make a multi-word span an organisation wherever they
	// stand ("Ministry of Foreign Affairs", "University of Lagos").
	nerOrgHead = nerSet(`ministry department university bank commission council committee agency
		office institute organisation organization federation association union league court
		board authority academy school college foundation fund party bureau chamber museum
		church society secretariat centre center coalition alliance movement front army
		corporation company`)
	// nerGeoHead words take "of" into a place name ("Gulf of Aden").
	nerGeoHead = nerSet(`republic kingdom gulf bay sea isle islands strait cape lake city state
		province region mount duchy principality emirate commonwealth district straits`)
	nerLocSuffix = nerSet(`river sea ocean mountains mountain hills valley lake bay gulf island
		islands peninsula desert coast strait canal plateau basin forest glacier`)
	nerGPESuffix = nerSet(`province region oblast county district city town village territory
		krai prefecture governorate municipality`)
	// nerLocPrefix words open place names, in English and in the
	// languages whose place names news keeps untranslated ("Isla
	// Santelmo", "Cerro Azul", "Pulau Tekong").
	nerLocPrefix = nerSet(`lake mount cape mt. mt port fort ile île isola ilha pulau puerto porto
		río lago cerro playa praia bahia bahía punta cabo valle volcán volcan gunung tanjung`)
	// nerLocPrefixNamed open place names and given names alike ("Isla
	// Santelmo", "Isla Fisher"): a place after a locative preposition.
	nerLocPrefixNamed = nerSet(`isla isle rio sierra monte`)
	nerLocPreps       = nerSet(`on in at to from near off onto across around`)
	nerGPEPrefix      = nerSet(`san santa los las new north south east west st. st saint sao`)
	// nerParticles join parts of personal and place names.
	nerParticles = nerSet(`de van von der den da del della di du dos das bin ibn al el la le ter`)
	// nerSayVerbs after a name mark a person.
	nerSayVerbs = nerSet(`said says told added wrote argued stressed warned noted insisted
		explained replied asked claimed denied believes thinks scored won beat finished retired
		lost played signed joined resigned died who himself herself tweeted posted admitted
		acknowledged urged announced`)
	// nerNever are capitalised words that are never names on their own.
	nerNever = nerSet(`monday tuesday wednesday thursday friday saturday sunday january
		february march april may june july august september october november december jan feb
		mar apr jun jul aug sep sept oct nov dec jan. feb. aug. sept. oct. nov. dec. mon tue tues
		wed thu thur thurs fri sat mr mrs ms dr christmas easter ramadan internet`)
	// nerUnits are abbreviated units of measure, capitalised in recipes,
	// tables and headings ("2 Tbsp", "Km 12"): never names.
	nerUnits = nerSet(`tbsp tbs tsp oz lb lbs km kms mph kph kmh cm mm kg kgs ml ft yd
		yds qt gal hr hrs mins secs kwh mwh gwh kw mw gw ghz mhz gb mb tb kb mbps gbps`)
	// nerPlacePreps before a name mark a place.
	nerPlacePreps = nerSet(`in at near outside across throughout into towards toward around
		inside`)
	// nerStopAcronyms are all-caps words that name nothing.
	nerStopAcronyms = nerSet(`ceo cfo coo cto gdp tv ai ok pm am utc gmt est pst edt usd eur
		gbp id pdf faq pr hq dna hiv aids covid covid-19 sars vat cpi ppp rss url html api nb
		ps bc ad et tba asap fyi ii iii iv vi vii viii ix xi xii rpg q1 q2 q3 q4 mw gw kw km
		mph ipo etf esg lng r&d m&a ceasefire update breaking exclusive live video watch new
		faq qa q&a vip nba nfl 3d 3g 4g 5g 4k 8k hd uhd hdr 720p 1080p suv usb usb-c pc led lcd
		gps yes no no. not never none it hr ict icu ev evs co2`)
	// nerPersonEndings are surname endings common across languages.
	nerPersonEndings = []string{"ov", "ova", "ev", "eva", "sky", "ski", "ska", "vic", "vić",
		"ić", "enko", "chuk", "yan", "uk", "escu", "opoulos", "akis", "idis", "ez", "sson",
		"sen", "stein", "mann", "witz", "shvili", "adze", "oglu", "ović", "ovic"}
	// nerPlaceEndings are place-name endings.
	nerPlaceEndings = []string{"stan", "burg", "bourg", "grad", "ville", "pur", "abad",
		"polis", "shire"}
	// nerEnglishGiven are given names that are also English words, which a
	// lower-case token must not be taken for.
	nerEnglishGiven = nerSet(`will mark bill grace rose guy frank jack pat rob sue dean hope
		joy faith glen lance grant chuck drew miles chase max don ray earl jay gene lee kay ken
		wade bob penny chad jordan ruby amber iris victoria carol eve june august summer may
		sam tim tom dan al ali ben jean jan kim moon art april autumn angel christian
		justice major king prince rich sky sterling stone wolf young fox xi dale gary irene`)
)

func nerSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func nerHasEnding(w string, ends []string) bool {
	for _, e := range ends {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// isCandidate reports whether token p can be part of a name: a capitalised
// word, or an acronym.
func (d *nerDoc) isCandidate(ti, p int) bool {
	t := d.toks[ti][p]
	if p > 0 && d.toks[ti][p-1].end == t.start {
		switch d.word(ti, p-1) {
		case "#", "@":
			return false // hashtags and handles
		}
	}
	if !t.word || !t.letter || !(t.cap || t.allCaps) || t.contracted {
		return false
	}
	if p+1 < len(d.toks[ti]) && d.toks[ti][p+1].start == t.end && t.allCaps && t.end-t.start <= 3 {
		switch d.word(ti, p+1) {
		case "$", "¥", "£", "€":
			return false // a currency prefix: "US$450", "HK$", "NZ$", "RMB¥"
		}
	}
	if p+1 < len(d.toks[ti]) && t.allCaps && t.end-t.start <= 3 {
		// d.word, not d.lowerKey: callers hold the key buffer
		if w := d.word(ti, p+1); strings.EqualFold(w, "dollar") || strings.EqualFold(w, "dollars") {
			return false // "160 US dollars": part of the currency's name
		}
	}
	if t.nonLatin {
		// The capitalisation rules are tuned to English: a word in
		// another script is a name only when a list knows it.
		_, known := d.lx.names[d.lowerKey(d.word(ti, p))]
		return known
	}
	return true
}

// scanNormal reads one ordinary line.
func (d *nerDoc) scanNormal(ti, lo, hi int) {
	toks := d.toks[ti]
	for i := lo; i < hi; {
		t := toks[i]
		if n := d.partyLetter(ti, i, hi); n > 0 {
			i += n // "(D., Mass.)", "(R-Mo.)": a party, then a state
			continue
		}
		if !d.isCandidate(ti, i) {
			if t.word && t.lower {
				// "chief executive rodrigo saavedra said": a name
				// damaged to lower case after a lower-case title. Two
				// words at least, as a title is often followed by a
				// word no list knows.
				if m := d.titleAt(ti, i, hi); m > 0 && i+m < hi {
					// "president comrade babatunde ajala", "the heritage
					// alderman, wouter van damme, who": an honorific
					// after the title, or the name in apposition.
					n, appos := i+m, false
					if d.word(ti, n) == "," && n+1 < hi {
						n, appos = n+1, true
					}
					if w := d.lowerKey(d.word(ti, n)); n+1 < hi && toks[n].lower && (nerHonorifics[w] || moreHonorifics[w]) {
						n++
					}
					if n < hi && toks[n].lower {
						if e := d.lowerNameAfter(ti, n, hi, true); e >= n+2 && (!appos || e == hi || d.word(ti, e) == "," || d.word(ti, e) == "who") {
							d.add(ti, n, e, Person, "", nerGuess)
							i = e
							continue
						}
					}
				}
			}
			if t.word && t.lower && i+1 < hi && d.isCandidate(ti, i+1) && !toks[i+1].allCaps &&
				d.lowerGivenName(ti, i) {
				// "antony Blinken": a damaged given name before a surname
				j := d.extend(ti, i+1, hi)
				d.classify(ti, i, j, hi, true)
				i = j
				continue
			}
			i++
			continue
		}
		j := d.extend(ti, i, hi)
		d.classify(ti, i, j, hi, false)
		i = j
	}
}

// partyLetter returns how many tokens of a party initial start at p, or 0:
// US papers give a legislator's party and state in parentheses after the
// name, "(D., Mass.)" or "(R-Mo.)". The letter names a party, no
// organisation of the story; the state after it is read as usual.
func (d *nerDoc) partyLetter(ti, p, hi int) int {
	if p == 0 || p+1 >= hi || d.word(ti, p-1) != "(" {
		return 0
	}
	w := d.word(ti, p)
	if len(w) < 2 || !strings.ContainsRune("DRI", rune(w[0])) {
		return 0
	}
	switch {
	case w[1] == '.' && len(w) == 2 && d.word(ti, p+1) == ",":
		return 1 // "(D., Mass.)"
	case w[1] == '-' && len(w) > 2 && w[2] >= 'A' && w[2] <= 'Z':
		return 1 // "(R-Mo.)", "(D-N.H.)": party and state in one token
	}
	return 0
}

// lowerGivenName reports whether lower-case token p is a given name that no
// English reader would take for a word.
func (d *nerDoc) lowerGivenName(ti, p int) bool {
	w := d.lowerKey(d.word(ti, p))
	return len(w) >= 4 && d.lx.firstNames[w] && !d.lx.isCommon(w) && !nerEnglishGiven[w]
}

// extend returns the end of the capitalised sequence starting at i: further
// capitalised words, name particles, and "of" after an organisation or
// place head ("Ministry of Foreign Affairs"); gazetteer names may carry it
// further ("Bosnia and Herzegovina").
func (d *nerDoc) extend(ti, i, hi int) int {
	toks := d.toks[ti]
	j := i + 1
	if m, _ := d.gazAt(ti, i, hi); i+m > j {
		j = i + m
	}
	for j < hi && !toks[j].nl {
		if d.isCandidate(ti, j) && !toks[j].sentAfterPunct(toks, j) {
			if m, _ := d.gazAt(ti, j, hi); m > 1 {
				j += m
			} else {
				j++
			}
			continue
		}
		t := toks[j]
		if !t.word && j+1 < hi && !toks[j+1].nl && d.word(ti, j) == "&" && d.isCandidate(ti, j+1) {
			j++ // "Procter & Gamble", "Sachs & Co.": one firm
			continue
		}
		if k := d.possessiveSuffix(ti, j, hi); k > j {
			j = k // "Standard & Poor's Corp.", "McDonald's Corp.": one firm
			continue
		}
		if k := d.commaFirm(ti, i, j, hi); k > j {
			return k // "Goldman, Sachs & Co.", "Mayer, Brown & Platt": one firm
		}
		if !t.word || !t.lower || j+1 >= hi || toks[j+1].nl {
			break
		}
		w := d.lowerKey(d.word(ti, j))
		next := j + 1
		if w == "of" && next+1 < hi && d.lowerKey(d.word(ti, next)) == "the" {
			next++
		}
		if !d.isCandidate(ti, next) || toks[next].nl {
			break
		}
		if w == "and" && d.andJoinsOrg(ti, i, j, hi) {
			j = next // "Securities and Exchange Commission"
			continue
		}
		head := d.lowerKey(d.word(ti, j-1))
		switch {
		case nerParticles[w]:
		case (w == "of" || w == "for" || w == "on") && (nerOrgHead[head] || nerGeoHead[head]),
			(w == "of" || w == "for") && nerTitleHeads[head]: // "Minister of Defence"
		default:
			return j
		}
		j = next
	}
	return j
}

// possessiveSuffix returns the index after a possessive "'s" at p that a
// corporate suffix follows ("Poor's Corp.", "McDonald's Inc."), or p:
// the firm's name holds the possessive.
func (d *nerDoc) possessiveSuffix(ti, p, hi int) int {
	toks := d.toks[ti]
	q := p
	switch w := d.word(ti, q); {
	case w == "'s" || w == "’s":
		q++
	case (w == "'" || w == "’") && q+1 < hi && d.word(ti, q+1) == "s":
		q += 2
	default:
		return p
	}
	if q >= hi || toks[q].nl || !nerCorporate[d.lowerKey(d.word(ti, q))] {
		return p
	}
	return q + 1
}

// sentAfterPunct is true for a token that starts a sentence after
// punctuation on the same line: a name does not run across it.
func (t nerTok) sentAfterPunct(toks []nerTok, j int) bool {
	return t.sent && j > 0 && !toks[j-1].word
}

// classify types the capitalised sequence [a, b) and records its mentions.
// cue says a person is expected (a title or given name came before).
func (d *nerDoc) classify(ti, a, b, hi int, cue bool) {
	toks := d.toks[ti]
	// A capitalised common word opening a sentence is not a name ("The",
	// "Officials"), unless a gazetteer name starts with it ("The Hague").
	if !cue && a < b {
		if m, e := d.gazAt(ti, a, hi); m == 0 || (m == 1 && e.typ != NORP && d.lx.isCommon(d.lowerKey(d.word(ti, a))) && toks[a].sent) {
			w := d.lowerKey(d.word(ti, a))
			switch {
			case d.titleAt(ti, a, b) > 0 || d.lx.firstNames[w] || d.orgOpens(ti, a, b):
			case nerNeverWord(w) || nerUnits[w] || d.determiner(ti, a, b) || d.modifierBeforeName(ti, a, b) ||
				toks[a].sent && !toks[a].allCaps && d.commonWord(ti, a) ||
				d.plainBeforeName(ti, a, b, hi):
				a++
			}
		}
	}
	if a > 0 && !cue && toks[a-1].word && toks[a-1].lower && d.titleAt(ti, a-1, a) == 1 {
		cue = true // "spokesman Dmitry Peskov"
	}
	if b-a >= 3 && !cue {
		// "Scottish & Newcastle", "Texas & Pacific": a firm whatever
		// its parts name, unless the whole is a listed name
		for k := a + 1; k < b-1; k++ {
			if d.word(ti, k) == "&" {
				if m, _ := d.gazAt(ti, a, b); m != b-a {
					d.add(ti, a, b, Org, "", nerSure)
					return
				}
				break
			}
		}
	}
	for p := a; p < b; {
		m, e := d.gazAt(ti, p, b)
		if m == b-p {
			if e.city && d.scoreAfter(ti, b, hi) {
				d.add(ti, p, b, Org, "", nerGuess) // "Barcelona 2 Valencia 1": teams
				return
			}
			d.addGaz(ti, p, b, e)
			return
		}
		if b-p >= 2 && d.titleAt(ti, p, b) == 0 {
			// "World Bank President Ajay Banga": a title inside the
			// span ends the organisation before it
			if k := d.orgBeforeTitle(ti, p, b, m, e); k > p {
				p = k
				continue
			}
		}
		if k := d.personInside(ti, p, b); k > p {
			// "Army General Claudia Kennedy", "Republican Marshall
			// Coleman": a body's or a party's words, then a person; a
			// title or a role noun before the name is no part of either
			e := k
			for q := p; q < k; q++ {
				if d.titleAt(ti, q, k) == k-q {
					e = q
					break
				}
			}
			if w := d.lowerKey(d.word(ti, p)); e-p > 1 || e-p == 1 && (!d.lx.isCommon(w) || nerOrgHead[w] || nerOrgSuffix[w]) {
				d.classify(ti, p, e, e, false)
			}
			d.add(ti, k, b, Person, "", nerSure)
			return
		}
		if b-p >= 2 && d.titleAt(ti, p, b) == 0 && d.orgLike(ti, p, b) {
			d.add(ti, p, b, Org, "", nerSure)
			d.acronymAfter(ti, p, b)
			return
		}
		if m > 0 {
			if cue && p > 0 && toks[p-1].cap && m < b-p && b-p <= 3 && d.placeGivenName(ti, p, p+m, b) {
				// "Governor Rosario Villacorta", "Mayor London Breed":
				// after a person's title written as one, a place
				// opening a short name is a given name ("the official
				// China Daily" is no title).
				d.add(ti, p, b, Person, "", nerGuess)
				return
			}
			if typ := d.placeNamed(ti, p+m, b); typ != "" {
				d.add(ti, p, b, typ, "", nerGuess) // "Dallas Cowboys", "Melbourne Cricket Ground"
				return
			}
			if typ := d.placeOpensName(ti, p, p+m, b, e); typ != "" {
				d.add(ti, p, b, typ, "", nerGuess) // "Kentucky Fried Chicken", "European Community"
				return
			}
			d.addGaz(ti, p, p+m, e)
			p += m
			continue
		}
		if tm := d.titleAt(ti, p, b); tm > 0 {
			if last := d.lowerKey(d.word(ti, b-1)); p+tm == b-1 && nerOrgSuffix[last] || p+tm < b-1 && nerCorporate[last] {
				// "General Electric", "General Motors": a title word
				// opening a firm's name
				d.add(ti, p, b, Org, "", nerSure)
				return
			}
			p += tm
			cue = true
			if p < b && d.toks[ti][p].lower {
				// "Envoy for Ukraine": the place a title serves is
				// no part of a name
				p++
				cue = false
				continue
			}
			if p == b {
				// "Environment Minister lena aufhauser": a name damaged
				// to lower case after its title
				if e := d.lowerNameAfter(ti, b, hi, false); e > b {
					d.add(ti, b, e, Person, "", nerSure)
				}
			}
			continue
		}
		d.unknown(ti, p, b, hi, cue)
		return
	}
}

// personInside returns where a full personal name ending the span [p, b)
// starts after other capitalised words, or p: a listed given name after
// the first word, then one or two words that are neither ordinary words
// nor an organisation's ("Army General Claudia Kennedy"), with the span
// ending there ("Walt Disney Co.", "Brigham Young University" start with
// their given name, and "Harvard Kennedy School" ends as a body).
func (d *nerDoc) personInside(ti, p, b int) int {
	toks := d.toks[ti]
	for k := p + 1; k+1 < b && k+3 >= b; k++ {
		w := d.lowerKey(d.word(ti, k))
		if !d.lx.firstNames[w] || nerEnglishGiven[w] || !toks[k].cap || toks[k].allCaps {
			continue
		}
		for q := p; q < k; {
			// the words before are a body's, a party's or a title's
			// ("Army General", "Republican"), never an initial or the
			// start of a longer name ("J. Francis", "San Francisco")
			v := d.lowerKey(d.word(ti, q))
			if m, _ := d.gazAt(ti, q, b); m > 0 {
				if q+m > k {
					return p
				}
				q += m
				continue
			}
			if t := d.titleAt(ti, q, k); t > 0 {
				q += t
				continue
			}
			if !toks[q].word || utf8.RuneCountInString(v) <= 2 || strings.HasSuffix(v, ".") ||
				!(d.lx.isCommon(v) || nerOrgSuffix[v] || nerOrgHead[v]) {
				return p
			}
			q++
		}
		for q := k + 1; q < b; q++ {
			v := d.lowerKey(d.word(ti, q))
			if !toks[q].cap || toks[q].allCaps && len(v) > 2 || nerOrgSuffix[v] || nerCorporate[v] || d.lx.isCommon(v) {
				return p
			}
		}
		return k
	}
	return p
}

// lowerNameAfter returns the end of a lower-case name of one to three words at
// p, right after a title: words that neither prose's lexicon nor the word
// lists know as ordinary, that prose does not tag as verbs or function
// words, and that are shaped like names; a given name may open it. After
// a lower-case title (afterTitle) prose's tags are not asked: it guesses
// the tag of a word it does not know from its ending, and takes a
// damaged given name ("abena") for a verb as readily as "blabs".
func (d *nerDoc) lowerNameAfter(ti, p, hi int, afterTitle bool) int {
	toks := d.toks[ti]
	e := p
	for k, words := p, 0; k < hi && words < 3; k, words = k+1, words+1 {
		t := toks[k]
		if !t.word || !t.lower || t.nl {
			break
		}
		w := d.lowerKey(d.word(ti, k))
		// "wouter van damme", "marleni soto de la cruz": a particle
		// inside a name, never its end.
		if k > p && nerParticles[w] {
			if k+1 < hi && toks[k+1].word && toks[k+1].lower {
				words--
				continue
			}
			break
		}
		given := k == p && d.lx.firstNames[w] && !nerEnglishGiven[w]
		if !given && (len(w) < 3 || d.lx.isCommon(w) || nerFunctionWords[w] || nerSayVerbs[w] ||
			!d.nameShaped(w) || d.lx.titles[w] || !afterTitle && nerNotName(d.pos(ti, k)) || strings.ContainsAny(w, "'’")) {
			break
		}
		e = k + 1
	}
	return e
}

// moreHonorifics may, besides nerHonorifics, stand between a lower-case
// title and the name it introduces: "president comrade babatunde ajala",
// "dean prof. lena aufhauser".
var moreHonorifics = nerSet(`prof prof. comrade`)

// orgOpens reports whether a capitalised sentence-initial word opens an
// organisation name of three words or more ("Northern River Commission"
// opening a sentence keeps "Northern"): prose tags it as a proper noun or
// adjective, and the name runs up to the end of the span or to a title.
func (d *nerDoc) orgOpens(ti, a, b int) bool {
	end := b
	for k := a + 1; k < b; k++ {
		if d.titleAt(ti, k, b) > 0 {
			end = k
			break
		}
	}
	if end-a < 3 || !d.orgLike(ti, a, end) {
		return false
	}
	pos := d.pos(ti, a)
	return pos == posProper || pos == posAdj
}

// orgBeforeTitle records the gazetteer name (m tokens, entry e) or
// organisation that [p, b) opens when a title follows it inside the span,
// and returns where the title starts; p when there is none.
func (d *nerDoc) orgBeforeTitle(ti, p, b, m int, e nerGazEntry) int {
	for k := p + 1; k < b; k++ {
		if d.titleAt(ti, k, b) == 0 {
			continue
		}
		if d.orgLike(ti, k, b) || d.toks[ti][k-1].lower {
			// "U.N. General Assembly": the title word opens a name;
			// "Office of the Secretary of State": the title ends it
			return p
		}
		switch {
		case m == k-p:
			d.addGaz(ti, p, k, e)
		case k-p >= 2 && d.orgLike(ti, p, k):
			d.add(ti, p, k, Org, "", nerSure)
		default:
			return p
		}
		return k
	}
	return p
}

// orgLike reports whether [p, b) reads as an organisation name: it ends in
// an organisation suffix or holds an organisation head word.
func (d *nerDoc) orgLike(ti, p, b int) bool {
	if nerOrgSuffix[d.lowerKey(d.word(ti, b-1))] {
		return true
	}
	for k := p; k < b; k++ {
		if nerOrgHead[d.lowerKey(d.word(ti, k))] {
			return true
		}
	}
	return false
}

// acronymAfter records "Northern River Commission (NRC)".
func (d *nerDoc) acronymAfter(ti, a, b int) {
	toks := d.toks[ti]
	if b+2 < len(toks) && d.word(ti, b) == "(" && toks[b+1].allCaps && d.word(ti, b+2) == ")" {
		acr := d.word(ti, b+1)
		if _, ok := d.acronyms[acr]; !ok {
			d.acronyms[acr] = nerProperCase(d.texts[ti][toks[a].start:toks[b-1].end])
		}
	}
}

// unknown types a sequence that no list names.
func (d *nerDoc) unknown(ti, p, b, hi int, cue bool) {
	toks := d.toks[ti]
	if b-p >= 2 && nerShipPrefixes[d.word(ti, p)] {
		return // "USS Cole", "HMS Victory": a ship, not a person or a firm
	}
	if cue {
		// "Chief Financial Officer", "Chief Operating Officer Ana
		// Ruiz": a title word further on ends the title; the name,
		// if any, follows it.
		for k := b - 1; k > p; k-- {
			if d.titleAt(ti, k, k+1) > 0 {
				if p = k + 1; p == b {
					return
				}
				break
			}
		}
	}
	if cue && !d.lx.firstNames[d.lowerKey(d.word(ti, p))] {
		// "High Representative for Foreign Affairs Josep Borrell": the
		// name starts at its given name ("Valentin Stefan" starts at once)
		k := p + 1
		for ; k < b; k++ {
			if d.lx.firstNames[d.lowerKey(d.word(ti, k))] {
				p = k
				break
			}
		}
		// "Chief Statistician Oduya Kemboi": with no given name known,
		// a doer's noun after the title is still the post.
		for k == b && b-p > 2 && d.lx.agentNoun(d.lowerKey(d.word(ti, p))) {
			p++
		}
	}
	first := d.lowerKey(d.word(ti, p))
	if cue && b-p == 1 && nerSayVerbs[first] && d.lowerSeen[first] > 0 {
		return // a headline's verb after a title: "What the CEO Said"
	}
	given := d.lx.firstNames[first] && !(b-p == 1 && nerNever[first]) && !(b-p == 1 && toks[p].allCaps)
	// "Arvind K Meena": a middle initial without its full stop between
	// two words no lexicon knows makes a person's name.
	if b-p == 3 && !given && toks[p+1].end-toks[p+1].start == 1 && toks[p+1].cap && !toks[p].allCaps {
		last := d.lowerKey(d.word(ti, b-1))
		if !d.lx.isCommon(first) && !d.lx.isCommon(last) && !nerOrgSuffix[last] && !nerCorporate[last] && d.nameShaped(last) {
			given = true
		}
	}
	if !cue && !given {
		// "Karvenian Foreign Minister Talia Brennock": a title inside the
		// span splits off what precedes it
		for k := p + 1; k < b; k++ {
			if d.titleAt(ti, k, b) > 0 {
				d.beforeTitle(ti, p, k)
				d.classify(ti, k, b, hi, false)
				return
			}
		}
	}
	if !cue && b-p >= 2 && nerLocPrefixNamed[first] && p > 0 && toks[p-1].word && nerLocPreps[d.lowerKey(d.word(ti, p-1))] {
		d.add(ti, p, b, Loc, "", nerGuess)
		return
	}
	if cue || given {
		// "Kirill dmitriev": a damaged surname after a given name
		if b-p == 1 && b < hi && toks[b].word && toks[b].lower && !toks[b].nl {
			w := d.lowerKey(d.word(ti, b))
			if len(w) >= 3 && !d.lx.isCommon(w) && !nerFunctionWords[w] && !nerSayVerbs[w] &&
				(given && !nerEnglishGiven[first] || cue) && d.nameShaped(w) && !nerNotName(d.pos(ti, b)) {
				b++
			}
		}
		if b-p > 1 || cue || !d.lx.isCommon(first) {
			d.add(ti, p, b, Person, "", nerSure)
		}
		return
	}
	if b-p == 1 {
		if !d.compound(ti, p) {
			d.unknownWord(ti, p, hi)
		}
		return
	}
	for k := p + 1; k < b-1; k++ {
		if d.word(ti, k) == "&" {
			d.add(ti, p, b, Org, "", nerGuess) // "Halbert & Vane"
			return
		}
	}
	last := d.lowerKey(d.word(ti, b-1))
	switch {
	case nerLocSuffix[last]:
		d.add(ti, p, b, Loc, "", nerSure)
		return
	case nerGPESuffix[last]:
		d.add(ti, p, b, GPE, "", nerSure)
		return
	case nerToponymWords[last]:
		d.add(ti, p, b, GPE, "", nerGuess) // "Harlow Falls", "Palm Springs"
		return
	}
	switch w := d.lowerKey(d.word(ti, p)); {
	case nerLocPrefix[w]:
		d.add(ti, p, b, Loc, "", nerGuess)
		return
	case nerGPEPrefix[w]:
		d.add(ti, p, b, GPE, "", nerGuess)
		return
	}
	// A place inside an unknown name makes a club or firm ("Bayern Munich").
	for k := p + 1; k < b; k++ {
		if m, e := d.gazAt(ti, k, b); m > 0 && (e.typ == GPE || e.typ == Loc) {
			d.add(ti, p, b, Org, "", nerGuess)
			return
		}
	}
	if toks[p].allCaps && toks[b-1].allCaps && (toks[p].sent || toks[p].nl || p == 0) && b < hi && (toks[b].lower || d.word(ti, b) == ":") {
		// "ORTEGA ENDED a truce", "PORTING POTABLES just got easier": a
		// paragraph's first words set in capitals run into its prose, and
		// "PRIME RATE: 10 1/2%" labels a row; only a listed or known name
		// among them is a name
		for k := p; k < b; k++ {
			if d.lx.isCommon(d.lowerKey(d.word(ti, k))) {
				return
			}
		}
	}
	if toks[p].allCaps && toks[b-1].allCaps || d.scoreAfter(ti, b, hi) {
		d.add(ti, p, b, Org, "", nerGuess)
		return
	}
	if d.saidBefore(ti, p) && !toks[p].allCaps && (b == hi || toks[b].nl || d.word(ti, b) == "," || d.word(ti, b) == ".") {
		// "said Sterling Pratt, wine director": the speaker of a
		// reporting verb is a person whatever words make the name
		d.add(ti, p, b, Person, "", nerGuess)
		d.ments[len(d.ments)-1].cued = true
		return
	}
	common, particle := 0, false
	for k := p; k < b; k++ {
		if toks[k].lower && nerParticles[d.lowerKey(d.word(ti, k))] {
			particle = true
		} else if d.commonWord(ti, k) {
			common++
		}
	}
	if common > 0 && b < hi && toks[b].word && nerSayVerbs[d.lowerKey(d.word(ti, b))] {
		// "District Collector Anjali Menon-Varghese said": the ordinary
		// words of a post nobody lists, then a name of two or more words
		// none of which is ordinary: the speaker is the name.
		s := p
		for s < b && (d.commonWord(ti, s) || d.lx.agentNoun(d.lowerKey(d.word(ti, s)))) {
			s++
		}
		named := b-s >= 2
		for k := s; k < b && named; k++ {
			named = !d.commonWord(ti, k) && !toks[k].allCaps
		}
		if s > p && named {
			d.add(ti, s, b, Person, "", nerGuess)
			d.ments[len(d.ments)-1].cued = true
			return
		}
	}
	if common == 0 && d.possessesFirmPost(ti, b, hi) {
		// "Vestfjord Linjer's chief executive, Aksel Drangsholt": whose
		// chief executive or board it is, is a firm or a body.
		d.add(ti, p, b, Org, "", nerGuess)
		d.ments[len(d.ments)-1].cued = true
		return
	}
	switch {
	case common == 0 && b-p >= 2 && d.placeSlot(ti, p, b, hi):
		// "voters in Lubnica Górna went": no given name opens it, and a
		// place's preposition comes before it.
		d.add(ti, p, b, GPE, "", nerGuess)
	case common == 0:
		d.add(ti, p, b, Person, "", nerGuess)
	case particle && !toks[p].sent && d.proseAround(ti, p, b):
		d.add(ti, p, b, Person, "", nerGuess) // "Piet de Wit"
	default:
		// "Strategic Response", "Compliance Tracker": title-case words
		// of a heading, a label or a sentence opening; but "Random
		// House", "Air Force", "Merrill Lynch" inside sentences are
		// names. Which is which the document tells (see recurring).
		d.maybe = append(d.maybe, nerMention{ti: ti, a: p, b: b, start: toks[p].start, end: toks[b-1].end,
			typ: Org, conf: nerGuess, cued: !toks[p].sent && d.proseAround(ti, p, b)})
	}
}

// placeSlot reports a span [p, b) that stands where a place does: after
// "in", "near" or the like ("at" is also where people work), and before
// a verb, a function word or punctuation, not a possessive or a noun it
// would modify ("in Haruki Murakami's", "in Fannie Mae bonds").
func (d *nerDoc) placeSlot(ti, p, b, hi int) bool {
	toks := d.toks[ti]
	if p == 0 || !toks[p-1].lower {
		return false
	}
	if w := d.lowerKey(d.word(ti, p-1)); !nerPlacePreps[w] || w == "at" || p > 1 && d.lowerKey(d.word(ti, p-2)) == "as" {
		return false // "as in Fei Xiang": an example, not a place
	}
	if b >= hi || toks[b].nl {
		return true
	}
	switch d.word(ti, b) {
	case "'s", "’s", "'", "’":
		return false
	case ",", ".", ";", ":", ")", "?", "!":
		return true
	}
	switch d.pos(ti, b) {
	case posVerb, posFunc, posAdv:
		return toks[b].lower
	}
	return false
}

// recurring adds the title-case spans of ordinary words held back by
// unknown that the document writes inside its sentences at least twice:
// a label or a heading's words are capitalised once, where they stand; a
// name ("Random House", "Air Force", "Business Week") wherever it recurs.
// They are organisations, the commonest names made of ordinary words.
func (d *nerDoc) recurring() {
	inProse := map[string]int{}
	for _, m := range d.maybe {
		if m.cued {
			inProse[d.lowerKey(d.texts[m.ti][m.start:m.end])]++
		}
	}
	for _, m := range d.maybe {
		if inProse[d.lowerKey(d.texts[m.ti][m.start:m.end])] < nerRecurring {
			continue
		}
		last := d.lowerKey(d.word(m.ti, m.b-1))
		if nerEventWords[last] || nerRoman(last) || utf8.RuneCountInString(last) == 1 {
			continue // "Black Monday", "Spring Festival", "Article II", "Hepatitis B"
		}
		if nerFacilities[last] {
			m.typ = Loc // "Candlestick Park"
		}
		m.cued = false
		d.ments = append(d.ments, m)
	}
	d.maybe = d.maybe[:0]
}

// nerRoman reports a Roman numeral of a few letters: "ii", "iv", "xii".
func nerRoman(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("ivx", r) {
			return false
		}
	}
	return true
}

// nerRecurring is how often a span of ordinary capitalised words must
// stand inside sentences to be taken for a name.
const nerRecurring = 2

// saidBefore reports a reporting verb in the present or past right before
// token p, inside the sentence: "said X", "says X".
func (d *nerDoc) saidBefore(ti, p int) bool {
	if p == 0 || d.toks[ti][p].sent || !d.toks[ti][p-1].lower {
		return false
	}
	switch d.lowerKey(d.word(ti, p-1)) {
	case "said", "says", "added", "adds", "recalled", "recalls", "explained", "explains":
		return true
	}
	return false
}

// proseAround reports whether the span [a, b) stands inside running prose:
// a lower-case word or a comma just before it, and lower-case words making
// at least half of the words of its sentence.
func (d *nerDoc) proseAround(ti, a, b int) bool {
	toks := d.toks[ti]
	if a == 0 || !(toks[a-1].lower || d.word(ti, a-1) == ",") {
		return false
	}
	s := a
	for s > 0 && !toks[s].nl && !toks[s].sent {
		s--
	}
	words, lower := 0, 0
	for k := s; k < len(toks) && (k == s || !toks[k].nl && !toks[k].sent); k++ {
		if toks[k].word && toks[k].letter {
			words++
			if toks[k].lower {
				lower++
			}
		}
	}
	return lower*2 >= words
}

// nerNotName reports whether prose tagged a word as one that never names
// anyone: a verb, an adverb or a function word.
func nerNotName(pos uint8) bool {
	return pos == posVerb || pos == posAdv || pos == posFunc
}

// nameShaped tells a damaged lower-case surname from an English word by
// its ending.
func (d *nerDoc) nameShaped(w string) bool {
	for _, suf := range []string{"ing", "ed", "ly", "tion", "ment", "ness", "ous", "ive", "ful", "able", "ship"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// unknownWord types a single capitalised word from its shape and context.
func (d *nerDoc) unknownWord(ti, p, hi int) {
	toks := d.toks[ti]
	t := toks[p]
	w := d.lowerKey(d.word(ti, p))
	if t.allCaps {
		switch {
		case utf8.RuneCountInString(w) < 2 || nerStopAcronyms[w] || nerUnits[w] || nerClockTime(w):
		case p == 0 || toks[p].nl:
			if p+1 < hi && d.isDatelineMark(ti, p+1) {
				d.add(ti, p, p+1, GPE, "", nerGuess) // "MIAMI –"
				return
			}
			fallthrough
		case len(w) <= 6:
			d.add(ti, p, p+1, Org, "", nerGuess)
		}
		return
	}
	if nerInstitutions[w] && !nerGenericBodies[w] && d.institutionUse(ti, p, hi) {
		// "House aides said", "A Senate vote": the chamber, wherever
		// it stands.
		d.add(ti, p, p+1, Org, "", nerGuess)
		return
	}
	if !t.sent && p > 0 && (toks[p-1].lower || toks[p-1].sent && d.lowerKey(d.word(ti, p-1)) == "the" && !nerGenericBodies[w]) && nerInstitutions[w] {
		// "the House voted", "the Senate", "during House debate", and
		// "The House has voted" opening a sentence; "The Council" there
		// may be any council, named before.
		d.add(ti, p, p+1, Org, "", nerGuess)
		return
	}
	if !t.sent && p > 0 && toks[p-1].lower && strings.EqualFold(d.word(ti, p-1), "the") && nerCompass[w] &&
		!(p+1 < hi && d.isCandidate(ti, p+1)) {
		d.add(ti, p, p+1, Loc, "", nerGuess) // "relations with the West"; "the West Bank" is listed
		return
	}
	if !t.sent && p > 0 && p+1 < hi && toks[p-1].lower && nerArticles[d.lowerKey(d.word(ti, p-1))] &&
		toks[p+1].lower && nerLeaderFollowers[d.lowerKey(d.word(ti, p+1))] && !nerNever[w] {
		// "the Gore campaign", "the Bush administration": a leader, even
		// when the name is also a word
		d.add(ti, p, p+1, Person, "", nerGuess)
		d.ments[len(d.ments)-1].cued = true
		return
	}
	if utf8.RuneCountInString(w) < 2 || nerNeverWord(w) || nerUnits[w] || d.commonWord(ti, p) || d.plainWord(ti, p, hi) ||
		nerPluralAcronym(d.word(ti, p)) {
		return
	}
	if p+1 < hi && toks[p+1].lower && d.titleAt(ti, p, hi) > 1 {
		return // "the Special envoy"
	}
	if d.lineInitial(ti, p) && d.capSeen[w] == 0 && !(p+1 < hi && nerSayVerbs[d.lowerKey(d.word(ti, p+1))]) {
		return // a bullet's or table cell's first word the document never repeats as a name
	}
	if d.numberedName(ti, p, hi) {
		return // a model, mission or edition named with its number ("Apollo 11", "Windows 11")
	}
	// A type read from the words around the name is cued: the document's
	// other mentions of the name without a cue take it (retypeGuesses).
	cued := func(typ string) {
		d.add(ti, p, p+1, typ, "", nerGuess)
		d.ments[len(d.ments)-1].cued = true
	}
	switch {
	case d.scoreAfter(ti, p+1, hi):
		cued(Org) // "Feyenoord 2 Volendam 0"
	case p+1 < hi && nerSayVerbs[d.lowerKey(d.word(ti, p+1))]:
		cued(Person)
	case d.firmContext(ti, p):
		cued(Org) // "a stake in Renault", "shares of Halden"
	case p > 0 && toks[p-1].word && nerPlacePreps[d.lowerKey(d.word(ti, p-1))], d.placeNounOf(ti, p):
		if p+1 < hi && nerPossessive(d.word(ti, p+1)) {
			// "in Saddam's Iraq", "at Moody's": the preposition is the
			// possessor's, not a place's
			d.add(ti, p, p+1, GPE, "", nerGuess)
			break
		}
		cued(GPE)
	case nerHasEnding(w, nerPlaceEndings):
		d.add(ti, p, p+1, GPE, "", nerGuess)
	case nerHasEnding(w, nerPersonEndings):
		d.add(ti, p, p+1, Person, "", nerGuess)
	default:
		d.add(ti, p, p+1, Person, "", nerGuess)
	}
}

// plainWord reports whether the lone capitalised word at p, which no list
// names, is an ordinary word capitalised only by where it stands: it opens
// a sentence or a segment of one (a list item, a table cell, the text after
// "Label:" or "; ") or is the first part of a hyphenated compound
// ("Prisoner-of-war", "Bi-annual"). The document never capitalises it
// inside a sentence elsewhere, no say-verb follows it, and prose tags it
// as a common word here or it inflects one ("Scholarships", "Enhanced").
// A name in such a place is kept by any other mention of it.
func (d *nerDoc) plainWord(ti, p, hi int) bool {
	toks := d.toks[ti]
	if toks[p].allCaps || !toks[p].sent && !nerHyphenPrefix(d.texts[ti], toks, p) {
		return false
	}
	w := d.lowerKey(d.word(ti, p))
	if d.capSeen[w] > 0 || d.lx.firstNames[w] || d.scoreAfter(ti, p+1, hi) || d.bracketed(ti, p, hi) ||
		d.bracketed(ti, p+2, hi) && d.scoreAfter(ti, p+4, hi) { // "Panionios (Greece) 9"
		return false
	}
	if nerHyphenPrefix(d.texts[ti], toks, p) && p+2 < hi {
		// "Cyber-security pact": a prefix before an ordinary noun is part
		// of a compound word, while "Kremlin-backed" names the Kremlin
		nx := d.lowerKey(d.word(ti, p+2))
		if d.lx.isCommon(nx) && !strings.HasSuffix(nx, "ed") && !strings.HasSuffix(nx, "ing") {
			return true
		}
	}
	if p+1 < hi && nerSayVerbs[d.lowerKey(d.word(ti, p+1))] {
		// "Hingis said" names someone; "Engineers said" a plural noun
		stem, plural := strings.CutSuffix(w, "s")
		return plural && len(stem) >= 3 && d.lx.isCommon(stem)
	}
	if d.lx.isCommon(w) || d.lx.inflectsCommon(w) || d.lowerSeen[w] > 0 || d.lowerSeen[w+"s"] > 0 ||
		p+1 < hi && nerArticles[d.lowerKey(d.word(ti, p+1))] {
		// an ordinary word, or one the document writes in lower case
		// ("Levee upgrades" beside "levees"), or a verb before its
		// object ("Deploy the mission")
		return true
	}
	switch d.pos(ti, p) {
	case posNoun, posAdj, posVerb, posAdv, posFunc:
		return true
	}
	return false
}

// plainBeforeName reports whether the span [a, b) opens with an ordinary
// word capitalised by its place before a known name or an acronym:
// "Sequencing EU sanctions", "Deploys NATO troops" after a label. Before a
// listed name in capitals the tagger's word is not needed (it reads any
// capitalised word there as a proper noun): a name does not run on into
// "NATO" unless the gazetteer lists the whole.
func (d *nerDoc) plainBeforeName(ti, a, b, hi int) bool {
	toks := d.toks[ti]
	if b-a < 2 || !toks[a].sent || toks[a].allCaps {
		return false
	}
	m, e := d.gazAt(ti, a+1, b)
	if m > 0 && toks[a+1].allCaps {
		w := d.lowerKey(d.word(ti, a))
		return d.capSeen[w] == 0 && !d.lx.firstNames[w]
	}
	if m > 0 && (e.typ == GPE || e.typ == Loc) {
		return false // "Estudiantes Madrid", "Bayern Munich": a club
	}
	return (m > 0 || toks[a+1].allCaps) && d.plainWord(ti, a, hi)
}

// bracketed reports whether token p stands alone in brackets, as a club,
// party or country does after a name ("Di Canio (Celtic)").
func (d *nerDoc) bracketed(ti, p, hi int) bool {
	return p > 0 && p+1 < hi && d.word(ti, p-1) == "(" && d.word(ti, p+1) == ")"
}

// modifierBeforeName reports whether the first word of the span [a, b)
// is an ordinary word qualifying the name after it at the start of a
// sentence ("Unpredictable Sondland said", "Inexperienced Halvorsen"):
// prose tags it an adjective and it is shaped like one, or it derives
// from an ordinary word ("un-" + "predictable"); it is no given name, no
// title follows it, and the document never
// capitalises it inside a sentence. prose's tags alone are not enough: at
// a sentence's start before a proper noun it reads most capitalised words
// as proper nouns.
func (d *nerDoc) modifierBeforeName(ti, a, b int) bool {
	t := d.toks[ti][a]
	if b-a < 2 || !t.sent || t.allCaps {
		return false
	}
	w := d.lowerKey(d.word(ti, a))
	if d.capSeen[w] > 0 || d.lx.firstNames[w] {
		return false
	}
	if _, named := d.lx.names[w]; named {
		return false
	}
	if d.titleAt(ti, a+1, b) > 0 {
		return false // "Karvenian Foreign Minister ...": the title's qualifier
	}
	// a nationality ("Karvenian") is an adjective too, and a name
	return d.lx.derivesCommon(w) || nerHasEnding(w, nerAdjEndings) && d.pos(ti, a) == posAdj
}

// nerAdjEndings end English adjectives. prose tags many a sentence's
// first given name as an adjective ("Ricky", "Carole"); a word shaped like
// one is an adjective indeed.
var nerAdjEndings = []string{"able", "ible", "ous", "ful", "less", "ive"}

// nerPrefixes are English prefixes that make a word from an ordinary one.
var nerPrefixes = []string{"un", "in", "im", "il", "ir", "non", "dis", "mis", "over", "under"}

// nerSuffixes are English suffixes that make an adjective or adverb from
// an ordinary word ("predictable", "tireless", "reportedly").
var nerSuffixes = []struct{ cut, add string }{
	{"able", ""}, {"able", "e"}, {"ible", ""}, {"less", ""}, {"ful", ""}, {"ous", ""}, {"ly", ""},
	{"ily", "y"}, {"ive", "e"}, {"al", ""},
}

// agentNoun reports whether w names a doer made from an ordinary word
// ("collector", "inspector", "statistician"): a post, in a title.
func (lx *nerLexicon) agentNoun(w string) bool {
	for _, sf := range []string{"or", "er", "ist", "ian"} {
		if stem, ok := strings.CutSuffix(w, sf); ok && len(stem) >= 4 && (lx.common[stem] || lx.common[stem+"e"] || lx.common[stem+"s"]) {
			return true
		}
	}
	return false
}

// derivesCommon reports whether w is built from an ordinary word by an
// English prefix, perhaps with a suffix too ("unpredictable",
// "inexperienced"). A suffix alone proves little: many surnames end so.
func (lx *nerLexicon) derivesCommon(w string) bool {
	known := func(w string) bool {
		if len(w) < 4 {
			return false
		}
		if lx.common[w] || lx.inflectsCommon(w) {
			return true
		}
		for _, sf := range nerSuffixes {
			if stem, ok := strings.CutSuffix(w, sf.cut); ok && len(stem) >= 4 && lx.common[stem+sf.add] {
				return true
			}
		}
		return false
	}
	for _, pf := range nerPrefixes {
		if rest, ok := strings.CutPrefix(w, pf); ok && known(rest) {
			return true
		}
	}
	return false
}

// addGaz records the gazetteer name e at [a, b). A place whose name is
// also a company's is the place only with a place cue, the company
// otherwise: in news "Amazon" alone is the firm far more often than the
// river, and CoNLL-style annotation types each mention by its use.
func (d *nerDoc) addGaz(ti, a, b int, e nerGazEntry) {
	if e.company && !d.placeCue(ti, a, b) {
		d.add(ti, a, b, Org, e.canonical, nerSure)
		return
	}
	d.add(ti, a, b, e.typ, e.canonical, nerSure)
}

// nerGeoNouns after a name make it a place ("Amazon rainforest").
var nerGeoNouns = nerSet(`river rainforest rainforests forest forests jungle basin delta region
	valley coast estuary watershed`)

// placeCue reports whether the name at [a, b) is used as a place: a
// geographic noun follows it, or "the" precedes it and no noun it would
// qualify follows ("in the Amazon", not "the Amazon app"). A preposition
// alone is no cue: people work "at Amazon" and invest "in Amazon".
func (d *nerDoc) placeCue(ti, a, b int) bool {
	toks := d.toks[ti]
	if b < len(toks) && toks[b].word && !toks[b].nl {
		w := d.lowerKey(d.word(ti, b))
		if nerGeoNouns[w] {
			return true
		}
		if toks[b].cap || toks[b].lower && d.pos(ti, b) == posNoun {
			return false // "Amazon Prime", "the Amazon app"
		}
	}
	if a == 0 || !toks[a-1].word || toks[a].nl {
		return false
	}
	return d.lowerKey(d.word(ti, a-1)) == "the"
}

// nerArticles open a noun phrase; a word opening a segment before one is
// a verb, not a name.
var nerArticles = nerSet(`the a an`)

// nerInflections undo regular English endings: plurals, past forms and
// participles.
var nerInflections = []struct{ cut, add string }{
	{"ies", "y"}, {"es", ""}, {"s", ""}, {"ed", ""}, {"d", ""}, {"ing", ""}, {"ing", "e"},
}

// inflectsCommon reports whether w is a regular inflection of an ordinary
// word ("refugees" of "refugee", "enhanced" of "enhance"): prose's
// vocabulary holds one form of many words.
func (lx *nerLexicon) inflectsCommon(w string) bool {
	for _, in := range nerInflections {
		if stem, ok := strings.CutSuffix(w, in.cut); ok && len(stem) >= 3 && lx.common[stem+in.add] {
			return true
		}
	}
	return false
}

// nerNeverWord reports a word that is never a name on its own, or a
// compound of such words: "January-June", "Monday–Friday".
func nerNeverWord(w string) bool {
	if nerNever[w] {
		return true
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return nerIsHyphen(r) || r == '/' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !nerNever[p] {
			return false
		}
	}
	return true
}

// nerHyphenPrefix reports whether token p is the first part of a
// hyphenated compound whose next part is lower case ("Prisoner-of-war",
// "Cyber-security", "Moscow-based"): the capital there may be the
// compound's, not a name's.
func nerHyphenPrefix(text string, toks []nerTok, p int) bool {
	if p+2 >= len(toks) {
		return false
	}
	h, nx := toks[p+1], toks[p+2]
	if h.start != toks[p].end || nx.start != h.end || !nx.lower {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[h.start:])
	return nerIsHyphen(r)
}

// nerClockTime reports whether the lower-case word w is a time of day
// written as one word ("4pm", "10am"): part of a date, not a name.
func nerClockTime(w string) bool {
	stem, ok := strings.CutSuffix(w, "am")
	if !ok {
		stem, ok = strings.CutSuffix(w, "pm")
	}
	return ok && stem != "" && strings.Trim(stem, "0123456789:.") == ""
}

// nerPluralAcronym reports whether w is an acronym with a plural "s"
// ("NGOs", "MPs", "IDPs"): a class of things, not a name.
func nerPluralAcronym(w string) bool {
	stem, ok := strings.CutSuffix(w, "s")
	if !ok || len(stem) < 2 {
		return false
	}
	for i := 0; i < len(stem); i++ {
		if stem[i] < 'A' || stem[i] > 'Z' {
			return false
		}
	}
	return true
}

// nerDeterminers open noun phrases: a name does not start with one unless
// a gazetteer lists it so ("The Hague") or it is capitalised inside a
// sentence before an organisation name ("in The Valmora Herald").
var nerDeterminers = nerSet(`a an the this that these those its their his her our my your
	some any each every another such`)

// determiner reports whether token a, opening the span [a, b), is a
// determiner outside the name: not an acronym spelled like one ("AN", an
// Italian party), and not capitalised inside a sentence before at least
// two words that read as an organisation ("in The Valmora Herald").
func (d *nerDoc) determiner(ti, a, b int) bool {
	t := d.toks[ti][a]
	if !nerDeterminers[d.lowerKey(d.word(ti, a))] || t.allCaps && t.end-t.start > 1 {
		return false
	}
	return t.sent || b-a < 3 || !d.orgLike(ti, a+1, b)
}

func (d *nerDoc) isDatelineMark(ti, p int) bool {
	switch d.word(ti, p) {
	case ",", "-", "–", "—", ":", "(":
		return true
	}
	return false
}

// scoreAfter reports whether token p is a bare number in a results line,
// as after a team in a results table. A number after a name in prose is
// part of the name or a count ("Apollo 11 landed", "Artemis 2 will fly").
func (d *nerDoc) scoreAfter(ti, p, hi int) bool {
	if p >= hi || d.toks[ti][p].letter || !d.toks[ti][p].word || d.toks[ti][p].nl {
		return false
	}
	if !d.resultsLine(ti, p) {
		return false
	}
	for _, r := range d.word(ti, p) {
		if r < '0' || r > '9' {
			return false
		}
	}
	// "5,000" and "2.5" are amounts, not scores
	toks := d.toks[ti]
	if p+2 < len(toks) && toks[p+1].start == toks[p].end && toks[p+2].start == toks[p+1].end &&
		toks[p+2].word && !toks[p+2].letter {
		switch d.word(ti, p+1) {
		case ",", ".":
			return false
		}
	}
	return true
}

// lineInitial reports whether token p opens a bullet, list item or table
// cell: the first word of its line after a bullet, number or cell bar.
func (d *nerDoc) lineInitial(ti, p int) bool {
	toks := d.toks[ti]
	marked := false
	for k := p - 1; k >= 0; k-- {
		switch w := d.word(ti, k); {
		case w == "|":
			return true
		case toks[k].letter:
			return false
		case w == "-" || w == "•" || w == "*" || w == "–" || toks[k].word:
			marked = true
		}
		if toks[k].nl {
			break
		}
	}
	return marked
}

// nerDemonymEndings end nationality adjectives ("Karvenian", "Ostrelese").
var nerDemonymEndings = []string{"ian", "ean", "ese", "ish", "ic", "i", "an"}

// beforeTitle types the unknown words before a title: a nationality
// ("Karvenian President") or a place ("Valmora Mayor").
func (d *nerDoc) beforeTitle(ti, p, k int) {
	if k-p == 1 && nerHasEnding(d.lowerKey(d.word(ti, p)), nerDemonymEndings) {
		d.add(ti, p, k, NORP, "", nerGuess)
		return
	}
	d.add(ti, p, k, GPE, "", nerGuess)
}

// compound splits a hyphenated token whose parts are all known names
// ("Donetsk-Luhansk", "EU-U.S.") into one mention per part.
func (d *nerDoc) compound(ti, p int) bool {
	t := d.toks[ti][p]
	w := d.texts[ti][t.start:t.end]
	type part struct {
		start, end int
		e          nerGazEntry
	}
	var parts []part
	for off := 0; off < len(w); {
		r, sz := utf8.DecodeRuneInString(w[off:])
		if nerIsHyphen(r) {
			off += sz
			continue
		}
		end := off
		for end < len(w) {
			r, sz := utf8.DecodeRuneInString(w[end:])
			if nerIsHyphen(r) {
				break
			}
			end += sz
		}
		seg := w[off:end]
		e, ok := d.lx.names[d.lowerKey(seg)]
		if !ok || e.acronym && strings.ToUpper(seg) != seg {
			return false
		}
		parts = append(parts, part{t.start + off, t.start + end, e})
		off = end
	}
	if len(parts) < 2 {
		return false
	}
	for _, pt := range parts {
		d.ments = append(d.ments, nerMention{ti: ti, a: p, b: p + 1, start: pt.start, end: pt.end,
			typ: pt.e.typ, canon: pt.e.canonical, conf: nerSure})
	}
	return true
}

// nerFacilities end names of places built for something.
var nerFacilities = nerSet(`ground stadium airport oval park arena bridge square palace hall
	cathedral tower station port harbour harbor`)

// placeOpensName tells whether the place or nationality [p, q) opens a
// name with the capitalised words [q, b) after it, ordinary words among
// them, and of what type: a body ("Kentucky Fried Chicken", "European
// Community", "U.S. Treasury"), a place ("Missouri River", "Tibet
// Autonomous Region", "Los Angeles International Airport"), or "" when
// the place stands alone. In running prose (headings are read elsewhere)
// ordinary words are capitalised after a place only inside a name; names
// of events, laws and things ("the Korean War", "the U.S. Constitution",
// "Canada Savings Bonds") are not bodies and keep the place alone, and so
// do titles ("Russian Foreign Minister"), people ("American Lisa Ortega",
// "German W. Belinki") and other listed names ("Chinese Taipei").
func (d *nerDoc) placeOpensName(ti, p, q, b int, e nerGazEntry) string {
	if e.typ != GPE && e.typ != NORP && e.typ != Loc || q >= b || b-q > 3 {
		return ""
	}
	toks := d.toks[ti]
	if toks[p].allCaps && toks[b-1].allCaps {
		return "" // a line of capitals says nothing
	}
	for k := q; k < b; k++ {
		w := d.lowerKey(d.word(ti, k))
		if !toks[k].word || toks[k].allCaps && utf8.RuneCountInString(w) <= 2 || strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) <= 2 ||
			d.titleAt(ti, k, b) > 0 || d.lx.listed[w] || nerNever[w] || nerUnits[w] || d.lx.firstNames[w] || nerEventWords[w] {
			return ""
		}
		if m, _ := d.gazAt(ti, k, b); m > 0 {
			return ""
		}
	}
	return placeTail(d.lowerKey(d.word(ti, b-1)))
}

// placeGivenName reports the words [q, b) after a one-word place at p as
// the rest of a person's name: capitalised, no title, no listed name and
// no word of a body's name ("Governor Rosario Villacorta", not "Governor
// Texas Instruments").
func (d *nerDoc) placeGivenName(ti, p, q, b int) bool {
	toks := d.toks[ti]
	if q != p+1 {
		return false
	}
	for k := q; k < b; k++ {
		w := d.lowerKey(d.word(ti, k))
		if initial := utf8.RuneCountInString(strings.TrimSuffix(w, ".")) == 1; initial && k+1 < b || w == "." && k > q {
			continue // a middle initial, "Rosario D. Villacorta"
		}
		if !toks[k].word || !toks[k].cap || toks[k].allCaps || d.titleAt(ti, k, b) > 0 || d.lx.listed[w] ||
			nerOrgSuffix[w] || nerCorporate[w] || nerOrgHead[w] || nerEventWords[w] || nerUnits[w] {
			return false
		}
		if m, _ := d.gazAt(ti, k, b); m > 0 {
			return false
		}
	}
	return true
}

// nerCompass are the parts of a region named by direction ("Pacific
// Northwest").
var nerCompass = nerSet(`north south east west northeast northwest southeast southwest`)

// nerEventWords end the names of events, laws, eras and prizes, which are
// not bodies.
var nerEventWords = nerSet(`war wars revolution constitution act games olympics open cup derby
	championship championships tournament festival day days year years prize award awards treaty
	accord accords agreement declaration charter convention era dynasty crisis summit election
	elections campaign law code bill doctrine plan initiative index average pact test tests bond
	incident record records session monday tuesday wednesday thursday friday saturday sunday
	bonds receipts civilization people`)

// placeNamed tells whether the words [q, b) after a place name make a name
// of their own with it: a team ("Dallas Cowboys"), a firm or a facility
// ("Melbourne Cricket Ground"). It returns the type of the whole, or "".
func (d *nerDoc) placeNamed(ti, q, b int) string {
	if q >= b || d.titleAt(ti, q, b) > 0 {
		return ""
	}
	for k := q; k < b; k++ {
		w := d.lowerKey(d.word(ti, k))
		if d.lx.listed[w] || nerNever[w] || d.lx.firstNames[w] {
			return ""
		}
		if m, _ := d.gazAt(ti, k, b); m > 0 {
			return ""
		}
		if d.lx.isCommon(w) && !(k == b-1 && strings.HasSuffix(w, "s")) && !nerFacilities[w] {
			return ""
		}
	}
	return placeTail(d.lowerKey(d.word(ti, b-1)))
}

// placeTail types a name that opens with a place by its last word: a
// place when it is a word of place names ("Taipei County", "Missouri
// River", "Colorado Springs", "Los Angeles International Airport"), else
// a body ("Dallas Cowboys", "Kentucky Fried Chicken").
func placeTail(last string) string {
	switch {
	case nerGPESuffix[last] || nerGeoHead[last] || nerToponymWords[last]:
		return GPE
	case nerLocSuffix[last] || nerFacilities[last] || nerCompass[last]:
		return Loc
	}
	return Org
}

// nerToponymWords end the names of towns and districts: "Colorado
// Springs", "Miami Beach", "Chicago Heights".
var nerToponymWords = nerSet(`springs beach heights falls estates shores creek junction
	grove rapids borough zone`)

// resultsLine reports whether token p stands in a line or sentence made of
// names and numbers: at least two bare numbers, and lower-case words at
// most a third of its words ("Barcelona 2 Valencia 1", "NEW JERSEY 14 10 1",
// "Leicestershire 22 points, Somerset 4"), as results tables are written.
func (d *nerDoc) resultsLine(ti, p int) bool {
	toks := d.toks[ti]
	a := p
	for a > 0 && !toks[a].nl && !toks[a].sent {
		a--
	}
	b := p + 1
	for b < len(toks) && !toks[b].nl && !toks[b].sent {
		b++
	}
	words, lower, nums := 0, 0, 0
	for _, t := range toks[a:b] {
		switch {
		case !t.word:
		case !t.letter:
			words++
			nums++
		default:
			words++
			if t.lower {
				lower++
			}
		}
	}
	return nums >= 2 && lower*3 <= words
}

// numberedName reports whether the lone capitalised word at p is followed by
// a bare number and a lower-case word in a prose sentence ("Apollo 11
// landed", "Artemis 2 will fly"): the name of a model, mission or edition
// with its number, not a person, nor a team before its score, which a
// results line or scorecard ("b Chandana 56") writes with few lower-case
// words.
func (d *nerDoc) numberedName(ti, p, hi int) bool {
	toks := d.toks[ti]
	if p+2 >= hi || !toks[p+1].word || toks[p+1].letter || toks[p+1].nl || toks[p+1].start != toks[p].end+1 ||
		!toks[p+2].word || !toks[p+2].lower || toks[p+2].nl || toks[p+2].end-toks[p+2].start < 2 {
		return false
	}
	a := p
	for a > 0 && !toks[a].nl && !toks[a].sent {
		a--
	}
	words, lower := 0, 0
	for k := a; k < len(toks) && (k == a || !toks[k].nl && !toks[k].sent); k++ {
		if toks[k].word && toks[k].letter {
			words++
			if toks[k].lower {
				lower++
			}
		}
	}
	return lower*2 > words
}

// commaFirm returns the end of a firm named by surnames set off by commas,
// from the comma at j after the one-word name at i: "Goldman, Sachs &
// Co.", "Mayer, Brown & Platt", "Hanifen, Imhoff Inc.", as partnerships
// and old brokerages write their names; or j. Every part is one surname
// (no given name, month or listed name); the last joins two with "&" or
// ends in a corporate suffix. "Paramount Communications Inc., Fries
// Entertainment Inc." and "Bill Biedermann, Allendale Inc." stay apart.
func (d *nerDoc) commaFirm(ti, i, j, hi int) int {
	toks := d.toks[ti]
	surname := func(p int) bool {
		if p >= hi || toks[p].nl || !d.isCandidate(ti, p) || toks[p].allCaps {
			return false
		}
		w := d.lowerKey(d.word(ti, p))
		m, _ := d.gazAt(ti, p, p+1)
		return m == 0 && !d.lx.firstNames[w] && dateMonths[w] == 0 && !strings.Contains(d.word(ti, p), ".") && !nerCorporate[w]
	}
	if j != i+1 || d.word(ti, j) != "," || !surname(i) {
		return j
	}
	k := j
	for parts := 0; parts < 4 && k+2 < hi && d.word(ti, k) == "," && surname(k+1); parts++ {
		k += 2
		switch {
		case k+1 < hi && d.word(ti, k) == "&" && surname(k+1):
			k += 2 // "& Platt"
			if k < hi && nerCorporate[d.lowerKey(d.word(ti, k))] {
				return k + 1
			}
			// "& Jenrette Securities Corp.": a capitalised word, then
			// the suffix.
			if k+1 < hi && d.isCandidate(ti, k) && !toks[k].nl && nerCorporate[d.lowerKey(d.word(ti, k+1))] {
				return k + 2
			}
			return k
		case k+1 < hi && d.word(ti, k) == "&" && nerCorporate[d.lowerKey(d.word(ti, k+1))]:
			return k + 2 // "& Co."
		case k < hi && nerCorporate[d.lowerKey(d.word(ti, k))]:
			return k + 1 // "Imhoff Inc."
		}
	}
	return j
}

// nerFirmNouns before "in", "of" or "at" make the name after them a firm:
// one holds a stake in a company, not in a place.
var nerFirmNouns = nerSet(`stake stakes shares stock holding holdings shareholder shareholders
	shareholding investor investors analyst analysts strategist strategists subsidiary unit
	division bid takeover acquisition merger`)

// firmContext reports whether the name at p follows a firm noun and its
// preposition ("a stake in Renault", "analysts at Nomura").
func (d *nerDoc) firmContext(ti, p int) bool {
	if p < 2 || !d.toks[ti][p-1].word || !d.toks[ti][p-2].word {
		return false
	}
	switch d.lowerKey(d.word(ti, p-1)) {
	case "in", "of", "at", "for":
		return nerFirmNouns[d.lowerKey(d.word(ti, p-2))]
	}
	return false
}

// nerCorporate are the designators that end a company's legal name.
var nerCorporate = nerSet(`inc inc. corp corp. co co. cos cos. ltd ltd. plc llc ag gmbh sa s.a. nv n.v.
	bhd lp l.p.`)

// andJoinsOrg reports whether "and" at token j joins two halves of one
// organisation's name: ordinary capitalised words from i up to it, and
// after it capitalised words ending in an organisation word ("Securities
// and Exchange Commission", "Food and Drug Administration"). Names before
// "and" ("Ford and General Motors") are two.
func (d *nerDoc) andJoinsOrg(ti, i, j, hi int) bool {
	toks := d.toks[ti]
	e := j + 1
	for e < hi && !toks[e].nl && toks[e].word && toks[e].cap {
		e++
	}
	if e == j+1 {
		return false
	}
	headOf := false
	for k := i; k+1 < j; k++ {
		headOf = headOf || nerOrgHead[strings.ToLower(d.word(ti, k))] && strings.EqualFold(d.word(ti, k+1), "of")
	}
	if headOf {
		// "Department of Health and Human Services", "Ministry of
		// International Trade and Industry": the portfolio of a body
		// named by its head word runs on through "and", over ordinary
		// words that open no other name
		for k := j + 1; k < e; k++ {
			w := strings.ToLower(d.word(ti, k))
			if !d.lx.isCommon(w) || nerOrgHead[w] || d.lx.firstNames[w] || d.titleAt(ti, k, e) > 0 {
				return false
			}
		}
		return true
	}
	for k := i; k < j; k++ {
		if !toks[k].cap || !d.lx.isCommon(strings.ToLower(d.word(ti, k))) {
			return false
		}
	}
	// "World Bank and International Monetary Fund" are two bodies
	return !nerOrgHead[strings.ToLower(d.word(ti, j-1))] && nerOrgSuffix[strings.ToLower(d.word(ti, e-1))]
}

// nerPlaceNouns before "of" make the name after it a place ("the port of
// Aden", "the town of Ruhengeri").
var nerPlaceNouns = nerSet(`port city town village capital province region district suburb
	suburbs outskirts island islands state county municipality township enclave harbour harbor`)

// placeNounOf reports whether the name at p follows a place noun and "of".
func (d *nerDoc) placeNounOf(ti, p int) bool {
	if p < 2 || !d.toks[ti][p-2].word || !strings.EqualFold(d.word(ti, p-1), "of") {
		return false
	}
	return d.toks[ti][p-2].lower && nerPlaceNouns[strings.ToLower(d.word(ti, p-2))]
}

// nerFirmPosts are what a firm or a public body has and a person does
// not: its chief executive, board, shareholders, headquarters. A person's
// "chief of staff", "spokesman" or "lawyer" is not among them.
var nerFirmPosts = nerSet(`chief-executive ceo chairman chairwoman chairperson chair board shareholders
headquarters subsidiary subsidiaries founders co-founder managing-director director-general workforce employees`)

// possessesFirmPost reports a possessive after the span at b followed by
// one of nerFirmPosts: "Halden's chief executive", "Orvik’s board".
func (d *nerDoc) possessesFirmPost(ti, b, hi int) bool {
	if b+1 >= hi || !nerPossessive(d.word(ti, b)) {
		return false
	}
	w := d.lowerKey(d.word(ti, b+1))
	if b+2 < hi {
		if two := w + "-" + d.lowerKey(d.word(ti, b+2)); nerFirmPosts[two] {
			return true
		}
	}
	return nerFirmPosts[w]
}

// nerShipPrefixes open the names of ships.
var nerShipPrefixes = map[string]bool{"USS": true, "HMS": true, "RMS": true, "HMCS": true, "HMAS": true, "USNS": true}

// nerInstitutions capitalised after "the" inside a sentence name one body
// ("the House", "the Senate", "the Treasury").
var nerInstitutions = nerSet(`house senate congress parliament assembly legislature cabinet
	treasury pentagon kremlin fed commission council court bundestag duma knesset`)

// institutionUse reports a chamber's name used as one before what belongs
// to it: "House aides", "a Senate vote".
func (d *nerDoc) institutionUse(ti, p, hi int) bool {
	toks := d.toks[ti]
	return p+1 < hi && !toks[p+1].nl && toks[p+1].lower && nerChamberNouns[d.lowerKey(d.word(ti, p+1))]
}

// nerChamberNouns follow a chamber's name that is used as one: its aides,
// its vote, its floor.
var nerChamberNouns = nerSet(`aide aides leader leaders member members panel committee subcommittee vote votes
	floor majority minority hearing hearings debate version bill bills passage approval staff negotiators`)

// nerGenericBodies are institutions of many places: capitalised only for
// opening a sentence, "The Council" names no one body.
var nerGenericBodies = nerSet(`commission council court assembly cabinet`)

// nerPossessive reports a possessive token: "'s", "’s", "'", "’".
func nerPossessive(w string) bool {
	switch w {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}
