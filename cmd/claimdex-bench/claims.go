package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// Claim generation for the search benchmark at 100,000 claims and more,
// where ingesting pages would take hours on a small machine: claims are
// written straight through index.Writer, as ingest writes them. The
// variety is what search costs depend on: many documents and sources,
// a vocabulary with frequent and rare words, money in several currencies,
// dates and counts, entities from frequent to rare, quotes with speakers,
// and events reported by several outlets of which one may misreport a
// figure, so that the cross-source analysis run afterwards marks real
// conflicts. The same seed and count give the same claims.

// GenStats describes a generated set of claims.
type GenStats struct {
	Claims  int `json:"claims"`
	Docs    int `json:"documents"`
	Events  int `json:"events"`
	Sources int `json:"sources"`
}

// GenerateClaims writes n claims into ix, document by document, and
// flushes. The documents are left pending for the cross-source analysis,
// as ingest leaves them.
func GenerateClaims(ctx context.Context, ix *index.Index, seed uint64, n int) (GenStats, error) {
	var st GenStats
	w := ix.NewWriter(index.DefaultBatchSize)
	sources := map[string]bool{}
	for e := 0; st.Claims < n; e++ {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		st.Events++
		for _, d := range genEvent(seed, e) {
			if st.Claims >= n {
				break
			}
			rec, claims := d.rec, d.claims
			if len(claims) > n-st.Claims {
				claims = claims[:n-st.Claims]
			}
			if _, _, err := w.Put(rec, claims); err != nil {
				return st, err
			}
			st.Claims += len(claims)
			st.Docs++
			sources[rec.Source] = true
		}
	}
	st.Sources = len(sources)
	return st, w.Flush()
}

// genDoc is one generated document.
type genDoc struct {
	rec    index.DocRecord
	claims []extract.Claim
}

// Outlets: the generated corpus's named outlets (corpus/synth), which
// cover most events, and many small local ones.
var genOutlets = func() []string {
	out := []string{"The Valmora Herald", "Kessla Daily Post", "Ardent Ledger", "The Orvane Courier", "Midreach Times",
		"Harlow Bay Gazette", "The Pellon Observer", "Northgate Tribune", "Calder Morning Star", "The Vesk Chronicle",
		"Ostra Evening News", "Brannock Record", "Northwire", "Danube River Wire", "Baltic Shipping Wire", "Kestria Newswire",
		"Meridian Press Agency", "Corvane Wire Service", "RiverWatch Digest", "MarketPulse Explained", "Daily Briefly",
		"NewsNugget Hub", "TrendLens Weekly"}
	suffix := []string{"Gazette", "Courier", "Post", "Echo", "Sentinel", "Mercury", "Advertiser", "Record", "Star"}
	r := rand.New(rand.NewPCG(7, 7))
	for i := range 177 {
		out = append(out, genName(r, 2)+" "+suffix[i%len(suffix)])
	}
	return out
}()

// namedOutlets is how many of genOutlets are the named ones.
const namedOutlets = 23

// pickOutlet draws an outlet: a named one ten times as likely as a
// local one.
func pickOutlet(r *rand.Rand) string {
	if r.IntN(namedOutlets*10+len(genOutlets)-namedOutlets) < namedOutlets*10 {
		return genOutlets[r.IntN(namedOutlets)]
	}
	return genOutlets[namedOutlets+r.IntN(len(genOutlets)-namedOutlets)]
}

var syllables = strings.Fields("ka ve lo ra mi sto den bar hal or vis ten mar lu fen gra sel tor ai nor bri wen da ko ren ul pa zo thi")

// genName is a capitalised invented word of n syllables.
func genName(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

var firstNames = strings.Fields("Anna Ben Clara Dario Elif Femi Greta Hugo Ines Jonas Kira Luca Maya Nils Olga Pavel Rosa Sami Tove Uma Viktor Wanda Yusuf Zara Ingrid Marek Lena Tomas Aida Rafael")

// entity is a named thing with its type.
type entity struct{ name, typ string }

// recurring are entities named across events (ministers, agencies,
// cities, big firms), drawn by a Zipf law: the first few are in a few
// per cent of claims, most in a handful.
var recurring = func() []entity {
	r := rand.New(rand.NewPCG(11, 11))
	out := make([]entity, 0, 5000)
	orgs := []string{"Group", "Holdings", "Agency", "Authority", "Bank", "Energy", "Ministry", "Union"}
	for i := range cap(out) {
		switch i % 3 {
		case 0:
			out = append(out, entity{firstNames[r.IntN(len(firstNames))] + " " + genName(r, 3), extract.Person})
		case 1:
			out = append(out, entity{genName(r, 2) + " " + orgs[r.IntN(len(orgs))], extract.Org})
		default:
			out = append(out, entity{genName(r, 3), extract.GPE})
		}
	}
	return out
}()

// zipf draws an index below n, index k with weight 1/(k+1)^s.
func zipf(r *rand.Rand, n int, s float64) int {
	// Inverse of the continuous approximation, good enough for a
	// benchmark's frequencies.
	if s == 1 {
		return min(n-1, int(math.Exp(r.Float64()*math.Log(float64(n+1))))-1)
	}
	a := 1 - s
	x := math.Pow(1+r.Float64()*(math.Pow(float64(n+1), a)-1), 1/a) - 1
	return max(0, min(n-1, int(x)))
}

// vocabulary for background sentences, most frequent first.
var vocabulary = strings.Fields(`said would year also new people government million percent two first last
could report police state officials city time week three public plan market company minister president
told added since years group including country health work month local four support
service law national where court region power security water high number back economy more program
cost rise price tax investment workers staff energy project school hospital fund board talks deal
election party leader vote bill agreement industry trade bank rate growth inflation jobs housing road
port river harbour bridge rail airport flood storm fire crops farmers exports imports fuel gas oil
contract tender audit inquiry report review panel committee mayor district province agency authority
residents families children students patients doctors teachers nurses drivers union strike protest
court judge ruling appeal fine penalty charge trial lawyer police officers arrest investigation
funding grant loan debt deficit surplus revenue spending cuts levy fees tariff subsidy pension wages
plant factory site construction expansion upgrade repair maintenance delay schedule deadline target
data survey study figures estimate forecast outlook quarter annual monthly record highest lowest
increase decrease drop jump fall climb double halve launch open close sign approve reject propose
announce confirm deny warn expect promise plan consider review delay cancel extend renew award
council budget`)

// topics are the kinds of event, with the words their reports use.
var topics = []struct {
	noun, verb, unit string
	words            []string
}{
	{"budget", "approved spending of", "posts", strings.Fields("council budget spending levy district cuts")},
	{"plant", "will build a plant worth", "jobs", strings.Fields("plant factory construction jobs site energy")},
	{"takeover", "agreed to buy its rival for", "staff", strings.Fields("takeover deal shareholders board rival bid")},
	{"fund", "set up a reconstruction fund of", "homes", strings.Fields("fund reconstruction flood damage homes relief")},
	{"contract", "won a contract worth", "vehicles", strings.Fields("contract tender rail vehicles delivery award")},
	{"fine", "was fined", "complaints", strings.Fields("fine regulator penalty breach complaints ruling")},
	{"port", "will expand the harbour for", "berths", strings.Fields("port harbour berths cargo expansion shipping")},
}

var currencies = []struct {
	code, sign string
	weight     int
}{{"USD", "$", 40}, {"EUR", "€", 25}, {"GBP", "£", 10}, {"CHF", "CHF ", 5}, {"JPY", "¥", 5}, {"CAD", "C$", 5}, {"INR", "Rs ", 5}, {"SEK", "SEK ", 5}}

func pickCurrency(r *rand.Rand) (code, sign string) {
	k := r.IntN(100)
	for _, c := range currencies {
		if k < c.weight {
			return c.code, c.sign
		}
		k -= c.weight
	}
	return "USD", "$"
}

// moneyText writes an amount as reports do: "$1.25 billion", "€340 million".
func moneyText(sign string, v float64) string {
	switch {
	case v >= 1e9:
		return sign + strconv.FormatFloat(v/1e9, 'f', -1, 64) + " billion"
	case v >= 1e6:
		return sign + strconv.FormatFloat(v/1e6, 'f', -1, 64) + " million"
	}
	return sign + strconv.FormatFloat(v, 'f', 0, 64)
}

// round3 keeps three significant digits.
func round3(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v))-2)
	return math.Round(v/p) * p
}

// text builds a claim's text and the spans of its mentions.
type text struct {
	b     strings.Builder
	ents  []extract.Entity
	money []extract.Money
	dates []extract.Date
	qty   []extract.Quantity
}

func (t *text) s(s string) *text { t.b.WriteString(s); return t }

func (t *text) ent(e entity) *text {
	s := t.b.Len()
	t.b.WriteString(e.name)
	t.ents = append(t.ents, extract.Entity{Text: e.name, Type: e.typ, Canonical: e.name, Start: s, End: t.b.Len()})
	return t
}

func (t *text) amount(code, sign string, v float64) *text {
	s := t.b.Len()
	t.b.WriteString(moneyText(sign, v))
	t.money = append(t.money, extract.Money{Text: t.b.String()[s:], Amount: v, Currency: code, Start: s, End: t.b.Len()})
	return t
}

func (t *text) date(d time.Time) *text {
	s := t.b.Len()
	t.b.WriteString(d.Format("2 January 2006"))
	t.dates = append(t.dates, extract.Date{Text: t.b.String()[s:], Value: d.Format(time.DateOnly), Start: s, End: t.b.Len()})
	return t
}

func (t *text) count(n int, unit string) *text {
	s := t.b.Len()
	t.b.WriteString(strconv.Itoa(n) + " " + unit)
	t.qty = append(t.qty, extract.Quantity{Text: t.b.String()[s:], Value: float64(n), Unit: unit, Start: s, End: t.b.Len()})
	return t
}

// genEvent returns the documents of event e: three to six outlets
// reporting it within two days, each in its own words; with three chances
// in four, one outlet states the amount 15% off, with one in two the
// count 30% off, and with one in four the deadline a month late.
func genEvent(seed uint64, e int) []genDoc {
	r := rand.New(rand.NewPCG(seed, uint64(e)))
	tp := topics[r.IntN(len(topics))]
	// Event names carry the event number, so that no two events share
	// them and stories form per event.
	firm := entity{genName(r, 2) + " " + strconv.Itoa(e%9000+100) + " " + []string{"Ltd", "Group", "Holdings", "Partners"}[r.IntN(4)], extract.Org}
	person := entity{firstNames[r.IntN(len(firstNames))] + " " + genName(r, 2) + genName(r, 1)[:2] + strconv.Itoa(e/9000), extract.Person}
	place := recurring[3*zipf(r, len(recurring)/3, 0.8)+2]
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (e*7919)%730)
	code, sign := pickCurrency(r)
	amount := round3(math.Pow(10, 5+6*r.Float64()))
	count := 10 + r.IntN(5000)
	deadline := day.AddDate(0, 1+r.IntN(30), r.IntN(28))
	nOut := 3 + r.IntN(4)
	seen := map[string]bool{}
	var outlets []string
	for len(outlets) < nOut {
		if o := pickOutlet(r); !seen[o] {
			seen[o] = true
			outlets = append(outlets, o)
		}
	}
	odd, oddCount, oddDate := -1, -1, -1
	if r.IntN(4) != 0 {
		odd = r.IntN(nOut)
	}
	if r.IntN(2) == 0 {
		oddCount = r.IntN(nOut)
	}
	if r.IntN(4) == 0 {
		oddDate = r.IntN(nOut)
	}
	headline := fmt.Sprintf("%s %s %s in %s", firm.name, tp.verb, moneyText(sign, amount), place.name)
	docs := make([]genDoc, 0, nOut)
	for k, o := range outlets {
		amt, cnt, due := amount, count, deadline
		if k == odd {
			amt = round3(amount * 1.15)
		}
		if k == oddCount {
			cnt = count * 13 / 10
		}
		if k == oddDate {
			due = deadline.AddDate(0, 1, 0)
		}
		pub := day.AddDate(0, 0, r.IntN(3)).Add(time.Duration(6+r.IntN(14)) * time.Hour)
		loc := fmt.Sprintf("https://%s.example/%s/%s-%d", strings.ToLower(strings.NewReplacer("The ", "", " ", "").Replace(o)), pub.Format("2006/01/02"), tp.noun, e)
		docID := corpus.DocID(loc)
		var ts []*text
		ts = append(ts, new(text).ent(firm).s(" "+tp.verb+" ").amount(code, sign, amt).s(" in ").ent(place))
		// The facts, in one of three phrasings per outlet.
		switch k % 3 {
		case 0:
			ts = append(ts, new(text).ent(firm).s(" "+tp.verb+" ").amount(code, sign, amt).s(" for the "+tp.noun+", ").ent(person).s(" said."))
		case 1:
			ts = append(ts, new(text).s("The "+tp.noun+" is worth ").amount(code, sign, amt).s(", according to ").ent(person).s(" of ").ent(firm).s("."))
		default:
			ts = append(ts, new(text).ent(person).s(" said ").ent(firm).s(" "+tp.verb+" ").amount(code, sign, amt).s(" for the "+tp.noun+"."))
		}
		ts = append(ts, new(text).s("The "+tp.noun+" in ").ent(place).s(" covers ").count(cnt, tp.unit).s(", ").ent(firm).s(" said."))
		ts = append(ts, new(text).s("Work on the "+tp.noun+" must be finished by ").date(due).s(", officials in ").ent(place).s(" said."))
		quote := new(text).s("\"We will deliver the " + tp.noun + " on time,\" said ").ent(person).s(".")
		ts = append(ts, quote)
		nClaims := 8 + r.IntN(40)
		for len(ts) < nClaims {
			ts = append(ts, background(r, tp.words, firm, place))
		}
		claims := make([]extract.Claim, 0, len(ts))
		off := 0
		for i, t := range ts {
			s := t.b.String()
			kind := extract.KindSentence
			switch {
			case i == 0:
				kind = extract.KindHeadline
			case t == quote:
				kind = extract.KindQuote
			case i > 5 && i%9 == 0:
				kind = extract.KindListItem
			case i > 5 && i%13 == 0:
				kind = extract.KindTableRow
			}
			c := extract.Claim{
				ID: claimID(docID, off, s), DocID: docID, Location: loc, Source: o, Title: headline,
				Published: pub.Format(time.RFC3339), Text: s, Kind: kind,
				Entities: t.ents, Dates: t.dates, Money: t.money, Quantities: t.qty,
				Offset: extract.Span{Start: off, End: off + len(s)}, Conflicts: []string{},
			}
			if kind == extract.KindQuote {
				c.Speaker = person.name
			}
			// Check-worthiness rises with figures and names, as the
			// extractor's does.
			c.Score = math.Round(min(0.95, 0.1+0.25*float64(len(t.money)+len(t.qty)+len(t.dates))+0.05*float64(len(t.ents))+0.2*r.Float64())*100) / 100
			claims = append(claims, c)
			off += len(s) + 1
		}
		docs = append(docs, genDoc{index.DocRecord{ID: docID, Location: loc, Source: o, Hash: docID}, claims})
	}
	return docs
}

// background is a sentence of the report around its facts: common words,
// the topic's words, sometimes a rare invented word, a recurring entity,
// the event's names, a date or an amount of its own.
func background(r *rand.Rand, words []string, firm, place entity) *text {
	t := new(text)
	n := 7 + r.IntN(14)
	for i := range n {
		if i > 0 {
			t.s(" ")
		}
		switch k := r.IntN(100); {
		case k < 3:
			t.ent(recurring[zipf(r, len(recurring), 1)])
		case k < 5:
			t.ent([]entity{firm, place}[r.IntN(2)])
		case k < 6:
			code, sign := pickCurrency(r)
			t.amount(code, sign, round3(math.Pow(10, 3+8*r.Float64())))
		case k < 7:
			t.date(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(1500)))
		case k < 9:
			t.s(strings.ToLower(genName(r, 2+r.IntN(3))))
		case k < 13:
			t.s(words[r.IntN(len(words))])
		default:
			w := vocabulary[zipf(r, len(vocabulary), 1)]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			t.s(w)
		}
	}
	t.s(".")
	return t
}

// claimID is derived as the extractor derives it: from the document, the
// claim's place and its text.
func claimID(doc string, start int, s string) string {
	h := sha256.Sum256([]byte(doc + "\x00" + strconv.Itoa(start) + "\x00" + s))
	return hex.EncodeToString(h[:8])
}
