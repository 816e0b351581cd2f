// Siaga 110 staffing planner: operators needed per local hour at each station of the scope, from GET /api/staffing
// (which reads the last whole days of calls). One table per station with calls; the others are named in one line.
// ?station=ID on the page's address plans that station and its subtree instead of the user's own.
import './staffing-words.js';
import { get } from '/js/api.js';
import { t, setLang, lang } from '/js/i18n.js';
import { start, attempt } from '/js/console.js';

const $ = (id) => document.getElementById(id);
const asked = new URLSearchParams(location.search).get('station');
let latest = null;

function number(v, digits = 1) {
  return v == null ? '—' : v.toLocaleString(lang() === 'en' ? 'en' : 'id', { maximumFractionDigits: digits });
}

function percent(v) {
  return v == null ? '—' : `${number(v)} %`;
}

function hours(h) {
  const two = (n) => String(n).padStart(2, '0');
  return `${two(h)}:00–${two((h + 1) % 24)}:00`;
}

function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'id-ID',
    { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function cell(text, cls, title) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  if (title) td.title = title;
  return td;
}

function query(extra) {
  const q = new URLSearchParams({ days: $('days').value, ...extra });
  if (asked) q.set('station', asked);
  return q.toString();
}

function header(cols) {
  const thead = document.createElement('thead');
  const tr = document.createElement('tr');
  cols.forEach(([key, num]) => {
    const th = document.createElement('th');
    th.textContent = t(key);
    if (num) th.className = 'num';
    tr.append(th);
  });
  thead.append(tr);
  return thead;
}

/** What the roster plans in this hour today, red where fewer than the plan recommends. */
function rosteredCell(h, rostered) {
  const planned = rostered ? rostered.planned[h.hour] : null;
  const td = cell(planned == null ? '—' : number(planned, 2), 'num rostered');
  if (planned != null && h.operators != null && planned < h.operators) {
    td.classList.add('short');
    td.title = t('st.rosterShort');
  }
  return td;
}

function row(h, peak, gated, rostered) {
  const tr = document.createElement('tr');
  tr.dataset.hour = h.hour;
  tr.dataset.basis = h.basis;
  tr.append(cell(hours(h.hour)));
  tr.append(cell(number(h.arrivalsPerHour, 2), 'num'));
  if (h.basis === 'NO_CALLS') {
    tr.className = 'none';
    tr.append(cell(t('st.noCalls'), 'note'), cell('0', 'num'), cell('0', 'num'), cell('0', 'num'), cell('0', 'num plan'),
      cell('—', 'num'), cell('—', 'num'), cell('—', 'num'));
    tr.append(rosteredCell(h, rostered));
    if (gated) tr.append(cell('0', 'num gate'));
    return tr;
  }
  if (h.basis === 'NO_HANDLING_TIME') {
    tr.append(cell(t('st.noHandling'), 'note'), cell('—', 'num'), cell(t('st.unknown'), 'num'), cell(t('st.unknown'), 'num'),
      cell(t('st.unknown'), 'num plan'), cell('—', 'num'), cell('—', 'num'), cell('—', 'num'));
    tr.append(rosteredCell(h, rostered));
    if (gated) tr.append(cell(t('st.unknown'), 'num gate'));
    return tr;
  }
  const mean = t('seconds', { n: number(h.meanHandlingSeconds, 0) }) + (h.basis === 'WINDOW_MEAN' ? ' *' : '');
  tr.append(cell(mean, 'num', h.basis === 'WINDOW_MEAN' ? t('st.windowMean') : null));
  tr.append(cell(number(h.offeredLoadErlangs, 3), 'num'));
  tr.append(cell(String(h.operatorsFor10s), 'num'), cell(String(h.operatorsFor20s), 'num'), cell(String(h.operators), 'num plan'));
  tr.append(cell(percent(h.serviceLevel10sPercent), 'num'), cell(percent(h.serviceLevel20sPercent), 'num'), cell(percent(h.occupancyPercent), 'num'));
  tr.append(rosteredCell(h, rostered));
  if (gated) tr.append(cell(gated.operators == null ? t('st.unknown') : String(gated.operators), 'num gate'));
  if (peak != null && h.operators === peak) tr.classList.add('peak');
  return tr;
}

function stationPanel(plan, rostered) {
  const panel = document.createElement('section');
  panel.className = 'panel';
  panel.dataset.station = plan.station;
  const h2 = document.createElement('h2');
  h2.textContent = `${plan.name} (${plan.zone})`;
  const sub = document.createElement('p');
  sub.className = 'sub';
  sub.textContent = t('st.window', { first: day(plan.firstDay), last: day(plan.lastDay), calls: plan.calls,
    peak: plan.peakOperators == null ? t('st.unknown') : plan.peakOperators });
  panel.append(h2, sub);
  if (plan.truncated) {
    const warn = document.createElement('p');
    warn.className = 'sub warn';
    warn.textContent = t('st.truncated', { days: plan.days });
    panel.append(warn);
  }
  const classes = (plan.byClass || []).filter((c) => c.calls > 0);
  if (classes.length) {
    const by = document.createElement('p');
    by.className = 'sub byclass';
    by.textContent = t('st.byClass', { list: classes.map((c) => `${t('st.class.' + c.classification)} ${c.meanHandlingSeconds == null ? '—'
      : t('seconds', { n: number(c.meanHandlingSeconds, 0) })} (${c.calls})`).join(' · ') });
    panel.append(by);
  }
  const gate = plan.withGate;
  if (gate) {
    const g = document.createElement('p');
    g.className = 'sub withgate';
    g.textContent = t('st.withGate', { held: gate.held, genuine: gate.heldGenuine, stopped: number(gate.expectedStopped, 0),
      peak: gate.peakOperators == null ? t('st.unknown') : gate.peakOperators });
    panel.append(g);
  }
  const table = document.createElement('table');
  table.append(header([['st.hour'], ['st.arrivals', true], ['st.handling', true], ['st.load', true], ['st.for10', true], ['st.for20', true],
    ['st.plan', true], ['st.sl10', true], ['st.sl20', true], ['st.occupancy', true], ['st.rostered', true],
    ...(gate ? [['st.gatePlan', true]] : [])]));
  const body = document.createElement('tbody');
  // the busiest hours stand out only where the plan changes through the day
  const sized = plan.hours.filter((h) => h.operators != null && h.basis !== 'NO_CALLS').map((h) => h.operators);
  const peak = sized.length && Math.min(...sized) < plan.peakOperators ? plan.peakOperators : null;
  plan.hours.forEach((h) => body.append(row(h, peak, gate ? gate.hours[h.hour] : null, rostered)));
  table.append(body);
  panel.append(table);
  return panel;
}

function show(s) {
  latest = s;
  const [t10, t20] = s.targets;
  $('intro').textContent = t('st.intro', { t10: number(t10.percent), t20: number(t20.percent), days: s.days, wrap: s.wrapUpSeconds });
  $('gate-note').textContent = t('st.gate', { share: s.gateHangUpSharePercent == null ? '—' : number(s.gateHangUpSharePercent) });
  const busy = s.stations.filter((p) => p.calls > 0);
  const quiet = s.stations.filter((p) => p.calls === 0);
  const rostered = Object.fromEntries((s.rostered || []).map((r) => [r.station, r]));
  $('plans').replaceChildren(...busy.map((p) => stationPanel(p, rostered[p.station])));
  $('quiet').hidden = quiet.length === 0 && busy.length > 0;
  $('quiet').textContent = s.stations.length === 0 ? t('st.none') : t('st.quiet', { names: quiet.map((p) => p.name).join(', ') });
  $('csv').href = `/api/staffing?${query({ format: 'csv' })}`;
}

async function load() {
  show(await get(`/api/staffing?${query({})}`));
}

async function main() {
  await start();
  $('days').addEventListener('change', () => attempt(load).catch(() => {}));
  document.querySelector('[data-lang-switch]').addEventListener('click', () => latest && show(latest));
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    if (e.key.toLowerCase() === 'l') {
      e.preventDefault();
      setLang(lang() === 'id' ? 'en' : 'id');
      if (latest) show(latest);
    }
  });
  await load();
  document.body.dataset.ready = 'true';
}

attempt(main).catch(() => {});
