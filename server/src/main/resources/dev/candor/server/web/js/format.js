// Formatting for people: dates, relative times, percentages and counts, in the browser's locale.

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const dateOnly = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium'});
const timeOnly = new Intl.DateTimeFormat(undefined, {timeStyle: 'short'});
const relative = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto'});
const count = new Intl.NumberFormat();

export const when = iso => dateTime.format(new Date(iso));
export const day = iso => dateOnly.format(new Date(iso));
export const time = date => timeOnly.format(date);
export const n = x => count.format(x);

/** {@return e.g. "3 days ago", "yesterday", "in 2 hours"} */
export function ago(iso, now = Date.now()) {
  const s = (new Date(iso).getTime() - now) / 1000;
  const abs = Math.abs(s);
  if (abs < 60) return relative.format(Math.round(s), 'second');
  if (abs < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(s / 3600), 'hour');
  if (abs < 86400 * 45) return relative.format(Math.round(s / 86400), 'day');
  if (abs < 86400 * 365) return relative.format(Math.round(s / (86400 * 30)), 'month');
  return relative.format(Math.round(s / (86400 * 365)), 'year');
}

/** {@return a fraction as a percentage, e.g. 0.1234 → "12.3 %"; "—" when absent} */
export function pct(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return (x * 100).toFixed(digits) + ' %';
}
