// «Мои записи» from Welcome: a patient who booked earlier (here, or anywhere else) identifies,
// sees their appointments, takes a slip for one and cancels another.
import { CARDIOLOGIST, REF, expect, test } from '../support/fixtures';

test('P1 books, comes back through «Мои записи», prints the ultrasound booked elsewhere and cancels the new one', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  const number = (await page.getByTestId('ticket-number').innerText()).trim();
  await page.getByTestId('done').click();

  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect(page.getByTestId('start-appointments')).toBeVisible();
  await kiosk.shot('welcome-menu');
  await page.getByTestId('start-appointments').click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await kiosk.fillIdentify('P1');

  const list = page.getByTestId('screen-appointments');
  await expect(list).toBeVisible();
  const cards = list.locator('[data-testid^="appointment-"]');
  await expect(cards).toHaveCount(2);
  const cardio = cards.filter({ hasText: `Талон № ${number}` });
  const ultrasound = cards.filter({ hasText: 'Талон № 105.' });
  await expect(cardio).toHaveCount(1);
  await expect(ultrasound).toHaveCount(1);
  const ultrasoundGuid = (await ultrasound.getAttribute('data-testid'))!.slice('appointment-'.length);
  const cardioGuid = (await cardio.getAttribute('data-testid'))!.slice('appointment-'.length);

  // Booked on the Internet, never printed here: the first slip is the original.
  await page.getByTestId(`print-${ultrasoundGuid}`).click();
  await expect(page.getByTestId(`print-state-${ultrasoundGuid}`)).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await expect.poll(() => kiosk.printed().length).toBe(2);
  const slip = kiosk.printed()[1]!;
  expect(slip.text).toContain('105');
  expect(slip.text).not.toContain('ПОВТОРНАЯ');
  await kiosk.shot('my-appointments-printed');

  await page.getByTestId(`cancel-${cardioGuid}`).click();
  await expect(page.getByTestId('cancel-dialog')).toContainText('Отменить запись?');
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('cancel-notice')).toHaveText('Запись отменена');
  await expect(page.getByTestId(`appointment-${cardioGuid}`)).toHaveCount(0);
  await expect(page.getByTestId(`appointment-${ultrasoundGuid}`)).toBeVisible();
  // The cancelled referral can be booked again.
  await page.getByTestId('to-referrals').click();
  await expect(page.getByTestId(`referral-${REF(101)}`)).not.toHaveAttribute('aria-disabled', 'true');
});
