package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// DefaultMaxBytes is the largest input Clean accepts by default.
const DefaultMaxBytes = 10 << 20

// Options steer Clean. The zero value is usable.
type Options struct {
	// Source names the publisher when the document's metadata does not.
	Source string
	// Published is used when the document gives no publication date.
	Published time.Time
	// ContentType is the HTTP Content-Type, when known (charset hint).
	ContentType string
	// MaxBytes caps the input size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Identity is what the document's ID is derived from, when it is not
	// the location as given: a local file's absolute path (see
	// LocalIdentity), so that the same file named two ways is one
	// document and two files at one relative path are two.
	Identity string
}

// format is the markup family of an input.
type format int

const (
	formatText format = iota // plain text or Markdown
	formatHTML
	formatOther // code, data or configuration: not an article
)

// Clean turns one raw input into a Document. The format (HTML, Markdown,
// plain text) is taken from loc's extension and sniffed from the content.
// Errors wrap a sentinel error and name loc.
//
// Before dispatching, Clean refuses empty, oversized and binary inputs,
// decodes UTF-16 (by byte order mark) and drops a UTF-8 byte order mark.
// Text inputs are then decoded to UTF-8 (see toUTF8); HTML inputs are
// passed to the HTML cleaner as they are, because their charset may be
// declared inside the markup.
func Clean(loc string, data []byte, opt Options) (*Document, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %d bytes, limit %d: %w", loc, len(data), limit, ErrTooLarge)
	}
	data = decodeBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w", loc, ErrEmpty)
	}
	if why := binaryReason(data); why != "" {
		return nil, fmt.Errorf("%s: %s: %w", loc, why, ErrBinary)
	}
	var (
		doc *Document
		err error
	)
	switch detectFormat(loc, data) {
	case formatHTML:
		doc, err = cleanHTML(loc, data, opt)
	case formatText:
		if err = checkDecodable(data, opt.ContentType); err == nil {
			doc, err = cleanText(loc, toUTF8(data, opt.ContentType), opt)
		}
	default:
		err = ErrNotText
	}
	if err != nil {
		if strings.Contains(err.Error(), loc) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", loc, err)
	}
	if doc == nil {
		return nil, fmt.Errorf("%s: %w", loc, ErrNoContent)
	}
	finishDocument(doc, loc, opt)
	if opt.Identity != "" {
		doc.ID = DocID(opt.Identity)
	}
	return doc, nil
}

// DocID is the document ID derived from an identity: a URL, a local
// file's absolute path (LocalIdentity), or "-".
func DocID(identity string) string {
	return hashHex(identity, 16)
}

// LocalIdentity is the identity of a local input: its absolute, cleaned
// path; "-" for standard input. It is the location itself when the
// working directory is unknown.
func LocalIdentity(loc string) string {
	if loc == "-" {
		return loc
	}
	abs, err := filepath.Abs(loc)
	if err != nil {
		return loc
	}
	return abs
}

// finishDocument applies the caller's defaults where the document's own
// metadata is silent. It runs after assemble: Source and Published are not
// part of the content hash.
func finishDocument(doc *Document, loc string, opt Options) {
	if doc.Location == "" {
		doc.Location = loc
	}
	if doc.Source == "" {
		doc.Source = strings.TrimSpace(opt.Source)
	}
	if doc.Source == "" {
		doc.Source = locationStem(loc)
	}
	if doc.Published.IsZero() && !opt.Published.IsZero() {
		doc.Published = opt.Published
		doc.PublishedFrom = "option"
	}
}

// locationStem is the file name of loc without directory and extension,
// "stdin" for "-". For a URL it is the host name.
func locationStem(loc string) string {
	if loc == "-" || loc == "" {
		return "stdin"
	}
	if i := strings.Index(loc, "://"); i >= 0 {
		host := loc[i+3:]
		if j := strings.IndexAny(host, "/?#"); j >= 0 {
			host = host[:j]
		}
		return strings.TrimPrefix(host, "www.")
	}
	base := filepath.Base(loc)
	base = strings.TrimSuffix(base, ".gz")
	if stem := strings.TrimSuffix(base, filepath.Ext(base)); stem != "" {
		return stem
	}
	return base
}

// htmlExts and textExts name the extensions whose format is known; the
// content is still sniffed, because a ".txt" saved from a browser is often
// HTML.
var (
	htmlExts  = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".php": true, ".asp": true, ".aspx": true}
	textExts  = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".mdown": true, ".mkd": true, ".rst": true}
	otherExts = map[string]bool{
		".css": true, ".js": true, ".mjs": true, ".json": true, ".svg": true, ".go": true, ".py": true,
		".c": true, ".h": true, ".java": true, ".rb": true, ".rs": true, ".ts": true, ".sh": true,
		".yaml": true, ".yml": true, ".toml": true, ".ini": true, ".cfg": true, ".lock": true,
		".sum": true, ".mod": true, ".csv": true, ".tsv": true, ".sql": true, ".log": true,
	}
)

// detectFormat decides between HTML and text: a document that opens like
// HTML is HTML whatever its name; otherwise the extension decides, and an
// unknown extension is sniffed more loosely.
func detectFormat(loc string, data []byte) format {
	head := bytes.TrimSpace(data[:min(len(data), 1024)])
	lower := bytes.ToLower(head)
	if opensLikeHTML(lower, true) {
		return formatHTML
	}
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(loc, "/")))
	if i := strings.IndexAny(ext, "?#"); i >= 0 {
		ext = ext[:i]
	}
	switch {
	case htmlExts[ext]:
		return formatHTML
	case textExts[ext]:
		return formatText
	case otherExts[ext]:
		return formatOther
	}
	if opensLikeHTML(lower, false) {
		return formatHTML
	}
	if len(head) > 0 && (head[0] == '{' || head[0] == '[') && json.Valid(data) {
		return formatOther
	}
	return formatText
}

// opensLikeHTML reports whether lower-cased, trimmed content starts with
// markup. strict accepts only document-level markup (doctype, <html>,
// <head>, <body>); otherwise a leading common element also counts.
func opensLikeHTML(lower []byte, strict bool) bool {
	for bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<!--")) {
		end := []byte("?>")
		if bytes.HasPrefix(lower, []byte("<!--")) {
			end = []byte("-->")
		}
		i := bytes.Index(lower, end)
		if i < 0 {
			return false
		}
		lower = bytes.TrimSpace(lower[i+len(end):])
	}
	tags := []string{"<!doctype html", "<html", "<head", "<body"}
	if !strict {
		tags = append(tags, "<meta", "<title", "<article", "<main", "<div", "<section", "<p>", "<p ",
			"<h1", "<h2", "<h3", "<header", "<nav", "<table", "<ul", "<span", "<link", "<script", "<style")
	}
	for _, t := range tags {
		if bytes.HasPrefix(lower, []byte(t)) {
			return true
		}
	}
	return false
}
