// Whether what a patient must read is really on screen: inside the window without scrolling and
// not clipped by any box that hides its overflow. Measured on the text itself (a Range), so a
// line that wraps or runs past its box counts, not only the element's own rectangle.
import type { Page } from '@playwright/test';

/** «testid: why» for every element with one of these test ids that is not fully on screen (or missing). */
export async function cutOff(page: Page, testIds: readonly string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const inside = (r: DOMRect, b: { left: number; top: number; right: number; bottom: number }) =>
      r.left >= b.left - 1 && r.top >= b.top - 1 && r.right <= b.right + 1 && r.bottom <= b.bottom + 1;
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (!el) {
        problems.push(`${id}: not on the screen`);
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(el);
      const boxes = [el.getBoundingClientRect(), ...Array.from(range.getClientRects())].filter((r) => r.width > 0 && r.height > 0);
      if (boxes.length === 0) problems.push(`${id}: has no size`);
      for (const r of boxes) {
        const where = `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
        if (!inside(r, { left: 0, top: 0, right: vw, bottom: vh })) problems.push(`${id}: ${where} outside the ${vw}×${vh} window`);
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const cs = getComputedStyle(a);
          if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
          if (!inside(r, a.getBoundingClientRect())) problems.push(`${id}: ${where} clipped by .${a.className.toString().split(' ')[0]}`);
        }
      }
    }
    return [...new Set(problems)];
  }, testIds);
}
