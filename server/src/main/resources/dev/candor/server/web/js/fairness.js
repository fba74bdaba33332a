// Fairness and exposure (GET /v1/fairness): coverage, Gini, exposure by popularity decile and category.

import {h, fill, unavailable, missingRoute} from './dom.js';

export async function renderFairness(api, el) {
  let f;
  try {
    f = await api.get('/v1/fairness');
  } catch (e) {
    if (missingRoute(e)) return unavailable(el, 'The fairness report');
    throw e;
  }
  fill(el, h('pre', {}, JSON.stringify(f, null, 2)));
}
