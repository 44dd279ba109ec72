// A booking the patient can trust: the MIS books but its answer never reaches the kiosk. The
// kiosk must not say «нет связи» and offer a blind retry; it finds the visit, shows the ticket
// and prints it once, and the MIS holds exactly one new visit.
import { CARDIOLOGIST, P, expect, test } from '../support/fixtures';

const BOOK = /^\/api\/v2\/directions\/visit\//;

async function visitsAtMis(simUrl: string): Promise<number> {
  const t = await fetch(`${simUrl}/auth/cod/token?n_pol=${P.P1.policy}&Birthday=1980-01-15`, { headers: { Accept: 'application/json' } });
  const { token } = (await t.json()) as { token: string };
  const v = await fetch(`${simUrl}/visit`, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  return ((await v.json()) as unknown[]).length;
}

test('the booking answer is lost: the patient still gets the ticket, one slip, one visit at the MIS', async ({ kiosk }) => {
  const { page, stack } = kiosk;
  const before = await visitsAtMis(stack.sim.url);
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  // The proxy forwards the booking POST to the MIS and then never answers the kiosk.
  stack.spy.fault({ method: 'POST', path: BOOK, mode: { kind: 'drop-answer' } });
  await page.getByTestId('confirm-book').click();
  // Client timeout (5 s) + the reconciliation polls, with room for a loaded machine.
  await expect(page.getByTestId('screen-ticket')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('print-status')).toContainText(/возьмите талон/i, { timeout: 15_000 });
  await kiosk.shot('10d-ticket-after-lost-answer');
  expect(stack.spy.count('POST', BOOK)).toBe(1);
  expect(await visitsAtMis(stack.sim.url)).toBe(before + 1);
  await page.waitForTimeout(500);
  expect(kiosk.printed()).toHaveLength(1);
  expect(kiosk.printed()[0]!.text).not.toContain('ПОВТОРНАЯ');
  expect(stack.logLines.some((l) => l.includes('booking.reconciled'))).toBe(true);
});

test('the MIS fails the booking and booked nothing: the patient is told plainly and «Повторить» books once', async ({ kiosk }) => {
  const { page, stack } = kiosk;
  const before = await visitsAtMis(stack.sim.url);
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  await stack.simHook('/__sim/fail', { code: '5000', path: '/api/v2/directions/visit', method: 'POST' });
  await page.getByTestId('confirm-book').click();
  await expect(kiosk.errorPanel()).toBeVisible({ timeout: 30_000 });
  await expect(kiosk.errorPanel()).toContainText('Запись не подтвердилась');
  await kiosk.shot('err-booking-not-confirmed');
  expect(await visitsAtMis(stack.sim.url)).toBe(before);
  await kiosk.errorPanel().getByRole('button', { name: /Повторить/ }).click();
  await expect(page.getByTestId('screen-ticket')).toBeVisible({ timeout: 30_000 });
  expect(await visitsAtMis(stack.sim.url)).toBe(before + 1);
});

test('«Начать заново» while the booking is under way waits for it: the patient sees the ticket, never a lost booking', async ({ kiosk }) => {
  const { page, stack } = kiosk;
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  // The MIS takes 3 s to answer the booking.
  stack.spy.fault({ method: 'POST', path: BOOK, mode: { kind: 'delay-answer', ms: 3000 } });
  await page.getByTestId('confirm-book').click();
  const restart = page.getByTestId('nav-restart');
  await expect(restart).toBeDisabled();
  await expect(restart).toHaveAttribute('aria-busy', 'true');
  await kiosk.shot('09b-booking-under-way');
  // A press on the greyed button does nothing; the ticket comes.
  await restart.click({ force: true });
  await expect(page.getByTestId('screen-ticket')).toBeVisible({ timeout: 15_000 });
  await expect(restart).toBeEnabled();
  expect(stack.logLines.some((l) => l.includes('booking.late'))).toBe(false);
  expect(stack.logLines.some((l) => l.includes('booking.created'))).toBe(true);
});
