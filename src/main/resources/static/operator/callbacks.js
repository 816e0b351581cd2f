// Siaga 110 operator console: call-back tasks (callers who hung up before an answer): claim one with Enter,
// close a claimed one with Enter and its outcome.
import { get, post } from '/js/api.js';
import { t } from '/js/i18n.js';
import { toast } from '/js/console.js';
import { dateTime } from '/js/time.js';
import { el, national, navigable, keepSelection } from './state.js';

let tasks = [];

export function initCallbacks() {
  navigable(document.getElementById('callbacks'), (id) => act(id));
  setInterval(() => reloadCallbacks().catch(() => {}), 30_000);
}

export async function reloadCallbacks() {
  tasks = await get('/api/callbacks');
  const list = document.getElementById('callbacks');
  list.replaceChildren(...tasks.map((task) => el('li', { dataset: { id: task.id } },
    el('strong', {}, national(task.callerNumber)), ` · ${dateTime(task.createdAt)} · `,
    el('span', { class: 'badge ' + (task.status === 'OPEN' ? 'warn' : 'ok') }, task.status === 'OPEN' ? t('op.task.OPEN') : t('op.claimed.by', { who: task.claimedBy })),
    ' ', el('button', { type: 'button', tabindex: '-1', onclick: () => act(task.id) }, t(task.status === 'OPEN' ? 'op.claim' : 'op.close')))));
  keepSelection(list);
  document.getElementById('callbacks-none').hidden = tasks.length > 0;
}

async function act(id) {
  const task = tasks.find((x) => x.id === id);
  if (!task) return;
  try {
    if (task.status === 'OPEN') {
      await post(`/api/callbacks/${id}/claim`);
    } else {
      const outcome = window.prompt(t('op.close.ask'));
      if (!outcome) return;
      await post(`/api/callbacks/${id}/close`, { outcome });
    }
    await reloadCallbacks();
  } catch (e) {
    toast(`${t('error')}: ${e.message}`, { error: true });
  }
}
