package extract

import (
	"os"
	"testing"
	"time"
)

// benchNews is a few KB of invented news text with every finder's forms.
func benchNews(b *testing.B) string {
	b.Helper()
	data, err := os.ReadFile("testdata/finders/news.txt")
	if err != nil {
		b.Fatalf("read bench text: %v", err)
	}
	return string(data)
}

func BenchmarkFindMoney(b *testing.B) {
	text := benchNews(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindMoney(text)
	}
}

func BenchmarkFindDates(b *testing.B) {
	text := benchNews(b)
	ref := time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindDates(text, ref)
	}
}

func BenchmarkFindQuantities(b *testing.B) {
	text := benchNews(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindQuantities(text)
	}
}

// TestFindersNewsText pins what the finders read in the bench text, so the
// benchmark measures working code.
func TestFindersNewsText(t *testing.T) {
	data, err := os.ReadFile("testdata/finders/news.txt")
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	text := string(data)
	ref := time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)
	// Counted by hand from the text: every amount, date and quantity it
	// states, none of its traps (Route 9, Highway 2026, Boeing 737, 09:40,
	// 555-0142, list numbers, "2,025 calls" as a date).
	if n := len(FindMoney(text)); n != 14 {
		t.Errorf("FindMoney found %d amounts, want 14", n)
	}
	if n := len(FindDates(text, ref)); n != 18 {
		t.Errorf("FindDates found %d dates, want 18", n)
	}
	if n := len(FindQuantities(text)); n != 26 {
		t.Errorf("FindQuantities found %d quantities, want 26", n)
	}
}
