// Experiments (GET /v1/experiments, GET /v1/experiments/{id}/results): each variant's rates with
// their intervals, the lift over the control, and the trust guardrails, breached or not.

import {h, fill, unavailable, missingRoute} from './dom.js';
import * as charts from './charts.js';
import {n, pct, when} from './format.js';

const BUSINESS = ['ctr', 'conversion'];
const TRUST = ['too_personal', 'not_interested', 'opt_out', 'correction', 'erasure'];
const NAMES = {
  ctr: 'Click-through', conversion: 'Conversion', too_personal: '“Too personal”', not_interested: '“Not interested”',
  opt_out: 'Opt-out', correction: 'Correction', erasure: 'Erasure',
};
const STRATEGIES = {
  hybrid: 'the normal blend', curated: 'curated collections only', hybrid_plus_curated: 'the blend with curated picks',
  non_personal_control: 'the same popular list for everyone',
};

const interval = ci => (ci ? pct(ci[0]) + ' to ' + (ci[1] === null ? '∞' : pct(ci[1])) : '—');

export async function renderExperiments(api, el) {
  let list;
  try {
    list = await api.get('/v1/experiments');
  } catch (e) {
    if (missingRoute(e)) return unavailable(el, 'Experiments');
    throw e;
  }
  if (!list.experiments.length) {
    return fill(el, h('div', {class: 'card'}, h('p', {}, 'No experiments yet. Define one with POST /v1/experiments (see docs/api.md).')));
  }
  const results = await Promise.all(list.experiments.map(e => api.get(e.results)));
  fill(el, list.experiments.map((e, i) => experimentCard(e, results[i])));
}

function experimentCard(e, r) {
  const id = 'exp-' + e.id.replace(/[^A-Za-z0-9_-]/g, '_');
  const names = r.variants.map(v => v.name);
  const status = {running: 'ok', scheduled: 'accent', stopped: ''}[e.status] ?? '';
  return h('section', {class: 'card experiment', id, 'aria-labelledby': id + '-title'},
    h('div', {class: 'rec-head'},
      h('h2', {id: id + '-title'}, e.name),
      h('span', {class: 'badge ' + status}, e.status),
      r.breached ? h('span', {class: 'badge danger'}, 'guardrail breached') : h('span', {class: 'badge ok'}, 'guardrails hold')),
    h('p', {class: 'muted small'}, 'Id ' + e.id + ' · since ' + when(e.start) + (e.stop ? ' · until ' + when(e.stop) : '')
      + ' · surfaces: ' + (e.surfaces.length ? e.surfaces.join(', ') : 'all') + ' · ' + Math.round(r.confidence * 100)
      + ' % intervals; the always-valid ones may be read at any time.'),
    h('ul', {class: 'plain small'}, e.variants.map(v => h('li', {},
      h('strong', {}, v.name), v.name === e.control ? ' (control)' : '', ': ' + (STRATEGIES[v.strategy] || v.strategy)
      + (v.collections.length ? ' (' + v.collections.join(', ') + ')' : '') + ', ' + pct(v.share, 0) + ' of participants'))),
    r.breaches.length ? h('div', {class: 'notice error', role: 'note'}, h('strong', {}, 'Guardrails breached'),
      h('ul', {}, r.breaches.map(b => h('li', {}, NAMES[b.metric] + ' in “' + b.variant + '”: ' + pct(b.rate) + ' against '
        + pct(b.reference) + (b.kind === 'above_control' ? ' in the control' : ' allowed') + ' (always-valid interval '
        + interval(b.always_valid_ci) + ').')))) : null,
    h('div', {class: 'grid'},
      charts.chartCard({
        id: id + '-business', title: 'Clicks and conversions',
        config: charts.bars(BUSINESS.map(m => NAMES[m]), r.variants.map(v => ({label: v.name, data: BUSINESS.map(m => v.metrics[m].rate)})), {percent: true}),
        table: metricTable(r, BUSINESS),
      }),
      charts.chartCard({
        id: id + '-trust', title: 'Trust guardrails',
        note: 'Share of impressions (or of participants, for opt-out, correction and erasure).',
        config: charts.bars(TRUST.map(m => NAMES[m]), r.variants.map(v => ({label: v.name, data: TRUST.map(m => v.metrics[m].rate)})), {percent: true}),
        table: metricTable(r, TRUST),
      })),
    h('h3', {}, 'Against the control'),
    h('div', {class: 'table-scroll'}, liftTable(r)),
    h('p', {class: 'muted small'}, names.length + ' variants · ' + r.variants.map(v => v.name + ': ' + n(v.impressions) + ' impressions, '
      + n(v.participants) + ' participants').join('; ') + '.'));
}

function metricTable(r, metrics) {
  return {
    head: ['Variant', ...metrics.flatMap(m => [NAMES[m], NAMES[m] + ' interval'])],
    rows: r.variants.map(v => [v.name + (v.control ? ' (control)' : ''), ...metrics.flatMap(m => {
      const x = v.metrics[m];
      return [pct(x.rate) + ' (' + n(x.count) + '/' + n(x.trials) + ')', interval(x.ci)];
    })]),
  };
}

function liftTable(r) {
  const rows = r.variants.filter(v => !v.control).flatMap(v => [...BUSINESS, ...TRUST].map(m => {
    const c = v.versus_control[m];
    const sig = c.significant === 'no' ? 'no clear difference' : c.significant === 'higher' ? 'higher' : 'lower';
    const breached = v.breached.includes(m);
    return h('tr', {class: breached ? 'breached' : null},
      h('th', {scope: 'row'}, v.name),
      h('td', {}, NAMES[m]),
      h('td', {class: 'num'}, (c.lift >= 0 ? '+' : '') + (c.lift * 100).toFixed(2) + ' pts'),
      h('td', {class: 'num'}, interval(c.ci)),
      h('td', {class: 'num'}, interval(c.always_valid_ci)),
      h('td', {}, breached ? h('span', {class: 'badge danger'}, 'breached') : sig));
  }));
  return h('table', {class: 'lift'},
    h('caption', {class: 'visually-hidden'}, 'Lift of each variant over the control, by metric'),
    h('thead', {}, h('tr', {}, ['Variant', 'Metric', 'Lift', 'Interval', 'Always-valid interval', 'Verdict'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, rows));
}
