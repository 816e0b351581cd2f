// Siaga 110 supervisor board: operators by presence, open incidents by priority, units available and committed,
// and the map of incidents and units. Each list comes from its own API, in the user's scope.
import { get } from '/js/api.js';
import { t } from '/js/i18n.js';
import { placeMarker } from '/js/map.js';
import { stationName, typeLabel } from '/js/names.js';

const PRESENCE = ['READY', 'BUSY', 'AWAY', 'OFFLINE'];
const COMMITTED = ['DISPATCHED', 'EN_ROUTE', 'ON_SCENE'];
const PRIORITY_COLOR = { 1: '#ff6b6b', 2: '#ff9f43', 3: '#ffc94d', 4: '#9ad0ff', 5: '#b3c0cc' };

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k === 'class' ? (e.className = v) : e.setAttribute(k, v)));
  children.forEach((c) => e.append(c));
  return e;
}

function count(value, label, { id, cls } = {}) {
  const box = el('div', { class: 'count' + (cls ? ' ' + cls : '') }, el('b', {}, String(value)), el('span', {}, label));
  if (id) box.id = id;
  return box;
}

/** Operators by presence: totals, then a row per station. */
export async function showPresence(stationNames) {
  const operators = await get('/api/operators');
  const totals = Object.fromEntries(PRESENCE.map((p) => [p, 0]));
  const perStation = new Map();
  for (const o of operators) {
    totals[o.presence] = (totals[o.presence] ?? 0) + 1;
    if (!perStation.has(o.station)) perStation.set(o.station, Object.fromEntries(PRESENCE.map((p) => [p, 0])));
    perStation.get(o.station)[o.presence]++;
  }
  const cls = { READY: 'ok', BUSY: 'warn', AWAY: '', OFFLINE: '' };
  document.getElementById('presence-counts').replaceChildren(
    ...PRESENCE.map((p) => count(totals[p], t('status.' + p), { id: 'presence-' + p, cls: cls[p] })));
  const rows = [...perStation.entries()].sort((a, b) => a[1].READY - b[1].READY || a[0].localeCompare(b[0]));
  document.getElementById('presence-rows').replaceChildren(...rows.map(([station, n]) => el('tr', n.READY === 0 ? { class: 'long' } : {},
    el('td', {}, stationNames.get(station) ?? stationName(station)), ...PRESENCE.map((p) => el('td', { class: 'num' }, String(n[p]))))));
  // a position that says READY but whose phone cannot be rung: counted as ready, yet no call reaches it
  const stranded = operators.filter((o) => o.presence === 'READY' && !o.phoneReachable);
  document.getElementById('phone-problems').replaceChildren(...stranded.map((o) => el('li', { class: 'alarm', 'data-operator': o.id },
    `${t('sv.readyWithoutPhone')}: ${o.name} · ${stationNames.get(o.station) ?? stationName(o.station)}`)));
  document.querySelectorAll('#presence-panel thead th[data-presence]').forEach((th) => { th.textContent = t('status.' + th.dataset.presence); });
}

/** Open incidents by priority and units available/committed; both placed on the map. */
export async function showFleet(map, layers) {
  const [incidents, units] = await Promise.all([get('/api/incidents?limit=1000'), get('/api/units')]);
  const byPriority = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  incidents.forEach((i) => { byPriority[i.priority] = (byPriority[i.priority] ?? 0) + 1; });
  document.getElementById('incident-counts').replaceChildren(
    ...Object.entries(byPriority).map(([p, n]) => count(n, 'P' + p, { id: 'incidents-p' + p, cls: n && p <= 2 ? 'p' + p : '' })));
  const available = units.filter((u) => u.status === 'AVAILABLE').length;
  const committed = units.filter((u) => COMMITTED.includes(u.status)).length;
  document.getElementById('unit-counts').replaceChildren(count(available, t('sv.available'), { id: 'units-available', cls: 'ok' }),
    count(committed, t('sv.committed'), { id: 'units-committed', cls: 'warn' }),
    count(units.length - available - committed, t('sv.otherUnits'), { id: 'units-other' }));
  if (!map) return;
  const seen = new Set();
  for (const i of incidents) {
    if (!i.location) continue;
    const key = 'incident:' + i.id;
    seen.add(key);
    placeMarker(map, layers, key, i.location.latitude, i.location.longitude,
      { color: PRIORITY_COLOR[i.priority] ?? '#ff6b6b', label: `P${i.priority} · ${typeLabel(i)} · ${t('incident.' + i.status)}` });
  }
  for (const u of units) {
    if (u.latitude == null) continue;
    const key = 'unit:' + u.id;
    seen.add(key);
    placeMarker(map, layers, key, u.latitude, u.longitude,
      { color: u.status === 'AVAILABLE' ? '#4fd18b' : COMMITTED.includes(u.status) ? '#ffc94d' : '#b3c0cc',
        label: `${u.callSign} · ${t('unit.' + u.status)}` });
  }
  Object.keys(layers).filter((k) => !seen.has(k)).forEach((k) => { layers[k].remove(); delete layers[k]; });
}
