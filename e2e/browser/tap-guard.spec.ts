// A hurried patient taps twice. The second tap (60 ms or 300 ms later) must never land on the
// next screen's choice: each screen ignores taps right after it appears, and «Готово» on the
// ticket is nowhere near where «Записаться» was. Real touch events (hasTouch), at the spot of
// the first tap, the way a finger comes down again.
import type { Locator, Page } from '@playwright/test';
import { CARDIOLOGIST, LPU, REF, expect, test } from '../support/fixtures';

/**
 * Waits until the current screen accepts taps, then taps the element's centre twice, `gapMs`
 * apart. Straight through CDP with the finger-down times stamped on the events, so a busy test
 * machine that delivers them late cannot stretch the gap past what a hurried finger does (the
 * guard judges a tap by that time); the gap the page saw is checked, so the test cannot pass
 * on two unrelated taps.
 */
async function doubleTap(page: Page, target: Locator, gapMs: number): Promise<{ x: number; y: number }> {
  await expect(target).toBeVisible();
  await expect(page.locator('.app[data-settling]')).toHaveCount(0);
  const box = (await target.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(() => {
    const w = window as unknown as { taps?: number[] };
    if (!w.taps) window.addEventListener('touchstart', (e) => w.taps!.push(e.timeStamp), { capture: true });
    w.taps = [];
  });
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  const tap = (t: number) => [
    cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y }], timestamp: t }),
    cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: t + 0.03 }),
  ];
  const first = tap(t0);
  await new Promise((r) => setTimeout(r, gapMs));
  await Promise.all([...first, ...tap(t0 + gapMs / 1000)]);
  await cdp.detach();
  const taps = await page.evaluate(() => (window as unknown as { taps: number[] }).taps.slice(-2));
  expect(taps, 'both taps reached the page').toHaveLength(2);
  // Under TAP_GUARD_MS (400) the second tap is a double tap; a slower one is a new, deliberate tap.
  expect(taps[1]! - taps[0]!, 'the two taps reached the page as a double tap').toBeLessThan(400);
  return at;
}

/** The screen reached, and still there once any stray tap would have acted. */
async function staysOn(page: Page, screen: string): Promise<void> {
  await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
  await page.waitForTimeout(700);
  await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
}

for (const gap of [60, 300]) {
  test(`double taps ${gap} ms apart never skip a screen, from «Записаться по направлению» to the ticket`, async ({ kiosk }) => {
    const { page } = kiosk;
    await doubleTap(page, page.getByTestId('start'), gap);
    await staysOn(page, 'identify');
    // No stray digit from the keypad under «Начать».
    await expect(page.getByTestId('field-policy')).toHaveValue('');
    await kiosk.fillIdentify('P1');

    await doubleTap(page, page.getByTestId(`referral-${REF(101)}`), gap);
    await staysOn(page, 'resources');
    await doubleTap(page, page.getByTestId(`resource-${CARDIOLOGIST}`), gap);
    await staysOn(page, 'days');
    await doubleTap(page, page.locator('[data-testid^="day-"]').first(), gap);
    await staysOn(page, 'times');
    await doubleTap(page, page.locator('[data-testid^="time-"]').first(), gap);
    await staysOn(page, 'confirm');

    const at = await doubleTap(page, page.getByTestId('confirm-book'), gap);
    await expect(page.getByTestId('screen-ticket')).toBeVisible();
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
    // A third, late tap (1.2 s) where «Записаться» was: «Готово» is not there.
    await page.touchscreen.tap(at.x, at.y);
    await staysOn(page, 'ticket');
    const done = (await page.getByTestId('done').boundingBox())!;
    expect(at.y < done.y || at.y > done.y + done.height || at.x < done.x || at.x > done.x + done.width).toBe(true);
    // One booking, one slip.
    expect(kiosk.printed()).toHaveLength(1);
  });

  test(`a double tap ${gap} ms apart on a clinic card opens the doctors and stops there`, async ({ kiosk }) => {
    const { page } = kiosk;
    await kiosk.identify('P1');
    await kiosk.pickReferral(106);
    await expect(page.getByTestId('screen-clinics')).toBeVisible();
    await doubleTap(page, page.getByTestId(`clinic-${LPU(2)}`), gap);
    await staysOn(page, 'resources');
  });
}
