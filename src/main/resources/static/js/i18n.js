// Siaga 110 consoles: words. Bahasa Indonesia by default, English on request (the choice is kept in this
// browser). Every page registers its own dictionary with words(); text in the HTML is marked
// data-i18n="key" (or data-i18n-placeholder / data-i18n-title) and filled by translate().

const STORE = 'siaga.lang';
const dictionaries = { id: {}, en: {} };

export function words(id, en) {
  Object.assign(dictionaries.id, id);
  Object.assign(dictionaries.en, en);
}

export function lang() {
  return localStorage.getItem(STORE) === 'en' ? 'en' : 'id';
}

export function setLang(l) {
  localStorage.setItem(STORE, l === 'en' ? 'en' : 'id');
  document.documentElement.lang = lang();
  translate();
}

/** The word for key in the current language, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = dictionaries[lang()][key] ?? dictionaries.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
}

export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}

words({
  'lang.switch': 'English', 'logout': 'Keluar', 'account.password': 'Kata sandi', 'loading': 'Memuat…', 'error': 'Gagal', 'retry': 'Coba lagi',
  'status.READY': 'SIAP', 'status.BUSY': 'SIBUK', 'status.AWAY': 'ISTIRAHAT', 'status.OFFLINE': 'LUAR JAGA',
  'unit.AVAILABLE': 'Tersedia', 'unit.DISPATCHED': 'Ditugaskan', 'unit.EN_ROUTE': 'Menuju lokasi', 'unit.ON_SCENE': 'Di lokasi',
  'unit.RETURNING': 'Kembali', 'unit.OUT_OF_SERVICE': 'Tidak bertugas', 'unit.OFFLINE': 'GPS mati',
  'incident.NEW': 'Baru', 'incident.DISPATCHED': 'Unit ditugaskan', 'incident.EN_ROUTE': 'Unit menuju lokasi', 'incident.ON_SCENE': 'Unit di lokasi',
  'incident.RESOLVED': 'Selesai ditangani', 'incident.CLOSED': 'Ditutup', 'incident.CANCELLED': 'Dibatalkan', 'incident.UNFOUNDED': 'Tidak terbukti',
  'seconds': '{n} dtk', 'minutes': '{n} mnt',
}, {
  'lang.switch': 'Bahasa Indonesia', 'logout': 'Log out', 'account.password': 'Password', 'loading': 'Loading…', 'error': 'Failed', 'retry': 'Retry',
  'status.READY': 'READY', 'status.BUSY': 'BUSY', 'status.AWAY': 'AWAY', 'status.OFFLINE': 'OFF DUTY',
  'unit.AVAILABLE': 'Available', 'unit.DISPATCHED': 'Dispatched', 'unit.EN_ROUTE': 'En route', 'unit.ON_SCENE': 'On scene',
  'unit.RETURNING': 'Returning', 'unit.OUT_OF_SERVICE': 'Out of service', 'unit.OFFLINE': 'GPS silent',
  'incident.NEW': 'New', 'incident.DISPATCHED': 'Unit dispatched', 'incident.EN_ROUTE': 'Unit en route', 'incident.ON_SCENE': 'Unit on scene',
  'incident.RESOLVED': 'Resolved', 'incident.CLOSED': 'Closed', 'incident.CANCELLED': 'Cancelled', 'incident.UNFOUNDED': 'Unfounded',
  'seconds': '{n} s', 'minutes': '{n} min',
});

document.documentElement.lang = lang();
