package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Block extraction walks the article container and turns its inline runs
// into headings, paragraphs, list items, quotes and captions.

// extractBlocks finds the article in the page and returns its blocks. The
// tree below root is modified (furniture removed).
func extractBlocks(root *html.Node, title string, lenient bool) []Block {
	m := make(map[*html.Node]*stats, 1024)
	all := measure(root, m, 0, false, false)
	prune(root, m, all, 0, lenient)
	clear(m)
	measure(root, m, 0, false, false)

	body := findBody(root, m, title)
	if body == nil {
		body = findTag(root, atom.Body, 0)
		if body == nil {
			return nil
		}
	}
	w := &walker{m: m, titleKey: foldKey(title), cur: ctx{kind: Paragraph}}
	if lead := findStandfirst(body, m); lead != nil {
		w.walk(lead, 0, ctx{kind: Paragraph})
		w.flush()
	}
	w.walk(body, 0, ctx{kind: Paragraph})
	w.flush()
	return w.blocks
}

// standfirstHints name the summary paragraph that many sites set above the
// article body, outside its container: it is the article's first claim.
var standfirstHints = newSubstringHints("standfirst", "summary", "lede", "lead-text", "intro", "dek", "subtitle",
	"subheadline", "sub-headline", "article-description", "teaser-text")

// findStandfirst returns a summary element just before body (a preceding
// sibling of body or of one of its two nearest ancestors): short, prose,
// few links, its class naming a standfirst.
func findStandfirst(body *html.Node, m map[*html.Node]*stats) *html.Node {
	n := body
	for level := 0; level < 3 && n != nil && n.Type == html.ElementNode; level++ {
		for p := n.PrevSibling; p != nil; p = p.PrevSibling {
			if p.Type != html.ElementNode {
				continue
			}
			st := m[p]
			if st == nil || st.text == 0 {
				continue
			}
			if st.text >= 60 && st.text <= 800 && st.link*5 < st.text &&
				standfirstHints.match(strings.ToLower(classID(p))) && !headingKind(p.DataAtom) {
				return p
			}
			break // only the nearest element with text
		}
		if n.DataAtom == atom.Article || isArticleBody(n) {
			break
		}
		n = n.Parent
	}
	return nil
}

func findTag(n *html.Node, a atom.Atom, depth int) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	if depth > maxWalkDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findTag(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// ctx is the block context of the walk: what kind inline text becomes.
type ctx struct {
	kind   BlockKind
	boiler bool
}

// walker turns a container into blocks, gathering inline text until a
// block-level element closes the run.
type walker struct {
	m        map[*html.Node]*stats
	titleKey string
	buf      strings.Builder
	linkLen  int
	cur      ctx
	blocks   []Block
}

// isBlockTag reports whether an element breaks the inline flow.
func isBlockTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li, atom.Dl,
		atom.Dt, atom.Dd, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr,
		atom.Td, atom.Th, atom.Blockquote, atom.Figure, atom.Figcaption, atom.Pre,
		atom.Hr, atom.Address, atom.Center, atom.Details, atom.Summary, atom.Fieldset,
		atom.Caption, atom.Header, atom.Footer, atom.Aside, atom.Nav, atom.Form:
		return true
	}
	return false
}

func headingKind(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// newlineSpacer turns source line breaks into spaces.
var newlineSpacer = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// flush ends the current inline run as a block.
func (w *walker) flush() {
	raw := w.buf.String()
	link := w.linkLen
	w.buf.Reset()
	w.linkLen = 0
	if strings.TrimSpace(raw) == "" {
		return
	}
	total := countLetters(raw)
	for _, part := range strings.Split(raw, "\n\n") {
		w.emit(w.cur, part, link, total)
	}
}

// emit appends one block after normalisation and the boilerplate checks.
func (w *walker) emit(c ctx, raw string, link, total int) {
	text := normalizeText(raw)
	if text == "" {
		return
	}
	kind := c.kind
	boiler := c.boiler
	if total > 0 && link*10 >= total*9 && (kind == Paragraph || kind == ListItem) {
		// A run that is all link ("Read more: ...") is navigation.
		boiler = true
	}
	if (kind == Heading || kind == Paragraph && len(text) <= 200) && w.titleKey != "" && foldKey(text) == w.titleKey {
		return // the headline, already the Title block
	}
	if !boiler && kind != Heading && len(text) <= 60 && strings.ContainsAny(text, "0123456789") {
		// A bare date or timestamp line is page furniture, not prose.
		// Every date has a digit: the check spares parseDate, which tries
		// many layouts, on most lines.
		if _, ok := parseDate(text); ok {
			boiler = true
		}
	}
	if !boiler && isBoilerplate(kind, text) {
		boiler = true
	}
	w.blocks = append(w.blocks, Block{Kind: kind, Text: text, Boilerplate: boiler})
}

// foldKey compares headings with the title regardless of case and spacing.
func foldKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// walk visits n's children in context c.
func (w *walker) walk(n *html.Node, depth int, c ctx) {
	if depth > maxWalkDepth {
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			w.text(ch.Data, false)
		case html.ElementNode:
			w.element(ch, depth+1, c)
		}
	}
}

func (w *walker) text(s string, inLink bool) {
	if w.buf.Len() == 0 {
		s = strings.TrimLeft(s, " \t\r\n")
	}
	// Source newlines are spaces; paragraph breaks come from markup only.
	s = newlineSpacer.Replace(s)
	w.buf.WriteString(s)
	if inLink {
		w.linkLen += countLetters(s)
	}
}

// inline appends the text of an inline element, keeping <br> breaks.
func (w *walker) inline(n *html.Node, depth int, c ctx, inLink bool) {
	if depth > maxWalkDepth {
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			w.text(ch.Data, inLink)
		case html.ElementNode:
			if isBlockTag(ch.DataAtom) {
				w.element(ch, depth+1, c)
				continue
			}
			w.element(ch, depth+1, c)
		}
	}
}

// element handles one element in context c.
func (w *walker) element(n *html.Node, depth int, c ctx) {
	a := n.DataAtom
	if a == atom.Br {
		w.buf.WriteString("\n\n")
		return
	}
	if !isBlockTag(a) {
		inLink := a == atom.A
		if !inLink {
			for p := n.Parent; p != nil && depth > 0; p = p.Parent {
				if p.DataAtom == atom.A {
					inLink = true
					break
				}
				if isBlockTag(p.DataAtom) {
					break
				}
			}
		}
		switch a {
		case atom.Sup, atom.Sub:
			// Footnote markers glued to words would corrupt tokens.
			if textLen(n) <= 3 {
				return
			}
		case atom.Q:
			// An inline quotation: browsers draw its marks, so the text
			// must carry them.
			w.buf.WriteString("“")
			w.inline(n, depth, c, inLink)
			w.buf.WriteString("”")
			return
		case atom.Span, atom.Small, atom.Em, atom.I, atom.Cite:
			// An inline caption ("<span class=caption>") is a block of
			// its own, not part of the paragraph around it.
			if c.kind != Caption && captionHints.match(strings.ToLower(classID(n))) {
				w.flush()
				prev := w.cur
				inner := c
				inner.kind = Caption
				w.cur = inner
				w.inline(n, depth, inner, inLink)
				w.flush()
				w.cur = prev
				return
			}
		}
		w.inline(n, depth, c, inLink)
		return
	}
	// A block element: close the current run first.
	w.flush()
	if st := w.m[n]; st != nil && st.text == 0 && a != atom.Hr {
		return
	}
	inner := c
	ci := strings.ToLower(classID(n))
	if boilerHints.match(ci) {
		inner.boiler = true
	}
	switch {
	case headingKind(a):
		inner.kind = Heading
	case a == atom.P || a == atom.Pre || a == atom.Dd || a == atom.Dt:
		if c.kind == Heading || c.kind == Title {
			inner.kind = Paragraph
		}
	case a == atom.Li:
		if c.kind != Quote {
			inner.kind = ListItem
		}
	case a == atom.Blockquote:
		inner.kind = Quote
	case a == atom.Figcaption || a == atom.Caption || captionHints.match(ci):
		inner.kind = Caption
	case a == atom.Ul || a == atom.Ol:
		if w.linkList(n) {
			return
		}
	case a == atom.Table:
		if w.table(n, depth, inner) {
			return
		}
	case a == atom.Div || a == atom.Section:
		if st := w.m[n]; st != nil && st.text > 0 && st.link*2 > st.text && (st.text-st.link < 300 || st.link*10 > st.text*7) {
			return // a box of links: teasers, tags, more-from lists
		}
	}
	prev := w.cur
	w.cur = inner
	w.walk(n, depth, inner)
	w.flush()
	w.cur = prev
}

// linkList reports whether a list is navigation: most of its text is links.
func (w *walker) linkList(n *html.Node) bool {
	st := w.m[n]
	if st == nil || st.text == 0 {
		return false
	}
	return float64(st.link) > 0.6*float64(st.text)
}
