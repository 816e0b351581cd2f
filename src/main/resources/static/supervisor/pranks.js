// Siaga 110 supervisor board: prank calls. Today's share and operator minutes, silent/abusive/hung-up calls, pranks by
// hour and by day, per station, the repeat numbers (masked by the server outside the station a number belongs to) and
// the persistent prank numbers with their last measured position, drawn as a layer of their own on the board's map.
import './prank-words.js';
import { get } from '/js/api.js';
import { t, lang } from '/js/i18n.js';
import { dateTime } from '/js/time.js';

const uPlot = window.uPlot;
const L = window.L;
const PRANK = '#c77dff';
const OTHER = '#4db2ff';
const AXIS = { stroke: '#b3c0cc', grid: { stroke: '#33475b', width: 1 }, ticks: { stroke: '#33475b' } };
/** The persistent numbers (a journal read per number for its fix) are fetched at most this often. */
const NUMBERS_EVERY_MS = 60_000;

const $ = (id) => document.getElementById(id);
let days = 7;
let drawHours = null;
let drawDays = null;
let numbersAt = 0;
let layer = null;

const fmt = (v) => v.toLocaleString(lang() === 'en' ? 'en' : 'id', { maximumFractionDigits: 1 });

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k === 'class' ? (e.className = v) : k.startsWith('data-') ? e.setAttribute(k, v) : (e[k] = v)));
  children.forEach((c) => e.append(c));
  return e;
}

function bigPercent(element, v) {
  element.replaceChildren(v == null ? '—' : fmt(v));
  if (v != null) element.append(el('small', { textContent: '%' }));
}

function sized(element) {
  return { width: Math.max(280, element.clientWidth), height: 200 };
}

/** Pranks beside the other answered calls, one pair of bars per bucket. */
function barChart(element, labelOf) {
  let plot = null;
  let labels = [];
  return (buckets) => {
    labels = buckets.map(labelOf);
    const x = buckets.map((_, i) => i);
    const data = [x, buckets.map((c) => c.prank), buckets.map((c) => Math.max(0, c.answered - c.prank))];
    if (plot && plot.data[0].length !== x.length) { plot.destroy(); plot = null; }
    if (!plot) {
      const every = Math.max(1, Math.ceil(labels.length / 12));
      plot = new uPlot({
        ...sized(element), cursor: { show: false }, legend: { live: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(4, max + 1)] } },
        axes: [{ ...AXIS, values: (u, ticks) => ticks.map((v) => labels[v] ?? ''), splits: () => x.filter((i) => i % every === 0) }, { ...AXIS }],
        series: [{}, { label: t('pr.pranks'), stroke: PRANK, fill: PRANK + 'dd', width: 1, points: { show: false },
          paths: uPlot.paths.bars({ size: [0.4, 30], align: -1 }) },
        { label: t('pr.otherAnswered'), stroke: OTHER, fill: OTHER + '99', width: 1, points: { show: false },
          paths: uPlot.paths.bars({ size: [0.4, 30], align: 1 }) }],
      }, data, element);
      window.addEventListener('resize', () => plot && plot.setSize(sized(element)));
    } else {
      plot.setData(data);
    }
  };
}

function showTiles(f) {
  const today = f.today;
  bigPercent($('prank-share'), today.prankPercent);
  $('prank-share-sub').textContent = t('pr.shareSub', { n: today.prank, a: today.answered, c: today.classified });
  $('tile-prank-share').classList.toggle('warn', today.prank > 0);
  $('prank-minutes').textContent = fmt(today.prankMinutes);
  $('prank-minutes-sub').textContent = t('pr.minutesSub', { s: fmt(today.silentMinutes), k: fmt(today.abusiveMinutes) });
  $('prank-other').textContent = `${today.silent} · ${today.abusive} · ${today.hungUp}`;
  $('prank-window-label').textContent = t('pr.window', { d: f.days });
  bigPercent($('prank-window'), f.window.prankPercent);
  $('prank-window-sub').textContent = t('pr.windowSub', { n: f.window.prank, a: f.window.answered, m: fmt(f.window.prankMinutes) });
}

function showTop(f) {
  $('prank-top-title').textContent = t('pr.top', { d: f.days });
  $('prank-top-none').hidden = f.topNumbers.length > 0;
  $('prank-top-rows').replaceChildren(...f.topNumbers.map((n) => {
    const number = el('td', { class: n.masked ? 'number masked' : 'number', textContent: n.number });
    if (n.masked) number.title = t('pr.masked');
    if (n.flagged) number.append(' ', el('span', { class: 'badge warn', textContent: t('pr.flagged') }));
    const count = el('td', { class: 'num', textContent: String(n.pranks) });
    if (n.pranksEverywhere > n.pranks) count.title = t('pr.everywhere', { n: n.pranksEverywhere });
    return el('tr', { 'data-number': n.number }, number, count, el('td', { textContent: n.ownerName }), el('td', { textContent: dateTime(n.lastCall) }));
  }));
}

function showStations(f) {
  $('prank-stations-title').textContent = t('pr.stations', { d: f.days });
  $('prank-stations-none').hidden = f.stations.length > 0;
  $('prank-station-rows').replaceChildren(...f.stations.map((s) => el('tr', { 'data-station': s.station }, el('td', { textContent: s.name }),
    el('td', { class: 'num', textContent: String(s.counts.calls) }), el('td', { class: 'num', textContent: String(s.counts.prank) }),
    el('td', { class: 'num', textContent: s.counts.prankPercent == null ? '—' : `${fmt(s.counts.prankPercent)} %` }),
    el('td', { class: 'num', textContent: fmt(s.counts.prankMinutes) }))));
}

function place(p) {
  const src = p.lastPosition.uncertaintyMeters == null ? p.lastPosition.source : `${p.lastPosition.source} ±${Math.round(p.lastPosition.uncertaintyMeters)} m`;
  return `${src} · ${dateTime(p.lastPosition.at)}`;
}

/** The persistent numbers: a list, and a layer of their own on the map (SVG, one marker and its uncertainty circle each). */
async function showPersistent(map) {
  const list = await get('/api/supervision/prank-numbers');
  numbersAt = Date.now();
  $('prank-persistent-none').hidden = list.numbers.length > 0;
  $('prank-persistent-rows').replaceChildren(...list.numbers.map((n) => el('tr', { 'data-number': n.number },
    el('td', { class: 'number', textContent: n.number }), el('td', { class: 'num', textContent: String(n.pranks) }),
    el('td', { textContent: n.stationName }), el('td', { textContent: n.lastPosition ? place(n) : t('pr.noPosition') }))));
  if (!map) return;
  if (!layer) {
    map.createPane('pranks').style.zIndex = 640;
    layer = L.layerGroup().addTo(map);
  }
  const svg = L.svg({ pane: 'pranks' });
  layer.clearLayers();
  for (const n of list.numbers.filter((x) => x.lastPosition)) {
    const at = [n.lastPosition.latitude, n.lastPosition.longitude];
    if (n.lastPosition.uncertaintyMeters) {
      L.circle(at, { radius: n.lastPosition.uncertaintyMeters, pane: 'pranks', renderer: svg, className: 'prank-area', color: PRANK, weight: 1,
        fillOpacity: 0.12 }).addTo(layer);
    }
    L.circleMarker(at, { radius: 8, pane: 'pranks', renderer: svg, className: 'prank-marker', color: '#0b1016', weight: 2, fillColor: PRANK,
      fillOpacity: 0.95 }).bindTooltip(`${t('pr.marker', { n: n.number, c: n.pranks, s: place(n) })} · ${n.stationName}`).addTo(layer);
  }
}

/** Draws the prank panels; the persistent numbers at most once a minute unless {@code force}. */
export async function showPranks(map, force = false) {
  if (!drawHours) {
    drawHours = barChart($('chart-prank-hours'), (c) => String(c.hour));
    drawDays = barChart($('chart-prank-days'), (c) => c.day.slice(8, 10) + '/' + c.day.slice(5, 7));
  }
  const f = await get(`/api/supervision/pranks?days=${days}`);
  $('prank-days-label').textContent = t('pr.days', { d: f.days });
  showTiles(f);
  drawHours(f.todayByHour.map((c, hour) => ({ ...c, hour })));
  $('prank-days-title').textContent = t('pr.byDay', { d: f.days });
  drawDays(f.byDay.map((d) => ({ ...d.counts, day: d.day })));
  showTop(f);
  showStations(f);
  if (force || Date.now() - numbersAt >= NUMBERS_EVERY_MS) await showPersistent(map);
}

/** The window of the figures: 7 days, or 30. */
export function toggleDays() {
  days = days === 7 ? 30 : 7;
  return days;
}
