// Element building without innerHTML: every piece of data reaches the page as textContent.

/** h('td.num', {testid: 'x', dataset: {...}, on: {click}}, child, 'text', ...) */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'testid') el.dataset.testid = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      else if (k === 'text') el.textContent = String(v);
      else if (k in el && typeof v !== 'string') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function fmtNumber(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return '–';
  return Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function fmtTime(ms) {
  if (!ms) return '–';
  const d = new Date(ms);
  return d.toLocaleTimeString('en-GB', { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}

export function fmtDateTime(ms) {
  return ms ? new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC') : '–';
}

/** An empty-state row or paragraph. */
export function empty(text, tag = 'p') {
  return h(tag + '.empty', { text });
}

/** A table with a header row; rows are appended by the caller to the returned tbody. */
export function table(testid, headers, numeric = []) {
  const tbody = h('tbody');
  const t = h('table', { testid },
    h('thead', null, h('tr', null, headers.map((name) => h(numeric.includes(name) ? 'th.num' : 'th', { scope: 'col', text: name })))),
    tbody);
  return { table: t, tbody };
}

/** A card section with a heading, an optional hint and an age indicator. */
export function card(title, testid, ...children) {
  return h('section.card', { testid }, h('div.card-head', null, h('h2', { text: title })), ...children);
}

/**
 * JSON rendered as nested elements. Values whose dotted path is in `redacted` are marked so a reader
 * sees they were rewritten by the contract, not sent as they are.
 */
export function jsonTree(value, redacted = new Set(), path = '') {
  if (value === null || typeof value !== 'object') {
    const cls = value === null ? 'null' : typeof value;
    const leaf = h('span.j-' + cls, { text: JSON.stringify(value) });
    if (redacted.has(path)) {
      return h('span.redacted', { testid: 'redacted', title: 'redacted by the contract', dataset: { path } },
        leaf, h('span.badge.badge-redacted', { text: 'redacted' }));
    }
    return leaf;
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  if (!entries.length) return h('span.j-punct', { text: isArray ? '[]' : '{}' });
  const list = h('ul.j-list');
  for (const [k, v] of entries) {
    const child = path ? path + '.' + k : k;
    list.append(h('li', null, isArray ? null : h('span.j-key', { text: k + ': ' }), jsonTree(v, redacted, child)));
  }
  return list;
}

/** Redacted paths as the tail or a test outcome names them: a list of paths or a map path -> value. */
export function redactedPaths(redacted) {
  const raw = Array.isArray(redacted) ? redacted : Object.keys(redacted || {});
  return new Set(raw.map((p) => String(p).replace(/^\$\.?/, '').replace(/^\//, '').replaceAll('/', '.')));
}

/** A row of labelled chips (rules fired, roles). */
export function chips(items, cls = '') {
  return h('span.chips', null, (items || []).map((t) => h('span.chip' + (cls ? '.' + cls : ''), { text: t })));
}
