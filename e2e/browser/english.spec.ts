// A patient who reads English: «English» on Welcome switches the session, every screen of the
// happy path, the error panels, «Мои записи» and the slip speak the kiosk's own words in English,
// and the only Cyrillic left is the MIS's data (names, clinics, rooms), marked lang="ru" on
// screen. axe-core finds nothing on any of them. The next patient gets Russian again.
import type { Page } from '@playwright/test';
import { axeViolations } from '../support/a11y';
import { CARDIOLOGIST, REF, expect, test, type Kiosk } from '../support/fixtures';

/** Visible text and accessible names with Cyrillic that are not MIS data (inside [lang="ru"]). */
function strayRussian(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CYR = /[А-Яа-яЁё]/;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || !CYR.test(text) || el.closest('[lang="ru"]') || !shown(el)) continue;
      out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (el.closest('[lang="ru"]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v && CYR.test(v)) out.push(`${a}="${v}"`);
      }
    }
    if (CYR.test(document.title)) out.push(`title: ${document.title}`);
    return out;
  });
}

async function expectEnglish(kiosk: Kiosk, shot: string): Promise<void> {
  await expect(kiosk.page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await strayRussian(kiosk.page)).toEqual([]);
  expect(await axeViolations(kiosk.page)).toEqual([]);
  await kiosk.shot(shot);
}

async function english(kiosk: Kiosk): Promise<void> {
  const { page } = kiosk;
  await expect(page.getByTestId('lang-ru')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('screen-welcome')).toContainText('See a doctor without a referral');
}

test('English: the whole booking in the kiosk\'s English, MIS data as the MIS wrote it; the slip in English', async ({ kiosk }) => {
  const { page } = kiosk;
  await english(kiosk);
  await expectEnglish(kiosk, 'en-01-welcome');

  await page.getByTestId('start').click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await expect(page.getByTestId('steps-text')).toHaveText('Step 1 of 7: Policy');
  await expectEnglish(kiosk, 'en-02-identify-empty');
  // A problem with the input is said in English too.
  await page.getByTestId('identify-submit').click();
  await expect(page.getByTestId('identify-problem')).toHaveText('Enter the OMS policy number, 16\u00a0digits.');
  await page.getByTestId('field-birth-month').click();
  await expect(page.getByTestId('month-05')).toHaveText('May');
  await page.getByTestId('field-policy').click();
  await kiosk.fillIdentify('P1');

  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  await expect(page.getByTestId(`referral-${REF(102)}`)).toContainText('The referral has expired');
  await expectEnglish(kiosk, 'en-04-referrals');

  await kiosk.pickReferral(101);
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  await expect(page.getByTestId(`resource-${CARDIOLOGIST}`)).toContainText('First free time:');
  await expectEnglish(kiosk, 'en-06-resources');
  await page.getByTestId(`resource-${CARDIOLOGIST}`).click();
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await expectEnglish(kiosk, 'en-07-days');
  await page.locator('[data-testid^="day-"]').first().click();
  await expect(page.getByTestId('screen-times')).toBeVisible();
  await expectEnglish(kiosk, 'en-08-times');
  const slot = page.locator('[data-testid^="time-"]').first();
  const time = (await slot.getAttribute('data-testid'))!.slice('time-'.length);
  await slot.click();

  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  await expect(page.getByTestId('confirm-book')).toHaveText('Confirm booking');
  await expectEnglish(kiosk, 'en-09-confirm');
  await page.getByTestId('confirm-book').click();

  await expect(page.getByTestId('screen-ticket')).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveText('Please take your ticket', { timeout: 15_000 });
  await expect(page.getByTestId('ticket-datetime')).toContainText(time);
  await expectEnglish(kiosk, 'en-10-ticket-printed');

  // The slip: its own words in English; every Cyrillic word on it is the MIS's data.
  const job = await kiosk.firstSlip();
  for (const words of ['Appointment ticket', 'Room 214, floor 2', 'Doctor: ', 'Ticket No. ', 'Please come', 'Printed: ', 'Kiosk: ']) {
    expect(job.text).toContain(words);
  }
  // The day in English words, then the time on a line of its own, large.
  expect(job.text).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+/);
  expect(job.text.split('\n').map((l) => l.trim())).toContain(time);
  const visits = await page.evaluate(() => (window as unknown as { kiosk: { listAppointments(i: object): Promise<{ ok: boolean; value?: unknown }> } }).kiosk.listAppointments({}));
  const misData = JSON.stringify(visits).replace(/[«»"]/g, ' ');
  const cyrillicWords = job.text.split(/\s+/).map((w) => w.replace(/^[("']+|[)"',.:]+$/g, '')).filter((w) => /[А-Яа-яЁё]/.test(w));
  expect(cyrillicWords.length).toBeGreaterThan(0);
  expect(cyrillicWords.filter((w) => !misData.includes(w))).toEqual([]);

  // «Done»: the next patient gets the kiosk's own language again.
  await page.getByTestId('done').click();
  await expect(page.getByTestId('screen-welcome')).toContainText('Запись к');
  await expect(page.getByTestId('lang-ru')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('English: «My appointments» and the cancel dialog', async ({ kiosk }) => {
  const { page } = kiosk;
  await english(kiosk);
  await page.getByTestId('start-appointments').click();
  await kiosk.fillIdentify('P1');
  await expect(page.getByTestId('screen-appointments')).toBeVisible();
  await expect(page.getByTestId('screen-appointments')).toContainText('My appointments');
  await expectEnglish(kiosk, 'en-11-appointments');
  const cancel = page.locator('[data-testid^="cancel-"]').first();
  if ((await cancel.count()) > 0) {
    await cancel.click();
    await expect(page.getByTestId('cancel-dialog')).toContainText('Cancel this appointment?');
    await expectEnglish(kiosk, 'en-12-cancel-dialog');
    await page.getByTestId('cancel-dismiss').click();
  }
});

test('English: the error panels say what happened and what to do, in English', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  await english(kiosk);
  // P3 has no card in the clinic: the registry, and the session ends on «Start over».
  await page.getByTestId('start').click();
  await kiosk.fillIdentify('P3');
  await expect(kiosk.errorPanel()).toHaveAttribute('data-step', 'registry');
  await expect(page.getByTestId('error-message')).toHaveText('The clinic has no medical record for you.');
  await expect(page.getByTestId('error-hint')).toHaveText('Please ask at reception.');
  await expectEnglish(kiosk, 'en-err-no-card');
  await page.getByTestId('error-finish').click();
  await expect(page.getByTestId('screen-welcome')).toBeVisible();

  // The MIS fails 5097 (twice: the client retries a read once by itself): a passing fault, «Try again».
  await english(kiosk);
  await stack.simHook('/__sim/fail', { code: '5097', path: '/api/v2/directions', times: 2 });
  await page.getByTestId('start').click();
  await kiosk.fillIdentify('P1');
  await expect(kiosk.errorPanel()).toHaveAttribute('data-step', 'retry');
  await expect(page.getByTestId('error-retry')).toHaveText('Try again');
  await expectEnglish(kiosk, 'en-err-retry');
  await page.getByTestId('error-retry').click();
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
});
