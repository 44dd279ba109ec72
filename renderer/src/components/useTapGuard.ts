import { useEffect, useLayoutEffect, useState } from 'react';

/**
 * How long a new screen (or dialog) ignores taps. A hurried second tap lands 60–400 ms after the
 * first; by then the next screen is up and the finger hits whatever sits there (a doctor card,
 * a key of the keypad). Longer than this and a deliberate tap would feel ignored.
 */
export const TAP_GUARD_MS = 400;

/** Everything a tap is made of; all of them are swallowed while a screen settles. */
const TAP_EVENTS = ['pointerdown', 'pointerup', 'touchstart', 'touchend', 'mousedown', 'mouseup', 'click'] as const;

/**
 * True for TAP_GUARD_MS after `key` (the screen's name) changes or the caller mounts. Derived
 * from the key itself, so the very first render of a new screen is already guarded: there is
 * no frame between the screen appearing and the guard switching on.
 *
 * While true, taps on elements `inside(target)` are stopped at the window, before React sees
 * them. (CSS `pointer-events: none` alone is not enough: Chromium's touch adjustment still
 * sent a second finger tap to the key under it.) The caller also marks its element
 * `data-settling`, which the CSS uses, and which Playwright's click waits out.
 */
export function useTapGuard(key: string, inside: (target: Element) => boolean, ms = TAP_GUARD_MS): boolean {
  const [settled, setSettled] = useState<string | null>(null);
  const settling = settled !== key;
  useEffect(() => {
    const t = setTimeout(() => setSettled(key), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  // A layout effect: in place before the browser paints the new screen, so before any new tap.
  useLayoutEffect(() => {
    if (!settling) return;
    const swallow = (e: Event) => {
      if (e.target instanceof Element && inside(e.target)) {
        e.stopPropagation();
        if (e.cancelable) e.preventDefault();
      }
    };
    for (const type of TAP_EVENTS) window.addEventListener(type, swallow, { capture: true });
    return () => {
      for (const type of TAP_EVENTS) window.removeEventListener(type, swallow, { capture: true });
    };
  }, [settling, inside]);
  return settling;
}
