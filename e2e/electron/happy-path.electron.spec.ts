// The happy path in the REAL Electron shell (main process, preload, app:// protocol, IPC),
// against the MIS simulator and the virtual printer. It runs only where an Electron binary
// exists; otherwise it is skipped — it never pretends Electron works.
//
// Binary: INFOMAT_ELECTRON_PATH (e.g. release-e2e/linux-unpacked/infomat from an
// INFOMAT_E2E_BUILD=1 build, whose NodeCliInspect fuse is on — Playwright needs it), else the
// `electron` package's own binary, found through node_modules/electron/path.txt WITHOUT
// requiring the module (that would try to download it). The unpackaged run needs `npm run build`.
// On Linux without a display, run under xvfb-run.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bridgeMethodNames } from '../../electron/common/channels';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { startVirtualPrinter, type RunningVirtualPrinter } from '../../electron/printing/virtual/server';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { electronBinary } from '../../scripts/electron-binary.cjs';
import { CARDIOLOGIST, P, REF } from '../support/fixtures';

const root = path.resolve(__dirname, '..', '..');

export function findElectronBinary(): { path: string; packaged: boolean } | null {
  const explicit = process.env.INFOMAT_ELECTRON_PATH;
  if (explicit) return existsSync(explicit) ? { path: explicit, packaged: true } : null;
  const bin = electronBinary(root);
  return bin ? { path: bin, packaged: false } : null;
}

const binary = findElectronBinary();
const builtMain = path.join(root, 'dist', 'electron', 'main.js');
const skipReason = !binary
  ? 'skipped: no Electron binary'
  : !binary.packaged && !existsSync(builtMain)
    ? 'skipped: dist/electron/main.js missing (npm run build)'
    : null;

const P1 = P.P1;
const REF101 = REF(101);

test.describe('Electron shell', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let sim: RunningSimulator;
  let printer: RunningVirtualPrinter;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    sim = await startSimulator({ port: 0, quiet: true });
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'infomat-e2e-electron-'));
    printer = await startVirtualPrinter({ port: 0, outDir, quiet: true });
    const configPath = path.join(outDir, 'config.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        kioskId: 'E2E-ELECTRON',
        api: { baseUrl: sim.url, timeoutMs: 5000, retries: 1 },
        printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 3000 } },
      }),
    );
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    delete env.ELECTRON_RUN_AS_NODE; // a leaked one turns Electron into plain Node
    delete env.NODE_OPTIONS;
    env.INFOMAT_CONFIG = configPath;
    env.TZ = 'America/New_York';
    app = await electron.launch({
      executablePath: binary!.path,
      args: binary!.packaged ? [] : [root],
      env,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await expect(page.getByTestId('screen-welcome')).toBeVisible({ timeout: 30_000 });
  });

  test.afterAll(async () => {
    await app?.close().catch(() => undefined);
    await printer?.close();
    await sim?.close();
  });

  test('the page is served from app://kiosk with only the contract on window.kiosk and no Node', async () => {
    expect(page.url()).toMatch(/^app:\/\/kiosk\//);
    const probe = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { kiosk: object }).kiosk).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(probe.keys).toEqual([...bridgeMethodNames].sort());
    expect(probe).toMatchObject({ require: 'undefined', process: 'undefined', ipc: 'undefined' });
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), kiosk: w.isKiosk() })),
    );
    expect(windows.filter((w) => w.visible)).toHaveLength(1);
  });

  test('P1 books by referral and the slip comes out of the printer', async () => {
    const digits = async (s: string) => {
      for (const d of s) await page.getByTestId(`key-${d}`).click();
    };
    await page.getByTestId('screen-welcome').getByRole('button').first().click();
    await expect(page.getByTestId('screen-identify')).toBeVisible();
    await page.getByTestId('field-policy').click();
    await digits(P1.policy);
    await page.getByTestId('field-birth-day').click();
    await digits(P1.birth[0]);
    await page.getByTestId('field-birth-month').click();
    await page.getByTestId(`month-${P1.birth[1]}`).click();
    await page.getByTestId('field-birth-year').click();
    await digits(P1.birth[2]);
    await page.getByTestId('identify-submit').click();

    await expect(page.getByTestId('screen-referrals')).toBeVisible();
    await page.getByTestId(`referral-${REF101}`).click();
    await expect(page.getByTestId('screen-resources')).toBeVisible();
    await page.getByTestId(`resource-${CARDIOLOGIST}`).click();
    await page.locator('[data-testid^="day-"]:not([disabled])').first().click();
    const slot = page.locator('[data-testid^="time-"]:not([disabled])').first();
    const time = (await slot.getAttribute('data-testid'))!.slice('time-'.length);
    await slot.click();
    await page.getByTestId('confirm-book').click();

    await expect(page.getByTestId('screen-ticket')).toBeVisible();
    const number = (await page.getByTestId('ticket-number').innerText()).trim();
    await expect(page.getByTestId('ticket-datetime')).toContainText(time);
    const job = await printer.waitForJob(15_000);
    expect(job.text).toContain(number);
    expect(job.text).not.toContain(P1.policy);

    await page.getByTestId('done').click();
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
  });
});
