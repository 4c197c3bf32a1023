package extract

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/claimdex/claimdex/corpus"
)

// Live blogs are often written latest first: an entry's "he said" refers
// to the person named in the entry below it, written earlier. Speakers
// are attributed in the order the entries were written, so that the
// pronoun state runs forward in time whatever order the page shows.

// entryStamp matches the time that opens a live-blog entry: "Tue 13:28 –",
// "13:28 GMT", "1.05pm:", "**22:10**", "### 20:35 GMT".
var entryStamp = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[#*_\s]*)(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}\s+[a-z]+\s+)?(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*[a-z]{2,5}\b)?\s*[*_]*\s*(?:[–—:|-]|$)`)
})

// entryMinute returns the minute of the day a block's stamp gives.
func entryMinute(text string) (int, bool) {
	m := entryStamp().FindStringSubmatch(strings.ToLower(strings.TrimSpace(text)))
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	if h > 23 || min > 59 {
		return 0, false
	}
	switch m[3] {
	case "pm", "p.m.":
		if h < 12 {
			h += 12
		}
	case "am", "a.m.":
		if h == 12 {
			h = 0
		}
	}
	return h*60 + min, true
}

// writtenOrder returns the blocks of doc in the order they were written:
// for a live blog whose entries run latest first, the entries reversed
// (each entry's own blocks kept in order, whatever comes before the first
// entry kept first); otherwise nil.
func writtenOrder(doc *corpus.Document) []int {
	type entry struct{ first, minute int }
	var entries []entry
	for i, b := range doc.Blocks {
		if b.Boilerplate {
			continue
		}
		if m, ok := entryMinute(b.Text); ok {
			entries = append(entries, entry{i, m})
		}
	}
	if len(entries) < 3 {
		return nil
	}
	down, up := 0, 0
	for k := 1; k < len(entries); k++ {
		switch d := entries[k].minute - entries[k-1].minute; {
		case d < 0:
			down++
		case d > 0:
			up++
		}
	}
	// Latest first: times fall from entry to entry, except where the
	// blog crosses into the previous day.
	if down < 2 || up*3 > down {
		return nil
	}
	order := make([]int, 0, len(doc.Blocks))
	for i := 0; i < entries[0].first; i++ {
		order = append(order, i)
	}
	for k := len(entries) - 1; k >= 0; k-- {
		end := len(doc.Blocks)
		if k+1 < len(entries) {
			end = entries[k+1].first
		}
		for i := entries[k].first; i < end; i++ {
			order = append(order, i)
		}
	}
	return order
}

// inBlockOrder reorders the unit ranges of blocks (spans, in document
// order) to follow order, a permutation of the document's blocks.
func inBlockOrder(spans [][2]int, units []unit, order []int) [][2]int {
	byBlock := make(map[int][2]int, len(spans))
	for _, sp := range spans {
		byBlock[units[sp[0]].block] = sp
	}
	out := make([][2]int, 0, len(spans))
	for _, b := range order {
		if sp, ok := byBlock[b]; ok {
			out = append(out, sp)
		}
	}
	return out
}
