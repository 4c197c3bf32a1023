package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate is recognised by phrasing, not by site: page furniture talks to
// the reader ("share your thoughts", "follow our updates") or labels the page
// ("Related articles", "Photo:"), while news sentences report on third
// parties. Three pattern sets follow, from most to least distinctive.

// engagementAnywhere matches reader-directed phrases that are furniture
// wherever they appear in a short block, unless they sit inside a quotation.
var engagementAnywhere = regexp.MustCompile(`(?i)\b(?:` + strings.Join([]string{
	`share (?:your|with us your) (?:thoughts|views|opinions?|comments?|experiences?|stor(?:y|ies)|take)`,
	`share this (?:article|story|post|page|piece)`,
	`join (?:the|our) (?:conversation|discussion|debate|community)`,
	`let us know`,
	`leave (?:a|your) (?:comment|reply|thoughts)`,
	`(?:comment|comments) (?:below|section)`,
	`in the comments`,
	`tell us (?:what|how|your|in)`,
	`what do you think`,
	`what are your thoughts`,
	`(?:we'd|we would|we['’]d) (?:love|like) to hear`,
	`have your say`,
	`questions for (?:readers|you|discussion|our readers)`,
	`your (?:take|voice|opinion|views?|thoughts|feedback) (?:matters?|counts?)`,
	`(?:sign up|subscribe|register) (?:for|to) (?:our|the free|my)`,
	`our (?:daily |weekly |free )?newsletters?`,
	`subscribe (?:now|today|here)`,
	`follow us\b`,
	`follow (?:our|this) (?:updates|coverage|page|live|blog|channel|account)`,
	`continue following (?:this|our)`,
	`stay tuned`,
	`for (?:ongoing|continued|more|further|the latest|live) (?:coverage|updates)`,
	`(?:click|tap) here`,
	`all rights reserved`,
	`accept (?:all )?cookies`,
	`(?:this|our) (?:site|website) uses cookies`,
	`cookie (?:policy|settings|preferences)`,
	`privacy policy`,
	`terms of (?:use|service)`,
	`download (?:our|the) app`,
	`don['’]t miss (?:out|our)`,
}, "|") + `)`)

// engagementStart matches labels that are furniture when they open a block.
var engagementStart = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`read (?:more|next|also|the full)\b`,
	`continue reading\b`,
	`also read\b`,
	`see also\b`,
	`(?:related|recommended|more|popular|trending|latest) (?:stories|articles|posts|reading|coverage|content|links|topics|news|videos|from)\b`,
	`you (?:may|might) also (?:like|be interested)`,
	`more from\b`,
	`advertisement\b`,
	`sponsored\b`,
	`(?:photo|image|picture|photograph|video|illustration|graphic|graphics|credit|photo credit|image credit|image source|sources?|caption|featured image)s?\s*:`,
	`\(?(?:photos?|images?|pictures?|file photo)\s+(?:by|courtesy|credit|via|:)`,
	`(?:additional )?(?:reporting|editing|writing|research) by\b`,
	`filed under\b`,
	`tags?\s*:`,
	`topics?\s*:`,
	`table of contents\b`,
	`(?:posted|published|updated|last updated|first published)\s*(?:on|at|:)`,
	`copyright\b`,
	`questions?\s*:`,
	`(?:follow|subscribe|share|like) (?:us|on)\b`,
}, "|") + `)`)

// furnitureWhole matches blocks that are nothing but a furniture label.
var furnitureWhole = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`engagement`, `comments?`, `share(?: this)?(?: on \w+)?`, `tweet`, `print`, `e-?mail`,
	`menu`, `home`, `skip to (?:main )?content`, `subscribe`, `log ?in`, `sign ?in`, `sign up`,
	`related`, `advertisement`, `loading\.*`, `contents`, `table of contents`, `in this article`,
	`on this page`, `jump to`, `share this article`, `newsletter`, `follow us`, `more`, `next`,
	`previous`, `back to top`, `top`, `read more`, `see more`, `show more`, `close`, `search`,
	`recommended`, `you may also like`, `most read`, `most popular`, `trending`, `tags`,
	`join the conversation`, `what do you think\??`, `your say`, `have your say`,
}, "|") + `)[\s:.!?]*$`)

// copyrightMark matches copyright notices.
var copyrightMark = regexp.MustCompile(`(?i)(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4})`)

// bylineName matches a byline: "By Jane Doe", "Written by Jane Doe and Ali
// Khan | Staff writers". Names are capitalised words; lower-case words other
// than connectors mean a sentence ("By Friday, prices rose").
var bylineStart = regexp.MustCompile(`(?i)^(?:by|written by|words by|story by|reported by|text by)\s+(\S.*)$`)

// bylineSplit separates the names of a byline.
var bylineSplit = regexp.MustCompile(`(?i),|\s+and\s+|\s*&\s*`)

// notNames are capitalised words that start sentences after "By".
var notNames = map[string]bool{
	"the": true, "this": true, "that": true, "then": true, "now": true, "late": true, "early": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "contrast": true, "comparison": true,
	"law": true, "midday": true, "noon": true, "tonight": true, "tomorrow": true, "next": true,
	"last": true, "some": true, "most": true, "all": true, "many": true, "using": true,
	"taking": true, "making": true, "doing": true, "one": true, "two": true, "2024": true,
}

// isBoilerplate reports whether a block of the given kind and text is page
// furniture that must never become a claim: engagement prompts ("Share your
// thoughts below", "Join the conversation", "Questions for readers: ..."),
// newsletter and cookie boxes, share bars, "Continue following this page",
// "For ongoing coverage, follow ...", bylines and photo credits, "Table of
// Contents". Shared by the text and HTML cleaners.
//
// It errs on the side of keeping text: a reader-directed phrase inside a
// quotation, or inside a long paragraph, does not make the block furniture.
func isBoilerplate(kind BlockKind, text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return true
	}
	t = strings.TrimLeft(t, "-*•·▪–—>#|") // leftover list and heading markers
	t = strings.TrimSpace(t)
	if furnitureWhole.MatchString(t) {
		return true
	}
	if kind == Title {
		return false
	}
	words := len(strings.Fields(t))
	if copyrightMark.MatchString(t) && words <= 40 {
		return true
	}
	if isHashtagBlock(t) {
		return true
	}
	if kind != TableRow && kind != Heading {
		if engagementStart.MatchString(t) {
			return true
		}
		if isByline(t) {
			return true
		}
	}
	if kind == Paragraph && isOnlyQuestions(t) {
		return true
	}
	if words <= 80 {
		for _, m := range engagementAnywhere.FindAllStringIndex(t, -1) {
			if !insideQuote(t, m[0]) {
				return true
			}
		}
	}
	return false
}

// isByline reports "By Jane Doe"-style lines.
func isByline(t string) bool {
	m := bylineStart.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	_, ok := parseByline(m[1])
	return ok
}

// parseByline splits the names of a byline ("Jane Doe and Ali Khan, Staff
// Writers | 3 March 2025") and reports whether it is one.
func parseByline(s string) ([]string, bool) {
	// Cut trailing roles, outlets and dates after separators.
	for _, sep := range []string{"|", "·", " — ", " – ", " - ", "•", "\u2022"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(strings.TrimRight(s, ".,;: "))
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 12 {
		return nil, false
	}
	first := strings.ToLower(strings.Trim(words[0], ",.;:"))
	if notNames[first] || !startsUpper(words[0]) {
		return nil, false
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:"))
		switch lw {
		case "and", "&", "of", "de", "van", "von", "der", "la", "le", "da", "al", "bin", "in", "for", "the", "staff", "with", "":
			continue
		}
		if !startsUpper(w) && !strings.ContainsAny(w, "@") {
			return nil, false
		}
	}
	var names []string
	for _, part := range bylineSplit.Split(s, -1) {
		part = strings.TrimSpace(part)
		pw := strings.Fields(part)
		if len(pw) < 2 || len(pw) > 4 {
			continue // "Staff Writers" after a comma is still two words: filtered below
		}
		if isRoleWords(pw) {
			continue
		}
		names = append(names, part)
	}
	return names, true
}

// isRoleWords reports words that name a role, not a person ("Staff Writer").
func isRoleWords(ws []string) bool {
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
			"editor", "editors", "contributor", "desk", "team", "bureau", "news", "senior", "chief":
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isHashtagBlock reports blocks made mostly of hashtags.
func isHashtagBlock(t string) bool {
	ws := strings.Fields(t)
	tags := 0
	for _, w := range ws {
		if len(w) > 1 && w[0] == '#' {
			tags++
		}
	}
	return tags >= 2 && tags*2 >= len(ws)-2
}

// isOnlyQuestions reports a paragraph whose every sentence is a question
// put to the reader: it makes no checkable statement. Quoted questions are
// reported speech and stay.
func isOnlyQuestions(t string) bool {
	if !strings.HasSuffix(t, "?") || strings.ContainsAny(t, "\"“”") {
		return false
	}
	for _, sent := range splitRoughSentences(t) {
		if !strings.HasSuffix(sent, "?") {
			return false
		}
	}
	return true
}

// splitRoughSentences splits at ". ", "! " and "? " followed by a capital.
func splitRoughSentences(t string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(t); i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' && t[i+2] >= 'A' && t[i+2] <= 'Z' {
			out = append(out, strings.TrimSpace(t[start:i+1]))
			start = i + 2
		}
	}
	return append(out, strings.TrimSpace(t[start:]))
}

// insideQuote reports whether byte offset i of t lies within a quotation:
// an odd number of quote marks precede it.
func insideQuote(t string, i int) bool {
	open := strings.Count(t[:i], "“") - strings.Count(t[:i], "”")
	if open > 0 {
		return true
	}
	return strings.Count(t[:i], `"`)%2 == 1
}
