// Fault injection for the booking transaction and the print-once rules, through the whole
// composition (real MIS client, real simulator behind a fault proxy, real virtual printer).
// Each case checks what the patient gets, what the MIS holds, and how many slips came out.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeMethod, Envelope, Ticket } from '../common/bridge-contract';
import { KioskConfigSchema } from '../core/config/schema';
import { recordingLogger } from '../printing/test-helpers';
import { startVirtualPrinter, type RunningVirtualPrinter } from '../printing/virtual/server';
import { startFaultProxy, type FaultProxy } from '../../simulator/fault-proxy';
import type { RunningSimulator } from '../../simulator/server';
import { api, NOW, P, startTestSim } from '../../simulator/test-helpers';
import { createKioskCore, type KioskCore } from './kiosk-core';
import { E2E_SERVICE_PIN, E2E_SERVICE_PIN_HASH } from '../../e2e/support/service-pin';

const BOOK = /^\/api\/v2\/directions\/visit\//;

let sim: RunningSimulator;
let proxy: FaultProxy;
let printer: RunningVirtualPrinter;
let dir: string;
let core: KioskCore;
let log: ReturnType<typeof recordingLogger>;

async function call<T = unknown>(method: BridgeMethod, input: unknown = {}): Promise<Envelope<T>> {
  return (await core.dispatcher(method, input)) as Envelope<T>;
}
async function value<T>(method: BridgeMethod, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** P1's first bookable cell. */
async function firstCell() {
  await value('identify', { policy: P.P1.n_pol, birthDate: P.P1.Birthday });
  const refs = await value<Array<{ guid: string; bookable: boolean }>>('listReferrals');
  const referralGuid = refs.find((r) => r.bookable)!.guid;
  const clinics = await value<Array<{ guid: string; online: boolean }>>('listClinics', { referralGuid });
  const lpuGuid = clinics.find((c) => c.online)!.guid;
  const res = await value<Array<{ resourceGuid: string; days: Array<{ date: string; slots: Array<{ time: string }> }> }>>('listSchedule', { referralGuid, lpuGuid });
  const r = res.find((x) => x.days.length > 0)!;
  return { referralGuid, lpuGuid, resourceGuid: r.resourceGuid, date: r.days[0]!.date, time: r.days[0]!.slots[0]!.time };
}

/** The patient's visits as the MIS holds them (asked directly, not through the kiosk). */
async function visitsAtMis(): Promise<unknown[]> {
  const tok = await api(sim, 'GET', `/auth/cod/token?n_pol=${P.P1.n_pol}&Birthday=${P.P1.Birthday}`);
  const r = await api(sim, 'GET', '/visit', { token: tok.body.token });
  return r.body as unknown[];
}

const slips = () => printer.jobs();
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
/** Waits (bounded) until the printer has stored `n` slips, then a little longer for extras. */
async function slipsOut(n: number): Promise<number> {
  for (let i = 0; i < 50 && slips().length < n; i++) await settle(100);
  await settle();
  return slips().length;
}

async function build(extra: Record<string, unknown> = {}) {
  const config = KioskConfigSchema.parse({
    kioskId: 'FAULT-01',
    api: { baseUrl: proxy.url, timeoutMs: 2500, retries: 0 },
    booking: { reconcilePolls: 8, reconcileIntervalMs: 400 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 500 }, reprintLimit: 1, ...extra },
    service: { pinHash: E2E_SERVICE_PIN_HASH },
  });
  log = recordingLogger();
  core = await createKioskCore(config, { log, userDataDir: dir, now: () => new Date(NOW) });
}

beforeEach(async () => {
  sim = await startTestSim();
  proxy = await startFaultProxy(sim.url);
  dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-faults-'));
  printer = await startVirtualPrinter({ port: 0, outDir: path.join(dir, 'slips'), quiet: true });
  await build();
});

afterEach(async () => {
  await core.close();
  await printer.close();
  await proxy.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const audits = () => log.entries.filter((e) => e.level === 'audit').map((e) => e.event);

describe('a booking whose answer goes wrong is reconciled, never retried blindly', () => {
  it.each([
    ['the answer is lost (the MIS booked, the kiosk times out)', { kind: 'drop-answer' } as const],
    ['the connection is cut after the request was sent', { kind: 'reset-after-send' } as const],
    ['the answer is a malformed 200 (missing num and lpu)', { kind: 'replace', status: 200, body: '{"ticketGuid":"x"}' } as const],
    ['the answer is an HTML 502 after the MIS booked', { kind: 'replace', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' } as const],
  ])('%s: the patient gets the ticket, the MIS holds one visit, one slip', async (_name, mode) => {
    const cell = await firstCell();
    const before = (await visitsAtMis()).length;
    proxy.fault({ method: 'POST', path: BOOK, mode });
    const ticket = await value<Ticket>('book', cell);
    expect(ticket.number).toBeTruthy();
    expect((await visitsAtMis()).length).toBe(before + 1);
    expect(proxy.count('POST', BOOK)).toBe(1);
    expect(audits()).toEqual(expect.arrayContaining(['booking.reconciling', 'booking.reconciled']));
    const printed = await value<{ state: string }>('printTicket', { ticketGuid: ticket.ticketGuid, again: false, language: 'ru' });
    expect(printed.state).toBe('printed');
    expect(await slipsOut(1)).toBe(1);
  });

  it('an answer that comes only after the timeout (the MIS booked late) is found by the polls', async () => {
    const cell = await firstCell();
    await api(sim, 'POST', '/__sim/delay', { body: { ms: 3000, path: '/api/v2/directions/visit', method: 'POST' } });
    const ticket = await value<Ticket>('book', cell);
    expect(ticket.ticketGuid).toBeTruthy();
    expect(audits()).toContain('booking.reconciled');
  });

  it('a 5xx where the MIS booked nothing: after the polls the patient is told plainly, and a retry books once', async () => {
    const cell = await firstCell();
    const before = (await visitsAtMis()).length;
    await api(sim, 'POST', '/__sim/fail', { body: { code: '5000', path: '/api/v2/directions/visit', method: 'POST' } });
    const r = await call('book', cell);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.problem).toBe('bookingNotConfirmed');
    expect(audits()).toContain('booking.unknown');
    expect(await visitsAtMis()).toHaveLength(before);
    const ticket = await value<Ticket>('book', cell);
    expect(ticket.ticketGuid).toBeTruthy();
    expect(await visitsAtMis()).toHaveLength(before + 1);
  });

  it('a 4009 on the retry of an unanswered attempt is the patient\'s own booking', async () => {
    const cell = await firstCell();
    const before = (await visitsAtMis()).length;
    // The first answer is lost and the polls see nothing yet (the visit list is failing too).
    proxy.fault({ method: 'POST', path: BOOK, mode: { kind: 'drop-answer' } });
    proxy.fault({ method: 'GET', path: /^\/visit$/, mode: { kind: 'replace', status: 503, body: '' }, times: 8 });
    const first = await call('book', cell);
    expect(first.ok).toBe(false);
    const retried = await value<Ticket>('book', cell);
    expect(retried.ticketGuid).toBeTruthy();
    expect(audits().filter((a) => a === 'booking.reconciled')).toHaveLength(1);
    expect(await visitsAtMis()).toHaveLength(before + 1);
  });
});

describe('one booking in flight per session', () => {
  it('a second book while the first is pending gets the first one\'s result and never reaches the MIS', async () => {
    const cell = await firstCell();
    const before = (await visitsAtMis()).length;
    proxy.fault({ method: 'POST', path: BOOK, mode: { kind: 'delay-answer', ms: 300 } });
    const [a, b] = await Promise.all([value<Ticket>('book', cell), value<Ticket>('book', cell)]);
    expect(b.ticketGuid).toBe(a.ticketGuid);
    expect(proxy.count('POST', BOOK)).toBe(1);
    expect(await visitsAtMis()).toHaveLength(before + 1);
  });

  it('an answer that arrives after the session ended (renderer replaced) never revives it; the visit is the patient\'s next time', async () => {
    const cell = await firstCell();
    proxy.fault({ method: 'POST', path: BOOK, mode: { kind: 'delay-answer', ms: 300 } });
    const pending = call<Ticket>('book', cell);
    await settle(50);
    core.endSession();
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('session');
    expect(audits()).toContain('booking.late');
    expect((await call('listReferrals')).ok).toBe(false);
    // The next identification finds it in «Мои записи», and the same time again is theirs, not «taken».
    await value('identify', { policy: P.P1.n_pol, birthDate: P.P1.Birthday });
    const visits = await value<Ticket[]>('listAppointments');
    const late = visits.find((v) => v.beginTime.slice(11, 16) === cell.time && v.beginTime.startsWith(cell.date));
    expect(late).toBeTruthy();
    const again = await value<Ticket>('book', cell);
    expect(again.ticketGuid).toBe(late!.ticketGuid);
    expect(audits()).toContain('booking.reconciled');
  });

  it('a technician\'s entry waits for the booking under way: the patient gets the ticket, then service mode opens', async () => {
    const cell = await firstCell();
    proxy.fault({ method: 'POST', path: BOOK, mode: { kind: 'delay-answer', ms: 600 } });
    const booking = call<Ticket>('book', cell);
    await settle(50);
    const entry = call<{ state: string }>('serviceEnter', { pin: E2E_SERVICE_PIN });
    const [b, e] = await Promise.all([booking, entry]);
    expect(b.ok).toBe(true);
    expect(e).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(audits()).not.toContain('booking.late');
  });
});

describe('print once, really', () => {
  async function booked(): Promise<Ticket> {
    return value<Ticket>('book', await firstCell());
  }

  it('paper end: nothing prints, «ещё раз» is not offered until the paper is back, then the original prints unmarked', async () => {
    const t = await booked();
    printer.setStatus('paper-end');
    const first = await value<{ state: string; canPrintAgain: boolean }>('printTicket', { ticketGuid: t.ticketGuid, again: false, language: 'ru' });
    expect(first).toMatchObject({ state: 'failed', canPrintAgain: false });
    const asked = await value<{ state: string; canPrintAgain: boolean }>('printTicket', { ticketGuid: t.ticketGuid, again: true, language: 'ru' });
    expect(asked.canPrintAgain).toBe(false);
    printer.setStatus('ok');
    expect(await value('printStatus', { ticketGuid: t.ticketGuid })).toMatchObject({ canPrintAgain: true });
    expect(await value('printTicket', { ticketGuid: t.ticketGuid, again: true, language: 'ru' })).toMatchObject({ state: 'printed', canPrintAgain: false, reprintsLeft: 0 });
    expect(await slipsOut(1)).toBe(1);
    expect(slips()[0]!.text).not.toContain('ПОВТОРНАЯ');
  });

  it('six taps after a good print give one copy marked ПОВТОРНАЯ, no more', async () => {
    const t = await booked();
    await value('printTicket', { ticketGuid: t.ticketGuid, again: false, language: 'ru' });
    for (let i = 0; i < 6; i++) await call('printTicket', { ticketGuid: t.ticketGuid, again: true, language: 'ru' });
    expect(await slipsOut(2)).toBe(2);
    expect(slips()[1]!.text).toContain('ПОВТОРНАЯ');
  });

  it('double automatic print (two renderers, a retry) prints once', async () => {
    const t = await booked();
    await Promise.all([1, 2, 3].map(() => call('printTicket', { ticketGuid: t.ticketGuid, again: false, language: 'ru' })));
    expect(await slipsOut(1)).toBe(1);
  });
});
