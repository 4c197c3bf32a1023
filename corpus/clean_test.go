package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCleanErrors(t *testing.T) {
	tests := []struct {
		name string
		loc  string
		data string
		opt  Options
		want error
	}{
		{"empty", "a.txt", "", Options{}, ErrEmpty},
		{"blank", "a.txt", " \n\t\n", Options{}, ErrEmpty},
		{"bom only", "a.txt", "\xef\xbb\xbf\n", Options{}, ErrEmpty},
		{"too large", "a.txt", "abcdef", Options{MaxBytes: 5}, ErrTooLarge},
		{"nul", "a.txt", "text\x00more text", Options{}, ErrBinary},
		{"control bytes", "a.txt", strings.Repeat("\x01\x02 ab", 20), Options{}, ErrBinary},
		{"pdf", "a.txt", "%PDF-1.7\n%âãÏÓ\n1 0 obj", Options{}, ErrBinary},
		{"zip", "a.md", "PK\x03\x04\x14\x00", Options{}, ErrBinary},
		{"png", "a", "\x89PNG\r\n\x1a\n....", Options{}, ErrBinary},
		{"gzip", "a.txt", "\x1f\x8b\x08\x00", Options{}, ErrBinary},
		{"json", "data", `{"a": 1}`, Options{}, ErrNotText},
		{"code extension", "main.go", "package main\n", Options{}, ErrNotText},
		{"only markup", "a.md", "---\n\n***\n", Options{}, ErrNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Clean(tt.loc, []byte(tt.data), tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Clean = %v, %v; want error %v", doc, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.loc) {
				t.Errorf("error %q does not name %q", err, tt.loc)
			}
		})
	}
}

func TestCleanEncodings(t *testing.T) {
	tests := []struct {
		name, data, ctype, want string
	}{
		{"utf-8 bom", "\xef\xbb\xbfCaf\xc3\xa9 prices rose 4% in May.", "", "Café prices rose 4% in May."},
		{"windows-1252", "Caf\xe9 owners said \x93prices\x94 rose 4% \x96 again.", "", "Café owners said “prices” rose 4% – again."},
		{"declared latin-1", "Caf\xe9 prices rose.", "text/plain; charset=ISO-8859-1", "Café prices rose."},
		{"utf-16le", "\xff\xfeC\x00a\x00f\x00\xe9\x00 \x00u\x00p\x00.\x00", "", "Café up."},
		{"utf-16be", "\xfe\xff\x00C\x00a\x00f\x00\xe9\x00 \x00u\x00p\x00.", "", "Café up."},
		{"mostly utf-8 with a stray byte", "Caf\xc3\xa9 \xc3\xa9t\xc3\xa9 \xff prices.", "", "Café été \uFFFD prices."},
		{"shift-jis like runs", "Price \x93\xfa\x96\x7b\x8c\xea rose.", "", "Price \uFFFD{\uFFFD rose."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Clean("a.txt", []byte(tt.data), Options{ContentType: tt.ctype})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("Text = %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		loc, data string
		want      format
	}{
		{"a.html", "hello", formatHTML},
		{"a.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", formatHTML},
		{"a.txt", "<p>Mayor said</p>", formatText},
		{"a", "  <!-- saved --> <html lang=en>", formatHTML},
		{"-", "<article><p>x</p></article>", formatHTML},
		{"-", "Mayor said the <b>plan</b> works.", formatText},
		{"a.md", "# Title", formatText},
		{"https://x.example/story.htm?id=3", "plain", formatHTML},
		{"a.css", "body { color: red }", formatOther},
		{"feed", `[{"a":1}]`, formatOther},
		{"notes", "[Editor's note] The council met.", formatText},
	}
	for _, tt := range tests {
		if got := detectFormat(tt.loc, []byte(tt.data)); got != tt.want {
			t.Errorf("detectFormat(%q, %q) = %v, want %v", tt.loc, tt.data, got, tt.want)
		}
	}
}

func TestCleanDefaults(t *testing.T) {
	when := time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)
	body := []byte("The council approved the budget on Monday.\n")
	tests := []struct {
		name, loc  string
		data       []byte
		opt        Options
		wantSource string
		wantPub    time.Time
	}{
		{"file stem", "dir/harbour-news.txt", body, Options{}, "harbour-news", time.Time{}},
		{"stdin", "-", body, Options{}, "stdin", time.Time{}},
		{"option", "dir/a.txt", body, Options{Source: "Ledger", Published: when}, "Ledger", when},
		{"metadata wins", "a.md", []byte("---\nsource: Courier\ndate: 2025-01-02\n---\nThe council met.\n"),
			Options{Source: "Ledger", Published: when}, "Courier", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Clean(tt.loc, tt.data, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source != tt.wantSource || !doc.Published.Equal(tt.wantPub) || doc.Location != tt.loc {
				t.Errorf("Source %q Published %v Location %q; want %q %v %q", doc.Source, doc.Published, doc.Location, tt.wantSource, tt.wantPub, tt.loc)
			}
		})
	}
}

func TestCleanStable(t *testing.T) {
	data := []byte("Dock Talks\nThe union met on Friday.\n")
	a, err := Clean("x/a.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Clean("x/a.txt", data, Options{})
	c, _ := Clean("y/copy.md", data, Options{})
	if a.ID != b.ID || a.Hash != b.Hash {
		t.Errorf("same input, different ID or hash: %s/%s vs %s/%s", a.ID, a.Hash, b.ID, b.Hash)
	}
	if a.ID == c.ID || a.Hash != c.Hash {
		t.Errorf("copy elsewhere: ID %s vs %s (want different), hash %s vs %s (want equal)", a.ID, c.ID, a.Hash, c.Hash)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Title\n| A | B |\n|---|---|\n| x | y |\n",
		"---\ntitle: x\n---\n# H\n\n- a\n- b\n\n> q\n",
		"KYIV, Dec. 3 (Reuters) - Talks resumed.peace.Kremlin",
		"By Jane Doe\nDate: 2025-12-22 | Source: X\n1. A\n5.NATO b\n",
		"Caf\xe9 \x93q\x94\n\n\n```\ncode\n",
		"a\nb\n\nc\nd\n\n====\n----\n|",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Clean("fuzz.txt", data, Options{})
		if err != nil {
			return
		}
		checkLayout(t, doc)
		if !utf8.ValidString(doc.Title) {
			t.Fatalf("invalid UTF-8 title %q", doc.Title)
		}
		for _, b := range doc.Blocks {
			if b.Kind != Title && b.Kind != Heading && b.Section != "" && !strings.Contains(doc.Text, b.Section) {
				t.Fatalf("section %q not in text", b.Section)
			}
		}
	})
}

func BenchmarkCleanText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "text", "*.md"))
	files = append(files, more...)
	var inputs [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range inputs {
			if _, err := Clean("bench.txt", data, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestCleanRefusesUndecodableText(t *testing.T) {
	garbled := bytes.Repeat([]byte{0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, ' '}, 50)
	if _, err := Clean("garbled.txt", garbled, Options{}); !errors.Is(err, ErrEncoding) {
		t.Errorf("mostly invalid UTF-8: got %v, want ErrEncoding", err)
	}
	// A few stray bytes in real text are damage to repair, not a reason to refuse.
	damaged := []byte("The council approved the plan on Tuesday \xff after a long debate.\n\nIt will cost about 40 million euros over five years, officials said.")
	doc, err := Clean("damaged.txt", damaged, Options{})
	if err != nil {
		t.Fatalf("lightly damaged text refused: %v", err)
	}
	if !utf8.ValidString(doc.Text) {
		t.Error("repaired text is not valid UTF-8")
	}
}
