package corpus

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Boilerplate is recognised by phrasing, not by site: page furniture talks to
// the reader ("share your thoughts", "follow our updates") or labels the page
// ("Related articles", "Photo:"), while news sentences report on third
// parties. Three pattern sets follow, from most to least distinctive.

// engagementAnywhere matches reader-directed phrases that are furniture
// wherever they appear in a short block, unless they sit inside a quotation.
var engagementAnywhere = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join([]string{
		`share this (?:article|story|post|page|piece)`,
		`share it with (?:a|your) friends?`,
		`let us know`,
		`leave (?:a|your) (?:comment|reply|thoughts)`,
		`(?:comment|comments) (?:below|section)`,
		`in the comments`,
		`tell us (?:what|how|your|in)`,
		`what do you think`,
		`what are your thoughts`,
		`(?:we'd|we would|we['’]d) (?:love|like) to hear`,
		`have your say`,
		`(?:sign up|subscribe|register) (?:for|to) (?:our|the free|my|the \S+ newsletter)`,
		`(?:you have been|you['’]ve been|you['’]re) (?:successfully )?subscribed`,
		`(?:meet|delivered to|straight to|right in|in) your inbox`,
		`follow \S+(?: \S+)? on (?:instagram|facebook|twitter|youtube|tiktok|linkedin|threads|bluesky)`,
		`contributed (?:reporting )?to this (?:report|story|article)`,
		`(?:earn|receive) (?:an? )?(?:small )?(?:affiliate )?commission`,
		`our (?:daily |weekly |free )?newsletters?`,
		`subscribe (?:now|today|here)`,
		`follow us\b`,
		`stay tuned`,
		`(?:click|tap) here`,
		`all rights reserved`,
		`accept (?:all )?cookies`,
		`(?:this|our) (?:site|website) uses cookies`,
		`cookie (?:policy|settings|preferences)`,
		`privacy policy`,
		`terms of (?:use|service)`,
		`download (?:our|the) app`,
		`don['’]t miss (?:out|our)`,
		// Paywall pitches.
		`(?:subscribe|sign in|log in|register) to (?:continue|keep) reading`,
		`already (?:a subscriber|have an account|registered)`,
		`(?:this|the) (?:article|story|content) is (?:for|reserved for|available to|only available to) (?:subscribers|members|premium)`,
		`unlock (?:this|the full|unlimited) (?:article|story|access)`,
		`(?:get|start) (?:unlimited|full|digital) access`,
		`you['’]ve (?:reached|used) (?:your|the) (?:limit|free articles?)`,
		`free articles? (?:left|remaining)`,
	}, "|") + `)`)
})

// engagementStart matches labels that are furniture when they open a block.
var engagementStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		`read (?:more|next|also|the full)\b`,
		`related(?: \w+)?\s*:`,
		`continue reading\b`,
		`also read\b`,
		`see also\b`,
		`(?:related|recommended|more|popular|trending|latest) (?:stories|articles|posts|reading|coverage|content|links|topics|news|videos|from)\b`,
		`you (?:may|might) also (?:like|be interested)`,
		`more from\b`,
		`advertisement\b`,
		`sponsored\b`,
		`(?:photo|image|picture|photograph|video|illustration|graphic|graphics|credit|photo credit|image credit|image source|sources?|caption|featured image)s?\s*:`,
		`\(?(?:photos?|images?|pictures?|file photo)\s+(?:by|courtesy|credit|via|:)`,
		`(?:additional )?(?:reporting|editing|writing|research) by\b`,
		`filed under\b`,
		`tags?\s*:`,
		`topics?\s*:`,
		`table of contents\b`,
		`see more\b`,
		`don['’]t miss\b`,
		`must read\b`,
		`(?:like|enjoy(?:ed)?|love) this (?:story|article)`,
		`copyright\b`,
		`(?:follow|subscribe|share|like) (?:us|on)\b`,
		// "Read also" in the languages news pages most often use.
		`(?:leia|veja|lea|lee|lire|voir|lesen sie|leggi|lees|läs|les|læs|lue|czytaj|citește|čtěte|olvassa el|baca|читайте|дивіться) (?:também|tambien|también|aussi|auch|anche|ook|också|også|myös|także|și|také|még|juga|также|також)\b`,
		`(?:à lire|a lire|zum thema|mehr zum thema|weiterlesen|lire la suite|leer más|ler mais|continua a leggere)\b`,
	}, "|") + `)`)
})

// furnitureWhole matches blocks that are nothing but a furniture label.
var furnitureWhole = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		`comments?`, `share(?: this)?(?: on \w+)?`, `tweet`, `print`, `e-?mail`,
		`menu`, `home`, `skip to (?:main )?content`, `subscribe`, `log ?in`, `sign ?in`, `sign up`,
		`related`, `advertisement`, `advert`, `\d+ comments?`, `loading\.*`, `contents`, `table of contents`, `in this article`,
		`on this page`, `jump to`, `loading(?: content| comments)?`,
		`(?:image|photo|picture|slide|foto|bild|imagen|immagine)?\s*\d+\s*(?:of|/|von|de|di|sur)\s*\d+`, `share this article`, `newsletter`, `follow us`, `more`, `next`,
		`previous`, `back to top`, `top`, `read more`, `see more`, `show more`, `close`, `search`,
		`recommended`, `you may also like`, `most read`, `most popular`, `trending`, `tags`,
		// Ad slots, page tools and "next story" links.
		`sponsored(?: links?| content| stories| results)?`, `advertisements?`, `ads by \S+`, `promoted(?: stories| content)?`,
		`also in (?:the )?news`, `in other news`, `elsewhere on \S+(?: \S+)?`,
		`go to (?:the )?(?:earlier|previous|next|last) (?:story|article|page)`, `go to (?:the )?news index`,
		`(?:previous|next|earlier|later) (?:story|article|page)`, `print(?:er[- ]friendly)? (?:version|page|this)`,
		`(?:e-?mail|send) (?:this )?(?:article |story )?to (?:a )?friends?`, `view all (?:news|stories|articles)`,
		`scroll down to read more`, `discuss this (?:story|article)(?: on .*)?`, `add your comment`, `reader views`,
		// A wire credit alone on a line.
		`(?:staff and )?agencies`, `bureau report`, `\S+(?: \S+)? staff`, `brought to you by [\p{L} .&-]{2,40}`,
		`(?:the )?(?:associated press|reuters|afp|agence france-presse|ap|dpa|aap|pti|ians|xinhua|efe|ansa|kyodo|yonhap|tass|anadolu)(?: (?:writer|reporter|correspondent))?`,
		// Button and player labels.
		`load more`, `show (?:more|less|all|comments)`, `listen(?: to (?:this|the) (?:article|story))?`,
		`(?:play|watch)(?: (?:video|now))?`, `expand`, `collapse`, `copy link`, `print this (?:article|page)`,
		`what do you think\??`, `your say`, `have your say`,
		// The same labels in the languages the corpus most often meets.
		`関連記事`, `leia também`, `veja também`, `lea también`, `artículos relacionados`, `notícias relacionadas`,
		`lesen sie auch`, `das könnte sie auch interessieren`, `à lire aussi`, `lire aussi`, `sur le même sujet`,
		`leggi anche`, `похожие статьи`, `читайте также`,
	}, "|") + `)[\s:.!?]*$`)
})

// wireSignOff is the line agency copy ends with: the agency's code, the
// initials of the desk that handled it and the time it was sent, "KNA SD
// RM 1652", "ABC JK 0912 GMT". Case matters: capitals only.
var wireSignOff = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\p{Lu}{2,8}(?: \p{Lu}{1,3}){1,4} (?:[01]\d|2[0-3])[0-5]\d(?: ?[A-Z]{2,4})?$`)
})

// stampStart opens a publication stamp: "Updated 11:21 pm CST, Tuesday",
// "Published: 20 Nov 2019", "Publicado por Ana Lima".
var stampStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:posted|published|updated|last updated|first published|last modified|modified|` +
		`publicado|atualizado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato)\b`)
})

// stampAgent matches the "by"-word after a stamp's verb ("Posted by").
var stampAgent = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\S+(?: \S+)?\s+(?:by|por|par|von|di|da)\s`) })

// isStamp reports a publication stamp: a stamp verb followed by a date or
// time (it has a digit) or by an author ("Posted by Ana Lima"), in a line
// too short to be a sentence. "Updated guidance for landlords" is a
// heading and "Published by the statistics office on Monday, the figures
// show ..." a sentence, not stamps.
func isStamp(t string) bool {
	if !stampStart().MatchString(t) {
		return false
	}
	words := countWords(t, 11)
	return words <= 10 && strings.ContainsAny(t, "0123456789") || words <= 6 && stampAgent().MatchString(t)
}

// relatedLabel matches a short label over a list of other stories: "More
// Great Stories", "Related coverage", "Top news".
var relatedLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:more|related|recommended|popular|trending|latest|top|further|other|editors['’]? picks)\b` +
		`.*\b(?:stories|articles|posts|reads|reading|news|videos|links|coverage)[\s:.!?]*$`)
})

// slotLabel matches furniture labels that stand for themselves.
var slotLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(?:advertisement|advert|sponsored|loading)[\s:.]*$|(?:image|photo|picture|slide) \d+\b)`)
})

// isFurnitureLabel reports a short block that introduces furniture: the
// heading of a related-stories list, "Read more", "Don't miss".
func isFurnitureLabel(t string) bool {
	t = strings.TrimSpace(t)
	if countWords(t, 9) > 8 {
		return false
	}
	if slotLabel().MatchString(t) {
		// An ad slot or a gallery counter labels itself, not the list
		// after it.
		return false
	}
	// A label opening a credit or a note ("Image credit: Reuters") has
	// its content after it; a list label stands alone.
	return countWords(t, 6) <= 5 && relatedLabel().MatchString(t) || furnitureWhole().MatchString(t) ||
		countWords(t, 5) <= 4 && !strings.Contains(strings.TrimRight(t, ": "), ":") && engagementStart().MatchString(t)
}

// copyrightMark matches copyright notices.
var copyrightMark = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4})`)
})

// bylineName matches a byline: "By Jane Doe", "Written by Jane Doe and Ali
// Khan | Staff writers". Names are capitalised words; lower-case words other
// than connectors mean a sentence ("By Friday, prices rose").
var bylineStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:by|written by|words by|story by|reported by|text by|von|par|por|di|door|av|af|przez|autor:?|auteur\s*:|texto:?)\s+(\S.*)$`)
})

// bylineSplit separates the names of a byline.
var bylineSplit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i),|\s+(?:and|und|et|y|e|en|och|og|oraz)\s+|\s*&\s*`)
})

// notNames are capitalised words that start sentences after "By".
var notNames = map[string]bool{
	"the": true, "this": true, "that": true, "then": true, "now": true, "late": true, "early": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "contrast": true, "comparison": true,
	"law": true, "midday": true, "noon": true, "tonight": true, "tomorrow": true, "next": true,
	"last": true, "some": true, "most": true, "all": true, "many": true, "using": true,
	"taking": true, "making": true, "doing": true, "one": true, "two": true, "2024": true,
}

// isBoilerplate reports whether a block of the given kind and text is page
// furniture that must never become a claim: engagement prompts (sentences
// that tell the reader to act on the page, or put questions to the reader),
// newsletter and cookie boxes, share bars, bylines and photo credits,
// "Table of Contents". Shared by the text and HTML cleaners.
//
// It errs on the side of keeping text: a reader-directed phrase inside a
// quotation, or in a paragraph that mostly reports, does not make the block
// furniture. Cheap keyword checks guard every regular expression: this runs
// on every block of every page.
func isBoilerplate(kind BlockKind, text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return true
	}
	t = strings.TrimLeft(t, "-*•·▪–—>#|([") // leftover list and heading markers, an opening bracket
	t = strings.TrimSpace(t)
	if len(t) <= 60 && furnitureWhole().MatchString(t) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(t); len(t) <= 40 && unicode.IsUpper(r) && wireSignOff().MatchString(t) {
		return true
	}
	if kind == Title {
		return false
	}
	words := countWords(t, 81)
	lower := strings.ToLower(t)
	if words <= 40 && hasAny(lower, "©", "(c)", "copyright") && copyrightMark().MatchString(t) {
		return true
	}
	if strings.Count(t, "#") >= 2 && isHashtagBlock(t) {
		return true
	}
	if kind != TableRow && isStamp(t) {
		return true
	}
	if kind != TableRow && kind != Heading && isDateLine(t) {
		// A time heading titles a live blog's entry; elsewhere a bare
		// date or time stamps the page.
		return true
	}
	if words <= 5 && relatedLabel().MatchString(t) {
		return true
	}
	if kind != TableRow && kind != Heading {
		if engagementStart().MatchString(t) {
			return true
		}
		if isByline(t) {
			return true
		}
	}
	if kind == Paragraph && words <= 80 && isOnlyQuestions(t) && addressesReader(lower) {
		return true
	}
	if words <= 80 && (hasAny(lower, engagementKeys...) || hasReaderWord(lower)) {
		return isEngagement(t)
	}
	return false
}

// isByline reports "By Jane Doe"-style lines.
func isByline(t string) bool {
	m := bylineStart().FindStringSubmatch(t)
	if m == nil {
		return false
	}
	_, ok := parseByline(m[1])
	return ok
}

// parseByline splits the names of a byline ("Jane Doe and Ali Khan, Staff
// Writers | 3 March 2025") and reports whether it is one.
func parseByline(s string) ([]string, bool) {
	// Cut trailing roles, outlets and dates after separators.
	for _, sep := range []string{"|", "·", " — ", " – ", " - ", "•", "\u2022"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	// What follows the first number is a date or a time ("1 hour ago").
	if i := strings.IndexAny(s, "0123456789"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(strings.TrimRight(s, ".,;: "))
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 12 {
		return nil, false
	}
	first := strings.ToLower(strings.Trim(words[0], ",.;:"))
	if notNames[first] || !startsUpper(words[0]) {
		return nil, false
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:"))
		switch lw {
		case "and", "und", "et", "y", "e", "en", "och", "og", "oraz", "&", "of", "de", "van", "von", "der", "la", "le", "da", "al", "bin", "in", "for", "the", "staff", "with", "":
			continue
		}
		if !startsUpper(w) && !strings.ContainsAny(w, "@") {
			return nil, false
		}
	}
	var names []string
	for _, part := range bylineSplit().Split(s, -1) {
		part = strings.TrimSpace(part)
		pw := strings.Fields(part)
		if len(pw) < 2 || len(pw) > 4 {
			continue // "Staff Writers" after a comma is still two words: filtered below
		}
		if isRoleWords(pw) {
			continue
		}
		names = append(names, part)
	}
	return names, true
}

// isRoleWords reports words that name a role, not a person ("Staff Writer").
func isRoleWords(ws []string) bool {
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
			"editor", "editors", "contributor", "desk", "team", "bureau", "news", "senior", "chief":
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isHashtagBlock reports blocks made mostly of hashtags.
func isHashtagBlock(t string) bool {
	ws := strings.Fields(t)
	tags := 0
	for _, w := range ws {
		if len(w) > 1 && w[0] == '#' {
			tags++
		}
	}
	return tags >= 2 && tags*2 >= len(ws)-2
}

// dateWords are the words a date or time line is made of besides numbers:
// month and weekday names and their abbreviations, clock words, zone
// abbreviations and the connectors of "10:02 AM CST on Friday".
var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april may june july august september october
		november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
		thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun am pm a p m
		gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et ct pt mt ist jst aest aedt hkt sgt
		mez mesz z on at of the updated published posted last first modified st nd rd th h hrs`) {
		m[w] = true
	}
	return m
}()

// isDateLine reports a block that is nothing but a date or a time:
// "Saturday 05 Jan 2008 20:43", "10:02 AM CST on Friday, December 28,
// 2007", "11/01/2008 2:35:41 PM". Such a line stamps the page; it states
// nothing. It needs a number and a month, a weekday or a clock time.
func isDateLine(t string) bool {
	if len(t) > 90 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < 2 || len(words) > 14 {
		return false
	}
	named := strings.Contains(t, ":") || strings.Count(t, "/") == 2 || strings.Count(t, ".") == 2
	for _, w := range words {
		switch {
		case isDigits(w):
		case dateWords[w]:
			if len(w) >= 3 && w != "the" && w != "last" && w != "first" && w != "updated" &&
				w != "published" && w != "posted" && w != "modified" {
				named = true
			}
		case len(w) > 2 && isDigits(w[:len(w)-2]) && dateWords[w[len(w)-2:]]:
			// "5th", "20pm"
		case isZone(w):
			// any zone a header prints: "06:15 NZST", "09:00 EAT"
		default:
			return false
		}
	}
	return named
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isZone reports a time zone abbreviation that wire headers print.
func isZone(w string) bool {
	_, ok := zoneOffsets[strings.ToUpper(w)]
	return ok && len(w) > 1
}
