// Say it before the last tap (issue 21, item 5), on the N3 HubService simulator: N5 Зайцева
// already sees a cardiologist (clinic 102). Her cardiology referral is found by number and
// surname and, instead of going straight on to a booking the hub refuses with 35, is held on
// the surname screen with the appointment named, «Перенести» and «Мои записи» (foresee.spec.ts
// does the same on SoftRust).
import { axeViolations } from '../support/a11y';
import { expect, test, type Kiosk } from '../support/fixtures';

test.use({ misKind: 'n3' });

const NUMBER = '4700000052345';

async function findCardiologyReferral(kiosk: Kiosk): Promise<void> {
  const { page } = kiosk;
  await kiosk.identify('N5');
  await expect(page.getByTestId('screen-referralNumber')).toBeVisible();
  await kiosk.typeDigits(NUMBER);
  await page.getByTestId('referral-number-submit').click();
  await expect(page.getByTestId('screen-referralSurname')).toBeVisible();
  for (const letter of 'ЗАЙЦЕВА') await page.getByTestId(`kb-${letter}`).click();
  await page.getByTestId('referral-find').click();
}

test('N3: a cardiology referral found by number says the patient already has a cardiology appointment; «Перенести» moves it', async ({ kiosk }) => {
  const { page } = kiosk;
  await findCardiologyReferral(kiosk);
  const flag = page.locator('.upcoming-flag');
  await expect(flag).toBeVisible();
  await expect(page.getByTestId('screen-referralSurname')).toContainText('Направление найдено');
  await expect(flag).toContainText('У вас уже есть запись к этому специалисту');
  await expect(flag).toContainText('Константинопольская');
  await expect(page.locator('[data-testid^="referral-"][data-testid$="-appointments"], [data-testid^="foresee-"][data-testid$="-appointments"]')).toHaveText('Мои записи');
  expect(await axeViolations(page)).toEqual([]);
  await kiosk.shot('n3-foresee-10-referral-flag');
  await page.getByTestId('display-mode').click();
  await expect(page.locator('html')).toHaveAttribute('data-print', 'large');
  const move = page.locator('[data-testid^="foresee-"][data-testid$="-move"]');
  await move.scrollIntoViewIfNeeded();
  await expect(move).toBeInViewport({ ratio: 1 });
  await kiosk.shot('n3-foresee-11-referral-flag-large');
  await page.getByTestId('display-mode').click();

  await move.click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await expect(page.getByTestId('screen-days')).toContainText('Константинопольская');
});

test('N3: «Мои записи» on the held referral lists the appointment it names', async ({ kiosk }) => {
  const { page } = kiosk;
  await findCardiologyReferral(kiosk);
  await page.locator('[data-testid^="foresee-"][data-testid$="-appointments"]').click();
  await expect(page.getByTestId('screen-appointments')).toBeVisible();
  await expect(page.getByTestId('screen-appointments')).toContainText('Константинопольская');
});

test('N3: a referral without an upcoming appointment goes straight on, as before', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('N1');
  await kiosk.typeDigits('4700000012349');
  await page.getByTestId('referral-number-submit').click();
  for (const letter of 'ПЕТРОВ') await page.getByTestId(`kb-${letter}`).click();
  await page.getByTestId('referral-find').click();
  await expect(page.getByTestId('screen-resources').or(page.getByTestId('screen-days'))).toBeVisible();
  await expect(page.locator('.upcoming-flag')).toHaveCount(0);
});
