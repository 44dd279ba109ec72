// A soft two-note chime for «Вы ещё здесь?»: a patient who looked away hears that the screen
// wants them, without an alarm in a quiet lobby. Web Audio only, no file to load; where the
// machine has no audio output it simply makes no sound.
let context: AudioContext | null = null;

/** Plays the chime; returns false when this browser cannot make sound at all. */
export function playSoftTone(volume = 0.08): boolean {
  const Ctx = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return false;
  try {
    context ??= new Ctx();
    const at = context.currentTime;
    for (const [i, freq] of [660, 880].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const start = at + i * 0.22;
      // A quick rise and a long fade: a chime, not a beep.
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(volume, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(start + 0.55);
    }
    return true;
  } catch {
    return false;
  }
}
