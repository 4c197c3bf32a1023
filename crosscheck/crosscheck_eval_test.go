package crosscheck

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"

	"github.com/claimdex/claimdex/corpus"
	"github.com/google/go-cmp/cmp"
)

// The cross-source evaluation set: invented events reported by several
// invented outlets in all three input formats, with planted agreements,
// disagreements, distractors (different figures about different things in
// one story) and a syndicated wire story. expected.json says what must be
// found.
const crossEvalDir = "../testdata/crosscheck"

// Floors of the evaluation, just under what the analysis reaches: a
// change that loses precision or recall fails here.
const (
	floorConflictPrecision = 0.95
	floorConflictRecall    = 0.95
	floorCorroboration     = 0.9
	floorOriginPairs       = 1.0
)

type crossExpected struct {
	Conflicts []struct {
		Name   string `json:"name"`
		Kind   string `json:"kind"`
		Values []struct {
			Value string   `json:"value"`
			Docs  []string `json:"docs"`
		} `json:"values"`
	} `json:"conflicts"`
	Corroborations []struct {
		Doc  string `json:"doc"`
		Text string `json:"text"`
		Min  int    `json:"min"`
		Max  int    `json:"max"`
	} `json:"corroborations"`
	Origins [][]string `json:"origins"`
}

// crossEvalClaims runs the product's pieces over the set: corpus.Clean on
// each file, then the extractor.
func crossEvalClaims(t *testing.T) ([]extract.Claim, map[string]string, []string) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(crossEvalDir, "*"))
	var all []extract.Claim
	files := map[string]string{} // doc id -> file name
	var names []string
	for _, p := range paths {
		if filepath.Ext(p) == ".json" {
			continue
		}
		doc, claims := cleanFile(t, p)
		files[doc.ID] = filepath.Base(p)
		names = append(names, filepath.Base(p))
		all = append(all, claims...)
	}
	if len(names) < 12 {
		t.Fatalf("evaluation set has %d documents, want at least 12", len(names))
	}
	return all, files, names
}

func loadCrossExpected(t *testing.T) crossExpected {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(crossEvalDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp crossExpected
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	return exp
}

// sameValue compares a group value with an expected one: numbers within
// 1% (and the same currency when the expected value names one), dates and
// names exactly (names ignoring case).
func sameValue(kind, got, want string) bool {
	switch kind {
	case ValueMoney, ValueQuantity:
		gf, wf := strings.Fields(got), strings.Fields(want)
		if len(gf) == 0 || len(wf) == 0 {
			return false
		}
		g, err1 := strconv.ParseFloat(strings.SplitN(gf[0], "-", 2)[0], 64)
		w, err2 := strconv.ParseFloat(wf[0], 64)
		if err1 != nil || err2 != nil || math.Abs(g-w) > 0.01*math.Abs(w) {
			return false
		}
		return len(wf) < 2 || (len(gf) >= 2 && gf[1] == wf[1])
	case ValuePerson:
		return strings.EqualFold(got, want)
	}
	return got == want
}

func TestCrosscheckEvaluation(t *testing.T) {
	claims, files, names := crossEvalClaims(t)
	exp := loadCrossExpected(t)
	res := Analyze(claims, Options{})
	docsOf := docNamer(claims, files)

	precision, recall := scoreConflicts(t, res, exp, docsOf, nil)

	// The result does not depend on the order of the claims.
	rev := slices.Clone(claims)
	slices.Reverse(rev)
	if diff := cmp.Diff(res.Groups, Analyze(rev, Options{}).Groups); diff != "" {
		t.Errorf("groups depend on claim order (-forward +reversed):\n%s", diff)
	}
	// Corroborations of selected claims.
	corrOK := 0
	for _, want := range exp.Corroborations {
		var got []int
		for _, c := range claims {
			if files[c.DocID] == want.Doc && strings.Contains(c.Text, want.Text) {
				got = append(got, res.Annotations[c.ID].Corroborations)
			}
		}
		if len(got) == 0 {
			t.Errorf("no claim of %s contains %q", want.Doc, want.Text)
			continue
		}
		if best := slices.Max(got); best >= want.Min && best <= want.Max {
			corrOK++
		} else {
			t.Logf("corroborations of %s %q = %d, want %d..%d", want.Doc, want.Text, best, want.Min, want.Max)
		}
	}
	corrAcc := evalRatio(corrOK, len(exp.Corroborations))
	t.Logf("corroborations: %d/%d as expected (%.3f)", corrOK, len(exp.Corroborations), corrAcc)

	// Origins: every pair of documents is the same origin exactly when
	// expected.
	origin := map[string]string{}
	for id, o := range res.Origins {
		origin[files[id]] = o
	}
	sameWant := func(a, b string) bool {
		for _, set := range exp.Origins {
			if slices.Contains(set, a) && slices.Contains(set, b) {
				return true
			}
		}
		return false
	}
	pairsOK, pairs := 0, 0
	for i, a := range names {
		for _, b := range names[i+1:] {
			pairs++
			if got := origin[a] != "" && origin[a] == origin[b]; got == sameWant(a, b) {
				pairsOK++
			} else {
				t.Logf("origin of %s and %s: same=%v, want %v", a, b, got, sameWant(a, b))
			}
		}
	}
	originAcc := evalRatio(pairsOK, pairs)
	t.Logf("origins: %d/%d document pairs right (%.3f)", pairsOK, pairs, originAcc)

	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"conflict precision", precision, floorConflictPrecision},
		{"conflict recall", recall, floorConflictRecall},
		{"corroborations", corrAcc, floorCorroboration},
		{"origin pairs", originAcc, floorOriginPairs},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.3f below floor %.3f", f.name, f.got, f.floor)
		}
	}
}

// TestCrosscheckEvalWireCopy: the syndicated wire story and its copy on
// another site (new headline, one sentence reworded) are one origin by
// their fingerprints alone; independent reports of the same event are not.
func TestCrosscheckEvalWireCopy(t *testing.T) {
	fps := map[string]Fingerprint{}
	for _, name := range []string{"meridian-serrania-fire.txt", "valdoria-daily-serrania.html", "valdoria-today-fire.html", "firewatch-serrania.md"} {
		p := filepath.Join(crossEvalDir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.Clean(p, data, corpus.Options{})
		if err != nil {
			t.Fatalf("clean %s: %v", p, err)
		}
		fps[name] = NewFingerprint(doc.Text)
	}
	sim := fps["meridian-serrania-fire.txt"].Similarity(fps["valdoria-daily-serrania.html"])
	t.Logf("wire copy similarity %.2f", sim)
	got := Origins(fps, 0)
	if got["meridian-serrania-fire.txt"] != got["valdoria-daily-serrania.html"] {
		t.Errorf("wire copy not recognised (similarity %.2f): %v", sim, got)
	}
	for _, own := range []string{"valdoria-today-fire.html", "firewatch-serrania.md"} {
		if got[own] == got["meridian-serrania-fire.txt"] {
			t.Errorf("independent report %s merged with the wire story: %v", own, got)
		}
	}
}

// scoreConflicts measures conflict detection: precision over the reported
// conflict groups, recall over the expected ones. known accepts reported
// groups that are right for reasons outside exp (nil: none).
func scoreConflicts(t *testing.T, res *Result, exp crossExpected, docsOf func([]string) []string, known func(Group) bool) (precision, recall float64) {
	t.Helper()
	var reported []Group
	for _, g := range res.Groups {
		if g.Conflict {
			reported = append(reported, g)
		}
	}
	matches := func(g Group, e int) bool {
		want := exp.Conflicts[e]
		if g.Kind != want.Kind {
			return false
		}
		for _, wv := range want.Values {
			found := false
			for _, gv := range g.Values {
				ds := docsOf(gv.Claims)
				if sameValue(g.Kind, gv.Value, wv.Value) && !slices.ContainsFunc(wv.Docs, func(d string) bool { return !slices.Contains(ds, d) }) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	found := make([]bool, len(exp.Conflicts))
	correct := 0
	for _, g := range reported {
		ok := known != nil && known(g)
		for e := range exp.Conflicts {
			if matches(g, e) {
				found[e], ok = true, true
			}
		}
		if ok {
			correct++
		} else {
			t.Logf("unexpected conflict: %s", describeGroup(g, docsOf))
		}
	}
	recalled := 0
	for e, ok := range found {
		if ok {
			recalled++
		} else {
			t.Logf("missed conflict: %s (%s)", exp.Conflicts[e].Name, exp.Conflicts[e].Kind)
		}
	}
	precision = evalRatio(correct, len(reported))
	recall = evalRatio(recalled, len(exp.Conflicts))
	t.Logf("conflicts: %d reported, %d correct, %d/%d expected found: precision %.3f recall %.3f",
		len(reported), correct, recalled, len(exp.Conflicts), precision, recall)
	return precision, recall
}

// TestCrosscheckEvaluationMixed runs the set together with the bundled
// sample: a bigger corpus changes how rare each topic word is, and must
// not make values of one story conflict with another's, nor lose the
// expected conflicts.
func TestCrosscheckEvaluationMixed(t *testing.T) {
	claims, files, _ := crossEvalClaims(t)
	sample := claimsOf(t, "../testdata/sample/*")
	for _, c := range sample {
		files[c.DocID] = "sample/" + filepath.Base(c.Location)
	}
	claims = append(claims, sample...)
	exp := loadCrossExpected(t)
	res := Analyze(claims, Options{})
	docsOf := docNamer(claims, files)
	// The sample's own conflicts (see TestCrosscheckSample).
	sampleWant := []string{
		"date 2026-03-03 | 2026-03-10",
		"money 2100000000 EUR | 2400000000 EUR",
		"quantity 120000 residents | 95000 people",
	}
	known := func(g Group) bool {
		return slices.Contains(sampleWant, conflictPairs(&Result{Groups: []Group{g}})[0])
	}
	precision, recall := scoreConflicts(t, res, exp, docsOf, known)
	if precision < floorConflictPrecision || recall < floorConflictRecall {
		t.Errorf("mixed corpus: precision %.3f recall %.3f below floors %.2f/%.2f", precision, recall, floorConflictPrecision, floorConflictRecall)
	}
}

func evalRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func describeGroup(g Group, docsOf func([]string) []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q:", g.Kind, g.Topic)
	for _, v := range g.Values {
		fmt.Fprintf(&b, " [%s %v]", v.Value, docsOf(v.Claims))
	}
	return b.String()
}

func BenchmarkCrosscheckEval(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(crossEvalDir, "*"))
	var claims []extract.Claim
	for _, p := range paths {
		if filepath.Ext(p) != ".json" {
			_, cs := cleanFile(b, p)
			claims = append(claims, cs...)
		}
	}
	for b.Loop() {
		Analyze(claims, Options{})
	}
}

// docNamer returns a function that names, in order and once each, the
// documents (by files[doc id]) that the claims with the given ids come from.
func docNamer(claims []extract.Claim, files map[string]string) func(ids []string) []string {
	byID := make(map[string]extract.Claim, len(claims))
	for _, c := range claims {
		byID[c.ID] = c
	}
	return func(ids []string) []string {
		var ds []string
		for _, id := range ids {
			if d := files[byID[id].DocID]; !slices.Contains(ds, d) {
				ds = append(ds, d)
			}
		}
		return ds
	}
}
