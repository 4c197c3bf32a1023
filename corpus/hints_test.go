package corpus

import "testing"

func TestHints(t *testing.T) {
	wordStart := newWordStartHints("ad-", "nav", "share")
	substr := newSubstringHints("caption", "byline")
	tests := []struct {
		name string
		h    hints
		in   string
		want bool
	}{
		{"word start at beginning", wordStart, "ad-slot top", true},
		{"word start after space", wordStart, "main ad-slot", true},
		{"word start after dash", wordStart, "site-nav", true},
		{"word start after underscore", wordStart, "post_share-bar", true},
		{"inside a word", wordStart, "head-line", false},
		{"inside a later word", wordStart, "canvas", false},
		{"second occurrence at word start", wordStart, "unshared share", true},
		{"substring anywhere", substr, "newscaption", true},
		{"substring absent", substr, "article-body", false},
		{"empty", substr, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.h.match(tt.in); got != tt.want {
				t.Errorf("match(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
