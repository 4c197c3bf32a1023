package crosscheck

import (
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"
)

func TestQuoteAttribution(t *testing.T) {
	q := func(id, doc, text, speaker string) extract.Claim {
		c := extract.Claim{ID: id, DocID: doc, Source: "S" + doc, Text: text, Speaker: speaker, Kind: extract.KindQuote,
			Title: "Harbour strike called off in Lorvik", Published: "2026-03-03"}
		// The recogniser names the speaker where the text does.
		if i := strings.LastIndex(text, speaker); i >= 0 {
			c.Entities = []extract.Entity{{Text: speaker, Type: extract.Person, Canonical: speaker, Start: i, End: i + len(speaker)}}
		}
		return c
	}
	org := func(c extract.Claim) extract.Claim {
		c.Entities[0].Type = extract.Org
		return c
	}
	claims := []extract.Claim{
		q("a1", "A", `"We will not let the harbour close for a single day," said Mayor Ilse Barr.`, "Ilse Barr"),
		q("b1", "B", `“We will not let the harbour close for a single day,” port director Tomas Vey told reporters.`, "Tomas Vey"),
		q("c1", "C", `"We will not let the harbour close for a single day", Barr said on Tuesday.`, "Barr"),
		// A different statement by another speaker is no dispute.
		q("d1", "D", `"The talks were long but fair," said union leader Ona Pike.`, "Ona Pike"),
		// Too short to single out a statement.
		q("e1", "E", `"Thank you," said Tomas Vey.`, "Tomas Vey"),
		q("f1", "F", `"Thank you," said Ilse Barr.`, "Ilse Barr"),
		// An organisation, or a bare title, credited with the statement
		// is no rival speaker.
		org(q("g1", "G", `"We will not let the harbour close for a single day," the Lorvik Port Authority said.`, "Lorvik Port Authority")),
		q("h1", "H", `"We will not let the harbour close for a single day," the Collector said.`, "Collector"),
	}
	claims[len(claims)-1].Entities = nil
	groups, ann := quoteGroups(claims, func(c *extract.Claim) int { return int(c.DocID[0] - 'A') })
	if len(groups) != 1 {
		t.Fatalf("groups = %+v, want one statement", groups)
	}
	g := groups[0]
	if !g.Conflict || g.Kind != ValuePerson || len(g.Values) != 2 || g.Values[0].Value != "Ilse Barr" || g.Values[1].Value != "Tomas Vey" {
		t.Errorf("group = %+v, want Ilse Barr (two origins) against Tomas Vey, in conflict", g)
	}
	if !strings.HasPrefix(g.Topic, "who said “we will not let the harbour") {
		t.Errorf("topic = %q", g.Topic)
	}
	if a := ann["a1"]; a.Corroborations != 1 || len(a.Conflicts) != 1 || a.Conflicts[0] != "b1" {
		t.Errorf("annotation of a1 = %+v, want 1 corroboration and a conflict with b1", a)
	}
}

func TestReportedSpeech(t *testing.T) {
	direct := extract.Claim{ID: "a1", DocID: "A", Source: "SA", Kind: extract.KindQuote, Speaker: "Ilse Barr",
		Text: `"The captain's manoeuvre prevented a far worse outcome," harbour master Ilse Barr said.`}
	reported := extract.Claim{ID: "b1", DocID: "B", Source: "SB", Kind: extract.KindSentence, Speaker: "Tomas Vey",
		Text: "He said the captain's manoeuvre prevented a far worse outcome, and he promised an inquiry."}
	for _, c := range []*extract.Claim{&direct, &reported} {
		i := strings.Index(c.Text, c.Speaker)
		if i < 0 {
			i = 0
		}
		c.Entities = []extract.Entity{{Text: c.Speaker, Type: extract.Person, Canonical: c.Speaker, Start: i, End: i + len(c.Speaker)}}
	}
	groups, _ := quoteGroups([]extract.Claim{direct, reported}, func(c *extract.Claim) int { return int(c.DocID[0] - 'A') })
	if len(groups) != 1 || !groups[0].Conflict {
		t.Fatalf("groups = %+v, want the reported words to dispute the quotation's speaker", groups)
	}
	if got := reportedWords("She said it was fine."); got != nil {
		t.Errorf("reportedWords of a short clause = %q, want none", got)
	}
}

func FuzzQuotedWords(f *testing.F) {
	f.Add(`"We will rebuild," she said. “And then” «more»`)
	f.Add("no quotes at all")
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range quotedWords(text) {
			if w == "" {
				t.Fatalf("empty word from %q", text)
			}
		}
	})
}

func FuzzDescribedRoles(f *testing.F) {
	f.Add("Mara Lind, head of civil defence for the Vestra region, said", 0, 9)
	f.Add("The fire service is headed by Ilse Barr.", 30, 39)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		c := extract.Claim{Text: text, Entities: []extract.Entity{{Text: "x", Type: extract.Person, Canonical: "Ilse Barr", Start: start, End: end}}}
		for _, r := range describedRoles(&c) {
			if r.qual == "" || r.role == "" {
				t.Fatalf("empty role or body from %q", text)
			}
		}
	})
}
