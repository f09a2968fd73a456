// A time-series chart over the last minutes (uPlot, served from the node's class path, never a CDN).
import uPlot from '../vendor/uplot/uPlot.esm.js';
import { h } from '../dom.js';

const WINDOW_MS = 10 * 60 * 1000;
const HEIGHT = 220;
const PALETTE = ['#58a6ff', '#3fb950', '#d29922', '#f85149', '#bc8cff', '#39c5cf', '#ff9bce', '#a5d6ff',
  '#7ee787', '#e3b341', '#ffa198', '#d2a8ff'];

export class SeriesChart {
  /** `unit` labels the y axis; the chart keeps every series it has seen for the window. */
  constructor(title, unit, testid) {
    this.unit = unit;
    this.times = [];
    this.series = new Map(); // key -> values aligned with times
    this.plot = null;
    this.box = h('div.chart-box', { testid, style: 'height:' + (HEIGHT + 40) + 'px' },
      h('p.empty', { text: 'waiting for two updates to draw a line…' }));
    this.el = h('figure.chart', null, h('figcaption', { text: title }), this.box);
    new ResizeObserver(() => this.resize()).observe(this.box);
  }

  /** One point in time: key -> value (a key missing at this time leaves a hole in its line). */
  push(at, values) {
    const t = at / 1000;
    if (this.times.length && t <= this.times[this.times.length - 1]) return;
    this.times.push(t);
    for (const key of Object.keys(values)) {
      if (!this.series.has(key)) {
        this.series.set(key, new Array(this.times.length - 1).fill(null));
        this.plot?.destroy();
        this.plot = null;
      }
    }
    for (const [key, list] of this.series) list.push(key in values ? values[key] : null);
    while (this.times.length && this.times[0] < (at - WINDOW_MS) / 1000) {
      this.times.shift();
      for (const list of this.series.values()) list.shift();
    }
    this.draw();
  }

  draw() {
    if (!this.series.size || this.box.clientWidth === 0) return;
    const data = [this.times, ...this.series.values()];
    if (!this.plot) this.create(data);
    else this.plot.setData(data);
  }

  create(data) {
    const css = getComputedStyle(document.documentElement);
    const text = css.getPropertyValue('--muted').trim() || '#8796a8';
    const grid = css.getPropertyValue('--line').trim() || '#243040';
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const keys = [...this.series.keys()];
    this.box.replaceChildren();
    this.plot = new uPlot({
      width: this.box.clientWidth,
      height: HEIGHT,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      series: [{}, ...keys.map((key, i) => ({ label: key, stroke: PALETTE[i % PALETTE.length], width: 1.5,
        spanGaps: false, points: { show: false } }))],
      axes: [axis, { ...axis, label: this.unit, size: 60 }],
      scales: { y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    }, data, this.box);
  }

  resize() {
    if (!this.plot) { this.draw(); return; }
    if (this.box.clientWidth > 0) this.plot.setSize({ width: this.box.clientWidth, height: HEIGHT });
  }
}
