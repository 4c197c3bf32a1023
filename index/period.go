package index

import (
	"strconv"
	"strings"
	"time"
)

// grain is the precision of a date mention.
type grain int

const (
	day grain = iota
	month
	quarter
	year
)

// grainFields holds, per precision, the field with the first instant of the
// mentions of that precision. Keeping precisions apart makes the date
// filter an exact interval overlap test (see dateOverlap).
var grainFields = map[grain]string{
	day:     fDatesDay,
	month:   fDatesMonth,
	quarter: fDatesQuarter,
	year:    fDatesYear,
}

// period is the span a date value covers, from start (inclusive).
type period struct {
	start time.Time
	grain grain
}

// parsePeriod reads the ISO values of the claim contract: "2025-12-22",
// "2026-01", "2026-Q2", "2026". A timestamp counts as its day. Anything
// else is not a period (it stays searchable as a date_value keyword).
func parsePeriod(v string) (period, bool) {
	v = strings.TrimSpace(v)
	if len(v) > 10 && (v[10] == 'T' || v[10] == ' ') {
		v = v[:10]
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return period{t, day}, true
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return period{t, month}, true
	}
	if len(v) == 7 && (v[5] == 'Q' || v[5] == 'q') && v[4] == '-' {
		y, err := strconv.Atoi(v[:4])
		q := int(v[6] - '0')
		if err == nil && q >= 1 && q <= 4 {
			return period{time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC), quarter}, true
		}
	}
	if len(v) == 4 {
		if y, err := strconv.Atoi(v); err == nil && y > 0 {
			return period{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), year}, true
		}
	}
	return period{}, false
}

// floor returns the start of the period of precision g holding t.
func floor(t time.Time, g grain) time.Time {
	t = t.UTC()
	switch g {
	case month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case quarter:
		m := (int(t.Month())-1)/3*3 + 1
		return time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	case year:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
}

// untilBound turns the inclusive Until of a Query into an exclusive upper
// bound: a bare date (midnight) means "to the end of that day", so
// --until 2025-12-22 keeps what was published on the 22nd.
func untilBound(until time.Time) time.Time {
	if until.IsZero() {
		return until
	}
	if until.Equal(floor(until, day)) {
		return until.AddDate(0, 0, 1)
	}
	return until.Add(time.Nanosecond)
}
