// The operator console (/). Signs in with an admin or analyst API key, kept in this tab's
// sessionStorage at most (never localStorage or cookies). A link of the form /#key=<key> (printed by
// `candor demo`) signs in and takes the key out of the address bar at once.

import {Api} from './api.js';
import {$, h, fill, bar, busy} from './dom.js';
import * as charts from './charts.js';
import {when, n, pct} from './format.js';
import {renderExperiments} from './experiments.js';
import {renderFairness} from './fairness.js';
import {renderTrust, renderTrustMetrics} from './trust.js';

const STORAGE_KEY = 'candor.console.key';
const VIEWS = ['overview', 'experiments', 'fairness', 'analytics', 'audit', 'trust'];
const AUDIT_PAGE = 50;

const state = {api: null, view: null, audit: {first: null}, dpRuns: []};

// ---- sign-in

function takeKeyFromUrl() {
  const m = /(?:^#|&)key=([A-Za-z0-9_]+)/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search + '#overview');
  return m[1];
}

function showSignIn(message) {
  state.api = null;
  $('#app').hidden = true;
  $('#signout').hidden = true;
  $('#who').textContent = '';
  $('#signin').hidden = false;
  $('#key-error').textContent = message || '';
  $('#key').value = '';
  $('#key').setAttribute('aria-invalid', message ? 'true' : 'false');
  $('#key').focus();
}

async function signIn(key, remember) {
  const api = new Api(key, () => signOut('Your key is no longer accepted. Sign in again.'));
  try {
    await api.get('/v1/overview?days=1');
  } catch (e) {
    sessionStorage.removeItem(STORAGE_KEY);
    if (e.status === 401) return showSignIn('That key is not valid. Check it and try again.');
    if (e.status === 403) return showSignIn('That key works, but it has neither the admin nor the analyst scope.');
    return showSignIn('Could not check the key: ' + e.message);
  }
  state.api = api;
  if (remember) sessionStorage.setItem(STORAGE_KEY, key);
  else sessionStorage.removeItem(STORAGE_KEY);
  $('#signin').hidden = true;
  $('#app').hidden = false;
  $('#signout').hidden = false;
  $('#who').textContent = 'Signed in with key …' + key.slice(-4);
  await route();
}

function signOut(message) {
  sessionStorage.removeItem(STORAGE_KEY);
  charts.sweep();
  showSignIn(message);
  if (message) notify(message, 'warn');
  else $('#notice').hidden = true;
}

// ---- notices

function notify(text, kind = 'ok') {
  const el = $('#notice');
  el.className = 'notice ' + kind;
  el.textContent = text;
  el.hidden = false;
}

function failed(e) {
  if (e.status === 401) return;
  notify('That did not work: ' + e.message, 'error');
}

// ---- routing

async function route() {
  if (!state.api) return;
  const name = location.hash.replace(/^#/, '');
  const view = VIEWS.includes(name) ? name : 'overview';
  for (const a of document.querySelectorAll('#tabs a')) {
    if (a.getAttribute('href') === '#' + view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const s of document.querySelectorAll('.view')) s.hidden = s.dataset.view !== view;
  const changed = state.view !== view;
  state.view = view;
  charts.sweep();
  try {
    if (view === 'overview') await renderOverview();
    else if (view === 'experiments') await renderExperiments(state.api, $('#experiments-body'));
    else if (view === 'fairness') await renderFairness(state.api, $('#fairness-body'));
    else if (view === 'analytics') await renderBudget();
    else if (view === 'audit') await renderAudit();
    else if (view === 'trust') await renderTrust(state.api, $('#trust-body'));
  } catch (e) {
    failed(e);
  }
  if (changed) $('#view-' + view + ' h1').focus?.();
}

// ---- overview

function bucketLabels(o) {
  const hourly = o.bucket === 'hour';
  const f = hourly ? new Intl.DateTimeFormat(undefined, {weekday: 'short', hour: '2-digit', minute: '2-digit'})
    : new Intl.DateTimeFormat(undefined, {month: 'short', day: 'numeric', timeZone: 'UTC'});
  return o.buckets.map(b => f.format(new Date(b.start)));
}

async function renderOverview() {
  const period = $('#period').value;
  const o = await state.api.get('/v1/overview?' + period);
  const labels = bucketLabels(o);
  const t = o.totals;
  const since = new Date(o.served_since);
  const sinceStart = since > new Date(o.from);
  $('#overview-note').textContent = (o.bucket === 'day' ? 'Days are UTC. ' : '')
    + (sinceStart ? 'Recommendations are counted since this server started, ' + when(o.served_since) + '. ' : '')
    + 'Click-through rate: ' + o.ctr_definition + '.';
  fill($('#business-tiles'),
    tile('Events stored', n(t.events), 'views, clicks, purchases…'),
    tile('Recommendations served', n(t.responses), n(t.items_served) + ' items in them'),
    tile('Clicks', n(t.clicks), 'click events in the period'),
    tile('Click-through rate', pct(t.ctr), 'clicks per item served'));
  const types = [...new Set(o.buckets.flatMap(b => Object.keys(b.events)))].sort();
  const served = o.buckets.map(b => b.responses);
  fill($('#business-charts'),
    charts.chartCard({
      id: 'events-by-type', title: 'Events by type',
      config: charts.bars(labels, types.map(ty => ({label: ty, data: o.buckets.map(b => b.events[ty] || 0)})), {stacked: true}),
      table: {head: ['Period', ...types, 'All'], rows: o.buckets.map((b, i) => [labels[i], ...types.map(ty => n(b.events[ty] || 0)), n(b.events_total)])},
    }),
    charts.chartCard({
      id: 'recommendations-served', title: 'Recommendations served',
      config: charts.bars(labels, [{label: 'responses', data: served}]),
      table: {head: ['Period', 'Responses', 'Items served'], rows: o.buckets.map((b, i) => [labels[i], num(b.responses), num(b.items_served)])},
    }),
    charts.chartCard({
      id: 'ctr', title: 'Click-through rate',
      config: charts.line(labels, [{label: 'clicks per item served', data: o.buckets.map(b => b.ctr)}], {percent: true}),
      table: {head: ['Period', 'Clicks', 'Items served', 'CTR'], rows: o.buckets.map((b, i) => [labels[i], n(b.clicks), num(b.items_served), pct(b.ctr)])},
    }));
  renderTrustMetrics(o, labels, {tiles: $('#trust-tiles'), charts: $('#trust-charts'), note: $('#trust-note')});
}

const num = x => (x === null || x === undefined ? '—' : n(x));

function tile(label, value, hint) {
  return h('div', {class: 'tile'}, h('div', {class: 'label'}, label), h('div', {class: 'value'}, value),
    hint ? h('div', {class: 'hint'}, hint) : null);
}

// ---- private analytics

async function renderBudget(budget) {
  const b = budget || await state.api.get('/v1/analytics/budget');
  const spent = b.total - b.remaining;
  fill($('#budget'),
    h('p', {class: 'lede'}, h('strong', {id: 'budget-remaining'}, fmtEps(b.remaining)), ' of ' + fmtEps(b.total) + ' left'),
    h('div', {class: 'share'}, bar(b.total > 0 ? b.remaining / b.total : 0), pct(b.total > 0 ? b.remaining / b.total : 0, 0) + ' remaining'),
    h('p', {class: 'muted small'}, 'Spent so far: ' + fmtEps(spent) + ' on data set “' + b.dataset + '”. The budget belongs to your key and is never refilled.'));
  $('#dp-run').disabled = b.remaining < 0.01;
}

const fmtEps = e => 'ε ' + (Math.round(e * 100) / 100).toString();

async function runDp(ev) {
  ev.preventDefault();
  const q = $('#dp-query').value;
  const epsilon = Number($('#dp-epsilon').value);
  const k = Number($('#dp-k').value);
  if (!(epsilon >= 0.01 && epsilon <= 10)) {
    notify('ε must be between 0.01 and 10.', 'error');
    $('#dp-epsilon').focus();
    return;
  }
  await busy($('#dp-run'), async () => {
    try {
      const path = '/v1/analytics/' + q + '?epsilon=' + encodeURIComponent(epsilon) + (q === 'top-items' ? '&k=' + encodeURIComponent(k) : '');
      const r = await state.api.get(path);
      const rows = r.top_items || r.categories || [];
      state.dpRuns.unshift({q, r, rows, at: new Date()});
      notify('Answered. It cost ' + fmtEps(r.epsilon) + '; ' + fmtEps(r.budget.remaining) + ' left.');
      renderDpResults();
      await renderBudget({dataset: r.budget.dataset, total: r.budget.total, remaining: r.budget.remaining});
    } catch (e) {
      if (e.code === 'PRIVACY_BUDGET_EXHAUSTED') notify('Not answered: ' + e.message, 'warn');
      else failed(e);
      await renderBudget().catch(() => {});
    }
  });
}

function renderDpResults() {
  fill($('#dp-results'), state.dpRuns.map((run, i) => {
    const title = (run.q === 'top-items' ? 'Most popular items' : 'People per category') + ' · ' + fmtEps(run.r.epsilon)
      + ' · ' + run.at.toLocaleTimeString();
    const labels = run.rows.map(x => x.label || x.key);
    return charts.chartCard({
      id: 'dp-run-' + (state.dpRuns.length - i), title, tall: run.rows.length > 8,
      note: 'Noisy counts of distinct people with 95 % intervals. ' + capital(run.r.mechanism) + '.',
      config: charts.bars(labels, [
        {label: '95 % interval', data: run.rows.map(x => x.ci95), backgroundColor: '#c9d8ee', grouped: false, order: 2},
        {label: 'noisy count', data: run.rows.map(x => x.count), backgroundColor: '#1f5fa8', grouped: false, order: 1, barPercentage: 0.4},
      ], {horizontal: true}),
      table: {head: ['', 'Noisy count', '95 % interval'], rows: run.rows.map(x => [x.label || x.key, n(x.count), n(x.ci95[0]) + ' – ' + n(x.ci95[1])])},
    });
  }));
}

// ---- audit

async function renderAudit() {
  const v = await verify();
  const after = Math.max(0, v.entries - AUDIT_PAGE);
  state.audit.first = after;
  const page = await state.api.get('/v1/audit?limit=' + AUDIT_PAGE + '&cursor=' + after);
  state.audit.rows = page.entries.reverse();
  drawAudit(v.entries);
}

async function earlierAudit(button) {
  await busy(button, async () => {
    const after = Math.max(0, state.audit.first - AUDIT_PAGE);
    const limit = state.audit.first - after;
    const page = await state.api.get('/v1/audit?limit=' + limit + '&cursor=' + after);
    state.audit.first = after;
    state.audit.rows.push(...page.entries.reverse());
    drawAudit(state.audit.total);
  });
}

function drawAudit(total) {
  state.audit.total = total;
  const rows = state.audit.rows;
  $('#audit-range').textContent = total === 0 ? 'The log is empty.'
    : 'Newest first: showing ' + n(rows.length) + ' of ' + n(total) + ' entries.';
  fill($('#audit-table'), h('table', {},
    h('caption', {class: 'visually-hidden'}, 'Audit log entries, newest first'),
    h('thead', {}, h('tr', {}, ['#', 'When', 'Who', 'What', 'Details', 'Fingerprint'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, rows.map(e => h('tr', {},
      h('td', {class: 'num'}, String(e.seq)),
      h('td', {}, when(e.at)),
      h('td', {class: 'mono'}, e.actor),
      h('td', {}, e.action, e.subject_ref ? h('span', {class: 'muted small'}, ' · about one person') : null),
      h('td', {class: 'small'}, Object.entries(e.details || {}).map(([k, v]) => k + ': ' + v).join(', ')),
      h('td', {class: 'mono small nowrap', title: e.hash}, e.hash.slice(0, 12) + '…'))))));
  $('#audit-earlier').hidden = state.audit.first <= 0;
}

async function verify(button) {
  return busy(button, async () => {
    const v = await state.api.get('/v1/audit/verify');
    fill($('#verify-result'), v.valid
      ? h('span', {class: 'verify-ok'}, '✓ The chain is intact: ' + n(v.entries) + ' entries. ',
        h('span', {class: 'muted small mono'}, 'Head ' + v.head))
      : h('span', {class: 'verify-bad'}, '✗ The chain is broken at entry ' + v.first_invalid_seq + ': ' + v.reason));
    return v;
  });
}

function capital(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

// ---- start

async function start() {
  $('#signin-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const key = $('#key').value.trim();
    if (!key) {
      $('#key-error').textContent = 'Enter an API key.';
      $('#key').setAttribute('aria-invalid', 'true');
      $('#key').focus();
      return;
    }
    signIn(key, $('#remember').checked);
  });
  $('#signout').addEventListener('click', () => signOut());
  $('#period').addEventListener('change', () => renderOverview().catch(failed));
  $('#verify').addEventListener('click', ev => verify(ev.currentTarget).catch(failed));
  $('#audit-earlier').addEventListener('click', ev => earlierAudit(ev.currentTarget).catch(failed));
  $('#dp-form').addEventListener('submit', runDp);
  $('#dp-query').addEventListener('change', () => { $('#dp-k-field').hidden = $('#dp-query').value !== 'top-items'; });
  window.addEventListener('hashchange', () => route());
  const fromUrl = takeKeyFromUrl();
  const key = fromUrl || sessionStorage.getItem(STORAGE_KEY);
  if (key) await signIn(key, true);
  else showSignIn();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
