package corpus

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// wireBody is the story under each test header: its own dateline varies.
const wireBody = "The port authority of Kessla said it would reopen the northern quay to container traffic next week, " +
	"three months after a storm damaged its cranes and flooded two warehouses.\n\n" +
	"Repairs cost about 14 million euros, the authority said in a statement, and the quay will handle half its usual volume until the end of February.\n"

// TestWireHeaders reads the header forms of wire copy and database
// exports: each case is a story of our own with one form.
func TestWireHeaders(t *testing.T) {
	cest := time.FixedZone("CEST", 2*3600)
	tests := []struct {
		name      string
		src       string
		opt       Options
		published time.Time
		from      string
		source    string
		section   string
		language  string
		authors   []string
		dateline  string
		title     string
	}{
		{
			name:      "date and time on lines of their own",
			src:       "Kessla quay to reopen\n\n14 March 2026\n\n07:12 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "German numeric date with MEZ",
			src:       "Kessla-Kai öffnet wieder\n14.03.2026 07:12 MEZ\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("MEZ", 3600)), from: "header", title: "Kessla-Kai öffnet wieder",
		},
		{
			name:      "American slash date with AM and zone",
			src:       "Kessla quay to reopen\n03/14/2026 07:12 AM EDT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("EDT", -4*3600)), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "Posted line with a.m.",
			src:       "Kessla quay to reopen\nPosted: Mar 14, 2026 7:12 a.m.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "weekday date, dashes and a zone the date words lack",
			src:       "KESTRIA NEWSWIRE\nFriday, 13 March 2026 -- 19:12 NZDT\nHEADLINE: Kessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 13, 19, 12, 0, 0, time.FixedZone("NZDT", 13*3600)), from: "header", title: "Kessla quay to reopen",
			source: "Kestria Newswire",
		},
		{
			name:      "weekday date line",
			src:       "Saturday, March 14, 2026\n\nKessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "ISO timestamp",
			src:       "Kessla quay to reopen\n2026-03-14T07:12:00+02:00\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, cest), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "Date and Source pairs",
			src:       "Kessla quay to reopen\nDate: 14 March 2026 07:12 GMT | Source: Baltic Shipping Wire | Section: Ports\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Baltic Shipping Wire", section: "Ports",
			title: "Kessla quay to reopen",
		},
		{
			name: "database export header",
			src: "Kessla quay to reopen after storm repairs\n\nBaltic Shipping Wire | Markets\n14 March 2026\n07:12 GMT\nBy MARTA KOWALCZYK\nEnglish\n412 words\n\n" +
				"KESSLA, March 14 (Baltic Shipping Wire) - " + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Baltic Shipping Wire", section: "Markets",
			language: "en", authors: []string{"Marta Kowalczyk"}, dateline: "Kessla", title: "Kessla quay to reopen after storm repairs",
		},
		{
			name:      "desk line",
			src:       "Kessla quay to reopen\nNordwire World Desk\n14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", source: "Nordwire", section: "World Desk",
			title: "Kessla quay to reopen",
		},
		{
			name: "time line over a dateline, year from the caller",
			src:  "Kessla quay to reopen\n07:12 GMT\n\nLONDON, March 3 (Nordwire) - " + wireBody,
			// The header has only a time: the day is the dateline's, and
			// with no year anywhere but the caller's, it comes from there.
			opt:       Options{Published: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)},
			published: time.Date(2026, 3, 3, 7, 12, 0, 0, time.UTC), from: "dateline+published", source: "Nordwire", dateline: "London",
			title: "Kessla quay to reopen",
		},
		{
			name:      "dateline with year",
			src:       "KESSLA, Dec. 21, 2025 (Nordwire) - " + wireBody,
			published: time.Date(2025, 12, 21, 0, 0, 0, 0, time.UTC), from: "dateline", source: "Nordwire", dateline: "Kessla",
		},
		{
			name:      "dateline across the new year",
			src:       "KESSLA, Dec. 31 (Nordwire) - " + wireBody,
			opt:       Options{Published: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)},
			published: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), from: "dateline+published", source: "Nordwire", dateline: "Kessla",
		},
		{
			name:      "German dateline",
			src:       "BERLIN, 3. März (Nordwire) - " + wireBody,
			opt:       Options{Published: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)},
			published: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), from: "dateline+published", source: "Nordwire", dateline: "Berlin",
		},
		{
			name:   "dateline without a date",
			src:    "NAIROBI (Nordwire) — " + wireBody,
			source: "Nordwire", dateline: "Nairobi",
		},
		{
			name:      "header date wins over the dateline",
			src:       "Kessla quay to reopen\n14 March 2026 07:12 GMT\n\nKESSLA, March 13 (Nordwire) - " + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Nordwire", dateline: "Kessla",
			title: "Kessla quay to reopen",
		},
		{
			name:      "numeric zone offset",
			src:       "Kessla quay to reopen\n14 March 2026 07:12 UTC+1\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("", 3600)), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "Spanish agency dateline",
			src:       "MADRID, 3 mar (Nordwire).- " + wireBody,
			opt:       Options{Published: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)},
			published: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), from: "dateline+published", source: "Nordwire", dateline: "Madrid",
		},
		{
			name:      "underscore dateline",
			src:       "KESSLA, March 3 (Nordwire) _ " + wireBody,
			opt:       Options{Published: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)},
			published: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), from: "dateline+published", source: "Nordwire", dateline: "Kessla",
		},
		{
			name:      "German byline",
			src:       "Kessla-Kai öffnet wieder\n14.03.2026 07:12 MEZ\nVon Anna Schmidt und Jonas Weber\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("MEZ", 3600)), from: "header", title: "Kessla-Kai öffnet wieder",
			authors: []string{"Anna Schmidt", "Jonas Weber"},
		},
		{
			name: "agency line with a section after a double dash",
			src: "Posted: Mar 14, 2026 7:12 a.m.\nBALTIC SHIPPING SERVICE -- Ports & Logistics\nKessla quay to reopen after storm\nBy Marta Kowalczyk\n\n" +
				"KESSLA (Baltic Shipping) - " + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Baltic Shipping Service", section: "Ports & Logistics",
			authors: []string{"Marta Kowalczyk"}, dateline: "Kessla", title: "Kessla quay to reopen after storm",
		},
		{
			name: "combined date, time and stamp line; section and word count line",
			src: "NORDIC WIRE SERVICE\nMarch 14, 2026 / 7:12 AM EDT / Updated 2 hours ago\n\nKessla quay to reopen after storm\n\nBy Marta Kowalczyk\nPorts / Shipping | 412 words\n\n" +
				"KESSLA, March 14 (Nordic) - " + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("EDT", -4*3600)), from: "header", source: "Nordic Wire Service",
			section: "Ports / Shipping", authors: []string{"Marta Kowalczyk"}, dateline: "Kessla", title: "Kessla quay to reopen after storm",
		},
		{
			name:      "Date and Time pairs",
			src:       "Date: 14 Mar 2026 | Source: Baltic Shipping Wire | Desk: Ports\nTime: 07:12 GMT\nKessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Baltic Shipping Wire", section: "Ports",
			title: "Kessla quay to reopen",
		},
		{
			name:      "slug and headline keys",
			src:       "BALTIC SHIPPING SERVICE\nSLUG: PORTS-KESSLA/ (UPDATE 2)\nHEADLINE: Kessla quay to reopen after storm\nDate: 14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", source: "Baltic Shipping Service",
			title: "Kessla quay to reopen after storm",
		},
		{
			name:      "language line",
			src:       "Kessla quay to reopen\nLanguage: German\n14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", language: "de", title: "Kessla quay to reopen",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Clean("story.txt", []byte(tc.src), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			source := tc.source
			if source == "" {
				source = "story"
			}
			type meta struct {
				Published                                        string
				From, Source, Section, Language, Dateline, Title string
				Authors                                          []string
			}
			pub := func(t time.Time) string {
				if t.IsZero() {
					return ""
				}
				return t.Format(time.RFC3339)
			}
			want := meta{pub(tc.published), tc.from, source, tc.section, tc.language, tc.dateline, tc.title, tc.authors}
			got := meta{pub(doc.Published), doc.PublishedFrom, doc.Source, doc.Section, doc.Language, doc.Dateline, doc.Title, doc.Authors}
			if tc.from == "" && !tc.opt.Published.IsZero() {
				want.From = "option"
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("metadata (-want +got):\n%s", diff)
			}
			// The header is furniture; the story is text.
			body := doc.BodyText()
			if !strings.Contains(body, "The port authority of Kessla said") || !strings.Contains(body, "Repairs cost about 14 million euros") {
				t.Errorf("story lost from the body: %q", body)
			}
			for _, line := range []string{"07:12", "412 words", "English", "MARTA", "| Markets", "World Desk"} {
				if strings.Contains(body, line) {
					t.Errorf("header line %q in the body: %q", line, body)
				}
			}
		})
	}
}

// FuzzWireHeader feeds arbitrary header lines and datelines: no panic,
// and a date read is a real calendar date.
func FuzzWireHeader(f *testing.F) {
	for _, s := range []string{"14 March 2026", "07:12 GMT", "14.03.2026 07:12 MEZ", "03/14/2026 07:12 AM EDT",
		"Posted: Mar 14, 2026 7:12 a.m.", "Saturday, March 14, 2026", "2026-03-14T07:12:00Z",
		"BERLIN, 3. März (Nordwire) - Text", "Agency | Markets", "412 words", "99/99/9999 99:99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var h header
		h.readDateLine(s)
		if d, ok := h.published(); ok && (d.Year() < 1 || d.Month() < 1 || d.Month() > 12) {
			t.Errorf("readDateLine(%q) gave %v", s, d)
		}
		if _, y, m, d, ok := datelineDate(s); ok && m != 0 && (m > 12 || d < 1 || d > 31 || y < 0) {
			t.Errorf("datelineDate(%q) = %d-%d-%d", s, y, m, d)
		}
		doc := &Document{}
		readSourceLine(doc, s)
		languageCode(s)
		isHeaderLine(s)
	})
}

// TestLiveBlogTimes checks that the time headings of a live blog title
// their entries: neither they nor the entries under them are furniture.
func TestLiveBlogTimes(t *testing.T) {
	src := "# Kessla storm: live\n\n### 10:04 a.m. ET\n\nThe port authority closed the northern quay after the storm damaged two cranes.\n\n" +
		"### 10:09 a.m. ET\n\n> \"We will reopen as soon as the cranes are safe.\"\n\nThe quote is from the port's director, speaking to reporters at the gate.\n"
	doc, err := Clean("live.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Boilerplate {
			t.Errorf("%s %q marked boilerplate", b.Kind, b.Text)
		}
	}
}
