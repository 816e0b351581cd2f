// Siaga 110 officer app: the alarm. A loud two-tone siren (WebAudio) and vibration, repeating until stopped.
// Browsers only let a page make sound after the user touched it: unlock() on any tap; audible() says whether
// sound is possible now (else the app shows a button to turn it on).
export class Alarm {
  constructor() {
    this.context = null;
    this.timer = null;
  }

  unlock() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!this.context) this.context = new Ctx();
    if (this.context.state === 'suspended') this.context.resume().catch(() => {});
  }

  audible() {
    return !!this.context && this.context.state === 'running';
  }

  ringing() {
    return this.timer !== null;
  }

  start() {
    if (this.timer !== null) return;
    this.unlock();
    const ring = () => {
      this.siren();
      if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 400]);
    };
    ring();
    this.timer = setInterval(ring, 1600);
  }

  stop() {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    if (navigator.vibrate) navigator.vibrate(0);
  }

  siren() {
    const c = this.context;
    if (!c || c.state !== 'running') return;
    const gain = c.createGain();
    gain.gain.value = 0.9;
    gain.connect(c.destination);
    const osc = c.createOscillator();
    osc.type = 'square';
    const t0 = c.currentTime;
    for (let i = 0; i < 4; i++) {
      osc.frequency.setValueAtTime(i % 2 ? 770 : 960, t0 + i * 0.3);
    }
    osc.connect(gain);
    osc.start(t0);
    osc.stop(t0 + 1.2);
  }
}
