// Test bench: NDJSON events run through a chosen version (active, staged, or sources typed here) by the node's
// `testbench` method, nothing deployed. The raw output is exactly what `benctl test -o json` prints.
import { h, table, chips, empty } from '../dom.js';
import { ageIndicator } from '../freshness.js';

export function create({ link }) {
  const age = ageIndicator('age-testbench', Infinity, 'ran');
  const pipeline = h('input', { id: 'tb-pipeline', testid: 'testbench-pipeline', required: true, autocomplete: 'off', spellcheck: 'false' });
  const version = h('select', { id: 'tb-version', testid: 'testbench-version' },
    h('option', { value: 'active', text: 'active version' }), h('option', { value: 'staged', text: 'newest staged version' }),
    h('option', { value: 'number', text: 'version number…' }), h('option', { value: 'sources', text: 'sources typed below' }));
  const number = h('input', { id: 'tb-number', testid: 'testbench-version-number', type: 'number', min: 1 });
  const numberField = h('label.field', { hidden: true }, h('span', { text: 'number' }), number);
  const files = h('div.files', { testid: 'testbench-sources', hidden: true });
  const addFile = h('button.btn.btn-quiet', { type: 'button', testid: 'testbench-add-file', text: 'Add a source file', hidden: true });
  const events = h('textarea.code', { id: 'tb-events', testid: 'testbench-events', rows: 10, spellcheck: 'false',
    placeholder: '{"user":"mallory","attempts":7}\n…' });
  const upload = h('input', { type: 'file', testid: 'testbench-upload', accept: '.ndjson,.json,.txt,application/x-ndjson' });
  const run = h('button.btn.btn-primary', { type: 'submit', testid: 'testbench-run', text: 'Run' });
  const raw = h('input', { type: 'checkbox', testid: 'testbench-raw-toggle', id: 'tb-raw' });
  const error = h('p.error', { testid: 'testbench-error', role: 'alert' });
  const summary = h('div', { testid: 'testbench-summary' }, empty('run some events to see what each version decides'));
  const rawOut = h('pre.code', { testid: 'testbench-raw', hidden: true });

  version.addEventListener('change', () => {
    numberField.hidden = version.value !== 'number';
    files.hidden = addFile.hidden = version.value !== 'sources';
    if (version.value === 'sources' && !files.children.length) files.append(sourceFile());
  });
  addFile.addEventListener('click', () => files.append(sourceFile()));
  upload.addEventListener('change', async () => { if (upload.files[0]) events.value = await upload.files[0].text(); });
  raw.addEventListener('change', () => { rawOut.hidden = !raw.checked; summary.hidden = raw.checked; });

  const form = h('form.bench', { testid: 'testbench-form', on: { submit: (e) => { e.preventDefault(); submit(); } } },
    h('div.filters', null, h('label.field', null, h('span', { text: 'pipeline' }), pipeline),
      h('label.field', null, h('span', { text: 'version' }), version), numberField),
    files, addFile,
    h('label.field.wide', { for: 'tb-events' }, h('span', { text: 'events (NDJSON, one per line)' })), events,
    h('div.actions', null, h('label.field.inline', null, h('span', { text: 'or upload a file ' }), upload), run));
  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Test bench' }), age.el),
    h('section.card', null, form),
    h('section.card', { testid: 'testbench-result' }, h('div.card-head', null, h('h2', { text: 'Result' }),
      h('label.toggle', { for: 'tb-raw' }, raw, ' raw JSON')), error, summary, rawOut));

  async function submit() {
    error.textContent = '';
    if (!pipeline.value.trim()) { error.textContent = 'Name the pipeline to run.'; pipeline.focus(); return; }
    run.disabled = true;
    run.textContent = 'Running…';
    try {
      const result = await link.request('testbench', params());
      const outcomes = outcomesOf(result);
      // The node's text as benctl prints it: re-serialising the parsed outcomes would print 1.0 as 1.
      rawOut.textContent = result.output;
      summary.replaceChildren(render(outcomes));
      age.touch();
    } catch (e) {
      error.textContent = e.message;
    } finally {
      run.disabled = false;
      run.textContent = 'Run';
    }
  }

  function params() {
    const p = { pipeline: pipeline.value.trim(), version: version.value, sources: null, events: events.value };
    if (version.value === 'number') p.version = Number(number.value);
    if (version.value === 'sources') {
      p.version = 'active';
      p.sources = [...files.querySelectorAll('.source-file')].map((f) => ({ path: f.querySelector('input').value, text: f.querySelector('textarea').value }));
    }
    return p;
  }

  return { el, title: 'Test bench' };
}

function sourceFile() {
  return h('div.source-file', null, h('label.field', null, h('span', { text: 'path' }),
    h('input', { testid: 'testbench-source-path', value: 'main.ben', spellcheck: 'false' })),
  h('textarea.code', { testid: 'testbench-source-text', rows: 12, spellcheck: 'false', 'aria-label': 'source text' }));
}

/** The outcomes in the result, for the table. */
export function outcomesOf(result) {
  return Array.isArray(result?.outcomes) ? result.outcomes : [];
}

function render(outcomes) {
  const t = table('testbench-table', ['line', 'rules', 'action', 'playbooks', 'detectors / refusal']);
  t.tbody.append(...outcomes.map((o) => h('tr', { dataset: { line: o.line } },
    h('td', { text: o.line }), h('td', null, chips(o.rules, 'rule')), h('td', { text: o.action || '' }),
    h('td', null, (o.playbooks || []).map((p) => h('div', null, h('span.badge.badge-' + String(p.status).toLowerCase(), { text: p.status }),
      ' ' + p.playbook + (p.signal ? ' → ' + p.signal : '')))),
    h('td.mono', { text: o.refused ? 'refused: ' + o.refused : Object.entries(o.detectors || {}).map(([k, v]) => k + '=' + v).join(' ') }))));
  return h('div.scroll-x', null, t.table);
}
