// The overview's figures from a `metrics` snapshot (protocol v1) or a `counters` frame (before v1).

export const STAGE_OUTCOMES = ['accepted', 'forwarded', 'stored', 'refused', 'shed', 'spilled', 'routed', 'expired'];
export const LOSS_OUTCOMES = STAGE_OUTCOMES;
const STAGE_ORDER = ['sidecar', 'proxy', 'spine', 'detector', 'store'];

/**
 * One row per pipeline and stage: each outcome summed over its reasons, events/s accepted (the node's rate,
 * or the change since `previous` when the node sends totals only) and latency percentiles when known.
 */
export function stageRows(data, previous, at) {
  const byKey = new Map();
  for (const s of data.stages || data.series || []) {
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
  if (!data.stages && previous && at > previous.at) {
    const before = new Map(previous.rows.map((r) => [r.key, r]));
    for (const r of rows) {
      const old = before.get(r.key);
      r.rate = old ? Math.max(0, (r.accepted - old.accepted) * 1000 / (at - previous.at)) : null;
    }
  }
  return rows.sort((a, b) => a.pipeline.localeCompare(b.pipeline)
    || rank(a.stage) - rank(b.stage) || a.stage.localeCompare(b.stage));
}

function rank(stage) {
  const i = STAGE_ORDER.indexOf(stage);
  return i < 0 ? STAGE_ORDER.length : i;
}

/** The loss table (null when the node does not send one): each row with its sum and whether it adds up. */
export function lossRows(data) {
  if (!Array.isArray(data.loss)) return null;
  return data.loss.map((l) => {
    const row = { pipeline: l.pipeline };
    for (const o of LOSS_OUTCOMES) row[o] = Number(l[o] || 0);
    row.sum = LOSS_OUTCOMES.slice(1).reduce((total, o) => total + row[o], 0);
    row.holds = row.sum === row.accepted;
    return row;
  }).sort((a, b) => a.pipeline.localeCompare(b.pipeline));
}
