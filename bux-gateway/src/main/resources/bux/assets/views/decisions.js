// Decisions: playbook firings and suppressions with their explanation, the signal sent and its delivery, the
// event that caused them and the contract version that decided. Loaded from ben_api, then pushed live.
import { h, fmtDateTime, table } from '../dom.js';
import { getJson } from '../api.js';
import { ageIndicator } from '../freshness.js';

/** How far back the view reads decisions when it opens; newer ones are pushed where the node offers them. */
const RECENT_MS = 15 * 60 * 1000;

const MAX_ROWS = 300;

export function create({ link }) {
  const age = ageIndicator('age-decisions', 120000, 'last decision');
  const note = h('p.hint', { testid: 'decisions-note' });
  const t = table('decisions-table', ['at', 'pipeline', 'version', 'kind', 'name', 'status', 'explanation', 'signal', 'delivery', 'event']);
  t.tbody.append(h('tr.empty', null, h('td', { colspan: 10, text: 'no firing, suppression or signal yet' })));
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Decisions' }), age.el),
    h('section.card', null, note, h('div.scroll-x', null, t.table)));
  let loaded = false;

  let unrecorded = 0; // 2 once neither the read nor the live topic is offered by this node
  const notRecorded = () => {
    if (++unrecorded < 2) return;
    note.replaceChildren('This node does not record decisions yet. Each event\'s playbooks, fired or suppressed, '
      + 'show with their explanation and signal beside the event in the ', h('a', { href: '#tail', text: 'Live tail' }), '.');
  };
  link.subscribe('decisions', {}, {
    data: (d, frame) => add(d, frame.at, true),
    gap: (n) => { note.textContent = n + ' decisions were missed on a slow link; reload the view for all of them.'; },
    error: () => { pushRefused = true; notPushed(); notRecorded(); },
  });
  let pushRefused = false;
  const notPushed = () => {
    if (loaded && pushRefused) note.textContent = 'This node does not push new decisions yet: reopen the view to see newer ones.';
  };

  async function load() {
    try {
      // The recent ones: the log answers oldest first, and each row goes on top, so the newest ends first.
      const answer = await getJson('/api/v1/decisions', { since: Date.now() - RECENT_MS, limit: 500 });
      for (const d of answer.decisions || []) add(d, d.at, false);
      age.touch(answer.at);
      loaded = true;
      notPushed();
    } catch (e) {
      if (e.status === 404) { notRecorded(); return; }
      note.textContent = e.message + ' — showing only what is pushed from now on.';
    }
  }

  // ben_api's shape (EventLogJson): the decision's own fields in `data` and `subjects`, each signal
  // published under it in `signals` with what became of it in `outcomes` (signal.delivered, signal.dropped).
  function add(d, at, live) {
    t.tbody.querySelector('tr.empty')?.remove();
    age.touch(live ? at : undefined);
    const data = d.data || {};
    const subjects = d.subjects || {};
    const status = String(d.status || d.outcome || '').toUpperCase();
    const version = d.version ?? subjects.contract_version;
    const cause = data.event_id || '';
    const signals = (d.signals || []).map((s) => (s.data?.kind || '') + (s.subjects?.app ? ' → ' + s.subjects.app : ''));
    const deliveries = (d.signals || []).flatMap((s) => (s.outcomes || []).map((o) => o.type.replace(/^signal\./, '')));
    t.tbody.prepend(h('tr', { testid: 'decision-row', dataset: { status, pipeline: subjects.pipeline || '' } },
      h('td', { text: fmtDateTime(d.at || at) }), h('td', { text: subjects.pipeline || '' }),
      h('td', { text: version !== undefined && version !== null ? 'v' + version : '' }),
      h('td', { text: (d.type || 'playbook').split('.')[0] }),
      h('td', { testid: 'decision-playbook', text: data.playbook || data.rule || '' }),
      h('td', null, status ? h('span.badge.badge-' + status.toLowerCase(), { text: status }) : ''),
      h('td.wrap', { testid: 'decision-explanation', text: d.explanation || data.explanation || data.reason || '' }),
      h('td', { testid: 'decision-signal', text: signals.join(', ') }),
      h('td', { testid: 'decision-delivery', text: deliveries.join(', ') }),
      h('td', null, cause ? h('a', { href: '#search', text: cause, dataset: { eventId: cause },
        title: 'find the event in Search', on: { click: () => sessionStorage.setItem('bux.search.key', cause) } }) : '')));
    while (t.tbody.children.length > MAX_ROWS) t.tbody.lastElementChild.remove();
  }

  return { el, title: 'Decisions', show: () => { if (!loaded) load(); } };
}

