package crosscheck

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// CLAIMDEX_TRACE="event|valA|valB|kind" (study events only).
func TestZZTrace(t *testing.T) {
	spec := os.Getenv("CLAIMDEX_TRACE")
	if spec == "" {
		t.Skip()
	}
	f := strings.Split(spec, "|")
	if devPart(f[0]) != "study" {
		t.Fatal("score event")
	}
	*crossDevRounds = f[0]
	claims, files, _ := crossDevCorpus(t)
	traceVals = [2]string{f[1], f[2]}
	res := Analyze(claims, Options{})
	st := map[string][]string{}
	for d, s := range res.Stories {
		st[s] = append(st[s], files[d])
	}
	fmt.Println("stories", st)
	dn := docNamer(claims, files)
	for _, g := range res.Groups {
		d := describeGroup(g, dn)
		if strings.Contains(d, f[0]) && (strings.Contains(d, f[1]) || strings.Contains(d, f[2])) {
			fmt.Println("GROUP conflict=", g.Conflict, d)
		}
	}
	if len(f) > 3 {
		for i := range claims {
			c := &claims[i]
			for _, m := range claimMentions(c) {
				if m.kind == f[3] {
					fmt.Printf("%s | %s | %v | subj=%v\n      %q\n", files[c.DocID], m.val.text, m.topic, m.subjects, c.Text)
				}
			}
		}
	}
}
