// One simulated kiosk: the real kiosk core (createKioskCore: the bridge dispatcher, the patient
// session, the booking use cases, the print journal, service mode, the health monitor and the
// metrics server with its probe) without a renderer, on the replayed MIS and a light printer of
// its own; and its patients, who go through the bridge as the screens would call it.
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createKioskCore, type KioskCore } from '../../../electron/compose/kiosk-core';
import { KioskConfigSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/ports';
import { startFakePrinter, type FakePrinter } from './fake-printer';
import { PATIENT, replayMis, type Recording, type ReplayMis } from './replay-mis';

/** The MIS probe of the health monitor asks this (by clinic path); a clinic whose MIS is down gets 503. */
export interface ProbeServer {
  url: string;
  down: Set<string>;
  close(): Promise<void>;
}

export async function startProbeServer(): Promise<ProbeServer> {
  const down = new Set<string>();
  const server = http.createServer((req, res) => {
    const clinic = /^\/c\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '';
    if (down.has(clinic)) return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"name":"Infomat"}');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', 1024, r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    down,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface SimKiosk {
  id: string;
  clinic: string;
  core: KioskCore;
  mis: ReplayMis;
  printer: FakePrinter;
  metricsPort: number;
  /** Sessions per simulated hour at this kiosk, relative to the average kiosk. */
  busyness: number;
  sessions: number;
  /** false once the kiosk program is "down" (its core closed). */
  up: boolean;
  close(): Promise<void>;
}

export interface SimKioskOptions {
  id: string;
  clinic: string;
  rec: Recording;
  probe: ProbeServer;
  dataDir: string;
  medianMisMs: number;
  busyness: number;
  pinHash?: string;
}

export async function startSimKiosk(o: SimKioskOptions): Promise<SimKiosk> {
  const printer = await startFakePrinter();
  const mis = replayMis(o.rec, { medianMs: o.medianMisMs, refusalShare: 0.06 });
  const dir = path.join(o.dataDir, o.id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const config = KioskConfigSchema.parse({
    kioskId: o.id,
    api: { baseUrl: `${o.probe.url}/c/${o.clinic}/`, timeoutMs: 5000, retries: 0 },
    booking: { reconcilePolls: 1, reconcileIntervalMs: 100 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 2000 } },
    telemetry: { metricsPort: 0, probeSeconds: 30 },
    health: { intervalSeconds: 30 },
    ...(o.pinHash ? { service: { pinHash: o.pinHash } } : {}),
  });
  const core = await createKioskCore(config, {
    log: silentLogger,
    userDataDir: dir,
    mis,
    version: '1.5.0-sim',
    configOrigin: () => ({ source: 'central', version: `f3.c${1 + (Number(o.clinic.slice(1)) % 4)}`, url: 'https://cfg.example.ru/infomat/config/', appliedAt: null, trial: false }),
  });
  mis.attach(core.metrics);
  const kiosk: SimKiosk = {
    id: o.id,
    clinic: o.clinic,
    core,
    mis,
    printer,
    metricsPort: Number(new URL(core.metricsUrl()!).port),
    busyness: o.busyness,
    sessions: 0,
    up: true,
    async close() {
      if (kiosk.up) await core.close();
      kiosk.up = false;
      await printer.close();
    },
  };
  return kiosk;
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { kind: string; message: string } };

export type SessionOutcome = 'booked' | 'refused' | 'failed' | 'no-slot';

/** One patient: policy, referrals, a doctor's first free time, the booking, the slip, «Готово». */
export async function runSession(k: SimKiosk, rec: Recording): Promise<SessionOutcome> {
  const call = async (method: string, input: object): Promise<Envelope> => (await k.core.dispatcher(method, input)) as Envelope;
  k.sessions += 1;
  try {
    const who = await call('identify', PATIENT);
    if (!who.ok) return 'failed';
    const refs = await call('listReferrals', {});
    if (!refs.ok) return 'failed';
    const ref = (refs.value as Array<{ guid: string; bookable: boolean }>).find((r) => r.guid === rec.bookRef && r.bookable);
    if (!ref) return 'no-slot';
    const sch = await call('listSchedule', { referralGuid: ref.guid, lpuGuid: rec.bookLpu });
    if (!sch.ok) return 'failed';
    const res = (sch.value as Array<{ resourceGuid: string; days: Array<{ date: string; slots: Array<{ time: string }> }> }>).find((r) => r.days.some((d) => d.slots.length > 0));
    const day = res?.days.find((d) => d.slots.length > 0);
    if (!res || !day) return 'no-slot';
    const booked = await call('book', { referralGuid: ref.guid, lpuGuid: rec.bookLpu, resourceGuid: res.resourceGuid, date: day.date, time: day.slots[0]!.time });
    if (!booked.ok) return booked.error.kind === 'validation' ? 'refused' : 'failed';
    await call('printTicket', { ticketGuid: (booked.value as { ticketGuid: string }).ticketGuid, again: false, language: 'ru' });
    return 'booked';
  } finally {
    await call('endSession', {});
  }
}

/** Five wrong PINs at the service keypad: the lock. */
export async function guessPins(k: SimKiosk): Promise<void> {
  for (let i = 0; i < 5; i++) await k.core.dispatcher('serviceEnter', { pin: String(111111 + i) });
}
