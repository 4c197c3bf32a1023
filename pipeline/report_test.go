package pipeline

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func sampleReport() *Report {
	r := &Report{
		Read: 6, Added: 2, Unchanged: 1, Replaced: 1, Claims: 17,
		Duplicates: []Duplicate{{Location: "news/copy.html", Of: "news/story.html"}},
		Failures:   []Failure{{Location: "blob.bin", Reason: "binary content, not text"}},
	}
	r.finish(1500 * time.Millisecond)
	return r
}

func TestReportText(t *testing.T) {
	tests := []struct {
		name string
		r    *Report
		want string
	}{
		{"mixed", sampleReport(), `read       6 documents
added      2
unchanged  1 (skipped)
replaced   1
duplicates 1
failed     1
claims     17 indexed
elapsed    1.5s (4.0 documents/s)
duplicate: news/copy.html: same content as news/story.html
failed: blob.bin: binary content, not text
`},
		{"interrupted empty", &Report{Interrupted: true}, `read       0 documents
added      0
unchanged  0 (skipped)
replaced   0
duplicates 0
failed     0
claims     0 indexed
elapsed    0s (0.0 documents/s)
interrupted: the run stopped before every input was handled; what is counted above is in the index
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := tt.r.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("text summary (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	tests := []struct {
		name string
		r    *Report
		want map[string]any
	}{
		{"mixed", sampleReport(), map[string]any{
			"read": 6.0, "added": 2.0, "unchanged": 1.0, "replaced": 1.0, "claims": 17.0,
			"duplicates":      []any{map[string]any{"location": "news/copy.html", "duplicate_of": "news/story.html"}},
			"failed":          1.0,
			"failures":        []any{map[string]any{"location": "blob.bin", "reason": "binary content, not text"}},
			"capped":          []any{},
			"elapsed_seconds": 1.5, "docs_per_sec": 4.0, "interrupted": false,
		}},
		{"empty lists are arrays", &Report{}, map[string]any{
			"read": 0.0, "added": 0.0, "unchanged": 0.0, "replaced": 0.0, "claims": 0.0,
			"duplicates": []any{}, "failed": 0.0, "failures": []any{}, "capped": []any{},
			"elapsed_seconds": 0.0, "docs_per_sec": 0.0, "interrupted": false,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := tt.r.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
				t.Fatalf("invalid JSON %q: %v", b.String(), err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("JSON report (-want +got):\n%s", diff)
			}
		})
	}
}
