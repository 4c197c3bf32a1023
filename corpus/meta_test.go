package corpus

import (
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		name string
		in   string
		want time.Time // zero: refused
	}{
		{"rfc3339", "2025-12-22T09:27:00Z", utc(2025, 12, 22, 9, 27)},
		{"rfc3339 offset", "2025-12-22T09:27:00+02:00", time.Date(2025, 12, 22, 9, 27, 0, 0, time.FixedZone("", 7200))},
		{"millis compact zone", "2025-12-22T09:27:00.000+0000", utc(2025, 12, 22, 9, 27)},
		{"no zone", "2025-12-22T09:27:00", utc(2025, 12, 22, 9, 27)},
		{"space minutes", "2025-12-22 09:27", utc(2025, 12, 22, 9, 27)},
		{"date only", "2025-12-22", utc(2025, 12, 22, 0, 0)},
		{"compact", "20251222", utc(2025, 12, 22, 0, 0)},
		{"us long", "December 22, 2025", utc(2025, 12, 22, 0, 0)},
		{"us abbreviated dot", "Dec. 22, 2025", utc(2025, 12, 22, 0, 0)},
		{"european", "22 Dec 2025", utc(2025, 12, 22, 0, 0)},
		{"european long ordinal", "22nd December 2025", utc(2025, 12, 22, 0, 0)},
		{"weekday", "Monday, December 22, 2025", utc(2025, 12, 22, 0, 0)},
		{"rfc1123", "Mon, 22 Dec 2025 09:27:00 GMT", utc(2025, 12, 22, 9, 27)},
		{"us time zone", "Dec 22, 2025 9:27 a.m. ET", time.Date(2025, 12, 22, 9, 27, 0, 0, time.FixedZone("", -5*3600))},
		{"at time", "December 22, 2025 at 3:04 PM", utc(2025, 12, 22, 15, 4)},
		{"updated prefix", "Updated December 22, 2025", utc(2025, 12, 22, 0, 0)},
		{"padded", "  2025-12-22  ", utc(2025, 12, 22, 0, 0)},
		{"empty", "", time.Time{}},
		{"prose", "next Tuesday", time.Time{}},
		{"implausible year", "1871-03-18", time.Time{}},
		{"not a date", "9780306406157", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseDate(tc.in)
			if ok != !tc.want.IsZero() {
				t.Fatalf("parseDate(%q) ok = %v, want %v (got %v)", tc.in, ok, !tc.want.IsZero(), got)
			}
			if ok && !got.Equal(tc.want) {
				t.Errorf("parseDate(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"https://news.example/2025/12/22/some-story/", "2025-12-22"},
		{"https://news.example/world/20251222/story.html", "2025-12-22"},
		{"https://news.example/2025-12-22-story", "2025-12-22"},
		{"/local/2019/11/18/x", "2019-11-18"},
		{"https://news.example/story-20251399", ""},
		{"https://news.example/article/12345678", ""},
		{"https://news.example/2025/12/", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := urlDate(tc.in)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != tc.want {
				t.Errorf("urlDate(%q) = %q, want %q", tc.in, s, tc.want)
			}
		})
	}
}

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		name   string
		raw    []string
		source string
		want   []string
	}{
		{"by and pipe agency", []string{"By Jane Doe and John Roe | Reuters"}, "", []string{"Jane Doe", "John Roe"}},
		{"comma list", []string{"Ana Lima, Ben Okafor & Chen Wu"}, "", []string{"Ana Lima", "Ben Okafor", "Chen Wu"}},
		{"date glued", []string{"By Marta Quill Updated Dec. 3, 2025 10:14 am"}, "", []string{"Marta Quill"}},
		{"middle dot before an update label", []string{"By Marta Quill · Last updated "}, "", []string{"Marta Quill"}},
		{"email and url", []string{"Omar Said omar.said@example.com https://example.com/omar"}, "", []string{"Omar Said"}},
		{"site name dropped", []string{"Harbour Gazette", "Lena Fisk"}, "Harbour Gazette", []string{"Lena Fisk"}},
		{"role dropped", []string{"Tom Brandt, Senior Correspondent"}, "", []string{"Tom Brandt"}},
		{"duplicates", []string{"Ruth Amadi", "ruth amadi"}, "", []string{"Ruth Amadi"}},
		{"handle", []string{"@quillwrites"}, "", nil},
		{"staff only", []string{"Staff reporter"}, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanAuthors(tc.raw, tc.source)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("cleanAuthors(%q) mismatch (-want +got):\n%s", tc.raw, diff)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, source, want string }{
		{"Bridge reopens after repairs | The Daily Tide", "The Daily Tide", "Bridge reopens after repairs"},
		{"Bridge reopens after repairs - The Daily Tide", "The Daily Tide", "Bridge reopens after repairs"},
		{"The Daily Tide | Bridge reopens after repairs", "The Daily Tide", "Bridge reopens after repairs"},
		{"Bridge reopens after repairs | Tide News", "", "Bridge reopens after repairs"},
		{"Mother-in-law - a word with a dash", "", "Mother-in-law - a word with a dash"},
		{"  Spaces   everywhere ", "", "Spaces everywhere"},
	}
	for _, tc := range tests {
		if got := cleanTitle(tc.in, tc.source); got != tc.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", tc.in, tc.source, got, tc.want)
		}
	}
}

func TestExtractMeta(t *testing.T) {
	tests := []struct {
		name string
		html string
		loc  string
		want pageMeta
	}{
		{
			name: "json-ld array with nested authors",
			html: `<html lang="de"><head><script type="application/ld+json">[{"@type":"BreadcrumbList"},
				{"@type":"ReportageNews","headline":"Ferry strike ends","datePublished":"2024-05-01T10:00:00+02:00",
				"author":{"@type":"Person","name":"Karla Weiss"},"publisher":{"name":"Nordblatt"}}]</script></head></html>`,
			want: pageMeta{Title: "Ferry strike ends", Source: "Nordblatt", Authors: []string{"Karla Weiss"},
				Published: time.Date(2024, 5, 1, 10, 0, 0, 0, time.FixedZone("", 7200)), PublishedFrom: "json-ld", Language: "de"},
		},
		{
			name: "broken json-ld falls back to meta",
			html: `<head><script type="application/ld+json">{"@type": "NewsArticle", </script>
				<meta property="og:title" content="Dam levels fall | Riverside Post"><meta property="og:site_name" content="Riverside Post">
				<meta name="dc.date" content="2023-02-03"><meta name="dc.creator" content="By Ivo Marsh">
				<meta http-equiv="content-language" content="en_AU"></head>`,
			want: pageMeta{Title: "Dam levels fall", Source: "Riverside Post", Authors: []string{"Ivo Marsh"},
				Published: time.Date(2023, 2, 3, 0, 0, 0, 0, time.UTC), PublishedFrom: "meta", Language: "en-AU"},
		},
		{
			name: "time element in article beats teaser time",
			html: `<body><aside><time datetime="2020-01-01">old</time></aside><article><h1>Quarry expansion refused</h1>
				<time datetime="2022-08-09T14:00:00Z">9 August</time></article></body>`,
			want: pageMeta{Title: "Quarry expansion refused", Published: time.Date(2022, 8, 9, 14, 0, 0, 0, time.UTC), PublishedFrom: "time-element"},
		},
		{
			name: "modified kept apart",
			html: `<head><meta property="article:modified_time" content="2021-06-02T08:00:00Z"></head><body><h1>Library hours extended</h1></body>`,
			loc:  "https://example.org/news/2021/05/30/library",
			want: pageMeta{Title: "Library hours extended", Published: time.Date(2021, 5, 30, 0, 0, 0, 0, time.UTC),
				Modified: time.Date(2021, 6, 2, 8, 0, 0, 0, time.UTC), PublishedFrom: "url"},
		},
		{
			name: "byline text",
			html: `<body><h1>Council tax frozen</h1><div class="byline">By Sunil Varma | 4 March 2024</div></body>`,
			want: pageMeta{Title: "Council tax frozen", Authors: []string{"Sunil Varma"},
				Published: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), PublishedFrom: "byline"},
		},
		{
			name: "byline co-author merged with meta author",
			html: `<head><meta name="author" content="Lena Brack"></head><body><h1>Pier reopens</h1>
				<div class="byline">By Lena Brack and Oskar Vime | Harbour desk</div></body>`,
			want: pageMeta{Title: "Pier reopens", Authors: []string{"Lena Brack", "Oskar Vime"}},
		},
		{
			name: "byline without the meta author adds nothing",
			html: `<head><meta name="author" content="Lena Brack"></head><body><h1>Pier reopens</h1>
				<div class="byline">By Rui Tamsin and Oskar Vime</div></body>`,
			want: pageMeta{Title: "Pier reopens", Authors: []string{"Lena Brack"}},
		},
		{
			name: "canonical and itemprop",
			html: `<head><link rel="canonical" href="https://ex.org/a"><title>Tram line approved - Metro Daily</title></head>
				<body><span itemprop="datePublished" content="2019-11-18T06:00:00Z"></span>
				<span itemprop="author"><span itemprop="name">Dora Kell</span></span></body>`,
			want: pageMeta{Title: "Tram line approved - Metro Daily", CanonicalURL: "https://ex.org/a", Authors: []string{"Dora Kell"},
				Published: time.Date(2019, 11, 18, 6, 0, 0, 0, time.UTC), PublishedFrom: "meta"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			got := extractMeta(doc, tc.loc)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("extractMeta mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNumericDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when refused
	}{
		{"19/09/2026", "2026-09-19"},
		{"19.09.2026", "2026-09-19"},
		{"09/19/2026", "2026-09-19"}, // month first: 19 is no month
		{"03/04/2026", ""},           // either way
		{"31/02/2026", ""},           // no such day
		{"09.19.2026", ""},           // dots are day first
	}
	for _, tt := range tests {
		got, ok := numericDate(tt.in, "")
		if tt.want == "" {
			if ok {
				t.Errorf("numericDate(%q) = %v, want refused", tt.in, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("numericDate(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
		}
	}
}

func TestFindDateIn(t *testing.T) {
	tests := []struct {
		in, lang string
		want     string // "" when refused
	}{
		{"Anders Flatebø · Published 8.11.2026 21:14", "en-GB", "2026-11-08"},
		{"Published 8.11.2026", "", "2026-11-08"}, // dots are day first anywhere
		{"Published 04/03/2026 08:15 (GMT+7)", "vi", "2026-03-04"},
		{"Published 04/03/2026", "en-GB", "2026-03-04"},
		{"Published 04/03/2026", "en-US", ""},
		{"Published 04/03/2026", "en", ""}, // English of no stated country
		{"Published 04/03/2026", "", ""},
		{"Published 31/02/2026", "de", ""}, // no such day
	}
	for _, tt := range tests {
		got, ok := findDateIn(tt.in, tt.lang)
		if tt.want == "" {
			if ok {
				t.Errorf("findDateIn(%q, %q) = %v, want refused", tt.in, tt.lang, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("findDateIn(%q, %q) = %v, %v; want %s", tt.in, tt.lang, got, ok, tt.want)
		}
	}
}

func TestPublishedFromPageText(t *testing.T) {
	body := `<div class="text"><p>The harbour board said on Tuesday it would reopen the quay after repairs that cost two million euros, officials said.</p>
<p>The work took three weeks and involved forty workers from two firms in the region, the board added in its statement.</p></div>`
	tests := []struct {
		name, page, want, from string
	}{
		{"a newsletter's title", `<html><head><title>The Harbour Observer – Weekly Digest, 14 March 2026</title></head><body>` + body + `</body></html>`, "2026-03-14", "title"},
		{"a headline naming a day is no date", `<html><head><title>Quay to reopen on 14 March 2026 after repairs</title></head><body>` + body + `</body></html>`, "", ""},
		{"a dotted date in the meta line", `<html lang="nb"><head><title>Quay to reopen</title></head><body><p class="meta">Ola Brink · Published 8.11.2026 21:14</p>` + body + `</body></html>`, "2026-11-08", "byline"},
		{"an article-info line, day first", `<html lang="vi"><head><title>Quay to reopen</title></head><body><div class="art-info">Ola Brink · Published 04/03/2026 08:15</div>` + body + `</body></html>`, "2026-03-04", "byline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := cleanHTML("page.html", []byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !doc.Published.IsZero() {
				got = doc.Published.Format("2006-01-02")
			}
			if got != tt.want || doc.PublishedFrom != tt.from {
				t.Errorf("published %q from %q, want %q from %q", got, doc.PublishedFrom, tt.want, tt.from)
			}
		})
	}
}
