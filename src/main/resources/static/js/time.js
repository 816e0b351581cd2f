// Siaga 110 consoles: time in the station's zone (WIB, WITA, WIT), whatever the browser's own zone is.

let zoneId = 'Asia/Jakarta';
let zoneLabel = 'WIB';

export function useZone(id, label) {
  zoneId = id;
  zoneLabel = label;
}

/** "03:12:45 WIB" */
export function clock(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return new Intl.DateTimeFormat('id-ID', { timeZone: zoneId, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    .format(d).replace(/\./g, ':') + ' ' + zoneLabel;
}

/** "28/11 03:12 WIB" */
export function dateTime(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return new Intl.DateTimeFormat('id-ID', { timeZone: zoneId, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(d).replace(/\./g, ':') + ' ' + zoneLabel;
}

/** "4:05" for seconds, "1:02:03" past an hour. */
export function duration(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Seconds since an instant, by this browser's clock. */
export function secondsSince(instant) {
  return instant ? (Date.now() - new Date(instant).getTime()) / 1000 : 0;
}
