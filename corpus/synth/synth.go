// Package synth writes a deterministic corpus of invented news pages at any
// size, for benchmarks and scale tests: each event (a funding pact, a
// takeover, a plant, a budget, a contract, a fine, a storm) is reported by
// several outlets, each in its own form (an HTML page with site chrome, wire
// copy with a header, a Markdown-like content-farm page) and with its own
// figures, so that some outlets disagree on an amount or a count. Pages
// carry money in every common form, dates absolute and relative, invented
// people, firms and places, and quotes with speakers.
//
// The corpus is a function of its seed alone: Pages(seed) yields the same
// bytes on every run and machine, and the first n pages do not depend on
// how many are asked for. Names are built from syllables and numbered
// events, so no two pages are the same text.
package synth

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"time"
)

// Form is how a page is written.
type Form int

// The forms of page, one per kind of input claimdex reads.
const (
	HTML     Form = iota // a news site's article page with navigation, banners and comments
	Wire                 // agency copy: a header of date, source and byline, then a dateline
	Markdown             // a content-farm page: front matter, headings, bullets, a pipe table
)

func (f Form) String() string {
	return [...]string{"html", "wire", "markdown"}[f]
}

// Ext is the file extension a page of the form is saved under.
func (f Form) Ext() string {
	return [...]string{".html", ".txt", ".md"}[f]
}

// Page is one generated article.
type Page struct {
	Index int    // position in the corpus, from 0
	Event int    // the event it reports; pages of one event are adjacent
	Name  string // a file name, unique in the corpus, ending in Form.Ext()
	Form  Form
	Data  []byte
}

// Pages yields the pages of the corpus of seed, without end; take as many
// as needed. The pages of one event are consecutive.
func Pages(seed uint64) iter.Seq[Page] {
	return func(yield func(Page) bool) {
		i := 0
		for e := 0; ; e++ {
			ev := newEvent(seed, e)
			for k, o := range ev.outlets {
				p := ev.page(o, k)
				p.Index = i
				p.Name = fmt.Sprintf("%07d-%s%s", i, o.slug, p.Form.Ext())
				if !yield(p) {
					return
				}
				i++
			}
		}
	}
}

// First returns the first n pages of the corpus of seed.
func First(seed uint64, n int) []Page {
	out := make([]Page, 0, n)
	for p := range Pages(seed) {
		if len(out) == n {
			break
		}
		out = append(out, p)
	}
	return out
}

// outlet is a publisher with its form and its way of writing money.
type outlet struct {
	name, slug, host string
	form             Form
	style            int // money style, see money
}

// outlets are invented publishers; an event is covered by a few of them.
var outlets = func() []outlet {
	sites := []string{"The Valmora Herald", "Kessla Daily Post", "Ardent Ledger", "The Orvane Courier", "Midreach Times",
		"Harlow Bay Gazette", "The Pellon Observer", "Northgate Tribune", "Calder Morning Star", "The Vesk Chronicle",
		"Ostra Evening News", "Brannock Record"}
	wires := []string{"Northwire", "Danube River Wire", "Baltic Shipping Wire", "Kestria Newswire", "Meridian Press Agency", "Corvane Wire Service"}
	farms := []string{"RiverWatch Digest", "MarketPulse Explained", "Daily Briefly", "NewsNugget Hub", "TrendLens Weekly"}
	var out []outlet
	add := func(names []string, f Form) {
		for _, n := range names {
			slug := strings.ToLower(strings.NewReplacer("The ", "", " ", "-").Replace(n))
			out = append(out, outlet{name: n, slug: slug, host: strings.ReplaceAll(slug, "-", "") + ".example", form: f, style: len(out) % 4})
		}
	}
	add(sites, HTML)
	add(wires, Wire)
	add(farms, Markdown)
	return out
}()

// Syllables from which people, firms and places are named; the numbered
// event picks them, so names repeat only across distant events.
var (
	onsets  = []string{"B", "C", "D", "F", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V", "Br", "Dr", "Kr", "St", "Tr"}
	vowels  = []string{"a", "e", "i", "o", "u", "ai", "ei", "ou"}
	codas   = []string{"n", "r", "l", "s", "th", "v", "nd", "rk", "st", "m"}
	endings = []string{"ova", "ani", "esco", "berg", "sen", "ard", "ovic", "elli", "son", "ek", "ler", "ston"}
	firstM  = []string{"Tomas", "Anton", "Marek", "Jonas", "Pavel", "Elias", "Viktor", "Oskar", "Ruben", "Felix", "Nikolai", "Dario", "Henrik", "Stefan"}
	firstF  = []string{"Lena", "Ilse", "Petra", "Marta", "Sofia", "Irena", "Clara", "Nadia", "Vera", "Hanna", "Elena", "Greta", "Livia", "Mira"}
	placeSx = []string{"ford", "vik", "burg", "ovo", "ana", "mouth", "stad", "grad", "haven", "dale"}
	firmSx  = []string{"Holdings", "Group", "Energy", "Logistics", "Industries", "Capital", "Systems", "Materials", "Rail", "Foods"}
	agency  = []string{"Ministry of Transport", "Environment Agency", "Competition Authority", "Water Board", "Port Authority", "Energy Regulator", "Finance Ministry", "Health Authority"}
	weekday = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// person is a named person with a role in an event.
type person struct{ first, last, role string }

func (p person) full() string { return p.first + " " + p.last }

// event is one thing that happened, as all its outlets know it.
type event struct {
	seed             uint64
	n                int
	kind             int
	city, country    string
	firm, rival      string
	agency           string
	official, exec   person
	critic, analyst  person
	amount           float64 // in units of currency
	currency         string
	day              time.Time
	count, count2    int // jobs, homes, stations: the kind's quantities
	deadline         int // a year
	outlets          []outlet
	variantAmount    int // which outlet states another amount, -1 none
	variantCount     int // which outlet states another count, -1 none
	background, tail []int
}

func rng(seed uint64, a, b int) *rand.Rand {
	return rand.New(rand.NewPCG(seed^0x9e3779b97f4a7c15, uint64(a)<<20^uint64(b)))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func word(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		o := pick(r, onsets)
		if i > 0 {
			o = strings.ToLower(o)
		}
		b.WriteString(o + pick(r, vowels))
		if r.IntN(2) == 0 {
			b.WriteString(pick(r, codas))
		}
	}
	return b.String()
}

func newPerson(r *rand.Rand, role string) person {
	first := pick(r, firstM)
	if r.IntN(2) == 0 {
		first = pick(r, firstF)
	}
	return person{first: first, last: word(r, 1+r.IntN(2)) + pick(r, endings), role: role}
}

func newEvent(seed uint64, n int) *event {
	r := rng(seed, n, 0)
	e := &event{seed: seed, n: n, kind: r.IntN(len(kinds))}
	e.city = word(r, 1+r.IntN(2)) + pick(r, placeSx)
	e.country = word(r, 2) + "ia"
	e.firm = word(r, 2) + " " + pick(r, firmSx)
	e.rival = word(r, 2) + " " + pick(r, firmSx)
	e.agency = e.country + "n " + pick(r, agency)
	e.official = newPerson(r, pick(r, []string{"Transport Minister", "Finance Minister", "Environment Minister", "Mayor", "Deputy Minister"}))
	e.exec = newPerson(r, pick(r, []string{"chief executive", "chairman", "finance director", "managing director"}))
	e.critic = newPerson(r, pick(r, []string{"opposition spokesman", "union leader", "campaigner", "councillor"}))
	e.analyst = newPerson(r, pick(r, []string{"analyst", "economist", "professor of economics"}))
	e.currency = pick(r, []string{"USD", "EUR", "GBP", "EUR", "USD"})
	mant := float64(12+r.IntN(880)) / 10 // 1.2 .. 89.1
	e.amount = mant * pick(r, []float64{1e6, 1e6, 1e9})
	// Events run from 2025 on, about one a day per 20 events.
	e.day = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n/20+r.IntN(3))
	e.count = (5 + r.IntN(400)) * 10
	e.count2 = 3 + r.IntN(60)
	e.deadline = e.day.Year() + 1 + r.IntN(4)
	// Three to six outlets: one wire at most, starting anywhere.
	k := 3 + r.IntN(4)
	perm := r.Perm(len(outlets))
	wire := false
	for _, i := range perm {
		o := outlets[i]
		if o.form == Wire {
			if wire {
				continue
			}
			wire = true
		}
		e.outlets = append(e.outlets, o)
		if len(e.outlets) == k {
			break
		}
	}
	e.variantAmount, e.variantCount = -1, -1
	if r.IntN(10) < 4 {
		e.variantAmount = r.IntN(k)
	}
	if r.IntN(10) < 3 {
		e.variantCount = r.IntN(k)
	}
	return e
}

// facts are what one outlet states about its event.
type facts struct {
	*event
	o      outlet
	amount float64
	count  int
	pub    time.Time
	r      *rand.Rand
}

func (e *event) page(o outlet, k int) Page {
	f := &facts{event: e, o: o, amount: e.amount, count: e.count, r: rng(e.seed, e.n, k+1)}
	if k == e.variantAmount {
		f.amount = round3(e.amount * pick(f.r, []float64{0.875, 1.1, 1.25, 0.8}))
	}
	if k == e.variantCount {
		f.count = e.count + (1+f.r.IntN(9))*10
	}
	f.pub = e.day.AddDate(0, 0, f.r.IntN(2)).Add(time.Duration(6*60+f.r.IntN(14*60)) * time.Minute)
	var data string
	switch o.form {
	case HTML:
		data = f.html()
	case Wire:
		data = f.wire()
	default:
		data = f.markdown()
	}
	return Page{Event: e.n, Form: o.form, Data: []byte(data)}
}

func round3(x float64) float64 {
	scale := 1e6
	if x >= 1e9 {
		scale = 1e9
	}
	return float64(int(x/scale*10+0.5)) / 10 * scale
}

// money writes an amount in one of the forms outlets use.
func (f *facts) money(x float64) string {
	sym := map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}[f.currency]
	word := map[string]string{"USD": "dollars", "EUR": "euros", "GBP": "pounds"}[f.currency]
	unit, short, v := "million", "m", x/1e6
	if x >= 1e9 {
		unit, short, v = "billion", "bn", x/1e9
	}
	num := strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
	switch f.o.style {
	case 0:
		return sym + num + short
	case 1:
		return sym + num + " " + unit
	case 2:
		return num + " " + unit + " " + word
	}
	return f.currency + " " + num + " " + unit
}

func (f *facts) num(n int) string {
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d,%03d", n/1000, n%1000)
}

// when says when the event happened, relative to publication or not.
func (f *facts) when() string {
	if f.pub.YearDay() == f.day.YearDay() && f.r.IntN(2) == 0 {
		return "on " + weekday[f.day.Weekday()]
	}
	if f.o.form == Wire {
		return fmt.Sprintf("on %s %d", months[f.day.Month()-1], f.day.Day())
	}
	return fmt.Sprintf("on %d %s %d", f.day.Day(), months[f.day.Month()-1], f.day.Year())
}

// kind is a type of event: its headline and the sentences only it has.
type kind struct {
	headline func(f *facts) string
	lead     func(f *facts) string
	details  []func(f *facts) string
}

var kinds = []kind{
	{ // a funding pact
		headline: func(f *facts) string {
			return fmt.Sprintf("%s signs %s flood-defence pact with %s", f.country, f.money(f.amount), f.city)
		},
		lead: func(f *facts) string {
			return fmt.Sprintf("The government of %s signed a flood-defence agreement with the city of %s %s that commits %s to levees, retention basins and warning stations over the next decade.", f.country, f.city, f.when(), f.money(f.amount))
		},
		details: []func(f *facts) string{
			func(f *facts) string {
				return fmt.Sprintf("About %s residents in low-lying districts will be protected by the new levees, according to the %s.", f.num(f.count), f.agency)
			},
			func(f *facts) string {
				return fmt.Sprintf("The plan includes %d gauging stations to be built by the end of %d.", f.count2, f.deadline)
			},
		},
	},
	{ // a takeover
		headline: func(f *facts) string {
			return fmt.Sprintf("%s agrees to buy %s for %s", f.firm, f.rival, f.money(f.amount))
		},
		lead: func(f *facts) string {
			return fmt.Sprintf("%s said %s it had agreed to buy its smaller rival %s for %s in cash, the largest deal in the sector this year.", f.firm, f.when(), f.rival, f.money(f.amount))
		},
		details: []func(f *facts) string{
			func(f *facts) string {
				return fmt.Sprintf("The combined company will employ about %s people across %d sites, the companies said.", f.num(f.count), f.count2)
			},
			func(f *facts) string {
				return fmt.Sprintf("The deal still needs the approval of the %s and is expected to close in %d.", f.agency, f.deadline)
			},
		},
	},
	{ // a new plant
		headline: func(f *facts) string {
			return fmt.Sprintf("%s to build %s plant in %s, creating %s jobs", f.firm, f.money(f.amount), f.city, f.num(f.count))
		},
		lead: func(f *facts) string {
			return fmt.Sprintf("%s will invest %s in a battery plant on the edge of %s, the company announced %s, promising %s jobs when it opens.", f.firm, f.money(f.amount), f.city, f.when(), f.num(f.count))
		},
		details: []func(f *facts) string{
			func(f *facts) string {
				return fmt.Sprintf("Production is due to start in %d, with an annual capacity of %d gigawatt hours.", f.deadline, f.count2)
			},
			func(f *facts) string {
				return fmt.Sprintf("The %s said it would contribute to the cost of a new rail link to the site.", f.agency)
			},
		},
	},
	{ // a city budget
		headline: func(f *facts) string {
			return fmt.Sprintf("%s council approves %s budget for %d", f.city, f.money(f.amount), f.day.Year()+1)
		},
		lead: func(f *facts) string {
			return fmt.Sprintf("The city council of %s approved a budget of %s for next year %s, after a debate that lasted into the night.", f.city, f.money(f.amount), f.when())
		},
		details: []func(f *facts) string{
			func(f *facts) string {
				return fmt.Sprintf("The budget funds %s new social housing units and %d extra bus routes.", f.num(f.count), f.count2)
			},
			func(f *facts) string {
				return fmt.Sprintf("Property taxes will rise by %d percent from January, the finance department said.", 1+f.count2%7)
			},
		},
	},
	{ // a contract
		headline: func(f *facts) string {
			return fmt.Sprintf("%s awards %s rail contract to %s", f.agency, f.money(f.amount), f.firm)
		},
		lead: func(f *facts) string {
			return fmt.Sprintf("The %s awarded a %s contract to %s %s to build %d new trains for the line between %s and the coast.", f.agency, f.money(f.amount), f.firm, f.when(), f.count2, f.city)
		},
		details: []func(f *facts) string{
			func(f *facts) string {
				return fmt.Sprintf("%s beat %s, which had offered a lower price but a later delivery date.", f.firm, f.rival)
			},
			func(f *facts) string {
				return fmt.Sprintf("The first trains are due in %d and the line carries about %s passengers a day.", f.deadline, f.num(f.count*10))
			},
		},
	},
	{ // a fine
		headline: func(f *facts) string {
			return fmt.Sprintf("%s fined %s over price fixing", f.firm, f.money(f.amount))
		},
		lead: func(f *facts) string {
			return fmt.Sprintf("The %s fined %s %s %s for fixing prices with %s over four years.", f.agency, f.firm, f.money(f.amount), f.when(), f.rival)
		},
		details: []func(f *facts) string{
			func(f *facts) string {
				return fmt.Sprintf("Investigators found that about %s customers had paid too much between %d and %d.", f.num(f.count*100), f.day.Year()-5, f.day.Year()-1)
			},
			func(f *facts) string {
				return fmt.Sprintf("%s has %d days to appeal, and said it would do so.", f.firm, f.count2)
			},
		},
	},
	{ // a storm
		headline: func(f *facts) string {
			return fmt.Sprintf("Storm leaves %s homes without power around %s", f.num(f.count), f.city)
		},
		lead: func(f *facts) string {
			return fmt.Sprintf("A storm cut power to %s homes around %s %s, and the government of %s pledged %s in emergency aid.", f.num(f.count), f.city, f.when(), f.country, f.money(f.amount))
		},
		details: []func(f *facts) string{
			func(f *facts) string {
				return fmt.Sprintf("Wind speeds reached %d kilometres an hour on the coast, the weather service said.", 90+f.count2)
			},
			func(f *facts) string {
				return fmt.Sprintf("%s, the grid operator, said most customers would be reconnected by the end of the week.", f.firm)
			},
		},
	},
}

// paragraphs is the body of a page: the lead, the kind's details, quotes,
// context and colour, in an order and a selection of the outlet's own.
func (f *facts) paragraphs() []string {
	k := kinds[f.kind]
	ps := []string{k.lead(f)}
	q1 := fmt.Sprintf("\"This is %s, not a promise on paper,\" %s %s said.", pick(f.r, []string{"money in the ground", "a commitment we will keep", "the start of the work", "what people asked for"}), f.official.role, f.official.full())
	if f.r.IntN(2) == 0 {
		q1 = fmt.Sprintf("%s, the %s, said the decision was \"%s\".", f.official.full(), strings.ToLower(f.official.role), pick(f.r, []string{"long overdue", "the right call at the right time", "good news for every household", "a test of our credibility"}))
	}
	ps = append(ps, q1)
	for _, d := range k.details {
		ps = append(ps, d(f))
	}
	ps = append(ps,
		fmt.Sprintf("\"We have done the numbers and they add up,\" said %s, %s of %s.", f.exec.full(), f.exec.role, f.firm),
		fmt.Sprintf("%s, %s %s, said the figure of %s %s.", f.critic.full(), pick(f.r, []string{"an", "the"}), f.critic.role, f.money(f.amount), pick(f.r, []string{"was far too low", "hid the real cost", "would not survive the first winter", "was a distraction from the real problems"})),
		fmt.Sprintf("%s, %s %s in %s, estimated that the total cost could reach %s by %d.", f.analyst.full(), article(f.analyst.role), f.analyst.role, f.city, f.money(round3(f.amount*1.4)), f.deadline+1),
	)
	colour := []string{
		fmt.Sprintf("%s has a population of about %s and lies %d kilometres from the border.", f.city, f.num(20000+f.count*37), 20+f.count2*3),
		fmt.Sprintf("The last comparable project in %s, in %d, ran two years late and cost a third more than planned.", f.country, f.day.Year()-8-f.count2%5),
		fmt.Sprintf("Shares in %s rose %d.%d percent in early trading.", f.firm, 1+f.count2%6, f.count%10),
		fmt.Sprintf("Talks had stalled in %s over who would pay for maintenance.", months[(int(f.day.Month())+9)%12]),
		fmt.Sprintf("The %s is expected to publish a progress report in the second quarter of %d.", f.agency, f.deadline),
		fmt.Sprintf("Local residents told reporters they had heard about the plan only %s.", pick(f.r, []string{"last week", "from the radio", "on social media", "at a town meeting"})),
		fmt.Sprintf("%s previously worked for %s for %d years.", f.exec.full(), f.rival, 3+f.count2%15),
		fmt.Sprintf("Opposition parties in %s have called for a vote on the matter before the summer.", f.country),
		fmt.Sprintf("%s told the %s that the schedule was \"tight but achievable\" and that the first contracts would be signed within %d weeks.", f.official.full(), f.o.name, 2+f.count2%10),
		fmt.Sprintf("Inflation in %s stood at %d.%d percent in %s, the statistics office said, and borrowing costs have risen since.", f.country, 2+f.count2%5, f.count%10, months[(int(f.day.Month())+10)%12]),
		fmt.Sprintf("The %s employs %s people and reported revenue of %s last year.", f.rival, f.num(f.count*3+17), f.money(round3(f.amount*2.3))),
		fmt.Sprintf("A survey by the University of %s found that %d percent of residents supported the plan, against %d percent opposed.", f.city, 40+f.count2%30, 10+f.count%25),
		fmt.Sprintf("\"Nobody asked us,\" said %s, who has run a bakery in %s for %d years. \"We read about it in the paper like everyone else.\"", newPerson(f.r, "").full(), f.city, 5+f.count2%30),
		fmt.Sprintf("The %s said it had received %s written objections by the deadline of %d %s.", f.agency, f.num(100+f.count), 1+f.count2%28, months[(int(f.day.Month())+7)%12]),
		fmt.Sprintf("Critics point out that a similar scheme in the neighbouring region of %s was cancelled in %d after costs doubled.", word(f.r, 2)+pick(f.r, placeSx), f.day.Year()-3),
		fmt.Sprintf("%s will meet %s next %s to discuss the timetable, according to an official who asked not to be named.", f.official.full(), f.exec.full(), weekday[(int(f.day.Weekday())+2)%7]),
	}
	f.r.Shuffle(len(colour), func(i, j int) { colour[i], colour[j] = colour[j], colour[i] })
	colour = colour[:5+f.r.IntN(len(colour)-5)]
	// Some paragraphs hold two sentences.
	for i := 0; i+1 < len(colour); i++ {
		if f.r.IntN(3) == 0 {
			colour[i] += " " + colour[i+1]
			colour = append(colour[:i+1], colour[i+2:]...)
		}
	}
	ps = append(ps, colour...)
	// Keep the lead first; the rest in an order of the outlet's own.
	rest := ps[1:]
	f.r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	return ps
}

func (f *facts) byline() person { return newPerson(rng(f.seed, f.n, 100+len(f.o.slug)), "reporter") }

func (f *facts) headline() string { return kinds[f.kind].headline(f) }

func (f *facts) html() string {
	var b strings.Builder
	title := f.headline()
	by := f.byline()
	url := fmt.Sprintf("https://%s/news/%s/%d-%s", f.o.host, f.pub.Format("2006/01/02"), f.n, strings.ToLower(strings.ReplaceAll(f.city, " ", "-")))
	ts := f.pub.Format(time.RFC3339)
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>%s | %s</title>
<meta property="og:site_name" content="%s">
<meta property="og:title" content="%s">
<meta property="og:url" content="%s">
<meta property="article:published_time" content="%s">
<link rel="canonical" href="%s">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":%q,"author":[{"@type":"Person","name":%q}],"publisher":{"@type":"Organization","name":%q}}</script>
</head>
<body>
<div id="cookie-banner" class="consent">We use cookies to improve your experience. <button>Accept all cookies</button> <a href="/privacy">Manage preferences</a></div>
<header class="site-header"><a class="logo" href="/">%s</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/climate">Climate</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<main>
<article>
<h1>%s</h1>
<p class="byline">By %s | <time datetime="%s">%d %s %d</time></p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Copy link</a></div>
<figure><img src="/img/%d.jpg" alt=""><figcaption>%s in %s. Photo: %s staff</figcaption></figure>
`, title, f.o.name, f.o.name, title, url, ts, url, title, ts, by.full(), f.o.name, f.o.name,
		title, by.full(), ts, f.pub.Day(), months[f.pub.Month()-1], f.pub.Year(), f.n, f.official.full(), f.city, f.o.name)
	ps := f.paragraphs()
	for i, p := range ps {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
		if i == 2 {
			b.WriteString(`<aside class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and never miss a story.</p><button>Sign up</button></aside>` + "\n")
		}
		if i == len(ps)/2 && f.r.IntN(2) == 0 {
			fmt.Fprintf(&b, "<h2>%s</h2>\n", pick(f.r, []string{"What happens next", "The reaction", "Background", "The numbers"}))
		}
	}
	if f.r.IntN(3) == 0 {
		fmt.Fprintf(&b, "<table><thead><tr><th>Item</th><th>Figure</th></tr></thead><tbody><tr><td>Total</td><td>%s</td></tr><tr><td>Count</td><td>%s</td></tr><tr><td>Completion</td><td>%d</td></tr></tbody></table>\n",
			esc(f.money(f.amount)), f.num(f.count), f.deadline)
	}
	fmt.Fprintf(&b, `</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/news/1">%s weighs new rules for lenders</a></li><li><a href="/news/2">Five things to know about %s</a></li><li><a href="/news/3">Opinion: the real cost of delay</a></li></ul></aside>
<section class="comments"><h3>%d comments</h3><p>Share your thoughts below. Comments are moderated.</p></section>
</main>
<footer><p>&copy; %d %s. All rights reserved.</p><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/terms">Terms</a></footer>
</body>
</html>
`, f.country, f.city, f.count2, f.pub.Year(), f.o.name)
	return b.String()
}

// article is "a" or "an" before word.
func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// escaper escapes text for HTML; built once, as every page uses it.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func esc(s string) string { return escaper.Replace(s) }

func (f *facts) wire() string {
	var b strings.Builder
	by := f.byline()
	ed := newPerson(rng(f.seed, f.n, 200), "editor")
	b.WriteString(f.headline() + "\n\n")
	switch f.r.IntN(3) {
	case 0:
		fmt.Fprintf(&b, "%s | %s\n%s, %d %s %d\n%s GMT\nBy %s\nEnglish\n%d words\n\n", f.o.name,
			pick(f.r, []string{"Business", "World", "Markets", "Politics"}), weekday[f.pub.Weekday()], f.pub.Day(),
			months[f.pub.Month()-1], f.pub.Year(), f.pub.Format("15:04"), strings.ToUpper(by.full()), 300+f.count2*7)
	case 1:
		fmt.Fprintf(&b, "Date: %d %s %d %s GMT | Source: %s | Section: %s\n\n", f.pub.Day(), months[f.pub.Month()-1], f.pub.Year(),
			f.pub.Format("15:04"), f.o.name, pick(f.r, []string{"Business", "World", "Markets", "Politics"}))
	default:
		fmt.Fprintf(&b, "%d %s %d\n\n%s GMT\n\n", f.pub.Day(), months[f.pub.Month()-1], f.pub.Year(), f.pub.Format("15:04"))
	}
	ps := f.paragraphs()
	fmt.Fprintf(&b, "%s, %s %d (%s) - %s\n\n", strings.ToUpper(f.city), months[f.pub.Month()-1][:3]+".", f.pub.Day(), f.o.name, ps[0])
	for _, p := range ps[1:] {
		b.WriteString(p + "\n\n")
	}
	fmt.Fprintf(&b, "(Reporting by %s; Editing by %s)\n", by.full(), ed.full())
	return b.String()
}

func (f *facts) markdown() string {
	var b strings.Builder
	title := f.headline()
	fmt.Fprintf(&b, "---\ntitle: %q\nsite: %s\nauthor: Staff Writer\ndate: %s\n---\n# %s\n\n", title+": What It Means", f.o.name, f.pub.Format(time.DateOnly), title)
	b.WriteString("## Table of Contents\n- 1. The story so far\n- 2. Key numbers\n- 3. Who said what\n- 4. Your questions\n\n")
	ps := f.paragraphs()
	half := len(ps) / 2
	for _, p := range ps[:half] {
		b.WriteString(p + "\n\n")
	}
	fmt.Fprintf(&b, "## Key numbers\n\n| Aspect | Details |\n|---|---|\n| Place | %s, %s |\n| Money | %s |\n| People affected | %s |\n| Next milestone | %d |\n\n",
		f.city, f.country, f.money(f.amount), f.num(f.count), f.deadline)
	b.WriteString("## Who said what\n\n")
	for _, p := range ps[half:] {
		b.WriteString("- " + p + "\n")
	}
	b.WriteString("\n## Your questions\n\nWhat do you think? Share your thoughts below and subscribe for more explainers.\n")
	return b.String()
}
