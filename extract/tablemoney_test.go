package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTableMoney(t *testing.T) {
	type M struct {
		Text     string
		Amount   float64
		Currency string
	}
	tests := []struct {
		name, text string
		row        bool
		want       []M
	}{
		{"corner label", "CZK million (unless stated): Net revenue; H1 2026: 7,840; H1 2025: 7,310; Change: +7.3%", true,
			[]M{{"7,840", 7.84e9, "CZK"}, {"7,310", 7.31e9, "CZK"}}},
		{"label in the row's name", "Net revenue (CZK bn); H1 2026: 7.84; H1 2025: 7.31", true,
			[]M{{"7.84", 7.84e9, "CZK"}, {"7.31", 7.31e9, "CZK"}}},
		{"a sign and its scale", "Revenue (€m); 2026: 412; 2025: 398", true,
			[]M{{"412", 412e6, "EUR"}, {"398", 398e6, "EUR"}}},
		{"scale and currency name", "Profit (million euros); Q1: 12.5; Q2: 14", true,
			[]M{{"12.5", 12.5e6, "EUR"}, {"14", 14e6, "EUR"}}},
		{"columns of figures in a line", "Net revenue (R$ million) 1,186 1,032 +14.9%", false,
			[]M{{"1,186", 1.186e9, "BRL"}, {"1,032", 1.032e9, "BRL"}}},
		{"a corner label in prose is not one", "CZK million (unless stated): Net revenue; H1 2026: 7,840", false, nil},
		{"a label inside a sentence", "Sales rose 12% (US$ million) in 2026 to 450 from 400", false, nil},
		{"no currency", "Headcount; 2026: 4,200; 2025: 4,000", true, nil},
		{"percentages and changes are no amounts", "Margin (€m); 2026: 12%; Change: +3", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []M
			for _, m := range tableMoney(tt.text, tt.row) {
				got = append(got, M{m.Text, m.Amount, m.Currency})
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("span %d-%d is %q, text %q", m.Start, m.End, tt.text[m.Start:m.End], m.Text)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzTableMoney(f *testing.F) {
	f.Add("Net revenue (R$ million) 1,186 1,032 +14.9%")
	f.Add("CZK million (unless stated): Net revenue; H1 2026: 7,840")
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range tableMoney(s, true) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v in %q", m, s)
			}
		}
	})
}
