// Siaga 110 consoles: the map. The jurisdiction polygons of the user's scope are the basemap, so the map works
// on a station's closed network; a tile URL in the settings (siaga.console.tile-url) adds streets underneath.
import { get } from './api.js';

const L = window.L;

export async function jurisdictionMap(element, console) {
  const map = L.map(element, { zoomControl: true, attributionControl: !!console.tileUrl, preferCanvas: true });
  if (console.tileUrl) {
    L.tileLayer(console.tileUrl, { attribution: console.tileAttribution, maxZoom: 19 }).addTo(map);
  }
  const areas = await get('/api/jurisdictions');
  const layer = L.geoJSON(areas, {
    style: (f) => areaStyle(f, map.getZoom()),
    onEachFeature: (f, l) => l.bindTooltip(f.properties.name, { sticky: true }),
  }).addTo(map);
  // at street zoom the fill thins out (the streets underneath must show) while the outline grows: a boundary stays
  // visible at every zoom
  map.on('zoomend', () => layer.setStyle((f) => areaStyle(f, map.getZoom())));
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([console.station.hqLat, console.station.hqLon], 11);
  return map;
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
