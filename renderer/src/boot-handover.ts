// React's side of boot/boot.js: once React's own Welcome knows the MIS state and which
// buttons it has, the picture's watch ends and a tap the patient made on the picture is
// replayed on the same button, now React's (pressed only if it is there and enabled).
import { useCallback, useEffect, useRef } from 'react';

declare global {
  interface Window {
    __kioskBoot?: { takeOver(): string | null };
  }
}

/** Longest wait for the first health check and kiosk answers before a kept tap is replayed anyway. */
const HANDOVER_CAP_MS = 3000;

/** Once per page load: Welcome mounts again after every session, but boot.js ran only once. */
let handedOver = false;

/** Ends boot.js's watch and, unless `dropKept`, presses the button the kept tap was on. */
export function takeOverFromBoot(win: Window = window, dropKept = false): void {
  const tapped = win.__kioskBoot?.takeOver() ?? null;
  if (!tapped || dropKept) return;
  const button = Array.from(win.document.querySelectorAll<HTMLButtonElement>('button[data-testid]')).find((b) => b.getAttribute('data-testid') === tapped);
  if (button && !button.disabled) button.click();
}

/**
 * Welcome's hand-over, on the first Welcome of a page load only: when `ready` (MIS state and
 * kiosk info known), or after HANDOVER_CAP_MS.
 */
export function useBootHandover(ready: boolean): void {
  // A touch on React's Welcome is newer than the one kept from the picture: the newer one wins.
  const touched = useRef(false);
  useEffect(() => {
    if (handedOver) return;
    const onDown = () => void (touched.current = true);
    window.addEventListener('pointerdown', onDown, { capture: true });
    return () => window.removeEventListener('pointerdown', onDown, { capture: true });
  }, []);
  const handOver = useCallback(() => {
    if (handedOver) return;
    handedOver = true;
    takeOverFromBoot(window, touched.current);
  }, []);
  useEffect(() => {
    if (ready) handOver();
  }, [ready, handOver]);
  useEffect(() => {
    if (handedOver) return;
    const t = setTimeout(handOver, HANDOVER_CAP_MS);
    return () => clearTimeout(t);
  }, [handOver]);
}
