package extract

import (
	"slices"
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
		// In text order, as the recogniser gives them.
		slices.SortStableFunc(ents, func(a, b Entity) int { return a.Start - b.Start })
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
	{"Harriet Kyomugisha-Odongo", Person, "Harriet Kyomugisha-Odongo"},
	{"Electoral Commission", Org, "Electoral Commission"},
	{"Northern River Commission", Org, "Northern River Commission"},
	{"Norway", GPE, "Norway"},
	{"Kestrel Institute", Org, "Kestrel Institute"},
	{"Browns DL Sheldon Richardson", Person, "Browns DL Sheldon Richardson"},
	{"Tarnby", GPE, "Tarnby"},
	{"Harbour Row", Person, "Harbour Row"}, // a street the recogniser takes for a name
	{"Dolnow", Person, "MPK Dolnow"},       // a town taken for the firm named after it
	{"Joanna Kowalska-Nowak", Person, "Joanna Kowalska-Nowak"},
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name string
		// blocks are attributed in order with one tracker; only the last
		// block's result is compared. A block starting with "> " is a
		// blockquote.
		blocks []string
		want   []attribution
	}{
		{
			name:   "after the quote, verb first, with title",
			blocks: []string{"“The bridge will reopen in March after repairs,” said Mayor Lina Ortiz during a briefing."},
			want:   []attribution{{"Lina Ortiz", true}},
		},
		{
			name:   "the minister named before with an initial",
			blocks: []string{"Touring the harbour, Harbour Minister J. Mark Eldin urged patience. “Stay off the pier until the storm has passed,” the minister said."},
			want:   []attribution{{"Mark Eldin", false}, {"Mark Eldin", true}},
		},
		{
			name:   "an organisation qualifying the speaker's title",
			blocks: []string{"“The harbour will stay open all winter,” said Kestrel Institute president Mark Eldin."},
			want:   []attribution{{"Mark Eldin", true}},
		},
		{
			name:   "a name the recogniser misses, known by its apposition",
			blocks: []string{"“Today the harbour became a launch site for the whole coast,” said Even Dahl, the company's chief engineer, after the test."},
			want:   []attribution{{"Even Dahl", true}},
		},
		{
			name:   "after the quote, canonical name from a surname",
			blocks: []string{"“We have not received a single payment this year,” said Envoy Okafor."},
			want:   []attribution{{"Chidi N. Okafor", true}},
		},
		{
			name:   "a quotation named in the next sentence of its paragraph",
			blocks: []string{"18:42 — “No ferry will sail until every hull has been checked.” That's Kestrel Institute director Mark Eldin, speaking outside the office."},
			want:   []attribution{{"Mark Eldin", true}, {"Mark Eldin", false}},
		},
		{
			name:   "a quotation named after a dash, as live blogs do",
			blocks: []string{"12:02pm — “We were ready for the wind, but not for the water.” — that was Mark Eldin, the disaster chief, at the noon briefing."},
			want:   []attribution{{"Mark Eldin", true}, {"", false}},
		},
		{
			name:   "a colon intro that says whom the words come from",
			blocks: []string{"The quote of the morning, from harbour master Mark Eldin: “Every plank will be replaced.”"},
			want:   []attribution{{"Mark Eldin", true}},
		},
		{
			name:   "from a body is no speaker",
			blocks: []string{"The figures from the Electoral Commission show a fall: “Numbers are down.”"},
			want:   []attribution{{"", false}},
		},
		{
			name:   "the next sentence is no naming",
			blocks: []string{"18:50 — “We will appeal.” That is not what Mark Eldin expected."},
			want:   []attribution{{"", false}, {"", false}},
		},
		{
			name:   "after the quote, subject first",
			blocks: []string{"“Prices will stabilise by the summer,” Okafor said on Monday."},
			want:   []attribution{{"Chidi N. Okafor", true}},
		},
		{
			name: "a pronoun after the person its sentence opened with",
			blocks: []string{
				"“We will not sign this deal,” Okafor said.",
				"Ortiz is the architect of the plan, and she has said she wants fares “people can afford”.",
			},
			want: []attribution{{"Lina Ortiz", false}},
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
			name:   "a reporting participle takes the sentence's subject, not the name after it",
			blocks: []string{"Race director Hana Vos defended the route, saying the Verlaine descent had been inspected twice."},
			want:   []attribution{{"Hana Vos", false}},
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
			name:   "a country as subject speaks through its government",
			blocks: []string{"Norway said it would pay for the new ferry."},
			want:   []attribution{{"Norway", false}},
		},
		{
			name:   "a plural noun after a place is not a verb",
			blocks: []string{"Ferries link Norway states and islands along the coast every day."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "a capitalised reporting word is part of a name",
			blocks: []string{"The photo, provided by the Norway State Archive, shows the old harbour."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "subject before an appositive naming an organisation",
			blocks: []string{"“Prices will fall next year,” Mark Eldin, the chief economist of the Northern River Commission, said on Friday."},
			want:   []attribution{{"Mark Eldin", true}},
		},
		{
			name:   "a title and its body, then the name set off by a comma",
			blocks: []string{"“The count was free and fair,” said the Chairperson of the Electoral Commission, Justice Harriet Kyomugisha-Odongo."},
			want:   []attribution{{"Harriet Kyomugisha-Odongo", true}},
		},
		{
			name:   "a title and its body typed a person, then the name",
			blocks: []string{"“The estate was built without a tram,” said the Mayor of Dolnow, Joanna Kowalska-Nowak."},
			want:   []attribution{{"Joanna Kowalska-Nowak", true}},
		},
		{
			name:   "subject before descriptions ending with a place",
			blocks: []string{"“The data surprised us,” Hana Vos, a researcher at the Kestrel Institute in Tarnby, Norway, and author of the study, said."},
			want:   []attribution{{"Hana Vos", true}},
		},
		{
			name:   "a further quote in the paragraph keeps the speaker",
			blocks: []string{"“The ferry will run again in May,” said Hana Vos. “Tickets will cost the same as last year.”"},
			want:   []attribution{{"Hana Vos", true}, {"Hana Vos", true}},
		},
		{
			name:   "a person named between two quotes takes the word",
			blocks: []string{"“The ferry will run again in May,” said Hana Vos. Mark Eldin was less sure. “Nobody has seen the timetable yet.”"},
			want:   []attribution{{"Hana Vos", true}, {"", false}, {"", false}},
		},
		{
			name: "a continued quote does not pass to a person named after it",
			blocks: []string{
				"“The ferry will run again in May,” said Hana Vos. “Tickets will cost the same.",
				"“Nobody believes that timetable,” Mark Eldin laughed.",
			},
			want: []attribution{{"", false}},
		},
		{
			name:   "a place is not the subject of a verb that is also a noun",
			blocks: []string{"Meanwhile Norway maintains its fishing quotas for the season."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "an institution as subject",
			blocks: []string{"The Kestrel Institute warned that the dam was ageing."},
			want:   []attribution{{"Kestrel Institute", false}},
		},
		{
			name:   "a place after a preposition is not the subject",
			blocks: []string{"Officials in Tarnby said the ferry would run twice a day."},
			want:   []attribution{{"", false}},
		},
		{
			name:   "a place as object is not the speaker",
			blocks: []string{"Ortiz, speaking in Tarnby, said the ferry was late."},
			want:   []attribution{{"Lina Ortiz", false}},
		},
		{
			name:   "colon after a reporting clause, quote in the same paragraph",
			blocks: []string{`Okafor told reporters: "The corridor will open on Friday."`},
			want:   []attribution{{"Chidi N. Okafor", true}},
		},
		{
			name: "colon after a reporting clause, quote in the next paragraph",
			blocks: []string{
				"Hana Vos met the press after the vote.",
				"In a statement, the Northern River Commission said:",
				"“Water levels will stay low until the spring rains arrive.”",
			},
			want: []attribution{{"Northern River Commission", true}},
		},
		{
			name: "definite description resolved to the organisation named before",
			blocks: []string{
				"The Northern River Commission closed two locks on Monday.",
				"In a statement, the commission said:",
				"“Barges must wait at the harbour until further notice. Crews are on site.”",
			},
			want: []attribution{{"Northern River Commission", true}, {"Northern River Commission", true}},
		},
		{
			name: "definite description with no matching organisation",
			blocks: []string{
				"In a statement, the ministry said:",
				"“Barges must wait at the harbour until further notice.”",
			},
			want: []attribution{{"", false}},
		},
		{
			name: "intro with a person as subject and no reporting verb",
			blocks: []string{
				"Mayor Mark Eldin has been blunt about the state of the pier:",
				"> The pier will not survive another winter like this one.",
			},
			want: []attribution{{"Mark Eldin", true}},
		},
		{
			name: "a pronoun refers to the subject, not a name after a preposition",
			blocks: []string{
				"Speaking at the offices on Harbour Row, survey leader Mark Eldin did not mince his words. “The reef is dying,” he said.",
			},
			want: []attribution{{"", false}, {"Mark Eldin", true}},
		},
		{
			name: "intro after a lower-case title only the gazetteer lists",
			blocks: []string{
				"cfo Mark Eldin didn't hold back at the signing:",
				"> The pier will not survive another winter like this one.",
			},
			want: []attribution{{"Mark Eldin", true}},
		},
		{
			name: "intro after a fronted clause, a field word in the title",
			blocks: []string{
				"When the count had been checked again, deputy returning officer Mark Eldin addressed the room:",
				"> The result stands.",
			},
			want: []attribution{{"Mark Eldin", true}},
		},
		{
			name: "a participle after the name introduces the next block",
			blocks: []string{
				"The line of the week came from union leader Mark Eldin, speaking to the crowd outside the ministry:",
				"> “Children are not hostages in this strike.”",
			},
			want: []attribution{{"Mark Eldin", true}},
		},
		{
			name: "a pronoun as the subject of a colon intro",
			blocks: []string{
				"Harbour master Mark Eldin spoke to journalists at the quay. Asked about the delay, he was blunt: “The pier will not survive another winter.”",
			},
			want: []attribution{{"", false}, {"Mark Eldin", true}},
		},
		{
			name: "intro naming no person gives no speaker",
			blocks: []string{
				"The pressure on the pier is plain to see:",
				"> The pier will not survive another winter like this one.",
			},
			want: []attribution{{"", false}},
		},
		{
			name: "participle clause and a blockquote",
			blocks: []string{
				"Asked about the delay, Ortiz replied:",
				"> The contractor has been paid twice and delivered nothing. We are going to court.",
			},
			want: []attribution{{"Lina Ortiz", true}, {"Lina Ortiz", true}},
		},
		{
			name: "quote continued into the next paragraph",
			blocks: []string{
				"“The ferry will run again in May,” said Hana Vos. “Tickets will cost the same as last year.",
				"“We do not want to lose passengers to the bridge.”",
			},
			want: []attribution{{"Hana Vos", true}},
		},
		{
			name: "continued quote keeps its speaker in the same paragraph",
			blocks: []string{
				"“The ferry will run again in May,” said Hana Vos. “Tickets will cost the same as last year.",
			},
			want: []attribution{{"Hana Vos", true}, {"Hana Vos", true}},
		},
		{
			name: "closed quote does not carry into the next paragraph",
			blocks: []string{
				"“The ferry will run again in May,” said Hana Vos.",
				"“Nobody will be left behind on the island this winter.”",
			},
			want: []attribution{{"", false}},
		},
		{
			name: "the next paragraph's own attribution wins",
			blocks: []string{
				"“The ferry will run again in May,” said Hana Vos. “Tickets will cost the same.",
				"“We have heard this promise every spring,” said Mark Eldin.",
			},
			want: []attribution{{"Mark Eldin", true}},
		},
		{
			name: "a colon after a non-reporting clause does not attribute",
			blocks: []string{
				"Hana Vos runs the school in Tarnby.",
				`The rules are simple: "No phones in class, ever, for anyone."`,
			},
			want: []attribution{{"", false}},
		},
		{
			name: "a reporting colon does not reach a paragraph that is not a quote",
			blocks: []string{
				"Ortiz said:",
				"The council then voted on the budget for the harbour.",
			},
			want: []attribution{{"", false}},
		},
		{
			name:   "team and position are kept out of the speaker",
			blocks: []string{"“Nobody in this locker room is giving up on the season,” said Browns DL Sheldon Richardson."},
			want:   []attribution{{"Sheldon Richardson", true}},
		},
		{
			name:   "quote with no attribution anywhere",
			blocks: []string{"“Nobody in this town has seen a winter this cold.”"},
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
				b, bq := strings.CutPrefix(b, "> ")
				got = tr.attributeBlock(b, bq, refsFor(b, quoteTestEnts))
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

func TestSignQuotations(t *testing.T) {
	texts := []string{
		"The council met on Monday.",
		"The harbour is closed until the storm passes.",
		"Stay safe, everyone.",
		"— Lina Ortiz (@linaortiz) March 3, 2031",
		"Ferries resume at noon on Thursday for all passengers.",
		"— Northern River Commission (@nrc) March 4, 2031",
		"Nobody signed this one at all, it seems.",
	}
	quote := []bool{false, true, true, true, true, true, true}
	entsOf := func(i int) []Entity { return refsFor(texts[i], quoteTestEnts)[0].Ents }
	got := make([]attribution, len(texts))
	got[2] = attribution{Speaker: "Hana Vos", Direct: true}
	signQuotations(texts, quote, quote, entsOf, got)
	want := []attribution{
		{},
		{"Lina Ortiz", true},
		{"Hana Vos", true},
		{"Lina Ortiz", true},
		{"Northern River Commission", true},
		{"Northern River Commission", true},
		{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("signQuotations mismatch (-want +got):\n%s", diff)
	}
	for _, s := range []string{"Lina Ortiz said the harbour is closed.", "Signed by — well, nobody: Lina Ortiz"} {
		if sp := signatureSpeaker(s, refsFor(s, quoteTestEnts)[0].Ents); sp != "" {
			t.Errorf("signatureSpeaker(%q) = %q, want none", s, sp)
		}
	}
}

func TestQuotationNamedAfter(t *testing.T) {
	texts := []string{
		"We will rebuild the pier.",
		"Every plank of it.",
		"That's Mark Eldin, the harbour master, speaking on Tuesday.",
		"Nothing will change.",
		"That is why Hana Vos left the council.",
		"Keep calm.",
		"Those were the words of Paul Adeyemi at the vigil.",
		"The pier stays shut.",
		"That's harbour board chair Mark Eldin, speaking first.",
		"We cannot absorb a cut of this size.",
		"So said Lina Ortiz, the provost, in a statement.",
		"Nobody will be left behind.",
		"Hana Vos made the pledge to families on the riverbank.",
		"Nobody will be left behind.",
		"Hana Vos arrived at the riverbank an hour later.",
		"Nobody will be left behind.",
		"The words came from Paul Adeyemi, who led the talks.",
	}
	quote := []bool{true, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false}
	entsOf := func(i int) []Entity { return refsFor(texts[i], quoteTestEnts)[0].Ents }
	got := make([]attribution, len(texts))
	signQuotations(texts, quote, quote, entsOf, got)
	want := []attribution{
		{"Mark Eldin", true},
		{"Mark Eldin", true},
		{},
		{}, // "That is why Hana Vos ..." names no speaker
		{},
		{"Paul Adeyemi", true},
		{},
		{"Mark Eldin", true},
		{},
		{"Lina Ortiz", true},
		{},
		{"Hana Vos", true},
		{},
		{}, // arriving is no act of speech
		{},
		{"Paul Adeyemi", true},
		{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("signQuotations mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{`"We cannot absorb a cut of this size by trimming around the edges."`, true},
		{`“We will not rest until every missing person is found.”`, true},
		{`"We will not rest," she said.`, false},
		{`"Fine."`, false}, // a word or two is no statement
		{`The "neutral zones" stay.`, false},
	} {
		if got := wholeQuotation(tt.text); got != tt.want {
			t.Errorf("wholeQuotation(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
