// React's side of public/boot.js: once React's own Welcome is committed, the picture's watch
// ends and a tap the patient made on the picture is replayed on the same button, now React's.
declare global {
  interface Window {
    __kioskBoot?: { takeOver(): string | null };
  }
}

export function takeOverFromBoot(win: Window = window): void {
  const tapped = win.__kioskBoot?.takeOver() ?? null;
  if (!tapped) return;
  const button = Array.from(win.document.querySelectorAll('button[data-testid]')).find((b) => b.getAttribute('data-testid') === tapped);
  // A button React disabled in the meantime (e.g. the MIS turned out to be down) stays untapped.
  if (button instanceof win.HTMLButtonElement && !button.disabled) button.click();
}
