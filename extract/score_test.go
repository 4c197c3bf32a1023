package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scored builds a claim by hand, with mentions as the finders would give.
func scored(text string, opts ...func(*Claim)) *Claim {
	c := &Claim{Text: text}
	for _, o := range opts {
		o(c)
	}
	return c
}

func withMoney(c *Claim) { c.Money = []Money{{Text: "$4 million", Amount: 4e6, Currency: "USD"}} }
func withQuantity(c *Claim) {
	c.Quantities = []Quantity{{Text: "300 workers", Value: 300, Unit: "workers"}}
}
func withDate(c *Claim) { c.Dates = []Date{{Text: "in 2023", Value: "2023"}} }
func withEntities(c *Claim) {
	c.Entities = []Entity{{Text: "Harlow Port Authority", Type: Org}, {Text: "Selma Ruiz", Type: Person}}
}
func withSpeaker(c *Claim) { c.Speaker = "Selma Ruiz" }

func TestScoreOrdering(t *testing.T) {
	// Each claim must score strictly above the next.
	ordered := []struct {
		name  string
		claim *Claim
	}{
		{"figure, money, date and source", scored("The Harlow Port Authority spent $4 million more than planned in 2023, its director Selma Ruiz said.", withMoney, withDate, withEntities, withSpeaker)},
		{"count with named source", scored("The Harlow Port Authority cut 300 workers, Selma Ruiz said.", withQuantity, withEntities, withSpeaker)},
		{"named actors only", scored("The Harlow Port Authority met Selma Ruiz to discuss the harbour plan.", withEntities)},
		{"plain statement", scored("The meeting took place behind closed doors and ended without a statement.")},
		{"hedged speculation", scored("The meeting could perhaps lead to a different plan at some point.")},
		{"opinion", scored("I believe the harbour should be run much better than it is.")},
		{"opinion question", scored("Should the harbour be run by the city instead?")},
		{"engagement", scored("Share your thoughts below and join the conversation.")},
	}
	for i := 0; i+1 < len(ordered); i++ {
		a, b := ordered[i], ordered[i+1]
		sa, sb := Score(a.claim), Score(b.claim)
		if !(sa > sb) {
			t.Errorf("Score(%s) = %.4f, want above Score(%s) = %.4f", a.name, sa, b.name, sb)
		}
	}
	for _, o := range ordered {
		if s := Score(o.claim); s < 0 || s > 1 || s != Score(o.claim) {
			t.Errorf("Score(%s) = %v: want a deterministic value in [0, 1]", o.name, s)
		}
	}
}

func TestFeatures(t *testing.T) {
	tests := []struct {
		name  string
		claim *Claim
		want  []string
	}{
		{
			"figures and attribution",
			scored("Prices rose 12% in 2023, Selma Ruiz said.", withDate, withEntities, withSpeaker),
			[]string{"bias", "date", "number", "entities", "comparison", "attribution"},
		},
		{
			"hedge and opinion",
			scored("The council might fail, and it should think again about it.", withEntities),
			[]string{"bias", "entities", "hedge", "opinion"},
		},
		{
			"reporting verb without speaker",
			scored("Officials said the ferry service would resume shortly after the storm."),
			[]string{"bias", "reporting_verb"},
		},
		{
			"imperative addressed to the reader",
			scored("Register with the port office to get your permit."),
			[]string{"bias", "imperative", "second_person"},
		},
		{
			"short question",
			scored("Who pays?"),
			[]string{"bias", "question", "short"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Features(tt.claim) {
				got = append(got, f.Name)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Features(%q) mismatch (-want +got):\n%s", tt.claim.Text, diff)
			}
		})
	}
}

func TestIsImperative(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Share your thoughts below.", true},
		{"Continue following this page for updates.", true},
		{"Humanitarian groups: Register with the relief office by 31 May.", true},
		{"Read the full report here.", true},
		{"Share prices fell 4% on Monday.", false},
		{"Support for the plan grew.", false},
		{"The council will register new voters.", false},
		{"share your thoughts", false}, // lower case: not a sentence start
	}
	for _, tt := range tests {
		if got := isImperative(tt.text); got != tt.want {
			t.Errorf("isImperative(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
