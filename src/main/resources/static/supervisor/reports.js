// Siaga 110 supervisor board: "Laporan", the commanders' reports of the board's station (and below) for a chosen
// local day or month, as CSV or PDF (GET /api/reports/station/{id}/report.csv|pdf). P puts the focus on it.
import { words } from '/js/i18n.js';

words({
  'rp.title': 'Laporan', 'rp.period': 'Periode', 'rp.day': 'Hari', 'rp.month': 'Bulan', 'rp.date': 'Tanggal',
  'rp.csv': 'Unduh CSV', 'rp.pdf': 'Unduh PDF', 'rp.hint': 'Angka kantor ini dan satuan di bawahnya; PDF dengan grafik.', 'rp.key': 'laporan',
}, {
  'rp.title': 'Reports', 'rp.period': 'Period', 'rp.day': 'Day', 'rp.month': 'Month', 'rp.date': 'Date',
  'rp.csv': 'Download CSV', 'rp.pdf': 'Download PDF', 'rp.hint': 'Figures of this station and those below it; the PDF has charts.', 'rp.key': 'reports',
});

const $ = (id) => document.getElementById(id);

/** The station's yesterday (a report of a whole day) and this month, in the station's zone. */
function defaults(zoneId) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zoneId, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() - 24 * 3600 * 1000));
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zoneId, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { day: parts, today, month: today.slice(0, 7) };
}

/** Keeps the two download links pointing at the chosen period. */
export function wireReports(me) {
  const d = defaults(me.zoneId);
  const kind = $('report-kind');
  const date = $('report-date');
  const month = $('report-month');
  date.value = d.day;
  date.max = d.today;
  month.value = d.month;
  month.max = d.month;
  const update = () => {
    const isDay = kind.value === 'day';
    $('report-date-field').hidden = !isDay;
    $('report-month-field').hidden = isDay;
    const query = isDay ? `period=day&date=${encodeURIComponent(date.value)}` : `period=month&month=${encodeURIComponent(month.value)}`;
    const base = `/api/reports/station/${encodeURIComponent(me.station.id)}/report`;
    $('report-csv').href = `${base}.csv?${query}`;
    $('report-pdf').href = `${base}.pdf?${query}`;
  };
  [kind, date, month].forEach((el) => el.addEventListener('change', update));
  update();
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    if (e.key.toLowerCase() === 'p') { e.preventDefault(); kind.focus(); }
  });
}
