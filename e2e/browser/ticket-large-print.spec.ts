// Issue 21, item 7: in large print nothing of the ticket is cut, in either orientation, with the
// seed's longest names, whether the slip came out or the paper ran out (the QR takes room then).
// Every field the patient copies or looks for must be whole inside the window without scrolling.
import { readFileSync } from 'node:fs';
import { expect, test, type Kiosk } from '../support/fixtures';
import { cutOff } from '../support/on-screen';

/** The seed's longest doctor: «Константинопольская-Вишневецкая Александра Владимировна», Областной КДЦ. */
const LONGEST_DOCTOR = 'a1f0c6d2-0000-4000-8000-0000000000d2';
const FIELDS = ['ticket-datetime', 'ticket-room', 'ticket-floor', 'ticket-doctor', 'ticket-number'] as const;

async function bookInLargePrint(kiosk: Kiosk): Promise<void> {
  const { page } = kiosk;
  await page.getByTestId('display-mode').click();
  await expect(page.locator('html')).toHaveAttribute('data-print', 'large');
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(LONGEST_DOCTOR);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('screen-ticket')).toBeVisible({ timeout: 15_000 });
}

test('large print: date, time, room, floor, doctor and number are whole on the ticket screen', async ({ kiosk }) => {
  await bookInLargePrint(kiosk);
  const { page } = kiosk;
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  expect(await cutOff(page, FIELDS)).toEqual([]);
  await expect(page.getByTestId('ticket-datetime')).toContainText(/\d{1,2}:\d{2}/);
  await expect(page.getByTestId('ticket-doctor')).toContainText('Константинопольская-Вишневецкая');
  await kiosk.shot('ticket-large-print');
  // The slip follows the screen: the patient who had large print on gets it large (the time at
  // triple size, GS ! 0x22, which only a large-print slip uses).
  const slip = await kiosk.firstSlip();
  expect(readFileSync(slip.binPath).includes(Buffer.from([0x1d, 0x21, 0x22]))).toBe(true);
});

test('large print, paper out: the fields stay whole next to the QR', async ({ kiosk }) => {
  kiosk.stack.printer.setStatus('paper-end');
  await bookInLargePrint(kiosk);
  const { page } = kiosk;
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  expect(await cutOff(page, FIELDS)).toEqual([]);
  await kiosk.shot('ticket-large-print-paper-out');
});

test('ordinary print, paper out: the fields stay whole, and «Распечатать» is on screen when the paper is back', async ({ kiosk }) => {
  kiosk.stack.printer.setStatus('paper-end');
  const { page } = kiosk;
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(LONGEST_DOCTOR);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  expect(await cutOff(page, FIELDS)).toEqual([]);
  kiosk.stack.printer.setStatus('ok');
  await expect(page.getByTestId('reprint')).toBeVisible({ timeout: 10_000 });
  expect(await cutOff(page, [...FIELDS, 'reprint'])).toEqual([]);
});
