package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, sp := range splitSentences(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"spaces only", "   ", nil},
		{"one without period", "Talks resume in Lisbon", []string{"Talks resume in Lisbon"}},
		{
			"two plain",
			"The council met on Monday. It approved the budget.",
			[]string{"The council met on Monday.", "It approved the budget."},
		},
		{
			"titles and initials",
			"Dr. Amara K. Osei met Gen. Tomas Ruud and Mr. Lee. They spoke for an hour.",
			[]string{"Dr. Amara K. Osei met Gen. Tomas Ruud and Mr. Lee.", "They spoke for an hour."},
		},
		{
			"an abbreviated given name",
			"\"The gate was locked,\" Md. Karim Uddin, a fire official, said. He lives in Bethesda, Md. The inquiry opens today.",
			[]string{"\"The gate was locked,\" Md. Karim Uddin, a fire official, said.", "He lives in Bethesda, Md.", "The inquiry opens today."},
		},
		{
			"U.S. inside a sentence",
			"The U.S. Treasury and U.S. allies agreed. Markets rose.",
			[]string{"The U.S. Treasury and U.S. allies agreed.", "Markets rose."},
		},
		{
			"U.S. ends a sentence before an opener",
			"The funds came from the U.S. The rest came from Norway.",
			[]string{"The funds came from the U.S.", "The rest came from Norway."},
		},
		{
			"U.S. before lower-case and",
			"Officials from the U.S. and Canada met.",
			[]string{"Officials from the U.S. and Canada met."},
		},
		{
			"month abbreviation with day",
			"The vote is set for Dec. 3 in Oslo. Turnout is expected to be low.",
			[]string{"The vote is set for Dec. 3 in Oslo.", "Turnout is expected to be low."},
		},
		{
			"e.g. and i.e.",
			"Some goods (e.g. grain, i.e. wheat and barley) were exempt. Others were not.",
			[]string{"Some goods (e.g. grain, i.e. wheat and barley) were exempt.", "Others were not."},
		},
		{
			"decimals and No.",
			"Inflation hit 3.5 percent, said report No. 7 from the bank. Rates stayed at 4.25.",
			[]string{"Inflation hit 3.5 percent, said report No. 7 from the bank.", "Rates stayed at 4.25."},
		},
		{
			"closing curly quote stays",
			"“We will rebuild the bridge.” The mayor left soon after.",
			[]string{"“We will rebuild the bridge.”", "The mayor left soon after."},
		},
		{
			"closing straight quote stays",
			`He wrote "the dam is safe." Engineers disagreed.`,
			[]string{`He wrote "the dam is safe."`, "Engineers disagreed."},
		},
		{
			"question inside quote continues",
			"“Why now?” she asked. Nobody answered.",
			[]string{"“Why now?” she asked.", "Nobody answered."},
		},
		{
			"exclamation and question",
			"It worked! Did it last? Not for long.",
			[]string{"It worked!", "Did it last?", "Not for long."},
		},
		{
			"ellipsis mid-sentence and at end",
			"We waited... and waited. Then… Nothing happened.",
			[]string{"We waited... and waited.", "Then…", "Nothing happened."},
		},
		{
			"glued sentences",
			"The plan failed.Ministers resigned in 2024.Elections followed.",
			[]string{"The plan failed.", "Ministers resigned in 2024.", "Elections followed."},
		},
		{
			"glued abbreviations are not boundaries",
			"The U.S.Special Envoy visited example.com and 5.NATO said no.",
			[]string{"The U.S.Special Envoy visited example.com and 5.NATO said no."},
		},
		{
			"lower-case start after damaged case",
			"The envoy gave no details. earlier sessions included a Russian delegation.",
			[]string{"The envoy gave no details.", "earlier sessions included a Russian delegation."},
		},
		{
			"company abbreviation ends sentence",
			"Shares went to Norvale Inc. The deal closed on Friday.",
			[]string{"Shares went to Norvale Inc.", "The deal closed on Friday."},
		},
		{
			"company abbreviation mid-sentence",
			"Norvale Inc. said profits doubled.",
			[]string{"Norvale Inc. said profits doubled."},
		},
		{
			"parenthesis closes sentence",
			"The court ruled (again.) Appeals are likely.",
			[]string{"The court ruled (again.)", "Appeals are likely."},
		},
		{
			"newline separates",
			"First line without stop\nSecond line.",
			[]string{"First line without stop", "Second line."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sentenceTexts(tt.text)); diff != "" {
				t.Errorf("splitSentences(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestSplitSentencesSpans checks that spans are trimmed, ordered, and
// inside the text.
func TestSplitSentencesSpans(t *testing.T) {
	text := "  A first one.   A second one!  "
	spans := splitSentences(text)
	want := []Span{{Start: 2, End: 14}, {Start: 17, End: 30}}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("spans mismatch (-want +got):\n%s", diff)
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"", "A. B.", "U.S.Special. “Hi.” x", "Dec. 3… ok?! \n", "\xff."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, sp := range splitSentences(text) {
			if sp.Start < prev || sp.Start >= sp.End || sp.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", sp, prev, text)
			}
			if s := text[sp.Start:sp.End]; strings.TrimSpace(s) != s {
				t.Fatalf("untrimmed sentence %q", s)
			}
			prev = sp.End
		}
	})
}
