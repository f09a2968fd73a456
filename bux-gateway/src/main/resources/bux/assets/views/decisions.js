// Decisions: playbook firings and suppressions with their explanation, the signal sent and its delivery, the
// event that caused them and the contract version that decided. The last minutes are read from ben_api when
// the view opens; newer ones are pushed by the `decisions` topic, signals and deliveries filling their row.
import { h, fmtDateTime, table } from '../dom.js';
import { getJson } from '../api.js';
import { ageIndicator } from '../freshness.js';

/** How far back the view reads decisions when it opens; newer ones are pushed. */
const RECENT_MS = 15 * 60 * 1000;

const MAX_ROWS = 300;

export function create({ link }) {
  const age = ageIndicator('age-decisions', 120000, 'last decision');
  const note = h('p.hint', { testid: 'decisions-note', 'aria-live': 'polite' });
  const t = table('decisions-table', ['at', 'pipeline', 'version', 'kind', 'name', 'status', 'explanation', 'signal', 'delivery', 'event', '']);
  t.tbody.append(h('tr.empty', null, h('td', { colspan: 11, text: 'no firing, suppression or signal yet' })));
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Decisions' }), age.el),
    h('section.card', null, note, h('div.scroll-x', null, t.table)));
  const rows = new Map();     // decision event id -> its row's parts
  const signals = new Map();  // signal event id and `signal:` + signal_id -> the row of its decision
  let loaded = false;
  let anchor = null;          // the row under the pointer or holding the focus: kept in place as rows arrive
  t.tbody.addEventListener('pointerover', (e) => { anchor = e.target.closest('tr'); });
  t.tbody.addEventListener('pointerleave', () => { anchor = null; });
  t.tbody.addEventListener('focusin', (e) => { anchor = e.target.closest('tr'); });

  let unrecorded = 0; // 2 once neither the read nor the live topic is offered by this node
  const notRecorded = () => {
    if (++unrecorded < 2) return;
    note.replaceChildren('This node does not record decisions yet. Each event\'s playbooks, fired or suppressed, '
      + 'show with their explanation and signal beside the event in the ', h('a', { href: '#tail', text: 'Live tail' }), '.');
  };
  link.subscribe('decisions', {}, {
    data: (d, frame) => { age.touch(frame.at); steady(() => entry(d)); },
    gap: (n) => { note.textContent = n + ' decisions were missed on a slow link; reopen the view for all of them.'; },
    error: () => { notRecorded(); if (loaded) note.textContent = 'This node does not push new decisions: reopen the view to see newer ones.'; },
  });

  async function load() {
    try {
      // The log answers oldest first and each row goes on top, so the newest ends first.
      const answer = await getJson('/api/v1/decisions', { since: Date.now() - RECENT_MS, limit: 500 });
      steady(() => { for (const d of answer.decisions || []) decision(d); });
      age.touch(answer.at);
      loaded = true;
      el.dataset.loaded = 'true';
    } catch (e) {
      if (e.status === 404) { notRecorded(); return; }
      note.textContent = e.message + ' — showing only what is pushed from now on.';
    }
  }

  /** Runs `change` keeping the anchored row where the reader sees it. */
  function steady(change) {
    const held = anchor && anchor.isConnected ? anchor : null;
    const before = held?.getBoundingClientRect().top;
    change();
    if (held && held.isConnected) window.scrollBy(0, held.getBoundingClientRect().top - before);
  }

  // An entry of the topic: a decision, or a signal or its outcome, which fills the row of its decision.
  function entry(d) {
    const type = d.type || '';
    if (type.startsWith('playbook.')) decision(d);
    else if (type === 'signal.published') signal(d, rows.get(d.parent_id));
    else if (type.startsWith('signal.')) outcome(d, signals.get(d.parent_id) || signals.get('signal:' + (d.data?.signal_id || '')));
  }

  // ben_api's shape (EventLogJson): the decision's own fields in `data` and `subjects`, each signal published
  // under it in `signals` with what became of it in `outcomes` (signal.delivered, signal.dropped).
  function decision(d) {
    const known = d.event_id && rows.get(d.event_id);
    if (known) { trail(d, known); return; } // pushed before it was read: only its signals may be new
    t.tbody.querySelector('tr.empty')?.remove();
    const data = d.data || {};
    const subjects = d.subjects || {};
    const status = String(d.status || d.outcome || '').toUpperCase();
    const version = d.version ?? subjects.contract_version;
    const cause = data.event_id || '';
    const parts = { signal: h('td', { testid: 'decision-signal' }), delivery: h('td', { testid: 'decision-delivery' }), signals: [], outcomes: [], seen: new Set() };
    const row = h('tr', { testid: 'decision-row', dataset: { status, pipeline: subjects.pipeline || '', eventId: d.event_id || '', at: d.at || 0 } },
      h('td', { text: fmtDateTime(d.at) }), h('td', { text: subjects.pipeline || '' }),
      h('td', { text: version !== undefined && version !== null ? 'v' + version : '' }),
      h('td', { text: (d.type || 'playbook').split('.')[0] }),
      h('td', { testid: 'decision-playbook', text: data.playbook || data.rule || '' }),
      h('td', null, status ? h('span.badge.badge-' + status.toLowerCase(), { text: status }) : ''),
      h('td.wrap', { testid: 'decision-explanation', text: d.explanation || data.explanation || data.reason || '' }),
      parts.signal, parts.delivery,
      h('td', null, cause ? h('a', { href: '#search', text: cause, dataset: { eventId: cause },
        title: 'find the event in Search', on: { click: () => sessionStorage.setItem('bux.search.key', cause) } }) : ''),
      h('td', null, d.event_id ? h('a', { href: '#lineage/' + encodeURIComponent(d.event_id), testid: 'decision-lineage',
        text: 'lineage', title: 'where this decision came from: its event, contract version, deploy and stage' }) : ''));
    if (d.event_id) rows.set(d.event_id, parts);
    place(row, d.at || 0);
    trail(d, parts);
    while (t.tbody.children.length > MAX_ROWS) forget(t.tbody.lastElementChild);
  }

  /** Newest first: a pushed decision usually goes on top, one read late below the newer ones. */
  function place(row, at) {
    for (const other of t.tbody.children) {
      if (Number(other.dataset.at) <= at) { other.before(row); return; }
    }
    t.tbody.append(row);
  }

  /** The signals of a decision as ben_api read them, with what became of them. */
  function trail(d, parts) {
    for (const s of d.signals || []) {
      signal(s, parts);
      for (const o of s.outcomes || []) outcome(o, parts);
    }
  }

  function signal(s, parts) {
    if (!parts || parts.seen.has(s.event_id)) return;
    parts.seen.add(s.event_id);
    signals.set(s.event_id, parts);
    if (s.data?.signal_id) signals.set('signal:' + s.data.signal_id, parts);
    const text = (s.data?.kind || 'signal') + (s.subjects?.app ? ' → ' + s.subjects.app : '');
    parts.signals.push(h('a', { href: '#lineage/' + encodeURIComponent(s.event_id), text, title: 'the lineage of this signal' }));
    parts.signal.replaceChildren(...parts.signals.flatMap((a, i) => (i ? [', ', a] : [a])));
  }

  function outcome(o, parts) {
    if (!parts || parts.seen.has(o.event_id)) return;
    parts.seen.add(o.event_id);
    parts.outcomes.push(String(o.type || '').replace(/^signal\./, ''));
    parts.delivery.textContent = parts.outcomes.join(', ');
  }

  function forget(row) {
    const parts = rows.get(row.dataset.eventId);
    rows.delete(row.dataset.eventId);
    for (const [id, p] of signals) if (p === parts) signals.delete(id);
    row.remove();
  }

  return { el, title: 'Decisions', show: () => { if (!loaded) load(); } };
}
