// The lobby's other jobs on the N3 HubService simulator (lobby.spec.ts runs them on SoftRust):
// a doctor without a referral (GetSpesialityList → GetDoctorList → GetAvaibleAppointments →
// SetAppointment), a move with idAppointmentPrev (the hub moves the booking itself), two
// referrals by number in one visit with «Распечатать все записи», and SetWaitingList. A failed
// cancel after a move cannot happen on N3: the kiosk sends no cancel there (rescheduleMovesOld).
import { expect, test, type Kiosk } from '../support/fixtures';

test.use({ misKind: 'n3' });

async function typeSurname(kiosk: Kiosk, surname: string): Promise<void> {
  for (const letter of surname.toLocaleUpperCase('ru-RU')) await kiosk.page.getByTestId(`kb-${letter}`).click();
}

async function countTaps(kiosk: Kiosk): Promise<() => Promise<number>> {
  await kiosk.page.evaluate(() => {
    const w = window as unknown as { __taps: number };
    w.__taps = 0;
    document.addEventListener('click', () => (w.__taps += 1), true);
  });
  return () => kiosk.page.evaluate(() => (window as unknown as { __taps: number }).__taps);
}

async function firstDayAndTime(kiosk: Kiosk): Promise<void> {
  const { page } = kiosk;
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await page.locator('[data-testid^="day-"]').first().click();
  await expect(page.getByTestId('screen-times')).toBeVisible();
  await page.locator('[data-testid^="time-"]').first().click();
  await expect(page.getByTestId('screen-confirm')).toBeVisible();
}

type Bridge = { [m: string]: (i: object) => Promise<{ ok: boolean; value: unknown }> };
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
type Visit = { ticketGuid: string; beginTime: string; doctorName: string; resourceGuid?: string | null; clinic: { guid: string } };

test('N3: a doctor without a referral; the only doctor of a speciality is passed by', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('start-self').click();
  await kiosk.fillIdentify('N1');
  await expect(page.getByTestId('screen-specialities')).toBeVisible();
  await expect(page.getByTestId('speciality-215')).toContainText('лист ожидания');
  await kiosk.shot('n3-20-specialities');
  // Врач общей практики: Лебедева is the only one, so the days come next.
  await page.getByTestId('speciality-211').click();
  await firstDayAndTime(kiosk);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await expect(page.getByTestId('ticket-doctor')).toContainText('Лебедева');
  await kiosk.shot('n3-23-self-ticket');
  expect(kiosk.printed()).toHaveLength(1);
  // «Мои записи» lists it.
  const visits = await bridge<Visit[]>(kiosk, 'listAppointments');
  expect(visits.some((v) => v.doctorName.includes('Лебедева'))).toBe(true);
});

test('N3: «Перенести» moves the booking at the hub (idAppointmentPrev): old cell free, one booking, one slip', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('start-appointments').click();
  await kiosk.fillIdentify('N1');
  const list = page.getByTestId('screen-appointments');
  const volkov = list.locator('[data-testid^="appointment-"]').filter({ hasText: 'Волков' });
  await expect(volkov).toHaveCount(1);
  const oldGuid = (await volkov.getAttribute('data-testid'))!.slice('appointment-'.length);
  const old = (await bridge<Visit[]>(kiosk, 'listAppointments')).find((v) => v.ticketGuid === oldGuid)!;
  const taps = await countTaps(kiosk);
  await page.getByTestId(`reschedule-${oldGuid}`).click();
  await firstDayAndTime(kiosk);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('ticket-moved')).toHaveAttribute('data-old', 'moved', { timeout: 15_000 });
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  console.log(`[taps] N3 reschedule from «Мои записи» to the ticket: ${await taps()}`);
  await kiosk.shot('n3-26-reschedule-ticket');
  expect(kiosk.printed()).toHaveLength(1);
  const after = (await bridge<Visit[]>(kiosk, 'listAppointments')).filter((v) => v.doctorName.includes('Волков'));
  expect(after).toHaveLength(1);
  expect(after[0]!.beginTime).not.toBe(old.beginTime);
  const cells = await bridge<Array<{ days: Array<{ slots: Array<{ beginTime: string }> }> }>>(kiosk, 'listDoctorSchedule', { lpuGuid: old.clinic.guid, resourceGuid: old.resourceGuid });
  expect(cells.flatMap((r) => r.days.flatMap((d) => d.slots.map((c) => c.beginTime)))).toContain(old.beginTime);
});

test('N3: two referrals by number in one visit, then «Распечатать все записи»', async ({ kiosk }) => {
  const { page } = kiosk;
  await kiosk.identify('N1');
  await kiosk.typeDigits('4700000012345');
  await page.getByTestId('referral-number-submit').click();
  await typeSurname(kiosk, 'Петров');
  await page.getByTestId('referral-find').click();
  await page.locator('[data-testid^="resource-"]', { hasText: 'Иванова' }).click();
  await firstDayAndTime(kiosk);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });

  const taps = await countTaps(kiosk);
  await page.getByTestId('book-another').click();
  await expect(page.getByTestId('screen-referralNumber')).toBeVisible();
  await expect(page.getByTestId('field-referral-number')).toHaveValue('');
  await kiosk.typeDigits('4700000012349');
  await page.getByTestId('referral-number-submit').click();
  // The same patient: the surname is already there.
  await expect(page.getByTestId('field-surname')).toHaveValue('Петров');
  await page.getByTestId('referral-find').click();
  await page.locator('[data-testid^="resource-"]', { hasText: 'Черноголовкин' }).click();
  await firstDayAndTime(kiosk);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  console.log(`[taps] N3 second referral after the first ticket (13-digit number typed): ${await taps()}`);
  expect(kiosk.printed()).toHaveLength(2);

  await page.getByTestId('book-another').click();
  await page.getByTestId('my-appointments').click();
  const cards = page.getByTestId('screen-appointments').locator('[data-testid^="appointment-"]');
  // The two just booked, and the neurologist and the surgeon booked before.
  await expect(cards).toHaveCount(4);
  await page.getByTestId('print-all').click();
  await expect(page.getByTestId('print-all-state')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await expect.poll(() => kiosk.printed().length).toBe(3);
  const all = kiosk.printed()[2]!.text;
  expect(all).toContain('4 записи');
  expect(all).toContain('Черноголовкин');
  expect(all).toContain('Иванова');
});

test('N3: the waiting list for a speciality with no free time (SetWaitingList)', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  await page.getByTestId('start-self').click();
  await kiosk.fillIdentify('N1');
  await page.getByTestId('speciality-215').click();
  await expect(page.getByTestId('waitlist-offer')).toBeVisible();
  await page.getByTestId('waitlist').click();
  await kiosk.typeDigits('9161234567');
  await page.getByTestId('waitlist-continue').click();
  await expect(page.getByTestId('waitlist-phone-shown')).toHaveText('+7 916 123-45-67');
  await page.getByTestId('waitlist-submit').click();
  await expect(page.getByTestId('screen-waitlistDone')).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
  await kiosk.shot('n3-33-waitlist-done');
  const claims = (await stack.simGet('/__sim/claims', 'POST')) as Array<{ phone: string; idSpesiality: string; patient: string }>;
  expect(claims).toEqual([expect.objectContaining({ patient: 'N1', idSpesiality: '215' })]);
  expect(claims[0]!.phone.replace(/\D/g, '')).toBe('79161234567');
  expect((await kiosk.firstSlip()).text).not.toContain('1234567');
});
