package extract

import (
	"math"
	"strings"
	"unicode"
)

// Check-worthiness. A claim's score is a logistic function of a weighted
// sum of features, so that every score can be explained by listing the
// features that fired (Features) and is deterministic. The weights encode
// what fact-checkers look for (ClaimBuster's and CheckThat!'s annotation
// guidelines): specific, verifiable content (figures, money, dates, named
// actors, comparisons, attributed statements) raises the score; opinion,
// speculation, questions, instructions to the reader and page furniture
// lower it.

// Feature is one signal behind a claim's score.
type Feature struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// The weights, with the reason for each.
const (
	// wBias puts a sentence with nothing checkable in it at about 0.27.
	wBias = -1.0
	// wMoney: amounts of money are the most checked figures in news.
	wMoney = 1.4
	// wQuantity: counts and measures ("5,000 detainees") are verifiable.
	wQuantity = 0.9
	// wNumber: any other specific number (a percentage, a ranking, a
	// count the quantity finder left out) still makes a claim precise.
	wNumber = 0.5
	// wDate: a dated event can be checked against the record.
	wDate = 0.5
	// wEntity, per distinct named entity up to maxEntities: claims about
	// named people, organisations and places are checkable; many names
	// add little more.
	wEntity     = 0.35
	maxEntities = 3
	// wComparison: comparisons and changes ("more than", "doubled",
	// "record") are a classic claim form and often wrong; without a
	// figure ("much better than") they weigh half as much.
	wComparison = 0.6
	// wAttribution: a statement attributed to a named speaker is a claim
	// that someone said something, checkable on its own.
	wAttribution = 0.6
	// wReporting: a reporting verb without a resolved speaker still marks
	// a statement of fact or position.
	wReporting = 0.25
	// wHedge: speculation ("may", "could") is less checkable.
	wHedge = -0.5
	// wOpinion: opinions and recommendations ("should", "I believe") are
	// not facts.
	wOpinion = -1.0
	// wQuestion: questions assert nothing.
	wQuestion = -2.5
	// wImperative: instructions to the reader assert nothing.
	wImperative = -1.5
	// wSecondPerson: text addressed to "you" is advice or engagement.
	wSecondPerson = -0.8
	// wShort: fragments under six words rarely carry a full claim (table
	// rows excepted: "Location: Miami, Florida" is complete).
	wShort = -1.0
	// wBoilerplate: page furniture that slipped through cleaning.
	wBoilerplate = -2.5
)

var comparisonWords = claimWordSet(
	"more", "less", "fewer", "greater", "higher", "lower", "larger",
	"smaller", "increase", "increased", "increases", "decrease", "decreased",
	"decreases", "rose", "risen", "rise", "rises", "fell", "fallen", "drop",
	"dropped", "doubled", "tripled", "halved", "highest", "lowest",
	"largest", "smallest", "biggest", "record", "most", "least", "surged",
	"plunged", "grew", "grown", "declined", "percent", "per", "than",
	"first", "only", "majority", "minority", "twice", "times", "compared",
)

var hedgeWords = claimWordSet(
	"may", "might", "could", "possibly", "perhaps", "reportedly",
	"allegedly", "likely", "unlikely", "probably", "appears", "appear",
	"seems", "seem", "suggests", "potential", "potentially", "unclear",
)

var opinionWords = claimWordSet(
	"should", "believe", "believes", "think", "thinks", "feel", "feels",
	"hope", "hopes", "ought", "arguably", "opinion", "view", "wish",
	"must", "deserve", "deserves", "best", "worst", "great", "terrible",
	"wonderful", "shameful", "clearly", "obviously",
)

// imperativeVerbs start calls to action addressed to the reader.
var imperativeVerbs = claimWordSet(
	"share", "join", "register", "follow", "subscribe", "click", "read",
	"sign", "continue", "leverage", "monitor", "contact", "visit", "check",
	"download", "watch", "see", "learn", "discover", "find", "tell", "let",
	"don't", "do", "try", "get", "make", "take", "consider", "remember",
	"keep", "stay", "use", "explore", "comment", "like", "send", "support",
	"donate", "listen", "buy", "order", "book", "apply", "submit", "email",
	"turn", "switch", "avoid", "plan", "ensure", "reduce", "install",
	"compare", "ask", "call", "write", "set", "review", "prepare", "start",
	"stop", "choose", "pick", "bring", "wear", "wash", "look", "go",
	"unplug", "save", "protect", "update", "tap", "scroll", "enter",
)

var boilerplatePhrases = []string{
	"share your thoughts", "join the conversation", "sign up", "subscribe",
	"newsletter", "click here", "all rights reserved", "read more",
	"follow us", "cookie", "table of contents", "continue reading",
	"leave a comment", "your take matters", "related articles",
	"follow our updates", "for ongoing coverage", "questions for readers",
}

// Features lists the signals in claim c, with their weights. The score is
// logistic(sum of weights); see Score.
func Features(c *Claim) []Feature {
	text := c.Text
	ws := claimWords(text)
	lower := strings.ToLower(text)
	fs := []Feature{{"bias", wBias}}
	add := func(name string, w float64) { fs = append(fs, Feature{name, w}) }

	if len(c.Money) > 0 {
		add("money", wMoney)
	}
	if len(c.Quantities) > 0 {
		add("quantity", wQuantity)
	}
	if len(c.Dates) > 0 {
		add("date", wDate)
	}
	if len(c.Money) == 0 && len(c.Quantities) == 0 && hasBareNumber(text, c) {
		add("number", wNumber)
	}
	if n := distinctEntities(c.Entities); n > 0 {
		add("entities", wEntity*float64(min(n, maxEntities)))
	}
	var comparison, hedge, opinion, reporting, second bool
	for _, w := range ws {
		lw := strings.ToLower(w.Text)
		comparison = comparison || comparisonWords[lw] || strings.HasSuffix(lw, "%")
		hedge = hedge || hedgeWords[lw]
		opinion = opinion || opinionWords[lw]
		reporting = reporting || reportingVerbs[lw] || lw == "according"
		second = second || lw == "you" || lw == "your" || lw == "yours"
	}
	if comparison || strings.Contains(text, "%") {
		if strings.ContainsAny(text, "0123456789") || len(c.Money) > 0 || len(c.Quantities) > 0 {
			add("comparison", wComparison)
		} else {
			add("comparison", wComparison/2)
		}
	}
	switch {
	case c.Speaker != "":
		add("attribution", wAttribution)
	case reporting:
		add("reporting_verb", wReporting)
	}
	if hedge {
		add("hedge", wHedge)
	}
	if opinion {
		add("opinion", wOpinion)
	}
	if isQuestion(text) {
		add("question", wQuestion)
	}
	if isImperative(text) {
		add("imperative", wImperative)
	}
	if second {
		add("second_person", wSecondPerson)
	}
	if len(ws) < 6 && c.Kind != KindTableRow {
		// A table row is short by nature and carries its header.
		add("short", wShort)
	}
	for _, p := range boilerplatePhrases {
		if strings.Contains(lower, p) {
			add("boilerplate", wBoilerplate)
			break
		}
	}
	return fs
}

// Score is the check-worthiness of c in 0..1: the logistic function of the
// sum of its features' weights, rounded to four places so that it is
// stable in JSON.
func Score(c *Claim) float64 {
	sum := 0.0
	for _, f := range Features(c) {
		sum += f.Weight
	}
	return math.Round(1e4/(1+math.Exp(-sum))) / 1e4
}

// Explain is Features for a claim value, for the command line's --explain.
func Explain(c Claim) []Feature { return Features(&c) }

func distinctEntities(ents []Entity) int {
	seen := map[string]bool{}
	for _, e := range ents {
		seen[speakerName(e)] = true
	}
	return len(seen)
}

// hasBareNumber reports a digit outside the claim's dates: a figure the
// other finders did not type.
func hasBareNumber(text string, c *Claim) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		inDate := false
		for _, d := range c.Dates {
			if i >= d.Start && i < d.End {
				inDate = true
				break
			}
		}
		if !inDate {
			return true
		}
	}
	return false
}

// isQuestion reports text ending in a question mark, closing quotes and
// brackets aside.
func isQuestion(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsSpace(r) || isCloser(r) })
	return strings.HasSuffix(t, "?")
}

// isImperative reports text that opens with a bare verb addressed to the
// reader ("Share your thoughts", "Register with … by 31 December"),
// allowing a leading label ("Humanitarian NGOs: Register …").
func isImperative(text string) bool {
	if i := strings.IndexByte(text, ':'); i > 0 && i < 60 && claimCountWords(text[:i]) <= 5 {
		text = text[i+1:]
	}
	ws := claimWords(text)
	if len(ws) < 2 {
		return false
	}
	first := ws[0].Text
	if !unicode.IsUpper(claimFirstRune(first)) {
		return false
	}
	lw := strings.ToLower(first)
	if !imperativeVerbs[lw] {
		return false
	}
	// "Share prices fell", "Support for the plan grew": a verb-like first
	// word followed by a noun and a verb is a subject, not an order. The
	// imperative takes an object or a preposition next.
	next := strings.ToLower(ws[1].Text)
	switch next {
	case "your", "you", "us", "our", "the", "a", "an", "with", "to", "in",
		"on", "up", "out", "this", "these", "more", "here",
		"now", "following", "below", "about", "all", "it", "them", "me",
		"off", "sure", "into", "yourself", "any", "every", "each", "at":
		return true
	}
	return false
}
