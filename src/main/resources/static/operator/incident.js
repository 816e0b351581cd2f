// Siaga 110 operator console: the incident on the work panel (its clock against the 10-minute target, the
// recommended units with ETA, dispatch with one key, the assignments with acknowledgement by radio and withdrawal,
// the notes, priority and status of casework.js), kept live by /api/cad/stream.
import { get, post } from '/js/api.js';
import { isIncidentEvent, isUnitEvent } from '/js/cad.js';
import { t } from '/js/i18n.js';
import { toast } from '/js/console.js';
import { clock, duration, secondsSince } from '/js/time.js';
import { placeMarker } from '/js/map.js';
import { unitKind, incidentRef, typeLabel, stationName, rememberStation } from '/js/names.js';
import { state, el, seconds, navigable, select, keepSelection } from './state.js';
import { initCasework, renderCasework, askReason } from './casework.js';
import { renderUnits } from './units.js';

let refreshTimer = null;
let detailTimer = null;
let assignments = [];
/** The units of the recommendation on screen by id, with whether this user must ask their station for them. */
let proposed = new Map();

export function initIncident() {
  navigable(document.getElementById('recommend'), (unitId) => dispatch(unitId));
  navigable(document.getElementById('assignments'), (id) => acknowledge(id), (letter, id) => {
    if (letter === 'k') { acknowledge(id); return true; }
    if (letter === 'x') { withdraw(id); return true; }
    return false;
  });
  initCasework((detail) => applyDetail(detail));
  setInterval(tick, 1000);
}

/** The incident as the server now has it (after a change here, or another user's). */
function applyDetail(detail) {
  if (!state.incident || state.incident.id !== detail.id) return;
  state.incident = detail;
  renderTitle();
  renderCasework();
  refreshSoon();
}

/** Shows an incident (detail from the API) with its clock, recommendation and assignments; focus goes to the units. */
export async function showIncident(detail, { focus = true } = {}) {
  state.incident = detail;
  document.getElementById('incident-none').hidden = true;
  document.getElementById('incident-body').hidden = false;
  renderTitle();
  renderCasework();
  for (const id of ['status-form', 'ask-form']) document.getElementById(id).hidden = true;
  if (detail.location) {
    placeMarker(state.map, state.layers, 'incident', detail.location.latitude, detail.location.longitude,
      { radius: detail.location.uncertaintyMeters || undefined, color: '#4db2ff', label: `${typeLabel(detail)} ${incidentRef(detail.id)}` });
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
    `${typeLabel(i)} · ${incidentRef(i.id)} · `, el('span', { class: 'badge' }, t('incident.' + i.status)), i.address ? ` · ${i.address}` : '');
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
  Object.entries(rec.stationNames || {}).forEach(([id, name]) => rememberStation({ id, name }));
  proposed = new Map(rec.units.map((u) => [u.unitId, { ...u, askByRadio: (rec.askByRadio || []).includes(u.unitId) }]));
  list.replaceChildren(...(rec.units.length ? [...proposed.values()].map((u) => el('li', { dataset: { id: u.unitId } },
    el('strong', {}, u.callSign), ` · ${unitKind(u.kind)} · `, t('op.km', { km: km(u.distanceMeters) }), ' · ',
    el('strong', { class: 'ok' }, t('op.eta', { eta: duration(seconds(u.eta)) })), ' ',
    u.ownStation ? null : el('span', { class: 'badge warn neighbour' }, t('op.neighbour', { station: stationName(u.station) })), u.askByRadio ? ' · ' : ' ',
    u.askByRadio ? el('span', { class: 'muted small' }, t('op.neighbour.ask'))
      : el('button', { type: 'button', class: 'ok', tabindex: '-1', onclick: () => dispatch(u.unitId) }, t('op.dispatch'))))
    : [el('li', { class: 'muted nothing' }, nothingSuitable(rec))]));
  const selected = list.dataset.selected;
  select(list, rec.units.some((u) => u.unitId === selected) ? selected : (rec.units[0] ? rec.units[0].unitId : null));
  stale.textContent = rec.withoutFreshFix.length
    ? `${t('op.stale')} ${rec.withoutFreshFix.map((s) => s.callSign).join(', ')}` : '';
}

function km(meters) {
  return (meters / 1000).toFixed(1);
}

/**
 * Why no unit is proposed, in the user's words: the nearest free unit the horizon left out (how far, which limit), how
 * many more are beyond it, how many of the station's units are busy.
 */
function nothingSuitable(rec) {
  const parts = [];
  const b = rec.nearestBeyondHorizon;
  if (b) {
    const u = b.unit;
    parts.push(t('op.recommend.beyond', {
      unit: u.callSign, kind: unitKind(u.kind), station: stationName(u.station), km: km(u.distanceMeters),
      eta: duration(seconds(u.eta)),
      limit: b.exceeded === 'DISTANCE' ? t('op.km', { km: km(b.maxDistanceMeters) }) : t('op.eta', { eta: duration(seconds(b.maxEta)) }),
    }));
    if (rec.beyondHorizon > 1) parts.push(t('op.recommend.beyond.more', { n: rec.beyondHorizon - 1 }));
  } else {
    parts.push(t('op.recommend.none'));
  }
  if (rec.busyAtStation > 0) parts.push(t('op.recommend.busy', { n: rec.busyAtStation, station: stationName(rec.station) }));
  return parts.join(' ');
}

function renderAssignments(list) {
  assignments = list;
  const box = document.getElementById('assignments');
  box.replaceChildren(...list.map((a) => {
    const unit = state.units.get(a.unitId);
    const active = a.state !== 'CLEARED' && a.state !== 'CANCELLED';
    return el('li', { dataset: active ? { id: a.id } : {}, class: active ? '' : 'ended' }, el('strong', {}, unit ? unit.callSign : a.unitId), ' · ',
      el('span', { class: 'badge ' + (a.state === 'ALERTED' ? 'warn' : a.state === 'CANCELLED' ? '' : 'ok') }, t('op.assign.' + a.state)),
      ` · ${clock(a.assignedAt)}`, a.etaAtAssignment ? ` · ${t('op.eta', { eta: duration(seconds(a.etaAtAssignment)) })}` : '',
      a.acknowledgedAt ? el('div', { class: 'muted small' }, t('op.assign.acked', { who: a.acknowledgedBy || '', at: clock(a.acknowledgedAt) })) : null,
      a.endedAt ? el('div', { class: 'muted small' }, t('op.assign.ended', { who: a.endedBy || '', at: clock(a.endedAt), reason: a.endReason || '' }))
        : null);
  }));
  keepSelection(box);
  if (!box.dataset.selected) {
    const first = box.querySelector('li[data-id]');
    if (first) select(box, first.dataset.id);
  }
}

/** K (or Enter): the unit acknowledged the alert by radio; the dispatcher records it for them. */
async function acknowledge(id) {
  const a = assignments.find((x) => x.id === id);
  if (!a || a.acknowledgedAt) { if (a) toast(t('op.assign.already')); return; }
  try {
    await post(`/api/assignments/${encodeURIComponent(id)}/ack`, {});
    toast(t('op.assign.radio', { unit: callSign(a.unitId) }));
    await refresh();
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
    refreshSoon();
  }
}

/** X: the unit is taken off the incident, with the reason its officers are told. */
async function withdraw(id) {
  const a = assignments.find((x) => x.id === id);
  if (!a) return;
  const reason = await askReason(t('op.withdraw.ask', { unit: callSign(a.unitId) }));
  document.getElementById('assignments').focus();
  if (!reason) return;
  try {
    await post(`/api/assignments/${encodeURIComponent(id)}/cancel`, { reason });
    toast(t('op.withdrawn', { unit: callSign(a.unitId) }));
    await refresh();
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
    refreshSoon();
  }
}

function callSign(unitId) {
  const unit = state.units.get(unitId);
  return unit ? unit.callSign : unitId;
}

async function dispatch(unitId) {
  if (!state.incident) return;
  const u = proposed.get(unitId);
  if (u && u.askByRadio) {
    // a neighbouring station's unit: that station sends it (the server would refuse this user)
    toast(t('op.neighbour.askBy', { unit: u.callSign, station: stationName(u.station) }));
    return;
  }
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
}

/** After a language switch: the words the lists were drawn with. */
export function relabel() {
  renderUnits();
  if (state.incident) renderCasework();
  if (state.incident) {
    renderTitle();
    refresh().catch(() => {});
  }
}

// ---- following the CAD stream --------------------------------------------------------------------------------

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
  if (isUnitEvent(type)) refreshSoon();
  if (isIncidentEvent(type)) reloadDetailSoon();
}

/** Another user's note, priority or status: the panel shows the incident as it now is. */
function reloadDetailSoon() {
  clearTimeout(detailTimer);
  const id = state.incident.id;
  detailTimer = setTimeout(() => get(`/api/incidents/${encodeURIComponent(id)}`).then(applyDetail).catch(() => {}), 200);
}
