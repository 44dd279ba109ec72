// The lobby's other jobs on the SoftRust simulator (n3-lobby.spec.ts runs them on N3): a
// doctor without a referral, a new time for an appointment (and one whose old time cannot be
// cancelled), two referrals in one visit with «Распечатать все записи», and the waiting list.
// Taps are counted the way a patient makes them (every click in the page) for the closing note.
import { REF, expect, test, type Kiosk } from '../support/fixtures';

/** Counts every tap from now on (a click anywhere in the page). */
async function countTaps(kiosk: Kiosk): Promise<() => Promise<number>> {
  await kiosk.page.evaluate(() => {
    const w = window as unknown as { __taps: number };
    w.__taps = 0;
    document.addEventListener('click', () => (w.__taps += 1), true);
  });
  return () => kiosk.page.evaluate(() => (window as unknown as { __taps: number }).__taps);
}

async function firstDayAndTime(kiosk: Kiosk): Promise<{ date: string; time: string }> {
  const { page } = kiosk;
  await expect(page.getByTestId('screen-days')).toBeVisible();
  const day = page.locator('[data-testid^="day-"]').first();
  const date = (await day.getAttribute('data-testid'))!.slice('day-'.length);
  await day.click();
  await expect(page.getByTestId('screen-times')).toBeVisible();
  const slot = page.locator('[data-testid^="time-"]').first();
  const time = (await slot.getAttribute('data-testid'))!.slice('time-'.length);
  await slot.click();
  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  return { date, time };
}

test('a doctor without a referral: Welcome → specialities → doctor → day → time → ticket, printed once', async ({ kiosk }) => {
  const { page } = kiosk;
  const taps = await countTaps(kiosk);
  await expect(page.getByTestId('start-self')).toBeVisible();
  await kiosk.shot('welcome-self');
  await page.getByTestId('start-self').click();
  await kiosk.fillIdentify('P1');
  await expect(page.getByTestId('screen-specialities')).toBeVisible();
  await expect(page.getByTestId('steps-text')).toContainText('Специальность');
  await kiosk.shot('20-specialities');
  // Терапия at the first clinic: two therapists, so the doctor is a choice.
  await page.getByTestId('speciality-76').first().click();
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  await kiosk.shot('21-self-doctors');
  await page.locator('[data-testid^="resource-"]:not([aria-disabled])').first().click();
  await firstDayAndTime(kiosk);
  await expect(page.getByTestId('screen-confirm')).not.toContainText('Направление');
  await kiosk.shot('22-self-confirm');
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await expect(page.getByTestId('ticket-doctor')).toBeVisible();
  await kiosk.shot('23-self-ticket');
  expect(kiosk.printed()).toHaveLength(1);
  expect(kiosk.printed()[0]!.text).toContain('Талон на приём');
  console.log(`[taps] self-booking from Welcome to the ticket: ${await taps()}`);

  // The same patient cannot hold two therapist bookings: the kiosk's sentence, not the MIS's code.
  await page.getByTestId('book-another').click();
  await expect(page.getByTestId('screen-specialities')).toBeVisible();
  await page.getByTestId('speciality-76').first().click();
  await page.locator('[data-testid^="resource-"]:not([aria-disabled])').first().click();
  await firstDayAndTime(kiosk);
  await page.getByTestId('confirm-book').click();
  await expect(kiosk.errorPanel()).toBeVisible();
  await expect(kiosk.errorPanel()).toContainText('уже');
});

type Bridge = { [m: string]: (i: object) => Promise<{ ok: boolean; value: unknown }> };
/** A bridge call from the page, as the screens make it (the patient's session in the core). */
function bridge<T>(kiosk: Kiosk, method: string, input: object = {}): Promise<T> {
  return kiosk.page.evaluate(
    async ({ method, input }) => {
      const r = await (window as unknown as { kiosk: Bridge }).kiosk[method]!(input);
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.value;
    },
    { method, input },
  ) as Promise<T>;
}

type Visit = { ticketGuid: string; beginTime: string; resourceGuid?: string | null; clinic: { guid: string } };
type Schedule = Array<{ days: Array<{ slots: Array<{ beginTime: string }> }> }>;

test('«Перенести» from «Мои записи»: the new time first, the old one freed, one slip', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('start-appointments').click();
  await kiosk.fillIdentify('P1');
  const list = page.getByTestId('screen-appointments');
  await expect(list).toBeVisible();
  const ultrasound = list.locator('[data-testid^="appointment-"]').filter({ hasText: 'Талон № 105.' });
  const oldGuid = (await ultrasound.getAttribute('data-testid'))!.slice('appointment-'.length);
  const old = (await bridge<Visit[]>(kiosk, 'listAppointments')).find((v) => v.ticketGuid === oldGuid)!;
  const taps = await countTaps(kiosk);
  await page.getByTestId(`reschedule-${oldGuid}`).click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await expect(page.getByTestId('steps-text')).toContainText('из 4');
  await kiosk.shot('24-reschedule-days');
  await firstDayAndTime(kiosk);
  await expect(page.getByTestId('confirm-previous')).toBeVisible();
  await kiosk.shot('25-reschedule-confirm');
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await expect(page.getByTestId('ticket-moved')).toHaveAttribute('data-old', 'cancelled');
  await kiosk.shot('26-reschedule-ticket');
  console.log(`[taps] reschedule from «Мои записи» to the ticket: ${await taps()}`);
  expect(kiosk.printed()).toHaveLength(1);

  // At the MIS: the old booking is gone, the new one stands, the old cell is free again.
  const after = await bridge<Visit[]>(kiosk, 'listAppointments');
  expect(after.map((v) => v.ticketGuid)).not.toContain(oldGuid);
  expect(after).toHaveLength(1);
  const cells = await bridge<Schedule>(kiosk, 'listDoctorSchedule', { lpuGuid: old.clinic.guid, resourceGuid: old.resourceGuid });
  expect(cells.flatMap((r) => r.days.flatMap((d) => d.slots.map((c) => c.beginTime)))).toContain(old.beginTime);
});

test('«Перенести» whose cancel fails: both appointments shown, and what to do', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  await page.getByTestId('start-appointments').click();
  await kiosk.fillIdentify('P1');
  const list = page.getByTestId('screen-appointments');
  const ultrasound = list.locator('[data-testid^="appointment-"]').filter({ hasText: 'Талон № 105.' });
  const oldGuid = (await ultrasound.getAttribute('data-testid'))!.slice('appointment-'.length);
  await page.getByTestId(`reschedule-${oldGuid}`).click();
  await firstDayAndTime(kiosk);
  await stack.simHook('/__sim/fail', { code: '4042', path: '/visit/', method: 'DELETE', times: 5 });
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('ticket-moved')).toHaveAttribute('data-old', 'kept', { timeout: 15_000 });
  await expect(page.getByTestId('ticket-moved')).toContainText('две записи');
  await kiosk.shot('27-reschedule-kept');
  await stack.simHook('/__sim/clear-hooks');
  await page.getByTestId('book-another').click();
  await page.getByTestId('my-appointments').click();
  await expect(list.locator('[data-testid^="appointment-"]')).toHaveCount(2);
  await expect(page.getByTestId(`appointment-${oldGuid}`)).toBeVisible();
});

test('two referrals in one visit, one identification, then «Распечатать все записи»', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('P1');
  await kiosk.pickReferral(106);
  await page.locator('[data-testid^="clinic-"]:not([aria-disabled])').first().click();
  await page.locator('[data-testid^="resource-"]:not([aria-disabled])').first().click();
  await firstDayAndTime(kiosk);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await kiosk.shot('28-ticket-more');

  const taps = await countTaps(kiosk);
  await page.getByTestId('book-another').click();
  await kiosk.pickReferral(101);
  await page.locator('[data-testid^="resource-"]:not([aria-disabled])').first().click();
  await firstDayAndTime(kiosk);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  const second = await taps();
  console.log(`[taps] second referral after the first ticket: ${second}`);
  expect(second).toBeLessThanOrEqual(6);
  expect(kiosk.printed()).toHaveLength(2);

  await page.getByTestId('book-another').click();
  await page.getByTestId('my-appointments').click();
  const cards = page.getByTestId('screen-appointments').locator('[data-testid^="appointment-"]');
  await expect(cards).toHaveCount(3);
  await page.getByTestId('print-all').click();
  await expect(page.getByTestId('print-all-state')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await kiosk.shot('29-appointments-print-all');
  await expect.poll(() => kiosk.printed().length).toBe(3);
  const all = kiosk.printed()[2]!;
  expect(all.text).toContain('Ваши записи к врачам');
  expect(all.text).toContain('3 записи');
  expect(all.text).not.toContain('5000000000000001');
  // A second tap is a copy marked as such, not another original.
  await page.getByTestId('print-all').click();
  await expect.poll(() => kiosk.printed().length).toBe(4);
  expect(kiosk.printed()[3]!.text).toContain('ПОВТОРНАЯ');
  expect(REF(101)).toBeTruthy();
});

test('the waiting list when a speciality has no free time: reason, phone, confirmation, slip', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  await page.getByTestId('start-self').click();
  await kiosk.fillIdentify('P1');
  await page.getByTestId('speciality-65').first().click();
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  await expect(page.getByTestId('waitlist-offer')).toBeVisible();
  await kiosk.shot('30-waitlist-offer');
  await page.getByTestId('waitlist').click();
  await expect(page.getByTestId('screen-waitlist')).toBeVisible();
  // No free time at all: that is the reason, nothing to choose.
  await expect(page.getByTestId('waitlist-reason-noSlots')).toHaveCount(0);
  // A landline is refused with a clear sentence and kept for correction.
  await kiosk.typeDigits('4951234567');
  await page.getByTestId('waitlist-continue').click();
  await expect(page.getByTestId('waitlist-problem')).toContainText('мобильного');
  await page.getByTestId('key-clear').click();
  await kiosk.typeDigits('89161234567');
  await expect(page.getByTestId('waitlist-phone')).toHaveValue('+7 916 123-45-67');
  await kiosk.shot('31-waitlist-phone');
  await page.getByTestId('waitlist-continue').click();
  await expect(page.getByTestId('waitlist-phone-shown')).toHaveText('+7 916 123-45-67');
  await expect(page.getByTestId('screen-waitlist')).toContainText('Нет свободного времени');
  await kiosk.shot('32-waitlist-check');
  await page.getByTestId('waitlist-submit').click();
  await expect(page.getByTestId('screen-waitlistDone')).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await expect(page.getByTestId('waitlist-next')).toContainText('67');
  await kiosk.shot('33-waitlist-done');
  const slip = (await kiosk.firstSlip()).text;
  expect(slip).toContain('Лист ожидания');
  expect(slip).toContain('Офтальмология');
  expect(slip).not.toContain('1234567');
  const requests = (await stack.simGet('/__sim/waitinglist')) as Array<{ phone: string; reason: string }>;
  expect(requests).toEqual([expect.objectContaining({ phone: '9161234567', reason: 'noSlots' })]);
  // The number is gone from the screen's state once the request is in.
  expect(await page.content()).not.toContain('123-45-67');
});

test('«Нет подходящего времени?» on the days: the waiting list asks why, «Назад» returns to the days', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('start-self').click();
  await kiosk.fillIdentify('P1');
  await page.getByTestId('speciality-76').first().click();
  await page.locator('[data-testid^="resource-"]:not([aria-disabled])').first().click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await page.getByTestId('waitlist').click();
  await expect(page.getByTestId('waitlist-reason-noConvenientTime')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('waitlist-reason-noSlots').click();
  await expect(page.getByTestId('waitlist-reason-noSlots')).toHaveAttribute('aria-checked', 'true');
  await kiosk.shot('34-waitlist-reason');
  await page.getByTestId('nav-back').click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
});
