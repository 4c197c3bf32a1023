package crosscheck

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/claimdex/claimdex/extract"
)

// Who said it. Outlets that carry the same quote often credit it to
// different people (the minister in one report, her spokeswoman or a
// director in another). The quote's words are the topic: two quotes of a
// story sharing most of their word sequence are one statement, and
// different speakers for it are a disagreement of kind person.

const (
	// minQuoteWords is the fewest words a quote needs to identify a
	// statement ("We will rebuild" is said by many).
	minQuoteWords = 5
	// quoteOverlap is the share of the shorter quote's word trigrams the
	// other must contain for the two to be one statement.
	quoteOverlap = 0.6
	// maxStoryQuotes bounds the quotes compared in one story.
	maxStoryQuotes = 2000
)

// quoted is one attributed quote of a story.
type quoted struct {
	claim   int // index in claims
	origin  int
	speaker string
	words   []string
	grams   map[string]bool
}

// quotedWords returns the words inside quotation marks in text (all
// quoted passages joined), lower-cased, or nil when there are none.
func quotedWords(text string) []string {
	var b strings.Builder
	in := false
	for _, r := range text {
		switch r {
		case '“', '”', '"', '«', '»':
			if r == '“' || r == '«' {
				in = true
			} else if r == '”' || r == '»' {
				in = false
			} else {
				in = !in
			}
			b.WriteByte(' ')
			continue
		}
		if in {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return plainWords(b.String())
}

// plainWords returns the lower-cased words of text.
func plainWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func trigrams(ws []string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i+3 <= len(ws); i++ {
		out[ws[i]+" "+ws[i+1]+" "+ws[i+2]] = true
	}
	return out
}

// sameStatement reports whether two quotes share most of the shorter's
// trigrams.
func sameStatement(a, b *quoted) bool {
	x, y := a.grams, b.grams
	if len(y) < len(x) {
		x, y = y, x
	}
	if len(x) == 0 {
		return false
	}
	n := 0
	for g := range x {
		if y[g] {
			n++
		}
	}
	return float64(n) >= quoteOverlap*float64(len(x))
}

// quoteGroups finds statements quoted by several origins and groups them
// by speaker. originOf gives a claim's origin index.
func quoteGroups(claims []extract.Claim, originOf func(c *extract.Claim) int) ([]Group, map[string]Annotation) {
	// A statement is credited to people: a speaker its document names
	// only as an organisation ("INMA said"), or a single word it never
	// names as a person (a bare title: "the Collector"), is no rival to a
	// named one.
	persons, others := map[string][]string{}, map[string][]string{}
	for i := range claims {
		for _, e := range claims[i].Entities {
			n := cmp.Or(e.Canonical, e.Text)
			if e.Type == extract.Person {
				persons[claims[i].DocID] = append(persons[claims[i].DocID], n)
			} else {
				others[claims[i].DocID] = append(others[claims[i].DocID], n)
			}
		}
	}
	notPerson := func(c *extract.Claim) bool {
		named := func(ns []string) bool {
			return slices.ContainsFunc(ns, func(n string) bool { return strings.EqualFold(n, c.Speaker) || sameName(n, c.Speaker) })
		}
		if named(persons[c.DocID]) {
			return false
		}
		return named(others[c.DocID]) || !strings.Contains(strings.TrimSpace(c.Speaker), " ")
	}
	var qs []quoted
	for i := range claims {
		c := &claims[i]
		if c.Speaker == "" || len(qs) >= maxStoryQuotes {
			continue
		}
		if notPerson(c) {
			continue
		}
		ws := quotedWords(c.Text)
		if len(ws) == 0 && c.Kind == extract.KindQuote {
			// Speech without quotation marks: a transcript turn or a
			// blockquote is the speaker's words as a whole.
			ws = plainWords(c.Text)
		} else if len(ws) == 0 {
			// Reported speech: "He said the captain's manoeuvre
			// prevented a far worse outcome" carries the words another
			// outlet quotes.
			ws = reportedWords(c.Text)
		}
		if len(ws) < minQuoteWords {
			continue
		}
		qs = append(qs, quoted{claim: i, origin: originOf(c), speaker: c.Speaker, words: ws, grams: trigrams(ws)})
	}
	// Link quotes of one statement across origins (postings by trigram
	// keep this near-linear).
	postings := map[string][]int{}
	for i := range qs {
		for g := range qs[i].grams {
			postings[g] = append(postings[g], i)
		}
	}
	uf := newUnionFind(len(qs))
	linked := make([]bool, len(qs))
	for i := range qs {
		seen := map[int]bool{}
		for g := range qs[i].grams {
			for _, j := range postings[g] {
				if j <= i || seen[j] || len(postings[g]) > 50 {
					continue
				}
				seen[j] = true
				if qs[i].origin != qs[j].origin && sameStatement(&qs[i], &qs[j]) {
					uf.union(i, j)
					linked[i], linked[j] = true, true
				}
			}
		}
	}
	clusters := map[int][]int{}
	for i := range qs {
		if linked[i] {
			clusters[uf.find(i)] = append(clusters[uf.find(i)], i)
		}
	}
	ann := map[string]Annotation{}
	var groups []Group
	for _, members := range clusters {
		type bucket struct {
			name    string
			claims  []string
			sources []string
			origins map[int]bool
		}
		var buckets []*bucket
		origins := map[int]bool{}
		for _, i := range members {
			q := qs[i]
			origins[q.origin] = true
			var b *bucket
			for _, x := range buckets {
				if sameName(x.name, q.speaker) {
					b = x
					break
				}
			}
			if b == nil {
				b = &bucket{name: q.speaker, origins: map[int]bool{}}
				buckets = append(buckets, b)
			}
			c := &claims[q.claim]
			if len(q.speaker) > len(b.name) && sameName(b.name, q.speaker) {
				b.name = q.speaker // the fullest form of the name
			}
			b.claims = append(b.claims, c.ID)
			if !slices.Contains(b.sources, c.Source) {
				b.sources = append(b.sources, c.Source)
			}
			b.origins[q.origin] = true
		}
		if len(origins) < 2 {
			continue
		}
		// Different speakers conflict only across origins.
		conflict := false
		for x := range buckets {
			for y := x + 1; y < len(buckets); y++ {
				for o := range buckets[x].origins {
					for p := range buckets[y].origins {
						if o != p {
							conflict = true
						}
					}
				}
			}
		}
		slices.SortStableFunc(buckets, func(a, b *bucket) int {
			return cmp.Or(cmp.Compare(len(b.origins), len(a.origins)), cmp.Compare(len(b.claims), len(a.claims)), strings.Compare(a.name, b.name))
		})
		first := qs[members[0]].words
		g := Group{Topic: "who said “" + strings.Join(first[:min(8, len(first))], " ") + "…”", Kind: ValuePerson,
			Origins: len(origins), Conflict: conflict, Shared: []string{"quote"}}
		for _, b := range buckets {
			slices.Sort(b.claims)
			slices.Sort(b.sources)
			g.Values = append(g.Values, GroupValue{Value: b.name, Claims: b.claims, Sources: b.sources})
		}
		groups = append(groups, g)
		// Annotations: same speaker from other origins corroborates, a
		// different one contradicts.
		for _, i := range members {
			q := qs[i]
			id := claims[q.claim].ID
			a := ann[id]
			agree := map[int]bool{}
			for _, j := range members {
				o := qs[j]
				if o.origin == q.origin {
					continue
				}
				if sameName(o.speaker, q.speaker) {
					agree[o.origin] = true
				} else if oid := claims[o.claim].ID; !slices.Contains(a.Conflicts, oid) {
					a.Conflicts = append(a.Conflicts, oid)
				}
			}
			a.Corroborations = max(a.Corroborations, len(agree))
			slices.Sort(a.Conflicts)
			ann[id] = a
		}
	}
	return groups, ann
}

// reportedClause finds a reporting verb and the clause it reports.
var reportedClause = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:told\s+\w+|` + speechVerbs + `)\s+(?:that\s+)?(.+)$`)
})

// reportedWords returns the words of the clause a reporting verb
// introduces, or nil.
func reportedWords(text string) []string {
	m := reportedClause().FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	ws := plainWords(m[1])
	if len(ws) < 6 {
		return nil
	}
	return ws
}
