package extract

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// FindMoney returns the money amounts in text, in order: a currency sign or
// code before a number ("$50 billion", "US$7.1bn", "EUR 5m", "Rs 500 crore")
// or a currency name after it ("12 billion euros", "6.5 billion Norwegian
// kroner", "half a billion dollars", "50 cents"). Ranges ("between $10
// million and $12 million", "$10-12 million", "$5bn-$7bn") give one Money
// with AmountMax. Counts, years, percentages and index points carry no
// currency and are never money. Hedges ("roughly", "about") are left out of
// the span; "between" is kept because it belongs to the range.
func FindMoney(text string) (out []Money) {
	withTokens(text, func(toks []lexTok) { out = findMoneyToks(text, toks) })
	return out
}

// moneySymbols maps currency signs to ISO 4217 codes.
var moneySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
	"₩": "KRW", "₴": "UAH", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP",
	"฿": "THB", "₫": "VND", "₸": "KZT", "₼": "AZN", "₾": "GEL", "￥": "JPY", "₵": "GHS",
}

// signCurrencies are the currencies a bare sign stands for at home in
// some country, so that a code written after it ("$55 million CAD") can
// name which.
var signCurrencies = map[string][]string{
	"$": {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "ARS", "CLP", "COP",
		"JMD", "TTD", "FJD", "NAD"},
	"¥": {"JPY", "CNY"},
}

// letterCurrencies are capital letters that stand for a currency glued
// to a plainly monetary amount.
var letterCurrencies = map[string]string{"P": "PHP", "R": "ZAR", "N": "NGN"}

// moneyPrefixes are letters glued before "$" or "¥" ("US$", "C$", "CN¥"),
// keyed by lowercase prefix + sign.
var moneyPrefixes = map[string]string{
	"us$": "USD", "u.s.$": "USD", "c$": "CAD", "ca$": "CAD", "can$": "CAD",
	"a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD",
	"sg$": "SGD", "r$": "BRL", "nt$": "TWD", "mx$": "MXN", "cn¥": "CNY",
	"rmb¥": "CNY", "jp¥": "JPY",
	// The Ghanaian cedi, as its papers write it: "GH¢220,000", "GH₵1.2m".
	"gh¢": "GHS", "gh₵": "GHS",
}

// moneyCodes are ISO codes (and "Rs", "RMB") read before or after a number
// when written in capitals ("USD 3 million", "5 million EUR").
var moneyCodes = map[string]string{
	"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY",
	"RMB": "CNY", "INR": "INR", "CAD": "CAD", "AUD": "AUD", "NZD": "NZD",
	"HKD": "HKD", "SGD": "SGD", "CHF": "CHF", "NOK": "NOK", "SEK": "SEK",
	"DKK": "DKK", "RUB": "RUB", "UAH": "UAH", "KRW": "KRW", "BRL": "BRL",
	"MXN": "MXN", "ZAR": "ZAR", "TRY": "TRY", "SAR": "SAR", "AED": "AED",
	"ILS": "ILS", "PLN": "PLN", "CZK": "CZK", "HUF": "HUF", "TWD": "TWD",
	"IDR": "IDR", "PKR": "PKR", "NGN": "NGN", "EGP": "EGP", "QAR": "QAR",
	"KZT": "KZT", "THB": "THB", "PHP": "PHP", "VND": "VND", "MYR": "MYR",
	"RON": "RON", "BGN": "BGN", "PEN": "PEN", "ARS": "ARS", "CLP": "CLP",
	"COP": "COP", "KES": "KES", "UGX": "UGX", "TZS": "TZS", "GHS": "GHS",
	"ETB": "ETB", "MAD": "MAD", "ISK": "ISK", "RSD": "RSD", "MWK": "MWK",
	"ZMW": "ZMW", "XOF": "XOF", "XAF": "XAF",
	"BDT": "BDT", "LKR": "LKR", "NPR": "NPR", "MUR": "MUR", "SCR": "SCR", "MMK": "MMK",
	"KHR": "KHR", "LAK": "LAK", "MNT": "MNT", "KWD": "KWD", "JOD": "JOD", "BHD": "BHD",
	"OMR": "OMR", "IQD": "IQD", "IRR": "IRR", "DZD": "DZD", "TND": "TND", "RWF": "RWF",
	"CDF": "CDF", "AOA": "AOA", "MZN": "MZN", "BWP": "BWP", "NAD": "NAD", "DOP": "DOP",
	"GTQ": "GTQ", "CRC": "CRC", "PYG": "PYG", "UYU": "UYU", "JMD": "JMD",
	"TTD": "TTD", "FJD": "FJD", "PGK": "PGK", "UZS": "UZS", "GEL": "GEL", "AZN": "AZN",
	"BYN": "BYN", "MDL": "MDL", "MKD": "MKD",
	"Rs": "INR", "RS": "INR", "Rp": "IDR",
	// The Bangladeshi taka as its papers write it.
	"Tk": "BDT",
	// The Czech crown, the Kenyan shilling, the Malaysian ringgit and the
	// Polish zloty as their papers write them.
	"Kč": "CZK", "Sh": "KES", "RM": "MYR", "zł": "PLN",
	// East African shillings as their papers write them.
	"KSh": "KES", "Ksh": "KES", "KShs": "KES", "Kshs": "KES", "TSh": "TZS", "Tsh": "TZS",
	"USh": "UGX", "Ush": "UGX",
}

// moneyNames maps a currency name after a number to its code. Keys are
// lowercase word sequences; the longest one that matches wins, so
// "Norwegian kroner" beats "kroner" and "Hong Kong dollars" beats "dollars".
var moneyNames = map[string]string{
	"dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
	"american dollars": "USD", "canadian dollars": "CAD", "australian dollars": "AUD",
	"new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
	"taiwan dollars": "TWD", "new taiwan dollars": "TWD",
	// Singular after "one" or as an adjective ("a 830 million Canadian-dollar
	// expansion").
	"us dollar": "USD", "american dollar": "USD", "canadian dollar": "CAD",
	"australian dollar": "AUD", "new zealand dollar": "NZD", "hong kong dollar": "HKD",
	"singapore dollar": "SGD", "taiwan dollar": "TWD", "new taiwan dollar": "TWD",
	"bucks": "USD", "patacas": "MOP", "pataca": "MOP",
	"euros": "EUR", "euro": "EUR",
	"pounds sterling": "GBP", "sterling": "GBP", "british pounds": "GBP",
	"yen": "JPY", "japanese yen": "JPY",
	"yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
	"rupees": "INR", "rupee": "INR", "indian rupees": "INR", "pakistani rupees": "PKR",
	"sri lankan rupees": "LKR", "nepalese rupees": "NPR",
	"rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB",
	"russian rubles": "RUB", "russian roubles": "RUB",
	"hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "ukrainian hryvnia": "UAH",
	"won": "KRW", "korean won": "KRW", "south korean won": "KRW",
	"norwegian kroner": "NOK", "norwegian krone": "NOK", "swedish kronor": "SEK",
	"swedish krona": "SEK", "danish kroner": "DKK", "danish krone": "DKK",
	"kronor": "SEK", "kroner": "NOK", "krone": "NOK",
	"swiss francs": "CHF", "swiss franc": "CHF", "francs": "CHF",
	"cfa francs": "XOF",
	"reais":      "BRL", "brazilian reais": "BRL", "brazilian real": "BRL",
	"pesos": "MXN", "mexican pesos": "MXN", "argentine pesos": "ARS",
	"chilean pesos": "CLP", "colombian pesos": "COP", "philippine pesos": "PHP",
	"lira": "TRY", "liras": "TRY", "turkish lira": "TRY",
	"rand": "ZAR", "south african rand": "ZAR",
	"riyals": "SAR", "saudi riyals": "SAR", "qatari riyals": "QAR",
	"shekels": "ILS", "new shekels": "ILS",
	"naira": "NGN", "zlotys": "PLN", "zloty": "PLN", "forints": "HUF", "forint": "HUF",
	"baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "dong": "VND",
	"egyptian pounds": "EGP", "tenge": "KZT", "lari": "GEL", "manat": "AZN",
	"czech crowns": "CZK", "koruna": "CZK", "korunas": "CZK", "koruny": "CZK", "czech koruna": "CZK",
	// English news calls the Nordic and Czech currencies crowns; a bare
	// "crowns" is resolved by the country a story names (sharedNames).
	"crowns": "CZK", "crown": "CZK", "swedish crowns": "SEK", "danish crowns": "DKK",
	"norwegian crowns": "NOK", "icelandic crowns": "ISK", "faroese crowns": "DKK",
	"lei": "RON", "romanian lei": "RON", "leva": "BGN", "bulgarian leva": "BGN",
	"soles": "PEN", "peruvian soles": "PEN", "cedis": "GHS", "ghanaian cedis": "GHS",
	"kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS",
	"shillings": "KES", "shilling": "KES", // Kenya's is the shilling most news names bare
	"malawian kwacha": "MWK", "zambian kwacha": "ZMW", "birr": "ETB", "ethiopian birr": "ETB",
	"dirhams": "AED", "moroccan dirhams": "MAD", "icelandic kronur": "ISK", "serbian dinars": "RSD",
	"bitcoin": "XBT", "bitcoins": "XBT",
	"taka": "BDT", "bangladeshi taka": "BDT", "kyat": "MMK", "kyats": "MMK", "riel": "KHR", "riels": "KHR",
	"kuwaiti dinars": "KWD", "jordanian dinars": "JOD", "iraqi dinars": "IQD", "algerian dinars": "DZD",
	"tunisian dinars": "TND", "quetzales": "GTQ", "colones": "CRC", "bolivianos": "BOB", "guaranies": "PYG",
	"rwandan francs": "RWF", "congolese francs": "CDF", "kwanzas": "AOA", "meticais": "MZN", "pula": "BWP",
	"mauritian rupees": "MUR", "seychellois rupees": "SCR", "nepali rupees": "NPR",
}

// videoLines are the line counts of common video resolutions ("1080p"),
// which read like pence.
var videoLines = map[float64]bool{144: true, 240: true, 360: true, 480: true, 540: true, 576: true, 720: true, 1080: true, 1440: true, 2160: true, 4320: true}

// moneyNameMaxWords is the longest key of moneyNames, in words.
const moneyNameMaxWords = 3

// moneyNameAt matches a currency name at toks[j]. It returns the code, the
// index after the name, and whether the name is a minor unit (cents, pence).
func moneyNameAt(toks []lexTok, j int, scaled bool, numeral bool) (code string, next int, minor bool, ok bool) {
	if j >= len(toks) || toks[j].kind != lexWord {
		return "", j, false, false
	}
	switch toks[j].low {
	case "cents", "cent":
		return "USD", j + 1, true, true
	case "pence", "p":
		if toks[j].low == "p" && (toks[j].sp || scaled) {
			return "", j, false, false
		}
		return "GBP", j + 1, true, true
	case "euro":
		if j+1 < len(toks) && (toks[j+1].is("cents") || toks[j+1].is("cent")) {
			return "EUR", j + 2, true, true
		}
	case "pounds", "pound":
		// "pounds" is also a weight: money only as "pounds sterling", with
		// a scale ("5 million pounds") or as a rate per period ("eight
		// pounds a month").
		if j+1 < len(toks) && toks[j+1].is("sterling") {
			return "GBP", j + 2, false, true
		}
		if scaled || perPeriod(toks, j+1) {
			return "GBP", j + 1, false, true
		}
		return "", j, false, false
	case "won":
		// "won" is also a verb: only after a numeral or a scale.
		if !numeral && !scaled {
			return "", j, false, false
		}
	}
	if c, ok := moneyCodes[toks[j].raw]; ok && toks[j].raw != "Rs" && toks[j].raw != "Rp" && toks[j].raw != "RS" {
		return c, j + 1, false, true
	}
	// Longest lowercase word sequence first; a hyphen may join the words
	// ("Canadian-dollar").
	var key [moneyNameMaxWords]string
	var after [moneyNameMaxWords]int
	n := 0
	for k := j; k < len(toks) && n < moneyNameMaxWords; k++ {
		t := &toks[k]
		if t.kind == lexWord {
			key[n] = t.low
			after[n] = k + 1
			n++
			continue
		}
		if n > 0 && t.isDash() && k+1 < len(toks) && toks[k+1].kind == lexWord {
			continue
		}
		break
	}
	for w := n; w >= 1; w-- {
		var s string
		if w == 1 {
			s = key[0]
		} else {
			s = joinWords(key[:w])
		}
		if c, ok := moneyNames[s]; ok {
			if (c == "KRW" && !numeral && !scaled) || (w == 1 && (s == "rand" || s == "dong") && !scaled && !numeral) {
				continue
			}
			return c, after[w-1], false, true
		}
	}
	// "U.S. dollars"
	if toks[j].is("u") && j+4 < len(toks) && toks[j+1].is(".") && toks[j+2].is("s") && toks[j+3].is(".") && toks[j+4].is("dollars") {
		return "USD", j + 5, false, true
	}
	return "", j, false, false
}

// perPeriod reports "a month", "per year", "an hour" at toks[j]: a rate,
// which makes "eight pounds a month" money rather than weight.
func perPeriod(toks []lexTok, j int) bool {
	if j+1 >= len(toks) || !(toks[j].is("a") || toks[j].is("an") || toks[j].is("per")) {
		return false
	}
	switch toks[j+1].low {
	case "month", "year", "week", "day", "night", "hour":
		return true
	}
	return false
}

// leadingDecimal reads a fraction written without its zero, ".87" in "RMB
// .87" or "$.99", at toks[j]: a period glued to a run of digits.
func leadingDecimal(toks []lexTok, j int) (numPhrase, bool) {
	if j+1 >= len(toks) || !toks[j].is(".") || toks[j+1].kind != lexNum || toks[j+1].sp {
		return numPhrase{}, false
	}
	raw := toks[j+1].raw
	if len(raw) > 6 {
		return numPhrase{}, false
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] < '0' || raw[i] > '9' {
			return numPhrase{}, false
		}
	}
	v, ok := numeralValue("0." + raw)
	if !ok {
		return numPhrase{}, false
	}
	p := numPhrase{val: v, first: j, next: j + 2, numeral: true}
	if m, n, ok := scaleAt(toks, j+2, true); ok {
		p.val, p.scale, p.next = scaleExact(v, m), m, n
	}
	return p, true
}

func joinWords(ws []string) string {
	n := len(ws) - 1
	for _, w := range ws {
		n += len(w)
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// moneyPrefixAt reads a currency sign or code at toks[i]: "$", "US$",
// "CN¥", "USD", "Rs.". It returns the code, the index of the first token of
// the sign (for the span) and the index after it.
func moneyPrefixAt(toks []lexTok, i int) (code string, first, next int, ok bool) {
	t := &toks[i]
	if t.kind == lexPunct {
		// "US$", "C$", "HK$", "CN¥", "GH¢": letters glued before the sign.
		if i > 0 && !t.sp && toks[i-1].kind == lexWord {
			if pc, ok := moneyPrefixes[toks[i-1].low+t.raw]; ok {
				return pc, i - 1, i + 1, true
			}
		}
		c, ok := moneySymbols[t.raw]
		if !ok {
			return "", i, i, false
		}
		return c, i, i + 1, true
	}
	if t.kind != lexWord {
		return "", i, i, false
	}
	// "S/180 million", "S/. 2.5 millones": the Peruvian sol's sign.
	if t.raw == "S" && i+2 < len(toks) && toks[i+1].is("/") && !toks[i+1].sp {
		j := i + 2
		if toks[j].is(".") && !toks[j].sp {
			j++
		}
		// One digit is more often a code ("S/4") than a price.
		if j < len(toks) && toks[j].kind == lexNum && len(toks[j].raw) > 1 {
			return "PEN", i, j, true
		}
	}
	// "P560 million", "R438.6m", "N8.1bn", "R486 317 000": the Philippine
	// peso, the South African rand and the naira as their countries'
	// papers write them (in place of "₱", "₦"), glued to an amount that
	// is plainly money (scaled or in thousands); a lone "P5" or "R21" is
	// a code, a grade or a road.
	if c, ok := letterCurrencies[t.raw]; ok && i+1 < len(toks) && toks[i+1].kind == lexNum && !toks[i+1].sp {
		_, _, scaled := scaleAt(toks, i+2, true)
		_, _, grouped := spaceGrouped(toks, i+1)
		if scaled || grouped || strings.Contains(toks[i+1].raw, ",") {
			return c, i, i + 1, true
		}
	}
	c, ok := moneyCodes[t.raw]
	if !ok {
		return "", i, i, false
	}
	j := i + 1
	if (t.raw == "Rs" || t.raw == "Rp") && j < len(toks) && toks[j].is(".") && !toks[j].sp {
		j++
	}
	// "U.S. $" is rare; a code must be followed by a numeral, glued or not.
	if j < len(toks) && toks[j].kind == lexNum {
		return c, i, j, true
	}
	if _, ok := leadingDecimal(toks, j); ok {
		return c, i, j, true
	}
	return "", i, i, false
}

// spaceGrouped reads an amount whose thousands are set off by single
// spaces, as South African and many European papers print them ("R486
// 317 000", "EUR 1 250 000"): a group of one to three digits, then groups
// of three. Callers take it only where something makes the groups one
// figure: a currency before them, or what they count after them ("6 180
// patients").
func spaceGrouped(toks []lexTok, j int) (float64, int, bool) {
	digits := func(t *lexTok, n int) bool {
		if t.kind != lexNum || len(t.raw) > 3 || n == 3 && len(t.raw) != 3 {
			return false
		}
		for _, r := range t.raw {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	if j >= len(toks) || !digits(&toks[j], 0) {
		return 0, j, false
	}
	v, _ := strconv.ParseFloat(toks[j].raw, 64)
	k := j + 1
	for ; k < len(toks) && digits(&toks[k], 3) && toks[k].sp && !toks[k].nl && toks[k].start == toks[k-1].end+1; k++ {
		g, _ := strconv.ParseFloat(toks[k].raw, 64)
		v = v*1000 + g
	}
	return v, k, k > j+1
}

// findMoneyToks is FindMoney over lexed tokens.
func findMoneyToks(text string, toks []lexTok) []Money {
	var out []Money
	opts := numOpts{short: true, words: true}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind == lexNum || t.kind == lexPunct || (t.kind == lexWord && (moneyCodes[t.raw] != "" || t.raw == "S" || letterCurrencies[t.raw] != "")) {
			if m, next, ok := moneyPrefixed(text, toks, i, opts); ok {
				out = append(out, m)
				i = next - 1
				continue
			}
		}
		if t.kind == lexNum || (t.kind == lexWord && (numberUnits[t.low] > 0 || numberTens[t.low] > 0 || t.low == "a" || t.low == "an" || t.low == "half" || t.low == "quarter")) {
			if m, next, ok := moneySuffixed(text, toks, i, opts); ok {
				out = append(out, m)
				i = next - 1
				continue
			}
			// "9.6 billion zlotys, of which 7.1 billion came from ...":
			// a scaled part of an amount is in the amount's currency.
			if len(out) > 0 && t.kind == lexNum && i >= 2 && toks[i-1].is("which") && toks[i-2].is("of") {
				if p, ok := parseNumPhrase(toks, i, numOpts{}); ok && p.scale != 0 {
					last := out[len(out)-1]
					out = append(out, Money{Text: text[toks[i].start:toks[p.next-1].end], Amount: p.val, Currency: last.Currency,
						Start: toks[i].start, End: toks[p.next-1].end})
					i = p.next - 1
				}
			}
		}
	}
	return out
}

// moneyPrefixed reads "$50 billion", "US$7.1bn", "EUR 5m" and their ranges.
func moneyPrefixed(text string, toks []lexTok, i int, opts numOpts) (Money, int, bool) {
	code, first, j, ok := moneyPrefixAt(toks, i)
	if !ok || j >= len(toks) {
		return Money{}, 0, false
	}
	// "US$" where the "US" token is i-1 is handled when the loop sits on "$".
	var num numPhrase
	if toks[j].kind == lexNum {
		num, ok = parseNumPhrase(toks, j, numOpts{short: true})
		if v, next, grouped := spaceGrouped(toks, j); ok && grouped && num.next == j+1 {
			num.val, num.next = v, next
		}
	} else {
		num, ok = leadingDecimal(toks, j)
	}
	if !ok {
		return Money{}, 0, false
	}
	amount, max, end := num.val, 0.0, num.next
	startTok := first
	between := first > 0 && toks[first-1].is("between")
	// Range: "-", "to", or "and" after "between"; the second amount may
	// repeat the sign ("$5bn-$7bn") and lend its scale ("$10-12 million").
	if end < len(toks) {
		sep := &toks[end]
		if sep.isDash() || sep.is("to") || (between && sep.is("and")) {
			k := end + 1
			if k < len(toks) && toks[k].kind == lexPunct && moneySymbols[toks[k].raw] != "" {
				k++
			} else if k+1 < len(toks) && toks[k].kind == lexWord && toks[k+1].kind == lexPunct && !toks[k+1].sp && moneySymbols[toks[k+1].raw] != "" {
				if _, ok := moneyPrefixes[toks[k].low+toks[k+1].raw]; ok {
					k += 2
				}
			}
			if k < len(toks) && toks[k].kind == lexNum {
				hasSign := k > end+1
				if n2, ok := parseNumPhrase(toks, k, numOpts{short: true}); ok {
					lo, hi := amount, n2.val
					if num.scale == 0 && n2.scale != 0 {
						lo = scaleExact(lo, n2.scale)
					}
					if (hasSign || n2.scale != 0 || (num.scale == 0 && sep.isDash())) && hi > lo {
						amount, max, end = lo, hi, n2.next
						if between && sep.is("and") {
							startTok = first - 1
						}
					}
				}
			}
		}
	}
	// A code after a bare sign names the sign's currency: sites abroad
	// write "$55 million CAD", "¥3 billion CNY". Parentheses hold another
	// amount ("HK$5 million (US$640,000)") and are left alone.
	if end < len(toks) && first+1 == j && toks[first].kind == lexPunct {
		if c, ok := moneyCodes[toks[end].raw]; ok && slices.Contains(signCurrencies[toks[first].raw], c) {
			code, end = c, end+1
		}
	}
	m := Money{Amount: amount, AmountMax: max, Currency: code}
	m.Start, m.End = toks[startTok].start, toks[end-1].end
	m.Text = text[m.Start:m.End]
	return m, end, true
}

// moneySuffixed reads "12 billion euros", "half a billion dollars", "50
// cents", "5 million EUR", "between 10 and 12 billion yuan".
func moneySuffixed(text string, toks []lexTok, i int, opts numOpts) (Money, int, bool) {
	num, ok := parseNumPhrase(toks, i, opts)
	if !ok {
		return Money{}, 0, false
	}
	// Word numbers are only money with a scale or a currency name right
	// after ("two dollars"); "a" alone is not a number.
	amount, max, end := num.val, 0.0, num.next
	startTok := i
	between := i > 0 && toks[i-1].is("between")
	if end+1 < len(toks) {
		sep := &toks[end]
		if sep.isDash() || sep.is("to") || (between && sep.is("and")) {
			if n2, ok := parseNumPhrase(toks, end+1, opts); ok && n2.numeral == num.numeral {
				lo := amount
				if num.scale == 0 && n2.scale != 0 {
					lo = scaleExact(lo, n2.scale)
				}
				if _, nx, _, ok := moneyNameAt(toks, n2.next, n2.scale != 0, n2.numeral); ok && n2.val > lo && nx > n2.next {
					amount, max, end = lo, n2.val, n2.next
					if between && sep.is("and") {
						startTok = i - 1
					}
				}
			}
		}
	}
	code, next, minor, ok := moneyNameAt(toks, end, num.scale != 0 || max != 0, num.numeral)
	if !ok && end+1 < len(toks) && toks[end].isDash() {
		// "a 5-yuan meal", "a 10-dollar bill".
		code, next, minor, ok = moneyNameAt(toks, end+1, num.scale != 0 || max != 0, num.numeral)
	}
	if !ok {
		return Money{}, 0, false
	}
	// A bare year before "won"/"dollars" ("in 2019 won") is not money.
	if num.numeral && num.scale == 0 && max == 0 && code == "KRW" {
		if v := plainInt(&toks[i]); v >= 1900 && v <= 2100 {
			return Money{}, 0, false
		}
	}
	// "1080p", "720p": video resolutions are not pence.
	if minor && code == "GBP" && toks[next-1].low == "p" && max == 0 && videoLines[amount] {
		return Money{}, 0, false
	}
	if minor {
		amount /= 100
		max /= 100
	}
	// "five euros eighty-five", as speech is transcribed: spelled cents
	// after a spelled whole amount.
	if !minor && !num.numeral && num.scale == 0 && max == 0 && next < len(toks) && toks[next].sp && toks[next].kind == lexWord {
		if c, n, ok := parseNumberWords(toks, next); ok && c >= 1 && c < 100 && c == math.Trunc(c) &&
			(n >= len(toks) || toks[n].kind == lexPunct) {
			amount += c / 100
			next = n
		}
	}
	m := Money{Amount: amount, AmountMax: max, Currency: code}
	m.Start, m.End = toks[startTok].start, toks[next-1].end
	m.Text = text[m.Start:m.End]
	return m, next, true
}
