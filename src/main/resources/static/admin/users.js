// Siaga 110 administration, the users page: the accounts of the administrator's stations (GET /api/admin/users), made,
// changed, disabled and reset here. A new account and a reset show a temporary password once; its user changes it at
// the first login. The server holds every rule (whose accounts, who may make an administrator); a refusal is shown
// in a toast with the server's reason.
import './users-words.js';
import { startAdmin } from '/admin/nav.js';
import { get, post, api } from '/js/api.js';
import { t } from '/js/i18n.js';
import { attempt, toast } from '/js/console.js';

const ROLES = ['OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'FIELD_OFFICER', 'ADMIN', 'INTEGRATION'];
const $ = (id) => document.getElementById(id);
let me = null;
let stations = [];
let users = [];
let editing = null;

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/** The stations of the scope, parents first, each indented by its depth below the administrator's own. */
function stationOptions(select, withAll) {
  const depth = new Map();
  const kept = select.value;
  select.replaceChildren();
  if (withAll) select.append(option('', t('us.all')));
  for (const s of stations) {
    const d = depth.has(s.parent) ? depth.get(s.parent) + 1 : 0;
    depth.set(s.id, d);
    select.append(option(s.id, `${'\u00a0\u00a0'.repeat(d)}${s.name}`));
  }
  if (kept) select.value = kept;
}

function fillFilters() {
  const role = $('f-role');
  const kept = role.value;
  role.replaceChildren(option('', t('us.all')), ...ROLES.map((r) => option(r, t(`role.${r}`))));
  role.value = kept;
  stationOptions($('f-station'), true);
}

function button(key, cls, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = t(key);
  if (cls) b.className = cls;
  b.addEventListener('click', action);
  return b;
}

function render() {
  const body = $('users');
  body.replaceChildren();
  for (const u of users) {
    const tr = document.createElement('tr');
    tr.dataset.user = u.username;
    if (!u.enabled) tr.className = 'disabled';
    const cells = [u.username, u.displayName, u.roles.map((r) => t(`role.${r}`)).join(', '), u.station.name];
    cells.forEach((text) => { const td = document.createElement('td'); td.textContent = text; tr.append(td); });
    const status = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = `badge ${u.enabled ? 'ok' : 'alarm'}`;
    badge.textContent = t(u.enabled ? 'us.enabled' : 'us.disabled');
    status.append(badge);
    if (u.mustChangePassword) {
      const note = document.createElement('span');
      note.className = 'badge warn';
      note.textContent = t('us.mustChange');
      status.append(' ', note);
    }
    tr.append(status);
    const actions = document.createElement('td');
    actions.className = 'actions';
    actions.append(button('us.edit', '', () => openEdit(u)));
    if (u.username === me.username) {
      const you = document.createElement('span');
      you.className = 'muted';
      you.textContent = ` (${t('us.you')})`;
      tr.children[0].append(you);
    } else {
      actions.append(u.enabled ? button('us.disable', 'danger', () => disable(u)) : button('us.enable', 'ok', () => enable(u)));
      actions.append(button('us.reset', '', () => reset(u)));
    }
    tr.append(actions);
    body.append(tr);
  }
  $('empty').hidden = users.length > 0;
}

async function load() {
  const q = new URLSearchParams();
  if ($('q').value.trim()) q.set('q', $('q').value.trim());
  if ($('f-role').value) q.set('role', $('f-role').value);
  if ($('f-station').value) q.set('station', $('f-station').value);
  if ($('f-enabled').value) q.set('enabled', $('f-enabled').value);
  users = await get(`/api/admin/users?${q}`);
  render();
}

function openEdit(user) {
  editing = user;
  $('edit-title').textContent = user ? t('us.editTitle', { user: user.username }) : t('us.newTitle');
  $('e-username').value = user ? user.username : '';
  $('e-username').disabled = !!user;
  $('e-name').value = user ? user.displayName : '';
  const roles = $('e-roles');
  roles.querySelectorAll('label').forEach((l) => l.remove());
  for (const r of ROLES) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = r;
    box.checked = user ? user.roles.includes(r) : r === 'OPERATOR';
    label.append(box, ` ${t(`role.${r}`)}`);
    roles.append(label);
  }
  stationOptions($('e-station'), false);
  $('e-station').value = user ? user.station.id : (stations[0] && stations[0].id);
  $('e-error').hidden = true;
  $('edit').showModal();
  (user ? $('e-name') : $('e-username')).focus();
}

function formError(key) {
  $('e-error').hidden = false;
  $('e-error').textContent = t(key);
}

async function save(e) {
  e.preventDefault();
  const roles = [...$('e-roles').querySelectorAll('input:checked')].map((b) => b.value);
  const body = { displayName: $('e-name').value.trim(), roles, station: $('e-station').value };
  if (!editing && !$('e-username').value.trim()) return formError('us.needUsername');
  if (!body.displayName) return formError('us.needName');
  if (!roles.length) return formError('us.needRole');
  try {
    if (editing) {
      await api(`/api/admin/users/${encodeURIComponent(editing.username)}`, { method: 'PATCH', body });
      $('edit').close();
      toast(t('us.saved', { user: editing.username }));
    } else {
      const issued = await post('/api/admin/users', { username: $('e-username').value.trim(), ...body });
      $('edit').close();
      toast(t('us.created', { user: issued.user.username }));
      showSecret(issued);
    }
  } catch (err) {
    $('e-error').hidden = false;
    $('e-error').textContent = `${t('error')}: ${err.message}`;
    return;
  }
  await attempt(load);
}

function showSecret(issued) {
  $('secret-for').textContent = t('us.secretFor', { name: issued.user.displayName, user: issued.user.username });
  $('secret-value').textContent = issued.temporaryPassword;
  $('secret').showModal();
  $('secret-done').focus();
}

function confirmThen(text, actionKey, action) {
  $('confirm-text').textContent = text;
  const yes = $('confirm-yes');
  yes.textContent = t(actionKey);
  yes.onclick = async () => { $('confirm').close(); await attempt(action); };
  $('confirm').showModal();
  $('confirm-no').focus();
}

function disable(u) {
  confirmThen(t('us.confirmDisable', { name: u.displayName, user: u.username }), 'us.disable', async () => {
    await post(`/api/admin/users/${encodeURIComponent(u.username)}/enabled`, { enabled: false });
    toast(t('us.nowDisabled', { user: u.username }));
    await load();
  });
}

async function enable(u) {
  await attempt(async () => {
    await post(`/api/admin/users/${encodeURIComponent(u.username)}/enabled`, { enabled: true });
    toast(t('us.nowEnabled', { user: u.username }));
    await load();
  });
}

function reset(u) {
  confirmThen(t('us.confirmReset', { name: u.displayName, user: u.username }), 'us.reset', async () => {
    const issued = await post(`/api/admin/users/${encodeURIComponent(u.username)}/password-reset`);
    showSecret(issued);
    await load();
  });
}

$('edit-form').addEventListener('submit', save);
$('e-cancel').addEventListener('click', () => $('edit').close());
$('secret-done').addEventListener('click', () => { $('secret-value').textContent = ''; $('secret').close(); });
$('secret').addEventListener('close', () => { $('secret-value').textContent = ''; });
$('confirm-no').addEventListener('click', () => $('confirm').close());
$('add').addEventListener('click', () => openEdit(null));
$('filters').addEventListener('submit', (e) => e.preventDefault());
let typing = null;
$('q').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(() => attempt(load), 250); });
['f-role', 'f-station', 'f-enabled'].forEach((id) => $(id).addEventListener('change', () => attempt(load)));
document.addEventListener('keydown', (e) => {
  if (e.target.closest('input, select, textarea, dialog') || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'n' || e.key === 'N') { e.preventDefault(); openEdit(null); }
  if (e.key === '/') { e.preventDefault(); $('q').focus(); }
});
document.querySelector('[data-lang-switch]').addEventListener('click', () => { fillFilters(); render(); });

attempt(async () => {
  me = await startAdmin('users');
  stations = await get('/api/stations');
  fillFilters();
  await load();
  document.body.dataset.ready = 'true';
});
