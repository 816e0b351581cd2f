// Siaga 110 consoles: what every page does first. Loads who is logged in (and their station's zone), fills the
// header, wires the language switch and logout, and reports failures in a toast instead of failing silently.
import { get, post } from './api.js';
import { setLang, lang, t, translate } from './i18n.js';
import { useZone } from './time.js';

export async function start() {
  const me = await get('/api/console');
  useZone(me.zoneId, me.zone);
  const who = document.querySelector('[data-who]');
  if (who) who.textContent = `${me.displayName} · ${me.station.name} (${me.zone})`;
  const switcher = document.querySelector('[data-lang-switch]');
  if (switcher) {
    switcher.addEventListener('click', () => setLang(lang() === 'id' ? 'en' : 'id'));
  }
  const logout = document.querySelector('[data-logout]');
  if (logout && !location.pathname.startsWith('/account/') && !document.querySelector('[data-password]')) {
    // every console's own way to change the password, beside the logout (the page goes back to this console); a page
    // short of room (the officer app on a phone) places its own link
    const password = document.createElement('a');
    password.href = '/account/password';
    password.className = 'button';
    password.dataset.password = '';
    password.dataset.i18n = 'account.password';
    password.textContent = t('account.password');
    logout.before(password);
  }
  if (logout) {
    logout.addEventListener('click', async () => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/logout';
      const token = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
      if (token) form.innerHTML = `<input type="hidden" name="_csrf" value="${decodeURIComponent(token[1])}">`;
      document.body.appendChild(form);
      form.submit();
    });
  }
  translate();
  return me;
}

export function toast(message, { error = false, ms = 6000 } = {}) {
  const el = document.createElement('div');
  el.className = 'toast' + (error ? ' error' : '');
  el.setAttribute('role', error ? 'alert' : 'status');
  el.textContent = message;
  document.body.appendChild(el);
  setTimeout(() => el.remove(), ms);
}

/** Runs an action, showing its failure's reason. */
export async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
    throw e;
  }
}

export { post };
