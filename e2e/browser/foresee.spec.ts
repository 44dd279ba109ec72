// Say it before the last tap (issue 21, item 5), on the SoftRust simulator: P6 already sees a
// cardiologist. The cardiology referral D6 and the self-booking cardiology card say so, calmly,
// with «Перенести» and «Мои записи» right there — instead of 4008 after «Записаться», ~29 taps in.
// n3-foresee.spec.ts does the same on N3.
import { axeViolations } from '../support/a11y';
import { REF, expect, test, type Kiosk } from '../support/fixtures';

const D6 = REF(601);
const CARDIO = '109';

/** The same screen in large print and high contrast: the flag and its buttons whole on the glass. */
async function largePrintShot(kiosk: Kiosk, name: string, flagId: string): Promise<void> {
  const { page } = kiosk;
  await page.getByTestId('display-mode').click();
  await expect(page.locator('html')).toHaveAttribute('data-print', 'large');
  for (const id of [`${flagId}-move`, `${flagId}-appointments`]) {
    const button = page.getByTestId(id);
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport({ ratio: 1 });
  }
  await kiosk.shot(name);
  await page.getByTestId('display-mode').click();
  await expect(page.locator('html')).toHaveAttribute('data-print', 'normal');
}

test('a cardiology referral says the patient already has a cardiology appointment; «Перенести» moves that one', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('P6');
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  const flag = page.getByTestId(`foresee-${D6}`);
  await expect(flag).toBeVisible();
  await expect(flag).toContainText('У вас уже есть запись к этому специалисту');
  await expect(flag).toContainText('Константинопольская');
  await expect(page.getByTestId(`referral-${D6}`)).toContainText('Уже есть запись');
  await expect(flag.getByTestId(`foresee-${D6}-appointments`)).toHaveText('Мои записи');
  await expect(flag.getByTestId(`foresee-${D6}-move`)).toHaveText('Перенести');
  // Said on the card, not in red: the referral stays choosable.
  await expect(page.getByTestId(`referral-${D6}`)).not.toHaveAttribute('aria-disabled', 'true');
  await kiosk.shot('foresee-10-referral-flag');
  await largePrintShot(kiosk, 'foresee-11-referral-flag-large', `foresee-${D6}`);

  await flag.getByTestId(`foresee-${D6}-move`).click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await expect(page.getByTestId('screen-days')).toContainText('Константинопольская');
  await page.locator('[data-testid^="day-"]:not([disabled])').first().click();
  await expect(page.getByTestId('screen-times')).toBeVisible();
  await page.locator('[data-testid^="time-"]:not([disabled])').first().click();
  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('screen-ticket')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('ticket-doctor')).toContainText('Константинопольская');
});

test('«Мои записи» on the flag lists the appointment it names', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('P6');
  await page.getByTestId(`foresee-${D6}-appointments`).click();
  await expect(page.getByTestId('screen-appointments')).toBeVisible();
  await expect(page.getByTestId('screen-appointments')).toContainText('Константинопольская');
});

test('the self-booking cardiology card says it too; a patient without one sees no flag', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('start-self').click();
  await kiosk.fillIdentify('P6');
  await expect(page.getByTestId('screen-specialities')).toBeVisible();
  const flag = page.getByTestId(`foresee-${CARDIO}`);
  await expect(flag).toContainText('У вас уже есть запись к этому специалисту');
  // Said inside the card too: in landscape's two columns the flag below it may be past the fold.
  await expect(page.getByTestId(`speciality-${CARDIO}`)).toContainText('Уже есть запись');
  await expect(flag.getByTestId(`foresee-${CARDIO}-move`)).toBeVisible();
  await expect(page.locator('[data-testid^="foresee-"][role="note"]')).toHaveCount(1);
  await kiosk.shot('foresee-20-speciality-flag');
  await largePrintShot(kiosk, 'foresee-21-speciality-flag-large', `foresee-${CARDIO}`);
  await flag.getByTestId(`foresee-${CARDIO}-move`).click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
});

test('no upcoming appointment, no flag (P1 books the cardiology referral as before)', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('P1');
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  await expect(page.getByTestId(`referral-${REF(101)}`)).toBeVisible();
  await expect(page.locator('.upcoming-flag')).toHaveCount(0);
});

test('voice mode reads the flag with the list; axe finds nothing on the flagged list', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  await page.getByTestId('voice-toggle-welcome').click();
  await expect(page.getByTestId('voice-toggle-welcome')).toHaveAttribute('aria-pressed', 'true');
  const mark = stack.spoken.length;
  await kiosk.identify('P6');
  await expect(page.getByTestId(`foresee-${D6}`)).toBeVisible();
  await expect
    .poll(() => stack.spoken.slice(mark).filter((u) => u.kind === 'screen').map((u) => u.text).find((x) => x.startsWith('Выберите направление')) ?? '', { timeout: 10_000 })
    .toMatch(/Кардиология: у\sвас уже есть запись во? \S+, .* в девять часов пятнадцать минут\. Вторую такую запись клиника может не\sпринять\. Её можно перенести кнопкой «Перенести»\./);
  expect(await axeViolations(page)).toEqual([]);
});
