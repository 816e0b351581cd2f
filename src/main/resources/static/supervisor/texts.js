// Siaga 110 supervisor board: the texts to 110 nobody has taken yet, in the supervisor's scope, oldest first, with the
// station the texter was placed at, how high the conversation has climbed and how long it has waited. A text is never
// lost: it stays here until an operator takes it.
import { get } from '/js/api.js';
import { t, words } from '/js/i18n.js';
import { duration, secondsSince } from '/js/time.js';

words({
  'svt.title': 'SMS 110 belum diambil', 'svt.number': 'Nomor', 'svt.offered': 'Ditawarkan ke', 'svt.none': 'Tidak ada SMS 110 yang menunggu.',
  'svt.unknown': 'lokasi tidak diketahui', 'svt.flagged': 'ditandai iseng',
}, {
  'svt.title': 'Texts to 110 not taken', 'svt.number': 'Number', 'svt.offered': 'Offered to', 'svt.none': 'No text to 110 is waiting.',
  'svt.unknown': 'location unknown', 'svt.flagged': 'flagged for pranks',
});

const POLL_MS = 3000;
let waiting = [];

function cell(text, cls) {
  const td = document.createElement('td');
  if (cls) td.className = cls;
  td.textContent = text;
  return td;
}

function render() {
  const rows = document.getElementById('text-rows');
  rows.replaceChildren(...waiting.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.id = c.id;
    tr.className = 'alarm';
    const number = c.callerNumber.startsWith('+62') ? '0' + c.callerNumber.slice(3) : c.callerNumber;
    tr.append(cell(number + (c.flagged ? ` (${t('svt.flagged')})` : '')),
      cell(c.stationName + (c.locatedBy === 'UNKNOWN' ? ` · ${t('svt.unknown')}` : '')),
      cell(c.offeredStationName), cell(duration(secondsSince(c.openedAt)), 'num'));
    return tr;
  }));
  document.getElementById('text-none').hidden = waiting.length > 0;
}

async function reload() {
  const all = await get('/api/texts');
  waiting = all.filter((c) => c.waiting).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  render();
}

reload().catch(() => {});
setInterval(() => reload().catch(() => {}), POLL_MS);
setInterval(render, 1000);
document.querySelector('[data-lang-switch]')?.addEventListener('click', () => setTimeout(render, 0));
