package corpus

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// The document-level passes of the text cleaner run once all blocks are
// parsed, because what a line is often depends on its neighbours: a short
// line is a heading when a paragraph or a list follows it, a list is a table
// of contents when its items come back later as headings.

// tocHeading matches the labels of a table of contents.
var tocHeading = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:table of contents|contents|in this (?:article|story|post|guide)|on this page|jump to(?: section)?|quick links|article contents|what['’]s inside|skip to)\s*:?$`)
})

// metaLine matches "Key: value" pairs separated by "|", "·" or "•", the
// metadata header that scraped articles carry: "Date: 2025-12-22 09:27 |
// Source: Ministry press briefing".
var (
	metaPair = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(?i:(` + dateLabels + `|` + labelAlternation([]string{"headline", "slug",
			"keywords", "priority", "urgency", "programme", "program", "edition", "words", "word count", "source",
			"ref", "reference", "ref no", "story id", "item id",
			"publisher", "author", "authors", "by", "byline", "section", "desk", "category", "language", "lang",
			"original language", "original headline", "translation", "translated by", "translator"}) +
			`))\s*:\s*(\S.*?)\s*$`)
	})
	metaSep = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+[|·•]\s+|\s{2,}`) })
)

// dateline matches the opening of wire copy: a place in capitals, an
// optional date, an optional agency in brackets and a dash: "MIAMI –",
// "KYIV, Dec. 3 (Reuters) -", "LONDON (AP) —", "WASHINGTON, D.C. —".
var dateline = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\p{Lu}[\p{Lu}.'’]+(?:[ -]\p{Lu}[\p{Lu}.'’]+)*)(?:,\s*(?:\p{Lu}[\p{L}.]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}\.?\s+\p{L}+\.?)(?:,?\s*\d{4})?){0,2}\s*(?:\(([\p{L}][\p{L} .&-]{0,30})\))?\s*\.?(?:[-–—]{1,2}|_)\s+\S`)
})

// textDocumentPasses settles the header (metadata lines above the story),
// title, bylines, the dateline, headings, the table of contents and
// boilerplate sections. opt.Published supplies the year of a dateline
// when the header has no date.
// topDateBlocks is how many blocks from the top a date found in the text
// may date the document.
const topDateBlocks = 7

func textDocumentPasses(doc *Document, bs []rawBlock, opt Options) []rawBlock {
	var h header
	readHeader(doc, &h, bs)
	bs = takeTitle(doc, bs)
	agency := ""
	datelineSeen := false
	for i := range bs {
		b := &bs[i]
		if !b.plain || b.boilerplate {
			continue
		}
		if m := bylineStart().FindStringSubmatch(strings.TrimSpace(b.text)); m != nil && len(strings.Fields(b.text)) <= 16 {
			if names, ok := parseByline(m[1]); ok {
				for _, n := range names {
					doc.Authors = appendAuthor(doc.Authors, titleCaseWords(n))
				}
				b.boilerplate = true
				continue
			}
		}
		if datelineSeen || i > 12 {
			continue // only the story's opening carries its dateline
		}
		if di, ok := storyDateline(b.text); ok {
			datelineSeen = true
			agency = di.agency
			applyDateline(doc, &h, b.text, opt)
			if di.alone {
				b.boilerplate = true // "Wakefield, 9 June 2026" over the story
			}
		}
	}
	if doc.Source == "" && agency != "" {
		doc.Source = agency
	}
	if doc.Published.IsZero() {
		if t, ok := h.published(); ok {
			doc.Published, doc.PublishedFrom = t, firstNonEmpty(h.from, "header")
		} else if !h.updated.IsZero() {
			// Only a revision dates the story: the story is no younger.
			doc.Published, doc.PublishedFrom = h.updated, "header"
		}
	}
	// Last resort, as for HTML pages: a full date near the top, in a line
	// the header reader does not know ("*Broadcast: Wednesday 18 November
	// 2026, 12:10. Presenter: ...*", "Issue #212 · Friday 6 November
	// 2026", "For immediate release — 17 November 2026"). Only above the
	// story, and only a date that a label or a separator introduces, or
	// that opens a line of no prose: a date in the story's sentences is
	// what the story is about. Such a line is the story's furniture, not
	// a claim dated by its own publication, also when the date came from
	// elsewhere ("Digest — Tuesday 21 April 2026" under a dated header).
	known := !doc.Published.IsZero() || !opt.Published.IsZero()
	for i := range min(len(bs), topDateBlocks) {
		t := strings.TrimSpace(bs[i].text)
		// A translator's note is furniture also when set off as a quote
		// ("> Translated from Spanish. Original: ..., print edition of
		// 9 February 2026").
		note := translationNote(t)
		if (bs[i].kind == Quote || bs[i].kind == Caption) && !note {
			continue
		}
		if note {
			bs[i].boilerplate = true
		}
		prose := isProse(t) && endsSentence(t) && !note
		if ts, ok := metaDate(t, prose); ok {
			if !known {
				doc.Published, doc.PublishedFrom = ts, "text"
				if !prose {
					bs[i].boilerplate = true
				}
				break
			}
			if !prose && bs[i].kind != Heading && sameDay(ts, cmp.Or(doc.Published, opt.Published)) {
				bs[i].boilerplate = true
			}
		}
		if prose {
			break
		}
	}
	if doc.Published.IsZero() && opt.Published.IsZero() {
		// A newsletter's masthead as its headline: "TravelBiz Daily
		// Digest — Tuesday 21 April 2026".
		if ts, ok := titleDate(doc.Title); ok {
			doc.Published, doc.PublishedFrom = ts, "text"
		}
	}
	if doc.Modified.IsZero() && h.hasUpdClock && h.hasDate {
		// "Published July 18 | Updated 10:05": the update's day is the
		// story's own.
		u := header{date: h.date, hasDate: true, clock: h.updClock, hasTime: true, zone: firstZone(h.updZone, h.zone)}
		if t, _ := u.published(); !t.Before(doc.Published) {
			doc.Modified = t
		}
	}

	toc := tocKeys(bs)
	bs = promoteHeadings(bs, toc)
	markTOC(doc, bs)
	markBoilerplateSections(bs)
	return bs
}

// hasYearDay reports a line that names a day with its year.
func hasYearDay(t string) bool {
	y, _, _, ok := parseDay(t)
	return ok && y > 0
}

// readHeader reads the metadata lines above the story: "Key: value"
// lines, date and time lines, language lines, word counts, and source and
// section lines, marking them furniture. The header ends at the first
// paragraph of prose. A source line ("Agency | Markets") looks like a
// headline, so it counts only in a header that has other metadata lines.
func readHeader(doc *Document, h *header, bs []rawBlock) {
	strong := 0
	var maybeSource []int
	for i := range bs {
		b := &bs[i]
		if !b.plain {
			// A stamp underlined by a rule reads as a heading:
			// "2026/10/17 22:31 KST" over a line of dashes.
			// A clock alone is a live blog's entry ("10:04 a.m. ET").
			if t := strings.TrimSpace(b.text); b.kind == Heading && hasYearDay(t) && h.readDateLine(t) {
				b.boilerplate = true
				strong++
				continue
			}
			if b.kind == Heading {
				continue
			}
			break
		}
		t := strings.TrimSpace(b.text)
		switch {
		case readMetaLine(doc, h, t):
		case readDatedItem(doc, h, t):
		case readHeaderParts(doc, h, t):
		case h.readDateLine(t):
		case readPlaceDateLine(doc, h, t):
		case isWordCount(t):
		case languageLine(doc, t):
		case isEditorNote(t), wireSlug().MatchString(t):
		case translationNote(t):
		default:
			// A long headline above the header ("UPDATE 2-Norway's
			// Halvard to buy ... in $2.4 bln cash deal") is not yet the
			// story: prose ends its sentences.
			if isProse(t) && endsSentence(t) {
				goto done
			}
			if countWords(t, 11) <= 10 {
				maybeSource = append(maybeSource, i)
			}
			continue
		}
		b.boilerplate = true
		strong++
	}
done:
	if strong == 0 {
		return
	}
	for _, i := range maybeSource {
		if isBylineLine(bs[i].text) {
			continue // the byline pass below reads its names
		}
		if readSourceLine(doc, bs[i].text) || labelItems(bs[i].text) {
			bs[i].boilerplate = true
		}
	}
}

// labelItems reports a line of two or more short labels or names between
// item separators ("Translated from Spanish · Kessla Press Review"): in
// a header with dated lines, a line of its furniture, not the headline.
func labelItems(t string) bool {
	parts := headerPartSep().Split(strings.TrimSpace(t), -1)
	if len(parts) < 2 || len(parts) > 6 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if strings.ContainsAny(p, "0123456789") || !(isLabel(p) || isNameLike(p)) {
			return false
		}
	}
	return true
}

// headerPartSep separates the items of a combined header line:
// "July 14, 2026 / 6:02 AM EDT / Updated 2 hours ago", "Retail /
// Bankruptcy | 530 words", "2026-05-14 16:52 (GMT+8) // ENERGY".
var headerPartSep = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+(?:[/|·•*]|//)\s+`) })

// readHeaderParts reads a header line made of several items, each a date,
// a time, a labelled date ("Published 3 June 2026", "Last updated 22:10
// GMT"), a stamp ("Updated 2 hours ago"), a word count, a language, a
// byline, a source and its section ("Outlet — Transcripts") or a name or
// short label ("Live coverage"); at least one must date the story or
// describe the copy.
func readHeaderParts(doc *Document, h *header, t string) bool {
	parts := headerPartSep().Split(t, -1)
	if len(parts) < 2 || len(parts) > 6 {
		return false
	}
	const (
		partMeta = iota
		partDated
		partSince
		partDate
		partByline
		partSource
		partName
		partLabel
		partOther
	)
	kinds := make([]int, len(parts))
	var names []string
	meta := 0
	for i, p := range parts {
		p = strings.TrimSpace(p)
		parts[i] = p
		var probe header
		switch {
		case readDatedItem(&Document{}, &probe, p):
			kinds[i] = partDated
		case readSinceItem(&Document{}, &probe, p):
			kinds[i] = partSince
		case probe.readDateLine(p):
			kinds[i] = partDate
		case isStamp(p), isWordCount(p), readingTime().MatchString(p), languageCodeOK(p):
			kinds[i] = partMeta
		case bylineStart().MatchString(p) && countWords(p, 7) <= 6:
			kinds[i] = partByline
			continue
		case isSourceSection(p):
			kinds[i] = partSource
			continue
		case isNameLike(p) && !strings.ContainsAny(p, "0123456789"):
			kinds[i] = partName
			names = append(names, p)
			continue
		case isLabel(p):
			kinds[i] = partLabel
			continue
		case countWords(p, 11) <= 10 && !endsSentence(p):
			// Another short item ("Original: Diario X (Arequipa),
			// politics section"): only beside a date (below).
			kinds[i] = partOther
			continue
		default:
			return false
		}
		meta++
	}
	if meta == 0 {
		return false
	}
	if slices.Contains(kinds, partOther) && !slices.ContainsFunc(kinds, func(k int) bool { return k == partDated || k == partDate }) {
		return false
	}
	for i, p := range parts {
		switch kinds[i] {
		case partDated:
			readDatedItem(doc, h, p)
		case partSince:
			readSinceItem(doc, h, p)
		case partDate:
			h.readDateLine(p)
		case partMeta:
			languageLine(doc, p)
		case partByline:
			if names, ok := parseByline(bylineStart().FindStringSubmatch(p)[1]); ok {
				for _, n := range names {
					doc.Authors = appendAuthor(doc.Authors, titleCaseWords(n))
				}
			}
		case partSource:
			readSourceLine(doc, p)
		}
	}
	// Two or more names are a section path ("Retail / Bankruptcy"); one
	// name beside a date may be the site or the kind of piece, and is
	// left alone.
	// An agency's own name first ("KESSLA NEWSWIRE * ECONOMY") is the
	// source, and the rest its section.
	if len(names) > 1 && doc.Source == "" {
		if agencyName(strings.Fields(names[0])) {
			doc.Source, names = titleCaseWords(names[0]), names[1:]
			if len(names) == 1 && doc.Section == "" {
				doc.Section = titleCaseWords(names[0])
			}
		}
	}
	if len(names) > 1 && doc.Section == "" {
		doc.Section = strings.Join(names, " / ")
	}
	return true
}

// readingTime matches a reading-time item: "5 min read", "3 minutes read".
var readingTime = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\d{1,3}\s*(?:-\s*)?(?:min|mins|minutes?)\.?(?:\s+read(?:ing)?(?:\s+time)?)?$`)
})

// isSourceSection reports a source and its section, "Outlet — Transcripts".
func isSourceSection(t string) bool {
	parts := sourceSep().Split(t, -1)
	return len(parts) == 2 && !strings.ContainsAny(t, "0123456789") &&
		isNameLike(strings.TrimSpace(parts[0])) && isNameLike(strings.TrimSpace(parts[1]))
}

// isLabel reports a short label of a header item: "Transcript", "Outlet
// live coverage".
func isLabel(t string) bool {
	if !startsUpperOrDigit(t) || countWords(t, 7) > 6 || strings.ContainsAny(t, ",;:!?") {
		return false
	}
	// Numbers belong to names ("Volta FM 104.1", "Radio 4"), not to
	// sentences.
	return !strings.ContainsAny(t, "0123456789.") || isNameLike(t)
}

// isWordCount reports a word-count line: "612 words", "Words: 480".
func isWordCount(t string) bool {
	return wordCountRe().MatchString(t) && strings.ContainsAny(t, "0123456789") && countWords(t, 4) <= 3 &&
		strings.Contains(strings.ToLower(t), "word")
}

func languageCodeOK(t string) bool {
	_, ok := languageCode(t)
	return ok
}

// languageLine reads a language line into doc.
func languageLine(doc *Document, t string) bool {
	c, ok := languageCode(t)
	if !ok {
		return false
	}
	if doc.Language == "" {
		doc.Language = c
	}
	return true
}

// applyDateline records the dateline's place and, when neither front
// matter nor header dates the story, its date. A dateline without a year
// takes it from the header, else from the caller's publication date (the
// year that puts the day nearest to it).
func applyDateline(doc *Document, h *header, text string, opt Options) {
	di, ok := anyDateline(text)
	if !ok {
		return
	}
	year, month, day := di.year, di.month, di.day
	if doc.Dateline == "" {
		doc.Dateline = di.place
	}
	if month == 0 || !doc.Published.IsZero() || h.hasDate {
		return
	}
	from := "dateline"
	if year == 0 {
		if opt.Published.IsZero() {
			return
		}
		year, from = nearestYear(opt.Published, month, day), "dateline+published"
	}
	h.date, h.hasDate = time.Date(year, month, day, 0, 0, 0, 0, time.UTC), true
	if t, ok := h.published(); ok {
		doc.Published, doc.PublishedFrom = t, from
	}
}

// nearestYear returns the year that puts month and day nearest to ref:
// a "Dec. 31" dateline on a story given as published on 2 January is from
// the year before.
func nearestYear(ref time.Time, month time.Month, day int) int {
	best, bestD := ref.Year(), time.Duration(1<<62)
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		d := time.Date(y, month, day, 0, 0, 0, 0, time.UTC).Sub(ref)
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = y, d
		}
	}
	return best
}

// takeTitle moves the document's headline out of the blocks: the front
// matter title if any (a first block repeating it is dropped by assemble),
// else a leading heading, else a first line short enough to be a headline.
func takeTitle(doc *Document, bs []rawBlock) []rawBlock {
	if doc.Title != "" || len(bs) == 0 {
		return bs
	}
	// Header lines, a byline or a translator's note among them, may
	// stand above the headline.
	i := 0
	for i < len(bs) && (bs[i].boilerplate || bs[i].plain && isBylineLine(bs[i].text) || translationNote(strings.TrimSpace(bs[i].text))) && i < 12 {
		i++
	}
	if i == len(bs) {
		return bs
	}
	first := bs[i]
	switch {
	case first.kind == Heading:
	case first.kind == Paragraph && first.lines == 1 && isHeadlineLike(first.text, 30) && dateline().FindStringIndex(first.text) == nil:
	default:
		return bs
	}
	doc.Title = first.text
	return append(bs[:i:i], bs[i+1:]...)
}

// isBylineLine reports a line that is a byline alone: "By Jane Doe,
// Local Journalism Reporter".
func isBylineLine(t string) bool {
	t = strings.TrimSpace(t)
	return len(strings.Fields(t)) <= 16 && isByline(t)
}

// isHeadlineLike reports a line of at most maxWords words that does not end
// like a sentence (a headline may end with "?" or "!").
func isHeadlineLike(t string, maxWords int) bool {
	t = strings.TrimSpace(t)
	n := len(strings.Fields(t))
	if n == 0 || n > maxWords || len(t) > 250 {
		return false
	}
	trimmed := strings.TrimRight(t, `"”’')]`)
	return !strings.HasSuffix(trimmed, ".") && !strings.HasSuffix(trimmed, ",") && !strings.HasSuffix(trimmed, ";") && !strings.HasSuffix(trimmed, ":")
}

// isProse reports a body paragraph: one that ends the document's header
// area. A "Date: ... | Source: ..." line is the document's metadata only in
// that area; further down it heads a quoted report or a second story and
// names where that information came from, not who published the document,
// so it stays text.
func isProse(t string) bool {
	return countWords(t, 12) >= 12
}

// readMetaLine parses a "Date: ... | Source: ..." line into doc and
// reports whether the line was metadata.
func readMetaLine(doc *Document, h *header, t string) bool {
	if len(strings.Fields(t)) > 30 {
		return false
	}
	type kv struct{ k, v string }
	var pairs []kv
	for _, part := range metaSep().Split(strings.TrimSpace(t), -1) {
		m := metaPair().FindStringSubmatch(part)
		if m == nil {
			return false
		}
		pairs = append(pairs, kv{strings.ToLower(strings.Join(strings.Fields(m[1]), " ")), m[2]})
	}
	for _, p := range pairs {
		switch p.k {
		case "source", "publisher":
			if doc.Source == "" {
				doc.Source = outletName(normalizeText(p.v))
			}
		case "headline":
			if doc.Title == "" {
				doc.Title = normalizeText(p.v)
			}
		case "section", "desk", "category":
			if doc.Section == "" {
				doc.Section = normalizeText(p.v)
			}
		case "language", "lang":
			languageLine(doc, "language: "+p.v)
		case "author", "authors", "by", "byline":
			if names, ok := parseByline(p.v); ok {
				for _, n := range names {
					doc.Authors = appendAuthor(doc.Authors, titleCaseWords(n))
				}
			}
		default:
			if dated, update := labelKind(p.k); dated {
				readDatedValue(doc, h, update, p.v, false)
			}
		}
	}
	return true // Split gives at least one part, and every part matched
}

// headingKey reduces a heading or table-of-contents entry to a comparable
// form: numbering, punctuation and case removed ("10. 1. Rapid snapshot"
// and "1. Rapid snapshot" both become "rapid snapshot").
func headingKey(s string) string {
	s = normalizeText(s)
	for {
		t := strings.TrimLeft(s, " ")
		i := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == 0 || i > 3 || i >= len(t) || (t[i] != '.' && t[i] != ')') {
			break
		}
		s = t[i+1:]
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// tocKeys returns the keys of the entries of explicit tables of contents:
// the list that follows a "Table of Contents" label.
func tocKeys(bs []rawBlock) map[string]bool {
	keys := map[string]bool{}
	for i, b := range bs {
		if !tocHeading().MatchString(strings.TrimSpace(b.text)) {
			continue
		}
		for j := i + 1; j < len(bs) && bs[j].kind == ListItem && bs[j].group == bs[min(i+1, len(bs)-1)].group; j++ {
			if k := headingKey(bs[j].text); k != "" {
				keys[k] = true
			}
		}
	}
	return keys
}

// notHeading reports a short line that is an item, not a heading: a
// speaker's turn ("QUESTION (Canal Sur TV): Was this a cyberattack?"), a
// labelled detail ("Presenter: Harriet Onwuachi", "Tel: +353 1 555 0147",
// "Reading time: 5 minutes"), or a row of figures ("Revenue £248.6m
// £211.3m").
func notHeading(t string) bool {
	t = strings.TrimSpace(t)
	if turnLabel().MatchString(t) {
		return true
	}
	if label, _, ok := strings.Cut(t, ":"); ok && itemLabels[strings.ToLower(strings.TrimSpace(label))] {
		return true
	}
	return len(figureRe().FindAllString(t, 3)) >= 2
}

var (
	// turnLabel is a speaker label in capitals opening a line.
	turnLabel = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[\p{Lu}][\p{Lu} .'’-]{1,40}(?:\s*\([^()]{1,60}\))?:\s+\S`)
	})
	// figureRe is an amount or a count with a unit or sign.
	figureRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[$€£¥₹]\s?\d[\d.,]*\s?(?:m|bn|k|million|billion)?\b|\b\d[\d.,]*\s?(?:%|m|bn|million|billion)(?:\s|$)`)
	})
	itemLabels = map[string]bool{"tel": true, "tel.": true, "phone": true, "fax": true, "email": true, "e-mail": true,
		"words": true, "reading time": true, "read time": true, "presenter": true, "presenters": true, "host": true,
		"hosts": true, "speakers": true, "guest": true, "guests": true, "spokesperson": true, "contact": true,
		"media contact": true, "segment length": true, "duration": true, "running time": true, "producer": true}
)

// promoteHeadings turns plain lines and isolated numbered items that act
// as headings into Heading blocks. A line is a heading when it is listed in
// the table of contents, or when it is short, unpunctuated, followed by
// content, and either title-cased, introducing a list or table, or much
// shorter than the paragraph after it.
func promoteHeadings(bs []rawBlock, toc map[string]bool) []rawBlock {
	groupSize := map[int]int{}
	for _, b := range bs {
		if b.kind == ListItem {
			groupSize[b.group]++
		}
	}
	for i := range bs {
		b := &bs[i]
		isolatedNumber := b.kind == ListItem && isDigitMarker(b.marker) && groupSize[b.group] == 1
		if !(b.kind == Paragraph && b.plain && b.lines == 1) && !isolatedNumber {
			continue
		}
		if b.boilerplate {
			continue // metadata lines and bylines
		}
		if tocHeading().MatchString(strings.TrimSpace(b.text)) {
			if !isolatedNumber {
				b.kind = Heading
			}
			continue
		}
		text := b.text
		if isolatedNumber {
			text = b.marker + " " + b.text
		}
		if i+1 >= len(bs) || notHeading(b.text) {
			continue
		}
		next := bs[i+1]
		heading := false
		switch {
		case toc[headingKey(text)] && len(strings.Fields(text)) <= 20:
			heading = true
		case isolatedNumber && next.kind != ListItem:
			// "2. Who decides" between blocks of content: a numbered heading.
			heading = isHeadlineLike(b.text, 15)
		case !isHeadlineLike(b.text, 15) || strings.HasSuffix(strings.TrimSpace(b.text), "!"):
		case dateline().MatchString(b.text):
		case next.kind == ListItem && next.group != b.group, next.kind == TableRow:
			heading = startsUpperOrDigit(text) || len(strings.Fields(text)) <= 8
		case !startsUpperOrDigit(text):
		case isTitleCased(b.text):
			heading = true
		case next.kind == Paragraph && len(strings.Fields(b.text)) <= 6 && len(strings.Fields(next.text)) >= 3*len(strings.Fields(b.text))+6:
			heading = !strings.HasSuffix(strings.TrimSpace(b.text), "?")
		}
		if heading {
			b.kind, b.text, b.marker = Heading, text, ""
		}
	}
	return bs
}

func startsUpperOrDigit(s string) bool {
	for _, r := range strings.TrimSpace(s) {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// smallWords stay lower case in title-cased headings.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true, "for": true,
	"of": true, "on": true, "in": true, "to": true, "at": true, "by": true, "as": true, "with": true,
	"from": true, "into": true, "vs": true, "via": true, "per": true, "over": true, "after": true,
	"is": true, "are": true, "its": true, "than": true, "up": true, "out": true,
}

// isTitleCased reports text whose words, small words aside, mostly start
// with a capital or a digit: "Who Met and What Was Discussed".
func isTitleCased(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	caps, counted := 0, 0
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, `:,"“”‘’'()`))
		if i > 0 && smallWords[lw] {
			continue
		}
		counted++
		if startsUpperOrDigit(strings.Trim(w, `"“‘'(`)) {
			caps++
		}
	}
	return counted > 0 && caps*10 >= counted*7
}

// markTOC marks tables of contents as boilerplate: a labelled one (the
// label and the list under it) and an unlabelled list whose items are
// mostly the document's own headings.
func markTOC(doc *Document, bs []rawBlock) {
	headings := map[string]bool{headingKey(doc.Title): true}
	for _, b := range bs {
		if b.kind == Heading {
			headings[headingKey(b.text)] = true
		}
	}
	groups := map[int][]int{}
	for i, b := range bs {
		if b.kind == ListItem {
			groups[b.group] = append(groups[b.group], i)
		}
	}
	for i := range bs {
		if !tocHeading().MatchString(strings.TrimSpace(bs[i].text)) || bs[i].kind == ListItem {
			continue
		}
		bs[i].boilerplate = true
		if i+1 < len(bs) && bs[i+1].kind == ListItem {
			for _, j := range groups[bs[i+1].group] {
				bs[j].boilerplate = true
			}
		}
	}
	for _, idx := range groups {
		if len(idx) < 3 {
			continue
		}
		hits := 0
		for _, j := range idx {
			if headings[headingKey(bs[j].text)] {
				hits++
			}
		}
		if hits*10 >= len(idx)*6 {
			for _, j := range idx {
				bs[j].boilerplate = true
			}
		}
	}
}

// markBoilerplateSections marks the content under a furniture heading
// ("Engagement", "Related articles", "Comments") as boilerplate, up to the
// next heading.
func markBoilerplateSections(bs []rawBlock) {
	in := false
	for i := range bs {
		b := &bs[i]
		if b.kind == Heading {
			t := strings.TrimSpace(b.text)
			in = !tocHeading().MatchString(t) && (isBoilerplate(Heading, t) || engagementStart().MatchString(t))
			if in {
				b.boilerplate = true
			}
			continue
		}
		if in {
			b.boilerplate = true
		}
	}
}

// metaDate finds a date that a header item gives in t: one after a label
// or separator ("Broadcast: Wednesday 18 November 2026", "Issue #212 ·
// Friday 6 November 2026", "For immediate release — 17 November 2026"),
// or near the start of a line that is no prose ("17-FEB-2026 08:42 GMT",
// "Posted on August 15, 2026 by ...").
func metaDate(t string, prose bool) (time.Time, bool) {
	for _, loc := range textDateRe().FindAllStringIndex(t, 3) {
		before := t[:loc[0]]
		if prose && proseDateline(before, t[loc[1]:]) {
			if ts, ok := parseDate(t[loc[0]:loc[1]]); ok {
				return ts, true
			}
			continue
		}
		words := 0
		seps := ":·|—–•"
		if !prose {
			seps += "," // "Source: La Voce (Ragusa), print edition, 17 August 2026"
		}
		if i := strings.LastIndexAny(before, seps); i >= 0 {
			words = len(strings.Fields(before[i:])) - 1
		} else if prose {
			continue
		} else {
			words = len(strings.Fields(strings.Trim(before, "*_#[( ")))
			if words > 3 {
				continue
			}
		}
		if words > 4 {
			continue
		}
		if ts, ok := parseDate(t[loc[0]:loc[1]]); ok {
			return ts, true
		}
	}
	return time.Time{}, false
}

// proseDateline reports a date that dates the line it is in although the
// line reads as prose: one that opens it ("Wednesday, March 25, 2026 · A
// short daily briefing ..."), one that is a sentence of its own at its end
// ("... across the North. Saturday 25 April 2026."), or one right after a
// publication label ("Broadcast Friday 18 September 2026, 08:20.").
func proseDateline(before, after string) bool {
	b := trimWeekday(strings.TrimRight(strings.TrimLeft(before, "*_#[( "), " "))
	if b == "" {
		return true
	}
	if strings.HasSuffix(b, ".") && strings.Trim(after, "*_.) ") == "" {
		return true
	}
	// After a label, only a time may follow the date in its sentence:
	// "Released 14 March 2026 after a week in dock, the ferry ..." is
	// the story.
	fs := strings.Fields(b)
	rest := strings.TrimLeft(after, ", ")
	timed := rest == "" || rest[0] == '.' || rest[0] >= '0' && rest[0] <= '9'
	return timed && dateLabel[strings.ToLower(strings.Trim(fs[len(fs)-1], "*_:"))]
}

// titleDate reads the date that ends a title after a separator, its
// day's name allowed between: "Weekly Digest, 20 November 2026", "Digest
// — Tuesday 21 April 2026". A date inside a headline's words is the
// story's ("Strike called for Monday 16 March").
func titleDate(title string) (time.Time, bool) {
	locs := textDateRe().FindAllStringIndex(title, -1)
	if len(locs) == 0 {
		return time.Time{}, false
	}
	loc := locs[len(locs)-1]
	if strings.Trim(title[loc[1]:], " *_.") != "" {
		return time.Time{}, false
	}
	b := trimWeekday(title[:loc[0]])
	if r, _ := utf8.DecodeLastRuneInString(b); !strings.ContainsRune(",|·:—–-", r) {
		return time.Time{}, false
	}
	return parseDate(title[loc[0]:loc[1]])
}

// trimWeekday cuts a day's name from the end of the text before a date,
// with the spaces around it: the name goes with the date ("Wednesday,
// March 25, 2026"). Otherwise s without its closing spaces.
func trimWeekday(s string) string {
	s = strings.TrimRight(s, " ")
	i := strings.LastIndexByte(s, ' ') + 1
	if weekdayName(strings.Trim(s[i:], ",*_")) {
		return strings.TrimRight(s[:i], " ")
	}
	return s
}

// weekdayName reports an English day's name, in any case.
func weekdayName(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(w, d.String()) {
			return true
		}
	}
	return false
}

// wireSlug matches an agency's slug line above a story: "BC-HUNGARY-RATES",
// "US-FED-RATES/ (UPDATE 2)", "MIDEAST-TALKS (refiled with vote detail)".
var wireSlug = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+/?(?:\s*\([^()]{1,60}\))?$`)
})

// isEditorNote reports a bracketed note above a story: "[Translated from
// Korean | Foreign press digest]", "[Updated with police statement]".
func isEditorNote(t string) bool {
	return len(t) > 2 && len(t) < 200 && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") &&
		!strings.Contains(t[1:len(t)-1], "[") && !strings.Contains(t, "](")
}

// sameDay reports whether a date read from a line is the day of t, in
// t's zone or in UTC.
func sameDay(d, t time.Time) bool {
	day := d.Format(time.DateOnly)
	return day == t.Format(time.DateOnly) || day == t.UTC().Format(time.DateOnly)
}

// translationNote reports a note above a translated story, which names
// the original and its edition: "*Translated from Spanish. Original: El
// Vigía (Sonora), print edition of Friday 24 April 2026, page 3.*" It
// reads as prose but is furniture, and its date is the original's.
func translationNote(t string) bool {
	t = strings.ToLower(strings.TrimLeft(t, "*_([ "))
	for _, p := range []string{"translated from ", "translation from ", "translated by ", "translated item", "translation note", "translator's note", "translator’s note", "this article was translated", "this story was translated", "machine translated", "machine-translated", "original: "} {
		if strings.HasPrefix(t, p) {
			return len(t) < 400
		}
	}
	// "Note: Machine-assisted translation, reviewed by an editor."
	return strings.HasPrefix(t, "note:") && strings.Contains(t, "translat") && len(t) < 400
}

// outletName cuts a source value to the outlet it names: "Kessla Posten
// (Norland), print edition, 14 March 2026, p. 3" is Kessla Posten.
func outletName(v string) string {
	if i := strings.IndexAny(v, "(,;"); i > 0 {
		if n := strings.TrimSpace(v[:i]); n != "" {
			return n
		}
	}
	return v
}
