// Siaga 110: the login page. Fills the form's CSRF token from the XSRF-TOKEN cookie and says, in words, why the
// page is shown again: a wrong password, too many failed logins (wait, or the user or this address is locked), the
// database away, the session ended, or logged out. The server says which in the address (?error, ?wait=s, ?locked=s,
// ?blocked=s, ?unavailable, ?expired, ?logout).
import { words, t, translate, setLang, lang } from '/js/i18n.js';

words({ 'login.tagline': 'Layanan darurat Polri', 'login.username': 'Nama pengguna', 'login.password': 'Kata sandi',
        'login.submit': 'Masuk', 'login.failed': 'Nama pengguna atau kata sandi salah.', 'login.expired': 'Sesi berakhir. Silakan masuk lagi.',
        'login.out': 'Anda sudah keluar.',
        'login.wait': 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {n} detik.',
        'login.locked': 'Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {n} menit, atau minta supervisor membukanya.',
        'login.blocked': 'Terlalu banyak percobaan masuk yang gagal dari jaringan ini. Coba lagi dalam {n} menit.',
        'login.unavailable': 'Basis data sedang tidak tersedia; kata sandi Anda tidak salah. Coba lagi sebentar lagi.' },
      { 'login.tagline': 'Police emergency service', 'login.username': 'Username', 'login.password': 'Password',
        'login.submit': 'Log in', 'login.failed': 'Wrong username or password.', 'login.expired': 'Your session ended. Please log in again.',
        'login.out': 'You are logged out.',
        'login.wait': 'Too many failed logins. Try again in {n} seconds.',
        'login.locked': 'This account is locked for now after too many failed logins. Try again in {n} minutes, or ask a supervisor to unlock it.',
        'login.blocked': 'Too many failed logins from this network. Try again in {n} minutes.',
        'login.unavailable': 'The database is unavailable; your password is not wrong. Please try again shortly.' });

const token = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
document.getElementById('csrf').value = token ? decodeURIComponent(token[1]) : '';

const q = new URLSearchParams(location.search);
const seconds = (name) => Math.max(1, parseInt(q.get(name), 10) || 1);
const minutes = (name) => Math.max(1, Math.ceil(seconds(name) / 60));
const reasons = [
  ['error', () => t('login.failed')],
  ['wait', () => t('login.wait', { n: seconds('wait') })],
  ['locked', () => t('login.locked', { n: minutes('locked') })],
  ['blocked', () => t('login.blocked', { n: minutes('blocked') })],
  ['unavailable', () => t('login.unavailable')],
  ['expired', () => t('login.expired')],
  ['logout', () => t('login.out')],
];
const reason = reasons.find(([name]) => q.has(name));
const message = document.getElementById('message');

function show() {
  if (reason) {
    message.hidden = false;
    message.textContent = reason[1]();
  }
}

document.querySelector('[data-lang-switch]').addEventListener('click', () => { setLang(lang() === 'id' ? 'en' : 'id'); show(); });
translate();
show();
