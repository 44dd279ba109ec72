// Playwright fixtures: one real stack per worker (simulator, virtual printer, core, browser
// host), reset before every test, and a small driver that taps through the kiosk like a patient.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startStack, type ScannerType, type Stack } from './stack';
import type { MisKind } from '../../electron/common/mis-kinds';

export const P = {
  P1: { policy: '5000000000000001', birth: ['15', '01', '1980'] },
  P2: { policy: '5000000000000002', birth: ['03', '03', '1975'] },
  P3: { policy: '5000000000000003', birth: ['07', '07', '1990'] },
  P4: { policy: '5000000000000004', birth: ['05', '05', '1985'] },
  P5: { policy: '5000000000000005', birth: ['09', '09', '2015'] },
  P6: { policy: '5000000000000006', birth: ['12', '12', '1970'] },
  P7: { policy: '5000000000000007', birth: ['02', '02', '1982'] },
  /** The N3 simulator's Петров Иван Сергеевич (simulator/n3/README.md); only on `misKind: 'n3'`. */
  N1: { policy: '7800000000000001', birth: ['12', '04', '1979'] },
} as const;
export type PatientKey = keyof typeof P;

export const REF = (n: number) => `5b0c8f0e-0000-4000-8000-000000000${n}`;
export const LPU = (n: number) => `3c1e7b2a-0000-4000-8000-00000000000${n}`;
export const CARDIOLOGIST = 'a1f0c6d2-0000-4000-8000-0000000000d1';

export class Kiosk {
  /** The virtual printer keeps every job of the worker; this test's are those after this mark. */
  private readonly jobsAtStart: number;

  constructor(
    readonly page: Page,
    readonly stack: Stack,
    private readonly shotsDir: string,
  ) {
    this.jobsAtStart = stack.printer.jobs().length;
  }

  /** Slips printed during this test. */
  printed() {
    return this.stack.printer.jobs().slice(this.jobsAtStart);
  }

  /** Waits for the first slip of this test. */
  async firstSlip() {
    await expect.poll(() => this.printed().length, { timeout: 10_000 }).toBeGreaterThan(0);
    return this.printed()[0]!;
  }

  /** Opens the kiosk through a freshly issued one-time launch URL (the host's renderer cookie). */
  async open(): Promise<void> {
    await this.page.goto(this.stack.host.issueLaunchUrl());
    // React's Welcome, not the picture prerendered into index.html: scans and the service
    // gesture need React (prerendered-welcome.spec.ts covers a tap on the picture).
    await expect(this.page.locator('.app:not([data-prerendered])').getByTestId('screen-welcome')).toBeVisible();
  }

  /** Saves a screenshot of the current screen as artifacts/screens/<orientation>/<name>.png. */
  async shot(name: string): Promise<void> {
    // Let the 150 ms loading delay and transitions settle so the picture shows the screen itself.
    await this.page.waitForTimeout(200);
    await this.page.screenshot({ path: path.join(this.shotsDir, `${name}.png`) });
  }

  async typeDigits(digits: string): Promise<void> {
    for (const d of digits) await this.page.getByTestId(`key-${d}`).click();
  }

  async identify(who: PatientKey, opts: { shots?: boolean } = {}): Promise<void> {
    await this.page.getByTestId('screen-welcome').getByRole('button').first().click();
    await expect(this.page.getByTestId('screen-identify')).toBeVisible();
    if (opts.shots) await this.shot('02-identify-empty');
    await this.fillIdentify(who, opts);
  }

  /** On the Identify screen: types the patient's policy and birth date and submits. */
  async fillIdentify(who: PatientKey, opts: { shots?: boolean } = {}): Promise<void> {
    const { policy, birth } = P[who];
    await this.page.getByTestId('field-policy').click();
    await this.typeDigits(policy);
    await this.page.getByTestId('field-birth-day').click();
    await this.typeDigits(birth[0]);
    // The month is picked by name (the keypad gives way to twelve month buttons).
    await this.page.getByTestId('field-birth-month').click();
    await this.page.getByTestId(`month-${birth[1]}`).click();
    await this.page.getByTestId('field-birth-year').click();
    await this.typeDigits(birth[2]);
    if (opts.shots) await this.shot('03-identify-filled');
    await this.page.getByTestId('identify-submit').click();
  }

  async pickReferral(n: number): Promise<void> {
    await expect(this.page.getByTestId('screen-referrals')).toBeVisible();
    await this.page.getByTestId(`referral-${REF(n)}`).click();
  }

  /** From the doctors screen: the first day with free cells and its first time. */
  async pickFirstDayAndTime(resourceGuid: string): Promise<{ date: string; time: string }> {
    await expect(this.page.getByTestId('screen-resources')).toBeVisible();
    await this.page.getByTestId(`resource-${resourceGuid}`).click();
    await expect(this.page.getByTestId('screen-days')).toBeVisible();
    const day = this.page.locator('[data-testid^="day-"]:not([disabled])').first();
    const date = (await day.getAttribute('data-testid'))!.slice('day-'.length);
    await day.click();
    await expect(this.page.getByTestId('screen-times')).toBeVisible();
    const slot = this.page.locator('[data-testid^="time-"]:not([disabled])').first();
    const time = (await slot.getAttribute('data-testid'))!.slice('time-'.length);
    await slot.click();
    await expect(this.page.getByTestId('screen-confirm')).toBeVisible();
    return { date, time };
  }

  errorPanel() {
    return this.page.getByTestId('error-panel');
  }
}

export const test = base.extend<{ kiosk: Kiosk }, { stack: Stack; scannerType: ScannerType; misKind: MisKind; touchGuards: boolean }>({
  /** `test.use({ scannerType: 'serial' })` gives a spec its own stack with that scanner. */
  scannerType: ['none', { scope: 'worker', option: true }],
  /** `test.use({ misKind: 'n3' })`: the spec's stack runs on the N3 HubService simulator. */
  misKind: ['softrust', { scope: 'worker', option: true }],
  /** `test.use({ touchGuards: true })`: the spec's stack has the shipped tremor guards on. */
  touchGuards: [false, { scope: 'worker', option: true }],
  stack: [
    async ({ scannerType, misKind, touchGuards }, use, workerInfo) => {
      const stack = await startStack(`${workerInfo.project.name}-w${workerInfo.workerIndex}`, { scanner: scannerType, mis: misKind, touchGuards });
      await use(stack);
      await stack.close();
    },
    { scope: 'worker' },
  ],
  kiosk: async ({ page, stack }, use, testInfo) => {
    await stack.simHook('/__sim/reset');
    stack.printer.setStatus('ok');
    stack.spy.tokens.length = 0;
    stack.spy.clear();
    stack.core.endSession();
    const shotsDir = path.resolve('artifacts', 'screens', testInfo.project.name);
    mkdirSync(shotsDir, { recursive: true });
    const kiosk = new Kiosk(page, stack, shotsDir);
    await kiosk.open();
    await use(kiosk);
  },
});

export { expect };
