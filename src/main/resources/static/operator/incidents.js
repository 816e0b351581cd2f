// Siaga 110 operator console: the open incidents of the user's scope (what a dispatcher works from), newest first,
// kept live by the CAD stream; arrows and Enter put one on the work panel.
import { get } from '/js/api.js';
import { t } from '/js/i18n.js';
import { clock } from '/js/time.js';
import { typeLabel } from '/js/names.js';
import { el, navigable, keepSelection } from './state.js';

const OPEN = ['NEW', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE'];
let open = [];
let onChoose = () => {};
let reloadTimer = null;

export function initIncidents(chooseHandler) {
  onChoose = chooseHandler;
  navigable(document.getElementById('open-incidents'), (id) => onChoose(id));
}

/** An open incident of the list (its summary), or undefined. */
export function openIncident(id) {
  return open.find((i) => i.id === id);
}

export async function reloadIncidents() {
  open = await get('/api/incidents?limit=50');
  render();
}

/** An incident event of the CAD stream: its summary replaces the listed one (a closed one leaves the list). */
export function incidentEvent(data) {
  const summary = data.incident && typeof data.incident === 'object' ? data.incident : null;
  if (!summary) {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => reloadIncidents().catch(() => {}), 300);
    return;
  }
  open = open.filter((i) => i.id !== summary.id);
  if (OPEN.includes(summary.status)) open.unshift(summary);
  open.sort((a, b) => new Date(b.createdAt) - new Date(a.createdAt));
  render();
}

export function render() {
  const list = document.getElementById('open-incidents');
  list.replaceChildren(...open.map((i) => el('li', { dataset: { id: i.id } },
    el('strong', { class: 'p' + i.priority }, `P${i.priority}`), ` ${typeLabel(i)} · `,
    el('span', { class: 'badge' }, t('incident.' + i.status)), ` · ${clock(i.createdAt)}`,
    i.address ? el('div', { class: 'muted small' }, i.address) : null)));
  keepSelection(list);
  document.getElementById('open-none').hidden = open.length > 0;
}
