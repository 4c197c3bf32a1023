package extract

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// NER recognises named entities and resolves them to canonical names across
// one document. It holds read-only word lists and is safe for concurrent use.
//
// prose/v2 tokenizes and tags every text (see entities_prose.go); its own
// entity model scores F1 0.62 (PER) and 0.51 (LOC) on CoNLL-2003 and costs
// ten times its tokenizer and tagger together, so the NER replaces that
// step: it reads capitalised token sequences and types them from prose's
// part-of-speech tags, gazetteers, person titles, organisation suffixes,
// context words and the other mentions in the document. prose's tagger
// lexicon, read once from the model data prose publishes, tells ordinary
// words ("Aspect" opening a table cell) from names ("Witkoff").
type NER struct {
	lx    *nerLexicon
	model *prose.Model // shared, read-only: prose's tagger does not mutate it
}

// NewNER loads the gazetteers and prose's model once.
func NewNER() (n *NER, err error) {
	lx, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	defer func() {
		// prose panics when its embedded assets fail to decode
		if r := recover(); r != nil {
			n, err = nil, fmt.Errorf("extract: loading prose model: %v", r)
		}
	}()
	return &NER{lx: lx, model: taggerModel()}, nil
}

// taggerModel returns prose's model with its tagger and without its
// entity classifier, which claimdex never runs (its own rules find the
// entities) and which is more than half of the model's load time.
// prose.ModelFromData always loads both; a document made without
// extraction and without a model is given a tagger-only one.
func taggerModel() *prose.Model {
	doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil || doc.Model == nil {
		return prose.ModelFromData("claimdex")
	}
	return doc.Model
}

// Entities returns, for each text of one document (in document order), the
// entities it mentions, with Canonical resolved over the whole document.
func (n *NER) Entities(texts []string) [][]Entity {
	d := newNERDoc(n, texts)
	d.scan()
	d.resolve()
	return d.entities()
}

// commonWord reports whether the capitalised word at token p is an
// ordinary word: prose's tagger reads it as a verb, adverb or function word
// where it stands ("Separately, ...", "Will the talks ..."), or its lexicon
// knows the word as ordinary and the tagger does not read it as a proper
// noun opening a sentence, or the document writes it in lower case
// elsewhere ("Talks" in a heading, "talks" in the text).
func (d *nerDoc) commonWord(ti, p int) bool {
	t := d.toks[ti][p]
	w := d.lowerKey(d.word(ti, p))
	if d.lx.isCommon(w) || d.lowerSeen[w] >= 2 && d.lowerSeen[w] > d.capSeen[w] {
		return true
	}
	if _, named := d.lx.names[w]; named || d.lx.firstNames[w] {
		return false
	}
	return t.sent && !t.allCaps && d.proseFollows(ti, p) && nerNotName(d.pos(ti, p))
}

// pos returns prose's class for token p, tagging text ti with prose the
// first time a rule asks: most texts are decided by the word lists alone,
// and the tagger is the stage's largest cost.
func (d *nerDoc) pos(ti, p int) uint8 {
	if !d.tagged[ti] {
		d.tagged[ti] = true
		var err error
		if d.ptoks, err = d.n.proseTag(d.texts[ti], d.ptoks); err == nil {
			tagTokens(d.toks[ti], d.ptoks)
		}
	}
	return d.toks[ti][p].pos
}

// proseFollows reports whether a lower-case word or a comma follows token
// p: the tagger reads running text there, not a table row or a list of
// names, where its guesses for capitalised words are noise.
func (d *nerDoc) proseFollows(ti, p int) bool {
	toks := d.toks[ti]
	if p+1 >= len(toks) || toks[p+1].nl {
		return false
	}
	nx := toks[p+1]
	return nx.word && nx.lower || d.word(ti, p+1) == ","
}

// Confidence of a mention's type: sure types come from gazetteers, titles
// and suffixes; guesses from context and shape, and give way to what the rest
// of the document says.
const (
	nerGuess uint8 = iota
	nerSure
)

// Line modes. In all-caps and title-case lines capitalisation says nothing,
// so only known names are taken from them.
const (
	nerNormal uint8 = iota
	nerCaps
	nerHeading
	nerForeign // a text not in English: see foreign
)

// nerMention is an entity found in texts[ti], spanning tokens [a, b).
type nerMention struct {
	ti, a, b   int
	start, end int
	typ        string
	canon      string // set when the type's source names it (gazetteer, acronym)
	conf       uint8
	cued       bool // a guess read from the words around this mention
}

// nerLine is a line of a text, kept for a second pass.
type nerLine struct {
	ti, lo, hi int
	mode       uint8
}

// nerDoc is the working state of one Entities call.
type nerDoc struct {
	n         *NER
	lx        *nerLexicon
	lowerSeen map[string]int // words the document writes in lower case
	capSeen   map[string]int // and capitalised inside a sentence
	texts     []string
	toks      [][]nerTok
	ments     []nerMention
	maybe     []nerMention // spans of ordinary capitalised words, see recurring
	deferred  []nerLine
	normal    []nerLine
	acronyms  map[string]string // "NRC" -> "Northern River Commission"
	key       []byte
	ends      [16]int
	tagged    []bool    // texts prose has tagged
	ptoks     []nerPTok // prose's tokens, reused
}

func newNERDoc(n *NER, texts []string) *nerDoc {
	return &nerDoc{n: n, lx: n.lx, texts: texts, lowerSeen: map[string]int{}, capSeen: map[string]int{}, toks: make([][]nerTok, len(texts)), tagged: make([]bool, len(texts)),
		acronyms: map[string]string{}, key: make([]byte, 0, 128)}
}

// scan finds mentions: first in ordinary lines, then, knowing those, in
// headings and all-caps lines.
func (d *nerDoc) scan() {
	// per text: lower-case words, those English knows, and 1 when it ends
	// as a sentence does
	vocab := make([][3]int, len(d.texts))
	for ti, text := range d.texts {
		d.toks[ti] = nerTokenize(text, nil)
		for p, t := range d.toks[ti] {
			switch {
			case t.lower:
				w := d.lowerKey(text[t.start:t.end])
				d.lowerSeen[w]++
				vocab[ti][0]++
				if d.lx.isCommon(w) {
					vocab[ti][1]++
				}
			case t.cap && !t.sent && !nerHyphenPrefix(text, d.toks[ti], p):
				// "Cyber" of "Cyber-security" is capitalised for the
				// compound, not as a name
				d.capSeen[d.lowerKey(text[t.start:t.end])]++
			}
		}
	}
	for ti, toks := range d.toks {
		if n := len(toks); n > 0 {
			switch d.word(ti, n-1) {
			case ".", "!", "?", "…":
				vocab[ti][2] = 1
			}
		}
	}
	foreign := nerForeignTexts(vocab)
	for ti := range d.texts {
		toks := d.toks[ti]
		for lo := 0; lo < len(toks); {
			hi := lo + 1
			for hi < len(toks) && !toks[hi].nl {
				hi++
			}
			ln := nerLine{ti: ti, lo: lo, hi: hi, mode: nerForeign}
			if !foreign[ti] {
				ln.mode = d.lineMode(ti, lo, hi)
			}
			if ln.mode == nerNormal {
				d.normal = append(d.normal, ln)
				d.scanNormal(ti, lo, hi)
			} else {
				d.deferred = append(d.deferred, ln)
			}
			lo = hi
		}
	}
	d.recurring()
	d.retypeGuesses()
	known := d.knownNames()
	for _, ln := range d.deferred {
		d.scanKnown(ln, known)
	}
	d.repairLowercase()
	d.joinPersons()
}

// joinPersons makes one name of two person mentions with only a space
// between them: sloppy text writes "Dean whitcombe", and the two words
// are found by different rules.
func (d *nerDoc) joinPersons() {
	at := map[[2]int]int{}      // (text, first token) -> index of a person mention
	starts := map[[2]int]bool{} // (text, first token) of any mention
	for i, m := range d.ments {
		starts[[2]int{m.ti, m.a}] = true
		if m.typ == Person {
			at[[2]int{m.ti, m.a}] = i
		}
	}
	drop := map[int]bool{}
	for i := range d.ments {
		m := &d.ments[i]
		if m.typ != Person || drop[i] {
			continue
		}
		// "Dean whitcombe": a given name alone, then a lower-case word
		// shaped like a name.
		if toks := d.toks[m.ti]; m.b-m.a == 1 && toks[m.a].cap && d.lx.firstNames[d.lowerKey(d.word(m.ti, m.a))] &&
			m.b < len(toks) && toks[m.b].start == m.end+1 && !starts[[2]int{m.ti, m.b}] {
			if e := d.lowerNameAfter(m.ti, m.b, len(toks), false); e > m.b {
				m.b, m.end, m.canon = e, toks[e-1].end, ""
			}
		}
		for {
			j, ok := at[[2]int{m.ti, m.b}]
			if !ok || j == i || drop[j] || d.texts[m.ti][m.end:d.ments[j].start] != " " {
				break
			}
			n := d.ments[j]
			m.b, m.end, m.canon, m.conf = n.b, n.end, "", max(m.conf, n.conf)
			drop[j] = true
		}
	}
	if len(drop) == 0 {
		return
	}
	kept := d.ments[:0]
	for i, m := range d.ments {
		if !drop[i] {
			kept = append(kept, m)
		}
	}
	d.ments = kept
}

// Thresholds of nerForeignTexts.
const (
	nerForeignShare = 0.5 // below this share of known lower-case words, a text is not English
	nerForeignText  = 6   // lower-case words a text needs to be judged on its own
	nerForeignDoc   = 20  // and a document
)

// nerForeignTexts tells which texts are not in English. The capitalisation
// rules are English ones: German capitalises every noun
// ("Patienteninformationen"), and a page in Indonesian or Spanish has none of
// the common words that tell a sentence's first word from a name. So a
// text where fewer than half the lower-case words are English ones
// (prose's tagger vocabulary and the common-word list) is read like a
// heading: only gazetteer names and names the document's English prose
// mentions are taken from it. A text with too few lower-case words to
// judge follows its document; one with none at all that does not end as a
// sentence does (a table row, a list of names) is read by the ordinary
// rules, which tell headings and all-caps lines apart themselves: names
// there are capitalised in any language.
func nerForeignTexts(vocab [][3]int) []bool {
	out := make([]bool, len(vocab))
	n, known := 0, 0
	for _, v := range vocab {
		n += v[0]
		known += v[1]
	}
	docForeign := n >= nerForeignDoc && float64(known) < nerForeignShare*float64(n)
	for ti, v := range vocab {
		switch {
		case v[0] >= nerForeignText:
			out[ti] = float64(v[1]) < nerForeignShare*float64(v[0])
		case v[0] > 0 || v[2] == 1:
			out[ti] = docForeign
		}
	}
	return out
}

// nerFunctionWords stay lower case in title-case headings.
var nerFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "and": true, "or": true, "but": true, "by": true, "with": true,
	"from": true, "as": true, "vs": true, "via": true, "into": true, "over": true, "is": true,
	"are": true, "was": true, "be": true, "nor": true, "per": true, "than": true, "up": true,
}

// lineMode tells ordinary prose from all-caps lines and title-case headings.
func (d *nerDoc) lineMode(ti, lo, hi int) uint8 {
	text, toks := d.texts[ti], d.toks[ti]
	words, caps, allCaps, lower, common := 0, 0, 0, 0, 0
	for _, t := range toks[lo:hi] {
		if !t.word || !t.letter {
			continue
		}
		if t.allCaps && t.end-t.start > 1 {
			allCaps++
		}
		if !t.allCaps {
			lower++
		}
		if nerFunctionWords[d.lowerKey(text[t.start:t.end])] {
			continue
		}
		words++
		if t.cap {
			caps++
			if d.lx.isCommon(string(d.key)) {
				common++
			}
		}
	}
	switch {
	case allCaps >= 2 && lower == 0:
		return nerCaps
	case words >= 2 && caps*10 >= words*8 && common*2 >= caps && text[toks[hi-1].start:toks[hi-1].end] != ".":
		// every word capitalised, and many of them ordinary words: a
		// heading, not a list of names
		return nerHeading
	}
	return nerNormal
}

// lowerKey returns s in lower case with curly apostrophes straightened,
// in d.key (valid until the next call).
func (d *nerDoc) lowerKey(s string) string {
	d.key = nerAppendLower(d.key[:0], s)
	return string(d.key)
}

func nerAppendLower(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		case r == '’':
			b = append(b, '\'')
		case r == '‐' || r == '‑' || r == '–':
			b = append(b, '-')
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

// phrase builds the lower-case key of up to n tokens from p on one line and
// records in d.ends where each prefix ends; it returns how many tokens fit.
func (d *nerDoc) phrase(ti, p, hi, n int) int {
	text, toks := d.texts[ti], d.toks[ti]
	d.key = d.key[:0]
	k := 0
	for ; k < n && p+k < hi && k < len(d.ends); k++ {
		t := toks[p+k]
		if k > 0 {
			if t.nl {
				break
			}
			d.key = append(d.key, ' ')
		}
		d.key = nerAppendLower(d.key, text[t.start:t.end])
		d.ends[k] = len(d.key)
	}
	return k
}

// gazAt returns the longest gazetteer name starting at token p, as a token
// count (0 for none). A name ends on a word.
func (d *nerDoc) gazAt(ti, p, hi int) (int, nerGazEntry) {
	k := d.phrase(ti, p, hi, d.lx.namesMax)
	for m := k; m >= 1; m-- {
		if !d.toks[ti][p+m-1].word {
			continue
		}
		if e, ok := d.lx.names[string(d.key[:d.ends[m-1]])]; ok && (!e.acronym || d.allCaps(ti, p, p+m)) {
			return m, e
		}
	}
	return 0, nerGazEntry{}
}

// titleAt returns the length of the longest person title starting at p: a
// listed title ("prime minister"), a portfolio before a title head
// ("Environment Minister", "Deputy Transport Secretary"), either followed
// by "of" or "for" and its portfolio ("Minister of Defence", "Secretary of
// State for Health").
func (d *nerDoc) titleAt(ti, p, hi int) int {
	m := 0
	k := d.phrase(ti, p, hi, d.lx.titlesMax)
	for n := k; n >= 1; n-- {
		if d.lx.titles[string(d.key[:d.ends[n-1]])] {
			m = n
			break
		}
	}
	if m == 0 {
		m = d.portfolioTitle(ti, p, hi)
	}
	if m == 0 || !nerTitleHeads[d.lowerKey(d.word(ti, p+m-1))] {
		return m
	}
	return m + d.portfolioAfter(ti, p+m, hi)
}

// nerTitleHeads end titles that name a portfolio.
var nerTitleHeads = nerSet(`minister secretary commissioner envoy ambassador spokesman
	spokeswoman spokesperson adviser advisor czar tsar undersecretary under-secretary
	secretary-general representative`)

// portfolioTitle returns the length of a portfolio title at p: up to three
// capitalised ordinary words, none of them a name, then a title head
// ("Environment Minister", "Foreign Affairs Secretary").
func (d *nerDoc) portfolioTitle(ti, p, hi int) int {
	toks := d.toks[ti]
	for k := p; k < hi && k < p+4; k++ {
		t := toks[k]
		if !t.word || !t.cap || k > p && t.nl {
			return 0
		}
		w := d.lowerKey(d.word(ti, k))
		if k > p && nerTitleHeads[w] {
			return k - p + 1
		}
		if !d.lx.isCommon(w) || d.lx.firstNames[w] || d.lx.titles[w] && !nerTitleModifiers[w] {
			return 0
		}
		if m, _ := d.gazAt(ti, k, hi); m > 0 {
			return 0
		}
	}
	return 0
}

// nerTitleModifiers are titles that also qualify a portfolio title.
var nerTitleModifiers = nerSet(`deputy acting junior senior chief vice first former interim`)

// portfolioAfter returns how many tokens from p read as the portfolio of
// a title: "of" or "for", perhaps "the", then capitalised ordinary words
// joined by "and" ("of Defence", "for Foreign Affairs and Trade").
func (d *nerDoc) portfolioAfter(ti, p, hi int) int {
	toks := d.toks[ti]
	if p+1 >= hi || toks[p].nl || !toks[p].word {
		return 0
	}
	if w := d.lowerKey(d.word(ti, p)); w != "of" && w != "for" {
		return 0
	}
	k := p + 1
	if d.lowerKey(d.word(ti, k)) == "the" {
		k++
	}
	end := 0
	for ; k < hi && k < p+8 && !toks[k].nl && toks[k].word; k++ {
		w := d.lowerKey(d.word(ti, k))
		if w == "and" && end > 0 {
			continue
		}
		if !toks[k].cap || !d.lx.isCommon(w) || d.lx.firstNames[w] {
			break
		}
		if m, _ := d.gazAt(ti, k, hi); m > 0 {
			break
		}
		end = k + 1
	}
	if end == 0 {
		return 0
	}
	return end - p
}

// allCaps reports whether the words of [a, b) are all upper case.
func (d *nerDoc) allCaps(ti, a, b int) bool {
	for _, t := range d.toks[ti][a:b] {
		if t.letter && !t.allCaps {
			return false
		}
	}
	return true
}

func (d *nerDoc) word(ti, p int) string {
	t := d.toks[ti][p]
	return d.texts[ti][t.start:t.end]
}

func (d *nerDoc) add(ti, a, b int, typ, canon string, conf uint8) {
	toks := d.toks[ti]
	if typ == Person && b-a >= 3 && toks[a].sent && personRoles[d.lowerKey(d.word(ti, a))] {
		a++ // "Firefighter Luis Navarro": a role noun opening the sentence
	}
	if typ == Person {
		// "Chen Shui-bian", "Lee Teng-hui": a given name's lower-case
		// second part after a hyphen belongs to the name
		for b+1 < len(toks) && toks[b].start == toks[b-1].end && toks[b+1].start == toks[b].end &&
			toks[b+1].word && toks[b+1].lower && d.word(ti, b) == "-" {
			b += 2
		}
		// "Bin Laden", "Van Gogh": a capitalised particle before a
		// surname opens the name
		for a > 0 && toks[a-1].word && toks[a-1].cap && toks[a-1].end < toks[a].start &&
			nerParticles[d.lowerKey(d.word(ti, a-1))] && !d.mentionEndsAt(ti, a-1) {
			a--
		}
	}
	d.ments = append(d.ments, nerMention{ti: ti, a: a, b: b,
		start: toks[a].start, end: toks[b-1].end, typ: typ, canon: canon, conf: conf})
}

// mentionEndsAt reports whether a recorded mention of text ti ends with
// token p.
func (d *nerDoc) mentionEndsAt(ti, p int) bool {
	for i := len(d.ments) - 1; i >= 0 && d.ments[i].ti == ti; i-- {
		if d.ments[i].b == p+1 {
			return true
		}
	}
	return false
}
