// Siaga 110 officer app: the alarm. A loud two-tone siren (WebAudio) and vibration, repeating until stopped.
// Browsers only let a page make sound after the user touched it: unlock() on any tap; audible() says whether
// sound is possible now (else the app shows a button to turn it on). The siren goes out through an analyser, so
// level() tells what is actually being played: the app shows it, and the officer sees the phone is sounding.
export class Alarm {
  constructor() {
    this.context = null;
    this.output = null;
    this.timer = null;
  }

  unlock() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!this.context) {
      this.context = new Ctx();
      this.output = this.context.createAnalyser();
      this.output.fftSize = 1024;
      this.output.connect(this.context.destination);
    }
    if (this.context.state === 'suspended') this.context.resume().catch(() => {});
  }

  audible() {
    return !!this.context && this.context.state === 'running';
  }

  /** The audio state: 'running' when the page may sound, 'suspended' before a tap, 'none' without WebAudio yet. */
  audioState() {
    return this.context ? this.context.state : 'none';
  }

  /** How loud the alarm plays right now, 0 (silent) to 1 (full scale), from the samples going to the speaker. */
  level() {
    if (!this.output || !this.audible()) return 0;
    const samples = new Uint8Array(this.output.fftSize);
    this.output.getByteTimeDomainData(samples);
    let peak = 0;
    for (const v of samples) peak = Math.max(peak, Math.abs(v - 128));
    return peak / 128;
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
    gain.connect(this.output);
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
