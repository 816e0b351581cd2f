// Siaga 110 administration console: what every admin page does first. The pages are listed once, here, in the order
// of the navigation bar; a new page is a separate html file under /admin/ that imports this module, calls
// startAdmin('<its key>') and adds one line to PAGES (with its words below).
import { words, t } from '/js/i18n.js';
import { start } from '/js/console.js';

export const PAGES = [
  { key: 'users', href: '/admin/' },
  { key: 'positions', href: '/admin/positions.html' },
  { key: 'rollout', href: '/supervisor/roster.html' },
  { key: 'stations', href: '/admin/stations.html' },
];

words({
  'admin.title': 'Administrasi', 'admin.nav': 'Halaman administrasi', 'admin.nav.users': 'Pengguna', 'admin.nav.positions': 'Posisi & telepon',
  'admin.nav.rollout': 'Jadwal jaga & siap operasi', 'admin.nav.stations': 'Nama stasiun & peta peluncuran',
  'admin.toConsole': 'Kembali ke konsol', 'admin.keyLang': 'bahasa', 'admin.keyPages': 'halaman administrasi',
}, {
  'admin.title': 'Administration', 'admin.nav': 'Administration pages', 'admin.nav.users': 'Users', 'admin.nav.positions': 'Positions & phones',
  'admin.nav.rollout': 'Rosters & going live', 'admin.nav.stations': 'Station names & rollout map',
  'admin.toConsole': 'Back to console', 'admin.keyLang': 'language', 'admin.keyPages': 'administration pages',
});

function renderNav(current) {
  const nav = document.querySelector('[data-admin-nav]');
  if (!nav) return;
  nav.replaceChildren();
  PAGES.forEach((page, i) => {
    const a = document.createElement('a');
    a.href = page.href;
    a.textContent = t(`admin.nav.${page.key}`);
    if (i < 9) a.title = `Alt+${i + 1}`;
    if (page.key === current) a.setAttribute('aria-current', 'page');
    nav.append(a);
  });
}

/**
 * Starts an admin page: the header (who, language, logout) as in the other consoles, the navigation with the current
 * page marked, Alt+1…9 to the pages and L for the language. Resolves to the logged-in administrator.
 */
export async function startAdmin(current) {
  const me = await start();
  renderNav(current);
  document.querySelector('[data-lang-switch]')?.addEventListener('click', () => renderNav(current));
  document.addEventListener('keydown', (e) => {
    const typing = e.target.closest('input, select, textarea, dialog');
    if (e.altKey && /^[1-9]$/.test(e.key) && PAGES[Number(e.key) - 1]) {
      e.preventDefault();
      location.assign(PAGES[Number(e.key) - 1].href);
    } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === 'l') {
      document.querySelector('[data-lang-switch]')?.click();
    }
  });
  return me;
}

// the header's link to the user's own password page
words({ 'admin.password': 'Ganti kata sandi' }, { 'admin.password': 'Change password' });
