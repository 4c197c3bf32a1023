package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/claimdex/claimdex/corpus"
)

const cleanHelp = `
Usage: claimdex clean [flags] FILE|-

Prints what the clean stage makes of one document: its metadata and its
text, block by block. Text output shows the metadata, then the text with
paragraphs separated by blank lines. JSON output has the fields title,
source, authors, published, modified, published_from, language,
canonical_url, text and blocks [{kind, text, section}].

Examples:
  claimdex clean story.html
  claimdex clean --format json article.md | jq '.blocks[] | select(.kind == "table_row")'
`

func runClean(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	format := newChoice("text", "text", "json")
	fs.Var(format, "format", "output `FORMAT`: text or json")
	source := fs.String("source", "", "source `NAME` when the document's metadata names none")
	pos, err := parseFlags(e, fs, cleanHelp, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want exactly one FILE or -, got %d arguments", len(pos))
	}
	doc, err := readDocument(ctx, e, pos[0], corpus.Options{Source: *source})
	if err != nil {
		return err
	}
	if format.v == "json" {
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
		Text: doc.Text, Blocks: make([]blockJSON, 0, len(doc.Blocks)),
	}
	if out.Authors == nil {
		out.Authors = []string{}
	}
	for _, b := range doc.Blocks {
		out.Blocks = append(out.Blocks, blockJSON{Kind: b.Kind, Text: b.Text, Section: b.Section, Boilerplate: b.Boilerplate})
	}
	return writeIndented(w, out, "document")
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
	b.WriteString("\n")
	b.WriteString(doc.Text)
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write document: %w", err)
	}
	return nil
}
