// Tells a keyboard-wedge scanner from a person at a keyboard: a scanner sends its digits a few
// milliseconds apart and ends with Enter. Digits are read from the PHYSICAL key
// (`KeyboardEvent.code`, Digit0–9 and Numpad0–9), never from `key`, so the OS layout (Russian,
// or a scanner set to another keyboard country) cannot turn them into other characters.

/** A person types at most ~10 keys a second; scanners send a key every 1–20 ms. */
export const KEY_GAP_MS = 50;
/** Shorter bursts are not a policy number anyway (an ENP is 16 digits). */
export const MIN_BURST_DIGITS = 8;

export function digitOfCode(code: string): string | null {
  const m = /^(?:Digit|Numpad)(\d)$/.exec(code);
  return m ? m[1]! : null;
}

/**
 * 'start': a digit that may begin a scan (let it through, a person may be typing);
 * 'burst': a digit inside a fast burst (swallow it, it is the scanner's);
 * { scan }: Enter closing a burst; 'pass': anything else.
 */
export type BurstStep = 'start' | 'burst' | 'pass' | { scan: string };

export class KeyBurst {
  #digits = '';
  #last = Number.NEGATIVE_INFINITY;

  key(code: string, at: number): BurstStep {
    const fast = at - this.#last <= KEY_GAP_MS;
    this.#last = at;
    const digit = digitOfCode(code);
    if (digit !== null) {
      if (fast && this.#digits.length > 0) {
        this.#digits += digit;
        return 'burst';
      }
      this.#digits = digit;
      return 'start';
    }
    const digits = this.#digits;
    this.#digits = '';
    if ((code === 'Enter' || code === 'NumpadEnter') && fast && digits.length >= MIN_BURST_DIGITS) return { scan: digits.slice(0, 64) };
    return 'pass';
  }
}
