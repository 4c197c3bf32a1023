package extract

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func quantityGot(t *testing.T, text string, qs []Quantity) []Quantity {
	t.Helper()
	var out []Quantity
	for _, q := range qs {
		if q.Start < 0 || q.Start > q.End || q.End > len(text) || text[q.Start:q.End] != q.Text {
			t.Errorf("bad span %d:%d %q in %q", q.Start, q.End, q.Text, text)
		}
		q.Start, q.End = 0, 0
		out = append(out, q)
	}
	return out
}

func TestFindQuantities(t *testing.T) {
	type Q = Quantity
	tests := []struct {
		name, text string
		want       []Quantity
	}{
		{"count", "5,000 detainees were freed", []Q{{Text: "5,000 detainees", Value: 5000, Unit: "detainees"}}},
		{"scaled unit", "1.2 million tonnes of grain", []Q{{Text: "1.2 million tonnes", Value: 1.2e6, Unit: "tonnes"}}},
		{"hyphen unit", "a 30-km buffer", []Q{{Text: "30-km", Value: 30, Unit: "km"}}},
		{"containers by TEU", "some 26,000 TEU were stuck", []Q{{Text: "26,000 TEU", Value: 26000, Unit: "TEU"}}},
		{"TEU spelled out", "31,000 twenty-foot equivalent units (TEU) built up", []Q{{Text: "31,000 twenty-foot equivalent units", Value: 31000, Unit: "TEU"}}},
		{"a number read out with a comma after the thousands", "with fourteen thousand, nine hundred and seven votes", []Q{{Text: "fourteen thousand, nine hundred and seven votes", Value: 14907, Unit: "votes"}}},
		{"a spelled ordinal is no count", "Pre-season reporting is on the twenty-second, and he finished twenty-first.", nil},
		{"a number read out past its millions", "The capital has two million three hundred and ten thousand inhabitants.", []Q{{Text: "two million three hundred and ten thousand inhabitants", Value: 2310000, Unit: "inhabitants"}}},
		{"a number read out with commas", "a count of seventeen million, four hundred and eighty-two thousand, three hundred and eleven people", []Q{{Text: "seventeen million, four hundred and eighty-two thousand, three hundred and eleven people", Value: 17482311, Unit: "people"}}},
		{"billions then millions", "one billion, two hundred million people", []Q{{Text: "one billion, two hundred million people", Value: 1.2e9, Unit: "people"}}},
		{"a million and the next number", "two million people came, three hundred of them from abroad", []Q{{Text: "two million people", Value: 2e6, Unit: "people"}, {Text: "three hundred", Value: 300, Unit: ""}}},
		{"cubic metres as a power", "six 174,000 m3 LNG carriers", []Q{{Text: "174,000 m3", Value: 174000, Unit: "cubic m"}}},
		{"cubic metres with the sign", "174,000 m³ each", []Q{{Text: "174,000 m³", Value: 174000, Unit: "cubic m"}}},
		{"cubic metres as a compound", "the 174,000-cubic-meter vessels", []Q{{Text: "174,000-cubic-meter", Value: 174000, Unit: "cubic m"}}},
		{"a speed is no distance", "gusts of 95 kilometres per hour, 60 miles an hour and 120 km/h, 150 km away",
			[]Q{{Text: "95 kilometres per hour", Value: 95, Unit: "km/h"}, {Text: "60 miles an hour", Value: 60, Unit: "mph"},
				{Text: "120 km/h", Value: 120, Unit: "km/h"}, {Text: "150 km", Value: 150, Unit: "km"}}},
		{"a list's or a queue's length", "The surgery queue swells to 14,860, with the list now at 16,480.",
			[]Q{{Text: "14,860", Value: 14860, Unit: "queue"}, {Text: "16,480", Value: 16480, Unit: "list"}}},
		{"a spoken decimal opening with one", "We have received one point two million doses.",
			[]Q{{Text: "one point two million doses", Value: 1200000, Unit: "doses"}}},
		{"thousands set off by spaces before what they count", "Some 6 180 patients recovered; in 2025 180 people died.",
			[]Q{{Text: "6 180 patients", Value: 6180, Unit: "patients"}, {Text: "180 people", Value: 180, Unit: "people"}}},
		{"cbm in thousands", "six 174K cbm LNG carriers", []Q{{Text: "174K cbm", Value: 174000, Unit: "cubic m"}}},
		{"cu m", "40 cu m of sand", []Q{{Text: "40 cu m", Value: 40, Unit: "cubic m"}}},
		{"square metres as a power", "a 90 m2 flat", []Q{{Text: "90 m2", Value: 90, Unit: "sq m"}}},
		{"square kilometres as a power", "burned 1,200 km² of forest", []Q{{Text: "1,200 km²", Value: 1200, Unit: "km2"}}},
		{"a K race is no thousand", "ran a 5K race", nil},
		{"students", "10,000 students", []Q{{Text: "10,000 students", Value: 10000, Unit: "students"}}},
		{"percent spaced", "80 % of", []Q{{Text: "80 %", Value: 80, Unit: "%"}}},
		{"percent glued", "80% of", []Q{{Text: "80%", Value: 80, Unit: "%"}}},
		{"percent word", "80 percent", []Q{{Text: "80 percent", Value: 80, Unit: "%"}}},
		{"per cent", "6.5 per cent", []Q{{Text: "6.5 per cent", Value: 6.5, Unit: "%"}}},
		{"percentage points", "2 percentage points", []Q{{Text: "2 percentage points", Value: 2, Unit: "percentage points"}}},
		{"adjective skipped", "200 multinational observers", []Q{{Text: "200 multinational observers", Value: 200, Unit: "observers"}}},
		{"word number", "five million displaced Ukrainians", []Q{{Text: "five million displaced Ukrainians", Value: 5e6, Unit: "ukrainians"}}},
		{"hedged bare", "more than 5 million have fled", []Q{{Text: "5 million", Value: 5e6}}},
		{"hedged small", "more than 300 were hurt", []Q{{Text: "300", Value: 300}}},
		{"dozen", "two dozen", []Q{{Text: "two dozen", Value: 24}}},
		{"dozen noun", "two dozen journalists", []Q{{Text: "two dozen journalists", Value: 24, Unit: "journalists"}}},
		{"hours", "within 48 hours", []Q{{Text: "48 hours", Value: 48, Unit: "hours"}}},
		{"hyphen hour", "a 72-hour truce", []Q{{Text: "72-hour", Value: 72, Unit: "hours"}}},
		{"point plan", "the 20‑point plan", []Q{{Text: "20‑point", Value: 20, Unit: "points"}}},
		{"member", "a 27-member bloc", []Q{{Text: "27-member", Value: 27, Unit: "members"}}},
		{"glued unit", "a 400km line", []Q{{Text: "400km", Value: 400, Unit: "km"}}},
		{"square km", "120 sq km", []Q{{Text: "120 sq km", Value: 120, Unit: "sq km"}}},
		{"million m people", "5m people", []Q{{Text: "5m people", Value: 5e6, Unit: "people"}}},
		{"irregular plural", "14 people and 3 children", []Q{{Text: "14 people", Value: 14, Unit: "people"}, {Text: "3 children", Value: 3, Unit: "children"}}},
		{"range", "10-15 people", []Q{{Text: "10-15 people", Value: 10, Unit: "people"}}},
		{"year-like count", "2025 people", []Q{{Text: "2025 people", Value: 2025, Unit: "people"}}},
		{"comma count", "2,025 people", []Q{{Text: "2,025 people", Value: 2025, Unit: "people"}}},
		{"energy", "14 TWh a year", []Q{{Text: "14 TWh", Value: 14, Unit: "TWh"}}},
		{"index points", "the Dow fell 300 points", []Q{{Text: "300 points", Value: 300, Unit: "points"}}},
		{"grams spaced", "it weighs just 232 g and", []Q{{Text: "232 g", Value: 232, Unit: "g"}}},
		{"metres spaced before an extent", "trapped about 540 m underground", []Q{{Text: "540 m", Value: 540, Unit: "m"}}},
		{"metres spaced before a dimension", "a mast 120 m tall", []Q{{Text: "120 m", Value: 120, Unit: "m"}}},
		{"a spaced m elsewhere is no unit", "the club paid 40 m for him", nil},
		{"magnitude", "A magnitude 7.4 earthquake struck", []Q{{Text: "7.4", Value: 7.4, Unit: "magnitude"}}},
		{"years and months", "sentenced to two years and six months for bribery", []Q{{Text: "two years and six months", Value: 2.5, Unit: "years"}}},
		{"years months", "Ekhammar: 2 years 6 months.", []Q{{Text: "2 years 6 months", Value: 2.5, Unit: "years"}}},
		{"the number of ...", "the number of people reported ill had reached 52, officials said", []Q{{Text: "52", Value: 52, Unit: "people"}}},
		{"the number of ..., far from its verb", "the number of dead in the collapse of the old river bridge has risen to 17", []Q{{Text: "17", Value: 17, Unit: "dead"}}},
		{"spelled-out measure units", "148 millimetres of rain and 12 centimetres of snow; a 450-megawatt plant", []Q{{Text: "148 millimetres", Value: 148, Unit: "mm"}, {Text: "12 centimetres", Value: 12, Unit: "cm"}, {Text: "450-megawatt", Value: 450, Unit: "MW"}}},
		{"a number spoken from 'one hundred'", "One hundred and forty-eight millimetres in a single day", []Q{{Text: "One hundred and forty-eight millimetres", Value: 148, Unit: "mm"}}},
		{"a lone 'one' is no count", "one of the pumps failed", nil},
		{"a hyphenated modifier is one of two", "But 150 well-paid jobs is a good start", []Q{{Text: "150 well-paid jobs", Value: 150, Unit: "jobs"}}},
		{"a time unit opening a compound adjective is no unit", "It hired 180 year-round workers", []Q{{Text: "180 year-round workers", Value: 180, Unit: "workers"}}},
		{"a time unit opening a compound before a coordination", "It employs 180 year-round and 340 seasonal staff", []Q{{Text: "340 seasonal staff", Value: 340, Unit: "staff"}}},
		{"a duration glued to its extent stays one", "a 2 hour-long show", []Q{{Text: "2 hour", Value: 2, Unit: "hours"}}},
		{"people left unnamed after a casualty verb", "The blast killed four and injured 12, police said", []Q{{Text: "four", Value: 4, Unit: "people"}, {Text: "12", Value: 12, Unit: "people"}}},
		{"a casualty verb's object named", "The company killed 40 projects", []Q{{Text: "40 projects", Value: 40, Unit: "projects"}}},
		{"a vote's tally after its verb", "the bill, which passed 58-41 after four hours of debate", []Q{{Text: "58", Value: 58, Unit: "votes"}, {Text: "41", Value: 41, Unit: "votes against"}, {Text: "four hours", Value: 4, Unit: "hours"}}},
		{"a vote's tally with \"to\"", "The council voted 27 to 12 in favour of the plan.", []Q{{Text: "27", Value: 27, Unit: "votes"}, {Text: "12", Value: 12, Unit: "votes against"}}},
		{"\"to\" between counts of things is no tally", "Voters approved 3 to 5 new schools.", []Q{{Text: "5 new schools", Value: 5, Unit: "schools"}}},
		{"a tally after 'a vote of'", "it was adopted by a vote of 27–9", []Q{{Text: "27", Value: 27, Unit: "votes"}, {Text: "9", Value: 9, Unit: "votes against"}}},
		{"a score is no tally", "City beat United 3-1 on Saturday", nil},
		{"a ratio after a vote verb is no tally", "The board approved a 3-1 split of the shares", nil},
		{"a tally before 'to'", "The House voted 56-43 to approve the bill", []Q{{Text: "56", Value: 56, Unit: "votes"}, {Text: "43", Value: 43, Unit: "votes against"}}},
		{"a toll before its verb", "Death toll in bridge collapse rises to 17", []Q{{Text: "17", Value: 17, Unit: "toll"}}},
		{"a toll far from the number", "the toll of the storm was felt by farmers across the valley, who lost 17", nil},
		{"vote tally", "APPROVED. 27 in favour, 9 against, no abstentions.", []Q{{Text: "27 in favour", Value: 27, Unit: "votes"}, {Text: "9 against", Value: 9, Unit: "votes against"}}},
		{"vote tally of deputies", "passed with 25 deputies in favour and 9 against", []Q{{Text: "25 deputies", Value: 25, Unit: "votes"}, {Text: "9 against", Value: 9, Unit: "votes against"}}},
		{"members who voted for", "38 members of the city parliament voted for the budget", []Q{{Text: "38 members", Value: 38, Unit: "votes"}}},
		{"members who did not vote", "the parliament has 60 members", []Q{{Text: "60 members", Value: 60, Unit: "members"}}},
		{"magnitude hyphenated", "a magnitude-6.9 quake", []Q{{Text: "6.9", Value: 6.9, Unit: "magnitude"}}},
		{"magnitude spoken", "put the magnitude at seven point eight", []Q{{Text: "seven point eight", Value: 7.8, Unit: "magnitude"}}},
		{"part of a whole", "in 22 of Japan's 47 prefectures", []Q{{Text: "22", Value: 22, Unit: "prefectures"}, {Text: "47 prefectures", Value: 47, Unit: "prefectures"}}},
		{"part out of the whole", "30 out of the 74 containers", []Q{{Text: "30", Value: 30, Unit: "containers"}, {Text: "74 containers", Value: 74, Unit: "containers"}}},
		{"collective before of", "a crowd of 23,415 watched", []Q{{Text: "23,415", Value: 23415, Unit: "crowd"}}},
		{"fact-box label", "- **Attendance: 25,100**", []Q{{Text: "25,100", Value: 25100, Unit: "attendance"}}},
		{"label with a participle", "Official attendance announced: 23,415.", []Q{{Text: "23,415", Value: 23415, Unit: "attendance"}}},
		{"two-word label", "Hospital admissions: 540", []Q{{Text: "540", Value: 540, Unit: "admissions"}}},
		{"plural noun before its count verb", "Confirmed cases now stand at 41.", []Q{{Text: "41", Value: 41, Unit: "cases"}}},
		{"count risen to", "Deaths have risen to 12, officials said.", []Q{{Text: "12", Value: 12, Unit: "deaths"}}},
		{"model name before the noun", "a deal for 18 VR-412 Kania helicopters", []Q{{Text: "18 VR-412 Kania helicopters", Value: 18, Unit: "helicopters"}}},
		{"maker and model before the noun", "ordered 40 Boeing 737 MAX jets", []Q{{Text: "40 Boeing 737 MAX jets", Value: 40, Unit: "jets"}}},
		{"a modifier, then a model", "ordering 45 brand-new Vantor V321neo jets", []Q{{Text: "45 brand-new Vantor V321neo jets", Value: 45, Unit: "jets"}}},
		{"glued m before a unit is a million", "Volume rose to 3.46m hl", []Q{{Text: "3.46m hl", Value: 3.46e6, Unit: "hectolitres"}}},
		{"glued m alone is metres", "The wall is 5m tall", []Q{{Text: "5m", Value: 5, Unit: "m"}}},
		{"a majority of votes", "the winner, with a majority of 57", []Q{{Text: "57", Value: 57, Unit: "majority"}}},
		{"degrees with their sign", "Result: 32.1°C", []Q{{Text: "32.1°C", Value: 32.1, Unit: "degrees"}}},
		{"an age brought to", "would take the legal retirement age to 68 by 2036", []Q{{Text: "68", Value: 68, Unit: "age"}}},

		// Not quantities.
		{"network generation", "a 5 G network", nil},
		{"ranking label", "Rank: 4", nil},
		{"label of a year", "Founded: 1998", nil},
		{"price after a value noun", "Shares rose to 41 in early trading.", nil},
		{"index reading", "The index stood at 41.", nil},
		{"label inside a sentence", "He said the figure was: 540 in all", nil},
		{"money", "$50 billion and 12 billion euros", nil},
		{"year", "in 2022 and since 2014", nil},
		{"date", "on 22 December 2025", nil},
		{"relative date", "two days ago", nil},
		{"ordinal", "the third point and the 3rd round", nil},
		{"list number", "1. Rapid snapshot\n2. Next steps", nil},
		{"bullet list number", "- 10. 1. Rapid snapshot", nil},
		{"phone", "call 555-0123 or +1 202 555 0123", nil},
		{"time", "at 09:30 or 3 pm", nil},
		{"model", "a Boeing 737 crashed", nil},
		{"route", "Route 66 closures", nil},
		{"article", "under Article 5 rules", nil},
		{"glued name", "Covid-19 cases and G7 leaders", nil},
		{"bare number", "he said 3 of them", nil},
		{"one", "one of the plans", nil},
		{"strong", "a 2,000-strong force", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := quantityGot(t, tc.text, FindQuantities(tc.text))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("FindQuantities(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func FuzzFindQuantities(f *testing.F) {
	for _, s := range []string{"5,000 detainees", "a 30-km buffer", "80 %", "two dozen", "10-15 people",
		"1. item", "555-0123", "five million displaced Ukrainians", "5m people", "1.200.000",
		"174,000 m³", "six 174K cbm LNG carriers", "the 174,000-cubic-meter vessels", "40 cu m", "1,200 km²",
		"gusts of 95 kilometres per hour", "95 km/h", "one point two million doses", "Some 6 180 patients",
		"queue swells to 14,860", "the list now at 16,480"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range FindQuantities(text) {
			if q.Start < 0 || q.Start > q.End || q.End > len(text) || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v in %q", q, text)
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Value < 0 {
				t.Fatalf("bad value %+v", q)
			}
		}
	})
}
