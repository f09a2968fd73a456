// bux live view: log in (session cookie), then one websocket (protocol v1: subscribe to the metrics and tail
// topics), pushed updates only (no polling), automatic reconnect with backoff while the session lasts; the
// tail resumes after the last event seen.
(function () {
  'use strict';
  const MAX_EVENTS = 200;
  const conn = document.getElementById('conn');
  const age = document.getElementById('age');
  const tail = document.getElementById('tail');
  const countersBody = document.querySelector('#counters tbody');
  const refusals = document.getElementById('refusals');
  const loginSection = document.getElementById('login');
  const loginForm = document.getElementById('login-form');
  const loginUser = document.getElementById('login-user');
  const loginPassword = document.getElementById('login-password');
  const loginError = document.getElementById('login-error');
  const loginSubmit = document.getElementById('login-submit');
  const dashboard = document.getElementById('dashboard');
  const status = document.getElementById('status');
  const who = document.getElementById('who');
  let lastUpdate = 0;
  let received = 0;
  let retry = 500;
  let socket = null;
  let lastTailSeq = null;
  let missed = 0;

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
    const rows = new Map();
    const reasons = [];
    for (const s of m.stages) {
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
    socket = ws;
    ws.onopen = () => {
      setConn('live', 'live', 'pill-ok');
      retry = 500;
      ws.send(JSON.stringify({ op: 'subscribe', sub: 'metrics', topic: 'metrics' }));
      ws.send(JSON.stringify({ op: 'subscribe', sub: 'tail', topic: 'tail', after: lastTailSeq }));
    };
    ws.onmessage = (e) => {
      lastUpdate = Date.now();
      const m = JSON.parse(e.data);
      if (m.type === 'data' && m.topic === 'tail') {
        lastTailSeq = m.seq;
        onEvent(m.data);
      } else if (m.type === 'data' && m.topic === 'metrics') {
        onCounters(m.data);
      } else if (m.type === 'gap') {
        missed += m.missed;
        document.getElementById('dropped').textContent = missed;
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return; // closed on purpose (logout)
      socket = null;
      setConn('reconnecting', 'reconnecting…', 'pill-bad');
      // A refused upgrade looks like any close: ask whether the session still holds before retrying.
      setTimeout(() => checkSession('Your session has ended; log in again.'), retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  function disconnect() {
    const ws = socket;
    socket = null;
    if (ws) ws.close();
  }

  function showDashboard(session) {
    who.textContent = session.user + ' (' + session.role + ')';
    loginSection.hidden = true;
    dashboard.hidden = false;
    status.hidden = false;
    if (!socket) connect();
  }

  function showLogin(message) {
    disconnect();
    dashboard.hidden = true;
    status.hidden = true;
    loginSection.hidden = false;
    loginError.textContent = message || '';
    loginPassword.value = '';
    (loginUser.value ? loginPassword : loginUser).focus();
  }

  async function errorOf(response) {
    try {
      return (await response.json()).error || ('the gateway answered ' + response.status);
    } catch (e) {
      return 'the gateway answered ' + response.status;
    }
  }

  async function checkSession(expiredMessage) {
    try {
      const response = await fetch('/api/v1/session', { credentials: 'same-origin' });
      if (response.ok) showDashboard(await response.json());
      else if (response.status === 401) showLogin(expiredMessage);
      else setTimeout(() => checkSession(expiredMessage), retry);
    } catch (e) {
      // The node is unreachable: keep trying with the socket's backoff.
      setConn('reconnecting', 'reconnecting…', 'pill-bad');
      setTimeout(() => checkSession(expiredMessage), retry);
      retry = Math.min(retry * 2, 10000);
    }
  }

  loginForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!loginUser.value || !loginPassword.value) {
      loginError.textContent = 'Enter your user name and password.';
      (loginUser.value ? loginPassword : loginUser).focus();
      return;
    }
    loginSubmit.disabled = true;
    loginError.textContent = '';
    try {
      const response = await fetch('/api/v1/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: loginUser.value, password: loginPassword.value })
      });
      if (response.ok) {
        loginPassword.value = '';
        retry = 500;
        showDashboard(await response.json());
      } else {
        showLogin(await errorOf(response));
      }
    } catch (err) {
      showLogin('Cannot reach the gateway; try again.');
    } finally {
      loginSubmit.disabled = false;
    }
  });

  document.getElementById('logout').addEventListener('click', async () => {
    disconnect();
    try {
      await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin' });
      showLogin('You have logged out.');
    } catch (e) {
      showLogin('Cannot reach the gateway; the session may still be open.');
    }
  });

  setInterval(() => {
    if (!lastUpdate) return;
    const s = Math.round((Date.now() - lastUpdate) / 1000);
    age.textContent = 'updated ' + (s < 1 ? 'just now' : s + ' s ago');
    age.classList.toggle('stale', s > 5);
  }, 500);
  checkSession('');
})();
