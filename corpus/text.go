package corpus

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// The text cleaner reads plain text and the Markdown that content farms,
// static sites and copy-paste produce. Two line conventions exist and are
// told apart per document (see isHardWrapped): one paragraph per line (the
// usual form of scraped and pasted articles), or paragraphs hard-wrapped at
// a fixed width and separated by blank lines (wire copy, e-mail, Markdown
// sources).

// rawBlock is a block as parsed, before the document-level passes decide
// headings, title, table of contents and boilerplate.
type rawBlock struct {
	kind BlockKind
	text string
	// marker is a list item's marker ("1.", "-"); numbered items keep it
	// for when they turn out to be numbered headings.
	marker string
	// group numbers consecutive list items of the same marker family.
	group int
	// plain is set for text lines without any Markdown structure.
	plain bool
	// lines counts source lines joined into the block.
	lines       int
	boilerplate bool
}

var (
	// A heading's attributes ("## Fares {#fares}", "{.lead}") are markup.
	atxHeading = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(#{1,6})\s+(.*?)(?:\s+#+)?(?:\s*\{[#.][^{}]*\})?\s*$`)
	})
	setextLine   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:=+|-+)\s*$`) })
	ruleLine     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$`) })
	listItemLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\s*)([-*+•·▪◦‣●○■□➢➤►✓✔]|\d{1,3}[.)])\s+(\S.*)$`)
	})
	// numberedTight matches numbered headings that lost their space: "5.NATO and ...".
	numberedTight = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2}\.)(\p{Lu}\S*\s.*)$`) })
	fenceLine     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("^(```|~~~)") })
	refDefinition = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\[[^\]]+\]:\s+\S+`) })
)

// cleanText cleans plain text or Markdown that is already valid UTF-8.
func cleanText(loc string, s string, opt Options) (*Document, error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	doc := &Document{Location: loc}
	meta, body := splitFrontMatter(s)
	applyFrontMatter(doc, meta)

	blocks := parseTextBlocks(strings.Split(body, "\n"))
	blocks = textDocumentPasses(doc, blocks, opt)

	out := make([]Block, 0, len(blocks))
	for _, b := range blocks {
		text := normalizeText(b.text)
		out = append(out, Block{
			Kind:        b.kind,
			Text:        text,
			Boilerplate: b.boilerplate || isBoilerplate(b.kind, text),
		})
	}
	markReaderQuestions(out)
	markFurnitureHeadings(out)
	assemble(doc, out)
	if len(doc.Blocks) == 0 {
		return nil, ErrNoContent
	}
	return doc, nil
}

// parseTextBlocks splits lines into blocks by their Markdown structure.
func parseTextBlocks(lines []string) []rawBlock {
	wrapped := isHardWrapped(lines)
	var (
		out   []rawBlock
		para  []string
		quote []string
		group int
	)
	flushPara := func() {
		if len(para) > 0 {
			out = append(out, rawBlock{kind: Paragraph, text: stripInline(strings.Join(para, " ")), plain: true, lines: len(para)})
			para = nil
		}
	}
	flushQuote := func() {
		if len(quote) > 0 {
			out = append(out, rawBlock{kind: Quote, text: stripInline(strings.Join(quote, " ")), lines: len(quote)})
			quote = nil
		}
	}
	flush := func() { flushPara(); flushQuote() }
	lastListFamily := ""

	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		t := strings.TrimSpace(line)
		if t == "" {
			flush()
			lastListFamily = ""
			continue
		}
		if fenceLine().MatchString(t) {
			// Code is not article text: skip the fenced block.
			flush()
			fence := t[:3]
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), fence); i++ {
			}
			continue
		}
		if strings.HasPrefix(t, "<!--") {
			flush()
			for ; i < len(lines) && !strings.Contains(lines[i], "-->"); i++ {
			}
			continue
		}
		if refDefinition().MatchString(t) {
			continue
		}
		if m := atxHeading().FindStringSubmatch(t); m != nil {
			flush()
			out = append(out, rawBlock{kind: Heading, text: stripInline(m[2]), lines: 1})
			lastListFamily = ""
			continue
		}
		if len(para) == 0 && len(quote) == 0 && i+1 < len(lines) && setextLine().MatchString(strings.TrimSpace(lines[i+1])) &&
			!listItemLine().MatchString(line) && !isTableLine(t) && !strings.HasPrefix(t, ">") && !ruleLine().MatchString(t) {
			out = append(out, rawBlock{kind: Heading, text: stripInline(t), lines: 1})
			i++
			lastListFamily = ""
			continue
		}
		if ruleLine().MatchString(t) {
			flush()
			lastListFamily = ""
			continue
		}
		if isTableLine(t) && (i+1 < len(lines) && isTableSep(lines[i+1]) || isTableSep(t) || strings.HasPrefix(t, "|")) {
			flush()
			var rows []string
			for ; i < len(lines) && isTableLine(strings.TrimSpace(lines[i])); i++ {
				rows = append(rows, strings.TrimSpace(lines[i]))
			}
			i--
			out = append(out, tableBlocks(rows)...)
			lastListFamily = ""
			continue
		}
		if strings.HasPrefix(t, ">") {
			flushPara()
			q := strings.TrimSpace(strings.TrimLeft(t, "> "))
			if q == "" {
				flushQuote()
				continue
			}
			// A list set in a quote box ("> - 14 miners trapped") keeps
			// its items apart, as a list outside one does.
			if m := listItemLine().FindStringSubmatch(q); m != nil {
				flushQuote()
				if lastListFamily != "quoted" {
					group++
					lastListFamily = "quoted"
				}
				out = append(out, rawBlock{kind: ListItem, text: stripInline(m[3]), marker: m[2], group: group, lines: 1})
				continue
			}
			quote = append(quote, q)
			continue
		}
		flushQuote()
		if m := numberedTight().FindStringSubmatch(t); m != nil {
			t = m[1] + " " + m[2]
		}
		if m := listItemLine().FindStringSubmatch(t); m != nil && !(wrapped && len(para) > 0 && isDigitMarker(m[2])) {
			flushPara()
			family := "bullet"
			if isDigitMarker(m[2]) {
				family = "number"
			}
			if family != lastListFamily {
				group++
				lastListFamily = family
			}
			item := rawBlock{kind: ListItem, text: m[3], marker: m[2], group: group, lines: 1}
			// Continuation lines: indented, or any plain line in wrapped text.
			for i+1 < len(lines) {
				next := lines[i+1]
				nt := strings.TrimSpace(next)
				if nt == "" || listItemLine().MatchString(nt) || isTableLine(nt) || strings.HasPrefix(nt, "#") || strings.HasPrefix(nt, ">") {
					break
				}
				indented := strings.HasPrefix(next, "  ") || strings.HasPrefix(next, "\t")
				if !indented && !wrapped {
					break
				}
				item.text += " " + nt
				item.lines++
				i++
			}
			item.text = stripInline(item.text)
			out = append(out, item)
			continue
		}
		lastListFamily = ""
		if !wrapped {
			out = append(out, rawBlock{kind: Paragraph, text: stripInline(t), plain: true, lines: 1})
			continue
		}
		// Wrapped text: a short unpunctuated line that opens a paragraph is
		// a heading-like line of its own, not the paragraph's first line;
		// a header line (a date, a time, a word count) stands alone.
		if len(para) == 1 && looksLikeStandaloneLine(para[0], t) ||
			len(para) > 0 && (isHeaderLine(t) || isHeaderLine(para[len(para)-1])) {
			flushPara()
		}
		para = append(para, t)
	}
	flush()
	return out
}

// isDigitMarker reports numbered list markers ("1.", "2)").
func isDigitMarker(m string) bool {
	return m != "" && m[0] >= '0' && m[0] <= '9'
}

// looksLikeStandaloneLine reports a short line without closing punctuation
// that reads like a heading (title-cased or a few words) and is clearly
// shorter than the line after it, not like the first line of a wrapped
// paragraph.
func looksLikeStandaloneLine(l, next string) bool {
	n := utf8.RuneCountInString(l)
	if n > 60 || endsSentence(l) || strings.HasSuffix(l, "-") || 4*n > 3*utf8.RuneCountInString(next) {
		return false
	}
	ws := strings.Fields(l)
	if smallWords[strings.ToLower(ws[len(ws)-1])] {
		return false // "... in the" goes on in the next line
	}
	return isTitleCased(l) || len(ws) <= 5
}

// endsSentence reports text that ends like a sentence or a clause.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"”’')]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ",")
}

// isHardWrapped reports text whose paragraphs are wrapped at a fixed width
// and separated by blank lines: blank lines exist, at least two plain lines
// follow each other, and nearly all plain lines are short.
func isHardWrapped(lines []string) bool {
	var lengths []int
	blank, consecutive := false, false
	prevPlain, seen, gap := false, false, false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			gap = seen
			prevPlain = false
			continue
		}
		if gap {
			blank = true // a blank line between two non-blank lines
		}
		seen = true
		plain := !listItemLine().MatchString(t) && !isTableLine(t) && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, ">")
		if plain {
			lengths = append(lengths, utf8.RuneCountInString(t))
			if prevPlain {
				consecutive = true
			}
		}
		prevPlain = plain
	}
	if !blank || !consecutive || len(lengths) < 2 {
		return false
	}
	sort.Ints(lengths)
	return lengths[len(lengths)*9/10] <= 100
}

// tableBlocks turns the lines of a pipe table into table_row blocks.
func tableBlocks(rows []string) []rawBlock {
	var header []string
	var data [][]string
	for i, r := range rows {
		if isTableSep(r) {
			if i == 1 && header == nil {
				header = splitCells(rows[0])
				data = data[:0]
			}
			continue
		}
		data = append(data, splitCells(r))
	}
	var out []rawBlock
	for _, text := range formatRows(header, data) {
		if strings.TrimSpace(text) != "" {
			out = append(out, rawBlock{kind: TableRow, text: text, lines: 1})
		}
	}
	return out
}

// Inline Markdown and stray HTML, removed so that block text is plain.
var (
	mdImage     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`) })
	mdLink      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`) })
	mdRefLink   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`) })
	mdFootnote  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^[^\]]+\]`) })
	mdAutolink  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`) })
	htmlTag     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`) })
	mdStrong    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`) })
	mdEmphasis  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(^|[\s(\[“"])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_]`) })
	mdStrike    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`~~([^~]+)~~`) })
	mdCode      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("`([^`]+)`") })
	mdEscape    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|>~])`) })
	htmlEntityR = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,10});`)
	})
)

// stripInline removes inline Markdown (emphasis, links, images, code
// spans, footnote marks), inline HTML tags and character references.
func stripInline(s string) string {
	if strings.ContainsAny(s, "[]!<") {
		s = mdImage().ReplaceAllString(s, "")
		s = mdLink().ReplaceAllString(s, "$1")
		s = mdRefLink().ReplaceAllString(s, "$1")
		s = mdFootnote().ReplaceAllString(s, "")
		s = mdAutolink().ReplaceAllString(s, "$1")
		s = htmlTag().ReplaceAllString(s, " ")
	}
	if strings.ContainsAny(s, "*_~`") {
		s = mdStrong().ReplaceAllString(s, "$1$2")
		s = mdEmphasis().ReplaceAllString(s, "$1$2")
		s = mdStrike().ReplaceAllString(s, "$1")
		s = mdCode().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, `\`) {
		s = mdEscape().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") && htmlEntityR().MatchString(s) {
		s = html.UnescapeString(s)
	}
	return s
}
