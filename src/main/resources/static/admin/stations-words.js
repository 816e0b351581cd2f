// Siaga 110 administration, stations and rollout page: its words, Bahasa Indonesia first.
import { words } from '/js/i18n.js';

words({
  'ro.map': 'Peluncuran 110 per Polda', 'ro.mapLabel': 'Peta Indonesia: kabupaten/kota diwarnai menurut bagian stasiun beroperasi di Poldanya',
  'ro.legend': 'Warna: bagian stasiun yang beroperasi',
  'ro.poldas': 'Polda', 'ro.tableHelp': 'Pilih Polda (Enter) untuk melihat stasiunnya.',
  'ro.polda': 'Polda', 'ro.liveOfTotal': 'Beroperasi / semua', 'ro.planned': 'Rencana', 'ro.suspended': 'Ditangguhkan', 'ro.lastChange': 'Perubahan terakhir',
  'ro.never': '—', 'ro.countsOnly': 'Polda lain: hanya jumlah',
  'ro.stations': 'Stasiun {polda}: {live} dari {total} beroperasi', 'ro.station': 'Stasiun', 'ro.kind': 'Jenis', 'ro.status': 'Status',
  'ro.reference': 'Nama dari data acuan', 'ro.edit': 'Ubah nama', 'ro.readOnlyPolda': 'Stasiun Polda ini di luar wilayah Anda.',
  'ro.st.LIVE': 'Beroperasi', 'ro.st.PLANNED': 'Direncanakan', 'ro.st.SUSPENDED': 'Ditangguhkan',
  'ro.import': 'Impor nama stasiun', 'ro.file': 'Berkas CSV', 'ro.importButton': 'Impor', 'ro.noFile': 'Pilih berkas CSV dulu.',
  'ro.importHelp': 'Berkas CSV dengan baris judul id,name lalu satu baris per stasiun. Semua baris diperiksa dulu: satu baris salah, '
    + 'tidak ada yang diubah.',
  'ro.imported': '{given} baris dibaca, {changed} nama diubah.', 'ro.refused': 'Berkas ditolak, tidak ada yang diubah:',
  'ro.line': 'baris {line}: {problem}',
  'ro.rename': 'Nama stasiun', 'ro.name': 'Nama', 'ro.restore': 'Kembalikan nama asli', 'ro.cancel': 'Batal', 'ro.save': 'Simpan',
  'ro.referenceName': 'Nama dari data acuan: {name}', 'ro.saved': 'Nama disimpan: {name}',
}, {
  'ro.map': '110 rollout by Polda', 'ro.mapLabel': 'Map of Indonesia: kab/kota coloured by the share of live stations of their Polda',
  'ro.legend': 'Colour: share of stations live',
  'ro.poldas': 'Polda', 'ro.tableHelp': 'Choose a Polda (Enter) to see its stations.',
  'ro.polda': 'Polda', 'ro.liveOfTotal': 'Live / all', 'ro.planned': 'Planned', 'ro.suspended': 'Suspended', 'ro.lastChange': 'Last change',
  'ro.never': '—', 'ro.countsOnly': 'Another Polda: counts only',
  'ro.stations': 'Stations of {polda}: {live} of {total} live', 'ro.station': 'Station', 'ro.kind': 'Kind', 'ro.status': 'Status',
  'ro.reference': 'Name in the reference data', 'ro.edit': 'Rename', 'ro.readOnlyPolda': 'This Polda\'s stations are outside your area.',
  'ro.st.LIVE': 'Live', 'ro.st.PLANNED': 'Planned', 'ro.st.SUSPENDED': 'Suspended',
  'ro.import': 'Import station names', 'ro.file': 'CSV file', 'ro.importButton': 'Import', 'ro.noFile': 'Choose a CSV file first.',
  'ro.importHelp': 'A CSV file with a header line id,name, then one line per station. Every line is checked first: one bad line and '
    + 'nothing is changed.',
  'ro.imported': '{given} lines read, {changed} names changed.', 'ro.refused': 'File refused, nothing was changed:',
  'ro.line': 'line {line}: {problem}',
  'ro.rename': 'Station name', 'ro.name': 'Name', 'ro.restore': 'Give back the original name', 'ro.cancel': 'Cancel', 'ro.save': 'Save',
  'ro.referenceName': 'Name in the reference data: {name}', 'ro.saved': 'Name saved: {name}',
});
