// Siaga 110: a user changes their own password, with the current one. A user whose password an administrator set
// (a new account, a reset) is sent here after the login and can do nothing else until it is changed; then the page
// goes on to the user's console. The rules are checked here first, in the user's language, and again by the server.
import { words, t } from '/js/i18n.js';
import { api, ApiError } from '/js/api.js';
import { start } from '/js/console.js';

words({
  'pw.title': 'Ganti kata sandi', 'pw.current': 'Kata sandi sekarang', 'pw.new': 'Kata sandi baru', 'pw.repeat': 'Ulangi kata sandi baru',
  'pw.submit': 'Simpan kata sandi',
  'pw.forced': 'Kata sandi Anda dibuat oleh administrator. Buat kata sandi Anda sendiri sebelum melanjutkan.',
  'pw.rules': 'Paling sedikit 10 karakter, tanpa nama pengguna Anda. Kalimat pendek mudah diingat dan sulit ditebak.',
  'pw.tooShort': 'Kata sandi baru terlalu pendek: paling sedikit 10 karakter.',
  'pw.tooLong': 'Kata sandi baru terlalu panjang: paling banyak 72 byte.',
  'pw.hasUsername': 'Kata sandi baru tidak boleh memuat nama pengguna Anda.',
  'pw.mismatch': 'Kedua kata sandi baru tidak sama.', 'pw.same': 'Kata sandi baru harus berbeda dari yang sekarang.',
  'pw.wrongCurrent': 'Kata sandi sekarang salah.', 'pw.saved': 'Kata sandi tersimpan. Membuka konsol Anda…', 'pw.back': 'Kembali',
}, {
  'pw.title': 'Change password', 'pw.current': 'Current password', 'pw.new': 'New password', 'pw.repeat': 'Repeat the new password',
  'pw.submit': 'Save password',
  'pw.forced': 'Your password was set by an administrator. Choose your own before going on.',
  'pw.rules': 'At least 10 characters, without your username. A short sentence is easy to remember and hard to guess.',
  'pw.tooShort': 'The new password is too short: at least 10 characters.',
  'pw.tooLong': 'The new password is too long: at most 72 bytes.',
  'pw.hasUsername': 'The new password must not contain your username.',
  'pw.mismatch': 'The two new passwords differ.', 'pw.same': 'The new password must differ from the current one.',
  'pw.wrongCurrent': 'The current password is wrong.', 'pw.saved': 'Password saved. Opening your console…', 'pw.back': 'Back',
});

const $ = (id) => document.getElementById(id);
const message = $('message');
let me = null;

function say(key, fallback) {
  message.hidden = false;
  message.textContent = key ? t(key) : fallback;
}

/** The server's reasons that have words here; any other is shown as the server said it. */
const SERVER_REASONS = [
  [/current password is wrong/, 'pw.wrongCurrent'], [/at least \d+ characters/, 'pw.tooShort'], [/at most \d+ bytes/, 'pw.tooLong'],
  [/must not contain the username/, 'pw.hasUsername'], [/must differ/, 'pw.same'],
];

function problem(current, chosen, repeat) {
  if ([...chosen].length < 10) return 'pw.tooShort';
  if (new TextEncoder().encode(chosen).length > 72) return 'pw.tooLong';
  if (me && chosen.toLowerCase().includes(me.username.toLowerCase())) return 'pw.hasUsername';
  if (chosen !== repeat) return 'pw.mismatch';
  if (chosen === current) return 'pw.same';
  return null;
}

$('change').addEventListener('submit', async (e) => {
  e.preventDefault();
  message.hidden = true;
  const current = $('current').value;
  const chosen = $('new').value;
  const wrong = problem(current, chosen, $('repeat').value);
  if (wrong) {
    say(wrong);
    $(wrong === 'pw.mismatch' ? 'repeat' : 'new').focus();
    return;
  }
  try {
    const done = await api('/api/account/password', { method: 'POST', body: { currentPassword: current, newPassword: chosen } });
    message.className = 'ok';
    say('pw.saved');
    location.replace(done.landing);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const known = SERVER_REASONS.find(([pattern]) => pattern.test(err.message));
    say(known && known[1], `${t('error')}: ${err.message}`);
    $(known && known[1] === 'pw.wrongCurrent' ? 'current' : 'new').focus();
  }
});

start().then((who) => {
  me = who;
  $('forced').hidden = !who.mustChangePassword;
  $('back').hidden = who.mustChangePassword;
  $('back').href = who.landing;
});
