// Siaga 110 operator console: Text to 110. The conversations of this operator's scope (SMS or chat from callers who
// cannot speak or hear), newest message first; a conversation waiting at this operator's station flashes a banner and
// sounds like a ringing call, and a new message is highlighted until its thread is read. The operator takes a
// conversation, reads the thread and replies; each reply shows what the SMS gateway made of it (menunggu, terkirim,
// gagal). Keys: M the list, ↑↓ choose, Enter open, T take, Ctrl+Enter send the reply.
import { get, post } from '/js/api.js';
import { attempt, toast } from '/js/console.js';
import { t, words } from '/js/i18n.js';
import { dateTime, duration, secondsSince } from '/js/time.js';
import { incidentRef } from '/js/names.js';
import { el, national, navigable, keepSelection } from './state.js';
import { showIncident } from './incident.js';
import { tone } from './calls.js';

words({
  'tx.title': 'SMS 110', 'tx.none': 'Tidak ada percakapan SMS.', 'tx.alert': 'SMS 110 MENUNGGU DI STASIUN ANDA',
  'tx.waiting': 'Menunggu {t}', 'tx.taken': 'Diambil {who}', 'tx.taken.me': 'Diambil Anda', 'tx.closed': 'Selesai',
  'tx.new': 'Pesan baru', 'tx.flagged': 'Nomor ditandai sering iseng: tetap dibaca', 'tx.offered': 'sudah naik ke {station}',
  'tx.by.AML': 'lokasi GPS ponsel (AML)', 'tx.by.INCIDENT': 'dari kejadian terbuka nomor ini', 'tx.by.UNKNOWN': 'lokasi tidak diketahui',
  'tx.thread.none': 'Pilih percakapan (M, lalu ↑↓ dan Enter).', 'tx.take': 'Ambil', 'tx.reply': 'Balasan', 'tx.send': 'Kirim',
  'tx.reply.hint': 'Tulis balasan singkat dan jelas', 'tx.incident': 'Buka kejadian {ref}', 'tx.incident.waiting': 'Kejadian dibuka saat lokasi diketahui',
  'tx.status.RECEIVED': 'diterima', 'tx.status.PENDING': 'menunggu', 'tx.status.SENT': 'terkirim', 'tx.status.FAILED': 'gagal',
  'tx.auto': 'balasan otomatis', 'tx.texter': 'Pelapor', 'tx.sent': 'Balasan diantrekan ke gateway SMS.', 'tx.took': 'Percakapan diambil.',
  'key.m': 'SMS 110 (T ambil, Ctrl+Enter kirim)',
}, {
  'tx.title': 'Text to 110', 'tx.none': 'No text conversations.', 'tx.alert': 'TEXT TO 110 WAITING AT YOUR STATION',
  'tx.waiting': 'Waiting {t}', 'tx.taken': 'Taken by {who}', 'tx.taken.me': 'Taken by you', 'tx.closed': 'Closed',
  'tx.new': 'New message', 'tx.flagged': 'Number flagged for pranks: still read it', 'tx.offered': 'escalated to {station}',
  'tx.by.AML': 'handset GPS (AML)', 'tx.by.INCIDENT': "from this number's open incident", 'tx.by.UNKNOWN': 'location unknown',
  'tx.thread.none': 'Choose a conversation (M, then ↑↓ and Enter).', 'tx.take': 'Take', 'tx.reply': 'Reply', 'tx.send': 'Send',
  'tx.reply.hint': 'Write a short, clear reply', 'tx.incident': 'Open incident {ref}', 'tx.incident.waiting': 'The incident opens once the location is known',
  'tx.status.RECEIVED': 'received', 'tx.status.PENDING': 'waiting', 'tx.status.SENT': 'delivered', 'tx.status.FAILED': 'failed',
  'tx.auto': 'automatic reply', 'tx.texter': 'Texter', 'tx.sent': 'Reply queued for the SMS gateway.', 'tx.took': 'Conversation taken.',
  'key.m': 'Text to 110 (T take, Ctrl+Enter send)',
});

/** How often the list is read again: a text is answered in seconds, not milliseconds. */
const POLL_MS = 2000;
const seen = new Map(); // conversation id → the last message time this operator has read
let conversations = [];
let openId = null;
let alerting = new Set();

const list = () => document.getElementById('text-list');

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function init() {
  navigable(list(), (id) => openThread(id).catch(() => {}), (letter, id) => {
    if (letter !== 't') return false;
    take(id).catch(() => {});
    return true;
  });
  document.getElementById('text-reply').addEventListener('submit', (e) => { e.preventDefault(); send().catch(() => {}); });
  document.getElementById('text-reply-body').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); e.stopPropagation(); send().catch(() => {}); }
  });
  document.getElementById('text-take').addEventListener('click', () => { if (openId) take(openId).catch(() => {}); });
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.key.toLowerCase() === 'm') { e.preventDefault(); list().focus(); }
  });
  document.querySelector('[data-lang-switch]')?.addEventListener('click', () => setTimeout(render, 0));
  reload().catch(() => {});
  setInterval(() => reload().catch(() => {}), POLL_MS);
  setInterval(renderBanner, 1000);
}

async function reload() {
  conversations = await get('/api/texts');
  const nowAlerting = new Set(conversations.filter((c) => c.alerting).map((c) => c.id));
  if ([...nowAlerting].some((id) => !alerting.has(id))) tone();
  alerting = nowAlerting;
  render();
  if (openId) await showThread(await get(`/api/texts/${encodeURIComponent(openId)}`), { quiet: true });
}

function unread(c) {
  return seen.get(c.id) !== c.lastMessageAt;
}

function render() {
  const ol = list();
  ol.replaceChildren(...conversations.map((c) => el('li', {
    dataset: { id: c.id },
    class: [c.alerting ? 'here' : '', unread(c) ? 'unread' : '', c.id === openId ? 'current' : '', c.open ? '' : 'closed'].join(' '),
  },
  el('strong', {}, national(c.callerNumber)), ' ',
  c.alerting ? el('span', { class: 'badge alarm' }, t('tx.waiting', { t: duration(secondsSince(c.openedAt)) })) : null,
  c.takenBy ? el('span', { class: 'badge ok' }, c.mine ? t('tx.taken.me') : t('tx.taken', { who: c.takenBy })) : null,
  !c.open ? el('span', { class: 'badge' }, t('tx.closed')) : null,
  unread(c) ? el('span', { class: 'badge warn' }, t('tx.new')) : null,
  el('div', { class: 'small' }, c.stationName, ' · ', t('tx.by.' + c.locatedBy),
    c.offeredStation !== c.station && c.waiting ? ' · ' + t('tx.offered', { station: c.offeredStationName }) : '',
    ' · ', dateTime(c.lastMessageAt)),
  c.flagged ? el('div', { class: 'small flagged' }, t('tx.flagged')) : null)));
  document.getElementById('text-none').hidden = conversations.length > 0;
  keepSelection(ol);
  renderBanner();
}

function renderBanner() {
  const banner = document.getElementById('text-alert');
  const here = conversations.filter((c) => c.alerting);
  banner.hidden = here.length === 0;
  if (here.length) {
    banner.textContent = `${t('tx.alert')}: ` + here.map((c) => `${national(c.callerNumber)} (${duration(secondsSince(c.openedAt))})`).join(' · ');
  }
}

async function openThread(id) {
  openId = id;
  await showThread(await attempt(() => get(`/api/texts/${encodeURIComponent(id)}`)));
}

async function showThread(thread, { quiet = false } = {}) {
  const c = thread.conversation;
  seen.set(c.id, c.lastMessageAt);
  document.getElementById('text-thread-none').hidden = true;
  const box = document.getElementById('text-thread');
  box.hidden = false;
  document.getElementById('text-number').textContent = national(c.callerNumber);
  document.getElementById('text-where').textContent = `${c.stationName} · ${t('tx.by.' + c.locatedBy)}`
    + (c.latitude != null ? ` (${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}${c.uncertaintyMeters != null ? ' ±' + Math.round(c.uncertaintyMeters) + ' m' : ''})` : '');
  const incident = document.getElementById('text-incident');
  incident.replaceChildren(c.incident
    ? el('button', { type: 'button', onclick: () => attempt(async () => showIncident(await get(`/api/incidents/${encodeURIComponent(c.incident)}`))).catch(() => {}) },
      t('tx.incident', { ref: incidentRef(c.incident) }))
    : el('span', { class: 'muted small' }, t('tx.incident.waiting')));
  document.getElementById('text-take').hidden = !c.waiting;
  document.getElementById('text-reply').hidden = !c.open || (c.takenBy && !c.mine);
  const messages = document.getElementById('text-messages');
  const atBottom = messages.scrollTop + messages.clientHeight >= messages.scrollHeight - 4;
  messages.replaceChildren(...thread.messages.map((m) => el('li', { class: 'msg ' + m.direction.toLowerCase(), dataset: { id: m.id } },
    el('div', { class: 'body' }, m.body),
    el('div', { class: 'small muted' }, m.direction === 'IN' ? t('tx.texter') : (m.automatic ? t('tx.auto') : m.author), ' · ', dateTime(m.at),
      m.direction === 'OUT' ? el('span', { class: 'delivery ' + m.status, title: m.lastError || '' }, ' · ', t('tx.status.' + m.status)) : null))));
  if (!quiet || atBottom) messages.scrollTop = messages.scrollHeight;
  render();
}

async function take(id) {
  const thread = await attempt(() => post(`/api/texts/${encodeURIComponent(id)}/take`));
  openId = id;
  toast(t('tx.took'));
  await showThread(thread);
  document.getElementById('text-reply-body').focus();
  await reload();
}

async function send() {
  const body = document.getElementById('text-reply-body');
  const text = body.value.trim();
  if (!openId || !text) return;
  await attempt(() => post(`/api/texts/${encodeURIComponent(openId)}/replies`, { text }));
  body.value = '';
  toast(t('tx.sent'));
  await reload();
}

init();
