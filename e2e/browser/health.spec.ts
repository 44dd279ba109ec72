// Pre-flight: Welcome knows before the patient starts that the slip will not print or that
// the MIS is down, within one health cycle (1 s on the e2e stack), and recovers by itself.
// With the MIS down it says when to come back and the registry's phone (config clinic.phone).
import { REF, expect, test } from '../support/fixtures';
import { misDownForHealth } from '../support/stack';

const PAPER = 'Талон не напечатается — номер покажем на экране, запишите или сфотографируйте его';
const MIS_DOWN = 'Запись через инфомат временно недоступна. Попробуйте через 5 минут или позвоните в регистратуру: 8-495-123-45-67';

test('paper out: Welcome warns, booking is still allowed; paper back: the notice goes', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  stack.printer.setStatus('paper-end');
  await expect(page.getByTestId('welcome-notice')).toHaveText(PAPER);
  await expect(page.getByTestId('start')).toBeEnabled();
  await kiosk.shot('welcome-notice-paper');
  stack.printer.setStatus('ok');
  await expect(page.getByTestId('welcome-notice')).toHaveCount(0);
});

test('MIS down: Welcome says so and «Начать» is off until the MIS answers again', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  misDownForHealth(stack);
  await expect(page.getByTestId('welcome-notice')).toHaveText(MIS_DOWN);
  await expect(page.getByTestId('start')).toBeDisabled();
  await expect(page.getByTestId('start-appointments')).toBeDisabled();
  // The number is whole on one line, on screen, larger than the sentence around it.
  const phone = page.getByTestId('welcome-phone');
  const box = (await phone.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const lineHeight = await phone.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.4);
  expect(box.height).toBeLessThan(lineHeight * 1.5);
  await kiosk.shot('welcome-notice-mis-down');
  // Voice mode reads it, the number in digit groups.
  stack.spoken.length = 0;
  await page.getByTestId('voice-toggle-welcome').click();
  await expect.poll(() => stack.spoken.map((u) => u.text).join('\n')).toMatch(/Попробуйте через 5\sминут или позвоните в регистратуру: 8 495 123 45 67\./);
  await page.getByTestId('display-mode').click();
  await kiosk.shot('welcome-notice-mis-down-large');
  await page.getByTestId('display-mode').click();
  await page.getByTestId('voice-toggle-welcome').click();
  stack.spy.clear();
  await expect(page.getByTestId('start')).toBeEnabled();
  await expect(page.getByTestId('welcome-notice')).toHaveCount(0);
  await page.getByTestId('start').click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
});

test('a wait longer than 10 s offers «Отменить»; it returns to the same screen and «Начать заново» stays in reach', async ({ kiosk }) => {
  const { page } = kiosk;
  // The page's clock is ours: 10 s pass at once instead of in real time.
  await page.clock.install();
  await kiosk.open();
  await kiosk.identify('P1');
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  // The kiosk's own service does not answer (held in the browser): a wait with no deadline of
  // its own, so only the patient's «Отменить» ends it.
  await page.route(/\/listClinics$/, () => undefined);
  await page.getByTestId(`referral-${REF(101)}`).click();
  await expect(page.getByTestId('loading')).toBeVisible();
  await expect(page.getByTestId('wait-cancel')).toHaveCount(0);
  await page.clock.fastForward(10_500);
  await expect(page.getByTestId('wait-cancel')).toBeVisible();
  // The header is not under the veil: the topmost element at «Начать заново» is the button.
  const restart = page.getByTestId('nav-restart');
  const box = (await restart.boundingBox())!;
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid]')?.getAttribute('data-testid'), [box.x + box.width / 2, box.y + box.height / 2]);
  expect(hit).toBe('nav-restart');
  await kiosk.shot('waiting-cancel');
  await page.getByTestId('wait-cancel').click();
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  await expect(page.getByTestId('error-panel')).toHaveCount(0);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('no scanner configured: Welcome stays as it was, typing is the main button', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(page.getByTestId('welcome-scan')).toHaveCount(0);
  await expect(page.locator('.welcome-steps')).toBeVisible();
  await expect(page.getByTestId('start')).toHaveClass(/btn-primary/);
});
