// Web analytics for beacon pipelines: visits, top pages, referrers and status codes, updated as they change.
import { h, table, fmtNumber, empty } from '../dom.js';
import { ageIndicator } from '../freshness.js';

export function create({ link }) {
  const age = ageIndicator('age-analytics', 30000);
  const none = () => h('section.card', null, empty('no beacon pipeline has reported yet'));
  const boards = h('div', { testid: 'analytics-boards' }, none());
  const el = h('div', null, h('header.view-head', null, h('h1', { text: 'Web analytics' }), age.el), boards);
  const byPipeline = new Map();

  link.subscribe('analytics', {}, { data: (d, frame) => {
    age.touch(frame.at);
    // Unfiltered, one frame holds every beacon pipeline (those gone drop out); filtered, just one.
    if (Array.isArray(d.pipelines)) byPipeline.clear();
    for (const one of d.pipelines || [d]) byPipeline.set(one.pipeline, one);
    const shown = [...byPipeline.values()].sort((a, b) => a.pipeline.localeCompare(b.pipeline)).map(board);
    boards.replaceChildren(...(shown.length ? shown : [none()]));
  } });

  return { el, title: 'Web analytics' };
}

function board(d) {
  const minutes = d.window_ms ? Math.round(d.window_ms / 60000) : null;
  return h('section.card.analytics', { testid: 'analytics-' + d.pipeline, dataset: { pipeline: d.pipeline } },
    h('div.card-head', null, h('h2', { text: d.pipeline }), h('span.hint', { text: minutes ? 'last ' + minutes + ' min' : '' })),
    h('div.big', null, h('span.big-number', { testid: 'analytics-visits', text: fmtNumber(d.visits) }), h('span.hint', { text: ' visits' })),
    h('div.grid-3', null,
      ranked('Top pages', 'page', d.top_pages, 'analytics-pages'),
      ranked('Referrers', 'referrer', d.referrers, 'analytics-referrers'),
      ranked('Status codes', 'code', d.status_codes, 'analytics-status')));
}

function ranked(title, field, rows, testid) {
  const t = table(testid, [field, 'count'], ['count']);
  const list = rows || [];
  const max = Math.max(1, ...list.map((r) => r.count));
  if (!list.length) t.tbody.append(h('tr.empty', null, h('td', { colspan: 2, text: 'none yet' })));
  t.tbody.append(...list.map((r) => h('tr', null, h('td.bar-cell', { style: '--share:' + (r.count / max).toFixed(3) },
    h('span', { text: String(r[field]) })), h('td.num', { text: fmtNumber(r.count) }))));
  return h('div', null, h('h3', { text: title }), t.table);
}
