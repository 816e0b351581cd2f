// Siaga 110 operator console: what the console holds, shared by its modules, and small helpers.

export const state = {
  me: null,          // GET /api/console
  position: null,    // this user's operator position (GET /api/operators row), null for a dispatcher without one
  map: null,
  layers: {},
  calls: new Map(),  // live calls by id
  current: null,     // the call this operator answered (popped), kept after it ends for the report
  incident: null,    // the incident on the work panel (detail)
  clock: null,       // its clock
  units: new Map(),
  types: [],
};

/** Seconds of a duration as the API writes it: a number of seconds or ISO-8601 ("PT4M5.2S"). */
export function seconds(d) {
  if (d == null) return null;
  if (typeof d === 'number') return d;
  const m = /^(-)?PT(?:(-?[\d.]+)H)?(?:(-?[\d.]+)M)?(?:(-?[\d.]+)S)?$/.exec(d);
  if (!m) return null;
  const s = (Number(m[2] || 0) * 3600) + (Number(m[3] || 0) * 60) + Number(m[4] || 0);
  return m[1] ? -s : s;
}

/** A caller number as operators write it: +62812… → 0812…. */
export function national(n) {
  return n && n.startsWith('+62') ? '0' + n.slice(3) : (n || '');
}

/** Builds an element: el('li', {class: 'x', dataset: {id}}, 'text', child…). Text is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/**
 * Arrow keys move the selection in a list (its children carrying data-id), Enter acts on the selected one, and
 * onLetter(letter, id) may act on it with a letter key (returning true when it did: the page's own keys then stay
 * out of it). The selection survives re-rendering by id.
 */
export function navigable(list, onEnter, onLetter = null) {
  list.addEventListener('keydown', (e) => {
    const items = [...list.children].filter((c) => c.dataset.id);
    if (!items.length) return;
    let i = items.findIndex((c) => c.dataset.id === list.dataset.selected);
    if (e.key === 'ArrowDown') i = Math.min(items.length - 1, i + 1);
    else if (e.key === 'ArrowUp') i = Math.max(0, i - 1);
    else if (e.key === 'Enter' && !e.ctrlKey) {
      e.preventDefault();
      if (i >= 0) onEnter(items[i].dataset.id, e);
      return;
    } else if (onLetter && i >= 0 && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (onLetter(e.key.toLowerCase(), items[i].dataset.id, e)) e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    select(list, items[i].dataset.id);
  });
}

export function select(list, id) {
  list.dataset.selected = id ?? '';
  for (const c of list.children) c.classList.toggle('selected', !!id && c.dataset.id === id);
  const chosen = [...list.children].find((c) => c.dataset.id === id);
  if (chosen) chosen.scrollIntoView({ block: 'nearest' });
}

/** Re-applies the kept selection after a list was re-rendered. */
export function keepSelection(list) {
  select(list, list.dataset.selected || null);
}
