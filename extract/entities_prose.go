package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// prose tokenizes and part-of-speech tags every text the NER reads; the
// entity rules then weigh its tags. prose's Token carries only its text, so
// tokens are aligned back to byte offsets by scanning forward through the
// text (prose straightens curly quotes before tokenizing, so "’" in the text
// matches "'" in a token). prose's own entity step is not run: it costs
// about ten times tokenizing and tagging together and scores below these
// rules on CoNLL-2003 (see NER).

// POS classes of a token, from prose's Penn Treebank tags.
const (
	posNone   uint8 = iota // not tagged: prose failed or the token did not align
	posProper              // NNP, NNPS
	posNoun                // NN, NNS
	posAdj                 // JJ, JJR, JJS
	posVerb                // VB*, MD
	posFunc                // DT, IN, CC, PRP, PRP$, WDT, WP, WRB, TO, EX, PDT, RP
	posAdv                 // RB, RBR, RBS
	posNum                 // CD
	posOther               // punctuation, symbols, FW, UH, ...
)

// nerPOS maps a Penn Treebank tag to its class.
func nerPOS(tag string) uint8 {
	switch {
	case tag == "NNP" || tag == "NNPS":
		return posProper
	case tag == "NN" || tag == "NNS":
		return posNoun
	case strings.HasPrefix(tag, "JJ"):
		return posAdj
	case strings.HasPrefix(tag, "VB") || tag == "MD":
		return posVerb
	case strings.HasPrefix(tag, "RB"):
		return posAdv
	case tag == "CD":
		return posNum
	}
	switch tag {
	case "DT", "IN", "CC", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "TO", "EX", "PDT", "RP":
		return posFunc
	}
	return posOther
}

// nerPTok is a prose token located in the text.
type nerPTok struct {
	start, end int
	pos        uint8
}

// proseTag tokenizes and tags one text with the shared model, without
// prose's sentence segmenter (texts are sentences or short blocks already)
// and without its entity step. A panic inside prose on odd input is turned
// into an error: the rules then work from shape alone.
func (n *NER) proseTag(text string, buf []nerPTok) (out []nerPTok, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = buf[:0], fmt.Errorf("prose tagging: %v", r)
		}
	}()
	doc, err := prose.NewDocument(text, prose.UsingModel(n.model),
		prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return buf[:0], fmt.Errorf("prose tagging: %w", err)
	}
	return proseAlign(text, doc.Tokens(), buf), nil
}

// proseAlign locates prose's tokens in text, in order. A token that cannot
// be found where expected is dropped (its words stay untagged) and the scan
// resumes after it at the next token that matches.
func proseAlign(text string, toks []prose.Token, buf []nerPTok) []nerPTok {
	out := buf[:0]
	i := 0
	for _, t := range toks {
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if !nerIsSpaceRune(r) {
				break
			}
			j += sz
		}
		if end, ok := proseMatch(text, j, t.Text); ok {
			out = append(out, nerPTok{start: j, end: end, pos: nerPOS(t.Tag)})
			i = end
			continue
		}
		// Not at the expected place: look a little further on, as prose
		// may have dropped something the text holds.
		for k := j + 1; k < len(text) && k < j+64; k++ {
			if end, ok := proseMatch(text, k, t.Text); ok {
				out = append(out, nerPTok{start: k, end: end, pos: nerPOS(t.Tag)})
				i = end
				break
			}
		}
	}
	return out
}

func nerIsSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x2028, 0x2029, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A || r == 0x1680 || r == 0x202F || r == 0x205F
}

// proseMatch reports whether prose token tok matches text at i, allowing
// for the quotes prose straightens, and returns where it ends in text.
func proseMatch(text string, i int, tok string) (int, bool) {
	if tok == "" {
		return 0, false
	}
	for k := 0; k < len(tok); {
		if i >= len(text) {
			return 0, false
		}
		c := tok[k]
		if text[i] == c {
			i++
			k++
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		switch {
		case c == '\'' && (r == '’' || r == '‘'):
			i += sz
		case c == '"' && (r == '“' || r == '”'):
			i += sz
		case c == '\'' && strings.HasPrefix(text[i:], "&rsquo;"):
			i += len("&rsquo;")
		default:
			return 0, false
		}
		k++
	}
	return i, true
}

// tagTokens gives each of the NER's tokens the class of the prose token
// it starts in. The NER's tokenizer splits a few prose tokens further
// ("US-led", "peace.Kremlin"); the parts share the tag.
func tagTokens(toks []nerTok, ptoks []nerPTok) {
	k := 0
	for i := range toks {
		for k < len(ptoks) && ptoks[k].end <= toks[i].start {
			k++
		}
		if k < len(ptoks) && ptoks[k].start <= toks[i].start {
			toks[i].pos = ptoks[k].pos
		}
	}
}
