// Every documented error reproduces against the simulator and shows the kiosk's own sentence
// for it (no «МО», «сервер», «МИС»: the MIS's text stays in the log unless it carries facts),
// with what to do next, and leads to the right next step.
import { ru } from '../../electron/common/i18n/ru';
import { CARDIOLOGIST, REF, expect, test } from '../support/fixtures';

/** The kiosk's sentence for each seed code's problem, and the line with what to do next. */
const MSG = {
  5096: ru['problem.cardClosed'],
  4001: ru['problem.noCard'],
  4007: ru['problem.selfBookingBanned'],
  4029: ru['problem.ageOrSexRestricted'],
  4009: ru['problem.slotTaken'],
  5097: ru['problem.cardsUnavailable'],
};
const REGISTRY = ru['next.registry'];

/** Walks from a referral to the Confirm screen for its only clinic. */
async function toConfirm(kiosk: import('../support/fixtures').Kiosk, ref: number) {
  await kiosk.pickReferral(ref);
  const first = kiosk.page.locator('[data-testid^="resource-"]:not([aria-disabled="true"])').first();
  await expect(first).toBeVisible();
  const guid = (await first.getAttribute('data-testid'))!.slice('resource-'.length);
  return kiosk.pickFirstDayAndTime(guid);
}

test('P2: a closed card sends the patient to the registry and ends', async ({ kiosk }) => {
  await kiosk.identify('P2');
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(MSG[5096]);
  await expect(kiosk.page.getByTestId('error-hint')).toHaveText(REGISTRY);
  await expect(kiosk.errorPanel()).not.toContainText(/МО|МИС|сервер|Внутренняя ошибка/);
  await kiosk.shot('err-5096-card-closed');
  await kiosk.errorPanel().getByTestId('error-finish').click();
  await expect(kiosk.page.getByTestId('screen-welcome')).toBeVisible();
});

test('P3: no card sends the patient to the registry', async ({ kiosk }) => {
  await kiosk.identify('P3');
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(MSG[4001]);
  await expect(kiosk.errorPanel()).toContainText(/регистратур/i);
  await kiosk.shot('err-4001-no-card');
});

test('P4: a self-booking ban is shown at booking, with the registry as next step', async ({ kiosk }) => {
  await kiosk.identify('P4');
  await toConfirm(kiosk, 401);
  await kiosk.page.getByTestId('confirm-book').click();
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(MSG[4007]);
  await expect(kiosk.page.getByTestId('error-hint')).toHaveText(REGISTRY);
  await kiosk.shot('err-4007-self-booking-banned');
  await kiosk.errorPanel().getByTestId('error-finish').click();
  await expect(kiosk.page.getByTestId('screen-welcome')).toBeVisible();
});

test('P5: an age restriction sends the patient back to the referrals', async ({ kiosk }) => {
  await kiosk.identify('P5');
  await toConfirm(kiosk, 501);
  await kiosk.page.getByTestId('confirm-book').click();
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(MSG[4029]);
  await expect(kiosk.errorPanel()).toHaveAttribute('data-step', 'pickDoctor');
  await expect(kiosk.page.getByTestId('error-hint')).toHaveText(ru['next.pickDoctor']);
  // The seed's text spoke of «Сотрудниками МО»; the patient reads the kiosk's words instead.
  await expect(kiosk.errorPanel()).not.toContainText('МО');
  await kiosk.shot('err-4029-age');
  await kiosk.errorPanel().getByRole('button', { name: /направлени/i }).first().click();
  await expect(kiosk.page.getByTestId('screen-referrals')).toBeVisible();
});

test('P6: an existing booking to the speciality is named and can be opened', async ({ kiosk }) => {
  await kiosk.identify('P6');
  await toConfirm(kiosk, 601);
  await kiosk.page.getByTestId('confirm-book').click();
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(ru['problem.alreadyBooked']);
  // The MIS's own words carry the existing booking's time: shown, typeset, marked as the MIS's,
  // and on a public screen with surname and initials only, never the full name it wrote.
  const shown = kiosk.page.getByTestId('error-shown');
  await expect(shown).toContainText('Вы уже записаны Сидоров\u00a0А.\u00a0Н. на ');
  await expect(shown).not.toContainText('Алексей');
  await expect(shown.locator('[lang="ru"]')).toHaveCount(1);
  await kiosk.shot('err-4008-already-booked');
  await kiosk.errorPanel().getByRole('button', { name: /мои записи/i }).click();
  await expect(kiosk.page.getByTestId('screen-appointments')).toBeVisible();
  await expect(kiosk.page.getByTestId('screen-appointments')).toContainText('Константинопольская');
  await kiosk.shot('11-appointments');
});

test('P7: no card in the referral clinic sends the patient to the registry', async ({ kiosk }) => {
  await kiosk.identify('P7');
  await toConfirm(kiosk, 701);
  await kiosk.page.getByTestId('confirm-book').click();
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(MSG[4001]);
  await expect(kiosk.errorPanel().getByTestId('error-finish')).toBeVisible();
});

test('4009: the time is taken meanwhile; back to Time with fresh cells', async ({ kiosk, stack }) => {
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  const { date, time } = await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  // Someone at the registry books the same cell while the patient reads the summary.
  await stack.simHook('/__sim/take', { resourceGuid: CARDIOLOGIST, date, time });
  await kiosk.page.getByTestId('confirm-book').click();
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(MSG[4009]);
  await kiosk.shot('err-4009-time-taken');
  await kiosk.errorPanel().getByRole('button', { name: /время/i }).first().click();
  await expect(kiosk.page.getByTestId('screen-times')).toBeVisible();
  await expect(kiosk.page.getByTestId(`time-${time}`)).toHaveCount(0);
  expect(kiosk.printed()).toHaveLength(0);
});

test('5097: the card service fails; «Повторить» gets the referrals', async ({ kiosk, stack }) => {
  // Twice: the client retries a read once by itself before the patient sees anything.
  await stack.simHook('/__sim/fail', { code: '5097', path: '/api/v2/directions', times: 2 });
  await kiosk.identify('P1');
  await expect(kiosk.page.getByTestId('error-message')).toHaveText(MSG[5097]);
  await kiosk.shot('err-5097-retry');
  await kiosk.errorPanel().getByRole('button', { name: /повторить/i }).click();
  await expect(kiosk.page.getByTestId('screen-referrals')).toBeVisible();
  await expect(kiosk.page.getByTestId(`referral-${REF(101)}`)).toBeVisible();
});

test('an expired token mid-flow is renewed silently and the booking goes through', async ({ kiosk, stack }) => {
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  const { time } = await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  await stack.simHook('/__sim/expire-tokens');
  await kiosk.page.getByTestId('confirm-book').click();
  await expect(kiosk.page.getByTestId('screen-ticket')).toBeVisible();
  await expect(kiosk.page.getByTestId('ticket-datetime')).toContainText(time);
  expect(stack.spy.tokens.length).toBe(2);
});

test('paper end: the booking stands, the ticket screen says so calmly, stays 90 s and shows the appointment as a QR code', async ({ kiosk, stack }) => {
  stack.printer.setStatus('paper-end');
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  await kiosk.page.getByTestId('confirm-book').click();
  await expect(kiosk.page.getByTestId('screen-ticket')).toBeVisible();
  await expect(kiosk.page.getByTestId('ticket-number')).not.toBeEmpty();
  await expect(kiosk.page.getByTestId('print-status')).toContainText(/бумаг/i, { timeout: 15_000 });
  await expect(kiosk.page.getByTestId('print-status')).toContainText(/запись есть/i);
  await expect(kiosk.page.getByTestId('print-status')).toContainText('Мои записи');
  // Time to copy or photograph it: 90 s, not the 30 s after a slip.
  expect(Number(await kiosk.page.getByTestId('ticket-countdown').getAttribute('data-seconds'))).toBeGreaterThan(60);
  const qr = kiosk.page.getByTestId('ticket-qr');
  await expect(qr).toBeVisible();
  const qrText = (await qr.getAttribute('data-text'))!;
  expect(qrText).toContain((await kiosk.page.getByTestId('ticket-number').innerText()).trim());
  expect(qrText).toMatch(/Время: \d{2}:\d{2}/);
  expect(qrText).not.toContain('5000000000000001');
  await kiosk.shot('10b-ticket-paper-end');
  expect(kiosk.printed()).toHaveLength(0);
  // The printer says it has no paper: another try would only fail, so none is offered.
  await expect(kiosk.page.getByTestId('reprint')).toHaveCount(0);
  // Staff load paper; the ticket screen notices (it asks the core every 3 s) and offers a retry,
  // which prints the original slip, not a marked reprint.
  stack.printer.setStatus('ok');
  await expect(kiosk.page.getByTestId('reprint')).toBeVisible({ timeout: 10_000 });
  await kiosk.page.getByTestId('reprint').click();
  await expect(kiosk.page.getByTestId('print-status')).toContainText(/возьмите талон/i);
  const slip = await kiosk.firstSlip();
  expect(slip.text).not.toContain('ПОВТОРНАЯ');
  expect(slip.text).toContain((await kiosk.page.getByTestId('ticket-number').innerText()).trim());
  expect(kiosk.printed()).toHaveLength(1);
});

test('a server error (5000) on a read: the patient sees a retry step that works', async ({ kiosk, stack }) => {
  await kiosk.identify('P1');
  await expect(kiosk.page.getByTestId('screen-referrals')).toBeVisible();
  // Twice: the client retries a read once by itself, so the patient sees the second failure.
  await stack.simHook('/__sim/fail', { code: '5000', path: `/api/v2/directions/${REF(101)}/schedule`, times: 2 });
  await kiosk.page.getByTestId(`referral-${REF(101)}`).click();
  await expect(kiosk.errorPanel()).toBeVisible();
  await expect(kiosk.errorPanel()).toHaveAttribute('data-step', 'retry');
  await kiosk.shot('err-5000-retry');
  await kiosk.errorPanel().getByRole('button', { name: /повторить/i }).click();
  await expect(kiosk.page.getByTestId('screen-resources')).toBeVisible();
  await expect(kiosk.page.getByTestId(`resource-${CARDIOLOGIST}`)).toBeVisible();
});

test('P6 cancels the existing appointment in «Мои записи», then books by the referral', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('P6');
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  await page.getByTestId('my-appointments').click();
  const list = page.getByTestId('screen-appointments');
  await expect(list).toContainText('Константинопольская');
  const card = list.locator('[data-testid^="appointment-"]').first();
  const guid = (await card.getAttribute('data-testid'))!.slice('appointment-'.length);
  await page.getByTestId(`cancel-${guid}`).click();
  await expect(page.getByTestId('cancel-dialog')).toContainText('Отменить запись?');
  await kiosk.shot('11b-cancel-dialog');
  // «Нет» keeps it.
  await page.getByTestId('cancel-dismiss').click();
  await expect(page.getByTestId(`appointment-${guid}`)).toBeVisible();
  await page.getByTestId(`cancel-${guid}`).click();
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('cancel-notice')).toHaveText('Запись отменена');
  await expect(page.getByTestId(`appointment-${guid}`)).toHaveCount(0);
  await kiosk.shot('11c-cancelled');
  // The 4008 rule no longer applies: the referral books.
  await page.getByTestId('to-referrals').click();
  await toConfirm(kiosk, 601);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('screen-ticket')).toBeVisible();
});

test('the MIS does not answer in time: a plain message and a retry that works', async ({ kiosk, stack }) => {
  await kiosk.identify('P1');
  await expect(kiosk.page.getByTestId('screen-referrals')).toBeVisible();
  // Longer than the client's 5 s timeout, for the first attempt and its one automatic retry.
  await stack.simHook('/__sim/delay', { ms: 6000, path: `/api/v2/directions/${REF(101)}/schedule`, times: 2 });
  await kiosk.page.getByTestId(`referral-${REF(101)}`).click();
  await expect(kiosk.page.getByTestId('loading')).toBeVisible();
  await expect(kiosk.page.getByTestId('error-message')).toContainText('Нет связи', { timeout: 20_000 });
  await expect(kiosk.errorPanel()).toHaveAttribute('data-step', 'retry');
  await kiosk.shot('err-network-timeout');
  await kiosk.errorPanel().getByRole('button', { name: /повторить/i }).click();
  await expect(kiosk.page.getByTestId('screen-resources')).toBeVisible();
});
