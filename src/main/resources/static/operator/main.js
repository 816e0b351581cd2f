// Siaga 110 operator console: boots the page (who, position, map, taxonomy), follows the call and CAD streams
// (reloading the lists whenever a stream reconnects) and routes the keys. Every action has a key; the keys are
// listed on screen.
import './words.js';
import { get, put, follow } from '/js/api.js';
import { CAD_EVENTS, isIncidentEvent } from '/js/cad.js';
import { t, setLang, lang } from '/js/i18n.js';
import { start, attempt, toast } from '/js/console.js';
import { jurisdictionMap } from '/js/map.js';
import { loadStationNames } from '/js/names.js';
import { followRecording } from '/js/recording.js';
import { state } from './state.js';
import { initCalls, reloadCalls, callEvent, askSilentCaller, render as renderCalls } from './calls.js';
import { initReport, openReport, closeReport, reportOpen, setPriority } from './report.js';
import { initIncident, showIncident, cadEvent, relabel as relabelIncident } from './incident.js';
import { initUnits, reloadUnits, renderUnits } from './units.js';
import { focusNote, focusPriority, openStatus } from './casework.js';
import { initCallbacks, reloadCallbacks } from './callbacks.js';
import { initWrapUp, openWrapUp } from './wrapup.js';
import { initIncidents, reloadIncidents, incidentEvent, render as renderIncidents } from './incidents.js';

// key: the caller pressed a key; media: the media plane could not take the call (it is not recorded); gated/gate: a
// flagged caller meets the gate ("tekan 1") and leaves it; silent: the silent caller was asked for 5 5, or pressed it
const CALL_EVENTS = ['offered', 'escalated', 'located', 'rerouted', 'answered', 'key', 'media', 'gated', 'gate', 'silent', 'ended'];

async function boot() {
  state.me = await start();
  state.map = await jurisdictionMap(document.getElementById('map'), state.me);
  const [operators, types] = await Promise.all([get('/api/operators'), get('/api/incidents/types'), loadStationNames()]);
  state.position = operators.find((o) => o.username === state.me.username) || null;
  state.types = types;
  showPresence();
  followRecording(document.getElementById('recording'));
  document.getElementById('presence-toggle').addEventListener('click', togglePresence);
  document.querySelector('[data-lang-switch]').addEventListener('click', relabel);

  initWrapUp();
  initCalls((call) => openReport(call));
  initReport(async (created) => showIncident(created));
  initIncident();
  const openIncident = (id) => attempt(async () => showIncident(await get(`/api/incidents/${encodeURIComponent(id)}`))).catch(() => {});
  initUnits(openIncident);
  initCallbacks();
  initIncidents(openIncident);

  const link = document.getElementById('link');
  const streams = {};
  const opened = (name, reload) => () => {
    streams[name] = true;
    link.className = 'badge ok';
    link.textContent = t('op.live');
    attempt(reload).catch(() => {});
  };
  const calls = {};
  for (const type of CALL_EVENTS) {
    calls[type] = (c) => {
      callEvent(type, c);
      // the server keeps a gave-up caller's call-back task before it says the call ended
      if (type === 'ended') reloadCallbacks().catch(() => {});
      if (state.position && c.answeredBy === state.position.id) reloadPresence().catch(() => {}); // BUSY while talking
    };
  }
  const callSource = follow('/api/calls/stream', calls, opened('calls', () => Promise.all([reloadCalls(), reloadCallbacks(), state.position ? reloadPresence() : null])));
  const cad = {};
  for (const type of CAD_EVENTS) {
    cad[type] = (d) => {
      cadEvent(type, d);
      if (isIncidentEvent(type)) { incidentEvent(d); renderUnits(); }
    };
  }
  const cadSource = follow('/api/cad/stream', cad, opened('cad', () => Promise.all([reloadUnits(), reloadIncidents()])));
  for (const source of [callSource, cadSource]) {
    source.addEventListener('error', () => {
      link.className = 'badge alarm';
      link.textContent = t('op.offline');
    });
  }
  await Promise.all([reloadCalls(), reloadUnits(), reloadCallbacks(), reloadIncidents()]);
  renderUnits(); // the units' incidents by type, now that both lists are in
  document.addEventListener('keydown', keys);
  document.body.dataset.ready = 'true';
}

/** Redraws what scripts wrote after the words changed (translate() does the marked HTML). */
function relabel() {
  showPresence();
  renderCalls();
  relabelIncident();
  renderIncidents();
  reloadCallbacks().catch(() => {});
  const link = document.getElementById('link');
  if (link.classList.contains('ok')) link.textContent = t('op.live');
}

function showPresence() {
  const badge = document.getElementById('presence');
  if (!state.position) {
    badge.textContent = '—';
    document.getElementById('presence-toggle').disabled = true;
    return;
  }
  const p = state.position.presence;
  badge.textContent = t('status.' + p);
  badge.dataset.presence = p;
  badge.className = 'badge ' + (p === 'READY' ? 'ok' : p === 'BUSY' ? 'warn' : 'alarm');
}

async function reloadPresence() {
  state.position = await get(`/api/operators/${encodeURIComponent(state.position.id)}`);
  showPresence();
}

async function togglePresence() {
  if (!state.position) return;
  const next = state.position.presence === 'READY' || state.position.presence === 'BUSY' ? 'AWAY' : 'READY';
  state.position = await attempt(() => put(`/api/operators/${encodeURIComponent(state.position.id)}/presence`, { presence: next }));
  showPresence();
}

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function keys(e) {
  if (e.key === 'F2') { e.preventDefault(); togglePresence().catch(() => {}); return; }
  if (e.defaultPrevented) return; // a list or form acted on the key already
  if (e.key === 'Escape' && reportOpen()) { e.preventDefault(); closeReport(); return; }
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
  const focus = (id) => { e.preventDefault(); document.getElementById(id).focus(); };
  switch (e.key.toLowerCase()) {
    case 'n': e.preventDefault(); openReport(state.current); break;
    case 'w': e.preventDefault(); openReport(null); break;
    case 'c': e.preventDefault(); focusNote(); break;
    case 'p': e.preventDefault(); focusPriority(); break;
    case 's': e.preventDefault(); openStatus(); break;
    case 'a': focus('assignments'); break;
    case 'r': focus('recommend'); break;
    case 'u': focus('units'); break;
    case 'b': focus('callbacks'); break;
    case 'i': focus('open-incidents'); break;
    case 'q': focus('queue'); break;
    case 'j': e.preventDefault(); openWrapUp(); break;
    case 'd': e.preventDefault(); askSilentCaller().catch(() => {}); break; // attempt() has shown why
    case 'l': setLang(lang() === 'id' ? 'en' : 'id'); relabel(); break;
    default:
      if (/^[1-5]$/.test(e.key) && reportOpen()) { e.preventDefault(); setPriority(e.key); }
  }
}

boot().catch((e) => toast(`${t('error')}: ${e.message}`, { error: true }));
