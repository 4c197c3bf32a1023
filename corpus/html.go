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
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// x/net/html refuses markup nested deeper than 512 elements
		// (unclosed tags on old or generated pages): parse it again with
		// the excess nesting dropped, which keeps the text.
		root, err = html.Parse(strings.NewReader(flattenNesting(src, maxNesting)))
	}
	if err != nil {
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

// declaresCharset reports a charset named in the page's head, where the
// HTML standard's prescan looks for it (the first 1024 bytes).
func declaresCharset(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}
