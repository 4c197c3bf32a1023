package extract

import (
	"strings"
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
//     in the latest sentence that named one.
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
	"respond", "responds", "responded",
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

// speakerTracker carries, across the blocks of one document, the person
// the text was last about, for pronoun resolution.
type speakerTracker struct {
	salient string
}

// attributeBlock finds the speaker of each sentence of one block.
// block is the block's text; sents cover it in order.
func (t *speakerTracker) attributeBlock(block string, sents []sentenceRef) []attribution {
	out := make([]attribution, len(sents))
	done := make([]bool, len(sents))
	quotes := quoteSpans(block)
	for k, s := range sents {
		if !done[k] {
			t.attributeQuotes(k, sents, quotes, out, done)
		}
		if !done[k] {
			skip := localSpans(quotes, s.Off, len(s.Text))
			out[k].Speaker = findSpeaker(s.Text, s.Ents, skip, t.salient)
			done[k] = true
		}
		t.update(s, out[k].Speaker, localSpans(quotes, s.Off, len(s.Text)))
	}
	return out
}

// attributeQuotes resolves every direct quote that starts in sentence k
// and marks the sentences it covers.
func (t *speakerTracker) attributeQuotes(k int, sents []sentenceRef, quotes []qspan, out []attribution, done []bool) {
	s := sents[k]
	for _, q := range quotes {
		if q.Start < s.Off || q.Start >= s.Off+len(s.Text) || !isDirectQuote(q) {
			continue
		}
		last := k
		for last+1 < len(sents) && sents[last+1].Off < q.End {
			last++
		}
		speaker := ""
		// Attribution after the closing mark (the usual news form), then
		// before the opening mark.
		for _, j := range []int{last, k} {
			sj := sents[j]
			speaker = findSpeaker(sj.Text, sj.Ents, localSpans(quotes, sj.Off, len(sj.Text)), t.salient)
			if speaker != "" {
				break
			}
		}
		if speaker == "" {
			continue
		}
		for j := k; j <= last; j++ {
			if !done[j] || out[j].Speaker == "" {
				out[j] = attribution{Speaker: speaker, Direct: true}
				done[j] = true
			}
		}
	}
}

// qspan is a quotation's byte span with the number of words inside it.
type qspan struct {
	Start, End, Words int
}

// isDirectQuote tells a quoted statement from a quoted word or phrase
// ("so-called “neutral zones”"): at least four words inside the marks.
func isDirectQuote(q qspan) bool { return q.Words >= 4 }

// update moves the salient person on after a sentence: its speaker when
// that is a person, else the first person named outside quotes.
func (t *speakerTracker) update(s sentenceRef, speaker string, skip []qspan) {
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
	for _, e := range s.Ents {
		if e.Type == Person && !insideAny(skip, e.Start) {
			t.salient = speakerName(e)
			return
		}
	}
}

func speakerName(e Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return e.Text
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
		spans = append(spans, qspan{Start: open, End: len(text)})
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
func findSpeaker(text string, ents []Entity, skip []qspan, salient string) string {
	ws := claimWords(text)
	for i, w := range ws {
		if insideAny(skip, w.Start) {
			continue
		}
		lw := strings.ToLower(w.Text)
		if lw == "according" && i+1 < len(ws) && strings.EqualFold(ws[i+1].Text, "to") {
			if sp := subjectAfter(text, ws, i+2, ents, salient); sp != "" {
				return sp
			}
			continue
		}
		if !reportingVerbs[lw] {
			continue
		}
		if sp := subjectBefore(text, ws, i, ents, salient); sp != "" {
			return sp
		}
		if invertedPosition(text, w.Start) {
			if sp := subjectAfter(text, ws, i+1, ents, salient); sp != "" {
				return sp
			}
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

// subjectBefore finds the subject of the reporting verb ws[v]: a person or
// organisation ending just before it (allowing gap words such as "also"),
// an appositive ("aide, Yury Ushakov, warned"), a subject before a
// parenthetical ("Witkoff, in remarks echoing Umerov, described"), or a
// pronoun.
func subjectBefore(text string, ws []claimWord, v int, ents []Entity, salient string) string {
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
	if strings.HasSuffix(text[:end], ",") {
		comma := end - 1
		open := strings.LastIndexAny(text[:comma], ",(—–")
		segStart := open + 1
		seg := text[segStart:comma]
		segEnd := segStart + len(strings.TrimRightFunc(seg, unicode.IsSpace))
		if e, ok := entityEndingAt(ents, segEnd); ok && onlyTitles(text[segStart:e.Start]) {
			return speakerName(e)
		}
		if open < 0 {
			return ""
		}
		// A parenthetical: the subject comes before it.
		end = len(strings.TrimRightFunc(text[:open], unicode.IsSpace))
	}
	if e, ok := entityEndingAt(ents, end); ok {
		// "Witkoff and Umerov said": the first of joint speakers.
		if before := strings.TrimRightFunc(text[:e.Start], unicode.IsSpace); strings.HasSuffix(before, " and") {
			if first, ok := entityEndingAt(ents, len(before)-len(" and")); ok {
				return speakerName(first)
			}
		}
		return speakerName(e)
	}
	if j >= 0 && ws[j].End == end {
		switch strings.ToLower(ws[j].Text) {
		case "he", "she":
			return salient
		}
	}
	return ""
}

func endsWithComma(text string, from, to int) bool {
	return strings.Contains(text[from:to], ",")
}

// entityEndingAt returns the speaker-capable entity ending at end. A
// possessive ("Macron’s office") does not count: the entity must end there.
func entityEndingAt(ents []Entity, end int) (Entity, bool) {
	for _, e := range ents {
		if e.End == end && speakerEntity(e) {
			return e, true
		}
	}
	return Entity{}, false
}

// onlyTitles reports whether s holds only title-like words: capitalised
// words, abbreviations and the few lower-case joiners of titles
// ("US Special Envoy", "Ukraine’s", "Secretary of State").
func onlyTitles(s string) bool {
	for _, w := range claimWords(s) {
		r := claimFirstRune(w.Text)
		lw := strings.ToLower(w.Text)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !titleWords[lw] && !roleWords[lw] {
			return false
		}
	}
	return true
}

// subjectAfter finds the subject after an inverted reporting verb or
// "according to": a pronoun, or the first person or organisation reached
// through title-like words only ("said US Special Envoy Steve Witkoff",
// "according to the Ukrainian foreign ministry").
func subjectAfter(text string, ws []claimWord, from int, ents []Entity, salient string) string {
	if from >= len(ws) {
		return ""
	}
	switch strings.ToLower(ws[from].Text) {
	case "he", "she":
		return salient
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
	if len(claimWords(gap)) > 8 || strings.ContainsAny(gap, ".;:!?\"“”") && !abbrevOnly(gap) || !onlyTitles(gap) {
		return ""
	}
	return speakerName(e)
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
