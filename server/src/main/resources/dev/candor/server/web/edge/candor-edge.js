// Candor on-device recommendations: a plain ES module, no build step, no dependencies.
//
// The model (GET /v1/models/edge) is downloaded once; events stay in this browser (localStorage)
// and recommendations with their explanations are computed here, so no behavioural event leaves
// the device. The arithmetic is the server's item-kNN arithmetic, step for step in IEEE doubles:
//   sim(h, j)  = fround(code × fround(scale))
//   w(h)       = the sum, in event order, of each event's base weight (no time decay); for a
//                rating-scaled type: weight × max(0, value − 3) / 2
//   score(j)   = Σ over history items h in model order of w(h) · sim(h, j), for j not in the history
// Top n positive scores, ties to the item listed first. POST /v1/models/edge/recommendations gives
// the same items, order, scores and evidence for the same events.

export const FORMAT = 'candor-edge-v1';
export const MAX_EVENTS = 200;
const STORAGE_KEY = 'candor.edge.events';

/** Downloads and prepares the model. Sends no events: only the API key, if given. */
export async function loadModel(url, { apiKey, fetch: f = globalThis.fetch.bind(globalThis) } = {}) {
  const res = await f(url, { headers: apiKey ? { Authorization: 'Bearer ' + apiKey } : {}, credentials: 'omit' });
  if (!res.ok) {
    throw new Error('the model could not be loaded (HTTP ' + res.status + ')');
  }
  return prepare(await res.json());
}

/** Turns the model's JSON into lookup tables. */
export function prepare(json) {
  if (!json || json.format !== FORMAT) {
    throw new Error('not a ' + FORMAT + ' model');
  }
  const scale = Math.fround(json.quantization.scale);
  const index = new Map();
  json.items.forEach(([id], p) => index.set(id, p));
  const neighbours = json.neighbours.map((flat) => {
    const n = flat.length / 2;
    const pos = new Int32Array(n);
    const sim = new Float64Array(n);
    const at = new Map();
    for (let t = 0; t < n; t++) {
      pos[t] = flat[2 * t];
      sim[t] = Math.fround(flat[2 * t + 1] * scale);
      at.set(pos[t], sim[t]);
    }
    return { pos, sim, at };
  });
  return { items: json.items, index, neighbours, kinds: json.kinds, trainedAt: json.trained_at, bytes: JSON.stringify(json).length };
}

/** The history the model uses: per item in model order, its summed weight and the verb of its weightiest event. */
export function history(model, events) {
  const weight = new Map();
  const best = new Map();
  for (const e of events.slice(0, MAX_EVENTS)) {
    const p = model.index.get(e.item);
    const type = e.type ?? 'view';
    if (p === undefined || !Object.hasOwn(model.kinds, type)) {
      continue;
    }
    const kind = model.kinds[type];
    const value = e.value ?? 1;
    const w = kind.rating_scale ? kind.weight * Math.max(0, value - 3) / 2 : kind.weight;
    if (!(w > 0)) {
      continue;
    }
    weight.set(p, (weight.get(p) ?? 0) + w);
    const b = best.get(p);
    if (b === undefined || w > b.w) {
      best.set(p, { w, verb: kind.verb });
    }
  }
  return [...weight.keys()].sort((a, b) => a - b).map((p) => ({ pos: p, weight: weight.get(p), verb: best.get(p).verb }));
}

/** Recommends n items for events kept on this device, each with its explanation. */
export function recommend(model, events, n = 10) {
  const h = history(model, events);
  const held = new Set(h.map((x) => x.pos));
  const scores = new Map();
  for (const { pos, weight } of h) {
    const nb = model.neighbours[pos];
    for (let t = 0; t < nb.pos.length; t++) {
      const j = nb.pos[t];
      if (held.has(j)) {
        continue;
      }
      scores.set(j, (scores.get(j) ?? 0) + weight * nb.sim[t]);
    }
  }
  const ranked = [...scores.entries()].filter(([, s]) => s > 0).sort((a, b) => (b[1] - a[1]) || (a[0] - b[0])).slice(0, n);
  return ranked.map(([j]) => explain(model, h, j));
}

function explain(model, h, j) {
  const evidence = [];
  for (const { pos, weight, verb } of h) {
    const s = model.neighbours[pos].at.get(j);
    if (s !== undefined && s !== 0) {
      const [id, title] = model.items[pos];
      evidence.push({ kind: 'item', ref: id, label: title, relation: verb, weight: weight * s });
    }
  }
  let w = 0;
  for (const e of evidence) {
    w += e.weight;
  }
  const [id, title] = model.items[j];
  return { item: id, title, score: 0 + w, reasons: [{ kind: 'because_you_interacted', text: sentence(evidence), weight: w, evidence }] };
}

function join(parts) {
  if (parts.length <= 1) {
    return parts.join('');
  }
  return parts.slice(0, -1).join(', ') + ' and ' + parts[parts.length - 1];
}

/** The server's sentence: the three strongest positive items, grouped by verb. */
function sentence(evidence) {
  const positive = evidence.filter((e) => e.weight > 0 && e.relation !== 'other').sort((a, b) => b.weight - a.weight);
  const top = positive.slice(0, 3);
  const byVerb = new Map();
  for (const e of top) {
    const verb = e.relation === '' ? 'interacted with' : e.relation;
    if (!byVerb.has(verb)) {
      byVerb.set(verb, []);
    }
    byVerb.get(verb).push(e.label);
  }
  const clauses = [...byVerb.entries()].map(([verb, labels]) => verb + ' ' + join(labels));
  const more = positive.length > top.length ? ' (and ' + (positive.length - top.length) + ' more)' : '';
  return 'Because you ' + join(clauses) + more;
}

/** Events kept in this browser only (localStorage), oldest first, at most MAX_EVENTS (the oldest go first). */
export class EventStore {
  constructor(storage = globalThis.localStorage, key = STORAGE_KEY) {
    this.storage = storage;
    this.key = key;
  }

  events() {
    try {
      const v = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  }

  add(item, type = 'view', value = undefined) {
    const e = { item: String(item), type, at: Date.now() };
    if (value !== undefined) {
      e.value = value;
    }
    const all = this.events();
    all.push(e);
    this.storage.setItem(this.key, JSON.stringify(all.slice(-MAX_EVENTS)));
  }

  clear() {
    this.storage.removeItem(this.key);
  }
}
