package corpus

import (
	"regexp"
	"strings"
	"sync"
)

// Engagement blocks talk to the reader instead of reporting: prompts to
// comment, share or subscribe, and questions put to the reader. They are
// told apart from reporting that merely mentions such words by how much of
// the block they fill, and from the writer's own rhetorical questions by
// whom the questions address or what surrounds them.

// engagementKeys are literals of which every engagementAnywhere phrase
// contains at least one: a block with none of them cannot match.
var engagementKeys = []string{
	"share ", "join ", "let us know", "leave ", "comment", "tell us ", "what do you think",
	"what are your thoughts", "to hear", "have your say", "questions for ", "your ", "sign up",
	"subscribe", "register", "newsletter", "follow", "stay tuned", "coverage", "updates",
	"click here", "tap here", "rights reserved", "cookie", "privacy policy", "terms of",
	"download", "t miss", "inbox", "contributed", "commission",
}

// isEngagement reports a block given over to talking to the reader: its
// sentences that carry an engagement phrase outside quotation marks, that
// tell the reader to act (see readerDirected), or that ask the reader a
// question, make up most of it; in a short block one unquoted prompt
// phrase is enough. One prompt closing a long paragraph of reporting
// ("... raise questions in the comments section below") leaves the
// paragraph content.
func isEngagement(t string) bool {
	locs := engagementAnywhere().FindAllStringIndex(t, -1)
	short := countWords(t, 41) <= 40
	if short {
		// A short block with an unquoted prompt is a promo box.
		for _, m := range locs {
			if !insideQuote(t, m[0]) {
				return true
			}
		}
		// A promo box opens with its prompt; an answer or a report that
		// ends with advice ("Check local traffic updates") does not.
		if sents := splitRoughSentences(t); len(sents) > 0 {
			first := sents[0]
			if !startsQuote(first) && !strings.ContainsAny(first, "\"“”") && readerDirected(strings.ToLower(first)) {
				return true
			}
		}
	}
	// Questions to "you" count only beside a prompt: alone they may be an
	// interview's questions.
	total, prompts, questions := 0, 0, 0
	off := 0
	for _, sent := range splitRoughSentences(t) {
		i := strings.Index(t[off:], sent)
		if i < 0 {
			i = 0
		}
		start := off + i
		end := start + len(sent)
		off = end
		n := countWords(sent, 1<<30)
		total += n
		if insideQuote(t, start) || startsQuote(sent) {
			continue
		}
		hit := false
		for _, m := range locs {
			if m[0] >= start && m[0] < end && !insideQuote(t, m[0]) {
				hit = true
				break
			}
		}
		lower := strings.ToLower(sent)
		switch {
		case hit || readerDirected(lower):
			prompts += n
		case strings.HasSuffix(sent, "?") && addressesReader(lower):
			questions += n
		}
	}
	return prompts > 0 && (prompts+questions)*10 >= total*6
}

// startsQuote reports a sentence that opens with a quotation mark: what
// someone said, not what the page says.
func startsQuote(s string) bool {
	return strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘") || strings.HasPrefix(s, "'")
}

// readerVerbs are the verbs of the imperatives that pages address to
// their readers: to take part, to pass the page on, to come back. Verbs of
// advice ("check", "get", "have") are left out: service journalism tells
// readers what to do about the news, and that is content.
var readerVerbs = map[string]bool{
	"share": true, "join": true, "tell": true, "let": true, "leave": true, "comment": true, "follow": true,
	"subscribe": true, "sign": true, "continue": true, "keep": true, "stay": true, "click": true, "tap": true,
	"download": true, "send": true, "vote": true, "write": true, "register": true, "log": true, "email": true,
	"e-mail": true, "contact": true, "drop": true, "visit": true, "like": true, "tweet": true,
	"submit": true, "post": true, "bookmark": true, "watch": true, "listen": true, "read": true,
	"discuss": true, "donate": true,
}

// readerRefs are the words by which a page refers to its reader, to itself
// or to the place where readers respond.
var readerRefs = []string{"you", "your", "yours", "us", "our", "below", "above", "here", "this page", "this article",
	"this story", "this post", "this site", "the conversation", "the discussion", "the debate", "comment", "comments",
	"social media", "newsletter", "inbox", "updates", "feedback", "friends"}

// reportingWords mark reported speech: a sentence with one of them tells
// what someone said, whatever its form.
var reportingWords = []string{"said", "says", "told", "according", "added", "asked", "announced", "wrote", "urged", "warned"}

// readerDirected reports a sentence (lower-case) that speaks to the
// reader about the page rather than about the news: an imperative of a
// reader verb that refers to the reader or the page ("Tell us what you
// think", "For the latest, keep checking this page"), or a very short
// sentence about the reader's own say ("Your view counts."). Reported
// speech is never reader-directed.
func readerDirected(lower string) bool {
	lower = strings.TrimSpace(strings.TrimLeft(lower, "-–—•*>([ "))
	if lower == "" || hasAny(lower, reportingWords...) && hasAnyWord(lower, reportingWords) {
		return false
	}
	words := strings.Fields(lower)
	// A short opening phrase before a comma ("For ongoing coverage,",
	// "If you were there,") leads into the imperative.
	if i := strings.Index(lower, ","); i > 0 && countWords(lower[:i], 7) <= 6 {
		if rest := strings.Fields(lower[i+1:]); len(rest) > 0 {
			first := strings.Trim(rest[0], ".,:;!?\"'“”")
			if readerVerbs[first] {
				words = rest
			}
		}
	}
	first := strings.Trim(words[0], ".,:;!?\"'“”")
	if first == "please" && len(words) > 1 {
		first = strings.Trim(words[1], ".,:;!?\"'“”")
	}
	refs := 0
	for _, r := range readerRefs {
		if hasWord(lower, r) {
			refs++
		}
	}
	if readerVerbs[first] && refs > 0 {
		return true
	}
	// "Your take matters." "Your vote counts!"
	return len(words) <= 4 && (first == "your" || first == "you") && !strings.ContainsAny(lower, "0123456789")
}

// hasAnyWord reports whether one of words occurs in s as a whole word.
func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if hasWord(s, w) {
			return true
		}
	}
	return false
}

// hasReaderWord reports text (lower-case) with a word that may address
// the reader: the cheap guard before readerDirected.
func hasReaderWord(lower string) bool {
	return hasWord(lower, "you") || hasWord(lower, "your") || hasWord(lower, "us") || hasWord(lower, "our") ||
		hasWord(lower, "below") || strings.Contains(lower, "this page")
}

// addressesReader reports text (lower-case) that speaks to the reader:
// "you", "your", "readers".
func addressesReader(lower string) bool {
	for _, w := range []string{"you", "your", "you're", "you’re", "yours", "readers", "reader"} {
		if hasWord(lower, w) {
			return true
		}
	}
	return false
}

// hasWord reports whether w occurs in s as a whole word.
func hasWord(s, w string) bool {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(w)
		before := i == 0 || !isWordByte(s[i-1])
		after := j == len(s) || !isWordByte(s[j])
		if before && after {
			return true
		}
		off = i + 1
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// hasAny reports whether s contains one of the substrings.
func hasAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// countWords counts space-separated words, stopping once past limit.
func countWords(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !sp && !in {
			n++
			if n > limit {
				return n
			}
		}
		in = !sp
	}
	return n
}

// markFurnitureLists marks the list items that follow a furniture label
// ("More Great Stories", "Related", "Don't miss"): the links under it
// read like headlines, not like furniture, one by one.
func markFurnitureLists(blocks []Block) {
	in := false
	for i := range blocks {
		b := &blocks[i]
		switch {
		case b.Kind == ListItem:
			if in {
				b.Boilerplate = true
			}
		case in && b.Kind == Heading && i+1 < len(blocks) && blocks[i+1].Kind == ListItem:
			// A group title inside the box ("Sponsored links", then an
			// advertiser's name over its pitch).
			b.Boilerplate = true
		case b.Boilerplate && (b.Kind == Heading || b.Kind == Paragraph) && isFurnitureLabel(b.Text):
			in = true
		default:
			in = false
		}
	}
}

// markReaderQuestions marks as boilerplate the question-only paragraphs
// that sit next to an engagement block ("What should come first: money or
// guarantees? ..." before "Share your thoughts below"): questions put to
// the reader without a "you". Elsewhere a paragraph of questions is the
// writer's own rhetoric and stays content.
func markReaderQuestions(blocks []Block) {
	engaged := func(i int) bool {
		if i < 0 || i >= len(blocks) {
			return false
		}
		b := blocks[i]
		return b.Boilerplate && b.Kind != Title && (b.Kind == Heading || isPrompt(b.Text))
	}
	for i := range blocks {
		b := &blocks[i]
		if b.Boilerplate || b.Kind != Paragraph || countWords(b.Text, 81) > 80 || !isOnlyQuestions(b.Text) {
			continue
		}
		if engaged(i-1) || engaged(i+1) {
			b.Boilerplate = true
		}
	}
}

// isOnlyQuestions reports a paragraph whose every sentence is a question:
// it makes no checkable statement. Quoted questions are reported speech.
// Whether the questions are put to the reader is decided by the callers.
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

// isPrompt reports a block with an engagement phrase or a sentence that
// tells the reader to act.
func isPrompt(t string) bool {
	if hasAny(strings.ToLower(t), engagementKeys...) && engagementAnywhere().MatchString(t) {
		return true
	}
	for _, sent := range splitRoughSentences(t) {
		if readerDirected(strings.ToLower(sent)) {
			return true
		}
	}
	return false
}

// releaseLabel matches the labels of a press release's form.
var releaseLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:for\s+immediate\s+release|(?:joint\s+)?(?:press|news|media)\s+release|embargoed(?:\s+until\b.*)?|not\s+for\s+publication(?:\s+until\b.*)?)[.:]?$`)
})

// markFurnitureHeadings marks as boilerplate a heading whose section (the
// blocks up to the next heading of the same or a higher level, at least
// one) is all furniture: "Engagement" or "Your say" over prompts heads
// nothing a reader came for. A heading with no blocks under it stays.
func markFurnitureHeadings(blocks []Block) {
	for i := range blocks {
		if blocks[i].Kind != Heading || blocks[i].Boilerplate {
			continue
		}
		if releaseLabel().MatchString(strings.TrimSpace(blocks[i].Text)) {
			// "FOR IMMEDIATE RELEASE", "PRESS RELEASE": a label of
			// the form, no section of the story.
			blocks[i].Boilerplate = true
			continue
		}
		n, furniture := 0, true
		for j := i + 1; j < len(blocks) && blocks[j].Kind != Heading && blocks[j].Kind != Title; j++ {
			n++
			if !blocks[j].Boilerplate {
				furniture = false
				break
			}
		}
		if n > 0 && furniture {
			blocks[i].Boilerplate = true
		}
	}
}
