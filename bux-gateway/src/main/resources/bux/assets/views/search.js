// Search: stored events and their decisions through ben_api's query, a page at a time.
import { h, table, fmtDateTime, chips, jsonTree, redactedPaths, empty } from '../dom.js';
import { getJson } from '../api.js';
import { ageIndicator } from '../freshness.js';
import { decisionsPanel } from './tail.js';

const FIELDS = ['pipeline', 'app', 'rule', 'action', 'playbook', 'key'];

export function create() {
  const age = ageIndicator('age-search', 300000, 'searched');
  const inputs = Object.fromEntries(FIELDS.map((f) => [f, h('input', { id: 'search-' + f, name: f, testid: 'search-' + f,
    autocomplete: 'off', spellcheck: 'false', placeholder: f === 'key' ? 'event id or key' : 'any' })]));
  const from = h('input', { id: 'search-from', testid: 'search-from', type: 'datetime-local', step: 1 });
  const to = h('input', { id: 'search-to', testid: 'search-to', type: 'datetime-local', step: 1 });
  const limit = h('select', { id: 'search-limit', testid: 'search-limit' }, [25, 100, 500].map((n) => h('option', { value: n, text: n, selected: n === 100 })));
  const error = h('p.error', { testid: 'search-error', role: 'alert' });
  const results = h('div', { testid: 'search-results' }, empty('search stored events by any of the fields above'));
  const prev = h('button.btn', { type: 'button', testid: 'search-prev', text: '← Newer', disabled: true });
  const next = h('button.btn', { type: 'button', testid: 'search-next', text: 'Older →', disabled: true });
  const pageInfo = h('span.hint', { testid: 'search-page' });
  let cursors = [null];
  let page = 0;

  const form = h('form.filters', { testid: 'search-form', on: { submit: (e) => { e.preventDefault(); cursors = [null]; page = 0; run(); } } },
    FIELDS.map((f) => h('label.field', null, h('span', { text: f }), inputs[f])),
    h('label.field', null, h('span', { text: 'from' }), from), h('label.field', null, h('span', { text: 'to' }), to),
    h('label.field', null, h('span', { text: 'per page' }), limit),
    h('div.actions', null, h('button.btn.btn-primary', { type: 'submit', testid: 'search-run', text: 'Search' })));
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Search' }), age.el),
    h('section.card', null, form, error),
    h('section.card', null, results, h('div.pager', null, prev, pageInfo, next)));

  prev.addEventListener('click', () => { if (page > 0) { page--; run(); } });
  next.addEventListener('click', () => { if (cursors[page + 1]) { page++; run(); } });

  async function run() {
    error.textContent = '';
    const params = Object.fromEntries(FIELDS.map((f) => [f, inputs[f].value.trim()]));
    if (from.value) params.from = new Date(from.value).getTime();
    if (to.value) params.to = new Date(to.value).getTime();
    params.limit = limit.value;
    params.cursor = cursors[page];
    try {
      const answer = await getJson('/api/v1/events', params);
      age.touch();
      cursors[page + 1] = answer.next_cursor || null;
      cursors.length = page + 2;
      render(answer.events || []);
      prev.disabled = page === 0;
      next.disabled = !answer.next_cursor;
      pageInfo.textContent = 'page ' + (page + 1) + ' · ' + (answer.events || []).length + ' events';
    } catch (e) { error.textContent = e.message; }
  }

  function render(events) {
    if (!events.length) { results.replaceChildren(empty('no stored event matches')); return; }
    const t = table('search-table', ['received', 'pipeline', 'app', 'event', 'rules', 'action', '']);
    for (const e of events) {
      const d = e.decisions || {};
      const detail = h('tr.detail', { hidden: true }, h('td', { colspan: 7 }, h('div.event-detail', null,
        h('div.body', null, jsonTree(e.body, redactedPaths(d.redacted))), decisionsPanel(e.decisions))));
      const toggle = h('button.link', { type: 'button', 'aria-expanded': 'false', text: e.event_id, on: { click: () => {
        detail.hidden = !detail.hidden;
        toggle.setAttribute('aria-expanded', String(!detail.hidden));
      } } });
      t.tbody.append(h('tr', { testid: 'search-row', dataset: { eventId: e.event_id } },
        h('td', { text: fmtDateTime(e.received_at_ms) }), h('td', { text: e.pipeline }), h('td', { text: e.app }),
        h('td.mono', null, toggle), h('td', null, chips(d.rules, 'rule')), h('td', { text: d.action || '' }),
        h('td', null, e.event_id ? h('a', { href: '#lineage/' + encodeURIComponent(e.event_id), testid: 'search-lineage',
          text: 'lineage', title: 'the decisions taken on this event and where they came from' }) : '')), detail);
    }
    results.replaceChildren(h('div.scroll-x', null, t.table));
  }

  return {
    el,
    title: 'Search',
    show: () => {
      // The Decisions view links an event here by its id.
      const key = sessionStorage.getItem('bux.search.key');
      if (key) { sessionStorage.removeItem('bux.search.key'); inputs.key.value = key; cursors = [null]; page = 0; run(); }
    },
  };
}
