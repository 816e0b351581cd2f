// Siaga 110 consoles: people's words for what the API names by id or code. Calls, units and incidents carry a
// station's id ("POLRES-3404"); the consoles show its name ("Polres Sleman"), read once from /api/stations (the
// user's station and everything below it) and from any station detail the page fetched for a call's chain.
import { get } from '/js/api.js';
import { t, words, lang } from '/js/i18n.js';

const stations = new Map();

/** Reads the names of the stations in the user's scope. */
export async function loadStationNames() {
  for (const s of await get('/api/stations')) stations.set(s.id, s.name);
}

/** Remembers a station the page met elsewhere (a call's chain reaches above the user's own station). */
export function rememberStation(s) {
  if (s && s.id && s.name) stations.set(s.id, s.name);
}

/** "Polres Sleman" for "POLRES-3404"; the id itself only for a station the page has never seen named. */
export function stationName(id) {
  return stations.get(id) || id || '';
}

/** A unit's kind in words: "Mobil patroli" for PATROL_CAR. */
export function unitKind(kind) {
  return kind ? t('kind.' + kind) : '';
}

/**
 * Where a caller's location came from, in words: "GPS ponsel (AML)" for AML; a PIDF-LO whose method is GPS is the
 * handset's GPS passed on by the network ("GPS ponsel, dari jaringan seluler").
 */
export function locationSource(source, method) {
  if (!source) return '';
  if (source === 'PIDF_LO' && /gps|gnss/i.test(method || '')) return t('source.PIDF_LO.gps');
  return t('source.' + source);
}

/**
 * An incident type's label in the page's language: the server's own (Bahasa Indonesia) label, or its English one in
 * English mode. Takes an incident (type, typeLabel) or a type of /api/incidents/types (type, label).
 */
export function typeLabel(x) {
  if (!x) return '';
  const label = x.typeLabel ?? x.label ?? x.type;
  const key = 'type.' + x.type;
  const english = t(key);
  return lang() === 'en' && english !== key ? english : label;
}

/** An incident's short reference, the first eight characters of its id, as the consoles show it everywhere. */
export function incidentRef(id) {
  return id ? '#' + String(id).slice(0, 8) : '';
}

// English only: in Bahasa Indonesia the server's label is the word (typeLabel)
words({}, {
  'type.TRAFFIC_ACCIDENT': 'Traffic accident', 'type.THEFT': 'Theft', 'type.ASSAULT': 'Assault',
  'type.DOMESTIC_VIOLENCE': 'Domestic violence', 'type.BRAWL': 'Fight / brawl', 'type.MISSING_PERSON': 'Missing person',
  'type.PUBLIC_DISORDER': 'Public disorder', 'type.FIRE_MEDICAL_HANDOVER': 'Fire / medical (handed over)',
  'type.SILENT_EMERGENCY': 'Silent emergency (caller cannot speak)', 'type.TEXT_REPORT': 'Written report (110 by SMS/chat)',
  'type.INFORMATION_REQUEST': 'Information request',
  'type.PRANK': 'Prank call',
});

words({
  'kind.PATROL_CAR': 'Mobil patroli', 'kind.MOTORBIKE': 'Motor patroli', 'kind.FOOT': 'Jalan kaki',
  'source.PIDF_LO': 'jaringan seluler', 'source.PIDF_LO.gps': 'GPS ponsel, dari jaringan seluler', 'source.AML': 'GPS ponsel (AML)', 'source.CELL_ID': 'menara BTS',
  'source.NUMBER_PREFIX': 'kode wilayah nomor', 'source.DEFAULT': 'posisi bawaan, belum diketahui',
}, {
  'kind.PATROL_CAR': 'Patrol car', 'kind.MOTORBIKE': 'Patrol motorbike', 'kind.FOOT': 'On foot',
  'source.PIDF_LO': 'mobile network', 'source.PIDF_LO.gps': 'handset GPS, from the mobile network', 'source.AML': 'handset GPS (AML)', 'source.CELL_ID': 'cell tower',
  'source.NUMBER_PREFIX': "number's area code", 'source.DEFAULT': 'default position, not known',
});
