// The kiosk's metrics as the fleet's real Prometheus reads them: Debian's prometheus scrapes
// the kiosk every second with the shipped alert rules; one patient books through the screens
// and the paper runs out.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { startStack, type Stack } from '../support/stack';
import { CARDIOLOGIST, Kiosk, expect, test } from '../support/fixtures';
import { hasPrometheus, startPrometheus, type RunningPrometheus } from '../support/prometheus';

const TOKEN = 'e2e-scrape-token-0123456789';

test.describe('metrics scraped by a real Prometheus', () => {
  let stack: Stack | null = null;
  let prom: RunningPrometheus | null = null;

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  test.afterEach(async ({}, testInfo) => {
    if (prom && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('prometheus.log', { body: prom.log(), contentType: 'text/plain' });
    await prom?.stop();
    await stack?.close();
    prom = null;
    stack = null;
  });

  test('one booking counts 1 in Prometheus; paper end fires InfomatPaperEnd', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'portrait', 'metrics do not depend on the screen orientation: run once, in portrait');
    test.skip(!hasPrometheus, 'no /usr/bin/prometheus: apt-get install prometheus (scripts/setup.sh installs it)');
    stack = await startStack(`${testInfo.project.name}-metrics`, {
      kioskId: 'E2E-METRICS',
      telemetry: { metricsPort: 0, bearerToken: TOKEN, probeSeconds: 1 },
    });
    const metricsUrl = stack.core.metricsUrl();
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Without the token the kiosk shows nothing.
    expect((await fetch(`${metricsUrl}/metrics`)).status).toBe(401);

    prom = await startPrometheus({
      target: new URL(metricsUrl!).host,
      bearerToken: TOKEN,
      ruleFiles: [path.resolve('build/monitoring/infomat-alerts.yml')],
    });
    const p = prom;
    const one = async (expr: string) => (await p.query(expr))[0]?.value;
    await expect.poll(() => one('up{job="infomat"}'), { timeout: 20_000, message: 'Prometheus scrapes the kiosk' }).toBe(1);
    expect(await one('infomat_info{kiosk_id="E2E-METRICS"}')).toBe(1);
    expect(await one('sum(infomat_bookings_total)')).toBe(0);
    await expect.poll(() => one('infomat_printer_paper{state="ok"}'), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => one('infomat_mis_up'), { timeout: 10_000 }).toBe(1);

    const shotsDir = path.resolve('artifacts', 'screens', testInfo.project.name);
    mkdirSync(shotsDir, { recursive: true });
    const kiosk = new Kiosk(page, stack, shotsDir);
    await kiosk.open();
    await kiosk.identify('P1');
    await kiosk.pickReferral(101);
    await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
    await page.getByTestId('confirm-book').click();
    await expect(page.getByTestId('screen-ticket')).toBeVisible();
    await expect(page.getByTestId('print-status')).toContainText(/возьмите талон/i, { timeout: 15_000 });

    await expect.poll(() => one('sum(infomat_bookings_total)'), { timeout: 15_000, message: 'one booking in Prometheus' }).toBe(1);
    expect(await one('infomat_bookings_total{outcome="created"}')).toBe(1);
    await expect.poll(() => one('infomat_prints_total{outcome="printed"}'), { timeout: 10_000 }).toBe(1);
    expect(await one('sum(infomat_mis_request_duration_seconds_count{endpoint="book"})')).toBe(1);
    expect((await p.alerts()).filter((a) => a.labels.alertname === 'InfomatPaperEnd')).toEqual([]);

    stack.printer.setStatus('paper-end');
    await expect
      .poll(
        async () => (await p.alerts()).filter((a) => a.labels.alertname === 'InfomatPaperEnd' && a.state === 'firing').map((a) => a.labels.kiosk_id),
        { timeout: 20_000, message: 'InfomatPaperEnd fires for this kiosk' },
      )
      .toEqual(['E2E-METRICS']);
    expect(await one('infomat_printer_ready')).toBe(0);
    // No patient data reached the time series database.
    const labels = JSON.stringify(await p.query('{job="infomat"}'));
    expect(labels).not.toContain('5000000000000001');
  });
});
