// Siaga 110 administration: the rollout of 110 by Polda on a map of Indonesia drawn from the kab/kota outlines the server
// sends (no street tiles: the map must work on a closed network), a table of the Polda beside it, the stations of the
// Polda chosen with their names to correct, and the import of a names file.
import '/admin/stations-words.js';
import { startAdmin } from '/admin/nav.js';
import { api, del, get, put } from '/js/api.js';
import { attempt, toast } from '/js/console.js';
import { t } from '/js/i18n.js';
import { dateTime } from '/js/time.js';

const L = window.L;
/** Indonesia, Sabang to Merauke, Miangas to Rote. */
const INDONESIA = [[-11.2, 94.7], [6.3, 141.1]];
const state = { rollout: null, areas: null, layer: null, map: null, selected: null };

/** The colour of a share of stations live: red at none, amber at half, green at all. */
export function shareColour(share) {
  const stops = [[0, [0xc0, 0x39, 0x2b]], [0.5, [0xe0, 0xa0, 0x30]], [1, [0x2e, 0xcc, 0x71]]];
  const s = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 0));
  const i = s <= 0.5 ? 0 : 1;
  const [a, ca] = stops[i];
  const [b, cb] = stops[i + 1];
  const k = (s - a) / (b - a);
  return '#' + ca.map((c, n) => Math.round(c + (cb[n] - c) * k).toString(16).padStart(2, '0')).join('');
}

function polda(id) {
  return state.rollout.poldas.find((p) => p.id === id);
}

function areaStyle(feature) {
  const p = polda(feature.properties.polda);
  const chosen = state.selected === feature.properties.polda;
  return {
    color: chosen ? '#f2f5f8' : '#0b1016', weight: chosen ? 1.5 : 0.5, opacity: 1,
    fillColor: p ? shareColour(p.shareLive) : '#33475b', fillOpacity: p && p.editable ? 0.85 : 0.6,
  };
}

function drawMap() {
  const element = document.getElementById('rollout-map');
  element.title = t('ro.mapLabel');
  state.map = L.map(element, { preferCanvas: true, attributionControl: false, zoomSnap: 0.25, minZoom: 3, maxZoom: 11 });
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(state.map);
  state.map.fitBounds(INDONESIA, { padding: [8, 8] });
  state.layer = L.geoJSON(state.areas, {
    style: areaStyle,
    onEachFeature: (f, layer) => {
      layer.bindTooltip(() => tooltip(f.properties.polda), { sticky: true });
      layer.on('click', () => choose(f.properties.polda));
    },
  }).addTo(state.map);
}

function tooltip(id) {
  const p = polda(id);
  return p ? `${p.name}: ${p.live} / ${p.total}` : id;
}

function cell(text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

function renderTable() {
  const table = document.createElement('table');
  table.className = 'rollout-table';
  const head = table.createTHead().insertRow();
  for (const key of ['ro.polda', 'ro.liveOfTotal', 'ro.planned', 'ro.suspended', 'ro.lastChange']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t(key);
    head.append(th);
  }
  const body = table.createTBody();
  for (const p of state.rollout.poldas) {
    const row = body.insertRow();
    row.dataset.polda = p.id;
    if (!p.editable) row.classList.add('counts-only');
    if (state.selected === p.id) row.setAttribute('aria-selected', 'true');
    const name = document.createElement('th');
    name.scope = 'row';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.dataset.polda = p.id;
    button.textContent = p.name;
    if (!p.editable) button.title = t('ro.countsOnly');
    button.addEventListener('click', () => choose(p.id));
    name.append(button);
    const share = cell(`${p.live} / ${p.total}`, 'share');
    const bar = document.createElement('span');
    bar.className = 'share-bar';
    const fill = document.createElement('span');
    fill.style.setProperty('--share', String(p.shareLive)); // a custom property, which the policy on inline styles lets through
    fill.style.setProperty('--colour', shareColour(p.shareLive));
    bar.append(fill);
    share.append(bar);
    row.append(name, share, cell(String(p.planned)), cell(String(p.suspended)), cell(p.lastChange ? dateTime(p.lastChange) : t('ro.never'), 'muted'));
  }
  document.getElementById('poldas').replaceChildren(table);
}

function choose(id) {
  state.selected = id;
  state.layer.setStyle(areaStyle);
  const bounds = L.latLngBounds([]);
  state.layer.eachLayer((l) => { if (l.feature.properties.polda === id) bounds.extend(l.getBounds()); });
  if (bounds.isValid()) state.map.fitBounds(bounds, { padding: [16, 16], maxZoom: 9 });
  renderTable();
  renderPolda();
  document.getElementById('polda').scrollIntoView({ block: 'nearest' });
  document.getElementById('polda-title').focus();
}

function renderPolda() {
  const p = polda(state.selected);
  const section = document.getElementById('polda');
  if (!p) { section.hidden = true; return; }
  section.hidden = false;
  const title = document.getElementById('polda-title');
  title.tabIndex = -1;
  title.textContent = t('ro.stations', { polda: p.name, live: p.live, total: p.total });
  const list = document.getElementById('stations');
  if (!p.stations || p.stations.length === 0) {
    list.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('ro.readOnlyPolda') }));
    return;
  }
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const key of ['ro.station', 'ro.reference', 'ro.status', '']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = key ? t(key) : '';
    head.append(th);
  }
  const body = table.createTBody();
  for (const s of p.stations) {
    const row = body.insertRow();
    row.dataset.station = s.id;
    const status = document.createElement('span');
    status.className = 'badge ' + (s.status === 'LIVE' ? 'ok' : s.status === 'SUSPENDED' ? 'alarm' : 'warn');
    status.textContent = t(`ro.st.${s.status}`);
    const statusCell = cell('');
    statusCell.append(status);
    const actions = cell('', 'actions');
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.dataset.rename = s.id;
    edit.textContent = t('ro.edit');
    edit.setAttribute('aria-label', `${t('ro.edit')}: ${s.name}`);
    edit.addEventListener('click', () => rename(s));
    actions.append(edit);
    row.append(cell(s.name, 'name'), cell(s.referenceName === s.name ? '' : s.referenceName, 'muted'), statusCell, actions);
  }
  list.replaceChildren(table);
}

function rename(station) {
  const dialog = document.getElementById('rename');
  const input = document.getElementById('rename-name');
  const error = document.getElementById('rename-error');
  document.getElementById('rename-station').textContent = station.id;
  document.getElementById('rename-reference').textContent = t('ro.referenceName', { name: station.referenceName });
  input.value = station.name;
  error.hidden = true;
  const done = async (request) => {
    try {
      const named = await request();
      dialog.close();
      toast(t('ro.saved', { name: named.station.name }));
      await reload();
      document.querySelector(`button[data-rename="${CSS.escape(station.id)}"]`)?.focus();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  };
  document.getElementById('rename-form').onsubmit = (e) => {
    e.preventDefault();
    done(() => put(`/api/admin/stations/${encodeURIComponent(station.id)}/name`, { name: input.value }));
  };
  document.getElementById('rename-restore').onclick = () => done(() => del(`/api/admin/stations/${encodeURIComponent(station.id)}/name`));
  document.getElementById('rename-cancel').onclick = () => dialog.close();
  dialog.showModal();
  input.select();
}

async function importNames() {
  const result = document.getElementById('import-result');
  const file = document.getElementById('names-file').files[0];
  if (!file) { result.replaceChildren(Object.assign(document.createElement('p'), { className: 'form-error', textContent: t('ro.noFile') })); return; }
  try {
    const imported = await api('/api/admin/stations/names', { method: 'POST', raw: await file.text(), contentType: 'text/csv' });
    result.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('ro.imported', imported) }));
    await reload();
  } catch (e) {
    const lines = (e.problem && e.problem.lines) || [];
    const list = document.createElement('ul');
    list.className = 'form-error';
    for (const l of lines) list.append(Object.assign(document.createElement('li'), { textContent: t('ro.line', l) }));
    const intro = Object.assign(document.createElement('p'), { className: 'form-error', textContent: lines.length ? t('ro.refused') : e.message });
    result.replaceChildren(intro, list);
  }
}

async function reload() {
  state.rollout = await get('/api/admin/rollout');
  state.layer.setStyle(areaStyle);
  renderTable();
  renderPolda();
}

attempt(async () => {
  await startAdmin('stations');
  const [rollout, areas] = await Promise.all([get('/api/admin/rollout'), get('/api/admin/rollout/areas')]);
  state.rollout = rollout;
  state.areas = areas;
  drawMap();
  renderTable();
  document.getElementById('import').addEventListener('click', importNames);
  // the words change with the language: the table, the chosen Polda and the map's label are written again
  document.querySelector('[data-lang-switch]')?.addEventListener('click', () => { renderTable(); renderPolda(); });
  document.body.dataset.ready = 'true';
});
