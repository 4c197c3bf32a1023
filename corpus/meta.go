package corpus

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
)

// pageMeta is what the page says about itself, before any fallback to the
// caller's options.
type pageMeta struct {
	Title         string
	Source        string
	Authors       []string
	Published     time.Time
	Modified      time.Time
	PublishedFrom string
	Language      string
	CanonicalURL  string
	// ArticleBody is the JSON-LD articleBody, the fallback for pages whose
	// visible body is empty or built by script.
	ArticleBody string
}

// ldArticle is the part of a JSON-LD article object we read. Fields that
// come in several shapes (string, object, array) stay raw.
type ldArticle struct {
	Type          json.RawMessage `json:"@type"`
	Headline      string          `json:"headline"`
	Name          string          `json:"name"`
	DatePublished string          `json:"datePublished"`
	DateCreated   string          `json:"dateCreated"`
	DateModified  string          `json:"dateModified"`
	Author        json.RawMessage `json:"author"`
	Creator       json.RawMessage `json:"creator"`
	Publisher     json.RawMessage `json:"publisher"`
	InLanguage    json.RawMessage `json:"inLanguage"`
	URL           string          `json:"url"`
	ArticleBody   string          `json:"articleBody"`
	Graph         json.RawMessage `json:"@graph"`
}

// articleTypes are the JSON-LD types that describe the page's article.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenews": true, "blogposting": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "socialmediaposting": true, "liveblogposting": true,
	"scholarlyarticle": true, "techarticle": true, "report": true, "webpage": false,
}

// extractMeta reads title, source, authors, dates, language and canonical
// URL from the whole page. Each field takes the most reliable evidence:
// JSON-LD, then meta tags, then markup, then the URL and visible text.
func extractMeta(doc *goquery.Document, loc string) pageMeta {
	var pm pageMeta
	metas := metaTags(doc)
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := strings.TrimSpace(metas[k]); v != "" {
				return v
			}
		}
		return ""
	}
	ld := jsonLD(doc)

	// Source (site name) first: title and author cleaning need it.
	pm.Source = first("og:site_name", "application-name", "twitter:site:name", "publisher", "dc.publisher", "cxenseparse:publication")
	if pm.Source == "" && ld != nil {
		pm.Source = ldName(ld.Publisher)
	}
	pm.Source = cleanSpace(pm.Source)

	// Canonical URL.
	if href, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok && isAbsURL(href) {
		pm.CanonicalURL = strings.TrimSpace(href)
	} else if u := first("og:url"); isAbsURL(u) {
		pm.CanonicalURL = u
	}

	// Title.
	title := first("og:title", "twitter:title")
	if title == "" && ld != nil {
		title = firstNonEmpty(ld.Headline, ld.Name)
	}
	if title == "" {
		title = doc.Find("h1").First().Text()
	}
	if title == "" {
		title = doc.Find("title").First().Text()
	}
	pm.Title = cleanTitle(title, pm.Source)

	// Language.
	lang, _ := doc.Find("html").First().Attr("lang")
	if lang == "" {
		lang = first("content-language", "og:locale", "dc.language", "language")
	}
	if lang == "" && ld != nil {
		lang = ldString(ld.InLanguage)
	}
	pm.Language = cleanLang(lang)

	if ld != nil {
		pm.ArticleBody = strings.TrimSpace(ld.ArticleBody)
	}

	// Dates: published and modified kept apart.
	if ld != nil {
		if t, ok := parseDate(firstNonEmpty(ld.DatePublished, ld.DateCreated)); ok {
			pm.Published, pm.PublishedFrom = t, "json-ld"
		}
		if t, ok := parseDate(ld.DateModified); ok {
			pm.Modified = t
		}
	}
	if pm.Published.IsZero() {
		for _, k := range []string{"article:published_time", "og:published_time", "article:published",
			"datepublished", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
			"dc.date", "dcterms.date", "date", "pubdate", "publishdate", "publish-date", "publish_date",
			"sailthru.date", "parsely-pub-date", "article.published", "og:article:published_time",
			"citation_publication_date", "originalpublicationdate"} {
			if t, ok := parseDate(metas[k]); ok {
				pm.Published, pm.PublishedFrom = t, "meta"
				break
			}
		}
	}
	if pm.Modified.IsZero() {
		for _, k := range []string{"article:modified_time", "og:updated_time", "datemodified",
			"dc.date.modified", "dcterms.modified", "last-modified", "article.updated", "lastmod"} {
			if t, ok := parseDate(metas[k]); ok {
				pm.Modified = t
				break
			}
		}
	}
	if pm.Published.IsZero() {
		if t, ok := timeElement(doc); ok {
			pm.Published, pm.PublishedFrom = t, "time-element"
		}
	}
	if pm.Published.IsZero() {
		for _, u := range []string{pm.CanonicalURL, first("og:url"), loc} {
			if t, ok := urlDate(u); ok {
				pm.Published, pm.PublishedFrom = t, "url"
				break
			}
		}
	}
	bylines := bylineTexts(doc)
	if pm.Published.IsZero() {
		for _, b := range append(bylines[:len(bylines):len(bylines)], dateTexts(doc)...) {
			if t, ok := findDateIn(b, pm.Language); ok {
				pm.Published, pm.PublishedFrom = t, "byline"
				break
			}
		}
	}
	if pm.Published.IsZero() {
		// A newsletter's title: "The Observer – Weekly Digest, 20
		// November 2026".
		if t, ok := titleDate(pm.Title); ok {
			pm.Published, pm.PublishedFrom = t, "title"
		}
	}

	// Authors.
	var raw []string
	if ld != nil {
		raw = append(raw, ldNames(ld.Author)...)
		if len(raw) == 0 {
			raw = append(raw, ldNames(ld.Creator)...)
		}
	}
	if len(raw) == 0 {
		for _, k := range []string{"author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "byl"} {
			if v := metas[k]; v != "" && !isAbsURL(v) {
				raw = append(raw, v)
				break
			}
		}
	}
	if len(raw) == 0 {
		doc.Find(`[itemprop="author"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			name := s.Find(`[itemprop="name"]`).First()
			if v, ok := name.Attr("content"); ok {
				raw = append(raw, v)
			} else if name.Length() > 0 {
				raw = append(raw, name.Text())
			} else if v, ok := s.Attr("content"); ok {
				raw = append(raw, v)
			} else {
				raw = append(raw, s.Text())
			}
			return len(raw) < 8
		})
	}
	if len(raw) == 0 {
		doc.Find(`a[rel="author"]`).Each(func(_ int, s *goquery.Selection) {
			raw = append(raw, s.Text())
		})
	}
	if len(raw) == 0 {
		raw = append(raw, bylines...)
	}
	pm.Authors = mergeBylineAuthors(cleanAuthors(raw, pm.Source), bylines, pm.Source)
	return pm
}

// mergeBylineAuthors adds the co-authors of a visible byline to the
// metadata's authors when the byline names every metadata author: sites
// often put only the first of "By A and B" in their meta tags. A byline
// that does not name them is someone else's (a teaser, a quoted column)
// and adds nothing.
func mergeBylineAuthors(authors, bylines []string, source string) []string {
	if len(authors) == 0 {
		return authors
	}
	for _, b := range bylines {
		names := cleanAuthors([]string{b}, source)
		if len(names) <= len(authors) {
			continue
		}
		have := make(map[string]bool, len(names))
		for _, n := range names {
			have[strings.ToLower(n)] = true
		}
		all := true
		for _, a := range authors {
			if !have[strings.ToLower(a)] {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		out := slices.Clone(authors)
		for _, n := range names {
			if !slices.ContainsFunc(out, func(a string) bool { return strings.EqualFold(a, n) }) {
				out = append(out, n)
			}
		}
		return out
	}
	return authors
}

// metaTags maps lower-cased meta name/property/itemprop/http-equiv to the
// first non-empty content seen.
func metaTags(doc *goquery.Document) map[string]string {
	m := make(map[string]string)
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok {
			if cs, ok := s.Attr("charset"); ok {
				m["charset"] = cs
			}
			return
		}
		content = strings.TrimSpace(content)
		if content == "" {
			return
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if v, ok := s.Attr(k); ok {
				key := strings.ToLower(strings.TrimSpace(v))
				if _, seen := m[key]; !seen && key != "" {
					m[key] = content
				}
			}
		}
	})
	// itemprop dates on non-meta elements: <span itemprop="datePublished" content=...>.
	for _, k := range []string{"datePublished", "dateModified"} {
		key := strings.ToLower(k)
		if _, ok := m[key]; ok {
			continue
		}
		s := doc.Find(`[itemprop="` + k + `"]`).First()
		if v := firstNonEmpty(s.AttrOr("content", ""), s.AttrOr("datetime", "")); v != "" {
			m[key] = v
		}
	}
	return m
}

// jsonLD returns the first article object in the page's JSON-LD, looking
// into arrays and @graph. Broken JSON is skipped: it is common.
func jsonLD(doc *goquery.Document) *ldArticle {
	var found *ldArticle
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		raw := strings.TrimSpace(s.Text())
		raw = strings.TrimSuffix(strings.TrimPrefix(raw, "<!--"), "-->")
		found = findLDArticle(json.RawMessage(raw), 0)
		return found == nil
	})
	return found
}

func findLDArticle(raw json.RawMessage, depth int) *ldArticle {
	raw = json.RawMessage(strings.TrimSpace(string(raw)))
	if len(raw) == 0 || depth > 4 {
		return nil
	}
	if raw[0] == '[' {
		var arr []json.RawMessage
		if json.Unmarshal(raw, &arr) != nil {
			return nil
		}
		for _, r := range arr {
			if a := findLDArticle(r, depth+1); a != nil {
				return a
			}
		}
		return nil
	}
	var a ldArticle
	if json.Unmarshal(raw, &a) != nil {
		return nil
	}
	for _, t := range ldStrings(a.Type) {
		if articleTypes[strings.ToLower(t)] {
			return &a
		}
	}
	if len(a.Graph) > 0 {
		return findLDArticle(a.Graph, depth+1)
	}
	return nil
}

// ldStrings reads a JSON-LD value that is a string or an array of strings.
func ldStrings(raw json.RawMessage) []string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []string{s}
	}
	var ss []string
	if json.Unmarshal(raw, &ss) == nil {
		return ss
	}
	return nil
}

func ldString(raw json.RawMessage) string {
	if ss := ldStrings(raw); len(ss) > 0 {
		return ss[0]
	}
	return ldName(raw)
}

// ldName reads the name of a JSON-LD thing: a string or {"name": ...}.
func ldName(raw json.RawMessage) string {
	if names := ldNames(raw); len(names) > 0 {
		return names[0]
	}
	return ""
}

// ldNames reads the names of a JSON-LD person/organisation value: a
// string, an object with name, or an array of either.
func ldNames(raw json.RawMessage) []string {
	raw = json.RawMessage(strings.TrimSpace(string(raw)))
	if len(raw) == 0 {
		return nil
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil && !isAbsURL(s) {
			return []string{s}
		}
	case '{':
		var o struct {
			Name json.RawMessage `json:"name"`
		}
		if json.Unmarshal(raw, &o) == nil {
			return ldStrings(o.Name)
		}
	case '[':
		var arr []json.RawMessage
		if json.Unmarshal(raw, &arr) == nil {
			var out []string
			for _, r := range arr {
				out = append(out, ldNames(r)...)
			}
			return out
		}
	}
	return nil
}

// timeElement finds the publication <time>: one marked as such, or the
// first inside the article or a byline, never one in navigation or teasers.
func timeElement(doc *goquery.Document) (time.Time, bool) {
	var best time.Time
	bestRank := 0
	doc.Find("time").Each(func(_ int, s *goquery.Selection) {
		v := firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", ""))
		if v == "" {
			v = s.Text()
		}
		t, ok := parseDate(v)
		if !ok {
			return
		}
		rank := 1
		if s.Closest("nav, footer, aside, [class*=related], [class*=teaser], [class*=comment]").Length() > 0 {
			return
		}
		if s.Closest("article, main, [itemprop=articleBody], [class*=byline], [class*=article-header], [class*=meta]").Length() > 0 {
			rank = 2
		}
		ip := strings.ToLower(s.AttrOr("itemprop", ""))
		cls := strings.ToLower(s.AttrOr("class", ""))
		switch {
		case ip == "datemodified" || strings.Contains(cls, "updated") || strings.Contains(cls, "modified"):
			return
		case s.Is("[pubdate]") || ip == "datepublished" || strings.Contains(cls, "publish"):
			rank = 3
		}
		if rank > bestRank {
			best, bestRank = t, rank
		}
	})
	return best, bestRank > 0
}

// dateTexts returns the texts of the elements a page marks as the
// article's date or metadata line ("pubdate", "post-date", "article-meta",
// "meta"), outside the page's header, navigation and footer, whose "today's
// date" is the day of the visit.
func dateTexts(doc *goquery.Document) []string {
	var out []string
	doc.Find(`[class*="pubdate"], [class*="publish"], [class*="post-date"], [class*="article-date"], [class*="entry-date"], [class*="meta"], [class*="art-info"], [class*="article-info"], [class*="story-info"], [class*="post-info"], time`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Closest("header, nav, footer, aside, [class*=related], [class*=comment], [id*=top-bar], [class*=top-bar]").Length() > 0 {
			return true
		}
		if c, _ := s.Attr("class"); strings.Contains(strings.ToLower(c), "today") {
			return true
		}
		if t := cleanSpace(s.Text()); t != "" && len(t) < 300 {
			out = append(out, t)
		}
		return len(out) < 6
	})
	return out
}

// bylineTexts returns the visible texts of byline-like elements.
func bylineTexts(doc *goquery.Document) []string {
	var out []string
	doc.Find(`[class*="byline"], [class*="Byline"], [rel="author"], [class*="author-name"], [class*="dateline"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Closest("nav, footer, aside, [class*=related], [class*=comment]").Length() > 0 {
			return true
		}
		if t := cleanSpace(s.Text()); t != "" && len(t) < 300 {
			out = append(out, t)
		}
		return len(out) < 4
	})
	return out
}

// Author cleaning ------------------------------------------------------------

var (
	byPrefixRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*(written\s+by|posted\s+by|reported\s+by|words\s+by|by|from|von|par|por|di)\b[:\s]*`)
	})
	emailRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\S+@\S+\.\S+`) })
	urlRe       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bhttps?://\S+|\bwww\.\S+`) })
	handleRe    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`@\w+`) })
	authorSplit = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*`)
	})
	roleWordsRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(staff|reporter|correspondent|editor|writer|contributor|columnist|updated|published|posted|minutes?|min read|read|photos?|photographer|associated press|reuters|afp|agency|news|team|desk|bureau|senior|chief|follow|twitter|email)\b`)
	})
	authorTailRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(updated|published|posted|last modified|modified)\b.*$`)
	})
	authorDateRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}:\d{2}|\d{4})\b.*$`)
	})
)

// cleanAuthors turns raw author strings into person names: no "By", no
// dates, emails, URLs or handles, no site or agency names, one name per
// entry ("A and B" -> "A", "B"), no duplicates.
func cleanAuthors(raw []string, source string) []string {
	var out []string
	seen := map[string]bool{}
	srcKey := strings.ToLower(source)
	for _, r := range raw {
		r = cleanSpace(r)
		// What follows a pipe, a dash or a middle dot is an affiliation
		// or a date ("By Beacon Reporters · Last updated …").
		for _, sep := range []string{" | ", " – ", " — ", " - ", " · ", " • ", "\n"} {
			if i := strings.Index(r, sep); i > 0 {
				r = r[:i]
			}
		}
		r = emailRe().ReplaceAllString(r, " ")
		r = urlRe().ReplaceAllString(r, " ")
		r = handleRe().ReplaceAllString(r, " ")
		r = byPrefixRe().ReplaceAllString(r, "")
		r = authorTailRe().ReplaceAllString(r, "")
		r = authorDateRe().ReplaceAllString(r, "")
		for _, part := range authorSplit().Split(r, -1) {
			name := strings.Trim(cleanSpace(byPrefixRe().ReplaceAllString(part, "")), " .,:;-–—()[]")
			if !plausibleName(name) {
				continue
			}
			if srcKey != "" && strings.Contains(strings.ToLower(name), srcKey) {
				continue
			}
			key := strings.ToLower(name)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, name)
		}
	}
	return out
}

// plausibleName accepts 1-5 words of letters that are not a role or agency.
func plausibleName(s string) bool {
	if s == "" || len(s) > 60 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 5 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	return !roleWordsRe().MatchString(s)
}

// Title, language, URL helpers -----------------------------------------------

var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // "}

// cleanTitle removes a site-name suffix or prefix ("Headline | Site").
func cleanTitle(title, source string) string {
	title = cleanSpace(title)
	if title == "" {
		return ""
	}
	srcKey := strings.ToLower(source)
	for range 2 {
		changed := false
		for _, sep := range titleSeps {
			i := strings.LastIndex(title, sep)
			if i <= 0 {
				continue
			}
			head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
			tailKey := strings.ToLower(tail)
			isSite := srcKey != "" && (tailKey == srcKey || strings.Contains(tailKey, srcKey) || strings.Contains(srcKey, tailKey))
			// Without a known site name, a short tail after a pipe is
			// still a site name; after a dash it may be the headline's own.
			if !isSite && sep != " - " && sep != " – " && sep != " — " && len(strings.Fields(tail)) <= 3 && len(strings.Fields(head)) >= 3 {
				isSite = true
			}
			if isSite && len(head) > 0 {
				title, changed = head, true
				break
			}
			// "Site | Headline"
			if j := strings.Index(title, sep); j > 0 && srcKey != "" && strings.EqualFold(strings.TrimSpace(title[:j]), source) {
				title, changed = strings.TrimSpace(title[j+len(sep):]), true
				break
			}
		}
		if !changed {
			break
		}
	}
	return title
}

// cleanLang normalises "en_US" to "en-US" and drops junk.
func cleanLang(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 16 {
		return ""
	}
	return s
}

func isAbsURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// cleanSpace collapses whitespace; used on metadata, which is not a block.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Dates ----------------------------------------------------------------------

// dateLayouts are the forms pages write dates in, most specific first.
// Layouts without a zone are read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/01/02",
	"20060102",
	"20060102T150405Z0700",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006",
	"Monday, January 2, 2006 15:04",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"January 2, 2006 15:04 MST",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 3:04 PM MST",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006",
	"Jan 2 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"2-Jan-2006",
	"02.01.2006 15:04",
	"02.01.2006",
	"January 2006",
}

var (
	ordinalRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(\d{1,2})(st|nd|rd|th)\b`) })
	monthDotRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.`)
	})
	ampmRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\s*\b([ap])\.?m\.?(\s|$)`) })
	atRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\s+at\s+|\s*,\s*(\d{1,2}:\d{2})`) })
	usZoneRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s+(ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|MT|MST|MDT|GMT|UTC|BST|CET|CEST)$`)
	})
)

// usZones are fixed offsets for the zone abbreviations news sites print;
// Go's parser only knows the local zone's abbreviations.
var usZones = map[string]int{
	"ET": -5, "EST": -5, "EDT": -4, "CT": -6, "CST": -6, "CDT": -5, "PT": -8,
	"PST": -8, "PDT": -7, "MT": -7, "MST": -7, "MDT": -6, "GMT": 0, "UTC": 0,
	"BST": 1, "CET": 1, "CEST": 2,
}

// parseDate reads one date or timestamp in any of the common forms. A date
// outside 1990..2100 is refused: it is a parsing accident, not a
// publication date.
func parseDate(s string) (time.Time, bool) {
	s = cleanSpace(s)
	if s == "" || len(s) > 80 {
		return time.Time{}, false
	}
	if t, ok := tryLayouts(s); ok {
		return t, true
	}
	// Normalise the prose forms: "Dec. 22nd, 2025 at 9:27 a.m. ET".
	n := ordinalRe().ReplaceAllString(s, "$1")
	n = monthDotRe().ReplaceAllString(n, "$1")
	n = strings.ReplaceAll(n, "Sept ", "Sep ")
	n = atRe().ReplaceAllStringFunc(n, func(m string) string {
		if i := strings.IndexAny(m, "0123456789"); i >= 0 {
			return " " + m[i:]
		}
		return " "
	})
	n = ampmRe().ReplaceAllStringFunc(n, func(m string) string {
		m = strings.ToUpper(strings.TrimSpace(m))
		return " " + string(m[0]) + "M "
	})
	n = strings.TrimPrefix(strings.TrimPrefix(n, "Updated "), "Published ")
	n = strings.TrimPrefix(strings.TrimPrefix(n, "updated "), "published ")
	offset, zoned := 0, false
	if m := usZoneRe().FindStringSubmatch(n); m != nil {
		offset, zoned = usZones[m[1]], true
		n = strings.TrimSpace(n[:len(n)-len(m[0])])
	}
	n = cleanSpace(strings.Trim(n, " ,|"))
	t, ok := tryLayouts(n)
	if !ok {
		return time.Time{}, false
	}
	if zoned {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0,
			time.FixedZone("", offset*3600))
	}
	return t, true
}

func tryLayouts(s string) (time.Time, bool) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2100 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	urlDateRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)
	})
	// textDateRe finds a date written in prose or ISO form.
	textDateRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(?:` +
			`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?` +
			`|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
			`|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}` +
			`|\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-\d{4}` +
			`|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}` +
			`)`)
	})
)

// urlDate reads a date from a URL path: /2025/12/22/, /2025-12-22/, /20251222/.
func urlDate(u string) (time.Time, bool) {
	if u == "" {
		return time.Time{}, false
	}
	if p, err := url.Parse(u); err == nil && p.Path != "" {
		u = p.Path
	}
	m := urlDateRe().FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	return parseDate(m[1] + "-" + m[2] + "-" + m[3])
}

// findDate returns the first date written in a piece of text.
func findDate(s string) (time.Time, bool) { return findDateIn(s, "") }

// findDateIn is findDate on a page in language lang (see numericDate).
func findDateIn(s, lang string) (time.Time, bool) {
	for _, m := range textDateRe().FindAllString(s, 3) {
		if t, ok := numericDate(m, lang); ok {
			return t, true
		}
		if t, ok := parseDate(m); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// numericDate reads "19/09/2026" or "19.09.2026" as parseDay does (day
// first, or month first when the first number cannot be a month and the
// second can). A date that reads both ways ("04/03/2026") is read day
// first only where the page's writing says so: dotted, or with slashes on
// a page in another language than English or in the English of a country
// that writes the day first (en-GB, en-IN). US pages, and English ones
// that do not say where, write the month first, so there it is refused.
func numericDate(s, lang string) (time.Time, bool) {
	m := numDateRe().FindStringSubmatch(s)
	if m == nil || len(m[1]) == 4 {
		return time.Time{}, false
	}
	lang = strings.ToLower(lang)
	dayFirst := m[2] == "." || m[2] == "/" && lang != "" && lang != "en" && lang != "en-us"
	if a, _ := strconv.Atoi(m[1]); a <= 12 && !dayFirst {
		if b, _ := strconv.Atoi(m[3]); b <= 12 {
			return time.Time{}, false
		}
	}
	y, mo, d, ok := parseDay(s)
	if !ok {
		return time.Time{}, false
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}
