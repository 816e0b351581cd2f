// Siaga 110 consoles: whether calls are recorded now, in the header (GET /api/media). ON: every call is anchored and
// recorded; DOWN: a media plane is configured but no rtpengine answers, so calls go on end to end, unrecorded; OFF: no
// media plane (the demo without rtpengine). Looked at again every 30 s; the words follow the language switch.
import { get } from './api.js';
import { t, words } from './i18n.js';

words({
  'rec.ON': '● Rekaman aktif', 'rec.DOWN': 'Rekaman terganggu', 'rec.OFF': 'Rekaman mati', 'rec.UNKNOWN': 'Rekaman: ?',
  'rec.ON.hint': 'Setiap panggilan direkam (rtpengine menjawab).',
  'rec.DOWN.hint': 'rtpengine tidak menjawab: panggilan tetap tersambung, tetapi tidak direkam dan penelepon tidak mendengar pengumuman.',
  'rec.OFF.hint': 'Tanpa media plane: panggilan tidak direkam (README, "The voice of the call").',
  'rec.UNKNOWN.hint': 'Status rekaman tidak dapat dibaca.',
}, {
  'rec.ON': '● Recording', 'rec.DOWN': 'Recording down', 'rec.OFF': 'Recording off', 'rec.UNKNOWN': 'Recording: ?',
  'rec.ON.hint': 'Every call is recorded (rtpengine answers).',
  'rec.DOWN.hint': 'rtpengine does not answer: calls still connect, but are not recorded and callers hear no announcement.',
  'rec.OFF.hint': 'No media plane: calls are not recorded (README, "The voice of the call").',
  'rec.UNKNOWN.hint': 'The recording status could not be read.',
});

const CLASSES = { ON: 'ok', DOWN: 'alarm', OFF: 'warn', UNKNOWN: 'warn' };

/** Keeps {@code badge} showing whether calls are recorded. */
export function followRecording(badge, everyMs = 30_000) {
  const show = (state) => {
    badge.dataset.recording = state;
    badge.className = 'badge ' + CLASSES[state];
    badge.dataset.i18n = 'rec.' + state;
    badge.dataset.i18nTitle = 'rec.' + state + '.hint';
    badge.textContent = t(badge.dataset.i18n);
    badge.title = t(badge.dataset.i18nTitle);
  };
  const look = () => get('/api/media').then((m) => show(m.recording), () => show('UNKNOWN'));
  look();
  setInterval(look, everyMs);
}
