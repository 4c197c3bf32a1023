package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"missing space after full stop", "counterproductive to peace.Kremlin spokesman", "counterproductive to peace. Kremlin spokesman"},
		{"missing space after comma before name", "In a joint statement,Witkoff and umerov said", "In a joint statement, Witkoff and umerov said"},
		{"missing space after comma lower case", "among Ukraine,the United States,and Europe", "among Ukraine, the United States, and Europe"},
		{"initialism kept", "the U.S. and the U.K. agreed", "the U.S. and the U.K. agreed"},
		{"initialism before word", "U.S.Special Envoy", "U.S. Special Envoy"},
		{"initialism before lower-case word", "A U.S.envoy said", "A U.S. envoy said"},
		{"initialism before hyphen", "a U.S.-led mission", "a U.S.-led mission"},
		{"initialism run", "the U.S.A. team", "the U.S.A. team"},
		{"degree", "a Ph.D. thesis", "a Ph.D. thesis"},
		{"e.g. with comma", "(e.g., withdrawal)", "(e.g., withdrawal)"},
		{"decimal", "grew 3.5 percent", "grew 3.5 percent"},
		{"thousands", "about 1,200 people", "about 1,200 people"},
		{"time", "at 09:27:23 local", "at 09:27:23 local"},
		{"domain", "visit example.com today", "visit example.com today"},
		{"url", "see https://news.example/A.Story,Now", "see https://news.example/A.Story,Now"},
		{"email", "write to Jane.Doe@example.org", "write to Jane.Doe@example.org"},
		{"numbered heading", "5.NATO and European Union outlook", "5. NATO and European Union outlook"},
		{"year then sentence", "began in 2022.The war", "began in 2022. The war"},
		{"closing quote", `he said.”Then he left`, `he said.” Then he left`},
		{"semicolon", "the fund;The board", "the fund; The board"},
		{"colon", "Note:The vote", "Note: The vote"},
		{"question", "Really?Yes", "Really? Yes"},
		{"ellipsis", "wait...Then", "wait... Then"},
		{"identifier", "built on ASP.NET tools", "built on ASP.NET tools"},
		{"non-breaking hyphen", "a 20\u2011point plan", "a 20-point plan"},
		{"date with non-breaking hyphens", "2025\u201112\u201122", "2025-12-22"},
		{"en dash range", "1990\u20131995", "1990-1995"},
		{"spaced en dash kept", "MIAMI \u2013 A fresh round", "MIAMI \u2013 A fresh round"},
		{"spaced em dash kept", "the deal \u2014 signed", "the deal \u2014 signed"},
		{"figure dash", "call 555\u20120100", "call 555-0100"},
		{"nbsp and thin space", "80\u00a0% of\u2009GDP\u202fnow", "80 % of GDP now"},
		{"tabs and newlines", " a\t\tb\n\nc ", "a b c"},
		{"zero width and soft hyphen", "re\u00adcon\u200bstruction", "reconstruction"},
		{"controls removed", "a\x07b", "ab"},
		{"curly quotes kept", "“productive”", "“productive”"},
		{"NFC", "Jose\u0301", "Jos\u00e9"},
		{"invalid UTF-8", "bad \xff byte", "bad \uFFFD byte"},
		{"empty", "   ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeText(tt.in); got != tt.want {
				t.Errorf("normalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeTextIdempotent(t *testing.T) {
	for _, s := range []string{"peace.Kremlin", "U.S.Special", "5.NATO", "a , b", "x\u2011y \u2014 z"} {
		once := normalizeText(s)
		if twice := normalizeText(once); twice != once {
			t.Errorf("normalizeText not idempotent on %q: %q then %q", s, once, twice)
		}
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"peace.Kremlin", "U.S.Special", "5.NATO", "a\u2011b", "\xff\xfe", "“q.”Then", "e.g.the"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := normalizeText(s)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("untidy spaces in %q", got)
		}
		if strings.ContainsAny(got, "\n\t\u00a0") {
			t.Fatalf("space-like rune left in %q", got)
		}
	})
}
