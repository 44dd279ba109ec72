// Large print, high contrast and axe-core along the happy path, in this project's orientation;
// and the birth date typed as a patient would («15», January, «1980»). Every screen is checked
// and photographed in the ordinary and in the large-print, high-contrast mode.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations, layoutFacts, type LayoutFacts } from '../support/a11y';
import { CARDIOLOGIST, P, expect, test, type Kiosk } from '../support/fixtures';

/**
 * Checks the current screen and photographs it; returns what was measured. Soft assertions:
 * one run names every screen's problems, and the walk still fails at the end.
 */
async function check(kiosk: Kiosk, name: string, mode: 'normal' | 'large'): Promise<LayoutFacts & { axe: string[] }> {
  await kiosk.shot(`a11y-${mode}-${name}`);
  const axe = await axeViolations(kiosk.page);
  expect.soft(axe, `${name} (${mode})`).toEqual([]);
  const facts = { ...(await layoutFacts(kiosk.page)), axe };
  expect.soft(facts.offscreen, `${name} (${mode}) runs off the screen`).toEqual([]);
  expect.soft(facts.smallTargets, `${name} (${mode}) has small targets`).toEqual([]);
  expect.soft(facts.minFontPx, `${name} (${mode}): «${facts.minFontText}»`).toBeGreaterThanOrEqual(mode === 'large' ? 36 : 24);
  return facts;
}

async function walk(kiosk: Kiosk, mode: 'normal' | 'large'): Promise<Record<string, LayoutFacts>> {
  const { page } = kiosk;
  const facts: Record<string, LayoutFacts> = {};
  const html = page.locator('html');
  if (mode === 'large') {
    await page.getByTestId('display-mode').click();
    await expect(page.getByTestId('display-mode')).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(html).toHaveAttribute('data-print', mode === 'large' ? 'large' : 'normal');
  await expect(html).toHaveAttribute('data-contrast', mode === 'large' ? 'high' : 'normal');
  facts.welcome = await check(kiosk, '01-welcome', mode);

  await page.getByTestId('screen-welcome').getByRole('button').first().click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  // Switched on at Welcome, the mode stays for the whole session.
  await expect(html).toHaveAttribute('data-print', mode === 'large' ? 'large' : 'normal');
  facts.identify = await check(kiosk, '02-identify', mode);
  const { policy, birth } = P.P1;
  await page.getByTestId('field-policy').click();
  await kiosk.typeDigits(policy);
  await kiosk.typeDigits(birth[0]);
  await expect(page.getByTestId('month-01')).toBeVisible();
  facts.identifyMonth = await check(kiosk, '03-identify-month', mode);
  await page.getByTestId('month-01').click();
  await kiosk.typeDigits(birth[2]);
  facts.identifyFilled = await check(kiosk, '03-identify-filled', mode);
  await page.getByTestId('identify-submit').click();

  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  facts.referrals = await check(kiosk, '04-referrals', mode);
  await kiosk.pickReferral(101);
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  facts.resources = await check(kiosk, '06-resources', mode);
  await page.getByTestId(`resource-${CARDIOLOGIST}`).click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
  facts.days = await check(kiosk, '07-days', mode);
  await page.locator('[data-testid^="day-"]:not([disabled])').first().click();
  await expect(page.getByTestId('screen-times')).toBeVisible();
  facts.times = await check(kiosk, '08-times', mode);
  await page.locator('[data-testid^="time-"]:not([disabled])').first().click();
  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  // The hours of the visit's own weekday, typeset: «08:00–20:00», never «8:00 - 20:00».
  await expect(page.getByTestId('confirm-hours')).toHaveText(/^Часы работы во?\u00a0\S+: \d{2}:\d{2}–\d{2}:\d{2}$/);
  await expect.soft(page.getByTestId('confirm-book')).toBeInViewport();
  facts.confirm = await check(kiosk, '09-confirm', mode);
  await page.getByTestId('confirm-book').click();
  await expect(page.getByTestId('screen-ticket')).toBeVisible();
  await expect(page.getByTestId('print-status')).toContainText(/возьмите талон/i, { timeout: 15_000 });
  facts.ticket = await check(kiosk, '10-ticket', mode);

  // The next patient gets the ordinary screen.
  await page.getByTestId('nav-restart').click();
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect(html).toHaveAttribute('data-print', 'normal');
  await expect(html).toHaveAttribute('data-contrast', 'normal');
  await expect(page.getByTestId('display-mode')).toHaveAttribute('aria-pressed', 'false');
  return facts;
}

/** The measured numbers, for the README and the report. */
function record(projectName: string, mode: string, facts: Record<string, LayoutFacts>): void {
  const dir = path.resolve('artifacts', 'a11y');
  mkdirSync(dir, { recursive: true });
  const min = Math.min(...Object.values(facts).map((f) => f.minFontPx));
  writeFileSync(path.join(dir, `${projectName}-${mode}.json`), JSON.stringify({ minFontPx: min, screens: facts }, null, 2));
}

for (const mode of ['normal', 'large'] as const) {
  test(`happy path: axe-core clean, text and targets large enough, nothing off screen (${mode})`, async ({ kiosk }, info) => {
    // axe-core reads the whole page on each of ten screens: slow on a shared two-core machine.
    test.setTimeout(360_000);
    record(info.project.name, mode, await walk(kiosk, mode));
  });
}

test('birth date «15», «1», «1980» is 15.01.1980, one grammatical message for an impossible date', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('screen-welcome').getByRole('button').first().click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  // No grey zeros that look typed: the boxes are empty, their labels say what goes in.
  for (const id of ['field-policy', 'field-birth-day', 'field-birth-month', 'field-birth-year']) {
    await expect(page.getByTestId(id)).toHaveValue('');
    await expect(page.getByTestId(id)).not.toHaveAttribute('placeholder', /./);
  }
  await expect(page.getByTestId('policy-picture')).toBeVisible();
  await kiosk.shot('a11y-identify-empty');

  await page.getByTestId('field-policy').click();
  await kiosk.typeDigits(P.P1.policy);
  await kiosk.typeDigits('15');
  // The day is complete, the month is asked by name: a «1» cannot wait for a second digit.
  await page.getByTestId('month-01').click();
  await kiosk.typeDigits('1980');
  await expect(page.getByTestId('field-birth-day')).toHaveValue('15');
  await expect(page.getByTestId('field-birth-month')).toHaveValue('01');
  await expect(page.getByTestId('field-birth-year')).toHaveValue('1980');
  await expect(page.getByTestId('birth-preview')).toHaveText('15\u00a0января 1980\u00a0г.');
  await expect(page.getByTestId('identify-problem')).toHaveText('');
  await kiosk.shot('a11y-identify-filled');

  // 31 November: one message, in grammatical Russian, on the day box.
  await page.getByTestId('field-birth-day').click();
  await page.getByTestId('key-clear').click();
  await kiosk.typeDigits('31');
  await page.getByTestId('month-11').click();
  await expect(page.getByTestId('identify-problem')).toHaveText('Такой даты нет. В ноябре 30\u00a0дней. Проверьте день.');
  await expect(page.getByTestId('field-birth-day')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[role="alert"]:not(:empty)')).toHaveCount(1);
  await kiosk.shot('a11y-identify-invalid-date');
  await page.getByTestId('identify-submit').click();
  await expect(page.getByTestId('identify-problem')).toHaveText(/В ноябре 30\u00a0дней/);
  await expect(page.getByTestId('screen-identify')).toBeVisible();
});
