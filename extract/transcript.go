package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Transcripts. A press conference or interview transcript gives each turn
// as a paragraph opening with the speaker's name and a colon ("JOSEPHINE
// TAUFA: Today the union has served notice…", "Dr. Lena Aufhauser: We
// will…"): every sentence of the turn is that person's direct speech,
// with no quotation marks. Labels that name a part rather than a person
// ("MODERATOR:", "QUESTION (Radio X):", "Q:", "Summary:") are not
// speakers.

// turnLabel matches a turn's label: up to five words before a colon that
// opens the paragraph, optionally followed by a parenthesis.
var turnLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*((?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gen|Col|Capt)\.?\s+)?[\p{Lu}][\p{L}'’.\-]*(?:\s+[\p{Lu}][\p{L}'’.\-]*){1,4})(?:\s*\([^)]{0,80}\))?\s*:\s+\S`)
})

// turnPrefixes are title words a label may open with.
var turnPrefixes = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "sen": true,
	"rep": true, "gen": true, "col": true, "capt": true}

// notSpeakers are label words that name a part of a page or a transcript,
// not a person.
var notSpeakers = map[string]bool{
	"moderator": true, "question": true, "questions": true, "answer": true, "reporter": true, "reporters": true,
	"host": true, "presenter": true, "anchor": true, "interviewer": true, "audience": true, "caller": true,
	"journalist": true, "unidentified": true, "voice": true, "speaker": true, "note": true, "update": true,
	"summary": true, "source": true, "sources": true, "editor": true, "correction": true, "date": true,
	"time": true, "location": true, "key": true, "facts": true, "figures": true, "background": true,
	"what": true, "why": true, "how": true, "when": true, "where": true, "who": true, "read": true,
	"related": true, "breaking": true, "live": true, "photo": true, "video": true, "watch": true,
	"transcript": true, "statement": true, "official": true, "officials": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "minister": true, "president": true, "ceo": true,
}

// turnSpeaker returns the person a transcript turn is spoken by, in
// title case, or "" when the block is not a turn; short is set for a
// one-word label ("OZOLINS:"), which names a speaker only once the
// transcript has given the full name.
func turnSpeaker(block string) (name string, short bool) {
	m := turnLabel().FindStringSubmatch(block)
	if m == nil {
		m = shortLabel().FindStringSubmatch(block)
		if m == nil {
			return "", false
		}
		short = true
	}
	fs := strings.Fields(m[1])
	for len(fs) > 0 && turnPrefixes[strings.ToLower(strings.TrimSuffix(fs[0], "."))] {
		fs = fs[1:]
	}
	if len(fs) == 0 || (len(fs) < 2 && !short) {
		return "", false
	}
	allCaps := true
	for _, f := range fs {
		if notSpeakers[strings.ToLower(strings.Trim(f, ".'’"))] {
			return "", false
		}
		for _, r := range f {
			if unicode.IsLower(r) {
				allCaps = false
			}
		}
	}
	if allCaps {
		for i, f := range fs {
			fs[i] = titleWord(f)
		}
	}
	return strings.Join(fs, " "), short
}

// shortLabel matches a one-word label ("OZOLINS: …", "Dr. Moss: …").
var shortLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[\p{Lu}][\p{L}'’\-]{2,})(?:\s*\([^)]{0,80}\))?\s*:\s+\S`)
})

// titleWord writes an all-capitals word in title case, hyphenated parts
// too ("OWUOR-MBEKI" -> "Owuor-Mbeki").
func titleWord(w string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		r, n := utf8.DecodeRuneInString(p)
		if n == 0 {
			continue
		}
		parts[i] = string(r) + strings.ToLower(p[n:])
	}
	return strings.Join(parts, "-")
}

// minTurns is the fewest labelled turns that make a document a
// transcript: a lone "Lake Victoria Treaty: what it means" line is a
// heading, not a speaker.
const minTurns = 3

// transcriptTurns returns, per block of a document that reads as a
// transcript, the speaker of the turn the block opens ("" for the
// others); nil when the document is not a transcript. A one-word label
// is the speaker whose full label ended in that name.
func transcriptTurns(blocks []string) []string {
	turns := make([]string, len(blocks))
	var full []string
	n := 0
	for i, b := range blocks {
		name, short := turnSpeaker(b)
		if name == "" {
			continue
		}
		if short {
			name = ""
			w := lastWord(b)
			for _, f := range full {
				if strings.EqualFold(nameTail(f), w) {
					name = f
				}
			}
			if name == "" {
				continue
			}
		} else {
			full = append(full, name)
		}
		turns[i] = name
		n++
	}
	if n < minTurns {
		return nil
	}
	// A turn may run on over paragraphs without a label ("And it's not
	// just money. We have drivers…"): a paragraph in the first person
	// right after a turn continues it; narration ("The briefing ended
	// at two.") does not.
	for i := 1; i < len(blocks); i++ {
		labelled := turnLabel().MatchString(blocks[i]) || shortLabel().MatchString(blocks[i])
		if turns[i] == "" && turns[i-1] != "" && !labelled && firstPerson().MatchString(blocks[i]) {
			turns[i] = turns[i-1]
		}
	}
	return turns
}

// firstPerson matches the words of a speaker talking of themselves.
var firstPerson = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:I|I'm|I’m|I've|I’ve|[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Oo]ur|us|[Mm]y|me)\b`)
})

// nameTail is the last word of a name.
func nameTail(name string) string {
	fs := strings.Fields(name)
	return fs[len(fs)-1]
}

// lastWord is the label word of a one-word label: the word before the
// colon (or before a parenthesis).
func lastWord(block string) string {
	m := shortLabel().FindStringSubmatch(block)
	if m == nil {
		return ""
	}
	return nameTail(m[1])
}

// reportedOther matches a third person's reporting clause: "he said",
// "she told us", "they have warned", "according to".
var reportedOther = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:\b(?:he|she|they)\s+(?:\w+\s+)?` + thirdPersonVerbs + `\b|\baccording\s+to\b)`)
})

// pronounReport matches one person's reporting clause opening a
// sentence: "He said, and I'm quoting:", "She told us:".
var pronounReport = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:And\s+|But\s+|So\s+)?(?i:he|she)\s+(?:\w+\s+)?` + thirdPersonVerbs + `\b`)
})

// thirdPersonVerbs report what someone else said.
const thirdPersonVerbs = `(?:said|says|told|tells|added|stated|wrote|warned|insisted|declared|described|called)`

// reportsOther reports a sentence of speaker's turn that quotes someone
// else: a quotation mark, and a third person's reporting clause ("he
// said", "according to") or another person named before a reporting verb
// that precedes the quotation ("When Helen Marchbanks stood up and said,
// \"...\"").
// It returns the person so named, "" when a pronoun or "according to"
// reports the words.
func reportsOther(sentence string, ents []Entity, speaker string) (bool, string) {
	q := strings.IndexAny(sentence, "\"“”")
	if q < 0 {
		// Or words reported after a colon, unmarked as speech is
		// transcribed: "The minister, Mr. Ybarra, said it clearly
		// yesterday: no harvest is worth a life."
		if q = strings.IndexByte(sentence, ':'); q < 0 || !hasReportingVerb(sentence[:q]) {
			return false, ""
		}
	}
	for _, e := range ents {
		if e.Type != Person || e.End > q || e.Start < 0 || strings.EqualFold(speakerName(e), speaker) {
			continue
		}
		if hasReportingVerb(sentence[e.End:q]) {
			return true, speakerName(e)
		}
	}
	// A speaker's own words carry no quotation marks in a transcript: a
	// quoted statement in a turn is someone else's ("A short written
	// statement. \"I have let down the people who trusted me.\"").
	if reportedOther().MatchString(sentence) {
		return true, ""
	}
	return quotedWords(sentence[q:]) >= 4 && !reportedSelf().MatchString(sentence[:q]), ""
}

// reportedSelf matches the speaker reporting their own words: "I told
// them", "we said".
var reportedSelf = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:i|we)\s+(?:\w+\s+)?(?:said|say|told|tell|wrote|write|put it)\b`)
})

// quotedWords counts the words of the first quoted passage of s, which
// opens with its mark.
func quotedWords(s string) int {
	_, size := utf8.DecodeRuneInString(s)
	rest := s[size:]
	if end := strings.IndexAny(rest, "\"“”"); end >= 0 {
		rest = rest[:end]
	}
	return len(strings.Fields(rest))
}
