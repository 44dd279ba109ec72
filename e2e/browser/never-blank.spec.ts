// Never blank: a screen that fails to render shows a calm «Что-то пошло не так», wipes the
// session, reports the error to the main side, and opens Welcome again by itself.
import { CARDIOLOGIST, expect, test } from '../support/fixtures';

test('a ticket the screen cannot draw: calm screen, Welcome within seconds, then a new session works', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  // The bridge's answer to `book` is tampered with on the wire (the core itself would never send
  // it): a beginTime that is no date, and — so this stays a render error once date formatting no
  // longer throws on garbage — no clinic either.
  await page.route('**/__kiosk/call/book', async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as { ok: boolean; value?: Record<string, unknown> };
    if (body.ok && body.value) {
      body.value.beginTime = '31.02.2026 25:99';
      delete body.value.clinic;
    }
    await route.fulfill({ response: res, json: body });
  });

  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  await page.getByTestId('confirm-book').click();

  const calm = page.getByTestId('screen-crash');
  await expect(calm).toBeVisible();
  await expect(calm).toContainText('Что-то пошло не так');
  await expect(calm).toContainText('Начните, пожалуйста, заново.');
  await expect(page.getByTestId('crash-countdown')).toContainText(/через \d секунд/);
  await kiosk.shot('13-something-went-wrong');

  // The session is gone at once, and the main side has the error, without digits.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { kiosk: { listReferrals(i: object): Promise<{ ok: boolean }> } }).kiosk.listReferrals({})))
    .toMatchObject({ ok: false, error: { kind: 'session' } });
  await expect.poll(() => stack.logLines.filter((l) => l.includes('renderer.error')).length).toBeGreaterThan(0);
  const logged = JSON.parse(stack.logLines.find((l) => l.includes('renderer.error'))!) as { message: string; where: string };
  expect(logged.where).toMatch(/^ticket/);
  expect(logged.message).not.toMatch(/\d/);

  await expect(page.getByTestId('screen-welcome')).toBeVisible({ timeout: 8_000 });
  await page.unroute('**/__kiosk/call/book');
  await kiosk.identify('P1');
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
});

test('«Начать заново» on the calm screen does not wait for the countdown', async ({ kiosk }) => {
  const { page } = kiosk;
  // A list that is no list: the referrals screen cannot even start drawing it.
  await page.route('**/__kiosk/call/listReferrals', (route) => route.fulfill({ json: { ok: true, value: null } }));
  await kiosk.identify('P1');
  await expect(page.getByTestId('screen-crash')).toBeVisible();
  await page.getByTestId('crash-restart').click();
  await expect(page.getByTestId('screen-welcome')).toBeVisible({ timeout: 1_500 });
});
