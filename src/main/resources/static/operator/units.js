// Siaga 110 operator console: the unit board, kept live by /api/cad/stream. Each unit shows its status (and the duty
// status people set, when silent GPS shows it OFFLINE) and since when (how long, and the time in the station's zone). U puts the keyboard on the board: arrows move, A makes the selected
// unit available, K returning, T out of service (refuelling, end of shift), Enter opens the incident it works on.
import { get, post } from '/js/api.js';
import { t } from '/js/i18n.js';
import { toast } from '/js/console.js';
import { clock, duration, secondsSince } from '/js/time.js';
import { placeMarker } from '/js/map.js';
import { stationName, unitKind, incidentRef, typeLabel } from '/js/names.js';
import { openIncident } from './incidents.js';
import { state, el, navigable, keepSelection, select } from './state.js';

const STATUS_CLASS = { AVAILABLE: 'ok', DISPATCHED: 'warn', EN_ROUTE: 'warn', ON_SCENE: 'alarm', RETURNING: 'ok', OUT_OF_SERVICE: '', OFFLINE: '' };
const ORDER = ['AVAILABLE', 'RETURNING', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE', 'OFFLINE', 'OUT_OF_SERVICE'];
/** The board's letter keys and the status each sets. */
const LETTERS = { a: 'AVAILABLE', k: 'RETURNING', t: 'OUT_OF_SERVICE' };

let onOpenIncident = () => {};

export function initUnits(openIncident) {
  onOpenIncident = openIncident;
  const body = document.getElementById('units');
  body.addEventListener('focus', () => {
    if (!body.dataset.selected) {
      const first = body.querySelector('tr[data-id]');
      if (first) select(body, first.dataset.id);
    }
  });
  navigable(body, (id) => {
    const unit = state.units.get(id);
    if (unit && unit.incident) onOpenIncident(unit.incident);
    else toast(t('op.unit.noincident', { unit: unit ? unit.callSign : id }));
  }, (letter, id) => {
    if (!LETTERS[letter]) return false;
    changeStatus(id, LETTERS[letter]);
    return true;
  });
  // the board's own second hand: it counts whether or not an incident (and its clock) is on the work panel
  setInterval(tickUnits, 1000);
}

export async function reloadUnits() {
  const units = await get('/api/units');
  state.units.clear();
  for (const u of units) state.units.set(u.id, u);
  renderUnits();
}

async function changeStatus(id, status) {
  const unit = state.units.get(id);
  if (!unit) return;
  if (unit.dutyStatus === status) return;
  try {
    await post(`/api/units/${encodeURIComponent(id)}/status`, { status, reason: t('op.unit.byboard') });
    state.units.set(id, await get(`/api/units/${encodeURIComponent(id)}`));
    renderUnits();
    toast(t('op.unit.changed', { unit: unit.callSign, status: t('unit.' + status) }));
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
  }
}

export function renderUnits() {
  const units = [...state.units.values()].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.callSign.localeCompare(b.callSign));
  const body = document.getElementById('units');
  body.replaceChildren(...units.map((u) => el('tr', { dataset: { id: u.id, status: u.status } },
    el('td', {}, el('strong', {}, u.callSign), el('div', { class: 'muted small' }, `${unitKind(u.kind)} · ${stationName(u.station)}`)),
    el('td', {}, el('span', { class: 'badge ' + (STATUS_CLASS[u.status] ?? '') }, t('unit.' + u.status)),
      u.dutyStatus && u.dutyStatus !== u.status ? el('div', { class: 'muted small' }, t('unit.' + u.dutyStatus)) : null),
    el('td', { class: 'num' }, el('span', { dataset: { since: u.statusSince || '' } }, u.statusSince ? duration(secondsSince(u.statusSince)) : ''),
      u.statusSince ? el('div', { class: 'muted small' }, t('op.since.at', { at: clock(u.statusSince) })) : null),
    el('td', {}, u.incident ? incidentLabel(u.incident) : ''),
    el('td', { class: 'num' }, u.lastSeen ? clock(u.lastSeen) : '—'))));
  keepSelection(body);
  for (const u of units) {
    if (u.latitude != null) {
      placeMarker(state.map, state.layers, 'unit:' + u.id, u.latitude, u.longitude,
        { color: u.status === 'AVAILABLE' ? '#4fd18b' : '#ff9f43', label: u.callSign });
    }
  }
}

/** The incident a unit works on, by its type and short reference ("Pencurian #1a2b3c4d"), never its whole id. */
function incidentLabel(id) {
  const i = openIncident(id) || (state.incident && state.incident.id === id ? state.incident : null);
  return i ? `${typeLabel(i)} ${incidentRef(id)}` : incidentRef(id);
}

/** How long each unit has been in its status, counted by this browser between updates. */
export function tickUnits() {
  for (const span of document.querySelectorAll('#units span[data-since]')) {
    if (span.dataset.since) span.textContent = duration(secondsSince(span.dataset.since));
  }
}
