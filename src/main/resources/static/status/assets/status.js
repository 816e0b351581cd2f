// Siaga 110: the citizen's status page, "as easy as ordering a pizza". Reads /api/public/status/{token} (no
// login, no personal data) every 15 s and shows where the report stands: received → officer assigned → on the
// way (with the ETA) → arrived → done, with times in the station's zone.
import { words, t, translate, setLang, lang } from '/js/i18n.js';
import { useZone, clock } from '/js/time.js';

words({
  'page.title': 'Status laporan Anda', 'page.refresh': 'Halaman ini diperbarui sendiri.', 'page.emergency': 'Dalam keadaan darurat, telepon 110 lagi.',
  'updated': 'Diperbarui {time}.',
  'step.RECEIVED': 'Laporan diterima', 'step.ASSIGNED': 'Petugas ditugaskan', 'step.EN_ROUTE': 'Petugas dalam perjalanan',
  'step.ARRIVED': 'Petugas tiba di lokasi', 'step.DONE': 'Selesai ditangani',
  'now.RECEIVED': 'Laporan Anda sudah diterima', 'now.ASSIGNED': 'Petugas sudah ditugaskan', 'now.EN_ROUTE': 'Petugas sedang menuju lokasi',
  'now.ARRIVED': 'Petugas sudah tiba', 'now.DONE': 'Laporan selesai ditangani', 'now.WITHDRAWN': 'Laporan ini sudah ditutup',
  'eta': 'Perkiraan tiba ± {min} menit ({time})', 'eta.soon': 'Segera tiba',
  'missing': 'Tautan ini tidak dikenal. Periksa kembali tautan di SMS Anda.', 'busy': 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
  'offline': 'Tidak dapat memuat status. Mencoba lagi…',
}, {
  'page.title': 'Your report\'s status', 'page.refresh': 'This page updates itself.', 'page.emergency': 'In an emergency, call 110 again.',
  'updated': 'Updated {time}.',
  'step.RECEIVED': 'Report received', 'step.ASSIGNED': 'Officer assigned', 'step.EN_ROUTE': 'Officer on the way',
  'step.ARRIVED': 'Officer arrived', 'step.DONE': 'Done',
  'now.RECEIVED': 'Your report has been received', 'now.ASSIGNED': 'An officer has been assigned', 'now.EN_ROUTE': 'An officer is on the way',
  'now.ARRIVED': 'The officer has arrived', 'now.DONE': 'Your report has been handled', 'now.WITHDRAWN': 'This report is closed',
  'eta': 'Arriving in about {min} min ({time})', 'eta.soon': 'Arriving any moment',
  'missing': 'This link is not known. Please check the link in your SMS.', 'busy': 'Too many requests. Please try again shortly.',
  'offline': 'Could not load the status. Retrying…',
});

const ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const REFRESH_MS = 15000;
const $ = (id) => document.getElementById(id);
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
let last = null;

async function load() {
  try {
    const response = await fetch(`/api/public/status/${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (response.status === 404) return problem('missing', false);
    if (response.status === 429) return problem('busy', true);
    if (!response.ok) return problem('offline', true);
    last = await response.json();
    $('problem').hidden = true;
    render();
  } catch (e) {
    problem('offline', true);
    return;
  }
  setTimeout(load, REFRESH_MS);
}

function problem(key, retry) {
  $('problem').hidden = false;
  $('problem').textContent = t(key);
  $('problem').dataset.problem = key;
  if (!last) $('now').textContent = '';
  if (retry) setTimeout(load, REFRESH_MS);
}

function render() {
  if (!last) return;
  const v = last;
  useZone(v.zoneId, ZONES[v.zoneId] || '');
  document.body.dataset.state = v.state;
  $('type').textContent = v.type;
  $('now').textContent = t('now.' + v.state);
  const eta = $('eta');
  eta.hidden = v.etaSeconds == null;
  if (v.etaSeconds != null) {
    const min = Math.round(v.etaSeconds / 60);
    eta.textContent = min < 1 ? t('eta.soon') : t('eta', { min, time: clock(v.etaAt).replace(/:\d\d /, ' ') });
  }
  const reached = v.steps.filter((s) => s.at).length;
  const list = $('steps');
  list.hidden = false;
  list.replaceChildren(...v.steps.map((s, i) => {
    const li = document.createElement('li');
    li.dataset.step = s.step;
    const isCurrent = s.at && i === reached - 1 && v.state !== 'DONE';
    li.className = s.at ? (isCurrent ? 'current' : 'done') : '';
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.textContent = s.at ? '✓' : String(i + 1);
    const label = document.createElement('span');
    label.textContent = t('step.' + s.step);
    const time = document.createElement('time');
    if (s.at) {
      time.dateTime = s.at;
      time.textContent = clock(s.at);
    }
    li.append(dot, label, time);
    return li;
  }));
  $('updated').textContent = t('updated', { time: clock(v.updatedAt) });
}

document.querySelector('[data-lang-switch]').addEventListener('click', () => { setLang(lang() === 'id' ? 'en' : 'id'); render(); });
translate();
load();
