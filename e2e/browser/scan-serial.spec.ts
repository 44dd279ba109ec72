// Identification by scan. Serial: the kiosk's core opened one end of a socat pseudo-terminal
// pair with `serialport`, exactly as it opens a USB CDC imager; each test writes the scan into
// the other end (the code path of `npm run scanner`). Keyboard wedge: key events in the page.
import type { Locator, Page } from '@playwright/test';
import { CARDIOLOGIST, REF, expect, test } from '../support/fixtures';

/** The screen polls the core for scans; a scan sent before the first poll would be (rightly) dropped. */
async function listening(page: Page) {
  await page.waitForResponse((r) => r.url().endsWith('/takeScan'));
}

test.use({ scannerType: 'serial' });

test('P1: a paper-policy scan on Welcome identifies in one step; ticket in ≤ 7 taps', async ({ kiosk }) => {
  const { page } = kiosk;
  let taps = 0;
  const tap = async (l: Locator) => {
    taps++;
    await l.click();
  };
  await expect(page.getByTestId('welcome-scan')).toBeVisible();
  await kiosk.shot('scan-01-welcome');
  await listening(page);
  kiosk.stack.scan({ patient: 'P1' });
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  await expect(page.getByTestId(`referral-${REF(101)}`)).toContainText('Кардиология');

  await tap(page.getByTestId(`referral-${REF(101)}`));
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  await tap(page.getByTestId(`resource-${CARDIOLOGIST}`));
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await tap(page.locator('[data-testid^="day-"]:not([disabled])').first());
  await expect(page.getByTestId('screen-times')).toBeVisible();
  await tap(page.locator('[data-testid^="time-"]:not([disabled])').first());
  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  await tap(page.getByTestId('confirm-book'));
  await expect(page.getByTestId('screen-ticket')).toBeVisible();
  await expect(page.getByTestId('ticket-doctor')).toContainText('Петров');
  await kiosk.firstSlip();
  console.log(`taps from Welcome to ticket with a paper-policy scan: ${taps}`);
  expect(taps).toBeLessThanOrEqual(7);
  // Neither the policy number nor the name reached a log line.
  expect(kiosk.stack.logLines.join('\n')).not.toMatch(/5000000000000001|СМИРНОВ|Смирнов/i);
  expect(kiosk.stack.logLines.some((l) => l.includes('scan.identified'))).toBe(true);
});

test('P5: an ENP-only scan fills the policy; the patient adds the birth date', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('start').click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await listening(page);
  kiosk.stack.scan({ patient: 'P5', enpOnly: true });
  await expect(page.getByTestId('field-policy')).toHaveValue('5000 0000 0000 0005');
  await expect(page.getByTestId('scan-notice')).toContainText('Номер полиса считан');
  await kiosk.shot('scan-02-enp-filled');
  // Focus moved to the day box: the keypad types the birth date straight away.
  await kiosk.typeDigits('09');
  await page.getByTestId('field-birth-month').click();
  await page.getByTestId('month-09').click();
  await page.getByTestId('field-birth-year').click();
  await kiosk.typeDigits('2015');
  await page.getByTestId('identify-submit').click();
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
});

test('a garbage scan asks for the number by hand; an expired policy sends to the registry', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('start').click();
  await listening(page);
  kiosk.stack.scan({ text: 'https://example.ru/not-a-policy?id=42' });
  await expect(page.getByTestId('identify-problem')).toHaveText('Не удалось прочитать код — введите номер полиса вручную');
  await kiosk.shot('scan-03-unreadable');

  kiosk.stack.scan({ patient: 'P1', expiresOn: '2020-12-31' });
  await expect(kiosk.errorPanel()).toContainText('Срок действия полиса истёк 31.12.2020');
  await expect(kiosk.errorPanel()).toContainText('регистратур');
  await kiosk.shot('scan-04-expired');
  await page.getByTestId('error-finish').click();
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
});
