package crosscheck

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimdex/claimdex/extract"
	"golang.org/x/text/unicode/norm"
)

// Person in a role: "US Special Envoy Steve Witkoff", "NATO
// Secretary-General Jens Stoltenberg", "Kestria's Labour Minister Olav
// Brenning", "the envoy, Steve Witkoff", "Dana Okafor, Brightwell's chief
// executive". The entity recogniser strips such titles from the name; the
// role is read back from the words next to the PERSON span. A role is its
// normalised title ("labour minister", "secretary general", "chief
// financial officer") plus a qualifier naming whose role it is (a country
// or organisation: "kestria", "nato"), so that a NATO and a UN
// Secretary-General, or Ukraine's and Poland's foreign ministers, are
// different roles. Only roles one person holds at a time count: a
// "deputy minister" or a "senator" is one of many, and two outlets naming
// different ones do not disagree.

// roleMention is one person named in a role by a claim.
type roleMention struct {
	role    string // normalised title, e.g. "labour minister"
	qual    string // normalised qualifier, "" when none
	display string // the title as written, for labels
	qualAs  string // the qualifier as written ("Kestria", "NATO")
	name    string // the person's canonical name
	start   int    // span of the name in the claim text
	end     int
	// deputy is set for the deputy of the post ("Associate Medical
	// Officer of Health"): one of several, never compared, but a report
	// that the person is not the holder.
	deputy bool
}

// deputyWords make a title the deputy of a post.
var deputyWords = setOf(`deputy vice assistant associate`)

// honorifics stand between a title and a name ("Medical Officer of
// Health Dr. Jane Roe", "the presiding judge, Justice Ama Mensah").
var honorifics = setOf(`dr prof professor mr mrs ms sir dame justice`)

// cutHonorific drops an honorific that ends s.
func cutHonorific(s string) string {
	t := strings.TrimRight(s, " ")
	i := strings.LastIndexAny(t, " \t\n")
	if i >= 0 && honorifics[strings.TrimSuffix(strings.ToLower(t[i+1:]), ".")] {
		return t[:i+1]
	}
	return s
}

// asDeputy reads title words that name the deputy of a post as that
// post, with the deputy flag set.
func asDeputy(toks []roleToken) (roleMention, bool) {
	i := slices.IndexFunc(toks, func(t roleToken) bool { return deputyWords[strings.ToLower(t.text)] })
	if i < 0 {
		return roleMention{}, false
	}
	m, ok := parseRole(append(toks[:i:i], toks[i+1:]...))
	m.deputy = true
	return m, ok
}

// roleTitleWords may make up a title. Title-case words outside this list (and
// outside roleLinkWords) are qualifiers: "Brightwell", "NATO", "Kestria's".
var roleTitleWords = setOf(`minister secretary general envoy special representative high president prime chancellor
chief executive officer financial operating technology medical scientific fire police director governor mayor
chair chairman chairwoman chairperson commissioner ambassador spokesman spokeswoman spokesperson foreign defence
defense interior home health finance labour labor economy economic justice education energy trade environment
agriculture transport culture treasury affairs state regional national federal attorney commander admiral
ceo cfo coo cto managing top senior judge prosecutor coach manager captain author investigator editor dean rector
principal superintendent sheriff coroner ombudsman auditor registrar provost administrator coordinator controller
head inspector commandant warden curator skipper referee presiding lead acting interim
alderman alderwoman councillor councilor`)

// roleHeadWords are the words a title must contain: without one, "Regional
// Director" may do, but "Senior" alone is no role. Besides officials, the
// posts courts, sport, science and institutions name one holder of:
// the presiding judge, the head coach, the lead author.
var roleHeadWords = setOf(`minister secretary envoy representative president chancellor executive officer chief
director governor mayor chair chairman chairwoman chairperson commissioner ambassador spokesman spokeswoman
spokesperson attorney commander admiral ceo cfo coo cto judge prosecutor coach manager captain author
investigator editor dean rector superintendent sheriff coroner ombudsman auditor registrar provost administrator
coordinator controller inspector commandant warden curator skipper referee
alderman alderwoman councillor councilor`)

// roleManyHolders mark titles several people hold at once. An acting or
// interim holder is the one holder of a post of its own ("acting chief
// executive"), which roleTitleWords keeps in the title.
var roleManyHolders = setOf(`deputy vice assistant junior associate former ex senator lawmaker official
officials ministers envoys representatives senior member`)

// roleLinkWords may join words inside a title: "Secretary of State", "High
// Representative for Foreign Affairs", "Special Envoy for Ukraine".
var roleLinkWords = setOf(`of for to`)

// roleAbbrevs expands abbreviated titles.
var roleAbbrevs = map[string]string{
	"ceo": "chief executive", "cfo": "chief financial officer", "coo": "chief operating officer",
	"cto": "chief technology officer", "chief executive officer": "chief executive",
	"secretary-general": "secretary general", "director-general": "director general",
	"chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson",
	"defense": "defence", "labor": "labour", "special envoy": "envoy",
	"alderwoman": "alderman", "councilor": "councillor",
}

// roleQualAliases normalise common qualifiers.
var roleQualAliases = map[string]string{
	"us": "us", "u.s": "us", "u.s.": "us", "usa": "us", "united states": "us", "american": "us", "america": "us",
	"eu": "eu", "european union": "eu", "uk": "uk", "u.k.": "uk", "britain": "uk", "british": "uk", "united kingdom": "uk",
	"un": "un", "u.n.": "un", "united nations": "un",
}

// fieldHeads are the words for the head of a field ("operations chief").
var fieldHeads = setOf(`head chief director leader`)

// reHeadOf is a field's head before a name: "the coastguard's head of
// operations, NAME", "Head of Research NAME".
var reHeadOf = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\pL'’])(?:the\s+)?(?:([\pL][\pL.&-]*(?:\s+[\pL][\pL.&-]*)?)(?:'s|’s)\s+)?(?:head|chief|director|leader)\s+of\s+([a-z]{4,})\s*,?\s*$`)
})

// styledJudge ends the words before a judge's name in the style of the
// courts of England, Ireland and the Commonwealth: "Mr Justice", "Ms
// Justice". A US "Justice Kagan" is one of a bench and is not read so.
var styledJudge = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:mr|ms|mrs|madam|madame)\.?\s+justice\s+$`)
})

// headOfRole reads reHeadOf in before; the field must be a plain word
// ("head of operations", not "head of the ...").
func headOfRole(before string) (roleMention, bool) {
	if len(before) > describedReach {
		before = strings.ToValidUTF8(before[len(before)-describedReach:], "")
	}
	m := reHeadOf().FindStringSubmatch(before)
	if m == nil || !portfolioWord(strings.ToLower(m[2])) || stopWords[strings.ToLower(m[2])] {
		return roleMention{}, false
	}
	field := strings.ToLower(m[2])
	r := roleMention{role: field + " head", display: "head of " + field}
	if m[1] != "" {
		r.qual, r.qualAs = normQual([]string{strings.ToLower(m[1])}), m[1]
	}
	return r, true
}

// linkedObject reports text that ends with a link word before a name
// ("director of", "envoy to", "minister for").
func linkedObject(before string) bool {
	f := strings.Fields(before)
	return len(f) > 0 && roleLinkWords[strings.ToLower(f[len(f)-1])]
}

// roleMentions returns the persons c names in a role.
func roleMentions(c *extract.Claim) []roleMention {
	var out []roleMention
	for _, p := range namedPersons(c) {
		if m, ok := headOfRole(c.Text[:p.start]); ok {
			m.name, m.start, m.end = p.name, p.start, p.end
			out = append(out, m)
			continue
		}
		// "Ms Justice Aoife Kinsella", as British and Irish courts style
		// the judge who sits alone: the case's presiding judge.
		if styledJudge().MatchString(c.Text[:p.start]) {
			out = append(out, roleMention{role: "presiding judge", display: "judge", name: p.name, start: p.start, end: p.end})
			continue
		}
		var m roleMention
		// "managing director of Kesselalm Bergbahnen": a name after a
		// link word is what the title serves, not its holder.
		toks, ok := roleBefore(cutHonorific(c.Text[:p.start]))
		if ok && linkedObject(c.Text[:p.start]) {
			ok = false
		}
		if ok {
			sentenceFieldWord(c, toks, p.start)
			if m, ok = parseRole(toks); !ok {
				m, ok = asDeputy(toks)
			}
		}
		// "Dr. Peter Marwick, the region's medical officer of health":
		// an honorific before the name is no post; the apposition is.
		if !ok {
			if toks, ok = roleAfter(c.Text[p.end:]); ok {
				if m, ok = parseRole(toks); !ok {
					m, ok = asDeputy(toks)
				}
			}
		}
		if ok {
			m.name, m.start, m.end = p.name, p.start, p.end
			checkQualifier(c, &m)
			if m.role == "judge" && m.qual == "" && !m.deputy && rulingJudge().MatchString(c.Text[p.end:]) {
				// "Judge Ana Reyes sentenced him": a story has many
				// judges, but one who sentences or rules in its case.
				m.role = "presiding judge"
			}
			out = append(out, m)
		}
	}
	return out
}

// rulingJudge starts the words after a judge's name when the judge is
// the one deciding the case: "sentenced", "ruled", "also ordered",
// "who presided over".
var rulingJudge = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\s*,\s*who)?\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?(?:sentenced|ruled|ordered|imposed|jailed|fined|acquitted|dismissed|granted|rejected|upheld|handed\s+down|presided|presides|presiding|found)\b`)
})

// sentenceFieldWord marks the first title word as a field word when it
// opens the sentence, capitalised only for that, and names no body: "Race
// director Joost Verhaar says", not "Boeing chief executive ...".
func sentenceFieldWord(c *extract.Claim, toks []roleToken, nameStart int) {
	if len(toks) < 2 || len(strings.Fields(c.Text[:nameStart])) != len(toks) || toks[0].poss {
		return
	}
	w := strings.ToLower(toks[0].text)
	if !isTitleCase(toks[0].text) || roleTitleWords[w] || !portfolioWord(w) || !fieldHeads[strings.ToLower(toks[1].text)] || !extract.OrdinaryWord(w) {
		return
	}
	// The word opens the text: no entity but a person may cover it.
	at := len(c.Text) - len(strings.TrimLeft(c.Text, " \t\n"))
	for _, e := range c.Entities {
		if e.Start <= at && at < e.End && e.Type != extract.Person {
			return
		}
	}
	toks[0].portfolio = true
}

// personSpan is a person the claim names: the name and its span.
type personSpan struct {
	name       string
	start, end int
}

// namedPersons returns the persons of c's entities with a usable name
// and a span inside the text.
func namedPersons(c *extract.Claim) []personSpan {
	var out []personSpan
	for _, e := range c.Entities {
		if e.Type != extract.Person || e.Start < 0 || e.End > len(c.Text) || e.Start >= e.End {
			continue
		}
		if name := personName(e); name != "" {
			out = append(out, personSpan{name, e.Start, e.End})
		}
	}
	return out
}

// personName is the entity's canonical name without any title words the
// recogniser left at its start.
func personName(e extract.Entity) string {
	name := e.Canonical
	if name == "" {
		name = e.Text
	}
	fs := strings.Fields(name)
	for len(fs) > 1 && (roleTitleWords[strings.ToLower(fs[0])] || roleManyHolders[strings.ToLower(fs[0])]) {
		fs = fs[1:]
	}
	// A span opening with a function word ("For Ukraine") is no name,
	// nor is a title word alone ("Officer").
	if len(fs) == 0 || nameStops[strings.ToLower(fs[0])] || len(fs) == 1 && roleTitleWords[strings.ToLower(fs[0])] {
		return ""
	}
	return strings.Join(fs, " ")
}

// nameStops are function words that cannot open a name (but "Per" and
// "Van" can).
var nameStops = setOf(`for of to the and in on at with by from a an`)

// roleToken is one word of the text next to a name.
type roleToken struct {
	text string // as written, without a possessive
	poss bool   // written with 's
	// portfolio is set for a lower-case word naming the field of the
	// title after it ("sporting" director).
	portfolio bool
}

// portfolioWord reports a lower-case word that can name a title's field:
// a plain word of four letters or more, not a function word, not one
// that makes the title one of many ("deputy", "former").
func portfolioWord(w string) bool {
	if len(w) < 4 || w != strings.ToLower(w) || roleManyHolders[w] || roleLinkWords[w] || nameStops[w] || portfolioStops[w] || stopWords[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// portfolioStops are lower-case words before a title that say when or
// how, not what of: "new director", "interim chief".
var portfolioStops = setOf(`new then later current interim outgoing incoming longtime longstanding their its his her
this that said when while also currently previously formerly recently newly reportedly officially briefly jointly
temporarily`)

// roleBefore reads the title written just before a name: "US Special
// Envoy ", "Special Envoy for Ukraine (", "the envoy, ".
func roleBefore(s string) ([]roleToken, bool) {
	s = strings.TrimRight(s, " ")
	s = strings.TrimSuffix(s, "(")
	s = strings.TrimRight(s, " ")
	// "the envoy, Steve Witkoff": an appositive title after an article.
	if t, ok := strings.CutSuffix(s, ","); ok {
		toks := tokensBackward(t)
		if len(toks) == 0 {
			return nil, false
		}
		return toks, true
	}
	toks := tokensBackward(s)
	return toks, len(toks) > 0
}

// roleAfter reads an appositive title after a name: ", Brightwell's chief
// executive," or ", the US envoy.", and the forms of speaker lists, panels
// and contact blocks: "Otávio Kuhn (CFO)", "Ricardo Takeda — Chief
// Financial Officer".
func roleAfter(s string) ([]roleToken, bool) {
	var rest string
	bracket, dashed := false, false
	switch {
	case strings.HasPrefix(s, ", "):
		rest = s[2:]
	case strings.HasPrefix(s, " ("):
		rest, bracket = s[2:], true
	default:
		for _, d := range []string{" — ", " – ", " - "} {
			if r, ok := strings.CutPrefix(s, d); ok {
				rest, dashed = r, true
			}
		}
		if !dashed {
			return nil, false
		}
	}
	end := strings.IndexAny(rest, ",.;:()\"“”")
	if end < 0 {
		end = len(rest)
	}
	// In brackets or after a dash the title fills them or the line:
	// "(CFO)", "(chief executive, Aerovia)", "— Head of Investor Relations".
	tail := strings.TrimSpace(rest[end:])
	if bracket && !strings.HasPrefix(tail, ")") && !strings.HasPrefix(tail, ",") ||
		dashed && tail != "" && !strings.ContainsAny(tail[:1], ",.;|") {
		return nil, false
	}
	var toks []roleToken
	fields := strings.Fields(rest[:end])
	for i, w := range fields {
		lw := strings.ToLower(w)
		if i == 0 && (lw == "the" || lw == "a" || lw == "an") {
			continue
		}
		// "President of the Asuboa Cocoa Union": the body after a link.
		if lw == "the" && len(toks) > 0 && roleLinkWords[strings.ToLower(toks[len(toks)-1].text)] {
			continue
		}
		// "..., Aurevia's mission director for the flight": a link to
		// a common noun phrase describes the occasion, not the body;
		// "President of the Asuboa Cocoa Union" names the body.
		if len(toks) > 0 && roleLinkWords[lw] && i+1 < len(fields) && strings.ToLower(fields[i+1]) == "the" &&
			(i+2 >= len(fields) || !isTitleCase(fields[i+2])) {
			break
		}
		t, poss := cutPossessive(w)
		if t == "" {
			return nil, false
		}
		tok := roleToken{text: t, poss: poss}
		if !poss && i+1 < len(fields) && roleHeadWords[strings.ToLower(fields[i+1])] && portfolioWord(t) {
			tok.portfolio = true
		}
		toks = append(toks, tok)
	}
	// The title must fill the clause: ", who met the envoy" is no title;
	// a word after a link may be any ("medical officer of health").
	for i, t := range toks {
		lw := strings.ToLower(t.text)
		afterLink := i > 0 && roleLinkWords[strings.ToLower(toks[i-1].text)] && qualifierAfterLink(lw)
		if !roleTitleWords[lw] && !roleLinkWords[lw] && !deputyWords[lw] && !isTitleCase(t.text) && !t.poss && !t.portfolio && !afterLink {
			return nil, false
		}
	}
	return toks, len(toks) > 0
}

// tokensBackward collects the title words at the end of s, stopping at
// a word that can be no part of a title, or at punctuation.
func tokensBackward(s string) []roleToken {
	var rev []roleToken
	for len(s) > 0 {
		i := strings.LastIndexAny(s, " \t\n")
		w := s[i+1:]
		if w == "" {
			break
		}
		// "U.S.Special": a missing space after an abbreviation.
		if j := strings.LastIndex(w, "."); j > 0 && j < len(w)-1 {
			if tail := w[j+1:]; isTitleCase(tail) {
				rev = append(rev, roleToken{text: tail})
				w = w[:j+1]
			}
		}
		t, poss := cutPossessive(w)
		lw := strings.ToLower(t)
		if t == "" || strings.ContainsAny(t, ",;:()\"“”") {
			break
		}
		// "sporting director", "mission director": one lower-case
		// word naming the field of a head title is part of it.
		// A title written capitalised takes no lower-case field: "a
		// decree President X" has no "decree president".
		if !poss && len(rev) == 1 && roleHeadWords[strings.ToLower(rev[0].text)] && portfolioWord(t) && !isTitleCase(rev[0].text) {
			rev = append(rev, roleToken{text: t, portfolio: true})
			if i < 0 {
				break
			}
			s = strings.TrimRight(s[:i], " \t\n")
			continue
		}
		if poss && len(rev) > 0 && !isTitleCase(t) {
			// "the council's chair": a possessive common noun opens
			// the phrase and qualifies the title.
			rev = append(rev, roleToken{text: t, poss: poss})
			break
		}
		if !roleTitleWords[lw] && !roleLinkWords[lw] && !roleManyHolders[lw] && !isTitleCase(t) && !isAcronym(t) {
			break
		}
		// A capitalised function word opens the sentence, not the
		// title: "According to Kaynar chief executive ...".
		if isTitleCase(t) && stopWords[lw] && !roleLinkWords[lw] && !isAcronym(t) {
			break
		}
		rev = append(rev, roleToken{text: t, poss: poss})
		if i < 0 {
			break
		}
		s = strings.TrimRight(s[:i], " \t\n")
		if len(rev) >= 10 {
			break
		}
	}
	// Leading links are no part of the title ("talks of Minister X").
	for len(rev) > 0 && roleLinkWords[strings.ToLower(rev[len(rev)-1].text)] {
		rev = rev[:len(rev)-1]
	}
	out := make([]roleToken, len(rev))
	for i, t := range rev {
		out[len(rev)-1-i] = t
	}
	return out
}

// parseRole turns title words into a role: title words, qualifier words
// (before the title, possessives, or after "for"/"of"), and checks that
// the title names a post one person holds.
func parseRole(toks []roleToken) (roleMention, bool) {
	// The title proper is the run of role words; the words before it
	// qualify ("NATO", "Kestria's") or name a portfolio (see
	// splitQualifier); after a link, a non-role word qualifies too ("for
	// Ukraine").
	var title, qual, qualAs, display []string
	var pre []roleToken
	linkQual := false // inside a qualifier after a link: "for Tamarack-Lakeshore Public Health"
	for _, t := range toks {
		lw := strings.ToLower(strings.Trim(t.text, "."))
		// Hyphenated titles: "Secretary-General", "Secretary‑General".
		lw = strings.NewReplacer("‑", "-", "‐", "-", "–", "-").Replace(lw)
		switch {
		case linkQual:
			// The body's name runs on, title words included.
			qual = append(qual, lw)
			display = append(display, t.text)
			continue
		case roleManyHolders[lw]:
			return roleMention{}, false
		case len(title) == 0 && (t.poss || (lw == "state" && !t.poss) || !(roleTitleWords[lw] || allRoleWords(lw) || roleLinkWords[lw])):
			// Before the title ("State Department spokesperson": state
			// qualifies there).
			pre = append(pre, t)
		case roleLinkWords[lw]:
			display = append(display, t.text)
		case roleTitleWords[lw] || allRoleWords(lw):
			if len(title) == 0 {
				q, portfolio := splitQualifier(pre)
				for _, p := range q {
					qual = append(qual, strings.ToLower(strings.Trim(p.text, ".")))
					qualAs = append(qualAs, p.text)
				}
				for _, p := range portfolio {
					title = append(title, strings.ToLower(p.text))
					display = append(display, p.text)
				}
			}
			title = append(title, lw)
			display = append(display, t.text)
		case t.portfolio && len(title) > 0:
			// "chief risk officer": a field word inside the title.
			title = append(title, lw)
			display = append(display, t.text)
		default:
			if len(display) > 0 && roleLinkWords[strings.ToLower(display[len(display)-1])] && qualifierAfterLink(lw) {
				qual = append(qual, lw)
				display = append(display, t.text)
				linkQual = true
				continue
			}
			// A proper word inside the title: not a title after all
			// ("Minister Anna Berg Olsen" is read from the name).
			return roleMention{}, false
		}
	}
	if len(title) == 0 {
		return roleMention{}, false
	}
	role := strings.Join(title, " ")
	role = strings.ReplaceAll(role, "-", " ")
	for _, k := range []string{"chief executive officer", "special envoy"} {
		role = strings.ReplaceAll(role, k, roleAbbrevs[k])
	}
	var parts []string
	head := false
	for _, w := range strings.Fields(role) {
		if x, ok := roleAbbrevs[w]; ok {
			w = x
		}
		parts = append(parts, w)
		for _, p := range strings.Fields(w) {
			if roleHeadWords[p] {
				head = true
			}
		}
	}
	if !head {
		return roleMention{}, false
	}
	// The head of a field is one post however it is called: "operations
	// chief", "operations director", "head of operations".
	if n := len(parts); n >= 2 && fieldHeads[parts[n-1]] && portfolioWord(parts[n-2]) && !roleHeadWords[parts[n-2]] {
		parts[n-1] = "head"
	}
	// "director of finance" is the finance director; "director
	// general" is a title of its own, as "attorney general" is.
	if len(parts) == 2 && fieldHeads[parts[0]] && portfolioWord(parts[1]) && !roleHeadWords[parts[1]] && parts[1] != "general" {
		parts = []string{parts[1], "head"}
	}
	role = strings.Join(parts, " ")
	// A bare "chief", "director" or "officer" says too little; a council
	// has many members, and only a portfolio ("councillor for mobility",
	// "heritage alderman") names one post.
	if role == "chief" || role == "director" || role == "officer" || role == "senior official" ||
		(role == "alderman" || role == "councillor") && len(qual) == 0 {
		return roleMention{}, false
	}
	return roleMention{role: role, qual: normQual(qual), display: strings.Join(display, " "), qualAs: strings.Join(qualAs, " ")}, true
}

// splitQualifier splits the words before a title into its qualifier and a
// portfolio: after a possessive ("Arden's Competition Commissioner") or
// an acronym ("EU Competition Commissioner") the remaining words name the
// portfolio; otherwise they all qualify ("Brightwell Chief Executive").
func splitQualifier(pre []roleToken) (qual, portfolio []roleToken) {
	if len(pre) == 0 {
		return nil, nil
	}
	if last := pre[len(pre)-1]; last.portfolio {
		q, p := splitQualifier(pre[:len(pre)-1])
		return q, append(p, last)
	}
	for i := len(pre) - 1; i >= 0; i-- {
		if pre[i].poss {
			return pre[:i+1], pre[i+1:]
		}
	}
	if _, ok := roleQualAliases[strings.ToLower(pre[0].text)]; ok || isAcronym(pre[0].text) {
		return pre[:1], pre[1:]
	}
	return pre, nil
}

// allRoleWords reports whether every part of a hyphenated word is a role
// word ("secretary-general").
func allRoleWords(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if !roleTitleWords[p] {
			return false
		}
	}
	return true
}

// qualifierAfterLink: "for Ukraine", "of Kestria" qualify a title; "for
// Foreign Affairs" is part of it (handled as role words).
func qualifierAfterLink(w string) bool { return w != "" && !stopWords[w] }

// normQual joins and normalises qualifier words: aliases of countries and
// unions, then the light stemmer, so that "Ukrainian" and "Ukraine's",
// "Kestrian" and "Kestria" agree (see qualMatch).
func normQual(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	joined := strings.Join(ws, " ")
	if a, ok := roleQualAliases[joined]; ok {
		return a
	}
	var out []string
	for _, w := range ws {
		if a, ok := roleQualAliases[w]; ok {
			out = append(out, a)
			continue
		}
		out = append(out, stem(w))
	}
	return strings.Join(out, " ")
}

// qualMatch reports whether two qualifiers name the same country or
// organisation: equal, or one word the stem of the other's ("ukrain" and
// "ukrainian", "kestria" and "kestrian").
func qualMatch(a, b string) bool {
	if a == b {
		return true
	}
	if da, db := strings.HasPrefix(a, "~"), strings.HasPrefix(b, "~"); da || db {
		return da && db && describedMatch(a, b)
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	// A body's full name opens with its short one: "Kaynar Holding"
	// and "Kaynar", "Halvard Systems" and "Halvard".
	if first, _, ok := strings.Cut(b, " "); ok && !strings.Contains(a, " ") && len(a) >= 4 && first == a {
		return true
	}
	// "the union's president" and "President of the Asuboa Cocoa
	// Union": a body called by its kind, the word its name ends in.
	if !strings.Contains(a, " ") && len(a) >= 4 && strings.HasSuffix(b, " "+a) {
		return true
	}
	if strings.Contains(a, " ") || strings.Contains(b, " ") {
		return false
	}
	return len(a) >= 4 && strings.HasPrefix(b, a) && len(b)-len(a) <= 3
}

func cutPossessive(w string) (string, bool) {
	for _, p := range []string{"’s", "'s", "s’", "s'"} {
		if t, ok := strings.CutSuffix(w, p); ok && t != "" {
			if p == "s’" || p == "s'" {
				t += "s"
			}
			return t, true
		}
	}
	return w, false
}

func isTitleCase(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		} else if r != '.' {
			return false
		}
	}
	return letters >= 2
}

// foldMarks drops accents and other combining marks, as outlets and
// their systems write "Siobhán" and "Siobhan", "Sjöqvist" and "Sjoqvist"
// for one person.
func foldMarks(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nameDots turns dots into spaces and non-breaking hyphens into hyphens.
var nameDots = strings.NewReplacer(".", " ", "‑", "-")

// sameName reports whether two canonical names are one person: equal
// ignoring case and dots, or one a surname of the other.
func sameName(a, b string) bool {
	words := func(s string) []string { // not "norm": that is the package foldMarks uses
		return strings.Fields(strings.ToLower(foldMarks(nameDots.Replace(s))))
	}
	x, y := words(a), words(b)
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	if strings.Join(x, " ") == strings.Join(y, " ") {
		return true
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) == 1 && x[0] == y[len(y)-1] {
		return true
	}
	// A name with a word left before it ("Halvorsen-Kraft Bram
	// Oudshoorn": a team name the recogniser took in).
	if len(x) >= 2 && slices.Equal(x, y[len(y)-len(x):]) {
		return true
	}
	// A name and its first surname ("Inés Carrasco" for "Inés Carrasco
	// Beltrán", as Spanish and Portuguese names are shortened).
	if len(x) >= 2 && len(y) > len(x) && slices.Equal(x, y[:len(x)]) {
		return true
	}
	// Middle names dropped or cut to initials ("Henrique Duarte" and
	// "Daniel K. Otieno" for "Henrique Vasconcelos Duarte" and "Daniel
	// Kiprotich Otieno"): the same first and last names, and each middle
	// word of the shorter one, in order, a middle word of the other or
	// its initial.
	if len(x) >= 2 && x[0] == y[0] && x[len(x)-1] == y[len(y)-1] && middlesMatch(x[1:len(x)-1], y[1:len(y)-1]) {
		return true
	}
	// A double-barrelled surname written in part ("Celeste Varga" or
	// "Moore" for "Celeste Varga-Moore"): the same first name, if both
	// give one, and a surname that is a part of the other's.
	xs, ys := x[len(x)-1], y[len(y)-1]
	if xs == ys || !strings.Contains(xs+ys, "-") {
		return false
	}
	part := func(short, long string) bool {
		return slices.Contains(strings.Split(long, "-"), short)
	}
	if !part(xs, ys) && !part(ys, xs) {
		return false
	}
	return len(x) == 1 || x[0] == y[0]
}

// middlesMatch reports whether the middle words xs match, in order, some
// of ys, each equal or the initial of one.
func middlesMatch(xs, ys []string) bool {
	j := 0
	for _, w := range xs {
		for j < len(ys) && !(w == ys[j] || len(w) == 1 && strings.HasPrefix(ys[j], w) || len(ys[j]) == 1 && strings.HasPrefix(w, ys[j])) {
			j++
		}
		if j == len(ys) {
			return false
		}
		j++
	}
	return true
}

// roleLabel names a group of persons by its title as most often written,
// followed by its qualifier as written when there is one: "Labour
// Minister (Kestria)", "Secretary-General (NATO)".
func roleLabel(ms []mention, members []int) string {
	count := map[string]int{}
	best, qual := "", ""
	for _, i := range members {
		v := ms[i].val
		// The shortest qualifier as written (ties alphabetical), whatever
		// the order of documents: "Sorvia" rather than "Sorvian".
		if v.qualAs != "" && (qual == "" || len(v.qualAs) < len(qual) || (len(v.qualAs) == len(qual) && v.qualAs < qual)) {
			qual = v.qualAs
		}
		d := v.role
		if d == "" {
			d = v.unit
		}
		count[d]++
		if best == "" || count[d] > count[best] || (count[d] == count[best] && (len(d) > len(best) || (len(d) == len(best) && d < best))) {
			best = d
		}
	}
	if qual != "" {
		return best + " (" + qual + ")"
	}
	return best
}

// rolesMatch reports whether two normalised titles are one post: equal,
// or one the other with a portfolio added ("high representative" and
// "high representative foreign affairs", written "High Representative for
// Foreign Affairs").
func rolesMatch(a, b string) bool {
	if a == b {
		return true
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if !strings.Contains(a, " ") {
		return false
	}
	// "fire chief" for the story's "regional fire chief": a scope said
	// by one outlet and left out by another.
	if scope, rest, ok := strings.Cut(b, " "); ok && rest == a && scopeWords[scope] {
		return true
	}
	return strings.HasPrefix(b, a+" ")
}

// scopeWords say which level of government or service a post is at.
var scopeWords = setOf(`regional provincial district county municipal`)

// NamesRole reports whether c names a person in a role that cross-source
// analysis compares ("Labour Minister Olav Brenning"), so that the index
// can select the claims the analysis needs without reading every claim.
func NamesRole(c *extract.Claim) bool { return len(allRoles(c)) > 0 }

// allRoles returns the persons c names in a titled role, then those it
// introduces by the body they lead (unless already titled).
func allRoles(c *extract.Claim) []roleMention {
	out := roleMentions(c)
	for _, d := range append(describedRoles(c), copularRoles(c)...) {
		if !slices.ContainsFunc(out, func(r roleMention) bool { return r.start == d.start }) {
			out = append(out, d)
		}
	}
	// A post given by an appointment may come beside the one the person
	// holds ("the council's director of finance, to be acting chief
	// executive").
	for _, d := range appointedRoles(c) {
		if !slices.ContainsFunc(out, func(r roleMention) bool { return r.start == d.start && rolesMatch(r.role, d.role) }) {
			out = append(out, d)
		}
	}
	return out
}

// checkQualifier drops a qualifier that cannot name a country or
// organisation: a sentence-initial "When President X" has no qualifier
// "When", nor is a person or date found there one. A title without one takes it from "of X"/"for X"
// right after the name ("President Xi Jinping of China").
func checkQualifier(c *extract.Claim, m *roleMention) {
	orgLike := func(e extract.Entity) bool {
		return e.Type == extract.Org || e.Type == extract.GPE || e.Type == extract.NORP
	}
	if m.qualAs != "" {
		q := strings.TrimSpace(m.qualAs)
		if base, ok := cutPossessive(q); ok {
			q = base
		}
		// A function word ("When", "After") is no name, whatever its
		// case; an entity of another kind (a person, a date) is no
		// country or organisation.
		known := true
		for _, w := range strings.Fields(q) {
			_, alias := roleQualAliases[strings.ToLower(strings.Trim(w, "."))]
			if stopWords[strings.ToLower(w)] && !alias && !isAcronym(w) {
				known = false
			}
		}
		for _, e := range c.Entities {
			// The title's own person is no other thing: a firm named
			// after its family ("Kaynar chief executive Selim Kaynar").
			if (strings.EqualFold(e.Text, q) || strings.Contains(e.Text, q)) && !orgLike(e) && !sameName(cmp.Or(e.Canonical, e.Text), m.name) {
				known = false
			}
		}
		// "the region's medical officer", "the country's health
		// minister": the story's own place, named elsewhere or not.
		if placeNouns[q] {
			known = false
		}
		if !known {
			m.qual, m.qualAs = "", ""
		}
		return
	}
	rest := c.Text[m.end:]
	for _, link := range []string{" of ", " for "} {
		after, ok := strings.CutPrefix(rest, link)
		if !ok {
			continue
		}
		at := m.end + len(link)
		for _, e := range c.Entities {
			if orgLike(e) && e.Start == at && len(after) >= e.End-e.Start {
				m.qualAs = e.Text
				m.qual = normQual(strings.Fields(strings.ToLower(e.Text)))
				return
			}
		}
	}
}
