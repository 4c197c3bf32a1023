package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testEnt declares an entity for attribution tests: every occurrence of
// Surface in a sentence is a mention of Canonical with type Type.
type testEnt struct {
	Surface, Type, Canonical string
}

// refsFor splits a block into sentences and marks the declared entities in
// each, as the NER would.
func refsFor(block string, decl []testEnt) []sentenceRef {
	var refs []sentenceRef
	for _, sp := range splitSentences(block) {
		text := block[sp.Start:sp.End]
		var ents []Entity
		for _, d := range decl {
			from := 0
			for {
				i := strings.Index(text[from:], d.Surface)
				if i < 0 {
					break
				}
				s := from + i
				ents = append(ents, Entity{Text: d.Surface, Type: d.Type, Canonical: d.Canonical, Start: s, End: s + len(d.Surface)})
				from = s + len(d.Surface)
			}
		}
		refs = append(refs, sentenceRef{Text: text, Off: sp.Start, Ents: ents})
	}
	return refs
}

var quoteTestEnts = []testEnt{
	{"Lina Ortiz", Person, "Lina Ortiz"},
	{"Ortiz", Person, "Lina Ortiz"},
	{"Okafor", Person, "Chidi N. Okafor"},
	{"Hana Vos", Person, "Hana Vos"},
	{"Vos", Person, "Hana Vos"},
	{"Mark Eldin", Person, "Mark Eldin"},
	{"Paul Adeyemi", Person, "Paul Adeyemi"},
	{"Northern River Commission", Org, "Northern River Commission"},
	{"Norway", GPE, "Norway"},
	{"Tarnby", GPE, "Tarnby"},
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name string
		// blocks are attributed in order with one tracker; only the last
		// block's result is compared.
		blocks []string
		want   []attribution
	}{
		{
			name:   "after the quote, verb first, with title",
			blocks: []string{"“The bridge will reopen in March after repairs,” said Mayor Lina Ortiz during a briefing."},
			want:   []attribution{{"Lina Ortiz", true}},
		},
		{
			name:   "after the quote, canonical name from a surname",
			blocks: []string{"“We have not received a single payment this year,” said Envoy Okafor."},
			want:   []attribution{{"Chidi N. Okafor", true}},
		},
		{
			name:   "after the quote, subject first",
			blocks: []string{"“Prices will stabilise by the summer,” Okafor said on Monday."},
			want:   []attribution{{"Chidi N. Okafor", true}},
		},
		{
			name:   "straight quotes",
			blocks: []string{`"We will not sign this deal," Ortiz told the council.`},
			want:   []attribution{{"Lina Ortiz", true}},
		},
		{
			name:   "before the quote",
			blocks: []string{"Ortiz told reporters: “The budget leaves no room for new hires.”"},
			want:   []attribution{{"Lina Ortiz", true}},
		},
		{
			name:   "quote spanning two sentences",
			blocks: []string{"“The harvest was poor this year. We will need imports before winter,” said Minister Hana Vos. Farmers agreed."},
			want:   []attribution{{"Hana Vos", true}, {"Hana Vos", true}, {"", false}},
		},
		{
			name: "pronoun resolved to the last named person",
			blocks: []string{
				"Hana Vos met farmers in Tarnby on Tuesday.",
				"“Nobody here expected a drought this long,” she said.",
			},
			want: []attribution{{"Hana Vos", true}},
		},
		{
			name: "pronoun prefers the previous speaker over a person named later",
			blocks: []string{
				"Vos, in remarks echoing Ortiz, described the harvest as the worst in a decade. He stressed that imports would rise.",
			},
			want: []attribution{{"Hana Vos", false}, {"Hana Vos", false}},
		},
		{
			name:   "according to an organisation, reported",
			blocks: []string{"The reservoir holds 40 million cubic metres, according to the Northern River Commission."},
			want:   []attribution{{"Northern River Commission", false}},
		},
		{
			name:   "according to a person, direct",
			blocks: []string{"“Repairs cost far more than anyone planned,” according to Ortiz."},
			want:   []attribution{{"Lina Ortiz", true}},
		},
		{
			name:   "according to unnamed people",
			blocks: []string{"Ortiz has no plan to resign, according to several people familiar with the talks."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "reported speech with adverb",
			blocks: []string{"Ministry spokesman Paul Adeyemi also said the talks would resume in May."},
			want:   []attribution{{"Paul Adeyemi", false}},
		},
		{
			name: "appositive subject and pronoun follow-up",
			blocks: []string{
				"Separately, the region’s top economist, Mark Eldin, warned that prices could rise. He added that wages were flat.",
			},
			want: []attribution{{"Mark Eldin", false}, {"Mark Eldin", false}},
		},
		{
			name:   "joint speakers give the first",
			blocks: []string{"In a joint statement, Ortiz and Vos said the levee would hold."},
			want:   []attribution{{"Lina Ortiz", false}},
		},
		{
			name:   "subject before an appositive description",
			blocks: []string{"Paul Adeyemi, the ministry spokesman, said the ban would end."},
			want:   []attribution{{"Paul Adeyemi", false}},
		},
		{
			name:   "unnamed subjects give no speaker",
			blocks: []string{"Officials said the road would close. Participants stressed the timelines."},
			want:   []attribution{{"", false}, {"", false}},
		},
		{
			name:   "object of the verb is not its speaker",
			blocks: []string{"Analysts said Ortiz was wrong about the budget."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "a place is not a speaker",
			blocks: []string{"Norway said it would pay for the new ferry."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "quoted phrase is reported speech, not a direct quote",
			blocks: []string{"The plan creates so-called “green corridors” along the coast, Ortiz said."},
			want:   []attribution{{"Lina Ortiz", false}},
		},
		{
			name:   "unattributed quote",
			blocks: []string{"“This is the end of an era for the town,” read a sign at the gate."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "pronoun without anyone named",
			blocks: []string{"“We are ready for the storm season,” he said."},
			want:   []attribution{{"", false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tr speakerTracker
			var got []attribution
			for _, b := range tt.blocks {
				got = tr.attributeBlock(b, refsFor(b, quoteTestEnts))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("attribution mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuoteSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"curly", "He said “yes, we will” and left.", []string{"“yes, we will”"}},
		{"straight", `A "big" day and "another one"`, []string{`"big"`, `"another one"`}},
		{"inches are not quotes", `A 12" pipe and "a quote"`, []string{`"a quote"`}},
		{"left open runs to the end", "“We will continue. Next", []string{"“We will continue. Next"}},
		{"guillemets", "Il a dit «non merci» hier.", []string{"«non merci»"}},
		{"none", "Plain text.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range quoteSpans(tt.text) {
				got = append(got, tt.text[q.Start:q.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("quoteSpans(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
