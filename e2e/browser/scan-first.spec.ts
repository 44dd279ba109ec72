// Issue 21, item 9: with a serial 2D imager configured, Welcome offers scanning as the main way
// in — a picture of where the scanner is and what to hold to it — and typing as the alternative.
// Both orientations (the project), normal and large print. The keyboard wedge: scan-keyboard.spec.ts;
// no scanner: health.spec.ts.
import { expect, test } from '../support/fixtures';
import { mainWayIsScanning } from '../support/scan-first';

test.use({ scannerType: 'serial' });

test('Welcome: the paper policy and the Госуслуги QR to the scanner; a scan starts the booking; voice reads it', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  await mainWayIsScanning(kiosk, 'welcome-scan-first');
  await expect(page.getByTestId('welcome-scan')).toHaveAttribute('data-reads', 'serial');
  await expect(page.getByTestId('welcome-scan')).toContainText('Бумажный полис — стороной со штрих-кодом');
  await expect(page.getByTestId('welcome-scan')).toContainText('QR-кодом на экране телефона');
  await expect(page.getByTestId('welcome-type-hint')).toContainText('Пластиковый полис сканер не читает');
  stack.spoken.length = 0;
  await page.getByTestId('voice-toggle-welcome').click();
  await expect.poll(() => stack.spoken.map((u) => u.text).join('\n')).toMatch(/Поднесите полис к\sсканеру под экраном\. Бумажный полис/);
  await page.getByTestId('voice-toggle-welcome').click();
  await page.waitForResponse((r) => r.url().endsWith('/takeScan'));
  stack.scan({ patient: 'P1' });
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
});
