package extract

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/gob"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// The gazetteers are small hand-written lists: they give the entity step the
// knowledge a tagger trained on news would have (countries, cities,
// nationalities, international bodies, person titles, given names) without
// its cost per token. Keys are lower-case token sequences produced by the
// same tokenizer that reads documents, so "U.S." in a list matches "U.S." in
// text however it is split.
//
//go:embed gazetteer/*.txt
var nerGazetteerFS embed.FS

// nerGazEntry is what a gazetteer phrase resolves to.
type nerGazEntry struct {
	typ       string
	canonical string
	acronym   bool // every alias with this key is upper case: match only upper case ("WHO", not "Who")
	city      bool // a city or region, whose name also names its sports teams
	company   bool // a place whose name is also a company's ("Amazon")
}

// nerLexicon is the read-only knowledge of an NER.
type nerLexicon struct {
	names      map[string]nerGazEntry // lower-case phrase -> entity
	namesMax   int                    // longest phrase, in tokens
	titles     map[string]bool        // lower-case title phrases
	titlesMax  int
	firstNames map[string]bool
	common     map[string]bool // ordinary words: hand-written list plus prose's vocabulary
	listed     map[string]bool // the hand-written list alone
}

// nerGazFiles maps each list of names to its entity type.
var nerGazFiles = []struct{ file, typ string }{
	{"gazetteer/gpe.txt", GPE},
	{"gazetteer/loc.txt", Loc},
	{"gazetteer/norp.txt", NORP},
	{"gazetteer/org.txt", Org},
}

// loadNERLexicon parses the embedded lists.
func loadNERLexicon() (*nerLexicon, error) {
	lx := &nerLexicon{
		names:      make(map[string]nerGazEntry, 4096),
		titles:     make(map[string]bool, 256),
		firstNames: make(map[string]bool, 2048),
		common:     make(map[string]bool, 16384),
		listed:     make(map[string]bool, 2048),
	}
	for _, f := range nerGazFiles {
		city, company := false, false
		err := nerEachLine(f.file, func(line string) error {
			if strings.HasPrefix(line, "#! cities") {
				city = true
				return nil
			}
			if strings.HasPrefix(line, "#! companies") {
				company = true
				return nil
			}
			aliases := strings.Split(line, "|")
			canonical := strings.TrimSpace(aliases[0])
			if canonical == "" {
				return fmt.Errorf("empty canonical name in %q", line)
			}
			for _, a := range aliases {
				key, n := nerPhraseKey(strings.TrimSpace(a))
				if n == 0 {
					continue
				}
				acr := strings.ToUpper(a) == a && strings.ToLower(a) != a
				if e, dup := lx.names[key]; dup {
					// first list wins (a capital is a GPE before anything
					// else); a mixed-case alias lifts the upper-case rule
					if e.acronym && !acr && e.canonical == canonical {
						e.acronym = false
						lx.names[key] = e
					}
					continue
				}
				lx.names[key] = nerGazEntry{typ: f.typ, canonical: canonical, acronym: acr, city: city, company: company}
				lx.namesMax = max(lx.namesMax, n)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := nerEachLine("gazetteer/titles.txt", func(line string) error {
		key, n := nerPhraseKey(line)
		if n > 0 {
			lx.titles[key] = true
			lx.titlesMax = max(lx.titlesMax, n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range []struct {
		file string
		set  map[string]bool
	}{{"gazetteer/firstnames.txt", lx.firstNames}, {"gazetteer/common.txt", lx.common}, {"gazetteer/common.txt", lx.listed}} {
		err := nerEachLine(l.file, func(line string) error {
			for _, w := range strings.Fields(line) {
				l.set[strings.ToLower(w)] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// nerEachLine calls fn for each non-empty, non-comment line of an embedded list.
func nerEachLine(name string, fn func(string) error) error {
	f, err := nerGazetteerFS.Open(name)
	if err != nil {
		return fmt.Errorf("gazetteer %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "#!") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("gazetteer %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer %s: %w", name, err)
	}
	return nil
}

// nerPhraseKey tokenizes a phrase the way documents are tokenized and returns
// its lookup key and its length in tokens.
func nerPhraseKey(phrase string) (string, int) {
	toks := nerTokenize(phrase, nil)
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(phrase[t.start:t.end]))
	}
	return b.String(), len(toks)
}

// proseLexiconAsset and proseTagMapAsset are the tagger's weight table and
// its dictionary of unambiguous words, in the model data prose publishes
// through its exported Asset function.
const (
	proseLexiconAsset = "model/AveragedPerceptron/weights.gob"
	proseTagMapAsset  = "model/AveragedPerceptron/tags.gob"
)

// proseVocabularyFile is the vocabulary of prose's tagger, one word a
// line, in byte order: derived from prose's published model data by
// proseVocabulary and saved, because decoding that data costs about as
// much as loading prose's model itself. TestProseVocabulary checks the
// file against the data of the prose release in go.mod (and rewrites it
// with -update).
const proseVocabularyFile = "gazetteer/prose_vocabulary.txt"

// addProseVocabulary adds the vocabulary of prose's tagger: a word the
// tagger was trained to tag as something other than a proper noun is an
// ordinary word, so "Location" opening a table cell is no name while
// "Witkoff" is.
func (lx *nerLexicon) addProseVocabulary() error {
	data, err := nerGazetteerFS.ReadFile(proseVocabularyFile)
	if err != nil {
		return fmt.Errorf("reading prose's tagger vocabulary: %w", err)
	}
	for w := range strings.SplitSeq(strings.TrimSuffix(string(data), "\n"), "\n") {
		if _, named := lx.names[w]; named || lx.firstNames[w] {
			continue
		}
		lx.common[w] = true
	}
	if len(lx.common) < len(lx.listed)+5000 {
		return fmt.Errorf("prose's tagger vocabulary %s holds only %d ordinary words", proseVocabularyFile, len(lx.common)-len(lx.listed))
	}
	return nil
}

// proseVocabulary derives the ordinary words of prose's tagger from its
// weight table and dictionary (prose.Asset, encoding/gob), sorted. If a
// prose release renames or reshapes them, it returns an error.
func proseVocabulary() ([]string, error) {
	data, err := prose.Asset(proseLexiconAsset)
	if err != nil {
		return nil, fmt.Errorf("reading prose's tagger lexicon: %w", err)
	}
	var weights map[string]map[string]float64
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&weights); err != nil {
		return nil, fmt.Errorf("decoding prose's tagger lexicon %s: %w", proseLexiconAsset, err)
	}
	var tagMap map[string]string
	if data, err = prose.Asset(proseTagMapAsset); err != nil {
		return nil, fmt.Errorf("reading prose's tag dictionary: %w", err)
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&tagMap); err != nil {
		return nil, fmt.Errorf("decoding prose's tag dictionary %s: %w", proseTagMapAsset, err)
	}
	// A word is ordinary when training data saw it tagged as something
	// other than a proper noun, and prose's dictionary does not list its
	// capitalised form as one ("energy" yes, "Brown" no).
	ordinary := map[string]bool{}
	// dictionary words seen only in lower case: their capitalised form's
	// proper-noun tag comes from names built on them ("Energy Department")
	dictionary := map[string]bool{}
	for feat, classes := range weights {
		w, ok := strings.CutPrefix(feat, "i word ")
		if !ok || w == "" {
			continue
		}
		for c, v := range classes {
			if v > 0 && !strings.HasPrefix(c, "NNP") {
				ordinary[w] = true
				break
			}
		}
	}
	for w, tag := range tagMap {
		if !strings.HasPrefix(tag, "NNP") && strings.ToLower(w) == w {
			ordinary[w] = true
			dictionary[w] = true
		}
	}
	var words []string
	for w := range ordinary {
		if tag := tagMap[strings.ToUpper(w[:1])+w[1:]]; strings.HasPrefix(tag, "NNP") && !dictionary[w] {
			continue
		}
		words = append(words, w)
	}
	slices.Sort(words)
	return words, nil
}

// nerDerivedSuffixes end English nouns derived from verbs and adjectives
// ("implementation", "settlement", "sovereignty"): such words are ordinary
// even when prose's lexicon never saw them.
var nerDerivedSuffixes = []string{"ation", "ition", "ution", "ment", "ness", "ity", "ship", "ism", "ology", "isation", "ization"}

// nerBritishSpellings map British endings onto the American ones of
// prose's lexicon, which comes from American newswire ("defence" is
// "defense", "labour" is "labor", "centre" is "center").
var nerBritishSpellings = [][2]string{{"ence", "ense"}, {"our", "or"}, {"ours", "ors"}, {"ise", "ize"}, {"ised", "ized"},
	{"ising", "izing"}, {"isation", "ization"}, {"tre", "ter"}, {"tres", "ters"}, {"ogue", "og"}, {"yse", "yze"}}

// isCommon reports whether the lower-case word w is an ordinary word:
// listed, known to prose's lexicon in its own or its American spelling, or
// built with a derivational suffix and not itself a known name.
func (lx *nerLexicon) isCommon(w string) bool {
	if lx.common[w] {
		return true
	}
	if _, named := lx.names[w]; named || lx.firstNames[w] {
		return false
	}
	for _, sp := range nerBritishSpellings {
		if stem, ok := strings.CutSuffix(w, sp[0]); ok && len(stem) >= 3 && lx.common[stem+sp[1]] {
			return true
		}
	}
	if len(w) >= 9 {
		for _, suf := range nerDerivedSuffixes {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
	}
	return false
}

// sharedLexicon is the gazetteers and prose's tagger vocabulary, read
// once for every NER and for OrdinaryWord: nothing writes to it after.
var sharedLexicon = sync.OnceValues(func() (*nerLexicon, error) {
	lx, err := loadNERLexicon()
	if err != nil {
		return nil, fmt.Errorf("extract: loading entity gazetteers: %w", err)
	}
	if err := lx.addProseVocabulary(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return lx, nil
})

// OrdinaryWord reports whether w is an ordinary English word rather than
// a name, whatever its case: "Race" and "Medical" opening a sentence are
// ordinary words, "Brightwell" is not. Cross-source analysis uses it to
// tell a capitalised field word ("Race director") from a body's name
// ("Brightwell chief executive").
func OrdinaryWord(w string) bool {
	lx, err := sharedLexicon()
	return err == nil && lx.isCommon(strings.ToLower(w))
}
