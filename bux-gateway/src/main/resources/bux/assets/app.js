// bux: log in (session cookie), then one websocket carrying every view's subscriptions, and ben_api reads.
import { Link } from './link.js';
import { errorOf } from './api.js';
import { ageIndicator } from './freshness.js';
import * as overview from './views/overview.js';
import * as tail from './views/tail.js';
import * as decisions from './views/decisions.js';
import * as contracts from './views/contracts.js';
import * as testbench from './views/testbench.js';
import * as search from './views/search.js';
import * as analytics from './views/analytics.js';
import * as cluster from './views/cluster.js';
import * as lineage from './views/lineage.js';

// The views of the nav, in the order of their keys; lineage opens from the others (#lineage/{event id}).
const ORDER = ['overview', 'tail', 'decisions', 'contracts', 'testbench', 'search', 'analytics', 'cluster'];
const VIEWS = { overview, tail, decisions, contracts, testbench, search, analytics, cluster, lineage };
const $ = (id) => document.getElementById(id);

const conn = $('conn');
const loginForm = $('login-form');
const loginUser = $('login-user');
const loginPassword = $('login-password');
const loginError = $('login-error');
const connectionAge = ageIndicator('age-connection', 15000, 'heard from the node');
$('age').replaceWith(connectionAge.el);

const link = new Link({
  onState: (state, text) => {
    conn.textContent = text;
    conn.dataset.state = state;
    conn.className = 'pill ' + (state === 'live' ? 'pill-ok' : state === 'connecting' ? 'pill-wait' : 'pill-bad');
  },
  onFrame: () => connectionAge.touch(),
  // A refused upgrade looks like any close: ask whether the session still holds before retrying.
  onClosed: () => checkSession('Your session has ended; log in again.'),
});

let mounted = null;
let current = null;

function mountViews() {
  if (mounted) return;
  mounted = {};
  const main = $('views');
  for (const name of Object.keys(VIEWS)) {
    const view = VIEWS[name].create({ link });
    view.el.id = 'view-' + name;
    view.el.dataset.testid = 'view-' + name;
    view.el.classList.add('view');
    view.el.hidden = true;
    main.append(view.el);
    mounted[name] = view;
  }
}

/** Shows the view a hash names: `#name`, or `#name/argument` for a view opened on something. */
function showView(hash) {
  const slash = hash.indexOf('/');
  let name = slash < 0 ? hash : hash.slice(0, slash);
  const argument = slash < 0 ? undefined : safeDecode(hash.slice(slash + 1));
  if (!mounted || !VIEWS[name]) name = 'overview';
  if (current === name) { if (argument !== undefined) mounted[name].show?.(argument); return; }
  if (current) { mounted[current].el.hidden = true; mounted[current].hide?.(); }
  current = name;
  mounted[name].el.hidden = false;
  mounted[name].show?.(argument);
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = mounted[name].title + ' · bux';
}

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch (e) { return text; }
}

function showShell(session) {
  $('who').textContent = session.user + ' (' + session.role + ')';
  $('login').hidden = true;
  $('shell').hidden = false;
  $('status').hidden = false;
  mountViews();
  link.start();
  link.reopen();
  showView(location.hash.slice(1));
}

function showLogin(message) {
  link.stop();
  $('shell').hidden = true;
  $('status').hidden = true;
  $('login').hidden = false;
  loginError.textContent = message || '';
  loginPassword.value = '';
  (loginUser.value ? loginPassword : loginUser).focus();
}

async function checkSession(expiredMessage) {
  try {
    const response = await fetch('/api/v1/session', { credentials: 'same-origin' });
    if (response.ok) showShell(await response.json());
    else if (response.status === 401) showLogin(expiredMessage);
    else setTimeout(() => checkSession(expiredMessage), link.retry);
  } catch (e) {
    // The node is unreachable: keep trying with the socket's backoff.
    link.onState('reconnecting', 'reconnecting…');
    setTimeout(() => checkSession(expiredMessage), link.retry);
    link.retry = Math.min(link.retry * 2, 10000);
  }
}

loginForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!loginUser.value || !loginPassword.value) {
    loginError.textContent = 'Enter your user name and password.';
    (loginUser.value ? loginPassword : loginUser).focus();
    return;
  }
  const submit = $('login-submit');
  submit.disabled = true;
  loginError.textContent = '';
  try {
    const response = await fetch('/api/v1/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: loginUser.value, password: loginPassword.value }),
    });
    if (response.ok) {
      loginPassword.value = '';
      showShell(await response.json());
    } else {
      showLogin(await errorOf(response));
    }
  } catch (err) {
    showLogin('Cannot reach the gateway; try again.');
  } finally {
    submit.disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  link.stop();
  try {
    await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin' });
    showLogin('You have logged out.');
  } catch (e) {
    showLogin('Cannot reach the gateway; the session may still be open.');
  }
});

window.addEventListener('hashchange', () => showView(location.hash.slice(1)));

// Keys 1-8 open the views, unless the reader is typing.
document.addEventListener('keydown', (e) => {
  if (!mounted || e.altKey || e.ctrlKey || e.metaKey) return;
  const t = e.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
  const n = Number(e.key);
  if (Number.isInteger(n) && n >= 1 && n <= ORDER.length) {
    location.hash = ORDER[n - 1];
    e.preventDefault();
  }
});

checkSession('');
