// What a patient with weak eyesight would notice, measured on the page: axe-core's findings,
// the smallest text, targets under 64 px and anything that runs off the screen sideways.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's violations as «rule: target» lines. `meta-viewport` is left out on purpose: the
 * kiosk blocks pinch zoom (a stray two-finger touch must not zoom a public screen) and offers
 * its own large-print mode instead (README, «Крупный шрифт»). `include`: only that part of the
 * page (a modal dialog, when what is behind its scrim is not to be read).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).disableRules(['meta-viewport']);
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}

export type LayoutFacts = {
  /** Smallest computed font-size of visible text, px. */
  minFontPx: number;
  /** The text that has it, for the report. */
  minFontText: string;
  /** Visible buttons smaller than 64 × 64 px. */
  smallTargets: string[];
  /** Visible elements that reach past the left or right edge of the window. */
  offscreen: string[];
};

export async function layoutFacts(page: Page): Promise<LayoutFacts> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
    };
    const label = (el: Element) => (el.getAttribute('data-testid') ?? el.className.toString() ?? el.tagName).slice(0, 60);
    let minFontPx = Infinity;
    let minFontText = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || !visible(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < minFontPx) {
        minFontPx = px;
        minFontText = text.slice(0, 40);
      }
    }
    const smallTargets = Array.from(document.querySelectorAll('button, [role="button"], input'))
      .filter(visible)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height < 64 || r.width < 64;
      })
      .map((el) => `${label(el)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
    const w = window.innerWidth;
    const offscreen = Array.from(document.querySelectorAll('body *'))
      .filter(visible)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > w + 1 || r.left < -1;
      })
      .map((el) => `${label(el)} ${Math.round(el.getBoundingClientRect().left)}…${Math.round(el.getBoundingClientRect().right)}`);
    return { minFontPx, minFontText, smallTargets, offscreen };
  });
}
