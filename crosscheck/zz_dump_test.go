package crosscheck

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// CLAIMDEX_DUMP="event|substring" prints claims (study events only).
func TestZZDump(t *testing.T) {
	spec := os.Getenv("CLAIMDEX_DUMP")
	if spec == "" {
		t.Skip()
	}
	f := strings.Split(spec, "|")
	if devPart(f[0]) != "study" {
		t.Fatal("score event")
	}
	*crossDevRounds = f[0]
	claims, files, _ := crossDevCorpus(t)
	for _, c := range claims {
		if strings.Contains(c.Text, f[1]) {
			fmt.Printf("%s %s speaker=%q %q\n   money=%v qty=%v dates=%v\n", files[c.DocID], c.Kind, c.Speaker, c.Text, c.Money, c.Quantities, c.Dates)
		}
	}
}
