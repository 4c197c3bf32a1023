package pipeline

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every location written with ListEntry reads back as itself, whatever
// characters its name holds; plain names stay plain.
func TestListEntryRoundTrip(t *testing.T) {
	locs := []string{
		"news/story.html",
		"https://example.com/a?b=c#frag",
		"two\nlines.txt",
		"carriage\rreturn.txt",
		"notes #1.txt",
		"#hash-first.txt",
		`"quoted".txt`,
		" leading space.txt",
		"trailing space.txt ",
		"tab\tinside.txt",
		"bad\xffutf8.txt",
	}
	var b strings.Builder
	b.WriteString("# a comment line\n\n")
	for _, l := range locs {
		b.WriteString(ListEntry(l) + "\n")
	}
	got, err := ReadList("-", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(locs, got); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
	if e := ListEntry("news/story.html"); e != "news/story.html" {
		t.Errorf("a plain name is written as %q", e)
	}
	if got, _ := ReadList("-", strings.NewReader(`"a #b.txt" # why it failed`+"\n")); len(got) != 1 || got[0] != "a #b.txt" {
		t.Errorf("quoted entry with a comment read as %q", got)
	}
}
