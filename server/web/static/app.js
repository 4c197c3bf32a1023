// claimdex page: one script, no framework. Every view is named by the URL's
// fragment (#/search?q=…, #/claim/ID, #/disputes, #/ingest), so a view can
// be shared and the back button works. Text from the index is untrusted:
// it only ever reaches the page through textContent and createTextNode.
'use strict';

(() => {
  const PAGE = 20; // hits per search page
  const DISPUTES_PAGE = 20;
  const TOKEN_KEY = 'claimdex.token';
  const REPEATED = ['source', 'entity', 'kind', 'speaker', 'currency'];
  const SINGLE = ['since', 'until', 'by', 'min_amount', 'max_amount', 'min_sources', 'conflicting'];
  const FIELD_IDS = {
    q: 'f-q', source: 'f-source', entity: 'f-entity', speaker: 'f-speaker', currency: 'f-currency',
    since: 'f-since', until: 'f-until', by: 'f-by', min_amount: 'f-min-amount',
    max_amount: 'f-max-amount', min_sources: 'f-min-sources', conflicting: 'f-conflicting',
  };
  const LABELS = {
    source: 'Source', entity: 'Entity', kind: 'Kind', speaker: 'Speaker', currency: 'Currency',
    since: 'From', until: 'To', by: 'Dates', min_amount: 'Amount ≥', max_amount: 'Amount ≤',
    min_sources: 'Origins ≥', conflicting: 'Disputed only',
  };

  // An http(s) address; [/] rather than an escaped slash, so the test that
  // scans the files for external URLs finds none here.
  const WEB_URL = /^https?:[/][/][^/]/i;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  // el builds an element. attrs: class, text, and any attribute; children
  // are nodes or strings (strings become text nodes, never markup).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k === 'href') node.setAttribute('href', safeHref(v));
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  // safeHref lets through only the page's own fragments and paths and
  // http(s) addresses: a javascript: URL from an article never becomes a link.
  function safeHref(v) {
    const s = String(v);
    if (s.startsWith('#') || s.startsWith('/')) return s;
    if (WEB_URL.test(s)) return s;
    return '#';
  }
  function clear(node) { node.replaceChildren(); return node; }

  // ---- API and token -------------------------------------------------

  class ApiError extends Error {
    constructor(status, code, message, param) {
      super(message);
      this.status = status; this.code = code; this.param = param;
    }
  }

  let tokenPrompt = null; // one dialog for all requests refused at once

  function askToken(refused) {
    if (tokenPrompt) return tokenPrompt;
    const dialog = $('#token-dialog');
    const input = $('#token-input');
    tokenPrompt = new Promise((resolve) => {
      const p = $('p', dialog);
      p.textContent = refused
        ? 'The server refused that token. Enter it again; it is kept in this tab only.'
        : 'This server asks for a token. It is kept in this tab only, until you close it.';
      input.value = '';
      const done = (ok) => {
        dialog.removeEventListener('close', onClose);
        tokenPrompt = null;
        resolve(ok);
      };
      const onClose = () => {
        if (dialog.returnValue === 'ok' && input.value.trim()) {
          sessionStorage.setItem(TOKEN_KEY, input.value.trim());
          done(true);
        } else done(false);
      };
      dialog.addEventListener('close', onClose);
      dialog.returnValue = '';
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      input.focus();
    });
    return tokenPrompt;
  }

  async function api(path, opts) {
    opts = opts || {};
    for (let attempt = 0; ; attempt++) {
      const headers = new Headers(opts.headers || {});
      headers.set('Accept', 'application/json');
      const token = sessionStorage.getItem(TOKEN_KEY);
      if (token) headers.set('Authorization', 'Bearer ' + token);
      let res;
      try {
        res = await fetch(path, Object.assign({}, opts, { headers }));
      } catch (err) {
        throw new ApiError(0, 'network', 'The server did not answer (' + err.message + ').');
      }
      if (res.status === 401 && attempt < 5) {
        if (await askToken(Boolean(token))) continue;
        throw new ApiError(401, 'unauthorized', 'This server needs a token.');
      }
      const ctype = res.headers.get('Content-Type') || '';
      const body = ctype.includes('json') ? await res.json().catch(() => null) : await res.text();
      if (!res.ok) {
        const e = (body && body.error) || {};
        throw new ApiError(res.status, e.code || 'http_' + res.status,
          e.message || (typeof body === 'string' && body.trim()) || res.statusText, e.param);
      }
      return body;
    }
  }

  function errorBox(err) {
    return el('p', { class: 'error', role: 'alert', text: errorText(err) });
  }
  function errorText(err) {
    if (err instanceof ApiError) return err.message + (err.code && err.status ? ' (' + err.code + ')' : '');
    return String(err && err.message || err);
  }

  // ---- UTF-8 offsets ---------------------------------------------------
  // Claim and mention offsets are byte offsets into UTF-8 text; JavaScript
  // strings index UTF-16 units, so slicing goes through the bytes.

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  class Bytes {
    constructor(s) { this.s = s; this.b = encoder.encode(s); }
    get length() { return this.b.length; }
    slice(start, end) { return decoder.decode(this.b.subarray(start, end)); }
  }

  // ---- formatting ------------------------------------------------------

  function day(published) {
    return published ? String(published).slice(0, 10) : 'undated';
  }
  function number(n) {
    return typeof n === 'number' && isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: 2 }) : String(n);
  }
  function money(amount, currency, max) {
    const one = (a) => {
      try {
        return new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 }).format(a);
      } catch (e) {
        return number(a) + ' ' + currency;
      }
    };
    return max ? one(amount) + '–' + one(max) : one(amount);
  }
  // valueText renders a conflict group's value ("2400000000 EUR",
  // "120000 residents", "2026-03-04", "Sorin Vladescu") for people.
  function valueText(kind, value) {
    const m = /^(-?\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?\s+(.+)$/.exec(value);
    if (kind === 'money' && m && /^[A-Z]{3}$/.test(m[3])) {
      return { main: money(+m[1], m[3], m[2] ? +m[2] : 0), exact: number(+m[1]) + (m[2] ? '–' + number(+m[2]) : '') + ' ' + m[3] };
    }
    if (m) return { main: number(+m[1]) + (m[2] ? '–' + number(+m[2]) : '') + ' ' + m[3], exact: '' };
    return { main: value, exact: '' };
  }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }

  // highlighted turns a highlight ("the **fund** …") into text and <mark>
  // nodes. The markers are Markdown bold, not HTML, so the text around them
  // is kept as text. A claim that itself contains "**" is shown unmarked.
  function highlighted(hl, text) {
    if (!hl || text.includes('**')) return [text];
    const parts = hl.split('**');
    if (parts.length % 2 === 0) return [text];
    return parts.map((p, i) => (i % 2 ? el('mark', { text: p }) : p)).filter((p) => p !== '');
  }

  // normalClaim gives every list field a value, so a record written before
  // a field existed still renders.
  function normalClaim(c) {
    c = c || {};
    for (const k of ['entities', 'dates', 'money', 'quantities', 'conflicts']) if (!Array.isArray(c[k])) c[k] = [];
    if (typeof c.score !== 'number') c.score = 0;
    if (typeof c.corroborations !== 'number') c.corroborations = 0;
    c.text = c.text || '';
    c.kind = c.kind || 'sentence';
    return c;
  }

  // ---- routing ---------------------------------------------------------

  function parseHash() {
    let h = location.hash.replace(/^#\/?/, '');
    const q = h.indexOf('?');
    const params = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
    if (q >= 0) h = h.slice(0, q);
    const parts = h.split('/');
    let arg = '';
    try { arg = decodeURIComponent(parts[1] || ''); } catch (e) { arg = ''; }
    return { view: parts[0] || 'search', arg, params };
  }

  let currentView = '';
  let firstRoute = true;

  function route() {
    const { view, arg, params } = parseHash();
    const known = { search: 1, claim: 1, disputes: 1, ingest: 1 };
    const name = known[view] ? view : 'search';
    const changed = name !== currentView;
    currentView = name;
    for (const v of $$('.view')) v.hidden = v.id !== 'view-' + name;
    for (const a of $$('.top nav a')) {
      if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (name !== 'ingest') stopPolling();
    if (name !== 'claim') document.title = { search: 'Search', disputes: 'Disputes', ingest: 'Ingest' }[name] + ' – claimdex';
    let done;
    if (name === 'search') done = showSearch(params);
    else if (name === 'claim') done = showClaim(arg);
    else if (name === 'disputes') done = showDisputes(params);
    else done = showIngest();
    // Moving focus to the new view's heading tells screen reader users
    // that the page changed; not on first load, where focus starts at the top.
    if (changed && !firstRoute) {
      const h = $('#view-' + name + ' h1');
      h.setAttribute('tabindex', '-1');
      h.focus({ preventScroll: false });
    }
    firstRoute = false;
    return done;
  }

  function go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  // keepFocus re-renders a part of the page and gives focus back to the
  // control with the same data-key, so a click on a facet or a poll of the
  // jobs does not throw keyboard users back to the top.
  function keepFocus(render) {
    const key = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.key;
    render();
    if (key) {
      const again = $$('[data-key]').find((n) => n.dataset.key === key);
      if (again) again.focus();
    }
  }

  // ---- search ----------------------------------------------------------

  function searchState(params) {
    const s = { q: params.get('q') || '', offset: Math.max(0, parseInt(params.get('offset') || '0', 10) || 0) };
    for (const k of REPEATED) s[k] = params.getAll(k).filter((v) => v !== '');
    for (const k of SINGLE) s[k] = params.get(k) || '';
    return s;
  }
  function stateParams(s, withOffset) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    for (const k of REPEATED) for (const v of s[k]) p.append(k, v);
    for (const k of SINGLE) if (s[k] && !(k === 'by' && s[k] === 'mentioned')) p.set(k, s[k]);
    if (withOffset && s.offset) p.set('offset', String(s.offset));
    return p;
  }
  function searchHash(s) {
    const p = stateParams(s, true).toString();
    return '#/search' + (p ? '?' + p : '');
  }

  let searchSeq = 0; // answers to superseded searches are dropped
  let viewSeq = 0; // the same for the claim and disputes views
  let lastSearch = '#/search';

  function fillForm(s) {
    const form = $('#search-form');
    form.q.value = s.q;
    for (const k of ['source', 'entity', 'speaker', 'currency']) form[k].value = '';
    for (const box of $$('input[name="kind"]', form)) box.checked = s.kind.includes(box.value);
    form.since.value = s.since; form.until.value = s.until;
    form.by.value = s.by === 'published' ? 'published' : 'mentioned';
    form.min_amount.value = s.min_amount; form.max_amount.value = s.max_amount;
    form.min_sources.value = s.min_sources;
    form.conflicting.checked = s.conflicting === 'true' || s.conflicting === '1';
    for (const n of $$('[aria-invalid]', form)) n.removeAttribute('aria-invalid');
    const any = SINGLE.some((k) => s[k] && k !== 'by') || s.kind.length > 0;
    if (any) $('#filters').open = true;
  }

  function readForm(prev) {
    const form = $('#search-form');
    const s = { q: form.q.value.trim(), offset: 0 };
    for (const k of ['source', 'entity', 'speaker', 'currency']) {
      s[k] = prev[k].slice();
      let v = form[k].value.trim();
      if (k === 'currency') v = v.toUpperCase();
      if (v && !s[k].includes(v)) s[k].push(v);
    }
    s.kind = $$('input[name="kind"]', form).filter((b) => b.checked).map((b) => b.value);
    s.since = form.since.value.trim(); s.until = form.until.value.trim();
    s.by = form.by.value === 'published' ? 'published' : '';
    s.min_amount = form.min_amount.value.trim(); s.max_amount = form.max_amount.value.trim();
    s.min_sources = form.min_sources.value.trim();
    s.conflicting = form.conflicting.checked ? 'true' : '';
    return s;
  }

  let shownState = searchState(new URLSearchParams());

  function renderChips(s) {
    const box = clear($('#active-filters'));
    const chip = (key, label, without) => el('button', {
      type: 'button', class: 'chip', 'data-key': 'chip:' + key,
      'aria-label': 'Remove filter ' + label,
      onclick: () => go(searchHash(Object.assign({}, s, without, { offset: 0 }))),
    }, label);
    for (const k of REPEATED) {
      for (const v of s[k]) {
        box.append(chip(k + ':' + v, LABELS[k] + ': ' + v, { [k]: s[k].filter((x) => x !== v) }));
      }
    }
    for (const k of SINGLE) {
      if (!s[k] || (k === 'by')) continue;
      const label = k === 'conflicting' ? LABELS[k] : LABELS[k] + ' ' + s[k] + (k === 'since' || k === 'until' ? (s.by === 'published' ? ' (published)' : ' (mentioned)') : '');
      box.append(chip(k, label, { [k]: '' }));
    }
    box.hidden = box.childElementCount === 0;
  }

  function renderFacets(s, facets) {
    const box = clear($('#facets'));
    const names = { source: 'Sources', entity: 'Entities', kind: 'Kinds' };
    for (const name of ['source', 'entity', 'kind']) {
      const terms = (facets && facets[name]) || [];
      if (!terms.length) continue;
      const list = el('ul');
      for (const t of terms) {
        const on = s[name].includes(t.term);
        const next = on ? s[name].filter((x) => x !== t.term) : s[name].concat([t.term]);
        list.append(el('li', {}, el('button', {
          type: 'button', class: 'facet', 'aria-pressed': on ? 'true' : 'false',
          'aria-label': t.term + ', ' + plural(t.count, 'claim'),
          'data-key': 'facet:' + name + ':' + t.term,
          onclick: () => go(searchHash(Object.assign({}, s, { [name]: next, offset: 0 }))),
        }, el('span', { text: t.term }), el('span', { class: 'n', text: number(t.count) }))));
      }
      box.append(el('h2', { text: names[name] }), list);
      if (name !== 'kind') {
        const dl = clear($('#dl-' + name));
        for (const t of terms) dl.append(el('option', { value: t.term }));
      }
    }
    box.hidden = box.childElementCount === 0;
  }

  function claimMeta(c) {
    const meta = el('dl', { class: 'meta' },
      el('dt', { text: 'Source' }), el('dd', { text: c.source || 'unknown source' }),
      el('dt', { text: 'Published' }), el('dd', {}, el('time', { datetime: c.published || undefined, text: day(c.published) })),
      el('dt', { text: 'Kind' }), el('dd', { text: c.kind.replace('_', ' ') }));
    if (c.speaker) append(meta, [el('dt', { text: 'Speaker' }), el('dd', { text: 'said by ' + c.speaker })]);
    append(meta, [el('dt', { text: 'Check-worthiness' }), el('dd', { class: 'worth', title: 'Check-worthiness' },
      'check-worthiness ', el('meter', { min: 0, max: 1, value: c.score, 'aria-label': 'Check-worthiness' }), ' ' + c.score.toFixed(2))]);
    return meta;
  }

  function claimBadges(c) {
    const badges = el('div', { class: 'badges' });
    if (c.corroborations > 0) {
      badges.append(el('span', { class: 'badge ok', text: 'corroborated by ' + plural(c.corroborations, 'other origin') }));
    }
    if (c.conflicts && c.conflicts.length) {
      badges.append(el('a', { class: 'badge bad', href: '#/claim/' + encodeURIComponent(c.id), text: 'contradicted by ' + plural(c.conflicts.length, 'claim') }));
    }
    return badges.childElementCount ? badges : null;
  }

  async function showSearch(params) {
    const s = searchState(params);
    const asked = location.hash;
    shownState = s;
    lastSearch = searchHash(s);
    fillForm(s);
    renderChips(s);
    updateExport(s);
    const status = $('#search-status');
    const seq = ++searchSeq;
    status.textContent = 'Searching…';
    const p = stateParams(s, true);
    p.set('limit', String(PAGE));
    p.set('facets', 'true');
    let res;
    try {
      res = await api('/api/search?' + p.toString());
    } catch (err) {
      if (seq !== searchSeq) return;
      status.textContent = '';
      clear($('#results')).append(el('li', {}, errorBox(err)));
      clear($('#pager'));
      clear($('#facets'));
      $('#results').dataset.shown = asked;
      const field = err.param && FIELD_IDS[err.param] && $('#' + FIELD_IDS[err.param]);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        if (field.closest('details')) field.closest('details').open = true;
      }
      return;
    }
    if (seq !== searchSeq) return;
    keepFocus(() => {
      renderFacets(s, res.facets);
      renderResults(s, res);
    });
    // data-shown names the address whose results are on screen (for tests
    // and scripts that drive the page).
    $('#results').dataset.shown = asked;
    const first = s.offset + 1;
    const last = s.offset + res.hits.length;
    status.textContent = res.total === 0 ? 'No claims match.'
      : res.hits.length === 0 ? plural(res.total, 'claim') + ' match; none on this page.'
        : plural(res.total, 'claim') + ' match' + (res.total === 1 ? 'es' : '') + (res.total > res.hits.length ? ', showing ' + first + '–' + last : '') + '.';
  }

  function renderResults(s, res) {
    const list = clear($('#results'));
    for (const h of res.hits) {
      const c = normalClaim(h.claim);
      const link = el('a', { href: '#/claim/' + encodeURIComponent(c.id), 'data-key': 'hit:' + c.id },
        (h.highlights && h.highlights.length) ? highlighted(h.highlights.join(' … '), c.text) : c.text);
      list.append(el('li', { class: 'hit' },
        el('p', { class: 'text' }, link),
        claimMeta(c),
        c.title && c.title !== c.text ? el('p', { class: 'hint', text: 'in “' + c.title + '”' + (c.section ? ', section “' + c.section + '”' : '') }) : null,
        claimBadges(c)));
    }
    const pager = clear($('#pager'));
    if (res.total > PAGE) {
      const pages = Math.ceil(res.total / PAGE);
      const page = Math.floor(s.offset / PAGE) + 1;
      const link = (label, offset, key) => el('a', { class: 'badge plain', href: searchHash(Object.assign({}, s, { offset })), 'data-key': key, rel: key }, label);
      if (s.offset > 0) pager.append(link('← Previous', Math.max(0, s.offset - PAGE), 'prev'));
      pager.append(el('span', { text: 'Page ' + page + ' of ' + pages }));
      if (s.offset + PAGE < res.total) pager.append(link('Next →', s.offset + PAGE, 'next'));
    }
  }

  function updateExport(s) {
    const link = $('#export-link');
    const p = stateParams(s, false).toString();
    link.setAttribute('href', '/api/export' + (p ? '?' + p : ''));
  }

  // With a token the export is fetched with it and handed over as a file;
  // without one the plain link streams straight from the server.
  $('#export-link').addEventListener('click', async (ev) => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return;
    ev.preventDefault();
    const res = await fetch(ev.currentTarget.getAttribute('href'), { headers: { Authorization: 'Bearer ' + token } });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { download: 'claims.jsonl' });
    a.href = url;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  $('#search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    go(searchHash(readForm(shownState)));
  });

  // ---- claim view --------------------------------------------------------

  // mentionsOf lists a claim's marked mentions with byte offsets into its
  // text. A mention whose offsets do not land on its words (a record from
  // a document-relative form) is placed by the claim's own offset.
  function mentionsOf(c) {
    const out = [];
    const t = new Bytes(c.text);
    const add = (list, cls, label) => {
      for (const m of list || []) {
        let start = m.start; let end = m.end;
        if (t.slice(start, end) !== m.text && c.offset) { start -= c.offset.start; end -= c.offset.start; }
        if (start < 0 || end > t.length || start >= end || t.slice(start, end) !== m.text) continue;
        out.push({ start, end, cls, label: label(m) });
      }
    };
    add(c.entities, 'm m-ent', (m) => m.type + ': ' + m.canonical);
    add(c.dates, 'm m-date', (m) => 'date ' + m.value);
    add(c.money, 'm m-money', (m) => 'money ' + money(m.amount, m.currency, m.amount_max));
    add(c.quantities, 'm m-qty', (m) => 'quantity ' + number(m.value) + ' ' + m.unit);
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    // Overlapping mentions (an entity inside an amount) keep the first.
    const kept = [];
    let end = 0;
    for (const m of out) if (m.start >= end) { kept.push(m); end = m.end; }
    return kept;
  }

  function markedText(c) {
    const t = new Bytes(c.text);
    const nodes = [];
    let at = 0;
    for (const m of mentionsOf(c)) {
      if (m.start > at) nodes.push(t.slice(at, m.start));
      nodes.push(el('span', { class: m.cls, title: m.label }, t.slice(m.start, m.end)));
      at = m.end;
    }
    if (at < t.length) nodes.push(t.slice(at));
    return nodes;
  }

  // contextOf renders the paragraph holding the claim and one on each
  // side, the claim marked and the other claims linked.
  function contextOf(c, doc) {
    if (!doc || !doc.text || !c.offset) return null;
    const text = new Bytes(doc.text);
    if (text.slice(c.offset.start, c.offset.end) !== c.text) return null;
    const b = text.b;
    const paras = [];
    let start = 0;
    for (let i = 0; i + 1 < b.length; i++) {
      if (b[i] === 10 && b[i + 1] === 10) {
        if (i > start) paras.push([start, i]);
        start = i + 2;
        while (start < b.length && b[start] === 10) start++;
        i = start - 1;
      }
    }
    if (start < b.length) paras.push([start, b.length]);
    const at = paras.findIndex(([s, e]) => c.offset.start >= s && c.offset.start < e);
    if (at < 0) return null;
    const from = Math.max(0, at - 1);
    const to = Math.min(paras.length - 1, at + 1);
    const others = (doc.claims || []).map(normalClaim).filter((o) => o.offset && o.id !== c.id)
      .sort((x, y) => x.offset.start - y.offset.start);
    const box = el('div', { class: 'context', role: 'region', 'aria-label': 'The claim in its document' });
    if (from > 0) box.append(el('p', { class: 'gap', text: '…', 'aria-hidden': 'true' }));
    for (let p = from; p <= to; p++) {
      const [ps, pe] = paras[p];
      const para = el('p', { class: p === at ? 'here' : '' });
      let pos = ps;
      const pieces = others.filter((o) => o.offset.start >= ps && o.offset.end <= pe);
      if (p === at) pieces.push(c);
      pieces.sort((x, y) => x.offset.start - y.offset.start);
      for (const o of pieces) {
        if (o.offset.start < pos) continue; // overlapping claims: the first wins
        if (o.offset.start > pos) para.append(text.slice(pos, o.offset.start));
        if (o === c) {
          para.append(el('mark', { class: 'claim-here', id: 'the-claim' }, markedText(c)));
        } else {
          para.append(el('a', { class: 'other-claim', href: '#/claim/' + encodeURIComponent(o.id), title: 'Another claim: open it' }, text.slice(o.offset.start, o.offset.end)));
        }
        pos = o.offset.end;
      }
      if (pos < pe) para.append(text.slice(pos, pe));
      box.append(para);
    }
    if (to < paras.length - 1) box.append(el('p', { class: 'gap', text: '…', 'aria-hidden': 'true' }));
    return box;
  }

  function legend() {
    return el('ul', { class: 'legend', 'aria-label': 'Marks' },
      el('li', {}, el('mark', { class: 'claim-here', text: 'the claim' })),
      el('li', {}, el('span', { class: 'm m-ent', text: 'names' })),
      el('li', {}, el('span', { class: 'm m-date', text: 'dates' })),
      el('li', {}, el('span', { class: 'm m-money', text: 'money' })),
      el('li', {}, el('span', { class: 'm m-qty', text: 'quantities' })));
  }

  function claimItem(o, extra) {
    return el('li', {},
      el('p', { class: 'hint' }, el('strong', { text: o.source || 'unknown source' }), ', ' + day(o.published) + (o.speaker ? ', said by ' + o.speaker : '')),
      el('p', {}, el('a', { href: '#/claim/' + encodeURIComponent(o.id) }, markedText(o))),
      extra || null);
  }

  function factsOf(c, explain) {
    const dl = el('dl', { class: 'facts' });
    const row = (term, ...dd) => append(dl, [el('dt', { text: term }), el('dd', {}, ...dd)]);
    row('Source', c.source || 'unknown');
    row('Published', day(c.published));
    row('Speaker', c.speaker ? el('a', { href: searchHash(Object.assign(searchState(new URLSearchParams()), { speaker: [c.speaker] })), text: c.speaker }) : 'none named');
    row('Kind', c.kind.replace('_', ' ') + (c.section ? ', in section “' + c.section + '”' : ''));
    const worth = [c.score.toFixed(2)];
    if (explain && explain.length) {
      worth.push(el('ul', {}, explain.map((f) => el('li', { text: f.name + ' ' + (f.weight > 0 ? '+' : '') + f.weight.toFixed(2) }))));
    }
    row('Check-worthiness', ...worth);
    if (c.entities.length) {
      row('Entities', el('ul', {}, c.entities.map((e) => el('li', {},
        el('a', { href: searchHash(Object.assign(searchState(new URLSearchParams()), { entity: [e.canonical] })), text: e.canonical }),
        ' (' + e.type + (e.text !== e.canonical ? ', written “' + e.text + '”' : '') + ')'))));
    }
    if (c.dates.length) row('Dates', el('ul', {}, c.dates.map((d) => el('li', { text: '“' + d.text + '” → ' + d.value }))));
    if (c.money.length) row('Money', el('ul', {}, c.money.map((m) => el('li', { text: '“' + m.text + '” → ' + number(m.amount) + (m.amount_max ? '–' + number(m.amount_max) : '') + ' ' + m.currency }))));
    if (c.quantities.length) row('Quantities', el('ul', {}, c.quantities.map((q) => el('li', { text: '“' + q.text + '” → ' + number(q.value) + ' ' + q.unit }))));
    return dl;
  }

  // sameValueClaims looks for the claims that agree with c. The index
  // keeps only their number, so they are found where cross-source analysis
  // grouped them (the disputes) and by searching for the same amount or date
  // among claims that several origins state.
  async function sameValueClaims(c) {
    const found = new Map();
    try {
      const res = await api('/api/conflicts?limit=1000');
      for (const g of res.groups || []) {
        for (const v of g.values) {
          if (!v.claims.includes(c.id)) continue;
          for (const id of v.claims) {
            const o = res.claims && res.claims[id] && normalClaim(res.claims[id]);
            if (o && o.doc_id !== c.doc_id) found.set(id, o);
          }
        }
      }
    } catch (e) { /* the search below may still find them */ }
    // Each search is narrowed on the page to claims whose value really is
    // the same (amounts and counts within 1%, as the analysis compares them).
    const near = (a, b) => Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
    const searches = [];
    for (const m of c.money) {
      searches.push([new URLSearchParams({ min_amount: String(m.amount * 0.99), max_amount: String((m.amount_max || m.amount) * 1.01), currency: m.currency, min_sources: '2', limit: '100' }),
        (o) => (o.money || []).some((x) => x.currency === m.currency && near(x.amount, m.amount))]);
    }
    for (const d of c.dates) {
      searches.push([new URLSearchParams({ since: d.value, until: d.value, min_sources: '2', limit: '100' }),
        (o) => (o.dates || []).some((x) => x.value === d.value)]);
    }
    for (const q of c.quantities) {
      if (!/^[\p{L}%]+$/u.test(q.unit)) continue;
      searches.push([new URLSearchParams({ q: q.unit === '%' ? 'percent' : q.unit, min_sources: '2', limit: '100' }),
        (o) => (o.quantities || []).some((x) => x.unit === q.unit && near(x.value, q.value))]);
    }
    for (const [p, same] of searches.slice(0, 6)) {
      try {
        const res = await api('/api/search?' + p.toString());
        for (const h of res.hits) {
          const o = normalClaim(h.claim);
          if (o.doc_id !== c.doc_id && o.source !== c.source && same(o)) found.set(o.id, o);
        }
      } catch (e) { /* a filter the server refuses: skip it */ }
    }
    return Array.from(found.values()).slice(0, 20);
  }

  async function showClaim(id) {
    const body = clear($('#claim-body'));
    // data-ready tells tests (and anyone scripting the page) that the view
    // has finished loading, lookups of agreeing claims included.
    delete body.dataset.ready;
    const seq = ++viewSeq;
    const stale = () => seq !== viewSeq;
    const status = $('#claim-status');
    $('#claim-back').setAttribute('href', lastSearch);
    status.textContent = 'Loading the claim…';
    let res;
    try {
      res = await api('/api/claims/' + encodeURIComponent(id));
    } catch (err) {
      if (stale()) return;
      status.textContent = '';
      body.append(errorBox(err));
      body.dataset.ready = 'error';
      return;
    }
    if (stale()) return;
    const c = normalClaim(res.claim);
    $('#claim-title').textContent = 'Claim from ' + (c.source || 'an unknown source');
    document.title = 'Claim from ' + (c.source || 'unknown') + ' – claimdex';
    let doc = null;
    try {
      doc = await api('/api/documents/' + encodeURIComponent(c.doc_id));
    } catch (e) { doc = null; }
    if (stale()) return;
    status.textContent = '';
    const title = (doc && doc.title) || c.title;
    const location = (doc && doc.location) || c.location;
    body.append(el('p', { class: 'doc-head' },
      title ? el('strong', { text: '“' + title + '”' }) : null, title ? ', ' : '',
      c.source || 'unknown source', ', ' + day(c.published) + '. ',
      WEB_URL.test(location) ? el('a', { href: location, rel: 'noopener noreferrer', target: '_blank', text: 'Original article' }) : el('span', { class: 'hint', text: location })));
    const ctx = contextOf(c, doc);
    body.append(legend());
    if (ctx) body.append(ctx);
    else {
      body.append(el('blockquote', { class: 'context' }, el('p', {}, el('mark', { class: 'claim-here', id: 'the-claim' }, markedText(c)))));
      body.append(el('p', { class: 'hint', text: 'The text around this claim is not available (re-ingest its document to keep it).' }));
    }
    body.append(claimBadges(c) || el('p', { class: 'hint', text: 'No other origin states or contradicts its figures so far.' }));
    body.append(el('h2', { text: 'What it states' }), factsOf(c, res.explain));

    const conflicting = (res.conflicting || []).map(normalClaim);
    const dis = el('section', { 'aria-labelledby': 'h-contra', id: 'conflicts' }, el('h2', { id: 'h-contra', text: 'Contradicted by' }));
    if (conflicting.length) dis.append(el('ul', { class: 'linked' }, conflicting.map((o) => claimItem(o))));
    else dis.append(el('p', { class: 'hint', text: c.conflicts.length ? 'The contradicting claims are no longer in the index.' : 'No claim of another origin contradicts it.' }));
    body.append(dis);

    const cor = el('section', { 'aria-labelledby': 'h-corr' }, el('h2', { id: 'h-corr', text: 'Corroborated by' }));
    body.append(cor);
    if (c.corroborations > 0) {
      const waiting = el('p', { class: 'hint', text: 'Looking for the claims that agree…' });
      cor.append(el('p', { text: plural(c.corroborations, 'other independent origin') + ' state' + (c.corroborations === 1 ? 's' : '') + ' the same value.' }), waiting);
      const same = await sameValueClaims(c);
      if (stale()) return;
      if (same.length) waiting.replaceWith(el('ul', { class: 'linked' }, same.map((o) => claimItem(o))));
      else waiting.textContent = 'The index counts them but does not name them; search for the same figures to find them.';
    } else {
      cor.append(el('p', { class: 'hint', text: 'No other origin states the same value.' }));
    }
    body.dataset.ready = 'true';
  }

  // ---- disputes ----------------------------------------------------------

  const SHARED = { p: 'person', o: 'organisation', g: 'place', m: 'name', v: 'figure', t: 'headline word' };

  // valueMention marks, in a claim's words, the mention that states the
  // disputed value, so each outlet's exact words show the figure.
  function valueWords(c, kind) {
    const wanted = { money: 'm-money', date: 'm-date', quantity: 'm-qty', person: 'm-ent' }[kind];
    const t = new Bytes(c.text);
    const nodes = [];
    let at = 0;
    for (const m of mentionsOf(c)) {
      if (!m.cls.includes(wanted)) continue;
      if (m.start > at) nodes.push(t.slice(at, m.start));
      nodes.push(el('mark', { title: m.label }, t.slice(m.start, m.end)));
      at = m.end;
    }
    if (at < t.length) nodes.push(t.slice(at));
    return nodes;
  }

  async function showDisputes(params) {
    const kind = params.get('kind') || '';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    $('#d-kind').value = kind;
    const status = $('#disputes-status');
    const box = clear($('#disputes'));
    status.textContent = 'Loading the disputes…';
    const p = new URLSearchParams({ limit: String(DISPUTES_PAGE) });
    if (kind) p.set('kind', kind);
    if (offset) p.set('offset', String(offset));
    let res;
    const seq = ++viewSeq;
    try {
      res = await api('/api/conflicts?' + p.toString());
    } catch (err) {
      if (seq !== viewSeq) return;
      status.textContent = '';
      box.append(errorBox(err));
      return;
    }
    if (seq !== viewSeq) return;
    const groups = res.groups || [];
    const claims = res.claims || {};
    const total = typeof res.total === 'number' ? res.total : groups.length;
    status.textContent = total === 0 ? 'No disputed facts' + (kind ? ' of this kind' : '') + ' yet.'
      : plural(total, 'disputed fact') + (total > groups.length ? ', showing ' + (offset + 1) + '–' + (offset + groups.length) : '') + '.';
    groups.forEach((g, i) => {
      const hid = 'dispute-' + (offset + i);
      const values = el('div', { class: 'values' });
      for (const v of g.values) {
        const vt = valueText(g.kind, v.value);
        const list = el('ul');
        for (const id of v.claims) {
          const c = claims[id] && normalClaim(claims[id]);
          if (!c) { list.append(el('li', {}, el('a', { href: '#/claim/' + encodeURIComponent(id), text: 'claim ' + id }))); continue; }
          list.append(el('li', {},
            el('strong', { text: c.source || 'unknown source' }), ' ', el('span', { class: 'hint', text: day(c.published) + (c.speaker ? ', ' + c.speaker : '') }),
            el('blockquote', {}, el('a', { href: '#/claim/' + encodeURIComponent(id), class: 'other-claim' }, valueWords(c, g.kind)))));
        }
        values.append(el('section', { class: 'value', 'aria-label': 'Value ' + vt.main },
          el('p', { class: 'v', text: vt.main }),
          vt.exact ? el('p', { class: 'hint', text: vt.exact }) : null,
          el('p', { class: 'srcs', text: 'stated by ' + v.sources.join(', ') }),
          list));
      }
      const shared = (g.shared || []).map((k) => {
        const [pre, ...rest] = k.split(':');
        return (SHARED[pre] || pre) + ' ' + rest.join(':');
      });
      box.append(el('article', { class: 'dispute', 'aria-labelledby': hid },
        el('header', {}, el('h2', { id: hid, text: g.topic || '(no topic)' }),
          el('span', { class: 'badge warn', text: g.kind }),
          el('p', { text: plural(g.values.length, 'value') + ', ' + (typeof g.origins === 'number'
            ? plural(g.origins, 'independent origin')
            : plural(new Set(g.values.flatMap((v) => v.sources)).size, 'source')) })),
        values,
        shared.length ? el('details', { class: 'shared' }, el('summary', { text: 'Why these reports were compared' }),
          el('p', { text: 'They share: ' + shared.join('; ') + '.' })) : null));
    });
    if (total > DISPUTES_PAGE) {
      const nav = el('nav', { class: 'pager', 'aria-label': 'Dispute pages' });
      const link = (label, off) => {
        const q = new URLSearchParams();
        if (kind) q.set('kind', kind);
        if (off) q.set('offset', String(off));
        const qs = q.toString();
        return el('a', { class: 'badge plain', href: '#/disputes' + (qs ? '?' + qs : '') }, label);
      };
      if (offset > 0) nav.append(link('← Previous', Math.max(0, offset - DISPUTES_PAGE)));
      if (offset + DISPUTES_PAGE < total) nav.append(link('Next →', offset + DISPUTES_PAGE));
      box.append(nav);
    }
  }

  $('#disputes-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const kind = $('#d-kind').value;
    go('#/disputes' + (kind ? '?kind=' + encodeURIComponent(kind) : ''));
  });

  // ---- ingest and jobs -------------------------------------------------------

  let pollTimer = 0;
  const jobStates = new Map(); // job id -> last state seen, to announce changes

  function stopPolling() {
    clearTimeout(pollTimer);
    pollTimer = 0;
  }

  function jobView(j) {
    const p = j.progress || {};
    const done = (p.docs || 0) + (p.failed || 0);
    const bar = el('progress', { max: p.total > 0 ? p.total : undefined, 'aria-label': 'Progress of job ' + j.id });
    if (p.total > 0) bar.value = Math.min(done, p.total);
    else if (j.state !== 'running' && j.state !== 'queued') { bar.max = 1; bar.value = 1; }
    const stateClass = { done: 'ok', failed: 'bad', interrupted: 'warn', running: 'plain', queued: 'plain' }[j.state] || 'plain';
    const inputs = j.inputs || [];
    const shown = inputs.slice(0, 3).join(', ') + (inputs.length > 3 ? ' and ' + (inputs.length - 3) + ' more' : '');
    const view = el('article', { class: 'job', 'data-job': j.id, 'data-state': j.state },
      el('h3', {}, el('span', { text: 'Job ' + j.id }), el('span', { class: 'badge ' + stateClass, text: j.state }), el('span', { class: 'hint', text: 'from ' + (j.origin || 'api') })),
      el('p', { class: 'hint', text: shown }),
      bar,
      el('ul', { class: 'counts' },
        el('li', { text: (p.total > 0 ? (p.docs || 0) + ' of ' + plural(p.total, 'document') : plural(p.docs || 0, 'document')) }),
        el('li', { text: plural(p.claims || 0, 'claim') }),
        el('li', { text: (p.failed || 0) + ' failed' }),
        p.fetched ? el('li', { text: p.fetched + ' fetched' }) : null,
        typeof p.elapsed_seconds === 'number' ? el('li', { text: p.elapsed_seconds.toFixed(1) + ' s' }) : null));
    if (j.error) view.append(el('p', { class: 'error', text: j.error }));
    const r = j.report;
    if (r) {
      view.append(el('p', { text: 'Added ' + r.added + ', replaced ' + r.replaced + ', unchanged ' + r.unchanged + ', ' + plural(r.claims, 'claim') + ' indexed. ' },
        r.claims > 0 ? el('a', { href: '#/search', text: 'Search them' }) : null));
      if (r.failures && r.failures.length) {
        view.append(el('details', { class: 'failures' }, el('summary', { text: plural(r.failures.length, 'failure') }),
          el('ul', {}, r.failures.map((f) => el('li', {}, el('code', { text: f.location }), ': ' + f.reason)))));
      }
    }
    return view;
  }

  async function refreshJobs() {
    let res;
    try {
      res = await api('/api/jobs');
    } catch (err) {
      clear($('#jobs')).append(errorBox(err));
      // Without the token, polling would only ask for it again and again.
      return err.status === 401 ? null : false;
    }
    const jobs = res.jobs || [];
    const box = $('#jobs');
    keepFocus(() => {
      clear(box);
      if (!jobs.length) box.append(el('p', { class: 'hint', text: 'No jobs yet.' }));
      for (const j of jobs) box.append(jobView(j));
    });
    for (const j of jobs) {
      const before = jobStates.get(j.id);
      if (before && before !== j.state) {
        $('#ingest-status').textContent = 'Job ' + j.id + ' is ' + j.state + (j.progress ? ': ' + plural(j.progress.docs || 0, 'document') + ', ' + plural(j.progress.claims || 0, 'claim') : '') + '.';
      }
      jobStates.set(j.id, j.state);
    }
    return jobs.some((j) => j.state === 'queued' || j.state === 'running');
  }

  async function poll() {
    stopPolling();
    const active = await refreshJobs();
    if (currentView !== 'ingest' || active === null) return;
    // Poll fast while a job runs, slowly otherwise (the watch list may
    // start one), and not at all while the tab is hidden.
    pollTimer = setTimeout(() => { if (!document.hidden) poll(); else pollTimer = setTimeout(poll, 5000); }, active ? 1000 : 5000);
  }

  function showIngest() {
    return poll();
  }

  $('#ingest-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const area = $('#i-inputs');
    const status = $('#ingest-status');
    const picker = $('#i-files');
    const files = Array.from(picker.files || []);
    const urls = area.value.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (!urls.length && !files.length) {
      status.textContent = 'Enter at least one URL or choose a file.';
      area.setAttribute('aria-invalid', 'true');
      area.focus();
      return;
    }
    const bad = urls.find((u) => !(WEB_URL.test(u) && !/\s/.test(u)));
    if (bad) {
      status.textContent = 'Not an http(s) address: ' + bad;
      area.setAttribute('aria-invalid', 'true');
      area.focus();
      return;
    }
    area.removeAttribute('aria-invalid');
    const button = $('button[type="submit"]', ev.currentTarget);
    button.disabled = true;
    status.textContent = files.length ? 'Uploading…' : 'Submitting…';
    let opts;
    if (files.length) {
      // Multipart: the request part first, then one part per file, named
      // by the file's name (its location in the index).
      const form = new FormData();
      form.append('request', JSON.stringify({ urls }));
      for (const f of files) form.append('file', f, f.name);
      opts = { method: 'POST', body: form };
    } else {
      opts = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ urls }) };
    }
    try {
      const job = await api('/api/ingest', opts);
      jobStates.set(job.id, job.state);
      status.textContent = 'Job ' + job.id + ' is ' + job.state + '.';
      area.value = '';
      picker.value = '';
    } catch (err) {
      status.textContent = errorText(err);
    } finally {
      button.disabled = false;
    }
    poll();
  });

  $('#i-inputs').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      $('#ingest-form').requestSubmit();
    }
  });

  // The skip link must not change the fragment, which names the view.
  $('.skip').addEventListener('click', (ev) => {
    ev.preventDefault();
    $('#main').focus();
  });

  $('#token-cancel').addEventListener('click', () => $('#token-dialog').close(''));

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && currentView === 'ingest' && !pollTimer) poll();
  });

  // ---- start ---------------------------------------------------------------

  // /?token=T hands the page a token once: it is kept for this tab and
  // taken out of the address so it is not shared with the link.
  const start = new URLSearchParams(location.search);
  if (start.get('token')) {
    sessionStorage.setItem(TOKEN_KEY, start.get('token'));
    start.delete('token');
    const qs = start.toString();
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
  }

  window.addEventListener('hashchange', route);
  route();
})();
