// Siaga 110 operator console: the call queue and the call panel. Calls are answered on the SIP phone; the console
// follows /api/calls/stream. A call ringing at this operator's position or station shows at once (banner, red
// frame, marker with its accuracy circle); when the stream says this position answered a call, the call "pops":
// it becomes the current call and the report form opens on it.
import { get, post } from '/js/api.js';
import { attempt, toast } from '/js/console.js';
import { t } from '/js/i18n.js';
import { dateTime, duration } from '/js/time.js';
import { placeMarker, focusOn } from '/js/map.js';
import { stationName, rememberStation, locationSource, incidentRef, typeLabel } from '/js/names.js';
import { state, el, national, navigable, keepSelection } from './state.js';
import { showWrapUp } from './wrapup.js';

const chains = new Map();     // station id → chain (promise)
const histories = new Map();  // caller number → earlier calls (promise)
const reports = new Map();    // caller number → earlier incidents (promise)
const announced = new Set();  // calls already announced with a tone
let audio = null;
let onPop = () => {};
let shownCallId = null;
/** A caller's position older than this is marked old: the caller may have moved since (a walk of 5 minutes is 400 m). */
const OLD_FIX_SECONDS = 5 * 60;

export function initCalls(popHandler) {
  onPop = popHandler;
  const queue = document.getElementById('queue');
  navigable(queue, (id) => {
    const call = state.calls.get(id);
    if (call && call.answeredBy && state.position && call.answeredBy === state.position.id) pop(call);
    else render();
  });
  queue.addEventListener('keyup', () => render());
  setInterval(tick, 1000);
}

/** Replaces the live calls (after a stream (re)connects). */
export async function reloadCalls() {
  const calls = await get('/api/calls');
  for (const id of [...state.calls.keys()]) if (!calls.some((c) => c.id === id)) forget(id);
  for (const c of calls) state.calls.set(c.id, received(c));
  const mine = calls.find((c) => c.state === 'ANSWERED' && isMine(c));
  if (mine && (!state.current || state.current.id !== mine.id)) pop(mine);
  render();
}

/** One event of the call stream. */
export function callEvent(type, call) {
  received(call);
  if (call.state === 'ENDED') {
    forget(call.id);
    if (state.current && state.current.id === call.id) state.current = call;
  } else {
    state.calls.set(call.id, call);
    if (state.current && state.current.id === call.id) state.current = call;
  }
  if (type === 'answered' && isMine(call)) {
    pop(call);
    return;
  }
  render();
}

/** Stamps when the call's position was determined, by this browser's clock, so its age keeps counting on screen. */
function received(call) {
  call.locatedAtMs = call.locationAgeSeconds != null ? Date.now() - call.locationAgeSeconds * 1000 : null;
  return call;
}

/** "posisi 12 menit lalu" ("posisi lama, 12 menit lalu" and marked, past OLD_FIX_SECONDS). */
function showFixAge(call) {
  const shown = document.getElementById('call-location-age');
  shown.hidden = call.latitude == null || call.locatedAtMs == null;
  if (shown.hidden) return;
  const s = Math.max(0, Math.floor((Date.now() - call.locatedAtMs) / 1000));
  const age = s < 60 ? t('op.fix.seconds', { n: s }) : s < 3600 ? t('op.fix.minutes', { n: Math.floor(s / 60) })
    : t('op.fix.hours', { n: Math.floor(s / 3600) });
  const old = s > OLD_FIX_SECONDS;
  shown.textContent = t(old ? 'op.fix.old' : 'op.fix', { age });
  shown.className = old ? 'badge warn' : 'muted';
}

function isMine(call) {
  return !!state.position && call.answeredBy === state.position.id;
}

function ringsHere(call) {
  if (call.state !== 'RINGING') return false;
  if (state.position && (call.ringing || []).includes(state.position.id)) return true;
  return (call.ringingStations || []).includes(state.me.station.id);
}

function forget(id) {
  announced.delete(id);
  state.calls.delete(id);
  if (!state.current || state.current.id !== id) {
    const layer = state.layers['call:' + id];
    if (layer) { layer.remove(); delete state.layers['call:' + id]; }
  }
}

function pop(call) {
  if (state.current && state.current.id !== call.id) {
    const old = state.layers['call:' + state.current.id];
    if (old && !state.calls.has(state.current.id)) { old.remove(); delete state.layers['call:' + state.current.id]; }
  }
  state.current = call;
  render();
  onPop(call);
}

/** The call the panel shows: the current (popped) one, else the longest-waiting call ringing here, else any ringing one. */
function focusCall() {
  const queue = document.getElementById('queue');
  const picked = queue.dataset.selected && state.calls.get(queue.dataset.selected);
  if (picked && document.activeElement === queue) return picked;
  if (state.current) return state.current;
  const live = sorted();
  return live.find(ringsHere) || live.find((c) => c.state === 'RINGING') || null;
}

/** Oldest first; a ringing call that passed the gate without the key comes after the others, as the server offers it. */
function sorted() {
  const behind = (c) => (c.state === 'RINGING' && c.gate === 'NO_KEY' ? 1 : 0);
  return [...state.calls.values()].sort((a, b) => behind(a) - behind(b) || new Date(a.offeredAt) - new Date(b.offeredAt));
}

/** D: the operator on a silent call has "tekan 5 5" played to the caller (the server refuses, with why, if it cannot). */
export async function askSilentCaller() {
  const call = state.current;
  if (!call || call.state !== 'ANSWERED' || !isMine(call)) { toast(t('wrap.none')); return; }
  await attempt(() => post(`/api/calls/${encodeURIComponent(call.id)}/silent-prompt`, {}));
  toast(t('silent.played'));
}

export function render() {
  const queue = document.getElementById('queue');
  const live = sorted();
  queue.replaceChildren(...live.map((c) => el('li', {
    dataset: { id: c.id }, class: [ringsHere(c) ? 'here' : '', state.current && state.current.id === c.id ? 'current' : ''].join(' '),
  },
  el('strong', { class: 'callnumber' }, national(c.callerNumber)), ' ',
  el('span', { class: 'badge ' + (c.state === 'RINGING' ? 'alarm' : 'ok') }, t(c.state === 'RINGING' ? 'op.ringing' : 'op.answered')), ' ',
  el('span', { class: 'muted' }, `${stationName(c.station)} · ${t('op.tier')} ${c.tier} · `), el('span', { class: 'waited', dataset: { since: c.offeredAt } }, waited(c)),
  c.mediaProblem ? el('span', { class: 'badge warn unrecorded', title: c.mediaProblem }, ' ', t('op.unrecorded')) : null,
  c.screening && c.screening.flagged ? el('span', { class: 'badge alarm flagged' }, t('scr.badge', { n: c.screening.pranks7d })) : null,
  c.gate && c.gate !== 'SKIPPED' ? el('span', { class: 'badge gate gate-' + c.gate }, t('gate.badge.' + c.gate)) : null,
  c.silentEmergencyAt ? el('span', { class: 'badge alarm silent' }, t('silent.badge')) : null)));
  keepSelection(queue);
  document.getElementById('queue-empty').hidden = live.length > 0;

  const here = live.filter(ringsHere);
  for (const c of here) {
    if (!announced.has(c.id)) { announced.add(c.id); tone(); }
  }
  const banner = document.getElementById('alert');
  banner.hidden = here.length === 0;
  if (here.length) banner.textContent = `${t('op.ringing.here')}: ` + here.map((c) => `${national(c.callerNumber)} (${waited(c)})`).join(' · ');

  for (const c of live) if (c.latitude != null) mark(c);
  if (state.current && state.current.latitude != null) mark(state.current);
  showCall(focusCall());
}

/** A short two-note tone for a new call (or a text) ringing here (the banner is what counts; a muted browser just stays silent). */
export function tone() {
  try {
    audio = audio || new AudioContext();
    [880, 660].forEach((hz, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      gain.gain.value = 0.15;
      osc.frequency.value = hz;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.25);
      osc.stop(audio.currentTime + i * 0.25 + 0.2);
    });
  } catch (e) {
    // no audio here: the visual alert stands alone
  }
}

function waited(c) {
  const end = c.answeredAt ? new Date(c.answeredAt).getTime() : Date.now();
  return duration((end - new Date(c.offeredAt).getTime()) / 1000);
}

function mark(c) {
  const color = ringsHere(c) ? '#ff6b6b' : (state.current && state.current.id === c.id ? '#4db2ff' : '#ffc94d');
  placeMarker(state.map, state.layers, 'call:' + c.id, c.latitude, c.longitude,
    { radius: c.uncertaintyMeters || undefined, color, label: national(c.callerNumber) });
}

function showCall(call) {
  document.getElementById('call-none').hidden = !!call;
  document.getElementById('call-body').hidden = !call;
  if (!call) { shownCallId = null; return; }
  const moved = shownCallId !== call.id;
  shownCallId = call.id;
  document.getElementById('call-number').textContent = national(call.callerNumber);
  document.getElementById('call-tier').textContent = String(call.tier);
  document.getElementById('call-waiting').textContent = waited(call) + (call.state === 'ENDED' ? ' ■' : '');
  document.getElementById('call-waiting').className = 'big ' + (call.state === 'RINGING' ? 'alarm' : '');
  const where = document.getElementById('call-location');
  if (call.latitude != null) {
    where.textContent = `${call.latitude.toFixed(5)}, ${call.longitude.toFixed(5)} · `
      + t('op.accuracy', { m: call.uncertaintyMeters != null ? Math.round(call.uncertaintyMeters) : '?', source: locationSource(call.locationSource, call.locationMethod) });
    if (moved) focusOn(state.map, call.latitude, call.longitude, call.uncertaintyMeters);
  } else {
    where.textContent = t('op.location.none');
  }
  showFixAge(call);
  // the caller's keys: a menu choice, or the only answer of a caller who cannot speak
  document.getElementById('call-keys').textContent = call.keys ? [...call.keys].join(' ') : '—';
  const media = document.getElementById('call-media');
  media.hidden = !call.mediaProblem;
  media.textContent = call.mediaProblem ? t('op.media.lost', { why: call.mediaProblem }) : '';
  const gate = document.getElementById('call-gate');
  gate.hidden = !call.gate;
  gate.textContent = call.gate ? t('gate.' + call.gate) : '';
  gate.className = 'gate gate-' + (call.gate || '');
  const silent = document.getElementById('call-silent');
  silent.hidden = !call.silentEmergencyAt && !call.silentAskedAt && !call.silentProblem;
  silent.className = call.silentEmergencyAt ? 'alarm silent' : 'warn silent';
  silent.textContent = call.silentEmergencyAt ? t(call.latitude != null ? 'silent.emergency' : 'silent.emergency.noloc')
    : call.silentAskedAt ? t('silent.asked', { when: dateTime(call.silentAskedAt) })
      : call.silentProblem ? t('silent.failed', { why: call.silentProblem }) : '';
  document.getElementById('silent-ask').hidden = !(call.state === 'ANSWERED' && isMine(call) && !call.silentEmergencyAt);
  showWrapUp(call);
  showChain(call);
  if (moved) showHistory(call);
}

async function showChain(call) {
  const target = document.getElementById('call-chain');
  if (!chains.has(call.station)) chains.set(call.station, get(`/api/stations/${encodeURIComponent(call.station)}`).catch(() => null));
  const detail = await chains.get(call.station);
  if (shownCallId !== call.id) return;
  if (!detail) { target.textContent = stationName(call.station); return; }
  detail.chain.forEach(rememberStation);
  const now = call.currentStation || call.station;
  target.replaceChildren(...detail.chain.flatMap((s, i) => [i ? ' → ' : '',
    s.id === now ? el('strong', { class: 'warn' }, s.name) : el('span', {}, s.name)]));
}

async function showHistory(call) {
  const list = document.getElementById('call-history');
  list.replaceChildren();
  document.getElementById('call-incidents').replaceChildren();
  if (!call.callerNumber || call.callerNumber === 'anonymous') {
    list.append(el('li', { class: 'muted' }, t('op.history.anonymous')));
    return;
  }
  showEarlierIncidents(call);
  if (!histories.has(call.callerNumber)) {
    histories.set(call.callerNumber, get(`/api/calls/history?limit=10&caller=${encodeURIComponent(call.callerNumber)}`));
    setTimeout(() => histories.delete(call.callerNumber), 60_000);
  }
  let earlier;
  try {
    earlier = (await histories.get(call.callerNumber)).filter((r) => r.id !== call.id);
  } catch (e) {
    histories.delete(call.callerNumber);
    list.append(el('li', { class: 'alarm' }, `${t('error')}: ${e.message}`));
    return;
  }
  if (shownCallId !== call.id) return;
  list.replaceChildren(...(earlier.length ? earlier.map((r) => el('li', {},
    dateTime(r.offeredAt), ' · ', el('span', { class: r.outcome === 'ANSWERED' ? 'ok' : 'warn' }, t('op.outcome.' + r.outcome)),
    r.answeredBy ? el('span', { class: 'muted' }, ` · ${r.answeredBy}`) : null,
    // preload none: nothing is fetched (and no listen journalled) until the operator presses play
    r.recording ? el('audio', { class: 'recording', controls: true, preload: 'none', src: r.recording, title: t('op.recording') }) : null))
    : [el('li', { class: 'muted' }, t('op.history.none'))]));
}

/** The caller's earlier reports (every status), so a dispatcher sees at once "this number reported a theft yesterday". */
async function showEarlierIncidents(call) {
  const list = document.getElementById('call-incidents');
  const number = call.callerNumber;
  if (!reports.has(number)) {
    reports.set(number, get(`/api/incidents?limit=10&caller=${encodeURIComponent(number)}`));
    setTimeout(() => reports.delete(number), 60_000);
  }
  let earlier;
  try {
    earlier = (await reports.get(number)).filter((i) => i.callId !== call.id);
  } catch (e) {
    reports.delete(number);
    if (shownCallId === call.id) list.replaceChildren(el('li', { class: 'alarm' }, `${t('error')}: ${e.message}`));
    return;
  }
  if (shownCallId !== call.id) return;
  list.replaceChildren(...(earlier.length ? earlier.map((i) => el('li', { dataset: { incident: i.id } },
    dateTime(i.createdAt), ' · ', el('span', { class: 'p' + i.priority }, `P${i.priority}`), ` ${typeLabel(i)} · `,
    el('span', { class: 'badge' }, t('incident.' + i.status)), el('span', { class: 'muted' }, ` · ${incidentRef(i.id)}`),
    i.address ? el('div', { class: 'muted small' }, i.address) : null))
    : [el('li', { class: 'muted' }, t('op.history.incidents.none'))]));
}

function tick() {
  for (const w of document.querySelectorAll('#queue .waited')) {
    const call = state.calls.get(w.closest('li').dataset.id);
    if (call) w.textContent = waited(call);
  }
  const shown = shownCallId && (state.calls.get(shownCallId) || (state.current && state.current.id === shownCallId ? state.current : null));
  if (shown && shown.state !== 'ENDED') document.getElementById('call-waiting').textContent = waited(shown);
  if (shown) showFixAge(shown);
  const banner = document.getElementById('alert');
  const here = sorted().filter(ringsHere);
  if (here.length) banner.textContent = `${t('op.ringing.here')}: ` + here.map((c) => `${national(c.callerNumber)} (${waited(c)})`).join(' · ');
}
