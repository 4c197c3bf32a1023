package pipeline

import (
	"strings"
	"testing"
)

// FuzzListEntry: @FILE lists are written by --failed from any location
// (file names and URLs from the web) and read back. Every non-empty
// location survives the round trip, and reading any list never panics.
func FuzzListEntry(f *testing.F) {
	for _, s := range []string{"news/a.html", "two\nlines", "a #b", "#c", `"q"`, " pad ", "bad\xff", `"\x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, loc string) {
		_, _ = ReadList("-", strings.NewReader(loc)) // any text as a list
		if loc == "" {
			return
		}
		got, err := ReadList("-", strings.NewReader(ListEntry(loc)+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0] != loc {
			t.Fatalf("%q written as %q reads back as %q", loc, ListEntry(loc), got)
		}
	})
}
