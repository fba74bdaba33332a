// The preference center (/me). Opened by a host application as /me#token=<end-user token>: the token
// is taken out of the address bar at once (so it stays out of history, bookmarks and screenshots)
// and kept only in this module's memory. Every sentence about a recommendation is the server's own
// reason text; this page only arranges it.

import {Api} from './api.js';
import {$, h, fill, bar, busy, confirmDialog} from './dom.js';
import {when, ago, pct, time, n} from './format.js';

/** What each purpose switch is called; what it means comes from the server. */
const PURPOSE_LABELS = {
  personalization: 'Personal recommendations',
  behavioral: 'Use what I do',
  context: 'Use my device and time of day',
  community: 'Group statistics',
  analytics: 'Anonymous statistics',
  experiments: 'Experiments',
};

/** The kinds of data a response can rest on (data_used), in plain words. */
const DATA_LABELS = {
  explicit_preferences: 'the interests you told us',
  behavioral: 'what you viewed and bought',
  context: 'your device and time of day',
  community: 'what is popular in large groups like yours',
  popularity: 'what is popular with everyone',
  curated: 'picks by our team',
  session: 'this visit',
};

const VERBS = {
  view: 'Viewed', click: 'Clicked', purchase: 'Bought', add_to_cart: 'Added to cart', rating: 'Rated',
  like: 'Liked', search: 'Searched',
};

const SIGNALS = {
  not_interested: 'Not interested in', too_personal: 'Too personal:', not_me: 'That wasn’t me:', helpful: 'Helpful:',
};

const state = {
  api: null,
  expiresAt: null,
  expiryTimer: null,
  profile: null,
  titles: new Map(),
  allEvents: null,
  receipt: null,
};

// ---- token

function takeToken() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return token && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token) ? token : null;
}

/** {@return the token's expiry (from its payload; the server checks the signature)} */
function expiryOf(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null;
  } catch (e) {
    return null;
  }
}

function expired(reason) {
  state.api = null; // forget the token
  clearTimeout(state.expiryTimer);
  $('#session-note').textContent = '';
  $('#loading').hidden = true;
  $('#app').hidden = true;
  $('#notice').hidden = true;
  $('#gate-title').textContent = reason === 'missing' ? 'This page needs a link from your account' : 'Your link has expired';
  $('#gate-text').textContent = reason === 'missing'
    ? 'Open your privacy settings from the app or website you came from. For your safety the link works for a short time only, and only for you.'
    : 'For your safety these links work for a short time only. Nothing was changed after it expired. Go back to the app or website you came from and open your privacy settings again to continue.';
  $('#gate').hidden = false;
  $('#gate-title').focus?.();
}

// ---- notices

function notify(text, kind = 'ok') {
  const el = $('#notice');
  el.className = 'notice ' + kind;
  el.textContent = text;
  el.hidden = false;
}

function failed(e) {
  if (e.status === 401) return; // handled by expired()
  notify(e.status === 0 ? e.message : 'That did not work: ' + e.message, 'error');
}

// ---- loading

async function loadAll() {
  const [profile, recs] = await Promise.all([state.api.get('/v1/me/profile'), state.api.get('/v1/me/recommendations?n=8')]);
  state.profile = profile;
  renderProfile(profile);
  renderRecommendations(recs);
}

async function reloadRecommendations() {
  renderRecommendations(await state.api.get('/v1/me/recommendations?n=8'));
}

async function reloadProfile() {
  state.profile = await state.api.get('/v1/me/profile');
  state.allEvents = null;
  renderProfile(state.profile);
}

// ---- recommendations

/** Kinds of data (data_used) that are about the person; the rest (popularity, curation) are the same for everyone. */
const PERSONAL_DATA = new Set(['explicit_preferences', 'behavioral', 'context', 'community', 'session']);

function basisSentence(recs) {
  const used = recs.data_used || [];
  const words = used.map(d => DATA_LABELS[d] || d.replace(/_/g, ' '));
  const list = words.length > 1 ? words.slice(0, -1).join(', ') + ' and ' + words[words.length - 1] : words[0] || 'what is popular';
  if (recs.personalization === 'none' || !used.some(d => PERSONAL_DATA.has(d))) {
    return 'These are not personal: everyone sees the same. They are based on ' + list + '.';
  }
  if (!used.includes('behavioral')) {
    return 'Personal, but not from what you do: based on ' + list + '.';
  }
  return 'Personal: based on ' + list + '.';
}

function renderRecommendations(recs) {
  $('#recs-basis').textContent = basisSentence(recs);
  $('#recs').dataset.personalization = recs.personalization;
  $('#recs').dataset.personal = String((recs.data_used || []).some(d => PERSONAL_DATA.has(d)));
  const fb = $('#recs-fallback');
  fb.hidden = !recs.fallback;
  fb.textContent = recs.fallback || '';
  const list = $('#rec-list');
  if (!recs.items.length) {
    fill(list, h('li', {class: 'muted'}, 'Nothing to recommend right now.'));
    return;
  }
  fill(list, recs.items.map((item, i) => recommendation(item, i, recs.request_id)));
}

function recommendation(item, index, requestId) {
  const reasons = [...item.reasons].sort((a, b) => b.weight - a.weight);
  const positive = reasons.filter(r => r.weight > 0).reduce((s, r) => s + r.weight, 0);
  const titleId = 'rec-' + index;
  const why = h('details', {class: 'why-box'},
    h('summary', {'aria-describedby': titleId}, 'Why am I seeing this?'),
    h('div', {class: 'why'},
      h('ol', {}, reasons.map(r => reasonView(r, positive))),
      h('p', {class: 'muted small'}, 'The shares show how much each reason adds to this suggestion.')));
  const actions = h('div', {class: 'actions'},
    feedbackButton(item, 'not_interested', 'Not interested', requestId),
    feedbackButton(item, 'too_personal', 'Too personal', requestId));
  return h('li', {class: 'rec', dataset: {item: item.item}},
    h('div', {class: 'rec-head'},
      h('span', {class: 'rec-title', id: titleId}, item.title || item.item),
      (item.categories || []).map(c => h('span', {class: 'badge'}, c))),
    h('p', {class: 'rec-first-reason'}, reasons.length ? reasons[0].text : ''),
    why, actions);
}

function reasonView(r, positive) {
  const share = positive > 0 && r.weight > 0 ? r.weight / positive : 0;
  const items = r.evidence.filter(e => e.kind === 'item' && e.relation !== 'other' && e.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const top = items.slice(0, 3);
  return h('li', {class: 'reason', dataset: {kind: r.kind}},
    h('span', {class: 'reason-text'}, r.text),
    h('span', {class: 'share'}, bar(share), r.weight > 0 ? pct(share, 0) + ' of why' : 'counts slightly against'),
    top.length ? h('ul', {class: 'evidence'}, top.map(e => h('li', {},
      h('span', {}, capital(e.relation) + ' ', h('strong', {}, e.label),
        h('span', {class: 'muted'}, ' · ' + pct(positive > 0 ? e.weight / positive : 0, 0))),
      h('button', {type: 'button', class: 'link', 'aria-label': 'That wasn’t me: ' + e.label,
        onclick: ev => notMe(ev.currentTarget, e.ref, e.label)}, 'That wasn’t me'))),
      items.length > top.length ? h('li', {class: 'muted'}, 'and ' + (items.length - top.length) + ' more things you did') : null)
      : null);
}

function feedbackButton(item, signal, label, requestId) {
  const name = item.title || item.item;
  return h('button', {type: 'button', class: 'quiet small', 'aria-label': label + ': ' + name,
    onclick: ev => busy(ev.currentTarget, async () => {
      try {
        await state.api.post('/v1/me/feedback', {item: item.item, signal});
        await Promise.all([reloadRecommendations(), reloadProfile()]);
        notify(signal === 'not_interested'
          ? 'Thanks. We will not suggest “' + name + '” again.'
          : 'Thanks. We made your recommendations less personal.');
      } catch (e) { failed(e); }
    })}, label);
}

async function notMe(button, item, label) {
  await busy(button, async () => {
    try {
      await state.api.post('/v1/me/feedback', {item, signal: 'not_me'});
      await Promise.all([reloadRecommendations(), reloadProfile()]);
      notify('Thanks. “' + label + '” no longer counts as one of your interests.');
    } catch (e) { failed(e); }
  });
}

// ---- profile

function renderProfile(p) {
  // re-rendering replaces the controls; a focused one (the switch just operated) gets focus back
  const focused = document.activeElement && document.activeElement.id;
  $('#summary').textContent = p.summary;
  renderPurposes(p.consent);
  renderConsentHistory(p.consent.history);
  renderInterests(p.interests, p.preferences);
  for (const e of p.events.recent) state.titles.set(e.item, e.title);
  renderEvents(p.events.recent, p.events.count);
  renderFeedback(p.feedback);
  renderRetention(p.retention);
  const again = focused && document.getElementById(focused);
  if (again && document.activeElement !== again) again.focus();
}

function renderPurposes(consent) {
  fill($('#purposes'), Object.entries(consent.purposes).map(([purpose, c]) => {
    const id = 'purpose-' + purpose;
    const label = PURPOSE_LABELS[purpose] || purpose;
    const stateText = h('span', {class: 'state', 'aria-hidden': 'true'}, c.granted ? 'On' : 'Off');
    const input = h('input', {type: 'checkbox', role: 'switch', class: 'switch', id, checked: c.granted,
      'aria-describedby': id + '-means', onchange: ev => setPurpose(ev.currentTarget, purpose, label, stateText)});
    return h('li', {},
      input,
      h('div', {class: 'what'},
        h('div', {}, h('label', {for: id}, label), ' ', stateText),
        h('span', {id: id + '-means', class: 'muted small'}, c.what_it_means)));
  }));
}

async function setPurpose(input, purpose, label, stateText) {
  const on = input.checked;
  if (state.saving) { // one change at a time; the switch is not disabled, so it keeps keyboard focus
    input.checked = !on;
    return;
  }
  state.saving = true;
  input.setAttribute('aria-busy', 'true');
  try {
    await state.api.put('/v1/me/consent', {purposes: {[purpose]: on}, source: 'preference-center'});
    stateText.textContent = on ? 'On' : 'Off';
    await Promise.all([reloadRecommendations(), reloadProfile()]);
    notify(label + ' is now ' + (on ? 'on' : 'off') + '. Your recommendations above are updated.');
  } catch (e) {
    input.checked = !on;
    failed(e);
  } finally {
    state.saving = false;
    input.removeAttribute('aria-busy');
  }
}

function renderConsentHistory(history) {
  const rows = [...history].reverse();
  fill($('#consent-history'), rows.length ? rows.map(c => h('li', {},
    h('span', {class: 'main'}, (PURPOSE_LABELS[c.purpose] || c.purpose) + ': ' + (c.granted ? 'allowed' : 'not allowed')),
    h('span', {class: 'sub'}, when(c.at) + (c.source ? ' · via ' + c.source : ''))))
    : h('li', {class: 'muted'}, 'You have not made any choices yet, so none of these uses are allowed.'));
}

function renderInterests(interests, prefs) {
  const list = $('#interests');
  if (!interests.length) {
    fill(list, h('li', {class: 'muted'}, 'We have not inferred any interests.'));
  } else {
    fill(list, interests.map(i => h('li', {class: 'interest', dataset: {category: i.category}},
      h('div', {class: 'interest-head'},
        h('span', {class: 'interest-name'}, i.category),
        i.stated ? h('span', {class: 'badge accent'}, 'you told us') : null,
        i.evidence.length ? h('span', {class: 'share'}, bar(i.share), pct(i.share, 0) + ' of your activity') : null,
        h('button', {type: 'button', class: 'quiet small', 'aria-label': 'Remove interest: ' + i.category,
          onclick: ev => removeInterest(ev.currentTarget, i.category)}, 'Remove')),
      i.evidence.length ? h('details', {},
        h('summary', {}, 'Based on ' + i.evidence.length + (i.evidence.length === 1 ? ' thing you did' : ' things you did'),
          h('span', {class: 'visually-hidden'}, ' (' + i.category + ')')),
        h('ul', {class: 'evidence'}, i.evidence.map(e => h('li', {},
          (VERBS[e.type] || e.type) + ' ', h('strong', {}, e.title || e.item), h('span', {class: 'muted'}, ' · ' + ago(e.at))))))
        : h('p', {class: 'muted small'}, 'Only because you told us.'))));
  }
  const hidden = prefs.hidden_interests || [];
  $('#hidden-interests-box').hidden = hidden.length === 0;
  fill($('#hidden-interests'), hidden.map(c => h('li', {},
    h('span', {class: 'main'}, c),
    h('button', {type: 'button', class: 'quiet small', 'aria-label': 'Allow again: ' + c,
      onclick: ev => allowInterest(ev.currentTarget, c)}, 'Allow again'))));
}

async function removeInterest(button, category) {
  await busy(button, async () => {
    try {
      await state.api.del('/v1/me/interests/' + encodeURIComponent(category));
      await Promise.all([reloadRecommendations(), reloadProfile()]);
      notify('Removed “' + category + '”. We will not infer it from your activity again.');
      $('#interests-title').focus?.();
    } catch (e) { failed(e); }
  });
}

async function allowInterest(button, category) {
  await busy(button, async () => {
    try {
      const p = state.profile.preferences;
      await state.api.put('/v1/me/preferences', {
        liked_categories: p.liked_categories, disliked_categories: p.disliked_categories, intensity: p.intensity,
        sensitive_opt_in: p.sensitive_opt_in, hidden_interests: p.hidden_interests.filter(c => c !== category)});
      await Promise.all([reloadRecommendations(), reloadProfile()]);
      notify('We may infer “' + category + '” from your activity again.');
    } catch (e) { failed(e); }
  });
}

function eventRow(e) {
  const title = e.title || e.item;
  const what = (VERBS[e.type] || e.type) + ' ' + title;
  return h('li', {dataset: {event: String(e.id)}},
    h('span', {class: 'main'}, (VERBS[e.type] || e.type) + ' ', h('strong', {}, title),
      e.text ? h('span', {class: 'muted'}, ' “' + e.text + '”') : null,
      h('span', {class: 'sub'}, ' · ' + ago(e.at))),
    h('button', {type: 'button', class: 'quiet small', 'aria-label': 'That wasn’t me: ' + what,
      onclick: ev => notMe(ev.currentTarget, e.item, title)}, 'That wasn’t me'),
    h('button', {type: 'button', class: 'danger small', 'aria-label': 'Delete: ' + what + ', ' + when(e.at),
      onclick: ev => deleteEvent(ev.currentTarget, e.id)}, 'Delete'));
}

function renderEvents(recent, count) {
  const shown = state.allEvents || recent;
  $('#events-summary').textContent = count === 0 ? 'We hold no activity of yours.'
    : 'We hold ' + n(count) + (count === 1 ? ' thing you did' : ' things you did') + '. '
      + (shown.length < count ? 'The latest ' + shown.length + ' are shown.' : '');
  fill($('#events'), shown.map(eventRow));
  $('#more-events').hidden = shown.length >= count;
  $('#delete-history').hidden = count === 0;
}

async function showAllEvents(button) {
  await busy(button, async () => {
    try {
      const all = [];
      let cursor = null;
      do {
        const page = await state.api.get('/v1/me/events?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
        all.push(...page.events);
        cursor = page.next;
      } while (cursor && all.length < 20000);
      state.allEvents = all.reverse();
      renderEvents(state.profile.events.recent, state.profile.events.count);
    } catch (e) { failed(e); }
  });
}

async function deleteEvent(button, id) {
  await busy(button, async () => {
    try {
      await state.api.del('/v1/me/events/' + encodeURIComponent(id));
      await Promise.all([reloadRecommendations(), reloadProfile()]);
      notify('Deleted. It no longer shapes your recommendations.');
      $('#events-title').focus?.();
    } catch (e) { failed(e); }
  });
}

async function deleteHistory(button) {
  const ok = await confirmDialog({
    title: 'Delete all your activity?',
    body: h('p', {}, 'Everything you viewed, clicked and bought is deleted for good and stops shaping your recommendations. Your choices and the interests you told us stay.'),
    confirm: 'Delete all activity',
  });
  if (!ok) return;
  await busy(button, async () => {
    try {
      const r = await state.api.del('/v1/me/events');
      await Promise.all([reloadRecommendations(), reloadProfile()]);
      notify('Deleted ' + n(r.deleted) + (r.deleted === 1 ? ' event.' : ' events.'));
    } catch (e) { failed(e); }
  });
}

function renderFeedback(feedback) {
  fill($('#feedback'), feedback.length ? [...feedback].reverse().map(f => h('li', {},
    h('span', {class: 'main'}, (SIGNALS[f.signal] || f.signal) + ' ', h('strong', {}, state.titles.get(f.item) || f.item)),
    h('span', {class: 'sub'}, ago(f.at)))) : h('li', {class: 'muted'}, 'Nothing yet.'));
}

function renderRetention(retention) {
  const names = {
    add_to_cart: 'Added to cart', click: 'Clicks', search: 'Searches', view: 'Views', 'other events': 'Other activity',
    consent_history: 'Your choices',
  };
  fill($('#retention'), Object.entries(retention).flatMap(([k, v]) => [h('dt', {}, names[k] || k), h('dd', {}, capital(v))]));
}

// ---- download and erase

async function download(button) {
  await busy(button, async () => {
    try {
      const doc = await state.api.download('/v1/me/export', 'my-data.json');
      notify('Downloaded my-data.json: ' + n(doc.events.length) + ' events, your choices, interests and feedback.');
    } catch (e) { failed(e); }
  });
}

async function erase(button) {
  const ok = await confirmDialog({
    title: 'Erase your account?',
    body: [h('p', {}, 'This deletes your activity, interests, choices and feedback, and our models forget what they learned from you. It cannot be undone.'),
      h('p', {}, 'You may want to download your data first.')],
    confirm: 'Erase everything',
  });
  if (!ok) return;
  await busy(button, async () => {
    try {
      const receipt = await state.api.del('/v1/me');
      state.api = null; // the account is gone; forget the token
      clearTimeout(state.expiryTimer);
      showReceipt(receipt);
    } catch (e) { failed(e); }
  });
}

function showReceipt(r) {
  state.receipt = r;
  $('#app').hidden = true;
  $('#notice').hidden = true;
  $('#session-note').textContent = '';
  const removed = Object.entries(r.removed || {}).map(([k, v]) => n(v) + ' ' + k.replace(/_/g, ' ')).join(', ');
  fill($('#receipt'),
    h('dt', {}, 'Receipt'), h('dd', {class: 'mono'}, r.receipt_id),
    h('dt', {}, 'Asked'), h('dd', {}, when(r.requested_at)),
    h('dt', {}, 'Done'), h('dd', {}, when(r.completed_at) + ' (' + n(r.duration_ms) + ' ms)'),
    h('dt', {}, 'Deleted'), h('dd', {}, removed || 'nothing was held'),
    h('dt', {}, 'Models'), h('dd', {}, (r.models || []).map(m => m.model + ': ' + m.method).join('; ')),
    h('dt', {}, 'Fingerprint'), h('dd', {class: 'mono'}, r.hash));
  $('#erased').hidden = false;
  $('#erased').focus();
}

// ---- helpers

function capital(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * Shows until when the link works and ends the session at that time, measured by the server's clock
 * (from the Date of its last answer), so that a device whose clock is off neither cuts the session
 * short nor keeps a dead link open.
 */
function watchExpiry() {
  if (!state.expiresAt) return;
  $('#session-note').textContent = 'This link works until ' + time(state.expiresAt);
  const serverNow = state.api.serverDate ? state.api.serverDate.getTime() : Date.now();
  const ms = state.expiresAt.getTime() - serverNow;
  clearTimeout(state.expiryTimer);
  state.expiryTimer = setTimeout(() => expired('expired'), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
}

// ---- start

async function start() {
  const token = takeToken();
  $('#delete-history').addEventListener('click', ev => deleteHistory(ev.currentTarget));
  $('#more-events').addEventListener('click', ev => showAllEvents(ev.currentTarget));
  $('#download').addEventListener('click', ev => download(ev.currentTarget));
  $('#erase').addEventListener('click', ev => erase(ev.currentTarget));
  $('#download-receipt').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(state.receipt, null, 2) + '\n'], {type: 'application/json'}));
    const a = h('a', {href: url, download: 'erasure-receipt.json', hidden: true});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  if (!token) {
    expired('missing');
    return;
  }
  state.api = new Api(token, () => expired('expired'));
  state.expiresAt = expiryOf(token); // shown and watched; the server decides (this device's clock may be off)
  try {
    await loadAll();
    $('#loading').hidden = true;
    $('#app').hidden = false;
    watchExpiry();
  } catch (e) {
    if (e.status !== 401) {
      $('#loading').hidden = true;
      notify('We could not load your data: ' + e.message, 'error');
    }
  }
}

start();
