package crosscheck

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/claimdex/claimdex/extract"
)

// Stories. Outlets contradict each other about one event, reported within
// days of each other; two documents that name different people, firms and
// figures, or were published months apart, never hold one fact. So the
// analysis first partitions documents into stories and compares values
// only inside a story. That bounds the work by the size of a story rather
// than of the corpus, and makes the analysis incremental: a new document
// can only change the stories it joins.
//
// A document is summarised by a Profile: weighted keys (the people,
// organisations and places it names, the words of its headline, the
// specific figures it states), its publication day, its source and its
// text fingerprint. Two documents' similarity is a pure function of their
// two profiles (fixed weights per kind of key, no corpus statistics), so
// adding a document never changes how alike two others are, and an
// incremental analysis gives the result of a full one.

// Key weights by kind. A named person or organisation, or a specific
// figure, singles out a story; places and headline words are shared by
// many stories of one week.
const (
	wKeyPerson = 1.0
	wKeyOrg    = 1.0
	wKeyOther  = 0.7 // other names (events, products, nationalities)
	wKeyPlace  = 0.3
	wKeyTitle  = 0.5
	wKeyValue  = 0.9 // a specific amount or count
	wKeyDay    = 0.4 // a specific day
)

// Limits that keep a profile and a story small whatever the input.
const (
	maxNameKeys  = 32 // most frequent names of a document
	maxValueKeys = 24 // most frequent specific values
	maxTitleKeys = 16
	// MaxStoryDocs bounds a story: the coverage of a big event is split
	// into its most alike parts rather than compared all with all.
	MaxStoryDocs = 60
	// StoryDays is how far apart two documents' publication days may be
	// for them to report one story.
	StoryDays = 7
	// maxCandidates bounds the documents one document is compared with
	// when looking for its story (the most alike first).
	maxCandidates = 400
	// maxKeyPosting skips, when looking for candidates, keys shared by
	// more documents than this: too common to single out a story. Pairs
	// found through another key still count the common key.
	maxKeyPosting = 2000
)

// DefaultStoryThreshold is the profile similarity from which two
// documents are taken to report one story. Chosen on the study part of
// testdata/crossdev: at 0.12 stories of two events of one kind published
// within a week (a cup final and a league title of one club) joined, and
// twelve stories mixed events; at 0.18 three do, and recall is highest.
const DefaultStoryThreshold = 0.18

// NoDay is the Day of a profile whose publication date is unknown.
const NoDay = math.MinInt32

// Key is one key of a profile: a kind prefix and a normalised value
// ("p:lena aufhauser", "v:money:45000000000 USD", "t:fund").
type Key struct {
	Term string  `json:"t"`
	W    float64 `json:"w"`
}

// Profile summarises one document for the story partition.
type Profile struct {
	Doc string `json:"doc"`
	// Key names the document by its content (its first claim's id, which
	// claimdex derives from the content), so that a story's id does not
	// depend on where its files lie.
	Key    string `json:"key,omitempty"`
	Source string `json:"source,omitempty"`
	// Day is the publication day (days since 1970-01-01), NoDay when
	// unknown.
	Day  int   `json:"day"`
	Keys []Key `json:"keys"` // sorted by Term
	// Fingerprint of the document's text, for syndicated copies.
	Fingerprint Fingerprint `json:"fp"`
}

// NewProfile summarises the document whose claims are given (all claims of
// one document; claims of other documents are ignored).
func NewProfile(claims []extract.Claim) Profile {
	if len(claims) == 0 {
		return Profile{Day: NoDay}
	}
	p := Profile{Doc: claims[0].DocID, Source: strings.ToLower(strings.TrimSpace(claims[0].Source)), Day: NoDay}
	names := map[string]int{}
	values := map[string]int{}
	guessed, stated := map[string]bool{}, map[string]bool{}
	var text strings.Builder
	title := ""
	for i := range claims {
		c := &claims[i]
		if c.DocID != p.Doc {
			continue
		}
		if title == "" {
			title = c.Title
		}
		if p.Key == "" || c.ID < p.Key {
			p.Key = c.ID
		}
		if p.Day == NoDay && c.Published != "" {
			if t, ok := parsePublished(c.Published); ok {
				p.Day = int(t.Unix() / 86400)
			}
		}
		if c.Kind != extract.KindHeadline {
			text.WriteString(c.Text)
			text.WriteByte('\n')
		}
		for _, e := range c.Entities {
			if k := entityKey(e); k != "" {
				names[k]++
			}
		}
		for _, m := range claimValues(capValues(c)) {
			if k := valueKey(m); k != "" {
				values[k]++
				if m.noYear {
					guessed[k] = true
				} else {
					stated[k] = true
				}
			}
		}
	}
	for k := range values {
		// "April 14" takes its year from the publication day; without
		// one, the year is a guess.
		if p.Day == NoDay && guessed[k] && !stated[k] {
			delete(values, k)
		}
		// A day that is the publication day is a byline, not a fact.
		if strings.HasPrefix(k, "v:date:") && p.Day != NoDay {
			if v, ok := dateValue(strings.TrimPrefix(k, "v:date:")); ok && int(v.lo) == p.Day {
				delete(values, k)
			}
		}
	}
	keys := map[string]float64{}
	for _, k := range topCounted(names, maxNameKeys) {
		keys[k] = keyWeight(k)
	}
	for _, k := range topCounted(values, maxValueKeys) {
		keys[k] = keyWeight(k)
	}
	n := 0
	for _, w := range words(title) {
		if w.boundary || n >= maxTitleKeys {
			continue
		}
		if _, ok := keys["t:"+w.norm]; !ok {
			keys["t:"+w.norm] = wKeyTitle
			n++
		}
	}
	p.Keys = make([]Key, 0, len(keys))
	for k, w := range keys {
		p.Keys = append(p.Keys, Key{k, w})
	}
	slices.SortFunc(p.Keys, func(a, b Key) int { return strings.Compare(a.Term, b.Term) })
	p.Fingerprint = NewFingerprint(text.String())
	return p
}

// entityKey is the profile key of an entity, "" for none.
func entityKey(e extract.Entity) string {
	name := e.Canonical
	if name == "" {
		name = e.Text
	}
	prefix := "m:"
	switch e.Type {
	case extract.Person:
		name, prefix = personName(e), "p:"
	case extract.Org:
		prefix = "o:"
	case extract.GPE, extract.Loc:
		prefix = "g:"
	}
	name = strings.ToLower(strings.Join(strings.Fields(name), " "))
	if len(name) < 2 || strings.ContainsAny(name, "0123456789") {
		return ""
	}
	if prefix == "p:" {
		// A person is keyed by surname: outlets write "Dana Mirel",
		// "Ms Mirel", "Mirel".
		fs := strings.Fields(name)
		name = fs[len(fs)-1]
	}
	return prefix + name
}

// valueKey is the profile key of a specific value, "" for none.
func valueKey(m mention) string {
	if m.kind == ValuePerson || m.weak || !specific(m) {
		return ""
	}
	if m.kind == ValueDate {
		return "v:date:" + m.val.text
	}
	// Round figures ("$100 million", "1,000 people") recur in many
	// stories and key none; a figure with two significant digits or more
	// is keyed by its value and unit.
	x := math.Abs(m.val.lo)
	if x == 0 {
		return ""
	}
	mag := math.Pow(10, math.Floor(math.Log10(x)))
	if math.Abs(x/mag-math.Round(x/mag)) < 1e-9 {
		return ""
	}
	// A count is one key whether an outlet says what it counts or not:
	// "17,482,311 residents" and the bare "17,482,311" of a table.
	k := "v:" + m.kind + ":" + fmtNum(m.val.lo)
	if m.val.unit == "" || m.kind == ValueQuantity && m.val.unit == "people" {
		return k
	}
	return k + " " + m.val.unit
}

func keyWeight(k string) float64 {
	switch {
	case strings.HasPrefix(k, "p:"):
		return wKeyPerson
	case strings.HasPrefix(k, "o:"):
		return wKeyOrg
	case strings.HasPrefix(k, "g:"):
		return wKeyPlace
	case strings.HasPrefix(k, "v:date:"):
		return wKeyDay
	case strings.HasPrefix(k, "v:"):
		return wKeyValue
	case strings.HasPrefix(k, "t:"):
		return wKeyTitle
	}
	return wKeyOther
}

// topCounted returns up to n keys, most counted first (ties by key).
func topCounted(m map[string]int, n int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b)) })
	return ks[:min(n, len(ks))]
}

// norm is the Euclidean length of a profile's key weights.
func (p *Profile) norm() float64 {
	var s float64
	for _, k := range p.Keys {
		s += k.W * k.W
	}
	return math.Sqrt(s)
}

// Similarity is the cosine of two profiles' weighted keys, 0..1, and 1
// for syndicated copies of one text. Profiles published more than
// StoryDays apart are never similar.
func Similarity(a, b *Profile) float64 {
	if a.Day != NoDay && b.Day != NoDay && abs(a.Day-b.Day) > StoryDays {
		return 0
	}
	if a.Fingerprint.Similarity(b.Fingerprint) >= DefaultSyndicationThreshold {
		return 1
	}
	var dot float64
	i, j := 0, 0
	for i < len(a.Keys) && j < len(b.Keys) {
		switch c := strings.Compare(a.Keys[i].Term, b.Keys[j].Term); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			dot += a.Keys[i].W * b.Keys[j].W
			i++
			j++
		}
	}
	na, nb := a.norm(), b.norm()
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / (na * nb)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Story is a set of documents reporting one event.
type Story struct {
	// ID names the story by the smallest key of its documents (see
	// Profile.Key), so that it is the same whichever run found it and
	// wherever its files lie.
	ID   string   `json:"id"`
	Docs []string `json:"docs"` // sorted
}

// edge is a pair of alike documents (indexes into the profile slice).
type edge struct {
	a, b int
	sim  float64
}

// Stories partitions the documents of profiles into stories: documents
// alike at least threshold (DefaultStoryThreshold when <= 0), directly or
// through a chain of alike documents, form one story of at most
// MaxStoryDocs (the most alike pairs are joined first). Every document is
// in exactly one story; stories are ordered by ID. Candidates are found
// through shared keys, so the cost is near-linear in the documents.
func Stories(profiles []Profile, threshold float64) []Story {
	if threshold <= 0 {
		threshold = DefaultStoryThreshold
	}
	ps := slices.Clone(profiles)
	slices.SortFunc(ps, func(a, b Profile) int { return strings.Compare(a.Doc, b.Doc) })
	ps = slices.CompactFunc(ps, func(a, b Profile) bool { return a.Doc == b.Doc })
	edges := storyEdges(ps, threshold)
	uf := newUnionFind(len(ps))
	size := make([]int, len(ps))
	for i := range size {
		size[i] = 1
	}
	for _, e := range edges {
		ra, rb := uf.find(e.a), uf.find(e.b)
		if ra == rb || size[ra]+size[rb] > MaxStoryDocs {
			continue
		}
		uf.union(ra, rb)
		size[uf.find(ra)] = size[ra] + size[rb]
	}
	byRoot := map[int]*Story{}
	for i, p := range ps {
		r := uf.find(i)
		st := byRoot[r]
		if st == nil {
			st = &Story{}
			byRoot[r] = st
		}
		st.Docs = append(st.Docs, p.Doc)
		key := cmp.Or(p.Key, p.Doc)
		if st.ID == "" || key < st.ID {
			st.ID = key
		}
	}
	out := make([]Story, 0, len(byRoot))
	for _, st := range byRoot {
		out = append(out, *st)
	}
	slices.SortFunc(out, func(a, b Story) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// storyEdges returns the pairs of profiles alike at least threshold, most
// alike first (ties by index).
func storyEdges(ps []Profile, threshold float64) []edge {
	postings := map[string][]int{}
	for i := range ps {
		for _, k := range ps[i].Keys {
			postings[k.Term] = append(postings[k.Term], i)
		}
	}
	var edges []edge
	seen := map[int]bool{}
	for i := range ps {
		clear(seen)
		var cands []int
		for _, k := range ps[i].Keys {
			p := postings[k.Term]
			if len(p) > maxKeyPosting {
				continue
			}
			for _, j := range p {
				if j > i && !seen[j] {
					seen[j] = true
					cands = append(cands, j)
				}
			}
		}
		edges = appendEdges(edges, ps, i, cands, threshold)
	}
	// Syndicated copies share most of their text whatever their keys.
	for _, ids := range syndicatedPairs(ps) {
		edges = append(edges, edge{ids[0], ids[1], 1})
	}
	slices.SortFunc(edges, func(x, y edge) int {
		return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return slices.CompactFunc(edges, func(x, y edge) bool { return x.a == y.a && x.b == y.b })
}

// appendEdges adds the edges of profile i to the candidates j, keeping the
// maxCandidates most alike.
func appendEdges(edges []edge, ps []Profile, i int, cands []int, threshold float64) []edge {
	var mine []edge
	for _, j := range cands {
		if s := Similarity(&ps[i], &ps[j]); s >= threshold {
			mine = append(mine, edge{min(i, j), max(i, j), s})
		}
	}
	if len(mine) > maxCandidates {
		slices.SortFunc(mine, func(x, y edge) int { return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.b, y.b)) })
		mine = mine[:maxCandidates]
	}
	return append(edges, mine...)
}

// syndicatedPairs returns the index pairs of profiles whose fingerprints
// make them copies of one text (within StoryDays of each other).
func syndicatedPairs(ps []Profile) [][2]int {
	fps := make(map[string]Fingerprint, len(ps))
	idx := make(map[string]int, len(ps))
	for i := range ps {
		fps[ps[i].Doc] = ps[i].Fingerprint
		idx[ps[i].Doc] = i
	}
	var out [][2]int
	byOrigin := map[string][]int{}
	for doc, o := range Origins(fps, 0) {
		byOrigin[o] = append(byOrigin[o], idx[doc])
	}
	for _, xs := range byOrigin {
		slices.Sort(xs)
		for _, j := range xs[1:] {
			if Similarity(&ps[xs[0]], &ps[j]) > 0 {
				out = append(out, [2]int{xs[0], j})
			}
		}
	}
	return out
}
