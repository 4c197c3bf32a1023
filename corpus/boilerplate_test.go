package corpus

import "testing"

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
		{"only questions", Paragraph, "What should come first: money or guarantees? How should the town balance the two?", true},
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
		{"photo credit", Caption, "Photo: Reuters/Ana Lopes", true},
		{"sources line", Paragraph, "Sources: Ministry press release (15 Dec 2025); council minutes", true},
		{"reporting by", Paragraph, "Reporting by Tomasz Wielgosz; Editing by Hal Benning", true},
		{"hashtags", ListItem, "Relevant hashtags: #PortStrike, #Harbourview2025", true},
		{"engagement heading", Heading, "Engagement", true},
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
		{"table row source", TableRow, "Source: Ministry of Finance; Amount: $12 billion", false},
		{"statement with question", Paragraph, "Why did the talks fail? Diplomats blamed the sequencing of sanctions relief.", false},
		{"claim", ListItem, "Reconstruction fund – $50 billion earmarked for infrastructure.", false},
		{"long paragraph with phrase", Paragraph, longNews, false},
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
