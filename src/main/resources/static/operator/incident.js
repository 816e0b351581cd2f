// Siaga 110 operator console: the incident on the work panel (its clock against the 10-minute target, the
// recommended units with ETA, dispatch with one key, the assignments) and the unit board, both kept live by
// /api/cad/stream.
import { get, post } from '/js/api.js';
import { t } from '/js/i18n.js';
import { toast } from '/js/console.js';
import { clock, duration, secondsSince } from '/js/time.js';
import { placeMarker } from '/js/map.js';
import { state, el, seconds, navigable, select } from './state.js';

const STATUS_CLASS = { AVAILABLE: 'ok', DISPATCHED: 'warn', EN_ROUTE: 'warn', ON_SCENE: 'alarm', RETURNING: 'ok', OUT_OF_SERVICE: '', OFFLINE: '' };
let refreshTimer = null;

export function initIncident() {
  navigable(document.getElementById('recommend'), (unitId) => dispatch(unitId));
  setInterval(tick, 1000);
}

/** Shows an incident (detail from the API) with its clock, recommendation and assignments; focus goes to the units. */
export async function showIncident(detail, { focus = true } = {}) {
  state.incident = detail;
  document.getElementById('incident-none').hidden = true;
  document.getElementById('incident-body').hidden = false;
  renderTitle();
  if (detail.location) {
    placeMarker(state.map, state.layers, 'incident', detail.location.latitude, detail.location.longitude,
      { radius: detail.location.uncertaintyMeters || undefined, color: '#4db2ff', label: detail.id });
  }
  await refresh();
  if (focus) {
    const list = document.getElementById('recommend');
    list.focus();
    const first = list.querySelector('li[data-id]');
    if (first && !list.dataset.selected) select(list, first.dataset.id);
  }
}

function renderTitle() {
  const i = state.incident;
  document.getElementById('incident-title').replaceChildren(el('span', { class: 'p' + i.priority }, `P${i.priority}`), ' ',
    `${i.typeLabel} · ${i.id} · `, el('span', { class: 'badge' }, t('incident.' + i.status)), i.address ? ` · ${i.address}` : '');
}

async function refresh() {
  const id = state.incident.id;
  const [rec, assignments, clk] = await Promise.all([
    get(`/api/incidents/${id}/recommendation`).catch((e) => ({ error: e.message })),
    get(`/api/incidents/${id}/assignments`), get(`/api/incidents/${id}/clock`)]);
  if (!state.incident || state.incident.id !== id) return;
  state.clock = clk;
  renderRecommendation(rec);
  renderAssignments(assignments);
  tick();
}

function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => state.incident && refresh().catch(() => {}), 200);
}

function renderRecommendation(rec) {
  const list = document.getElementById('recommend');
  const stale = document.getElementById('stale');
  if (rec.error) {
    list.replaceChildren(el('li', { class: 'alarm' }, `${t('error')}: ${rec.error}`));
    stale.textContent = '';
    return;
  }
  list.replaceChildren(...(rec.units.length ? rec.units.map((u) => el('li', { dataset: { id: u.unitId } },
    el('strong', {}, u.callSign), ` · ${u.kind} · `, t('op.km', { km: (u.distanceMeters / 1000).toFixed(1) }), ' · ',
    el('strong', { class: 'ok' }, t('op.eta', { eta: duration(seconds(u.eta)) })), ' ',
    el('button', { type: 'button', class: 'ok', tabindex: '-1', onclick: () => dispatch(u.unitId) }, t('op.dispatch'))))
    : [el('li', { class: 'muted' }, t('op.recommend.none'))]));
  const selected = list.dataset.selected;
  select(list, rec.units.some((u) => u.unitId === selected) ? selected : (rec.units[0] ? rec.units[0].unitId : null));
  stale.textContent = rec.withoutFreshFix.length
    ? `${t('op.stale')} ${rec.withoutFreshFix.map((s) => s.callSign).join(', ')}` : '';
}

function renderAssignments(assignments) {
  document.getElementById('assignments').replaceChildren(...assignments.map((a) => {
    const unit = state.units.get(a.unitId);
    return el('li', {}, el('strong', {}, unit ? unit.callSign : a.unitId), ' · ',
      el('span', { class: 'badge ' + (a.state === 'ALERTED' ? 'warn' : a.state === 'CANCELLED' ? '' : 'ok') }, t('op.assign.' + a.state)),
      ` · ${clock(a.assignedAt)}`, a.etaAtAssignment ? ` · ${t('op.eta', { eta: duration(seconds(a.etaAtAssignment)) })}` : '');
  }));
}

async function dispatch(unitId) {
  if (!state.incident) return;
  try {
    await post(`/api/incidents/${state.incident.id}/assignments`, { unit: unitId });
    const unit = state.units.get(unitId);
    toast(t('op.dispatched', { unit: unit ? unit.callSign : unitId }));
    await refresh();
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
  }
}

/** The clock, counted by this browser between the server's updates. */
function tick() {
  const c = state.clock;
  const box = document.getElementById('clock');
  if (!c) { box.textContent = ''; return; }
  const target = seconds(c.target) || 600;
  const running = c.state === 'RUNNING' || c.state === 'OVERDUE';
  const elapsed = running ? secondsSince(c.start) : seconds(c.elapsed);
  const st = running ? (elapsed > target ? 'OVERDUE' : 'RUNNING') : c.state;
  box.textContent = `${duration(elapsed)} / ${duration(target)} · ${t('op.clock.' + st)}`;
  box.className = 'clock ' + st + (st === 'RUNNING' && elapsed > target * 0.8 ? ' late' : '');
  const steps = [['op.answered', c.callAnsweredAt], ['op.report', c.createdAt], ['op.dispatch', c.dispatchedAt],
    ['op.assign.ACKNOWLEDGED', c.acknowledgedAt], ['op.assign.ON_SCENE', c.onSceneAt]].filter(([, at]) => at);
  document.getElementById('clock-steps').textContent = steps.map(([k, at]) => `${t(k)} ${clock(at)}`).join(' → ');
  for (const td of document.querySelectorAll('#units td[data-since]')) td.textContent = duration(secondsSince(td.dataset.since));
}

/** After a language switch: the words the lists were drawn with. */
export function relabel() {
  renderUnits();
  if (state.incident) {
    renderTitle();
    refresh().catch(() => {});
  }
}

// ---- the unit board ---------------------------------------------------------------------------------------

export async function reloadUnits() {
  const units = await get('/api/units');
  state.units.clear();
  for (const u of units) state.units.set(u.id, u);
  renderUnits();
}

export function cadEvent(type, data) {
  if (data.unit) {
    state.units.set(data.unit.id, data.unit);
    renderUnits();
  }
  const incidentId = typeof data.incident === 'string' ? data.incident : (data.incident && data.incident.id) || data.incidentId;
  if (!state.incident || incidentId !== state.incident.id) return;
  if (data.clock) { state.clock = data.clock; tick(); }
  if (data.incident && typeof data.incident === 'object') {
    Object.assign(state.incident, data.incident);
    renderTitle();
  }
  if (type.startsWith('unit.')) refreshSoon();
}

function renderUnits() {
  const order = ['AVAILABLE', 'RETURNING', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE', 'OFFLINE', 'OUT_OF_SERVICE'];
  const units = [...state.units.values()].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.callSign.localeCompare(b.callSign));
  const body = document.getElementById('units');
  body.replaceChildren(...units.map((u) => el('tr', { dataset: { id: u.id } },
    el('td', {}, el('strong', {}, u.callSign), el('div', { class: 'muted small' }, `${u.kind} · ${u.station}`)),
    el('td', {}, el('span', { class: 'badge ' + (STATUS_CLASS[u.status] ?? '') }, t('unit.' + u.status))),
    el('td', { class: 'num', dataset: { since: u.statusSince } }, u.statusSince ? duration(secondsSince(u.statusSince)) : ''),
    el('td', {}, u.incident || ''),
    el('td', { class: 'num' }, u.lastSeen ? clock(u.lastSeen) : '—'))));
  for (const u of units) {
    if (u.latitude != null) {
      placeMarker(state.map, state.layers, 'unit:' + u.id, u.latitude, u.longitude,
        { color: u.status === 'AVAILABLE' ? '#4fd18b' : '#ff9f43', label: u.callSign });
    }
  }
}
