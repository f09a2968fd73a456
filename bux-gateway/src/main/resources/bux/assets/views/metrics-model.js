// The overview's figures: the tables from a `totals` snapshot (the stage counters of every node's newest sample,
// summed), the charts' points from the `history` topic's points (every node's).

export const STAGE_OUTCOMES = ['accepted', 'forwarded', 'stored', 'refused', 'shed', 'spilled', 'routed', 'expired'];
export const LOSS_OUTCOMES = STAGE_OUTCOMES;
const STAGE_ORDER = ['sidecar', 'proxy', 'spine', 'detector', 'store'];

/**
 * One row per pipeline and stage: each outcome summed over its reasons, events/s accepted (the nodes' rates over
 * their last interval, summed) and the batch latency percentiles when the stage timed a batch in it.
 */
export function stageRows(data) {
  const byKey = new Map();
  for (const s of data.stages || []) {
    const key = s.pipeline + '/' + s.stage;
    const row = byKey.get(key) || { key, pipeline: s.pipeline, stage: s.stage, rate: null, p50: null, p99: null };
    for (const o of STAGE_OUTCOMES) row[o] = row[o] || 0;
    row[s.outcome] = (row[s.outcome] || 0) + Number(s.value || 0);
    if (s.outcome === 'accepted' && typeof s.rate === 'number') row.rate = (row.rate || 0) + s.rate;
    byKey.set(key, row);
  }
  for (const l of data.latency || []) {
    const row = byKey.get(l.pipeline + '/' + l.stage);
    if (row) { row.p50 = l.p50_ms; row.p99 = l.p99_ms; }
  }
  const rows = [...byKey.values()];
  return rows.sort((a, b) => a.pipeline.localeCompare(b.pipeline)
    || rank(a.stage) - rank(b.stage) || a.stage.localeCompare(b.stage));
}

function rank(stage) {
  const i = STAGE_ORDER.indexOf(stage);
  return i < 0 ? STAGE_ORDER.length : i;
}

/** The loss table: each row with its sum and whether it adds up. */
export function lossRows(data) {
  return (data.loss || []).map((l) => {
    const row = { pipeline: l.pipeline };
    for (const o of LOSS_OUTCOMES) row[o] = Number(l[o] || 0);
    row.sum = LOSS_OUTCOMES.slice(1).reduce((total, o) => total + row[o], 0);
    row.holds = row.sum === row.accepted;
    return row;
  }).sort((a, b) => a.pipeline.localeCompare(b.pipeline));
}

/**
 * Which nodes the totals count and how old their figures are: "counted on 2 nodes (a, b), newest 1 s ago; node c
 * not heard from for 40 s, not counted". A node left out says why: silent too long, figures too old (its sampling
 * stalls), or never heard from at all.
 */
export function countedOn(data) {
  const nodes = data.nodes || [];
  const counted = nodes.filter((n) => n.counted);
  const parts = [];
  if (counted.length) {
    const newest = Math.min(...counted.map((n) => n.age_ms || 0));
    parts.push('counted on ' + counted.length + (counted.length === 1 ? ' node (' : ' nodes (')
      + counted.map((n) => n.node).join(', ') + '), newest ' + age(newest));
  } else {
    parts.push('counted on no node');
  }
  for (const n of nodes.filter((x) => !x.counted)) {
    const why = n.error ? ' (' + n.error + ')' : '';
    if (n.sampled_at === null || n.sampled_at === undefined) parts.push('node ' + n.node + ' not heard from yet' + why);
    else if (n.error) parts.push('node ' + n.node + ' not heard from for ' + duration(n.age_ms) + ', not counted');
    else parts.push('node ' + n.node + "'s newest figures are " + duration(n.age_ms) + ' old, not counted');
  }
  return parts.join('; ');
}

function age(ms) {
  return Math.round((ms || 0) / 1000) < 1 ? 'just now' : duration(ms) + ' ago';
}

function duration(ms) {
  const seconds = Math.max(0, Math.round((ms || 0) / 1000));
  return seconds < 120 ? seconds + ' s' : Math.round(seconds / 60) + ' min';
}

const SERIES = /^([a-z_]+)\{(.*)\}$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** A history series name `family{a="1",b="2"}` as its family and labels. */
export function parseSeries(name) {
  const m = SERIES.exec(name);
  if (!m) return { family: name, labels: {} };
  const labels = {};
  for (const [, k, v] of m[2].matchAll(LABEL)) labels[k] = v.replace(/\\(.)/g, '$1');
  return { family: m[1], labels };
}

/**
 * The charts' points from the `history` topic's points, in time order: events/s accepted (counters' rates,
 * summed over reasons and over the nodes that sampled within one interval) and the batch latency quantiles
 * (the slowest node's, in ms).
 */
export function historyPoints(history) {
  const interval = Math.max(1, history.interval_ms || 1);
  const byTime = new Map();
  for (const p of history.points || []) {
    const slot = Math.round(p.at / interval);
    const point = byTime.get(slot) || { at: p.at, throughput: {}, latency: {} };
    byTime.set(slot, point);
    for (const [name, rate] of Object.entries(p.rates || {})) {
      const { family, labels } = parseSeries(name);
      if (family !== 'ben_stage_events_total' || labels.outcome !== 'accepted') continue;
      const key = labels.pipeline + '/' + labels.stage;
      point.throughput[key] = (point.throughput[key] || 0) + rate;
    }
    for (const [name, seconds] of Object.entries(p.series || {})) {
      const { family, labels } = parseSeries(name);
      const q = labels.quantile === '0.5' ? 'p50' : labels.quantile === '0.99' ? 'p99' : null;
      if (family !== 'ben_stage_batch_seconds' || !q) continue;
      const key = labels.pipeline + '/' + labels.stage + ' ' + q;
      point.latency[key] = Math.max(point.latency[key] || 0, seconds * 1000);
    }
  }
  return [...byTime.values()].sort((a, b) => a.at - b.at);
}
