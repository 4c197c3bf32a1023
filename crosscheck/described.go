package crosscheck

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/claimdex/claimdex/extract"
)

// Described roles. Officials below the rank of a titled minister are
// usually introduced by what they lead, in lower case: "Rosa Condori,
// head of civil defence for the Arequipa region", "said Rafael Cuesta,
// director of the regional forest fire service", "the authority's
// executive secretary, Dr. Halima Nsubuga", "the fire service is headed
// by Javier Montoro". The role is the leading post; its qualifier is the
// description of the body led, compared by its content words, so that
// "the regional forest fire service" and "the forest fire service of
// Andalusia" are one body, and "civil defence" and "the fire service" are
// two.

// leadNouns are posts one person holds at a time. Heads, directors,
// chiefs and leaders of a body are one post as outlets name it.
var leadNouns = map[string]string{
	"head": "head", "director": "head", "chief": "head", "leader": "head",
	"executive secretary": "executive secretary", "secretary-general": "secretary general",
	"secretary general": "secretary general", "director-general": "director general",
	"director general": "director general", "chair": "chair", "chairman": "chair",
	"chairwoman": "chair", "chairperson": "chair", "president": "president",
	"commissioner": "commissioner", "coordinator": "coordinator",
}

var (
	leadAlt = `head|director|chief|leader|executive secretary|secretary[- ]general|director[- ]general|chair(?:man|woman|person)?|president|commissioner|coordinator`
	// "NAME, (the) director of the regional fire service" (after the name).
	reLeadAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^,\s+(?:the\s+|its\s+|their\s+)?(?:new\s+|current\s+)?(` + leadAlt + `)\s+(?:of|for|at)\s+([^,.;:()"“”]{3,80})`)
	})
	// "NAME, who heads the regional civil defence".
	reLeadsAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^,\s+who\s+(?:heads|leads|runs|directs|chairs)\s+([^,.;:()"“”]{3,80})`)
	})
	// "the authority's executive secretary, NAME" (before the name).
	reLeadBefore = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|\W)(?:the\s+)?([a-z][\w’' -]{2,60}?)(?:’s|'s)\s+(` + leadAlt + `)\s*,?\s*(?:dr\.?\s+|mr\.?\s+|ms\.?\s+|mrs\.?\s+|prof\.?\s+)?$`)
	})
	// "the fire service is headed by NAME".
	reHeadedBy = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|\W)(?:the\s+)?([a-z][\w’' -]{2,80}?)\s+(?:is|was|will be|has been)\s+(?:headed|led|run|directed|chaired)\s+by\s+(?:dr\.?\s+|mr\.?\s+|ms\.?\s+|mrs\.?\s+)?$`)
	})
)

// describedReach is how far (in bytes) from a name its role phrase may
// reach.
const describedReach = 160

// describedRoles returns the persons c introduces by the body they lead.
func describedRoles(c *extract.Claim) []roleMention {
	var out []roleMention
	for _, p := range namedPersons(c) {
		// The phrases are short: look no further than a clause away, so
		// the work per name does not grow with the sentence.
		after, before := c.Text[p.end:], c.Text[:p.start]
		if len(after) > describedReach {
			after = strings.ToValidUTF8(after[:describedReach], "")
		}
		if len(before) > describedReach {
			before = strings.ToValidUTF8(before[len(before)-describedReach:], "")
		}
		var role, desc string
		if m := reLeadAfter().FindStringSubmatch(after); m != nil {
			role, desc = m[1], m[2]
		} else if m := reLeadsAfter().FindStringSubmatch(after); m != nil {
			role, desc = "head", m[1]
		} else if m := reLeadBefore().FindStringSubmatch(before); m != nil {
			role, desc = m[2], m[1]
		} else if m := reHeadedBy().FindStringSubmatch(before); m != nil {
			role, desc = "head", m[1]
		} else {
			continue
		}
		r, ok := leadNouns[strings.ToLower(strings.ReplaceAll(role, "-", " "))]
		if !ok {
			r, ok = leadNouns[strings.ToLower(role)]
		}
		q := describedBody(desc)
		if !ok || q == "" {
			continue
		}
		out = append(out, roleMention{role: r, qual: q, display: strings.ToLower(role) + " of", qualAs: strings.TrimSpace(desc),
			name: p.name, start: p.start, end: p.end})
	}
	return out
}

// describedBody normalises the description of a body to its sorted
// content words, marked as a description ("~civil defence region"); ""
// when it names nothing (a pronoun, a bare "the company").
func describedBody(desc string) string {
	// The body ends where the clause turns to something else.
	for _, stop := range []string{" said", " says", " told", " who ", " which ", " and said", " in a ", " on "} {
		if i := strings.Index(strings.ToLower(desc), stop); i > 0 {
			desc = desc[:i]
		}
	}
	var ws []string
	for _, w := range words(desc) {
		if w.boundary || genericBodyWords[w.norm] || slices.Contains(ws, w.norm) {
			continue
		}
		ws = append(ws, w.norm)
	}
	if len(ws) == 0 {
		return ""
	}
	slices.Sort(ws)
	return "~" + strings.Join(ws, " ")
}

// genericBodyWords say nothing about which body is meant.
var genericBodyWords = setOf(`company firm group organisation organization body team unit department office
agency authority`)

// describedMatch compares two described bodies: the words of the shorter
// are (nearly) all in the longer one.
func describedMatch(a, b string) bool {
	x, y := strings.Fields(strings.TrimPrefix(a, "~")), strings.Fields(strings.TrimPrefix(b, "~"))
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) == 0 {
		return false
	}
	n := 0
	for _, w := range x {
		if slices.Contains(y, w) {
			n++
		}
	}
	return n == len(x) || (len(x) >= 3 && n >= len(x)-1)
}

// Roles stated by a copula: "The mission director is Thomas Ravier", "the
// sporting director was Nuno Farinha"; "Thomas Ravier is the mission
// director". A field word may precede the head title; the body is the
// story's, unnamed.
var (
	copulaHeads    = copulaAlt()
	reCopulaBefore = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|\W)the\s+(?:([a-z]{4,})\s+)?(` + copulaHeads + `)\s+(?:is|was|will be|has been|had been)\s+$`)
	})
	reCopulaAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s+(?:is|was|has been)\s+the\s+(?:([a-z]{4,})\s+)?(` + copulaHeads + `)\b`)
	})
)

// copulaAlt is the alternation of the head titles a copula may state:
// those of titled roles (roleHeadWords) and of described ones (leadNouns),
// longest first so that "chief executive" wins over "chief".
func copulaAlt() string {
	var hs []string
	for w := range roleHeadWords {
		hs = append(hs, regexp.QuoteMeta(w))
	}
	for w := range leadNouns {
		if !roleHeadWords[w] {
			hs = append(hs, strings.ReplaceAll(regexp.QuoteMeta(w), "-", "[- ]"))
		}
	}
	slices.SortFunc(hs, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b)) })
	return strings.Join(hs, "|")
}

// bareHeads say too little without a field word: "the director is X".
var bareHeads = setOf(`director head leader chief executive officer representative`)

// copularRoles returns the persons c names in a role by a copula.
func copularRoles(c *extract.Claim) []roleMention {
	var out []roleMention
	for _, p := range namedPersons(c) {
		after, before := c.Text[p.end:], c.Text[:p.start]
		if len(after) > describedReach {
			after = strings.ToValidUTF8(after[:describedReach], "")
		}
		if len(before) > describedReach {
			before = strings.ToValidUTF8(before[len(before)-describedReach:], "")
		}
		m := reCopulaBefore().FindStringSubmatch(before)
		if m == nil {
			m = reCopulaAfter().FindStringSubmatch(after)
		}
		if m == nil {
			continue
		}
		field, head := strings.ToLower(m[1]), strings.ToLower(m[2])
		if field != "" && !portfolioWord(field) {
			continue
		}
		if field != "" && fieldHeads[head] {
			head = "head" // see parseRole: "sporting director", "head of sport"
		}
		role := strings.TrimSpace(field + " " + head)
		// A bare "director" or "head" says too little.
		if field == "" && bareHeads[head] {
			continue
		}
		out = append(out, roleMention{role: role, display: role, name: p.name, start: p.start, end: p.end})
	}
	return out
}

// Roles given by an appointment after the name: "Siobhán Tierney
// appointed Acting Chief Executive", "Pádraig Costigan, the council's
// director of finance, to be acting chief executive", "Tierney will run
// the council as acting chief executive". Only verbs that give the post
// now (not "served as", a former one).
var reAppointed = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:\s*,[^,.;:()]{1,80},)?\s+(?:(?:was|is|has\s+been|had\s+been|will\s+be|to\s+be)\s+)?(?:(?:appointed|named|picked|chosen|elected|confirmed|promoted|installed|sworn\s+in)(?:\s+as)?|to\s+be|becomes|will\s+(?:serve|act|run\s+[^,.;:()]{1,40}?)\s+as|takes\s+over\s+as|steps\s+in\s+as|stepping\s+in\s+as)\s+(?:the\s+|its\s+|their\s+)?(?:new\s+)?((?:[\pL-]+\s+){0,3}(?:` + copulaHeads + `))\b`)
})

// appointedRoles returns the persons c names with a post they are given.
func appointedRoles(c *extract.Claim) []roleMention {
	var out []roleMention
	for _, p := range namedPersons(c) {
		after := c.Text[p.end:]
		if len(after) > describedReach {
			after = strings.ToValidUTF8(after[:describedReach], "")
		}
		m := reAppointed().FindStringSubmatch(after)
		if m == nil {
			continue
		}
		var toks []roleToken
		for _, w := range strings.Fields(m[1]) {
			toks = append(toks, roleToken{text: w, portfolio: portfolioWord(w) && !roleTitleWords[strings.ToLower(w)]})
		}
		r, ok := parseRole(toks)
		if !ok || bareHeads[r.role] {
			continue
		}
		r.name, r.start, r.end = p.name, p.start, p.end
		out = append(out, r)
	}
	return out
}
