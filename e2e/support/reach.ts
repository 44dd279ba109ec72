// Reach mode's measures for the e2e (reach.spec.ts, n3-reach.spec.ts): the line a seated patient
// reaches on a portrait screen with the shipped defaults, every control on the glass and where
// its visible part begins, and the walk's figures for the report (artifacts/reach/).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, layoutFacts } from './a11y';
import { P, expect, type Kiosk } from './fixtures';

/** The line with the shipped defaults: what a 1920-px portrait screen may not hold above it. */
const PICTURE_M = 0.71;
const BOTTOM_EDGE_M = 0.8;
const REACH_M = 1.2;
export const lineFor = (heightPx: number) => heightPx * (1 - (REACH_M - BOTTOM_EDGE_M) / PICTURE_M);

type Control = { what: string; top: number };

/**
 * Every control a finger can land on now: buttons, role=button, inputs, links and anything
 * focusable by Tab. A dialog's own box (tabindex −1) only takes focus from the code, never a tap,
 * so it is not one. What a scroll area has scrolled out of its window is not on the glass: the
 * part that is visible is measured (the top edge of a half-scrolled card is the window's).
 */
export async function controls(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const sel = 'button, [role="button"], input, a[href], [tabindex]:not([tabindex="-1"])';
    const out: { what: string; top: number }[] = [];
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none' || (el as HTMLInputElement).type === 'hidden') continue;
      const r = el.getBoundingClientRect();
      let top = Math.max(r.top, 0);
      let bottom = Math.min(r.bottom, window.innerHeight);
      // Clipped by every scrolling or clipping ancestor.
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.display === 'contents') continue;
        if (s.overflowY !== 'visible') {
          const ar = a.getBoundingClientRect();
          top = Math.max(top, ar.top);
          bottom = Math.min(bottom, ar.bottom);
        }
      }
      if (r.width <= 0 || bottom - top <= 0.5) continue;
      const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
      out.push({ what: name || el.tagName.toLowerCase(), top: Math.round(top * 10) / 10 });
    }
    return out;
  });
}

/** The measured figures of one walk: each screen's topmost control, for the report. */
const figures: Record<string, { line: number; topmost: Control | null; controls: number; scrolls: number }> = {};

/** Asserts the reach rule on the screen as it is, photographs it and records the topmost control. */
export async function checkReach(kiosk: Kiosk, name: string, opts: { axe?: boolean } = {}): Promise<void> {
  const { page } = kiosk;
  await expect(page.locator('.app')).toHaveAttribute('data-reach', 'on');
  await kiosk.shot(`reach-${name}`);
  const line = lineFor(page.viewportSize()!.height);
  const all = await controls(page);
  expect(all.length, `${name}: no controls found`).toBeGreaterThan(0);
  const above = all.filter((c) => c.top < line);
  expect.soft(above, `${name}: controls above the reach line (${Math.round(line)} px)`).toEqual([]);
  const topmost = all.reduce<Control | null>((m, c) => (m === null || c.top < m.top ? c : m), null);
  // How far the part under the line (or Welcome) scrolls (0: everything is on the glass at once).
  const scrolls = await page.evaluate(() => Math.max(0, ...Array.from(document.querySelectorAll('.reach-body > .scroll-view > .scroll-area, .screen-welcome')).map((b) => b.scrollHeight - b.clientHeight)));
  figures[name] = { line: Math.round(line), topmost, controls: all.length, scrolls };
  const facts = await layoutFacts(page);
  expect.soft(facts.offscreen, `${name}: runs off the screen`).toEqual([]);
  expect.soft(facts.smallTargets, `${name}: small targets`).toEqual([]);
  if (opts.axe !== false) {
    // With a modal open, what is behind its scrim is dimmed on purpose and out of a screen
    // reader's reach (aria-modal): axe reads the dialog, whose colours must hold.
    const modal = (await page.locator('[aria-modal="true"]').count()) > 0 ? '[aria-modal="true"]' : undefined;
    expect.soft(await axeViolations(page, modal), `${name}: axe`).toEqual([]);
  }
}

export function record(file: string): void {
  const dir = path.resolve('artifacts', 'reach');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), JSON.stringify(figures, null, 2));
  // The next walk (same worker) records its own screens only.
  for (const k of Object.keys(figures)) delete figures[k];
}

export async function reachOn(kiosk: Kiosk): Promise<void> {
  const { page } = kiosk;
  const toggle = page.getByTestId('reach-toggle');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Within reach before it is on: a seated patient must be able to switch it on.
  const box = (await toggle.boundingBox())!;
  expect(box.y).toBeGreaterThan(lineFor(page.viewportSize()!.height));
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.app')).toHaveAttribute('data-reach', 'on');
}

/** The Identify screen with its keypad, its month names and filled in; then «Продолжить». */
export async function identifyInReach(kiosk: Kiosk, who: keyof typeof P, prefix: string): Promise<void> {
  const { page } = kiosk;
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await checkReach(kiosk, `${prefix}identify`);
  const { policy, birth } = P[who];
  await page.getByTestId('field-policy').click();
  await kiosk.typeDigits(policy);
  await kiosk.typeDigits(birth[0]);
  await expect(page.getByTestId(`month-${birth[1]}`)).toBeVisible();
  await checkReach(kiosk, `${prefix}identify-month`, { axe: false });
  await page.getByTestId(`month-${birth[1]}`).click();
  await kiosk.typeDigits(birth[2]);
  await checkReach(kiosk, `${prefix}identify-filled`, { axe: false });
  await page.getByTestId('identify-submit').click();
}

