package index

import (
	"math"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/claimdex/claimdex/extract"
)

// Money mentions as keyword terms that tie the currency to the amount.
//
// The numeric field "amount" and the keyword field "currency" are
// independent multi-valued fields, so "USD and >= 1e9" would match a
// claim stating EUR 2e9 and USD 5e3. Each mention is therefore also
// indexed as one term "CUR|" + sortableAmount(amount): within a currency
// the terms sort in amount order, so an amount window is a term range.
//
// A point mention goes to fMoney. A range mention [lo, hi] overlaps a
// window [a, b] when lo <= b and hi >= a: two conditions on two values
// of the same mention, which one term range cannot express. A range is
// therefore indexed as two terms, "k|CUR|lo" in fMoneyLo and "k|CUR|hi"
// in fMoneyHi, where k is the range's ordinal among the claim's ranges in
// that currency; the query conjoins the two conditions per ordinal, which
// ties them to one mention and makes overlap exact (a window strictly
// inside a range is found). Ordinals stop at maxRangeOrdinals - 1: a
// claim with more ranges in one currency (a long table row, say) indexes
// the rest by their two ends in fMoney, so such an extra range is found
// when either end falls in the window but not by a window strictly inside
// it.
//
// A window wide enough to hold thousands of distinct amounts would make a
// term range of thousands of terms, each a searcher over every segment.
// Every term is therefore also indexed at coarser precisions (trieLevels,
// as Lucene's trie ranges do): the key, a level mark that sorts above the
// hex digits, and the first l digits. A window is cut into the coarsest
// whole buckets it holds, with finer terms only at its two edges, so its
// size in terms is bounded by the levels, not by the corpus.
const (
	fMoney   = "money"    // "CUR|amount" per point mention
	fMoneyLo = "money_lo" // "k|CUR|low end" per range mention
	fMoneyHi = "money_hi" // "k|CUR|high end" per range mention
)

// maxRangeOrdinals bounds the per-currency ordinals of range mentions, and
// so the size of the query (currencies × (1 + maxRangeOrdinals) clauses).
const maxRangeOrdinals = 4

// trieLevels are the lengths, in hex digits of sortableAmount, of the
// coarse terms: 3 digits are the sign and exponent (a factor of two),
// each further digit cuts that into 16. The full 16 digits come last.
var trieLevels = []int{3, 4, 5, 6, 16}

// trieMark separates a key from a coarse term's level; '~' sorts above
// the hex digits, so no coarse term falls inside a range of full terms.
const trieMark = "|~"

// Lowest and highest sortableAmount values, for open-ended windows.
const (
	amountMin = "0000000000000000"
	amountMax = "ffffffffffffffff"
)

// sortableAmount encodes v as 16 lower-case hex digits whose byte order is
// the numeric order of the floats: the IEEE-754 bits with the sign bit
// flipped for non-negative values and all bits flipped for negative ones.
// -0 is encoded as +0, so they compare equal like the floats do. NaN has
// no place in the order; callers keep it out.
func sortableAmount(v float64) string {
	if v == 0 {
		v = 0 // normalizes -0
	}
	b := math.Float64bits(v)
	if b>>63 == 0 {
		b |= 1 << 63
	} else {
		b = ^b
	}
	s := strconv.FormatUint(b, 16)
	return strings.Repeat("0", 16-len(s)) + s
}

// moneyCurrency normalizes a currency code for the tied terms: trimmed,
// upper-cased, and without the separator so that no currency's terms fall
// inside another currency's term range.
func moneyCurrency(s string) string {
	return strings.ReplaceAll(strings.ToUpper(strings.TrimSpace(s)), "|", "")
}

// moneyTerms adds the tied currency-amount terms of c's money mentions to
// the Bleve document d. Mentions without a currency or with a NaN amount
// are left out: they cannot match a currency filter.
func moneyTerms(d map[string]any, money []extract.Money) {
	var points, los, his []string
	ordinals := map[string]int{}
	for _, m := range money {
		cur := moneyCurrency(m.Currency)
		if cur == "" || math.IsNaN(m.Amount) || math.IsNaN(m.AmountMax) {
			continue
		}
		if m.AmountMax == 0 || m.AmountMax == m.Amount {
			points = trieTerms(points, cur, sortableAmount(m.Amount))
			continue
		}
		lo, hi := min(m.Amount, m.AmountMax), max(m.Amount, m.AmountMax)
		k := ordinals[cur]
		if k >= maxRangeOrdinals {
			points = trieTerms(trieTerms(points, cur, sortableAmount(lo)), cur, sortableAmount(hi))
			continue
		}
		ordinals[cur] = k + 1
		key := rangeKey(k, cur)
		los = trieTerms(los, key, sortableAmount(lo))
		his = trieTerms(his, key, sortableAmount(hi))
	}
	putList(d, fMoney, points)
	putList(d, fMoneyLo, los)
	putList(d, fMoneyHi, his)
}

// rangeKey is the key of the k-th range mention in currency cur.
func rangeKey(k int, cur string) string {
	return strconv.Itoa(k) + "|" + cur
}

// trieTerms appends the terms of one amount under key: the full term
// key|amount and one coarse term per coarser level.
func trieTerms(terms []string, key, amount string) []string {
	terms = append(terms, key+"|"+amount)
	for _, l := range trieLevels[:len(trieLevels)-1] {
		terms = append(terms, key+trieMark+strconv.Itoa(l)+"|"+amount[:l])
	}
	return terms
}

// trieRange selects the claims with a term of field under key whose amount
// lies in [a, b] (sortableAmount encodings, a <= b): the fewest terms of
// trieLevels that cover the window exactly, as one disjunction.
func trieRange(field, key, a, b string) query.Query {
	var qs []query.Query
	var split func(a, b string, level int)
	split = func(a, b string, level int) {
		l := trieLevels[level]
		if l == len(a) {
			qs = append(qs, termRange(field, key+"|"+a, key+"|"+b))
			return
		}
		pa, pb := a[:l], b[:l]
		if pa == pb {
			split(a, b, level+1)
			return
		}
		from, to := pa, pb
		if a[l:] != amountMin[l:] {
			split(a, pa+amountMax[l:], level+1)
			from = stepHex(pa, 1)
		}
		if b[l:] != amountMax[l:] {
			split(pb+amountMin[l:], b, level+1)
			to = stepHex(pb, -1)
		}
		if from <= to {
			mark := key + trieMark + strconv.Itoa(l) + "|"
			qs = append(qs, termRange(field, mark+from, mark+to))
		}
	}
	split(a, b, 0)
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// stepHex returns the hex string of h's length one above (d = 1) or below
// (d = -1) h. Callers step only between two other values of that length,
// so it never wraps.
func stepHex(h string, d int64) string {
	v, _ := strconv.ParseUint(h, 16, 64)
	s := strconv.FormatUint(uint64(int64(v)+d), 16)
	return strings.Repeat("0", len(h)-len(s)) + s
}

// moneyFilter selects claims with a money mention in one of currencies
// whose amount (or, for a range, whose interval) overlaps [lo, hi],
// inclusive; a nil bound is open. nil when no currency is given. The
// bounds are not NaN (buildQuery refuses it).
func moneyFilter(currencies []string, lo, hi *float64) query.Query {
	a, b := amountMin, amountMax
	if lo != nil {
		a = sortableAmount(*lo)
	}
	if hi != nil {
		b = sortableAmount(*hi)
	}
	var qs []query.Query
	seen := map[string]bool{}
	for _, c := range currencies {
		cur := moneyCurrency(c)
		if cur == "" || seen[cur] {
			continue
		}
		seen[cur] = true
		qs = append(qs, trieRange(fMoney, cur, a, b))
		for k := range maxRangeOrdinals {
			// Low end <= b and high end >= a, on the same mention. An
			// open side holds for every range, so only the other is asked.
			key := rangeKey(k, cur)
			loEnd := trieRange(fMoneyLo, key, amountMin, b)
			hiEnd := trieRange(fMoneyHi, key, a, amountMax)
			switch {
			case lo == nil:
				qs = append(qs, loEnd)
			case hi == nil:
				qs = append(qs, hiEnd)
			default:
				qs = append(qs, bleve.NewConjunctionQuery(loEnd, hiEnd))
			}
		}
	}
	if len(qs) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// termRange selects terms of field in [from, to], both inclusive.
func termRange(field, from, to string) query.Query {
	inc := true
	q := bleve.NewTermRangeInclusiveQuery(from, to, &inc, &inc)
	q.SetField(field)
	return q
}
