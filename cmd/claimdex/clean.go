package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/claimdex/claimdex/cmd/internal/cli"
	"github.com/claimdex/claimdex/corpus"
)

const cleanHelp = `
Usage: claimdex clean [flags] FILE|-

Prints what the clean stage makes of one document: its metadata and its
text, block by block. Text output shows the metadata, then the article body
with paragraphs separated by blank lines. JSON output has the fields title,
source, authors, published, modified, published_from, language,
canonical_url, section, dateline, text and blocks [{kind, text, section, boilerplate}].

published_from names the evidence for the date: json-ld, meta,
time-element, url, byline or text (HTML); front_matter, header (a date
line above the story), dateline, or dateline+published (the dateline's
day with the year of --published) for plain text; option when only
--published gave it.

The text is the article body alone: no title (it has its own field), no
page furniture (navigation, prompts, bylines, credits) and no captions.
The blocks list everything, furniture marked "boilerplate": true.

--url gives the page's address when the HTML comes on standard input or
from a saved file: dates in the address, the site name and relative
links are then read as on the web.

Examples:
  claimdex clean story.html
  curl -s https://example.com/news/2026/03/14/story | claimdex clean --url https://example.com/news/2026/03/14/story -
  claimdex clean --format json article.md | jq '.blocks[] | select(.kind == "table_row")'
`

func runClean(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	format := cli.NewChoice("text", "text", "json")
	fs.Var(format, "format", "output `FORMAT`: text or json")
	source := fs.String("source", "", "source `NAME` when the document's metadata names none")
	var published cli.Date
	fs.Var(&published, "published", "publication `DATE` when the document gives none; also the year of a dateline without one")
	pageURL := fs.String("url", "", "the page's address `URL` when the document comes on standard input or from a file")
	pos, err := parseFlags(e, fs, cleanHelp, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return cli.Usagef("want exactly one FILE or -, got %d arguments", len(pos))
	}
	if *pageURL != "" && !isHTTPURL(*pageURL) {
		return cli.Usagef("--url wants an http or https address, got %q", *pageURL)
	}
	doc, err := readDocumentAt(ctx, e, pos[0], *pageURL, corpus.Options{Source: *source, Published: published.Time})
	if err != nil {
		return err
	}
	if format.V == "json" {
		return writeCleanJSON(e.stdout, doc)
	}
	return writeCleanText(e.stdout, doc)
}

// cleanJSON is the JSON form of a cleaned document (the clean issue's
// contract): dates as RFC 3339 or "", lists never null.
type cleanJSON struct {
	Title         string      `json:"title"`
	Source        string      `json:"source"`
	Authors       []string    `json:"authors"`
	Published     string      `json:"published"`
	Modified      string      `json:"modified"`
	PublishedFrom string      `json:"published_from"`
	Language      string      `json:"language"`
	CanonicalURL  string      `json:"canonical_url"`
	Section       string      `json:"section"`
	Dateline      string      `json:"dateline"`
	Text          string      `json:"text"`
	Blocks        []blockJSON `json:"blocks"`
}

type blockJSON struct {
	Kind    corpus.BlockKind `json:"kind"`
	Text    string           `json:"text"`
	Section string           `json:"section"`
	// Boilerplate marks page furniture that never becomes a claim.
	Boilerplate bool `json:"boilerplate,omitempty"`
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func writeCleanJSON(w io.Writer, doc *corpus.Document) error {
	out := cleanJSON{
		Title: doc.Title, Source: doc.Source, Authors: doc.Authors,
		Published: rfc3339(doc.Published), Modified: rfc3339(doc.Modified),
		PublishedFrom: doc.PublishedFrom, Language: doc.Language, CanonicalURL: doc.CanonicalURL,
		Section: doc.Section, Dateline: doc.Dateline,
		Text: doc.BodyText(), Blocks: make([]blockJSON, 0, len(doc.Blocks)),
	}
	if out.Authors == nil {
		out.Authors = []string{}
	}
	for _, b := range doc.Blocks {
		out.Blocks = append(out.Blocks, blockJSON{Kind: b.Kind, Text: b.Text, Section: b.Section, Boilerplate: b.Boilerplate})
	}
	return cli.WriteJSON(w, out, "document")
}

func writeCleanText(w io.Writer, doc *corpus.Document) error {
	var b strings.Builder
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%-10s %s\n", name+":", value)
		}
	}
	field("title", doc.Title)
	field("source", doc.Source)
	field("authors", strings.Join(doc.Authors, "; "))
	if p := rfc3339(doc.Published); p != "" && doc.PublishedFrom != "" {
		field("published", p+" (from "+doc.PublishedFrom+")")
	} else {
		field("published", p)
	}
	field("modified", rfc3339(doc.Modified))
	field("language", doc.Language)
	field("canonical", doc.CanonicalURL)
	field("section", doc.Section)
	field("dateline", doc.Dateline)
	b.WriteString("\n")
	b.WriteString(doc.BodyText())
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write document: %w", err)
	}
	return nil
}

// readDocumentAt reads loc and cleans it as the page at pageURL when one
// is given: the address, not "-" or a file name, is the document's
// location, so that its date, host and relative links count.
func readDocumentAt(ctx context.Context, e *env, loc, pageURL string, opt corpus.Options) (*corpus.Document, error) {
	if pageURL == "" {
		return readDocument(ctx, e, loc, opt)
	}
	data, err := corpus.ReadContext(ctx, loc, e.stdin, corpus.DefaultMaxBytes)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", loc, err)
	}
	doc, err := corpus.Clean(pageURL, data, opt)
	if err != nil {
		return nil, fmt.Errorf("clean %s: %w", loc, err)
	}
	return doc, nil
}

// isHTTPURL reports an absolute http or https address with a host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
