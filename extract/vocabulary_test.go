package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProseVocabulary checks the saved vocabulary of prose's tagger
// against the model data of the prose release in go.mod; -update rewrites
// it after a prose upgrade.
func TestProseVocabulary(t *testing.T) {
	words, err := proseVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if w == "" || strings.Contains(w, "\n") {
			t.Fatalf("vocabulary word %q cannot be saved one a line", w)
		}
	}
	want := strings.Join(words, "\n") + "\n"
	path := filepath.FromSlash(proseVocabularyFile)
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s differs from prose's model data (%d words saved, %d derived): run go test ./extract -run TestProseVocabulary -update",
			path, strings.Count(string(got), "\n"), len(words))
	}
}
