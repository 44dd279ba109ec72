// The same kiosk words and next steps on the N3 hub as on SoftRust: the hub's IdError 39 («Талон
// к врачу занят/заблокирован») leads to «choose another time» with fresh slots, and IdError 35
// (an upcoming booking to this speciality) to the patient's existing appointment — never to
// «check your policy number» (issue 19: N3 codes used to fall through to the identify step).
import { expect, test, type Kiosk } from '../support/fixtures';

test.use({ misKind: 'n3' });

async function findReferral(kiosk: Kiosk, number: string): Promise<void> {
  const { page } = kiosk;
  await kiosk.identify('N1');
  await expect(page.getByTestId('screen-referralNumber')).toBeVisible();
  await kiosk.typeDigits(number);
  await page.getByTestId('referral-number-submit').click();
  await expect(page.getByTestId('screen-referralSurname')).toBeVisible();
  for (const letter of 'ПЕТРОВ') await page.getByTestId(`kb-${letter}`).click();
  await page.getByTestId('referral-find').click();
}

/** From the doctors: the first doctor, day and time with free slots; the time chosen. */
async function toConfirm(kiosk: Kiosk, nth = 0): Promise<string> {
  const { page } = kiosk;
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  await page.locator('[data-testid^="resource-"]:not([aria-disabled="true"])').first().click();
  await page.locator('[data-testid^="day-"]').first().click();
  const slot = page.locator('[data-testid^="time-"]').nth(nth);
  const time = (await slot.getAttribute('data-testid'))!.slice('time-'.length);
  await slot.click();
  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  return time;
}

test('N3: the slot is taken meanwhile (IdError 39) → «Выбрать другое время» → fresh times → another time books', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  await findReferral(kiosk, '4700000012345');
  const first = await toConfirm(kiosk);
  await stack.simHook('/__sim/fail', { op: 'SetAppointment', idError: 39, times: 1 });
  await page.getByTestId('confirm-book').click();

  const panel = kiosk.errorPanel();
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-step', 'pickTime');
  await expect(panel).toHaveAttribute('data-problem', 'slotTaken');
  await expect(page.getByTestId('error-message')).toHaveText('Это время уже заняли.');
  await expect(page.getByTestId('error-hint')).toHaveText('Выберите, пожалуйста, другое время.');
  // Not the identify step it used to be, and nothing of the hub's own codes or words.
  await expect(page.getByTestId('error-identify')).toHaveCount(0);
  await expect(panel).not.toContainText('Талон к врачу');
  await kiosk.shot('n3-err-39-slot-taken');

  await page.getByTestId('error-pick-time').click();
  await expect(page.getByTestId('screen-times')).toBeVisible();
  const other = page.locator(`[data-testid^="time-"]:not([data-testid="time-${first}"])`).first();
  const time = (await other.getAttribute('data-testid'))!.slice('time-'.length);
  await other.click();
  await expect(page.getByTestId('screen-confirm')).toContainText(time);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('screen-ticket')).toBeVisible();
  await expect(page.getByTestId('ticket-datetime')).toContainText(time);
});

test('N3: already booked to this speciality (IdError 35) → the existing appointment in «Мои записи»', async ({ kiosk }) => {
  const { page } = kiosk;
  // Referral …346 (neurology): N1 already has an upcoming visit to the neurologist. The kiosk
  // says so on the found referral first (n3-foresee.spec.ts); a patient who goes on anyway
  // still meets the hub's 35 said in the kiosk's words.
  await findReferral(kiosk, '4700000012346');
  await expect(page.locator('.upcoming-flag')).toContainText('Орлов');
  await page.locator('[data-testid^="referral-"]').click();
  await toConfirm(kiosk);
  await page.getByTestId('confirm-book').click();

  const panel = kiosk.errorPanel();
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-step', 'showExisting');
  await expect(panel).toHaveAttribute('data-problem', 'alreadyBooked');
  await expect(page.getByTestId('error-message')).toHaveText('У вас уже есть запись к врачу этой специальности.');
  await expect(page.getByTestId('error-identify')).toHaveCount(0);
  await kiosk.shot('n3-err-35-already-booked');

  await page.getByTestId('error-appointments').click();
  await expect(page.getByTestId('screen-appointments')).toBeVisible();
  const existing = page.locator('[data-testid^="appointment-"]').filter({ hasText: 'Орлов' });
  await expect(existing).toHaveCount(1);
  await expect(existing).toContainText('Неврология');
  await kiosk.shot('n3-err-35-existing-appointment');
});
