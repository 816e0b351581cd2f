// Siaga 110 supervisor board: its words, Bahasa Indonesia first.
import { words } from '/js/i18n.js';

words({
  'sv.title': 'Papan Supervisor', 'sv.asOf': 'Diperbarui', 'sv.connecting': 'menghubungkan…', 'sv.live': 'LANGSUNG', 'sv.offline': 'TERPUTUS',
  'sv.refresh': 'Muat ulang', 'sv.ringing': 'Berdering sekarang', 'sv.answered': 'Dijawab hari ini', 'sv.median': 'median',
  'sv.within10': '≤ 10 detik', 'sv.within15': '≤ 15 detik', 'sv.within20': '≤ 20 detik', 'sv.target': 'target',
  'sv.abandoned': 'Ditinggal penelepon', 'sv.abandonedShare': '{p} % dari {n} panggilan', 'sv.escalations': 'Eskalasi hari ini',
  'sv.escalationsSub': '{s} kantor · {k} dilewati', 'sv.ringingCalls': 'Panggilan berdering', 'sv.station': 'Kantor', 'sv.ringsAt': 'Berdering di',
  'sv.tier': 'Tingkat', 'sv.waiting': 'Menunggu', 'sv.noneRinging': 'Tidak ada panggilan yang berdering.',
  'sv.escalationsByStation': 'Eskalasi per kantor · yang membiarkan berdering', 'sv.count': 'Jumlah',
  'sv.letRing': 'Operator yang membiarkan berdering', 'sv.noEscalations': 'Belum ada eskalasi hari ini.', 'sv.skipped': '{n} dilewati (tak ada yang SIAP)',
  'sv.operators': 'Operator menurut kehadiran', 'sv.distribution': 'Sebaran waktu jawab hari ini', 'sv.byHour': 'Eskalasi dan panggilan ditinggal per jam',
  'sv.incidents': 'Kejadian terbuka menurut prioritas', 'sv.units': 'Unit', 'sv.map': 'Peta kejadian dan unit',
  'sv.keyRefresh': 'muat ulang angka', 'sv.keyLang': 'bahasa', 'sv.keyMap': 'peta', 'sv.keyFull': 'layar penuh',
  'sv.calls': 'panggilan', 'sv.hour': 'jam', 'sv.escalated': 'eskalasi', 'sv.abandonedSeries': 'ditinggal', 'sv.answers': 'jawaban',
  'sv.tierN': 'tingkat {n}', 'sv.available': 'Tersedia', 'sv.committed': 'Bertugas', 'sv.otherUnits': 'Lainnya', 'sv.missed': '{n}×',
  'sv.truncated': 'Terlalu banyak panggilan hari ini: angka hanya dari yang terbaru.',
}, {
  'sv.title': 'Supervisor board', 'sv.asOf': 'Updated', 'sv.connecting': 'connecting…', 'sv.live': 'LIVE', 'sv.offline': 'DISCONNECTED',
  'sv.refresh': 'Refresh', 'sv.ringing': 'Ringing now', 'sv.answered': 'Answered today', 'sv.median': 'median',
  'sv.within10': '≤ 10 seconds', 'sv.within15': '≤ 15 seconds', 'sv.within20': '≤ 20 seconds', 'sv.target': 'target',
  'sv.abandoned': 'Abandoned by caller', 'sv.abandonedShare': '{p} % of {n} calls', 'sv.escalations': 'Escalations today',
  'sv.escalationsSub': '{s} stations · {k} skipped', 'sv.ringingCalls': 'Ringing calls', 'sv.station': 'Station', 'sv.ringsAt': 'Ringing at',
  'sv.tier': 'Tier', 'sv.waiting': 'Waiting', 'sv.noneRinging': 'No call is ringing.',
  'sv.escalationsByStation': 'Escalations per station · who let them ring', 'sv.count': 'Count',
  'sv.letRing': 'Operators who let it ring', 'sv.noEscalations': 'No escalation today yet.', 'sv.skipped': '{n} skipped (nobody READY)',
  'sv.operators': 'Operators by presence', 'sv.distribution': "Today's answer-time distribution", 'sv.byHour': 'Escalations and abandoned calls by hour',
  'sv.incidents': 'Open incidents by priority', 'sv.units': 'Units', 'sv.map': 'Map of incidents and units',
  'sv.keyRefresh': 'refresh figures', 'sv.keyLang': 'language', 'sv.keyMap': 'map', 'sv.keyFull': 'full screen',
  'sv.calls': 'calls', 'sv.hour': 'hour', 'sv.escalated': 'escalations', 'sv.abandonedSeries': 'abandoned', 'sv.answers': 'answers',
  'sv.tierN': 'tier {n}', 'sv.available': 'Available', 'sv.committed': 'Committed', 'sv.otherUnits': 'Other', 'sv.missed': '{n}×',
  'sv.truncated': 'Too many calls today: figures cover the newest only.',
});
