package corpus

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// maxWalkDepth bounds every recursive walk of the DOM. The parser already
// refuses markup nested deeper than 512 elements; the bound keeps our own
// walks safe should that ever change.
const maxWalkDepth = 600

// cleanHTML turns one HTML page into a Document: metadata from the whole
// page, then the article body as structural blocks. A page with no article
// text gives an error wrapping ErrNoContent.
func cleanHTML(loc string, data []byte, opt Options) (*Document, error) {
	src, err := decodeHTML(data, opt.ContentType)
	if err != nil {
		return nil, fmt.Errorf("decode html %s: %w", loc, err)
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// x/net/html refuses pathologically deep markup; that is a page we
		// cannot read, not a crash.
		return nil, fmt.Errorf("parse html %s: %w: %w", loc, ErrNoContent, err)
	}
	gq := goquery.NewDocumentFromNode(root)
	meta := extractMeta(gq, loc)

	blocks := extractBlocks(root, meta.Title)
	content := false
	for _, b := range blocks {
		if !b.Boilerplate && b.Kind != Title {
			content = true
			break
		}
	}
	if !content {
		return nil, fmt.Errorf("clean html %s: %w", loc, ErrNoContent)
	}
	if meta.Title == "" {
		// No metadata title: promote the first heading.
		for i, b := range blocks {
			if b.Kind == Heading && !b.Boilerplate {
				meta.Title = b.Text
				blocks = append(blocks[:i:i], blocks[i+1:]...)
				break
			}
		}
	}

	doc := &Document{
		Location:      loc,
		Source:        meta.Source,
		Title:         meta.Title,
		Authors:       meta.Authors,
		Published:     meta.Published,
		Modified:      meta.Modified,
		PublishedFrom: meta.PublishedFrom,
		Language:      meta.Language,
		CanonicalURL:  meta.CanonicalURL,
	}
	if doc.Source == "" {
		doc.Source = opt.Source
	}
	if doc.Published.IsZero() && !opt.Published.IsZero() {
		doc.Published = opt.Published
		doc.PublishedFrom = ""
	}
	if doc.Published.IsZero() {
		// Last resort: a date written near the top of the article text.
		for i, b := range blocks {
			if i > 6 {
				break
			}
			if t, ok := findDate(b.Text); ok {
				doc.Published, doc.PublishedFrom = t, "text"
				break
			}
		}
	}
	if doc.Title != "" {
		blocks = append([]Block{{Kind: Title, Text: doc.Title}}, blocks...)
	}
	assemble(doc, blocks)
	return doc, nil
}

// decodeHTML returns the page as valid UTF-8. Bytes that are already valid
// UTF-8 are trusted whatever the page declares (a wrong declaration is far
// more common than windows-1252 text that happens to be valid UTF-8);
// otherwise the HTTP Content-Type, a BOM, then <meta charset> or
// http-equiv decide, with windows-1252 as the web's default.
func decodeHTML(data []byte, contentType string) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	enc, _, _ := charset.DetermineEncoding(data, contentType)
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

// Tags whose whole subtree is never article text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Button: true, atom.Input: true, atom.Select: true,
	atom.Textarea: true, atom.Template: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Map: true,
	atom.Link: true, atom.Meta: true, atom.Head: true, atom.Header: true,
	atom.Dialog: true, atom.Menu: true, atom.Label: true, atom.Option: true,
	atom.Picture: true, atom.Img: true, atom.Source: true,
}

// Landmark roles that mark page chrome rather than the article.
var dropRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true,
	"search": true, "toolbar": true, "tablist": true, "button": true,
}

var (
	// unlikelyRe matches class/id words of page furniture.
	unlikelyRe = regexp.MustCompile(`(?i)(^|[^a-z])(` +
		`cookie|consent|gdpr|newsletter|subscri|signup|sign-up|share|sharing|social|` +
		`related|recommend|more-stories|more-from|read-more|readmore|trending|popular|most-read|` +
		`comment|disqus|discussion|respond|reply|replies|promo|advert|ad-|ads|adslot|ad_|dfp|` +
		`sponsor|outbrain|taboola|sidebar|side-bar|rail|breadcrumb|pagination|pager|` +
		`popup|modal|overlay|banner|masthead|footer|header|menu|navbar|nav|toolbar|` +
		`widget|skyscraper|tags|tag-list|topics|keywords|author-bio|authorbio|bio-|` +
		`rollover|tooltip|popover|latest|rodape|pie-de-pagina|fusszeile|pied-de-page|print|hidden|visually-hidden|sr-only|screen-reader|offscreen|paywall|` +
		`login|register|follow|donate|membership|inline-cta|cta|` +
		`next-article|prev|playlist|video-player|jwplayer|gallery|carousel|slideshow|lightbox|` +
		`byline-social|tools|utility|utilities|actions|feedback|survey|alert|ticker|` +
		`most-popular|editors-picks|also-read|see-also|up-next|upnext|teaser|` +
		`contributor-card|correction-footer|copyright)`)
	// likelyRe rescues containers whose class/id names the article itself.
	likelyRe = regexp.MustCompile(`(?i)(article|story|entry|post|main|body|content|text|prose|column|page-content|richtext|rich-text|paragraph)`)
	// positiveRe and negativeRe weight candidate containers while scoring.
	positiveRe = regexp.MustCompile(`(?i)(article|body|content|entry|main|page|post|text|blog|story|prose|richtext)`)
	negativeRe = regexp.MustCompile(`(?i)(hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|card|list|feed|nav|menu|rail|recirc|more)`)
	// captionClassRe names caption containers that are not <figcaption>.
	captionClassRe = regexp.MustCompile(`(?i)(caption|image-text|photo-text|img-text)`)
	// boilerClassRe marks blocks inside bylines, datelines and credits.
	boilerClassRe = regexp.MustCompile(`(?i)(byline|author|dateline|timestamp|published|updated-date|credit|copyright|caption-credit|source-line|contributor|kicker|eyebrow|breadcrumb|read-time|reading-time)`)
)

// attr returns the value of an attribute of n.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// classID is the class and id of n, for the hint patterns.
func classID(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if id == "" {
		return c
	}
	return c + " " + id
}

// hidden reports whether n is not shown to readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// stats holds per-node text measures computed in one bottom-up pass.
type stats struct {
	text  int // letters of visible text
	link  int // letters inside links
	pText int // letters inside paragraphs
}

// measure computes stats for every element below n.
func measure(n *html.Node, m map[*html.Node]*stats, depth int, inP, inA bool) stats {
	var s stats
	if depth > maxWalkDepth {
		return s
	}
	switch n.Type {
	case html.TextNode:
		l := countLetters(n.Data)
		s.text = l
		if inA {
			s.link = l
		}
		if inP {
			s.pText = l
		}
		return s
	case html.ElementNode:
		switch n.DataAtom {
		case atom.P, atom.Pre:
			inP = true
		case atom.A:
			inA = true
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			// Code is not text; counting it would let a script-heavy
			// page outweigh its article.
			m[n] = &stats{}
			return s
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := measure(c, m, depth+1, inP, inA)
		s.text += cs.text
		s.link += cs.link
		s.pText += cs.pText
	}
	if n.Type == html.ElementNode {
		st := s
		m[n] = &st
	}
	return s
}

// countLetters counts non-space runes: cheap and stable across whitespace.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if r > ' ' && r != '\u00a0' {
			n++
		}
	}
	return n
}

// prune removes page furniture below n: dropped tags, hidden elements,
// chrome roles, and elements whose class/id names furniture, unless they
// hold a large share of the page's paragraph text (a class such as
// "has-comments" on the article wrapper must not lose the article).
func prune(n *html.Node, m map[*html.Node]*stats, total stats, depth int) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(c)
			continue
		case html.ElementNode:
		default:
			continue
		}
		if depth > maxWalkDepth || droppable(c, m, total) {
			n.RemoveChild(c)
			continue
		}
		prune(c, m, total, depth+1)
	}
}

// droppable decides whether one element is furniture. total is the
// page's paragraph and prose (non-link) text: an element holding most of
// either is the article, whatever its class says.
func droppable(n *html.Node, m map[*html.Node]*stats, total stats) bool {
	st := m[n]
	if st == nil {
		st = &stats{}
	}
	prose := st.text - st.link
	big := (total.pText > 0 && st.pText*2 > total.pText) ||
		(total.text > 0 && prose*2 > total.text-total.link)
	switch n.DataAtom {
	case atom.Body, atom.Html:
		return false
	case atom.Form:
		// Some sites wrap the whole page in one form.
		return !big && st.pText < 400
	case atom.Header:
		return !big
	}
	if dropTags[n.DataAtom] {
		return true
	}
	if hidden(n) {
		return !big
	}
	if role := attr(n, "role"); dropRoles[role] {
		return !big
	}
	ci := classID(n)
	if ci == "" || n.DataAtom == atom.A {
		return false
	}
	if unlikelyRe.MatchString(ci) {
		if big || n.DataAtom == atom.Article {
			return false
		}
		if likelyRe.MatchString(ci) && prose > 200 {
			return false
		}
		return true
	}
	return false
}

// candidate scoring ---------------------------------------------------------

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
		if negativeRe.MatchString(v) {
			w -= 25
		}
		if positiveRe.MatchString(v) {
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
func findBody(root *html.Node, m map[*html.Node]*stats) *html.Node {
	s := &scorer{m: m, scores: map[*html.Node]float64{}}
	s.collect(root, 0)
	var top *html.Node
	best := 0.0
	for n, v := range s.scores {
		st := m[n]
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
	// Climb while the parent holds clearly more paragraph text that is
	// not link lists: articles split into several sibling containers. An
	// <article> or articleBody is a boundary: above it are other stories.
	for !isArticleBody(top) && top.DataAtom != atom.Article && top.Parent != nil && top.Parent.Type == html.ElementNode &&
		top.Parent.DataAtom != atom.Body && top.Parent.DataAtom != atom.Html {
		p := top.Parent
		ps, ts := m[p], m[top]
		if ps == nil || ts == nil {
			break
		}
		extra := ps.pText - ts.pText
		if extra < 200 || float64(ps.link)/float64(max(ps.text, 1)) > 0.35 {
			break
		}
		// Only climb when the new paragraphs are substantial relative to
		// what we have, so a sidebar of teasers does not pull us up.
		if float64(extra) < 0.25*float64(ts.pText) {
			break
		}
		if s.scores[p] < best*0.5 {
			break
		}
		top = p
	}
	return top
}

// block extraction -----------------------------------------------------------

// extractBlocks finds the article in the page and returns its blocks. The
// tree below root is modified (furniture removed).
func extractBlocks(root *html.Node, title string) []Block {
	m := make(map[*html.Node]*stats, 1024)
	all := measure(root, m, 0, false, false)
	prune(root, m, all, 0)
	clear(m)
	measure(root, m, 0, false, false)

	body := findBody(root, m)
	if body == nil {
		body = findTag(root, atom.Body, 0)
		if body == nil {
			return nil
		}
	}
	w := &walker{m: m, titleKey: foldKey(title), cur: ctx{kind: Paragraph}}
	w.walk(body, 0, ctx{kind: Paragraph})
	w.flush()
	return w.blocks
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

// flush ends the current inline run as a block.
func (w *walker) flush() {
	raw := w.buf.String()
	link := w.linkLen
	w.buf.Reset()
	w.linkLen = 0
	if strings.TrimSpace(raw) == "" {
		return
	}
	for _, part := range strings.Split(raw, "\n\n") {
		w.emit(w.cur, part, link, countLetters(raw))
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
	if kind == Heading && w.titleKey != "" && foldKey(text) == w.titleKey {
		return // the headline, already the Title block
	}
	if !boiler && kind != Heading && len(text) <= 60 {
		// A bare date or timestamp line is page furniture, not prose.
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
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
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
	if boilerClassRe.MatchString(classID(n)) {
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
	case a == atom.Figcaption || a == atom.Caption || captionClassRe.MatchString(classID(n)):
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

// tables ---------------------------------------------------------------------

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
