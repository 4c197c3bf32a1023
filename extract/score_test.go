package extract

import (
	"math"
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

// TestScorePairs checks pairs that differ by one trait: the first of each
// pair must score above the second.
func TestScorePairs(t *testing.T) {
	pairs := []struct {
		name          string
		higher, lower *Claim
	}{
		{"fact over belief",
			scored("The harbour plan failed in the council vote."),
			scored("I think the harbour plan is going nowhere.")},
		{"past act over promise",
			scored("The council built two new berths at the quay."),
			scored("The council will build two new berths at the quay.")},
		{"figure over vague amount",
			scored("The port lost 300 workers.", withQuantity),
			scored("The port lost some workers.")},
		{"statement over hedge",
			scored("The ferry service resumed after the storm."),
			scored("The ferry service might perhaps resume after the storm.")},
		{"comparison over none",
			scored("Fees at the quay are higher than last season."),
			scored("Fees at the quay are being discussed this season.")},
		{"statement over question",
			scored("The ferry service resumed after the storm."),
			scored("Did the ferry service resume after the storm?")},
	}
	for _, p := range pairs {
		if hi, lo := Score(p.higher), Score(p.lower); !(hi > lo) {
			t.Errorf("%s: Score(%q) = %.4f, want above Score(%q) = %.4f", p.name, p.higher.Text, hi, p.lower.Text, lo)
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
			[]string{"bias", "number", "date", "entities", "change", "past_action", "public_matter", "attribution"},
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
		{
			"first-person belief",
			scored("I think the harbour plan is a serious mistake for this town."),
			[]string{"bias", "first_person", "belief"},
		},
		{
			"we believe",
			scored("We believe the ferry timetable deserves another look."),
			[]string{"bias", "first_person", "opinion", "belief"},
		},
		{
			"future promise",
			scored("Our party will rebuild every bridge in the valley."),
			[]string{"bias", "first_person", "future"},
		},
		{
			"going to",
			scored("They are going to close the northern depot."),
			[]string{"bias", "third_person", "future"},
		},
		{
			"comparison with a figure",
			scored("Tolls at Harlow are higher than at any other port on the coast.", withEntities),
			[]string{"bias", "entities", "comparison"},
		},
		{
			"superlative",
			scored("It was the largest strike the harbour had seen in history."),
			[]string{"bias", "superlative", "past_action"},
		},
		{
			"first time",
			scored("The depot turned a profit for the first time since it opened."),
			[]string{"bias", "superlative", "past_action"},
		},
		{
			"spelled-out number",
			scored("Nearly three thousand dockers joined the walkout on the quay."),
			[]string{"bias", "number", "past_action"},
		},
		{
			"money and quantity",
			scored("The port paid $4 million to 300 workers.", withMoney, withQuantity),
			[]string{"bias", "money", "quantity", "past_action", "public_matter"},
		},
		{
			"speaker attacking an opponent",
			scored("He voted against the harbour budget four times."),
			[]string{"bias", "number", "comparison", "past_action", "public_matter", "third_person"},
		},
		{
			"long statement",
			scored("The harbour master and the two ferry operators spent most of the afternoon arguing about the timetable, the fees and the winter closures."),
			[]string{"bias", "number", "superlative", "past_action", "public_matter", "long"},
		},
		{
			"table row is not short",
			&Claim{Text: "Location: Harlow quay", Kind: KindTableRow},
			[]string{"bias"},
		},
		{
			"boilerplate",
			scored("Subscribe to our newsletter for more harbour news every morning."),
			[]string{"bias", "comparison", "first_person", "imperative", "boilerplate"},
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

// TestFeatureWeights checks that Features reports each signal's weight
// (times its value) and that Score is the logistic function of their sum.
func TestFeatureWeights(t *testing.T) {
	c := scored("The Harlow Port Authority met Selma Ruiz and the mayor.", withEntities)
	var sum float64
	for _, f := range Features(c) {
		want := weights[f.Name]
		if f.Name == "entities" {
			want *= 2 // two distinct entities
		}
		if f.Weight != want {
			t.Errorf("feature %s weight = %v, want %v", f.Name, f.Weight, want)
		}
		sum += f.Weight
	}
	if got, want := Score(c), math.Round(1e4/(1+math.Exp(-sum)))/1e4; got != want {
		t.Errorf("Score = %v, want logistic(%v) = %v", got, sum, want)
	}
	if diff := cmp.Diff(Features(c), Explain(*c)); diff != "" {
		t.Errorf("Explain differs from Features (-want +got):\n%s", diff)
	}
}

// TestSignalDirections pins the sign of each weight to what the signal
// means, so that a refit on other data cannot silently invert one.
func TestSignalDirections(t *testing.T) {
	raise := []string{"money", "quantity", "number", "date", "entities", "comparison", "change",
		"superlative", "past_action", "attribution", "reporting_verb", "public_matter"}
	lower := []string{"bias", "hedge", "opinion", "belief", "future", "question", "imperative",
		"second_person", "short", "boilerplate"}
	for _, n := range raise {
		if w, ok := weights[n]; !ok || w <= 0 {
			t.Errorf("weight %s = %v (present %v), want > 0", n, w, ok)
		}
	}
	for _, n := range lower {
		if w, ok := weights[n]; !ok || w >= 0 {
			t.Errorf("weight %s = %v (present %v), want < 0", n, w, ok)
		}
	}
	if CheckWorthy <= 0 || CheckWorthy >= 1 {
		t.Errorf("CheckWorthy = %v, want inside (0, 1)", CheckWorthy)
	}
}

func TestIsPastForm(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"voted", true},
		{"increased", true},
		{"spent", true},
		{"was", true},
		{"need", false},
		{"indeed", false},
		{"red", false},
		{"united", false},
		{"vote", false},
	}
	for _, tt := range tests {
		if got := isPastForm(tt.word); got != tt.want {
			t.Errorf("isPastForm(%q) = %v, want %v", tt.word, got, tt.want)
		}
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
