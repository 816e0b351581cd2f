// Siaga 110 roster page: a week grid of shifts per operator position (GET/POST/DELETE /api/stations/{id}/roster),
// the day's planned against READY positions per hour (GET .../roster/hours), and the station's rollout status with
// its go-live checklist (GET /api/stations/{id}/go-live, PUT /api/stations/{id}/status). Times are the station's.
// Keyboard: arrows move in the grid, Enter fills the form for the cell, Delete removes the focused shift, N new shift,
// [ and ] change week, L language. ?station=ID opens that station.
import './roster-words.js';
import { api, get, post, put } from '/js/api.js';
import { t, setLang, lang } from '/js/i18n.js';
import { start, attempt, toast } from '/js/console.js';

const $ = (id) => document.getElementById(id);
let me = null;
let stationId = null;
let weekStart = null;
let roster = null;
let hours = null;
let checklist = null;
let station = null;
let focused = { row: 0, col: 0 };

const locale = () => (lang() === 'en' ? 'en-GB' : 'id-ID');

function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in the station's zone. */
function local(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function today(zone) {
  return local(Date.now(), zone).date;
}

function monday(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

function dayLabel(iso, opts = { weekday: 'short', day: 'numeric', month: 'short' }) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale(), { ...opts, timeZone: 'UTC' });
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function personName(username) {
  const p = roster.people.find((x) => x.username === username);
  return p ? p.name : username;
}

// ---- the week grid ----

function shiftChip(s) {
  const from = local(s.from, roster.zone);
  const to = local(s.to, roster.zone);
  const chip = el('div', 'shift');
  chip.tabIndex = 0;
  chip.dataset.shift = s.id;
  const label = t('ro.remove', { who: personName(s.username), from: from.time, to: to.time });
  chip.setAttribute('aria-label', label);
  const text = el('span');
  text.append(el('strong', null, `${from.time}–${to.time}`), document.createTextNode(' '), el('span', 'who', personName(s.username)));
  const remove = el('button', null, '×');
  remove.type = 'button';
  remove.tabIndex = -1;
  remove.title = label;
  remove.addEventListener('click', () => removeShift(s));
  chip.addEventListener('keydown', (e) => {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      removeShift(s);
    }
  });
  chip.append(text, remove);
  return chip;
}

function renderGrid() {
  const days = [...Array(7).keys()].map((i) => addDays(weekStart, i));
  const now = today(roster.zone);
  $('week-range').textContent = `${dayLabel(days[0], { day: 'numeric', month: 'short' })} – ${dayLabel(days[6], { day: 'numeric', month: 'short', year: 'numeric' })} (${roster.timeZone})`;
  const table = $('grid');
  const head = el('thead');
  const hr = el('tr');
  hr.append(el('th', null, t('ro.position')));
  days.forEach((d) => {
    const th = el('th', d === now ? 'today' : null, dayLabel(d));
    th.scope = 'col';
    hr.append(th);
  });
  head.append(hr);
  const body = el('tbody');
  if (roster.positions.length === 0) {
    const tr = el('tr');
    const td = el('td', 'muted', t('ro.noPositions'));
    td.colSpan = 8;
    tr.append(td);
    body.append(tr);
  }
  roster.positions.forEach((p, row) => {
    const tr = el('tr');
    tr.dataset.position = p.id;
    const th = el('th', null, p.name);
    th.scope = 'row';
    th.append(el('div', 'muted small', p.id));
    tr.append(th);
    days.forEach((d, col) => {
      const td = el('td');
      td.dataset.day = d;
      td.dataset.position = p.id;
      td.tabIndex = row === focused.row && col === focused.col ? 0 : -1;
      const here = roster.shifts.filter((s) => s.position === p.id && local(s.from, roster.zone).date === d);
      here.forEach((s) => td.append(shiftChip(s)));
      td.addEventListener('keydown', (e) => cellKey(e, row, col));
      td.addEventListener('focus', () => { focused = { row, col }; });
      tr.append(td);
    });
    body.append(tr);
  });
  table.replaceChildren(head, body);
}

function cell(row, col) {
  return $('grid').querySelector(`tbody tr:nth-child(${row + 1}) td:nth-of-type(${col + 1})`);
}

function cellKey(e, row, col) {
  if (e.target !== e.currentTarget) return;
  const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  if (moves[e.key]) {
    e.preventDefault();
    const r = Math.max(0, Math.min(roster.positions.length - 1, row + moves[e.key][0]));
    const c = Math.max(0, Math.min(6, col + moves[e.key][1]));
    const next = cell(r, c);
    if (next) {
      e.currentTarget.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  } else if (e.key === 'Enter') {
    e.preventDefault();
    $('position').value = e.currentTarget.dataset.position;
    $('day').value = e.currentTarget.dataset.day;
    const p = roster.positions.find((x) => x.id === e.currentTarget.dataset.position);
    if (p && !$('person').value) $('person').value = p.username;
    $('person').focus();
    $('person').select();
  }
}

function renderForm() {
  $('position').replaceChildren(...roster.positions.map((p) => {
    const o = el('option', null, `${p.name} (${p.id})`);
    o.value = p.id;
    return o;
  }));
  $('people').replaceChildren(...roster.people.map((p) => {
    const o = el('option', null, p.name);
    o.value = p.username;
    return o;
  }));
  if (!$('day').value) $('day').value = today(roster.zone);
}

async function addShift(e) {
  e.preventDefault();
  const day = $('day').value;
  const from = $('from').value;
  const to = $('to').value;
  const end = to <= from ? addDays(day, 1) : day;
  const s = await attempt(() => post(`/api/stations/${stationId}/roster`, { position: $('position').value, username: $('person').value.trim(),
    from: `${day}T${from}`, to: `${end}T${to}` }));
  toast(t('ro.added', { who: personName(s.username), position: s.position }));
  await reload();
}

async function removeShift(s) {
  await attempt(() => api(`/api/stations/${stationId}/roster/${s.id}`, { method: 'DELETE' }));
  toast(t('ro.removed', { who: personName(s.username) }));
  await reload();
  const again = cell(focused.row, focused.col);
  if (again) again.focus();
}

async function copyWeek() {
  const made = await attempt(() => post(`/api/stations/${stationId}/roster/copy`, { from: weekStart, days: 7, to: addDays(weekStart, 7) }));
  toast(t('ro.copied', { n: made.length }));
}

// ---- planned against actual ----

function renderHours() {
  const table = $('hours');
  const head = el('thead');
  const hr = el('tr');
  [['ro.hour'], ['ro.planned', 'num'], ['ro.ready', 'num'], ['ro.state'], [null]].forEach(([k, cls]) => hr.append(el('th', cls, k ? t(k) : '')));
  head.append(hr);
  const body = el('tbody');
  const top = Math.max(1, ...hours.hours.map((h) => Math.max(h.planned, h.ready ?? 0)));
  const number = (v) => (v == null ? '—' : v.toLocaleString(locale(), { maximumFractionDigits: 2 }));
  hours.hours.forEach((h) => {
    const future = h.ready == null;
    const tr = el('tr', h.understaffed ? 'under' : future ? 'future' : null);
    tr.dataset.hour = h.hour;
    const two = (n) => String(n).padStart(2, '0');
    tr.append(el('td', null, `${two(h.hour)}:00–${two((h.hour + 1) % 24)}:00`), el('td', 'num planned', number(h.planned)),
      el('td', 'num ready', number(h.ready)), el('td', 'state', future ? t('ro.future') : h.understaffed ? t('ro.short') : t('ro.ok')));
    const bars = el('div', 'bars');
    const planned = el('span', 'planned');
    planned.style.width = `${(h.planned / top) * 100}%`;
    bars.append(planned);
    if (!future) {
      const ready = el('span', 'ready');
      ready.style.width = `${(h.ready / top) * 100}%`;
      bars.append(ready);
    }
    const td = el('td');
    td.append(bars);
    tr.append(td);
    body.append(tr);
  });
  table.replaceChildren(head, body);
}

// ---- rollout ----

function checkWords(c) {
  switch (c.item) {
    case 'PHONE': return c.met ? t('ro.phoneMet', { names: c.positions.join(', ') }) : t('ro.phoneUnmet');
    case 'ROSTER': {
      if (c.met) return t('ro.rosterMet');
      const at = local(c.gapFrom, roster.zone);
      return t('ro.rosterUnmet', { when: `${dayLabel(at.date)} ${at.time} ${roster.timeZone}` });
    }
    default: return c.met ? t('ro.areaMet') : t('ro.areaUnmet');
  }
}

function renderRollout() {
  $('current-status').textContent = t(`ro.status.${station.status}`);
  $('current-status').dataset.status = station.status;
  $('checklist').replaceChildren(...checklist.checks.map((c) => {
    const li = el('li', c.met ? 'met' : 'unmet');
    li.dataset.item = c.item;
    li.dataset.met = c.met;
    li.append(el('span', 'mark', c.met ? '✓' : '✗'), el('span', null, t(`ro.item.${c.item}`)), el('span', 'detail', checkWords(c)));
    return li;
  }));
  [...$('new-status').options].forEach((o) => { o.textContent = t(`ro.status.${o.value}`); });
  if ($('new-status').value === station.status) $('new-status').value = station.status === 'LIVE' ? 'SUSPENDED' : 'LIVE';
  const admin = me.roles.includes('ADMIN');
  $('status-button').disabled = !admin;
  $('reason').disabled = !admin;
  $('new-status').disabled = !admin;
  $('status-note').textContent = admin ? '' : t('ro.adminOnly');
  $('override-label').hidden = !(admin && !me.station.parent);
}

async function changeStatus(e) {
  e.preventDefault();
  $('refusal').hidden = true;
  const status = $('new-status').value;
  try {
    station = await put(`/api/stations/${stationId}/status`, { status, reason: $('reason').value, override: $('override').checked });
    toast(t('ro.changed', { name: station.name, status: t(`ro.status.${station.status}`) }));
    $('reason').value = '';
    $('override').checked = false;
  } catch (err) {
    if (err.status !== 409) {
      toast(`${t('error')}: ${err.message}`, { error: true });
      return;
    }
    checklist = await get(`/api/stations/${stationId}/go-live`);
    const list = el('ul');
    checklist.checks.filter((c) => !c.met).forEach((c) => list.append(el('li', null, `${t(`ro.item.${c.item}`)}: ${checkWords(c)}`)));
    $('refusal').replaceChildren(el('strong', null, t('ro.refused')), list);
    $('refusal').hidden = false;
  }
  await loadRollout();
}

// ---- loading ----

async function loadRollout() {
  const [detail, check] = await Promise.all([get(`/api/stations/${stationId}`), get(`/api/stations/${stationId}/go-live`)]);
  station = detail.station;
  checklist = check;
  renderRollout();
}

async function loadHours() {
  hours = await get(`/api/stations/${stationId}/roster/hours?day=${$('hours-day').value}`);
  renderHours();
}

async function reload() {
  roster = await get(`/api/stations/${stationId}/roster?from=${weekStart}&days=7`);
  renderGrid();
  renderForm();
  await Promise.all([loadHours(), loadRollout()]);
}

async function openStation(id) {
  stationId = id;
  roster = await get(`/api/stations/${stationId}/roster?days=1`);
  weekStart = monday(roster.from);
  $('hours-day').value = roster.from;
  $('day').value = roster.from;
  focused = { row: 0, col: 0 };
  await reload();
}

function redraw() {
  if (!roster) return;
  renderGrid();
  renderHours();
  renderRollout();
}

async function main() {
  me = await start();
  const stations = await get('/api/stations');
  $('station').replaceChildren(...stations.map((s) => {
    const o = el('option', null, s.name);
    o.value = s.id;
    return o;
  }));
  const asked = new URLSearchParams(location.search).get('station');
  $('station').value = asked && stations.some((s) => s.id === asked) ? asked : me.station.id;
  $('station').addEventListener('change', () => attempt(() => openStation($('station').value)).catch(() => {}));
  $('prev').addEventListener('click', () => { weekStart = addDays(weekStart, -7); attempt(reload).catch(() => {}); });
  $('next').addEventListener('click', () => { weekStart = addDays(weekStart, 7); attempt(reload).catch(() => {}); });
  $('this-week').addEventListener('click', () => { weekStart = monday(today(roster.zone)); attempt(reload).catch(() => {}); });
  $('copy').addEventListener('click', () => copyWeek().catch(() => {}));
  $('add').addEventListener('submit', (e) => addShift(e).catch(() => {}));
  $('hours-day').addEventListener('change', () => attempt(loadHours).catch(() => {}));
  $('status-form').addEventListener('submit', (e) => attempt(() => changeStatus(e)).catch(() => {}));
  document.querySelector('[data-lang-switch]').addEventListener('click', redraw);
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    const key = e.key.toLowerCase();
    if (key === 'l') {
      e.preventDefault();
      setLang(lang() === 'id' ? 'en' : 'id');
      redraw();
    } else if (key === 'n') {
      e.preventDefault();
      $('position').focus();
    } else if (e.key === '[') {
      $('prev').click();
    } else if (e.key === ']') {
      $('next').click();
    }
  });
  await openStation($('station').value);
  document.body.dataset.ready = 'true';
}

attempt(main).catch(() => {});
