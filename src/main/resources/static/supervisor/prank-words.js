// Siaga 110 supervisor board: the words of its prank panels, Bahasa Indonesia first.
import { words } from '/js/i18n.js';

words({
  'pr.title': 'Panggilan iseng', 'pr.share': 'Iseng hari ini', 'pr.shareSub': '{n} dari {a} terjawab · {c} diklasifikasi',
  'pr.minutes': 'Menit operator untuk iseng', 'pr.minutesSub': 'diam {s} mnt · kasar {k} mnt', 'pr.other': 'Diam · kasar · langsung putus',
  'pr.otherSub': 'hari ini', 'pr.window': 'Iseng {d} hari', 'pr.windowSub': '{n} dari {a} terjawab · {m} mnt',
  'pr.byHour': 'Panggilan iseng per jam hari ini', 'pr.byDay': 'Panggilan iseng per hari · {d} hari', 'pr.pranks': 'iseng',
  'pr.otherAnswered': 'terjawab lainnya', 'pr.top': 'Nomor iseng berulang · {d} hari', 'pr.number': 'Nomor', 'pr.count': 'Iseng',
  'pr.belongs': 'Kantor pemilik', 'pr.last': 'Terakhir', 'pr.noTop': 'Belum ada nomor yang iseng berulang.',
  'pr.stations': 'Iseng per kantor · {d} hari', 'pr.calls': 'Panggilan', 'pr.percent': '% iseng', 'pr.mins': 'Menit',
  'pr.noStations': 'Belum ada panggilan.', 'pr.persistent': 'Nomor iseng menetap · 30 hari · ≥ 3× · untuk Bhabinkamtibmas',
  'pr.position': 'Posisi terakhir', 'pr.noPosition': 'tanpa posisi', 'pr.noPersistent': 'Tidak ada nomor iseng menetap.',
  'pr.csv': 'Unduh CSV', 'pr.days': '{d} hari', 'pr.masked': 'disamarkan: nomor milik kantor lain', 'pr.flagged': 'ditandai',
  'pr.marker': 'Nomor iseng {n} · {c}× · {s}', 'pr.keyDays': '7/30 hari', 'pr.everywhere': '{n}× di semua kantor',
}, {
  'pr.title': 'Prank calls', 'pr.share': 'Pranks today', 'pr.shareSub': '{n} of {a} answered · {c} classified',
  'pr.minutes': 'Operator minutes on pranks', 'pr.minutesSub': 'silent {s} min · abusive {k} min', 'pr.other': 'Silent · abusive · hung up',
  'pr.otherSub': 'today', 'pr.window': 'Pranks {d} days', 'pr.windowSub': '{n} of {a} answered · {m} min',
  'pr.byHour': 'Prank calls by hour today', 'pr.byDay': 'Prank calls by day · {d} days', 'pr.pranks': 'pranks',
  'pr.otherAnswered': 'other answered', 'pr.top': 'Repeat prank numbers · {d} days', 'pr.number': 'Number', 'pr.count': 'Pranks',
  'pr.belongs': 'Owning station', 'pr.last': 'Last', 'pr.noTop': 'No number has pranked repeatedly yet.',
  'pr.stations': 'Pranks by station · {d} days', 'pr.calls': 'Calls', 'pr.percent': '% pranks', 'pr.mins': 'Minutes',
  'pr.noStations': 'No calls yet.', 'pr.persistent': 'Persistent prank numbers · 30 days · ≥ 3× · for the Bhabinkamtibmas',
  'pr.position': 'Last position', 'pr.noPosition': 'no position', 'pr.noPersistent': 'No persistent prank numbers.',
  'pr.csv': 'Download CSV', 'pr.days': '{d} days', 'pr.masked': 'masked: another station’s number', 'pr.flagged': 'flagged',
  'pr.marker': 'Prank number {n} · {c}× · {s}', 'pr.keyDays': '7/30 days', 'pr.everywhere': '{n}× at all stations',
});
