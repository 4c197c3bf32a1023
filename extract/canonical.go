package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Canonical names are resolved over the whole document, because a later
// mention often says more than an earlier one: "Witkoff" and "Mr. Witkoff"
// become "Steve Witkoff", "NRC" becomes "Northern River Commission",
// "umerov" becomes "Rustem Umerov".

// nerLowerAmbiguous are place names that are also common lower-case words.
var nerLowerAmbiguous = nerSet(`turkey china chile jordan georgia chad guinea nice reading
	mobile split bath niger mali congo cuba sudan peru israel india wales kent america
	europe asia africa`)

// surnames maps the lower-case last word of every multi-word person to the
// first such name in the document, in proper case.
func (d *nerDoc) surnames(sureOnly bool) map[string]string {
	s := map[string]string{}
	for _, m := range d.ments {
		if m.typ != Person || m.b-m.a < 2 || sureOnly && m.conf != nerSure {
			continue
		}
		last := d.lowerKey(d.word(m.ti, m.b-1))
		if _, ok := s[last]; !ok {
			s[last] = nerProperCase(d.texts[m.ti][m.start:m.end])
		}
	}
	return s
}

// retypeGuesses lets what the document says elsewhere decide the type of
// mentions typed by context alone: "Sampras" after "Pete Sampras" is a
// person, "NRC" after "Northern River Commission (NRC)" an organisation.
func (d *nerDoc) retypeGuesses() {
	sur := d.surnames(false)
	given := map[string]bool{}
	for _, m := range d.ments {
		if m.typ == Person && m.b-m.a == 2 && m.conf == nerSure {
			given[d.lowerKey(d.word(m.ti, m.a))] = true
		}
		if m.typ == Person && m.b-m.a == 4 && d.word(m.ti, m.a+2) == "-" && d.toks[m.ti][m.a+3].lower {
			// "Tai Kuo-hui", "Chen Shui-bian": family name first, so
			// "Tai" alone is the person
			given[d.lowerKey(d.word(m.ti, m.a))] = true
		}
	}
	body := d.pronounTypes()
	// A firm's legal name tells what its short forms name: "Campbell
	// Soup" after "Campbell Soup Co.", "Hearst" after "Hearst Corp.",
	// "Ford" after "Ford Motor Co.", whatever their shape says.
	firms := d.firmShortNames()
	for i := range d.ments {
		m := &d.ments[i]
		full := firms[d.lowerKey(d.texts[m.ti][m.start:m.end])]
		if full == "" || m.a > 0 && nerHonorifics[d.lowerKey(d.word(m.ti, m.a-1))] {
			continue // "Mr. Farley" of Farley Inc. is the man
		}
		if m.typ == Org || m.conf == nerGuess || m.typ == Person {
			m.typ, m.conf = Org, nerSure
			if m.canon == "" {
				m.canon = full
			}
		}
	}
	for i := range d.ments {
		// "a Justin salesman", "Justin, which": a given name alone is a
		// firm when the document treats it as one
		m := &d.ments[i]
		if m.typ == Person && m.b-m.a == 1 && body[d.lowerKey(d.texts[m.ti][m.start:m.end])] == Org &&
			!(m.a > 0 && nerHonorifics[d.lowerKey(d.word(m.ti, m.a-1))]) {
			m.typ = Org
		}
	}
	// cues holds the types the words around a lone name gave it ("in
	// Dongguan", "Tai said"), by name; a name cued two ways has none.
	cues := map[string]string{}
	for _, m := range d.ments {
		if m.conf == nerGuess && m.cued {
			k := d.lowerKey(d.texts[m.ti][m.start:m.end])
			if prev, ok := cues[k]; ok && prev != m.typ {
				cues[k] = "-"
			} else {
				cues[k] = m.typ
			}
		}
	}
	sure := map[string]string{}
	for _, m := range d.ments {
		if m.conf == nerSure {
			k := d.lowerKey(d.texts[m.ti][m.start:m.end])
			if _, ok := sure[k]; !ok {
				sure[k] = m.typ
			}
		}
	}
	for i := range d.ments {
		m := &d.ments[i]
		if m.conf != nerGuess {
			continue
		}
		text := d.texts[m.ti][m.start:m.end]
		k := d.lowerKey(text)
		switch {
		case d.acronyms[text] != "":
			m.typ = Org
		case sure[k] != "":
			m.typ = sure[k]
		case body[k] == Org && m.typ == Person:
			// "Dow Jones said its index rose": a name referred to as
			// "its" or "which" is a body, not a person
			m.typ = Org
		case body[k] == Person && m.typ == Org:
			m.typ = Person // "Bush's wife", "Cosby, who"
		case body[k] == GPE && (m.typ == Org || m.typ == Person):
			m.typ = GPE
		case body[k] == Person || body[k] == GPE:
			// the document's contexts agree with the guess: keep it
		case !m.cued && (cues[k] == GPE || cues[k] == Org) && body[k] == "":
			// "Pali" opening a sentence, after "in Pali" elsewhere
			m.typ = cues[k]
		case sur[k] != "" || given[k]:
			// "Saddam" after "Saddam Hussein": a person named by either part
			m.typ = Person
		case m.typ == Person && m.b-m.a == 1 && !nerHasEnding(k, nerPersonEndings) && !d.ageAfter(*m):
			// People are introduced by full name; a lone unknown word
			// the document never gives a first name to is a firm, club or
			// body more often than a person.
			m.typ = Org
		}
	}
}

// firmShortNames maps the lower-case short forms of the firms the
// document names with a corporate designator to the first full name: the
// name without it ("campbell soup" of "Campbell Soup Co."), and without
// an industry word before it ("ford" of "Ford Motor Co.", "hearst" of
// "Hearst Corp.").
func (d *nerDoc) firmShortNames() map[string]string {
	out := map[string]string{}
	put := func(k, full string) {
		if _, ok := out[k]; !ok {
			out[k] = full
		}
	}
	for _, m := range d.ments {
		if m.typ != Org || m.conf != nerSure {
			continue
		}
		b := m.b
		for b > m.a+1 && (nerCorporate[d.lowerKey(d.word(m.ti, b-1))] || d.word(m.ti, b-1) == "," || d.word(m.ti, b-1) == "&") {
			b--
		}
		if b == m.b {
			continue
		}
		toks := d.toks[m.ti]
		full := nerProperCase(d.texts[m.ti][m.start:m.end])
		put(d.lowerKey(d.texts[m.ti][toks[m.a].start:toks[b-1].end]), full)
		if b-m.a >= 2 && nerIndustryWords[d.lowerKey(d.word(m.ti, b-1))] {
			put(d.lowerKey(d.texts[m.ti][toks[m.a].start:toks[b-2].end]), full)
		}
	}
	return out
}

// nerHonorifics before a name make it a person's.
var nerHonorifics = nerSet(`mr mr. mrs mrs. ms ms. dr dr. sir dame`)

// nerIndustryWords end a firm's name before its designator and say what
// it makes or does: "Ford Motor Co.", "Justin Industries Inc.".
var nerIndustryWords = nerSet(`motor motors industries group holdings foods electric electronics
	chemical chemicals steel petroleum pharmaceuticals mining mills stores communications
	entertainment publishing financial investments resources systems technologies airlines
	airways energy insurance securities brands manufacturing enterprises international`)

// knownNames maps the lower-case text of each mention (and each person's
// surname) to its type, for reading headings and all-caps lines.
func (d *nerDoc) knownNames() map[string]string {
	known := map[string]string{}
	for _, m := range d.ments {
		k := d.lowerKey(d.texts[m.ti][m.start:m.end])
		if _, ok := known[k]; !ok {
			known[k] = m.typ
		}
	}
	for s := range d.surnames(false) {
		if _, ok := known[s]; !ok {
			known[s] = Person
		}
	}
	for a := range d.acronyms {
		known[strings.ToLower(a)] = Org
	}
	return known
}

// scanKnown reads a heading or all-caps line, taking only gazetteer names,
// names the document's prose mentions, names after a title, and a dateline.
func (d *nerDoc) scanKnown(ln nerLine, known map[string]string) {
	ti, toks := ln.ti, d.toks[ln.ti]
	for p := ln.lo; p < ln.hi; {
		if !d.isCandidate(ti, p) {
			p++
			continue
		}
		if m, e := d.gazAt(ti, p, ln.hi); m > 0 {
			if e.city && d.scoreAfter(ti, p+m, ln.hi) {
				d.add(ti, p, p+m, Org, "", nerGuess) // "NEW JERSEY 14 10 1": a team
			} else {
				d.addGaz(ti, p, p+m, e)
			}
			p += m
			continue
		}
		if m, typ := d.knownAt(ti, p, ln.hi, known); m > 0 {
			d.add(ti, p, p+m, typ, "", nerSure)
			p += m
			continue
		}
		if tm := d.titleAt(ti, p, ln.hi); tm > 0 && p+tm < ln.hi && d.isCandidate(ti, p+tm) &&
			ln.mode == nerHeading {
			q := p + tm
			e := q
			for e < ln.hi && d.isCandidate(ti, e) && !d.commonWord(ti, e) && e-q < 3 {
				e++
			}
			if e > q {
				d.add(ti, q, e, Person, "", nerSure)
				p = e
				continue
			}
		}
		if ln.mode == nerCaps && p == ln.lo && toks[p].allCaps && !nerNever[d.lowerKey(d.word(ti, p))] {
			e := p + 1
			for e < ln.hi && toks[e].word && toks[e].allCaps && e-p < 3 {
				e++
			}
			if e < ln.hi && d.isDatelineMark(ti, e) && (e+1 >= ln.hi || !toks[e+1].allCaps || d.word(ti, e) == ",") {
				d.add(ti, p, e, GPE, "", nerGuess)
				p = e
				continue
			}
		}
		p++
	}
}

// knownAt returns the longest known name starting at p.
func (d *nerDoc) knownAt(ti, p, hi int, known map[string]string) (int, string) {
	k := d.phrase(ti, p, hi, 4)
	for m := k; m >= 1; m-- {
		if !d.isCandidate(ti, p+m-1) {
			continue
		}
		if typ, ok := known[string(d.key[:d.ends[m-1]])]; ok {
			return m, typ
		}
	}
	return 0, ""
}

// repairLowercase finds names damaged to lower case: the surname of a person
// named elsewhere ("umerov") and unambiguous place names ("ukraine").
func (d *nerDoc) repairLowercase() {
	sur := d.surnames(true)
	covered := make([][]bool, len(d.texts))
	for ti := range d.texts {
		covered[ti] = make([]bool, len(d.toks[ti]))
	}
	for _, m := range d.ments {
		for k := m.a; k < m.b; k++ {
			covered[m.ti][k] = true
		}
	}
	for ti, toks := range d.toks {
		for p, t := range toks {
			if !t.word || covered[ti][p] {
				continue
			}
			w := d.lowerKey(d.word(ti, p))
			if t.cap && sur[w] != "" {
				d.add(ti, p, p+1, Person, "", nerSure) // "Major" after "John Major"
				continue
			}
			if !t.lower {
				continue
			}
			if d.lx.isCommon(w) || nerFunctionWords[w] || len(w) < 4 {
				continue
			}
			if sur[w] != "" {
				d.add(ti, p, p+1, Person, "", nerSure)
				continue
			}
			e, ok := d.lx.names[w]
			// "at the anchorage": a lower-case word after an article is a
			// common noun, whatever place it also names.
			article := p > 0 && toks[p-1].word && nerArticles[d.lowerKey(d.word(ti, p-1))]
			switch {
			case !ok || len(w) < 5 || nerLowerAmbiguous[w] || e.company || article:
			case e.typ == GPE || e.typ == Loc:
				d.add(ti, p, p+1, e.typ, e.canonical, nerSure)
			case e.typ == NORP && (t.sent || p+1 < len(toks) && toks[p+1].cap && d.titleAt(ti, p+1, len(toks)) > 0):
				// "austrian Environment Minister ...": a nationality
				// opening a sentence or qualifying a title
				d.add(ti, p, p+1, e.typ, e.canonical, nerSure)
			}
		}
	}
}

// resolve sets the canonical name of every mention.
func (d *nerDoc) resolve() {
	sur := d.surnames(false)
	// family-name-first persons ("Chen Shui-bian"), by family name
	family := map[string]string{}
	for _, m := range d.ments {
		if m.typ == Person && m.b-m.a == 4 && d.word(m.ti, m.a+2) == "-" && d.toks[m.ti][m.a+3].lower {
			if k := d.lowerKey(d.word(m.ti, m.a)); family[k] == "" {
				family[k] = nerProperCase(d.texts[m.ti][m.start:m.end])
			}
		}
	}
	orgInitials := map[string]string{}
	for _, m := range d.ments {
		if m.typ == Org && m.b-m.a >= 2 {
			name := d.texts[m.ti][m.start:m.end]
			if ini := nerInitials(name); len(ini) >= 2 {
				if _, ok := orgInitials[ini]; !ok {
					orgInitials[ini] = name
				}
			}
		}
	}
	for i := range d.ments {
		m := &d.ments[i]
		if m.canon != "" {
			continue
		}
		text := d.texts[m.ti][m.start:m.end]
		switch m.typ {
		case Org:
			switch {
			case d.acronyms[text] != "":
				m.canon = d.acronyms[text]
			case orgInitials[text] != "":
				m.canon = orgInitials[text]
			default:
				m.canon = text
			}
		case Person:
			last := d.lowerKey(d.word(m.ti, m.b-1))
			if full := sur[last]; full != "" && (m.b-m.a == 1 || strings.HasSuffix(strings.ToLower(full), strings.ToLower(text))) {
				m.canon = full
			} else if full := family[last]; full != "" && m.b-m.a == 1 {
				m.canon = full // "Chen" after "Chen Shui-bian"
			} else {
				m.canon = nerProperCase(text)
			}
		default:
			m.canon = nerProperCase(text)
		}
	}
}

// nerInitials returns the initials of the capitalised words of name
// ("Northern River Commission" -> "NRC").
func nerInitials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nerProperCase capitalises words written all in lower or all in upper
// case ("dmitriev", "PUTIN"), leaving mixed-case words ("McDonald") alone.
func nerProperCase(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		hasLower, hasUpper := false, false
		for _, r := range w {
			hasLower = hasLower || unicode.IsLower(r)
			hasUpper = hasUpper || unicode.IsUpper(r)
		}
		if hasLower && hasUpper || !hasLower && !hasUpper {
			continue
		}
		if !hasLower && utf8.RuneCountInString(w) <= 3 {
			continue // acronyms and initials: "UN", "J."
		}
		if i > 0 && !hasUpper && nerParticles[w] {
			continue // "Piet de Wit", "Ludwig van Beethoven"
		}
		var b strings.Builder
		up := true
		for _, r := range w {
			if up {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			up = r == '-' || r == '.' || r == '\''
		}
		words[i] = b.String()
	}
	return strings.Join(words, " ")
}

// entities returns the mentions grouped by text, in order, without overlaps.
func (d *nerDoc) entities() [][]Entity {
	out := make([][]Entity, len(d.texts))
	slices.SortFunc(d.ments, func(x, y nerMention) int {
		if x.ti != y.ti {
			return x.ti - y.ti
		}
		if x.start != y.start {
			return x.start - y.start
		}
		return y.end - x.end
	})
	lastEnd, lastTi := -1, -1
	for _, m := range d.ments {
		if m.ti == lastTi && m.start < lastEnd {
			continue
		}
		lastTi, lastEnd = m.ti, m.end
		e := Entity{Text: d.texts[m.ti][m.start:m.end], Type: m.typ, Canonical: m.canon, Start: m.start, End: m.end}
		if place, ok := basedAt(e.Text); ok {
			// "the Olomouc-based company": where it is based.
			e.Text, e.Type, e.End = place, GPE, e.Start+len(place)
			if e.Canonical == "" || strings.HasPrefix(e.Canonical, place) {
				e.Canonical = place
			}
		}
		out[m.ti] = append(out[m.ti], e)
	}
	return out
}

// basedAt returns the place of a compound that says where something is
// based ("Olomouc-based", "Tel Aviv–based").
func basedAt(text string) (string, bool) {
	for _, h := range []string{"-", "–", "‑"} {
		if place, ok := strings.CutSuffix(text, h+"based"); ok && place != "" {
			return place, true
		}
	}
	return "", false
}

// pronounTypes maps the lower-case text of mentions the document refers
// back to by pronoun: Org when some mention is followed by a say-verb and
// "its" ("Halden said its profit rose") or by ", which", Person when by
// ", who"; both make the name ambiguous and it is left out.
func (d *nerDoc) pronounTypes() map[string]string {
	out := map[string]string{}
	vote := func(k, typ string) {
		if prev, ok := out[k]; ok && prev != typ {
			out[k] = "-"
			return
		}
		out[k] = typ
	}
	// places by where they start, for "Springfield, Mass."
	places := map[[2]int]int{}
	for _, m := range d.ments {
		if m.conf == nerSure && (m.typ == GPE || m.typ == Loc) {
			places[[2]int{m.ti, m.a}] = m.b
		}
	}
	for _, m := range d.ments {
		toks := d.toks[m.ti]
		if m.b == len(toks)-1 && m.a > 0 && d.word(m.ti, m.a-1) == "," && d.addressed(m.ti, m.a) {
			switch d.word(m.ti, m.b) {
			case ".", "!", "?":
				// "Love you, Betsy.": the one addressed
				vote(d.lowerKey(d.texts[m.ti][m.start:m.end]), Person)
				continue
			}
		}
		if m.b+1 >= len(toks) {
			continue
		}
		k := d.lowerKey(d.texts[m.ti][m.start:m.end])
		w1, w2 := d.lowerKey(d.word(m.ti, m.b)), d.lowerKey(d.word(m.ti, m.b+1))
		if end, ok := places[[2]int{m.ti, m.b + 1}]; ok && w1 == "," && m.b-m.a == 1 && m.conf == nerGuess && len(k) > 3 &&
			(end == len(toks) || toks[end].nl || nerClosers[d.word(m.ti, end)]) {
			// "Springfield, Mass.", "Varese, Italy,": a town and the state
			// or country it lies in
			vote(k, GPE)
			continue
		}
		switch {
		case nerSayVerbs[w1] && w2 == "its", w1 == "," && w2 == "which":
			vote(k, Org)
		case w1 == "," && w2 == "who":
			vote(k, Person)
		case (w1 == "'s" || w1 == "’s" || w1 == "'" || w1 == "’") && nerFirmPossessions[w2]:
			vote(k, Org) // "Hearst's shares", "Blue Arrow's chairman"
		case (w1 == "'s" || w1 == "’s") && nerKinPossessions[w2]:
			vote(k, Person) // "Bush's wife"
		case m.b-m.a == 1 && nerPlaceFollowers[w1]:
			vote(k, GPE) // "Shantou airport", "Pali residents", "Shanxi province"
		case nerFirmFollowers[w1] && !toks[m.b].nl:
			vote(k, Org) // "a Justin salesman", "Halden shares"
		case m.b-m.a == 1 && nerLeaderFollowers[w1]:
			vote(k, Person) // "the Carter administration", "the Gore campaign"
		case w1 == "," && (w2 == "the" || w2 == "a" || w2 == "an"):
			// an appositive: "Orsted Vale, the wind developer,"
			for q := m.b + 2; q < len(toks) && q <= m.b+5; q++ {
				w := d.lowerKey(d.word(m.ti, q))
				if q+1 < len(toks) && d.word(m.ti, q+1) != "," && d.word(m.ti, q+1) != "." {
					continue
				}
				switch {
				case orgRoles[w]:
					vote(k, Org)
				case personRoles[w]:
					vote(k, Person)
				}
				break
			}
		}
	}
	return out
}

// addressed reports "you" in the clause before token p.
func (d *nerDoc) addressed(ti, p int) bool {
	for q := p - 1; q >= 0 && !d.toks[ti][q].nl; q-- {
		switch d.lowerKey(d.word(ti, q)) {
		case "you", "your":
			return true
		case ".", "?", "!":
			return false
		}
	}
	return false
}

// nerFirmPossessions after a name and "'s" show a firm: people have no
// shares, profits or boards.
var nerFirmPossessions = nerSet(`shares stock stockholders shareholders board directors chairman
	chairwoman subsidiary subsidiaries unit units profit profits earnings revenue revenues sales
	net stake headquarters employees plant plants bid takeover merger acquisition debt bonds`)

// nerKinPossessions after a name and "'s" show a person.
var nerKinPossessions = nerSet(`wife husband son sons daughter daughters father mother brother
	sister widow parents children family girlfriend boyfriend`)

// ageAfter reports whether the mention is followed by an age in commas
// ("Hollioake, 25,"): only people have one.
func (d *nerDoc) ageAfter(m nerMention) bool {
	toks := d.toks[m.ti]
	if m.b+2 >= len(toks) || d.word(m.ti, m.b) != "," {
		return false
	}
	w := d.word(m.ti, m.b+1)
	if len(w) != 2 || w[0] < '1' || w[0] > '9' || w[1] < '0' || w[1] > '9' {
		return false
	}
	next := d.word(m.ti, m.b+2)
	return next == "," || next == "."
}

// nerPlaceFollowers after a lone name show a place.
var nerPlaceFollowers = nerSet(`province county prefecture township municipality airport residents
	villagers inhabitants harbour harbor district area city town village suburb suburbs`)

// nerFirmFollowers after a name show a firm: "a Justin salesman", "the
// Halden plant", "Vantor shares".
var nerFirmFollowers = nerSet(`shares stock stockholders shareholders salesman salesmen
	merchandise products dealers dealership dealerships subsidiary subsidiaries plant plants
	factory factories employees workers executives stores outlets brand brands`)

// nerLeaderFollowers after a lone name show the person who leads: "the
// Carter administration", "the Gore campaign".
var nerLeaderFollowers = nerSet(`administration presidency campaign team camp`)

// nerClosers end the state or country after a town: "Springfield, Mass.,".
var nerClosers = map[string]bool{",": true, ".": true, ";": true, ")": true, ":": true}
