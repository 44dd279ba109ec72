// On the N3.Здравоохранение hub (simulator) the MIS cannot list a patient's referrals: after the
// policy the patient types the referral number on the keypad and the surname on the on-screen
// ЙЦУКЕН keyboard, and the found referral goes on through the same doctor → day → time →
// confirm → ticket screens; the slip is read back from the virtual printer.
import { axeViolations, layoutFacts } from '../support/a11y';
import { expect, test, type Kiosk } from '../support/fixtures';

test.use({ misKind: 'n3' });

const REFERRAL = '4700000012345';
const dayMonth = (ymd: string) => `${ymd.slice(8, 10)}.${ymd.slice(5, 7)}.${ymd.slice(0, 4)}`;

async function typeSurname(kiosk: Kiosk, surname: string): Promise<void> {
  for (const letter of surname.toLocaleUpperCase('ru-RU')) await kiosk.page.getByTestId(`kb-${letter}`).click();
}

/** Every key and the main button inside the window: nothing to scroll for at a kiosk. */
async function expectKeysOnScreen(kiosk: Kiosk): Promise<void> {
  const height = kiosk.page.viewportSize()!.height;
  const bottoms = await kiosk.page
    .locator('.main button')
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-testid') ?? el.textContent, Math.round(el.getBoundingClientRect().bottom)] as const));
  expect(bottoms.filter(([, bottom]) => bottom > height)).toEqual([]);
}

/** Big enough to read and to hit, nothing off the screen, no axe findings. */
async function expectComfortable(kiosk: Kiosk): Promise<void> {
  const facts = await layoutFacts(kiosk.page);
  expect(facts.minFontPx).toBeGreaterThanOrEqual(24);
  expect(facts.smallTargets).toEqual([]);
  expect(facts.offscreen).toEqual([]);
  await expectKeysOnScreen(kiosk);
  expect(await axeViolations(kiosk.page)).toEqual([]);
}

test('N3: referral number on the keypad, surname on the on-screen keyboard → doctor → day → time → ticket on screen and on paper', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('N1');

  const numberScreen = page.getByTestId('screen-referralNumber');
  await expect(numberScreen).toBeVisible();
  // The same seven steps as on an MIS with a referral list: the referral is step 2 either way.
  await expect(page.getByTestId('steps-text')).toHaveText('Шаг 2 из 7: Номер направления');
  // No system keyboard pops up over the screen: the box takes no text input of its own.
  await expect(page.getByTestId('field-referral-number')).toHaveAttribute('inputmode', 'none');
  await kiosk.typeDigits(REFERRAL);
  await expect(page.getByTestId('field-referral-number')).toHaveValue(REFERRAL);
  await kiosk.shot('n3-04a-referral-number');
  await expectComfortable(kiosk);
  await page.getByTestId('referral-number-submit').click();

  await expect(page.getByTestId('screen-referralSurname')).toBeVisible();
  await expect(page.getByTestId('steps-text')).toHaveText('Шаг 2 из 7: Фамилия');
  await expect(page.getByTestId('screen-referralSurname')).toContainText(REFERRAL);
  // Typed in capitals on the keys, shown as the name is written.
  await typeSurname(kiosk, 'Петрв');
  await page.getByTestId('kb-back').click();
  await page.getByTestId('kb-back').click();
  await typeSurname(kiosk, 'ров');
  await expect(page.getByTestId('field-surname')).toHaveValue('Петров');
  await kiosk.shot('n3-04b-surname');
  await expectComfortable(kiosk);
  await page.getByTestId('referral-find').click();

  // The referral is valid in one clinic (КДЦ №85): the clinic step is skipped, as on SoftRust.
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  const ivanova = page.locator('[data-testid^="resource-"]', { hasText: 'Иванова' });
  await expect(ivanova).toContainText('214');
  // Back from the doctors: the surname screen with the surname still there.
  await page.getByTestId('nav-back').click();
  await expect(page.getByTestId('field-surname')).toHaveValue('Петров');
  await page.getByTestId('referral-find').click();
  await expect(page.getByTestId('screen-resources')).toBeVisible();

  const resourceGuid = (await ivanova.getAttribute('data-testid'))!.slice('resource-'.length);
  const { date, time } = await kiosk.pickFirstDayAndTime(resourceGuid);
  await page.getByTestId('confirm-book').click();

  await expect(page.getByTestId('screen-ticket')).toBeVisible();
  await expect(page.getByTestId('ticket-room')).toContainText('214');
  await expect(page.getByTestId('ticket-doctor')).toContainText('Иванова');
  await expect(page.getByTestId('ticket-datetime')).toContainText(time);
  await expect(page.getByTestId('print-status')).toContainText(/возьмите талон/i, { timeout: 15_000 });
  await kiosk.shot('n3-10-ticket-printed');

  const job = await kiosk.firstSlip();
  expect(job.text).toContain('214');
  expect(job.text).toContain(time);
  expect(job.text).toContain(dayMonth(date));
  expect(job.text).toContain('Иванова');
  expect(job.text).not.toContain('7800000000000001');
  expect(job.text).not.toContain(REFERRAL);
  expect(kiosk.printed()).toHaveLength(1);
});

test('N3: a wrong surname gets a calm message on the same screen, what was typed stays, and a physical keyboard can fix it', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('N1');
  await expect(page.getByTestId('screen-referralNumber')).toBeVisible();
  // «Продолжить» with nothing typed: a line on the screen, no round trip.
  await page.getByTestId('referral-number-submit').click();
  await expect(page.getByTestId('referral-problem')).toContainText('Введите номер направления');
  await kiosk.typeDigits(REFERRAL);
  await page.getByTestId('referral-number-submit').click();

  await typeSurname(kiosk, 'Сидоров');
  await page.getByTestId('referral-find').click();
  const surnameScreen = page.getByTestId('screen-referralSurname');
  await expect(page.getByTestId('referral-problem')).toHaveText('Направление не найдено. Проверьте номер направления и фамилию.');
  await expect(surnameScreen).toBeVisible();
  await expect(page.getByTestId('field-surname')).toHaveValue('Сидоров');
  await expect(kiosk.errorPanel()).toHaveCount(0);
  await kiosk.shot('n3-04c-surname-not-found');

  // Large print and high contrast: the keyboard still fits, every key still a finger wide.
  await page.getByTestId('display-mode').click();
  const large = await layoutFacts(page);
  expect(large.smallTargets).toEqual([]);
  expect(large.offscreen).toEqual([]);
  await expectKeysOnScreen(kiosk);
  await kiosk.shot('n3-04d-surname-large');
  await page.getByTestId('nav-back').click();
  await expect(page.getByTestId('field-referral-number')).toHaveValue(REFERRAL);
  await expectKeysOnScreen(kiosk);
  await kiosk.shot('n3-04e-referral-number-large');
  await page.getByTestId('display-mode').click();
  await page.getByTestId('referral-number-submit').click();

  // Back to the number (above, in large print) kept it; forward again, the surname too.
  await expect(page.getByTestId('field-surname')).toHaveValue('Сидоров');

  // A physical keyboard in the Latin layout types the ЙЦУКЕН letter on the same key.
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('field-surname')).toHaveValue('');
  for (const key of ['g', 't', 'n', 'h', 'j', 'd']) await page.keyboard.press(key);
  await expect(page.getByTestId('field-surname')).toHaveValue('Петров');
  await expect(page.getByTestId('referral-problem')).toHaveText('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-resources')).toBeVisible();
});
