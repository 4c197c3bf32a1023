package main

import (
	"bytes"
	"fmt"
	"html"
	"math"
)

// The plots are written by hand: two simple charts do not need a
// plotting library and its dependencies.

var palette = []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"}

// throughputSVG plots documents per second against corpus size (log
// scale): claimdex's ingest and prose's pipeline over the same text.
func throughputSVG(r *Results) []byte {
	const w, h, left, right, top, bottom = 640.0, 360.0, 70.0, 170.0, 40.0, 50.0
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" font-family="sans-serif" font-size="12">`+"\n", w, h)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><text x="%g" y="22" font-size="14">Ingest throughput against corpus size (%d CPUs)</text>`+"\n", left, r.CPUs)
	series := []struct {
		name string
		get  func(SizeResult) float64
	}{
		{"claimdex ingest", func(s SizeResult) float64 { return s.Ingest.DocsPerSec }},
		{"claimdex with analysis", func(s SizeResult) float64 { return float64(s.Ingest.Docs) / s.Ingest.TotalSeconds }},
		{"prose pipeline", func(s SizeResult) float64 { return s.Baseline.DocsPerSec }},
	}
	ymax, xmin, xmax := 1.0, math.Inf(1), math.Inf(-1)
	for _, s := range r.Sizes {
		for _, se := range series {
			ymax = max(ymax, se.get(s))
		}
		xmin, xmax = min(xmin, float64(s.Docs)), max(xmax, float64(s.Docs))
	}
	if len(r.Sizes) == 0 {
		xmin, xmax = 1000, 10000
	}
	lx0, lx1 := math.Floor(math.Log10(xmin)), math.Ceil(math.Log10(xmax))
	if lx1 == lx0 {
		lx1++
	}
	ymax = niceCeil(ymax * 1.1)
	px := func(x float64) float64 { return left + (math.Log10(x)-lx0)/(lx1-lx0)*(w-left-right) }
	py := func(y float64) float64 { return h - bottom - y/ymax*(h-top-bottom) }
	axes(&b, left, top, w-right, h-bottom)
	for e := lx0; e <= lx1; e++ {
		x := px(math.Pow(10, e))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#ddd"/><text x="%.1f" y="%g" text-anchor="middle">%s</text>`+"\n",
			x, top, x, h-bottom, x, h-bottom+16, human(math.Pow(10, e)))
	}
	for i := 0; i <= 4; i++ {
		v := ymax * float64(i) / 4
		fmt.Fprintf(&b, `<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="#ddd"/><text x="%g" y="%.1f" text-anchor="end">%s</text>`+"\n",
			left, py(v), w-right, py(v), left-6, py(v)+4, human(v))
	}
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">documents in the corpus</text>`+"\n", (left+w-right)/2, h-12)
	fmt.Fprintf(&b, `<text transform="translate(16 %g) rotate(-90)" text-anchor="middle">documents / s</text>`+"\n", (top+h-bottom)/2)
	for i, se := range series {
		c := palette[i]
		var pts bytes.Buffer
		for _, s := range r.Sizes {
			fmt.Fprintf(&pts, "%.1f,%.1f ", px(float64(s.Docs)), py(se.get(s)))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"/>`+"\n", px(float64(s.Docs)), py(se.get(s)), c)
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", pts.String(), c)
		fmt.Fprintf(&b, `<line x1="%g" y1="%d" x2="%g" y2="%d" stroke="%s" stroke-width="2"/><text x="%g" y="%d">%s</text>`+"\n",
			w-right+10, int(top)+20*i+10, w-right+30, int(top)+20*i+10, c, w-right+36, int(top)+20*i+14, se.name)
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// latencySVG draws p50 and p99 of every query in every setting at one
// size, as horizontal bars on a log scale of milliseconds.
func latencySVG(s SizeResult) []byte {
	wheres := []string{"in process", "CLI", "SQLite FTS5"}
	names := queryNames(s.Search)
	const w, left, right, top, rowH = 760.0, 150.0, 140.0, 50.0, 12.0
	groupH := rowH*float64(len(wheres)) + 14
	h := top + groupH*float64(len(names)) + 50
	lo, hi := 0.1, 1000.0
	for _, l := range s.Search {
		if l.P50ms > 0 {
			lo = min(lo, l.P50ms)
		}
		hi = max(hi, l.P99ms)
	}
	l0, l1 := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	px := func(ms float64) float64 {
		return left + (math.Log10(max(ms, lo))-l0)/(l1-l0)*(w-left-right)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" font-family="sans-serif" font-size="11">`+"\n", w, h)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><text x="%g" y="22" font-size="14">Search latency, %d claims: p50 (solid) and p99 (light), ms, log scale</text>`+"\n", 10.0, s.Ingest.Claims)
	for e := l0; e <= l1; e++ {
		x := px(math.Pow(10, e))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#ddd"/><text x="%.1f" y="%g" text-anchor="middle">%s</text>`+"\n",
			x, top-6, x, h-40, x, h-26, human(math.Pow(10, e)))
	}
	for i, q := range names {
		y0 := top + groupH*float64(i)
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" text-anchor="end">%s</text>`+"\n", left-8, y0+groupH/2, html.EscapeString(q))
		for j, where := range wheres {
			for _, l := range s.Search {
				if l.Query != q || l.Where != where {
					continue
				}
				y := y0 + rowH*float64(j)
				c := palette[j]
				fmt.Fprintf(&b, `<rect x="%g" y="%.1f" width="%.1f" height="%g" fill="%s" opacity="0.35"/>`+"\n", left, y, px(l.P99ms)-left, rowH-2, c)
				fmt.Fprintf(&b, `<rect x="%g" y="%.1f" width="%.1f" height="%g" fill="%s"/>`+"\n", left, y, px(l.P50ms)-left, rowH-2, c)
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="9">%.2f / %.2f</text>`+"\n", px(l.P99ms)+4, y+rowH-3, l.P50ms, l.P99ms)
			}
		}
	}
	for j, where := range wheres {
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="12" height="10" fill="%s"/><text x="%g" y="%g">%s</text>`+"\n",
			w-right+30, top+float64(j)*18, palette[j], w-right+46, top+float64(j)*18+9, where)
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func axes(b *bytes.Buffer, x0, y0, x1, y1 float64) {
	fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="black"/><line x1="%g" y1="%g" x2="%g" y2="%g" stroke="black"/>`+"\n",
		x0, y1, x1, y1, x0, y0, x0, y1)
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// human writes 1000 as 1k, 0.1 as 0.1.
func human(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%gM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%gk", v/1e3)
	}
	return fmt.Sprintf("%g", math.Round(v*1000)/1000)
}
