// Reach mode on a kiosk with a policy scanner (issue 21, items 4 and 9): Welcome shows scanning as
// the way in, a picture of where the reader is; with «Для инвалидной коляски» on, the picture is
// read above the line and every button stays under it (reach.spec.ts walks the rest).
import { expect, test } from '../support/fixtures';
import { checkReach, reachOn, record } from '../support/reach';

test.use({ scannerType: 'serial' });

test('scan first: the scanner picture above, typing and the other buttons under the line, also in large print', async ({ kiosk }, testInfo) => {
  test.skip(testInfo.project.name !== 'portrait', 'reach mode is for portrait kiosks: in landscape the whole screen is within reach');
  const { page } = kiosk;
  await expect(page.getByTestId('welcome-scan')).toBeVisible();
  await reachOn(kiosk);
  await checkReach(kiosk, 'scan-01-welcome');
  await page.getByTestId('display-mode').click();
  await checkReach(kiosk, 'scan-large-01-welcome');
  // Nothing to scroll for: Welcome scrolling would carry its buttons up over the line.
  for (const id of ['start', 'start-appointments', 'reach-toggle', 'display-mode']) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  expect(await page.locator('.screen-welcome').evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  await page.getByTestId('start').click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await checkReach(kiosk, 'scan-large-02-identify');
  record('portrait-scan.json');
});
