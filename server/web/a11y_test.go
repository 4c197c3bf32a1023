package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// auditJS checks the visible part of the page: every control has a name,
// and every piece of text has WCAG AA contrast with what is behind it
// (4.5:1, or 3:1 for large text). It returns the problems found.
const auditJS = `(() => {
  const problems = [];
  const visible = (n) => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden';
  const describe = (n) => n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && typeof n.className === 'string' ? '.' + n.className.split(' ').join('.') : '');
  for (const c of document.querySelectorAll('input, select, textarea, button, a[href]')) {
    if (!visible(c) || c.type === 'hidden') continue;
    const label = (c.labels && Array.from(c.labels).map((l) => l.textContent).join(' ').trim()) ||
      c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') ||
      ((c.tagName === 'BUTTON' || c.tagName === 'A') ? c.textContent.trim() : '');
    if (!label) problems.push('no accessible name: ' + describe(c));
  }
  const rgba = (s) => {
    const m = s.match(/[\d.]+/g).map(Number);
    return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a), a: 1,
  });
  const background = (n) => {
    const layers = [];
    for (let e = n; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.a > 0) layers.push(c);
      if (c.a >= 1) break;
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const l of layers.reverse()) bg = over(l, bg);
    return bg;
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement;
    if (!t.textContent.trim() || seen.has(e) || !visible(e)) continue;
    seen.add(e);
    if (e.closest('button:disabled, [aria-hidden="true"], noscript')) continue;
    const st = getComputedStyle(e);
    const bg = background(e);
    const fg = over(rgba(st.color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(st.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push('contrast ' + ratio.toFixed(2) + ' for "' + t.textContent.trim().slice(0, 30) + '" in ' + describe(e));
    }
  }
  for (const sel of ['header', 'nav', 'main', 'footer', 'form[role="search"]']) {
    if (!document.querySelector(sel)) problems.push('no landmark ' + sel);
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push('wider than the window: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
  }
  return problems;
})()`

func TestBrowserAccessibility(t *testing.T) {
	ctx := browser(t)
	f := serve(t, "")
	claim := firstClaim(t, f.url+"/api/search?source=Northwire&conflicting=true&limit=1")
	views := []struct{ name, hash, ready string }{
		{"search", "#/search?q=flood&kind=sentence", resultsShown},
		{"claim", "#/claim/" + claim, `document.querySelector('#claim-body').dataset.ready`},
		{"disputes", "#/disputes", `document.querySelectorAll('#disputes .dispute').length > 0`},
		{"ingest", "#/ingest", `document.querySelector('#jobs').childElementCount > 0`},
	}
	for _, scheme := range []string{"light", "dark"} {
		run(t, ctx, "emulate "+scheme, chromedp.Func(func(c context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(c, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}))
		for _, width := range []int64{1280, 390} {
			for _, v := range views {
				run(t, ctx, v.name, chromedp.EmulateViewport(width, 900), chromedp.Navigate(f.url+"/"+v.hash))
				waitFor(t, ctx, v.name, v.ready)
				for _, p := range eval[[]string](t, ctx, auditJS) {
					t.Errorf("%s, %s, %dpx: %s", v.name, scheme, width, p)
				}
			}
		}
	}
}

// TestBrowserKeyboard walks the page with Tab: the skip link comes first,
// the search box soon after, every focused control shows a focus ring,
// and Enter in the search box searches.
func TestBrowserKeyboard(t *testing.T) {
	ctx := browser(t)
	f := serve(t, "")
	run(t, ctx, "open the page", chromedp.Navigate(f.url+"/#/search"))
	waitFor(t, ctx, "the first results", resultsShown)
	var order []string
	for range 12 {
		run(t, ctx, "press Tab", chromedp.KeyEvent("\t"))
		focused := eval[string](t, ctx, `(() => { const e = document.activeElement; return e.id || e.getAttribute('href') || e.textContent.trim(); })()`)
		order = append(order, focused)
		ring := eval[string](t, ctx, `(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; })()`)
		if strings.HasPrefix(ring, "none") || strings.HasSuffix(ring, " 0px") {
			t.Errorf("%q has no visible focus ring (outline %s)", focused, ring)
		}
	}
	if order[0] != "#main" {
		t.Errorf("the first Tab reaches %q, want the skip link", order[0])
	}
	if !contains(order[:8], "f-q") {
		t.Errorf("focus order %q: the search box comes too late", order)
	}
	// The skip link leaves the view alone.
	run(t, ctx, "skip to the content", chromedp.Focus(chromedp.CSS(".skip")), chromedp.KeyEvent("\r"))
	if h := hash(t, ctx); h != "#/search" {
		t.Errorf("the skip link changed the address to %q", h)
	}
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "main" {
		t.Errorf("the skip link moved focus to %q", id)
	}
	run(t, ctx, "type a query", chromedp.Focus(chromedp.CSS("#f-q")), chromedp.KeyEvent("pact"), chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "results for pact", `location.hash === '#/search?q=pact' && `+resultsShown)
}
