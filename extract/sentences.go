package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence segmentation is rule based rather than prose's punkt model
// (sentences.v1): it is an order of magnitude faster, allocation-light, and
// the rules cover what news text needs: abbreviations and titles ("U.S.",
// "Mr.", "Gen.", "Dec. 3"), initials ("John K. Miller"), decimals, quotes
// and brackets closing a sentence, ellipses, and sentences glued together
// by a missing space ("peace.Kremlin").

// titleAbbrevs precede a name and never end a sentence.
var titleAbbrevs = claimWordSet(
	"mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sen", "rep", "gov", "lt",
	"col", "maj", "capt", "cpt", "sgt", "cpl", "adm", "cmdr", "rev", "hon",
	"pres", "supt", "amb", "fr", "sr", "st", "messrs", "mme", "mlle", "gov",
	"atty", "insp", "det", "brig", "gens", "sens", "reps", "no", "nos", "vol",
	"vols", "art", "fig", "figs", "pp", "p", "ch", "sec", "para", "approx",
	"ca", "cf", "vs", "v", "e.g", "i.e", "viz", "al", "mt", "ft", "pt",
)

// monthAbbrevs end a sentence only when no day number follows.
var monthAbbrevs = claimWordSet(
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec",
)

// otherAbbrevs usually continue a sentence but may end one ("Apple Inc.");
// they end it when a typical sentence opener follows.
var otherAbbrevs = claimWordSet(
	"inc", "ltd", "corp", "co", "bros", "jr", "etc", "plc", "llc", "dept",
	"univ", "assn", "est", "min", "max", "mln", "bln", "yr", "yrs", "hr",
	"hrs", "wk", "mo", "km", "kg", "lb", "lbs", "oz", "tel", "ext", "govt",
	// Given names abbreviated before the rest of the name ("Md. Shahidul
	// Islam", "Mohd. Rafiq", "Wm. Tate"); "Md." is also Maryland's,
	// which may end a sentence ("in Bethesda, Md. The ...").
	"md", "mohd", "muhd", "wm", "chas", "thos", "jas",
)

// sentenceOpeners are words that commonly start a sentence; after an
// ambiguous abbreviation they tip the decision towards a boundary.
var sentenceOpeners = claimWordSet(
	"the", "a", "an", "it", "he", "she", "they", "we", "in", "on", "at",
	"but", "this", "that", "these", "those", "his", "her", "their",
	"its", "there", "however", "meanwhile", "officials", "after", "before",
	"when", "while", "as", "if", "for", "some", "many", "no", "one", "both",
	"according", "since", "during", "last", "earlier", "later", "separately",
)

func claimWordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// splitSentences returns the byte spans of the sentences of text, in
// order, each trimmed of surrounding white space. Empty input gives none.
func splitSentences(text string) []Span {
	var spans []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if s < e {
			spans = append(spans, Span{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			// A hard line break inside a block separates units.
			j := i + size
			emit(j)
			i = j
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			end := i + size
			// Runs of terminators: "...", "?!", "!!".
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if r2 != '.' && r2 != '!' && r2 != '?' && r2 != '…' {
					break
				}
				end += s2
			}
			if cut, ok := boundaryAfter(text, i, end); ok {
				emit(cut)
				i = cut
				continue
			}
			i = end
			continue
		}
		i += size
	}
	emit(len(text))
	return spans
}

// boundaryAfter decides whether the terminator run text[i:end] ends a
// sentence, and if so returns where the sentence ends (after any closing
// quotes or brackets).
func boundaryAfter(text string, i, end int) (int, bool) {
	term := text[i:end]
	// Closing quotes and brackets stay with the sentence.
	cut := end
	for cut < len(text) {
		r, s := utf8.DecodeRuneInString(text[cut:])
		if !isCloser(r) {
			break
		}
		cut += s
	}
	if cut >= len(text) {
		return len(text), true
	}
	r, _ := utf8.DecodeRuneInString(text[cut:])
	if !unicode.IsSpace(r) {
		// No space: only a glued sentence ("peace.Kremlin") is a boundary.
		if term == "." && cut == end && gluedBoundary(text, i, end) {
			return end, true
		}
		return 0, false
	}
	next, nextWord := nextToken(text, cut)
	if next == 0 {
		return len(text), true
	}
	ellipsis := strings.HasPrefix(term, "..") || strings.ContainsRune(term, '…')
	if term[0] == '!' || term[0] == '?' || ellipsis {
		// "“Why?” she asked" and "wait… and see" continue the sentence.
		return cut, !unicode.IsLower(next)
	}
	word := prevWord(text, i)
	lw := strings.ToLower(word)
	switch {
	case word == "":
		return cut, true
	case titleAbbrevs[lw]:
		return 0, false
	case monthAbbrevs[lw]:
		return cut, !unicode.IsDigit(next) && (unicode.IsUpper(next) || !unicode.IsLetter(next))
	case isInitial(word):
		// "John K. Miller", "U.S. Army": an initial is followed by a name.
		return cut, opens(next, nextWord) && cut-end == 0 && !isInitialRun(text, i)
	case strings.Contains(word, "."):
		// "U.S.", "a.m.": end a sentence only before a typical opener.
		return cut, opens(next, nextWord)
	case otherAbbrevs[lw]:
		return cut, opens(next, nextWord)
	}
	if unicode.IsLower(next) {
		// A lower-case start after a full word is usually damaged case
		// ("... outcome. earlier sessions ..."), but not after a number
		// ("No. 5. ... ") or a short token.
		return cut, len(word) >= 3 && claimLetters(word)
	}
	return cut, true
}

// opens reports a capitalised typical sentence opener.
func opens(next rune, word string) bool {
	return unicode.IsUpper(next) && sentenceOpeners[strings.ToLower(word)]
}

// isCloser reports runes that close a quotation or parenthesis.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}':
		return true
	}
	return false
}

// nextToken returns the first letter or digit after the white space at
// text[i:] (skipping opening quotes and brackets) and the word it begins.
func nextToken(text string, i int) (rune, string) {
	for i < len(text) {
		r, s := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				j += s2
			}
			return r, text[i:j]
		}
		if !unicode.IsSpace(r) && !isOpener(r) {
			// A dash, bullet or symbol starts the next unit.
			return r, ""
		}
		i += s
	}
	return 0, ""
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '{':
		return true
	}
	return false
}

// prevWord returns the token (letters, digits, inner periods) that ends at
// text[i], the position of a period.
func prevWord(text string, i int) string {
	j := i
	for j > 0 {
		r, s := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '&' {
			break
		}
		j -= s
	}
	return strings.Trim(text[j:i], ".-")
}

// isInitial reports a single capital letter: "K" in "John K. Miller".
func isInitial(word string) bool {
	r, s := utf8.DecodeRuneInString(word)
	return s == len(word) && unicode.IsUpper(r)
}

// isInitialRun reports "J.R." or "U.S." style runs ending at text[i].
func isInitialRun(text string, i int) bool {
	return i >= 2 && text[i-2] == '.'
}

func claimLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// gluedBoundary reports a period with no space after it that joins two
// sentences: a lower-case word (or a year) before it, and a capitalised
// word after it ("peace.Kremlin", "2025.Breaking"). "U.S.Special",
// "5.NATO", "3.5" and "example.com" are not boundaries.
func gluedBoundary(text string, i, end int) bool {
	r1, s1 := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsUpper(r1) || end+s1 >= len(text) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(text[end+s1:])
	if !unicode.IsLower(r2) {
		return false
	}
	word := prevWord(text, i)
	if word == "" || strings.Contains(word, ".") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(word)
	if unicode.IsLower(last) {
		return len(word) >= 2 && !titleAbbrevs[strings.ToLower(word)] && !otherAbbrevs[strings.ToLower(word)]
	}
	return len(word) == 4 && claimDigits(word)
}

func claimDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// trimSpan narrows [s, e) of text to exclude surrounding white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
