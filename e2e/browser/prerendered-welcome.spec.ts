// index.html carries Welcome prerendered (renderer/src/prerender.tsx), so the kiosk shows it
// before the React bundle has run; boot/boot.js keeps a tap on it for React. Here the bundle
// is held back on purpose, so the picture stays on screen long enough to tap it for certain.
import type { Page, Route } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { misDownForHealth } from '../support/stack';

/** Holds the main bundle until `release()`; everything else loads as usual. */
async function holdBundle(page: Page): Promise<{ release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

test.beforeEach(async ({ stack }) => {
  await stack.simHook('/__sim/reset');
  stack.core.endSession();
});

test('Welcome is on screen before the bundle runs, laid out for the screen; a tap on it then is not lost', async ({ page, stack }, testInfo) => {
  const bundle = await holdBundle(page);
  await page.goto(stack.host.issueLaunchUrl(), { waitUntil: 'commit' });
  const picture = page.locator('.app[data-prerendered]');
  await expect(picture.getByTestId('screen-welcome')).toBeVisible();
  await expect(picture).toHaveAttribute('data-orientation', testInfo.project.name === 'landscape' ? 'landscape' : 'portrait');
  await expect(picture.getByText('Понадобится полис ОМС')).toBeVisible();

  await picture.getByTestId('start').click();
  // Nothing can answer the tap yet: the picture stays, the button says it is busy.
  await expect(picture.getByTestId('start')).toHaveAttribute('aria-busy', 'true');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('screen-identify')).toHaveCount(0);

  bundle.release();
  // React takes over and carries the kept tap through: identification, not Welcome again.
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
});

test('a tap on the picture while the MIS is down is not carried into identification: Welcome says why', async ({ page, stack }) => {
  misDownForHealth(stack);
  try {
    // The health monitor checks every second on this stack: let it see the MIS down first.
    await page.waitForTimeout(2_500);
    const bundle = await holdBundle(page);
    await page.goto(stack.host.issueLaunchUrl(), { waitUntil: 'commit' });
    await page.locator('.app[data-prerendered]').getByTestId('start').click();
    bundle.release();
    await expect(page.getByTestId('welcome-notice')).toContainText('Запись через инфомат временно недоступна. Попробуйте через 5 минут');
    await expect(page.getByTestId('start')).toBeDisabled();
    await page.waitForTimeout(2_000);
    await expect(page.getByTestId('screen-identify')).toHaveCount(0);
  } finally {
    stack.spy.clear();
  }
});

test('without a tap on the picture React takes over quietly and Welcome answers the first tap', async ({ page, stack }) => {
  await page.goto(stack.host.issueLaunchUrl());
  const welcome = page.locator('.app:not([data-prerendered])').getByTestId('screen-welcome');
  await expect(welcome).toBeVisible();
  await expect(page.getByTestId('screen-identify')).toHaveCount(0);
  await page.getByTestId('start').click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
});

test('if the bundle never loads, the picture says the kiosk did not start instead of offering dead buttons', async ({ page, stack }) => {
  test.slow();
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(stack.host.issueLaunchUrl(), { waitUntil: 'commit' });
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect(page.getByTestId('boot-failed')).toHaveText('Инфомат не запустился. Пожалуйста, обратитесь в регистратуру.', { timeout: 20_000 });
  await expect(page.getByTestId('start')).toHaveCount(0);
});
