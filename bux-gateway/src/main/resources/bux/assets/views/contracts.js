// Contracts: every pipeline's staged and active versions and where each runs, a version's sources, and a
// side-by-side diff of two versions (artifacts, then line by line).
import { h, table, fmtDateTime, chips, empty } from '../dom.js';
import { getJson, seg } from '../api.js';
import { ageIndicator } from '../freshness.js';
import { sideBySide } from './diff.js';

export function create({ link }) {
  const age = ageIndicator('age-contracts', 30000);
  const list = table('pipelines-table', ['pipeline', 'lifecycle', 'active', 'staged', 'runs where']);
  const detail = h('section.card', { testid: 'pipeline-detail', hidden: true });
  const output = h('section.card', { testid: 'contract-output', hidden: true });
  const note = h('p.error', { testid: 'contracts-error', role: 'alert' });
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Contracts' }), age.el),
    h('section.card', null, h('h2', { text: 'Pipelines' }), note, h('div.scroll-x', null, list.table)), detail, output);
  let loaded = false;
  let selected = null;

  link.subscribe('pipelines', {}, { data: (d, frame) => renderList(d, frame.at) });

  async function load() {
    try {
      renderList(await getJson('/api/v1/pipelines'));
      note.textContent = '';
      loaded = true;
    } catch (e) { note.textContent = e.message; }
  }

  function renderList(d, at) {
    age.touch(d.at || at);
    const pipelines = d.pipelines || [];
    if (!pipelines.length) { list.tbody.replaceChildren(h('tr.empty', null, h('td', { colspan: 5, text: 'no pipeline staged yet' }))); return; }
    list.tbody.replaceChildren(...pipelines.map((p) => h('tr', { dataset: { pipeline: p.name } },
      h('td', null, h('button.link', { type: 'button', testid: 'open-pipeline-' + p.name, text: p.name, on: { click: () => open(p.name) } })),
      h('td', { text: p.lifecycle || '' }),
      h('td', { text: p.active_version != null ? 'v' + p.active_version : '–' }),
      h('td', null, chips((p.staged_versions || []).map((v) => 'v' + v))),
      h('td', null, runsWhere(p.components)))));
  }

  async function open(name) {
    selected = name;
    detail.hidden = false;
    detail.replaceChildren(h('h2', { text: name }), empty('loading…'));
    try {
      const p = await getJson('/api/v1/pipelines/' + seg(name));
      if (selected !== name) return;
      renderDetail(p);
    } catch (e) { detail.replaceChildren(h('h2', { text: name }), h('p.error', { role: 'alert', text: e.message })); }
  }

  function renderDetail(p) {
    const versions = table('versions-table', ['version', 'state', 'staged by', 'staged at', 'fingerprint', '']);
    const numbers = (p.versions || []).map((v) => v.version);
    versions.tbody.append(...(p.versions || []).map((v) => h('tr', { dataset: { version: v.version } },
      h('td', { text: 'v' + v.version }), h('td', null, h('span.badge.badge-' + String(v.state).toLowerCase(), { text: v.state })),
      h('td', { text: v.staged_by || '' }), h('td', { text: fmtDateTime(v.staged_at_ms) }),
      h('td.mono', { text: String(v.fingerprint || '').slice(0, 16) }),
      h('td', null, h('button.btn.btn-quiet', { type: 'button', testid: 'sources-' + v.version, text: 'Sources',
        on: { click: () => sources(p.name, v.version) } })))));
    const from = versionSelect('diff-from', numbers, defaultFrom(p, numbers));
    const to = versionSelect('diff-to', numbers, numbers[numbers.length - 1]);
    const form = h('form.filters', { testid: 'diff-form', on: { submit: (e) => { e.preventDefault(); diff(p.name, from.value, to.value); } } },
      h('label.field', null, h('span', { text: 'from' }), from), h('label.field', null, h('span', { text: 'to' }), to),
      h('div.actions', null, h('button.btn.btn-primary', { type: 'submit', testid: 'diff-run', text: 'Compare' })));
    detail.replaceChildren(h('h2', { text: p.name + ' · ' + (p.lifecycle || '') }),
      h('div.scroll-x', null, versions.table), h('h3', { text: 'Where it runs' }), runsWhere(p.components),
      h('h3', { text: 'Compare two versions' }), form);
  }

  async function sources(name, version) {
    show('Sources of ' + name + ' v' + version, empty('loading…'));
    try {
      const s = await getJson('/api/v1/pipelines/' + seg(name) + '/versions/' + seg(version) + '/sources');
      show('Sources of ' + name + ' v' + version, ...(s.sources || []).map((f) => h('figure.source', { testid: 'source-file', dataset: { path: f.path } },
        h('figcaption', { text: f.path }), h('pre.code', { text: f.text }))));
    } catch (e) { show('Sources of ' + name + ' v' + version, h('p.error', { role: 'alert', text: e.message })); }
  }

  async function diff(name, from, to) {
    show(name + ': v' + from + ' → v' + to, empty('loading…'));
    try {
      const d = await getJson('/api/v1/pipelines/' + seg(name) + '/diff', { from, to });
      const artifacts = table('diff-artifacts', ['artifact', 'kind', 'change']);
      artifacts.tbody.append(...(d.artifacts || []).map((a) => h('tr', null, h('td', { text: a.name }), h('td', { text: a.kind }),
        h('td', null, h('span.badge.badge-' + String(a.change).toLowerCase(), { text: a.change })))));
      const changed = (d.files || []).filter((f) => f.change !== 'SAME');
      show(name + ': v' + d.from + ' → v' + d.to, artifacts.table,
        ...(changed.length ? changed.map(sideBySide) : [empty('the sources of both versions are the same')]));
    } catch (e) { show(name + ': v' + from + ' → v' + to, h('p.error', { role: 'alert', text: e.message })); }
  }

  function show(title, ...children) {
    output.hidden = false;
    output.replaceChildren(h('h2', { text: title }), ...children);
  }

  return {
    el,
    title: 'Contracts',
    show: () => {
      if (!loaded) load();
      // The lineage links a contract version here: open its pipeline and that version's sources.
      const wanted = sessionStorage.getItem('bux.contracts.open');
      if (!wanted) return;
      sessionStorage.removeItem('bux.contracts.open');
      try {
        const { pipeline, version } = JSON.parse(wanted);
        open(pipeline).then(() => sources(pipeline, version));
      } catch (e) { note.textContent = 'cannot open that version: ' + e.message; }
    },
  };
}

function runsWhere(components) {
  if (!components?.length) return h('span.muted', { text: 'nowhere yet' });
  // One line per version: the nodes running it, each with its count of stages; the stages and where
  // each one's version comes from are the node's title. Version 0: nothing on that node reported one.
  return h('ul.runs', null, byVersion(components).map(([version, nodes]) => h('li', { dataset: { version } },
    version ? h('strong', { text: 'v' + version }) : h('span.muted', { text: 'version not reported' }), version ? ' runs on ' : ': ',
    nodes.map(([node, stages], i) => [i ? ', ' : '',
      h('span.node', { title: stages.map(stageDetail).join('\n'), dataset: { node } },
        h('span.mono', { text: node }), ' (' + stages.length + (stages.length === 1 ? ' stage)' : ' stages)'))]))));
}

/** [version, [[node, stages]]] sorted newest version first, then by node. */
function byVersion(components) {
  const versions = new Map();
  for (const c of components) {
    const version = c.version || 0;
    if (!versions.has(version)) versions.set(version, new Map());
    const nodes = versions.get(version);
    if (!nodes.has(c.node)) nodes.set(c.node, []);
    nodes.get(c.node).push(c);
  }
  return [...versions.entries()].sort(([a], [b]) => b - a)
    .map(([version, nodes]) => [version, [...nodes.entries()].sort(([a], [b]) => a.localeCompare(b))]);
}

const SOURCES = { reported: 'reported by the stage', spine: "the version of this node's spine", none: 'not reported' };

function stageDetail(c) {
  return c.stage + ': ' + (c.version ? 'v' + c.version + ', ' : '') + (SOURCES[c.version_source] || (c.version ? SOURCES.reported : SOURCES.none));
}

function versionSelect(testid, numbers, chosen) {
  return h('select', { testid, name: testid }, numbers.map((n) => h('option', { value: n, text: 'v' + n, selected: n === chosen })));
}

function defaultFrom(p, numbers) {
  return p.active_version != null ? p.active_version : numbers[Math.max(0, numbers.length - 2)];
}
