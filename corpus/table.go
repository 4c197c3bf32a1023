package corpus

import (
	"regexp"
	"strings"
	"sync"
)

// Pipe tables, as Markdown writers and content farms produce them:
//
//	| Aspect   | Details        |
//	|----------|----------------|
//	| Location | Miami, Florida |
//
// Each data row becomes one table_row block that carries its header, so a
// row read alone still says what its values are: "Header: value; Header2:
// value2". A two-column table whose header is generic ("Aspect | Details",
// "Category | Summary") is a key/value list: its row reads "Location: Miami,
// Florida". A leading index column ("#", "No.") becomes a prefix: "8. ...".

// tableSep matches the separator line under a pipe table's header.
var tableSep = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$`) })

// isTableSep reports a header separator line; it must contain a pipe so a
// lone "---" stays a rule or a setext underline.
func isTableSep(line string) bool {
	return strings.Contains(line, "|") && strings.Contains(line, "-") && tableSep().MatchString(line)
}

// isTableLine reports a line that looks like a table row: at least one
// unescaped pipe between cells.
func isTableLine(line string) bool {
	t := strings.TrimSpace(line)
	if strings.Count(t, "|")-strings.Count(t, `\|`) < 1 {
		return false
	}
	return len(splitCells(t)) >= 2
}

// splitCells splits a pipe table row into trimmed cells, honouring "\|".
func splitCells(line string) []string {
	t := strings.TrimSpace(line)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t) && t[i+1] == '|':
			cur.WriteByte('|')
			i++
		case t[i] == '|':
			cells = append(cells, strings.TrimSpace(stripInline(cur.String())))
			cur.Reset()
		default:
			cur.WriteByte(t[i])
		}
	}
	return append(cells, strings.TrimSpace(stripInline(cur.String())))
}

// genericHeaders are column names that say "this is a key/value table".
var genericHeaders = map[string]bool{
	"aspect": true, "aspects": true, "detail": true, "details": true, "item": true, "items": true,
	"field": true, "fields": true, "category": true, "categories": true, "summary": true,
	"key": true, "value": true, "values": true, "fact": true, "facts": true, "information": true,
	"info": true, "property": true, "attribute": true, "parameter": true, "metric": true,
	"description": true, "feature": true, "element": true, "topic": true, "data": true,
	"figure": true, "figures": true, "point": true, "specification": true, "particulars": true,
	"key facts": true, "key details": true, "at a glance": true, "": true,
}

// indexHeaders name a column of row numbers.
var indexHeaders = map[string]bool{"#": true, "no": true, "no.": true, "nr": true, "nr.": true, "n°": true, "number": true, "": true, "rank": true}

// formatRows renders the data rows of a table. header may be nil (a pipe
// table without separator line): cells are then joined by "; ".
func formatRows(header []string, rows [][]string) []string {
	kv := len(header) == 2 && (genericHeaders[strings.ToLower(header[0])] || genericHeaders[strings.ToLower(header[1])])
	index := len(header) > 2 && indexHeaders[strings.ToLower(header[0])] && allNumeric(rows, 0)
	out := make([]string, 0, len(rows))
	for _, cells := range rows {
		out = append(out, formatRow(header, cells, kv, index))
	}
	return out
}

// formatRow renders one data row; see formatRows.
func formatRow(header, cells []string, kv, index bool) string {
	if kv {
		key, val := cellAt(cells, 0), strings.Join(cells[min(1, len(cells)):], "; ")
		switch {
		case key == "":
			return val
		case val == "":
			return key
		}
		return strings.TrimRight(key, ":") + ": " + val
	}
	var parts []string
	prefix := ""
	for i, c := range cells {
		if c == "" {
			continue
		}
		if i == 0 && index {
			prefix = strings.TrimRight(c, ".") + ". "
			continue
		}
		h := cellAt(header, i)
		if h == "" || h == c {
			parts = append(parts, c)
			continue
		}
		parts = append(parts, strings.TrimRight(h, ":")+": "+c)
	}
	return prefix + strings.Join(parts, "; ")
}

func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// allNumeric reports whether column col holds only numbers.
func allNumeric(rows [][]string, col int) bool {
	for _, r := range rows {
		c := strings.TrimRight(cellAt(r, col), ".")
		if c == "" {
			return false
		}
		for _, ch := range c {
			if ch < '0' || ch > '9' {
				return false
			}
		}
	}
	return len(rows) > 0
}
