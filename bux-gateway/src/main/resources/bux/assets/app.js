// bux live view: one websocket, pushed updates only (no polling), automatic reconnect with backoff.
(function () {
  'use strict';
  const MAX_EVENTS = 200;
  const conn = document.getElementById('conn');
  const age = document.getElementById('age');
  const tail = document.getElementById('tail');
  const countersBody = document.querySelector('#counters tbody');
  const refusals = document.getElementById('refusals');
  let lastUpdate = 0;
  let received = 0;
  let retry = 500;

  function setConn(state, text, cls) {
    conn.textContent = text;
    conn.dataset.state = state;
    conn.className = 'pill ' + cls;
  }

  function text(tag, cls, value) {
    const el = document.createElement(tag);
    el.className = cls;
    el.textContent = value;
    return el;
  }

  function onEvent(m) {
    received++;
    document.getElementById('event-count').textContent = received;
    const empty = tail.querySelector('.empty');
    if (empty) empty.remove();
    const li = document.createElement('li');
    li.className = 'event';
    li.append(text('span', 'time', new Date(m.received_at).toLocaleTimeString()),
      text('span', 'pipeline', m.pipeline), text('span', 'app', m.app),
      text('span', 'body', JSON.stringify(m.body)));
    tail.prepend(li);
    while (tail.children.length > MAX_EVENTS) tail.lastElementChild.remove();
  }

  function onCounters(m) {
    document.getElementById('dropped').textContent = m.live_dropped;
    const rows = new Map();
    const reasons = [];
    for (const s of m.series) {
      const key = s.pipeline + '\u0000' + s.stage;
      const row = rows.get(key) || { pipeline: s.pipeline, stage: s.stage };
      row[s.outcome] = (row[s.outcome] || 0) + s.value;
      rows.set(key, row);
      if ((s.outcome === 'refused' || s.outcome === 'shed') && s.value > 0) {
        reasons.push(`${s.pipeline}/${s.stage} ${s.outcome} ${s.reason}: ${s.value}`);
      }
    }
    const order = ['sidecar', 'proxy', 'spine', 'detector', 'store'];
    const sorted = [...rows.values()].sort((a, b) =>
      a.pipeline.localeCompare(b.pipeline) || order.indexOf(a.stage) - order.indexOf(b.stage));
    countersBody.replaceChildren(...sorted.map(r => {
      const tr = document.createElement('tr');
      tr.dataset.pipeline = r.pipeline;
      tr.dataset.stage = r.stage;
      tr.append(text('td', '', r.pipeline), text('td', '', r.stage));
      for (const k of ['accepted', 'forwarded', 'stored', 'refused', 'shed']) {
        const v = r[k] || 0;
        const td = text('td', 'num' + ((k === 'refused' || k === 'shed') && v > 0 ? ' loss' : ''), v.toLocaleString());
        td.dataset.outcome = k;
        tr.append(td);
      }
      return tr;
    }));
    refusals.textContent = reasons.length ? 'Reasons: ' + reasons.join(' · ') : '';
  }

  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = () => { setConn('live', 'live', 'pill-ok'); retry = 500; };
    ws.onmessage = (e) => {
      lastUpdate = Date.now();
      const m = JSON.parse(e.data);
      if (m.type === 'event') onEvent(m);
      else if (m.type === 'counters') onCounters(m);
    };
    ws.onclose = () => {
      setConn('reconnecting', 'reconnecting…', 'pill-bad');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  setInterval(() => {
    if (!lastUpdate) return;
    const s = Math.round((Date.now() - lastUpdate) / 1000);
    age.textContent = 'updated ' + (s < 1 ? 'just now' : s + ' s ago');
    age.classList.toggle('stale', s > 5);
  }, 500);
  connect();
})();
