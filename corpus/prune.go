package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pruning removes page furniture before the article is looked for: tags
// that never hold article text, hidden elements, chrome landmarks, and
// elements whose class or id names furniture.
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

// Class and id hints. A regular expression per hint cost a tenth of the
// cleaning time; the hints are plain keyword lists matched on the
// lower-cased class and id instead (see hints.go).
var (
	// unlikelyHints are class/id words of page furniture, matched at the
	// start of a word ("ad-slot", "adsbygoogle", not "head").
	unlikelyHints = newWordStartHints(
		"cookie", "consent", "gdpr", "newsletter", "subscri", "signup", "sign-up", "share", "sharing", "social",
		"related", "recommend", "more-stories", "more-from", "read-more", "readmore", "trending", "popular", "most-read",
		"comment", "disqus", "discussion", "respond", "reply", "replies", "promo", "advert", "ad-", "ads", "adslot", "ad_", "dfp",
		"sponsor", "outbrain", "taboola", "sidebar", "side-bar", "rail", "breadcrumb", "pagination", "pager",
		"popup", "modal", "overlay", "banner", "masthead", "footer", "header", "menu", "navbar", "nav", "toolbar",
		"widget", "skyscraper", "tags", "tag-list", "topics", "keywords", "author-bio", "authorbio", "bio-",
		"rollover", "tooltip", "popover", "latest", "rodape", "pie-de-pagina", "fusszeile", "pied-de-page", "print", "hidden",
		"visually-hidden", "sr-only", "screen-reader", "offscreen", "paywall",
		"login", "register", "follow", "donate", "membership", "inline-cta", "cta",
		"next-article", "prev", "playlist", "video-player", "jwplayer", "gallery", "carousel", "slideshow", "lightbox",
		"byline-social", "tools", "utility", "utilities", "actions", "feedback", "survey", "alert", "ticker",
		"most-popular", "editors-picks", "also-read", "see-also", "up-next", "upnext", "teaser",
		"contributor-card", "correction-footer", "copyright", "btn", "button")
	// chromeHints name furniture that never frames an article, even a
	// short one: the lenient second pass still drops these.
	chromeHints = newWordStartHints("cookie", "consent", "gdpr", "newsletter", "comment", "disqus", "footer",
		"masthead", "navbar", "nav", "menu", "breadcrumb", "login", "paywall", "share", "sharing", "social")
	// consentHints name cookie and consent boxes.
	consentHints = newWordStartHints("cookie", "consent", "gdpr")
	// commentHints name reader comments, which quote each other: a quote
	// there is no embedded post.
	commentHints = newSubstringHints("comment", "disqus", "reply", "replies", "respond", "discussion")
	// likelyHints rescue containers whose class/id names the article itself.
	likelyHints = newSubstringHints("article", "story", "entry", "post", "main", "body", "content", "text",
		"prose", "column", "page-content", "richtext", "rich-text", "paragraph")
	// positiveHints and negativeHints weight candidate containers while scoring.
	positiveHints = newSubstringHints("article", "body", "content", "entry", "main", "page", "post", "text",
		"blog", "story", "prose", "richtext")
	negativeHints = newSubstringHints("hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
		"footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
		"shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "teaser", "card",
		"list", "feed", "nav", "menu", "rail", "recirc", "more")
	// captionHints name caption containers that are not <figcaption>.
	captionHints = newSubstringHints("caption", "image-text", "photo-text", "img-text")
	// boilerHints mark blocks inside bylines, datelines and credits.
	boilerHints = newSubstringHints("byline", "author", "dateline", "timestamp", "published", "updated-date",
		"credit", "copyright", "caption-credit", "source-line", "contributor", "kicker", "eyebrow", "breadcrumb",
		"read-time", "reading-time")
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
			// A drop cap is hidden from screen readers (they read a
			// copy of the letter) but is the first letter on screen.
			if a.Val == "true" && !isDropCap(n) {
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

// isDropCap reports an element holding one or two letters that opens a
// paragraph: a drop cap or a decorative initial.
func isDropCap(n *html.Node) bool {
	if n.DataAtom != atom.Span && n.DataAtom != atom.B && n.DataAtom != atom.Strong && n.DataAtom != atom.Em &&
		n.DataAtom != atom.I && n.DataAtom != atom.Font {
		return false
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			return false
		}
		l += countLetters(c.Data)
	}
	if l == 0 || l > 2 || n.Parent == nil || n.Parent.DataAtom != atom.P {
		return false
	}
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode || strings.TrimSpace(p.Data) != "" {
			return false
		}
	}
	return true
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
// prune removes furniture below n. lenient keeps elements that only
// their class or id names furniture: the second try on a page where the
// strict pass left no article (a short item in a "teaser" box).
func prune(n *html.Node, m map[*html.Node]*stats, total stats, depth int, lenient bool) {
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
		if depth > maxWalkDepth || droppable(c, m, total, lenient) {
			n.RemoveChild(c)
			continue
		}
		prune(c, m, total, depth+1, lenient)
	}
}

// droppable decides whether one element is furniture. total is the
// page's paragraph and prose (non-link) text: an element holding most of
// either is the article, whatever its class says.
func droppable(n *html.Node, m map[*html.Node]*stats, total stats, lenient bool) bool {
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
	case atom.Form, atom.Header, atom.Aside, atom.Noscript:
		if lenient {
			// The second try keeps the containers that may hold a
			// page's only text; only what is never text goes.
			return false
		}
	}
	switch n.DataAtom {
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
		return !big && !lenient
	}
	if role := attr(n, "role"); dropRoles[role] {
		return !big && !lenient
	}
	ci := classID(n)
	if ci == "" || n.DataAtom == atom.A {
		return false
	}
	ci = strings.ToLower(ci)
	if lenient {
		// Only the names that never frame an article still count.
		return chromeHints.match(ci)
	}
	if consentHints.match(ci) {
		return true // a consent box is never the article, however long
	}
	if unlikelyHints.match(ci) {
		if big || n.DataAtom == atom.Article || (!commentHints.match(ci) && embedsPost(n, m, 0)) {
			return false
		}
		if likelyHints.match(ci) && prose > 200 {
			return false
		}
		// A wrapper whose name reads like furniture ("printReady",
		// "main-rail") around the element that names itself the
		// article body is the article's frame, not furniture.
		if prose > 200 && holdsArticleBody(n, m, 0) {
			return false
		}
		return true
	}
	return false
}

// bodyHints name the article body itself, more narrowly than likelyHints.
var bodyHints = newSubstringHints("articlebody", "article-body", "article_body", "storybody", "story-body",
	"story_body", "entry-content", "post-body", "articletext", "article-text", "storytext", "story-text")

// holdsArticleBody reports an element, or one a few levels below it, that
// declares itself the article body (by itemprop or class/id) and holds
// prose.
func holdsArticleBody(n *html.Node, m map[*html.Node]*stats, depth int) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		st := m[c]
		if st == nil || st.text-st.link < 200 {
			continue
		}
		if isArticleBody(c) || bodyHints.match(strings.ToLower(classID(c))) {
			return true
		}
		if depth < 4 && holdsArticleBody(c, m, depth+1) {
			return true
		}
	}
	return false
}

// embedsPost reports an embedded social-media post: a container (class
// "social-embed", "twitter-tweet", ...) whose text is a blockquote. The
// post is what the article quotes, often the very claim it reports, so
// its furniture-like class must not drop it; share bars hold no quotes.
func embedsPost(n *html.Node, m map[*html.Node]*stats, depth int) bool {
	st := m[n]
	if st == nil || st.text == 0 {
		return false
	}
	if n.DataAtom == atom.Blockquote {
		return true
	}
	if depth >= 3 {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if cs := m[c]; cs != nil && cs.text*2 >= st.text && embedsPost(c, m, depth+1) {
			return true
		}
	}
	return false
}
