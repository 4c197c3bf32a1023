package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFrontMatter: front matter comes from any text file. The body is
// what follows the front matter, never invented text.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ndate: 2026-03-01\n---\nBody text.",
		"+++\ntitle = \"B\"\n+++\nBody",
		"---\nno closing fence\n",
		"---\n---\n",
		"---\nkey: \"unterminated\n---\nx",
		"---\n" + strings.Repeat("k: v\n", 300) + "---\nafter",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		meta, body := splitFrontMatter(s)
		if !strings.HasSuffix(s, body) {
			t.Fatalf("body %q is not the end of the input", body)
		}
		if meta == nil && body != s {
			t.Fatalf("no front matter, yet the body %q differs from the input", body)
		}
	})
}

// FuzzPipeTable: a pipe table's rows come from any text file. Splitting
// and formatting never panic, and a row has at most one cell per pipe
// plus one.
func FuzzPipeTable(f *testing.F) {
	for _, s := range []string{
		"| Country | Fund |\n|---|---:|\n| Austria | €400m |",
		`| a \| b | c |`,
		"|||",
		"| only header |\n| --- |",
		"| x | y\n|-|-|\n| 1 |",
		`\|\|\|`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		var header []string
		var rows [][]string
		for i, l := range lines {
			isTableSep(l)
			if !isTableLine(l) {
				continue
			}
			cells := splitCells(l)
			if len(cells) > strings.Count(l, "|")+1 {
				t.Fatalf("%d cells from %q", len(cells), l)
			}
			if i == 0 {
				header = cells
			} else {
				rows = append(rows, cells)
			}
		}
		for _, r := range formatRows(header, rows) {
			if !utf8.ValidString(s) {
				continue
			}
			if !utf8.ValidString(r) {
				t.Fatalf("invalid UTF-8 row %q from valid input", r)
			}
		}
	})
}

// FuzzFlattenNesting: the fallback for markup nested beyond the parser's
// bound. Its output is never longer than its input, and parseHTML always
// parses.
func FuzzFlattenNesting(f *testing.F) {
	for _, s := range []string{
		strings.Repeat("<div>", 600) + "text",
		strings.Repeat("<b><i>", 400) + "x" + strings.Repeat("</i></b>", 400),
		"<script>" + strings.Repeat("<div>", 10) + "</script>",
		"<p>a<p>b</div></span>",
		"<table>" + strings.Repeat("<tr><td>", 300),
		strings.Repeat("<div/>", 600),
		"<p>" + strings.Repeat("<b class=a><b class=b><b class=c><b class=d>", 80) + "</p>" + strings.Repeat("<div>", 300) + "x",
		"<svg>" + strings.Repeat("<style>", 600),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := flattenNesting(s, maxNesting)
		if len(out) > len(s) {
			t.Fatalf("flattened output longer than the input: %d > %d", len(out), len(s))
		}
		if _, _, err := parseHTML(s); err != nil {
			t.Fatalf("deep markup does not parse: %v", err)
		}
		cut, _ := limitElements(s, 50)
		if !strings.HasPrefix(s, cut) {
			t.Fatalf("limitElements returned text that is not a prefix")
		}
	})
}
