package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/api"
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
	t, err := api.ParseDate(v, d.End)
	if err != nil {
		return err
	}
	d.Time = t
	return nil
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
