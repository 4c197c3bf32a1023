package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Strings is a repeatable flag: each use adds a value.
type Strings []string

func (s *Strings) String() string { return strings.Join(*s, ", ") }

func (s *Strings) Set(v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return errors.New("empty value")
	}
	*s = append(*s, v)
	return nil
}

// Date is a calendar date or time: 2025-12-22, 2025-12, 2025 or RFC 3339.
// With End set, a month or a year stands for its last day ("--until 2026"
// means up to 31 December 2026), otherwise for its first.
type Date struct {
	Time time.Time
	End  bool
}

func (d *Date) String() string {
	if d == nil || d.Time.IsZero() {
		return ""
	}
	return d.Time.Format(time.DateOnly)
}

func (d *Date) Set(v string) error {
	t, err := ParseDate(v)
	if err != nil {
		return err
	}
	if d.End {
		switch len(strings.TrimSpace(v)) {
		case len("2006"):
			t = t.AddDate(1, 0, -1)
		case len("2006-01"):
			t = t.AddDate(0, 1, -1)
		}
	}
	d.Time = t
	return nil
}

// dateLayouts are the forms a date flag accepts, most precise first.
var dateLayouts = []string{time.RFC3339, time.DateOnly, "2006-01", "2006"}

// ParseDate reads a date in one of the forms a date flag accepts.
func ParseDate(v string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date (want YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339)")
}

// Float is an optional number: V is nil until set.
type Float struct{ V *float64 }

func (f *Float) String() string {
	if f == nil || f.V == nil {
		return ""
	}
	return strconv.FormatFloat(*f.V, 'f', -1, 64)
}

func (f *Float) Set(s string) error {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return errors.New("not a number")
	}
	f.V = &v
	return nil
}

// Choice is one of a fixed set of words.
type Choice struct {
	V       string
	choices []string
}

// NewChoice is a Choice of choices, def until set.
func NewChoice(def string, choices ...string) *Choice {
	return &Choice{V: def, choices: choices}
}

func (c *Choice) String() string {
	if c == nil {
		return ""
	}
	return c.V
}

func (c *Choice) Set(s string) error {
	if !slices.Contains(c.choices, s) {
		return fmt.Errorf("want one of %s", strings.Join(c.choices, ", "))
	}
	c.V = s
	return nil
}
