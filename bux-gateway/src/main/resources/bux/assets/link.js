// The websocket protocol v1 client: subscriptions that survive reconnects (resumed with `after` = the last
// seq seen), one-shot requests, and reconnect with exponential backoff.

const REQUEST_TIMEOUT_MS = 30000;
const MIN_RETRY_MS = 500;
const MAX_RETRY_MS = 10000;

export class Link {
  constructor({ onState, onFrame, onClosed }) {
    this.onState = onState;        // (state, text) for the connection pill
    this.onFrame = onFrame;        // () on every frame, for the connection's age
    this.onClosed = onClosed;      // () after an unexpected close, before the retry
    this.subs = new Map();         // sub id -> {topic, filter, handler, after}
    this.pending = new Map();      // request id -> {resolve, reject, timer}
    this.next = 1;
    this.retry = MIN_RETRY_MS;
    this.ws = null;
    this.welcome = null;
    this.wanted = false;
  }

  start() {
    this.wanted = true;
    if (!this.ws) this.open();
  }

  stop() {
    this.wanted = false;
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close();
    for (const [id, p] of this.pending) this.fail(id, p, 'logged out');
  }

  /** Subscribes `handler` = {data(data, frame), gap?(missed)} to `topic`; returns the subscription id. */
  subscribe(topic, filter, handler) {
    const id = topic + '-' + this.next++;
    this.subs.set(id, { topic, filter: filter || {}, handler, after: null });
    this.sendSubscribe(id);
    return id;
  }

  unsubscribe(id) {
    if (!this.subs.delete(id)) return;
    this.send({ op: 'unsubscribe', sub: id });
  }

  /** A one-shot request; resolves with its result or rejects with the node's reason. */
  request(method, params) {
    const id = 'req-' + this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(id, this.pending.get(id),
        'the node did not answer ' + method + ' within ' + REQUEST_TIMEOUT_MS / 1000 + ' s'), REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      if (!this.send({ op: 'request', id, method, params })) {
        this.fail(id, this.pending.get(id), 'not connected to the node; try again once it is live');
      }
    });
  }

  open() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    this.ws = ws;
    this.welcome = null;
    this.onState('connecting', 'connecting…');
    ws.onopen = () => {
      this.onState('live', 'live');
      this.retry = MIN_RETRY_MS;
      for (const id of this.subs.keys()) this.sendSubscribe(id);
    };
    ws.onmessage = (e) => this.receive(e.data);
    ws.onclose = () => {
      if (this.ws !== ws) return; // closed on purpose
      this.ws = null;
      for (const [id, p] of this.pending) this.fail(id, p, 'the connection to the node closed');
      this.onState('reconnecting', 'reconnecting…');
      const wait = this.retry;
      this.retry = Math.min(this.retry * 2, MAX_RETRY_MS);
      setTimeout(() => this.onClosed(wait), wait);
    };
  }

  /** Reopens after a close if the page still wants the link (the caller checked the session). */
  reopen() {
    if (this.wanted && !this.ws) this.open();
  }

  send(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  sendSubscribe(id) {
    const s = this.subs.get(id);
    this.send({ op: 'subscribe', sub: id, topic: s.topic, filter: s.filter, after: s.after });
  }

  receive(text) {
    this.onFrame();
    let m;
    try { m = JSON.parse(text); } catch (e) { return; }
    switch (m.type) {
      case 'welcome': this.welcome = m; break;
      case 'data': {
        const s = this.subs.get(m.sub);
        if (!s) return;
        if (typeof m.seq === 'number') s.after = m.seq;
        s.handler.data(m.data, m);
        break;
      }
      case 'gap': { const s = this.subs.get(m.sub); if (s && s.handler.gap) s.handler.gap(m.missed); break; }
      case 'reply': { const p = this.pending.get(m.id); if (p) { this.settle(m.id, p); p.resolve(m.result); } break; }
      case 'error': this.onError(m); break;
      default: break; // keepalive and frames of later protocol versions
    }
  }

  onError(m) {
    if (m.id && this.pending.has(m.id)) { this.fail(m.id, this.pending.get(m.id), m.error); return; }
    const s = m.sub && this.subs.get(m.sub);
    if (s && s.handler.error) s.handler.error(m.error);
  }

  settle(id, p) { clearTimeout(p.timer); this.pending.delete(id); }

  fail(id, p, reason) {
    if (!p) return;
    this.settle(id, p);
    p.reject(new Error(reason));
  }
}
