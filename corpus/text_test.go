package corpus

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFormatRows(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		rows   [][]string
		want   []string
	}{
		{
			name:   "generic two-column table is key/value",
			header: []string{"Aspect", "Details"},
			rows:   [][]string{{"Location", "Miami, Florida"}, {"Status", ""}},
			want:   []string{"Location: Miami, Florida", "Status"},
		},
		{
			name:   "named two-column table keeps headers",
			header: []string{"Country", "Aid pledged"},
			rows:   [][]string{{"Norland", "€5 billion"}},
			want:   []string{"Country: Norland; Aid pledged: €5 billion"},
		},
		{
			name:   "index column becomes a prefix",
			header: []string{"#", "Pillar", "Objective"},
			rows:   [][]string{{"8", "Reconstruction fund", "$45 billion trust"}, {"9", "Energy", ""}},
			want:   []string{"8. Pillar: Reconstruction fund; Objective: $45 billion trust", "9. Pillar: Energy"},
		},
		{
			name: "no header",
			rows: [][]string{{"a", "b", "c"}},
			want: []string{"a; b; c"},
		},
		{
			name:   "extra cells without header",
			header: []string{"Year", "Output"},
			rows:   [][]string{{"2024", "310,000 t", "est."}},
			want:   []string{"Year: 2024; Output: 310,000 t; est."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, formatRows(tt.header, tt.rows)); diff != "" {
				t.Errorf("formatRows (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitCells(t *testing.T) {
	got := splitCells(`| **Total** | £118 million | a \| b |`)
	want := []string{"Total", "£118 million", "a | b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("splitCells (-want +got):\n%s", diff)
	}
}

// kindText is a block reduced to what structure tests compare.
type kindText struct {
	Kind        BlockKind
	Text        string
	Boilerplate bool
}

func blocksOf(t *testing.T, src string) []kindText {
	t.Helper()
	doc, err := cleanText("test.md", src, Options{})
	if err != nil {
		t.Fatalf("cleanText: %v", err)
	}
	var out []kindText
	for _, b := range doc.Blocks {
		out = append(out, kindText{b.Kind, b.Text, b.Boilerplate})
	}
	return out
}

func TestTextStructure(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []kindText
	}{
		{
			name: "markdown headings and bullets",
			src:  "# Port Strike Ends\n\nWorkers returned on Monday.\n\n## Terms\n\n- A 6% raise\n* Two extra days off\n• A review in 2027\n",
			want: []kindText{
				{Title, "Port Strike Ends", false},
				{Paragraph, "Workers returned on Monday.", false},
				{Heading, "Terms", false},
				{ListItem, "A 6% raise", false},
				{ListItem, "Two extra days off", false},
				{ListItem, "A review in 2027", false},
			},
		},
		{
			name: "setext heading and quote",
			src:  "Dock Talks\n==========\n\nThe union met on Friday.\n\nNext Steps\n----------\n\n> \"We are close,\" the union said.\n",
			want: []kindText{
				{Title, "Dock Talks", false},
				{Paragraph, "The union met on Friday.", false},
				{Heading, "Next Steps", false},
				{Quote, `"We are close," the union said.`, false},
			},
		},
		{
			name: "a list in a quote box keeps its items",
			src:  "Dock Talks\n==========\n\n> **Key points**\n> - Talks resumed on Monday\n> - 1,200 workers stayed out\n\nThe union met on Friday.\n",
			want: []kindText{
				{Title, "Dock Talks", false},
				{Quote, "Key points", false},
				{ListItem, "Talks resumed on Monday", false},
				{ListItem, "1,200 workers stayed out", false},
				{Paragraph, "The union met on Friday.", false},
			},
		},
		{
			name: "plain heading lines between paragraphs",
			src: "Port Strike Ends After Nine Days\nWorkers returned to the docks on Monday after a nine-day strike over pay and hours.\n" +
				"Who Negotiated the Deal\nThe union and the port authority met for eleven hours on Sunday.\n",
			want: []kindText{
				{Title, "Port Strike Ends After Nine Days", false},
				{Paragraph, "Workers returned to the docks on Monday after a nine-day strike over pay and hours.", false},
				{Heading, "Who Negotiated the Deal", false},
				{Paragraph, "The union and the port authority met for eleven hours on Sunday.", false},
			},
		},
		{
			name: "numbered headings and numbered list",
			src: "Budget Explained\n1. Where the money goes\n- Schools get 40%.\n- Roads get 25%.\n2. Who decides\nThe council votes in March, after a public hearing in February.\n" +
				"Steps:\n1. Publish the draft.\n2. Hold the hearing.\n3. Vote.\n",
			want: []kindText{
				{Title, "Budget Explained", false},
				{Heading, "1. Where the money goes", false},
				{ListItem, "Schools get 40%.", false},
				{ListItem, "Roads get 25%.", false},
				{Heading, "2. Who decides", false},
				{Paragraph, "The council votes in March, after a public hearing in February.", false},
				{Paragraph, "Steps:", false},
				{ListItem, "Publish the draft.", false},
				{ListItem, "Hold the hearing.", false},
				{ListItem, "Vote.", false},
			},
		},
		{
			name: "unlabelled list of headings is a table of contents",
			src: "Water Rates Rise\n- Why Rates Rise\n- What Households Pay\n- What Comes Next\n" +
				"Why Rates Rise\nThe utility must replace 40 km of pipes.\nWhat Households Pay\nThe average bill rises by £48 a year.\n" +
				"What Comes Next\nThe regulator rules in May.\n",
			want: []kindText{
				{Title, "Water Rates Rise", false},
				{ListItem, "Why Rates Rise", true},
				{ListItem, "What Households Pay", true},
				{ListItem, "What Comes Next", true},
				{Heading, "Why Rates Rise", false},
				{Paragraph, "The utility must replace 40 km of pipes.", false},
				{Heading, "What Households Pay", false},
				{Paragraph, "The average bill rises by £48 a year.", false},
				{Heading, "What Comes Next", false},
				{Paragraph, "The regulator rules in May.", false},
			},
		},
		{
			name: "repeated heading collapsed and inline markup stripped",
			src:  "Overview\nOverview\nThe **plan** costs [€2 billion](https://x.example/a) and `ends` in _2030_.\n",
			want: []kindText{
				{Title, "Overview", false},
				{Paragraph, "The plan costs €2 billion and ends in 2030.", false},
			},
		},
		{
			name: "hard-wrapped paragraphs are joined",
			src:  "The mayor said the\nbarrier would open\nin 2028.\n\nCritics disagreed and\nsaid it would be late.\n",
			want: []kindText{
				{Paragraph, "The mayor said the barrier would open in 2028.", false},
				{Paragraph, "Critics disagreed and said it would be late.", false},
			},
		},
		{
			name: "fenced code and comments dropped",
			src:  "Intro line that is a sentence.\n\n```\nx := 1\n```\n\n<!-- hidden -->\nLast line that is a sentence.\n",
			want: []kindText{
				{Paragraph, "Intro line that is a sentence.", false},
				{Paragraph, "Last line that is a sentence.", false},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, blocksOf(t, tt.src)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTextMetadata(t *testing.T) {
	src := "---\ntitle: \"Tram Fares Frozen\"\npublisher: The Eastport Courier\nauthor: [Ana Lopes, Ben Ito]\ndate: March 3, 2025\nlanguage: en\n---\n" +
		"EASTPORT, March 3 (Courier Wire) - Tram fares will stay at €1.80 until 2027, the city said.\n"
	doc, err := cleanText("x.md", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := struct {
		Title, Source, Language string
		Authors                 []string
		Published               time.Time
		From                    string
	}{doc.Title, doc.Source, doc.Language, doc.Authors, doc.Published, doc.PublishedFrom}
	want := struct {
		Title, Source, Language string
		Authors                 []string
		Published               time.Time
		From                    string
	}{"Tram Fares Frozen", "The Eastport Courier", "en", []string{"Ana Lopes", "Ben Ito"}, time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), "front_matter"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metadata (-want +got):\n%s", diff)
	}
}

// A byline may stand above the headline in a local paper's plain-text
// export: it is the author, and the headline is the next line.
func TestTextBylineAboveHeadline(t *testing.T) {
	for _, byline := range []string{"By Kayla Brandt, Local Journalism Reporter", "By Ana Lopes and Ben Ito", "Reported by Ana Lopes | Staff"} {
		src := "THE EASTPORT COURIER — City News\nWednesday, March 25, 2026\n" + byline + "\n\n" +
			"Tram fares frozen until 2027 after council vote\n\n" +
			"Tram fares will stay at €1.80 until 2027, the city council decided on Tuesday after a long debate.\n\n" +
			"The operator said the freeze would cost it about €4 million a year, which the city will cover.\n"
		doc, err := cleanText("x.txt", src, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != "Tram fares frozen until 2027 after council vote" {
			t.Errorf("%q: title %q, want the headline", byline, doc.Title)
		}
		if len(doc.Authors) == 0 || doc.Authors[0] != "Kayla Brandt" && doc.Authors[0] != "Ana Lopes" {
			t.Errorf("%q: authors %q", byline, doc.Authors)
		}
	}
}

// TestTextMetaLineMidDocument checks that a "Date: ... | Source: ..." line
// below the first body paragraph is text, not the document's metadata: it
// names where a quoted report came from, not the publisher.
func TestTextMetaLineMidDocument(t *testing.T) {
	src := "Harbour Tolls Rise Again\n" +
		"The harbour board raised berth tolls by 6 percent on Monday, the third rise in two years, citing dredging costs.\n" +
		"Board papers seen by this newsletter set out the reasoning.\n" +
		"Date: 2025-11-04 | Source: Harbour board meeting minutes\n" +
		"The minutes record that two members voted against the rise.\n"
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"caller default", Options{Source: "Quayside Weekly"}, "Quayside Weekly"},
		{"file stem", Options{}, "tolls"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Clean("notes/tolls.txt", []byte(src), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source != tt.want {
				t.Errorf("Source = %q, want %q", doc.Source, tt.want)
			}
			if !doc.Published.IsZero() {
				t.Errorf("Published = %v, want zero: the mid-document date is not the publication date", doc.Published)
			}
			found := false
			for _, b := range doc.Blocks {
				if strings.HasPrefix(b.Text, "Date: 2025-11-04") {
					found = true
					if b.Boilerplate {
						t.Errorf("mid-document metadata line %q marked boilerplate, want text", b.Text)
					}
				}
			}
			if !found {
				t.Error("mid-document metadata line lost")
			}
		})
	}
}

func TestTextMetaLineAndDateline(t *testing.T) {
	src := "Ferry Service Cut\nDate: 2025\u201112\u201122 09:27:23 | Source: Harbour Authority briefing\n" +
		"By Ana Lopes\nSTRANDVIK, Dec. 21 (Nordwire) - The ferry to the islands will run twice a day from January, the operator said.\n"
	doc, err := cleanText("x.txt", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 12, 22, 9, 27, 23, 0, time.UTC); !doc.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", doc.Published, want)
	}
	if doc.Source != "Harbour Authority briefing" {
		t.Errorf("Source = %q, want the metadata line's source", doc.Source)
	}
	if diff := cmp.Diff([]string{"Ana Lopes"}, doc.Authors); diff != "" {
		t.Errorf("Authors (-want +got):\n%s", diff)
	}
	for _, b := range doc.Blocks {
		isMeta := strings.HasPrefix(b.Text, "Date:") || strings.HasPrefix(b.Text, "By ")
		if isMeta != b.Boilerplate {
			t.Errorf("block %q: boilerplate = %v, want %v", b.Text, b.Boilerplate, isMeta)
		}
	}
	// Without a metadata source, the wire agency of the dateline names it.
	doc, err = cleanText("x.txt", "STRANDVIK, Dec. 21 (Nordwire) - The ferry will run twice a day.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != "Nordwire" {
		t.Errorf("Source = %q, want the dateline's agency", doc.Source)
	}
}

func TestParseTextDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-12-22", time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)},
		{"2025\u201112\u201122 09:27:23", time.Date(2025, 12, 22, 9, 27, 23, 0, time.UTC)},
		{"2025-11-04T08:30:00Z", time.Date(2025, 11, 4, 8, 30, 0, 0, time.UTC)},
		{"2025-11-04T10:30:00+02:00", time.Date(2025, 11, 4, 8, 30, 0, 0, time.UTC)},
		{"December 22, 2025", time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)},
		{"Dec. 22, 2025 at 10:00", time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)},
		{"22nd December 2025", time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)},
		{"Sept. 3, 2024", time.Date(2024, 9, 3, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, ok := parseTextDate(tt.in)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("parseTextDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "soon", "the 22nd", "99999"} {
		if got, ok := parseTextDate(bad); ok {
			t.Errorf("parseTextDate(%q) = %v, want no date", bad, got)
		}
	}
}

// TestGoldenText cleans every text fixture and compares the Document with
// its golden JSON; -update rewrites them.
func TestGoldenText(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "text", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if ext := filepath.Ext(path); ext != ".txt" && ext != ".md" {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Clean(filepath.ToSlash(path), data, Options{})
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(want, got) {
				t.Errorf("%s differs from %s (-want +got):\n%s", path, golden, cmp.Diff(string(want), string(got)))
			}
		})
	}
	if n < 4 {
		t.Fatalf("found %d text fixtures, want at least 4", n)
	}
}

// TestTextFixtures asserts what matters in each fixture, independently of
// the golden files.
func TestTextFixtures(t *testing.T) {
	clean := func(name string) *Document {
		t.Helper()
		path := filepath.Join("testdata", "text", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Clean(path, data, Options{})
		if err != nil {
			t.Fatalf("Clean(%s): %v", name, err)
		}
		return doc
	}
	farm := clean("contentfarm.md")
	assertBlock(t, farm, TableRow, "Total cost: £118 million", false)
	assertBlock(t, farm, Paragraph, "Mayor odile fenwick said the barrier would protect about 3,400 homes from storm surges. The vote followed", false)
	assertBlock(t, farm, Paragraph, "estuary, ending a debate", false)
	assertBlock(t, farm, ListItem, "2. What the Council Decided", true)
	assertBlock(t, farm, Paragraph, "Share your thoughts in the comments", true)
	assertBlock(t, farm, Heading, "Reactions From Residents", false)

	wire := clean("wire.txt")
	if wire.Source != "Meridian Wire" {
		t.Errorf("wire Source = %q", wire.Source)
	}
	if diff := cmp.Diff([]string{"Tomasz Wielgosz", "Amara Oyelaran"}, wire.Authors); diff != "" {
		t.Errorf("wire Authors (-want +got):\n%s", diff)
	}
	assertBlock(t, wire, Paragraph, "SANTA LUCERA, Valdoria, March 3 (Meridian Wire) - The state-owned Fundicion del Norte halted production at its main copper smelter on Monday", false)
	assertBlock(t, wire, Paragraph, "Reporting by", true)

	fm := clean("frontmatter.md")
	if fm.Title != "Rail Link Tender Draws Three Bidders" || fm.Source != "The Northgate Ledger" || fm.CanonicalURL == "" {
		t.Errorf("front matter: title %q source %q canonical %q", fm.Title, fm.Source, fm.CanonicalURL)
	}
	if got := strings.Count(fm.Text, "Rail Link Tender Draws Three Bidders"); got != 1 {
		t.Errorf("title appears %d times in text, want 1", got)
	}
	assertBlock(t, fm, Paragraph, "valued the 38 km line at €1.4 billion in its 2024 budget.", false)
	assertBlock(t, fm, Quote, "Three serious bids", false)
	assertBlock(t, fm, Paragraph, "Sign up for our newsletter", true)

	legacy := clean("legacy1252.txt")
	assertBlock(t, legacy, Paragraph, "said José Ibáñez, who has fished", false)
	assertBlock(t, legacy, Paragraph, "harbour master’s office", false)
}

// assertBlock checks that doc has a block of the kind containing substr,
// with the given boilerplate mark.
func assertBlock(t *testing.T, doc *Document, kind BlockKind, substr string, boilerplate bool) {
	t.Helper()
	var others []string
	for _, b := range doc.Blocks {
		if !strings.Contains(b.Text, substr) {
			continue
		}
		if b.Kind == kind {
			if b.Boilerplate != boilerplate {
				t.Errorf("%s: %s %q boilerplate=%v, want %v", doc.Location, b.Kind, b.Text, b.Boilerplate, boilerplate)
			}
			return
		}
		others = append(others, string(b.Kind))
	}
	t.Errorf("%s: no %s contains %q (found in: %v)", doc.Location, kind, substr, others)
}

// TestSeeds cleans the two articles the project was created from.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed articles in %s", dir)
	}
	var all []Block
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Clean(f, data, Options{})
		if err != nil {
			t.Fatalf("Clean(%s): %v", f, err)
		}
		checkLayout(t, doc)
		if strings.Contains(doc.Source, "Department of State") {
			t.Errorf("%s: Source = %q, taken from a mid-document line; want the file stem", f, doc.Source)
		}
		inTOC := false
		for _, b := range doc.Blocks {
			if b.Kind == Heading && strings.EqualFold(b.Text, "Table of Contents") {
				inTOC = true
				if !b.Boilerplate {
					t.Errorf("%s: TOC heading not boilerplate", f)
				}
				continue
			}
			if inTOC {
				if b.Kind != ListItem {
					inTOC = false
				} else if !b.Boilerplate {
					t.Errorf("%s: TOC entry %q not boilerplate", f, b.Text)
				}
			}
		}
		all = append(all, doc.Blocks...)
	}
	find := func(substr string) *Block {
		for i := range all {
			if strings.Contains(all[i].Text, substr) && !strings.HasPrefix(all[i].Section, "Table of Contents") {
				return &all[i]
			}
		}
		t.Errorf("no block contains %q", substr)
		return nil
	}
	if b := find("peace. Kremlin"); b != nil && b.Boilerplate {
		t.Errorf("%q is boilerplate", b.Text)
	}
	if b := find("Location: Miami, Florida"); b != nil && (b.Kind != TableRow || b.Text != "Location: Miami, Florida" || b.Boilerplate) {
		t.Errorf("Miami row = %+v, want a table_row", *b)
	}
	if b := find("Share your thoughts below"); b != nil && !b.Boilerplate {
		t.Errorf("%q not boilerplate", b.Text)
	}
	if b := find("Questions for readers"); b != nil && !b.Boilerplate {
		t.Errorf("%q not boilerplate", b.Text)
	}
	if b := find("$45 billion multi-year trust"); b != nil && (b.Kind != TableRow || !strings.Contains(b.Text, "Reconstruction fund") || b.Boilerplate) {
		t.Errorf("$45 billion row = %+v, want a table_row with the pillar name", *b)
	}
	if b := find("Source: U.S. Department of State press briefing"); b != nil && b.Boilerplate {
		t.Errorf("mid-document source line %q is boilerplate, want text", b.Text)
	}
	if b := find("What should be the priority for the international community"); b != nil && !b.Boilerplate {
		t.Errorf("reader questions before the engagement prompts are content: %q", b.Text)
	}
	if b := find("5. NATO and European Union outlook"); b != nil && b.Kind != Heading {
		t.Errorf("%q is %s, want heading", b.Text, b.Kind)
	}
}

// TestFrontMatterAuthors checks that front matter authors get the same
// cleaning as HTML metadata: roles and prefixes are not names.
func TestFrontMatterAuthors(t *testing.T) {
	tests := []struct {
		name, author string
		want         []string
	}{
		{"role only", "Staff Writer", nil},
		{"by prefix and pair", "By Ana Lopes and Ben Ito", []string{"Ana Lopes", "Ben Ito"}},
		{"name with role", "Ana Lopes, Senior Correspondent", []string{"Ana Lopes"}},
		{"handle dropped", "Ana Lopes @analopes", []string{"Ana Lopes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: Tram Fares Frozen\nauthor: " + tt.author + "\n---\nTram fares will stay at 1.80 euros until 2027, the city said on Monday.\n"
			doc, err := cleanText("x.md", src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, doc.Authors); diff != "" {
				t.Errorf("Authors (-want +got):\n%s", diff)
			}
		})
	}
}

// A heading's attributes are markup, and a press release's form labels
// are no sections of the story.
func TestHeadingMarkupAndReleaseLabels(t *testing.T) {
	src := "# Quay to reopen\n\nFOR IMMEDIATE RELEASE\n\n## Fares and times {#fares}\n\n" +
		"The quay will reopen on 3 March after repairs that cost 14 million euros, the port authority said.\n"
	doc, err := cleanText("release.md", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sections []string
	for _, b := range doc.Blocks {
		if b.Kind == Paragraph && !b.Boilerplate {
			sections = append(sections, b.Section)
		}
		if b.Kind == Heading && !b.Boilerplate && strings.Contains(b.Text, "RELEASE") {
			t.Errorf("release label %q kept as a heading of the story", b.Text)
		}
	}
	if len(sections) != 1 || sections[0] != "Fares and times" {
		t.Errorf("sections of the story's paragraphs: %q, want [\"Fares and times\"]", sections)
	}
}

func TestNotHeading(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"QUESTION (Canal Sur TV): Was this a cyberattack?", true},
		{"Presenter: Harriet Onwuachi", true},
		{"Reading time: 5 minutes", true},
		{"Revenue £248.6m £211.3m", true},
		{"What happened on stage 9?", false},
		{"The new vacant home tax: who pays?", false},
		{"Wages: better, but still high", false},
		{"Single-dose vaccination campaign to begin 9 March", false},
	} {
		if got := notHeading(tt.line); got != tt.want {
			t.Errorf("notHeading(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
