// The metrics through the whole composition: real simulator, real virtual printer, real MIS
// client, real scrape server. What a fleet's Prometheus would read after one patient.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeMethod, Ticket } from '../common/bridge-contract';
import { KioskConfigSchema } from '../core/config/schema';
import { recordingLogger } from '../printing/test-helpers';
import { startVirtualPrinter, type RunningVirtualPrinter } from '../printing/virtual/server';
import type { RunningSimulator } from '../../simulator/server';
import { NOW, P, startTestSim } from '../../simulator/test-helpers';
import { createKioskCore, type KioskCore } from './kiosk-core';

let sim: RunningSimulator;
let printer: RunningVirtualPrinter;
let dir: string;
let core: KioskCore | null = null;

async function value<T>(method: BridgeMethod, input: unknown = {}): Promise<T> {
  const r = await core!.dispatcher(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function build(telemetry: Record<string, unknown>) {
  const config = KioskConfigSchema.parse({
    kioskId: 'METRICS-01',
    api: { baseUrl: sim.url, timeoutMs: 2500, retries: 0 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 500 } },
    telemetry,
  });
  core = await createKioskCore(config, { log: recordingLogger(), userDataDir: dir, now: () => new Date(NOW), version: '9.9.9' });
}

async function scrape(): Promise<string> {
  const res = await fetch(`${core!.metricsUrl()}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}
const valueOf = (text: string, series: string) => Number(text.split('\n').find((l) => l.startsWith(series + ' '))?.split(' ')[1]);

beforeEach(async () => {
  sim = await startTestSim();
  dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-metrics-'));
  printer = await startVirtualPrinter({ port: 0, outDir: path.join(dir, 'slips'), quiet: true });
});

afterEach(async () => {
  await core?.close();
  core = null;
  await printer.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('metrics of a kiosk core', () => {
  it('off by default: no server, no address', async () => {
    await build({});
    expect(core!.metricsUrl()).toBeNull();
  });

  it('one booking and one slip are counted; the printer and MIS series follow reality', async () => {
    await build({ metricsPort: 0 });
    await core!.probeNow();
    let text = await scrape();
    expect(valueOf(text, 'infomat_info{version="9.9.9",kiosk_id="METRICS-01"}')).toBe(1);
    expect(valueOf(text, 'infomat_mis_up')).toBe(1);
    expect(valueOf(text, 'infomat_printer_ready')).toBe(1);
    expect(valueOf(text, 'infomat_printer_paper{state="ok"}')).toBe(1);

    await value('identify', { policy: P.P1.n_pol, birthDate: P.P1.Birthday });
    const refs = await value<Array<{ guid: string; bookable: boolean }>>('listReferrals');
    const referralGuid = refs.find((r) => r.bookable)!.guid;
    const clinics = await value<Array<{ guid: string; online: boolean }>>('listClinics', { referralGuid });
    const lpuGuid = clinics.find((c) => c.online)!.guid;
    const res = await value<Array<{ resourceGuid: string; days: Array<{ date: string; slots: Array<{ time: string }> }> }>>('listSchedule', { referralGuid, lpuGuid });
    const r = res.find((x) => x.days.length > 0)!;
    const ticket = await value<Ticket>('book', { referralGuid, lpuGuid, resourceGuid: r.resourceGuid, date: r.days[0]!.date, time: r.days[0]!.slots[0]!.time });
    await value('printTicket', { ticketGuid: ticket.ticketGuid, again: false, language: 'ru' });
    await value('endSession');

    printer.setStatus('paper-end');
    await core!.probeNow();
    text = await scrape();
    expect(valueOf(text, 'infomat_bookings_total{outcome="created"}')).toBe(1);
    expect(valueOf(text, 'infomat_bookings_by_kind_total{kind="referral"}')).toBe(1);
    expect(valueOf(text, 'infomat_prints_total{outcome="printed"}')).toBe(1);
    expect(valueOf(text, 'infomat_sessions_total{end_reason="patient"}')).toBe(1);
    expect(valueOf(text, 'infomat_mis_request_duration_seconds_count{endpoint="book"}')).toBe(1);
    expect(valueOf(text, 'infomat_mis_request_duration_seconds_count{endpoint="token"}')).toBe(1);
    expect(valueOf(text, 'infomat_printer_ready')).toBe(0);
    expect(valueOf(text, 'infomat_printer_paper{state="end"}')).toBe(1);
    for (const secret of [P.P1.n_pol, referralGuid, lpuGuid, ticket.ticketGuid]) expect(text).not.toContain(secret);
  });

  it('a MIS that stops answering makes infomat_mis_up 0', async () => {
    await build({ metricsPort: 0 });
    await sim.close();
    await core!.probeNow();
    expect(valueOf(await scrape(), 'infomat_mis_up')).toBe(0);
    sim = await startTestSim(); // afterEach closes it
  });

  it('a port already taken: the kiosk still starts, without metrics', async () => {
    await build({ metricsPort: 0 });
    const taken = Number(new URL(core!.metricsUrl()!).port);
    const first = core!;
    core = null;
    try {
      await build({ metricsPort: taken });
      expect(core!.metricsUrl()).toBeNull();
      expect((await core!.dispatcher('listReferrals', {})).ok).toBe(false); // no session, but it answers
    } finally {
      await first.close();
    }
  });
});
