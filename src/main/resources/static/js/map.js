// Siaga 110 consoles: the map. The jurisdiction polygons of the user's scope are the basemap, so the map works
// on a station's closed network; a tile URL in the settings (siaga.console.tile-url, e.g. the station's own tile
// server) adds streets underneath. Without tiles, or while they fail to load, the map still draws what the server
// knows: the outlines, the stations' headquarters, the callers, the units, a scale, the name of the area in view, and
// says in words that the base map is missing.
import { get } from './api.js';
import { t, words } from './i18n.js';

const L = window.L;

words({
  'map.noTiles': 'Peta dasar tidak tersedia — menampilkan batas wilayah', 'map.area': 'Wilayah',
}, {
  'map.noTiles': 'Base map unavailable — showing jurisdiction boundaries', 'map.area': 'Area',
});

/** Below this zoom a station's name is shown on hover only; from it on, beside its headquarters. */
const NAMED_ZOOM = 11;
/** How close a call brings the map: street level, where the tiles show the streets. */
const CALL_ZOOM = 14;
/** The innermost station kind first, for naming the areas that hold a place. */
const DEPTH = { POLSEK: 0, POLRES: 1, POLDA: 2, MABES: 3 };

export async function jurisdictionMap(element, console) {
  const maxZoom = console.tileMaxZoom || 19;
  const map = L.map(element, { zoomControl: true, attributionControl: !!console.tileUrl, preferCanvas: true, maxZoom });
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  const notice = corner(map, 'topright', 'map-notice');
  notice.dataset.i18n = 'map.noTiles';
  notice.textContent = t('map.noTiles');
  const area = corner(map, 'bottomleft', 'map-area');
  map.siaga = { tiles: console.tileUrl ? 'loading' : 'none', areas: [] };
  const showTiles = () => { notice.hidden = map.siaga.tiles !== 'none' && map.siaga.tiles !== 'failing'; };
  if (console.tileUrl) followTiles(map, L.tileLayer(console.tileUrl, { attribution: console.tileAttribution, maxZoom }).addTo(map), showTiles);
  showTiles();

  const [areas, stations] = await Promise.all([get('/api/jurisdictions'), get('/api/stations').catch(() => [])]);
  map.siaga.areas = areas.features || [];
  const layer = L.geoJSON(areas, {
    style: (f) => areaStyle(f, map.getZoom()),
    onEachFeature: (f, l) => l.bindTooltip(f.properties.name, { sticky: true }),
  }).addTo(map);
  // at street zoom the fill thins out (the streets underneath must show) while the outline grows: a boundary stays
  // visible at every zoom
  map.on('zoomend', () => layer.setStyle((f) => areaStyle(f, map.getZoom())));
  headquarters(map, stations);
  // the name of the area the view is in, for when its boundary is out of sight
  const nameArea = () => {
    const names = containing(map.siaga.areas, map.getCenter()).map((f) => f.properties.name);
    area.hidden = names.length === 0;
    area.replaceChildren(Object.assign(document.createElement('span'), { className: 'muted', textContent: t('map.area') }),
      ' ' + names.join(' · '));
    area.firstChild.dataset.i18n = 'map.area';
  };
  map.on('moveend', nameArea);
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([console.station.hqLat, console.station.hqLon], 11);
  nameArea();
  return map;
}

/**
 * Brings a place (a caller, an incident) into view. With street tiles on screen: street zoom. Without them the streets
 * cannot show, so the map stops where the boundary of the innermost area holding the place is in view as well (never
 * closer than street zoom, never farther than a Polres), so the operator sees which area it is in and how far its
 * edge is.
 */
export function focusOn(map, lat, lon, radiusMeters = 0, streetZoom = CALL_ZOOM) {
  const here = L.latLng(lat, lon);
  const street = Math.max(map.getZoom(), streetZoom);
  const tiles = map.siaga && map.siaga.tiles === 'ok';
  const holder = tiles || !map.siaga ? null : containing(map.siaga.areas, here)[0];
  if (!holder) { map.setView(here, street); return; }
  const edge = nearestBoundary(holder, here);
  const reach = Math.max(here.distanceTo(edge), radiusMeters || 0);
  // a square around the place reaching past its nearest edge, so the place stays in the middle
  const view = here.toBounds(2 * reach * 1.3);
  map.setView(here, Math.max(9, Math.min(streetZoom, map.getBoundsZoom(view, false, L.point(24, 24)))));
}

/** The areas (GeoJSON features) that hold a point, the innermost first. */
export function containing(features, latlng) {
  return features.filter((f) => holds(f.geometry, latlng.lng, latlng.lat))
    .sort((a, b) => (DEPTH[a.properties.kind] ?? 9) - (DEPTH[b.properties.kind] ?? 9));
}

/**
 * How a jurisdiction is drawn at a zoom: a full-strength outline always (thicker for the upper levels and as the map
 * closes in), a fill that fades towards street level so it never hides the streets or the markers.
 */
export function areaStyle(feature, zoom) {
  const upper = feature.properties.kind && feature.properties.kind !== 'POLRES' && feature.properties.kind !== 'POLSEK';
  const street = zoom >= 14;
  const near = zoom >= 12;
  return {
    color: '#4db2ff', opacity: 1, weight: (upper ? 3 : 2) + (street ? 1.5 : near ? 0.5 : 0),
    fillColor: '#1f2b38', fillOpacity: street ? 0.08 : near ? 0.2 : 0.35,
  };
}

/** A marker with an accuracy circle (metres), replaced on each call for the same key. */
export function placeMarker(map, layers, key, lat, lon, { radius, color = '#ff6b6b', label } = {}) {
  if (layers[key]) layers[key].remove();
  const group = L.layerGroup();
  if (radius) L.circle([lat, lon], { radius, color, weight: 1, fillOpacity: 0.15 }).addTo(group);
  const marker = L.circleMarker([lat, lon], { radius: 7, color, weight: 2, fillOpacity: 0.9 });
  if (label) marker.bindTooltip(label, { permanent: false });
  marker.addTo(group);
  group.addTo(map);
  layers[key] = group;
  return group;
}

/** An empty box in a corner of the map, under the map's own controls. */
function corner(map, position, className) {
  const Box = L.Control.extend({
    onAdd: () => {
      const box = L.DomUtil.create('div', 'leaflet-control ' + className);
      L.DomEvent.disableClickPropagation(box);
      return box;
    },
  });
  const control = new Box({ position });
  control.addTo(map);
  return control.getContainer();
}

/**
 * Whether the tiles come: each round of loading (after a move or zoom) ends "failing" when not one tile came, "ok" when
 * any did. A tile server that cannot be reached says so at its first error rather than when the round ends.
 */
function followTiles(map, tiles, changed) {
  let loaded = 0;
  let failed = 0;
  const set = (state) => { if (map.siaga.tiles !== state) { map.siaga.tiles = state; changed(); } };
  tiles.on('loading', () => { loaded = 0; failed = 0; });
  tiles.on('tileload', () => { loaded++; set('ok'); });
  tiles.on('tileerror', () => { failed++; if (loaded === 0) set('failing'); });
  tiles.on('load', () => set(loaded === 0 && failed > 0 ? 'failing' : 'ok'));
}

/** The stations' headquarters, each a small square, named beside it once the map is close enough. */
function headquarters(map, stations) {
  const named = () => map.getContainer().classList.toggle('map-named', map.getZoom() >= NAMED_ZOOM);
  for (const s of stations) {
    if (s.hqLat == null || s.hqLon == null) continue;
    L.marker([s.hqLat, s.hqLon], { icon: L.divIcon({ className: 'map-hq', iconSize: [10, 10] }), keyboard: false, interactive: false })
      .bindTooltip(s.name, { permanent: true, direction: 'right', offset: [6, 0], className: 'map-hq-name' }).addTo(map);
  }
  map.on('zoomend', named);
  named();
}

/** Whether a GeoJSON Polygon or MultiPolygon holds a point (even-odd over every ring, so holes are outside). */
function holds(geometry, x, y) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

/** The point of an area's boundary nearest to a place (on a plane scaled by the latitude, plenty at a Polres's size). */
function nearestBoundary(feature, here) {
  const k = Math.cos((here.lat * Math.PI) / 180);
  const px = here.lng * k;
  const py = here.lat;
  let best = null;
  let bestDistance = Infinity;
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const ax = ring[i - 1][0] * k; const ay = ring[i - 1][1];
        const bx = ring[i][0] * k; const by = ring[i][1];
        const dx = bx - ax; const dy = by - ay;
        const length = dx * dx + dy * dy;
        const s = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
        const cx = ax + s * dx; const cy = ay + s * dy;
        const distance = (cx - px) ** 2 + (cy - py) ** 2;
        if (distance < bestDistance) { bestDistance = distance; best = L.latLng(cy, cx / k); }
      }
    }
  }
  return best || here;
}
