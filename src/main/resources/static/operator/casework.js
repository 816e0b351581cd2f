// Siaga 110 operator console: working the incident on the work panel once it exists. Notes are added to the end of its
// list (author and time shown); priority changes with P and a digit; status with S (resolved, closed, withdrawn,
// unfounded, reopened), always with a reason. Priority and status are sent with the version of the incident the
// dispatcher was looking at: when someone changed it meanwhile the server refuses (409), the incident is loaded
// again and the console says so.
import { get, post } from '/js/api.js';
import { t } from '/js/i18n.js';
import { toast } from '/js/console.js';
import { dateTime } from '/js/time.js';
import { state, el } from './state.js';

const OPEN_MOVES = ['RESOLVED', 'CANCELLED', 'UNFOUNDED'];
/** What a person may move an incident to from each status (the API's rule; the rest comes from the units). */
const MOVES = { NEW: OPEN_MOVES, DISPATCHED: OPEN_MOVES, EN_ROUTE: OPEN_MOVES, ON_SCENE: OPEN_MOVES, RESOLVED: ['CLOSED', 'NEW'] };

let onChanged = () => {};
let statusSeen = null; // the version the status form was opened on

const $ = (id) => document.getElementById(id);

/** changed(detail): the incident as the server now has it. */
export function initCasework(changed) {
  onChanged = changed;
  $('note-form').addEventListener('submit', (e) => { e.preventDefault(); addNote(); });
  $('note-text').addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); $('note-text').blur(); } });
  const priority = $('incident-priority');
  priority.addEventListener('keydown', (e) => {
    if (/^[1-5]$/.test(e.key)) { e.preventDefault(); priority.value = e.key; changePriority(); }
    else if (e.key === 'Enter') { e.preventDefault(); changePriority(); }
    else if (e.key === 'Escape') { e.preventDefault(); priority.blur(); }
  });
  priority.addEventListener('change', () => changePriority());
  $('status-form').addEventListener('submit', (e) => { e.preventDefault(); move(); });
  for (const form of [$('status-form'), $('ask-form')]) {
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeForm(form); } });
    form.querySelector('[data-close]').addEventListener('click', () => closeForm(form));
  }
}

function closeForm(form) {
  form.hidden = true;
  if (form.cancel) { const cancel = form.cancel; form.cancel = null; cancel(); }
  $('incident-body').focus();
}

/** Draws the notes, the priority and the status of the incident on the panel. */
export function renderCasework() {
  const i = state.incident;
  if (!i) return;
  $('incident-notes').replaceChildren(...(i.notes && i.notes.length ? i.notes.map((n) => el('li', {},
    el('span', { class: 'muted small' }, `${dateTime(n.at)} · ${n.author}`), el('div', {}, n.text)))
    : [el('li', { class: 'muted' }, t('op.notes.none'))]));
  if (document.activeElement !== $('incident-priority')) $('incident-priority').value = String(i.priority);
  $('incident-status').replaceChildren(el('span', { class: 'badge' }, t('incident.' + i.status)),
    i.statusReason ? el('span', { class: 'muted' }, ` · ${i.statusReason}`) : '');
}

export function focusNote() {
  if (!state.incident) return;
  $('note-text').focus();
}

export function focusPriority() {
  if (!state.incident) return;
  $('incident-priority').focus();
}

/** S: the moves the incident's status allows, with the reason to give. */
export function openStatus() {
  const i = state.incident;
  if (!i) return;
  const moves = MOVES[i.status] || [];
  if (!moves.length) {
    toast(t('op.status.final', { status: t('incident.' + i.status) }), { error: true });
    return;
  }
  statusSeen = i.version;
  $('status-select').replaceChildren(...moves.map((m) => el('option', { value: m }, t(m === 'NEW' ? 'op.reopen' : 'incident.' + m))));
  $('status-reason').value = '';
  $('status-form').hidden = false;
  $('status-select').focus();
}

/** Asks for a reason in the panel (Enter gives it, Esc withdraws the question); null when withdrawn. */
export function askReason(label) {
  const form = $('ask-form');
  if (form.cancel) form.cancel();
  $('ask-label').textContent = label;
  $('ask-input').value = '';
  form.hidden = false;
  $('ask-input').focus();
  return new Promise((resolve) => {
    form.cancel = () => resolve(null);
    form.onsubmit = (e) => {
      e.preventDefault();
      const reason = $('ask-input').value.trim();
      if (!reason) { toast(t('op.reason.required'), { error: true }); return; }
      form.cancel = null;
      form.hidden = true;
      resolve(reason);
    };
  });
}

async function addNote() {
  const text = $('note-text').value.trim();
  if (!text || !state.incident) return;
  if (await send(`/api/incidents/${state.incident.id}/notes`, { text }, t('op.note.added'))) $('note-text').value = '';
}

async function changePriority() {
  const i = state.incident;
  const priority = Number($('incident-priority').value);
  if (!i || priority === i.priority) return;
  await send(`/api/incidents/${i.id}/priority`, { priority, version: i.version }, t('op.priority.changed', { p: priority }));
}

async function move() {
  const i = state.incident;
  if (!i) return;
  const status = $('status-select').value;
  const reason = $('status-reason').value.trim();
  if (!reason) {
    toast(t('op.reason.required'), { error: true });
    $('status-reason').focus();
    return;
  }
  if (await send(`/api/incidents/${i.id}/status`, { status, reason, version: statusSeen ?? i.version },
    t('op.status.changed', { status: t('incident.' + status) }))) {
    $('status-form').hidden = true;
    $('incident-body').focus();
  } else {
    $('status-form').hidden = true;
  }
}

/** Sends a change; on 409 the incident is loaded again and the dispatcher told why. True when it was made. */
async function send(path, body, done) {
  const id = state.incident.id;
  try {
    onChanged(await post(path, body));
    toast(done);
    return true;
  } catch (e) {
    if (e.status === 409) {
      toast(t('op.conflict', { reason: e.message }), { error: true });
      try {
        const fresh = await get(`/api/incidents/${id}`);
        if (state.incident && state.incident.id === id) onChanged(fresh);
      } catch (again) {
        // the toast above already says what failed; the stream will bring the incident back
      }
    } else {
      toast(`${t('error')}: ${e.message}`, { error: true });
    }
    if (state.incident) $('incident-priority').value = String(state.incident.priority);
    return false;
  }
}
