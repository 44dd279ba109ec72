// Inactivity on a public screen: after `idleSeconds` without a touch the kiosk asks whether
// the patient is still there, and after `countdownSeconds` more it ends the session so that
// the next person never sees someone else's data.
export type IdlePhase =
  | { kind: 'active' }
  | { kind: 'warning'; secondsLeft: number }
  | { kind: 'expired' };

export function idlePhase(quietMs: number, idleSeconds: number, countdownSeconds: number): IdlePhase {
  const idleMs = idleSeconds * 1000;
  if (quietMs < idleMs) return { kind: 'active' };
  const leftMs = idleMs + countdownSeconds * 1000 - quietMs;
  if (leftMs <= 0) return { kind: 'expired' };
  return { kind: 'warning', secondsLeft: Math.ceil(leftMs / 1000) };
}

/**
 * The clock every countdown on screen runs on: monotonic, so an NTP step of the kiosk's wall
 * clock (a kiosk 5 minutes off, corrected) neither keeps a walked-away patient's data on the
 * screen 5 minutes longer (a step back) nor throws a patient out mid-booking (a step forward).
 * Found by `npm run soak` (clock-ntp with a walk-away).
 */
export const monotonicNow = (): number => performance.now();

export type IdleTracker = {
  /** A touch, a key or the patient pressing «Да, продолжить». */
  activity(): void;
  /** Re-evaluate against the clock; calls `onExpire` once per quiet period. */
  tick(): IdlePhase;
};

export function createIdleTracker(opts: {
  idleSeconds: number;
  countdownSeconds: number;
  now: () => number;
  onExpire: () => void;
}): IdleTracker {
  let last = opts.now();
  let fired = false;
  return {
    activity() {
      last = opts.now();
      fired = false;
    },
    tick() {
      const phase = idlePhase(opts.now() - last, opts.idleSeconds, opts.countdownSeconds);
      if (phase.kind === 'expired' && !fired) {
        fired = true;
        opts.onExpire();
      }
      return phase;
    },
  };
}
