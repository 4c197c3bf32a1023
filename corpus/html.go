package corpus

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// maxWalkDepth bounds every recursive walk of the DOM. The parser refuses
// markup nested deeper than 512 elements (cleanHTML then flattens it); the
// bound keeps our own walks safe should that ever change.
const maxWalkDepth = 600

// cleanHTML turns one HTML page into a Document: metadata from the whole
// page, then the article body as structural blocks. A page with no article
// text gives an error wrapping ErrNoContent.
func cleanHTML(loc string, data []byte, opt Options) (*Document, error) {
	src, err := decodeHTML(data, opt.ContentType)
	if err != nil {
		return nil, fmt.Errorf("decode html %s: %w", loc, err)
	}
	src, _ = limitElements(src, MaxHTMLElements)
	src = closeTitle(src)
	root, src, err := parseHTML(src)
	if err != nil {
		return nil, fmt.Errorf("parse html %s: %w: %w", loc, ErrNoContent, err)
	}
	gq := goquery.NewDocumentFromNode(root)
	meta := extractMeta(gq, loc)

	blocks := extractBlocks(root, meta.Title, false)
	content := hasContent(blocks)
	if !content {
		// Class names alone removed everything: a short item inside a
		// box named like furniture ("teaser", "promo"). Try again without
		// them, on a fresh tree (pruning changed this one), parsed as a
		// browser without scripts would: what a page puts in <noscript>
		// is then markup, and may be its only text.
		if again, err := html.ParseWithOptions(strings.NewReader(closeTitle(src)), html.ParseOptionEnableScripting(false)); err == nil {
			blocks = extractBlocks(again, meta.Title, true)
			content = hasContent(blocks)
		}
	}
	if !content || visibleShort(blocks, meta.ArticleBody) {
		if ld := articleBodyBlocks(meta.ArticleBody); len(ld) > 0 {
			blocks, content = ld, true
		}
	}
	if !content {
		return nil, fmt.Errorf("clean html %s: %w", loc, ErrNoContent)
	}
	blocks = headlineFromTitle(&meta, blocks)
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
	// A wire story's dateline names its place, and dates a page that
	// says nothing else about its date.
	for i, b := range blocks {
		if i > 6 {
			break
		}
		if b.Boilerplate || b.Kind != Paragraph {
			continue
		}
		di, ok := anyDateline(b.Text)
		if !ok {
			continue
		}
		var h header
		if doc.Published.IsZero() {
			applyDateline(doc, &h, b.Text, opt)
		} else {
			doc.Dateline = di.place
		}
		break
	}
	if doc.Published.IsZero() && !opt.Published.IsZero() {
		doc.Published = opt.Published
		doc.PublishedFrom = "option"
	}
	if doc.Published.IsZero() {
		// Last resort: a date written near the top of the article text.
		for i, b := range blocks {
			if i >= topDateBlocks {
				break
			}
			if b.Kind == Quote || b.Kind == Caption {
				continue // an embedded post's or a photo's date
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
	markFurnitureLists(blocks)
	markReaderQuestions(blocks)
	markFurnitureHeadings(blocks)
	assemble(doc, blocks)
	return doc, nil
}

// decodeHTML returns the page as valid UTF-8. Bytes that are already valid
// UTF-8 are trusted whatever the page declares (a wrong declaration is far
// more common than windows-1252 text that happens to be valid UTF-8);
// otherwise the HTTP Content-Type, a BOM, then <meta charset> or
// http-equiv decide. A page that declares nothing is judged by its bytes,
// as plain text is: UTF-8 with a few stray bytes stays UTF-8 (the stray
// bytes become U+FFFD) rather than turning every accent into mojibake;
// windows-1252, the web's default, only when its bytes look like it.
func decodeHTML(data []byte, contentType string) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	enc, _, certain := charset.DetermineEncoding(data, contentType)
	if !certain && !declaresCharset(data) && !looksWindows1252(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

// closeTitle closes a <title> that the page never closes. Its content is
// raw text to the parser, so an unclosed title swallows the whole page;
// pages damaged in transfer or by a broken template do this. The title
// ends at the next tag.
func closeTitle(src string) string {
	head := src[:min(len(src), 64<<10)]
	i := indexFold(head, "<title")
	if i < 0 || indexFold(src[i:], "</title") >= 0 {
		return src
	}
	j := strings.IndexByte(src[i:], '>')
	if j < 0 {
		return src
	}
	j += i + 1
	k := strings.IndexByte(src[j:], '<')
	if k < 0 {
		return src
	}
	k += j
	return src[:k] + "</title>" + src[k:]
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring the
// case of s.
func indexFold(s, lowerNeedle string) int {
	n := len(lowerNeedle)
	for i := 0; i+n <= len(s); i++ {
		if s[i] == '<' && strings.EqualFold(s[i:i+n], lowerNeedle) {
			return i
		}
	}
	return -1
}

// articleBodyBlocks splits a JSON-LD articleBody into paragraphs: at blank
// lines or line breaks where the text has them. A body of under 200
// letters is a teaser, not the article.
func articleBodyBlocks(body string) []Block {
	if countLetters(body) < 200 {
		return nil
	}
	body = stripInline(body) // some sites put markup in it
	sep := "\n\n"
	if !strings.Contains(body, sep) {
		sep = "\n"
	}
	var out []Block
	for _, p := range strings.Split(body, sep) {
		if p = normalizeText(p); p != "" {
			out = append(out, Block{Kind: Paragraph, Text: p, Boilerplate: isBoilerplate(Paragraph, p)})
		}
	}
	return out
}

// visibleShort reports a visible body that holds under a third of the
// letters of the page's own JSON-LD articleBody: the markup shows a
// teaser or a script-built page, the structured data the story.
func visibleShort(blocks []Block, ldBody string) bool {
	n := countLetters(ldBody)
	if n < 600 {
		return false
	}
	seen := 0
	for _, b := range blocks {
		if !b.Boilerplate && b.Kind != Title && b.Kind != Caption {
			seen += countLetters(b.Text)
		}
	}
	return seen*3 < n
}

// headlineFromTitle finds the page's headline among the first blocks when
// the metadata title is the headline plus a site name that cleanTitle
// could not tell apart ("Headline - Site", "Site: Headline"): a heading
// whose letters open or close the title's is the headline. It becomes the
// title and leaves the body.
func headlineFromTitle(meta *pageMeta, blocks []Block) []Block {
	tk := letterKey(meta.Title)
	if tk == "" {
		return blocks
	}
	for i, b := range blocks {
		if i >= 6 {
			break
		}
		if b.Kind != Heading || b.Boilerplate {
			continue
		}
		k := letterKey(b.Text)
		if len(k) < 15 || k == tk || !(strings.HasPrefix(tk, k) || strings.HasSuffix(tk, k)) {
			continue
		}
		meta.Title = b.Text
		return append(blocks[:i:i], blocks[i+1:]...)
	}
	return blocks
}

// hasContent reports blocks with article text: not furniture, not the title.
func hasContent(blocks []Block) bool {
	for _, b := range blocks {
		if !b.Boilerplate && b.Kind != Title {
			return true
		}
	}
	return false
}

// declaresCharset reports a charset named in the page's head, where the
// HTML standard's prescan looks for it (the first 1024 bytes).
func declaresCharset(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}
