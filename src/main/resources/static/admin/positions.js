// Siaga 110 administration: operator positions and their phones. Lists the positions of a station's subtree with the
// seated operator, presence, phone and its registration; creates, renames, seats and disables positions; gives a phone
// (generated SIP credentials, shown once, or a static contact). Keyboard: N new position, each row's buttons in order.
import './positions-words.js';
import { startAdmin } from '/admin/nav.js';
import { api, get, post, put } from '/js/api.js';
import { attempt, toast } from '/js/console.js';
import { t, translate } from '/js/i18n.js';
import { dateTime } from '/js/time.js';

const BASE = '/api/admin/positions';
const $ = (id) => document.getElementById(id);
let stations = [];
let current = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k === 'class' ? (e.className = v) : e.setAttribute(k, v)));
  children.filter((c) => c != null).forEach((c) => e.append(c));
  return e;
}

function button(label, action, cls) {
  const b = el('button', { type: 'button' }, label);
  if (cls) b.className = cls;
  b.addEventListener('click', action);
  return b;
}

/** A phone that can be rung now: registered, or at a static contact. */
function reachable(p) {
  return p.phone.kind === 'STATIC' || p.phone.registration?.state === 'REGISTERED';
}

function phoneText(p) {
  if (p.phone.kind === 'STATIC') return `${t('pos.kind.STATIC')}: ${p.phone.contact}`;
  if (p.phone.kind === 'REGISTERING') return `SIP ${p.phone.sipUser}`;
  return t('pos.noPhone');
}

function registrationText(p) {
  if (p.phone.kind === 'STATIC') return [t('pos.static'), 'ok'];
  if (p.phone.kind !== 'REGISTERING') return ['—', ''];
  const r = p.phone.registration;
  if (r.state === 'REGISTERED') {
    const c = r.contacts[0];
    return [t('pos.reg.REGISTERED', { contact: c.contact, until: dateTime(c.expiresAt) }), 'ok'];
  }
  if (r.state === 'EXPIRED') return [t('pos.reg.EXPIRED', { at: r.lastBoundUntil ? dateTime(r.lastBoundUntil) : '—' }), 'warn'];
  return [t('pos.reg.' + r.state), r.state === 'UNKNOWN' ? '' : 'warn'];
}

function row(p) {
  const [reg, regClass] = registrationText(p);
  const problem = p.enabled && p.presence === 'READY' && !reachable(p);
  const actions = el('td', { class: 'actions' },
    button(t('pos.rename'), () => openRename(p)),
    p.username ? button(t('pos.unseat'), () => change(() => api(`${BASE}/${p.id}/seat`, { method: 'DELETE' }), t('pos.unseated', { name: p.name })))
      : button(t('pos.seat'), () => openSeat(p)),
    p.phone.configured ? null : button(t('pos.phone'), () => openPhone(p)),
    !p.phone.configured && p.phone.kind === 'REGISTERING' ? button(t('pos.regenerate'), () => regenerate(p)) : null,
    !p.phone.configured && p.phone.kind !== 'NONE' ? button(t('pos.removePhone'), () => removePhone(p)) : null,
    button(p.enabled ? t('pos.disable') : t('pos.enable'), () => change(() => put(`${BASE}/${p.id}/enabled`, { enabled: !p.enabled }),
      t(p.enabled ? 'pos.disabled' : 'pos.enabled', { name: p.name }))));
  const tr = el('tr', { 'data-position': p.id },
    el('td', {}, el('b', {}, p.name), el('div', { class: 'muted small' }, `${p.id} · ${p.stationName}`)),
    el('td', {}, p.username ?? el('span', { class: 'muted' }, t('pos.nobody'))),
    el('td', {}, p.enabled ? t('status.' + p.presence) : t('pos.off')),
    el('td', {}, phoneText(p), p.phone.configured ? el('div', { class: 'muted small' }, t('pos.configured')) : null),
    el('td', { class: regClass, 'data-registration': p.phone.registration?.state ?? p.phone.kind }, reg,
      problem ? el('div', { class: 'alarm problem' }, t('pos.readyWithoutPhone')) : null),
    actions);
  if (!p.enabled) tr.classList.add('disabled');
  if (problem) tr.classList.add('long');
  return tr;
}

async function load() {
  const list = await get(`${BASE}?station=${encodeURIComponent($('station').value)}`);
  const problems = list.filter((p) => p.enabled && p.presence === 'READY' && !reachable(p));
  $('problems').replaceChildren(...problems.map((p) => el('p', { class: 'alarm problem' },
    `${t('pos.readyWithoutPhone')}: ${p.name} (${p.stationName})`)));
  if (!list.length) {
    $('positions').replaceChildren(el('p', { class: 'muted' }, t('pos.none')));
    return;
  }
  const head = el('thead', {}, el('tr', {}, ...['pos.position', 'pos.operator', 'pos.presence', 'pos.phone', 'pos.registration', 'pos.actions']
    .map((k) => el('th', {}, t(k)))));
  $('positions').replaceChildren(el('table', { class: 'positions' }, head, el('tbody', {}, ...list.map(row))));
}

/** Runs a change, says what was done, shows the list again; a refusal's reason goes in the toast. */
async function change(action, done) {
  await attempt(action);
  toast(done);
  await attempt(load);
}

/** Opens a dialog whose form runs submit(form data); its refusal is shown in the dialog, which stays open. */
function dialog(id, fill, submit) {
  const d = $(id);
  const form = d.querySelector('form');
  const error = form.querySelector('.form-error');
  error.hidden = true;
  form.reset();
  fill?.(form);
  form.onsubmit = async (e) => {
    e.preventDefault();
    try {
      await submit(Object.fromEntries(new FormData(form)));
      d.close();
      await attempt(load);
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  };
  d.showModal();
  form.querySelector('input:not([type=radio]), select')?.focus();
}

function openCreate() {
  dialog('position-dialog', () => {
    const select = $('position-station');
    select.replaceChildren(...stations.map((s) => el('option', { value: s.id }, s.name)));
    select.value = $('station').value;
  }, async (f) => {
    const p = await post(BASE, { id: f.id.trim(), station: f.station, name: f.name });
    toast(t('pos.created', { name: p.name }));
  });
}

function openRename(p) {
  dialog('rename-dialog', () => { $('rename-name').value = p.name; }, async (f) => {
    await put(`${BASE}/${p.id}/name`, { name: f.name });
    toast(t('pos.renamed', { name: f.name }));
  });
}

function openSeat(p) {
  dialog('seat-dialog', null, async (f) => {
    await put(`${BASE}/${p.id}/seat`, { username: f.username.trim() });
    toast(t('pos.seated', { user: f.username.trim(), name: p.name }));
  });
}

function showKind(form) {
  const kind = form.querySelector('input[name=kind]:checked').value;
  form.querySelectorAll('[data-kind]').forEach((box) => { box.hidden = box.dataset.kind !== kind; });
}

function openPhone(p) {
  dialog('phone-dialog', (form) => {
    form.querySelector(`input[name=kind][value=${p.phone.kind === 'STATIC' ? 'STATIC' : 'REGISTERING'}]`).checked = true;
    if (p.phone.kind === 'STATIC') $('phone-contact').value = p.phone.contact;
    if (p.phone.kind === 'REGISTERING') $('phone-sip-user').value = p.phone.sipUser;
    form.querySelectorAll('input[name=kind]').forEach((r) => { r.onchange = () => showKind(form); });
    showKind(form);
  }, async (f) => {
    if (f.kind === 'STATIC') {
      await put(`${BASE}/${p.id}/phone`, { kind: 'STATIC', contact: f.contact.trim() });
      toast(t('pos.phoneSet', { name: p.name }));
    } else {
      showCredentials(await put(`${BASE}/${p.id}/phone`, { kind: 'REGISTERING', sipUser: f.sipUser.trim() || null }));
    }
  });
}

async function regenerate(p) {
  if (!confirm(t('pos.regenerateConfirm', { name: p.name }))) return;
  showCredentials(await attempt(() => post(`${BASE}/${p.id}/phone/credentials`)));
  await attempt(load);
}

async function removePhone(p) {
  if (!confirm(t('pos.removeConfirm', { name: p.name }))) return;
  await change(() => api(`${BASE}/${p.id}/phone`, { method: 'DELETE' }), t('pos.phoneRemoved', { name: p.name }));
}

/** The new credentials, this once: the password in a box of its own, a copy button, and a warning. */
function showCredentials(c) {
  $('cred-user').textContent = c.sipUser;
  $('cred-realm').textContent = c.realm;
  $('cred-password').textContent = c.password;
  const d = $('credentials-dialog');
  d.onclose = () => { $('cred-password').textContent = ''; };
  d.showModal();
  $('cred-password').focus();
}

async function copyPassword() {
  const text = $('cred-password').textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // no clipboard (an unsecured origin): select the password for Ctrl+C
    getSelection().selectAllChildren($('cred-password'));
    document.execCommand('copy');
  }
  toast(t('pos.copied'));
}

attempt(async () => {
  const me = await startAdmin('positions');
  stations = await get('/api/stations');
  $('station').replaceChildren(...stations.map((s) => el('option', { value: s.id }, s.name)));
  $('station').value = me.station.id;
  $('station').addEventListener('change', () => attempt(load));
  $('new-position').addEventListener('click', openCreate);
  $('copy-password').addEventListener('click', copyPassword);
  $('credentials-done').addEventListener('click', () => $('credentials-dialog').close());
  document.querySelectorAll('dialog [data-close]').forEach((b) => b.addEventListener('click', () => b.closest('dialog').close()));
  document.querySelector('[data-lang-switch]')?.addEventListener('click', () => { translate(); attempt(load); });
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, select, textarea, dialog') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key.toLowerCase() === 'n') {
      e.preventDefault();
      openCreate();
    }
  });
  await load();
  setInterval(() => load().catch(() => {}), 10_000);
});
