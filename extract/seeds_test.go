package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/corpus"
)

// seedsDir holds the two articles the project was created from; it is
// outside the repository and the test skips when it is absent.
const seedsDir = "../../shared/seeds"

func seedClaims(t *testing.T) []Claim {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(paths) == 0 {
		t.Skip("seed articles not available")
	}
	x := testExtractor(t)
	var all []Claim
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("reading seed: %v", err)
		}
		doc, err := corpus.Clean(p, data, corpus.Options{})
		if err != nil {
			t.Fatalf("cleaning %s: %v", p, err)
		}
		claims := x.Claims(doc)
		checkClaims(t, doc, claims)
		all = append(all, claims...)
	}
	return all
}

func TestSeeds(t *testing.T) {
	claims := seedClaims(t)
	t.Run("money", func(t *testing.T) {
		for _, want := range []Money{{Amount: 5e10, Currency: "USD"}, {Amount: 4.5e10, Currency: "USD"}, {Amount: 3e10, Currency: "EUR"}} {
			if !slices.ContainsFunc(claims, func(c Claim) bool {
				return slices.ContainsFunc(c.Money, func(m Money) bool { return m.Amount == want.Amount && m.Currency == want.Currency })
			}) {
				t.Errorf("no claim with %v %s", want.Amount, want.Currency)
			}
		}
	})
	t.Run("dates", func(t *testing.T) {
		for _, want := range []string{"2025-12-22", "2025-12-15", "2026-01-15"} {
			if !slices.ContainsFunc(claims, func(c Claim) bool {
				return slices.ContainsFunc(c.Dates, func(d Date) bool { return d.Value == want })
			}) {
				t.Errorf("no claim with date %s", want)
			}
		}
	})
	t.Run("entities", func(t *testing.T) {
		for _, want := range []string{"Steve Witkoff", "Rustem Umerov", "Kirill Dmitriev"} {
			if !slices.ContainsFunc(claims, func(c Claim) bool {
				return slices.ContainsFunc(c.Entities, func(e Entity) bool { return e.Canonical == want })
			}) {
				t.Errorf("no claim with entity %s", want)
			}
		}
		// The lower-cased mention is resolved too.
		if !slices.ContainsFunc(claims, func(c Claim) bool {
			return slices.ContainsFunc(c.Entities, func(e Entity) bool { return e.Text == "umerov" && e.Canonical == "Rustem Umerov" })
		}) {
			t.Errorf(`no entity "umerov" resolved to Rustem Umerov`)
		}
	})
	t.Run("no furniture", func(t *testing.T) {
		toc := regexp.MustCompile(`^\d{1,2}\.\s`)
		for _, c := range claims {
			if strings.Contains(c.Text, "Share your thoughts") || strings.Contains(c.Text, "Table of Contents") ||
				(c.Kind == KindListItem && toc.MatchString(c.Text)) {
				t.Errorf("furniture became a claim: %q", c.Text)
			}
		}
	})
	t.Run("speaker of the envoy's quote", func(t *testing.T) {
		c, ok := findClaim(claims, "said Envoy Miller")
		if !ok || c.Kind != KindQuote || !strings.Contains(c.Speaker, "Miller") {
			t.Errorf("Envoy Miller quote: kind %q speaker %q", c.Kind, c.Speaker)
		}
	})
	t.Run("reported speech", func(t *testing.T) {
		for sub, want := range map[string]string{
			"in remarks echoing Umerov": "Steve Witkoff",
			"Dmitry Peskov also said":   "Dmitry Peskov",
		} {
			if c, ok := findClaim(claims, sub); !ok || c.Speaker != want {
				t.Errorf("%q: speaker %q, want %q", sub, c.Speaker, want)
			}
		}
	})
}
