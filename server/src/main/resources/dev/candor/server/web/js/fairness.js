// Fairness and exposure (GET /v1/fairness): coverage, concentration (Gini), exposure by popularity
// decile and by category, and calibration (Steck 2018) of what was served over the last 30 days.

import {h, fill, unavailable, missingRoute} from './dom.js';
import * as charts from './charts.js';
import {n, pct} from './format.js';

function tile(label, value, hint) {
  return h('div', {class: 'tile'}, h('div', {class: 'label'}, label), h('div', {class: 'value'}, value),
    hint ? h('div', {class: 'hint'}, hint) : null);
}

export async function renderFairness(api, el) {
  let f;
  try {
    f = await api.get('/v1/fairness');
  } catch (e) {
    if (missingRoute(e)) return unavailable(el, 'The fairness report');
    throw e;
  }
  const c = f.calibration;
  const deciles = f.exposure_by_popularity_decile;
  const cats = f.exposure_by_category;
  fill(el,
    h('p', {class: 'muted small'}, 'Items served from ' + f.from + ' to ' + f.to + ' (UTC days).'),
    h('div', {class: 'tiles'},
      tile('Items served', n(f.items_served)),
      tile('Catalog coverage', pct(f.catalog_coverage, 0), 'of ' + n(f.catalog_size) + ' items served at least once'),
      tile('Concentration (Gini)', f.gini.toFixed(2), '0 = even exposure, near 1 = all on one item'),
      tile('Miscalibration', c.mean_miscalibration === null ? '—' : c.mean_miscalibration.toFixed(2),
        c.users_sampled ? 'mean over ' + n(c.users_sampled) + ' people; 0 = lists mirror their interests' : 'no one sampled')),
    h('div', {class: 'grid'},
      charts.chartCard({
        id: 'deciles', title: 'Exposure by popularity decile',
        note: 'Decile 1 is the most popular tenth of the catalog. A healthy long tail gets a real share beyond it.',
        config: charts.bars(deciles.map(d => String(d.decile)), [{label: 'share of exposure', data: deciles.map(d => d.share)}], {percent: true}),
        table: {head: ['Decile', 'Share of exposure'], rows: deciles.map(d => [String(d.decile), pct(d.share)])},
      }),
      charts.chartCard({
        id: 'categories', title: 'Exposure by category', tall: cats.length > 8,
        config: charts.bars(cats.map(x => x.category), [{label: 'share of exposure', data: cats.map(x => x.share), backgroundColor: '#2f8f6a'}],
          {percent: true, horizontal: true}),
        table: {head: ['Category', 'Share of exposure'], rows: cats.map(x => [x.category, pct(x.share)])},
      })),
    h('p', {class: 'muted small'}, 'Calibration: ' + c.method + '.'));
}
