// Entry to service mode: five wrong PINs lock the keypad for five minutes, so a patient
// cannot try the 10,000 four-digit PINs at the screen. Every attempt is audited (without
// the PIN); the counter lives in the main process, so reloading the screen does not reset it.
import type { Logger } from '../ports';
import { verifyPin } from './pin';

export const MAX_WRONG = 5;
export const LOCK_MS = 5 * 60_000;

export type PinAttempt =
  | { ok: true }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; until: Date }
  | { ok: false; reason: 'not-configured' };

export class PinGuard {
  #wrong = 0;
  #lockedUntil = 0;

  constructor(
    private readonly opts: { pinHash: string | undefined; log: Logger; now?: () => Date; verify?: (pin: string, hash: string) => boolean },
  ) {}

  /** `purpose` only names the audit events: leaving to the OS asks the same PIN, under the same count. */
  attempt(pin: string, purpose: 'entry' | 'leave' = 'entry'): PinAttempt {
    const now = this.#now();
    const refused = purpose === 'entry' ? 'service.entry_refused' : 'service.leave_refused';
    if (!this.opts.pinHash) {
      this.opts.log.audit(refused, { reason: 'not-configured' });
      return { ok: false, reason: 'not-configured' };
    }
    if (now < this.#lockedUntil) {
      this.opts.log.audit(refused, { reason: 'locked' });
      return { ok: false, reason: 'locked', until: new Date(this.#lockedUntil) };
    }
    if ((this.opts.verify ?? verifyPin)(pin, this.opts.pinHash)) {
      this.#wrong = 0;
      this.opts.log.audit(purpose === 'entry' ? 'service.entered' : 'service.leave_pin_ok', {});
      return { ok: true };
    }
    this.#wrong++;
    if (this.#wrong >= MAX_WRONG) {
      this.#wrong = 0;
      this.#lockedUntil = now + LOCK_MS;
      this.opts.log.audit('service.locked', { minutes: LOCK_MS / 60_000, purpose });
      return { ok: false, reason: 'locked', until: new Date(this.#lockedUntil) };
    }
    this.opts.log.audit('service.wrong_pin', { attemptsLeft: MAX_WRONG - this.#wrong, purpose });
    return { ok: false, reason: 'wrong', attemptsLeft: MAX_WRONG - this.#wrong };
  }

  /** Whether the keypad may take a PIN now; audits nothing, counts nothing. */
  gate(): { state: 'ready' } | { state: 'locked'; until: Date } | { state: 'not-configured' } {
    if (!this.opts.pinHash) return { state: 'not-configured' };
    return this.#now() < this.#lockedUntil ? { state: 'locked', until: new Date(this.#lockedUntil) } : { state: 'ready' };
  }

  #now(): number {
    return (this.opts.now ?? (() => new Date()))().getTime();
  }
}
