// Siaga 110 staffing planner: its words, Bahasa Indonesia first.
import { words } from '/js/i18n.js';

words({
  'st.title': 'Kebutuhan Operator', 'st.board': 'Papan Supervisor', 'st.history': 'Riwayat', 'st.daysUnit': 'hari', 'st.csv': 'Unduh CSV',
  'st.intro': 'Operator yang dibutuhkan per jam agar {t10} % panggilan dijawab dalam 10 detik dan {t20} % dalam 20 detik (Erlang C), '
    + 'dari rata-rata {days} hari terakhir. Waktu penanganan = waktu bicara + {wrap} detik penyelesaian.',
  'st.gate': 'Semua panggilan dihitung, termasuk panggilan iseng dan diam. Kolom "Dengan gerbang" menghitung ulang riwayat seolah '
    + 'gerbang ("tekan 1") aktif: nomor yang ditandai reputasinya saat menelepon ditahan, dan {share} % penelepon yang bukan darurat '
    + 'dianggap menutup telepon di gerbang (asumsi, siaga.staffing.gate-hang-up-share).',
  'st.withGate': 'Dengan gerbang: {held} panggilan akan ditahan ({genuine} darurat nyata tetap diteruskan), ± {stopped} berhenti di '
    + 'gerbang · puncak {peak} operator', 'st.gatePlan': 'Dengan gerbang',
  'st.byClass': 'Waktu tangani per jenis: {list}', 'st.class.UNCLASSIFIED': 'belum digolongkan',
  'st.class.GENUINE': 'darurat nyata', 'st.class.INFORMATION': 'informasi', 'st.class.COMPLAINT': 'pengaduan', 'st.class.PRANK': 'iseng',
  'st.class.SILENT': 'diam', 'st.class.ABUSIVE': 'kasar', 'st.class.WRONG_NUMBER': 'salah sambung', 'st.class.TEST': 'uji coba',
  'st.legend': 'Jam tanpa panggilan: 0 operator, karena tak ada riwayat, bukan ramalan. * rata-rata seluruh periode (tak ada yang '
    + 'dijawab pada jam itu).',
  'st.window': '{first} – {last} · {calls} panggilan · puncak {peak} operator',
  'st.truncated': 'Riwayat terlalu besar: hanya {days} hari terbaru yang dihitung.',
  'st.hour': 'Jam', 'st.arrivals': 'Panggilan/jam', 'st.handling': 'Waktu tangani', 'st.load': 'Beban (Erlang)',
  'st.for10': 'Operator ≤ 10 dtk', 'st.for20': 'Operator ≤ 20 dtk', 'st.plan': 'Rencana', 'st.sl10': 'Layanan ≤ 10 dtk',
  'st.sl20': 'Layanan ≤ 20 dtk', 'st.occupancy': 'Okupansi', 'st.noCalls': 'tanpa panggilan',
  'st.windowMean': 'rata-rata periode: tak ada yang dijawab pada jam ini', 'st.noHandling': 'tak bisa dihitung: tak ada panggilan yang dijawab',
  'st.rostered': 'Terjadwal hari ini', 'st.rosterShort': 'Jadwal jaga hari ini di bawah rencana',
  'st.unknown': '?', 'st.quiet': 'Tanpa panggilan dalam periode ini: {names}.', 'st.keyLang': 'bahasa', 'st.none': 'Tidak ada kantor.',
}, {
  'st.title': 'Operator staffing', 'st.board': 'Supervisor board', 'st.history': 'History', 'st.daysUnit': 'days', 'st.csv': 'Download CSV',
  'st.intro': 'Operators needed per hour for {t10} % of calls answered within 10 s and {t20} % within 20 s (Erlang C), averaged over '
    + 'the last {days} days. Handling time = talk time + {wrap} s of wrap-up.',
  'st.gate': 'Every call counts, prank and silent ones too. The "With gate" column replays the history as if the gate ("press 1") '
    + 'were on: numbers their reputation flags when they call are held, and {share} % of held callers who were not an emergency are '
    + 'taken to hang up at the gate (an assumption, siaga.staffing.gate-hang-up-share).',
  'st.withGate': 'With the gate: {held} calls would be held ({genuine} genuine emergencies still go on), ± {stopped} stop at the gate '
    + '· peak {peak} operators', 'st.gatePlan': 'With gate',
  'st.byClass': 'Handling time by call type: {list}', 'st.class.UNCLASSIFIED': 'not classified',
  'st.class.GENUINE': 'genuine', 'st.class.INFORMATION': 'information', 'st.class.COMPLAINT': 'complaint', 'st.class.PRANK': 'prank',
  'st.class.SILENT': 'silent', 'st.class.ABUSIVE': 'abusive', 'st.class.WRONG_NUMBER': 'wrong number', 'st.class.TEST': 'test',
  'st.legend': 'Hours without calls: 0 operators, because there is no history, not a forecast. * the whole window\'s mean (nobody '
    + 'answered in that hour).',
  'st.window': '{first} – {last} · {calls} calls · peak {peak} operators',
  'st.truncated': 'History too large: only the newest {days} days are counted.',
  'st.hour': 'Hour', 'st.arrivals': 'Calls/hour', 'st.handling': 'Handling time', 'st.load': 'Load (Erlang)',
  'st.for10': 'Operators ≤ 10 s', 'st.for20': 'Operators ≤ 20 s', 'st.plan': 'Plan', 'st.sl10': 'Service ≤ 10 s',
  'st.sl20': 'Service ≤ 20 s', 'st.occupancy': 'Occupancy', 'st.noCalls': 'no calls',
  'st.windowMean': 'window mean: nobody answered in this hour', 'st.noHandling': 'cannot be sized: no call was answered',
  'st.rostered': 'Rostered today', 'st.rosterShort': 'Today\'s roster is below the plan',
  'st.unknown': '?', 'st.quiet': 'No calls in this window: {names}.', 'st.keyLang': 'language', 'st.none': 'No stations.',
});
