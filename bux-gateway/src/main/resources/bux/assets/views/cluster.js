// Cluster: members with their roles, status, singletons and shards, and the node's health checks.
import { h, table, chips, empty } from '../dom.js';
import { ageIndicator } from '../freshness.js';

export function create({ link }) {
  const age = ageIndicator('age-cluster', 15000);
  const members = table('members-table', ['member', 'roles', 'status', 'reachable', 'singletons', 'shards'], ['shards']);
  members.tbody.append(h('tr.empty', null, h('td', { colspan: 6, text: 'waiting for the cluster…' })));
  const health = h('div', { testid: 'health' }, empty('waiting for the health report…'));
  const self = h('p.hint', { testid: 'cluster-self' });
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Cluster' }), age.el),
    h('section.card', null, h('h2', { text: 'Members' }), self, h('div.scroll-x', null, members.table)),
    h('section.card', null, h('h2', { text: 'Health' }), health));

  link.subscribe('cluster', {}, { data: (d, frame) => {
    age.touch(d.at || frame.at);
    self.textContent = d.self ? 'this node: ' + d.self : '';
    members.tbody.replaceChildren(...(d.members || []).map((m) => h('tr', { dataset: { address: m.address } },
      h('td.mono', { text: m.address + (m.address === d.self ? ' (this node)' : '') }), h('td', null, chips(m.roles)),
      h('td', null, h('span.badge.badge-' + String(m.status).toLowerCase(), { text: m.status })),
      h(m.reachable ? 'td' : 'td.bad', { text: m.reachable ? 'yes' : 'NO' }),
      h('td', null, chips(m.singletons)), h('td.num', { text: m.shards }))));
    renderHealth(d.health);
  } });

  function renderHealth(report) {
    if (!report) return;
    const checks = Object.entries(report.checks || {}).sort(([a], [b]) => a.localeCompare(b));
    health.replaceChildren(h('p', null, h('span.badge.badge-' + String(report.status).toLowerCase(), { testid: 'health-status', text: report.status })),
      h('dl.kv', { testid: 'health-checks' }, checks.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])));
  }

  return { el, title: 'Cluster' };
}
