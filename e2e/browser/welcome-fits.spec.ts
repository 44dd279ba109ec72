// Welcome holds everything it offers on one screen, in every state the lobby sees it in (no
// notice, the paper out, the MIS down) and in both print sizes: every button whole inside the
// window, nothing to scroll to. A patient does not know a kiosk screen scrolls.
import { expect, test } from '../support/fixtures';
import { misDownForHealth } from '../support/stack';
import { cutOff } from '../support/on-screen';

const STATES = ['none', 'paper-out', 'mis-down'] as const;

for (const state of STATES) {
  test(`Welcome fits the screen, ${state === 'none' ? 'no notice' : state}, normal and large print`, async ({ kiosk, stack }) => {
    const { page } = kiosk;
    // The stack outlives the test: what it breaks it mends at the end.
    if (state === 'paper-out') stack.printer.setStatus('paper-end');
    if (state === 'mis-down') {
      misDownForHealth(stack);
    }
    if (state === 'none') await expect(page.getByTestId('welcome-notice')).toHaveCount(0);
    else await expect(page.getByTestId('welcome-notice')).toHaveAttribute('data-kind', state === 'mis-down' ? 'mis-down' : 'no-slip');
    const portrait = page.viewportSize()!.height > page.viewportSize()!.width;
    const ids = ['start', 'start-self', 'start-appointments', 'voice-toggle-welcome', 'display-mode', 'lang-en', ...(portrait ? ['reach-toggle'] : [])];
    if (state !== 'none') ids.push('welcome-notice');
    for (const print of ['normal', 'large'] as const) {
      if (print === 'large') await page.getByTestId('display-mode').click();
      await expect(page.locator('html')).toHaveAttribute('data-print', print);
      expect(await cutOff(page, ids), `${state}, ${print} print`).toEqual([]);
      const scrolls = await page.getByTestId('screen-welcome').evaluate((el) => el.scrollHeight - el.clientHeight);
      expect(scrolls, `${state}, ${print} print: Welcome scrolls`).toBeLessThanOrEqual(1);
      await kiosk.shot(`welcome-fits-${state}-${print}`);
    }
    await page.getByTestId('display-mode').click();
    stack.printer.setStatus('ok');
    stack.spy.clear();
    await expect(page.getByTestId('welcome-notice')).toHaveCount(0);
  });
}

test('English Welcome fits the screen too, normal and large print', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const portrait = page.viewportSize()!.height > page.viewportSize()!.width;
  const ids = ['start', 'start-self', 'start-appointments', 'voice-toggle-welcome', 'display-mode', 'lang-ru', ...(portrait ? ['reach-toggle'] : [])];
  for (const print of ['normal', 'large'] as const) {
    if (print === 'large') await page.getByTestId('display-mode').click();
    await expect(page.locator('html')).toHaveAttribute('data-print', print);
    expect(await cutOff(page, ids), `English, ${print} print`).toEqual([]);
    expect(await page.getByTestId('screen-welcome').evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await kiosk.shot(`welcome-fits-en-${print}`);
  }
  await page.getByTestId('display-mode').click();
  await page.getByTestId('lang-ru').click();
});
