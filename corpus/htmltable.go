package corpus

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML tables: data tables become table_row blocks carrying their headers;
// layout tables are walked like any other container.

// table emits a data table as one table_row block per row, each cell
// labelled with its column header, and reports true. A layout table (cells
// holding paragraphs or nested tables) is left to the ordinary walk.
func (w *walker) table(n *html.Node, depth int, c ctx) bool {
	var rows [][]*html.Node
	var headRows []bool
	layout := false
	var visit func(x *html.Node, inHead bool, d int)
	visit = func(x *html.Node, inHead bool, d int) {
		if d > maxWalkDepth {
			return
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			switch ch.DataAtom {
			case atom.Thead:
				visit(ch, true, d+1)
			case atom.Tbody, atom.Tfoot:
				visit(ch, false, d+1)
			case atom.Caption:
				if t := normalizeText(cellText(ch)); t != "" {
					w.blocks = append(w.blocks, Block{Kind: Caption, Text: t, Boilerplate: c.boiler})
				}
			case atom.Tr:
				var cells []*html.Node
				allTh := true
				for cell := ch.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type != html.ElementNode || (cell.DataAtom != atom.Td && cell.DataAtom != atom.Th) {
						continue
					}
					if cell.DataAtom != atom.Th {
						allTh = false
					}
					if hasBlocks(cell, 0) {
						layout = true
					}
					cells = append(cells, cell)
				}
				if len(cells) > 0 {
					rows = append(rows, cells)
					headRows = append(headRows, inHead || allTh)
				}
			}
		}
	}
	visit(n, false, depth)
	if layout || len(rows) == 0 {
		return false
	}
	var header []string
	for i, cells := range rows {
		texts := make([]string, len(cells))
		for j, cell := range cells {
			texts[j] = normalizeText(cellText(cell))
		}
		if headRows[i] && (header == nil || i == 0) && len(cells) > 1 {
			header = texts
			continue
		}
		if header != nil && slices.Equal(header, texts) {
			continue // a header repeated in the body
		}
		text := rowText(header, texts, cells)
		if text == "" {
			continue
		}
		b := Block{Kind: TableRow, Text: text, Boilerplate: c.boiler}
		if isBoilerplate(TableRow, text) {
			b.Boilerplate = true
		}
		w.blocks = append(w.blocks, b)
	}
	return true
}

// rowText renders one row: "Key: value" for two columns, else each cell
// labelled with its header, "Header: value; ...".
func rowText(header, texts []string, cells []*html.Node) string {
	var nonEmpty []string
	for _, t := range texts {
		if t != "" {
			nonEmpty = append(nonEmpty, t)
		}
	}
	if len(nonEmpty) == 0 {
		return ""
	}
	if len(texts) == 2 {
		switch {
		case texts[0] == "":
			return texts[1]
		case texts[1] == "":
			return texts[0]
		}
		return texts[0] + ": " + texts[1]
	}
	if len(header) == len(texts) {
		parts := make([]string, 0, len(texts))
		for j, t := range texts {
			if t == "" {
				continue
			}
			if header[j] == "" {
				parts = append(parts, t)
				continue
			}
			parts = append(parts, header[j]+": "+t)
		}
		return strings.Join(parts, "; ")
	}
	if len(cells) > 1 && cells[0].DataAtom == atom.Th {
		return nonEmpty[0] + ": " + strings.Join(nonEmpty[1:], "; ")
	}
	return strings.Join(nonEmpty, "; ")
}

// hasBlocks reports whether a table cell holds real block content, which
// makes its table a layout table.
func hasBlocks(n *html.Node, depth int) bool {
	if depth > maxWalkDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Table, atom.P, atom.Ul, atom.Ol, atom.Blockquote, atom.H1, atom.H2, atom.H3:
			return true
		case atom.Div, atom.Section, atom.Article:
			if textLen(c) > 200 {
				return true
			}
		}
		if hasBlocks(c, depth+1) {
			return true
		}
	}
	return false
}

// cellText is the text of a subtree with block boundaries as spaces.
func cellText(n *html.Node) string {
	var b strings.Builder
	var rec func(x *html.Node, d int)
	rec = func(x *html.Node, d int) {
		if d > maxWalkDepth {
			return
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if c.DataAtom == atom.Br || isBlockTag(c.DataAtom) {
					b.WriteByte(' ')
				}
				rec(c, d+1)
				if isBlockTag(c.DataAtom) {
					b.WriteByte(' ')
				}
			}
		}
	}
	rec(n, 0)
	return b.String()
}
