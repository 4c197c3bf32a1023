package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalizeText prepares one block's text: Unicode NFC, every space-like
// rune (NBSP, thin space, tabs, newlines) to one ASCII space, Unicode dashes
// and non-breaking hyphens to ASCII where they join words ("20‑point" ->
// "20-point"), curly quotes kept, missing spaces after sentence punctuation
// repaired ("peace.Kremlin" -> "peace. Kremlin"; "U.S." and "5.NATO" left
// sensible), invalid UTF-8 repaired; trimmed.
//
// Spaced dashes ("MIAMI – A fresh round") are kept as they are: they carry
// meaning (datelines, asides) and changing them would gain nothing.
func normalizeText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	for i, r := range rs {
		if r > ' ' && r < 0x7f {
			// Printable ASCII, the bulk of most text: none of the
			// cases below applies.
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(byte(r))
			continue
		}
		switch {
		case isSpaceLike(r):
			space = true
			continue
		case isInvisible(r):
			continue
		case isHyphenLike(r):
			if joinsWord(rs, i) {
				r = '-'
			} else if r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2212' {
				r = '-'
			}
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return repairSpacing(b.String())
}

// isASCII reports whether s holds only ASCII bytes (then NFC is a no-op).
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSpaceLike reports runes that render as blank space, including the
// no-break and narrow spaces typesetting tools put between numbers and units.
func isSpaceLike(r rune) bool {
	switch r {
	case '\u00A0', '\u2007', '\u202F', '\u205F', '\u3000', '\u180E':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
}

// isInvisible reports runes that carry no text: zero-width characters, soft
// hyphens, byte order marks, C0/C1 controls and private-use code points.
func isInvisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Co, r)
}

// isHyphenLike reports the Unicode hyphens and dashes.
func isHyphenLike(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D':
		return true
	}
	return false
}

// joinsWord reports whether the dash at rs[i] sits between two letters or
// digits with no space on either side, as in "20‑point" or "2025‑12‑22".
func joinsWord(rs []rune, i int) bool {
	if i == 0 || i+1 >= len(rs) {
		return false
	}
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return isWordRune(rs[i-1]) && isWordRune(rs[i+1])
}

// repairSpacing inserts the space that sloppy editing drops after sentence
// punctuation ("peace.Kremlin", "statement,Witkoff", "5.NATO"), one
// space-free token at a time, leaving numbers, initialisms, URLs, e-mail
// addresses and domain names alone.
func repairSpacing(s string) string {
	if !strings.ContainsAny(s, ".,;:!?") {
		return s
	}
	fields := strings.Split(s, " ")
	changed := false
	for i, f := range fields {
		if r := repairToken(f); r != f {
			fields[i] = r
			changed = true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(fields, " ")
}

// repairToken repairs one token that contains no spaces.
func repairToken(tok string) string {
	if !hasInnerPunct(tok) || strings.Contains(tok, "://") || strings.Contains(tok, "@") ||
		strings.HasPrefix(strings.ToLower(tok), "www.") || strings.ContainsAny(tok, "/\\=&#_") {
		return tok
	}
	rs := []rune(tok)
	var out []rune
	for i := 0; i < len(rs); i++ {
		out = append(out, rs[i])
		if !strings.ContainsRune(".,;:!?", rs[i]) {
			continue
		}
		j := i + 1
		if j >= len(rs) || strings.ContainsRune(".,;:!?", rs[j]) {
			continue // a run of punctuation is judged at its last rune
		}
		// Closing quotes and brackets belong to the sentence that ends.
		k := j
		for k < len(rs) && isClosing(rs[k]) {
			k++
		}
		if k >= len(rs) || !unicode.IsLetter(rs[k]) {
			continue
		}
		if needsSpace(rs, i, k) {
			out = append(out, rs[j:k]...)
			out = append(out, ' ')
			i = k - 1
		}
	}
	return string(out)
}

// hasInnerPunct reports a sentence punctuation byte followed, inside the
// token, by a letter-like byte: the only tokens repairToken can change.
func hasInnerPunct(tok string) bool {
	for i := 0; i+1 < len(tok); i++ {
		switch tok[i] {
		case '.', ',', ';', ':', '!', '?':
			if c := tok[i+1]; c >= 'A' || c == '"' || c == ')' || c == ']' {
				return true
			}
		}
	}
	return false
}

// isClosing reports closing quotes and brackets.
func isClosing(r rune) bool {
	switch r {
	case '"', '\u201D', '\u2019', ')', ']', '\u00BB':
		return true
	}
	return false
}

// needsSpace decides whether a space belongs between the punctuation at
// rs[p] and the letter at rs[k].
func needsSpace(rs []rune, p, k int) bool {
	punct := rs[p]
	next := rs[k]
	word := runWord(rs, k) // the letters that follow
	prev := prevWord(rs, p)
	switch punct {
	case ',':
		// "Ukraine,the" and "statement,Witkoff" both lost a space.
		if prev == "" {
			return false
		}
		last := lastRune(prev)
		return unicode.IsLetter(last) || unicode.IsDigit(last) && len([]rune(word)) > 1
	case ';', '!', '?':
		return unicode.IsUpper(next) && len(prev) > 0
	case ':':
		// "Note:The" but not "Re:Think"-style brand names of two capitals.
		return unicode.IsUpper(next) && len([]rune(word)) > 1 && len(prev) > 1 && hasLower(word)
	}
	// punct == '.'
	if len(prev) == 0 {
		return false // ".NET", "...Then" at the start of a token
	}
	wr := []rune(word)
	if len(wr) == 1 && k+1 < len(rs) && rs[k+1] == '.' {
		return false // initialism goes on: "U.S.A.", "Ph.D."
	}
	if len(wr) == 1 && k+1 == len(rs) {
		return false // "Ph.D", "U.S.A"
	}
	if isInitialism(prev) {
		// "U.S.Special" and "U.S.envoy" lost a space; "U.S.-led" has none to lose.
		return len(wr) > 1
	}
	if !unicode.IsUpper(next) {
		return false // "example.com", "Node.js", "e.g.the" handled above
	}
	if isAllUpper(prev) && len([]rune(prev)) > 1 && isAllUpper(word) {
		return false // "ASP.NET" style identifiers
	}
	return true
}

// runWord returns the letters starting at rs[k].
func runWord(rs []rune, k int) string {
	e := k
	for e < len(rs) && unicode.IsLetter(rs[e]) {
		e++
	}
	return string(rs[k:e])
}

// prevWord returns the token text before rs[p], back to an opening bracket
// or quote; dots inside it are kept so initialisms are visible.
func prevWord(rs []rune, p int) string {
	s := p
	for s > 0 {
		r := rs[s-1]
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '\'' || r == '\u2019' {
			s--
			continue
		}
		break
	}
	return strings.TrimLeft(string(rs[s:p]), ".-'\u2019")
}

// isInitialism reports tokens like "U.S", "e.g", "p.m" and "Ph.D": letter
// groups of at most two letters joined by dots, at least one dot.
func isInitialism(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		n := 0
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
	}
	return true
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func isAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}
