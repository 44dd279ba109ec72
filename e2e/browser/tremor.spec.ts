// A patient with a tremor, on the kiosk's shipped guards: a key touched twice in a bounce is one
// digit, a 17th policy digit does not become the day, a bounce onto the month names that
// replaced the keypad picks nothing (session-safety.spec.ts has the humane times).
import { P, expect, test, type Kiosk } from '../support/fixtures';

test.use({ touchGuards: true });

/** Taps `testId` twice, `gapMs` apart, as a shaking finger does (the clicks go straight to the element). */
async function bounce(kiosk: Kiosk, testId: string, gapMs: number): Promise<void> {
  await kiosk.page.evaluate(
    async ({ testId, gapMs }) => {
      const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
      el.click();
      await new Promise((r) => setTimeout(r, gapMs));
      document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click();
    },
    { testId, gapMs },
  );
}

/**
 * A tap, then a second touch `gapMs` later at the same spot of the glass, on whatever is there
 * by then (the month names replace the keypad when the day is complete).
 */
async function bounceInPlace(kiosk: Kiosk, testId: string, gapMs: number): Promise<string | null> {
  return kiosk.page.evaluate(
    async ({ testId, gapMs }) => {
      const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
      const r = el.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      el.click();
      await new Promise((res) => setTimeout(res, gapMs));
      // What is drawn there now (its pointer-events may be off while it settles: the touch still lands on the glass there).
      const under = Array.from(document.querySelectorAll<HTMLElement>('button')).find((b) => {
        const q = b.getBoundingClientRect();
        return x >= q.left && x <= q.right && y >= q.top && y <= q.bottom;
      });
      under?.click();
      return under?.getAttribute('data-testid') ?? null;
    },
    { testId, gapMs },
  );
}

/** Types digits like a careful hand (a repeated digit after a pause the guard lets through). */
async function typeSlowly(kiosk: Kiosk, digits: string): Promise<void> {
  let prev = '';
  for (const d of digits) {
    if (d === prev) await kiosk.page.waitForTimeout(200);
    await kiosk.page.getByTestId(`key-${d}`).click();
    prev = d;
  }
}

test('bounces at 60–120 ms are one digit each; a bounce after the 16th digit and onto the month picker changes nothing; the right patient is found', async ({ kiosk }) => {
  test.setTimeout(120_000);
  const { page } = kiosk;
  const { policy, birth } = P.P1;
  await page.getByTestId('start').click();
  await page.getByTestId('field-policy').click();
  // Every digit of the policy bounces once, 60 to 120 ms later.
  let prev = '';
  for (const [i, d] of [...policy].slice(0, -1).entries()) {
    if (d === prev) await page.waitForTimeout(200);
    await bounce(kiosk, `key-${d}`, 60 + ((i * 7) % 61));
    prev = d;
  }
  await expect(page.getByTestId('field-policy')).toHaveValue('5000 0000 0000 000');
  // The finger slips on to the neighbouring key right after the 16th digit: not the day of birth.
  await page.evaluate(async () => {
    document.querySelector<HTMLElement>('[data-testid="key-1"]')!.click();
    await new Promise((r) => setTimeout(r, 120));
    document.querySelector<HTMLElement>('[data-testid="key-2"]')!.click();
  });
  await expect(page.getByTestId('field-policy')).toHaveValue('5000 0000 0000 0001');
  await expect(page.getByTestId('policy-full')).toBeVisible();
  await expect(page.getByTestId('field-birth-day')).toHaveValue('');
  await kiosk.shot('tremor-policy-full');
  await page.waitForTimeout(400);
  // «15»: the «5» bounces, and the month names appear under the finger; the bounce picks no month.
  await typeSlowly(kiosk, birth[0].slice(0, 1));
  const landedOn = await bounceInPlace(kiosk, `key-${birth[0].slice(1)}`, 90);
  expect(landedOn).toMatch(/^month-/);
  await expect(page.getByTestId('field-birth-day')).toHaveValue('15');
  await expect(page.getByTestId('field-birth-month')).toHaveValue('');
  await page.getByTestId(`month-${birth[1]}`).click();
  await typeSlowly(kiosk, birth[2]);
  await expect(page.getByTestId('birth-preview')).toContainText('15 января 1980');
  await page.getByTestId('identify-submit').click();
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
});
