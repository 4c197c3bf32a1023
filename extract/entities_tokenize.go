package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nerTok is one token: a word or a single punctuation mark, with its byte
// span in the text.
type nerTok struct {
	start, end int
	word       bool  // letters or digits
	letter     bool  // has at least one letter
	cap        bool  // first letter is upper case
	lower      bool  // first letter is lower case
	allCaps    bool  // every letter is upper case
	sent       bool  // starts a sentence
	nonLatin   bool  // has a letter outside the Latin script ("Москва", "Αθήνα")
	contracted bool  // a contraction: "I’m", "Don't", "We’re"
	nl         bool  // a line break precedes it
	pos        uint8 // prose's part-of-speech class (posNone when untagged)
}

// nerAbbrev lists words whose trailing period belongs to the word.
var nerAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "cos": true, "gen": true, "lt": true, "col": true,
	"sgt": true, "sen": true, "rep": true, "gov": true, "prof": true, "maj": true, "capt": true,
	"adm": true, "rev": true, "mt": true, "ft": true, "messrs": true, "vs": true, "no": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	// US states as news agencies abbreviate them ("Fresno, Calif.")
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "fla": true,
	"ill": true, "kan": true, "kans": true, "ky": true, "md": true, "mass": true, "mich": true,
	"minn": true, "mont": true, "neb": true, "nebr": true, "nev": true, "okla": true, "ore": true,
	"tenn": true, "tex": true, "vt": true, "va": true, "wis": true, "wyo": true, "pa": true, "mo": true,
	"la": true, "miss": true, "ind": true, "del": true,
}

func nerIsApostrophe(r rune) bool { return r == '\'' || r == '’' }
func nerIsHyphen(r rune) bool     { return r == '-' || r == '‐' || r == '‑' }
func nerIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// nerTokenize splits text into tokens, appending to buf. Possessive "'s" is
// its own token so that names never include it; a hyphen joins two words
// only when they agree in case ("Guinea-Bissau", "20-point"), so "US-led"
// and "pro-Russian" expose their names.
func nerTokenize(text string, buf []nerTok) []nerTok {
	toks := buf[:0]
	nl := false
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
				nl = true
			}
			i += sz
			continue
		}
		if !nerIsWordRune(r) {
			end := i + sz
			if nerIsApostrophe(r) && end < len(text) && (text[end] == 's' || text[end] == 'S') &&
				!nerLetterAt(text, end+1) {
				end++ // possessive 's
			}
			toks = append(toks, nerTok{start: i, end: end, nl: nl})
			nl = false
			i = end
			continue
		}
		j := nerWordEnd(text, i)
		toks = append(toks, nerWordTok(text, i, j, nl))
		nl = false
		i = j
	}
	nerMarkSentences(text, toks)
	return toks
}

// nerWordEnd returns the end of the word starting at i.
func nerWordEnd(text string, i int) int {
	_, sz := utf8.DecodeRuneInString(text[i:])
	j := i + sz
	segStart := i
	for j < len(text) {
		r, s := utf8.DecodeRuneInString(text[j:])
		switch {
		case nerIsWordRune(r):
			j += s
			continue
		case nerIsApostrophe(r):
			if !nerLetterAt(text, j+s) {
				return j
			}
			if nx := text[j+s]; (nx == 's' || nx == 'S') && !nerLetterAt(text, j+s+1) {
				return j // possessive
			}
			j += s
			continue
		case nerIsHyphen(r):
			if j+s >= len(text) {
				return j
			}
			nr, _ := utf8.DecodeRuneInString(text[j+s:])
			if !nerIsWordRune(nr) {
				return j
			}
			pr, _ := utf8.DecodeRuneInString(text[segStart:])
			if unicode.IsUpper(pr) && unicode.IsLower(nr) || unicode.IsLower(pr) && unicode.IsUpper(nr) {
				return j
			}
			j += s
			segStart = j
			continue
		case r == '&':
			pr, _ := utf8.DecodeLastRuneInString(text[:j])
			if unicode.IsUpper(pr) && j+1 < len(text) {
				if nr, _ := utf8.DecodeRuneInString(text[j+1:]); unicode.IsUpper(nr) {
					j++
					continue
				}
			}
			return j
		case r == '.':
			w := text[i:j]
			seg := text[max(segStart, i+strings.LastIndexByte(w, '.')+1):j]
			if utf8.RuneCountInString(seg) == 1 && nerLetterAt(seg, 0) {
				// initials and dotted acronyms: "J.", "U.S.", "U.N."
				j++
				if nerLetterAt(text, j) {
					// "U.S.A." goes on, "U.S.Special" stops after "U.S."
					_, s := utf8.DecodeRuneInString(text[j:])
					if j+s < len(text) && text[j+s] == '.' {
						continue
					}
				}
				return j
			}
			if !strings.Contains(w, ".") && nerAbbrev[strings.ToLower(w)] {
				return j + 1
			}
			return j
		}
		return j
	}
	return j
}

func nerLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func nerWordTok(text string, i, j int, nl bool) nerTok {
	t := nerTok{start: i, end: j, word: true, nl: nl, allCaps: true}
	first := true
	for _, r := range text[i:j] {
		if !unicode.IsLetter(r) {
			continue
		}
		if first {
			t.cap = unicode.IsUpper(r) || unicode.IsTitle(r)
			t.lower = unicode.IsLower(r)
			first = false
		}
		t.letter = true
		if r >= 0x250 && !unicode.Is(unicode.Latin, r) {
			t.nonLatin = true
		}
		if unicode.IsLower(r) {
			t.allCaps = false
		}
	}
	if !t.letter {
		t.allCaps = false
	}
	t.contracted = nerContraction(text[i:j])
	if r, _ := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) {
		// "1996", "20-point", "3M": not capitalised words
		t.cap, t.lower = false, false
	}
	return t
}

// nerContractionEnds are what follows the apostrophe of an English
// contraction: "I’m", "we've", "they’re", "you’ll", "I’d", "don't".
var nerContractionEnds = []string{"m", "ve", "re", "ll", "d", "t"}

// nerContraction reports whether the word w is an English contraction, with
// a straight or curly apostrophe: its capital comes from the pronoun or
// the sentence, never from a name. Names with an apostrophe go on with a
// longer part ("O’Brien", "D'Angelo", "De’Broski").
func nerContraction(w string) bool {
	k := strings.LastIndexAny(w, "'’")
	if k <= 0 {
		return false
	}
	_, sz := utf8.DecodeRuneInString(w[k:])
	end := w[k+sz:]
	for _, e := range nerContractionEnds {
		if strings.EqualFold(end, e) {
			return true
		}
	}
	return false
}

// nerMarkSentences sets sent on the first token of each sentence: after
// terminal punctuation or a line break, and after opening quotes, brackets
// and bullets that themselves start one.
func nerMarkSentences(text string, toks []nerTok) {
	start := true
	for k := range toks {
		t := &toks[k]
		if t.nl {
			start = true
		}
		t.sent = start
		if t.word {
			start = false
			continue
		}
		switch text[t.start:t.end] {
		case ".", "!", "?", ":", ";", "…", "|":
			start = true
		case ")":
			// "1)" and "(b)" opening a list item or a segment
			start = k > 0 && toks[k-1].sent && nerListMarker(text[toks[k-1].start:toks[k-1].end])
		case "\"", "“", "‘", "(", "[", "-", "–", "—", "•", "*", "'", "·", "‹", "«":
			// keeps start as it is
		default:
			start = false
		}
	}
}

// nerListMarker reports whether w numbers a list item: up to three digits
// or a single letter.
func nerListMarker(w string) bool {
	if n := utf8.RuneCountInString(w); n == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	} else if n > 3 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
