package extract

import (
	"slices"
	"strings"
	"testing"
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
