// Overview: events/s and latency per pipeline and stage over the last minutes, charted from the cluster's history
// (every node's samples, the last minutes first and then each new point), the cluster's counters per stage (every
// node's newest sample, summed), the loss table whose rows must add up (accepted = every outcome an event can end
// in), and the JVM of the node serving the page.
import { h, card, table, fmtNumber, empty } from '../dom.js';
import { ageIndicator } from '../freshness.js';
import { SeriesChart } from './chart.js';
import { stageRows, lossRows, historyPoints, countedOn, LOSS_OUTCOMES, STAGE_OUTCOMES } from './metrics-model.js';

const HISTORY_MS = 15 * 60 * 1000;
const IN_FLIGHT_MS = 30000;
const CHARTED = 'ben_stage_events_total,ben_stage_batch_seconds';

export function create({ link }) {
  const age = ageIndicator('age-overview', 10000);
  const throughput = new SeriesChart('Events/s accepted, per pipeline/stage', 'events/s', 'chart-throughput');
  const latency = new SeriesChart('Batch time per pipeline/stage: p99 solid, p50 dashed', 'ms', 'chart-latency',
    { dots: true, waiting: 'no stage has timed a batch in the last 15 minutes' });
  const stages = table('stage-table', ['pipeline', 'stage', 'events/s', ...STAGE_OUTCOMES, 'p50 ms', 'p99 ms'],
    ['events/s', ...STAGE_OUTCOMES, 'p50 ms', 'p99 ms']);
  const loss = table('loss-table', ['pipeline', ...LOSS_OUTCOMES, 'adds up'], LOSS_OUTCOMES);
  const reasons = h('ul.reasons', { testid: 'reasons' });
  const jvm = h('dl.kv', { testid: 'jvm' });
  const counted = h('p.hint', { testid: 'counted-on', text: ' ' });
  const jvmNode = h('p.hint', { testid: 'jvm-node', text: ' ' });
  stages.tbody.append(h('tr.empty', null, h('td', { colspan: 13, text: 'waiting for the first figures…' })));
  loss.tbody.append(h('tr.empty', null, h('td', { colspan: 10, text: 'waiting for the first figures…' })));
  const inFlight = new Map(); // pipeline -> {open, since}: how many events are between stages, since when
  const lastLatency = new Map(); // pipeline/stage -> {p50, p99} of the last interval that timed a batch

  const el = h('div', null,
    h('header.view-head', null, h('h1', { text: 'Overview' }), age.el),
    h('div.grid-2', null, card('Throughput', 'card-throughput', throughput.el), card('Latency', 'card-latency', latency.el)),
    card('Loss by pipeline', 'card-loss',
      h('p.hint', { text: 'accepted = forwarded + stored + refused + shed + spilled + routed + expired' }),
      counted,
      h('div.scroll-x', null, loss.table)),
    card('Stages', 'card-stages', h('div.scroll-x', null, stages.table), reasons),
    card('JVM', 'card-jvm', jvmNode, jvm));

  // The tables are the whole cluster's, summed from every node's newest sample; the JVM is the serving node's own.
  link.subscribe('totals', {}, { data: (data, frame) => render(data, frame) });
  link.subscribe('metrics', {}, { data: (data) => {
    if (data.nodes && data.nodes.length) jvmNode.textContent = 'of ' + data.nodes.join(', ') + ' (the node serving this page)';
    renderJvm(data.jvm);
  } });
  // The charts are the whole cluster's: the history's samples of every node, the last minutes first and then only
  // new points. A time's points may come from several nodes in different frames, so the charts are recomputed
  // from the samples held rather than extended.
  const samples = [];
  let intervalMs = 0;
  const history = link.subscribe('history', { since: String(Date.now() - HISTORY_MS), series: CHARTED }, {
    data: (data) => {
      intervalMs = data.interval_ms || intervalMs;
      const oldest = Date.now() - HISTORY_MS;
      samples.push(...(data.points || []));
      samples.splice(0, samples.length, ...samples.filter((p) => p.at >= oldest));
      chart(historyPoints({ interval_ms: intervalMs, points: samples }));
    },
    error: () => link.unsubscribe(history),
  });

  function render(data, frame) {
    const at = data.at || frame.at || Date.now();
    const rows = stageRows(data);
    for (const r of rows) {
      if (r.p99 !== null && r.p99 !== undefined) lastLatency.set(r.key, { p50: r.p50, p99: r.p99 });
      else Object.assign(r, lastLatency.get(r.key) || {});
    }
    age.touch(at);
    counted.textContent = countedOn(data);
    counted.classList.toggle('warn', (data.nodes || []).some((n) => !n.counted));
    renderStages(rows);
    renderLoss(lossRows(data));
    renderReasons(data);
  }

  function chart(points) {
    throughput.replace(points.map((p) => ({ at: p.at, values: p.throughput })));
    // Every point, those without a batch too: a gap in the line, never a straight line across a quiet minute.
    latency.replace(points.map((p) => ({ at: p.at, values: p.latency })));
  }

  function renderStages(rows) {
    if (!rows.length) return;
    stages.tbody.replaceChildren(...rows.map((r) => h('tr', { dataset: { pipeline: r.pipeline, stage: r.stage } },
      h('td', { text: r.pipeline }), h('td', { text: r.stage }),
      h('td.num', { dataset: { outcome: 'rate' }, text: fmtNumber(r.rate) }),
      STAGE_OUTCOMES.map((o) => h('td.num' + (isLoss(o) && r[o] > 0 ? '.loss' : ''),
        { dataset: { outcome: o, value: r[o] }, text: fmtNumber(r[o]) })),
      h('td.num', { text: fmtNumber(r.p50) }), h('td.num', { text: fmtNumber(r.p99) }))));
  }

  function renderLoss(rows) {
    if (!rows.length) { loss.tbody.replaceChildren(h('tr.empty', null, h('td', { colspan: 10, text: 'no pipeline yet' }))); return; }
    loss.tbody.replaceChildren(...rows.map((r) => h('tr', { dataset: { pipeline: r.pipeline } },
      h('td', { text: r.pipeline }),
      LOSS_OUTCOMES.map((o) => h('td.num' + (isLoss(o) && r[o] > 0 ? '.loss' : ''),
        { dataset: { outcome: o, value: r[o] }, text: fmtNumber(r[o]) })),
      check(r))));
  }

  // Events between the sidecar and their last stage are counted accepted and not yet anything else: a short-lived
  // difference is in flight; one that stays the same for IN_FLIGHT_MS (or goes negative) is not accounted for.
  function check(r) {
    const open = r.accepted - r.sum;
    const since = open > 0 && inFlight.get(r.pipeline)?.open === open ? inFlight.get(r.pipeline).since : Date.now();
    inFlight.set(r.pipeline, { open, since });
    const settled = r.holds || open < 0 || Date.now() - since > IN_FLIGHT_MS;
    const text = r.holds ? '✓ adds up' : !settled ? fmtNumber(open) + ' in flight'
      : '✗ ' + fmtNumber(Math.abs(open)) + (open > 0 ? ' unaccounted for' : ' counted twice');
    return h('td.check.' + (r.holds ? 'ok' : settled ? 'bad' : 'wait'),
      { testid: 'loss-check-' + r.pipeline, dataset: { holds: r.holds }, text });
  }

  function renderReasons(data) {
    const list = (data.stages || []).filter((s) => isLoss(s.outcome) && s.value > 0);
    reasons.replaceChildren(...list.map((s) => h('li', null, h('span.badge.badge-' + s.outcome, { text: s.outcome }),
      ' ' + s.pipeline + '/' + s.stage + ' · ' + s.reason + ': ' + fmtNumber(s.value))));
  }

  function renderJvm(j) {
    if (!j) { jvm.replaceChildren(empty('no JVM figures from this node yet', 'dd')); return; }
    const mb = (b) => fmtNumber(b / 1048576) + ' MiB';
    jvm.replaceChildren(h('dt', { text: 'heap' }), h('dd', { text: mb(j.heap_used_bytes) + ' of ' + mb(j.heap_max_bytes) }),
      h('dt', { text: 'GC' }), h('dd', { text: fmtNumber(j.gc_seconds_total) + ' s total' }),
      h('dt', { text: 'threads' }), h('dd', { text: fmtNumber(j.threads) }));
  }

  return { el, title: 'Overview' };
}

function isLoss(outcome) {
  return outcome === 'refused' || outcome === 'shed' || outcome === 'spilled' || outcome === 'expired';
}
