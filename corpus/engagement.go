package corpus

import "strings"

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
// sentences that carry an engagement phrase outside quotation marks, or
// that ask the reader a question, make up most of it; in a short block one
// unquoted prompt is enough. One prompt closing a long paragraph of
// reporting ("... raise questions in the comments section below") leaves
// the paragraph content.
func isEngagement(t string) bool {
	locs := engagementAnywhere.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return false
	}
	if countWords(t, 41) <= 40 {
		// A short block with an unquoted prompt is a promo box.
		for _, m := range locs {
			if !insideQuote(t, m[0]) {
				return true
			}
		}
		return false
	}
	total, reader := 0, 0
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
		hit := false
		for _, m := range locs {
			if m[0] >= start && m[0] < end && !insideQuote(t, m[0]) {
				hit = true
				break
			}
		}
		if hit || (strings.HasSuffix(sent, "?") && addressesReader(strings.ToLower(sent))) {
			reader += n
		}
	}
	return reader > 0 && reader*10 >= total*6
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
		return b.Boilerplate && b.Kind != Title && (b.Kind == Heading || hasAny(strings.ToLower(b.Text), engagementKeys...) && engagementAnywhere.MatchString(b.Text))
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
