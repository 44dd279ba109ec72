// Reach mode on N3 (issue 21, item 4): the referral number and surname are typed on keyboards of
// their own; in reach mode, on a portrait kiosk, their keys sit under the line too (reach.spec.ts
// walks the rest of the kiosk on SoftRust).
import { expect, test } from '../support/fixtures';
import { checkReach, identifyInReach, reachOn, record } from '../support/reach';

test.use({ misKind: 'n3' });

test('the referral number and surname keyboards stay in reach', async ({ kiosk }, testInfo) => {
  test.skip(testInfo.project.name !== 'portrait', 'reach mode is for portrait kiosks: in landscape the whole screen is within reach');
  test.setTimeout(180_000);
  const { page } = kiosk;
  await reachOn(kiosk);
  await page.getByTestId('start').click();
  await identifyInReach(kiosk, 'N1', 'n3-02-');
  await expect(page.getByTestId('screen-referralNumber')).toBeVisible();
  await checkReach(kiosk, 'n3-04a-referral-number');
  await kiosk.typeDigits('4700000012345');
  await page.getByTestId('referral-number-submit').click();
  await expect(page.getByTestId('screen-referralSurname')).toBeVisible();
  await checkReach(kiosk, 'n3-04b-surname');
  record('portrait-n3.json');
});
