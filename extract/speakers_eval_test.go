package extract

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/corpus"
)

// The speaker evaluation reads invented articles from testdata/speakers:
// study.txt, whose errors may be read and worked on, and score.txt, which
// is only scored (its errors are never printed). A gold quote counts as
// right when the claim holding its words names the gold speaker.

// speakerFloor is just under what the score-only set reaches.
const speakerFloor = 0.90

// speakerGold is one quote fragment and who said it.
type speakerGold struct{ fragment, speaker string }

// speakerArticle is one invented article with its gold quotes.
type speakerArticle struct {
	name  string
	paras []string
	gold  []speakerGold
}

// readSpeakerSet parses the "== name / paragraphs / -- / gold" format.
func readSpeakerSet(path string) ([]speakerArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open speaker set: %w", err)
	}
	defer f.Close()
	var out []speakerArticle
	var cur *speakerArticle
	var para strings.Builder
	inGold := false
	flushPara := func() {
		if cur != nil && para.Len() > 0 {
			cur.paras = append(cur.paras, para.String())
		}
		para.Reset()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "#") && cur == nil:
		case strings.HasPrefix(line, "== "):
			flushPara()
			out = append(out, speakerArticle{name: strings.TrimPrefix(line, "== ")})
			cur, inGold = &out[len(out)-1], false
		case cur == nil:
		case line == "--":
			flushPara()
			inGold = true
		case inGold && line != "":
			frag, who, ok := strings.Cut(line, " => ")
			if !ok {
				return nil, fmt.Errorf("%s: gold line without \" => \": %q", filepath.Base(path), line)
			}
			cur.gold = append(cur.gold, speakerGold{strings.TrimSpace(frag), strings.TrimSpace(who)})
		case line == "":
			flushPara()
		default:
			if para.Len() > 0 {
				para.WriteByte(' ')
			}
			para.WriteString(line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	return out, nil
}

// speakerScore runs the extractor on each article and counts gold quotes
// whose claim names the gold speaker; report receives each miss.
func speakerScore(t *testing.T, x *Extractor, arts []speakerArticle, report func(string)) (right, total int) {
	t.Helper()
	for _, a := range arts {
		doc := &corpus.Document{ID: a.name, Location: a.name + ".txt", Source: "test"}
		for _, p := range a.paras {
			doc.Blocks = append(doc.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: p})
		}
		fillText(doc)
		claims := x.Claims(doc)
		for _, g := range a.gold {
			total++
			got := "(no claim)"
			for _, c := range claims {
				if strings.Contains(c.Text, g.fragment) {
					got = c.Speaker
					break
				}
			}
			if got == g.speaker {
				right++
			} else if report != nil {
				report(fmt.Sprintf("%s: %q: got %q, want %q", a.name, g.fragment, got, g.speaker))
			}
		}
	}
	return right, total
}

func TestSpeakersStudy(t *testing.T) {
	arts, err := readSpeakerSet(filepath.Join("testdata", "speakers", "study.txt"))
	if err != nil {
		t.Fatal(err)
	}
	right, total := speakerScore(t, testExtractor(t), arts, func(s string) { t.Log(s) })
	t.Logf("speakers, study set: %d/%d right (%.3f)", right, total, ratio(right, total))
}

func TestSpeakersScore(t *testing.T) {
	arts, err := readSpeakerSet(filepath.Join("testdata", "speakers", "score.txt"))
	if err != nil {
		t.Fatal(err)
	}
	right, total := speakerScore(t, testExtractor(t), arts, nil)
	acc := ratio(right, total)
	t.Logf("speakers, score-only set: %d/%d right (%.3f)", right, total, acc)
	if total < 50 {
		t.Errorf("score-only set has %d gold quotes, want at least 50", total)
	}
	if acc < speakerFloor {
		t.Errorf("speaker accuracy %.3f on the score-only set, want >= %.2f", acc, speakerFloor)
	}
}
