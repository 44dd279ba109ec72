// Reach mode (issue 21, item 4): «Для инвалидной коляски» on Welcome of a portrait kiosk puts
// every control of every screen within a seated patient's reach. With the config's defaults (a
// 32-inch portrait picture 0.71 m tall, its lower edge 0.8 m above the floor, reach 1.2 m) the
// top (1.2 − 0.8) / 0.71 → 44 % of the 1920-px screen holds nothing to tap. On every screen of a
// booking by referral, «Мои записи», self-booking, the error panel and the dialogs, every visible
// control's top must be below that line; axe-core finds nothing; each screen is photographed
// (artifacts/screens/portrait/reach-*.png) and its topmost control recorded (artifacts/reach/).
import { CARDIOLOGIST, expect, test } from '../support/fixtures';
import { misDownForHealth } from '../support/stack';
import { checkReach, identifyInReach, reachOn, record } from '../support/reach';

test.describe('reach mode on a portrait kiosk', () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'portrait', 'reach mode is for portrait kiosks: in landscape the whole screen is within reach (the landscape test below checks the button is absent)');
  });

  test('a booking by referral: no control above the line on any screen, axe clean, the mode ends with the session', async ({ kiosk }) => {
    test.setTimeout(300_000);
    const { page } = kiosk;
    await reachOn(kiosk);
    await checkReach(kiosk, '01-welcome');

    await page.getByTestId('start').click();
    await identifyInReach(kiosk, 'P1', '02-');

    await expect(page.getByTestId('screen-referrals')).toBeVisible();
    await checkReach(kiosk, '04-referrals');
    // Scrolled to its end the list still keeps every card under the line.
    await page.locator('.scroll-area').first().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await checkReach(kiosk, '04b-referrals-scrolled', { axe: false });
    await page.locator('.scroll-area').first().evaluate((el) => el.scrollTo({ top: 0 }));

    await kiosk.pickReferral(101);
    await expect(page.getByTestId('screen-resources')).toBeVisible();
    await checkReach(kiosk, '06-resources');
    await page.getByTestId(`resource-${CARDIOLOGIST}`).click();
    await expect(page.getByTestId('screen-days')).toBeVisible();
    await checkReach(kiosk, '07-days');
    await page.locator('[data-testid^="day-"]:not([disabled])').first().click();
    await expect(page.getByTestId('screen-times')).toBeVisible();
    await checkReach(kiosk, '08-times');
    await page.locator('[data-testid^="time-"]:not([disabled])').first().click();
    await expect(page.getByTestId('screen-confirm')).toBeVisible();
    await checkReach(kiosk, '09-confirm');
    // The summary is read at the top, whole: nothing of it cut.
    await expect(page.getByTestId('confirm-book')).toBeInViewport({ ratio: 1 });

    // «Начать заново» asks first (something was entered): the question's buttons are low too.
    await page.getByTestId('nav-restart').click();
    await expect(page.getByTestId('restart-dialog')).toBeVisible();
    await checkReach(kiosk, '09b-restart-confirm');
    await page.getByTestId('restart-dismiss').click();

    await page.getByTestId('confirm-book').click();
    await expect(page.getByTestId('screen-ticket')).toBeVisible();
    await expect(page.getByTestId('print-status')).toContainText(/возьмите талон/i, { timeout: 15_000 });
    await checkReach(kiosk, '10-ticket');
    for (const id of ['ticket-number', 'ticket-room', 'ticket-datetime', 'ticket-doctor']) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });

    // The next patient gets the ordinary screen, the button off.
    await page.getByTestId('done').click();
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await expect(page.locator('.app')).not.toHaveAttribute('data-reach', 'on');
    await expect(page.getByTestId('reach-toggle')).toHaveAttribute('aria-pressed', 'false');
    record('portrait-booking.json');
  });

  test('«Мои записи», its cancel dialog, self-booking lists, the error panel and the idle question stay in reach', async ({ kiosk }) => {
    test.setTimeout(300_000);
    const { page } = kiosk;
    await page.clock.install();
    await kiosk.open();
    await reachOn(kiosk);

    // «Мои записи» from Welcome, and the cancel question.
    await page.getByTestId('start-appointments').click();
    await kiosk.fillIdentify('P6');
    const list = page.getByTestId('screen-appointments');
    await expect(list).toBeVisible();
    await checkReach(kiosk, '11-appointments');
    const card = list.locator('[data-testid^="appointment-"]').first();
    const guid = (await card.getAttribute('data-testid'))!.slice('appointment-'.length);
    await page.getByTestId(`cancel-${guid}`).click();
    await expect(page.getByTestId('cancel-dialog')).toBeVisible();
    await checkReach(kiosk, '11b-cancel-dialog');
    await page.getByTestId('cancel-dismiss').click();

    // Idle: «Вы ещё здесь?» and its buttons.
    await page.clock.fastForward(95_000);
    await expect(page.getByTestId('idle-dialog')).toBeVisible();
    await checkReach(kiosk, '12-idle-dialog');
    await page.getByTestId('idle-dialog').getByRole('button').first().click();
    await expect(page.getByTestId('idle-dialog')).toHaveCount(0);

    // «Начать заново» with a patient identified: the question, then Welcome with the mode off.
    await page.getByTestId('nav-restart').click();
    await page.getByTestId('restart-confirm').click();
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await expect(page.getByTestId('reach-toggle')).toHaveAttribute('aria-pressed', 'false');

    // A doctor without a referral: specialities and doctors.
    await reachOn(kiosk);
    await expect(page.getByTestId('start-self')).toBeVisible();
    await checkReach(kiosk, '19-welcome-self', { axe: false });
    await page.getByTestId('start-self').click();
    await kiosk.fillIdentify('P1');
    await expect(page.getByTestId('screen-specialities')).toBeVisible();
    await checkReach(kiosk, '20-specialities');
    await page.getByTestId('speciality-76').first().click();
    await expect(page.getByTestId('screen-resources')).toBeVisible();
    await checkReach(kiosk, '21-self-doctors');

    // The error panel: no card in the clinic (P3), straight after identification.
    await page.getByTestId('nav-restart').click();
    await page.getByTestId('restart-confirm').click();
    await reachOn(kiosk);
    await page.getByTestId('start').click();
    await kiosk.fillIdentify('P3');
    await expect(kiosk.errorPanel()).toBeVisible();
    await checkReach(kiosk, '13-error-panel');
    record('portrait-lists-dialogs.json');
  });

  test('the waiting list: the offer, the phone keypad, the confirmation and its slip stay in reach', async ({ kiosk }) => {
    test.setTimeout(180_000);
    const { page } = kiosk;
    await reachOn(kiosk);
    await page.getByTestId('start-self').click();
    await kiosk.fillIdentify('P1');
    await page.getByTestId('speciality-65').first().click();
    await expect(page.getByTestId('waitlist-offer')).toBeVisible();
    await checkReach(kiosk, '30-waitlist-offer');
    await page.getByTestId('waitlist').click();
    await expect(page.getByTestId('screen-waitlist')).toBeVisible();
    await kiosk.typeDigits('89161234567');
    await checkReach(kiosk, '31-waitlist-phone');
    await page.getByTestId('waitlist-continue').click();
    await expect(page.getByTestId('waitlist-phone-shown')).toBeVisible();
    await checkReach(kiosk, '32-waitlist-check');
    await page.getByTestId('waitlist-submit').click();
    await expect(page.getByTestId('screen-waitlistDone')).toBeVisible();
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'printed', { timeout: 15_000 });
    await checkReach(kiosk, '33-waitlist-done');
    record('portrait-waitlist.json');
  });

  test('paper out: the ticket with its QR code and, once paper is back, «Печать ещё раз» stay in reach', async ({ kiosk, stack }) => {
    test.setTimeout(180_000);
    const { page } = kiosk;
    stack.printer.setStatus('paper-end');
    await reachOn(kiosk);
    await kiosk.identify('P1');
    await kiosk.pickReferral(101);
    await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
    await page.getByTestId('confirm-book').click();
    await expect(page.getByTestId('print-status')).toContainText(/бумаг/i, { timeout: 15_000 });
    await expect(page.getByTestId('ticket-qr')).toBeInViewport({ ratio: 1 });
    await checkReach(kiosk, '10b-ticket-paper-end');
    stack.printer.setStatus('ok');
    await expect(page.getByTestId('reprint')).toBeVisible({ timeout: 10_000 });
    await checkReach(kiosk, '10c-ticket-paper-back', { axe: false });
    record('portrait-paper-out.json');
  });

  test('MIS down: Welcome\'s notice with the registry\'s phone above, its buttons still in reach, also in large print', async ({ kiosk, stack }) => {
    const { page } = kiosk;
    await reachOn(kiosk);
    misDownForHealth(stack);
    await expect(page.getByTestId('welcome-phone')).toBeVisible();
    await expect(page.getByTestId('welcome-phone')).toBeInViewport({ ratio: 1 });
    await checkReach(kiosk, '01b-welcome-mis-down');
    await page.getByTestId('display-mode').click();
    await expect(page.getByTestId('welcome-phone')).toBeInViewport({ ratio: 1 });
    await checkReach(kiosk, 'large-01b-welcome-mis-down');
    stack.spy.clear();
    await expect(page.getByTestId('start')).toBeEnabled();
    record('portrait-mis-down.json');
  });

  test('with large print and voice: still nothing above the line, the voice says the mode, labels stay right', async ({ kiosk, stack }) => {
    test.setTimeout(300_000);
    const { page } = kiosk;
    stack.spoken.length = 0;
    await page.getByTestId('voice-toggle-welcome').click();
    await reachOn(kiosk);
    await expect.poll(() => stack.spoken.map((u) => u.text)).toContain('Режим для инвалидной коляски включён: все кнопки в нижней части экрана.');
    await page.getByTestId('display-mode').click();
    await expect(page.locator('html')).toHaveAttribute('data-print', 'large');
    // The toggles say what they do: large print's now offers the normal print back.
    await expect(page.getByTestId('display-mode')).toContainText('Обычный шрифт');
    await expect(page.getByTestId('reach-toggle')).toContainText('Для инвалидной коляски');
    await checkReach(kiosk, 'large-01-welcome');

    await page.getByTestId('start').click();
    await identifyInReach(kiosk, 'P1', 'large-02-');
    await expect(page.getByTestId('screen-referrals')).toBeVisible();
    await expect(page.getByTestId('voice-repeat')).toBeVisible();
    await checkReach(kiosk, 'large-04-referrals');
    await kiosk.pickReferral(101);
    await expect(page.getByTestId('screen-resources')).toBeVisible();
    await checkReach(kiosk, 'large-06-resources');
    await page.getByTestId(`resource-${CARDIOLOGIST}`).click();
    await expect(page.getByTestId('screen-days')).toBeVisible();
    await checkReach(kiosk, 'large-07-days');
    await page.locator('[data-testid^="day-"]:not([disabled])').first().click();
    await expect(page.getByTestId('screen-times')).toBeVisible();
    await checkReach(kiosk, 'large-08-times');
    await page.locator('[data-testid^="time-"]:not([disabled])').first().click();
    await expect(page.getByTestId('screen-confirm')).toBeVisible();
    await checkReach(kiosk, 'large-09-confirm');
    await expect(page.getByTestId('confirm-book')).toBeInViewport({ ratio: 1 });
    await page.getByTestId('confirm-book').click();
    await expect(page.getByTestId('screen-ticket')).toBeVisible();
    await expect(page.getByTestId('print-status')).toContainText(/возьмите талон/i, { timeout: 15_000 });
    await checkReach(kiosk, 'large-10-ticket');

    // Off again, said so; the screen is the ordinary one.
    stack.spoken.length = 0;
    await page.getByTestId('done').click();
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await expect(page.locator('.app')).not.toHaveAttribute('data-reach', 'on');
    record('portrait-large-voice.json');
  });
});

test('landscape: no «Для инвалидной коляски», the whole screen is within reach', async ({ kiosk }, testInfo) => {
  test.skip(testInfo.project.name !== 'landscape', 'the portrait tests above cover the portrait screen');
  await expect(kiosk.page.getByTestId('screen-welcome')).toBeVisible();
  await expect(kiosk.page.getByTestId('reach-toggle')).toHaveCount(0);
});
