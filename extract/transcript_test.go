package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/corpus"
)

func TestTranscriptTurns(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   []string
	}{
		{"capitals, then surnames", []string{
			"The following is an edited transcript.",
			"HARRIET OZOLINS: Good morning. We take full responsibility.",
			"QUESTION (Kampala Voice Radio): When did you know?",
			"OZOLINS: We needed to understand what was taken.",
			"BRAM TEIXEIRA (Chief Information Security Officer): A criminal group has claimed it.",
			"TEIXEIRA: I'm not going into that.",
			"MODERATOR: Last question.",
		}, []string{"", "Harriet Ozolins", "", "Harriet Ozolins", "Bram Teixeira", "Bram Teixeira", ""}},
		{"title case with a title", []string{
			"Dr. Lena Aufhauser: The dam will hold.",
			"Reporter: Are you sure?",
			"Dr. Lena Aufhauser: Yes. We checked it twice.",
			"Minister Olav Brenning: I agree with her.",
			"Tomas Vey (Harbour Authority): We will see.",
		}, []string{"Lena Aufhauser", "", "Lena Aufhauser", "", "Tomas Vey"}},
		{"a turn runs on in the first person", []string{
			"The union held a press conference on Wednesday.",
			"JOSEPHINE TAUFA: Thanks for coming. Our members will strike from Monday.",
			"And it's not just money. We have drivers with no toilet for five hours.",
			"REPORTER (Radio One): Will buses run?",
			"JOSEPHINE TAUFA: Some school buses will.",
			"DEAN WHITCOMBE: We are ready to talk.",
			"The press conference ended shortly after two.",
		}, []string{"", "Josephine Taufa", "Josephine Taufa", "", "Josephine Taufa", "Dean Whitcombe", ""}},
		{"headings are no transcript", []string{
			"Lake Victoria Treaty: what it means for fishing",
			"The treaty was signed on Friday.",
			"Key Figures: 45,000 ha of wetland",
		}, nil},
	}
	for _, tt := range tests {
		got := transcriptTurns(tt.blocks)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzTranscriptTurns(f *testing.F) {
	f.Add("HARRIET OZOLINS: Good morning.", "OZOLINS: Yes.", "Q: No.")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		turns := transcriptTurns([]string{a, b, c, a})
		if turns != nil && len(turns) != 4 {
			t.Fatalf("%d turns for 4 blocks", len(turns))
		}
	})
}

func TestReportsOther(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{`He said he carried responsibility "including where things have gone wrong".`, true},
		{`She told the council it was "a sad day for the county".`, true},
		{`According to the mayor, the plan is "dead in the water".`, true},
		{`We said at the time it was "a sad day", and I stand by that.`, false},
		{`He said he would step down at the end of the month.`, false}, // no quotation
		{`The word "accountability" came up a lot.`, false},
		{`"I have let down the people who trusted me, and I will repay every dollar."`, true}, // a statement read out
		{`We said at the time it was "a sad day", and I stand by that.`, false},
	}
	for _, tt := range tests {
		if got, _ := reportsOther(tt.sentence, nil, "Ola Brink"); got != tt.want {
			t.Errorf("reportsOther(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestReportsOtherNamed(t *testing.T) {
	s := `When Helen Marchbanks, the returning officer, stood up and said, "Every paper has been checked twice," I breathed out.`
	i := strings.Index(s, "Helen Marchbanks")
	ents := []Entity{{Text: "Helen Marchbanks", Type: Person, Start: i, End: i + len("Helen Marchbanks")}}
	if other, named := reportsOther(s, ents, "Colin Deverell"); !other || named != "Helen Marchbanks" {
		t.Errorf("reportsOther = %v, %q: want the words credited to Helen Marchbanks", other, named)
	}
	colon := `The minister, Mr. Ybarra, said it clearly yesterday: no harvest is worth a life.`
	k := strings.Index(colon, "Ybarra")
	ents = []Entity{{Text: "Ybarra", Type: Person, Start: k, End: k + len("Ybarra")}}
	if other, named := reportsOther(colon, ents, "Inés Roldán"); !other || named != "Ybarra" {
		t.Errorf("reportsOther(%q) = %v, %q: want the words credited to Ybarra", colon, other, named)
	}
	own := `I told Helen Marchbanks "we accept the count", and meant it.`
	j := strings.Index(own, "Helen Marchbanks")
	ents = []Entity{{Text: "Helen Marchbanks", Type: Person, Start: j, End: j + len("Helen Marchbanks")}}
	if other, _ := reportsOther(own, ents, "Colin Deverell"); other {
		t.Error("the speaker's own words taken for someone else's")
	}
}

// A pronoun in a turn that reports someone else's words refers to the
// person the turn named last, not to the one speaking.
func TestTranscriptPronounReport(t *testing.T) {
	page := `# Harbour Hour transcript

**HOST (ANNA LIND):** Good morning. With me are Ola Brink, our defence correspondent, and Marit Solberg of the coastguard union.

**HOST:** Ola, why now?

**OLA BRINK:** The coastguard is still flying boats from the 1980s. The minister, Tomas Vey, was very direct about what the new ones are for. He said, and I'm quoting: "These boats will be on the water every single day, in fog and at night."

**HOST:** Marit, is that realistic?

**MARIT SOLBERG:** Only if they hire the crews. We have forty vacancies today.

**HOST:** And the cost, Ola?

**OLA BRINK:** About forty million euros, spread over five years.
`
	doc, err := corpus.Clean("talk.md", []byte(page), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var quoted, own string
	for _, c := range testExtractor(t).Claims(doc) {
		switch {
		case strings.Contains(c.Text, "every single day"):
			quoted = c.Speaker
		case strings.Contains(c.Text, "forty million"):
			own = c.Speaker
		}
	}
	if quoted != "Tomas Vey" || own != "Ola Brink" {
		t.Errorf("quoted words credited to %q, own words to %q; want Tomas Vey and Ola Brink", quoted, own)
	}
}
