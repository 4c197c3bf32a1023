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
		modified  time.Time
		// furniture is a piece of a header line that must not be left in
		// the body.
		furniture string
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
		{
			name: "long headline without a full stop above the header",
			src: "UPDATE 1-Kessla port authority to reopen its northern quay to container traffic after storm repairs\n" +
				"Baltic Shipping Wire | Markets\n14 March 2026 07:12 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Baltic Shipping Wire", section: "Markets",
			title: "UPDATE 1-Kessla port authority to reopen its northern quay to container traffic after storm repairs",
		},
		// Markdown lines in emphasis: source, section, labels and dates.
		{
			name:      "emphasis line with source, section and date",
			src:       "# Kessla quay to reopen\n\n*Harbour Courier — Transcripts | March 14, 2026*\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", source: "Harbour Courier", section: "Transcripts",
			title: "Kessla quay to reopen", furniture: "Transcripts",
		},
		{
			name:      "strong labelled date with an African zone",
			src:       "# Kessla quay to reopen\n\n**Aired: 14 March 2026, 19:30 CAT**\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 19, 30, 0, 0, time.FixedZone("CAT", 2*3600)), from: "header",
			title: "Kessla quay to reopen", furniture: "Aired",
		},
		{
			name: "live coverage line: started is published, last updated is modified",
			src: "# Kessla storm: live\n\n**Harbour Courier live coverage** · Started 14 March 2026, 08:55 GMT · " +
				"Last updated 14 March 2026, 22:10 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 8, 55, 0, 0, time.UTC), from: "header", modified: time.Date(2026, 3, 14, 22, 10, 0, 0, time.UTC),
			title: "Kessla storm: live", furniture: "live coverage",
		},
		{
			name:      "emphasis line with byline, source and section, and date",
			src:       "Kessla quay to reopen\n\n*By Ilse Varga | Harbour Courier — Ports | 14 March 2026*\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", source: "Harbour Courier", section: "Ports",
			authors: []string{"Ilse Varga"}, title: "Kessla quay to reopen", furniture: "Ilse",
		},
		{
			name:      "underscore emphasis: posted at a time by an author",
			src:       "Kessla quay to reopen\n\n_Posted on March 14, 2026 at 7:12 pm by Ilse Varga_\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 19, 12, 0, 0, time.UTC), from: "header", authors: []string{"Ilse Varga"},
			title: "Kessla quay to reopen", furniture: "Posted",
		},
		{
			name:      "posted by an author on a date, with a reading time",
			src:       "# Kessla quay to reopen\n\n*Posted by Ilse Varga on March 14, 2026 · 4 min read*\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", authors: []string{"Ilse Varga"},
			title: "Kessla quay to reopen", furniture: "min read",
		},
		{
			name: "live line whose update gives only a time: the story's day",
			src: "# Kessla storm: live\n\n**Harbour Courier** · Live coverage · Saturday, 14 March 2026 · Last updated 19:05 CET\n\n" +
				wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header",
			modified: time.Date(2026, 3, 14, 19, 5, 0, 0, time.FixedZone("CET", 3600)), title: "Kessla storm: live", furniture: "Live coverage",
		},
		{
			name:      "date posted key beside a time item",
			src:       "Kessla quay to reopen\n\nDate posted: March 14, 2026 | 7:12 a.m. EDT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("EDT", -4*3600)), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "a US zone that leaves daylight time open",
			src:       "Kessla quay to reopen\n\nPosted: Jul 14, 2026 7:12 a.m. ET\n\n" + wireBody,
			published: time.Date(2026, 7, 14, 7, 12, 0, 0, time.FixedZone("ET", -4*3600)), from: "header", title: "Kessla quay to reopen",
		},
		{
			name:      "a translation's note on its original, beside the original's date",
			src:       "*Translated from Spanish · Kessla Press Review*\n\n**Original:** *Diario del Puerto* (Kessla), politics section · 17/03/2026\n\n# Kessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 17, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen", furniture: "politics section",
		},
		{
			name:      "station name with its frequency beside a programme and a date",
			src:       "# Kessla quay to reopen\n\n**Kessla FM 98.4 · Evening Desk · Saturday, 14 March 2026**\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen", furniture: "98.4",
		},
		{
			name: "coverage from a time, and a last update",
			src: "# Kessla storm: live\n\n*Harbour Courier | Live coverage from 14 March 2026, 08:55 GMT | Last update: 14 March 2026, 22:10 GMT*\n\n" +
				wireBody,
			published: time.Date(2026, 3, 14, 8, 55, 0, 0, time.UTC), from: "header", modified: time.Date(2026, 3, 14, 22, 10, 0, 0, time.UTC),
			title: "Kessla storm: live", furniture: "Live coverage",
		},
		// Metadata keys beyond Date and Published.
		{
			name:      "a label ending in date",
			src:       "Kessla quay to reopen\nPublication date: 14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen", furniture: "Publication",
		},
		{
			name:      "two labels joined",
			src:       "Kessla quay to reopen\nRecorded and broadcast: 14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen", furniture: "Recorded",
		},
		{
			name:      "Broadcast key with weekday and CET",
			src:       "Kessla quay to reopen\n\nBroadcast: Friday 13 March 2026, 19:00 CET\n\n" + wireBody,
			published: time.Date(2026, 3, 13, 19, 0, 0, 0, time.FixedZone("CET", 3600)), from: "header", title: "Kessla quay to reopen",
			furniture: "Broadcast",
		},
		{
			name:      "Filed without a colon",
			src:       "Kessla quay to reopen\nFiled 14 March 2026 07:12 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen", furniture: "Filed",
		},
		{
			name:      "Issued key with an American slash date",
			src:       "Kessla quay to reopen\nIssued: 03/14/2026 7:12 AM EDT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("EDT", -4*3600)), from: "header", title: "Kessla quay to reopen",
			furniture: "Issued",
		},
		{
			name:      "Recorded on",
			src:       "Kessla quay to reopen: the harbour master's interview\n\nRecorded on 12 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen: the harbour master's interview",
			furniture: "Recorded",
		},
		{
			name:      "Transmission key with a day-first slash date and SAST",
			src:       "Kessla quay to reopen\nTransmission: 14/03/2026 19:00 SAST\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 19, 0, 0, 0, time.FixedZone("SAST", 2*3600)), from: "header", title: "Kessla quay to reopen",
			furniture: "Transmission",
		},
		{
			name:      "German label and month",
			src:       "Kessla-Kai öffnet wieder\nVeröffentlicht am 14. März 2026, 07:12 MEZ\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.FixedZone("MEZ", 3600)), from: "header", title: "Kessla-Kai öffnet wieder",
			furniture: "Veröffentlicht",
		},
		// A label, then a dated item.
		{
			name:      "kind of piece, then a published item with NZST",
			src:       "Kessla quay to reopen\n\nTranscript | Published 14 March 2026, 7:12pm NZST\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 19, 12, 0, 0, time.FixedZone("NZST", 12*3600)), from: "header", title: "Kessla quay to reopen",
			furniture: "Transcript",
		},
		{
			name:      "label, filed date and reading time",
			src:       "Kessla quay to reopen\n\nOpinion · Filed 14 March 2026 · 5 min read\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen", furniture: "min read",
		},
		// Press-release datelines with a full date.
		{
			name:      "press dateline: place, region, dashes around the date",
			src:       "KESSLA, Norland – 14 March 2026 – Baltic Ferries today said it would add a second daily crossing to Strandvik.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla",
		},
		{
			name:      "press dateline in mixed case",
			src:       "Kessla, Norland – March 14, 2026 – Baltic Ferries AB said it would add a second daily crossing to Strandvik.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla",
		},
		{
			name:      "press dateline with the wire in slashes after the date",
			src:       "KESSLA, Norland, March 14, 2026 /Ferrywire/ -- Baltic Ferries said it would add a second daily crossing.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla", source: "Ferrywire",
		},
		{
			name:      "press dateline with the wire between slashes before the date",
			src:       "KESSLA, Norland / Ferrywire / March 14, 2026 / Baltic Ferries said it would add a second daily crossing.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla", source: "Ferrywire",
		},
		{
			name:      "press dateline with the wire in brackets between double dashes",
			src:       "KESSLA, Norland--(Ferrywire)--March 14, 2026--Baltic Ferries said it would add a second daily crossing.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla", source: "Ferrywire",
		},
		{
			name:      "press dateline with the date inside the wire's brackets",
			src:       "Kessla, Norland--(Ferrywire - March 14, 2026) - Baltic Ferries said it would add a second daily crossing.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla", source: "Ferrywire",
		},
		{
			name:      "German press dateline with a particle in the place",
			src:       "Kessla am Meer, 14. März 2026 – Die Reederei Baltic Ferries fährt ab Mai zweimal täglich nach Strandvik.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla am Meer",
		},
		{
			name:      "place-and-date line alone",
			src:       "Kessla quay to reopen\n\nKessla, 14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", dateline: "Kessla", title: "Kessla quay to reopen",
			furniture: "Kessla, 14 March",
		},
		{
			name:      "place-and-date line with a time",
			src:       "Kessla quay to reopen\n\nKessla, 14 March 2026, 07:12 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "dateline", dateline: "Kessla", title: "Kessla quay to reopen",
		},
		// A full date that a label or separator introduces near the top,
		// in lines the header reader does not know.
		{
			name:      "date and time items split by spaces",
			src:       "KPS  KESSLA PRESS SYNDICATE\nDATE: 14/03/2026  TIME: 07:12 GMT\nCATEGORY: PORTS\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", title: "KPS KESSLA PRESS SYNDICATE", section: "PORTS",
		},
		{
			name:      "an agency named for its country, and a reference line",
			src:       "KPS  PRESS SYNDICATE OF KESSLA\nDATE: 14/03/2026  TIME: 07:12 GMT\nREF: KPS-QUAY-0314-118\nWORDS: 312\n\nQuay to reopen after storm repairs\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Kps Press Syndicate of Kessla", title: "Quay to reopen after storm repairs",
		},
		{
			name:      "a reference code before the date line",
			src:       "KESSLA PRESS SERVICE\nKPS-0412  2026-03-14  07:12 GMT\nKESSLA-QUAY/ (UPDATE 2)\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Kessla Press Service",
		},
		{
			name:      "header items between asterisks, a slug and an approximate word count",
			src:       "KESSLA NEWSWIRE  *  ECONOMY  *  14-MAR-2026 07:12 GMT\nBC-KESSLA-QUAY  (refiled with detail)\nAbout 210 words\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", source: "Kessla Newswire", section: "Economy",
		},
		{
			name:      "an original publication line",
			src:       "[Translated from Norlandic | Foreign press digest]\nSource: Kessla Posten, Science section\nOriginal publication: 14 March 2026, page A14\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", source: "Kessla Posten",
		},
		{
			name:      "press dateline: a country of several words",
			src:       "NEWS RELEASE\n\nMARSVIK, Republic of Norland, March 14, 2026 — Baltic Ferries today said it would add a crossing.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", title: "NEWS RELEASE", dateline: "Marsvik",
		},
		{
			name:      "press dateline: two places and their regions, double dashes",
			src:       "NEWS RELEASE\n\nKESSLA, Norland and PORTLAND, Oregon -- 14 March 2026 -- Baltic Ferries today said it would add a crossing.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", title: "NEWS RELEASE",
			dateline: "KESSLA, Norland and PORTLAND, Oregon",
		},
		{
			name:      "ISO date, clock, offset in parentheses and slashed sections",
			src:       "KESTRIA BUSINESS WIRE\n2026-03-14 16:52 (GMT+8) // SHIPPING / PORTS\n\nKessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 16, 52, 0, 0, time.FixedZone("", 8*3600)), from: "header", title: "Kessla quay to reopen",
			source: "Kestria Business Wire", section: "SHIPPING / PORTS",
		},
		{
			name:      "a date as systems print it: weekday, month, day, year, clock with seconds",
			src:       "KESTRIA NEWSWIRE\nSat Mar 14 2026 07:12:40 AST\n\nKessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 40, 0, time.FixedZone("AST", -4*3600)), from: "header", title: "Kessla quay to reopen",
			source: "Kestria Newswire",
		},
		{
			name:      "a press dateline of two places",
			src:       "PRESS RELEASE\n\nKessla / Tessvik, 14 March 2026 — Norland Ferries today said the quay would reopen.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "dateline", title: "PRESS RELEASE", dateline: "Kessla / Tessvik",
		},
		{
			name:      "a press dateline with the day's name",
			src:       "# Press conference\n\n**Kessla, Harbour Control Centre — Saturday 14/03/2026, 22:10**\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 22, 10, 0, 0, time.UTC), from: "dateline", title: "Press conference", dateline: "Kessla",
		},
		{
			name:      "a broadcast label with no colon",
			src:       "# Harbour Hour transcript\n\n*Broadcast Saturday 14 March 2026, 12:10. Segment: the quay. Lightly edited for readability.*\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "Harbour Hour transcript",
		},
		{
			name:      "a newsletter's date opening its standfirst",
			src:       "# The Harbour Letter\n\n**Saturday, March 14, 2026** · A short daily briefing on Kessla politics from the quayside. Written by Ola Brink.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "The Harbour Letter",
		},
		{
			name:      "a date as the last sentence of a standfirst",
			src:       "# The Harbour Letter\n\n*Your weekly digest of what is happening in local government across the coast. Saturday 14 March 2026.*\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "The Harbour Letter",
		},
		{
			name:      "a masthead headline ending in its date",
			src:       "# Kessla Port Digest — Saturday 14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "Kessla Port Digest — Saturday 14 March 2026",
		},
		{
			name:  "a headline naming its story's day",
			src:   "# Strike called for Saturday 14 March 2026\n\n" + wireBody,
			title: "Strike called for Saturday 14 March 2026",
		},
		{
			name:      "a broadcast note in italics",
			src:       "# Harbour Hour transcript\n\n*Broadcast: Saturday 14 March 2026, 12:10. Presenter: Ola Brink. Lightly edited.*\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "Harbour Hour transcript",
		},
		{
			name:      "a newsletter's issue line",
			src:       "**KESSLA PORT NOTES** — the weekly shipping digest\nIssue #41 · Saturday 14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header",
		},
		{
			name:      "a digest's source line with the print edition's date",
			src:       "[Translated from Norlandic | Foreign press digest]\nSource: Kessla Posten (Norland), print edition, 14 March 2026, p. 3\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", source: "Kessla Posten",
		},
		{
			name:      "a translation note naming the original's edition, written as sentences",
			src:       "*Translated from Norlandic. Original: Kessla Posten (Norland), print edition of Saturday 14 March 2026, page 3. Translation: Digest Service.*\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text",
		},
		{
			name:      "a translation note set off as a quote under the headline",
			src:       "# Kessla quay to reopen\n\n> **Translated from Norlandic.** Original: *Kessla Posten* (Norland), print edition of 14 March 2026, page 3.\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "Kessla quay to reopen",
		},
		{
			name:      "a translation note by that name, as a quote",
			src:       "> **Translation note:** The following translates a report in *Kessla Posten*, city edition, Saturday 14 March 2026, page 1.\n\n---\n\n# Kessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "Kessla quay to reopen",
		},
		{
			name:      "a stamp with a desk tag between rules",
			src:       "BALTIC SHIPPING WIRE\n------------------------\n2026/03/14 07:12 GMT    [MARKETS]\n------------------------\nKessla quay to reopen\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", title: "BALTIC SHIPPING WIRE",
		},
		{
			name:      "a translated digest item's header lines",
			src:       "FOREIGN PRESS DIGEST -- Baltic\nTranslated item | Source: Kessla Posten (Norland), print edition of 14 March 2026, p. 6\nOriginal language: Norlandic | Translation: Digest Desk\nNote: Machine-assisted translation, reviewed by an editor.\n\n\"KESSLA QUAY TO REOPEN\"\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: `"KESSLA QUAY TO REOPEN"`,
			source: "Foreign Press Digest", section: "Baltic",
		},
		{
			name:      "a release line",
			src:       "KESSLA PORT AUTHORITY\n\nPRESS RELEASE\nFor immediate release — 14 March 2026\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "text", title: "KESSLA PORT AUTHORITY",
		},
		{
			name:      "day, month abbreviation and year joined by dashes",
			src:       "Kessla quay to reopen\n\nBaltic Shipping Wire | Markets\n14-MAR-2026 07:12 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen",
			source: "Baltic Shipping Wire", section: "Markets",
		},
		{
			name:      "a posted-on line in bold",
			src:       "# Kessla quay to reopen\n\n**Posted on March 14, 2026 by Port Staff | Category: Shipping**\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), from: "header", title: "Kessla quay to reopen",
		},
		// What must not date the story.
		{
			name:  "a date mentioned in the first paragraph's prose",
			src:   "Kessla quay to reopen\n\nOn 14 March 2026 the harbour master of Kessla closed the quay to all traffic for the day.\n\n" + wireBody,
			title: "Kessla quay to reopen",
		},
		{
			name: "a place and a date inside a sentence",
			src: "Kessla quay to reopen\n\nKessla, a port of 14,000 people, will mark 14 March 2026 – its 700th year – with a regatta.\n\n" +
				wireBody,
			title: "Kessla quay to reopen",
		},
		{
			name: "a label opening a sentence",
			src: "Kessla quay to reopen\n\nReleased 14 March 2026 after a week in dry dock, the ferry Norland Star returned to the Kessla route.\n\n" +
				wireBody,
			title: "Kessla quay to reopen",
		},
		{
			name:      "last updated line above the published line",
			src:       "Kessla quay to reopen\nLast updated: 15 March 2026 09:30 GMT\nPublished: 14 March 2026 07:12 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", modified: time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC),
			title: "Kessla quay to reopen",
		},
		{
			name:      "updated item before the published item on one line",
			src:       "Kessla quay to reopen\n\nUpdated 15 March 2026, 09:30 GMT · Published 14 March 2026, 07:12 GMT\n\n" + wireBody,
			published: time.Date(2026, 3, 14, 7, 12, 0, 0, time.UTC), from: "header", modified: time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC),
			title: "Kessla quay to reopen",
		},
		{
			name: "only an update dates the story",
			src:  "Kessla quay to reopen\nUpdated 15 March 2026 09:30 GMT\n\n" + wireBody,
			// The story is no younger than its revision: the update is the
			// best date there is.
			published: time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC), from: "header", modified: time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC),
			title: "Kessla quay to reopen",
		},
		{
			name:   "dateline with a weekday is no date",
			src:    "KESSLA, Tuesday (Nordwire) - " + wireBody,
			source: "Nordwire", dateline: "Kessla",
		},
		{
			name:     "press dateline with today is no date",
			src:      "KESSLA, Norland – Today – Baltic Ferries said it would add a second daily crossing to Strandvik.\n\n" + wireBody,
			dateline: "Kessla",
		},
		{
			name:  "place-and-weekday line is no date",
			src:   "Kessla quay to reopen\n\nKessla, Tuesday\n\n" + wireBody,
			title: "Kessla quay to reopen",
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
				Published, Modified                              string
				From, Source, Section, Language, Dateline, Title string
				Authors                                          []string
			}
			pub := func(t time.Time) string {
				if t.IsZero() {
					return ""
				}
				return t.Format(time.RFC3339)
			}
			want := meta{pub(tc.published), pub(tc.modified), tc.from, source, tc.section, tc.language, tc.dateline, tc.title, tc.authors}
			got := meta{pub(doc.Published), pub(doc.Modified), doc.PublishedFrom, doc.Source, doc.Section, doc.Language, doc.Dateline,
				doc.Title, doc.Authors}
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
			for _, line := range []string{"07:12", "412 words", "English", "MARTA", "| Markets", "World Desk", tc.furniture} {
				if line == "" {
					continue
				}
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
		"BERLIN, 3. März (Nordwire) - Text", "Agency | Markets", "412 words", "99/99/9999 99:99",
		"Aired: 6 March 2026, 18:30 CAT", "Outlet live coverage · Started 2 May 2026, 08:55 GMT · Last updated 2 May 2026, 22:10 GMT",
		"KESSLA, Norland, March 14, 2026 /Ferrywire/ -- Text", "Kessla, Norland--(Ferrywire - March 14, 2026) - Text",
		"Kessla, 14 March 2026", "Posted on March 14, 2026 at 7:12 pm by Ilse Varga"} {
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
		if di, ok := pressDateline(s); ok && (di.year < 1 || di.month < 1 || di.month > 12 || di.day < 1 || di.day > 31 ||
			!di.alone && !strings.HasSuffix(s, di.rest)) {
			t.Errorf("pressDateline(%q) = %+v", s, di)
		}
		doc := &Document{}
		var dh header
		readDatedItem(doc, &dh, s)
		readHeaderParts(doc, &dh, s)
		readPlaceDateLine(doc, &dh, s)
		if d, ok := dh.published(); ok && (d.Year() < 1 || d.Month() < 1 || d.Month() > 12) {
			t.Errorf("header items of %q gave %v", s, d)
		}
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

// TestUSDaylight checks the edges of US daylight time, which a generic
// zone name ("ET") leaves to the date.
func TestUSDaylight(t *testing.T) {
	for _, tc := range []struct {
		y    int
		m    time.Month
		d    int
		want bool
	}{
		{2026, time.March, 7, false}, {2026, time.March, 8, true}, // second Sunday: 8 March 2026
		{2026, time.October, 31, true}, {2026, time.November, 1, false}, // first Sunday: 1 November 2026
		{2025, time.March, 9, true}, {2025, time.November, 1, true}, {2025, time.November, 2, false},
		{2026, time.January, 15, false}, {2026, time.July, 4, true},
	} {
		if got := usDaylight(tc.y, tc.m, tc.d); got != tc.want {
			t.Errorf("usDaylight(%d-%02d-%02d) = %v, want %v", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
}
