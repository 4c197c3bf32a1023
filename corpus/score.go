package corpus

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Candidate scoring, after readability: every paragraph-like element adds
// a score to its near ancestors, weighted by commas, length and link
// density; the best-scoring container is the article.

// isArticleBody reports whether n declares itself the article body.
func isArticleBody(n *html.Node) bool {
	return strings.EqualFold(attr(n, "itemprop"), "articleBody")
}

// classWeight is readability's class/id weight.
func classWeight(n *html.Node) float64 {
	w := 0.0
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		if negativeHints.match(v) {
			w -= 25
		}
		if positiveHints.match(v) {
			w += 25
		}
	}
	return w
}

// tagWeight is the initial score of a candidate container by tag.
func tagWeight(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Article:
		return 10
	case atom.Main:
		return 8
	case atom.Div, atom.Section:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// scorer accumulates readability-style content scores.
type scorer struct {
	m      map[*html.Node]*stats
	scores map[*html.Node]float64
	// order lists the scored nodes as first scored, so that ties are
	// broken the same way on every run.
	order []*html.Node
}

func (s *scorer) init(n *html.Node) {
	if _, ok := s.scores[n]; ok {
		return
	}
	v := tagWeight(n) + classWeight(n)
	if isArticleBody(n) {
		v += 40
	}
	s.scores[n] = v
	s.order = append(s.order, n)
}

// collect scores every paragraph-like element below n onto its ancestors.
func (s *scorer) collect(n *html.Node, depth int) {
	if depth > maxWalkDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Li, atom.Dd:
			s.scoreParagraph(c)
			if c.DataAtom == atom.P || c.DataAtom == atom.Pre {
				continue
			}
		case atom.Div, atom.Section, atom.Article, atom.Main:
			if ownText(c) >= 25 {
				s.scoreParagraph(c)
			}
		}
		s.collect(c, depth+1)
	}
}

// ownText counts letters in n's direct text and inline children: a div
// that holds its text without <p> is a paragraph too.
func ownText(n *html.Node) int {
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			l += countLetters(c.Data)
		case html.ElementNode:
			if !isBlockTag(c.DataAtom) {
				l += textLen(c)
			}
		}
	}
	return l
}

func textLen(n *html.Node) int {
	return textLenDepth(n, 0)
}

func textLenDepth(n *html.Node, depth int) int {
	if n.Type == html.TextNode {
		return countLetters(n.Data)
	}
	if depth > maxWalkDepth {
		return 0
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l += textLenDepth(c, depth+1)
	}
	return l
}

func (s *scorer) scoreParagraph(p *html.Node) {
	st := s.m[p]
	if st == nil || st.text < 25 {
		return
	}
	text := st.text
	if p.DataAtom == atom.Li || p.DataAtom == atom.Td || p.DataAtom == atom.Dd {
		// List items and cells count only when they read like prose.
		if text < 80 || st.link*2 > text {
			return
		}
	}
	commas := 0
	if text > 0 {
		commas = countCommas(p, 0)
	}
	v := 1 + float64(commas) + min(float64(text)/100, 3)
	if st.link > 0 && text > 0 {
		v *= 1 - float64(st.link)/float64(text)
	}
	anc := p.Parent
	for level := 0; anc != nil && anc.Type == html.ElementNode && level < 4; level++ {
		s.init(anc)
		div := 1.0
		switch {
		case level == 1:
			div = 2
		case level > 1:
			div = float64(level) * 3
		}
		s.scores[anc] += v / div
		anc = anc.Parent
	}
}

func countCommas(n *html.Node, depth int) int {
	if n.Type == html.TextNode {
		return strings.Count(n.Data, ",") + strings.Count(n.Data, "،") + strings.Count(n.Data, "，")
	}
	if depth > maxWalkDepth {
		return 0
	}
	c := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c += countCommas(ch, depth+1)
	}
	return c
}

// findBody picks the article container, or nil when the page has none.
// title is the page's headline from its metadata, or "".
func findBody(root *html.Node, m map[*html.Node]*stats, title string) *html.Node {
	s := &scorer{m: m, scores: map[*html.Node]float64{}}
	s.collect(root, 0)
	var top *html.Node
	best := 0.0
	for _, n := range s.order {
		v, st := s.scores[n], m[n]
		if st == nil || st.text == 0 {
			continue
		}
		v *= 1 - float64(st.link)/float64(st.text)
		if top == nil || v > best || (v == best && m[n].text > m[top].text) {
			top, best = n, v
		}
	}
	if top == nil {
		return nil
	}
	if a := headlineArticle(root, title, top, m); a != nil {
		// The winner lies outside the article that carries the page's
		// own headline: a listing or "related posts" box outweighed a
		// short article. The best container inside that article wins.
		top, best = a, s.scores[a]
		for _, n := range s.order {
			v, st := s.scores[n], m[n]
			if st == nil || st.text == 0 || !within(a, n) {
				continue
			}
			v *= 1 - float64(st.link)/float64(st.text)
			if v > best || (v == best && st.text > m[top].text) {
				top, best = n, v
			}
		}
	}
	// An explicit articleBody or <article> around the winner, holding
	// little more than it plus a header, is the real container.
	for a := top.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if a.DataAtom == atom.Body || a.DataAtom == atom.Html {
			break
		}
		if isArticleBody(a) || a.DataAtom == atom.Article || a.DataAtom == atom.Main {
			if m[a] != nil && m[a].pText <= m[top].pText*2+400 {
				top = a
			}
			break
		}
	}
	// Climb while an ancestor holds clearly more paragraph text that is
	// not link lists: articles split into several sibling containers.
	// Wrappers that add no text are looked through (a few levels), so a
	// part nested deeper than its siblings still finds them. An <article>
	// or articleBody is a boundary: above it are other stories.
	wrappers := 0
	for cur := top; !isArticleBody(cur) && cur.DataAtom != atom.Article && cur.Parent != nil &&
		cur.Parent.Type == html.ElementNode && cur.Parent.DataAtom != atom.Body && cur.Parent.DataAtom != atom.Html; {
		p := cur.Parent
		ps, ts := m[p], m[top]
		if ps == nil || ts == nil {
			break
		}
		extra := ps.pText - ts.pText
		if extra < 200 {
			if extra > 50 && wrappers == 0 && prosePlain(ps) {
				// A short first or last column of the same body: the
				// parent holds nothing but paragraphs.
				top, cur = p, p
				continue
			}
			if extra > 50 || wrappers >= 4 {
				break
			}
			wrappers++
			cur = p
			continue
		}
		if float64(ps.link)/float64(max(ps.text, 1)) > 0.35 {
			break
		}
		if entryRun(cur, m) {
			// One entry of a run of alike ones (a live blog's updates,
			// a body in numbered parts): the run is the body, whatever
			// its container is called.
			top, cur, wrappers = p, p, 0
			continue
		}
		if g := p.Parent; g != nil && g.Type == html.ElementNode && g.DataAtom != atom.Body && g.DataAtom != atom.Html && cousinRun(cur, m) {
			// The run split into alike groups: a live blog's entries
			// under one section per day.
			top, cur, wrappers = g, g, 0
			continue
		}
		// Only climb when the new paragraphs are substantial relative to
		// what we have, so a sidebar of teasers does not pull us up.
		if float64(extra) < 0.25*float64(ts.pText) {
			break
		}
		if wrappers > 0 && (extra < 500 || float64(extra) < 0.5*float64(ts.pText)) {
			// Past wrappers the ancestor is far from our text: only a
			// large second part of the article justifies the climb.
			break
		}
		if sp, ok := s.scores[p]; ok && sp < best*0.5 {
			break
		}
		top, cur, wrappers = p, p, 0
	}
	return top
}

// entryRun reports whether n is one of at least three sibling elements
// of its tag and class that each hold paragraphs of prose, mostly not
// links: the entries of a live blog, not a rail of teasers.
func entryRun(n *html.Node, m map[*html.Node]*stats) bool {
	return attr(n, "class") != "" && proseEntries(n.Parent, n, m) >= 3
}

// cousinRun reports whether n is one of at least three elements of its
// tag and class, holding prose as entryRun's do, spread over two or more
// alike siblings of its parent: "<section class=day><div class=entry>".
func cousinRun(n *html.Node, m map[*html.Node]*stats) bool {
	p := n.Parent
	if attr(n, "class") == "" || p.Parent == nil {
		return false
	}
	alike, groups := 0, 0
	for s := p.Parent.FirstChild; s != nil; s = s.NextSibling {
		if !sameKind(s, p) {
			continue
		}
		if k := proseEntries(s, n, m); k > 0 {
			alike += k
			groups++
		}
	}
	return alike >= 3 && groups >= 2
}

// proseEntries counts the children of parent of like's tag and class that
// hold paragraphs of prose, mostly not links.
func proseEntries(parent, like *html.Node, m map[*html.Node]*stats) int {
	k := 0
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if !sameKind(c, like) {
			continue
		}
		if st := m[c]; st != nil && st.pText >= minEntryText && float64(st.link) <= 0.2*float64(st.text) {
			k++
		}
	}
	return k
}

// sameKind reports an element of n's tag and class.
func sameKind(c, n *html.Node) bool {
	return c.Type == html.ElementNode && c.DataAtom == n.DataAtom && attr(c, "class") == attr(n, "class")
}

// minEntryText is the paragraph letters an entry of a run needs: a
// sentence or two, more than a teaser's line.
const minEntryText = 80

// headlineArticle returns the <article> (or articleBody, or schema.org
// Article item) holding the h1 that repeats the page title, when top lies
// outside it and it holds a fair share of prose; else nil.
func headlineArticle(root *html.Node, title string, top *html.Node, m map[*html.Node]*stats) *html.Node {
	key := letterKey(title)
	if key == "" {
		return nil
	}
	h := findHeadline(root, key, 0)
	if h == nil || within(top, h) {
		return nil
	}
	var a *html.Node
	for p := h.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if p.DataAtom == atom.Article || isArticleBody(p) || isArticleItem(p) {
			a = p
			break
		}
	}
	if a == nil || within(a, top) || within(top, a) {
		return nil
	}
	as, ts := m[a], m[top]
	if as == nil || ts == nil || as.pText < 150 || float64(as.pText) < 0.3*float64(ts.pText) {
		return nil
	}
	return a
}

// isArticleItem reports a schema.org Article or BlogPosting microdata item.
func isArticleItem(n *html.Node) bool {
	t := attr(n, "itemtype")
	return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "BlogPosting")
}

// findHeadline returns the first h1 whose text is the title, or starts it
// ("Headline | Site").
func findHeadline(n *html.Node, key string, depth int) *html.Node {
	if depth > maxWalkDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.H1 {
			if t := letterKey(cellText(c)); t != "" && strings.HasPrefix(key, t) && len(t)*2 >= len(key) {
				return c
			}
			continue
		}
		if h := findHeadline(c, key, depth+1); h != nil {
			return h
		}
	}
	return nil
}

// letterKey is s lower-cased with only its letters and digits: headlines
// compare equal across punctuation ("..." and "…") and spacing.
func letterKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// within reports whether n is a or lies below it.
func within(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// prosePlain reports a container whose text is nearly all paragraphs with
// few links: columns of one article, not an article beside chrome.
func prosePlain(st *stats) bool {
	return st.text > 0 && (st.text-st.pText)*10 <= st.text && st.link*10 <= st.text
}
