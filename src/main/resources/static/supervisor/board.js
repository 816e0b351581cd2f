// Siaga 110 supervisor board: the station's (and everything below it) day at a glance, live. The figures come from
// GET /api/supervision/board; they are fetched again whenever the call or CAD stream says something happened, when a
// stream (re)connects, and every 10 s in any case. Incidents and units follow the CAD stream; operators the same rhythm.
import './words.js';
import { get, follow } from '/js/api.js';
import { CAD_EVENTS } from '/js/cad.js';
import { t, translate, setLang, lang } from '/js/i18n.js';
import { clock, dateTime, duration } from '/js/time.js';
import { start, attempt, toast } from '/js/console.js';
import { jurisdictionMap } from '/js/map.js';
import { followRecording } from '/js/recording.js';
import { answerChart, hourChart } from './charts.js';
import { showPresence, showFleet } from './fleet.js';
import { showPranks, toggleDays } from './pranks.js';
import { wireReports } from './reports.js';

const REFRESH_MS = 10_000;
// every CAD event but a note, which changes nothing the board shows
const BOARD_CAD_EVENTS = CAD_EVENTS.filter((ev) => ev !== 'IncidentNoteAdded');
// media: a call the media plane could not take (it joins the list of calls without a recording)
const CALL_EVENTS = ['offered', 'escalated', 'located', 'rerouted', 'answered', 'media', 'ended'];

const $ = (id) => document.getElementById(id);
const stationNames = new Map();
const layers = {};
let map = null;
let latest = null;
let drawAnswers = null;
let drawHours = null;

function number(v) {
  return v.toLocaleString(lang() === 'en' ? 'en' : 'id', { maximumFractionDigits: 1 });
}

function percent(v) {
  return v == null ? '—' : `${number(v)} %`;
}

/** A big share: the number large, its % sign smaller so it stays on one line. */
function bigPercent(element, v) {
  element.replaceChildren(v == null ? '—' : number(v));
  if (v != null) {
    const sign = document.createElement('small');
    sign.textContent = '%';
    element.append(sign);
  }
}

/** Green at or above the target, amber within 5 points of it, red below; plain when there is nothing yet. */
function judge(tile, value, target) {
  tile.classList.remove('ok', 'warn', 'alarm');
  if (value == null) return;
  tile.classList.add(value >= target ? 'ok' : value >= target - 5 ? 'warn' : 'alarm');
}

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

function showFigures(b) {
  latest = b;
  b.escalations.byStation.forEach((s) => stationNames.set(s.station, s.name));
  b.declines.byStation.forEach((s) => stationNames.set(s.station, s.name));
  $('as-of').textContent = clock(b.asOf);
  $('ringing-count').textContent = b.ringing.length;
  $('tile-ringing').classList.toggle('alarm', b.ringing.length > 0);
  $('ringing-tiers').textContent = Object.entries(b.ringingByTier).map(([tier, n]) => `${t('sv.tierN', { n: tier })}: ${n}`).join(' · ');
  const a = b.answers;
  $('answered').textContent = a.answered;
  $('median').textContent = a.medianSeconds == null ? '—' : t('seconds', { n: number(a.medianSeconds) });
  bigPercent($('within10'), a.within10Percent);
  bigPercent($('within15'), a.within15Percent);
  bigPercent($('within20'), a.within20Percent);
  $('target10').textContent = `${b.targets.answeredWithin10sPercent} %`;
  $('target20').textContent = `${b.targets.answeredWithin20sPercent} %`;
  judge($('tile-w10'), a.within10Percent, b.targets.answeredWithin10sPercent);
  judge($('tile-w15'), a.within15Percent, 90);
  judge($('tile-w20'), a.within20Percent, b.targets.answeredWithin20sPercent);
  $('abandoned').textContent = a.abandoned;
  $('tile-abandoned').classList.toggle('alarm', a.abandoned > 0);
  $('abandoned-share').textContent = a.offered ? t('sv.abandonedShare', { p: number(a.abandonedPercent), n: a.offered }) : '';
  $('escalations').textContent = b.escalations.total;
  $('tile-escalations').classList.toggle('warn', b.escalations.total > 0);
  const skipped = b.escalations.byStation.reduce((n, s) => n + s.skipped, 0);
  $('escalations-sub').textContent = b.escalations.total
    ? t('sv.escalationsSub', { s: b.escalations.byStation.length, k: skipped }) : '';
  showOnScene(b);
  showRinging(b);
  showEscalations(b);
  showOverdue(b);
  showMediaGaps(b);
  drawAnswers(a);
  drawHours(b);
  if (b.truncated) toast(t('sv.truncated'));
}

function showRinging(b) {
  $('ringing-none').hidden = b.ringing.length > 0;
  $('ringing-rows').replaceChildren(...b.ringing.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.offeredAt = c.offeredAt;
    tr.dataset.waited = c.secondsWaiting;
    tr.dataset.fetched = Date.now();
    if (c.secondsWaiting >= 10) tr.className = 'long';
    tr.append(cell(c.stationName), cell(c.currentStationName), cell(String(c.tier), 'num'), cell(duration(c.secondsWaiting), 'num waited'));
    return tr;
  }));
}

/**
 * Today's time to on-scene: the share within 10 minutes (green from 90 %, like the answer shares; red while any incident
 * waits past the target), how many arrived and the median.
 */
function showOnScene(b) {
  const o = b.onScene;
  bigPercent($('onscene-within'), o.withinTargetPercent);
  const tile = $('tile-onscene');
  judge(tile, o.withinTargetPercent, 90);
  if (o.overdue.length) {
    tile.classList.remove('ok', 'warn');
    tile.classList.add('alarm');
  }
  $('onscene-sub').textContent = (o.reachedOnScene
    ? t('sv.onSceneSub', { n: o.reachedOnScene, m: number(o.medianMinutes) }) : t('sv.onSceneNone'))
    + (o.partial ? ' · ' + t('sv.onScenePartial') : '');
}

function badges(list, cls, label) {
  const div = document.createElement('div');
  div.className = 'ops';
  list.forEach((o) => {
    const badge = document.createElement('span');
    badge.className = `badge ${cls}`;
    badge.title = o.username ?? o.operator;
    badge.textContent = `${o.name} · ${label(o)}`;
    div.append(badge);
  });
  return div;
}

/** One row per station with escalations or declined calls: who let calls ring there, and beside them who declined. */
function showEscalations(b) {
  const declined = new Map(b.declines.byStation.map((s) => [s.station, s]));
  const rows = b.escalations.byStation.map((s) => ({ station: s.station, name: s.name, escalations: s, declines: declined.get(s.station) }));
  b.declines.byStation.filter((d) => !rows.some((r) => r.station === d.station))
    .forEach((d) => rows.push({ station: d.station, name: d.name, escalations: null, declines: d }));
  $('escalation-none').hidden = rows.length > 0;
  $('escalation-rows').replaceChildren(...rows.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.station = r.station;
    const letRing = document.createElement('td');
    letRing.dataset.letRing = '';
    if (r.escalations) {
      const list = badges(r.escalations.operators, 'alarm', (o) => t('sv.missed', { n: o.missed }));
      if (r.escalations.skipped) {
        const note = document.createElement('span');
        note.className = 'muted small';
        note.textContent = t('sv.skipped', { n: r.escalations.skipped });
        list.append(note);
      }
      letRing.append(list);
    }
    const refused = document.createElement('td');
    refused.dataset.declined = '';
    if (r.declines) refused.append(badges(r.declines.operators, 'warn', (o) => t('sv.declined', { n: o.declined })));
    tr.append(cell(r.name), cell(String(r.escalations ? r.escalations.escalations : 0), 'num'), letRing, refused);
    return tr;
  }));
}

/** Open incidents past the target with nobody on scene, oldest first: who is still waiting for the police. */
function showOverdue(b) {
  const overdue = b.onScene.overdue;
  $('overdue-none').hidden = overdue.length > 0;
  $('overdue-rows').replaceChildren(...overdue.map((o) => {
    const tr = document.createElement('tr');
    tr.className = 'long';
    tr.dataset.incident = o.incident;
    tr.append(cell(o.stationName), cell(o.type), cell(String(o.priority), 'num'), cell(t(o.dispatchedAt ? 'sv.yes' : 'sv.no')),
      cell(t('sv.minutes', { n: number(o.minutesWaiting) }), 'num'));
    return tr;
  }));
}

/**
 * Today's calls the media plane could not take (not recorded, or not whole; their callers heard no announcement),
 * newest first: a run of them means rtpengine is down or refusing, which the recording badge says too.
 */
function showMediaGaps(b) {
  const gaps = b.media.latest;
  $('media-gaps-total').textContent = number(b.media.total);
  $('media-panel').classList.toggle('alarm', b.media.total > 0);
  $('media-gaps-none').hidden = b.media.total > 0;
  $('media-gap-rows').replaceChildren(...gaps.map((g) => {
    const tr = document.createElement('tr');
    tr.dataset.call = g.call;
    tr.append(cell(dateTime(g.at)), cell(g.stationName || g.station), cell(g.step), cell(g.reason));
    return tr;
  }));
}

/** Ringing calls' waiting time goes up every second between two fetches. */
function tick() {
  document.querySelectorAll('#ringing-rows tr').forEach((tr) => {
    const waited = Number(tr.dataset.waited) + (Date.now() - Number(tr.dataset.fetched)) / 1000;
    tr.querySelector('.waited').textContent = duration(waited);
    tr.classList.toggle('long', waited >= 10);
  });
}

/**
 * The latest recordings in scope, each with a player that fetches nothing until it is played (every listen is
 * journalled). The list is left alone while one of its players plays, so a refresh never cuts a listen short.
 */
async function showRecordings() {
  const rows = $('recording-rows');
  if ([...rows.querySelectorAll('audio')].some((a) => !a.paused)) return;
  const latest = await get('/api/calls/recordings?limit=10');
  if ([...rows.querySelectorAll('audio')].some((a) => !a.paused)) return;
  rows.replaceChildren(...latest.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.call = r.call;
    tr.append(cell(dateTime(r.recordedAt)), cell(stationNames.get(r.station) || r.station), cell(duration(r.durationMs / 1000), 'num'));
    const td = document.createElement('td');
    const audio = document.createElement('audio');
    audio.controls = true;
    audio.preload = 'none';
    audio.src = r.url;
    audio.title = t('sv.listen');
    td.append(audio);
    // the silence signal: the caller said nothing after the answer, or sent no audio at all (one-way audio)
    if (r.callerSilence === 'SILENT' || r.callerSilence === 'NO_CALLER_AUDIO') {
      const fact = document.createElement('div');
      fact.className = 'muted caller-silence';
      fact.textContent = r.callerSilence === 'SILENT' ? t('sv.callerSilent', { n: Math.round(r.callerSilenceMs / 1000) }) : t('sv.noCallerAudio');
      td.append(fact);
    }
    tr.append(td);
    return tr;
  }));
  $('recordings-none').hidden = latest.length > 0;
}

let pending = null;
let pendingAction = null;
async function refreshFigures() {
  showFigures(await get('/api/supervision/board'));
}
/** Several events in a burst cost one fetch; a refresh of everything already waiting covers a refresh of the figures. */
function soon(what) {
  const action = pendingAction === refreshAll ? refreshAll : what;
  clearTimeout(pending);
  pendingAction = action;
  pending = setTimeout(() => { pendingAction = null; attempt(action).catch(() => {}); }, 250);
}

let homeStation = null;

/**
 * Today's planned against READY positions at the supervisor's own station, per local hour (GET .../roster/hours, the
 * roster and the presence history every node writes): one column an hour, under-staffed hours marked, the hours not
 * yet come greyed. The roster page has the week and the detail.
 */
async function showStaffing() {
  const h = await get(`/api/stations/${encodeURIComponent(homeStation)}/roster/hours`);
  const two = (n) => String(n).padStart(2, '0');
  const fmt = (v) => (v == null ? '·' : v.toLocaleString(lang() === 'en' ? 'en' : 'id', { maximumFractionDigits: 1 }));
  const head = document.createElement('tr');
  head.append(cell(''));
  const planned = document.createElement('tr');
  const ready = document.createElement('tr');
  const label = (key) => { const th = document.createElement('th'); th.scope = 'row'; th.textContent = t(key); return th; };
  planned.append(label('sv.planned'));
  ready.append(label('sv.ready'));
  const nowHour = h.hours.findLastIndex((x) => x.ready != null);
  h.hours.forEach((x, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = two(x.hour);
    const p = cell(fmt(x.planned), 'planned');
    const r = cell(fmt(x.ready), 'ready' + (x.understaffed ? ' under' : x.ready == null ? ' future' : ''));
    p.dataset.hour = x.hour;
    r.dataset.hour = x.hour;
    if (i === nowHour) [th, p, r].forEach((c) => c.classList.add('now'));
    head.append(th);
    planned.append(p);
    ready.append(r);
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(planned, ready);
  $('staffing-hours').replaceChildren(thead, tbody);
  const short = h.hours.filter((x) => x.understaffed).map((x) => `${two(x.hour)}:00`);
  const anyPlan = h.hours.some((x) => x.planned > 0);
  $('staffing-note').textContent = !anyPlan ? t('sv.noRoster') : short.length ? t('sv.understaffed', { hours: short.join(', ') }) : t('sv.staffedOk');
  $('staffing-note').classList.toggle('alarm', short.length > 0);
}

/** Everything; {@code force} fetches the persistent prank numbers too (otherwise at most once a minute). */
async function refreshAll(force = false) {
  await Promise.all([refreshFigures(), showPresence(stationNames), showFleet(map, layers), showRecordings(), showPranks(map, force === true),
    showStaffing()]);
}

function prankDays() {
  toggleDays();
  attempt(() => showPranks(map)).catch(() => {});
}

function wireKeys() {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    const key = e.key.toLowerCase();
    if (key === 'r') { e.preventDefault(); attempt(() => refreshAll(true)).catch(() => {}); }
    else if (key === 'h') { e.preventDefault(); prankDays(); }
    else if (key === 'l') { e.preventDefault(); setLang(lang() === 'id' ? 'en' : 'id'); attempt(refreshAll).catch(() => {}); }
    else if (key === 'm') { e.preventDefault(); $('map').focus(); }
    else if (key === 'f') { e.preventDefault(); if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen?.(); }
  });
  $('refresh').addEventListener('click', () => attempt(() => refreshAll(true)).catch(() => {}));
  $('prank-days').addEventListener('click', prankDays);
  document.querySelector('[data-lang-switch]').addEventListener('click', () => attempt(refreshAll).catch(() => {}));
}

function liveBadge(on) {
  const badge = $('live');
  badge.className = 'badge ' + (on ? 'ok' : 'alarm');
  badge.dataset.i18n = on ? 'sv.live' : 'sv.offline';
  badge.textContent = t(badge.dataset.i18n);
}

async function main() {
  const me = await start();
  homeStation = me.station.id;
  (await get('/api/stations')).forEach((s) => stationNames.set(s.id, s.name));
  drawAnswers = answerChart($('chart-answers'));
  drawHours = hourChart($('chart-hours'));
  wireKeys();
  wireReports(me);
  followRecording($('recording'));
  try {
    map = await jurisdictionMap($('map'), me);
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
  }
  await refreshAll();
  // a call that ended may have its recording a moment later: the list is fetched again with the next refresh
  const calls = follow('/api/calls/stream', Object.fromEntries(CALL_EVENTS.map((ev) => [ev, () => soon(refreshFigures)])),
    () => { liveBadge(true); soon(refreshAll); });
  calls.addEventListener('error', () => liveBadge(false));
  // incidents and units move the map and the time to on-scene: one refresh of everything per burst
  follow('/api/cad/stream', Object.fromEntries(BOARD_CAD_EVENTS.map((ev) => [ev, () => soon(refreshAll)])), () => soon(refreshAll));
  setInterval(() => attempt(refreshAll).catch(() => {}), REFRESH_MS);
  setInterval(tick, 1000);
  translate();
  document.body.dataset.ready = 'true';
}

attempt(main).catch(() => {});
