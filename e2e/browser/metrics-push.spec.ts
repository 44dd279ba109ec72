// Metrics pushed from behind NAT, with two real Debian Prometheus processes: the kiosk-side
// agent (--enable-feature=agent) with the config the Linux installer writes, scraping the
// kiosk's loopback /metrics, and the region's server with the remote-write receiver behind TLS
// (a CA made at test time) and a password per kiosk, evaluating the shipped alert rules. Nothing
// reaches the kiosk from outside. A booking shows up centrally; paper end fires there.
import https from 'node:https';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from '../support/stack';
import { CARDIOLOGIST, Kiosk, expect, test } from '../support/fixtures';
import { bcryptHash } from '../../scripts/fleet/bcrypt';
import { makeTestTls } from '../../scripts/fleet/tls';
import { hasPrometheus, startPrometheusProcess, type PromProcess } from '../../scripts/fleet/prometheus';
import { centralConfig, centralWebConfig, renderAgentConfig, withScrapeInterval } from '../../scripts/fleet/agent-config';

const KIOSK = 'E2E-PUSH';

/** A remote_write request with a wrong password: what the receiver says. */
function writeWithPassword(url: string, ca: string, user: string, password: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${url}/api/v1/write`, { method: 'POST', ca, auth: `${user}:${password}`, headers: { 'content-type': 'application/x-protobuf' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(Buffer.alloc(0));
  });
}

test.describe('metrics pushed to a central Prometheus', () => {
  let stack: Stack | null = null;
  let central: PromProcess | null = null;
  let agent: PromProcess | null = null;
  let dir: string | null = null;

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      if (central) await testInfo.attach('central.log', { body: central.log(), contentType: 'text/plain' });
      if (agent) await testInfo.attach('agent.log', { body: agent.log(), contentType: 'text/plain' });
    }
    await agent?.stop();
    await central?.stop();
    await stack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    agent = central = stack = null;
    dir = null;
  });

  test('the kiosk agent pushes over TLS with its own password; a booking counts centrally and paper end fires there', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'portrait', 'metrics do not depend on the screen orientation: run once, in portrait');
    test.skip(!hasPrometheus, 'no /usr/bin/prometheus: apt-get install prometheus (scripts/setup.sh installs it)');
    test.setTimeout(150_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-e2e-push-'));
    const tls = makeTestTls(dir);
    const kioskPassword = randomBytes(18).toString('base64url');
    const readerPassword = randomBytes(18).toString('base64url');
    const passwordFile = path.join(dir, 'password');
    writeFileSync(passwordFile, kioskPassword + '\n', { mode: 0o600 });

    // The region: remote-write receiver, the shipped rules, TLS, a password per kiosk (and one for readers).
    central = await startPrometheusProcess({
      role: 'server',
      config: centralConfig({ evaluationInterval: '1s' }),
      webConfig: centralWebConfig(tls, { [KIOSK]: bcryptHash(kioskPassword), reader: bcryptHash(readerPassword) }),
      access: { ca: tls.ca, user: 'reader', password: readerPassword },
      args: ['--web.enable-remote-write-receiver'],
    });
    const c = central;
    // Without this kiosk's password the receiver takes nothing.
    expect(await writeWithPassword(c.url, tls.ca, KIOSK, 'not-the-password')).toBe(401);

    // The kiosk: metrics on 127.0.0.1 only, no token (nothing but the agent on this machine reads them).
    stack = await startStack(`${testInfo.project.name}-metrics-push`, { kioskId: KIOSK, telemetry: { metricsPort: 0, probeSeconds: 1 } });
    const metricsUrl = new URL(stack.core.metricsUrl()!);
    expect(metricsUrl.hostname).toBe('127.0.0.1');

    // The agent with the config install-metrics-agent.sh writes; only its scrape runs every second here.
    const agentYml = withScrapeInterval(
      renderAgentConfig({ kioskId: KIOSK, clinic: 'C42', metricsPort: Number(metricsUrl.port), remoteWriteUrl: `${c.url}/api/v1/write`, passwordFile, caFile: tls.caFile }),
      '1s',
    );
    agent = await startPrometheusProcess({ role: 'agent', config: agentYml });

    const one = async (expr: string) => (await c.query(expr))[0]?.value;
    await expect.poll(() => one(`up{job="infomat", instance="${KIOSK}", kiosk="${KIOSK}", clinic="C42"}`), { timeout: 30_000, message: 'the kiosk arrives centrally' }).toBe(1);
    expect(await one(`infomat_info{kiosk_id="${KIOSK}"}`)).toBe(1);
    expect(await one('sum(infomat_bookings_total)')).toBe(0);
    await expect.poll(() => one('infomat_printer_paper{state="ok"}'), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => one('infomat_mis_up'), { timeout: 15_000 }).toBe(1);
    expect(await one(`infomat_config_info{instance="${KIOSK}", source="local"}`)).toBe(1);
    // Only what the rules and the dashboard read crossed the network.
    for (const dropped of ['infomat_patient_idle_seconds', 'infomat_mis_request_duration_seconds_sum', 'infomat_bookings_by_kind_total', 'scrape_duration_seconds', 'infomat_printer_state{state="ready"}']) {
      expect(await c.query(dropped), dropped).toEqual([]);
    }
    expect(await one('count(infomat_printer_state)')).toBe(3);
    const perKiosk = await one(`count({instance="${KIOSK}"})`);
    expect(perKiosk).toBeGreaterThan(150);
    expect(perKiosk).toBeLessThan(210);
    testInfo.annotations.push({ type: 'series per kiosk at the receiver', description: String(perKiosk) });

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

    await expect.poll(() => one(`infomat_bookings_total{instance="${KIOSK}", outcome="created"}`), { timeout: 30_000, message: 'the booking arrives centrally' }).toBe(1);
    await expect.poll(() => one(`infomat_prints_total{instance="${KIOSK}", outcome="printed"}`), { timeout: 15_000 }).toBe(1);
    expect(await one(`sum(infomat_mis_request_duration_seconds_bucket{instance="${KIOSK}", endpoint="book", le="+Inf"})`)).toBe(1);
    expect((await c.alerts()).filter((a) => a.labels.alertname === 'InfomatPaperEnd')).toEqual([]);

    stack.printer.setStatus('paper-end');
    await expect
      .poll(
        async () => (await c.alerts()).filter((a) => a.labels.alertname === 'InfomatPaperEnd' && a.state === 'firing').map((a) => [a.labels.kiosk_id, a.labels.instance]),
        { timeout: 30_000, message: 'InfomatPaperEnd fires centrally for this kiosk' },
      )
      .toEqual([[KIOSK, KIOSK]]);
    // Nothing failed on the way, and no patient data reached the region.
    const sent = await agent.selfMetrics();
    expect([...sent].filter(([k, v]) => k.startsWith('prometheus_remote_storage_samples_failed_total') && v > 0)).toEqual([]);
    expect(JSON.stringify(await c.query(`{instance="${KIOSK}"}`))).not.toContain('5000000000000001');
  });
});
