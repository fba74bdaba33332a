// Trust: the trust half of the overview (each bucket's trust metrics, from GET /v1/overview, the
// same monitor as GET /v1/trust/metrics), the self-assessment of this deployment
// (GET /v1/trust/score) and the questionnaire that scores any recommender (GET
// /v1/trust/questionnaire, POST /v1/trust/assess). Every finding is the server's own text.

import {h, fill, busy, unavailable, missingRoute} from './dom.js';
import * as charts from './charts.js';
import {n, pct, when} from './format.js';

const PURPOSES = ['personalization', 'behavioral', 'context', 'community', 'analytics', 'experiments'];

function tile(label, value, hint) {
  return h('div', {class: 'tile'}, h('div', {class: 'label'}, label), h('div', {class: 'value'}, value),
    hint ? h('div', {class: 'hint'}, hint) : null);
}

/** The trust tiles and charts of the overview, beside the business ones. */
export function renderTrustMetrics(o, labels, {tiles, charts: box, note}) {
  const t = o.totals.trust;
  const buckets = o.buckets.map(b => b.trust);
  const latest = [...buckets].reverse().find(b => b) || t;
  note.textContent = 'Opt-outs are consent changes that withdrew a purpose, over people with a recorded choice; complaints are “too personal” and “not interested” answers per item served.'
    + (new Date(o.served_since) > new Date(o.from) ? ' Trust metrics are kept for 30 days.' : '');
  fill(tiles,
    tile('Opt-out rate', pct(t.opt_out_rate, 2), n(t.opt_outs) + ' opt-outs'),
    tile('Complaint rate', pct(t.complaint_rate, 2), n(t.complaints) + ' complaints'),
    tile('Consent to personalization', pct(latest.consent_rate.personalization), 'of ' + n(latest.subjects_with_consent) + ' people with a choice'),
    tile('Explained', pct(t.explanation_coverage), 'items served with a reason'),
    tile('Erasures', n(t.erasures), t.erasure_latency_ms.p50 === null ? 'none in the period'
      : 'median ' + n(t.erasure_latency_ms.p50) + ' ms, p99 ' + n(t.erasure_latency_ms.p99) + ' ms'),
    tile('Dropped for lack of consent', n(t.events_dropped_total), 'events never stored'));
  const val = f => buckets.map(b => (b ? f(b) : null));
  fill(box,
    charts.chartCard({
      id: 'optouts-complaints', title: 'Opt-outs and complaints',
      config: charts.line(labels, [
        {label: 'opt-out rate', data: val(b => b.opt_out_rate)},
        {label: 'complaint rate', data: val(b => b.complaint_rate)}], {percent: true}),
      table: {head: ['Period', 'Opt-outs', 'Opt-out rate', 'Complaints', 'Complaint rate'],
        rows: buckets.map((b, i) => [labels[i], b ? n(b.opt_outs) : '—', b ? pct(b.opt_out_rate, 2) : '—',
          b ? n(b.complaints) : '—', b ? pct(b.complaint_rate, 2) : '—'])},
    }),
    charts.chartCard({
      id: 'consent-rates', title: 'Consent rate by purpose',
      note: 'Share of people with a recorded choice who allow each use, at the end of each period.',
      config: charts.line(labels, PURPOSES.map(p => ({label: p, data: val(b => b.consent_rate[p])})), {percent: true, yMax: 1}),
      table: {head: ['Period', ...PURPOSES], rows: buckets.map((b, i) => [labels[i], ...PURPOSES.map(p => (b ? pct(b.consent_rate[p], 0) : '—'))])},
    }),
    charts.chartCard({
      id: 'dropped', title: 'Events dropped for lack of consent',
      note: 'Privacy by default at work: events of people who did not allow their use are counted, never stored.',
      config: charts.bars(labels, [{label: 'dropped', data: val(b => b.events_dropped_total), backgroundColor: '#4f6b84'}]),
      table: {head: ['Period', 'Dropped', 'Share of all events'],
        rows: buckets.map((b, i) => [labels[i], b ? n(b.events_dropped_total) : '—', b ? pct(b.dropped_share) : '—'])},
    }));
}

// ---- the trust score

const STATUS = {met: ['ok', 'Met'], partial: ['warn', 'Partly'], gap: ['danger', 'Gap']};

function assessmentView(a, idPrefix, title) {
  const names = a.dimensions.map(d => d.name);
  return h('div', {class: 'assessment', id: idPrefix},
    h('div', {class: 'tiles'},
      h('div', {class: 'tile'}, h('div', {class: 'label'}, title), h('div', {class: 'value', id: idPrefix + '-overall'}, a.overall + ' / 100'),
        h('div', {class: 'hint'}, 'mean of nine dimensions'))),
    charts.chartCard({
      id: idPrefix + '-dimensions', title: 'Score by dimension', tall: true,
      config: charts.bars(names, [{label: 'score', data: a.dimensions.map(d => d.score)}], {horizontal: true, yMax: 100}),
      table: {head: ['Dimension', 'Score'], rows: a.dimensions.map(d => [d.name, String(d.score)])},
    }),
    h('div', {class: 'grid'}, a.dimensions.map(d => h('div', {class: 'card dimension', dataset: {dimension: d.dimension}},
      h('h3', {}, d.name + ' · ' + d.score),
      h('ul', {class: 'plain'}, d.findings.map(f => h('li', {class: 'finding'},
        h('span', {class: 'badge ' + (STATUS[f.status] || ['', f.status])[0]}, (STATUS[f.status] || ['', f.status])[1]),
        h('span', {}, f.text, h('br'), h('span', {class: 'muted small'}, f.evidence)))))))));
}

export async function renderTrust(api, el) {
  let score;
  let questionnaire;
  try {
    [score, questionnaire] = await Promise.all([api.get('/v1/trust/score'), api.get('/v1/trust/questionnaire')]);
  } catch (e) {
    if (missingRoute(e)) return unavailable(el, 'The trust calculator');
    throw e;
  }
  const result = h('div', {id: 'assess-result', 'aria-live': 'polite'});
  fill(el,
    h('section', {class: 'card', 'aria-labelledby': 'self-title'},
      h('h2', {id: 'self-title'}, 'This deployment'),
      h('p', {class: 'muted small'}, 'Read from this server’s configuration and the last ' + score.window_days + ' days of live metrics, '
        + when(score.assessed_at) + '. Each finding says what it rests on.'),
      assessmentView(score, 'self', 'Trust score')),
    h('section', {class: 'card', 'aria-labelledby': 'q-title'},
      h('h2', {id: 'q-title'}, 'Score any recommender'),
      h('p', {class: 'muted small'}, 'Answer for the system you want to assess. Unanswered questions earn nothing.'),
      questionnaireForm(api, questionnaire, result),
      result));
}

const answerLabel = v => v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');

function questionnaireForm(api, q, result) {
  const form = h('form', {id: 'questionnaire', novalidate: true},
    q.dimensions.map(d => h('fieldset', {class: 'dimension-questions'},
      h('legend', {}, h('h3', {}, d.name)),
      q.questions.filter(x => x.dimension === d.dimension).map(x => h('fieldset', {class: 'question'},
        h('legend', {}, x.text),
        h('div', {class: 'choices'}, x.answers.map(a => {
          const id = 'q-' + x.id + '-' + a.value;
          return h('span', {class: 'check'},
            h('input', {type: 'radio', name: x.id, id, value: a.value}),
            h('label', {for: id}, answerLabel(a.value)));
        })),
        x.evidence ? h('p', {class: 'muted small'}, 'Why it matters: ' + x.evidence) : null)))),
    h('div', {class: 'actions'},
      h('button', {type: 'submit', class: 'primary', id: 'assess'}, 'Score these answers'),
      h('button', {type: 'button', class: 'quiet', id: 'assess-best', onclick: () => {
        for (const x of q.questions) form.querySelector('input[name="' + x.id + '"][value="' + x.answers[0].value + '"]').checked = true;
      }}, 'Fill in the best answers')));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const answers = {};
    for (const x of q.questions) {
      const chosen = form.querySelector('input[name="' + x.id + '"]:checked');
      if (chosen) answers[x.id] = chosen.value;
    }
    await busy(form.querySelector('#assess'), async () => {
      const a = await api.post('/v1/trust/assess', {answers});
      charts.sweep();
      fill(result, h('h3', {}, 'Result for your answers (' + Object.keys(answers).length + ' of ' + q.questions.length + ' answered)'),
        assessmentView(a, 'assessed', 'Their trust score'));
      result.querySelector('h3').setAttribute('tabindex', '-1');
      result.querySelector('h3').focus();
    });
  });
  return form;
}
