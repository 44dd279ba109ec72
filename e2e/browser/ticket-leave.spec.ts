// The end of a booking: «Записаться» fits on Confirm with the longest names of the seed, and
// the ticket returns to Welcome by itself 30 s after the slip, with a countdown on screen and
// no «Вы ещё здесь?» on top of a booking that is already made.
import { expect, test } from '../support/fixtures';

/** The seed's longest doctor: «Константинопольская-Вишневецкая Александра Владимировна», cardiology, Областной КДЦ. */
const LONGEST_DOCTOR = 'a1f0c6d2-0000-4000-8000-0000000000d2';

test('Confirm shows «Записаться» without scrolling; the ticket counts down 30 s back to Welcome', async ({ kiosk }) => {
  test.setTimeout(120_000);
  const { page } = kiosk;
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(LONGEST_DOCTOR);
  const confirm = page.getByTestId('screen-confirm');
  await expect(confirm).toContainText('Константинопольская-Вишневецкая Александра Владимировна');
  await expect(confirm).toContainText('Врач-кардиолог высшей квалификационной категории');
  const viewport = page.viewportSize()!;
  const button = (await page.getByTestId('confirm-book').boundingBox())!;
  expect(button.y).toBeGreaterThanOrEqual(0);
  expect(button.y + button.height).toBeLessThanOrEqual(viewport.height);
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  await kiosk.shot('confirm-longest-names');

  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  const countdown = page.getByTestId('ticket-countdown');
  await expect(countdown).toBeVisible();
  const first = Number(await countdown.getAttribute('data-seconds'));
  expect(first).toBeGreaterThan(20);
  expect(first).toBeLessThanOrEqual(30);
  await expect(countdown).toContainText('К началу через');
  await kiosk.shot('ticket-countdown');
  await expect(page.getByTestId('screen-ticket')).not.toContainText(/стёрт|стерт/i);
  // Past the idle time the kiosk would ask on any other screen: not here.
  await expect(page.getByTestId('screen-welcome')).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('idle-dialog')).toHaveCount(0);
});
