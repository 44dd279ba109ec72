// The scrape endpoint as Prometheus (or a curious neighbour on the LAN) sees it.
import { afterEach, describe, expect, it } from 'vitest';
import { contentType } from 'prom-client';
import { silentLogger } from '../ports';
import { createKioskMetrics } from './kiosk-metrics';
import { startMetricsServer, type RunningMetricsServer } from './metrics-server';

let server: RunningMetricsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const REF = '5b0c8f0e-0000-4000-8000-000000000101';
const LPU = '3c1e7b2a-0000-4000-8000-000000000001';

async function serve(bearerToken?: string) {
  const metrics = createKioskMetrics({ version: '1.2.3', kioskId: 'K-7' });
  server = await startMetricsServer({ host: '127.0.0.1', port: 0, bearerToken, render: () => metrics.render(), contentType, log: silentLogger });
  return metrics;
}

/** One sample's value from the exposition text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('shows what happened on the kiosk, in series with fixed labels only', async () => {
    const m = await serve();
    m.audit('booking.created', { kind: 'self', lpuGuid: LPU });
    m.audit('booking.refused', { kind: 'referral' });
    m.audit('booking.reconciled', { kind: 'reschedule' });
    m.audit('booking.created', { kind: 'a patient typed this' }); // not a kind: not labelled
    m.audit('waitlist.joined', { reason: 'noSlots', for: 'speciality', lpuGuid: LPU });
    m.audit('waitlist.joined', { reason: '9161234567', for: 'speciality' }); // never a label
    m.audit('booking.reconciling'); // a step, not an outcome: not counted
    m.audit('print.printed');
    m.audit('print.failed');
    m.sessionEnded('idle');
    m.bridgeError('network');
    m.bridgeError('made-up-kind');
    m.misRequest({ method: 'GET', path: `/api/v2/directions/${REF}/schedule?lpuGuid=${LPU}`, status: 200, seconds: 0.3 });
    m.misRequest({ method: 'POST', path: `/api/v2/directions/visit/${LPU}`, status: 200, seconds: 1.5 });
    m.misRequest({ method: 'GET', path: `/somewhere/${REF}`, status: 404, seconds: 0.1 });
    m.printerReadiness('near-end');
    m.misUp(true);
    m.updateRefused('bad-signature');
    m.updateRefused('pulled');
    m.updateRefused('pulled');
    (m.updateRefused as (r: string) => void)('not-a-reason');

    const res = await fetch(`${server!.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'infomat_info{version="1.2.3",kiosk_id="K-7"}')).toBe(1);
    expect(sample(text, 'infomat_bookings_total{outcome="created"}')).toBe(2);
    expect(sample(text, 'infomat_bookings_by_kind_total{kind="self"}')).toBe(1);
    expect(sample(text, 'infomat_bookings_by_kind_total{kind="reschedule"}')).toBe(1);
    expect(sample(text, 'infomat_bookings_by_kind_total{kind="referral"}')).toBe(0); // refused: not a booking
    expect(sample(text, 'infomat_waiting_list_requests_total{reason="noSlots",for="speciality"}')).toBe(1);
    expect(sample(text, 'infomat_waiting_list_requests_total{reason="noConvenientTime",for="referral"}')).toBe(0);
    expect(text).not.toContain('9161234567');
    expect(text).not.toContain('a patient typed this');
    expect(sample(text, 'infomat_bookings_total{outcome="refused"}')).toBe(1);
    expect(sample(text, 'infomat_bookings_total{outcome="unknown"}')).toBe(0);
    expect(text).not.toContain('outcome="reconciling"');
    expect(sample(text, 'infomat_prints_total{outcome="printed"}')).toBe(1);
    expect(sample(text, 'infomat_prints_total{outcome="failed"}')).toBe(1);
    expect(sample(text, 'infomat_sessions_total{end_reason="idle"}')).toBe(1);
    expect(sample(text, 'infomat_bridge_errors_total{kind="network"}')).toBe(1);
    expect(sample(text, 'infomat_bridge_errors_total{kind="other"}')).toBe(1);
    expect(sample(text, 'infomat_mis_request_duration_seconds_count{endpoint="direction_schedule"}')).toBe(1);
    expect(sample(text, 'infomat_mis_request_duration_seconds_count{endpoint="book"}')).toBe(1);
    expect(sample(text, 'infomat_mis_request_duration_seconds_bucket{le="1",endpoint="book"}')).toBe(0);
    expect(sample(text, 'infomat_mis_request_duration_seconds_bucket{le="2",endpoint="book"}')).toBe(1);
    expect(sample(text, 'infomat_mis_request_duration_seconds_count{endpoint="other"}')).toBe(1);
    expect(sample(text, 'infomat_printer_ready')).toBe(1);
    expect(sample(text, 'infomat_printer_paper{state="near_end"}')).toBe(1);
    expect(sample(text, 'infomat_printer_paper{state="ok"}')).toBe(0);
    expect(sample(text, 'infomat_mis_up')).toBe(1);
    expect(sample(text, 'infomat_update_refused_total{reason="bad-signature"}')).toBe(1);
    expect(sample(text, 'infomat_update_refused_total{reason="pulled"}')).toBe(2);
    expect(sample(text, 'infomat_update_refused_total{reason="unsigned"}')).toBe(0);
    expect(text).not.toContain('not-a-reason');
    // Patients' referral and clinic GUIDs never become a label.
    expect(text).not.toContain(REF);
    expect(text).not.toContain(LPU);
  });

  it('paper end: not ready, paper "end"; offline: paper unknown (all 0)', async () => {
    const m = await serve();
    m.printerReadiness('paper-end');
    let text = await (await fetch(`${server!.url}/metrics`)).text();
    expect(sample(text, 'infomat_printer_ready')).toBe(0);
    expect(sample(text, 'infomat_printer_paper{state="end"}')).toBe(1);
    m.printerReadiness('offline');
    text = await (await fetch(`${server!.url}/metrics`)).text();
    expect(sample(text, 'infomat_printer_paper{state="end"}')).toBe(0);
    expect(sample(text, 'infomat_printer_paper{state="ok"}')).toBe(0);
    expect(sample(text, 'infomat_printer_state{state="offline"}')).toBe(1);
  });

  it('with a bearer token, a scrape without it (or with another) gets 401 and no series', async () => {
    await serve('s3cret-token-for-scrapes');
    const none = await fetch(`${server!.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.text()).not.toContain('infomat_');
    const wrong = await fetch(`${server!.url}/metrics`, { headers: { Authorization: 'Bearer s3cret-token-for-scrapeZ' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server!.url}/metrics`, { headers: { Authorization: 'Bearer s3cret-token-for-scrapes' } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('infomat_info');
  });

  it('serves nothing but GET /metrics', async () => {
    await serve();
    expect((await fetch(`${server!.url}/`)).status).toBe(404);
    expect((await fetch(`${server!.url}/metrics/../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server!.url}/metrics`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('listens on loopback by default', async () => {
    await serve();
    expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
