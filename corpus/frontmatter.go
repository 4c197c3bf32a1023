package corpus

import (
	"regexp"
	"strings"
	"sync"
	"time"
)

// Front matter is the metadata block static-site generators put at the top
// of a Markdown file, between "---" lines (YAML) or "+++" lines (TOML):
//
//	---
//	title: "Harbour toll to rise"
//	authors:
//	  - Jane Doe
//	date: 2025-03-04
//	---
//
// Only flat keys with scalar or list values are read; that is all article
// metadata needs, and it keeps a YAML dependency out.

// frontMatterKey matches "key: value" (YAML) or "key = value" (TOML).
var frontMatterKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Za-z_][\w.-]*)\s*[:=]\s*(.*)$`) })

// splitFrontMatter returns the front matter's keys (lower-cased, values in
// order) and the rest of the text. Without front matter it returns nil, s.
func splitFrontMatter(s string) (map[string][]string, string) {
	var fence string
	switch {
	case strings.HasPrefix(s, "---\n"):
		fence = "---"
	case strings.HasPrefix(s, "+++\n"):
		fence = "+++"
	default:
		return nil, s
	}
	lines := strings.Split(s, "\n")
	end := -1
	for i := 1; i < len(lines) && i < 200; i++ {
		l := strings.TrimSpace(lines[i])
		if l == fence || (fence == "---" && l == "...") {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, s
	}
	meta := map[string][]string{}
	key := ""
	for _, l := range lines[1:end] {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") && key != "" && l != t {
			meta[key] = append(meta[key], unquote(strings.TrimSpace(t[2:])))
			continue
		}
		if l != t && key != "" {
			continue // nested mapping: not article metadata
		}
		m := frontMatterKey().FindStringSubmatch(t)
		if m == nil {
			continue
		}
		key = strings.ToLower(m[1])
		val := strings.TrimSpace(m[2])
		if strings.HasPrefix(val, "[") && strings.HasSuffix(val, "]") {
			for _, v := range strings.Split(val[1:len(val)-1], ",") {
				if v = unquote(strings.TrimSpace(v)); v != "" {
					meta[key] = append(meta[key], v)
				}
			}
			continue
		}
		if val = unquote(val); val != "" {
			meta[key] = append(meta[key], val)
		}
	}
	return meta, strings.Join(lines[end+1:], "\n")
}

// unquote removes one level of matching quotes.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// applyFrontMatter copies the article metadata keys into doc.
func applyFrontMatter(doc *Document, meta map[string][]string) {
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := meta[k]; len(v) > 0 && strings.TrimSpace(v[0]) != "" {
				return strings.TrimSpace(v[0])
			}
		}
		return ""
	}
	doc.Title = first("title", "headline")
	doc.Source = first("source", "site", "site_name", "publisher", "publication", "outlet")
	for _, k := range []string{"author", "authors", "byline"} {
		// The same cleaning as HTML metadata: "Staff Writer", "By ...",
		// handles and e-mail addresses are not names.
		for _, a := range cleanAuthors(meta[k], doc.Source) {
			doc.Authors = appendAuthor(doc.Authors, a)
		}
	}
	if t, ok := parseTextDate(first("date", "published", "published_at", "pubdate", "publish_date", "date_published", "created")); ok {
		doc.Published, doc.PublishedFrom = t, "front_matter"
	}
	if t, ok := parseTextDate(first("modified", "updated", "lastmod", "last_modified", "date_modified", "updated_at")); ok {
		doc.Modified = t
	}
	doc.CanonicalURL = first("canonical", "canonical_url", "url", "link", "permalink")
	doc.Language = first("lang", "language", "locale")
}

// appendAuthor adds a name unless it is empty or already listed.
func appendAuthor(authors []string, name string) []string {
	name = normalizeText(name)
	if name == "" {
		return authors
	}
	for _, a := range authors {
		if strings.EqualFold(a, name) {
			return authors
		}
	}
	return append(authors, name)
}

// textDateLayouts are the date forms seen in front matter and "Date:" lines.
var textDateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02", "2006.01.02",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006",
	"January 2, 2006 3:04 PM", "January 2, 2006 15:04", "January 2, 2006", "January 2 2006",
	"Jan 2, 2006 3:04 PM", "Jan 2, 2006", "Jan 2 2006", "2 January 2006 15:04", "2 January 2006",
	"2 Jan 2006", "Monday, January 2, 2006", "Monday, 2 January 2006", "Mon, Jan 2, 2006",
	"January 2006", "Jan 2006",
}

// ordinalSuffix matches "1st", "22nd" in dates.
var ordinalSuffix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)\b`) })

// monthAbbrevDot matches "Dec." and "Sept." in dates.
var monthAbbrevDot = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.`)
})

// parseTextDate reads a date in one of textDateLayouts, ignoring trailing
// words ("2025-12-22 09:27:23 UTC", "March 3, 2025 at 10:00"). Dates without
// a zone are taken as UTC.
func parseTextDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(normalizeText(s))
	if s == "" {
		return time.Time{}, false
	}
	s = ordinalSuffix().ReplaceAllString(s, "$1")
	s = monthAbbrevDot().ReplaceAllString(s, "$1")
	s = strings.NewReplacer("Sept ", "Sep ", " at ", " ", ",", ", ").Replace(s)
	fields := strings.Fields(s)
	for n := len(fields); n >= 1; n-- {
		cand := strings.Join(fields[:n], " ")
		for _, layout := range textDateLayouts {
			if t, err := time.Parse(layout, cand); err == nil {
				if t.Year() < 1800 || t.Year() > 2200 {
					continue
				}
				return t.UTC(), true
			}
		}
	}
	return time.Time{}, false
}
