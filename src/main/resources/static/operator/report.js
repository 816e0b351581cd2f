// Siaga 110 operator console: "Buat laporan", the incident form, keyboard only. The type is a searchable list
// (type, arrows, Tab or Enter), the priority follows the type unless changed (1-5), Ctrl+Enter saves. While the form
// is filled it asks /api/incidents/duplicates and warns about open incidents the report may repeat. Without a call
// ("Laporan tanpa panggilan": someone at the desk, a report by radio) the form also asks the channel, the caller and
// the location: typed as lat,lon or picked on the map, where a marker can be dragged into place.
import { get, post } from '/js/api.js';
import { t } from '/js/i18n.js';
import { toast } from '/js/console.js';
import { dateTime } from '/js/time.js';
import { incidentRef, typeLabel } from '/js/names.js';
import { state, el } from './state.js';

const L = window.L;
const LAT_LON = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;
let picked = null;     // the marker of a report without a call

let chosen = null;     // the chosen type (TypeView)
let highlighted = 0;
let call = null;       // the call the report is for
let onCreated = () => {};
let dupTimer = null;

const form = () => document.getElementById('report');
const input = () => document.getElementById('type-input');

export function initReport(createdHandler) {
  onCreated = createdHandler;
  input().addEventListener('input', () => { chosen = null; highlighted = 0; renderTypes(); });
  input().addEventListener('keydown', (e) => {
    const shown = matches();
    if (e.key === 'ArrowDown') { highlighted = Math.min(shown.length - 1, highlighted + 1); renderTypes(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { highlighted = Math.max(0, highlighted - 1); renderTypes(); e.preventDefault(); }
    else if ((e.key === 'Enter' && !e.ctrlKey) || (e.key === 'Tab' && !e.shiftKey)) {
      if (shown[highlighted]) choose(shown[highlighted]);
      if (e.key === 'Enter') { e.preventDefault(); document.getElementById('priority').focus(); }
    }
  });
  form().addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  form().addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); }
    if (/^[1-5]$/.test(e.key) && (e.altKey || e.target.id === 'priority')) { e.preventDefault(); setPriority(e.key); }
  });
  document.getElementById('report-cancel').addEventListener('click', closeReport);
  const typed = document.getElementById('walkin-location');
  typed.addEventListener('input', () => {
    const at = parseLatLon(typed.value);
    if (at) {
      pin(at.lat, at.lon, false);
      if (!state.map.getBounds().contains([at.lat, at.lon])) state.map.panTo([at.lat, at.lon]);
      checkDuplicates();
    }
  });
  state.map.on('click', (e) => {
    if (!reportOpen() || call) return;
    pin(e.latlng.lat, e.latlng.lng, true);
    checkDuplicates();
  });
}

/** "-7.7160, 110.3550" → {lat, lon}; null when it is not a position. */
export function parseLatLon(text) {
  const m = LAT_LON.exec(text || '');
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

/** Puts the draggable marker of the report at a position (and the position in the field when it came from the map). */
function pin(lat, lon, fillField) {
  if (!picked) {
    picked = L.marker([lat, lon], { draggable: true, keyboard: false, title: t('op.walkin.marker') });
    picked.on('dragend', () => {
      const p = picked.getLatLng();
      document.getElementById('walkin-location').value = `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`;
      checkDuplicates();
    });
  }
  picked.setLatLng([lat, lon]);
  if (!state.map.hasLayer(picked)) picked.addTo(state.map);
  if (fillField) document.getElementById('walkin-location').value = `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

function unpin() {
  if (picked && state.map.hasLayer(picked)) picked.remove();
}

export function reportOpen() {
  return !form().hidden;
}

/** Opens the form for a call (or for a report without one), focused on the type. */
export function openReport(forCall) {
  call = forCall || null;
  chosen = null;
  highlighted = 0;
  form().reset();
  form().hidden = false;
  unpin();
  document.getElementById('walkin').hidden = !!call;
  document.getElementById('report-key').textContent = call ? 'N' : 'W';
  const title = document.getElementById('report-title');
  title.dataset.i18n = call ? 'op.report' : 'op.report.walkin';
  title.textContent = t(title.dataset.i18n);
  document.getElementById('duplicates').hidden = true;
  renderTypes();
  input().focus();
}

export function closeReport() {
  form().hidden = true;
  unpin();
}

export function setPriority(p) {
  document.getElementById('priority').value = String(p);
}

function matches() {
  const q = input().value.trim().toLowerCase();
  if (!q) return state.types;
  return state.types.filter((ty) => ty.label.toLowerCase().includes(q) || typeLabel(ty).toLowerCase().includes(q)
    || ty.type.toLowerCase().includes(q));
}

function renderTypes() {
  const shown = matches();
  highlighted = Math.max(0, Math.min(highlighted, shown.length - 1));
  document.getElementById('type-list').replaceChildren(...shown.map((ty, i) => el('li', {
    role: 'option', id: 'type-' + ty.type, dataset: { type: ty.type }, 'aria-selected': String(chosen ? chosen.type === ty.type : i === highlighted),
    onmousedown: (e) => { e.preventDefault(); choose(ty); },
  }, `${typeLabel(ty)} `, el('span', { class: 'p' + ty.defaultPriority }, `P${ty.defaultPriority}`))));
  const active = shown[highlighted];
  input().setAttribute('aria-activedescendant', active ? 'type-' + active.type : '');
}

function choose(ty) {
  chosen = ty;
  input().value = typeLabel(ty);
  setPriority(ty.defaultPriority);
  renderTypes();
  checkDuplicates();
}

function where() {
  if (!call) return parseLatLon(document.getElementById('walkin-location').value);
  const c = state.calls.get(call.id) || call;
  return c && c.latitude != null ? { lat: c.latitude, lon: c.longitude } : null;
}

function checkDuplicates() {
  clearTimeout(dupTimer);
  dupTimer = setTimeout(async () => {
    const box = document.getElementById('duplicates');
    const at = where();
    if (!chosen || !at) { box.hidden = true; return; }
    try {
      const found = await get(`/api/incidents/duplicates?type=${chosen.type}&lat=${at.lat}&lon=${at.lon}`);
      showDuplicates(found);
    } catch (e) {
      box.hidden = false;
      box.textContent = `${t('error')}: ${e.message}`;
    }
  }, 150);
}

function showDuplicates(found) {
  const box = document.getElementById('duplicates');
  box.hidden = found.length === 0;
  box.replaceChildren(el('strong', {}, '⚠ ' + t('op.duplicates')), el('ul', {}, ...found.map((d) => el('li', {},
    `${incidentRef(d.id)} · ${typeLabel(d)} · P${d.priority} · ${t('incident.' + d.status)} · ${dateTime(d.createdAt)} · `
    + t('op.distance', { m: Math.round(d.distanceMeters) }) + (d.address ? ` · ${d.address}` : '')))));
}

async function submit() {
  if (!chosen) {
    const shown = matches();
    if (input().value.trim() && shown.length) choose(shown[highlighted] || shown[0]);
  }
  if (!chosen) {
    toast(t('op.type.required'), { error: true });
    input().focus();
    return;
  }
  // no priority picked: the type's own
  const body = { type: chosen.type, priority: Number(document.getElementById('priority').value || chosen.defaultPriority) };
  if (call) {
    body.callId = call.id;
  } else {
    const typed = document.getElementById('walkin-location').value.trim();
    const at = parseLatLon(typed);
    if (typed && !at) {
      toast(t('op.walkin.location.bad'), { error: true });
      document.getElementById('walkin-location').focus();
      return;
    }
    if (!at && chosen.needsUnits) {
      toast(t('op.walkin.location.required'), { error: true });
      document.getElementById('walkin-location').focus();
      return;
    }
    body.channel = document.getElementById('walkin-channel').value;
    if (at) body.location = { latitude: at.lat, longitude: at.lon };
    const number = document.getElementById('walkin-number').value.trim();
    const name = document.getElementById('walkin-name').value.trim();
    if (number) body.callerNumber = number;
    if (name) body.callerName = name;
  }
  const address = document.getElementById('address').value.trim();
  const notes = document.getElementById('notes').value.trim();
  if (address) body.address = address;
  if (notes) body.description = notes;
  try {
    const created = await post('/api/incidents', body);
    closeReport();
    onCreated(created);
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
  }
}
