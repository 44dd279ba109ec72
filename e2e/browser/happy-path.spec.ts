// P1 books a cardiologist by referral and takes the printed slip: every screen on the way is
// photographed in this project's orientation, and the slip is read back from the printer.
import { CARDIOLOGIST, LPU, REF, expect, test } from '../support/fixtures';

const dayMonth = (ymd: string) => `${ymd.slice(8, 10)}.${ymd.slice(5, 7)}.${ymd.slice(0, 4)}`;

test('P1: referral → doctor → day → time → confirm → ticket on screen and on paper', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.shot('01-welcome');
  await kiosk.identify('P1', { shots: true });

  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  // Expired, used and booked referrals are listed, disabled, with the reason.
  const expired = page.getByTestId(`referral-${REF(102)}`);
  await expect(expired).toHaveAttribute('aria-disabled', 'true');
  await expect(expired).toContainText('Срок действия направления истёк');
  await expect(page.getByTestId(`referral-${REF(104)}`)).toContainText('Направление уже использовано');
  await expect(page.getByTestId(`referral-${REF(101)}`)).toContainText('Кардиология');
  await kiosk.shot('04-referrals');

  await kiosk.pickReferral(101);
  // D1 is valid in one clinic only: the clinic step is skipped.
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  await expect(page.getByTestId(`resource-${CARDIOLOGIST}`)).toContainText('Петров');
  await kiosk.shot('06-resources');

  await page.getByTestId(`resource-${CARDIOLOGIST}`).click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await kiosk.shot('07-days');
  const day = page.locator('[data-testid^="day-"]:not([disabled])').first();
  const date = (await day.getAttribute('data-testid'))!.slice(4);
  await day.click();
  await expect(page.getByTestId('screen-times')).toBeVisible();
  await kiosk.shot('08-times');
  const slot = page.locator('[data-testid^="time-"]:not([disabled])').first();
  const time = (await slot.getAttribute('data-testid'))!.slice(5);
  await slot.click();

  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  await expect(page.getByTestId('screen-confirm')).toContainText(time);
  await kiosk.shot('09-confirm');
  await page.getByTestId('confirm-book').click();

  const ticket = page.getByTestId('screen-ticket');
  await expect(ticket).toBeVisible();
  const number = (await page.getByTestId('ticket-number').innerText()).trim();
  expect(number).toMatch(/\d/);
  await expect(page.getByTestId('ticket-room')).toContainText('214');
  await expect(page.getByTestId('ticket-floor')).toContainText('2');
  // The browser runs in New York time: the ticket must still show the clinic's wall clock.
  await expect(page.getByTestId('ticket-datetime')).toContainText(time);
  await expect(page.getByTestId('ticket-doctor')).toContainText('Петров');
  await expect(page.getByTestId('ticket-clinic')).toContainText('КДЦ');
  await expect(page.getByTestId('print-status')).toContainText(/возьмите талон/i, { timeout: 15_000 });
  await kiosk.shot('10-ticket-printed');

  const job = await kiosk.firstSlip();
  expect(job.text).toContain(number);
  expect(job.text).toContain('214');
  expect(job.text).toMatch(/этаж 2/i);
  expect(job.text).toContain(time);
  expect(job.text).toContain(dayMonth(date));
  expect(job.text).toContain('Петров');
  expect(job.text).not.toContain('5000000000000001');
  expect(job.text).not.toContain('Смирнов');
  // Printed once, automatically; one more on purpose, then no more.
  expect(kiosk.printed()).toHaveLength(1);
  await page.getByTestId('reprint').click();
  await expect.poll(() => kiosk.printed().length).toBe(2);
  // The limit is reached: no enabled reprint button remains.
  await expect(page.locator('[data-testid="reprint"]:enabled')).toHaveCount(0);

  await page.getByTestId('done').click();
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  // «Готово» ended the session in the main process too.
  const after = await page.evaluate(() => (window as unknown as { kiosk: { listReferrals(i: object): Promise<unknown> } }).kiosk.listReferrals({}));
  expect(after).toMatchObject({ ok: false, error: { kind: 'session' } });
});

test('P1: a referral valid in several clinics asks for the clinic; an offline one is disabled', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('P1');
  await kiosk.pickReferral(106);
  await expect(page.getByTestId('screen-clinics')).toBeVisible();
  const offline = page.getByTestId(`clinic-${LPU(3)}`);
  await expect(offline).toHaveAttribute('aria-disabled', 'true');
  await expect(offline).toContainText('Запись временно недоступна');
  await kiosk.shot('05-clinics');
  await page.getByTestId(`clinic-${LPU(2)}`).click();
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  // Back returns to the clinic choice, keeping the referral.
  await page.getByTestId('nav-back').click();
  await expect(page.getByTestId('screen-clinics')).toBeVisible();
});

test('wrong input on the identify screen gets a clear message and keeps what was typed', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('screen-welcome').getByRole('button').first().click();
  await page.getByTestId('field-policy').click();
  await kiosk.typeDigits('500000000');
  await page.getByTestId('field-birth-day').click();
  await kiosk.typeDigits('31');
  await page.getByTestId('field-birth-month').click();
  await page.getByTestId('month-02').click();
  await page.getByTestId('field-birth-year').click();
  await kiosk.typeDigits('1980');
  await page.getByTestId('identify-submit').click();
  await expect(page.getByTestId('screen-identify')).toContainText('16');
  // One message at a time: the policy first; the impossible date is named once the policy is right.
  await expect(page.getByTestId('identify-problem')).toHaveText(/16\u00a0цифр/);
  await expect(page.getByTestId('field-policy')).toHaveValue(/^5000 ?0000 ?0/);
  await kiosk.shot('03b-identify-invalid');
});
