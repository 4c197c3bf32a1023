package crosscheck

import (
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"
)

func TestDescribedRoles(t *testing.T) {
	tests := []struct {
		text, name string
		want       string // "role|qual", "" for none
	}{
		{"Mara Lind, head of civil defence for the Vestra region, said the roads were closed.", "Mara Lind", "head|~civil defenc region vestra"},
		{`"We will hold the line," said Tomas Vey, the director of the regional forest fire service.`, "Tomas Vey", "head|~fire forest regional servic"},
		{"The regional forest fire service is headed by Ilse Barr, according to local reports.", "Ilse Barr", "head|~fire forest regional servic"},
		{"Anja Roth, who heads the national grid operator, declined to comment.", "Anja Roth", "head|~grid national operator"},
		{"The commission's executive secretary, Dr. Halden Moss, said the plan was ready.", "Halden Moss", "executive secretary|~commission"},
		{"Ola Brekke, chairman of the Nordvik Ports board, resigned.", "Ola Brekke", "chair|~board nordvik port"},
		// Not a post of one holder, or no body named.
		{"Ola Brekke, a spokesman for the ministry, said little.", "Ola Brekke", ""},
		{"Ola Brekke, head of the company, said little.", "Ola Brekke", ""},
		{"Ola Brekke said the head of the agency would resign.", "Ola Brekke", ""},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.name)
		c := extract.Claim{Text: tt.text, Entities: []extract.Entity{{Text: tt.name, Type: extract.Person, Canonical: tt.name, Start: i, End: i + len(tt.name)}}}
		var got string
		if rs := describedRoles(&c); len(rs) > 0 {
			got = rs[0].role + "|" + rs[0].qual
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
	if !describedMatch("~fire forest regional servic", "~andalusia fire forest servic") {
		t.Error("the forest fire service and the forest fire service of Andalusia should be one body")
	}
	if describedMatch("~civil defence", "~fire servic") {
		t.Error("civil defence and the fire service are two bodies")
	}
}
