package crosscheck

import (
	"encoding/json"
	"flag"
	"fmt"
	"github.com/claimdex/claimdex/corpus"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimdex/claimdex/extract"
)

// The development set in testdata/crossdev: invented events, each
// reported by three or four invented outlets in the forms real input
// has (wire copy with a header, broadsheet HTML with site chrome,
// content-farm Markdown, press releases, live blogs, transcripts), with
// planted disagreements, agreements and distractors in each event's
// gold.json. The articles were written from fact sheets by writers who
// never saw this package. Events are split by a hash of their folder
// name into a part studied while writing rules and a part only scored:
// per-event errors are printed for the study part alone.
const crossDevDir = "../testdata/crossdev"

var (
	crossDevDetail = flag.Bool("crossdev.detail", false, "print the errors of the study part of testdata/crossdev")
	crossDevRounds = flag.String("crossdev.rounds", "", "comma-separated event name prefixes to evaluate (w1,w2,...); all when empty")
)

// heldOut names the rounds written after the rules they test and kept
// unstudied as a whole: their errors are never printed, study part or not.
var heldOut = []string{"w14", "w20", "w22"}

// printable reports whether an event's errors may be printed.
func printable(event string) bool {
	return devPart(event) == "study" && *crossDevDetail && !isHeldOut(event)
}

// isHeldOut reports an event of a held-out round.
func isHeldOut(event string) bool {
	return slices.ContainsFunc(heldOut, func(r string) bool { return strings.HasPrefix(event, r+"-") })
}

// Floors on the score-only part, just under what the analysis reaches
// (precision fell from 0.88 to 0.83 when the w8 round joined the set).
const (
	floorDevPrecision = 0.8
	floorDevRecall    = 0.5
)

type devGold struct {
	Event    string `json:"event"`
	Articles []struct {
		File      string `json:"file"`
		Outlet    string `json:"outlet"`
		Form      string `json:"form"`
		CopyOf    string `json:"copy_of"`
		Published string `json:"published"`
	} `json:"articles"`
	Disagreements []struct {
		Name   string `json:"name"`
		Kind   string `json:"kind"`
		Values []struct {
			Value string   `json:"value"`
			Docs  []string `json:"docs"`
		} `json:"values"`
	} `json:"disagreements"`
	Agreements []struct {
		Name  string   `json:"name"`
		Kind  string   `json:"kind"`
		Value string   `json:"value"`
		Docs  []string `json:"docs"`
	} `json:"agreements"`
}

// devPart says which part an event belongs to: "study" or "score".
func devPart(event string) string {
	h := fnv.New32a()
	h.Write([]byte(event))
	if h.Sum32()%2 == 0 {
		return "study"
	}
	return "score"
}

type devEvent struct {
	name string
	gold devGold
}

// crossDevCorpus cleans and extracts every article of every event; file
// names are "event/file".
func crossDevCorpus(t *testing.T) ([]extract.Claim, map[string]string, []devEvent) {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join(crossDevDir, "*", "gold.json"))
	if len(dirs) < 30 {
		t.Fatalf("development set has %d events, want at least 30", len(dirs))
	}
	var claims []extract.Claim
	files := map[string]string{}
	var events []devEvent
	for _, g := range dirs {
		dir := filepath.Dir(g)
		if !inRounds(filepath.Base(dir)) {
			continue
		}
		ev := devEvent{name: filepath.Base(dir)}
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &ev.gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		for _, a := range ev.gold.Articles {
			doc, cs := cleanFile(t, filepath.Join(dir, a.File))
			files[doc.ID] = ev.name + "/" + a.File
			claims = append(claims, cs...)
		}
		events = append(events, ev)
	}
	return claims, files, events
}

// devSameValue compares a group value with a gold one: numbers within
// 1% (and the same currency), dates exactly, persons by surname. A name
// of two surnames is often written with the first alone ("Vicente
// Llorca" for "Vicente Llorca Bañó"), so a surname matches any word
// after the other name's first.
func devSameValue(kind, got, want string) bool {
	if kind == ValuePerson {
		// Outlets drop marks ("Karaoglu" for "Karaoğlu", "Sayin" for
		// "Sayın").
		fold := func(s string) []string {
			return strings.Fields(strings.ReplaceAll(strings.ToLower(foldMarks(s)), "ı", "i"))
		}
		g, w := fold(got), fold(want)
		if len(g) == 0 || len(w) == 0 {
			return false
		}
		return g[len(g)-1] == w[len(w)-1] ||
			len(g) > 1 && slices.Contains(w[1:], g[len(g)-1]) ||
			len(w) > 1 && slices.Contains(g[1:], w[len(w)-1])
	}
	// An outlet's "the end of August" is a month: it states the gold
	// "2026-08-31" as precisely as its words allow.
	if kind == ValueDate && len(got) == len("2026-08") && strings.HasPrefix(want, got+"-") {
		return true
	}
	// And a gold year or month that an outlet states more precisely
	// ("the first quarter of 2027" for the gold "2027") is that value.
	if kind == ValueDate && strings.HasPrefix(got, want+"-") {
		return true
	}
	// The gold gives a measure in the unit its name says; an outlet may
	// give it with another metric prefix ("41.1 GW" for 41,100 MW).
	if num, unit, ok := strings.Cut(got, " "); ok && kind == ValueQuantity {
		if s, ok := metricScales[unit]; ok {
			if v, err := strconv.ParseFloat(num, 64); err == nil && sameValue(kind, strconv.FormatFloat(v*s.factor, 'f', -1, 64), want) {
				return true
			}
		}
	}
	return sameValue(kind, got, want)
}

type devScore struct {
	reported, correct, agreementsFlagged int
	expected, found                      map[string]int // by kind
}

func TestCrossDevEvaluation(t *testing.T) {
	claims, files, events := crossDevCorpus(t)
	res := Analyze(claims, Options{})
	docsOf := docNamer(claims, files)
	eventOf := func(g Group) string {
		for _, v := range g.Values {
			for _, d := range docsOf(v.Claims) {
				return strings.SplitN(d, "/", 2)[0]
			}
		}
		return ""
	}
	scores := map[string]*devScore{"study": {expected: map[string]int{}, found: map[string]int{}}, "score": {expected: map[string]int{}, found: map[string]int{}}}
	byName := map[string]devEvent{}
	for _, ev := range events {
		byName[ev.name] = ev
	}
	// hasValue: group g holds value want stated by one of docs.
	hasValue := func(g Group, event, want string, docs []string) bool {
		for _, gv := range g.Values {
			if !devSameValue(g.Kind, gv.Value, want) {
				continue
			}
			for _, d := range docsOf(gv.Claims) {
				if slices.Contains(docs, strings.TrimPrefix(d, event+"/")) {
					return true
				}
			}
		}
		return false
	}
	matched := map[string]bool{} // event/disagreement
	for _, g := range res.Groups {
		if !g.Conflict {
			continue
		}
		event := eventOf(g)
		ev, ok := byName[event]
		if !ok {
			continue
		}
		part := devPart(event)
		sc := scores[part]
		sc.reported++
		ok = false
		for _, d := range ev.gold.Disagreements {
			if d.Kind != g.Kind {
				continue
			}
			all := true
			for _, v := range d.Values {
				if !hasValue(g, event, v.Value, v.Docs) {
					all = false
					break
				}
			}
			if all {
				ok = true
				matched[event+"/"+d.Name] = true
			}
		}
		flagged := false
		for _, a := range ev.gold.Agreements {
			if a.Kind == g.Kind && hasValue(g, event, a.Value, a.Docs) {
				flagged = true
			}
		}
		if ok {
			sc.correct++
		} else {
			if flagged {
				sc.agreementsFlagged++
			}
			if printable(event) {
				t.Logf("false conflict [%s] (agreement flagged: %v): %s", event, flagged, describeGroup(g, docsOf))
			}
		}
	}
	for _, ev := range events {
		sc := scores[devPart(ev.name)]
		for _, d := range ev.gold.Disagreements {
			sc.expected[d.Kind]++
			if matched[ev.name+"/"+d.Name] {
				sc.found[d.Kind]++
			} else if printable(ev.name) {
				t.Logf("missed [%s] %s (%s): %v", ev.name, d.Name, d.Kind, d.Values)
			}
		}
	}
	for _, part := range []string{"study", "score"} {
		sc := scores[part]
		exp, found := 0, 0
		var kinds []string
		for _, k := range []string{ValueMoney, ValueDate, ValueQuantity, ValuePerson} {
			exp += sc.expected[k]
			found += sc.found[k]
			kinds = append(kinds, fmt.Sprintf("%s %d/%d", k, sc.found[k], sc.expected[k]))
		}
		p, r := evalRatio(sc.correct, sc.reported), evalRatio(found, exp)
		t.Logf("%s part: %d conflicts reported, %d correct (precision %.3f), %d agreements reported as conflicts; recall %.3f (%d/%d: %s)",
			part, sc.reported, sc.correct, p, sc.agreementsFlagged, r, found, exp, strings.Join(kinds, ", "))
		if part == "score" {
			if p < floorDevPrecision {
				t.Errorf("score part precision %.3f below floor %.2f", p, floorDevPrecision)
			}
			if r < floorDevRecall {
				t.Errorf("score part recall %.3f below floor %.2f", r, floorDevRecall)
			}
		}
	}
	// Every event is its own story or stories: no story mixes events.
	mixed := 0
	storyEvents := map[string]map[string]bool{}
	for doc, st := range res.Stories {
		if storyEvents[st] == nil {
			storyEvents[st] = map[string]bool{}
		}
		storyEvents[st][strings.SplitN(files[doc], "/", 2)[0]] = true
	}
	for _, evs := range storyEvents {
		if len(evs) > 1 {
			mixed++
		}
	}
	t.Logf("stories: %d, mixing events: %d", len(storyEvents), mixed)
}

// inRounds reports whether event is in the rounds -crossdev.rounds names.
func inRounds(event string) bool {
	if *crossDevRounds == "" {
		return true
	}
	for _, p := range strings.Split(*crossDevRounds, ",") {
		// "w1" is its round, not w10-w19.
		if p != "" && (event == p || strings.HasPrefix(event, p+"-")) {
			return true
		}
	}
	return false
}

// TestCrossDevPublished measures the publication dates the cleaner reads
// from the development set's articles against the day each was written
// for (gold "published"), by part, the held-out rounds left out. Floors
// just under what the cleaner reaches.
func TestCrossDevPublished(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(crossDevDir, "*", "gold.json"))
	type tally struct{ right, missing, other int }
	parts := map[string]*tally{"study": {}, "score": {}}
	for _, g := range dirs {
		dir := filepath.Dir(g)
		event := filepath.Base(dir)
		if !inRounds(event) || isHeldOut(event) {
			continue
		}
		var gold devGold
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		tl := parts[devPart(event)]
		for _, a := range gold.Articles {
			if len(a.Published) < 10 {
				continue
			}
			src, err := os.ReadFile(filepath.Join(dir, a.File))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := corpus.Clean(filepath.Join(dir, a.File), src, corpus.Options{})
			if err != nil {
				t.Fatalf("clean %s/%s: %v", event, a.File, err)
			}
			switch {
			case doc.Published.IsZero():
				tl.missing++
			case doc.Published.Format(time.DateOnly) == a.Published[:10]:
				tl.right++
			default:
				tl.other++
			}
		}
	}
	for _, part := range []string{"study", "score"} {
		tl := parts[part]
		n := tl.right + tl.missing + tl.other
		t.Logf("%s part: %d of %d articles dated right, %d undated, %d dated otherwise", part, tl.right, n, tl.missing, tl.other)
		if n > 0 && part == "score" && float64(tl.right) < 0.9*float64(n) {
			t.Errorf("score part: %d of %d dated right, under the floor 0.9", tl.right, n)
		}
	}
}
