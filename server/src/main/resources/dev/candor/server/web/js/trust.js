// Trust: metrics over time for the overview (GET /v1/trust/metrics), the self-assessment
// (GET /v1/trust/score) and the questionnaire (POST /v1/trust/assess).

import {h, fill, unavailable, missingRoute} from './dom.js';

export async function renderTrustMetrics(api, overview, labels, {tiles, charts, note}) {
  let m;
  try {
    m = await api.get('/v1/trust/metrics');
  } catch (e) {
    if (missingRoute(e)) {
      fill(tiles);
      fill(charts);
      note.textContent = 'This server does not report trust metrics yet.';
      return;
    }
    throw e;
  }
  note.textContent = '';
  fill(charts, h('pre', {}, JSON.stringify(m, null, 2).slice(0, 2000)));
}

export async function renderTrust(api, el) {
  let score;
  try {
    score = await api.get('/v1/trust/score');
  } catch (e) {
    if (missingRoute(e)) return unavailable(el, 'The trust calculator');
    throw e;
  }
  fill(el, h('pre', {}, JSON.stringify(score, null, 2)));
}
