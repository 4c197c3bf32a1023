package crosscheck

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/claimdex/claimdex/extract"
)

// Subjects. Two different values are only a disagreement when they are
// about the same thing, and what a figure is about is often named by an
// organisation, a person or a product next to it rather than by the
// words of its topic: "AirPods Pro last 4.5 hours" and "the Beats last 12
// hours" share "hours of battery", not a subject. Places and
// nationalities are left out: "China", "US", "Chinese" stand next to
// most figures of a story and single out none.

// subjectReach is how far (in bytes) from a value an entity may stand to
// name its subject: the value's clause and its neighbours, not the far
// end of a long sentence.
const subjectReach = 90

// subjectsNear returns the lower-cased names of the organisations and
// persons the claim names within subjectReach of the value at v.
func subjectsNear(c *extract.Claim, v span) []string {
	var out []string
	source := strings.ToLower(strings.TrimSpace(c.Source))
	for _, e := range c.Entities {
		if e.Type != extract.Org && e.Type != extract.Person {
			continue
		}
		if e.End < v.start-subjectReach || e.Start > v.end+subjectReach {
			continue
		}
		// Part of a figure ("KSh21.8 billion" read as a name), or the
		// outlet itself ("documents seen by the Ledger"): no subject.
		if insideFigure(c, e) || (source != "" && sharesNameWord(strings.ToLower(cmp.Or(e.Canonical, e.Text)), source)) {
			continue
		}
		name := e.Canonical
		if name == "" {
			name = e.Text
		}
		// Who gives the figure ("Villafranca put the investment at €52
		// million", "said Villafranca", "The PSTO has put the magnitude
		// at 7.8", a transcript's "DACANAY:") is its source, not what it
		// is about.
		if e.End <= len(c.Text) && (reportingAfter().MatchString(c.Text[e.End:]) || reportingBefore().MatchString(c.Text[:e.Start]) ||
			(strings.TrimSpace(c.Text[:e.Start]) == "" && strings.HasPrefix(c.Text[e.End:], ":"))) {
			continue
		}
		if e.Type == extract.Person {
			name = personName(e)
		}
		// A name holding a digit ("12MP", "87W Thunderbolt") is a
		// specification the tagger took for a name.
		if name == "" || strings.ContainsAny(name, "0123456789") {
			continue
		}
		name = strings.ToLower(name)
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// reportingAfter and reportingBefore find a reporting verb next to a
// person's name: the person speaks, maybe after an apposition ("X, the
// undersecretary, told ...").
var (
	reportingAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:\s*,[^,.;]{1,60},)?\s+(?:has\s+|had\s+|also\s+)?(?:` + speechVerbs + `|put|puts|estimated|estimates)\b`)
	})
	reportingBefore = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(?:` + speechVerbs + `|according\s+to)\s*[,:]?\s*(?:the\s+)?(?:[\p{L}.-]+\s+){0,3}$`)
	})
)

// speechVerbs is the alternation of the reporting verbs the analysis
// looks for beside a name or at a sentence's end, for its regular
// expressions.
const speechVerbs = `said|says|told|tells|added|adds|noted|notes|stated|states|wrote|argued|claimed|insisted|confirmed|confirms|warned|explained|explains|stressed|announced|announces|reported`

// insideFigure reports an entity that overlaps an amount or a count of
// the claim.
func insideFigure(c *extract.Claim, e extract.Entity) bool {
	for _, m := range c.Money {
		if e.Start < m.End && m.Start < e.End {
			return true
		}
	}
	for _, q := range c.Quantities {
		if e.Start < q.End && q.Start < e.End {
			return true
		}
	}
	return false
}

// otherSubjects reports two mentions that both name their subjects and
// share none: different things, whatever their topic words share.
func otherSubjects(a, b mention) bool {
	if len(a.subjects) == 0 || len(b.subjects) == 0 {
		return false
	}
	for _, x := range a.subjects {
		for _, y := range b.subjects {
			if sameName(x, y) || sharesNameWord(x, y) {
				return false
			}
		}
	}
	return true
}

// sharesNameWord reports two names of one subject written differently:
// "lumen grid analytics inc" and "lumen", "halvard systems asa" and
// "halvard": they share a distinctive word (not a legal form or a generic
// word of company names).
func sharesNameWord(x, y string) bool {
	for _, w := range strings.Fields(x) {
		if len(w) < 3 || genericNameWords[w] {
			continue
		}
		if slices.Contains(strings.Fields(y), w) {
			return true
		}
	}
	return false
}

// genericNameWords are words many organisation names share.
var genericNameWords = setOf(`inc ltd llc plc ag sa asa ab nv bv gmbh corp co company companies group holdings holding
systems international national global the and of for bank capital partners fund ministry department office agency
authority council commission court union association university institute foundation services service`)

// ambiguousTopic reports a topic under which m's document states several
// different values: the mention o of another document is as close to
// another value of m's document (neither m's value nor o's) as a
// conflict needs.
// "tariffs on $X worth of Chinese goods" names several tranches in one
// trade story, "hours of battery life" several products in one review: a
// topic that singles out no one figure in a document cannot make its
// figure contradict another outlet's.
// ambiguousShare is the share of m's topic similarity to o that another
// figure of m's document must reach to compete with it.
const ambiguousShare = 0.8

func ambiguousTopic(ms []mention, byDoc map[int][]int, m, o mention, threshold float64) bool {
	// The milestone m and o both date, if any.
	shared := ""
	if m.kind == ValueDate && milestoneOf(m) == milestoneOf(o) {
		shared = milestoneOf(m)
	}
	for _, k := range byDoc[m.doc] {
		x := ms[k]
		// Not m's value nor o's; "up to 10 hours" and "up to 12 hours"
		// in one listing are two figures even if they round alike.
		if x.kind != m.kind || x.weak || relate(m.kind, m.val, x.val) != relDifferent || relate(m.kind, o.val, x.val) != relDifferent || x.earlier != o.earlier {
			continue
		}
		// A figure about another named subject than o's, where m's is
		// o's, is no rival: the runner-up's votes beside the winner's.
		if otherSubjects(x, o) && len(m.subjects) > 0 && !otherSubjects(m, o) {
			continue
		}
		// x competes when its topic matches o's nearly as well as m's
		// does; one clearly closer singles m out.
		cx := cosine(x.vec, o.vec)
		if m.kind == ValueDate && farther(x.val, m.val, o.val) {
			continue // a date months from o's is a poor account of it
		}
		// "begin in September, with completion by November 2028": the
		// start is no account of another outlet's completion date.
		if shared != "" {
			if mx := milestoneOf(x); mx != "" && mx != shared {
				continue
			}
		}
		// Likewise an amount far further from o's than m is: "9% was
		// already dead" is no rival of "56% bleached" against "62%".
		if (m.kind == ValueMoney || m.kind == ValueQuantity) && valueGap(x.val, o.val) > math.Log(1.5) && valueGap(x.val, o.val) > 4*valueGap(m.val, o.val) {
			continue
		}
		if cx >= threshold+apartPenalty(x.kind, x.val, o.val) && cx >= ambiguousShare*cosine(m.vec, o.vec) && !farApart(x.kind, x.val, o.val) {
			return true
		}
	}
	return false
}

// approvedConflicts are the pairs of mentions (by index, smaller first) of
// different values that passed the conflict rules when linked.
//
// A cluster is linked by agreements as well as disagreements, and
// agreement within rounding is not transitive: "10 hours" agrees with
// "11 hours" and with "12 hours", which do not agree with each other,
// though no rule ever weighed 11 against 12 as one fact. So two values
// of a cluster contradict each other only when some approved pair states
// them.
type approvedConflicts map[[2]int]bool

func (c approvedConflicts) add(a, b int) { c[[2]int{min(a, b), max(a, b)}] = true }

// contradict reports whether mentions x and y of a cluster state values
// that contradict each other: they differ, and an approved pair states
// the same two values.
func (c approvedConflicts) contradict(ms []mention, members []int, x, y int) bool {
	k := ms[x].kind
	if relate(k, ms[x].val, ms[y].val) != relDifferent {
		return false
	}
	if c[[2]int{min(x, y), max(x, y)}] {
		return true
	}
	eq := func(a, b int) bool { return relate(k, ms[a].val, ms[b].val) == relEqual }
	for p := range c {
		if ms[p[0]].kind != k || !slices.Contains(members, p[0]) || !slices.Contains(members, p[1]) {
			continue
		}
		if (eq(x, p[0]) && eq(y, p[1])) || (eq(x, p[1]) && eq(y, p[0])) {
			return true
		}
	}
	return false
}

// byCluster splits the approved pairs by the cluster holding both their
// mentions, in one pass: a cluster's checks then never walk the pairs of
// the whole story.
func (c approvedConflicts) byCluster(clusters [][]int) []approvedConflicts {
	of := map[int]int{}
	for ci, members := range clusters {
		for _, m := range members {
			of[m] = ci
		}
	}
	out := make([]approvedConflicts, len(clusters))
	for i := range out {
		out[i] = approvedConflicts{}
	}
	for p := range c {
		ca, ok1 := of[p[0]]
		cb, ok2 := of[p[1]]
		if ok1 && ok2 && ca == cb {
			out[ca][p] = true
		}
	}
	return out
}

// nearerSibling reports that m's document states another value x of the
// kind that is much nearer o's value than m's is, about a topic close
// enough to o's: "212 of its 604 stores" in one report and "240 stores"
// in another are one figure misreported (212, 240), not the total
// contradicted. relief is the story's lowering of the bar (storyRelief).
func nearerSibling(ms []mention, byDoc map[int][]int, m, o mention, threshold, relief float64) bool {
	if m.kind != ValueMoney && m.kind != ValueQuantity {
		return false
	}
	gap := valueGap(m.val, o.val)
	for _, k := range byDoc[m.doc] {
		x := ms[k]
		if x.kind != m.kind || x.weak || relate(m.kind, m.val, x.val) != relDifferent || relate(m.kind, o.val, x.val) == relIncomparable {
			continue
		}
		// An earlier period's figure is no account of this period's.
		if x.earlier != o.earlier {
			continue
		}
		if valueGap(x.val, o.val) < gap/2 && cosine(x.vec, o.vec) >= threshold+apartPenalty(x.kind, x.val, o.val)-relief {
			return true
		}
	}
	return false
}

// valueGap is how far apart two amounts are, as the log of their ratio.
func valueGap(a, b mvalue) float64 {
	x, y := math.Abs(a.lo), math.Abs(b.lo)
	if x == 0 || y == 0 {
		return math.Inf(1)
	}
	return math.Abs(math.Log(x / y))
}

// farther reports a date x much farther from o than m is: more than a
// month away, and four times m's distance.
func farther(x, m, o mvalue) bool {
	dx, dm := math.Abs(x.lo-o.lo), math.Abs(m.lo-o.lo)
	return dx > maxDateSlip && dx > 4*dm
}
