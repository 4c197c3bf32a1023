package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimdex/claimdex/corpus"
)

var (
	testXOnce sync.Once
	testX     *Extractor
	testXErr  error
)

// testExtractor shares one Extractor between tests, as callers should.
func testExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	testXOnce.Do(func() { testX, testXErr = New() })
	if testXErr != nil {
		tb.Fatalf("New: %v", testXErr)
	}
	return testX
}

// loadTestDoc reads a corpus.Document JSON. Hand-written documents leave
// Text and the block offsets out; they are filled in as the cleaner would
// (blocks joined by blank lines).
func loadTestDoc(tb testing.TB, path string) *corpus.Document {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading test document: %v", err)
	}
	var doc corpus.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatalf("decoding %s: %v", path, err)
	}
	if doc.Text == "" {
		fillText(&doc)
	}
	return &doc
}

func fillText(doc *corpus.Document) {
	var sb strings.Builder
	for i := range doc.Blocks {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		doc.Blocks[i].Start = sb.Len()
		sb.WriteString(doc.Blocks[i].Text)
		doc.Blocks[i].End = sb.Len()
	}
	doc.Text = sb.String()
}

// paragraphDoc is a one-paragraph document around text.
func paragraphDoc(text string) *corpus.Document {
	doc := &corpus.Document{ID: "doc-test", Location: "test.txt", Source: "test",
		Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: text}}}
	fillText(doc)
	return doc
}

func testDocPaths(tb testing.TB) []string {
	paths, err := filepath.Glob(filepath.Join("testdata", "claims", "*.json"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no test documents in testdata/claims: %v", err)
	}
	return paths
}

func TestClaimsGolden(t *testing.T) {
	x := testExtractor(t)
	for _, path := range testDocPaths(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			doc := loadTestDoc(t, path)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for _, c := range x.Claims(doc) {
				if err := enc.Encode(c); err != nil {
					t.Fatal(err)
				}
			}
			goldenCompare(t, filepath.Join("testdata", "claims", name+".golden.jsonl"), buf.Bytes())
		})
	}
}

// checkClaims asserts what must hold of any document's claims.
func checkClaims(t *testing.T, doc *corpus.Document, claims []Claim) {
	t.Helper()
	kinds := []string{KindSentence, KindQuote, KindTableRow, KindListItem, KindHeadline}
	seen := map[string]bool{}
	prev := -1
	for _, c := range claims {
		if c.Offset.Start < 0 || c.Offset.End > len(doc.Text) || c.Offset.Start >= c.Offset.End {
			t.Fatalf("claim %q: offset %+v outside text of %d bytes", c.Text, c.Offset, len(doc.Text))
		}
		if got := doc.Text[c.Offset.Start:c.Offset.End]; got != c.Text {
			t.Errorf("claim text %q != doc.Text[offset] %q", c.Text, got)
		}
		if c.Offset.Start < prev {
			t.Errorf("claim %q out of document order", c.Text)
		}
		prev = c.Offset.Start
		if seen[c.ID] || len(c.ID) != 16 {
			t.Errorf("claim %q: id %q duplicate or not 16 hex digits", c.Text, c.ID)
		}
		seen[c.ID] = true
		if !slices.Contains(kinds, c.Kind) {
			t.Errorf("claim %q: unknown kind %q", c.Text, c.Kind)
		}
		if c.Score < 0 || c.Score > 1 {
			t.Errorf("claim %q: score %v outside [0, 1]", c.Text, c.Score)
		}
		if c.Entities == nil || c.Dates == nil || c.Money == nil || c.Quantities == nil || c.Conflicts == nil {
			t.Errorf("claim %q: nil slice (JSON must show [])", c.Text)
		}
		check := func(what string, s, e int) {
			if s < 0 || s > e || e > len(c.Text) {
				t.Errorf("claim %q: %s span [%d,%d) outside text", c.Text, what, s, e)
			}
		}
		for _, m := range c.Entities {
			check("entity", m.Start, m.End)
		}
		for _, m := range c.Dates {
			check("date", m.Start, m.End)
		}
		for _, m := range c.Money {
			check("money", m.Start, m.End)
		}
		for _, m := range c.Quantities {
			check("quantity", m.Start, m.End)
		}
		if c.DocID != doc.ID || c.Source != doc.Source || c.Location != doc.Location {
			t.Errorf("claim %q: document fields not copied", c.Text)
		}
	}
}

func TestClaimsInvariants(t *testing.T) {
	x := testExtractor(t)
	for _, path := range testDocPaths(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc := loadTestDoc(t, path)
			claims := x.Claims(doc)
			if len(claims) == 0 {
				t.Fatal("no claims")
			}
			checkClaims(t, doc, claims)
		})
	}
}

// findClaim returns the claim whose text contains sub.
func findClaim(claims []Claim, sub string) (Claim, bool) {
	for _, c := range claims {
		if strings.Contains(c.Text, sub) {
			return c, true
		}
	}
	return Claim{}, false
}

func TestClaimsUnits(t *testing.T) {
	x := testExtractor(t)
	ferry := x.Claims(loadTestDoc(t, filepath.Join("testdata", "claims", "ferry_wire.json")))
	grid := x.Claims(loadTestDoc(t, filepath.Join("testdata", "claims", "grid_explainer.json")))
	clinic := x.Claims(loadTestDoc(t, filepath.Join("testdata", "claims", "clinic_release.json")))

	t.Run("dateline left out of the first sentence", func(t *testing.T) {
		c, ok := findClaim(ferry, "Bluewater Ferry Company will double")
		if !ok || !strings.HasPrefix(c.Text, "The Bluewater") {
			t.Errorf("first sentence = %q, want it to start after the dateline", c.Text)
		}
	})
	t.Run("headline", func(t *testing.T) {
		if ferry[0].Kind != KindHeadline || ferry[0].Text != "Portvale ferry operator doubles fares after losing $12 million" {
			t.Errorf("first claim = %s %q, want the headline", ferry[0].Kind, ferry[0].Text)
		}
	})
	t.Run("not claims", func(t *testing.T) {
		for _, bad := range []string{"Will the government step in?", "Share your thoughts", "Follow us",
			"Tell us in the comments", "What do you think", "Turn off appliances", "2. Key figures",
			"3. Tips for households", "VALDERA"} {
			for _, claims := range [][]Claim{ferry, grid, clinic} {
				if c, ok := findClaim(claims, bad); ok {
					t.Errorf("claim %q should not exist", c.Text)
				}
			}
		}
	})
	t.Run("headings give no claims", func(t *testing.T) {
		for _, c := range ferry {
			if c.Text == "Reaction from the council" {
				t.Errorf("heading became a claim")
			}
		}
	})
	t.Run("section and kinds", func(t *testing.T) {
		c, ok := findClaim(ferry, "Monthly pass")
		if !ok || c.Kind != KindListItem || c.Section != "Reaction from the council" {
			t.Errorf("list item = %+v", c)
		}
		c, ok = findClaim(grid, "Smart meters")
		if !ok || c.Kind != KindTableRow {
			t.Errorf("table row = %+v", c)
		}
		c, ok = findClaim(clinic, "Every family should have a doctor")
		if !ok || c.Kind != KindQuote {
			t.Errorf("quote block sentence = %+v", c)
		}
	})
	t.Run("glued sentences are split", func(t *testing.T) {
		c, ok := findClaim(grid, "The work will replace 640 km")
		if !ok || !strings.HasPrefix(c.Text, "The work") {
			t.Errorf("glued sentence = %q", c.Text)
		}
	})
	t.Run("money and dates", func(t *testing.T) {
		c, _ := findClaim(grid, "£2.3 billion")
		if len(c.Money) != 1 || c.Money[0].Amount != 2.3e9 || c.Money[0].Currency != "GBP" {
			t.Errorf("money = %+v", c.Money)
		}
		if !slices.ContainsFunc(c.Dates, func(d Date) bool { return d.Value == "2025-06-02" }) {
			t.Errorf("dates = %+v, want 2025-06-02", c.Dates)
		}
		if c.Published != "2025-06-10T00:00:00Z" {
			t.Errorf("published = %q", c.Published)
		}
	})
	t.Run("speakers", func(t *testing.T) {
		for _, tc := range []struct{ sub, kind, speaker string }{
			{"We carried 1.4 million passengers", KindQuote, "Marta Lindqvist"},
			{"There is no other way", KindQuote, "Marta Lindqvist"},
			{"She added that fuel costs", KindSentence, "Marta Lindqvist"},
			{"warned that islanders", KindSentence, "Tomas Berg"},
			{"Half of the people on Skarholm", KindQuote, "Tomas Berg"},
			{"The ferry link carries about 3,800", KindSentence, "Portvale Transport Authority"},
		} {
			c, ok := findClaim(ferry, tc.sub)
			if !ok || c.Kind != tc.kind || c.Speaker != tc.speaker {
				t.Errorf("%q: kind %q speaker %q, want %q %q", tc.sub, c.Kind, c.Speaker, tc.kind, tc.speaker)
			}
		}
	})
	t.Run("check-worthiness", func(t *testing.T) {
		fact, _ := findClaim(ferry, "She added that fuel costs rose by 40%")
		opinion, _ := findClaim(grid, "Critics think the upgrade should")
		if !(fact.Score > opinion.Score) {
			t.Errorf("fact %.3f <= opinion %.3f", fact.Score, opinion.Score)
		}
	})
}

func TestClaimID(t *testing.T) {
	a := claimID("doc", 10, "Text.")
	if a != claimID("doc", 10, "Text.") || len(a) != 16 {
		t.Errorf("claimID not stable or not 16 hex digits: %q", a)
	}
	for _, other := range []string{claimID("doc2", 10, "Text."), claimID("doc", 11, "Text."), claimID("doc", 10, "Text!")} {
		if other == a {
			t.Errorf("claimID collides: %q", other)
		}
	}
}

func TestClaimsBadOffsets(t *testing.T) {
	// Offsets that do not match the text are repaired by search, or the
	// block is skipped: a claim's text is always its span of doc.Text.
	doc := paragraphDoc("The dam cost $40 million to build in 2019.")
	doc.Blocks = append(doc.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: "Never in the text at all.", Start: 5, End: 2})
	doc.Blocks[0].Start, doc.Blocks[0].End = 3, 9
	claims := testExtractor(t).Claims(doc)
	if len(claims) != 1 {
		t.Fatalf("got %d claims, want 1", len(claims))
	}
	checkClaims(t, doc, claims)
}

func TestClaimsEmpty(t *testing.T) {
	for _, doc := range []*corpus.Document{{}, paragraphDoc(""), paragraphDoc("   ")} {
		if got := testExtractor(t).Claims(doc); got == nil || len(got) != 0 {
			t.Errorf("Claims(empty) = %#v, want empty non-nil", got)
		}
	}
}

func TestClaimsConcurrent(t *testing.T) {
	x := testExtractor(t)
	doc := loadTestDoc(t, filepath.Join("testdata", "claims", "ferry_wire.json"))
	want := x.Claims(doc)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := x.Claims(doc)
			if len(got) != len(want) {
				t.Errorf("concurrent run gave %d claims, want %d", len(got), len(want))
			}
		})
	}
	wg.Wait()
}

func FuzzClaims(f *testing.F) {
	for _, s := range []string{
		"", "MIAMI –", "“Yes. No,” said Envoy Miller. He added $5 million.",
		"KYIV, Dec. 3 (Reuters) - The U.S. sent €30 billion on 15 January 2026.",
		"Share your thoughts? \"open quote", "5.NATO peace.Kremlin 2025.Breaking",
		"\xff\xfe. A.", "according to", ", said",
	} {
		f.Add(s)
	}
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := paragraphDoc(text)
		doc.Published = time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)
		checkClaims(t, doc, x.Claims(doc))
	})
}

// TestDocumentEntities checks that names in lines that give no claim (a
// lone dateline, a results row, a one-name caption) are still the
// document's entities, once per name.
func TestDocumentEntities(t *testing.T) {
	x := testExtractor(t)
	doc := &corpus.Document{ID: "doc-ents", Location: "ents.txt", Source: "test",
		Blocks: []corpus.Block{
			{Kind: corpus.Paragraph, Text: "KESTRAVIK, March 3 (Nordwire) -"},
			{Kind: corpus.Paragraph, Text: "The harbour authority said cargo volumes fell by 12 percent in February, and Mayor Ilse Marholm called the drop worrying."},
			{Kind: corpus.TableRow, Text: "Barcelona 2 Valencia 1"},
			{Kind: corpus.Caption, Text: "Ilse Marholm"},
		}}
	fillText(doc)
	claims, ents := x.Document(doc)
	for _, c := range claims {
		if strings.HasPrefix(c.Text, "KESTRAVIK") {
			t.Errorf("line %q gave a claim; the test needs lines that give none", c.Text)
		}
	}
	got := map[string]DocEntity{}
	for _, e := range ents {
		if _, dup := got[e.Name+"/"+e.Type]; dup {
			t.Errorf("entity %s %s listed twice", e.Type, e.Name)
		}
		got[e.Name+"/"+e.Type] = e
	}
	for _, want := range []struct {
		name, typ string
		mentions  int
	}{
		{"Kestravik", GPE, 1},
		{"Nordwire", Org, 1},
		{"Barcelona", Org, 1},
		{"Valencia", Org, 1},
		{"Ilse Marholm", Person, 2},
	} {
		e, ok := got[want.name+"/"+want.typ]
		if !ok {
			t.Errorf("document entities %v lack %s %s", ents, want.typ, want.name)
			continue
		}
		if e.Mentions != want.mentions {
			t.Errorf("%s: %d mentions, want %d", want.name, e.Mentions, want.mentions)
		}
	}
	if c := x.Claims(doc); len(c) != len(claims) {
		t.Errorf("Claims gives %d claims, Document %d", len(c), len(claims))
	}
}

// ClaimsUpTo keeps the first claims of a document and analyses only the
// units that can give them, so that a page dense with figures costs
// memory bounded by the cap, not by its size.
func TestClaimsUpTo(t *testing.T) {
	x := testExtractor(t)
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, "The harbour board said cargo volumes rose %d per cent to %d tonnes in March 2026.\n\n", i%40+1, 1000+i)
	}
	doc, err := corpus.Clean("dense.txt", []byte(b.String()), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := x.Claims(doc)
	if len(all) < 200 {
		t.Fatalf("the document gives %d claims, want at least 200 for the test", len(all))
	}
	tests := []struct {
		max           int
		wantN         int
		wantTruncated bool
	}{
		{0, len(all), false},
		{50, 50, true},
		{len(all), len(all), false},
		{len(all) + 10, len(all), false},
	}
	for _, tc := range tests {
		got, truncated := x.ClaimsUpTo(doc, tc.max)
		if len(got) != tc.wantN || truncated != tc.wantTruncated {
			t.Errorf("ClaimsUpTo(%d) = %d claims, truncated %v; want %d, %v", tc.max, len(got), truncated, tc.wantN, tc.wantTruncated)
			continue
		}
		for i := range got {
			if got[i].ID != all[i].ID {
				t.Errorf("ClaimsUpTo(%d): claim %d is %s, want the document's own %s", tc.max, i, got[i].ID, all[i].ID)
				break
			}
		}
	}
}

// DocumentUpTo gives the claims ClaimsUpTo gives, and the entities of the
// part analysed; the cleaner's dateline place joins them when no line the
// recogniser read spells it.
func TestDocumentUpTo(t *testing.T) {
	x := testExtractor(t)
	var b strings.Builder
	b.WriteString("Dock strike enters second week\n\n")
	for i := range 60 {
		fmt.Fprintf(&b, "Port director Halvard Strom said %d ships waited outside the harbour on day %d.\n\n", 20+i, i+1)
	}
	b.WriteString("Union leader Maren Kvist said 3,000 workers would vote on 12 May.\n")
	doc, err := corpus.Clean("strike.txt", []byte(b.String()), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc.Dateline = "Sandvika"
	names := func(ents []DocEntity) map[string]int {
		m := map[string]int{}
		for _, e := range ents {
			m[e.Name+"/"+e.Type] = e.Mentions
		}
		return m
	}
	_, all := x.Document(doc)
	if got := names(all); got["Halvard Strom/"+Person] != 60 || got["Maren Kvist/"+Person] != 1 || got["Sandvika/"+GPE] != 1 {
		t.Errorf("Document entities = %v, want Halvard Strom 60 times, Maren Kvist once and the dateline's Sandvika", got)
	}
	claims, ents, truncated := x.DocumentUpTo(doc, 10)
	want, _ := x.ClaimsUpTo(doc, 10)
	if !truncated || len(claims) != len(want) {
		t.Fatalf("DocumentUpTo(10) = %d claims, truncated %v; want %d, true", len(claims), truncated, len(want))
	}
	got := names(ents)
	if n := got["Halvard Strom/"+Person]; n < 9 || n > 60 {
		t.Errorf("truncated: Halvard Strom mentioned %d times, want those of the analysed part", n)
	}
	if _, ok := got["Maren Kvist/"+Person]; ok {
		t.Errorf("truncated: entities %v name Maren Kvist, who is past the cut", got)
	}
	if got["Sandvika/"+GPE] != 1 {
		t.Errorf("truncated: entities %v lack the dateline's place", got)
	}
}

// A bare "pesos", "shillings" or "rupees" ("Rs") is the currency of the
// country the document names most.
func TestSharedCurrencyNames(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct{ text, want string }{
		{"The landslide buried 64 homes in Antioquia, Colombia. Bogotá will release 14 billion pesos for shelter.", "COP"},
		{"Manila approved 560 million pesos for repairs after the typhoon hit the Philippines.", "PHP"},
		{"Mexico's central bank said the fund holds 14 billion pesos.", "MXN"},
		{"The club paid 14 billion pesos for the striker.", "MXN"},
		{"Colombia's exporters were paid 2 billion Mexican pesos.", "MXN"},
		{"Kampala will spend 40 billion shillings on roads, Uganda's finance ministry said.", "UGX"},
		{"The strike cost 2 billion shillings, the union said.", "KES"},
		{"Floods in Pakistan destroyed crops; the government announced a Rs 42 billion relief package for Pakistani farmers.", "PKR"},
		{"Colombo set aside 3 billion rupees for flood relief, Sri Lanka's cabinet said.", "LKR"},
		{"Mumbai's civic body approved Rs 500 crore for roads.", "INR"},
		{"Pakistan's exporters were paid 2 billion Indian rupees.", "INR"},
		{"The project in Pakistan costs ₹4 billion, the Indian partner said, as Pakistani officials objected.", "INR"},
		{"The Olomouc brewer's net profit came to 672 million crowns, the Czech company said.", "CZK"},
		{"Sweden's pension fund lost 12 billion crowns in the quarter.", "SEK"},
		{"Norway's wealth fund sold 3 billion crowns of bonds, Norwegian officials said.", "NOK"},
	} {
		var got []string
		for _, c := range x.Claims(paragraphDoc(tc.text)) {
			for _, m := range c.Money {
				got = append(got, m.Currency)
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: currencies %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// A deck under the headline is a claim of the story; a section heading
// further down is not.
func TestDeckUnderHeadline(t *testing.T) {
	x := testExtractor(t)
	page := `<html><body><article><h1>Ferry operator orders two new ships</h1>
<h2>Kessla Lines will spend 140 million euros on the ships as the port adds 2 new berths</h2>
<p>Kessla Lines said on Monday it had ordered two ferries from a yard in Finland for delivery in 2028.</p>
<h2>Route changes planned from next spring onwards across the strait</h2>
<p>The operator said its older vessels would move to the northern route.</p></article></body></html>`
	doc, err := corpus.Clean("deck.html", []byte(page), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var deck, section bool
	for _, c := range x.Claims(doc) {
		deck = deck || c.Kind == KindHeadline && strings.Contains(c.Text, "140 million euros")
		section = section || strings.Contains(c.Text, "Route changes planned")
	}
	if !deck {
		t.Error("the deck under the headline gave no headline claim")
	}
	if section {
		t.Error("a section heading gave a claim")
	}
}
