package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
)

// TestCleanHTMLGolden cleans each page under testdata/html and compares the
// document with its .golden.json (go test ./corpus -run CleanHTMLGolden -update).
func TestCleanHTMLGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("no test pages")
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		if name == "no-article" {
			continue // TestCleanHTMLNoContent
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := cleanHTML("testdata/html/"+name+".html", data, Options{Source: "fallback"})
			if err != nil {
				t.Fatalf("cleanHTML: %v", err)
			}
			checkHTMLOffsets(t, doc)
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "html", name+".golden.json")
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
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// checkHTMLOffsets asserts that every block's offsets select its text.
func checkHTMLOffsets(t *testing.T, doc *Document) {
	t.Helper()
	for i, b := range doc.Blocks {
		if b.Start < 0 || b.End > len(doc.Text) || b.Start > b.End {
			t.Fatalf("block %d offsets [%d,%d) outside text of %d bytes", i, b.Start, b.End, len(doc.Text))
		}
		if doc.Text[b.Start:b.End] != b.Text {
			t.Fatalf("block %d: text[%d:%d] = %q, block text %q", i, b.Start, b.End, doc.Text[b.Start:b.End], b.Text)
		}
	}
}

// blockTexts returns the texts of the blocks, split by boilerplate.
func blockTexts(doc *Document) (content, boiler []string) {
	for _, b := range doc.Blocks {
		if b.Boilerplate {
			boiler = append(boiler, b.Text)
		} else {
			content = append(content, b.Text)
		}
	}
	return content, boiler
}

// TestCleanHTMLChrome checks the chrome-heavy page piece by piece, so that a
// wrong golden file cannot hide a regression in what matters.
func TestCleanHTMLChrome(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "news-chrome.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := cleanHTML("news-chrome.html", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	content, _ := blockTexts(doc)
	all := strings.Join(content, "\n")
	for _, want := range []string{
		"Saltmarsh harbour council voted 11 to 6",
		"£52 million government flood grant",
		"Opponents argued that a cheaper set of raised embankments",
		"Government flood grant: £52m",
		"Construction is expected to start in spring 2026.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("content lacks %q", want)
		}
	}
	for _, junk := range []string{
		"cookies", "Sport", "Share on Facebook", "newsletter", "Ports authority posts record profits",
		"About time!", "Most read", "All rights reserved", "Share your thoughts below", "Courier staff",
	} {
		if strings.Contains(all, junk) {
			t.Errorf("content has furniture %q", junk)
		}
	}
	kinds := map[BlockKind]int{}
	for _, b := range doc.Blocks {
		kinds[b.Kind]++
		if b.Kind == Quote && !strings.Contains(b.Text, "every pound") {
			t.Errorf("unexpected quote %q", b.Text)
		}
		if b.Kind == Caption && b.Boilerplate {
			t.Errorf("caption marked boilerplate: %q", b.Text)
		}
	}
	wantKinds := map[BlockKind]int{Title: 1, Heading: 2, Quote: 1, Caption: 1, TableRow: 3, ListItem: 2}
	for k, n := range wantKinds {
		if kinds[k] != n {
			t.Errorf("%d %s blocks, want %d", kinds[k], k, n)
		}
	}
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, "Opponents") && b.Section != "Why the vote took so long" {
			t.Errorf("section of %q = %q", b.Text, b.Section)
		}
	}
}

func TestCleanHTMLNoContent(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"chrome only", mustRead(t, filepath.Join("testdata", "html", "no-article.html"))},
		{"empty body", "<html><body></body></html>"},
		{"scripts only", "<html><body><script>var a = 'lots of text here, not an article';</script></body></html>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := cleanHTML("page.html", []byte(tc.data), Options{})
			if !errors.Is(err, ErrNoContent) {
				t.Fatalf("cleanHTML = %v, %v; want ErrNoContent", doc, err)
			}
			if !strings.Contains(err.Error(), "page.html") {
				t.Errorf("error %q does not name the location", err)
			}
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCleanHTMLRobust(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // a text the content must contain
	}{
		{"truncated", "<html><body><article><p>The mill reopened on Tuesday after a fire closed it for six weeks.</p><p>Workers were", "mill reopened on Tuesday"},
		{"unclosed tags", "<div><p>Bus fares in Lorvin rise by 12 cents from June, the transit board said.<p>It is the first rise since 2019.<div><span>", "first rise since 2019"},
		// Mostly UTF-8, no charset declared, one stray byte: the page stays
		// UTF-8 instead of turning into windows-1252 mojibake.
		{"one stray byte in undeclared utf-8", "<html><body><p>Café owners in Brisk paid €40 more a month for water, said Zoë Łukasz \x92 of the “traders’ guild”.</p></body></html>", "Café owners in Brisk paid €40 more a month for water, said Zoë Łukasz"},
		{"invalid utf-8", "<p>Caf\xe9 owners in Brisk paid \xa340 more a month for water this year.</p>", "Café owners in Brisk paid £40"},
		{"div text with br", "<div class=\"post\">First paragraph of the story about the bridge.<br><br>Second paragraph explains the cost of the bridge repair.</div>", "Second paragraph explains"},
		{"nested deep but legal", strings.Repeat("<div>", 300) + "<p>Deep nesting still yields the harbour story text.</p>" + strings.Repeat("</div>", 300), "Deep nesting still"},
		// Beyond the parser's 512 open elements: the page is parsed again
		// with the excess nesting flattened.
		{"nested beyond the parser's bound", strings.Repeat("<div>", 5000) + "<p>The ferry timetable changes on 3 May, the harbour office said.</p>" + strings.Repeat("</div>", 5000), "ferry timetable changes on 3 May"},
		{"unclosed divs", "<html><body>" + strings.Repeat("<div class=\"row\">", 700) + "<p>Council tax in Dorrow rises by 4.9 per cent in April, the council confirmed.</p><p>It is the third rise in three years.</p>", "Council tax in Dorrow rises"},
		{"unclosed font tags around every paragraph", "<html><body>" + strings.Repeat("<font size=\"2\"><p>The old bridge toll of 40 pence was scrapped in 1998 after a local vote. ", 600) + "</body></html>", "old bridge toll of 40 pence"},
		{"text after deep nesting", strings.Repeat("<span>", 600) + "x" + strings.Repeat("</span>", 600) + "<p>Rail services resume on Monday after the landslip was cleared, the operator said.</p>", "Rail services resume on Monday"},
		{"layout table", "<table><tr><td><p>The reservoir stood at 41 per cent of capacity on Monday, the water board said.</p><p>Hosepipe bans remain in place.</p></td><td><a href=\"/x\">Home</a></td></tr></table>", "reservoir stood at 41 per cent"},
		{"form wrapper", "<form id=\"aspnetForm\"><div class=\"story\"><p>" + strings.Repeat("The committee heard evidence for four hours about the new depot. ", 10) + "</p></div></form>", "committee heard evidence"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := cleanHTML("p.html", []byte(tc.data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLOffsets(t, doc)
			content, _ := blockTexts(doc)
			if all := strings.Join(content, "\n"); !strings.Contains(all, tc.want) {
				t.Errorf("content %q lacks %q", all, tc.want)
			}
		})
	}
}

func TestCleanHTMLCharset(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "windows-1252.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := cleanHTML("w.html", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Après dix-huit mois", "cave d’affinage", "« Nous pourrons affiner 40 % de meules", "Hélène Brunquell"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	if strings.ContainsRune(doc.Text, '\uFFFD') {
		t.Errorf("replacement characters in %q", doc.Text)
	}
	// The HTTP Content-Type wins over the page's own declaration.
	latin := []byte("<html><head><meta charset=\"utf-8\"></head><body><p>Le d\xe9put\xe9 a vot\xe9 contre la r\xe9forme des retraites hier soir.</p></body></html>")
	doc, err = cleanHTML("l.html", latin, Options{ContentType: "text/html; charset=ISO-8859-1"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Le député a voté contre la réforme") {
		t.Errorf("latin-1 text = %q", doc.Text)
	}
}

// FuzzCleanHTML: no panic, and block offsets always select the block text.
func FuzzCleanHTML(f *testing.F) {
	for _, name := range []string{"news-chrome.html", "jsonld-graph.html", "og-only.html", "windows-1252.html", "short-with-related.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", "html", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<p>a<table><tr><th>x<td>y</table><li>z"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[[{"name":1}]]}]}</script><p>text</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := cleanHTML("fuzz.html", data, Options{})
		if err != nil {
			if !errors.Is(err, ErrNoContent) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		checkHTMLOffsets(t, doc)
	})
}

// TestCleanHTMLShortArticleWithRelated checks a short article that a box
// of related stories outweighs: the headline's own <article> wins, the
// embedded post and the caption stay, the related box and the list under
// its label do not count as text.
func TestCleanHTMLShortArticleWithRelated(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "short-with-related.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := cleanHTML("short-with-related.html", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkHTMLOffsets(t, doc)
	type want struct {
		kind   BlockKind
		boiler bool
	}
	tests := []struct {
		name, substr string
		want         want
	}{
		{"lead paragraph", "handwritten log kept by the last keeper", want{Paragraph, false}},
		{"embedded post", "Thirty-one winters of weather", want{Quote, false}},
		{"inline caption", "final entry, dated 30 March 1980", want{Caption, false}},
		{"second paragraph", "214 ships helped past the point", want{Paragraph, false}},
		{"related label", "More Great Gazette Stories", want{Paragraph, true}},
		{"list under label", "Harbour wall repairs, delayed again", want{ListItem, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, tt.substr) {
					if got := (want{b.Kind, b.Boilerplate}); got != tt.want {
						t.Errorf("block %q = %+v, want %+v", b.Text, got, tt.want)
					}
					return
				}
			}
			t.Errorf("no block contains %q", tt.substr)
		})
	}
	content, _ := blockTexts(doc)
	all := strings.Join(content, "\n")
	for _, junk := range []string{"Fishing fleet shrinks", "nineteen last year", "School roof", "Facebook"} {
		if strings.Contains(all, junk) {
			t.Errorf("content has %q from outside the article", junk)
		}
	}
}

// TestCleanHTMLLayouts checks container choices on small original pages:
// what must be in the article text and what must not.
func TestCleanHTMLLayouts(t *testing.T) {
	para := func(s string) string {
		return "<p>" + s + " The figures were published by the regional statistics office, which collects them every quarter, " +
			"and they were confirmed on Tuesday by the transport ministry, whose spokesman declined to say when the next survey would run.</p>"
	}
	tests := []struct {
		name      string
		page      string
		want, not []string
	}{
		{
			name: "standfirst above the body container",
			page: `<html><head><title>Ferry fares rise</title></head><body><main>
				<h1>Ferry fares rise</h1>
				<div class="article-summary">Ferry fares to the islands will rise by 9 percent in April, the operator said on Monday.</div>
				<div class="article-body">` + para("Season tickets rise less, by 4 percent.") + para("Cargo rates are unchanged.") + `</div>
				<div class="share-tools"><a href="#">Share</a></div>
				</main></body></html>`,
			want: []string{"rise by 9 percent in April", "Season tickets rise less", "Cargo rates are unchanged"},
			not:  []string{"Share"},
		},
		{
			name: "article split around a pull quote, one part nested deeper",
			page: `<html><head><title>Dam study</title></head><body><div class="post">
				<div class="wrap"><div class="inner"><div class="text">` + para("The dam lost 12 percent of its capacity to silt.") +
				para("Engineers want to dredge it in 2027.") + para("Farmers downstream back the plan.") + `</div></div></div>
				<figure><blockquote class="pull">Silt is the quiet problem.</blockquote></figure>
				<section class="part"><div class="text">` + para("Dredging would cost 40 million euros.") +
				para("The council has set aside half of it.") + para("The rest would come from a national fund.") + `</div></section>
				</div></body></html>`,
			want: []string{"12 percent of its capacity", "dredge it in 2027", "40 million euros", "set aside half", "national fund"},
		},
		{
			name: "live blog entries in a container named like a feed",
			page: `<html><head><title>Strike: live</title></head><body><div class="container"><h1>Strike: live</h1>
				<div class="live-feed">
				<div class="entry"><div class="ts">7:45pm</div><h4>Arrests</h4>` + para("Police said 212 people were arrested across the country.") + `</div>
				<div class="entry"><div class="ts">6:10pm</div><h4>Union speaks</h4>` + para("The union president spoke to several thousand marchers.") + `</div>
				<div class="entry"><div class="ts">4:30pm</div><h4>Markets shut</h4>` + para("Most shops at the two central markets stayed closed.") + `</div>
				<div class="entry"><div class="ts">1:20pm</div><h4>Ministry</h4>` + para("The finance ministry said the subsidy would not return, in a long statement.") +
				para("It said the savings would reach households this month.") + `</div>
				</div>
				<ul class="more-links"><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
				</div></body></html>`,
			want: []string{"212 people were arrested", "several thousand marchers", "stayed closed", "would not return"},
			not:  []string{"Other story one"},
		},
		{
			name: "live blog entries grouped in one section per day",
			page: `<html><head><title>Flood: live</title></head><body><div id="live"><h1>Flood: live</h1>
				<section class="day"><h3>Friday</h3>
				<div class="entry"><time>6:45pm</time>` + para("The river crest passed the town bridge at 4.2 metres, below the record.") + `</div>
				<div class="entry"><time>10:20am</time>` + para("The mayor said 310 homes had been evacuated overnight on the east bank, most of them for a second time.") + `</div>
				</section>
				<section class="day"><h3>Thursday</h3>
				<div class="entry"><time>9:52pm</time>` + para("Sandbagging crews from three districts worked through the evening along the levee.") + `</div>
				<div class="entry"><time>5:50am</time>` + para("Forecasters issued a red warning for the valley after two days of heavy rain.") + `</div>
				</section>
				</div>
				<aside class="related"><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
				</body></html>`,
			want: []string{"river crest passed", "310 homes had been evacuated", "Sandbagging crews", "red warning"},
			not:  []string{"Other story one"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := cleanHTML("page.html", []byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			content, _ := blockTexts(doc)
			all := strings.Join(content, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("content lacks %q; content:\n%s", w, all)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(all, n) {
					t.Errorf("content has %q", n)
				}
			}
		})
	}
}

func TestUnclosedTitle(t *testing.T) {
	// A page whose <title> never closes: the parser would read the whole
	// page as the title's text.
	page := `<html><head><title>Harbour toll to rise (The Coast Daily)
<meta charset="utf-8"></head><body><div class="story">
<p>The harbour authority will raise the toll for cargo ships by 12% from June, its director said on Monday, citing the cost of dredging the channel.</p>
<p>Shipping firms said the increase would be passed on to importers within weeks.</p>
</div></body></html>`
	doc, err := cleanHTML("toll.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.BodyText(), "cost of dredging the channel") {
		t.Errorf("body lost: %q", doc.BodyText())
	}
	if !strings.HasPrefix(doc.Title, "Harbour toll to rise") {
		t.Errorf("title = %q", doc.Title)
	}
}

func TestFurnitureNamedWrapperAroundArticleBody(t *testing.T) {
	// "printReady" reads like a print button, but it frames the element
	// that names itself the article body.
	page := `<html><body><div id="printReady"><div id="articleBody">
The club said on Wednesday that its captain had been cleared to train after a visit to a spine specialist.<br><br>
It was not clear when he would play again, but the coach said the signs were good and that the team doctor agreed.<br><br>
</div></div><div class="sidebar"><p>Scores</p></div></body></html>`
	doc, err := cleanHTML("p.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.BodyText(), "cleared to train") {
		t.Errorf("body lost: %q", doc.BodyText())
	}
}

func TestJSONLDArticleBodyFallback(t *testing.T) {
	// The visible page is a script shell; the story is only in JSON-LD.
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Grain exports resume",
"articleBody":"Grain exports from the port of Kessla resumed on Tuesday after a three-week halt, the port authority said.\n\nSix ships left the harbour carrying 180,000 tonnes of wheat and maize, and eleven more are due to load this week, the authority added in a statement."}</script></head>
<body><div id="app"></div><p>Loading</p></body></html>`
	doc, err := cleanHTML("grain.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := doc.BodyText()
	if !strings.HasPrefix(body, "Grain exports from the port of Kessla resumed") || !strings.Contains(body, "\n\nSix ships left") {
		t.Errorf("body = %q", body)
	}
}

func TestFurnitureClasses(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"2/28", true},
		{"Foto 3 von 12", true},
		{"Lesen Sie auch: Die Bahn erhöht die Preise", true},
		{"Leia também: Governo anuncia novo pacote", true},
		{"Subscribe to continue reading.", true},
		{"This article is for subscribers only. Already a subscriber? Log in.", true},
		{"The price rose 2/3 of a cent on Monday, traders said, after the central bank's statement.", false},
		{`The publisher said its "subscribe to continue reading" wall had added 40,000 paying readers in a year.`, false},
		{"Sponsored Links", true},
		{"Also in the news", true},
		{"Go to next story", true},
		{"Printer-friendly version", true},
		{"Send this article to a friend", true},
		{"Staff and agencies", true},
		{"Associated Press", true},
		{"Brought to you by AAP", true},
		{"The Associated Press reported the sale on Tuesday, citing two people close to the deal.", false},
		{"Hospital staff worked through the night to treat the injured, the health ministry said.", false},
	}
	for _, tc := range tests {
		if got := isBoilerplate(Paragraph, tc.text); got != tc.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestHeadlineInsideTitle(t *testing.T) {
	tests := []struct {
		name, page, title string
	}{
		{"title with section and site after pipes", `<html><head><title>Harbour toll to rise by a fifth | LOCAL NEWS | Coast Daily, weather and traffic</title></head>
<body><div class="story"><h1>Harbour toll to rise by a fifth</h1>
<p>The harbour authority will raise the toll for cargo ships by 20% from June, its director said on Monday, citing the cost of dredging.</p>
<p>Shipping firms said the increase would be passed on to importers within weeks, and two lines said they would review their routes.</p></div></body></html>`,
			"Harbour toll to rise by a fifth"},
		{"headline repeated as a paragraph", `<html><head><title>Harbour toll to rise by a fifth</title></head>
<body><div class="story"><p><b>Harbour toll to rise by a fifth</b></p>
<p>The harbour authority will raise the toll for cargo ships by 20% from June, its director said on Monday, citing the cost of dredging.</p>
<p>Shipping firms said the increase would be passed on to importers within weeks, and two lines said they would review their routes.</p></div></body></html>`,
			"Harbour toll to rise by a fifth"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := cleanHTML("toll.html", []byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tc.title {
				t.Errorf("Title = %q, want %q", doc.Title, tc.title)
			}
			if body := doc.BodyText(); !strings.HasPrefix(body, "The harbour authority") {
				t.Errorf("body opens with %q, want the first paragraph", body[:min(len(body), 60)])
			}
		})
	}
}

// A page with more elements than MaxHTMLElements is parsed up to the
// bound: its start is kept, and memory does not grow with the rest.
func TestCleanHTMLElementBound(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><p>The depot opened in 2019 at a cost of 4 million pounds, the council said.</p>")
	for range MaxHTMLElements {
		b.WriteString("<p>x</p>")
	}
	b.WriteString("<p>This closing paragraph about the bus depot lies beyond the bound.</p></body></html>")
	doc, err := cleanHTML("p.html", []byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := doc.Text
	if !strings.Contains(all, "depot opened in 2019") {
		t.Errorf("text lacks the page's start")
	}
	if strings.Contains(all, "beyond the bound") {
		t.Errorf("text holds a paragraph beyond %d elements", MaxHTMLElements)
	}
}

func TestFlattenNesting(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"shallow page unchanged", "<div><p>a</p><br><img src=x></div>", "<div><p>a</p><br><img src=x></div>"},
		{"excess dropped with its end tags", "<b><b><b>x</b></b></b>y", "<b><b>x</b></b>y"},
		{"script text kept", "<i><i><script>if (a<b) {}</script></i></i>", "<i><i><script>if (a<b) {}</script></i></i>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := flattenNesting(tc.in, 2); got != tc.want {
				t.Errorf("flattenNesting(%q, 2) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// Markup the tag-name count under-counts still parses, with its text:
// self-closing syntax on elements that are not void, and formatting
// elements the parser reopens after a closing block.
func TestParseHTMLDeep(t *testing.T) {
	var reopened strings.Builder
	reopened.WriteString("<p>")
	for i := range 300 {
		fmt.Fprintf(&reopened, "<b class=c%d>", i)
	}
	reopened.WriteString("</p>" + strings.Repeat("<div>", 300) + "deep text")
	tests := []struct{ name, in string }{
		{"self-closing divs", strings.Repeat("<div/>", 600) + "deep text"},
		{"reopened formatting", reopened.String()},
		{"unclosed divs", strings.Repeat("<div>", 600) + "deep text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, _, err := parseHTML(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if text := goquery.NewDocumentFromNode(root).Text(); !strings.Contains(text, "deep text") {
				t.Errorf("text %q lacks the page's words", text)
			}
		})
	}
}

func TestClassesFromUnseenPages(t *testing.T) {
	para := "<p>The harbour authority will raise the toll for cargo ships by 20% from June, its director said on Monday, citing the cost of dredging the channel.</p>"
	tests := []struct {
		name, page string
		want       []string // the body's paragraphs, in order
	}{
		{"drop cap hidden from screen readers",
			`<html><body><article><p><span class="drop-cap" aria-hidden="true">T</span><span class="sr-only">T</span>he council voted on Monday, by seven votes to two, to close the old ferry pier for a year.</p>` + para + `</article></body></html>`,
			[]string{"The council voted on Monday", "The harbour authority"}},
		{"nested paragraphs",
			`<html><body><article><div class="body"><p><p>The council voted on Monday, by seven votes to two, to close the old ferry pier for a year.</p></p>` + para + `</div></article></body></html>`,
			[]string{"The council voted on Monday", "The harbour authority"}},
		{"button labels",
			`<html><body><article>` + para + `<a class="btn btn-primary" href="/more">Load more</a><span class="button-label">Listen to this article</span><p>Shipping firms said the increase would be passed on to importers within weeks.</p></article></body></html>`,
			[]string{"The harbour authority", "Shipping firms said"}},
		{"short agency item in a teaser box",
			`<html><body><div class="teaser-box"><div class="promo-item"><p>The harbour authority will raise the toll for cargo ships by 20% from June, its director said on Monday. (Nordwire)</p></div></div>` +
				`<div class="cookie-notice">This site uses cookies to measure traffic and to show advertising. By continuing to browse you accept the use of cookies as described in our policy, which also explains how to refuse them and what happens to the data we collect about your visit.</div></body></html>`,
			[]string{"The harbour authority"}},
		{"body split across sibling columns",
			`<html><body><div id="wrap"><div class="c1"><p>The council voted on Monday, by seven votes to two, to close the old ferry pier.</p></div><div class="c2">` + para + para + `<p>Shipping firms said the increase would be passed on to importers within weeks, two brokers said.</p></div><div class="c3"><p>Work on the pier starts in June and should end before the summer season next year.</p></div></div>` +
				`<div class="sidebar"><ul><li><a href="/x">Other story</a></li></ul></div></body></html>`,
			[]string{"The council voted on Monday", "The harbour authority", "Shipping firms said", "Work on the pier"}},
		{"the only text in an aside",
			`<html><body><div class="top"><a href="/">Home</a></div><aside><p>The harbour authority will raise the toll for cargo ships by 20% from June, its director said on Monday.</p></aside></body></html>`,
			[]string{"The harbour authority"}},
		{"the only text in noscript",
			`<html><body><div id="app"></div><noscript><div class="story"><p>The harbour authority will raise the toll for cargo ships by 20% from June, its director said on Monday.</p></div></noscript></body></html>`,
			[]string{"The harbour authority"}},
		{"paragraphs in main",
			`<html><body><header><a href="/">Home</a></header><main><p>The harbour authority will raise the toll for cargo ships by 20% from June.</p><p>Its director said on Monday the rise covers dredging.</p></main><footer>© 2026 Coast Daily</footer></body></html>`,
			[]string{"The harbour authority", "Its director said"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := cleanHTML("p.html", []byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range strings.Split(doc.BodyText(), "\n\n") {
				got = append(got, p)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("body has %d paragraphs, want %d: %q", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("paragraph %d = %q, want it to open with %q", i, got[i], w)
				}
			}
		})
	}
}

func TestHTMLDateline(t *testing.T) {
	page := `<html><body><article><p>STRANDVIK, Dec. 31 (Nordwire) - The ferry to the islands will run twice a day from January, the operator said on Wednesday.</p>
<p>Tickets go on sale on Friday, and prices stay as they are until the end of March.</p></article></body></html>`
	doc, err := cleanHTML("ferry.html", []byte(page), Options{Published: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC); !doc.Published.Equal(want) || doc.PublishedFrom != "dateline+published" {
		t.Errorf("Published = %v from %q, want %v from the dateline", doc.Published, doc.PublishedFrom, want)
	}
	if doc.Dateline != "Strandvik" {
		t.Errorf("Dateline = %q, want Strandvik", doc.Dateline)
	}
}

// TestHTMLPressDateline: a press release on a page without a date in its
// metadata is dated by its dateline, in mixed case, with the full date.
func TestHTMLPressDateline(t *testing.T) {
	page := `<html><body><article><p>Strandvik, Norland – March 12, 2026 – Nordhavn Ferries AS said it would add a second daily crossing to the islands from May.</p>
<p>Tickets go on sale on Friday, and prices stay as they are until the end of June.</p></article></body></html>`
	doc, err := cleanHTML("ferry.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC); !doc.Published.Equal(want) || doc.PublishedFrom != "dateline" {
		t.Errorf("Published = %v from %q, want %v from the dateline", doc.Published, doc.PublishedFrom, want)
	}
	if doc.Dateline != "Strandvik" {
		t.Errorf("Dateline = %q, want Strandvik", doc.Dateline)
	}
}

// TestInlineQuotation: the marks a browser draws around <q> are in the text.
func TestInlineQuotation(t *testing.T) {
	page := `<html><body><article><h1>Ferry talks</h1><p>Asked about the talks, she was blunt: <q>We will not sail until the port is safe.</q></p>` +
		`<p>The harbour board meets again on Friday to decide on the timetable for the summer crossings.</p></article></body></html>`
	doc, err := Clean("ferry.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "she was blunt: “We will not sail until the port is safe.”"; !strings.Contains(doc.BodyText(), want) {
		t.Errorf("body %q lacks %q", doc.BodyText(), want)
	}
}
