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

  attempt(pin: string): PinAttempt {
    const now = (this.opts.now ?? (() => new Date()))().getTime();
    if (!this.opts.pinHash) {
      this.opts.log.audit('service.entry_refused', { reason: 'not-configured' });
      return { ok: false, reason: 'not-configured' };
    }
    if (now < this.#lockedUntil) {
      this.opts.log.audit('service.entry_refused', { reason: 'locked' });
      return { ok: false, reason: 'locked', until: new Date(this.#lockedUntil) };
    }
    if ((this.opts.verify ?? verifyPin)(pin, this.opts.pinHash)) {
      this.#wrong = 0;
      this.opts.log.audit('service.entered', {});
      return { ok: true };
    }
    this.#wrong++;
    if (this.#wrong >= MAX_WRONG) {
      this.#wrong = 0;
      this.#lockedUntil = now + LOCK_MS;
      this.opts.log.audit('service.locked', { minutes: LOCK_MS / 60_000 });
      return { ok: false, reason: 'locked', until: new Date(this.#lockedUntil) };
    }
    this.opts.log.audit('service.wrong_pin', { attemptsLeft: MAX_WRONG - this.#wrong });
    return { ok: false, reason: 'wrong', attemptsLeft: MAX_WRONG - this.#wrong };
  }
}
