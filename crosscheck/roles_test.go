package crosscheck

import (
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"

	"github.com/google/go-cmp/cmp"
)

// personClaim builds a claim naming person (written as in text) once.
// storyPerson returns a maker of claims naming one person, each claim in
// document doc (its own source) of a story under title.
func storyPerson(title string) func(id, doc, text, person string) extract.Claim {
	return func(id, doc, text, person string) extract.Claim {
		c := personClaim(text, person, "")
		c.ID, c.DocID, c.Source, c.Title = id, doc, doc, title
		return c
	}
}

func personClaim(text, person, canonical string) extract.Claim {
	i := strings.Index(text, person)
	return extract.Claim{Text: text, Kind: extract.KindSentence,
		Entities: []extract.Entity{{Text: person, Type: extract.Person, Canonical: canonical, Start: i, End: i + len(person)}}}
}

func TestRoleMentions(t *testing.T) {
	type got struct{ Role, Qual, Name string }
	for _, tc := range []struct {
		name, text, person, canonical string
		want                          []got
	}{
		{"title before", "US Special Envoy Steve Witkoff called the talks productive.", "Steve Witkoff", "",
			[]got{{"envoy", "us", "Steve Witkoff"}}},
		{"hyphenated title", "NATO Secretary‑General Jens Stoltenberg confirmed the offer.", "Jens Stoltenberg", "",
			[]got{{"secretary general", "nato", "Jens Stoltenberg"}}},
		{"parenthesised name", "Participants: U.S. Special Envoy for Ukraine (John K. Miller), officials.", "John K. Miller", "",
			[]got{{"envoy", "us ukrain", "John K. Miller"}}},
		{"possessive qualifier", "Kestria's Labour Minister Olav Brenning urged mediation.", "Olav Brenning", "",
			[]got{{"labour minister", "kestria", "Olav Brenning"}}},
		{"portfolio after possessive", "Arden's Competition Commissioner Paul Ricard welcomed it.", "Paul Ricard", "",
			[]got{{"competition commissioner", "arden", "Paul Ricard"}}},
		{"portfolio after acronym", "EU Competition Commissioner Anna Lind said so.", "Anna Lind", "",
			[]got{{"competition commissioner", "eu", "Anna Lind"}}},
		{"abbreviation", "CFO Lena Marsh will oversee the financing.", "Lena Marsh", "",
			[]got{{"chief financial officer", "", "Lena Marsh"}}},
		{"company qualifier", "Brightwell Chief Executive Dana Okafor praised the deal.", "Dana Okafor", "",
			[]got{{"chief executive", "brightwell", "Dana Okafor"}}},
		{"a name after a link word is what the title serves", "Bernhard Rieder, managing director of Kesselalm Bergbahnen, apologised.", "Kesselalm Bergbahnen", "",
			nil},
		{"apposition before", "On Sunday, the envoy, Steve Witkoff, confirmed it.", "Steve Witkoff", "",
			[]got{{"envoy", "", "Steve Witkoff"}}},
		{"apposition after", "Dana Okafor, Brightwell's chief executive, said so.", "Dana Okafor", "",
			[]got{{"chief executive", "brightwell", "Dana Okafor"}}},
		{"an honorific before, the post after", "Dr. Dana Okafor, Brightwell's chief executive, said so.", "Dana Okafor", "",
			[]got{{"chief executive", "brightwell", "Dana Okafor"}}},
		{"a post of a field after a link", "Dana Okafor, the region's medical officer of health, said so.", "Dana Okafor", "",
			[]got{{"medical officer health", "", "Dana Okafor"}}},
		{"the body's name after a link runs on", "said Dr. Ana Solberg, Medical Officer of Health for Tamarack-Lakeshore Public Health.", "Ana Solberg", "",
			[]got{{"medical officer health", "tamarack-lakeshor public health", "Ana Solberg"}}},
		{"the country's minister is the story's", "The country's health minister, Ivo Sand, said so.", "Ivo Sand", "",
			[]got{{"health minister", "", "Ivo Sand"}}},
		{"a title word alone is no name", "said the Chief Executive Officer of Halvard Systems.", "Officer", "", nil},
		{"possessive noun before apposition", "The council's chair, Fiona Teague, urged action.", "Fiona Teague", "",
			[]got{{"chair", "council", "Fiona Teague"}}},
		{"a municipal post by its portfolio", "Heritage alderman Lotta Verhoef backed the purchase.", "Lotta Verhoef", "",
			[]got{{"alderman", "heritag", "Lotta Verhoef"}}},
		{"a councillor with no portfolio is one of many", "Councillor Lotta Verhoef backed the purchase.", "Lotta Verhoef", "",
			nil},
		{"field word before a head title", "Tarnby sporting director Ilka Renn signed the winger.", "Ilka Renn", "",
			[]got{{"sporting head", "tarnby", "Ilka Renn"}}},
		{"field word in an apposition, occasion dropped", "Ilka Renn, Brightwell's mission director for the flight, spoke.", "Ilka Renn", "",
			[]got{{"mission head", "brightwell", "Ilka Renn"}}},
		{"apposition naming its body after \"of the\"", "Abena Darko, President of the Asuboa Cocoa Union, signed for the farmers.", "Abena Darko", "",
			[]got{{"president", "asuboa cocoa union", "Abena Darko"}}},
		{"copula before the name", "The mission director is Ilka Renn, who has flown four missions.", "Ilka Renn", "",
			[]got{{"mission head", "", "Ilka Renn"}}},
		{"copula after the name", "Ilka Renn was the finance director until March.", "Ilka Renn", "",
			[]got{{"finance head", "", "Ilka Renn"}}},
		{"head of a field before the name", "I spoke to the coastguard's head of operations, Ilka Renn.", "Ilka Renn", "",
			[]got{{"operations head", "coastguard", "Ilka Renn"}}},
		{"field chief", "Coastguard operations chief Ilka Renn said all were safe.", "Ilka Renn", "",
			[]got{{"operations head", "coastguard", "Ilka Renn"}}},
		{"presiding judge", "Presiding judge Ilka Renn read out the verdict.", "Ilka Renn", "",
			[]got{{"presiding judge", "", "Ilka Renn"}}},
		{"a judge in the style of British and Irish courts", "Ms Justice Ilka Renn found the company negligent.", "Ilka Renn", "",
			[]got{{"presiding judge", "", "Ilka Renn"}}},
		{"the judge who sentences is the case's", "Judge Ilka Renn sentenced him to nine years.", "Ilka Renn", "",
			[]got{{"presiding judge", "", "Ilka Renn"}}},
		{"the judge who presided", "Judge Ilka Renn, who presided over the trial, was blunt.", "Ilka Renn", "",
			[]got{{"presiding judge", "", "Ilka Renn"}}},
		{"a judge who only speaks is one of many", "Judge Ilka Renn said the law was unclear.", "Ilka Renn", "",
			[]got{{"judge", "", "Ilka Renn"}}},
		{"a justice of a US bench is one of several", "Justice Ilka Renn wrote the dissent.", "Ilka Renn", "", nil},
		{"head of a body is described, not a field", "Ilka Renn, head of the regional fire service, spoke.", "Ilka Renn", "",
			[]got{{"head", "~fire regional servic", "Ilka Renn"}}},
		{"when words are no field", "The new director, Ilka Renn, arrived.", "Ilka Renn", "", nil},
		{"appointed to a post", "Ilka Renn appointed Acting Chief Executive", "Ilka Renn", "",
			[]got{{"acting chief executive", "", "Ilka Renn"}}},
		{"a post given beside the one held", "Councillors picked Ilka Renn, the council's director of finance, to be acting chief executive.", "Ilka Renn", "",
			[]got{{"finance head", "council", "Ilka Renn"}, {"acting chief executive", "", "Ilka Renn"}}},
		{"a former post is no appointment", "Ilka Renn, who served as chief executive until 2019, spoke.", "Ilka Renn", "", nil},
		{"a field word capitalised at the sentence start", "Race director Ilka Renn says 14,212 runners finished.", "Ilka Renn", "",
			[]got{{"race head", "", "Ilka Renn"}}},
		{"a body's name at the sentence start is no field", "Brightwell director Ilka Renn says 14,212 runners finished.", "Ilka Renn", "", nil},
		{"a capitalised function word opens the sentence", "According to Brightwell chief executive Ilka Renn, the plant stays open.", "Ilka Renn", "",
			[]got{{"chief executive", "brightwell", "Ilka Renn"}}},
		{"a field word inside the title", "The bank's chief risk officer, Ilka Renn, told staff.", "Ilka Renn", "",
			[]got{{"chief risk officer", "bank", "Ilka Renn"}}},
		{"canonical name", "Minister Brenning spoke.", "Brenning", "Olav Brenning",
			[]got{{"minister", "", "Olav Brenning"}}},
		{"many holders", "Senator Sorin Vladescu promised stations.", "Sorin Vladescu", "", nil},
		// A deputy is one of several holders: kept apart, as a report
		// that the person does not hold the post itself.
		{"a deputy", "Deputy Minister Sorin Vladescu promised stations.", "Sorin Vladescu", "",
			[]got{{"minister", "", "Sorin Vladescu (deputy)"}}},
		{"an associate post after an honorific", "Investigators led by associate medical officer of health Dr. Kevin Mensah interviewed patients.", "Kevin Mensah", "",
			[]got{{"medical officer health", "", "Kevin Mensah (deputy)"}}},
		{"a title, then an honorific", "The presiding judge, Justice Ama Owusu, read the verdict.", "Ama Owusu", "",
			[]got{{"presiding judge", "", "Ama Owusu"}}},
		{"no title", "Talks with Olav Brenning went well.", "Olav Brenning", "", nil},
		{"place is no title", "In Miami, Steve Witkoff met officials.", "Steve Witkoff", "", nil},
		{"clause after is no title", "Olav Brenning, who met the envoy, left.", "Olav Brenning", "", nil},
		{"function word is no name", "The U.S. Special Envoy for Ukraine spoke.", "for Ukraine", "For Ukraine", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := personClaim(tc.text, tc.person, tc.canonical)
			var out []got
			for _, m := range allRoles(&c) {
				if m.deputy {
					m.name += " (deputy)"
				}
				out = append(out, got{m.role, m.qual, m.name})
			}
			if diff := cmp.Diff(tc.want, out); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQualAndRoleMatch(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		qual bool
		want bool
	}{
		{"ukrain", "ukrainian", true, true},
		{"kestria", "kestrian", true, true},
		{"ukrain", "poland", true, false},
		{"nato", "un", true, false},
		{"austria", "australian", true, false},
		{"kaynar", "kaynar hold", true, true},
		{"halvard system", "halvard", true, true},
		{"new", "new zealand", true, false},
		{"kaynar hold", "kaynar steel", true, false},
		{"union", "asuboa cocoa farmer cooperativ union", true, true}, // "the union's president"
		{"union", "asuboa union cocoa", true, false},
		{"high representative", "high representative foreign affairs", false, true},
		{"foreign minister", "minister", false, false},
		{"secretary general", "secretary", false, false},
	} {
		f := rolesMatch
		if tc.qual {
			f = qualMatch
		}
		if got := f(tc.a, tc.b); got != tc.want {
			t.Errorf("match(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCrosscheckPersons: different persons for one role conflict across
// origins, the same person corroborates, and roles of different countries
// or organisations never meet.
func TestCrosscheckPersons(t *testing.T) {
	mk := storyPerson("Grain corridor deal signed by Sorvia and Tarmen in Velna")
	claims := []extract.Claim{
		mk("a1", "A", "Sorvia's Trade Minister Ilka Renn signed the grain deal in Velna.", "Ilka Renn"),
		mk("a2", "A", "NATO Secretary-General Per Holm welcomed the grain deal.", "Per Holm"),
		mk("b1", "B", "Sorvian Trade Minister Oskar Lind signed the grain deal in Velna.", "Oskar Lind"),
		mk("b2", "B", "UN Secretary-General Ana Ruiz welcomed the grain deal.", "Ana Ruiz"),
		mk("c1", "C", "Tarmen's Trade Minister Davor Kel signed the grain deal in Velna.", "Davor Kel"),
		mk("d1", "D", "Trade Minister Oskar Lind signed the grain deal in Velna.", "Oskar Lind"),
		// Bare titles: one story has several presidents.
		mk("e1", "E", "President Ivo Sand praised the grain deal in Velna.", "Ivo Sand"),
		mk("f1", "F", "President Rada Morn praised the grain deal in Velna.", "Rada Morn"),
	}
	res := Analyze(claims, Options{})
	want := map[string]Annotation{
		"a1": {Corroborations: 0, Conflicts: []string{"b1", "d1"}},
		"a2": {Corroborations: 0, Conflicts: []string{}},
		"b1": {Corroborations: 1, Conflicts: []string{"a1"}},
		"b2": {Corroborations: 0, Conflicts: []string{}},
		"c1": {Corroborations: 0, Conflicts: []string{}},
		"d1": {Corroborations: 1, Conflicts: []string{"a1"}},
		"e1": {Corroborations: 0, Conflicts: []string{}},
		"f1": {Corroborations: 0, Conflicts: []string{}},
	}
	if diff := cmp.Diff(want, res.Annotations); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
	var topics []string
	for _, g := range res.Groups {
		if g.Conflict {
			topics = append(topics, g.Kind+" "+g.Topic)
		}
	}
	if diff := cmp.Diff([]string{"person Trade Minister (Sorvia)"}, topics); diff != "" {
		t.Errorf("conflict groups (-want +got):\n%s", diff)
	}
}

// FuzzRoleMentions: no panic on any text and entity span, and every role
// mention's span lies inside the text.
func FuzzRoleMentions(f *testing.F) {
	f.Add("US Special Envoy Steve Witkoff spoke.", 17, 30)
	f.Add("Dana Okafor, Brightwell's chief executive, said.", 0, 11)
	f.Add("the envoy, (X", 12, 13)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		c := extract.Claim{Text: text, Entities: []extract.Entity{{Text: "x", Type: extract.Person, Start: start, End: end}}}
		for _, m := range roleMentions(&c) {
			if m.start < 0 || m.end > len(text) || m.start > m.end {
				t.Fatalf("span %d-%d outside text of %d bytes", m.start, m.end, len(text))
			}
		}
	})
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Inés Carrasco", "Inés Carrasco Beltrán", true},
		{"Carrasco", "Inés Carrasco", true},
		{"Celeste Varga", "Celeste Varga-Moore", true},
		{"Moore", "Celeste Varga-Moore", true},
		{"Inés Carrasco", "Marta Carrasco Beltrán", false},
		{"Ana Ruiz", "Ana Ruiz-Gómez Soto", false},
		{"John Smith", "Jane Smith", false},
		{"Paul", "John Paul Jones", false},
		{"Henrique Duarte", "Henrique Vasconcelos Duarte", true},
		{"Daniel K. Otieno", "Daniel Kiprotich Otieno", true},
		{"Daniel Otieno", "Daniel K. Otieno", true},
		{"Daniel K. Otieno", "Daniel M. Otieno", false},
		{"Daniel Kiprotich Otieno", "Daniel Mwangi Otieno", false},
		{"Henrique Duarte", "Henrique Vasconcelos Lima", false},
	}
	for _, tt := range tests {
		if got := sameName(tt.a, tt.b); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := sameName(tt.b, tt.a); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// A person's other posts and deputy posts in one report decide whether
// another report naming them in a post contradicts it: the council's
// chair is not its chief executive; the deputy of a post does not hold
// it; a holder named twice is one value; another firm's chief executive
// stays out.
func TestCrosscheckPersonsOtherPosts(t *testing.T) {
	type claim struct{ id, doc, text, person string }
	tests := []struct {
		name, title string
		claims      []claim
		want        map[string][]string // conflicts by claim id
	}{
		{"another role of the same body", "Harvest forecast lifted by the grain council", []claim{
			{"a1", "A", "Mara Quell, the council's chief executive, lifted the harvest forecast.", "Mara Quell"},
			{"b1", "B", "Tomas Brede, the council's chief executive, lifted the harvest forecast.", "Tomas Brede"},
			{"b2", "B", "The council's chair, Mara Quell, urged faster rail repairs for the harvest.", "Mara Quell"},
			{"c1", "C", "Ivo Pask, the council's chief executive, lifted the harvest forecast.", "Ivo Pask"},
			{"c2", "C", "Mara Quell, the rail board's chair, urged faster rail repairs for the harvest.", "Mara Quell"},
		}, map[string][]string{"a1": {"b1"}}},
		{"a deputy is no holder", "Cooling tower named as the source of the outbreak", []claim{
			{"a1", "A", "Ana Roe, the medical officer of health, named the cooling tower as the source of the outbreak.", "Ana Roe"},
			{"a2", "A", "The search was led by associate medical officer of health Ken Mensah, who sampled the cooling towers.", "Ken Mensah"},
			{"b1", "B", "Ken Mensah, the medical officer of health, named the cooling tower as the source of the outbreak.", "Ken Mensah"},
		}, map[string][]string{"a1": {"b1"}}},
		{"named as the holder too, not contradicted", "Cooling tower named as the source of the outbreak", []claim{
			{"a1", "A", "Ana Roe, the medical officer of health, named the cooling tower as the source of the outbreak.", "Ana Roe"},
			{"a2", "A", "Ken Mensah, the medical officer of health, sampled the cooling towers.", "Ken Mensah"},
			{"b1", "B", "Ken Mensah, the medical officer of health, named the cooling tower as the source of the outbreak.", "Ken Mensah"},
		}, map[string][]string{"a1": {}}},
		{"a holder named twice", "Stadium renamed in naming-rights deal", []claim{
			{"a1", "A", "Chief executive Graeme Dunlop called the naming-rights deal transformational.", "Graeme Dunlop"},
			{"a2", "A", "Caledonia Crest chief executive Alasdair Rennie called the naming-rights deal a good fit.", "Alasdair Rennie"},
			{"b1", "B", "Guests: Fiona McLarty, chief executive, on the naming-rights deal.", "Fiona McLarty"},
			{"b2", "B", "Fiona McLarty, the club's chief executive, defended the naming-rights deal.", "Fiona McLarty"},
		}, map[string][]string{"a1": {"b1", "b2"}, "a2": {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mk := storyPerson(tt.title)
			var claims []extract.Claim
			for _, c := range tt.claims {
				claims = append(claims, mk(c.id, c.doc, c.text, c.person))
			}
			res := Analyze(claims, Options{})
			for id, want := range tt.want {
				if diff := cmp.Diff(want, res.Annotations[id].Conflicts); diff != "" {
					t.Errorf("conflicts of %s (-want +got):\n%s", id, diff)
				}
			}
		})
	}
}

// Two titles are one post when one adds a portfolio or a scope to the
// other; a bare head word matches nothing longer.
func TestRolesMatch(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"high representative", "high representative foreign affairs", true},
		{"fire head", "regional fire head", true},
		{"prosecutor", "provincial prosecutor", false},
		{"fire head", "deputy fire head", false},
		{"fire head", "police head", false},
	} {
		if got := rolesMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("rolesMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := rolesMatch(tc.b, tc.a); got != tc.want {
			t.Errorf("rolesMatch(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}
