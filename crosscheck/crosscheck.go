package crosscheck

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/claimdex/claimdex/extract"
)

// Cross-source analysis: which figures do outlets agree on, which do they
// contradict. Every value a claim states (an amount of money, a date, a
// quantity) is a mention with a topic (see topic.go). Mentions of the same
// kind of value in documents of different origins whose topics are alike
// are linked, most alike first, into groups, each group being one fact as
// reported by several outlets. Within a group equal values corroborate and
// different values conflict.
//
// Precision comes from three rules. A group never holds two different
// values from one document: an article that gives €600 million for one
// thing and €500 million for another is talking about two things, so the
// two can never end up as one fact disagreeing with itself. Different
// values need a closer topic than equal ones to be linked. And values are
// only compared across origins: documents of one publisher, and copies of
// one syndicated story, count once.
//
// And a disagreement is about one subject (crosscheck_subject.go): values
// next to different named organisations or persons are different facts,
// a topic one document uses for several figures singles out none, and
// two values of a cluster contradict each other only when a pair that
// passed the conflict rules states them (agreement within rounding
// chains "10 hours" to both 11 and 12 without weighing 11 against 12).

// Value kinds of a group.
const (
	ValueMoney    = "money"
	ValueDate     = "date"
	ValueQuantity = "quantity"
	// ValuePerson groups name who holds a role ("NATO Secretary-General");
	// the value is the person's canonical name.
	ValuePerson = "person"
)

// Group is one fact as stated by several origins: its topic (a short
// phrase naming what the values are about), the kind of value, and the
// distinct values with the claims and sources stating each, most widely
// stated first.
type Group struct {
	Topic  string       `json:"topic"`
	Kind   string       `json:"kind"`
	Values []GroupValue `json:"values"`
	// Origins is the number of independent origins in the group.
	Origins int `json:"origins"`
	// Conflict is set when independent origins state values that
	// contradict each other (not merely differ in precision).
	Conflict bool `json:"conflict"`
	// Story is the id of the story the group belongs to.
	Story string `json:"story,omitempty"`
	// Shared says why the members belong together: the keys their
	// documents have in common ("p:mirel" a person, "o:" an organisation,
	// "g:" a place, "t:" a headline word, "v:" a figure).
	Shared []string `json:"shared,omitempty"`
}

// GroupValue is one value of a group. Value is normalised: money as
// "<amount> <ISO code>" ("45000000000 USD", a range "10000000-12000000
// USD"), dates in ISO form, quantities as "<value> <unit>".
type GroupValue struct {
	Value   string   `json:"value"`
	Claims  []string `json:"claims"`
	Sources []string `json:"sources"`
}

// Annotation is what cross-source analysis says about one claim.
type Annotation struct {
	// Corroborations is the number of OTHER independent origins stating
	// the same value as the claim (the best of the claim's values); 0
	// when no one else states it.
	Corroborations int
	// Conflicts are the ids of claims of other origins stating a
	// different value for the same fact, sorted.
	Conflicts []string
}

// Options tunes Analyze and AnalyzeStory. The zero value uses the defaults.
type Options struct {
	// StoryThreshold: see DefaultStoryThreshold.
	StoryThreshold float64
	// AgreeThreshold and ConflictThreshold are the topic similarities (0..1)
	// from which equal and different values are taken to be about the
	// same fact.
	AgreeThreshold, ConflictThreshold float64
}

// Default topic similarity thresholds, measured on testdata/crosscheck
// and the study part of testdata/crossdev.
const (
	DefaultAgreeThreshold    = 0.2
	DefaultConflictThreshold = 0.18
	// sameDocThreshold is the topic similarity from which two mentions of
	// one figure in one document are taken to be about one thing.
	sameDocThreshold = 0.25
	// sameDocSpecific is the lower bar for a specific figure
	// (see specific) repeated in one document.
	sameDocSpecific = 0.1
	// agreeBonus is added to the topic similarity of two equal values.
	agreeBonus = 0.15
	// docGate is the least profile similarity of two documents of a
	// story (see Similarity) for their values to be compared at all: the
	// same words in two stories about different events are not the same
	// fact.
	docGate = 0.08
	// apartWeight is the topic similarity a conflict needs in addition
	// per doubling between its two values.
	apartWeight = 0.05
	// unitTermWeight is the weight of a quantity's unit word in its
	// topic.
	unitTermWeight = 1.0
	// dateApartWeight ranks a date link lower per doubling of its
	// distance in weeks.
	dateApartWeight = 0.02
	// valueApartWeight ranks a link of two amounts or counts lower by
	// the log of their ratio (0.01 for 10% apart, 0.07 for twice).
	// Chosen on studied data among 0.03-1: the smallest weight with the
	// study half's best figures that keeps the real pages free of false
	// conflicts (0.3 and more give them one).
	valueApartWeight = 0.1
	// maxRatio bounds how far apart two amounts or counts may be and
	// still be reported as a disagreement about one fact: outlets
	// misreport a figure by a fraction; a factor of three or more is
	// another figure.
	maxRatio = 3
	// specificDocGate is the least document similarity for two equal
	// specific values to be taken for one fact without alike words
	// around them.
	specificDocGate = 0.15
	// maxPosting skips topic words shared by more mentions of a story
	// than this when looking for candidate pairs (too common to single
	// out a fact), so that a big story is not compared all with all.
	maxPosting = 400
	// maxClaimValues bounds the values of each kind read from one claim.
	maxClaimValues = 40
	// maxCluster bounds the mentions of one fact.
	maxCluster = 300
)

// Result is the outcome of Analyze or AnalyzeStory.
type Result struct {
	// Groups stated by at least two origins, biggest first.
	Groups []Group
	// Annotations of every claim that states a value, by claim id.
	Annotations map[string]Annotation
	// Origins maps each document id to its origin (the smallest document
	// id of the copies of one story, or of one source's documents).
	Origins map[string]string
	// Stories maps each document id to the id of its story.
	Stories map[string]string
}

// mention is one value stated by one claim.
type mention struct {
	claim    int // index in claims
	index    int // place among the claim's values of its kind
	doc      int
	origin   int
	headline bool // stated in the document's headline
	// earlier is set for an amount or count its clause gives for an
	// earlier period ("1.04 million a year earlier", "up from $3.1bn")
	// or as analysts' expectation ("analysts had expected 398 million"):
	// another fact than the same measure now.
	earlier bool
	// converted is set for an amount given in parentheses after another
	// amount in another currency ("7.5 trillion rupiah ($460 million)"):
	// the same figure converted. Two conversions differ when their
	// originals do; the originals carry that dispute.
	converted bool
	// lead is set for the first amount or count of its currency or unit
	// in a document, when the headline or the opening states it: the
	// figure the story is about (see markLeads).
	lead bool
	// weak is set for a date resolved from a relative expression
	// ("Tuesday", "this year", "last month": no digit in its text). Its
	// value depends on each outlet's publication date and on a guess of
	// tense, so it may corroborate but never contradicts.
	weak bool
	// weekday is set for a weak date that names a day of the week ("on
	// Tuesday"): however its week was guessed, it is that weekday.
	weekday bool
	// noYear is set for a date whose text gives no year ("Nov. 18"): its
	// year is a guess.
	noYear bool
	// rate is the period a count is given per ("day" for "22,000
	// passengers a day"), or "": a flow, another fact than a stock of
	// the same unit ("41,000 residents") or a flow per another period.
	rate  string
	kind  string
	val   mvalue
	topic []topicTerm
	vec   topicVec
	// subjects are the organisations and persons named next to the
	// value (see subjectsNear).
	subjects []string
}

// mvalue is a comparable value. Money and quantities: [lo, hi] in unit;
// dates: [lo, hi) in days since the epoch, prec the precision rank (0 day,
// 1 month, 2 quarter, 3 year).
//
// Persons: unit is the role ("labour minister"), qual its qualifier
// ("kestria", or "" when the text gives none), text the person's name.
type mvalue struct {
	lo, hi float64
	unit   string
	qual   string
	prec   int
	text   string // normalised display form
	// shared names the currency family of money written with a sign or
	// word several countries use and no country (a bare "$" read as USD,
	// a bare "Rs" read as INR): the story's country's currency as much
	// as the one it was read as. "" otherwise.
	shared string
	// about is set for an amount the text hedges ("about 200 million",
	// "nearly 40"): a round figure that may stand for a near one.
	about bool
	// bound is +1 for an amount given as a floor ("more than 150
	// stores", "at least $2bn"), -1 as a ceiling ("nearly 2,000", "up to
	// 40%"), 0 otherwise.
	bound  int
	role   string // persons: the title as written, for the group's label
	qualAs string // persons: the qualifier as written
}

// relation of two values of one kind.
type relation int

const (
	relIncomparable relation = iota // different currencies or units
	relEqual
	relCompatible // dates of different precision, one within the other
	relDifferent
)

func relate(kind string, a, b mvalue) relation {
	if kind == ValuePerson {
		a, b = fieldAsBody(a, b), fieldAsBody(b, a)
		if !rolesMatch(a.unit, b.unit) || (a.qual != "" && b.qual != "" && !qualMatch(a.qual, b.qual)) {
			return relIncomparable
		}
		if sameName(a.text, b.text) {
			return relEqual
		}
		return relDifferent
	}
	if !unitsMatch(a.unit, b.unit) && !sharedMatch(a, b) {
		return relIncomparable
	}
	if kind == ValueDate {
		switch {
		case a.lo == b.lo && a.hi == b.hi:
			return relEqual
		case a.prec != b.prec && ((a.lo <= b.lo && b.hi <= a.hi) || (b.lo <= a.lo && a.hi <= b.hi)):
			return relCompatible
		}
		return relDifferent
	}
	// Within 1% (rounding: "$1.2bn" and "$1,190 million" agree); ranges
	// agree with what they overlap.
	tol := 0.01 * math.Max(math.Abs(a.hi), math.Abs(b.hi))
	if a.lo <= b.hi+tol && b.lo <= a.hi+tol {
		return relEqual
	}
	if roundingAgrees(a, b) || boundAgrees(a, b) || boundAgrees(b, a) {
		return relCompatible
	}
	return relDifferent
}

// fieldAsBody reads the field word of x's "museum director" as the body
// it heads when the other value names the head of a described body ("the
// museum's director"): a lower-case word before a head title is a field
// ("sporting director") or a body, and only the other outlet's words tell.
// Likewise "union president" is "the union's president" when the other
// outlet's qualifier is that word.
func fieldAsBody(x, other mvalue) mvalue {
	if x.qual != "" || other.qual == "" {
		return x
	}
	if field, ok := strings.CutSuffix(x.unit, " head"); ok && other.unit == "head" && strings.HasPrefix(other.qual, "~") && !strings.Contains(field, " ") {
		if q := describedBody(field); q != "" {
			x.unit, x.qual = "head", q
		}
		return x
	}
	field, title, ok := strings.Cut(x.unit, " ")
	if ok && !strings.HasPrefix(other.qual, "~") && rolesMatch(title, other.unit) && qualMatch(normQual([]string{field}), other.qual) {
		x.unit, x.qual = title, other.qual
	}
	return x
}

// apartPenalty raises the topic similarity two different amounts need
// to be taken for one fact misreported, the more the further apart they
// are: outlets misreport a figure by a fraction (€2.4bn and €2.1bn), while
// an article's €800 million for one thing and another's €4.7 billion
// sharing a word are usually about different things.
func apartPenalty(kind string, a, b mvalue) float64 {
	if kind != ValueMoney && kind != ValueQuantity {
		return 0
	}
	x, y := math.Abs(a.lo), math.Abs(b.lo)
	if x == 0 || y == 0 {
		return 0
	}
	return apartWeight * math.Log2(math.Max(x, y)/math.Min(x, y))
}

// farApart reports values too far apart to be the same fact misreported.
func farApart(kind string, a, b mvalue) bool {
	if kind == ValuePerson {
		return false
	}
	if kind == ValueDate {
		return math.Abs(a.lo-b.lo) > 3*366
	}
	x, y := math.Abs(a.lo), math.Abs(b.lo)
	if x == 0 || y == 0 {
		return x != y
	}
	return math.Max(x, y)/math.Min(x, y) > maxRatio
}

// Analyze groups the values stated by claims across documents and
// returns the groups and each claim's corroborations and conflicts. The
// documents are first partitioned into stories (see Stories), and each
// story is analysed on its own (AnalyzeStory). It is a pure function of
// its input (and deterministic: the result does not depend on the order
// of claims).
func Analyze(claims []extract.Claim, opt Options) *Result {
	byDoc := map[string][]extract.Claim{}
	for _, c := range claims {
		byDoc[c.DocID] = append(byDoc[c.DocID], c)
	}
	profiles := make(map[string]Profile, len(byDoc))
	list := make([]Profile, 0, len(byDoc))
	for d, cs := range byDoc {
		p := NewProfile(cs)
		profiles[d] = p
		list = append(list, p)
	}
	res := &Result{Annotations: map[string]Annotation{}, Origins: map[string]string{}, Stories: map[string]string{}}
	for _, st := range Stories(list, opt.StoryThreshold) {
		var sub []extract.Claim
		for _, d := range st.Docs {
			sub = append(sub, byDoc[d]...)
		}
		res.merge(AnalyzeStory(st, sub, profiles, opt))
	}
	slices.SortFunc(res.Groups, CompareGroups)
	return res
}

// merge adds the result of another story to r.
func (r *Result) merge(o *Result) {
	r.Groups = append(r.Groups, o.Groups...)
	for k, v := range o.Annotations {
		r.Annotations[k] = v
	}
	for k, v := range o.Origins {
		r.Origins[k] = v
	}
	for k, v := range o.Stories {
		r.Stories[k] = v
	}
}

// AnalyzeStory analyses the claims of one story's documents: profiles
// holds the story's profiles by document id (documents without one are
// profiled from their claims here).
func AnalyzeStory(st Story, claims []extract.Claim, profiles map[string]Profile, opt Options) *Result {
	if opt.AgreeThreshold <= 0 {
		opt.AgreeThreshold = DefaultAgreeThreshold
	}
	if opt.ConflictThreshold <= 0 {
		opt.ConflictThreshold = DefaultConflictThreshold
	}
	claims = slices.Clone(claims)
	slices.SortFunc(claims, func(a, b extract.Claim) int {
		return cmp.Or(strings.Compare(a.DocID, b.DocID), cmp.Compare(a.Offset.Start, b.Offset.Start), strings.Compare(a.ID, b.ID))
	})
	res := &Result{Annotations: map[string]Annotation{}, Origins: map[string]string{}, Stories: map[string]string{}}
	docs, docIndex := docsOf(claims)
	for _, d := range st.Docs {
		res.Stories[d] = st.ID
	}
	if len(docs) == 0 {
		return res
	}
	profs := make([]Profile, len(docs))
	for i, d := range docs {
		p, ok := profiles[d]
		if !ok {
			p = NewProfile(claimsOfDoc(claims, d))
		}
		profs[i] = p
	}
	origins := originsOf(docs, profs)
	originIdx := map[string]int{}
	for _, d := range docs {
		if _, ok := originIdx[origins[d]]; !ok {
			originIdx[origins[d]] = len(originIdx)
		}
	}
	res.Origins = origins

	var ms []mention
	perDoc := map[int]int{}
	persons := make([]docPersons, len(docs))
	for i := range claims {
		c := &claims[i]
		roles := allRoles(c)
		persons[docIndex[c.DocID]].add(c, roles)
		for _, m := range claimMentions(c, roles) {
			d := docIndex[c.DocID]
			// A page with a table of thousands of figures adds no more
			// than maxDocMentions: the work stays bounded per document.
			if perDoc[d] >= maxDocMentions {
				break
			}
			perDoc[d]++
			m.claim = i
			m.doc = d
			m.origin = originIdx[origins[c.DocID]]
			m.headline = c.Kind == extract.KindHeadline
			ms = append(ms, m)
		}
	}
	days := make([]float64, len(docs))
	for i, p := range profs {
		days[i] = math.NaN()
		if p.Day != NoDay {
			days[i] = float64(p.Day)
		}
	}
	markLeads(ms, claims)
	confirmRelative(ms, days)
	vectorize(ms)
	docSim := newDocSims(profs)

	clusters, approved := link(ms, docSim, persons, days, opt)
	for _, m := range ms {
		res.Annotations[claims[m.claim].ID] = Annotation{Conflicts: []string{}}
	}
	perCluster := approved.byCluster(clusters)
	for ci, members := range clusters {
		approved := perCluster[ci]
		g, ok := buildGroup(claims, ms, members, approved)
		if ok {
			g.Story = st.ID
			g.Shared = sharedKeys(profs, ms, members)
			res.Groups = append(res.Groups, g)
		}
		annotate(res.Annotations, claims, ms, members, approved)
	}
	qgroups, qann := quoteGroups(claims, func(c *extract.Claim) int { return originIdx[origins[c.DocID]] })
	for _, g := range qgroups {
		g.Story = st.ID
		res.Groups = append(res.Groups, g)
	}
	for id, qa := range qann {
		a := res.Annotations[id]
		a.Corroborations = max(a.Corroborations, qa.Corroborations)
		for _, c := range qa.Conflicts {
			if !slices.Contains(a.Conflicts, c) {
				a.Conflicts = append(a.Conflicts, c)
			}
		}
		if a.Conflicts == nil {
			a.Conflicts = []string{}
		}
		slices.Sort(a.Conflicts)
		res.Annotations[id] = a
	}
	slices.SortFunc(res.Groups, CompareGroups)
	return res
}

// leadClaims is how many claims from a document's top count as its
// opening for markLeads; leadDocGate the least document similarity and
// leadGap the widest gap (as a log ratio) for two lead figures to be
// taken for one fact.
const (
	leadClaims  = 6
	leadDocGate = 0.3
	// leadDays is how far apart two lead days may be to be one day
	// misreported.
	leadDays = 14
)

var leadGap = math.Log(1.25)

// markLeads sets lead on the first amount or count of each currency or
// unit in each document, when its claim is the headline or among the
// first leadClaims. ms is in claim order, claims in document order.
func markLeads(ms []mention, claims []extract.Claim) {
	type key struct {
		doc        int
		kind, unit string
	}
	seen := map[key]bool{}
	// ord is each claim's place in its document (claims are in document
	// order).
	ord := make([]int, len(claims))
	for i := 1; i < len(claims); i++ {
		if claims[i].DocID == claims[i-1].DocID {
			ord[i] = ord[i-1] + 1
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.kind != ValueMoney && m.kind != ValueQuantity && (m.kind != ValueDate || m.val.prec != 0) {
			continue
		}
		k := key{m.doc, m.kind, m.val.unit}
		if seen[k] {
			continue
		}
		seen[k] = true
		m.lead = (m.headline || ord[m.claim] < leadClaims) && !m.weak && (m.kind == ValueDate || specific(*m))
	}
}

// leadPair reports two lead figures of documents that plainly report one
// story, near enough to be one figure misreported.
func leadPair(m, o mention, ds float64) bool {
	if !m.lead || !o.lead || ds < leadDocGate || !sharesWord(m, o) {
		return false
	}
	if m.kind == ValueDate {
		return math.Abs(m.val.lo-o.val.lo) <= leadDays
	}
	return valueGap(m.val, o.val) <= leadGap
}

// sharesWord reports a topic word two mentions share besides their unit:
// a lead figure about another thing ("the stand-in ferry takes 60 cars"
// against "112 cars on board") shares none.
func sharesWord(m, o mention) bool {
	for _, a := range m.topic {
		if strings.HasPrefix(a.term, "#") {
			continue
		}
		for _, b := range o.topic {
			if a.term == b.term {
				return true
			}
		}
	}
	return false
}

// unitOnlyGap is how far apart (log ratio) two figures sharing no word
// but their unit may be and still be one figure misreported: 30%.
var unitOnlyGap = math.Log(1.3)

// storyRelief lowers the topic similarity a disagreement needs between
// documents that plainly report one story (profile similarity from 0.3,
// fully at 0.5): each outlet words a fact its own way, and the closer
// the two reports, the less their words need to match.
func storyRelief(ds float64) float64 {
	return maxStoryRelief * math.Min(1, math.Max(0, (ds-0.3)/0.2))
}

// maxStoryRelief is the most storyRelief gives.
const maxStoryRelief = 0.08

// maxDocMentions bounds the values taken from one document.
const maxDocMentions = 200

// claimsOfDoc returns the claims of document d.
func claimsOfDoc(claims []extract.Claim, d string) []extract.Claim {
	var out []extract.Claim
	for _, c := range claims {
		if c.DocID == d {
			out = append(out, c)
		}
	}
	return out
}

// docSims memoises the profile similarity of the documents of a story.
type docSims struct {
	profs []Profile
	memo  map[[2]int]float64
}

func newDocSims(profs []Profile) *docSims {
	return &docSims{profs: profs, memo: map[[2]int]float64{}}
}

func (s *docSims) sim(a, b int) float64 {
	k := [2]int{min(a, b), max(a, b)}
	v, ok := s.memo[k]
	if !ok {
		v = Similarity(&s.profs[k[0]], &s.profs[k[1]])
		s.memo[k] = v
	}
	return v
}

// sharedKeys says why the members of a group belong together: the keys
// (names, headline words, figures) that the documents of at least two of
// its origins have in common, heaviest first, at most eight.
func sharedKeys(profs []Profile, ms []mention, members []int) []string {
	count := map[string]map[int]bool{}
	weight := map[string]float64{}
	for _, d := range uniqueDocs(ms, members) {
		for _, k := range profs[d].Keys {
			if count[k.Term] == nil {
				count[k.Term] = map[int]bool{}
			}
			count[k.Term][originOfDoc(ms, members, d)] = true
			weight[k.Term] = k.W
		}
	}
	var out []string
	for k, os := range count {
		if len(os) >= 2 {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(cmp.Compare(weight[b], weight[a]), strings.Compare(a, b)) })
	return out[:min(8, len(out))]
}

func uniqueDocs(ms []mention, members []int) []int {
	var ds []int
	for _, i := range members {
		if !slices.Contains(ds, ms[i].doc) {
			ds = append(ds, ms[i].doc)
		}
	}
	return ds
}

func originOfDoc(ms []mention, members []int, d int) int {
	for _, i := range members {
		if ms[i].doc == d {
			return ms[i].origin
		}
	}
	return -1
}

// bareRoles reports two persons of whom one is named by a bare one-word
// title with no qualifier ("Minister X", "the envoy, Y"): one story has
// many ministers and envoys, so "Minister Nguyen" is no rival to
// "Brazil's minister Renata Pires".
// They may still corroborate.
func bareRoles(a, b mention) bool {
	bare := func(m mention) bool { return m.val.qual == "" && !strings.Contains(m.val.unit, " ") }
	return a.kind == ValuePerson && (bare(a) || bare(b))
}

// specific reports whether a mention's value is specific enough that two
// reports of one story stating it mean the same fact: a day, or an amount
// with at least two significant digits or of a thousand or more (not "2
// firefighters", "10 years", "40%"); never a person.
func specific(m mention) bool {
	switch m.kind {
	case ValueDate:
		return m.val.prec == 0
	case ValueMoney, ValueQuantity:
		x := math.Abs(m.val.lo)
		if x >= 1000 {
			return true
		}
		if x < 10 {
			return false
		}
		// Two significant digits: not a multiple of ten to its own
		// magnitude (25, 140, 28.5; not 40 or 300).
		mag := math.Pow(10, math.Floor(math.Log10(x)))
		return math.Abs(x/mag-math.Round(x/mag)) > 1e-9
	}
	return false
}

// CompareGroups orders groups biggest first: by origins, then claims,
// then topic, kind and first claim id for a stable order.
func CompareGroups(a, b Group) int {
	na, nb := 0, 0
	for _, v := range a.Values {
		na += len(v.Claims)
	}
	for _, v := range b.Values {
		nb += len(v.Claims)
	}
	return cmp.Or(cmp.Compare(b.Origins, a.Origins), cmp.Compare(nb, na),
		strings.Compare(a.Topic, b.Topic), strings.Compare(a.Kind, b.Kind),
		strings.Compare(firstClaim(a), firstClaim(b)))
}

// firstClaim is the id of a group's first claim, or "" (groups read back
// from an index are data, so an empty one must not panic).
func firstClaim(g Group) string {
	if len(g.Values) == 0 || len(g.Values[0].Claims) == 0 {
		return ""
	}
	return g.Values[0].Claims[0]
}

// docsOf lists the document ids in order and indexes them.
func docsOf(claims []extract.Claim) ([]string, map[string]int) {
	idx := map[string]int{}
	var docs []string
	for _, c := range claims {
		if _, ok := idx[c.DocID]; !ok {
			idx[c.DocID] = len(docs)
			docs = append(docs, c.DocID)
		}
	}
	return docs, idx
}

// originsOf merges syndicated copies and documents of one source into
// origins, named by the smallest document id of each.
func originsOf(docs []string, profs []Profile) map[string]string {
	fps := make(map[string]Fingerprint, len(docs))
	for i, d := range docs {
		fps[d] = profs[i].Fingerprint
	}
	syn := Origins(fps, 0)
	// Then one origin per source: an outlet repeating itself is not
	// corroboration.
	uf := newUnionFind(len(docs))
	pos := map[string]int{}
	for i, d := range docs {
		pos[d] = i
	}
	bySource := map[string]int{}
	for i, d := range docs {
		uf.union(i, pos[syn[d]])
		if s := profs[i].Source; s != "" {
			if j, ok := bySource[s]; ok {
				uf.union(i, j)
			} else {
				bySource[s] = i
			}
		}
	}
	out := make(map[string]string, len(docs))
	root := map[int]string{}
	for i, d := range docs {
		r := uf.find(i)
		if cur, ok := root[r]; !ok || d < cur {
			root[r] = d
		}
	}
	for i, d := range docs {
		out[d] = root[uf.find(i)]
	}
	return out
}

// claimMentions returns the values c states, with their topics, and the
// persons it names in the roles given (allRoles of c), deputies left out.
func claimMentions(c *extract.Claim, roles []roleMention) []mention {
	c = capValues(c)
	spans := map[string][]span{}
	for _, m := range c.Money {
		spans[ValueMoney] = append(spans[ValueMoney], span{m.Start, m.End})
	}
	for _, d := range c.Dates {
		spans[ValueDate] = append(spans[ValueDate], span{d.Start, d.End})
	}
	for _, q := range c.Quantities {
		spans[ValueQuantity] = append(spans[ValueQuantity], span{q.Start, q.End})
	}
	out := claimValues(c)
	for i := range out {
		m := &out[i]
		all := spans[m.kind]
		others := make([]span, 0, len(all)-1)
		for j, s := range all {
			if j != m.index {
				others = append(others, s)
			}
		}
		at := all[m.index]
		m.topic, m.subjects = mentionTopic(c, at, others), subjectsNear(c, at)
		if m.kind == ValueDate {
			m.topic = incidentTerm(m.topic)
			if t := rangeEnd(c, m.index); t != "" {
				m.topic = addTerm(m.topic, t, 1)
			}
		}
		if m.kind == ValueQuantity {
			// "420 beds", "41 deaths": the unit is the head of what is
			// counted, and the value's own words are not in its topic.
			// The unit key keeps short units ("232 g", "48 km") that
			// words drop.
			u := strings.ToLower(strings.TrimSpace(c.Quantities[m.index].Unit))
			if u != "" && !timeUnits[u] && !genericCounters[unitKey(u)] { // "units", "times" name nothing
				m.topic = addTerm(m.topic, "#"+m.val.unit, unitTermWeight)
			}
			for _, f := range strings.Fields(u) {
				// Only a word with a synonym says more than the unit
				// key: "deaths" is kill.
				if syn, ok := topicSynonyms[f]; ok && syn != unitKey(u) {
					m.topic = addTerm(m.topic, syn, unitTermWeight)
				}
			}
		}
	}
	for _, r := range roles {
		if !r.deputy {
			out = append(out, mention{kind: ValuePerson, val: personValue(r), topic: roleTopic(r)})
		}
	}
	return out
}

// rangeEnd reports the date c.Dates[i] as the start or the end of a span
// of two dates ("from April 20 to May 3", "April 20 – May 3", "between
// 1 and 14 June"): the term of a start or a completion, so that another
// outlet's "would begin on 27 April" meets the start, not the end. ""
// for a date in no span.
func rangeEnd(c *extract.Claim, i int) string {
	joined := func(a, b extract.Date) bool {
		if a.End < 0 || b.Start > len(c.Text) || a.End > b.Start {
			return false
		}
		// The second day's name may stand outside its span ("from
		// Friday 10 July to Sunday 12 July").
		between := strings.Fields(strings.ToLower(c.Text[a.End:b.Start]))
		if n := len(between); n > 1 && weekdayNames[strings.Trim(between[n-1], ",")] {
			between = between[:n-1]
		}
		switch strings.Join(between, " ") {
		case "to", "-", "–", "—", "through", "until", "till":
			return true
		case "and": // "between 1 and 14 June", not "on 3 May and 5 June"
			return afterBetween(c.Text, a.Start)
		}
		return false
	}
	ds := c.Dates
	switch {
	case i+1 < len(ds) && joined(ds[i], ds[i+1]):
		return "start"
	case i > 0 && joined(ds[i-1], ds[i]):
		return "complete"
	case startsFrom(c.Text, ds[i]):
		return "start"
	}
	return ""
}

// startsFrom reports a day or month that opens a period of its own:
// "the rights run for five years from July 1", "with effect from 1 June",
// "starting on Monday", "as of March".
func startsFrom(text string, d extract.Date) bool {
	if d.Start <= 0 || d.Start > len(text) {
		return false
	}
	before := strings.Fields(strings.ToLower(text[:d.Start]))
	if n := len(before); n > 0 && (before[n-1] == "on" || weekdayNames[strings.Trim(before[n-1], ",")]) {
		before = before[:n-1]
	}
	n := len(before)
	if n == 0 {
		return false
	}
	switch before[n-1] {
	case "from", "starting", "beginning", "effective":
		return true
	case "of":
		return n > 1 && before[n-2] == "as"
	}
	return false
}

// incidentWords name, in their topic stems, what befell people or
// things on a day: the accident, blast, fire, crash or poisoning an
// outlet dates, or the deaths it brought.
var incidentWords = setOf(`incident accident blast explosion explod fire crash collaps poison outbreak attack disaster tragedy kill derail sank capsiz`)

// incidentTerm adds to a date's topic one term for the incident it
// dates, at the weight of the nearest incident word: outlets date one
// blast as "the night of the explosion", "when the blast hit" or "the
// day four miners died".
func incidentTerm(topic []topicTerm) []topicTerm {
	w := 0.0
	for _, t := range topic {
		if incidentWords[t.term] {
			w = math.Max(w, t.w)
		}
	}
	if w >= 0.4 {
		return addTerm(topic, "#incident", w)
	}
	return topic
}

// capValues returns c, or a copy with at most maxClaimValues values of
// each kind: a table row or list of thousands of figures is read no
// further, since a topic is computed against the claim's other values,
// which would make it quadratic.
func capValues(c *extract.Claim) *extract.Claim {
	if len(c.Money) <= maxClaimValues && len(c.Dates) <= maxClaimValues && len(c.Quantities) <= maxClaimValues {
		return c
	}
	cc := *c
	cc.Money = cc.Money[:min(len(cc.Money), maxClaimValues)]
	cc.Dates = cc.Dates[:min(len(cc.Dates), maxClaimValues)]
	cc.Quantities = cc.Quantities[:min(len(cc.Quantities), maxClaimValues)]
	return &cc
}

// claimValues returns the money, dates and quantities c states, without
// their topics (index is each one's place among the claim's values of
// its kind). c must be capped (capValues).
func claimValues(c *extract.Claim) []mention {
	var out []mention
	valid := func(start, end int) bool { return start >= 0 && end <= len(c.Text) && start <= end }
	var moneySpans, dateSpans []span
	for i, m := range c.Money {
		moneySpans = append(moneySpans, span{m.Start, m.End})
		if v, ok := moneyValue(m); ok && valid(m.Start, m.End) {
			v.about, v.bound = hedged(c.Text[:m.Start]), boundOf(c.Text[:m.Start])
			conv := i > 0 && c.Money[i-1].End <= m.Start && c.Money[i-1].Currency != m.Currency &&
				conversionGap().MatchString(c.Text[c.Money[i-1].End:m.Start])
			out = append(out, mention{kind: ValueMoney, val: v, index: i, earlier: otherPeriod(c, m.Start, m.End), converted: conv})
		}
	}
	for i, d := range c.Dates {
		dateSpans = append(dateSpans, span{d.Start, d.End})
		if v, ok := dateValue(d.Value); ok && valid(d.Start, d.End) {
			// A month named without a year ("the end of September") is
			// no relative expression: only its year is a guess. A year
			// joined to another ("2019-2020", "the years 2019 and 2020")
			// is one end of a span, no point of its own.
			weak := !strings.ContainsAny(d.Text, "0123456789") && !namesMonth(d.Text) || (v.prec == 3 && (yearPair(c, i) || seriesYear(c, i))) ||
				(v.prec == 1 && monthSpan(c, i))
			out = append(out, mention{kind: ValueDate, val: v, index: i,
				weak: weak, weekday: weak && v.prec == 0 && namesWeekday(d.Text), noYear: !hasYear(d.Text)})
		}
	}
	for i, q := range c.Quantities {
		v, ok := quantityValue(q)
		at := span{q.Start, q.End}
		// Counts that overlap a money or date mention are their parts.
		if !ok || !valid(q.Start, q.End) || overlapsAny(at, moneySpans) || overlapsAny(at, dateSpans) {
			continue
		}
		// "the 16-inch MacBook Pro", "a 10-year plan": a value written as
		// a compound modifier names which thing is meant; another
		// outlet's other value names another thing, not a disagreement.
		// Not so a plant's size: "the 870-megawatt reactor" is its
		// capacity, which another outlet gives as 826 MW.
		v.about, v.bound = hedged(c.Text[:q.Start]), boundOf(c.Text[:q.Start])
		if v.unit == "people" && populationOf(c.Text[:q.Start]) {
			v.unit = "population"
		}
		if sampleOf(c.Text[:q.Start]) {
			v.unit = "sample"
		}
		if marginOf(c.Text[:q.Start]) {
			v.unit += " margin"
		}
		m := mention{kind: ValueQuantity, val: v, index: i, weak: compoundModifier(q.Text) && !measured(v.unit) || countOfRest(c.Text, q) || scopeCount(c.Text, q),
			earlier: otherPeriod(c, q.Start, q.End), rate: rateOf(c.Text, q.Start, q.End)}
		// "between 8,000 and 10,000 appointments": one estimate, whose
		// ends are no figures of their own.
		if n := len(out) - 1; n >= 0 && out[n].kind == ValueQuantity && out[n].index == i-1 && quantityRange(c, i) &&
			(out[n].val.unit == "" || out[n].val.unit == v.unit) && out[n].val.lo < v.lo {
			m.val.lo, m.val.about = out[n].val.lo, m.val.about || out[n].val.about
			m.val.text = fmtNum(m.val.lo) + "-" + m.val.text
			out[n] = m
			continue
		}
		out = append(out, m)
	}
	return out
}

// quantityRange reports c.Quantities[i] as the high end of a range whose
// low end is the quantity before it: "between 8,000 and 10,000", "8,000
// to 10,000". Not "from 8,000 to 10,000", which is a change between two
// figures, nor a dashed pair, which is as often a confidence interval or
// a score ("95% CI: 60%–79%", "won 3-1") as an estimate.
func quantityRange(c *extract.Claim, i int) bool {
	a, b := c.Quantities[i-1], c.Quantities[i]
	if a.End > b.Start || a.Start < 0 || b.Start > len(c.Text) {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(c.Text[a.End:b.Start])) {
	case "and":
		return afterBetween(c.Text, a.Start)
	case "to":
		return !strings.HasSuffix(strings.ToLower(strings.TrimSpace(c.Text[:a.Start])), "from")
	}
	return false
}

// afterBetween reports text whose words before p end with "between": the
// first of two values "between A and B" joins into one span.
func afterBetween(text string, p int) bool {
	return p >= 0 && p <= len(text) && strings.HasSuffix(strings.ToLower(strings.TrimSpace(text[:p])), "between")
}

// personValue is the comparable value of a person named in a role.
func personValue(r roleMention) mvalue {
	return mvalue{unit: r.role, qual: r.qual, text: r.name, role: r.display, qualAs: r.qualAs}
}

// roleTopic: a role's topic is its title and qualifier. Who holds a post
// does not depend on the rest of the sentence; the document gate keeps
// apart roles of unrelated stories.
func roleTopic(r roleMention) []topicTerm {
	acc := map[string]bool{}
	var out []topicTerm
	for _, w := range words(r.role + " " + r.qual) {
		if !w.boundary && !acc[w.norm] {
			acc[w.norm] = true
			out = append(out, topicTerm{w.norm, 1})
		}
	}
	slices.SortFunc(out, func(a, b topicTerm) int { return strings.Compare(a.term, b.term) })
	return out
}

func overlapsAny(s span, all []span) bool {
	for _, o := range all {
		if s.start < o.end && o.start < s.end {
			return true
		}
	}
	return false
}

// yearPair reports a year date of c joined to another year: "2019-2020",
// "2019–20", "2019 and 2020", "2019 to 2021".
func yearPair(c *extract.Claim, i int) bool { return datePair(c, i, 4, yearJoin()) }

// figureYear matches the words before a year that gives the period of a
// figure: "31 serious ransomware incidents in", "24 in", "12% for".
var figureYear = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\d[\d,.]*\s*%?(?:\s+[\p{L}-]+){0,3}\s+(?:in|during|for)$`)
})

// seriesYear reports a year of c that labels one figure of a series
// compared in the claim: "rose from 24 in 2024 to 31 in 2025", "31
// incidents in 2025, up from 24 the year before". Such years are the
// periods of the figures, not dates of the story's events.
func seriesYear(c *extract.Claim, i int) bool {
	if !figureYear().MatchString(figureTail(c.Text[:c.Dates[i].Start], 60)) {
		return false
	}
	for j, o := range c.Dates {
		if j != i && len(o.Value) == 4 && o.Start >= 0 && o.Start <= len(c.Text) && figureYear().MatchString(figureTail(c.Text[:o.Start], 60)) {
			return true
		}
	}
	return changeFrom().MatchString(c.Text) || earlierMarkers().MatchString(c.Text)
}

// changeFrom finds the earlier figure of a change anywhere in a claim:
// "up from 24", "down from".
var changeFrom = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(?:up|down)\s+from\b`) })

// monthSpan reports a month date of c that ends a span of months: "from
// January to March", "covering April to June", "July-September". Two
// months joined by "and" are two points ("votes in March and June").
func monthSpan(c *extract.Claim, i int) bool { return datePair(c, i, len("2026-01"), monthJoin()) }

// datePair reports a date of c joined by join to another date whose value
// has n characters (a year's 4, a month's 7).
func datePair(c *extract.Claim, i, n int, join *regexp.Regexp) bool {
	d := c.Dates[i]
	for j, o := range c.Dates {
		if j == i || len(o.Value) != n {
			continue
		}
		a, b := d, o
		if o.Start < d.Start {
			a, b = o, d
		}
		if a.End > b.Start || b.Start > len(c.Text) {
			continue
		}
		if join.MatchString(c.Text[a.End:b.Start]) {
			return true
		}
		// "between August 2023 and December 2025"
		if strings.TrimSpace(c.Text[a.End:b.Start]) == "and" && afterBetween(c.Text, a.Start) {
			return true
		}
	}
	return false
}

// yearJoin is the text between two years of one span.
var yearJoin = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:-|–|—|/|and|to|or|through)\s*$`) })

// monthJoin is the text between two months of one span.
var monthJoin = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:-|–|—|to|through|until|till)\s*$`) })

func moneyValue(m extract.Money) (mvalue, bool) {
	if m.Currency == "" || m.Amount <= 0 || math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) {
		return mvalue{}, false
	}
	v := mvalue{lo: m.Amount, hi: m.Amount, unit: strings.ToUpper(m.Currency)}
	v.shared = sharedFamily(v.unit, m.Text)
	if m.AmountMax > m.Amount && !math.IsInf(m.AmountMax, 0) {
		v.hi = m.AmountMax
		v.text = fmtNum(v.lo) + "-" + fmtNum(v.hi) + " " + v.unit
	} else {
		v.text = fmtNum(v.lo) + " " + v.unit
	}
	return v, true
}

func quantityValue(q extract.Quantity) (mvalue, bool) {
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
		return mvalue{}, false
	}
	v := q.Value
	u := unitKey(q.Unit)
	if s, ok := metricScales[q.Unit]; ok {
		v, u = v*s.factor, unitKey(s.unit)
	}
	return mvalue{lo: v, hi: v, unit: u, text: fmtNum(q.Value) + " " + strings.TrimSpace(q.Unit)}, true
}

// metricScales put power and energy written with another metric prefix
// in one unit, so that "41.1 GW" meets "38,742 MW": news gives one grid's
// peak or one plant's size in either. Not lengths, where "mm" of rain and
// "km" of road are two things, nor masses, whose gates read the size of
// the figure ("1,240 kg" is no count under a hundred).
var metricScales = map[string]struct {
	unit   string
	factor float64
}{
	"kW": {"MW", 1e-3}, "GW": {"MW", 1e3},
	"kWh": {"MWh", 1e-3}, "GWh": {"MWh", 1e3}, "TWh": {"MWh", 1e6},
}

// peopleNouns are units that all count people: "95,000 people" and
// "120,000 residents" are comparable counts.
var peopleNouns = setOf(`people person persons resident residents inhabitant inhabitants citizen citizens
civilian civilians individual individuals patient patients participant participants adult adults
respondent respondents passenger passengers traveller travellers traveler travelers commuters
admissions hospitalisations hospitalizations`)

// timeUnits measure durations, which a story gives for many things (a
// sentence, a campaign, a deadline): their unit says nothing of the topic.
var timeUnits = setOf(`second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries`)

// personKeys are the unit keys of nouns that count people by who they
// are ("31 miners", "27 employees", "612 patients"): outlets count one
// group by different names, so they compare with each other and with
// people, each keeping its own unit word in its topic.
var personKeys = func() map[string]bool {
	out := map[string]bool{"people": true}
	for _, w := range strings.Fields(`men women children boys girls students pupils teachers nurses doctors workers
employees staff miners soldiers troops firefighters farmers fishermen drivers pilots volunteers
guests visitors tourists migrants refugees prisoners inmates members`) {
		out[unitKey(w)] = true
	}
	return out
}()

// casualtyNouns count people by what befell them ("41 deaths", "120
// injured", "claimed 63 lives"): people, with the casualty as part of
// the topic.
var casualtyNouns = setOf(`deaths dead fatalities victims injured injuries wounded casualties toll lives`)

func unitKey(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if peopleNouns[u] || casualtyNouns[u] {
		return "people"
	}
	// "a crowd of 23,415" and "Attendance: 25,100" count one thing.
	if s, ok := topicSynonyms[u]; ok {
		return s
	}
	return stem(u)
}

// sharedCurrencies are, by family, the currencies written at home with
// one sign or word: a bare "$", a bare "Rs" or "rupees". The first is
// the one such an amount is read as.
var sharedCurrencies = map[string][]string{
	"$":  {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "TTD", "BSD", "BBD", "BZD", "FJD", "NAD", "LRD"},
	"Rs": {"INR", "PKR", "LKR", "NPR", "MUR", "SCR"},
}

// bareRupee matches a rupee amount's "Rs" or "rupees" with no country
// ("Rs 42bn", "42 billion rupees", not "Indian rupees" or "₹42bn").
var bareRupee = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^(?:rs\.?\s*[\d.,]|.*\brupees?$)`) })

// bareDollar reports an amount in "dollars" with no country ("sixty
// million dollars", "a sixty-million-dollar jackpot", not "US dollars").
func bareDollar(text string) bool {
	w := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r == ' ' || r == '-' })
	n := len(w)
	if n == 0 || (w[n-1] != "dollar" && w[n-1] != "dollars") {
		return false
	}
	return n == 1 || !dollarCountries[w[n-2]]
}

// dollarCountries name the dollar of one country before "dollars".
var dollarCountries = setOf(`us u.s. american states`)

// sharedFamily returns the family of an amount in unit whose text gives
// only a shared sign or word ("$350M" or "350 million dollars", not
// "US$350M" or "C$350M"; "Rs 42bn", not "₹42bn" or "INR 42bn"), or "".
func sharedFamily(unit, text string) string {
	t := strings.TrimLeft(strings.TrimSpace(text), "-–~≈ ")
	switch {
	case unit == "USD" && (strings.HasPrefix(t, "$") || bareDollar(t)):
		return "$"
	case unit == "INR" && bareRupee().MatchString(t) && !strings.Contains(strings.ToLower(t), "indian"):
		return "Rs"
	}
	return ""
}

// sharedMatch reports two amounts comparable because one is written with
// a shared sign or word and the other in a currency of its family: a
// Canadian outlet's "$310 million" is the "C$350 million" of another, a
// Pakistani site's "Rs 48bn" the "PKR 42bn" of another.
func sharedMatch(a, b mvalue) bool {
	return (a.shared != "" && slices.Contains(sharedCurrencies[a.shared], b.unit)) ||
		(b.shared != "" && slices.Contains(sharedCurrencies[b.shared], a.unit))
}

// clusterCurrency is, for a family, the one currency other than the
// family's default that the explicit amounts of a cluster are written
// in, or "": the currency its bare amounts of that family are then
// shown in.
func clusterCurrency(ms []mention, members []int, family string) string {
	fam := sharedCurrencies[family]
	cur := ""
	for _, i := range members {
		v := ms[i].val
		if ms[i].kind != ValueMoney || v.shared != "" || !slices.Contains(fam, v.unit) {
			continue
		}
		if v.unit == fam[0] || (cur != "" && cur != v.unit) {
			return ""
		}
		cur = v.unit
	}
	return cur
}

// genericCounters are unit keys that count whatever the story counts:
// "63,800 units" of a recall, "fired seven times" for seven rounds, "the
// list now stands at 16,480" for the patients on it.
var genericCounters = func() map[string]bool {
	m := setOf(`unit time`)
	for k := range listCounters {
		m[k] = true
	}
	return m
}()

// listCounters count the people or things on a list or in a queue: "the
// list now stands at 16,480" and "14,860 patients on the list".
var listCounters = setOf(`list queu backlog waitlist caseload`)

// countNoun reports a unit that counts things (a plural noun's key),
// not a measure, a share, a duration or people.
func countNoun(u string) bool {
	if len(u) < 3 || u == "people" || timeUnits[u] {
		return false
	}
	for _, r := range u { // a plain word: no spaces, digits or "%"
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return !measureUnits[u]
}

// measured reports a unit key of capacity or extent, whose compound form
// ("870-megawatt", "174,000-cubic-metre") still states the size of the
// thing: energy, power, mass, volume, length and area; not the inches that
// name a model ("the 16-inch MacBook Pro").
func measured(k string) bool {
	return k != inchKey && (measureUnits[k] || strings.HasPrefix(k, "cubic ") || k == "m")
}

var inchKey = unitKey("inches")

// measureUnits are the keys of units that measure rather than count.
var measureUnits = func() map[string]bool {
	m := setOf(`km km2 miles mile kg tonnes tons ton lb litres liters gallons barrels mw gw kw mwh gwh twh kwh
hectares acres metres meters feet inches cm mm sq`)
	// Units reach the checks as keys ("tonn", "hectar"): hold both.
	for w := range m {
		m[unitKey(w)] = true
	}
	return m
}()

func unitsMatch(a, b string) bool {
	if a == b || personKeys[a] && personKeys[b] {
		return true
	}
	// "63,800 units" counts whatever the story sells or makes: the
	// vehicles, phones or homes another outlet names.
	if (genericCounters[a] && countNoun(b)) || (genericCounters[b] && countNoun(a)) ||
		listCounters[a] && (b == "people" || listCounters[b]) || listCounters[b] && a == "people" {
		return true
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	return len(a) >= 5 && !strings.Contains(b, " ") && strings.HasSuffix(b, a) && len(b)-len(a) >= 3
}

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// dateValue parses an ISO date value of the claim contract.
func dateValue(s string) (mvalue, bool) {
	s = strings.TrimSpace(s)
	var lo, hi time.Time
	prec := 0
	switch {
	case len(s) == 10:
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return mvalue{}, false
		}
		lo, hi = t, t.AddDate(0, 0, 1)
	case len(s) == 7 && s[5] == 'Q':
		y, err := strconv.Atoi(s[:4])
		q := int(s[6] - '0')
		if err != nil || q < 1 || q > 4 {
			return mvalue{}, false
		}
		lo = time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
		hi, prec = lo.AddDate(0, 3, 0), 2
	case len(s) == 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return mvalue{}, false
		}
		lo, hi, prec = t, t.AddDate(0, 1, 0), 1
	case len(s) == 4:
		t, err := time.Parse("2006", s)
		if err != nil {
			return mvalue{}, false
		}
		lo, hi, prec = t, t.AddDate(1, 0, 0), 3
	default:
		return mvalue{}, false
	}
	day := func(t time.Time) float64 { return float64(t.Unix() / 86400) }
	return mvalue{lo: day(lo), hi: day(hi), prec: prec, text: s}, true
}

// vectorize weighs every mention's topic by inverse document frequency
// (over mentions) and scales it to unit length.
func vectorize(ms []mention) {
	ids := map[string]int32{}
	var vocab []string
	df := map[int32]int{}
	for _, m := range ms {
		for _, t := range m.topic {
			id, ok := ids[t.term]
			if !ok {
				id = int32(len(vocab))
				ids[t.term] = id
				vocab = append(vocab, t.term)
			}
			df[id]++
		}
	}
	n := float64(len(ms))
	for i := range ms {
		m := &ms[i]
		type tw struct {
			id int32
			w  float64
		}
		tws := make([]tw, 0, len(m.topic))
		var norm float64
		for _, t := range m.topic {
			id := ids[t.term]
			w := t.w * math.Log(1+n/float64(df[id]))
			tws = append(tws, tw{id, w})
			norm += w * w
		}
		slices.SortFunc(tws, func(a, b tw) int { return cmp.Compare(a.id, b.id) })
		norm = math.Sqrt(norm)
		m.vec = topicVec{terms: make([]int32, len(tws)), w: make([]float32, len(tws))}
		for k, x := range tws {
			m.vec.terms[k] = x.id
			if norm > 0 {
				m.vec.w[k] = float32(x.w / norm)
			}
		}
	}
}

// pair is a candidate link between two mentions.
type pair struct {
	a, b  int
	score float64
}

// link clusters mentions: candidate pairs (same kind and unit, different
// origins, related documents, close enough topics) are merged best first,
// never merging two clusters that would then hold different values from
// one document. It returns the clusters of two or more mentions and the
// pairs of mentions of different values that passed the conflict rules.
func link(ms []mention, docSim *docSims, persons []docPersons, days []float64, opt Options) ([][]int, approvedConflicts) {
	postings := map[int32][]int{}
	for i, m := range ms {
		for _, t := range m.vec.terms {
			postings[t] = append(postings[t], i)
		}
	}
	// Every candidate pair with its score; equal values get a bonus, as
	// agreeing on the figure is evidence of one fact too.
	var cands []pair
	seen := map[int]bool{}
	// best[i][d] is the best score of mention i with any mention of
	// document d.
	best := make([]map[int]float64, len(ms))
	bestBy := make([]map[int]int, len(ms)) // the mention giving best, plus one
	consider := func(i, j int) {
		m, o := ms[i], ms[j]
		if o.kind != m.kind {
			return
		}
		rel := relate(m.kind, m.val, o.val)
		if o.doc == m.doc {
			// One article repeating a specific figure about one thing
			// ("the $50 billion fund") ties its mentions. So does a
			// headline stating a specific figure of its story.
			if rel == relEqual && !(m.kind == ValueDate && m.val.prec > 1) &&
				(cosine(m.vec, o.vec) >= sameDocThreshold || (specific(m) && (m.headline || o.headline || cosine(m.vec, o.vec) >= sameDocSpecific))) {
				cands = append(cands, pair{i, j, cosine(m.vec, o.vec)})
			}
			return
		}
		if o.origin == m.origin || rel == relIncomparable {
			return
		}
		ds := docSim.sim(m.doc, o.doc)
		if ds < docGate {
			return
		}
		sim := cosine(m.vec, o.vec)
		score := sim
		switch rel {
		case relEqual, relCompatible:
			if rel == relCompatible && m.kind == ValueDate && abs(m.val.prec-o.val.prec) >= 2 {
				// "in 2026" holds every day of the year and says
				// nothing of which day a report gives.
				return
			}
			// The same specific figure (3,200 workers, 14 October
			// 2026) in two reports of one story is one fact however
			// differently each words it; a round or small one may be
			// anything, and needs alike words around it.
			if sim < opt.AgreeThreshold && !(rel == relEqual && specific(m) && ds >= specificDocGate) {
				return
			}
			score += agreeBonus
		case relDifferent:
			if m.earlier != o.earlier {
				return // this period's figure and an earlier one's
			}
			if m.converted && o.converted {
				return // their originals differ, and say so
			}
			if (m.kind == ValueQuantity || m.kind == ValueMoney) && valueGap(m.val, o.val) > unitOnlyGap && !sharesWord(m, o) {
				// Alike in their unit alone and far apart: "22% less
				// fuel" and "a discount of 35% to 45%" are two measures.
				return
			}
			need := opt.ConflictThreshold + apartPenalty(m.kind, m.val, o.val) - storyRelief(ds)
			if leadPair(m, o, ds) {
				// Two reports of one story leading with near figures of
				// one kind lead with one fact, however each words it.
				sim = math.Max(sim, need)
				score = sim
			}
			if sim < need || farApart(m.kind, m.val, o.val) || bareRoles(m, o) || otherSubjects(m, o) {
				return
			}
			if !mayConflict(m, o, ds, sim, days[m.doc], days[o.doc], opt) {
				return
			}
			if m.kind == ValueDate {
				// Of two days alike in words, the nearer one is the
				// likelier misreport: a week off, not a season.
				score -= dateApartWeight * math.Log2(1+math.Abs(m.val.lo-o.val.lo)/7)
			} else if m.kind != ValuePerson {
				// And of two amounts or counts, the nearer one: "8,940
				// pathways" misreports the 9,840 of another outlet, not
				// the country's 21,500 that shares more of its words.
				score -= valueApartWeight * valueGap(m.val, o.val)
			}
		}
		cands = append(cands, pair{i, j, score})
		if rel == relCompatible && m.kind == ValueDate {
			// "in 2026" is no better account of another outlet's day
			// than this document's own different day is.
			return
		}
		for _, x := range [][3]int{{i, o.doc, j}, {j, m.doc, i}} {
			if best[x[0]] == nil {
				best[x[0]] = map[int]float64{}
				bestBy[x[0]] = map[int]int{}
			}
			if score > best[x[0]][x[1]] || bestBy[x[0]][x[1]] == 0 && score == best[x[0]][x[1]] {
				best[x[0]][x[1]], bestBy[x[0]][x[1]] = score, x[2]+1
			}
		}
	}
	// worse reports that mention i has a better match in document doc
	// than other: one with another value. A person named twice in one
	// report, once with the body ("the club's chief executive"), is
	// one value however each mention scores.
	worse := func(i, doc int, score float64, other mention) bool {
		if score >= best[i][doc] {
			return false
		}
		by := bestBy[i][doc] - 1
		return !(other.kind == ValuePerson && by >= 0 && sameName(ms[by].val.text, other.val.text))
	}
	for i, m := range ms {
		clear(seen)
		for _, t := range m.vec.terms {
			p := postings[t]
			if len(p) > maxPosting {
				continue
			}
			for _, j := range p {
				if j <= i || seen[j] {
					continue
				}
				seen[j] = true
				consider(i, j)
			}
		}
	}
	// Equal specific values whose topics share no word were not paired
	// above: pair them by value.
	byValue := map[string][]int{}
	for i, m := range ms {
		if specific(m) {
			k := m.kind + "\x00" + m.val.text
			byValue[k] = append(byValue[k], i)
		}
	}
	for _, xs := range byValue {
		if len(xs) > maxPosting {
			continue
		}
		for a, i := range xs {
			for _, j := range xs[a+1:] {
				if cosine(ms[i].vec, ms[j].vec) == 0 {
					consider(min(i, j), max(i, j))
				}
			}
		}
	}
	// A different value is linked only when each mention is the other's
	// best match in the other document: when an article states the same
	// figure elsewhere, or a closer fact, that explains the mention better
	// than a disagreement does.
	// Nor when the other document states this very figure elsewhere: it
	// agrees, and its different figure is about something else.
	byDoc := map[int][]int{}
	for i, m := range ms {
		byDoc[m.doc] = append(byDoc[m.doc], i)
	}
	states := func(doc int, m mention) bool {
		if m.kind == ValuePerson {
			// A document that names the person at all, in whatever
			// role, does not contradict a report of them in this one,
			// unless it gives them only other roles of the same body
			// ("the council's chair, Fiona Teague" against "Fiona
			// Teague, the council's chief executive").
			if !slices.ContainsFunc(persons[doc].names, func(n string) bool { return sameName(n, m.val.text) }) {
				return false
			}
			return !otherRolesOnly(ms, byDoc[doc], m) && !(persons[doc].deputyOf(m) && !holdsPost(ms, byDoc[doc], m))
		}
		if m.kind == ValueDate && m.val.prec > 1 {
			return false // years and quarters recur for many things
		}
		for _, k := range byDoc[doc] {
			x := ms[k]
			if x.kind != m.kind {
				continue
			}
			if relate(m.kind, m.val, x.val) == relEqual {
				return true
			}
			// "around 6,000" with no unit states "6,000 appointments".
			if m.kind == ValueQuantity && (x.val.unit == "" || m.val.unit == "") && x.val.lo == m.val.lo && x.val.hi == m.val.hi {
				return true
			}
		}
		return false
	}
	var pairs []pair
	approved := approvedConflicts{}
	for _, p := range cands {
		a, b := ms[p.a], ms[p.b]
		if relate(a.kind, a.val, b.val) == relDifferent &&
			(worse(p.a, b.doc, p.score, b) || worse(p.b, a.doc, p.score, a) || states(b.doc, a) || states(a.doc, b) ||
				ambiguousTopic(ms, byDoc, a, b, opt.ConflictThreshold) || ambiguousTopic(ms, byDoc, b, a, opt.ConflictThreshold) ||
				nearerSibling(ms, byDoc, a, b, opt.ConflictThreshold, storyRelief(docSim.sim(a.doc, b.doc))) ||
				nearerSibling(ms, byDoc, b, a, opt.ConflictThreshold, storyRelief(docSim.sim(a.doc, b.doc)))) {
			continue
		}
		pairs = append(pairs, p)
		if relate(a.kind, a.val, b.val) == relDifferent {
			approved.add(p.a, p.b)
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})

	uf := newUnionFind(len(ms))
	// members holds, per cluster root, the mentions of each document.
	members := make([]map[int][]int, len(ms))
	for i, m := range ms {
		members[i] = map[int][]int{m.doc: {i}}
	}
	for _, p := range pairs {
		ra, rb := uf.find(p.a), uf.find(p.b)
		if ra == rb || !mergeable(ms, members[ra], members[rb]) {
			continue
		}
		uf.union(ra, rb)
		r, other := uf.find(ra), ra
		if r == ra {
			other = rb
		}
		for d, xs := range members[other] {
			members[r][d] = append(members[r][d], xs...)
		}
		members[other] = nil
	}
	groups := map[int][]int{}
	for i := range ms {
		r := uf.find(i)
		groups[r] = append(groups[r], i)
	}
	var out [][]int
	for _, g := range groups {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out, approved
}

// mergeable reports whether two clusters can become one: no document may
// then state two values for the fact that contradict each other, and no
// role may then belong to two different qualifiers (an unqualified
// "Foreign Minister" links to one country's, not to two).
func mergeable(ms []mention, a, b map[int][]int) bool {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for _, xs := range a {
		n += len(xs)
	}
	for _, xs := range b {
		n += len(xs)
	}
	if n > maxCluster {
		return false
	}
	if qa, qb := clusterQual(ms, a), clusterQual(ms, b); qa != "" && qb != "" && !qualMatch(qa, qb) {
		return false
	}
	for d, xs := range a {
		ys, ok := b[d]
		if !ok {
			continue
		}
		for _, x := range xs {
			for _, y := range ys {
				if relate(ms[x].kind, ms[x].val, ms[y].val) == relDifferent {
					return false
				}
			}
		}
	}
	return true
}

// clusterQual is the qualifier of a cluster of person mentions ("" for
// other kinds and unqualified roles).
func clusterQual(ms []mention, c map[int][]int) string {
	for _, xs := range c {
		for _, x := range xs {
			if ms[x].kind == ValuePerson && ms[x].val.qual != "" {
				return ms[x].val.qual
			}
		}
	}
	return ""
}

// docPersons holds, for one document, the names of the persons it
// mentions and the deputy posts it gives them.
type docPersons struct {
	names    []string
	deputies []roleMention
}

// add records the persons claim c names, given its roles.
func (d *docPersons) add(c *extract.Claim, roles []roleMention) {
	for _, e := range c.Entities {
		if e.Type != extract.Person {
			continue
		}
		if name := personName(e); name != "" && !slices.Contains(d.names, name) {
			d.names = append(d.names, name)
		}
	}
	for _, r := range roles {
		if r.deputy {
			d.deputies = append(d.deputies, r)
		}
	}
}

// deputyOf reports whether the document makes m's person the deputy of
// m's post: "Associate Medical Officer of Health Dr. X" says X is not
// the medical officer of health.
func (d docPersons) deputyOf(m mention) bool {
	return slices.ContainsFunc(d.deputies, func(r roleMention) bool {
		return sameName(r.name, m.val.text) && rolesMatch(r.role, m.val.unit) &&
			(r.qual == "" || m.val.qual == "" || qualMatch(r.qual, m.val.qual))
	})
}

// buildGroup turns a cluster into a Group when at least two origins state
// its values.
func buildGroup(claims []extract.Claim, ms []mention, members []int, approved approvedConflicts) (Group, bool) {
	origins := map[int]bool{}
	for _, i := range members {
		origins[ms[i].origin] = true
	}
	if len(origins) < 2 {
		return Group{}, false
	}
	g := Group{Kind: ms[members[0]].kind, Origins: len(origins)}
	// Buckets of equal values, each with its origins.
	type bucket struct {
		val     mvalue
		claims  []string
		sources []string
		origins map[int]bool
	}
	var buckets []*bucket
	sorted := slices.Clone(members)
	slices.SortFunc(sorted, func(x, y int) int {
		return cmp.Or(cmp.Compare(ms[x].val.lo, ms[y].val.lo), cmp.Compare(ms[x].val.prec, ms[y].val.prec), cmp.Compare(x, y))
	})
	for _, i := range sorted {
		m := ms[i]
		var b *bucket
		for _, c := range buckets {
			if relate(m.kind, c.val, m.val) == relEqual {
				b = c
				break
			}
		}
		if b == nil {
			b = &bucket{val: m.val, origins: map[int]bool{}}
			buckets = append(buckets, b)
		} else if b.val.shared != "" && m.val.shared == "" {
			b.val = m.val // "C$350 million" names the "$350M" beside it
		}
		c := claims[m.claim]
		if !slices.Contains(b.claims, c.ID) {
			b.claims = append(b.claims, c.ID)
		}
		if !slices.Contains(b.sources, c.Source) {
			b.sources = append(b.sources, c.Source)
		}
		b.origins[m.origin] = true
	}
	for _, x := range members {
		for _, y := range members {
			if ms[x].origin != ms[y].origin && approved.contradict(ms, members, x, y) {
				g.Conflict = true
			}
		}
	}
	slices.SortStableFunc(buckets, func(a, b *bucket) int {
		return cmp.Or(cmp.Compare(len(b.origins), len(a.origins)), cmp.Compare(len(b.claims), len(a.claims)), strings.Compare(a.val.text, b.val.text))
	})
	for family, fam := range sharedCurrencies {
		if cur := clusterCurrency(ms, members, family); cur != "" {
			for _, b := range buckets {
				if b.val.shared == family {
					b.val.text = strings.TrimSuffix(b.val.text, fam[0]) + cur
				}
			}
		}
	}
	for _, b := range buckets {
		slices.Sort(b.claims)
		slices.Sort(b.sources)
		g.Values = append(g.Values, GroupValue{Value: b.val.text, Claims: b.claims, Sources: b.sources})
	}
	if g.Kind == ValuePerson {
		g.Topic = roleLabel(ms, members)
	} else {
		g.Topic = topicLabel(claims, ms, members)
	}
	return g, true
}

// annotate records corroborations and conflicts of the cluster's claims.
func annotate(ann map[string]Annotation, claims []extract.Claim, ms []mention, members []int, approved approvedConflicts) {
	for _, x := range members {
		agree := map[int]bool{}
		var conflicts []string
		for _, y := range members {
			if ms[x].origin == ms[y].origin {
				continue
			}
			switch relate(ms[x].kind, ms[x].val, ms[y].val) {
			case relEqual:
				agree[ms[y].origin] = true
			case relDifferent:
				if !approved.contradict(ms, members, x, y) {
					continue
				}
				conflicts = append(conflicts, claims[ms[y].claim].ID)
			}
		}
		id := claims[ms[x].claim].ID
		a := ann[id]
		a.Corroborations = max(a.Corroborations, len(agree))
		for _, c := range conflicts {
			if !slices.Contains(a.Conflicts, c) {
				a.Conflicts = append(a.Conflicts, c)
			}
		}
		slices.Sort(a.Conflicts)
		ann[id] = a
	}
}

// topicLabel names a group by the phrase of its members' texts whose words
// the most origins share: runs of up to three content words from the
// claims and their section headings ("reconstruction fund", "Miami
// talks"). A word that only some origins use costs rather than adds.
func topicLabel(claims []extract.Claim, ms []mention, members []int) string {
	score := map[string]float64{}
	perOrigin := map[int]map[string]float64{}
	for _, i := range members {
		m := ms[i]
		po := perOrigin[m.origin]
		if po == nil {
			po = map[string]float64{}
			perOrigin[m.origin] = po
		}
		for _, t := range m.topic {
			po[t.term] = math.Max(po[t.term], t.w)
		}
	}
	best := 0.0
	for _, po := range perOrigin {
		for t, w := range po {
			score[t] += w
			best = math.Max(best, score[t])
		}
	}
	theta := best / 2
	type cand struct {
		text  string
		score float64
	}
	// texts are the lower-cased claim texts and sections of each origin.
	texts := map[int]string{}
	for _, i := range members {
		c := claims[ms[i].claim]
		texts[ms[i].origin] += strings.ToLower(c.Text+"\n"+c.Section) + "\n"
	}
	shared := func(phrase string) int {
		n := 0
		for _, t := range texts {
			if strings.Contains(t, phrase) {
				n++
			}
		}
		return n
	}
	var top cand
	consider := func(s string) {
		ws := words(stripNumbering(s))
		for i := range ws {
			if ws[i].boundary {
				continue
			}
			total := 0.0
			for n := 0; n < 3 && i+n < len(ws) && !ws[i+n].boundary; n++ {
				// Stop at a gap: the run must be contiguous words.
				if n > 0 && !adjacent(s, ws[i+n-1], ws[i+n]) {
					break
				}
				total += score[ws[i+n].norm] - theta
				text := strings.ToLower(stripNumbering(s)[ws[i].start:ws[i+n].end])
				if strings.HasSuffix(text, "ed") || strings.HasSuffix(strings.Fields(text)[0], "ed") {
					continue // "signed", "convened": verbs, not names of things
				}
				c := cand{text, total * float64(shared(text)) / float64(len(texts))}
				if c.score > top.score || (c.score == top.score && c.score > 0 && (len(c.text) < len(top.text) || (len(c.text) == len(top.text) && c.text < top.text))) {
					top = c
				}
			}
		}
	}
	for _, i := range members {
		c := claims[ms[i].claim]
		consider(c.Text)
		consider(c.Section)
	}
	if top.text == "" {
		return ""
	}
	return top.text
}

// adjacent reports whether only spaces or hyphens separate two words of s
// (stop words between them break a phrase).
func adjacent(s string, a, b word) bool {
	gap := stripNumberingGap(s, a.end, b.start)
	return strings.Trim(gap, " -‑") == "" && len(gap) <= 2
}

func stripNumberingGap(s string, from, to int) string {
	t := stripNumbering(s)
	if from < 0 || to > len(t) || from > to {
		return "x"
	}
	return t[from:to]
}

// addTerm returns topic with term t weighing at least w, sorted by term.
func addTerm(topic []topicTerm, t string, w float64) []topicTerm {
	for i := range topic {
		if topic[i].term == t {
			topic[i].w = math.Max(topic[i].w, w)
			return topic
		}
	}
	topic = append(topic, topicTerm{t, w})
	slices.SortFunc(topic, func(a, b topicTerm) int { return strings.Compare(a.term, b.term) })
	return topic
}

// holdsPost reports whether the mentions idx give m's person m's post.
func holdsPost(ms []mention, idx []int, m mention) bool {
	return slices.ContainsFunc(idx, func(k int) bool {
		x := ms[k]
		return x.kind == ValuePerson && sameName(x.val.text, m.val.text) && relate(ValuePerson, x.val, m.val) == relEqual
	})
}

// otherRolesOnly reports whether the role mentions among idx that name
// m's person all give them a different post than m's (and there is at
// least one): "the council's chair, Fiona Teague" against "Fiona Teague,
// the council's chief executive", or the owner's spokesperson against the
// coastguard's head of operations. A title that is the head of m's
// ("minister" for "finance minister") may be the same post.
func otherRolesOnly(ms []mention, idx []int, m mention) bool {
	n := 0
	for _, k := range idx {
		x := ms[k]
		if x.kind != ValuePerson || !sameName(x.val.text, m.val.text) {
			continue
		}
		a, b := x.val.unit, m.val.unit
		samePost := rolesMatch(a, b) || strings.HasSuffix(" "+a, " "+b) || strings.HasSuffix(" "+b, " "+a)
		sameBody := x.val.qual == "" || m.val.qual == "" || qualMatch(x.val.qual, m.val.qual)
		if samePost && sameBody {
			return false
		}
		n++
	}
	return n > 0
}
