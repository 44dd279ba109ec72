// The central configuration through the real browser host: the kiosk reads its local
// config.json, asks the configuration server (fleet.url) for the fleet's, its clinic's and its
// own signed documents, restarts into a new configuration only at a quiet moment, refuses a
// wrongly signed or invalid one and keeps working, and rolls back one it does not come up
// healthy with. The screens, /metrics and service mode show what runs.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CARDIOLOGIST, Kiosk, expect, test } from '../support/fixtures';
import { FLEET_CLINIC, QUIET_MS, TRIAL_SECONDS, startFleetStack, type FleetStack } from '../support/fleet-stack';
import { E2E_SERVICE_PIN } from '../support/service-pin';
import { testKey } from '../../electron/core/updates/testing/releases';
import type { Stack } from '../support/stack';

const CLINIC_DOC = `clinics/${FLEET_CLINIC}.json`;

async function openKiosk(page: Page, fs: FleetStack): Promise<void> {
  await page.goto(fs.host().issueLaunchUrl());
  await expect(page.locator('.app:not([data-prerendered])').getByTestId('screen-welcome')).toBeVisible();
}

/** One series' value from the kiosk's /metrics, or null. */
async function metric(fs: FleetStack, series: string): Promise<number | null> {
  const line = (await fs.metrics()).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ').pop()) : null;
}

/** Fleet defaults on the server, taken up at once (nobody at the screen) and confirmed healthy. */
async function onFleetDefaults(fs: FleetStack): Promise<void> {
  fs.publish('fleet.json', 1, { idle: { seconds: 90 } });
  expect(await fs.check()).toEqual({ kind: 'ready', version: 'f1' });
  await fs.restarted(1);
  await expect.poll(() => fs.fleet().origin(), { timeout: 15_000 }).toMatchObject({ source: 'central', version: 'f1', trial: false });
}

test.describe('central configuration', () => {
  let fs: FleetStack | null = null;

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  test.afterEach(async ({}, testInfo) => {
    if (fs && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('kiosk.log', { body: fs.logLines.join('\n'), contentType: 'text/plain' });
    await fs?.close();
    fs = null;
  });

  test('a signed clinic override is picked up at a quiet moment; service mode and the metrics say what runs', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'portrait', 'the configuration cycle does not depend on the screen orientation: run once, in portrait');
    test.setTimeout(150_000);
    fs = await startFleetStack(`${testInfo.project.name}-fleet-pickup`);
    const stack = fs;

    // Nothing on the server yet: the kiosk runs its local file and says so.
    await openKiosk(page, stack);
    await expect(page.getByTestId('screen-welcome')).toContainText('Записаться по направлению');
    expect(await stack.check()).toMatchObject({ kind: 'unreachable', detail: expect.stringContaining('fleet.json') });
    expect(await metric(stack, `infomat_config_info{version="${stack.boot().origin.version}",source="local"}`)).toBe(1);

    await onFleetDefaults(stack);
    expect(stack.boot().config.idle.seconds).toBe(90);

    // A patient at the screen: the clinic's new configuration waits.
    await openKiosk(page, stack);
    const shotsDir = path.resolve('artifacts', 'screens', testInfo.project.name);
    mkdirSync(shotsDir, { recursive: true });
    const kiosk = new Kiosk(page, stack as unknown as Stack, shotsDir);
    await kiosk.identify('P1');
    await expect(page.getByTestId('screen-referrals')).toBeVisible();
    stack.publish(CLINIC_DOC, 1, { language: 'en' });
    expect(await stack.check()).toEqual({ kind: 'ready', version: 'f1.c1' });
    await page.waitForTimeout(QUIET_MS + 1500);
    expect(stack.restarts()).toBe(1);
    expect(stack.logLines.some((l) => l.includes('"event":"config.waiting"') && l.includes('"version":"f1.c1"'))).toBe(true);
    await expect(page.getByTestId('screen-referrals')).toBeVisible();

    // The patient leaves; once the screen has been quiet, the kiosk restarts into it.
    const left = Date.now();
    await page.getByTestId('nav-restart').click();
    await page.getByTestId('restart-confirm').click();
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await stack.restarted(2);
    expect(Date.now() - left).toBeGreaterThanOrEqual(QUIET_MS - 500);
    await expect.poll(() => stack.fleet().origin(), { timeout: 15_000 }).toMatchObject({ source: 'central', version: 'f1.c1', trial: false });

    await openKiosk(page, stack);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('screen-welcome')).toContainText('Book with a referral');
    expect(await metric(stack, 'infomat_config_info{version="f1.c1",source="central"}')).toBe(1);
    const applied = stack.logLines.filter((l) => l.includes('"level":"audit"') && l.includes('"event":"config.applied"'));
    expect(applied.map((l) => (JSON.parse(l) as { version: string }).version)).toEqual(['f1', 'f1.c1']);

    // Service mode: the version and where it came from.
    for (let i = 0; i < 5; i++) await page.touchscreen.tap(14, 14);
    const pad = page.getByTestId('service-pin');
    await expect(pad).toHaveAttribute('data-state', 'ready');
    for (const d of E2E_SERVICE_PIN) await pad.getByTestId(`key-${d}`).click();
    await pad.getByTestId('service-pin-submit').click();
    await page.getByTestId('service-tab-about').click();
    const about = page.getByTestId('service-section-about');
    await expect(about).toContainText(/from the server, version f1\.c1, applied \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await expect(about).toContainText(`${new URL(stack.server.url).host}`);
    await expect(about).toContainText(`clinic ${FLEET_CLINIC}`);
    await kiosk.shot('fleet-01-service-about');
    await page.getByTestId('service-return').click();

    // The configuration in use books as before (the language came from the server).
    await kiosk.identify('P1');
    await kiosk.pickReferral(101);
    await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
    await page.getByTestId('confirm-book').click();
    await expect(page.getByTestId('screen-ticket')).toBeVisible();
  });

  test('a wrongly signed or invalid override is refused and the kiosk keeps working; one that leaves it unhealthy is rolled back', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'portrait', 'the configuration cycle does not depend on the screen orientation: run once, in portrait');
    test.setTimeout(150_000);
    fs = await startFleetStack(`${testInfo.project.name}-fleet-refusals`);
    const stack = fs;
    await onFleetDefaults(stack);
    stack.publish(CLINIC_DOC, 1, { language: 'en' });
    expect(await stack.check()).toEqual({ kind: 'ready', version: 'f1.c1' });
    await stack.restarted(2);
    await expect.poll(() => stack.fleet().origin(), { timeout: 15_000 }).toMatchObject({ version: 'f1.c1', trial: false });
    await openKiosk(page, stack);

    // Signed by a key this build does not pin.
    stack.publish(CLINIC_DOC, 2, { language: 'ru' }, [testKey()]);
    expect(await stack.check()).toEqual({ kind: 'refused', reason: 'unknown-key' });
    // Edited on the server after signing.
    const signed = stack.server.files.get(CLINIC_DOC);
    stack.publish(CLINIC_DOC, 2, { language: 'ru' });
    const tampered = Buffer.from(String(stack.server.files.get(CLINIC_DOC)).replace('"ru"', '"en"'));
    stack.server.files.set(CLINIC_DOC, tampered);
    expect(signed).not.toEqual(tampered);
    expect(await stack.check()).toEqual({ kind: 'refused', reason: 'bad-signature' });
    // Properly signed, but a value the schema does not allow.
    stack.publish(CLINIC_DOC, 2, { idle: { seconds: 5 } });
    expect(await stack.check()).toEqual({ kind: 'refused', reason: 'invalid' });
    const invalid = stack.logLines.map((l) => JSON.parse(l) as { level: string; event: string; reason?: string; problems?: string[] }).find((e) => e.level === 'audit' && e.reason === 'invalid');
    expect(invalid?.problems).toEqual([expect.stringMatching(/^idle\.seconds: ожидается целое число от 10 до 3600/)]);

    expect(await metric(stack, 'infomat_config_refused_total{reason="unknown-key"}')).toBe(1);
    expect(await metric(stack, 'infomat_config_refused_total{reason="bad-signature"}')).toBe(1);
    expect(await metric(stack, 'infomat_config_refused_total{reason="invalid"}')).toBe(1);
    // It keeps working on what it had: no restart, English, a patient goes on.
    await page.waitForTimeout(QUIET_MS + 1000);
    expect(stack.restarts()).toBe(2);
    await expect(page.getByTestId('screen-welcome')).toContainText('Book with a referral');
    await page.getByTestId('start').click();
    await expect(page.getByTestId('screen-identify')).toBeVisible();
    await page.getByTestId('nav-restart').click();

    // Signed and valid, but its printer address leaves the kiosk without a printer: on trial
    // after the restart, the printer never comes up, and the kiosk goes back to f1.c1.
    stack.publish(CLINIC_DOC, 3, { language: 'en', printer: { transport: { type: 'tcp', host: '127.0.0.1', port: 9, timeoutMs: 500 } } });
    expect(await stack.check()).toEqual({ kind: 'ready', version: 'f1.c3' });
    await stack.restarted(3);
    expect(stack.fleet().origin()).toMatchObject({ version: 'f1.c3', trial: true });
    await openKiosk(page, stack);
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await stack.restarted(4, (TRIAL_SECONDS + QUIET_MS + 15) * 1000);
    expect(stack.fleet().origin()).toMatchObject({ source: 'central', version: 'f1.c1', trial: false });
    expect(stack.logLines.some((l) => l.includes('"event":"config.rollback"') && l.includes('"version":"f1.c3"') && l.includes('printer'))).toBe(true);
    expect(await metric(stack, 'infomat_config_refused_total{reason="unhealthy"}')).toBe(1);
    expect(await metric(stack, 'infomat_config_info{version="f1.c1",source="central"}')).toBe(1);
    await openKiosk(page, stack);
    await expect(page.getByTestId('screen-welcome')).toContainText('Book with a referral');
    await expect.poll(async () => (await stack.core().checkHealth()).printer).toBe('ready');
    // The given-up set is not tried again until the server offers another.
    expect(await stack.check()).toEqual({ kind: 'refused-before', version: 'f1.c3' });
    expect(stack.restarts()).toBe(4);
  });
});
