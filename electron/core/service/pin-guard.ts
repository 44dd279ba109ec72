// Entry to service mode: five wrong PINs lock the keypad, and each lock in a row is longer
// (5, 15, then 60 minutes every time) until the right PIN is typed, so guessing even a 4-digit
// PIN at the screen takes weeks instead of a week-end. Every attempt is audited (without the
// PIN). The count lives in the main process (reloading the screen does not reset it) and in a
// store that survives a restart (pin-guard-store.ts); the lock runs on a monotonic clock, so
// setting the system clock moves it neither way.
import type { Logger } from '../ports';
import { verifyPin } from './pin';
import { memoryPinGuardStore, type PinGuardState, type PinGuardStore } from './pin-guard-store';

export const MAX_WRONG = 5;
/** The first lock, the second in a row, and every one after that. */
export const LOCK_STEPS_MS = [5 * 60_000, 15 * 60_000, 60 * 60_000] as const;
const LONGEST_LOCK_MS = Math.max(...LOCK_STEPS_MS);
/** While locked the store is told what is left this often: a restart re-arms at most this much extra. */
const REFRESH_MS = 60_000;

/** How long the lock after `level` earlier locks (since the last right PIN) lasts. */
export function lockMs(level: number): number {
  return LOCK_STEPS_MS[Math.min(level, LOCK_STEPS_MS.length - 1)]!;
}

export type PinAttempt =
  | { ok: true }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; msLeft: number }
  | { ok: false; reason: 'not-configured' };

export interface PinGuardOptions {
  pinHash: string | undefined;
  log: Logger;
  verify?: (pin: string, hash: string) => boolean;
  /** Monotonic milliseconds (default performance.now): the lock's only clock. */
  clock?: () => number;
  /** Where the count survives a restart; in memory when absent. */
  store?: PinGuardStore;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

const clamp = (v: number, max: number) => Math.min(Math.max(0, Math.floor(v)), max);

export class PinGuard {
  #wrong: number;
  #level: number;
  /** On the monotonic clock; null when not locked. */
  #lockEnd: number | null = null;
  #refresh: unknown = null;
  readonly #store: PinGuardStore;
  readonly #clock: () => number;

  constructor(private readonly opts: PinGuardOptions) {
    this.#store = opts.store ?? memoryPinGuardStore();
    this.#clock = opts.clock ?? (() => performance.now());
    const saved = this.#store.load();
    this.#wrong = clamp(saved.wrong, MAX_WRONG - 1);
    this.#level = clamp(saved.level, LOCK_STEPS_MS.length);
    // A value longer than any lock is not ours: the longest lock, not a kiosk locked for ever.
    const left = clamp(saved.lockMsLeft, LONGEST_LOCK_MS);
    if (left > 0) {
      this.#lockEnd = this.#clock() + left;
      opts.log.audit('service.lock_resumed', { minutes: Math.ceil(left / 60_000), level: this.#level });
      this.#scheduleRefresh();
    }
  }

  /** `purpose` only names the audit events: leaving to the OS asks the same PIN, under the same count. */
  attempt(pin: string, purpose: 'entry' | 'leave' = 'entry'): PinAttempt {
    const refused = purpose === 'entry' ? 'service.entry_refused' : 'service.leave_refused';
    if (!this.opts.pinHash) {
      this.opts.log.audit(refused, { reason: 'not-configured' });
      return { ok: false, reason: 'not-configured' };
    }
    const msLeft = this.#msLeft();
    if (msLeft > 0) {
      this.opts.log.audit(refused, { reason: 'locked' });
      return { ok: false, reason: 'locked', msLeft };
    }
    if ((this.opts.verify ?? verifyPin)(pin, this.opts.pinHash)) {
      this.#wrong = 0;
      this.#level = 0;
      this.#save();
      this.opts.log.audit(purpose === 'entry' ? 'service.entered' : 'service.leave_pin_ok', {});
      return { ok: true };
    }
    this.#wrong++;
    if (this.#wrong >= MAX_WRONG) {
      const ms = lockMs(this.#level);
      this.#wrong = 0;
      this.#level = Math.min(this.#level + 1, LOCK_STEPS_MS.length);
      this.#lockEnd = this.#clock() + ms;
      this.#save();
      this.#scheduleRefresh();
      // Counted by the metrics (infomat_service_lockouts_total) from this audit event.
      this.opts.log.audit('service.locked', { minutes: ms / 60_000, level: this.#level, purpose });
      return { ok: false, reason: 'locked', msLeft: ms };
    }
    this.#save();
    this.opts.log.audit('service.wrong_pin', { attemptsLeft: MAX_WRONG - this.#wrong, purpose });
    return { ok: false, reason: 'wrong', attemptsLeft: MAX_WRONG - this.#wrong };
  }

  /** Whether the keypad may take a PIN now; audits nothing, counts nothing. */
  gate(): { state: 'ready' } | { state: 'locked'; msLeft: number } | { state: 'not-configured' } {
    if (!this.opts.pinHash) return { state: 'not-configured' };
    const msLeft = this.#msLeft();
    return msLeft > 0 ? { state: 'locked', msLeft } : { state: 'ready' };
  }

  /** Writes what is left of a lock (a clean shutdown loses nothing) and stops the refresh timer. */
  dispose(): void {
    this.#stopRefresh();
    this.#msLeft();
    this.#save();
  }

  /** What is left of the lock; ends it (and says so to the store) once it is over. */
  #msLeft(): number {
    if (this.#lockEnd === null) return 0;
    const left = Math.ceil(this.#lockEnd - this.#clock());
    if (left > 0) return left;
    this.#lockEnd = null;
    this.#stopRefresh();
    this.#save();
    return 0;
  }

  #state(): PinGuardState {
    const lockMsLeft = this.#lockEnd === null ? 0 : Math.max(0, Math.ceil(this.#lockEnd - this.#clock()));
    return { wrong: this.#wrong, level: this.#level, lockMsLeft };
  }

  #save(): void {
    this.#store.save(this.#state());
  }

  #scheduleRefresh(): void {
    this.#stopRefresh();
    const set =
      this.opts.setTimer ??
      ((fn: () => void, ms: number) => {
        const t = setTimeout(fn, ms);
        t.unref?.();
        return t;
      });
    const tick = () => {
      this.#refresh = null;
      if (this.#msLeft() <= 0) return; // over: #msLeft cleared the store
      this.#save();
      this.#refresh = set(tick, Math.min(REFRESH_MS, this.#msLeft()));
    };
    this.#refresh = set(tick, Math.min(REFRESH_MS, this.#msLeft()));
  }

  #stopRefresh(): void {
    if (this.#refresh === null) return;
    (this.opts.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>)))(this.#refresh);
    this.#refresh = null;
  }
}
