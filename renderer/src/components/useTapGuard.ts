import { useEffect, useState } from 'react';

/**
 * How long a new screen (or dialog) ignores taps. A hurried second tap lands 60–400 ms after the
 * first; by then the next screen is up and the finger hits whatever sits there (a doctor card,
 * a key of the keypad). Longer than this and a deliberate tap would feel ignored.
 */
export const TAP_GUARD_MS = 400;

/**
 * True for TAP_GUARD_MS after `key` (the screen's name) changes or the caller mounts. Derived
 * from the key itself, so the very first render of a new screen is already guarded: there is
 * no frame between the screen appearing and the guard switching on. The caller marks its
 * element `data-settling`, and CSS turns pointer events off there (one rule, components.css).
 */
export function useTapGuard(key: string, ms = TAP_GUARD_MS): boolean {
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setSettled(key), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  return settled !== key;
}
