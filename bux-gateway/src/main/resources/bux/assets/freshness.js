// "updated 2 s ago" for every view, turning into a warning once the data is older than the view expects.
import { h } from './dom.js';

const trackers = [];

/**
 * An age indicator: `staleAfterMs` is how old the data may grow before the reader should distrust it
 * (a few push intervals for pushed views, longer for data loaded on demand).
 */
export function ageIndicator(testid, staleAfterMs, verb = 'updated') {
  const el = h('span.age', { testid, role: 'status', 'aria-live': 'off', text: 'no data yet' });
  const tracker = { el, staleAfterMs, verb, at: 0 };
  trackers.push(tracker);
  return {
    el,
    /** The data now shown describes `at` (epoch ms; defaults to now). */
    touch(at) {
      const now = Date.now();
      // The node's clock may run a little ahead of the browser's: never show an age below zero.
      tracker.at = Math.min(at || now, now);
      render(tracker, now);
    },
    get at() { return tracker.at; },
  };
}

function render(t, now) {
  if (!t.at) return;
  const seconds = Math.max(0, Math.round((now - t.at) / 1000));
  const stale = now - t.at > t.staleAfterMs;
  const age = seconds < 1 ? 'just now' : seconds < 120 ? seconds + ' s ago' : Math.round(seconds / 60) + ' min ago';
  t.el.textContent = (stale ? '⚠ stale: ' : '') + t.verb + ' ' + age;
  t.el.classList.toggle('stale', stale);
  t.el.dataset.stale = String(stale);
}

setInterval(() => {
  const now = Date.now();
  for (const t of trackers) render(t, now);
}, 1000);
