package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/claimdex/claimdex/extract"
	gocmp "github.com/google/go-cmp/cmp"
)

// moneyLoaded returns an in-memory index of claims built to tell a
// currency-and-amount filter tied per money mention from one that is not.
func moneyLoaded(t testing.TB) *Index {
	t.Helper()
	usd := func(lo, hi float64) extract.Money {
		return extract.Money{Text: "x", Amount: lo, AmountMax: hi, Currency: "USD"}
	}
	claims := []struct {
		id    string
		money []extract.Money
	}{
		// A big EUR amount next to a small USD one.
		{"m1", []extract.Money{{Text: "2 billion euros", Amount: 2e9, Currency: "EUR"}, usd(5e3, 0)}},
		{"m2", []extract.Money{usd(5e10, 0)}},
		{"m3", []extract.Money{{Text: "£700m", Amount: 7e8, Currency: "gbp"}}},
		{"m4", []extract.Money{usd(4e10, 5.5e10)}},
		{"m5", []extract.Money{usd(1e9, 0)}},
		// Two ranges whose union, but neither alone, straddles 5e7.
		{"m6", []extract.Money{usd(1e6, 2e6), usd(1e8, 2e8)}},
		// More ranges than maxRangeOrdinals: the fifth is indexed by its ends.
		{"m7", []extract.Money{usd(1, 2), usd(3, 4), usd(5, 6), usd(7, 8), usd(1e12, 3e12)}},
		// A range written high end first.
		{"m8", []extract.Money{usd(9e5, 7e5)}},
		// No currency: never matched by a currency filter.
		{"m9", []extract.Money{{Text: "3 billion", Amount: 3e9}}},
	}
	rec := DocRecord{ID: "d-money", Location: "in/money.txt", Source: "Ledger", Hash: "h-money"}
	var cs []extract.Claim
	for _, c := range claims {
		cs = append(cs, extract.Claim{ID: c.id, DocID: rec.ID, Location: rec.Location, Source: rec.Source,
			Kind: extract.KindSentence, Text: "The fund stated an amount.", Money: c.money})
	}
	ix := newMem(t)
	w := ix.NewWriter(100)
	mustPut(t, w, rec, cs, Added)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearchMoneyTied(t *testing.T) {
	ix := moneyLoaded(t)
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"USD min: EUR amount does not lend itself to USD", Query{Currencies: []string{"USD"}, MinAmount: f(1e9)},
			[]string{"m2", "m4", "m5", "m7"}},
		{"currency any case", Query{Currencies: []string{" usd "}, MinAmount: f(1e9)}, []string{"m2", "m4", "m5", "m7"}},
		{"USD max", Query{Currencies: []string{"USD"}, MaxAmount: f(1e4)}, []string{"m1", "m7"}},
		{"USD window", Query{Currencies: []string{"USD"}, MinAmount: f(1e9), MaxAmount: f(4.5e10)}, []string{"m4", "m5"}},
		{"EUR min", Query{Currencies: []string{"EUR"}, MinAmount: f(1e9)}, []string{"m1"}},
		{"EUR max below its amount", Query{Currencies: []string{"EUR"}, MaxAmount: f(1e9)}, []string{}},
		{"several currencies", Query{Currencies: []string{"EUR", "GBP"}, MinAmount: f(5e8)}, []string{"m1", "m3"}},
		{"several currencies, one repeated", Query{Currencies: []string{"GBP", "USD", "gbp"}, MinAmount: f(6e8), MaxAmount: f(1e9)},
			[]string{"m3", "m5"}},
		{"unknown currency", Query{Currencies: []string{"JPY"}, MinAmount: f(0)}, []string{}},
		{"min inclusive", Query{Currencies: []string{"USD"}, MinAmount: f(5e10)}, []string{"m2", "m4", "m7"}},
		{"max inclusive", Query{Currencies: []string{"USD"}, MaxAmount: f(5e3)}, []string{"m1", "m7"}},
		{"point window inclusive", Query{Currencies: []string{"USD"}, MinAmount: f(1e9), MaxAmount: f(1e9)}, []string{"m5"}},
		{"just above a point", Query{Currencies: []string{"USD"}, MinAmount: f(math.Nextafter(1e9, 2e9)), MaxAmount: f(2e9)}, []string{}},
		// Ranges: a mention matches when its interval overlaps the window.
		{"range low end in window", Query{Currencies: []string{"USD"}, MinAmount: f(3e10), MaxAmount: f(4e10)}, []string{"m4"}},
		{"range high end in window", Query{Currencies: []string{"USD"}, MinAmount: f(5.5e10), MaxAmount: f(6e10)}, []string{"m4"}},
		{"window inside range", Query{Currencies: []string{"USD"}, MinAmount: f(4.5e10), MaxAmount: f(4.6e10)}, []string{"m4"}},
		{"window holds range", Query{Currencies: []string{"USD"}, MinAmount: f(1e10), MaxAmount: f(6e10)}, []string{"m2", "m4"}},
		{"window between two ranges", Query{Currencies: []string{"USD"}, MinAmount: f(5e7), MaxAmount: f(5e7)}, []string{}},
		{"second range of a claim", Query{Currencies: []string{"USD"}, MinAmount: f(1.5e8), MaxAmount: f(1.5e8)}, []string{"m6"}},
		{"range written backwards", Query{Currencies: []string{"USD"}, MinAmount: f(8e5), MaxAmount: f(8e5)}, []string{"m8"}},
		{"range past the ordinals, end in window", Query{Currencies: []string{"USD"}, MinAmount: f(3e12)}, []string{"m7"}},
		// Documented gap: a window strictly inside a range beyond
		// maxRangeOrdinals is not found.
		{"range past the ordinals, window inside", Query{Currencies: []string{"USD"}, MinAmount: f(2e12), MaxAmount: f(2e12)}, []string{}},
		{"fourth range still exact", Query{Currencies: []string{"USD"}, MinAmount: f(7.5), MaxAmount: f(7.5)}, []string{"m7"}},
		// Without a currency, the numeric filter is unchanged.
		{"no currency min", Query{MinAmount: f(1e9)}, []string{"m1", "m2", "m4", "m5", "m7", "m9"}},
		{"blank currency is no currency", Query{Currencies: []string{" "}, MinAmount: f(2.5e9), MaxAmount: f(3e9)}, []string{"m9"}},
		// Without an amount, the currency filter is unchanged.
		{"currency only", Query{Currencies: []string{"GBP", "EUR"}}, []string{"m1", "m3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := gocmp.Diff(tt.want, searchIDs(t, ix, tt.q)); diff != "" {
				t.Errorf("Search (-want +got):\n%s", diff)
			}
			exp := exportIDs(t, ix, tt.q)
			if exp == nil {
				exp = []string{}
			}
			if diff := gocmp.Diff(tt.want, exp); diff != "" {
				t.Errorf("Export (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSearchMoneyBadBound(t *testing.T) {
	ix := moneyLoaded(t)
	nan, lo, hi := math.NaN(), 10.0, 5.0
	for name, q := range map[string]Query{
		"NaN bound":     {Currencies: []string{"USD"}, MinAmount: &nan},
		"inverted tied": {Currencies: []string{"USD"}, MinAmount: &lo, MaxAmount: &hi},
	} {
		if _, err := ix.Search(context.Background(), q); !errors.Is(err, ErrQuery) {
			t.Errorf("%s: Search error = %v, want ErrQuery", name, err)
		}
	}
}

// TestSearchMoneyTrieExact checks the coarse-term windows against a
// brute-force filter: amounts of every magnitude, many on round values
// (bucket edges) and on both signs, points and ranges, and windows whose
// ends fall on, inside and between buckets.
func TestSearchMoneyTrieExact(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	amount := func() float64 {
		switch r.IntN(4) {
		case 0: // round: 1, 2, 5 times a power of ten
			return []float64{1, 2, 5}[r.IntN(3)] * math.Pow(10, float64(r.IntN(13)))
		case 1: // powers of two sit on the coarsest edges
			return math.Ldexp(1, r.IntN(60)-10)
		case 2:
			return -r.Float64() * math.Pow(10, float64(r.IntN(10)))
		default:
			return math.Round(r.Float64()*math.Pow(10, float64(1+r.IntN(12)))) / 100
		}
	}
	type mention struct{ lo, hi float64 }
	rec := DocRecord{ID: "d-trie", Location: "in/trie.txt", Source: "Ledger", Hash: "h-trie"}
	var cs []extract.Claim
	mentions := map[string][]mention{}
	for i := range 400 {
		id := fmt.Sprintf("t%03d", i)
		var money []extract.Money
		for range 1 + r.IntN(3) {
			m := extract.Money{Text: "x", Amount: amount(), Currency: "USD"}
			hi := m.Amount
			if r.IntN(3) == 0 {
				m.AmountMax = amount()
				hi = m.AmountMax
			}
			money = append(money, m)
			mentions[id] = append(mentions[id], mention{min(m.Amount, hi), max(m.Amount, hi)})
		}
		cs = append(cs, extract.Claim{ID: id, DocID: rec.ID, Location: rec.Location, Source: rec.Source,
			Kind: extract.KindSentence, Text: "The fund stated an amount.", Money: money})
	}
	ix := newMem(t)
	w := ix.NewWriter(1000)
	mustPut(t, w, rec, cs, Added)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		a, b := amount(), amount()
		if i%5 == 0 {
			b = math.Nextafter(a, math.Inf(1)) // a window one float wide
		}
		lo, hi := min(a, b), max(a, b)
		q := Query{Currencies: []string{"USD"}, MinAmount: &lo, MaxAmount: &hi}
		switch i % 7 {
		case 1:
			q.MinAmount = nil
		case 2:
			q.MaxAmount = nil
		}
		want := []string{}
		for _, c := range cs {
			// At most 3 mentions: no range is past maxRangeOrdinals.
			for _, m := range mentions[c.ID] {
				if (q.MaxAmount == nil || m.lo <= hi) && (q.MinAmount == nil || m.hi >= lo) {
					want = append(want, c.ID)
					break
				}
			}
		}
		if diff := gocmp.Diff(want, searchIDs(t, ix, q)); diff != "" {
			t.Fatalf("window [%v, %v] min=%v max=%v (-want +got):\n%s", lo, hi, q.MinAmount != nil, q.MaxAmount != nil, diff)
		}
	}
}

// TestTrieRangeSize bounds the terms of a window by the levels: at most
// one coarse range per side per level and one range in the middle.
func TestTrieRangeSize(t *testing.T) {
	windows := [][2]float64{{1e9, 5e10}, {0, 1}, {-1e6, 1e12}, {123.45, 123.46}, {1, 1}, {math.Inf(-1), math.Inf(1)}}
	for _, w := range windows {
		q := trieRange(fMoney, "USD", sortableAmount(w[0]), sortableAmount(w[1]))
		n := 1
		if d, ok := q.(*query.DisjunctionQuery); ok {
			n = len(d.Disjuncts)
		}
		if max := 2*(len(trieLevels)-1) + 1; n > max {
			t.Errorf("window %v: %d term ranges, want at most %d", w, n, max)
		}
	}
}

// orderingValues are floats where an encoding is most likely to go wrong.
var orderingValues = []float64{
	math.Inf(-1), -math.MaxFloat64, -1e15, -1, -math.SmallestNonzeroFloat64, math.Copysign(0, -1),
	0, math.SmallestNonzeroFloat64, 0x1p-1022, 0.01, 1, 1e9, 1e15, math.MaxFloat64, math.Inf(1),
}

// checkOrder fails when the encodings of a and b do not compare like a
// and b, or are not 16 hex digits.
func checkOrder(t *testing.T, a, b float64) {
	t.Helper()
	ea, eb := sortableAmount(a), sortableAmount(b)
	for _, e := range []string{ea, eb} {
		if len(e) != 16 || e < amountMin || e > amountMax {
			t.Fatalf("sortableAmount = %q, want 16 hex digits", e)
		}
	}
	if got, want := cmp.Compare(ea, eb), cmp.Compare(a, b); got != want {
		t.Fatalf("compare(%q, %q) = %d, compare(%g, %g) = %d", ea, eb, got, a, b, want)
	}
}

func TestSortableAmountOrder(t *testing.T) {
	for _, a := range orderingValues {
		for _, b := range orderingValues {
			checkOrder(t, a, b)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	random := []func() float64{
		func() float64 { return r.Float64() * 1e15 },                             // money-sized
		func() float64 { return math.Float64frombits(r.Uint64()) },               // any bits
		func() float64 { return float64(r.IntN(2000)) / 100 },                    // cents, many ties
		func() float64 { return r.NormFloat64() * math.Pow(10, r.Float64()*30) }, // both signs
	}
	for range 100000 {
		gen := random[r.IntN(len(random))]
		a, b := gen(), gen()
		if math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		checkOrder(t, a, b)
	}
}

func FuzzSortableAmountOrder(f *testing.F) {
	for i, v := range orderingValues {
		f.Add(v, orderingValues[(i+3)%len(orderingValues)])
	}
	f.Fuzz(func(t *testing.T, a, b float64) {
		if math.IsNaN(a) || math.IsNaN(b) {
			t.Skip("NaN is not ordered")
		}
		checkOrder(t, a, b)
	})
}

// BenchmarkSearchMoney measures the tied filter over 10,000 claims: one
// currency, one window, the disjunction of 1 + maxRangeOrdinals clauses.
func BenchmarkSearchMoney(b *testing.B) {
	ix := newMem(b)
	w := ix.NewWriter(DefaultBatchSize)
	for d := range 100 {
		rec, claims := numbered(fmt.Sprintf("doc%03d", d), fmt.Sprint("h", d), 100)
		for i := range claims {
			if i%2 == 0 {
				claims[i].Money = append(claims[i].Money,
					extract.Money{Text: "y", Amount: float64(i), AmountMax: float64(i) + 50, Currency: "USD"})
			}
		}
		if _, _, err := w.Put(rec, claims); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	lo, hi := 20.0, 30.0
	q := Query{Currencies: []string{"USD", "EUR"}, MinAmount: &lo, MaxAmount: &hi}
	for b.Loop() {
		res, err := ix.Search(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		// EUR i in [20, 30] (11 claims per doc) or USD range [i, i+50]
		// overlapping it (even i <= 30: 16 per doc; 6 of them also EUR).
		if res.Total != 100*(11+16-6) {
			b.Fatalf("Total = %d", res.Total)
		}
	}
}
