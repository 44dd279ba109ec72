// Identification by a keyboard-wedge scanner: key events in the page, read by physical key code.
import type { Page } from '@playwright/test';
import { expect, test, type Kiosk } from '../support/fixtures';
import { mainWayIsScanning } from '../support/scan-first';

/** The screen polls the core for scans; a scan sent before the first poll would be (rightly) dropped. */
async function listening(page: Page) {
  await page.waitForResponse((r) => r.url().endsWith('/takeScan'));
}

test.use({ scannerType: 'keyboard' });

/** A scanner's burst: physical digit keys, `key` as the active layout would report it, then Enter. */
async function wedge(kiosk: Kiosk, digits: string, keyOf: (d: string) => string) {
  await kiosk.page.evaluate(
    ({ keys }) => {
      for (const [code, key] of keys) window.dispatchEvent(new KeyboardEvent('keydown', { code, key, bubbles: true, cancelable: true }));
    },
    { keys: [...[...digits].map((d) => [`Digit${d}`, keyOf(d)]), ['Enter', 'Enter']] },
  );
}
// Shift+digits on the Russian layout: what `key` says when a scanner's keyboard country disagrees with the OS.
const RU_SHIFTED: Record<string, string> = { '1': '!', '2': '"', '3': '№', '4': ';', '5': '%', '6': ':', '7': '?', '8': '*', '9': '(', '0': ')' };

test('digits arrive intact under a Russian layout (read by key code, not by key)', async ({ kiosk }) => {
  const { page } = kiosk;
  await listening(page);
  await wedge(kiosk, '5000000000000005', (d) => RU_SHIFTED[d]!);
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await expect(page.getByTestId('field-policy')).toHaveValue('5000 0000 0000 0005');

  await wedge(kiosk, '5000000000000003', (d) => d);
  await expect(page.getByTestId('field-policy')).toHaveValue('5000 0000 0000 0003');
  await expect(page.getByTestId('field-birth-day')).toHaveValue('');
  await kiosk.shot('scan-05-wedge');
});

test('Welcome shows scanning first: only the QR, which is digits; paper and plastic are typed', async ({ kiosk }) => {
  const { page } = kiosk;
  await mainWayIsScanning(kiosk, 'welcome-scan-first-keyboard');
  await expect(page.getByTestId('welcome-scan')).toHaveAttribute('data-reads', 'keyboard');
  await expect(page.getByTestId('welcome-scan')).not.toContainText('штрих-код');
  await expect(page.getByTestId('welcome-type-hint')).toContainText('Бумажный и пластиковый полис сканер не читает');
});
