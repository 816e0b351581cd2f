// Siaga 110 operator console: wrap-up. Every answered call is classified with one key: J goes to the list, then 1-8
// (or arrows and Enter, or a click). The first word is the operator's; a supervisor changes someone else's with a
// reason. An incident opened from the call makes it genuine by itself. The call panel also shows what screening knew
// of the caller's number before the answer (its reputation): a fact for the operator, never a reason not to answer.
import { get, post } from '/js/api.js';
import { t } from '/js/i18n.js';
import { dateTime } from '/js/time.js';
import { attempt, toast } from '/js/console.js';
import { state, el, navigable } from './state.js';

export const CLASSES = ['GENUINE', 'INFORMATION', 'COMPLAINT', 'PRANK', 'SILENT', 'ABUSIVE', 'WRONG_NUMBER', 'TEST'];
let shownFor = null;

export function initWrapUp() {
  const list = document.getElementById('wrapup-list');
  list.replaceChildren(...CLASSES.map((c, i) => el('li', { dataset: { id: c }, class: 'c-' + c, onclick: () => classify(c) },
    el('kbd', {}, String(i + 1)), ' ', el('span', { 'data-i18n': 'wrap.' + c }, t('wrap.' + c)))));
  navigable(list, (id) => classify(id));
  list.addEventListener('keydown', (e) => {
    if (/^[1-8]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      classify(CLASSES[Number(e.key) - 1]);
    }
  });
}

/** J: the wrap-up list of the call in the panel gets the keys. */
export function openWrapUp() {
  const call = state.current;
  if (!call || !call.answeredAt) { toast(t('wrap.none')); return; }
  document.getElementById('wrapup').hidden = false;
  document.getElementById('wrapup-list').focus();
}

/** The call panel shows this call: its screening facts and its classification (fetched once per call). */
export function showWrapUp(call) {
  showScreening(call);
  const box = document.getElementById('wrapup');
  box.hidden = !call.answeredAt;
  if (!call.answeredAt || shownFor === call.id) return;
  shownFor = call.id;
  document.getElementById('wrapup-done').textContent = '';
  get(`/api/calls/${encodeURIComponent(call.id)}/classification`).then((c) => showDone(call.id, c), () => {});
}

async function classify(what) {
  const call = state.current;
  if (!call || !call.answeredAt) return;
  const done = await attempt(() => post(`/api/calls/${encodeURIComponent(call.id)}/classification`, { classification: what }));
  showDone(call.id, done);
  toast(t('wrap.done', { what: t('wrap.' + what) }));
}

function showDone(callId, c) {
  if (!state.current || state.current.id !== callId) return;
  const out = document.getElementById('wrapup-done');
  out.textContent = t('wrap.was', { what: t('wrap.' + c.classification), who: c.by, when: dateTime(c.at) });
  out.dataset.classification = c.classification;
  for (const li of document.querySelectorAll('#wrapup-list li')) li.setAttribute('aria-checked', String(li.dataset.id === c.classification));
}

/** "5 panggilan iseng dalam 7 hari, terakhir 02/12 21.14" and how often it called today, or that the number is trusted. */
function showScreening(call) {
  const box = document.getElementById('call-screening');
  const s = call.screening;
  const facts = [];
  if (s && s.trusted) facts.push(t('scr.trusted'));
  if (s && s.withheld) facts.push(t('scr.withheld'));
  if (s && s.pranks7d > 0) facts.push(t('scr.pranks', { n: s.pranks7d, last: s.lastPrankAt ? dateTime(s.lastPrankAt) : '—' }));
  if (s && s.silent7d > 0) facts.push(t('scr.silent', { n: s.silent7d }));
  if (s && s.hungUp7d > 0) facts.push(t('scr.hungUp', { n: s.hungUp7d }));
  if (s && s.calls1h > 1) facts.push(t('scr.calls', { h: s.calls1h, d: s.calls24h }));
  box.hidden = facts.length === 0;
  box.className = 'screening ' + (s && s.flagged ? 'flagged' : '');
  box.replaceChildren(...(s && s.flagged ? [el('strong', {}, t('scr.flagged', { score: s.score })), ' '] : []), facts.join(' · '));
}
