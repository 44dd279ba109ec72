// Taps as a patient makes them: a real pointer down/up at the middle of a button, through
// Chromium's input pipeline (CDP Input events via Playwright's mouse), once the button is on
// the glass, enabled and the topmost thing at that point. Faster than locator.click() (which
// waits for two animation frames of stability per tap), which matters over thousands of taps;
// the screens' own tap guard (400 ms after a screen appears) is waited out, as a person does —
// on the page's clock when the runner gives one (`pageTime`): fast-forwarded, not slept.
import type { Page } from '@playwright/test';
import type { PageEl, PageGlobal } from './page-types';

export class Interrupted extends Error {
  constructor(readonly why: string) {
    super(`session interrupted: ${why}`);
  }
}

/**
 * The page's clock, when the kiosk's timers run on one the runner controls (Playwright's):
 * a screen's tap guard is then fast-forwarded instead of waited out in real time. Its taps
 * still come after the guard, as a person's do; a hurried second tap (doubleTap) still falls
 * inside it.
 */
export const pageTime: { forward: ((page: Page, ms: number) => Promise<void>) | null } = { forward: null };

/** The longest a screen or dialog ignores taps (renderer/src/components/useTapGuard.ts). */
const SETTLE_MS = 400;

const sel = (testId: string): string => (testId.startsWith('[') || testId.startsWith('.') ? testId : `[data-testid="${testId}"]`);

/**
 * Waits until one of the elements (in order of preference) is there, enabled, settled (its
 * screen no longer `data-settling`) and hit-testable; returns which and the middle of it, or
 * null after `timeoutMs`.
 */
export async function targetOf(page: Page, testIds: readonly string[], timeoutMs = 10_000): Promise<{ id: string; x: number; y: number } | null> {
  const forward = pageTime.forward;
  const until = Date.now() + timeoutMs;
  for (let guards = 0; ; guards++) {
    const got = await findTarget(page, testIds, Math.max(0, until - Date.now()), forward !== null && guards < 5);
    if (got === 'settling' && forward) {
      // The screen just appeared: its guard runs out on the page's clock.
      await forward(page, SETTLE_MS + 20);
      continue;
    }
    return got === 'settling' ? null : got;
  }
}

async function findTarget(page: Page, testIds: readonly string[], timeoutMs: number, reportSettling: boolean): Promise<{ id: string; x: number; y: number } | 'settling' | null> {
  return page.evaluate(
    async ({ list, timeoutMs, reportSettling }) => {
      const w = globalThis as unknown as PageGlobal;
      const until = performance.now() + timeoutMs;
      for (;;) {
        let settling = false;
        for (const [id, s] of list) {
          const el = w.document.querySelector(s);
          if (!el || el.disabled || el.getAttribute('aria-disabled') === 'true') continue;
          if (el.closest('[data-settling]')) {
            settling = true;
            continue;
          }
          let r = el.getBoundingClientRect();
          if (r.bottom > w.innerHeight || r.top < 0) {
            el.scrollIntoView({ block: 'center' });
            r = el.getBoundingClientRect();
          }
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          const hit = w.document.elementFromPoint(x, y);
          if (r.width > 0 && r.height > 0 && hit && (hit === el || el.contains(hit))) return { id, x, y };
        }
        if (settling && reportSettling) return 'settling' as const;
        if (performance.now() > until) return null;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    { list: testIds.map((id) => [id, sel(id)] as const), timeoutMs, reportSettling },
  );
}

export async function target(page: Page, testId: string, timeoutMs = 10_000): Promise<{ x: number; y: number } | null> {
  return targetOf(page, [testId], timeoutMs);
}

/** Taps the first of `testIds` that becomes tappable; returns which, or null. */
export async function tapFirst(page: Page, testIds: readonly string[], timeoutMs = 10_000): Promise<string | null> {
  const at = await targetOf(page, testIds, timeoutMs);
  if (!at) return null;
  await page.mouse.click(at.x, at.y);
  return at.id;
}

/** Taps the element; false when it never became tappable. */
export async function tap(page: Page, testId: string, timeoutMs = 10_000): Promise<boolean> {
  const at = await target(page, testId, timeoutMs);
  if (!at) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}

/** Taps or fails the session with what was missing. */
export async function mustTap(page: Page, testId: string, timeoutMs = 10_000): Promise<void> {
  if (!(await tap(page, testId, timeoutMs))) throw new Interrupted(`nothing to tap: ${testId}`);
}

/** Two taps `gapMs` apart at the same spot: a hurried patient. */
export async function doubleTap(page: Page, testId: string, gapMs: number): Promise<boolean> {
  const at = await target(page, testId);
  if (!at) return false;
  await page.mouse.click(at.x, at.y);
  await new Promise((r) => setTimeout(r, gapMs));
  await page.mouse.click(at.x, at.y);
  return true;
}

/**
 * Taps a run of keys on a keypad that stays put (the identify screen's digits): the positions
 * are read once, then the taps go in a row; `pace` runs before each (the patient's time
 * between two keys, on the page's clock).
 */
export async function tapKeys(page: Page, testIds: readonly string[], pace?: (prev: string | null, next: string) => Promise<void>): Promise<void> {
  const first = await target(page, testIds[0]!);
  if (!first) throw new Interrupted(`no keypad (${testIds[0]})`);
  const rects = await page.evaluate((ids) => {
    const w = globalThis as unknown as PageGlobal;
    const out: Record<string, { x: number; y: number }> = {};
    for (const id of ids) {
      const el = w.document.querySelector(`[data-testid="${id}"]`);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      out[id] = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return out;
  }, [...new Set(testIds)]);
  let prev: string | null = null;
  for (const id of testIds) {
    const at = rects[id];
    if (!at) throw new Interrupted(`no key ${id}`);
    if (pace) await pace(prev, id);
    await page.mouse.click(at.x, at.y);
    prev = id;
  }
}

/**
 * Waits until one of `testIds` is on screen; returns it, or null after `timeoutMs`. The calm
 * error screen is always watched too (as `screen-crash`).
 */
export async function waitAny(page: Page, testIds: readonly string[], timeoutMs: number): Promise<string | null> {
  const all = [...testIds, 'screen-crash'];
  return page.evaluate(
    async ({ all, timeoutMs }) => {
      const w = globalThis as unknown as PageGlobal;
      const until = performance.now() + timeoutMs;
      for (;;) {
        for (const id of all) {
          const el = w.document.querySelector(`[data-testid="${id}"]`);
          // React's screens only: the prerendered Welcome is not a screen anyone can use yet.
          if (el && el.getClientRects().length > 0 && !el.closest('[data-prerendered]')) return id;
        }
        if (performance.now() > until) return null;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    { all, timeoutMs },
  );
}

export async function text(page: Page, testId: string): Promise<string | null> {
  return page.evaluate((s) => (globalThis as unknown as PageGlobal).document.querySelector(s)?.textContent?.trim() ?? null, sel(testId));
}

export async function attr(page: Page, testId: string, name: string): Promise<string | null> {
  return page.evaluate(({ s, name }) => (globalThis as unknown as PageGlobal).document.querySelector(s)?.getAttribute(name) ?? null, { s: sel(testId), name });
}

/** The data-testid of the first element matching `selector` that is enabled. */
export async function firstEnabled(page: Page, prefix: string, timeoutMs = 10_000): Promise<string | null> {
  return page.evaluate(
    async ({ prefix, timeoutMs }) => {
      const w = globalThis as unknown as PageGlobal;
      const until = performance.now() + timeoutMs;
      for (;;) {
        const els: PageEl[] = [...w.document.querySelectorAll(`[data-testid^="${prefix}"]`)];
        const el = els.find((e) => !e.disabled && e.getAttribute('aria-disabled') !== 'true');
        if (el) return el.getAttribute('data-testid');
        if (performance.now() > until) return null;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    { prefix, timeoutMs },
  );
}
