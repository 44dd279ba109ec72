import { useEffect, useLayoutEffect, useRef, useState } from 'react';

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
 * no frame between the screen appearing and the guard switching on. The caller marks its
 * element `data-settling`, which the CSS uses and Playwright's click waits out.
 *
 * The taps themselves are judged by when the finger came down (the event's own timeStamp),
 * not by when the page got round to them: on a busy kiosk a second tap can be dispatched well
 * after the screen changed, and a timer-only guard has run out by then. A tap on elements
 * `inside(target)` made before the screen appeared or within TAP_GUARD_MS of it is stopped at
 * the window, before React sees it. (CSS `pointer-events: none` alone did not stop it:
 * Chromium's touch adjustment still sent the tap to the key under the finger.)
 */
export function useTapGuard(key: string, inside: (target: Element) => boolean, ms = TAP_GUARD_MS, guardMount = true): boolean {
  // `guardMount: false` is for the first screen of a page load: no screen came before it, so
  // there is no second tap to stop, and a tap kept by boot/boot.js is replayed at once.
  const [settled, setSettled] = useState<string | null>(guardMount ? null : key);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  const guardedKey = useRef<string | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setSettled(key), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  // A layout effect: the time is taken as the new screen is committed, before it is painted.
  // Keyed on the last key seen, not on mounting, so StrictMode's second run in development
  // neither guards the first screen nor restarts a guard.
  useLayoutEffect(() => {
    const first = guardedKey.current === null;
    if (guardedKey.current === key) return;
    guardedKey.current = key;
    if (first && !guardMount) return;
    shownAt.current = performance.now();
  }, [key, guardMount]);
  useLayoutEffect(() => {
    const swallow = (e: Event) => {
      if (e.timeStamp - shownAt.current >= ms) return;
      if (e.target instanceof Element && inside(e.target)) {
        e.stopPropagation();
        if (e.cancelable) e.preventDefault();
      }
    };
    for (const type of TAP_EVENTS) window.addEventListener(type, swallow, { capture: true });
    return () => {
      for (const type of TAP_EVENTS) window.removeEventListener(type, swallow, { capture: true });
    };
  }, [inside, ms]);
  return settled !== key;
}
