// Siaga 110 officer app. Alerts arrive over the WebSocket /ws/officer (reconnecting with backoff; each hello
// reloads the work, so an alert sent while the phone was away is not missed); an unacknowledged assignment rings
// (WebAudio, vibration) until the officer presses TERIMA; BERANGKAT / TIBA / SELESAI set the unit's status; on
// duty, the phone's GPS goes to the tracking pipeline. Keys: A, B, T, S, D, N.
import { get, post, ApiError } from '/js/api.js';
import { start, toast, attempt } from '/js/console.js';
import { words, t, translate } from '/js/i18n.js';
import { clock, duration } from '/js/time.js';
import { jurisdictionMap, placeMarker, focusOn } from '/js/map.js';
import { Alarm } from '/officer/alarm.js';

words({
  'link.connecting': 'Menghubungkan…', 'link.live': 'Terhubung', 'link.lost': 'Terputus, mencoba lagi…',
  'alert.title': 'PENUGASAN BARU', 'alert.ack': 'TERIMA', 'alert.cancelled': 'Penugasan {unit} dibatalkan oleh petugas jaga.',
  'alert.acknowledged': 'Penugasan diterima.', 'sound.enable': 'Nyalakan suara alarm',
  'proposal.text': 'GPS menunjukkan Anda sudah di lokasi.',
  'unit.title': 'Unit', 'work.title': 'Tugas', 'work.none': 'Belum ada penugasan.',
  'duty.on': 'DINAS', 'duty.off': 'LEPAS DINAS', 'gps.off': 'GPS tidak dikirim', 'gps.waiting': 'Menunggu GPS…',
  'gps.sent': 'GPS terkirim {time} (±{acc} m)', 'gps.denied': 'Izin lokasi ditolak: GPS tidak dapat dikirim',
  'gps.failed': 'GPS gagal: {reason}',
  'nav.maps': 'Navigasi', 'nav.geo': 'Buka di peta ponsel', 'eta': 'Perkiraan tiba {eta} menit · {dist} km',
  'status.berangkat': 'BERANGKAT', 'status.tiba': 'TIBA', 'status.selesai': 'SELESAI', 'status.done': 'Status: {status}',
  'state.ALERTED': 'Belum diterima', 'state.ACKNOWLEDGED': 'Diterima', 'state.EN_ROUTE': 'Menuju lokasi', 'state.ON_SCENE': 'Di lokasi',
  'priority': 'P{p}', 'no.place': 'Lokasi belum diketahui: tanyakan petugas jaga.',
  'keys': 'Tombol: A terima · B berangkat · T tiba · S selesai · D dinas · N navigasi',
  'offline.text': 'Tidak ada sinyal. Aplikasi tetap terbuka, tetapi penugasan baru dan status belum bisa diterima atau dikirim sampai sinyal kembali.',
  'link.offline': 'Tanpa sinyal', 'alarm.sounding': 'Alarm berbunyi', 'alarm.silent': 'Alarm tanpa suara',
  // the language switch in a phone's header: short enough for one line at 360 px
  'lang.short': 'English',
}, {
  'link.connecting': 'Connecting…', 'link.live': 'Online', 'link.lost': 'Disconnected, retrying…',
  'alert.title': 'NEW ASSIGNMENT', 'alert.ack': 'ACCEPT', 'alert.cancelled': 'Assignment of {unit} cancelled by the dispatcher.',
  'alert.acknowledged': 'Assignment accepted.', 'sound.enable': 'Turn the alarm sound on',
  'proposal.text': 'Your GPS says you are at the scene.',
  'unit.title': 'Unit', 'work.title': 'Assignment', 'work.none': 'No assignment yet.',
  'duty.on': 'ON DUTY', 'duty.off': 'OFF DUTY', 'gps.off': 'GPS not sent', 'gps.waiting': 'Waiting for GPS…',
  'gps.sent': 'GPS sent {time} (±{acc} m)', 'gps.denied': 'Location permission denied: GPS cannot be sent',
  'gps.failed': 'GPS failed: {reason}',
  'nav.maps': 'Navigate', 'nav.geo': 'Open in the phone\'s map', 'eta': 'Arrival in about {eta} min · {dist} km',
  'status.berangkat': 'DEPART', 'status.tiba': 'ARRIVED', 'status.selesai': 'DONE', 'status.done': 'Status: {status}',
  'state.ALERTED': 'Not accepted yet', 'state.ACKNOWLEDGED': 'Accepted', 'state.EN_ROUTE': 'En route', 'state.ON_SCENE': 'On scene',
  'priority': 'P{p}', 'no.place': 'Place not known yet: ask the dispatcher.',
  'keys': 'Keys: A accept · B depart · T arrived · S done · D duty · N navigate',
  'offline.text': 'No signal. The app stays open, but new assignments and status changes cannot be received or sent until the signal is back.',
  'link.offline': 'No signal', 'alarm.sounding': 'Alarm sounding', 'alarm.silent': 'Alarm silent',
  'lang.short': 'Indonesia',
});

const $ = (id) => document.getElementById(id);
const DUTY = 'siaga.officer.duty';
const SEND_EVERY_MS = 5000;
// a fix is sent at most this often (a little under the poll, so a poll's fix is never skipped for a few ms)
const SEND_GAP_MS = 4000;
// how often the alarm's sound level is shown, and how often an app started without a signal tries again
const LEVEL_EVERY_MS = 150;
const RETRY_OFFLINE_MS = 10000;

const app = {
  me: null, units: [], work: [], map: null, layers: {}, socket: null, retries: 0, alarm: new Alarm(),
  duty: localStorage.getItem(DUTY) === 'on', watch: null, poll: null, lastFix: null, lastSentAt: 0, lastSentKey: '',
  proposed: new Set(),
};

// ---- the work ----

async function reload() {
  const [units, work] = await Promise.all([get('/api/officer/units'), get('/api/officer/assignments')]);
  app.units = units;
  app.work = work;
  render();
}

function current() {
  return app.work[0] || null;
}

function render() {
  const unit = app.units[0];
  $('unit-name').textContent = unit ? unit.callSign : '–';
  $('unit-status').textContent = unit ? t('unit.' + unit.status) : '';
  $('unit-status').className = 'badge ' + (unit && unit.status === 'AVAILABLE' ? 'ok' : unit && unit.status === 'OFFLINE' ? 'alarm' : 'warn');
  const w = current();
  $('no-work').hidden = !!w;
  $('work').hidden = !w;
  const ringing = app.work.find((a) => !a.acknowledgedAt);
  if (ringing) {
    $('alert').hidden = false;
    $('alert-what').textContent = `${t('priority', { p: ringing.priority })} · ${ringing.type || ''}`;
    $('alert-where').textContent = ringing.address || (ringing.latitude == null ? t('no.place') : `${ringing.latitude.toFixed(5)}, ${ringing.longitude.toFixed(5)}`);
    $('alert').dataset.assignment = ringing.assignmentId;
    app.alarm.start();
    $('sound-hint').hidden = app.alarm.audible();
    showSound();
    if (document.activeElement === document.body || !document.activeElement) $('ack').focus();
  } else {
    $('alert').hidden = true;
    app.alarm.stop();
  }
  document.body.dataset.alarm = app.alarm.ringing() ? 'on' : 'off';
  if (!w) {
    $('proposal').hidden = true;
    if (app.layers.incident) { app.layers.incident.remove(); delete app.layers.incident; }
    return;
  }
  $('work-priority').textContent = t('priority', { p: w.priority });
  $('work-priority').className = 'prio p' + w.priority;
  $('work-type').textContent = w.type || '';
  $('work-state').textContent = t('state.' + w.state);
  $('work-state').dataset.state = w.state;
  $('work-address').textContent = w.address || (w.latitude == null ? t('no.place') : '');
  $('work-description').textContent = w.description || '';
  const hasPlace = w.latitude != null && w.longitude != null;
  $('nav-maps').hidden = !hasPlace;
  $('nav-geo').hidden = !hasPlace;
  if (hasPlace) {
    $('nav-maps').href = `https://www.google.com/maps/dir/?api=1&destination=${w.latitude},${w.longitude}`;
    $('nav-geo').href = `geo:${w.latitude},${w.longitude}?q=${w.latitude},${w.longitude}`;
    if (app.map) {
      placeMarker(app.map, app.layers, 'incident', w.latitude, w.longitude, { color: '#ff6b6b', label: w.type });
      if (!app.layers.centredOn || app.layers.centredOn !== w.assignmentId) {
        focusOn(app.map, w.latitude, w.longitude, 0, 15);
        app.layers.centredOn = w.assignmentId;
      }
    }
  }
  renderEta(w);
  $('berangkat').disabled = w.state === 'EN_ROUTE' || w.state === 'ON_SCENE';
  $('tiba').disabled = w.state === 'ON_SCENE';
  $('selesai').disabled = w.state !== 'EN_ROUTE' && w.state !== 'ON_SCENE';
  $('proposal').hidden = !(w.onSceneProposedAt || app.proposed.has(w.assignmentId)) || w.state === 'ON_SCENE';
}

/**
 * What the alarm is doing, on the page: ringing or not (body data-alarm), whether the page may sound (data-audio, the
 * AudioContext's state) and whether sound is going out now (data-sound, the meter), so the officer sees a phone
 * that rings without sound and taps to turn it on.
 */
function showSound() {
  const level = app.alarm.ringing() ? app.alarm.level() : 0;
  const sounding = level > 0.01;
  $('alarm-level').value = level;
  $('alarm-sounding').dataset.i18n = sounding ? 'alarm.sounding' : 'alarm.silent';
  $('alarm-sounding').textContent = t($('alarm-sounding').dataset.i18n);
  document.body.dataset.alarm = app.alarm.ringing() ? 'on' : 'off';
  document.body.dataset.audio = app.alarm.audioState();
  document.body.dataset.sound = sounding ? 'on' : 'off';
}

function renderEta(w) {
  if (!app.lastFix || w.latitude == null || w.state === 'ON_SCENE') {
    $('work-eta').textContent = '';
    return;
  }
  const km = distanceMeters(app.lastFix.latitude, app.lastFix.longitude, w.latitude, w.longitude) / 1000;
  // 1.3 × the straight line at 40 km/h: the server's default road factor and patrol car speed
  const minutes = Math.max(1, Math.round((km * 1.3) / 40 * 60));
  $('work-eta').textContent = t('eta', { eta: minutes, dist: km.toFixed(1) });
}

function distanceMeters(lat1, lon1, lat2, lon2) {
  const r = 6371008.8, rad = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * rad / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin((lon2 - lon1) * rad / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

// ---- the officer's actions ----

function acknowledge() {
  const id = $('alert').dataset.assignment;
  if ($('alert').hidden || !id) return;
  app.alarm.stop();
  showSound();
  if (app.socket && app.socket.readyState === WebSocket.OPEN) {
    app.socket.send(JSON.stringify({ type: 'ack', assignment: id }));
  } else {
    attempt(async () => { await post(`/api/assignments/${encodeURIComponent(id)}/ack`); toast(t('alert.acknowledged')); await reload(); })
      .catch(() => render());
  }
}

function setStatus(status, button) {
  const unit = current() ? current().unitId : app.units[0] && app.units[0].id;
  if (!unit || $(button).disabled) return;
  $(button).disabled = true;
  attempt(async () => {
    const s = await post(`/api/units/${encodeURIComponent(unit)}/status`, { status });
    toast(t('status.done', { status: t('unit.' + s.status) }));
    await reload();
  }).catch(() => render());
}

// ---- alerts over the socket ----

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/ws/officer`);
  app.socket = socket;
  socket.onopen = () => {
    app.retries = 0;
    offline(false);
    link('live');
  };
  socket.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.type === 'hello') {
      attempt(reload);
    } else if (m.type === 'alert') {
      onAlert(m.data);
    } else if (m.type === 'acknowledged') {
      toast(t('alert.acknowledged'));
      attempt(reload);
    } else if (m.type === 'error') {
      toast(`${t('error')}: ${m.data.reason}`, { error: true });
      attempt(reload);
    }
  };
  socket.onclose = () => {
    link('lost');
    // the server closes the socket when the session ends: ask whether it did (a 401 takes the officer to the login
    // page, which says the session ended); without a network this fails quietly and the socket keeps retrying
    get('/api/console').catch(() => {});
    const delay = Math.min(30000, 1000 * 2 ** app.retries) * (0.75 + Math.random() / 2);
    app.retries += 1;
    setTimeout(connect, delay);
  };
}

function onAlert(alert) {
  if (alert.kind === 'DISPATCH') {
    // ring at once from the alert itself; the reload brings the rest
    app.work = [{ ...alert, state: 'ALERTED', acknowledgedAt: null }, ...app.work.filter((w) => w.assignmentId !== alert.assignmentId)];
    render();
    if (navigator.serviceWorker && navigator.serviceWorker.controller && document.hidden && 'Notification' in window
        && Notification.permission === 'granted') {
      navigator.serviceWorker.ready.then((r) => r.showNotification(t('alert.title'), { body: alert.type || '', tag: alert.assignmentId,
        requireInteraction: true, vibrate: [500, 200, 500] }));
    }
  } else if (alert.kind === 'CANCEL') {
    toast(t('alert.cancelled', { unit: alert.callSign }), { error: true });
  } else if (alert.kind === 'ON_SCENE_PROPOSED') {
    app.proposed.add(alert.assignmentId);
  }
  attempt(reload);
}

function link(state) {
  $('link').dataset.i18n = 'link.' + state;
  $('link').textContent = t('link.' + state);
  $('link').className = 'badge ' + (state === 'live' ? 'ok' : 'alarm');
}

/** No signal: the app says so (and what cannot work meanwhile) instead of failing silently. */
function offline(on) {
  $('offline').hidden = !on;
  document.body.dataset.offline = String(on);
  if (on) link('offline');
}

/**
 * The app opened from the phone's cache without a signal (or the server is unreachable): show the shell saying so,
 * and start properly once the server answers again.
 */
function startOffline() {
  translate();
  offline(true);
  const retry = () => get('/api/console').then(() => location.reload()).catch(() => {});
  window.addEventListener('online', retry);
  setInterval(retry, RETRY_OFFLINE_MS);
}

function registerWorker() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/officer/sw.js', { scope: '/officer/' }).catch(() => {});
}

// ---- GPS while on duty ----

const GPS_OPTIONS = { enableHighAccuracy: true, maximumAge: 0, timeout: 20000 };

function setDuty(on) {
  app.duty = on;
  localStorage.setItem(DUTY, on ? 'on' : 'off');
  $('duty').setAttribute('aria-pressed', String(on));
  $('duty-label').dataset.i18n = on ? 'duty.on' : 'duty.off';
  $('duty-label').textContent = t(on ? 'duty.on' : 'duty.off');
  app.alarm.unlock();
  stopGps();
  if (on && navigator.geolocation) {
    gps('gps.waiting');
    watchGps();
    // a phone standing still may not report; ask again so the unit keeps being heard
    app.poll = setInterval(() => navigator.geolocation.getCurrentPosition(onFix, onGpsError, GPS_OPTIONS), SEND_EVERY_MS);
    if (navigator.wakeLock) navigator.wakeLock.request('screen').then((l) => { app.wakeLock = l; }).catch(() => {});
  } else {
    if (app.wakeLock) app.wakeLock.release().catch(() => {});
    gps('gps.off');
  }
}

function watchGps() {
  if (app.watch !== null) navigator.geolocation.clearWatch(app.watch);
  app.watch = navigator.geolocation.watchPosition(onFix, onGpsError, GPS_OPTIONS);
}

function stopGps() {
  if (app.watch !== null && navigator.geolocation) navigator.geolocation.clearWatch(app.watch);
  clearInterval(app.poll);
  app.watch = null;
  app.poll = null;
}

function gps(key, vars) {
  $('gps').dataset.i18n = key;
  $('gps').textContent = t(key, vars);
}

function onFix(p) {
  if (!app.duty) return;
  const fix = { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy,
    speed: p.coords.speed, heading: Number.isFinite(p.coords.heading) ? p.coords.heading : null, timestamp: Math.round(p.timestamp) };
  app.lastFix = fix;
  if (app.map) placeMarker(app.map, app.layers, 'me', fix.latitude, fix.longitude, { radius: fix.accuracy, color: '#4db2ff' });
  if (current()) renderEta(current());
  const key = `${fix.latitude},${fix.longitude}`;
  const now = Date.now();
  if (key === app.lastSentKey && now - app.lastSentAt < 30000) return;
  if (now - app.lastSentAt < SEND_GAP_MS) return;
  app.lastSentAt = now;
  app.lastSentKey = key;
  post('/api/officer/position', fix)
    .then(() => gps('gps.sent', { time: clock(new Date()), acc: Math.round(fix.accuracy || 0) }))
    .catch((e) => gps('gps.failed', { reason: e.message }));
}

function onGpsError(e) {
  gps(e.code === 1 ? 'gps.denied' : 'gps.failed', { reason: e.message || `code ${e.code}` });
  // no fix or too slow: the phone's location service may have stalled; start watching afresh
  if (app.duty && e.code !== 1 && Date.now() - (app.restartedAt || 0) > 10000) {
    app.restartedAt = Date.now();
    watchGps();
  }
}

// ---- start ----

function keys(e) {
  if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName)) return;
  const k = e.key.toLowerCase();
  const actions = { a: acknowledge, b: () => setStatus('EN_ROUTE', 'berangkat'), t: () => setStatus('ON_SCENE', 'tiba'),
    s: () => setStatus('AVAILABLE', 'selesai'), d: () => setDuty(!app.duty), n: () => { if (!$('nav-maps').hidden && current()) $('nav-maps').click(); } };
  if (actions[k]) {
    e.preventDefault();
    actions[k]();
  }
}

async function main() {
  try {
    app.me = await start();
  } catch (e) {
    if (e instanceof ApiError) throw e; // the server answered: a refusal, not a lost signal
    registerWorker();
    startOffline();
    return;
  }
  window.addEventListener('offline', () => offline(true));
  window.addEventListener('online', () => offline(false));
  setInterval(showSound, LEVEL_EVERY_MS);
  $('ack').addEventListener('click', acknowledge);
  $('berangkat').addEventListener('click', () => setStatus('EN_ROUTE', 'berangkat'));
  $('tiba').addEventListener('click', () => setStatus('ON_SCENE', 'tiba'));
  $('proposal-arrive').addEventListener('click', () => setStatus('ON_SCENE', 'tiba'));
  $('selesai').addEventListener('click', () => setStatus('AVAILABLE', 'selesai'));
  $('duty').addEventListener('click', () => setDuty(!app.duty));
  $('sound').addEventListener('click', () => { app.alarm.unlock(); render(); });
  document.addEventListener('keydown', keys);
  document.addEventListener('pointerdown', () => app.alarm.unlock(), { once: true });
  document.querySelector('[data-lang-switch]').addEventListener('click', () => render());
  try {
    app.map = await jurisdictionMap($('map'), app.me);
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
  }
  await attempt(reload);
  connect();
  setDuty(app.duty);
  translate();
  registerWorker();
}

main();
