package corpus

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// MaxHTMLElements bounds the elements of one page that are parsed: the
// parsed tree costs a few hundred bytes per element, so a page of a
// million empty paragraphs would need memory out of proportion to its
// size. A long article has a few thousand; the rest of a page beyond the
// bound is dropped.
const MaxHTMLElements = 100_000

// maxNesting is the depth to which parseHTML first keeps elements; the
// parser refuses a page more than 512 elements deep.
const maxNesting = 256

// voidElements never have an end tag, so they never nest.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
	"keygen": true,
}

// rawTextElements hold text the tokenizer does not parse as markup.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true, "iframe": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// limitElements returns src cut before its (max+1)th start tag, and
// whether it was cut. Counting '<' first keeps ordinary pages from paying
// for a tokenizer pass.
func limitElements(src string, max int) (string, bool) {
	if strings.Count(src, "<") <= max {
		return src, false
	}
	z := html.NewTokenizer(strings.NewReader(src))
	off, n := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return src, false
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			n++
			if n > max {
				return src[:off], true
			}
		}
		off += len(z.Raw())
	}
}

// parseHTML parses src as a browser with scripting would. x/net/html
// refuses markup nested deeper than 512 elements (unclosed tags on old or
// generated pages); such a page is parsed again with the excess nesting
// dropped, which keeps the text, at smaller depths until the parser
// accepts it. It returns the markup it parsed, for a second parse of the
// same page.
func parseHTML(src string) (*html.Node, string, error) {
	root, err := html.Parse(strings.NewReader(src))
	for limit := maxNesting; err != nil; limit /= 4 {
		// Depth 0 keeps no element that can hold another, so the
		// loop ends.
		flat := flattenNesting(src, limit)
		if root, err = html.Parse(strings.NewReader(flat)); err == nil || limit == 0 {
			return root, flat, err
		}
	}
	return root, src, nil
}

// flattenNesting returns src with the start tags that would open an
// element deeper than limit dropped, together with their end tags. It
// tracks nesting by tag names alone, which differs from what the parser
// builds both ways: the parser closes some elements implicitly, and
// reopens formatting elements (<b>, <i>) that a closing block ended.
// parseHTML therefore tries smaller limits when the first is not enough.
func flattenNesting(src string, limit int) string {
	var b bytes.Buffer
	b.Grow(len(src))
	z := html.NewTokenizer(strings.NewReader(src))
	var stack []string
	dropped := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				b.Write(z.Raw())
			}
			return b.String()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if voidElements[tag] || rawTextElements[tag] {
				// Never nest; a raw-text element is kept whatever
				// its depth, or its script would become page text.
				break
			}
			if len(stack) >= limit {
				if tt == html.StartTagToken {
					dropped[tag]++
				}
				continue
			}
			// "<div/>" opens a div like "<div>" does outside SVG and
			// MathML: count it as open, which at worst over-counts.
			stack = append(stack, tag)
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if rawTextElements[tag] {
				break
			}
			if dropped[tag] > 0 && (len(stack) == 0 || stack[len(stack)-1] != tag) {
				dropped[tag]--
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == tag {
					stack = stack[:i]
					break
				}
			}
		}
		b.Write(raw)
	}
}
