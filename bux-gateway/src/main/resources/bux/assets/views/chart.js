// A time-series chart over the last minutes (uPlot, served from the node's class path, never a CDN).
import uPlot from '../vendor/uplot/uPlot.esm.js';
import { h } from '../dom.js';

const WINDOW_MS = 15 * 60 * 1000;
const HEIGHT = 220;
const PALETTE = ['#58a6ff', '#3fb950', '#d29922', '#f85149', '#bc8cff', '#39c5cf', '#ff9bce', '#a5d6ff',
  '#7ee787', '#e3b341', '#ffa198', '#d2a8ff'];
// A series named "<line> p50" is drawn dashed in the colour of "<line> p99", so a stage's two quantiles pair up.
const QUANTILE = / (p50|p99)$/;

export class SeriesChart {
  /**
   * `unit` labels the y axis; the chart keeps every series it has seen for the window. With `dots`, each value is
   * marked, for series that have values only now and then (a quiet stage's batch times).
   */
  constructor(title, unit, testid, { dots = false, waiting = 'waiting for figures…' } = {}) {
    this.unit = unit;
    this.dots = dots;
    this.points = []; // [{at, values}] in time order
    this.keys = [];
    this.plot = null;
    this.box = h('div.chart-box', { testid, style: 'min-height:' + (HEIGHT + 40) + 'px' },
      h('p.empty', { text: waiting }));
    this.el = h('figure.chart', null, h('figcaption', { text: title }), this.box);
    new ResizeObserver(() => this.resize()).observe(this.box);
  }

  /** The window's points, all of them anew. */
  replace(points) {
    this.points = [];
    this.add(points);
  }

  /** Points at their times (a later point for a time already held replaces it); key -> value, a missing key is a hole. */
  add(points) {
    for (const p of points) {
      let i = this.points.length;
      while (i > 0 && this.points[i - 1].at > p.at) i--;
      if (i > 0 && this.points[i - 1].at === p.at) this.points[i - 1] = p;
      else this.points.splice(i, 0, p);
      for (const key of Object.keys(p.values)) {
        if (!this.keys.includes(key)) { this.keys.push(key); this.keys.sort(); this.reset(); }
      }
    }
    const newest = this.points.length ? this.points[this.points.length - 1].at : 0;
    while (this.points.length && this.points[0].at < newest - WINDOW_MS) this.points.shift();
    this.draw();
  }

  reset() {
    this.plot?.destroy();
    this.plot = null;
  }

  draw() {
    // What the chart holds, for readers of the page that cannot look at a canvas (the browser tests).
    this.box.dataset.from = this.points.length ? this.points[0].at : '';
    this.box.dataset.keys = this.keys.join(',');
    if (!this.keys.length || this.box.clientWidth === 0) return;
    const data = [this.points.map((p) => p.at / 1000),
      ...this.keys.map((key) => this.points.map((p) => (key in p.values ? p.values[key] : null)))];
    if (!this.plot) this.create(data);
    else this.plot.setData(data);
  }

  create(data) {
    const css = getComputedStyle(document.documentElement);
    const text = css.getPropertyValue('--muted').trim() || '#8796a8';
    const grid = css.getPropertyValue('--line').trim() || '#243040';
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const lines = [...new Set(this.keys.map((k) => k.replace(QUANTILE, '')))];
    this.box.replaceChildren();
    this.plot = new uPlot({
      width: this.box.clientWidth,
      height: HEIGHT,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      series: [{}, ...this.keys.map((key) => ({
        label: key,
        stroke: PALETTE[lines.indexOf(key.replace(QUANTILE, '')) % PALETTE.length],
        dash: key.endsWith(' p50') ? [6, 4] : undefined,
        width: 1.5,
        spanGaps: false,
        points: { show: this.dots, size: 5, fill: PALETTE[lines.indexOf(key.replace(QUANTILE, '')) % PALETTE.length] },
      }))],
      axes: [axis, { ...axis, label: this.unit, size: 60 }],
      scales: { y: { range: (u, min, max) => [0, Math.max(1, (max || 0) * 1.1)] } },
    }, data, this.box);
  }

  resize() {
    if (!this.plot) { this.draw(); return; }
    if (this.box.clientWidth > 0) this.plot.setSize({ width: this.box.clientWidth, height: HEIGHT });
  }
}
