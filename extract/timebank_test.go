package extract

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// The TimeBank + AQUAINT evaluation reads the TempEval-3 training corpus
// (TBAQ-cleaned: TimeBank 1.2 and AQUAINT .tml files, in any
// subdirectories) from the directory in CLAIMDEX_TBAQ, and scores DATE
// values as TestTempEvalDates does. The corpus is split in two halves by a
// hash of the document name: the study half may be read for errors
// (CLAIMDEX_TBAQ_ERRORS=1 logs them), the score half is only scored.

// tbaqFloorScore is the lowest all-gold value F1 accepted on the score half:
// just under what the finder reaches there.
const tbaqFloorScore = 0.74

// tbaqStudy reports whether a document belongs to the study half.
func tbaqStudy(name string) bool {
	h := fnv.New32a()
	h.Write([]byte(name))
	return h.Sum32()%2 == 0
}

func TestTimeBankDates(t *testing.T) {
	dir := os.Getenv("CLAIMDEX_TBAQ")
	if dir == "" {
		t.Skip("CLAIMDEX_TBAQ not set (directory of TimeBank + AQUAINT .tml files)")
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".tml" && filepath.Base(p)[0] != '.' {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil || len(paths) == 0 {
		t.Fatalf("no .tml files under %s (err %v)", dir, err)
	}
	sort.Strings(paths)
	showErrors := os.Getenv("CLAIMDEX_TBAQ_ERRORS") != ""
	var all, expr [2]teScore // [0] study, [1] score
	var docs [2]int
	for _, p := range paths {
		doc, err := readTimeML(p)
		if err != nil {
			t.Fatal(err)
		}
		part := 1
		if tbaqStudy(doc.name) {
			part = 0
		}
		docs[part]++
		notes := scoreTempEval(doc, FindDates(doc.text, doc.dct), &all[part], &expr[part])
		if part == 0 && showErrors {
			for _, n := range notes {
				t.Logf("%s: %s", doc.name, n)
			}
		}
	}
	for part, name := range []string{"study", "score"} {
		pa, ra, fa := all[part].f1()
		_, _, fe := expr[part].f1()
		t.Logf("TimeBank+AQUAINT %s half, %d docs: value F1 all gold P %.3f R %.3f F1 %.3f; expressible F1 %.3f",
			name, docs[part], pa, ra, fa, fe)
	}
	if _, _, fa := all[1].f1(); fa < tbaqFloorScore {
		t.Errorf("score-half value F1 %.3f below floor %.2f", fa, tbaqFloorScore)
	}
}
