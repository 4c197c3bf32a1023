package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Quotes and speakers. Attribution works on one block (a paragraph) at a
// time, sentence by sentence, with the entities the NER found in each
// sentence. Three shapes are recognised:
//
//   - direct quotes, attributed after the closing mark ("…,” said Envoy
//     Miller", "…,” Miller said", "…,” she added", "…,” according to X")
//     or before the opening mark ("Miller said: “…”"); a quote running
//     over several sentences gives all of them the same speaker;
//   - reported speech: a reporting verb whose subject is a person or an
//     organisation ("Kremlin spokesman Dmitry Peskov also said Putin …",
//     "Witkoff, in remarks echoing Umerov, described …", "X told reporters");
//   - pronoun subjects ("he said", "She added") resolved to the person the
//     text was last about: the previous speaker, else the first person named
//     in the latest sentence that named one;
//   - quotes introduced in an earlier sentence or paragraph by a clause
//     ending in a colon ("Ortega replied:"), quotes continued into the next
//     paragraph (left open, reopened), further quotes of the same paragraph,
//     and blockquotes signed on their last line ("— Name (@handle) date");
//   - countries and institutions as subjects ("Norway said", "the ministry
//     said" after "the Defence Ministry").
//
// The speaker is the entity's canonical name, so that "Miller" becomes
// "John K. Miller" when the document names him in full elsewhere.

// reportingVerbs are the verbs that attribute a statement to their subject.
var reportingVerbs = claimWordSet(
	"say", "says", "said", "saying",
	"tell", "tells", "told", "telling",
	"warn", "warns", "warned", "warning",
	"stress", "stresses", "stressed",
	"describe", "describes", "described",
	"confirm", "confirms", "confirmed",
	"announce", "announces", "announced",
	"add", "adds", "added",
	"note", "notes", "noted",
	"argue", "argues", "argued",
	"insist", "insists", "insisted",
	"caution", "cautions", "cautioned",
	"claim", "claims", "claimed",
	"praise", "praises", "praised",
	"emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised",
	"urge", "urges", "urged",
	"highlight", "highlights", "highlighted",
	"explain", "explains", "explained",
	"acknowledge", "acknowledges", "acknowledged",
	"declare", "declares", "declared",
	"state", "states", "stated",
	"assert", "asserts", "asserted",
	"reiterate", "reiterates", "reiterated",
	"pledge", "pledges", "pledged",
	"predict", "predicts", "predicted",
	"estimate", "estimates", "estimated",
	"deny", "denies", "denied",
	"admit", "admits", "admitted",
	"write", "writes", "wrote",
	"post", "posts", "posted",
	"underscore", "underscores", "underscored",
	"maintain", "maintains", "maintained",
	"vow", "vows", "vowed",
	"promise", "promises", "promised",
	"reveal", "reveals", "revealed",
	"report", "reports", "reported",
	"accuse", "accuses", "accused",
	"call", "calls", "called", "calling",
	"welcome", "welcomes", "welcomed",
	"criticize", "criticizes", "criticized", "criticise", "criticises", "criticised",
	"ask", "asks", "asked",
	"reply", "replies", "replied",
	"repeat", "repeats", "repeated",
	"respond", "responds", "responded",
	"agree", "agrees", "agreed",
	"recall", "recalls", "recalled",
	"recount", "recounts", "recounted",
	"concede", "concedes", "conceded",
	"remark", "remarks", "remarked",
	"tweet", "tweets", "tweeted",
	"joke", "jokes", "joked",
	"quip", "quips", "quipped",
	"speaking",
)

// gapWords may stand between a subject and its reporting verb
// ("Peskov also said", "Zelenskyy on Sunday said", "she has repeatedly said").
var gapWords = claimWordSet(
	"also", "later", "then", "again", "previously", "earlier", "separately",
	"repeatedly", "has", "have", "had", "was", "were", "is", "are", "on",
	"last", "this", "recently", "publicly", "privately", "reportedly",
	"once", "further", "would", "will", "may", "might", "could", "not",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "yesterday", "today", "tonight", "week", "month", "year",
	"himself", "herself", "itself", "quickly", "immediately", "first",
	"flatly", "openly", "initially", "subsequently", "formally",
)

// titleWords may stand between an inverted reporting verb and the name
// ("said the Ukrainian foreign minister, Dmytro Kuleba") in lower case.
var titleWords = claimWordSet("the", "of", "for", "and", "on", "to", "a", "an", "de", "von", "van", "al", "bin")

// roleWords are lower-case words of job titles and roles that may stand
// between an inverted reporting verb and the name ("said chief executive
// Marta Lindqvist", "said the company's spokeswoman, Ana Ruiz").
var roleWords = claimWordSet(
	"chief", "executive", "officer", "minister", "spokesman", "spokeswoman",
	"spokesperson", "president", "vice", "director", "secretary", "envoy",
	"official", "ambassador", "general", "head", "leader", "chair",
	"chairman", "chairwoman", "senator", "governor", "mayor", "deputy",
	"foreign", "prime", "defence", "defense", "finance", "economy",
	"interior", "health", "senior", "top", "special", "former", "state",
	"commissioner", "councillor", "councilor", "lawmaker", "legislator",
	"representative", "member", "analyst", "economist", "professor",
	"researcher", "expert", "founder", "owner", "manager", "adviser",
	"advisor", "aide", "negotiator", "diplomat", "commander", "colonel",
	"captain", "lieutenant", "sergeant", "judge", "lawyer", "attorney",
	"prosecutor", "police", "army", "military", "party", "opposition",
	"union", "industry", "trade", "policy", "affairs", "national",
	"regional", "local", "city", "county", "federal", "company's",
	"company’s", "ministry's", "ministry’s", "group's", "group’s",
	"organisation's", "organization’s", "board", "committee", "council",
	"press", "communications", "campaign", "general's", "coordinator",
	"organiser", "organizer", "convenor", "convener", "steward", "campaigner", "activist",
)

// attribution is the outcome for one sentence.
type attribution struct {
	Speaker string
	// Direct is true when the sentence is (part of) a direct quote with a
	// known speaker.
	Direct bool
}

// sentenceRef is one sentence of a block: its text, its byte offset in
// the block's text, and its entities (offsets into Text).
type sentenceRef struct {
	Text string
	Off  int
	Ents []Entity
}

// speakerTracker carries attribution state across the blocks of one
// document: who the text was last about (for "he said"), the organisations
// named so far (for "the ministry said"), a speaker announced by a clause
// ending in a colon ("Ortega replied:") whose quote is the next block, and
// the speaker of a quote left open at the end of a paragraph (news style:
// the quote continues in the next paragraph, which reopens with a mark).
type speakerTracker struct {
	salient   string
	orgs      []string
	pending   string
	continued string
	// roles maps a role noun to the person last introduced with it
	// ("Finance Minister Adaeze Okonkwo", "Corin Aldway, the authority's
	// chief executive"), for "the minister added".
	roles map[string]string
}

// maxTrackedOrgs bounds the organisations kept for definite descriptions;
// the most recent ones are the likely referents.
const maxTrackedOrgs = 16

// attributeBlock finds the speaker of each sentence of one block.
// block is the block's text; sents cover it in order. quoteBlock marks a
// block the page sets apart as a quotation (blockquote), whose sentences
// are quoted words even without quotation marks.
func (t *speakerTracker) attributeBlock(block string, quoteBlock bool, sents []sentenceRef) []attribution {
	out := make([]attribution, len(sents))
	done := make([]bool, len(sents))
	quotes := quoteSpans(block)

	// A speaker carried from the previous block applies only to a block
	// that is a quotation: a blockquote, or a paragraph opening with a
	// quotation mark.
	carry := t.pending
	if carry == "" {
		carry = t.continued
	}
	t.pending, t.continued = "", ""
	opensWithQuote := len(quotes) > 0 && strings.TrimSpace(block[:quotes[0].Start]) == ""
	if !quoteBlock && !opensWithQuote {
		carry = ""
	}

	// inherit is the speaker of the latest attributed direct quote: a
	// further quote with no attribution of its own in the same block
	// ("“…,” Miller said. “…”") is the same person's.
	inherit := carry
	qi := 0
	lastQuote := ""
	lastEnd := 0
	for k, s := range sents {
		end := s.Off + len(s.Text)
		for ; qi < len(quotes) && quotes[qi].Start < end; qi++ {
			q := quotes[qi]
			if q.Start < s.Off || !isDirectQuote(q) {
				continue
			}
			sp := t.fullOrg(t.quoteSpeaker(block, k, q, sents, quotes))
			if sp == "" && !otherPersonBetween(sents, quotes, lastEnd, clauseEnd(sents, k, q), inherit) {
				sp = inherit
			}
			lastEnd = q.End
			inherit = sp
			if q.Open {
				lastQuote = sp
			} else {
				lastQuote = ""
			}
			if sp == "" {
				continue
			}
			for j := k; j < len(sents) && sents[j].Off < q.End; j++ {
				if !done[j] || out[j].Speaker == "" {
					out[j] = attribution{Speaker: sp, Direct: true}
					done[j] = true
				}
			}
		}
		if !done[k] {
			skip := localSpans(quotes, s.Off, len(s.Text))
			out[k].Speaker = t.fullOrg(findSpeaker(s.Text, s.Ents, skip, t))
			if quoteBlock {
				if out[k].Speaker == "" {
					out[k].Speaker = carry
				}
				out[k].Direct = out[k].Speaker != ""
			}
			done[k] = true
		}
		t.update(s, out[k].Speaker, localSpans(quotes, s.Off, len(s.Text)))
	}
	t.continued = lastQuote
	if quoteBlock && carry != "" && len(sents) > 0 && out[len(sents)-1].Speaker == carry {
		// A blockquote may run over several blocks.
		t.continued = carry
	}
	if n := len(sents); n > 0 && t.continued == "" {
		s := sents[n-1]
		if t.pending = introSpeaker(s.Text, s.Ents, localSpans(quotes, s.Off, len(s.Text)), t); t.pending != "" {
			out[n-1].Speaker = t.pending
		}
	}
	return out
}

// clauseEnd is where the last sentence covered by the quote q, which
// starts in sentence k, ends: a person named there after the closing mark
// ("…,” McDowell laughed.") is its speaker even without a reporting verb.
func clauseEnd(sents []sentenceRef, k int, q qspan) int {
	end := q.End
	for j := k; j < len(sents) && sents[j].Off < q.End; j++ {
		end = max(end, sents[j].Off+len(sents[j].Text))
	}
	return end
}

// otherPersonBetween reports whether the block names, outside quotes
// between from and to, a person other than speaker: "“…,” York said.
// Smith agreed: “…”" passes the word to Smith, not back to York.
func otherPersonBetween(sents []sentenceRef, quotes []qspan, from, to int, speaker string) bool {
	for _, s := range sents {
		for _, e := range s.Ents {
			at := s.Off + e.Start
			if e.Type == Person && at >= from && at < to && !insideAny(quotes, at) && speakerName(e) != speaker {
				return true
			}
		}
	}
	return false
}

// quoteSpeaker finds who speaks the direct quote q, which starts in
// sentence k: attribution after the closing mark (the usual news form),
// then in the sentence where it starts, then a clause ending in a colon
// just before the opening mark ("Miller told reporters: “…”") even when
// the sentence splitter put that clause in a sentence of its own.
func (t *speakerTracker) quoteSpeaker(block string, k int, q qspan, sents []sentenceRef, quotes []qspan) string {
	last := k
	for last+1 < len(sents) && sents[last+1].Off < q.End {
		last++
	}
	for _, j := range []int{last, k} {
		sj := sents[j]
		if sp := findSpeaker(sj.Text, sj.Ents, localSpans(quotes, sj.Off, len(sj.Text)), t); sp != "" {
			return sp
		}
	}
	// A name the recogniser missed (a given name that is also a word:
	// "Even Dahl", "Will Hardy"), right after the reporting verb and
	// followed by an apposition saying who they are.
	for _, j := range []int{last, k} {
		sj := sents[j]
		if m := saidNameAppos().FindStringSubmatchIndex(sj.Text); m != nil && !insideAny(localSpans(quotes, sj.Off, len(sj.Text)), m[2]) {
			return sj.Text[m[2]:m[3]]
		}
	}
	// "“No aircraft will fly …” That's DSAC director Paula Soto,
	// speaking to reporters": a quotation standing alone, and the next
	// sentence says whose words they were.
	if end := sents[last].Off + len(sents[last].Text); last+1 < len(sents) && q.End <= end && end <= len(block) && strings.Trim(block[q.End:end], " .") == "" {
		if sp := namedAfter(sents[last+1].Text, sents[last+1].Ents); sp != "" {
			return sp
		}
	}
	before := strings.TrimRightFunc(block[:q.Start], unicode.IsSpace)
	if !strings.HasSuffix(before, ":") {
		return ""
	}
	colon := len(before)
	for j := k; j >= 0; j-- {
		sj := sents[j]
		if sj.Off >= colon {
			continue
		}
		n := min(colon-sj.Off, len(sj.Text))
		var ents []Entity
		for _, e := range sj.Ents {
			if e.End <= n {
				ents = append(ents, e)
			}
		}
		return introSpeaker(sj.Text[:n], ents, localSpans(quotes, sj.Off, n), t)
	}
	return ""
}

// saidNameAppos matches a reporting verb, two or three capitalised words
// and an apposition: `said Even Dahl, the company's chief technology
// officer`.
var saidNameAppos = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:said|says|added|told \w+)[,]?\s+(\p{Lu}[\p{Ll}'’\-]+(?:\s+\p{Lu}[\p{Ll}'’\-]+){1,2}),\s+(?:the|a|an|its|his|her|their|\p{Lu}[\p{L}]*['’]s)\s`)
})

// maxIntroTail is how many words may follow the reporting verb of an
// introducing clause before its colon ("Ortega told reporters after the
// vote in the capital:").
const maxIntroTail = 8

// introSpeaker returns the speaker of a clause ending in a colon that
// introduces a quotation ("Miller told reporters:", "In a statement, the
// ministry said:"), or "". The colon must close the clause of a reporting
// verb: "The rules are simple:" introduces no one's words.
func introSpeaker(text string, ents []Entity, skip []qspan, t *speakerTracker) string {
	trimmed := strings.TrimRightFunc(text, unicode.IsSpace)
	if !strings.HasSuffix(trimmed, ":") || insideAny(skip, len(trimmed)-1) {
		return ""
	}
	ws := claimWords(trimmed)
	for v := len(ws) - 1; v >= 0 && len(ws)-1-v <= maxIntroTail; v-- {
		w := ws[v]
		if insideAny(skip, w.Start) || strings.ContainsAny(trimmed[w.End:len(trimmed)-1], ".;!?\"“”«»") {
			break
		}
		if !reportingVerbs[strings.ToLower(w.Text)] {
			continue
		}
		if sp := subjectBefore(trimmed, ws, v, ents, t); sp != "" {
			return sp
		}
		if invertedPosition(trimmed, w.Start) {
			if sp := subjectAfter(trimmed, ws, v+1, ents, t); sp != "" {
				return sp
			}
		}
		break
	}
	// "The quote of the morning, from deputy chair Tomas Brekk:", "A
	// warning from the minister, Ana Ruiz:": the words come from the
	// person who ends the clause.
	for _, e := range ents {
		if e.Type != Person || insideAny(skip, e.Start) || strings.TrimRight(trimmed[min(e.End, len(trimmed)):], " :") != "" {
			continue
		}
		lead := strings.ToLower(trimmed[:e.Start])
		if i := strings.LastIndex(lead, "from "); i >= 0 && (i == 0 || lead[i-1] == ' ') && onlyTitles(strings.TrimRight(trimmed[i+len("from "):e.Start], ", ")) {
			return speakerName(e)
		}
	}
	// No reporting verb (or none with a subject: "the state of the
	// pier"), but a person as the subject of the sentence
	// that introduces the quotation: "Health secretary Ana Ruiz has been
	// blunt about the pressure on hospitals:", "Organiser Dean Whitcombe
	// summed it up:".
	// "Asked about the talks, she was blunt:": the salient person.
	clause := trimmed
	if i := strings.LastIndexByte(clause, ','); i >= 0 && !insideAny(skip, i) {
		clause = clause[i+1:]
	}
	if f := strings.Fields(clause); len(f) > 1 && !hasPersonBefore(ents, skip) {
		first, second := strings.ToLower(f[0]), strings.ToLower(strings.Trim(f[1], ":,"))
		// "she was blunt:", "Her words were:", "His reply:".
		if first == "he" || first == "she" || ((first == "his" || first == "her") && possessedWords[second]) {
			return t.salientPerson()
		}
	}
	for _, e := range ents {
		if e.Type != Person || insideAny(skip, e.Start) {
			continue
		}
		lead := trimmed[:e.Start]
		// After a fronted clause: "When the papers had been checked
		// again, deputy returning officer Owen Tidball addressed the
		// room:".
		if i := strings.LastIndexByte(lead, ','); i >= 0 && !insideAny(skip, i) {
			lead = lead[i+1:]
		}
		if strings.TrimSpace(lead) == "" || onlyTitles(lead) {
			return speakerName(e)
		}
		break
	}
	return ""
}

// possessedWords are what a person's words are called after "his" or
// "her" in a colon intro.
var possessedWords = map[string]bool{"words": true, "statement": true, "message": true, "reply": true,
	"response": true, "answer": true, "verdict": true, "view": true, "comment": true, "line": true}

// hasPersonBefore reports a person entity outside the skipped spans.
func hasPersonBefore(ents []Entity, skip []qspan) bool {
	for _, e := range ents {
		if e.Type == Person && !insideAny(skip, e.Start) {
			return true
		}
	}
	return false
}

// qspan is a quotation's byte span with the number of words inside it.
// Open marks a quotation left open at the end of the text.
type qspan struct {
	Start, End, Words int
	Open              bool
}

// isDirectQuote tells a quoted statement from a quoted word or phrase
// ("so-called “neutral zones”"): at least four words inside the marks.
func isDirectQuote(q qspan) bool { return q.Words >= 4 }

// update moves the salient person on after a sentence: its speaker when
// that is a person, else the first person named outside quotes. It also
// remembers the organisations named, for definite descriptions.
func (t *speakerTracker) update(s sentenceRef, speaker string, skip []qspan) {
	for _, e := range s.Ents {
		if e.Type == Org && !insideAny(skip, e.Start) {
			t.rememberOrg(speakerName(e))
		}
		if speakerEntity(e) && !insideAny(skip, e.Start) {
			t.rememberRoles(s.Text, e)
		}
	}
	if speaker != "" {
		for _, e := range s.Ents {
			if speakerName(e) == speaker && e.Type == Person {
				t.salient = speaker
				return
			}
		}
		if speaker == t.salient {
			return
		}
	}
	// The sentence's subject rather than a name after a preposition:
	// "at the offices on Harbour Row, survey leader Ibrahim Nazeer did
	// not mince his words" makes Nazeer the "he" of what follows.
	first := ""
	for _, e := range s.Ents {
		if e.Type != Person || insideAny(skip, e.Start) {
			continue
		}
		if e.Start <= len(s.Text) && !afterPreposition(s.Text, e.Start) {
			t.salient = speakerName(e)
			return
		}
		if first == "" {
			first = speakerName(e)
		}
	}
	if first != "" {
		t.salient = first
	}
}

// initials matches initials written before a name ("K. ", "J.R. ").
var initials = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(?:\p{Lu}\.\s*)+`) })

// rememberRoles records the role nouns written around the person e: the
// title words before the name and inside the recognised span ("Finance
// Minister", "Fire chief", "Firefighter") and an appositive after it
// (", the authority's chief executive", ", a ward nurse").
func (t *speakerTracker) rememberRoles(text string, e Entity) {
	name := speakerName(e)
	roles := personRoles
	if e.Type == Org {
		roles = orgRoles // "The operator, Aegean Link,"
	}
	note := func(w string) {
		lw := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		if roles[lw] {
			if t.roles == nil {
				t.roles = map[string]string{}
			}
			t.roles[lw] = name
		}
	}
	for _, w := range strings.Fields(e.Text) {
		note(w)
	}
	before := claimWords(text[:e.Start])
	for k := len(before) - 1; k >= 0 && k >= len(before)-4; k-- {
		// An initial the recogniser left out ("Minister K. Suresh
		// Thampi") is part of the name, not a sentence's end.
		if gap := initials().ReplaceAllString(text[before[k].Start:e.Start], " "); strings.ContainsAny(gap, ".;:!?\"“”") {
			break
		}
		note(before[k].Text)
	}
	rest := text[e.End:]
	if strings.HasPrefix(rest, ",") {
		if end := strings.IndexAny(rest[1:], ",.;:!?\"“”"); end >= 0 {
			rest = rest[1 : end+1]
		} else {
			rest = rest[1:]
		}
		for _, w := range claimWords(rest) {
			note(w.Text)
		}
	}
}

// personRoles are the nouns that refer back to a person introduced with
// them ("the minister added", "the detective said").
var personRoles = claimWordSet(
	"minister", "secretary", "president", "governor", "mayor", "senator",
	"judge", "chief", "executive", "director", "chairman", "chairwoman", "master",
	"warden", "coroner", "curator", "editor", "sheriff", "superintendent", "skipper",
	"chair", "chairperson", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
	"commissioner", "detective", "inspector", "officer", "sergeant", "captain",
	"colonel", "general", "admiral", "commander", "nurse", "doctor",
	"surgeon", "economist", "analyst", "lawyer", "attorney", "prosecutor",
	"professor", "researcher", "scientist", "teacher", "farmer", "resident",
	"owner", "founder", "co-founder", "manager", "coach", "councillor",
	"councilor", "lawmaker", "legislator", "leader", "negotiator", "diplomat",
	"firefighter", "official", "adviser", "advisor", "premier", "chancellor",
	"king", "queen", "prince", "princess", "pope", "bishop", "priest",
	"activist", "campaigner", "candidate", "trader", "broker", "investor",
	"banker", "engineer", "pilot", "driver", "worker", "student", "passenger",
	"witness", "survivor", "shopkeeper", "voter", "parent", "mother", "father",
	"neighbour", "neighbor", "customer", "tourist", "victim", "fan", "guard",
)

// orgRoles are the nouns that refer back to an organisation even when its
// name does not hold them ("the company said" after "Velmora Motors").
var orgRoles = claimWordSet(
	"company", "firm", "developer", "airline", "carrier", "lender", "bank",
	"insurer", "retailer", "maker", "manufacturer", "operator", "producer",
	"exporter", "group", "union", "agency", "ministry", "government",
	"regulator", "watchdog", "broadcaster", "publisher", "newspaper",
	"network", "chain", "startup", "start-up", "club", "team", "party",
	"association", "organisation", "organization", "authority", "council",
	"department", "court", "board", "miner", "automaker", "carmaker",
	"supplier", "utility", "charity", "university", "school", "hospital",
)

// rolePerson resolves "the minister" to the person last introduced as
// one, or "".
func (t *speakerTracker) rolePerson(head string) string {
	if t == nil {
		return ""
	}
	return t.roles[head]
}

// recentOrg is the organisation named most recently, or "".
func (t *speakerTracker) recentOrg() string {
	if t == nil || len(t.orgs) == 0 {
		return ""
	}
	return t.orgs[0]
}

// fullOrg gives the fuller name of an organisation named before when name
// is its first word(s) ("Halbrook" after "Halbrook Foods").
func (t *speakerTracker) fullOrg(name string) string {
	if t == nil || name == "" {
		return name
	}
	for _, o := range t.orgs {
		if len(o) > len(name) && strings.HasPrefix(o, name+" ") {
			return o
		}
	}
	return name
}

// definiteSpeaker resolves a definite description ending at word j, the
// head noun before a reporting verb or after an inverted one ("the
// minister", "the fire chief", "the company"): an organisation whose name
// holds the noun, a person introduced with it, else the latest
// organisation for an organisation noun.
func (t *speakerTracker) definiteSpeaker(head string) string {
	if sp := t.definiteOrg(head); sp != "" {
		return sp
	}
	if personRoles[head] {
		if sp := t.rolePerson(head); sp != "" {
			return sp
		}
	}
	if orgRoles[head] {
		if sp := t.rolePerson(head); sp != "" {
			return sp
		}
		return t.recentOrg()
	}
	return ""
}

// definiteHead returns the head noun of a definite description "the
// [up to two lower-case modifiers] head" ending at word j, or "".
func definiteHead(ws []claimWord, j int) string {
	if j < 0 || unicode.IsUpper(claimFirstRune(ws[j].Text)) {
		return ""
	}
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		lw := strings.ToLower(ws[k].Text)
		if lw == "the" {
			return strings.ToLower(ws[j].Text)
		}
		if k < j && (unicode.IsUpper(claimFirstRune(ws[k].Text)) || reportingVerbs[lw]) {
			return ""
		}
	}
	return ""
}

// rememberOrg moves name to the front of the recent organisations.
func (t *speakerTracker) rememberOrg(name string) {
	for i, o := range t.orgs {
		if o == name {
			copy(t.orgs[1:i+1], t.orgs[:i])
			t.orgs[0] = name
			return
		}
	}
	if len(t.orgs) < maxTrackedOrgs {
		t.orgs = append(t.orgs, "")
	}
	copy(t.orgs[1:], t.orgs[:len(t.orgs)-1])
	t.orgs[0] = name
}

// institutionHeads are the nouns of definite descriptions that refer back
// to a named organisation ("the ministry" after "the Defence Ministry").
var institutionHeads = claimWordSet(
	"ministry", "company", "commission", "agency", "department", "government",
	"council", "committee", "court", "bank", "embassy", "party", "union",
	"authority", "board", "office", "firm", "group", "foundation", "institute",
	"organisation", "organization", "alliance", "bloc", "army", "police",
	"regulator", "airline", "club", "team", "league", "federation", "association",
	"university", "campaign", "coalition", "secretariat", "fund", "service",
)

// definiteOrg resolves "the ministry" to the most recent organisation
// whose name holds that noun, or "".
func (t *speakerTracker) definiteOrg(head string) string {
	if t == nil || !institutionHeads[head] {
		return ""
	}
	for _, o := range t.orgs {
		for _, w := range claimWords(o) {
			if strings.EqualFold(w.Text, head) {
				return o
			}
		}
	}
	return ""
}

func (t *speakerTracker) salientPerson() string {
	if t == nil {
		return ""
	}
	return t.salient
}

// speakerName is the entity's canonical name; for a person, without the
// team, position or title the recogniser may have kept in front of the
// name ("Browns DL Sheldon Richardson" -> "Sheldon Richardson").
func speakerName(e Entity) string {
	name := e.Canonical
	if name == "" {
		name = e.Text
	}
	if e.Type == Person {
		name = stripNamePrefix(name)
	}
	return name
}

// stripNamePrefix drops the words up to the last position abbreviation
// ("DL", "QB", "CEO") or title ("Envoy", "Minister") of a person's name
// when at least two words of name remain.
func stripNamePrefix(name string) string {
	f := strings.Fields(name)
	cut := -1
	for i, w := range f[:max(len(f)-2, 0)] {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if positionAbbrev(w) || roleWords[lw] || personTitles[lw] {
			cut = i
		}
	}
	if cut < 0 {
		return name
	}
	return strings.Join(f[cut+1:], " ")
}

// personTitles are the abbreviated and full titles worn before a name.
var personTitles = claimWordSet(
	"mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sen", "rep", "gov", "lt",
	"col", "maj", "capt", "cpt", "sgt", "cpl", "adm", "cmdr", "rev", "hon",
	"pres", "supt", "amb", "insp", "det", "brig", "atty", "envoy", "sir",
	"dame", "lord", "lady", "coach", "quarterback", "rabbi", "imam", "bishop",
)

// positionAbbrev reports an all-capitals abbreviation of two to four
// letters, as positions and roles are written in sports and business news
// ("DL", "QB", "CEO", "CFO").
func positionAbbrev(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// nounLikeVerbs are reporting verb forms that are also nouns ("U.S.
// states", "Ukraine reports") or verbs of doing as much as of saying ("the
// US maintains tariffs"): a place is not taken as their subject.
var nounLikeVerbs = claimWordSet(
	"states", "reports", "posts", "calls", "claims", "estimates", "notes",
	"pledges", "promises", "highlights", "praises", "vows", "remarks",
	"tweets", "jokes", "quips",
	"state", "report", "post", "call", "claim", "estimate", "note", "pledge",
	"promise", "highlight", "praise", "vow", "remark", "tweet", "joke", "quip",
	"maintain", "maintains", "maintained", "posted", "reported", "called",
	"estimated", "recall", "recalls", "recalled", "write", "writes", "wrote",
)

// clauseSubject finds the subject of a verb separated from it by one or
// more parenthetical descriptions ("…,” Dylan Reyes, a fellow at the
// institute in Munich, Germany, and co-author of the study, said"): a
// person or organisation opening the clause (at the start of the text or
// after a closing quotation mark) and followed by a comma, with no
// sentence punctuation between it and the verb's comma at end.
func clauseSubject(text string, ents []Entity, end int) (Entity, bool) {
	var best Entity
	found := false
	for _, e := range ents {
		if !speakerEntity(e) || e.End >= end || !strings.HasPrefix(text[e.End:], ",") {
			continue
		}
		before := strings.TrimRightFunc(text[:e.Start], unicode.IsSpace)
		if before != "" {
			r, _ := utf8.DecodeLastRuneInString(before)
			if r != '”' && r != '"' && r != '»' {
				continue
			}
		}
		between := text[e.End:end]
		if strings.ContainsAny(between, ";:!?\"“”«»") || claimCountWords(between) > 30 || hasReportingVerb(between) {
			continue
		}
		if !found || e.Start > best.Start {
			best, found = e, true
		}
	}
	return best, found
}

func hasReportingVerb(s string) bool {
	for _, w := range claimWords(s) {
		if reportingVerbs[w.Text] {
			return true
		}
	}
	return false
}

// prepositions before a place show it is not the subject ("officials in
// Oslo said").
var prepositions = claimWordSet(
	"in", "from", "of", "at", "to", "across", "for", "with", "near", "by",
	"outside", "inside", "throughout", "within", "on", "into", "over",
	"around", "against", "toward", "towards", "between", "about",
)

func afterPreposition(text string, at int) bool {
	ws := claimWords(text[:at])
	return len(ws) > 0 && prepositions[strings.ToLower(ws[len(ws)-1].Text)]
}

// localSpans converts block-relative spans to spans relative to a sentence
// at off of length n, clipped to it.
func localSpans(spans []qspan, off, n int) []qspan {
	var out []qspan
	for _, q := range spans {
		s, e := q.Start-off, q.End-off
		if e <= 0 || s >= n {
			continue
		}
		out = append(out, qspan{Start: max(s, 0), End: min(e, n), Words: q.Words})
	}
	return out
}

func insideAny(spans []qspan, i int) bool {
	for _, q := range spans {
		if i >= q.Start && i < q.End {
			return true
		}
	}
	return false
}

// quoteSpans returns the spans of quotations in text, marks included:
// curly “…”, guillemets «…» and straight "…" quotes. A quotation left open
// runs to the end of the text (the news convention for a quote continued
// in the next paragraph).
func quoteSpans(text string) []qspan {
	var spans []qspan
	open := -1
	var closer rune
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case open < 0 && (r == '“' || r == '«' || (r == '"' && straightOpens(text, i))):
			open = i
			switch r {
			case '“':
				closer = '”'
			case '«':
				closer = '»'
			default:
				closer = '"'
			}
		case open >= 0 && r == closer:
			spans = append(spans, qspan{Start: open, End: i + size})
			open = -1
		}
		i += size
	}
	if open >= 0 {
		spans = append(spans, qspan{Start: open, End: len(text), Open: true})
	}
	for i := range spans {
		spans[i].Words = claimCountWords(text[spans[i].Start:spans[i].End])
	}
	return spans
}

// straightOpens reports whether the straight quote at text[i] can open a
// quotation: at the start or after a space, dash or bracket, not after a
// digit (5'10" is a measure).
func straightOpens(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '-' || r == '–' || r == '—' || r == ':'
}

// claimCountWords counts runs of letters or digits.
func claimCountWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// claimWord is a token of letters, digits and inner apostrophes or hyphens.
type claimWord struct {
	Start, End int
	Text       string
}

// claimWords tokenises text into words with byte offsets.
func claimWords(text string) []claimWord {
	var ws []claimWord
	start := -1
	for i := 0; i <= len(text); {
		r, size := rune(0), 1
		if i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		inner := (r == '\'' || r == '’' || r == '-' || r == '.') && start >= 0 && i+size < len(text) && claimWordRune(claimFirstRune(text[i+size:]))
		if claimWordRune(r) || inner {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			ws = append(ws, claimWord{Start: start, End: i, Text: text[start:i]})
			start = -1
		}
		i += size
	}
	return ws
}

func claimWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func claimFirstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// findSpeaker returns the canonical name of who a sentence attributes its
// statement to, or "". skip holds the quotations, whose words are the
// quoted person's, not the reporter's. salient resolves "he" and "she".
func findSpeaker(text string, ents []Entity, skip []qspan, t *speakerTracker) string {
	ws := claimWords(text)
	for i, w := range ws {
		if insideAny(skip, w.Start) {
			continue
		}
		lw := strings.ToLower(w.Text)
		if lw == "according" && i+1 < len(ws) && strings.EqualFold(ws[i+1].Text, "to") {
			if sp := subjectAfter(text, ws, i+2, ents, t); sp != "" {
				return sp
			}
			continue
		}
		// A capitalised reporting word inside a sentence is part of a
		// name ("New York State", "Post").
		if !reportingVerbs[lw] || i > 0 && unicode.IsUpper(claimFirstRune(w.Text)) {
			continue
		}
		if sp := subjectBefore(text, ws, i, ents, t); sp != "" {
			return sp
		}
		if strings.HasSuffix(lw, "ing") {
			// "Ardenghi defended the route, saying the Cerreta descent
			// …": a participle takes the sentence's subject and is never
			// inverted; what follows it is what was said.
			if sp := participleSubject(text, w.Start, ents); sp != "" {
				return sp
			}
			continue
		}
		if invertedPosition(text, w.Start) {
			if sp := subjectAfter(text, ws, i+1, ents, t); sp != "" {
				return sp
			}
		}
	}
	return ""
}

// participleSubject finds the subject of a reporting participle after a
// comma ("Race director Paolo Ardenghi defended the route, saying …"): the
// person or organisation that opens the sentence, titles allowed before
// it, in the clause before the participle's comma.
func participleSubject(text string, at int, ents []Entity) string {
	before := strings.TrimRightFunc(text[:at], unicode.IsSpace)
	if !strings.HasSuffix(before, ",") {
		return ""
	}
	for _, e := range ents {
		if e.End > len(before) {
			break
		}
		if speakerEntity(e) && onlyTitles(text[:e.Start]) {
			return speakerName(e)
		}
	}
	return ""
}

// invertedPosition reports a verb that may come before its subject: at the
// start of the text, or after a comma or a closing quotation mark
// ("…,” said Miller", "…, said Miller").
func invertedPosition(text string, at int) bool {
	before := strings.TrimRightFunc(text[:at], unicode.IsSpace)
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == ',' || r == '”' || r == '"' || r == '»' || r == '—' || r == '–'
}

// speakerEntity reports whether an entity can be a speaker.
func speakerEntity(e Entity) bool { return e.Type == Person || e.Type == Org }

// subjectEntity reports whether an entity can be the subject of a
// reporting verb: a person, an organisation, or a country or city speaking
// through its government ("Norway said").
func subjectEntity(e Entity) bool { return speakerEntity(e) || e.Type == GPE }

// subjectBefore finds the subject of the reporting verb ws[v]: a person or
// organisation ending just before it (allowing gap words such as "also"),
// an appositive ("aide, Yury Ushakov, warned"), a subject before a
// parenthetical ("Witkoff, in remarks echoing Umerov, described"), or a
// pronoun.
func subjectBefore(text string, ws []claimWord, v int, ents []Entity, t *speakerTracker) string {
	j := v - 1
	for n := 0; j >= 0 && n < 3 && gapWords[strings.ToLower(ws[j].Text)] && !endsWithComma(text, ws[j].End, ws[j+1].Start); n++ {
		j--
	}
	// end is where the subject must end.
	end := ws[v].Start
	if j < v-1 {
		end = ws[j+1].Start
	}
	end = len(strings.TrimRightFunc(text[:end], unicode.IsSpace))
	verb := strings.ToLower(ws[v].Text)
	if strings.HasSuffix(text[:end], ",") {
		comma := end - 1
		if e, ok := clauseSubject(text, ents, comma); ok {
			return speakerName(e)
		}
		open := strings.LastIndexAny(text[:comma], ",(—–")
		segStart := open + 1
		seg := text[segStart:comma]
		segEnd := segStart + len(strings.TrimRightFunc(seg, unicode.IsSpace))
		if e, ok := subjectEndingAt(text, ents, segEnd, verb); ok && onlyTitles(text[segStart:e.Start]) {
			return speakerName(e)
		}
		// "... came from union leader Ana Ruiz, speaking to the
		// crowd:": a participle after a name is that person's.
		if strings.HasSuffix(verb, "ing") {
			for _, e := range ents {
				if e.Type == Person && e.End == segEnd {
					return speakerName(e)
				}
			}
		}
		if open < 0 {
			return ""
		}
		// A parenthetical: the subject comes before it. A place there
		// is more likely the end of an address ("in Munich, Germany,").
		end = len(strings.TrimRightFunc(text[:open], unicode.IsSpace))
		verb = ""
	}
	if e, ok := subjectEndingAt(text, ents, end, verb); ok {
		// "Witkoff and Umerov said": the first of joint speakers.
		if before := strings.TrimRightFunc(text[:e.Start], unicode.IsSpace); strings.HasSuffix(before, " and") {
			if first, ok := subjectEndingAt(text, ents, len(before)-len(" and"), verb); ok {
				return speakerName(first)
			}
		}
		return speakerName(e)
	}
	if j >= 0 && ws[j].End == end {
		switch lw := strings.ToLower(ws[j].Text); lw {
		case "he", "she":
			// "Roussel-Garnier is the brain behind the platform, and she
			// has said ...": the person the sentence opened with.
			// Not when a quotation comes first: its names are the
			// speaker's words.
			if !strings.ContainsAny(text[:ws[j].Start], "\"“”«»") {
				for _, e := range ents {
					if e.Type == Person && e.End <= ws[j].Start {
						return speakerName(e)
					}
				}
			}
			return t.salientPerson()
		default:
			// "the ministry said", after "the Defence Ministry"; "the
			// minister added", after "Finance Minister Adaeze Okonkwo"
			if head := definiteHead(ws, j); head != "" {
				return t.definiteSpeaker(head)
			}
		}
	}
	return ""
}

func endsWithComma(text string, from, to int) bool {
	return strings.Contains(text[from:to], ",")
}

// subjectEndingAt returns the subject-capable entity ending at end. A
// possessive ("Macron’s office") does not count: the entity must end there.
// A place inside a prepositional phrase ("officials in Oslo said") is not
// the subject.
//
// A place is a subject only of an unambiguous verb form: "U.S. states" and
// "Ukraine reports" are more often nouns.
func subjectEndingAt(text string, ents []Entity, end int, verb string) (Entity, bool) {
	placeOK := verb != "" && !nounLikeVerbs[verb]
	for _, e := range ents {
		if e.End == end && speakerEntity(e) || e.End == end && e.Type == GPE && placeOK && !afterPreposition(text, e.Start) {
			return e, true
		}
	}
	return Entity{}, false
}

// onlyTitles reports whether s holds only title-like words: capitalised
// words, abbreviations and the few lower-case joiners of titles
// ("US Special Envoy", "Ukraine’s", "Secretary of State").
func onlyTitles(s string) bool {
	ws := claimWords(s)
	lx, _ := sharedLexicon() // the extractor loaded it; nil only if that failed
	isTitle := func(lw string) bool {
		return titleWords[lw] || roleWords[lw] || personRoles[lw] || lx != nil && lx.titles[lw]
	}
	for i, w := range ws {
		r := claimFirstRune(w.Text)
		lw := strings.ToLower(w.Text)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || isTitle(lw) {
			continue
		}
		// A field word before a title: "returning officer", "sporting
		// director".
		if i+1 < len(ws) && isTitle(strings.ToLower(ws[i+1].Text)) && len(lw) >= 4 && !nerFunctionWords[lw] && !quantityStop[lw] {
			continue
		}
		return false
	}
	return true
}

// subjectAfter finds the subject after an inverted reporting verb or
// "according to": a pronoun, or the first person or organisation reached
// through title-like words only ("said US Special Envoy Steve Witkoff",
// "according to the Ukrainian foreign ministry").
func subjectAfter(text string, ws []claimWord, from int, ents []Entity, t *speakerTracker) string {
	if from >= len(ws) {
		return ""
	}
	switch strings.ToLower(ws[from].Text) {
	case "he", "she":
		return t.salientPerson()
	case "the":
		// "…,” said the minister." with no name after the description
		for j := from + 1; j < len(ws) && j <= from+3; j++ {
			if strings.ContainsAny(text[ws[j-1].End:ws[j].Start], ".;:!?,") {
				break
			}
			end := j+1 >= len(ws) || strings.ContainsAny(text[ws[j].End:ws[j+1].Start], ".;:!?,")
			if end && !unicode.IsUpper(claimFirstRune(ws[j].Text)) {
				if sp := t.definiteSpeaker(strings.ToLower(ws[j].Text)); sp != "" {
					return sp
				}
				break
			}
		}
	}
	start := ws[from].Start
	if strings.ContainsAny(text[ws[from-1].End:start], ".;:!?") {
		return ""
	}
	best := -1
	for k, e := range ents {
		if e.Start < start || !speakerEntity(e) {
			continue
		}
		if best < 0 || e.Start < ents[best].Start {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	e := ents[best]
	gap := text[start:e.Start]
	titleOf := titleOfBody(gap)
	if len(claimWords(gap)) > 8 || strings.ContainsAny(gap, ".;:!?\"“”") && !abbrevOnly(gap) || !onlyTitles(gap) && !appositiveRole(gap) && !titleOf {
		return ""
	}
	// "said INMA president Declan Furlong": an organisation that
	// qualifies a title before a person is the person's, who speaks. A
	// title's body ("the Mayor of Dolnow, ...") is no speaker whatever
	// type the name was given.
	if e.Type != Person || titleOf {
		for _, p := range ents {
			if p.Type != Person || p.Start <= e.End || !speakerEntity(p) {
				continue
			}
			between := text[e.End:p.Start]
			if strings.TrimSpace(between) != "" && len(claimWords(between)) <= 4 && !strings.ContainsAny(between, ".;:!?,\"“”") && onlyTitles(between) {
				return speakerName(p)
			}
			// "said the Chairperson of the Electoral Commission, Justice
			// Harriet Kyomugisha-Odongo": a title's body, then the name
			// set off by a comma.
			if head, name, ok := strings.Cut(between, ","); ok && !strings.Contains(name, ",") && len(claimWords(head)) <= 6 &&
				!strings.ContainsAny(between, ".;:!?\"“”") && onlyTitles(name) && (titleOf || personRoles[strings.ToLower(e.Text)] || roleWords[strings.ToLower(e.Text)]) {
				return speakerName(p)
			}
			break
		}
		if titleOf {
			return "" // the body's title, and no name: not the body speaking
		}
	}
	return speakerName(e)
}

// titleOfBody reports a gap that is a title and "of": "the Chairperson
// of the " before "Electoral Commission", whose holder then speaks.
func titleOfBody(gap string) bool {
	ws := claimWords(gap)
	n := len(ws)
	if n > 0 && strings.EqualFold(ws[n-1].Text, "the") {
		n--
	}
	if n < 2 || !strings.EqualFold(ws[n-1].Text, "of") {
		return false
	}
	role := false
	for _, w := range ws[:n-1] {
		lw := strings.ToLower(w.Text)
		switch {
		case personRoles[lw] || roleWords[lw]:
			role = true
		case lw == "the":
		default:
			return false
		}
	}
	return role
}

// appositiveRole reports whether gap is a description set off by a comma
// before the name it describes ("the central bank's governor, "): it ends
// in a comma and holds a role noun.
func appositiveRole(gap string) bool {
	g := strings.TrimRightFunc(gap, unicode.IsSpace)
	if !strings.HasSuffix(g, ",") || strings.Count(g, ",") > 1 {
		return false
	}
	for _, w := range claimWords(g) {
		if personRoles[strings.ToLower(w.Text)] {
			return true
		}
	}
	return false
}

// abbrevOnly reports whether the periods in s belong to abbreviations
// ("U.S. Secretary of State").
func abbrevOnly(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.ContainsAny(w, ";:!?\"“”") {
			return false
		}
		if strings.Contains(w, ".") && !strings.Contains(strings.TrimSuffix(w, "."), ".") && !titleAbbrevs[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return false
		}
	}
	return true
}

// signatureSpeaker returns who a quotation's signature line names, as
// embedded posts end ("— Dana Reyes (@dreyes) March 3, 2024"): a person or
// organisation right after the opening dash, or "".
func signatureSpeaker(text string, ents []Entity) string {
	rest := strings.TrimLeftFunc(text, unicode.IsSpace)
	r, size := utf8.DecodeRuneInString(rest)
	if r != '—' && r != '–' && r != '-' {
		return ""
	}
	rest = strings.TrimLeft(rest[size:], "-—– ")
	off := len(text) - len(rest)
	for _, e := range ents {
		if speakerEntity(e) && e.Start >= off && strings.TrimSpace(text[off:e.Start]) == "" {
			return speakerName(e)
		}
	}
	return ""
}

// signQuotations gives the sentences of a run of quote blocks with no
// speaker of their own the speaker their closing signature line names.
// The signature comes after the words, so this runs once the document's
// sentences are attributed. quote[i] tells whether unit i belongs to a
// quote block, alone[i] whether it belongs to a quote block or to a
// paragraph that is one quotation and nothing else.
func signQuotations(texts []string, quote, alone []bool, entsOf func(int) []Entity, speakers []attribution) {
	for i := range texts {
		if !quote[i] {
			continue
		}
		sp := signatureSpeaker(texts[i], entsOf(i))
		if sp == "" {
			continue
		}
		speakers[i] = attribution{Speaker: sp, Direct: true}
		for j := i - 1; j >= 0 && quote[j] && signatureSpeaker(texts[j], entsOf(j)) == ""; j-- {
			if speakers[j].Speaker == "" {
				speakers[j] = attribution{Speaker: sp, Direct: true}
			}
		}
	}
	// A quotation named in the sentence after it, as live blogs and
	// broadcasts do: "That's Bram Teixeira, the company's security chief,
	// speaking at the start of the briefing."
	for i := 0; i < len(texts); i++ {
		if !alone[i] || speakers[i].Speaker != "" {
			continue
		}
		j := i
		for j < len(texts) && alone[j] && speakers[j].Speaker == "" {
			j++
		}
		if j < len(texts) && !alone[j] {
			if sp := namedAfter(texts[j], entsOf(j)); sp != "" {
				for k := i; k < j; k++ {
					speakers[k] = attribution{Speaker: sp, Direct: true}
				}
			}
		}
		i = j
	}
}

// wholeQuotation reports whether a paragraph is one direct quotation and
// nothing else, as a feature sets a quotation apart and names its speaker
// in the next paragraph.
func wholeQuotation(text string) bool {
	text = strings.TrimSpace(text)
	qs := quoteSpans(text)
	if len(qs) != 1 || qs[0].Open || !isDirectQuote(qs[0]) || qs[0].Start != 0 {
		return false
	}
	return strings.TrimSpace(strings.TrimRight(text[qs[0].End:], ".")) == ""
}

// namedAfterOpening are the openings of a sentence that names the speaker
// of the quotation before it, maybe after a dash ("— that was Arnel
// Basco, at the noon briefing").
var namedAfterOpening = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:[—–-]\s*)?(?:that|this)(?:'s|’s| is| was)\s+(?:the\s+voice\s+of\s+)?|^(?:those|these)\s+(?:are|were)\s+the\s+words\s+of\s+|^so\s+said\s+|^the\s+(?:words?|remarks?|comments?|pledge|promise|warning|vow)\s+(?:came\s+from|(?:were|was|are|is)\s+(?:those|that)\s+of|belong(?:ed)?\s+to)\s+`)
})

// namedAfterAct is what follows a sentence's opening name when the
// sentence tells who gave the quotation before it: "Villacorta made the
// pledge to families", "Kemboi repeated the warning".
var namedAfterAct = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(?:[^.;:!?"“”]{0,40},\s*)?(?:made|gave|delivered|issued|offered|repeated|voiced)\s+(?:the|that|this|his|her|their)\s+(?:pledge|promise|remarks?|comments?|vow|warning|appeal|assurance)\b`)
})

// namedAfter returns the person a sentence like "That's Bram Teixeira,
// ..." names right after its opening.
func namedAfter(text string, ents []Entity) string {
	loc := namedAfterOpening().FindStringIndex(text)
	if loc == nil {
		// "Villacorta made the pledge ...": the sentence opens with a
		// person, perhaps after a short title, and says the words were
		// theirs.
		for _, e := range ents {
			if e.Type == Person && e.End <= len(text) && titleBetween(text[:e.Start]) && namedAfterAct().MatchString(text[e.End:]) {
				return speakerName(e)
			}
		}
		return ""
	}
	// The first person named after the opening, with at most a title
	// between.
	first := -1
	for i, e := range ents {
		if e.Type == Person && e.Start >= loc[1] && e.Start <= len(text) && (first < 0 || e.Start < ents[first].Start) {
			first = i
		}
	}
	if first >= 0 && titleBetween(text[loc[1]:ents[first].Start]) {
		return speakerName(ents[first])
	}
	return ""
}

// notTitleWords turn the words after "That's" into a clause.
var notTitleWords = map[string]bool{"why": true, "how": true, "what": true, "when": true, "where": true, "who": true,
	"whom": true, "whose": true, "because": true, "not": true, "also": true, "just": true, "exactly": true,
	"probably": true, "it": true, "if": true, "so": true, "as": true, "to": true, "for": true, "with": true,
	"without": true, "all": true, "only": true, "after": true, "before": true, "since": true, "until": true,
	"there": true, "here": true, "right": true, "true": true, "false": true}

// titleBetween reports the words between "That's" and a name as nothing
// or a short title: "Haneul chief executive", "the club's coach,"; not a
// clause ("That is why Hana Vos left").
func titleBetween(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if strings.ContainsAny(s, ".;:!?\"“”()") || strings.Count(s, ",") > 1 || (strings.Contains(s, ",") && !strings.HasSuffix(s, ",")) {
		return false
	}
	fs := strings.Fields(s)
	if len(fs) > 6 {
		return false
	}
	for _, f := range fs {
		if notTitleWords[strings.ToLower(strings.Trim(f, ","))] {
			return false
		}
	}
	return true
}
