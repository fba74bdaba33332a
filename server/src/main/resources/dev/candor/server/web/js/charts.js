// Charts for the console, drawn by Chart.js 4 (served from its WebJar; loaded as a classic script
// before this module). Every chart comes with its numbers in a table for screen readers and for
// anyone who prefers figures. Animation is off: the console should feel calm and quick.

import {h} from './dom.js';

export const COLORS = ['#1f5fa8', '#2f8f6a', '#c07a12', '#8a4fb3', '#b23b5a', '#4f6b84', '#6a8f1f', '#a0522d'];

const charts = new Map();

function lib() {
  if (!window.Chart) throw new Error('the chart library did not load');
  const C = window.Chart;
  if (!C.__candor) {
    C.defaults.animation = false;
    C.defaults.font.family = getComputedStyle(document.body).fontFamily;
    C.defaults.color = '#4b5563';
    C.defaults.borderColor = '#e3e7ec';
    C.defaults.maintainAspectRatio = false;
    C.defaults.plugins.legend.labels.boxWidth = 12;
    C.__candor = true;
  }
  return C;
}

/**
 * A card with a title, a chart and its numbers.
 *
 * @param id      stable id (the canvas is `${id}-chart`)
 * @param title   what the chart shows
 * @param config  a Chart.js configuration
 * @param table   {head: [...], rows: [[...]]} — the same numbers, as text
 * @param note    optional sentence under the title
 */
export function chartCard({id, title, config, table, note, tall = false}) {
  const canvas = h('canvas', {id: id + '-chart', role: 'img', 'aria-label': title + '. The numbers are in the table below the chart.'});
  const card = h('div', {class: 'card chart-card', id},
    h('h3', {}, title),
    note ? h('p', {class: 'muted small'}, note) : null,
    h('div', {class: 'chart-box' + (tall ? ' tall' : '')}, canvas),
    table ? h('details', {class: 'numbers'}, h('summary', {}, 'Show the numbers', h('span', {class: 'visually-hidden'}, ': ' + title)),
      h('div', {class: 'table-scroll'}, dataTable(table))) : null);
  // drawn once the card is in the page, so the chart knows its size
  queueMicrotask(() => draw(canvas, config));
  return card;
}

export function draw(canvas, config) {
  const C = lib();
  const old = charts.get(canvas.id);
  if (old) old.destroy();
  charts.set(canvas.id, new C(canvas, config));
}

/** Destroys the charts whose canvases left the page. */
export function sweep() {
  for (const [id, chart] of charts) {
    if (!chart.canvas || !chart.canvas.isConnected) {
      chart.destroy();
      charts.delete(id);
    }
  }
}

export function dataTable({head, rows, caption}) {
  return h('table', {},
    caption ? h('caption', {class: 'visually-hidden'}, caption) : null,
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', {scope: 'col', class: i > 0 ? 'num' : null}, c)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map((c, i) => i === 0 ? h('th', {scope: 'row'}, c) : h('td', {class: 'num'}, c))))));
}

export function line(labels, datasets, {percent = false, stacked = false, yMax} = {}) {
  return {
    type: 'line',
    data: {labels, datasets: datasets.map((d, i) => ({
      borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], pointRadius: 2, borderWidth: 2,
      spanGaps: false, tension: 0.2, ...d}))},
    options: axes({percent, stacked, yMax, few: labels.length <= 12}),
  };
}

export function bars(labels, datasets, {percent = false, stacked = false, horizontal = false, yMax} = {}) {
  return {
    type: 'bar',
    data: {labels, datasets: datasets.map((d, i) => ({backgroundColor: COLORS[i % COLORS.length], borderRadius: 3, ...d}))},
    options: {...axes({percent, stacked, horizontal, yMax, few: labels.length <= 12}), indexAxis: horizontal ? 'y' : 'x'},
  };
}

function axes({percent, stacked, horizontal, yMax, few}) {
  const value = {
    beginAtZero: true, stacked, max: yMax,
    ticks: {precision: percent ? undefined : 0, callback: percent ? v => (v * 100).toFixed(v < 0.1 && v > 0 ? 1 : 0) + ' %' : undefined},
  };
  const category = {stacked, grid: {display: false}, ticks: {maxRotation: few ? 40 : 0, autoSkip: !few, autoSkipPadding: 8}};
  return {
    responsive: true,
    interaction: {mode: 'index', intersect: false},
    scales: horizontal ? {x: value, y: category} : {x: category, y: value},
    plugins: {
      legend: {display: true, position: 'bottom'},
      tooltip: percent ? {callbacks: {label: c => {
        const v = horizontal ? c.parsed.x : c.parsed.y;
        return c.dataset.label + ': ' + (v === null || v === undefined ? '—' : (v * 100).toFixed(2) + ' %');
      }}} : {},
    },
  };
}
