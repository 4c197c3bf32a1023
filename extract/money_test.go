package extract

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// moneyGot drops offsets after checking them, so cases list only what a
// reader checks: text, amount, currency, range.
func moneyGot(t *testing.T, text string, ms []Money) []Money {
	t.Helper()
	out := make([]Money, 0, len(ms))
	for _, m := range ms {
		if m.Start < 0 || m.Start > m.End || m.End > len(text) || text[m.Start:m.End] != m.Text {
			t.Errorf("bad span %d:%d %q in %q", m.Start, m.End, m.Text, text)
		}
		m.Start, m.End = 0, 0
		out = append(out, m)
	}
	return out
}

func TestFindMoney(t *testing.T) {
	type M = Money
	tests := []struct {
		name, text string
		want       []Money
	}{
		{"dollar billion", "The fund holds $50 billion.", []M{{Text: "$50 billion", Amount: 50e9, Currency: "USD"}}},
		{"glued bn", "a $1.2bn loan", []M{{Text: "$1.2bn", Amount: 1.2e9, Currency: "USD"}}},
		{"US$", "US$7.1 billion in aid", []M{{Text: "US$7.1 billion", Amount: 7.1e9, Currency: "USD"}}},
		{"USD code", "USD 3 million was paid", []M{{Text: "USD 3 million", Amount: 3e6, Currency: "USD"}}},
		{"euro sign", "€30 billion for roads", []M{{Text: "€30 billion", Amount: 30e9, Currency: "EUR"}}},
		{"euros word", "12 billion euros in loans", []M{{Text: "12 billion euros", Amount: 12e9, Currency: "EUR"}}},
		{"pound m", "a £450m contract", []M{{Text: "£450m", Amount: 450e6, Currency: "GBP"}}},
		{"pound pence", "tickets at £12.50", []M{{Text: "£12.50", Amount: 12.5, Currency: "GBP"}}},
		{"yen sign", "¥2 trillion stimulus", []M{{Text: "¥2 trillion", Amount: 2e12, Currency: "JPY"}}},
		{"yuan word", "40 billion yuan of bonds", []M{{Text: "40 billion yuan", Amount: 40e9, Currency: "CNY"}}},
		{"rand glued and scaled", "fined R438.6m over a cartel", []M{{Text: "R438.6m", Amount: 438.6e6, Currency: "ZAR"}}},
		{"rand with a scale word", "must pay R97.5 million", []M{{Text: "R97.5 million", Amount: 97.5e6, Currency: "ZAR"}}},
		{"rand in thousands", "a grant of R15,000 each", []M{{Text: "R15,000", Amount: 15000, Currency: "ZAR"}}},
		{"rand with a hyphened scale", "a penalty of R486.3-million", []M{{Text: "R486.3-million", Amount: 486.3e6, Currency: "ZAR"}}},
		{"thousands grouped by spaces", "a penalty of R486 317 000 on the firm", []M{{Text: "R486 317 000", Amount: 486317000, Currency: "ZAR"}}},
		{"thousands grouped by spaces after a code", "EUR 1 250 000 in grants", []M{{Text: "EUR 1 250 000", Amount: 1250000, Currency: "EUR"}}},
		{"naira as Nigerian papers write it", "sets a N8.1bn licence fee", []M{{Text: "N8.1bn", Amount: 8.1e9, Currency: "NGN"}}},
		{"a mask is no naira", "wear N95 masks", nil},
		{"a road is no rand", "the R21 towards the airport", nil},
		{"a code after a bare sign names its dollar", "The jackpot was $55 million CAD.", []M{{Text: "$55 million CAD", Amount: 55e6, Currency: "CAD"}}},
		{"the code after a sign, no scale", "Jackpot: $55,000,000 CAD", []M{{Text: "$55,000,000 CAD", Amount: 55e6, Currency: "CAD"}}},
		{"a code of another family is not the sign's", "paid $5 million EUR 3 million", []M{{Text: "$5 million", Amount: 5e6, Currency: "USD"}, {Text: "EUR 3 million", Amount: 3e6, Currency: "EUR"}}},
		{"a prefixed sign keeps its currency", "HK$5 million (US$640,000)", []M{{Text: "HK$5 million", Amount: 5e6, Currency: "HKD"}, {Text: "US$640,000", Amount: 640000, Currency: "USD"}}},
		{"CN yen sign", "CN¥5 billion", []M{{Text: "CN¥5 billion", Amount: 5e9, Currency: "CNY"}}},
		{"RMB code", "RMB 3 billion", []M{{Text: "RMB 3 billion", Amount: 3e9, Currency: "CNY"}}},
		{"lei word", "an aid package of 120 million lei", []M{{Text: "120 million lei", Amount: 120e6, Currency: "RON"}}},
		{"soles word", "a fund of 200 million soles", []M{{Text: "200 million soles", Amount: 200e6, Currency: "PEN"}}},
		{"spoken decimal", "benefits worth about two point three million kronor", []M{{Text: "two point three million kronor", Amount: 2.3e6, Currency: "SEK"}}},
		{"spoken decimal with dashes", "it came in at one-point-three million dollars", []M{{Text: "one-point-three million dollars", Amount: 1.3e6, Currency: "USD"}}},
		{"shillings by name", "will spend 24.5 billion shillings on the rise", []M{{Text: "24.5 billion shillings", Amount: 24.5e9, Currency: "KES"}}},
		{"a hundred and ...", "it cost a hundred and twenty-four million zlotys", []M{{Text: "a hundred and twenty-four million zlotys", Amount: 124e6, Currency: "PLN"}}},
		{"a part in the whole's currency", "revenue of 9.6 billion zlotys last year, of which 7.1 billion came from the mobile unit", []M{{Text: "9.6 billion zlotys", Amount: 9.6e9, Currency: "PLN"}, {Text: "7.1 billion", Amount: 7.1e9, Currency: "PLN"}}},
		{"shillings glued", "a package worth KSh21.8 billion", []M{{Text: "KSh21.8 billion", Amount: 21.8e9, Currency: "KES"}}},
		{"cedi sign with its prefix", "a fine of GH¢220,000", []M{{Text: "GH¢220,000", Amount: 220000, Currency: "GHS"}}},
		{"cedi sign", "a GH₵1.2 million grant", []M{{Text: "GH₵1.2 million", Amount: 1.2e6, Currency: "GHS"}}},
		{"crowns", "down to 672 million crowns", []M{{Text: "672 million crowns", Amount: 672e6, Currency: "CZK"}}},
		{"Swedish crowns", "paid 3 billion Swedish crowns", []M{{Text: "3 billion Swedish crowns", Amount: 3e9, Currency: "SEK"}}},
		{"a cent sign alone is no cedi", "the coffee cost 50¢", nil},
		{"Tanzanian shillings", "a budget of TSh 3 billion", []M{{Text: "TSh 3 billion", Amount: 3e9, Currency: "TZS"}}},
		{"taka as Tk and lakh", "each family would get Tk 5 lakh", []M{{Text: "Tk 5 lakh", Amount: 5e5, Currency: "BDT"}}},
		{"taka by name", "would receive 400,000 taka each", []M{{Text: "400,000 taka", Amount: 4e5, Currency: "BDT"}}},
		{"Sri Lankan code", "a loan of LKR 3 billion", []M{{Text: "LKR 3 billion", Amount: 3e9, Currency: "LKR"}}},
		{"capitals that are a word, not a lek", "ALL 5 PLAYERS", nil},
		{"spoken decimals", "a fine of four point seven five billion euros", []M{{Text: "four point seven five billion euros", Amount: 4.75e9, Currency: "EUR"}}},
		{"sol sign", "an emergency fund of S/180 million for shelters", []M{{Text: "S/180 million", Amount: 180e6, Currency: "PEN"}}},
		{"peso as P, scaled", "repairs will cost about P560 million", []M{{Text: "P560 million", Amount: 560e6, Currency: "PHP"}}},
		{"peso as P, thousands", "a fine of P15,000 per household", []M{{Text: "P15,000", Amount: 15000, Currency: "PHP"}}},
		{"a P code is no peso", "pupils in P5 and form P45", nil},
		{"sol sign with point", "a fare of S/. 3.50", []M{{Text: "S/. 3.50", Amount: 3.5, Currency: "PEN"}}},
		{"sol sign one digit is a code", "the S/4 release of the software", nil},
		{"RON code", "RON 45 million in grants", []M{{Text: "RON 45 million", Amount: 45e6, Currency: "RON"}}},
		{"Kenyan shillings", "2.4 billion Kenyan shillings", []M{{Text: "2.4 billion Kenyan shillings", Amount: 2.4e9, Currency: "KES"}}},
		{"crore", "Rs 500 crore for schools", []M{{Text: "Rs 500 crore", Amount: 5e9, Currency: "INR"}}},
		{"lakh", "Rs. 2 lakh each", []M{{Text: "Rs. 2 lakh", Amount: 2e5, Currency: "INR"}}},
		{"rupee sign", "₹1,500 crore", []M{{Text: "₹1,500 crore", Amount: 1.5e10, Currency: "INR"}}},
		{"Norwegian kroner", "6.5 billion Norwegian kroner", []M{{Text: "6.5 billion Norwegian kroner", Amount: 6.5e9, Currency: "NOK"}}},
		{"Swedish kronor", "3 billion Swedish kronor", []M{{Text: "3 billion Swedish kronor", Amount: 3e9, Currency: "SEK"}}},
		{"Danish kroner", "2 billion Danish kroner", []M{{Text: "2 billion Danish kroner", Amount: 2e9, Currency: "DKK"}}},
		{"Canadian", "C$2.4 billion", []M{{Text: "C$2.4 billion", Amount: 2.4e9, Currency: "CAD"}}},
		{"Australian", "A$80 million", []M{{Text: "A$80 million", Amount: 80e6, Currency: "AUD"}}},
		{"New Zealand", "NZ$5m", []M{{Text: "NZ$5m", Amount: 5e6, Currency: "NZD"}}},
		{"Hong Kong", "HK$3bn", []M{{Text: "HK$3bn", Amount: 3e9, Currency: "HKD"}}},
		{"Singapore", "S$1.5 billion", []M{{Text: "S$1.5 billion", Amount: 1.5e9, Currency: "SGD"}}},
		{"Brazil", "R$10 billion", []M{{Text: "R$10 billion", Amount: 10e9, Currency: "BRL"}}},
		{"Swiss francs", "250 million Swiss francs", []M{{Text: "250 million Swiss francs", Amount: 250e6, Currency: "CHF"}}},
		{"hyphen scale", "a $3.5-billion deal", []M{{Text: "$3.5-billion", Amount: 3.5e9, Currency: "USD"}}},
		{"half a billion", "half a billion dollars", []M{{Text: "half a billion dollars", Amount: 0.5e9, Currency: "USD"}}},
		{"quarter of a million", "a quarter of a million dollars", []M{{Text: "a quarter of a million dollars", Amount: 250e3, Currency: "USD"}}},
		{"hedge left out", "roughly $900,000", []M{{Text: "$900,000", Amount: 900000, Currency: "USD"}}},
		{"cents", "50 cents a share", []M{{Text: "50 cents", Amount: 0.5, Currency: "USD"}}},
		{"between range", "between $10 million and $12 million", []M{{Text: "between $10 million and $12 million", Amount: 10e6, AmountMax: 12e6, Currency: "USD"}}},
		{"dash range shared scale", "$10-12 million", []M{{Text: "$10-12 million", Amount: 10e6, AmountMax: 12e6, Currency: "USD"}}},
		{"to range", "$10 million to $12 million", []M{{Text: "$10 million to $12 million", Amount: 10e6, AmountMax: 12e6, Currency: "USD"}}},
		{"bn range", "$5bn-$7bn", []M{{Text: "$5bn-$7bn", Amount: 5e9, AmountMax: 7e9, Currency: "USD"}}},
		{"en dash range", "$5bn–$7bn", []M{{Text: "$5bn–$7bn", Amount: 5e9, AmountMax: 7e9, Currency: "USD"}}},
		{"suffix range", "between 10 and 12 billion yuan", []M{{Text: "between 10 and 12 billion yuan", Amount: 10e9, AmountMax: 12e9, Currency: "CNY"}}},
		{"article before", "a $2 trillion economy", []M{{Text: "$2 trillion", Amount: 2e12, Currency: "USD"}}},
		{"pound trillion", "£1.5 trillion", []M{{Text: "£1.5 trillion", Amount: 1.5e12, Currency: "GBP"}}},
		{"dollars word", "300 dollars", []M{{Text: "300 dollars", Amount: 300, Currency: "USD"}}},
		{"pounds sterling", "5 million pounds sterling", []M{{Text: "5 million pounds sterling", Amount: 5e6, Currency: "GBP"}}},
		{"rupees", "300 rupees", []M{{Text: "300 rupees", Amount: 300, Currency: "INR"}}},
		{"rubles", "10 billion rubles", []M{{Text: "10 billion rubles", Amount: 10e9, Currency: "RUB"}}},
		{"roubles", "4 billion roubles", []M{{Text: "4 billion roubles", Amount: 4e9, Currency: "RUB"}}},
		{"hryvnia", "20 billion hryvnia", []M{{Text: "20 billion hryvnia", Amount: 20e9, Currency: "UAH"}}},
		{"won currency", "5 trillion won", []M{{Text: "5 trillion won", Amount: 5e12, Currency: "KRW"}}},
		{"EUR m", "EUR 5m", []M{{Text: "EUR 5m", Amount: 5e6, Currency: "EUR"}}},
		{"code after", "5 million EUR", []M{{Text: "5 million EUR", Amount: 5e6, Currency: "EUR"}}},
		{"a-year", "a $1.2 billion-a-year program", []M{{Text: "$1.2 billion", Amount: 1.2e9, Currency: "USD"}}},
		{"k", "a $50k salary", []M{{Text: "$50k", Amount: 50e3, Currency: "USD"}}},
		{"mn", "$40mn", []M{{Text: "$40mn", Amount: 40e6, Currency: "USD"}}},
		{"mln", "$40 mln", []M{{Text: "$40 mln", Amount: 40e6, Currency: "USD"}}},
		{"tn", "$2tn", []M{{Text: "$2tn", Amount: 2e12, Currency: "USD"}}},
		{"thousand", "$50 thousand", []M{{Text: "$50 thousand", Amount: 50e3, Currency: "USD"}}},
		{"exact decimal", "4.1 billion euros", []M{{Text: "4.1 billion euros", Amount: 4.1e9, Currency: "EUR"}}},
		{"word number", "two million dollars", []M{{Text: "two million dollars", Amount: 2e6, Currency: "USD"}}},
		{"Hong Kong dollars", "9 billion Hong Kong dollars", []M{{Text: "9 billion Hong Kong dollars", Amount: 9e9, Currency: "HKD"}}},
		{"sign before decimal point", "a $.99 download", []M{{Text: "$.99", Amount: 0.99, Currency: "USD"}}},
		{"code before decimal point", "RMB .87 a unit", []M{{Text: "RMB .87", Amount: 0.87, Currency: "CNY"}}},
		{"spaced sign", "$ 50 million", []M{{Text: "$ 50 million", Amount: 50e6, Currency: "USD"}}},
		{"spaced prefixed sign", "US$ 7 billion", []M{{Text: "US$ 7 billion", Amount: 7e9, Currency: "USD"}}},
		{"hyphenated name", "an 830 million Canadian-dollar expansion", []M{{Text: "830 million Canadian-dollar", Amount: 830e6, Currency: "CAD"}}},
		{"hyphenated after number", "a 5-yuan meal", []M{{Text: "5-yuan", Amount: 5, Currency: "CNY"}}},
		{"singular name", "one US dollar for 7.9 yuan", []M{{Text: "one US dollar", Amount: 1, Currency: "USD"}, {Text: "7.9 yuan", Amount: 7.9, Currency: "CNY"}}},
		{"bucks", "saved 50 bucks", []M{{Text: "50 bucks", Amount: 50, Currency: "USD"}}},
		{"patacas", "90 billion patacas", []M{{Text: "90 billion patacas", Amount: 90e9, Currency: "MOP"}}},
		{"pounds per period", "only eight pounds a month", []M{{Text: "eight pounds", Amount: 8, Currency: "GBP"}}},
		{"two amounts", "from €5 to €7 per day and £3", []M{{Text: "€5 to €7", Amount: 5, AmountMax: 7, Currency: "EUR"}, {Text: "£3", Amount: 3, Currency: "GBP"}}},

		// Never money.
		{"count", "5,000 troops were deployed", nil},
		{"year", "in 2022 the plan changed", nil},
		{"percent", "a 5% rise", nil},
		{"route", "Route 66 and Boeing 737", nil},
		{"index points", "the Dow fell 300 points", nil},
		{"video resolution", "streams in 1080p and 1440p, up from 720p", nil},
		{"pence glued", "a loaf now costs 95p", []M{{Text: "95p", Amount: 0.95, Currency: "GBP"}}},
		{"won verb", "She won 5 games and they won.", nil},
		{"year before won", "in 2022 won the title", nil},
		{"pounds weight", "a 200 pounds bag", nil},
		{"pounds weight verb", "he weighs 200 pounds now", nil},
		{"hyphen non currency", "a 5-year plan", nil},
		{"dollar sign alone", "the $ sign", nil},
		{"range not increasing", "$10 million to 3 firms", []M{{Text: "$10 million", Amount: 10e6, Currency: "USD"}}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := moneyGot(t, tc.text, FindMoney(tc.text))
			if len(got) == 0 {
				got = nil
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("FindMoney(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func FuzzFindMoney(f *testing.F) {
	for _, s := range []string{"$50 billion", "between $10 million and $12 million", "£450m", "Rs 500 crore",
		"half a billion dollars", "$5bn-$7bn", "US$7.1bn", "1.200.000,50 EUR", "$", "$1,2", "a quarter of a", "₹",
		"$55 million CAD", "R486 317 000", "R486.3-million", "N8.1bn", "EUR 1 250 000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range FindMoney(text) {
			if m.Start < 0 || m.Start > m.End || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v in %q", m, text)
			}
			if math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) || m.Amount < 0 || m.AmountMax < 0 || math.IsInf(m.AmountMax, 0) {
				t.Fatalf("bad amount %+v", m)
			}
			if len(m.Currency) != 3 {
				t.Fatalf("bad currency %+v", m)
			}
		}
	})
}
