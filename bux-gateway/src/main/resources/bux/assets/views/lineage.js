// Lineage: where an event of the log came from and what followed from it, as ben_api's
// /api/v1/eventlog/{id}/tree draws it (a firing <- the event that caused it <- the contract version's
// activation <- its deploy <- its stage, with who staged it; a signal -> its delivery). Opened as #lineage/{id}
// from the Decisions view, a signal or a Search result; an indented tree read with the arrow keys.
import { h, fmtDateTime, empty } from '../dom.js';
import { getJson, seg } from '../api.js';
import { ageIndicator } from '../freshness.js';

/** Each relation as a reader says it, about the node above. */
const RELATIONS = {
  root: 'root', child: 'followed by', parent: 'after', caused_by: 'caused by', contract: 'contract version',
  delivery: 'delivery', decision: 'decision',
};

export function create() {
  const age = ageIndicator('age-lineage', 300000, 'read');
  const input = h('input', { id: 'lineage-id', name: 'id', testid: 'lineage-id', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'event id', 'aria-label': 'event id' });
  const form = h('form.filters', { testid: 'lineage-form', on: { submit: (e) => {
    e.preventDefault();
    if (input.value.trim()) location.hash = 'lineage/' + encodeURIComponent(input.value.trim());
  } } }, h('label.field', null, h('span', { text: 'event id' }), input),
  h('div.actions', null, h('button.btn.btn-primary', { type: 'submit', testid: 'lineage-open', text: 'Show lineage' })));
  const summary = h('p.hint', { testid: 'lineage-summary', 'aria-live': 'polite' });
  const box = h('div.lineage', { testid: 'lineage-box' }, empty('open a decision, a signal or a search result to see its lineage'));
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Lineage' }), age.el),
    h('section.card', null, form),
    h('section.card', null, summary, box));
  let shown = null;

  async function load(id) {
    shown = id;
    input.value = id;
    summary.textContent = 'reading the lineage of ' + id + '…';
    box.replaceChildren(skeleton());
    box.setAttribute('aria-busy', 'true');
    try {
      const tree = await getJson('/api/v1/eventlog/' + seg(id) + '/tree');
      if (shown !== id) return;
      age.touch(tree.at);
      summary.textContent = tree.nodes + ' events' + (tree.left_out ? ', ' + tree.left_out + ' left out at the bounds' : '')
        + (tree.ancestors_cut ? '; older ancestors not shown' : '');
      box.replaceChildren(render(tree));
    } catch (e) {
      if (shown !== id) return;
      summary.textContent = '';
      box.replaceChildren(h('p.error', { role: 'alert', testid: 'lineage-error', text: e.message }));
    } finally {
      box.removeAttribute('aria-busy');
    }
  }

  return {
    el,
    title: 'Lineage',
    show: (id) => { if (id && id !== shown) load(id); else if (!id && !shown) input.focus(); },
  };
}

/** Grey lines where the tree will be, so nothing below moves when it arrives. */
function skeleton() {
  return h('ul.tree.skeleton', { 'aria-hidden': 'true', testid: 'lineage-skeleton' },
    [0, 1, 2, 2, 1, 2].map((level) => h('li', { style: '--level:' + level }, h('span.bar'))));
}

function render(tree) {
  const root = h('ul.tree', { role: 'tree', testid: 'lineage-tree', 'aria-label': 'lineage of ' + tree.focus_id });
  root.append(item(tree.root, 1));
  const items = () => [...root.querySelectorAll('[role=treeitem]')].filter((li) => !li.closest('[role=group][hidden]'));
  const first = root.querySelector('[aria-current=true]') || root.querySelector('[role=treeitem]');
  if (first) first.tabIndex = 0;
  root.addEventListener('keydown', (e) => {
    const li = e.target.closest('[role=treeitem]');
    if (!li || e.target !== li) return;
    const all = items();
    const at = all.indexOf(li);
    const group = li.querySelector(':scope > [role=group]');
    const move = (to) => { if (!to) return; li.tabIndex = -1; to.tabIndex = 0; to.focus(); };
    switch (e.key) {
      case 'ArrowDown': move(all[at + 1]); break;
      case 'ArrowUp': move(all[at - 1]); break;
      case 'Home': move(all[0]); break;
      case 'End': move(all[all.length - 1]); break;
      case 'ArrowRight':
        if (group && group.hidden) toggle(li, true);
        else if (group) move(group.querySelector('[role=treeitem]'));
        break;
      case 'ArrowLeft':
        if (group && !group.hidden) toggle(li, false);
        else move(li.parentElement.closest('[role=treeitem]'));
        break;
      case 'Enter': li.querySelector('.node a')?.click(); break;
      default: return;
    }
    e.preventDefault();
  });
  return root;
}

function toggle(li, open) {
  const group = li.querySelector(':scope > [role=group]');
  if (!group) return;
  group.hidden = !open;
  li.setAttribute('aria-expanded', String(open));
}

function item(node, level) {
  const e = node.event;
  const li = h('li', { role: 'treeitem', tabindex: -1, 'aria-level': level, testid: 'lineage-node',
    'aria-current': node.focus ? 'true' : null,
    dataset: { relation: node.relation, type: e ? e.type : 'stored event', eventId: e ? e.event_id : node.reference } });
  const line = h('div.node', null,
    h('span.relation', { text: RELATIONS[node.relation] || node.relation }),
    e ? h('span.type', { testid: 'lineage-type', text: e.type }) : h('span.type', { text: 'stored event' }),
    e ? h('span.entry', { text: e.entry }) : h('span.entry.mono', { text: node.reference }),
    e ? h('time', { datetime: new Date(e.at).toISOString(), text: fmtDateTime(e.at) }) : null,
    e ? h('span.source', { title: 'who wrote it', text: e.source }) : null,
    ...links(node));
  li.append(line);
  const children = node.children || [];
  if (children.length) {
    const toggleButton = h('button.twisty', { type: 'button', 'aria-hidden': 'true', tabindex: -1, text: '▾',
      on: { click: () => toggle(li, li.getAttribute('aria-expanded') !== 'true') } });
    line.prepend(toggleButton);
    li.setAttribute('aria-expanded', 'true');
    li.append(h('ul', { role: 'group' }, children.map((c) => item(c, level + 1))));
  } else {
    line.prepend(h('span.twisty', { 'aria-hidden': 'true' })); // keeps a leaf's columns under its siblings'
  }
  return li;
}

/** Who staged, the contract version (to the Contracts view) and the stored event (to Search). */
function links(node) {
  const e = node.event;
  const out = [];
  const data = e?.data || {};
  const subjects = e?.subjects || {};
  const user = data.staged_by || data.by || data.user;
  if (user) out.push(h('span.user', { testid: 'lineage-user', title: 'the user who did it', text: 'by ' + user }));
  if (subjects.pipeline && subjects.contract_version) {
    out.push(h('a', { href: '#contracts', testid: 'lineage-version-link', title: 'open this version in Contracts',
      text: subjects.pipeline + ' v' + subjects.contract_version, on: { click: () => sessionStorage.setItem('bux.contracts.open',
        JSON.stringify({ pipeline: subjects.pipeline, version: subjects.contract_version })) } }));
  }
  const stored = e ? data.event_id : node.reference;
  if (stored) {
    out.push(h('a', { href: '#search', testid: 'lineage-event-link', title: 'find the stored event in Search', text: 'event ' + stored,
      on: { click: () => sessionStorage.setItem('bux.search.key', stored) } }));
  }
  return out;
}
