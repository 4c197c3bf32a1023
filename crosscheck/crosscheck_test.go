package crosscheck

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"

	"github.com/google/go-cmp/cmp"
)

// claimsOf cleans and extracts every file matching pattern.
func claimsOf(t *testing.T, pattern string) []extract.Claim {
	t.Helper()
	paths, _ := filepath.Glob(pattern)
	if len(paths) == 0 {
		t.Skipf("no files match %s", pattern)
	}
	var all []extract.Claim
	for _, p := range paths {
		_, claims := cleanFile(t, p)
		all = append(all, claims...)
	}
	return all
}

// conflictPairs describes each conflicting group by its kind and sorted
// values, e.g. "money 2100000000 EUR | 2400000000 EUR".
func conflictPairs(res *Result) []string {
	var out []string
	for _, g := range res.Groups {
		if !g.Conflict {
			continue
		}
		var vs []string
		for _, v := range g.Values {
			vs = append(vs, v.Value)
		}
		slices.Sort(vs)
		out = append(out, g.Kind+" "+strings.Join(vs, " | "))
	}
	slices.Sort(out)
	return out
}

// TestCrosscheckSample: the three bundled outlets disagree on the budget,
// the signing date and the residents warned late, and agree on the rest.
func TestCrosscheckSample(t *testing.T) {
	claims := claimsOf(t, "../testdata/sample/*")
	res := Analyze(claims, Options{})
	want := []string{
		"date 2026-03-03 | 2026-03-10",
		"money 2100000000 EUR | 2400000000 EUR",
		"quantity 120000 residents | 95000 people",
	}
	if diff := cmp.Diff(want, conflictPairs(res)); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
	// Shared values never conflict, and they corroborate.
	best := map[string]int{}
	for _, c := range claims {
		for _, key := range []string{"600 million", "40 ", "500 million"} {
			if !strings.Contains(c.Text, key) {
				continue
			}
			a := res.Annotations[c.ID]
			if len(a.Conflicts) != 0 {
				t.Errorf("%q: conflicts %v, want none", c.Text, a.Conflicts)
			}
			best[key] = max(best[key], a.Corroborations)
		}
	}
	if diff := cmp.Diff(map[string]int{"600 million": 2, "40 ": 2, "500 million": 2}, best); diff != "" {
		t.Errorf("best corroborations (-want +got):\n%s", diff)
	}
}

// TestCrosscheckSeeds: the canonical example reports the fund and the
// date of the Miami talks.
func TestCrosscheckSeeds(t *testing.T) {
	claims := claimsOf(t, filepath.Join(seedsDir, "*.txt"))
	res := Analyze(claims, Options{})
	got := conflictPairs(res)
	for _, want := range []string{"money 45000000000 USD | 50000000000 USD", "date 2025-12-15 | 2025-12-22"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing conflict %q in %q", want, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "48 hours") || strings.Contains(g, "20 points |") {
			t.Errorf("shared value reported as a conflict: %q", g)
		}
	}
	// Persons: both seeds name Steve Witkoff as the US envoy and Josep
	// Borrell as the EU High Representative. The other envoy, John K.
	// Miller ("Special Envoy for Ukraine"), appears only in the second
	// story glued into seed 000, so no two sources disagree on a person.
	agreed := map[string]bool{}
	for _, g := range res.Groups {
		if g.Kind != ValuePerson {
			continue
		}
		if g.Conflict {
			t.Errorf("person conflict %q: %+v", g.Topic, g.Values)
		}
		agreed[g.Values[0].Value] = g.Origins == 2
	}
	for _, name := range []string{"Steve Witkoff", "Josep Borrell"} {
		if !agreed[name] {
			t.Errorf("%s not corroborated by both seeds: %v", name, agreed)
		}
	}
}

// TestCrosscheckRules checks the rules on hand-made claims: within one
// document nothing conflicts, one source is one origin, precision is not
// disagreement, currencies never mix, and the topic keeps apart values of
// different things.
func TestCrosscheckRules(t *testing.T) {
	mk := func(id, doc, src, text string, m ...extract.Money) extract.Claim {
		c := extract.Claim{ID: id, DocID: doc, Source: src, Text: text, Title: "Harbour bridge budget approved in Lorvik", Kind: extract.KindSentence, Money: m}
		return c
	}
	money := func(text, s string, amount float64, cur string) extract.Money {
		i := strings.Index(text, s)
		return extract.Money{Text: s, Amount: amount, Currency: cur, Start: i, End: i + len(s)}
	}
	t1 := "The city approved a harbour bridge budget of $1.2bn on Monday."
	t2 := "Lorvik's council set the harbour bridge budget at $1,200 million."
	t3 := "The harbour bridge budget approved by the council is $1.5 billion."
	t4 := "The harbour bridge budget is €1.5 billion, officials said."
	t5 := "A separate ferry terminal will cost $300 million."
	claims := []extract.Claim{
		mk("a1", "A", "Alpha", t1, money(t1, "$1.2bn", 1.2e9, "USD")),
		mk("b1", "B", "Beta", t2, money(t2, "$1,200 million", 1.2e9, "USD")),
		mk("c1", "C", "Gamma", t3, money(t3, "$1.5 billion", 1.5e9, "USD")),
		mk("c2", "C2", "Gamma", t3, money(t3, "$1.5 billion", 1.5e9, "USD")),
		mk("d1", "D", "Delta", t4, money(t4, "€1.5 billion", 1.5e9, "EUR")),
		mk("a2", "A", "Alpha", t5, money(t5, "$300 million", 3e8, "USD")),
	}
	res := Analyze(claims, Options{})
	got := map[string]Annotation{}
	for id, a := range res.Annotations {
		got[id] = a
	}
	want := map[string]Annotation{
		"a1": {Corroborations: 1, Conflicts: []string{"c1", "c2"}},
		"b1": {Corroborations: 1, Conflicts: []string{"c1", "c2"}},
		// c1 and c2 are one source: one origin, no corroboration.
		"c1": {Corroborations: 0, Conflicts: []string{"a1", "b1"}},
		"c2": {Corroborations: 0, Conflicts: []string{"a1", "b1"}},
		"d1": {Corroborations: 0, Conflicts: []string{}},
		"a2": {Corroborations: 0, Conflicts: []string{}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
}

func TestRelateDates(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want relation
	}{
		{"2026-03-03", "2026-03-03", relEqual},
		{"2026-03", "2026-03-03", relCompatible},
		{"2026-Q1", "2026-03-03", relCompatible},
		{"2026", "2026-Q2", relCompatible},
		{"2026-03-03", "2026-03-10", relDifferent},
		{"2026-04", "2026-03-10", relDifferent},
	} {
		t.Run(tc.a+"~"+tc.b, func(t *testing.T) {
			a, ok1 := dateValue(tc.a)
			b, ok2 := dateValue(tc.b)
			if !ok1 || !ok2 {
				t.Fatal("unparsed")
			}
			if got := relate(ValueDate, a, b); got != tc.want {
				t.Errorf("relate = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestRelatePersons(t *testing.T) {
	p := func(name, role, qual string) mvalue { return mvalue{text: name, unit: role, qual: qual} }
	for _, tc := range []struct {
		name string
		a, b mvalue
		want relation
	}{
		{"a field word names the body another outlet describes",
			p("Hélène Verbeke", "museum head", ""), p("Pieter Maes", "head", "~museum"), relDifferent},
		{"a field that is no body of the other",
			p("Hélène Verbeke", "finance head", ""), p("Pieter Maes", "head", "~museum"), relIncomparable},
		{"one post in two wordings", p("Ilka Renn", "operations head", "coastguard"), p("Ilka Renn", "operations head", "coastguard"), relEqual},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := relate(ValuePerson, tc.a, tc.b); got != tc.want {
				t.Errorf("relate = %d, want %d", got, tc.want)
			}
			if got := relate(ValuePerson, tc.b, tc.a); got != tc.want {
				t.Errorf("relate reversed = %d, want %d", got, tc.want)
			}
		})
	}
}

// Power and energy written with other metric prefixes are one measure:
// "41.1 GW" is 41,100 MW, and a rounded "38.7 GW" agrees with 38,742 MW.
// Other units keep their own ("5 km" and "5,000 m" stay apart).
func TestRelateMetricPrefixes(t *testing.T) {
	q := func(v float64, unit string) mvalue {
		m, ok := quantityValue(extract.Quantity{Value: v, Unit: unit})
		if !ok {
			t.Fatalf("quantityValue(%g %s) not ok", v, unit)
		}
		return m
	}
	for _, tc := range []struct {
		name string
		a, b mvalue
		want relation
	}{
		{"GW and MW differ", q(41.1, "GW"), q(38742, "MW"), relDifferent},
		{"GW and MW agree", q(38.7, "GW"), q(38742, "MW"), relEqual},
		{"kW and MW", q(2500, "kW"), q(2.5, "MW"), relEqual},
		{"TWh and GWh", q(1.2, "TWh"), q(1200, "GWh"), relEqual},
		{"lengths keep their units", q(5, "km"), q(5000, "m"), relIncomparable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := relate(ValueQuantity, tc.a, tc.b); got != tc.want {
				t.Errorf("relate = %d, want %d", got, tc.want)
			}
		})
	}
}

// An amount written with a shared sign or word ("$", "Rs", "rupees")
// and no country compares with any currency of its family; one whose
// text names its currency compares only with that currency.
func TestRelateSharedCurrencies(t *testing.T) {
	money := func(text, cur string, amount float64) mvalue {
		v, ok := moneyValue(extract.Money{Text: text, Amount: amount, Currency: cur})
		if !ok {
			t.Fatalf("moneyValue(%q) not ok", text)
		}
		return v
	}
	for _, tc := range []struct {
		name string
		a, b mvalue
		want relation
	}{
		{"a bare $ and Canadian dollars", money("$310 million", "USD", 310e6), money("C$350 million", "CAD", 350e6), relDifferent},
		{"bare dollars by name", money("sixty-million-dollar", "USD", 60e6), money("$55 million CAD", "CAD", 55e6), relDifferent},
		{"US dollars by name", money("60 million US dollars", "USD", 60e6), money("$55 million CAD", "CAD", 55e6), relIncomparable},
		{"US$ names its dollar", money("US$310 million", "USD", 310e6), money("C$350 million", "CAD", 350e6), relIncomparable},
		{"a bare Rs and Pakistani rupees", money("Rs 48bn", "INR", 48e9), money("PKR 42bn", "PKR", 42e9), relDifferent},
		{"bare rupees and Sri Lankan rupees", money("3 billion rupees", "INR", 3e9), money("LKR 3 billion", "LKR", 3e9), relEqual},
		{"the rupee sign is India's", money("₹48bn", "INR", 48e9), money("PKR 42bn", "PKR", 42e9), relIncomparable},
		{"Indian rupees by name", money("48 billion Indian rupees", "INR", 48e9), money("PKR 42bn", "PKR", 42e9), relIncomparable},
		{"a bare Rs is no dollar", money("Rs 48bn", "INR", 48e9), money("$42bn", "USD", 42e9), relIncomparable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := relate(ValueMoney, tc.a, tc.b); got != tc.want {
				t.Errorf("relate = %d, want %d", got, tc.want)
			}
			if got := relate(ValueMoney, tc.b, tc.a); got != tc.want {
				t.Errorf("relate reversed = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestUnitsMatch(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"unit", "vehicl", true},  // "63,800 units" of a recall
		{"unit", "people", false}, // units are no people
		{"unit", "km", false},
		{"unit", "hour", false},
		{"vehicl", "aircraft", false},
		{unitKey("miners"), unitKey("employees"), true}, // people by who they are
		{unitKey("miners"), unitKey("people"), true},
		{unitKey("students"), unitKey("teachers"), true},
		{unitKey("deaths"), unitKey("soldiers"), true},
		{unitKey("miners"), unitKey("tonnes"), false},
	} {
		if got := unitsMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("unitsMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	for _, pair := range [][2]string{{"cars", "vehicles"}, {"crowd", "attendance"}, {"lives", "people"}, {"deaths", "people"},
		{"bicycles", "bikes"}, {"examinations", "exams"}} {
		if unitKey(pair[0]) != unitKey(pair[1]) {
			t.Errorf("synonymous units %q and %q have different keys", pair[0], pair[1])
		}
	}
}

func TestTopicOfTableRow(t *testing.T) {
	c := extract.Claim{Kind: extract.KindTableRow, Text: "8. Core Pillar: Reconstruction fund; Primary Objective: $45 billion multi-year trust; Implementation Timeline: Year 1-10"}
	i := strings.Index(c.Text, "$45 billion")
	terms := mentionTopic(&c, span{i, i + len("$45 billion")}, nil)
	w := map[string]float64{}
	for _, tt := range terms {
		w[tt.term] = tt.w
	}
	if w["reconstruction"] < wLabel || w["fund"] < wLabel {
		t.Errorf("row key not in topic with full weight: %v", terms)
	}
	if w["timelin"] >= wLabel {
		t.Errorf("other cell weighs like the key: %v", terms)
	}
}

func FuzzCrosscheck(f *testing.F) {
	f.Add("The fund is $50 billion, said Ann.", 12, 23, "Date: 22 December 2025")
	f.Fuzz(func(t *testing.T, text string, start, end int, other string) {
		c1 := extract.Claim{ID: "a", DocID: "A", Source: "A", Text: text, Kind: extract.KindTableRow,
			Money: []extract.Money{{Amount: 5e10, Currency: "USD", Start: start, End: end}},
			Dates: []extract.Date{{Value: other, Start: start, End: end}}}
		c2 := c1
		c2.ID, c2.DocID, c2.Source, c2.Kind = "b", "B", "B", extract.KindSentence
		c2.Money = []extract.Money{{Amount: 4.5e10, Currency: "USD", Start: start, End: end}}
		_ = Analyze([]extract.Claim{c1, c2}, Options{})
	})
}

// TestHugeTableRowBounded: one table row with 20,000 money cells (any
// fetched page can carry one) is read no further than the per-claim and
// per-document bounds, so the analysis stays near-linear.
func TestHugeTableRowBounded(t *testing.T) {
	row := func(doc string, scale float64) extract.Claim {
		var b strings.Builder
		var money []extract.Money
		for i := range 20000 {
			start := b.Len()
			fmt.Fprintf(&b, "$%d; ", 1000+i)
			money = append(money, extract.Money{Text: b.String()[start : b.Len()-2], Amount: scale * float64(1000+i), Currency: "USD", Start: start, End: b.Len() - 2})
		}
		return extract.Claim{ID: doc + "-row", DocID: doc, Source: doc, Title: "Harbour fund table", Kind: extract.KindTableRow,
			Text: b.String(), Money: money, Published: "2026-03-03"}
	}
	c := row("a", 1)
	if n := len(claimMentions(&c, allRoles(&c))); n > maxClaimValues {
		t.Errorf("claimMentions read %d values of a 20,000-cell row, want at most %d", n, maxClaimValues)
	}
	res := Analyze([]extract.Claim{c, row("b", 1.1)}, Options{})
	if len(res.Annotations) != 2 {
		t.Errorf("annotations of %d claims, want 2", len(res.Annotations))
	}
}

// BenchmarkNewProfile measures the profile every ingested document gets.
func BenchmarkNewProfile(b *testing.B) {
	_, claims := cleanFile(b, "../testdata/sample/valmora-herald.html")
	for b.Loop() {
		NewProfile(claims)
	}
}

// Words of one family share a topic term however they are inflected.
func TestNormWordFamilies(t *testing.T) {
	for _, fam := range [][]string{
		{"ratification", "ratified", "ratify", "ratifies", "ratifying"},
		{"vaccinations", "vaccinating", "vaccinated"},
		{"killed", "deaths", "fatalities", "dead", "toll"},
		{"completed", "completion", "finalised"},
		{"delivered", "delivery", "deliveries", "handover"},
		{"funds", "fund"},
	} {
		want := normWord(fam[0])
		for _, w := range fam[1:] {
			if got := normWord(w); got != want {
				t.Errorf("normWord(%q) = %q, want %q as for %q", w, got, want, fam[0])
			}
		}
	}
	if normWord("classify") == normWord("class") {
		t.Errorf("classify and class share a term")
	}
}

func TestRoundingAgrees(t *testing.T) {
	v := func(x float64) mvalue { return mvalue{lo: x, hi: x} }
	tests := []struct {
		a, b  float64
		want  bool
		about bool // the rounder figure is hedged
	}{
		{200e6, 180e6, false, false}, // an unhedged round figure is precise
		{200e6, 180e6, true, true},   // "about 200 million"
		{10, 11, false, false},
		{10, 11, true, true},
		{6e6, 5.9e6, true, false},    // rounded
		{40, 39, true, false},        // rounded
		{12000, 12500, true, false},  // cut short by 4%
		{50e9, 45e9, false, false},   // two figures
		{600, 660, false, false},     // 9% is another figure
		{12000, 13000, false, false}, // same precision
		{2.3e6, 3e6, false, false},   // not within the rounder's unit
		{23415, 25100, false, false}, // both precise
	}
	for _, tt := range tests {
		a, b := v(tt.a), v(tt.b)
		a.about, b.about = tt.about, tt.about
		if got := roundingAgrees(a, b); got != tt.want {
			t.Errorf("roundingAgrees(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := roundingAgrees(b, a); got != tt.want {
			t.Errorf("roundingAgrees(%v, %v) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// What the words before a figure say of it: loosely given (hedged), a
// place's size (populationOf), a count in progress (partialCount).
func TestFigurePrefixes(t *testing.T) {
	funcs := map[string]func(string) bool{"hedged": hedged, "populationOf": populationOf, "partialCount": partialCount().MatchString}
	tests := []struct {
		fn, before string
		want       bool
	}{
		{"hedged", "an emergency fund of about ", true},
		{"hedged", "Nearly ", true},
		{"hedged", "the company said more than ", true},
		{"hedged", "costs of up to\u00a0", true},
		{"hedged", "an emergency fund of ", false},
		{"hedged", "the turnover ", false}, // "over" inside a word
		{"hedged", "handsome ", false},
		{"hedged", "", false},
		{"populationOf", "on the east edge of Corliss, a village of about ", true},
		{"populationOf", "The town of ", true},
		{"populationOf", "a fishing port of some ", true},
		{"populationOf", "a municipality with a population of roughly ", true},
		{"populationOf", "Verlaine, population ", true},
		{"populationOf", "the island, home to just over ", true},
		{"populationOf", "the district's ", false},
		{"populationOf", "evacuated ", false},
		{"populationOf", "a group of ", false},
		{"populationOf", "a crowd of more than ", false},
		{"populationOf", "a capitalist of ", false}, // a place noun only as a word
		{"populationOf", "", false},
		{"partialCount", "With 90% of ballots counted, Ortega led by ", true},
		{"partialCount", "with 1,090 of the 1,146 tally sheets done, her lead stands at roughly ", true},
		{"partialCount", "with about 60 per cent of precincts reporting, turnout was ", true},
		{"partialCount", "With 98.5 percent of the vote in, the margin is ", true},
		{"partialCount", "An unofficial running tally puts the lead at ", true},
		{"partialCount", "Partial results gave the party ", true},
		{"partialCount", "With 3,000 workers on strike, the company lost ", false},
		{"partialCount", "The final margin was ", false},
	}
	for _, tt := range tests {
		if got := funcs[tt.fn](tt.before); got != tt.want {
			t.Errorf("%s(%q) = %v, want %v", tt.fn, tt.before, got, tt.want)
		}
	}
}

// TestLeads: the first figure of each currency or unit in a document's
// opening leads it; two lead figures near each other in documents that
// plainly report one story are one fact, whatever words surround them.
func TestLeads(t *testing.T) {
	claims := []extract.Claim{
		{DocID: "A", Kind: extract.KindHeadline}, {DocID: "A"}, {DocID: "A"}, {DocID: "A"}, {DocID: "A"}, {DocID: "A"}, {DocID: "A"}, {DocID: "A"},
		{DocID: "B"},
	}
	eur := func(x float64, claim, doc int) mention {
		return mention{kind: ValueMoney, claim: claim, doc: doc, headline: claim == 0, val: mvalue{lo: x, hi: x, unit: "EUR"},
			topic: []topicTerm{{"centr", 1}}}
	}
	ms := []mention{
		eur(52e6, 0, 0), // headline: leads
		eur(31e6, 1, 0), // a second amount in euros: not the lead
		eur(48e6, 7, 0), // euros already lead A
		eur(46e6, 8, 1), // the other document's first claim
		{kind: ValueMoney, claim: 8, doc: 1, val: mvalue{lo: 40, hi: 40, unit: "USD"}}, // round: no lead
	}
	markLeads(ms, claims)
	var got []bool
	for _, m := range ms {
		got = append(got, m.lead)
	}
	if want := []bool{true, false, false, true, false}; !slices.Equal(got, want) {
		t.Errorf("leads = %v, want %v", got, want)
	}
	if !leadPair(ms[0], ms[3], 0.35) {
		t.Error("€52m and €46m leading two reports of one story are not one fact")
	}
	if leadPair(ms[0], ms[3], 0.2) {
		t.Error("lead figures of loosely related documents taken for one fact")
	}
	other := ms[3]
	other.topic = []topicTerm{{"ferry", 1}}
	if leadPair(ms[0], other, 0.5) {
		t.Error("lead figures sharing no word taken for one fact")
	}
	far := ms[3]
	far.val.lo, far.val.hi = 20e6, 20e6
	if leadPair(ms[0], far, 0.5) {
		t.Error("€52m and €20m taken for one figure misreported")
	}
}

// The markers that set a figure apart from the story's own: an earlier
// period's (earlierPeriod) or an expectation (expectedFigure).
func TestOtherPeriodMarkers(t *testing.T) {
	funcs := map[string]func(string, int, int) bool{"earlierPeriod": earlierPeriod, "expectedFigure": expectedFigure}
	tests := []struct {
		fn, text, value string
		want            bool
	}{
		{"earlierPeriod", "The airline carried 1.18 million passengers in November, up 13.6 percent from a year earlier.", "1.18 million", false},
		{"earlierPeriod", "It filled 86 percent of its seats, three points more than in November last year, when it carried 1.04 million people.", "1.04 million", true},
		{"earlierPeriod", "Twelve months ago, 12,930 people were on the list.", "12,930", true},
		{"earlierPeriod", "In the same period of 2025, when prices went wild, the average was $5,610 per tonne.", "$5,610", true},
		{"earlierPeriod", "Prices fell, when traders sold, and the average was $4,280 per tonne.", "$4,280", false},
		{"earlierPeriod", "Revenue rose to $4.1bn from $3.6bn.", "$3.6bn", true},
		{"earlierPeriod", "Revenue rose to $4.1bn from $3.6bn.", "$4.1bn", false},
		{"earlierPeriod", "The crowd of 23,415 beat the previous record of 19,800.", "19,800", true},
		{"earlierPeriod", "In the whole of last year the bank bought 34 tonnes.", "34 tonnes", true},
		{"earlierPeriod", "Four years ago, in 2022, only 57.9 percent went to the polls.", "57.9 percent", true},
		{"earlierPeriod", "On Sunday, in Ostrel, 61.4 percent voted.", "61.4 percent", false},
		{"earlierPeriod", "The tribunal set the rate at 14% of streaming revenue, from about 8% today.", "8%", true},
		{"earlierPeriod", "The tribunal set the rate at 14% of streaming revenue, from about 8% today.", "14%", false},
		{"earlierPeriod", "The fine is now €4.2m, from €2.5m in the first ruling.", "€2.5m", true},
		{"earlierPeriod", "It bought $3bn of goods from 12 countries.", "12", false},
		{"earlierPeriod", "Turnout was 61%. From 8% of polling stations no result came.", "8%", false},
		{"earlierPeriod", "It made a profit of $12m for last year and expects more.", "$12m", true},
		{"earlierPeriod", "Last year's haul of 34 tonnes was a record.", "34 tonnes", true},
		{"earlierPeriod", "The bank, which started buying last year, bought 18.4 tonnes in the first quarter.", "18.4 tonnes", false},
		{"earlierPeriod", "The crowd of 23,415 beat the previous record of 19,800.", "23,415", false},
		{"earlierPeriod", "The list now stands at 16,480, the board said on Tuesday.", "16,480", false},
		{"expectedFigure", "Analysts polled by the agency had on average expected net profit of $398 million.", "$398 million", true},
		{"expectedFigure", "Net profit was $468 million, comfortably beating the expectations of analysts.", "$468 million", false},
		{"expectedFigure", "Earnings of $2.10 a share topped the consensus forecast of $1.95.", "$1.95", true},
		{"expectedFigure", "Earnings of $2.10 a share topped the consensus forecast of $1.95.", "$2.10", false},
		{"expectedFigure", "The bridge is expected to cost $148 million and open in 2028.", "$148 million", false},
		{"expectedFigure", "Analysts expected revenue to fall, but it rose 4% to $14.6 billion.", "$14.6 billion", false},
		{"expectedFigure", "The peak came in just under that level despite a grid forecast of 91 GW.", "91 GW", true},
		{"expectedFigure", "Forecasters at the council had expected demand to climb to about 91,000 MW.", "91,000 MW", true},
		{"expectedFigure", "Demand set an all-time high of 89,412 MW on Tuesday.", "89,412 MW", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.value)
		if got := funcs[tt.fn](tt.text, i, i+len(tt.value)); got != tt.want {
			t.Errorf("%s(%q, %q) = %v, want %v", tt.fn, tt.text, tt.value, got, tt.want)
		}
	}
}

func TestPastYear(t *testing.T) {
	claim := func(text, published string, years ...string) *extract.Claim {
		c := &extract.Claim{Text: text, Published: published}
		for _, y := range years {
			i := strings.Index(text, y)
			c.Dates = append(c.Dates, extract.Date{Text: y, Value: y, Start: i, End: i + len(y)})
		}
		return c
	}
	tests := []struct {
		c     *extract.Claim
		value string
		want  bool
	}{
		{claim("The mill ran for a century until its closure in 2019 cost 520 jobs, the town said.", "2026-07-08T00:00:00Z", "2019"), "520 jobs", true},
		{claim("Net profit rose to 412 million euros in 2025, the grocer said.", "2026-03-05T00:00:00Z", "2025"), "412 million euros", false},
		{claim("Since 2019 the scheme has created 3,000 jobs.", "2026-07-08T00:00:00Z", "2019"), "3,000 jobs", false},
		{claim("The plant, which opened in 2019, will employ 180 people by 2028.", "2026-07-08T00:00:00Z", "2019", "2028"), "180 people", false},
		{claim("The closure in 2019 cost 520 jobs.", "", "2019"), "520 jobs", false}, // undated: no year to compare
		// A "when" clause takes the year of the clause it qualifies.
		{claim("The herd is a fifth larger than in 2022, when the last count put it at 12,300 animals.", "2026-03-24T00:00:00Z", "2022"), "12,300 animals", true},
		{claim("The herd now stands at 14,870 animals, when in 2022 the count found fewer.", "2026-03-24T00:00:00Z", "2022"), "14,870 animals", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.c.Text, tt.value)
		if got := pastYear(tt.c, i, i+len(tt.value)); got != tt.want {
			t.Errorf("pastYear(%q, %q) = %v, want %v", tt.c.Text, tt.value, got, tt.want)
		}
	}
}

// Dates that are no point of their own: years and months joined into a
// span (yearPair, monthSpan) and the years of a compared series
// (seriesYear). Each case gives its dates as text and ISO value.
func TestDateSpans(t *testing.T) {
	funcs := map[string]func(*extract.Claim, int) bool{"yearPair": yearPair, "seriesYear": seriesYear, "monthSpan": monthSpan}
	claim := func(text string, dates ...string) *extract.Claim {
		c := &extract.Claim{Text: text}
		for _, d := range dates {
			written, value, ok := strings.Cut(d, "=")
			if !ok {
				value = written
			}
			i := strings.Index(text, written)
			c.Dates = append(c.Dates, extract.Date{Text: written, Value: value, Start: i, End: i + len(written)})
		}
		return c
	}
	tests := []struct {
		fn   string
		c    *extract.Claim
		want bool
	}{
		{"yearPair", claim("Memories of the 2019-2020 invasion remain fresh.", "2019", "2020"), true},
		{"yearPair", claim("the worst since the years 2019 and 2020", "2019", "2020"), true},
		{"yearPair", claim("The line opens in 2031, a year after the 2030 target.", "2031", "2030"), false},
		{"seriesYear", claim("Serious incidents rose from 24 in 2024 to 31 in 2025.", "2024", "2025"), true},
		{"seriesYear", claim("Hospitals suffered 31 serious ransomware incidents in 2025, up from 24 the year before.", "2025"), true},
		{"seriesYear", claim("The 500 MW plant will open in 2031.", "2031"), false},
		{"seriesYear", claim("It will build 2,400 homes in 2027.", "2027"), false},
		{"monthSpan", claim("the gold bought from January to March", "January=2026-01", "March=2026-03"), true},
		{"monthSpan", claim("the report covering April-June", "April=2026-04", "June=2026-06"), true},
		{"monthSpan", claim("votes in March and June", "March=2026-03", "June=2026-06"), false},
		{"monthSpan", claim("holes drilled between August 2023 and December 2025", "August 2023=2023-08", "December 2025=2025-12"), true},
		{"monthSpan", claim("due in March, a year after 2025", "March=2026-03", "2025"), false},
	}
	for _, tt := range tests {
		if got := funcs[tt.fn](tt.c, 0); got != tt.want {
			t.Errorf("%s(%q) = %v, want %v", tt.fn, tt.c.Text, got, tt.want)
		}
	}
}

// The margin by which a record or a rival was beaten is another count
// than the level reached; a winner's margin is not read so.
func TestMarginOf(t *testing.T) {
	for _, tc := range []struct {
		text, value string
		want        bool
	}{
		{"The new peak surpassed the previous record of 37,105 MW, set in 2024, by more than 1,600 MW.", "1,600 MW", true},
		{"Arrivals topped last year's total by about 3,000 people.", "3,000 people", true},
		{"The peak of 38,742 MW beat the old record.", "38,742 MW", false},
		{"Okafor-Lund won by 24 votes.", "24 votes", false},
		{"Exports rose by 1,200 tonnes.", "1,200 tonnes", false},
	} {
		i := strings.Index(tc.text, tc.value)
		if got := marginOf(tc.text[:i]); got != tc.want {
			t.Errorf("marginOf(%q) = %v, want %v", tc.text[:i], got, tc.want)
		}
	}
}

func TestBareRoles(t *testing.T) {
	p := func(role, qual string) mention {
		return mention{kind: ValuePerson, val: mvalue{unit: role, qual: qual}}
	}
	if !bareRoles(p("minister", ""), p("minister", "brazil")) {
		t.Error(`"Minister Nguyen" taken for a rival of "Brazil's minister Renata Pires"`)
	}
	if bareRoles(p("trade minister", ""), p("minister", "brazil")) || bareRoles(p("minister", "vietnam"), p("minister", "brazil")) {
		t.Error("a qualified or a two-word title counted as bare")
	}
}

func TestAttribution(t *testing.T) {
	text := "Divers surveyed reefs across nine atolls between April 20 and May 21, the agency said."
	i := strings.Index(text, "May 21")
	a := attribution(text, span{i, i + len("May 21")})
	if got := text[a.start:a.end]; got != ", the agency said." {
		t.Errorf("attribution = %q", got)
	}
	text = "The agency said divers surveyed reefs until May 21."
	i = strings.Index(text, "May 21")
	if a := attribution(text, span{i, i + 6}); a.start >= 0 {
		t.Errorf("an opening attribution cut: %q", text[a.start:a.end])
	}
}

// A weekday contradicts another outlet's day only when the two surely
// name different days: a firm day or another weekday less than a week
// away, each resolved against a dated document.
func TestWeekdayAgainstDay(t *testing.T) {
	nan := math.NaN()
	day := func(lo float64) mention { return mention{kind: ValueDate, val: mvalue{lo: lo, hi: lo + 1}} }
	weekday := func(lo float64) mention {
		m := day(lo)
		m.weak, m.weekday = true, true
		return m
	}
	relative := func(lo float64) mention { // "this week", "yesterday"
		m := day(lo)
		m.weak = true
		return m
	}
	tests := []struct {
		name   string
		m, o   mention
		da, db float64
		want   bool
	}{
		{"weekday against a firm day two days off", weekday(100), day(102), 104, nan, true},
		{"the firm day first", day(102), weekday(100), nan, 104, true},
		{"weekday on the firm day", weekday(100), day(100), 104, nan, false},
		{"a week or more away", weekday(100), day(107), 104, nan, false},
		{"weekday of an undated document", weekday(100), day(102), nan, nan, false},
		{"two weekdays, different days", weekday(100), weekday(101), 104, 106, true},
		{"two weekdays, one day", weekday(100), weekday(100), 104, 106, false},
		{"two weekdays, one document undated", weekday(100), weekday(101), 104, nan, false},
		{"weekday against a relative date", weekday(100), relative(101), 104, 106, false},
	}
	for _, tt := range tests {
		if got := weekdayAgainstDay(tt.m, tt.o, tt.da, tt.db); got != tt.want {
			t.Errorf("%s: weekdayAgainstDay = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// An amount in parentheses after another in another currency is its
// conversion.
func TestConversions(t *testing.T) {
	tests := []struct {
		text string
		want []bool // converted, per money mention
	}{
		{"Orbit must invest 7.5 trillion rupiah ($460 million) over five years.", []bool{false, true}},
		{"Number: Rp 7.5 trillion over 5 years (approx. USD 460 million)", []bool{false, true}},
		{"Rp8.4tn (~US$515m) capex commitment", []bool{false, true}},
		{"The fund holds €2bn and $3bn.", []bool{false, false}},
		{"It paid $40m (and $12m in fees).", []bool{false, false}}, // one currency: no conversion
	}
	for _, tt := range tests {
		c := extract.Claim{Text: tt.text, Money: extract.FindMoney(tt.text)}
		var got []bool
		for _, m := range claimValues(&c) {
			if m.kind == ValueMoney {
				got = append(got, m.converted)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: converted %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A round figure given as a floor or a ceiling agrees with a precise one
// just past it; a toll "at least 36" and a figure as precise as the
// other stay figures.
func TestBoundAgrees(t *testing.T) {
	q := func(before string, v float64) mvalue { return mvalue{lo: v, hi: v, bound: boundOf(before)} }
	tests := []struct {
		name string
		a, b mvalue
		want bool
	}{
		{"more than 150 and 168", q("still has more than ", 150), q("", 168), true},
		{"just over 2,000 and 2,140", q("just over ", 2000), q("", 2140), true},
		{"nearly 2,000 and 1,950", q("nearly ", 2000), q("", 1950), true},
		{"more than 150 and 400", q("more than ", 150), q("", 400), false},
		{"more than 150 and 140", q("more than ", 150), q("", 140), false},
		{"nearly 2,000 and 2,050", q("nearly ", 2000), q("", 2050), false},
		{"at least 36 and 41: a toll", q("at least ", 36), q("", 41), false},
		{"over 168 is as precise as 170", q("over ", 168), q("", 170), false},
		{"past two thousand and 2,300", q("it's past ", 2000), q("", 2300), true},
		{"fewer than 500 and 470", q("fewer than ", 500), q("", 470), true},
		{"under 500 and 520", q("under ", 500), q("", 520), false},
		{"no hedge", q("", 150), q("", 168), false},
		{"'popover' is no hedge", q("the popover ", 150), q("", 168), false},
	}
	for _, tt := range tests {
		if got := boundAgrees(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: boundAgrees = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A results table's prior-year column is another period's figure.
func TestEarlierColumn(t *testing.T) {
	tests := []struct {
		text, value string
		want        bool
	}{
		{"Profit before tax; FY26: €84.6m; FY25: €97.2m; Change: -13.0%", "€97.2m", true},
		{"Profit before tax; FY26: €84.6m; FY25: €97.2m; Change: -13.0%", "€84.6m", false},
		{"Revenue; 2026: $3.1bn; 2025: $2.9bn", "$2.9bn", true},
		{"Passengers; H1 2025: 4.1 million; H1 2026: 4.6 million", "4.1 million", true},
		{"Sales; 2024/25: 12,400; 2025/26: 13,100", "12,400", true},
		{"Sales; 2024/25: 12,400; 2025/26: 13,100", "13,100", false},
		{"Stadium; Capacity: 45,000; Cost: $1.2bn", "45,000", false},
	}
	for _, tt := range tests {
		c := extract.Claim{Kind: extract.KindTableRow, Text: tt.text}
		if got := earlierColumn(&c, strings.Index(tt.text, tt.value)); got != tt.want {
			t.Errorf("earlierColumn(%q, %q) = %v, want %v", tt.text, tt.value, got, tt.want)
		}
	}
	if earlierColumn(&extract.Claim{Kind: extract.KindSentence, Text: "FY25: €97.2m; FY26: €84.6m"}, 6) {
		t.Error("a sentence is no table row")
	}
}

// Years contradict each other only as one milestone's target: both
// clauses about what starts, opens or is completed, a year or two apart,
// on the same side of the stories' own year.
func TestFirmYears(t *testing.T) {
	day := func(y int) float64 { return float64(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400) }
	year := func(y int, terms ...string) mention {
		m := mention{kind: ValueDate, val: mvalue{lo: day(y), hi: day(y + 1), prec: 3}}
		for _, t := range terms {
			m.topic = append(m.topic, topicTerm{t, 1})
		}
		return m
	}
	dated := func(y int, mo time.Month, d, prec int, terms ...string) mention {
		lo := float64(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
		m := mention{kind: ValueDate, val: mvalue{lo: lo, hi: lo + 1, prec: prec}}
		for _, t := range terms {
			m.topic = append(m.topic, topicTerm{t, 1})
		}
		return m
	}
	pub := day(2026) + 80
	nan := math.NaN()
	tests := []struct {
		name   string
		m, o   mention
		da, db float64
		want   bool
	}{
		{"completion in 2031 and 2032", year(2031, "complete", "line"), year(2032, "complete", "rail"), pub, pub, true},
		{"opening this year and next", year(2026, "open"), year(2027, "open"), pub, pub, true},
		{"a past start and a coming one", year(2024, "start", "operat"), year(2026, "start", "construct"), pub, pub, false},
		{"years of no milestone", year(2031, "budget"), year(2032, "budget"), pub, pub, false},
		{"first deliveries in 2028 and 2029", year(2028, "deliver", "ship"), year(2029, "deliver"), pub, pub, true},
		{"three years apart", year(2029, "complete"), year(2032, "complete"), pub, pub, false},
		{"an undated story", year(2031, "complete"), year(2032, "complete"), nan, pub, false},
		// A day and a month of one milestone, a year apart.
		{"a completion day and month a year apart", dated(2027, 11, 30, 0, "complete"), dated(2028, 11, 1, 1, "complete"), pub, pub, true},
		{"completion days a year apart", dated(2027, 11, 30, 0, "complete"), dated(2028, 11, 30, 0, "complete"), pub, pub, true},
		{"a day and a month of no milestone", dated(2027, 11, 30, 0, "budget"), dated(2028, 11, 1, 1, "budget"), pub, pub, false},
		{"a day and a month in other months", dated(2027, 11, 30, 0, "complete"), dated(2028, 10, 1, 1, "complete"), pub, pub, false},
	}
	for _, tt := range tests {
		if got := firmDates(tt.m, tt.o, false, tt.da, tt.db); got != tt.want {
			t.Errorf("%s: firmDates = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCountsNoTotal: a count of the others or of more is no total
// (countOfRest); places counted as where something happens are no fact to
// dispute, places counted as actors are (scopeCount).
func TestCountsNoTotal(t *testing.T) {
	funcs := map[string]func(string, extract.Quantity) bool{"countOfRest": countOfRest, "scopeCount": scopeCount}
	tests := []struct {
		fn, text, figure string
		want             bool
	}{
		{"countOfRest", "Bravia has run the airport and eight other airports in the South since 2022.", "eight other airports", true},
		{"countOfRest", "Rescuers brought out another 12 workers overnight.", "12 workers", true},
		{"countOfRest", "Officials confirmed 21 more deaths on Friday.", "21 more deaths", true},
		{"countOfRest", "A further 300 homes were evacuated.", "300 homes", true},
		{"countOfRest", "The union wants a timetable for recruiting the missing 340 controllers.", "340 controllers", true},
		{"countOfRest", "Talks continue over the remaining 12 hostages.", "12 hostages", true},
		{"countOfRest", "Searchers found 340 missing climbers.", "340 missing climbers", false},
		{"countOfRest", "The company operates nine airports in southern Brazil.", "nine airports", false},
		{"countOfRest", "Twelve workers were rescued, and more are trapped.", "Twelve workers", false},
		{"scopeCount", "It has delivered more than 300 helicopters to customers in 22 countries.", "22 countries", true},
		{"scopeCount", "About 640 exhibitors from 27 countries are here this year.", "27 countries", true},
		{"scopeCount", "The chain runs stores across 12 states.", "12 states", true},
		{"scopeCount", "The declaration was signed by 14 countries.", "14 countries", false},
		{"scopeCount", "Sixteen countries signed the declaration.", "Sixteen countries", false},
		{"scopeCount", "Delegates from 17 delegations attended.", "17 delegations", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.figure)
		q := extract.Quantity{Text: tt.figure, Start: i, End: i + len(tt.figure)}
		if got := funcs[tt.fn](tt.text, q); got != tt.want {
			t.Errorf("%s(%q, %q) = %v, want %v", tt.fn, tt.text, tt.figure, got, tt.want)
		}
	}
}

// A day written without its year ("until April 14") keys a story once the
// document's publication day gives the year; without that day the year
// is a guess and keys nothing.
func TestProfileYearlessDay(t *testing.T) {
	text := "The exclusion now runs until April 14, the health unit said."
	i := strings.Index(text, "April 14")
	mk := func(published string) Profile {
		return NewProfile([]extract.Claim{{ID: "a", DocID: "d", Text: text, Kind: extract.KindSentence, Published: published,
			Dates: []extract.Date{{Text: "April 14", Value: "2026-04-14", Start: i, End: i + len("April 14")}}}})
	}
	has := func(p Profile) bool {
		return slices.ContainsFunc(p.Keys, func(k Key) bool { return k.Term == "v:date:2026-04-14" })
	}
	if p := mk("2026-03-25"); !has(p) {
		t.Errorf("dated document: keys %v lack the day", p.Keys)
	}
	if p := mk(""); has(p) {
		t.Errorf("undated document: keys %v hold a guessed day", p.Keys)
	}
}

// Outlets giving different tallies of one vote, different death tolls a
// day apart, or different prison terms, disagree, however small the counts, in reports
// alike enough for any conflict; other small counts there do not.
func TestSmallTallies(t *testing.T) {
	count := countMention
	day := float64(20600)
	tests := []struct {
		name  string
		a, b  mention
		apart float64 // days between the two reports
		want  bool
	}{
		{"six and seven members voting", count(6, "member", "vot", "cut"), count(7, "member", "vot", "cut"), 0, true},
		{"21 and 18 votes in favour", count(21, "vote", "#vote", "favour"), count(18, "vote", "#vote", "favour"), 0, true},
		{"six and three: two sides", count(6, "member", "vot"), count(3, "member", "vot"), 0, false},
		{"six and seven injured", count(6, "people", "injur"), count(7, "people", "injur"), 0, false},
		{"14 and 17 killed the next day", count(14, "worker", "kill", "explosion"), count(17, "people", "kill", "blast"), 1, true},
		{"14 and 17 killed three days apart: a toll that rose", count(14, "worker", "kill", "explosion"), count(17, "people", "kill", "blast"), 3, false},
		{"nine and 11 years in prison", count(9, "year", "sentenc", "mayor"), count(11, "year", "prison", "behind"), 0, true},
		{"nine years imposed, 12 asked: apart", count(9, "year", "sentenc", "mayor"), count(12, "year", "prison", "ask"), 0, false},
		{"nine and 11 years of office", count(9, "year", "serv", "mayor"), count(11, "year", "serv", "mayor"), 0, false},
	}
	for _, tt := range tests {
		if got := mayConflict(tt.a, tt.b, 0.25, 0.5, day, day+tt.apart, Options{ConflictThreshold: 0.18}); got != tt.want {
			t.Errorf("%s: mayConflict = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A list set off between a subject and its copula keeps the subject's
// words in the topic of the figure the copula gives.
func TestTopicAcrossSetOffList(t *testing.T) {
	list := "The airline's preliminary estimate of the cost of the strike, including refunds, rebooking on other carriers, hotel vouchers and lost ticket sales, was €5.4 million."
	if w := topicWeight(list, "€5.4 million", "cost"); w < 0.5 {
		t.Errorf("cost weighs %.2f in %q, want the subject's weight", w, list)
	}
	// Without a copula, the words before a list stay far.
	plain := "The strike hit the airline's costs, refunds, rebooking on other carriers, hotel vouchers and lost ticket sales, and €5.4 million in fares."
	if w := topicWeight(plain, "€5.4 million", "cost"); w >= 0.5 {
		t.Errorf("cost weighs %.2f in %q, want it far", w, plain)
	}
}

// What a deal is worth is its value: one topic term.
func TestWorthIsValue(t *testing.T) {
	for _, w := range []string{"worth", "valued", "valuation"} {
		if a, b := normWord(w), normWord("value"); a != b {
			t.Errorf("normWord(%q) = %q, value gives %q", w, a, b)
		}
	}
}

// Ships and vessels are one unit and one topic word: "14 ships waiting"
// and "14 vessels at anchor" count one thing.
func TestVesselsAreShips(t *testing.T) {
	if a, b := unitKey("vessels"), unitKey("ships"); a != b {
		t.Errorf("unitKey: vessels %q, ships %q", a, b)
	}
	if a, b := normWord("vessel"), normWord("ship"); a != b {
		t.Errorf("normWord: vessel %q, ship %q", a, b)
	}
}

// Who was "aboard" a ship was "on board" it: both give one term.
func TestTopicAboardOnBoard(t *testing.T) {
	for _, text := range []string{
		"The ferry had 143 people aboard when it struck the rocks.",
		"There were 143 people on board when the ferry struck the rocks.",
	} {
		if w := topicWeight(text, "143 people", normWord("board")); w < 0.5 {
			t.Errorf("board weighs %.2f in %q, want it near", w, text)
		}
	}
}

// A relative clause set off by commas does not push the verb after it
// away from a fronted figure; the clause's own words stay far.
func TestTopicPastAside(t *testing.T) {
	aside := "By the end of 2029 the plant, which has employed half the valley for more than three decades, is to close its gates."
	if w := topicWeight(aside, "2029", normWord("close")); w < 0.5 {
		t.Errorf("close weighs %.2f in %q, want the main verb near", w, aside)
	}
	if w := topicWeight(aside, "2029", normWord("valley")); w >= 0.5 {
		t.Errorf("valley weighs %.2f in %q, want the aside far", w, aside)
	}
	// A clause that holds the value is its own clause, not an aside.
	own := "The plant, which opened in 1994, employs half the valley."
	if w := topicWeight(own, "1994", normWord("opened")); w < 0.5 {
		t.Errorf("opened weighs %.2f in %q, want it near", w, own)
	}
}

// The words outlets date an incident with reach incidentWords through
// the topic's stemmer and synonyms, so that "the night of the
// explosion" and "the day four miners died" share the incident's term.
func TestIncidentWords(t *testing.T) {
	for _, w := range []string{"incident", "accident", "blast", "explosion", "exploded", "fire", "blaze", "crashed",
		"collapsed", "poisoning", "outbreak", "attack", "died", "killed", "derailed", "capsized", "sank"} {
		if term := normWord(w); !incidentWords[term] {
			t.Errorf("%q gives the topic term %q, not an incident's", w, term)
		}
	}
	topic := incidentTerm([]topicTerm{{"night", 1}, {"explosion", 0.6}})
	if !slices.Contains(topic, topicTerm{"#incident", 0.6}) {
		t.Errorf("incidentTerm = %v, want #incident at the explosion's weight", topic)
	}
	if topic := incidentTerm([]topicTerm{{"explosion", 0.2}}); len(topic) != 1 {
		t.Errorf("a far incident word gave %v", topic)
	}
}

// The two days of a span are its start and its end; days listed with
// "and" outside "between" are no span; a day a period runs from is a
// start.
func TestRangeEnd(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The campaign will run from April 20 to May 3, 2026.", []string{"start", "complete"}},
		{"It was due at the estate from Friday 10 July to Sunday 12 July, 2026.", []string{"start", "complete"}},
		{"Voting takes place between 1 and 14 June 2026.", []string{"start", "complete"}},
		{"Hearings were held on 3 May and 5 June 2026.", []string{"", ""}},
		{"The group holds the rights for five years from July 1, 2026.", []string{"start"}},
		{"New fares apply with effect from 1 August 2026.", []string{"start"}},
		{"The discount is available starting on Monday, 6 April 2026.", []string{"start"}},
		{"The rights were awarded on July 1, 2026.", []string{""}},
	} {
		doc, err := corpus.Clean("span.txt", []byte(tc.text+"\n"), corpus.Options{Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		cs := x.Claims(doc)
		if len(cs) != 1 || len(cs[0].Dates) != len(tc.want) {
			t.Fatalf("%q: claims %v, want one with %d dates", tc.text, cs, len(tc.want))
		}
		for i, w := range tc.want {
			if got := rangeEnd(&cs[0], i); got != w {
				t.Errorf("%q: date %q is %q, want %q", tc.text, cs[0].Dates[i].Text, got, w)
			}
		}
	}
}

// A figure for the world, one for a country and one for a region are
// three facts; a figure with no reach said may be any of them.
func TestScopeOfFigure(t *testing.T) {
	staff := func(v float64, reach ...string) mention {
		terms := []string{normWord("employ"), "#people"}
		for _, w := range reach {
			terms = append(terms, normWord(w))
		}
		return countMention(v, "people", terms...)
	}
	day := float64(20600)
	tests := []struct {
		name string
		a, b mention
		want bool
	}{
		{"worldwide against across the county", staff(21000, "worldwide"), staff(9000, "county"), false},
		{"nationwide against regional", staff(21000, "nationwide"), staff(18000, "regional"), false},
		{"worldwide against no reach", staff(21000, "worldwide"), staff(23000), true},
		{"both worldwide", staff(21000, "worldwide"), staff(23000, "globally"), true},
	}
	for _, tt := range tests {
		if got := mayConflict(tt.a, tt.b, 0.5, 0.5, day, day, Options{ConflictThreshold: 0.18}); got != tt.want {
			t.Errorf("%s: mayConflict = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A size written as a compound modifier still states the thing's size
// ("the 870-megawatt reactor"); a duration or an inch figure so written
// names which thing is meant ("a 10-year plan", "the 16-inch model").
func TestCompoundModifierWeak(t *testing.T) {
	tests := []struct {
		text, figure, unit string
		value              float64
		weak               bool
	}{
		{"The 870-megawatt reactor could meet the standards.", "870-megawatt", "MW", 870, false},
		{"Six 174,000-cubic-metre carriers were ordered.", "174,000-cubic-metre", "cubic m", 174000, false},
		{"The 10-year plan was approved.", "10-year", "years", 10, true},
		{"The 16-inch model sold out.", "16-inch", "inches", 16, true},
		{"The reactor has a capacity of 870 MW.", "870 MW", "MW", 870, false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.figure)
		c := extract.Claim{ID: "c", DocID: "d", Text: tt.text, Kind: extract.KindSentence,
			Quantities: []extract.Quantity{{Text: tt.figure, Value: tt.value, Unit: tt.unit, Start: i, End: i + len(tt.figure)}}}
		ms := claimMentions(&c, nil)
		if len(ms) != 1 {
			t.Errorf("%q: %d mentions, want 1", tt.text, len(ms))
			continue
		}
		if ms[0].weak != tt.weak {
			t.Errorf("%q: weak = %v, want %v", tt.text, ms[0].weak, tt.weak)
		}
	}
}

// A list's length counts the people or things on it.
func TestListCounts(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"list", "people", true},
		{"queu", "list", true},
		{"backlog", "people", true},
		{"list", "tonn", false},
		{"unit", "people", false},
		// "Hospital admissions: 540" counts the people admitted.
		{unitKey("admissions"), unitKey("patients"), true},
		{unitKey("hospitalisations"), unitKey("people"), true},
	} {
		if got := unitsMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("unitsMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// A count of the dead and a count of those who came out alive are two
// facts of one story; the nearer word decides a clause that has both.
func TestFateOfCount(t *testing.T) {
	count := func(v float64, topic ...topicTerm) mention {
		return mention{kind: ValueQuantity, val: mvalue{lo: v, hi: v, unit: "skier"}, topic: append([]topicTerm{{"#skier", 1}}, topic...)}
	}
	day := float64(20600)
	tests := []struct {
		name string
		a, b mention
		want bool
	}{
		{"died against dug out alive", count(3, topicTerm{"kill", 1}), count(4, topicTerm{"aliv", 0.8}, topicTerm{"kill", 0.6}), false},
		{"died against died", count(3, topicTerm{"kill", 1}), count(4, topicTerm{"kill", 0.8}), true},
		{"survivors against survivors", count(3, topicTerm{"surviv", 1}), count(4, topicTerm{"aliv", 0.9}), true},
	}
	for _, tt := range tests {
		if got := mayConflict(tt.a, tt.b, 0.5, 0.5, day, day, Options{ConflictThreshold: 0.18}); got != tt.want {
			t.Errorf("%s: mayConflict = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A survey's size is another fact than the count of such people; a
// candidate who "polled" votes won them.
func TestSampleOf(t *testing.T) {
	for _, tc := range []struct {
		before string
		want   bool
	}{
		{"A survey of ", true},
		{"A poll of about ", true},
		{"The institute surveyed ", true},
		{"Birungi polled ", false},
		{"The university took in ", false},
	} {
		if got := sampleOf(tc.before); got != tc.want {
			t.Errorf("sampleOf(%q) = %v, want %v", tc.before, got, tc.want)
		}
	}
}

// Another candidate's votes beside the winner's are no rival for the
// winner's count in another outlet; an unnamed figure of one topic is.
func TestAmbiguousTopicSubjects(t *testing.T) {
	vec := topicVec{terms: []int32{1}, w: []float32{1}}
	votes := func(doc int, v float64, subjects ...string) mention {
		return mention{kind: ValueQuantity, doc: doc, val: mvalue{lo: v, hi: v, unit: "vote"}, vec: vec, subjects: subjects}
	}
	m := votes(0, 45286, "agnieszka wilczynska-bor")
	o := votes(1, 41286, "agnieszka wilczynska-bor")
	rival := votes(0, 38112, "marek sowa")
	ms := []mention{m, o, rival}
	byDoc := map[int][]int{0: {0, 2}, 1: {1}}
	if ambiguousTopic(ms, byDoc, m, o, 0.18) {
		t.Error("the runner-up's votes made the winner's ambiguous")
	}
	ms[2] = votes(0, 38112)
	if !ambiguousTopic(ms, byDoc, m, o, 0.18) {
		t.Error("an unnamed count of one topic did not make the winner's ambiguous")
	}
}

// A date of another milestone in the same sentence ("begin in September,
// with completion by November 2028") is no rival for a completion date.
func TestAmbiguousTopicMilestones(t *testing.T) {
	vec := topicVec{terms: []int32{1}, w: []float32{1}}
	date := func(doc int, lo float64, term string) mention {
		return mention{kind: ValueDate, doc: doc, val: mvalue{lo: lo, hi: lo + 30, prec: 1}, vec: vec, topic: []topicTerm{{term, 1}}}
	}
	m := date(0, 21489, "complete") // November 2028
	o := date(1, 21152, "complete") // 30 November 2027
	ms := []mention{m, o, date(0, 20697, "start")}
	byDoc := map[int][]int{0: {0, 2}, 1: {1}}
	if ambiguousTopic(ms, byDoc, m, o, 0.18) {
		t.Error("a start date made a completion date ambiguous")
	}
	ms[2] = date(0, 20697, "complete")
	if !ambiguousTopic(ms, byDoc, m, o, 0.18) {
		t.Error("a second completion date did not make the first ambiguous")
	}
}

// A range of counts is one estimate; a change between two counts, or a
// dashed pair, is not.
func TestQuantityRanges(t *testing.T) {
	q := func(text, span string, v float64, unit string) extract.Quantity {
		i := strings.Index(text, span)
		return extract.Quantity{Text: span, Value: v, Unit: unit, Start: i, End: i + len(span)}
	}
	tests := []struct {
		text   string
		a, b   [2]string // span and unit of each count
		va, vb float64
		want   []string
	}{
		{"It would delay between 8,000 and 10,000 outpatient appointments.", [2]string{"8,000", ""}, [2]string{"10,000 outpatient appointments", "appointments"},
			8000, 10000, []string{"8000-10000 appointments"}},
		{"Some 8,000 to 10,000 appointments would go.", [2]string{"8,000", ""}, [2]string{"10,000 appointments", "appointments"},
			8000, 10000, []string{"8000-10000 appointments"}},
		{"Appointments rose from 8,000 to 10,000 appointments.", [2]string{"8,000", ""}, [2]string{"10,000 appointments", "appointments"},
			8000, 10000, []string{"8000 ", "10000 appointments"}},
		{"Efficacy was 71% (95% CI: 60%–79%).", [2]string{"60%", "%"}, [2]string{"79%", "%"},
			60, 79, []string{"60 %", "79 %"}},
		{"It sold 8,000 cars and 10,000 vans.", [2]string{"8,000 cars", "cars"}, [2]string{"10,000 vans", "vans"},
			8000, 10000, []string{"8000 cars", "10000 vans"}},
	}
	for _, tt := range tests {
		c := extract.Claim{Text: tt.text, Quantities: []extract.Quantity{q(tt.text, tt.a[0], tt.va, tt.a[1]), q(tt.text, tt.b[0], tt.vb, tt.b[1])}}
		var got []string
		for _, m := range claimValues(&c) {
			if m.kind == ValueQuantity {
				got = append(got, m.val.text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: quantities %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A count given per period is a flow: only another count per the same
// period compares with it.
func TestRateOf(t *testing.T) {
	tests := []struct {
		text, count, want string
	}{
		{"The buses carry about 22,000 people a day.", "22,000 people", "day"},
		{"Households will be limited to 160 litres per person per day.", "160 litres", "day"},
		{"Each person may use 160 litres per person, per day.", "160 litres", "day"},
		{"The line will carry 38,000 daily passengers.", "38,000", "day"},
		{"The line will carry 38,000 passengers daily.", "38,000 passengers", "day"},
		{"The plant makes 40,000 tonnes a year on average.", "40,000 tonnes", "year"},
		{"The district has some 41,000 residents.", "41,000 residents", ""},
		{"The district has 41,000 residents, a quarter of them children.", "41,000 residents", ""},
		{"It cut 300 jobs a day after the vote.", "300 jobs", ""},
		{"Sales reached 5,000 units a year earlier.", "5,000 units", ""},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.count)
		if got := rateOf(tt.text, i, i+len(tt.count)); got != tt.want {
			t.Errorf("rateOf(%q, %q) = %q, want %q", tt.text, tt.count, got, tt.want)
		}
	}
}

// A figure given as a target, a goal or a standard is another fact than
// the figure reached.
func TestTargetFigure(t *testing.T) {
	tests := []struct {
		text, figure string
		want         bool
	}{
		{"The service is supposed to reach 80% of its calls within 18 minutes.", "80%", true},
		{"The standard set by the regional health council is 80 per cent.", "80 per cent", true},
		{"Crews reached 61% of calls in 2025 (the goal is 80%).", "80%", true},
		{"The region set an 80% target for next year.", "80%", true},
		{"Crews reached 61% of calls in 2025 (the goal is 80%).", "61%", false},
		{"Ambulances reached only 61% of calls within the 18-minute target last year.", "61%", false},
		{"The fund reached its target of $2bn in March.", "$2bn", true},
		{"The company aims to cut 20% of its workforce.", "20%", true},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.figure)
		if got := targetFigure(tt.text, i, i+len(tt.figure)); got != tt.want {
			t.Errorf("targetFigure(%q, %q) = %v, want %v", tt.text, tt.figure, got, tt.want)
		}
	}
}
