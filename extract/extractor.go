package extract

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/claimdex/claimdex/corpus"
)

// Extractor turns documents into claims. It holds only read-only models,
// so one Extractor is safe for concurrent use by many goroutines.
type Extractor struct {
	ner *NER
}

// New loads the models once; share the Extractor.
func New() (*Extractor, error) {
	ner, err := NewNER()
	if err != nil {
		return nil, fmt.Errorf("extract: loading entity recogniser: %w", err)
	}
	return &Extractor{ner: ner}, nil
}

// unit is a candidate claim: a span of the document's text and the block
// it comes from.
type unit struct {
	block int
	kind  string
	// start and end are byte offsets in doc.Text.
	start, end int
}

// Claims returns the claims of doc, in document order.
//
// Units: the title gives one "headline"; paragraphs, quote blocks and
// captions give one claim per sentence ("sentence", or "quote" for a
// direct quote with a known speaker and for every sentence of a quote
// block); a list item gives one "list_item" (one per sentence when it holds
// more than two); a table row gives one "table_row". Headings give none:
// they name sections, which every claim carries. Captions are kept because
// mis-captioned photos are a staple of fact-checking; credits among them
// are boilerplate and never reach here. Boilerplate blocks, questions,
// calls to action without checkable content, fragments and lone datelines
// give no claims.
func (x *Extractor) Claims(doc *corpus.Document) []Claim {
	claims, _, _ := x.analyze(doc, 0)
	return claims
}

// ClaimsUpTo is Claims for at most max claims (no cap when max <= 0): the
// first max claims of the document, in document order. truncated reports
// that the document held more. The work, and the memory, are bounded by
// max rather than by the document: only the first units that can give
// max claims are analysed.
func (x *Extractor) ClaimsUpTo(doc *corpus.Document, max int) (claims []Claim, truncated bool) {
	claims, _, truncated = x.analyze(doc, max)
	return claims, truncated
}

// DocEntity is a name the document mentions anywhere outside its
// boilerplate, once per canonical name and type: in claims, and in lines
// that give no claim (datelines, table rows and captions without a value,
// headlines of one word).
type DocEntity struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions int    `json:"mentions"`
}

// Document returns the claims of doc, as Claims does, and its entities:
// every name recognised in its title, paragraphs, lists, tables and
// captions, ordered by first mention. They let a search by entity find a
// document whose name sits only in a dateline or a results table.
func (x *Extractor) Document(doc *corpus.Document) ([]Claim, []DocEntity) {
	claims, ents, _ := x.analyze(doc, 0)
	return claims, ents
}

// DocumentUpTo is Document for at most max claims (no cap when max <= 0),
// as ClaimsUpTo is Claims. When the document is truncated its entities
// are those of the part analysed, plus its dateline and headings.
func (x *Extractor) DocumentUpTo(doc *corpus.Document, max int) (claims []Claim, ents []DocEntity, truncated bool) {
	return x.analyze(doc, max)
}

// analyze does the work of Claims, ClaimsUpTo and Document.
func (x *Extractor) analyze(doc *corpus.Document, max int) ([]Claim, []DocEntity, bool) {
	units, blockText, blockStart := buildUnits(doc)
	if len(units) == 0 {
		return []Claim{}, withDateline(docEntities(0, nil, 0, nil), doc.Dateline), false
	}
	truncated := false
	if limit := unitLimit(max); limit > 0 && len(units) > limit {
		// Cut at a block boundary where possible, so that the last
		// block's speakers are resolved with all of its sentences.
		cut := limit
		for cut > limit/2 && units[cut].block == units[cut-1].block {
			cut--
		}
		if cut == limit/2 {
			cut = limit
		}
		units, truncated = units[:cut], true
	}
	texts := make([]string, len(units))
	for i, u := range units {
		texts[i] = doc.Text[u.start:u.end]
	}
	// The datelines and headings that give no unit are read with the
	// units, at the end: their names are the document's entities too, and
	// they tell the recogniser more about the names of the units.
	rest := nonUnitTexts(doc)
	var ents [][]Entity
	if x != nil && x.ner != nil {
		ents = x.ner.Entities(append(texts[:len(texts):len(texts)], rest...))
	}
	entsOf := func(i int) []Entity {
		if i < len(ents) {
			return valid(ents[i], texts[i])
		}
		return []Entity{}
	}

	// Speakers, block by block, with the pronoun state carried through
	// the document.
	speakers := make([]attribution, len(units))
	var tracker speakerTracker
	turns := transcriptTurns(blockText)
	// The units of each block, as [from, to) ranges in document order.
	var spans [][2]int
	for i := 0; i < len(units); {
		j := i
		for j < len(units) && units[j].block == units[i].block {
			j++
		}
		spans = append(spans, [2]int{i, j})
		i = j
	}
	if order := writtenOrder(doc); order != nil {
		spans = inBlockOrder(spans, units, order)
	}
	for _, sp := range spans {
		i, j := sp[0], sp[1]
		b := units[i].block
		if turns != nil && turns[b] != "" {
			// A transcript turn: all of it is the speaker's, but for the
			// words the speaker quotes from someone else ("He said he
			// carried responsibility \"including where ...\"").
			// "The minister, Tomasz Wielgosz, was very direct. He said,
			// and I'm quoting: ...": a pronoun reports the person the
			// turn last named, not the one speaking.
			lastNamed := ""
			for k := i; k < j; k++ {
				other, named := reportsOther(texts[k], entsOf(k), turns[b])
				switch {
				case !other:
					speakers[k] = attribution{Speaker: turns[b], Direct: true}
				case named != "":
					speakers[k] = attribution{Speaker: named, Direct: true}
				case lastNamed != "" && pronounReport().MatchString(texts[k]):
					speakers[k] = attribution{Speaker: lastNamed, Direct: true}
				}
				for _, e := range entsOf(k) {
					if e.Type == Person && !strings.EqualFold(speakerName(e), turns[b]) {
						lastNamed = speakerName(e)
						break
					}
				}
			}
			continue
		}
		refs := make([]sentenceRef, 0, j-i)
		for k := i; k < j; k++ {
			refs = append(refs, sentenceRef{Text: texts[k], Off: units[k].start - blockStart[b], Ents: entsOf(k)})
		}
		copy(speakers[i:j], tracker.attributeBlock(blockText[b], doc.Blocks[b].Kind == corpus.Quote, refs))
	}
	inQuote, alone := make([]bool, len(units)), make([]bool, len(units))
	for i, u := range units {
		inQuote[i] = doc.Blocks[u.block].Kind == corpus.Quote
		switch {
		case inQuote[i]:
			alone[i] = true
		case i > 0 && units[i-1].block == u.block:
			alone[i] = alone[i-1] // one answer per block
		default:
			alone[i] = wholeQuotation(blockText[u.block])
		}
	}
	signQuotations(texts, inQuote, alone, entsOf, speakers)

	headings := headingTexts(doc)
	published := ""
	if !doc.Published.IsZero() {
		published = doc.Published.Format(time.RFC3339)
	}
	// Claim ids come from the content, not the document id: a local
	// document's id is its absolute path, and the same article must give
	// the same claim ids wherever its file lies. Two indexed documents
	// never share a content hash (the second is a duplicate).
	idKey := doc.Hash
	if idKey == "" {
		idKey = doc.ID
	}
	restOf := func(i int) []Entity {
		if k := len(units) + i; k < len(ents) {
			return valid(ents[k], rest[i])
		}
		return []Entity{}
	}
	local := localCurrencies(len(units), entsOf, doc.Dateline)
	claims := make([]Claim, 0, len(units))
	for i, u := range units {
		text := texts[i]
		block := doc.Blocks[u.block]
		kind := u.kind
		if sp := speakers[i]; kind == KindSentence && (sp.Direct || block.Kind == corpus.Quote) {
			kind = KindQuote
		}
		c := Claim{
			ID:         claimID(idKey, u.start, text),
			DocID:      doc.ID,
			Location:   doc.Location,
			Source:     doc.Source,
			Title:      doc.Title,
			Published:  published,
			Text:       text,
			Kind:       kind,
			Section:    block.Section,
			Speaker:    speakers[i].Speaker,
			Entities:   entsOf(i),
			Dates:      valid(FindDates(text, doc.Published), text),
			Money:      valid(FindMoney(text), text),
			Offset:     Span{Start: u.start, End: u.end},
			Conflicts:  []string{},
			Quantities: []Quantity{},
		}
		c.Money = addTableMoney(c.Money, tableMoney(text, kind == KindTableRow || kind == KindListItem))
		for k := range c.Money {
			localize(&c.Money[k], local)
		}
		c.Quantities = dropCovered(valid(FindQuantities(text), text), c.Money, c.Dates)
		if !isClaimUnit(&c, headings) {
			continue
		}
		c.Score = Score(&c)
		if max > 0 && len(claims) == max {
			return claims, withDateline(docEntities(i, entsOf, len(rest), restOf), doc.Dateline), true
		}
		claims = append(claims, c)
	}
	return claims, withDateline(docEntities(len(units), entsOf, len(rest), restOf), doc.Dateline), truncated
}

// addTableMoney adds the figures a unit label makes money to those found
// with their own currency, keeping text order and never two on one span.
func addTableMoney(found, table []Money) []Money {
	for _, t := range table {
		overlaps := false
		for _, m := range found {
			if t.Start < m.End && m.Start < t.End {
				overlaps = true
			}
		}
		if !overlaps {
			found = append(found, t)
		}
	}
	slices.SortStableFunc(found, func(a, b Money) int { return a.Start - b.Start })
	return found
}

// sharedNames are currency names several countries use: the code a bare
// one is read as (see moneyNames), and the code each country, by the
// lower-case names and adjectives of its places and people, gives it.
var sharedNames = []struct {
	word, bare string
	// mark finds the word, or its sign, in an amount's lower-cased text.
	mark      *regexp.Regexp
	countries map[string]string
}{
	{"peso", "MXN", regexp.MustCompile(`peso`), map[string]string{
		"mexico": "MXN", "mexican": "MXN", "colombia": "COP", "colombian": "COP",
		"philippines": "PHP", "philippine": "PHP", "filipino": "PHP", "chile": "CLP", "chilean": "CLP",
		"argentina": "ARS", "argentine": "ARS", "argentinian": "ARS", "dominican republic": "DOP",
		"dominican": "DOP", "cuba": "CUP", "cuban": "CUP", "uruguay": "UYU", "uruguayan": "UYU",
	}},
	{"shilling", "KES", regexp.MustCompile(`shilling`), map[string]string{
		"kenya": "KES", "kenyan": "KES", "uganda": "UGX", "ugandan": "UGX",
		"tanzania": "TZS", "tanzanian": "TZS", "somalia": "SOS", "somali": "SOS",
	}},
	{"crown", "CZK", regexp.MustCompile(`crown`), map[string]string{
		"czech republic": "CZK", "czechia": "CZK", "czech": "CZK", "sweden": "SEK", "swedish": "SEK",
		"norway": "NOK", "norwegian": "NOK", "denmark": "DKK", "danish": "DKK", "iceland": "ISK", "icelandic": "ISK",
	}},
	// "Rs 42 billion" as well as "42 billion rupees".
	{"rupee", "INR", regexp.MustCompile(`rupee|(?:^|[^a-z])rs\.?(?:\s|\d|$)`), map[string]string{
		"india": "INR", "indian": "INR", "pakistan": "PKR", "pakistani": "PKR",
		"sri lanka": "LKR", "sri lankan": "LKR", "nepal": "NPR", "nepali": "NPR", "nepalese": "NPR",
		"mauritius": "MUR", "mauritian": "MUR", "seychelles": "SCR", "seychellois": "SCR",
	}},
}

// localCurrencies returns, by shared currency word, the code a bare
// "pesos", "shillings" or "rupees" stands for in a document: that of the country
// it names most (its dateline counts), when it names one more often than
// the country of the bare reading.
func localCurrencies(n int, entsOf func(int) []Entity, dateline string) map[string]string {
	var names []string
	names = append(names, dateline)
	for i := range n {
		for _, e := range entsOf(i) {
			if e.Type == GPE || e.Type == NORP {
				names = append(names, cmp.Or(e.Canonical, e.Text))
			}
		}
	}
	out := map[string]string{}
	for _, sn := range sharedNames {
		count := map[string]int{}
		for _, name := range names {
			if c, ok := sn.countries[strings.ToLower(strings.TrimSpace(name))]; ok {
				count[c]++
			}
		}
		best := ""
		for c, k := range count {
			if c != sn.bare && k > count[sn.bare] && (best == "" || k > count[best] || k == count[best] && c < best) {
				best = c
			}
		}
		if best != "" {
			out[sn.word] = best
		}
	}
	return out
}

// localize gives an amount named by a shared currency word and no country
// ("14 billion pesos", not "Colombian pesos") the document's own code.
func localize(m *Money, local map[string]string) {
	t := strings.ToLower(m.Text)
	for _, sn := range sharedNames {
		code, ok := local[sn.word]
		if !ok || m.Currency != sn.bare || !sn.mark.MatchString(t) {
			continue
		}
		for name := range sn.countries {
			if strings.Contains(t, name) {
				return
			}
		}
		m.Currency = code
	}
}

// withDateline adds the dateline's place to ents when no name there
// spells it: the cleaner reads the dateline from header lines the
// recogniser never sees ("LONDON, March 3 (Agency) -" above the story).
func withDateline(ents []DocEntity, place string) []DocEntity {
	place = strings.TrimSpace(place)
	if place == "" {
		return ents
	}
	for _, e := range ents {
		if strings.EqualFold(e.Name, place) {
			return ents
		}
	}
	return append(ents, DocEntity{Name: place, Type: GPE, Mentions: 1})
}

// nonUnitTexts returns the texts of the document that give no unit but
// may name things: datelines opening paragraphs and headings, outside
// boilerplate.
func nonUnitTexts(doc *corpus.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch {
		case b.Boilerplate:
		case b.Kind == corpus.Heading:
			out = append(out, b.Text)
		case b.Kind == corpus.Paragraph:
			if end := datelineEnd(b.Text); end > 0 {
				out = append(out, b.Text[:end])
			}
		}
	}
	return out
}

// docEntities gathers the entities of n units and m other texts by
// canonical name and type.
func docEntities(n int, entsOf func(int) []Entity, m int, restOf func(int) []Entity) []DocEntity {
	out := []DocEntity{}
	at := map[[2]string]int{}
	for i := 0; i < n+m; i++ {
		es := []Entity{}
		if i < n {
			es = entsOf(i)
		} else {
			es = restOf(i - n)
		}
		for _, e := range es {
			name := e.Canonical
			if name == "" {
				name = e.Text
			}
			k := [2]string{name, e.Type}
			if j, ok := at[k]; ok {
				out[j].Mentions++
				continue
			}
			at[k] = len(out)
			out = append(out, DocEntity{Name: name, Type: e.Type, Mentions: 1})
		}
	}
	return out
}

// unitLimit is how many candidate units are analysed for max claims: some
// units (questions, fragments) give no claim, so a few more than max.
func unitLimit(max int) int {
	if max <= 0 {
		return 0
	}
	return max + max/4 + 16
}

// buildUnits splits the document's blocks into candidate units. It also
// returns each block's text as found in doc.Text and its start there;
// blocks whose offsets do not match doc.Text are located by search or,
// failing that, skipped, so that every unit's span is true.
func buildUnits(doc *corpus.Document) ([]unit, []string, []int) {
	var units []unit
	texts := make([]string, len(doc.Blocks))
	starts := make([]int, len(doc.Blocks))
	cursor := 0
	prev := corpus.BlockKind("")
	for bi, b := range doc.Blocks {
		start, ok := locateBlock(doc.Text, b, cursor)
		if !ok || b.Boilerplate {
			continue
		}
		cursor = start + len(b.Text)
		texts[bi], starts[bi] = b.Text, start
		add := func(kind string, s, e int) {
			s, e = trimSpan(b.Text, s, e)
			if s < e {
				units = append(units, unit{block: bi, kind: kind, start: start + s, end: start + e})
			}
		}
		afterTitle := prev == corpus.Title
		prev = b.Kind
		switch b.Kind {
		case corpus.Title:
			add(KindHeadline, 0, len(b.Text))
		case corpus.Heading:
			// A deck under the headline ("Tidewell's project wins
			// 1,140MW as the ministry hands out 3GW; developers warn
			// ...") says what the story says; later headings name
			// sections.
			if afterTitle && len(strings.Fields(b.Text)) >= 8 {
				add(KindHeadline, 0, len(b.Text))
			}
		case corpus.TableRow:
			add(KindTableRow, 0, len(b.Text))
		case corpus.ListItem:
			spans := splitSentences(b.Text)
			if len(spans) <= 2 {
				add(KindListItem, 0, len(b.Text))
				break
			}
			for _, sp := range spans {
				add(KindListItem, sp.Start, sp.End)
			}
		case corpus.Paragraph, corpus.Quote, corpus.Caption:
			from := 0
			if b.Kind == corpus.Paragraph {
				from = datelineEnd(b.Text)
			}
			for _, sp := range splitSentences(b.Text[from:]) {
				add(KindSentence, from+sp.Start, from+sp.End)
			}
		}
	}
	return units, texts, starts
}

// locateBlock returns where b.Text starts in text: at b.Start when the
// offsets are true, else at its next occurrence from cursor.
func locateBlock(text string, b corpus.Block, cursor int) (int, bool) {
	if b.Text == "" {
		return 0, false
	}
	if b.Start >= 0 && b.End <= len(text) && b.Start <= b.End && text[b.Start:b.End] == b.Text {
		return b.Start, true
	}
	if cursor > len(text) {
		return 0, false
	}
	if i := strings.Index(text[cursor:], b.Text); i >= 0 {
		return cursor + i, true
	}
	return 0, false
}

// dateline matches a wire dateline opening a paragraph: "MIAMI – ",
// "KYIV, Dec. 3 (Reuters) - ", "WASHINGTON (AP) — ", "GENEVA, Switzerland — ".
var dateline = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3}` +
		`(?:,\s+[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+){0,2})?` +
		`(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2}(?:,\s+\d{4})?)?` +
		`(?:\s*\([A-Za-z .&-]{2,30}\))?` +
		`(?:\s+[–—-]{1,2}\s*|\s*[–—-]{1,2}\s+)`)
})

// datelineEnd returns the length of a leading dateline in text, or 0. The
// claim starts after it: the dateline is where the story was filed, not
// part of what it says.
func datelineEnd(text string) int {
	loc := dateline().FindStringIndex(text)
	if loc == nil {
		return 0
	}
	caps := 0
	for _, r := range text[:loc[1]] {
		if r >= 'A' && r <= 'Z' {
			caps++
		}
	}
	if caps < 3 {
		return 0
	}
	return loc[1]
}

// claimID is stable: the same document content, position and text give
// the same id.
func claimID(key string, start int, text string) string {
	h := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(start) + "\x00" + text))
	return hex.EncodeToString(h[:8])
}

// headingTexts collects the normalised texts of the title and headings, to
// recognise table-of-contents entries that repeat them.
func headingTexts(doc *corpus.Document) map[string]bool {
	m := map[string]bool{}
	for _, b := range doc.Blocks {
		if (b.Kind == corpus.Title || b.Kind == corpus.Heading) && !b.Boilerplate {
			m[normHeading(b.Text)] = true
		}
	}
	return m
}

// enumerator is a leading list number: "1. ", "2) ", "10 - ".
var enumerator = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:\d{1,3}|[ivxIVX]{1,4}|[a-zA-Z])[.)]\s*`) })

func normHeading(s string) string {
	s = enumerator().ReplaceAllString(s, "")
	s = enumerator().ReplaceAllString(s, "")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// isClaimUnit filters out what is not a claim: questions, calls to action
// without checkable content, boilerplate phrases, fragments, lone datelines
// and list items repeating a heading (a table of contents).
func isClaimUnit(c *Claim, headings map[string]bool) bool {
	text := c.Text
	data := len(c.Money) > 0 || len(c.Dates) > 0 || len(c.Quantities) > 0
	n := claimCountWords(text)
	switch {
	case isQuestion(text):
		return false
	case datelineEnd(text+" ") == len(text)+1 || datelineEnd(text) == len(text):
		return false
	case n < 4 && len(c.Entities) == 0 && !strings.ContainsAny(text, "0123456789"):
		return false
	case n < 2:
		return false
	case c.Kind == KindListItem && headings[normHeading(text)]:
		return false
	}
	if isImperative(text) && (!data || addressesReader(text)) {
		return false
	}
	if !data {
		lower := strings.ToLower(text)
		for _, p := range boilerplatePhrases {
			if strings.Contains(lower, p) {
				return false
			}
		}
	}
	return true
}

// addressesReader reports second-person text ("your", "you").
func addressesReader(text string) bool {
	for _, w := range claimWords(text) {
		switch strings.ToLower(w.Text) {
		case "you", "your", "yours":
			return true
		}
	}
	return false
}

// The finders belong to other files; the checks below keep a claim's
// mentions true to its text whatever a finder returns, so that the claim
// JSON never carries a span outside its text, and never a nil slice.

func spanOK(s, e int, text string) bool { return s >= 0 && s <= e && e <= len(text) }

// valid keeps the mentions whose span lies in text, as a non-nil slice.
func valid[M interface{ Span() Span }](in []M, text string) []M {
	out := make([]M, 0, len(in))
	for _, m := range in {
		if sp := m.Span(); spanOK(sp.Start, sp.End, text) {
			out = append(out, m)
		}
	}
	return out
}

// dropCovered removes quantities that overlap a money amount or a date:
// "$50 billion" is money, "2025" in a date is not a count.
func dropCovered(qs []Quantity, money []Money, dates []Date) []Quantity {
	out := qs[:0]
	for _, q := range qs {
		covered := false
		for _, m := range money {
			covered = covered || (q.Start < m.End && m.Start < q.End)
		}
		for _, d := range dates {
			covered = covered || (q.Start < d.End && d.Start < q.End)
		}
		if !covered {
			out = append(out, q)
		}
	}
	return out
}
