// Small DOM helpers. Text goes in as text nodes only (never as HTML), so nothing the API returns
// can become markup; attributes are set one by one.

/**
 * Creates an element: h('button', {class: 'primary', onclick: f, 'aria-label': 'Remove'}, 'Remove').
 * Keys starting with "on" add listeners; `class`, `text`, `hidden` and `dataset` are handled;
 * everything else becomes an attribute (false/null/undefined skip it). Children may be strings,
 * numbers, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'hidden') el.hidden = Boolean(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'checked' || k === 'disabled' || k === 'value' || k === 'open') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** A horizontal share bar (decorative: the number is always written next to it). */
export function bar(fraction) {
  const inner = h('span');
  const pct = Math.max(0, Math.min(1, Number(fraction) || 0)) * 100;
  inner.style.width = pct.toFixed(1) + '%'; // CSSOM, allowed by the Content-Security-Policy
  return h('span', {class: 'bar', 'aria-hidden': 'true'}, inner);
}

/**
 * Runs an action from a button: disables it while running so it is not sent twice, and gives it
 * back its state afterwards.
 */
export async function busy(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } finally {
    if (button && button.isConnected) button.disabled = false;
  }
}

/** Asks for confirmation in the page's <dialog id="confirm">; resolves true when confirmed. */
export function confirmDialog({title, body, confirm, danger = true}) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  fill(document.getElementById('confirm-body'), ...(Array.isArray(body) ? body : [body]));
  const ok = document.getElementById('confirm-ok');
  ok.textContent = confirm;
  ok.className = danger ? 'danger solid' : 'primary';
  const opener = document.activeElement;
  return new Promise(resolve => {
    const done = value => {
      dialog.removeEventListener('close', onClose);
      ok.removeEventListener('click', onOk);
      if (opener && opener.isConnected) opener.focus();
      resolve(value);
    };
    const onOk = () => { dialog.close('ok'); };
    const onClose = () => done(dialog.returnValue === 'ok');
    dialog.returnValue = '';
    ok.addEventListener('click', onOk);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

/** A panel's "this server does not offer it" state (its route answers 404 NOT_FOUND). */
export function unavailable(el, what) {
  fill(el, h('div', {class: 'card'}, h('p', {class: 'muted'}, what + ' is not available on this server yet.')));
}

/** {@return whether an error means the route does not exist on this server} */
export const missingRoute = e => e && e.status === 404 && e.code === 'NOT_FOUND';
