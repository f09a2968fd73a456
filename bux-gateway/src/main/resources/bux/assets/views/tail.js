// Live tail: the events as they pass, filtered by the node (pipeline, app, rule, action), each with what was
// decided beside its body and its redacted values marked. Pausing keeps what arrives for the resume.
import { h, fmtTime, fmtNumber, jsonTree, redactedPaths, chips } from '../dom.js';
import { ageIndicator } from '../freshness.js';

const MAX_EVENTS = 200;
const FILTERS = ['pipeline', 'app', 'rule', 'action'];

export function create({ link }) {
  const age = ageIndicator('age-tail', 60000, 'last event');
  const inputs = Object.fromEntries(FILTERS.map((f) => [f, h('input', { id: 'tail-' + f, name: f, testid: 'tail-filter-' + f,
    autocomplete: 'off', spellcheck: 'false', placeholder: 'any' })]));
  const pause = h('button.btn', { type: 'button', testid: 'tail-pause', 'aria-pressed': 'false', text: 'Pause' });
  const clear = h('button.btn.btn-quiet', { type: 'button', testid: 'tail-clear', text: 'Clear' });
  const counts = h('span.hint', { testid: 'tail-counts', 'aria-live': 'polite' });
  const list = h('ol.tail', { testid: 'tail-list' });
  const placeholder = h('li.empty', { text: 'no events yet — post some to the ingest endpoint' });
  list.append(placeholder);
  let sub = null;
  let paused = false;
  let held = [];
  let received = 0;
  let missed = 0;

  const form = h('form.filters', { testid: 'tail-filters', on: { submit: (e) => { e.preventDefault(); resubscribe(); } } },
    FILTERS.map((f) => h('label.field', null, h('span', { text: f }), inputs[f])),
    h('div.actions', null, h('button.btn.btn-primary', { type: 'submit', testid: 'tail-apply', text: 'Apply filters' }), pause, clear));
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Live tail' }), age.el),
    h('section.card', null, form, counts),
    h('section.card.tail-card', null, list));

  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    if (!paused) { held.forEach(show); held = []; }
    renderCounts();
  });
  clear.addEventListener('click', () => { list.replaceChildren(placeholder); held = []; received = 0; missed = 0; renderCounts(); });

  function filter() {
    const f = {};
    for (const name of FILTERS) if (inputs[name].value.trim()) f[name] = inputs[name].value.trim();
    return f;
  }

  function resubscribe() {
    if (sub) link.unsubscribe(sub);
    list.replaceChildren(placeholder);
    held = [];
    sub = link.subscribe('tail', filter(), {
      data: (event, frame) => arrive(event, frame),
      gap: (n) => { missed += n; renderCounts(); },
      error: (reason) => { counts.textContent = 'The node refused the filter: ' + reason; },
    });
  }

  function arrive(event, frame) {
    received++;
    age.touch(event.received_at || event.received_at_ms || frame.at);
    if (paused) { held.push(event); if (held.length > MAX_EVENTS) held.shift(); } else show(event);
    renderCounts();
  }

  function show(event) {
    placeholder.remove();
    list.prepend(row(event));
    while (list.children.length > MAX_EVENTS) list.lastElementChild.remove();
  }

  function renderCounts() {
    counts.textContent = fmtNumber(received) + ' received · newest first · ' + fmtNumber(missed) + ' missed (slow link)'
      + (paused ? ' · paused, ' + held.length + ' waiting' : '');
  }

  resubscribe();
  renderCounts();
  return { el, title: 'Live tail' };
}

/** One event: its metadata, its body (redacted values marked) and what was decided. */
export function row(event) {
  const d = event.decisions || {};
  const redacted = redactedPaths(d.redacted);
  return h('li.event', { testid: 'tail-event', dataset: { eventId: event.event_id || '', pipeline: event.pipeline, app: event.app } },
    h('div.meta', null,
      h('span.time', { text: fmtTime(event.received_at || event.received_at_ms) }),
      h('span.pipeline', { text: event.pipeline }), h('span.app', { text: event.app }),
      h('span.id', { text: event.event_id || '' })),
    h('div.body', { testid: 'tail-body' }, jsonTree(event.body, redacted)),
    decisionsPanel(event.decisions));
}

export function decisionsPanel(d) {
  if (!d) return h('div.decisions.none', { testid: 'tail-decisions', text: 'no decisions reported' });
  const facts = Object.entries(d.facts || {});
  return h('div.decisions', { testid: 'tail-decisions' },
    h('div', null, h('span.k', { text: 'rules ' }), d.rules?.length ? chips(d.rules, 'rule') : h('span.muted', { text: 'none fired' })),
    h('div', null, h('span.k', { text: 'action ' }), h('span.action', { testid: 'tail-action', text: d.action || '–' })),
    (d.playbooks || []).map((p) => h('div.playbook.' + String(p.status || '').toLowerCase(), { testid: 'tail-playbook' },
      h('span.badge.badge-' + String(p.status || 'unknown').toLowerCase(), { text: p.status || '?' }),
      ' ' + (p.playbook || '') + (p.signal ? ' → ' + p.signal : '') + (p.explanation ? ' · ' + p.explanation : ''))),
    facts.length ? h('div', null, h('span.k', { text: 'facts ' }), facts.map(([k, v]) => h('span.fact', { text: k + '=' + v }))) : null,
    redactedPaths(d.redacted).size ? h('div', null, h('span.k', { text: 'redacted ' }), chips([...redactedPaths(d.redacted)], 'redacted')) : null);
}
