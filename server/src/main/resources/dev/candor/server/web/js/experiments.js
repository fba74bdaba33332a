// Experiments: definitions, results with intervals, and trust guardrails (GET /v1/experiments,
// GET /v1/experiments/{id}/results).

import {h, fill, unavailable, missingRoute} from './dom.js';

export async function renderExperiments(api, el) {
  let list;
  try {
    list = await api.get('/v1/experiments');
  } catch (e) {
    if (missingRoute(e)) return unavailable(el, 'Experiments');
    throw e;
  }
  fill(el, h('pre', {}, JSON.stringify(list, null, 2)));
}
