package corpus

import (
	"strings"
	"testing"
)

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		name string
		kind BlockKind
		text string
		want bool
	}{
		// Furniture.
		{"share thoughts", Paragraph, "Share your thoughts below and join the conversation on social media.", true},
		{"your take matters", Paragraph, "Your take matters. Do you believe the framework can work? Tell us what you think.", true},
		{"questions for readers", Paragraph, "Questions for readers: Should the treaty be binding? How should it be enforced?", true},
		{"questions to the reader", Paragraph, "Should the port stay public? Would you pay more to keep it so?", true},
		{"continue following", Paragraph, "Continue following this page for updates as negotiators refine the framework.", true},
		{"ongoing coverage", Paragraph, "For ongoing coverage, follow our updates as talks continue.", true},
		{"newsletter", Paragraph, "Sign up for our newsletter to get the week's top stories.", true},
		{"subscribe", Paragraph, "Subscribe to our daily briefing.", true},
		{"follow us", Paragraph, "Follow us on social media for more.", true},
		{"click here", Paragraph, "Click here to watch the full interview.", true},
		{"read more", Paragraph, "Read more: Council delays vote on budget", true},
		{"related stories", ListItem, "Related stories: Port strike enters third day", true},
		{"cookies", Paragraph, "We use cookies. By continuing you accept cookies on this site.", true},
		{"share article", Paragraph, "Share this article", true},
		{"rights", Paragraph, "© 2025 Northgate Ledger. All rights reserved.", true},
		{"copyright year", Paragraph, "Copyright 2024 Meridian Wire", true},
		{"byline", Paragraph, "By Jane Doe and Ali Khan, Staff Writers", true},
		{"byline with date", Paragraph, "By Jane Doe | 3 March 2025", true},
		{"wire sign-off", Paragraph, "KNA SD RM 1652", true},
		{"wire sign-off with a zone", Paragraph, "KNA JK 0912 GMT", true},
		{"capitals with a year are no sign-off", Paragraph, "UN SAYS 2026", false},
		{"a headline in capitals is no sign-off", Paragraph, "PORT REOPENS", false},
		{"photo credit", Caption, "Photo: Reuters/Ana Lopes", true},
		{"sources line", Paragraph, "Sources: Ministry press release (15 Dec 2025); council minutes", true},
		{"reporting by", Paragraph, "Reporting by Tomasz Wielgosz; Editing by Hal Benning", true},
		{"reporting by in brackets", Paragraph, "(Reporting by Ines Marl; Editing by Tam Oduya)", true},
		{"hashtags", ListItem, "Relevant hashtags: #PortStrike, #Harbourview2025", true},
		{"toc heading", Heading, "Table of Contents", true},
		{"comments heading", Heading, "Comments", true},
		{"leave a comment", Paragraph, "Leave a comment and let us know.", true},
		{"what do you think", Paragraph, "What do you think about the new barrier?", true},
		{"empty", Paragraph, "  ", true},

		// News text that uses similar words.
		{"share information", Paragraph, "Officials urged citizens to share information with police.", false},
		{"quoted let us know", Paragraph, `"Let us know if you see anything," the sheriff told residents on Monday.`, false},
		{"quoted question", Paragraph, `"What do you think will happen?" she asked the minister.`, false},
		{"by date", Paragraph, "By Friday, prices had risen 4%.", false},
		{"by the end", Paragraph, "By the end of 2025 the fund will hold $45 billion.", false},
		{"by name sentence", Paragraph, "By Christmas, prices rose sharply in the capital.", false},
		{"joined debate", Paragraph, "Germany joined the debate over the fund last week.", false},
		{"read more than", Paragraph, "Inspectors read more than 300 letters from workers.", false},
		{"follow-up", Paragraph, "The ministry will follow up with a written report.", false},
		{"headline", Title, "Harbourview Council Approves Tidal Barrier Plan", false},
		{"heading", Heading, "What the Council Decided", false},
		// A release's or report's summary heads its key figures.
		{"highlights heading", Heading, "Highlights", false},
		{"key highlights heading", Heading, "Key highlights", false},
		{"table row source", TableRow, "Source: Ministry of Finance; Amount: $12 billion", false},
		{"statement with question", Paragraph, "Why did the talks fail? Diplomats blamed the sequencing of sanctions relief.", false},
		{"claim", ListItem, "Reconstruction fund – $50 billion earmarked for infrastructure.", false},
		{"long paragraph with phrase", Paragraph, longNews, false},
		{"rhetorical questions", Paragraph, "Was the new format a failure? Or did the crowds simply stay away from the smaller venues?", false},
		{"prompt inside reporting", Paragraph, "The forum exists so that members can raise concerns about the budget in the comments section below. " +
			"Council staff also answer letters sent to the town hall, and the clerk publishes a summary of them every quarter, " +
			"together with the replies that departments gave and the cost of any change they agreed to make.", false},
		{"see more label", Paragraph, "SEE MORE: Harbour wall repairs delayed again", true},
		{"publication stamp", Paragraph, "Updated 11:21 pm GMT, Tuesday, March 4, 2025", true},
		{"posted by stamp", Paragraph, "Posted by Ana Lopes", true},
		{"updated heading", Heading, "Updated guidance for landlords", false},
		{"published by sentence", Paragraph, "Published by the statistics office on Monday, the figures show a 3% rise in rents.", false},
		{"gallery counter", Paragraph, "Image 3 of 5", true},
		{"related label", Paragraph, "More Great Gazette Stories", true},
		{"posted on as reporting", Paragraph, "Posted on social media by the performance analysts at a testing lab, the clip shows the game stuttering.", false},
		{"news heading", Heading, "More people are now reading local news", false},
		{"more stories sentence", Paragraph, "More than 300 stories were filed by the court reporters last year.", false},
		{"engagement with question", Paragraph, "Your view counts. Do you think the barrier will be ready in time? Share your thoughts below.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isBoilerplate(tt.kind, tt.text); got != tt.want {
				t.Errorf("isBoilerplate(%s, %q) = %v, want %v", tt.kind, tt.text, got, tt.want)
			}
		})
	}
}

// longNews is a long news paragraph that mentions comments in passing.
const longNews = "The regulator opened a consultation on the merger in March and received more than 4,000 responses, " +
	"many of them from small shippers who said the combined company would control two thirds of the routes out of the port. " +
	"In its decision, published on Tuesday, the regulator said it had read every submission and that officials would tell us " +
	"what do you think was the most common concern only after the appeal period closes, a spokesman said, adding that the " +
	"merger could still be challenged in court by any party within 60 days of the ruling being published in the official journal " +
	"of the commission, which is due next month according to the timetable set out in the original filing by both companies."

func TestParseByline(t *testing.T) {
	tests := []struct {
		in    string
		want  []string
		isOne bool
	}{
		{"Jane Doe", []string{"Jane Doe"}, true},
		{"Jane Doe and Ali Khan", []string{"Jane Doe", "Ali Khan"}, true},
		{"Jane Doe, Staff Writer", []string{"Jane Doe"}, true},
		{"Maria de la Cruz | March 3, 2025", []string{"Maria de la Cruz"}, true},
		{"ANA LOPES, Associated Press Writer 1 hour, 40 minutes ago", []string{"ANA LOPES"}, true},
		{"the end of the year", nil, false},
		{"Friday, prices rose", nil, false},
	}
	for _, tt := range tests {
		got, ok := parseByline(tt.in)
		if ok != tt.isOne || len(got) != len(tt.want) {
			t.Errorf("parseByline(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.isOne)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("parseByline(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}

func TestMarkReaderQuestions(t *testing.T) {
	questions := "What should the town fund first: the sea wall or the school? How should it pay for both?"
	tests := []struct {
		name   string
		blocks []Block
		want   bool // whether the questions end up boilerplate
	}{
		{"before engagement prompt", []Block{
			{Kind: Paragraph, Text: "The council will vote on the budget in March."},
			{Kind: Paragraph, Text: questions},
			{Kind: Paragraph, Text: "Share your thoughts below.", Boilerplate: true},
		}, true},
		{"under engagement heading", []Block{
			{Kind: Heading, Text: "Engagement", Boilerplate: true},
			{Kind: Paragraph, Text: questions},
		}, true},
		{"between reporting", []Block{
			{Kind: Paragraph, Text: "The council will vote on the budget in March."},
			{Kind: Paragraph, Text: questions},
			{Kind: Paragraph, Text: "Both projects are over budget, the treasurer said."},
		}, false},
		{"next to a byline", []Block{
			{Kind: Paragraph, Text: "By Ana Lopes", Boilerplate: true},
			{Kind: Paragraph, Text: questions},
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			markReaderQuestions(tt.blocks)
			for _, b := range tt.blocks {
				if b.Text == questions && b.Boilerplate != tt.want {
					t.Errorf("questions boilerplate = %v, want %v", b.Boilerplate, tt.want)
				}
			}
		})
	}
}

func TestMarkFurnitureLists(t *testing.T) {
	tests := []struct {
		name   string
		blocks []Block
		want   []bool
	}{
		{"list under related label", []Block{
			{Kind: Paragraph, Text: "More Great Harbour Stories", Boilerplate: true},
			{Kind: ListItem, Text: "Ferry fares, frozen again"},
			{Kind: ListItem, Text: "Pier lights return"},
			{Kind: Paragraph, Text: "The barrier opens in May."},
			{Kind: ListItem, Text: "Cost: 84 million pounds"},
		}, []bool{true, true, true, false, false}},
		{"list after an ad slot stays", []Block{
			{Kind: Paragraph, Text: "Advertisement", Boilerplate: true},
			{Kind: ListItem, Text: "The barrier will be 2.4 km long"},
		}, []bool{true, false}},
		{"list under a credit line stays", []Block{
			{Kind: Paragraph, Text: "(Image credit: Harbour Board)", Boilerplate: true},
			{Kind: ListItem, Text: "Blue Ferry Ltd, Eastmere"},
		}, []bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			markFurnitureLists(tt.blocks)
			for i, b := range tt.blocks {
				if b.Boilerplate != tt.want[i] {
					t.Errorf("block %q boilerplate = %v, want %v", b.Text, b.Boilerplate, tt.want[i])
				}
			}
		})
	}
}

// FuzzIsBoilerplate feeds arbitrary text to the boilerplate rules, which
// slice text by sentence and match offsets: no panic, and a block of only
// spaces is always furniture.
func FuzzIsBoilerplate(f *testing.F) {
	for _, s := range []string{
		"Your view counts. Do you think so? Share your thoughts below.",
		"\"Let us know,\" he said. Tell us what you think?",
		"Posted on 3 May | By Ana Lopes",
		"More Great Stories",
		"a? b? c?",
		"“Share your thoughts” “",
		"We'd love to hear from you. Don't miss our picks. Sign up for our newsletter.",
		"Accept all cookies. Terms of use. Download our app. Click here. Stay tuned.",
		"Questions for discussion. Have your say. Your voice matters. Tell us how.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []BlockKind{Paragraph, Heading, ListItem, TableRow, Caption, Quote, Title} {
			isBoilerplate(k, s)
		}
		isFurnitureLabel(s)
		bs := []Block{{Kind: Paragraph, Text: s}, {Kind: Paragraph, Text: s, Boilerplate: true}, {Kind: ListItem, Text: s}}
		markReaderQuestions(bs)
		markFurnitureLists(bs)
		// The keyword prefilter must never hide a phrase the pattern
		// matches (ASCII only: the pattern also folds "ſ" and "K").
		if isASCII(s) && engagementAnywhere().MatchString(s) && !hasAny(strings.ToLower(s), engagementKeys...) {
			t.Fatalf("engagement phrase in %q missed by the keyword prefilter", s)
		}
		if strings.TrimSpace(s) == "" && !isBoilerplate(Paragraph, s) {
			t.Fatalf("blank block %q not boilerplate", s)
		}
	})
}

func TestIsDateLine(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Saturday 05 Jan 2008 20:43", true},
		{"10:02 AM CST on Friday, December 28, 2007", true},
		{"11/01/2008 2:35:41 PM", true},
		{"Thursday, December 27 2007, 07:00 GMT", true},
		{"January 16, 2008 12:55 PM ET", true},
		{"14.03.2026 07:12", true},
		{"March 2026", true},
		// Sentences and headings with dates are content.
		{"On March 3, 2026 the council voted 7-2", false},
		{"Fares rise 20% on 1 April", false},
		{"2026", false},
		{"Chapter 11 at 3:00", false},
		{"Results of the 2026 election", false},
	}
	for _, tc := range tests {
		if got := isDateLine(tc.text); got != tc.want {
			t.Errorf("isDateLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestReaderDirected checks the general mechanism behind engagement
// prompts on wordings of our own: an imperative of a reader verb that
// refers to the reader or the page, or a very short sentence about the
// reader's say; never reported speech.
func TestReaderDirected(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Drop us a line with your view on the new tram timetable.", true},
		{"Send us your photos of the flooding.", true},
		{"Vote in our poll below.", true},
		{"For the latest, keep checking this page.", true},
		{"If you were at the match, tell us about it in the comments.", true},
		{"Please email your questions to the newsroom.", true},
		{"Your vote counts!", true},
		// Reporting and instructions inside the news.
		{"Send the money by Friday, the tax office told businesses.", false},
		{"Keep the doors shut until the smoke clears, the fire service said.", false},
		{"Voters who want to register can do so until March 3.", false},
		{"Follow the coast road north for 12 kilometres to reach the camp.", false},
		{"Your pension rises by 3.1% in April.", false},
		{"Share prices fell 4% in early trading.", false},
	}
	for _, tc := range tests {
		if got := readerDirected(strings.ToLower(tc.text)); got != tc.want {
			t.Errorf("readerDirected(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	// Blocks of such sentences are furniture; one in a quote is not.
	if !isBoilerplate(Paragraph, "Were you affected by the closure? Drop us a line with your story.") {
		t.Error("prompt block not boilerplate")
	}
	if !isBoilerplate(Paragraph, "Tell us about your trip in the comments! And do not forget the Harbour Weekly for the latest news from the coast.") {
		t.Error("short promo block with one prompt not boilerplate")
	}
	// An answer that ends with advice is content.
	if isBoilerplate(Paragraph, "The city itself was not flooded, but several roads to the south were closed. Check local traffic updates before travelling.") {
		t.Error("answer ending with advice marked boilerplate")
	}
	if isBoilerplate(Paragraph, `"Send us your photos," the fire chief told residents after the blaze.`) {
		t.Error("quoted appeal marked boilerplate")
	}
}

func TestMarkFurnitureHeadings(t *testing.T) {
	blocks := []Block{
		{Kind: Heading, Text: "What the council decided"},
		{Kind: Paragraph, Text: "The council approved the plan by 7 votes to 2."},
		{Kind: Heading, Text: "Over to you"},
		{Kind: Paragraph, Text: "Drop us a line with your view.", Boilerplate: true},
		{Kind: Heading, Text: "Background"},
		{Kind: Heading, Text: "Earlier plans"},
		{Kind: Paragraph, Text: "A first plan failed in 2019."},
	}
	markFurnitureHeadings(blocks)
	for i, want := range []bool{false, false, true, true, false, false, false} {
		if blocks[i].Boilerplate != want {
			t.Errorf("block %d %q: boilerplate = %v, want %v", i, blocks[i].Text, blocks[i].Boilerplate, want)
		}
	}
}

func TestFurnitureListGroupTitles(t *testing.T) {
	blocks := []Block{
		{Kind: Paragraph, Text: "The champion said he would defend his title in Melbourne."},
		{Kind: Heading, Text: "Sponsored Links", Boilerplate: true},
		{Kind: Heading, Text: "Garden sheds"},
		{Kind: ListItem, Text: "Sheds in every size, delivered free."},
		{Kind: Paragraph, Text: "He won the tournament three times in a row."},
		{Kind: Heading, Text: "Next season"},
		{Kind: Paragraph, Text: "The draw is made in December."},
	}
	markFurnitureLists(blocks)
	for i, want := range []bool{false, true, true, true, false, false, false} {
		if blocks[i].Boilerplate != want {
			t.Errorf("block %d %q: boilerplate = %v, want %v", i, blocks[i].Text, blocks[i].Boilerplate, want)
		}
	}
}
