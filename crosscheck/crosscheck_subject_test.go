package crosscheck

import (
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"

	"github.com/google/go-cmp/cmp"
)

// subjectClaim builds a sentence claim of a document about the Lorvik
// harbour bridge stating the amount written as s, with the named
// organisations tagged.
func subjectClaim(id, doc, src, text, s string, amount float64, orgs ...string) extract.Claim {
	c := extract.Claim{ID: id, DocID: doc, Source: src, Text: text, Kind: extract.KindSentence,
		Title: "Harbour bridge loan agreed in Lorvik", Published: "2026-03-02T09:00:00Z"}
	i := strings.Index(text, s)
	c.Money = []extract.Money{{Text: s, Amount: amount, Currency: "USD", Start: i, End: i + len(s)}}
	for _, o := range orgs {
		j := strings.Index(text, o)
		c.Entities = append(c.Entities, extract.Entity{Text: o, Type: extract.Org, Start: j, End: j + len(o)})
	}
	return c
}

// TestCrosscheckSubjects: different values conflict only when they are
// about one subject. Values next to different named organisations are
// different facts; so are values under a topic that one document uses
// for several figures.
func TestCrosscheckSubjects(t *testing.T) {
	tests := []struct {
		name   string
		claims []extract.Claim
		want   map[string][]string // claim id -> conflicts
	}{
		{
			name: "same subject, different amounts conflict",
			claims: []extract.Claim{
				subjectClaim("a", "A", "Alpha", "Ostra Bank agreed to lend $1.2 billion for the harbour bridge loan.", "$1.2 billion", 1.2e9, "Ostra Bank"),
				subjectClaim("b", "B", "Beta", "Ostra Bank will lend $1.5 billion for the harbour bridge loan.", "$1.5 billion", 1.5e9, "Ostra Bank"),
			},
			want: map[string][]string{"a": {"b"}, "b": {"a"}},
		},
		{
			name: "different named subjects do not conflict",
			claims: []extract.Claim{
				subjectClaim("a", "A", "Alpha", "Ostra Bank agreed to lend $1.2 billion for the harbour bridge loan.", "$1.2 billion", 1.2e9, "Ostra Bank"),
				subjectClaim("b", "B", "Beta", "Velmar Capital will lend $1.5 billion for the harbour bridge loan.", "$1.5 billion", 1.5e9, "Velmar Capital"),
			},
			want: map[string][]string{"a": {}, "b": {}},
		},
		{
			name: "one side names no subject: the topic decides",
			claims: []extract.Claim{
				subjectClaim("a", "A", "Alpha", "Ostra Bank agreed to lend $1.2 billion for the harbour bridge loan.", "$1.2 billion", 1.2e9, "Ostra Bank"),
				subjectClaim("b", "B", "Beta", "The lenders will provide $1.5 billion for the harbour bridge loan.", "$1.5 billion", 1.5e9),
			},
			want: map[string][]string{"a": {"b"}, "b": {"a"}},
		},
		{
			name: "a topic one document uses for several figures is ambiguous",
			claims: []extract.Claim{
				subjectClaim("a1", "A", "Alpha", "Lorvik agreed a harbour bridge loan of $1.2 billion for the deck.", "$1.2 billion", 1.2e9),
				subjectClaim("a2", "A", "Alpha", "Lorvik agreed a harbour bridge loan of $1.9 billion for the towers.", "$1.9 billion", 1.9e9),
				subjectClaim("b", "B", "Beta", "Lorvik agreed a harbour bridge loan of $1.5 billion.", "$1.5 billion", 1.5e9),
			},
			want: map[string][]string{"a1": {}, "a2": {}, "b": {}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := Analyze(tc.claims, Options{})
			got := map[string][]string{}
			for id, a := range res.Annotations {
				got[id] = a.Conflicts
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("conflicts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestApprovedConflicts: within a cluster linked by agreements within
// rounding ("about 10 hours" agrees with 11 and with 12), two values contradict
// each other only when a pair that passed the conflict rules states them.
func TestApprovedConflicts(t *testing.T) {
	h := func(x float64) mention {
		return mention{kind: ValueQuantity, val: mvalue{lo: x, hi: x, unit: "hour", text: fmtNum(x) + " hours"}}
	}
	about := h(10)
	about.val.about = true
	ms := []mention{about, h(11), h(12), h(12)}
	members := []int{0, 1, 2, 3}
	tests := []struct {
		name     string
		approved approvedConflicts
		x, y     int
		want     bool
	}{
		{"chained by rounding, never weighed", approvedConflicts{}, 1, 2, false},
		{"the pair itself approved", approvedConflicts{{1, 2}: true}, 2, 1, true},
		{"another pair of the same values approved", approvedConflicts{{1, 3}: true}, 1, 2, true},
		{"values within rounding never contradict", approvedConflicts{{0, 1}: true}, 0, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.approved.contradict(ms, members, tc.x, tc.y); got != tc.want {
				t.Errorf("contradict(%d, %d) = %v, want %v", tc.x, tc.y, got, tc.want)
			}
		})
	}
	if (approvedConflicts{{1, 3}: true}).contradict(ms, []int{1, 2}, 1, 2) {
		t.Error("an approved pair of mentions outside the cluster made its values contradict")
	}
}

// TestSubjectsNearSkipsSources: the person who gives a figure is its
// source, not what it is about.
func TestSubjectsNearSkipsSources(t *testing.T) {
	person := func(text, name string) extract.Claim {
		c := extract.Claim{Text: text}
		i := strings.Index(text, name)
		c.Entities = []extract.Entity{{Text: name, Type: extract.Person, Start: i, End: i + len(name)}}
		return c
	}
	tests := []struct {
		text, name string
		want       int
	}{
		{"Undersecretary Ilka Renn put the investment at €52 million.", "Ilka Renn", 0},
		{"The centre will cost €46 million, said Undersecretary Ilka Renn.", "Ilka Renn", 0},
		{"Ilka Renn, the undersecretary, told reporters it would cost €46 million.", "Ilka Renn", 0},
		{"Ilka Renn earns €46 million a year at the club.", "Ilka Renn", 1},
		{"Ilka Renn: the centre costs €46 million.", "Ilka Renn", 0}, // a transcript's speaker label
	}
	for _, tt := range tests {
		c := person(tt.text, tt.name)
		i := strings.Index(tt.text, "€")
		if got := subjectsNear(&c, span{i, i + 12}); len(got) != tt.want {
			t.Errorf("subjectsNear(%q) = %q, want %d subjects", tt.text, got, tt.want)
		}
	}
}

// TestSubjectsNearSkipsFiguresAndOutlet: a currency read as a name and
// the outlet that reports the figure are no subjects of it.
func TestSubjectsNearSkipsFiguresAndOutlet(t *testing.T) {
	text := "The package is worth KSh21.8 billion, according to documents seen by the Ledger."
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	ms, me := at("KSh21.8 billion")
	ks, ke := at("KSh")
	ls, le := at("Ledger")
	c := extract.Claim{Text: text, Source: "The Nairobi Ledger",
		Money:    []extract.Money{{Text: "KSh21.8 billion", Amount: 21.8e9, Currency: "KES", Start: ms, End: me}},
		Entities: []extract.Entity{{Text: "KSh", Type: extract.Org, Start: ks, End: ke}, {Text: "Ledger", Type: extract.Org, Start: ls, End: le}}}
	if got := subjectsNear(&c, span{ms, me}); len(got) != 0 {
		t.Errorf("subjectsNear = %q, want none", got)
	}
}
