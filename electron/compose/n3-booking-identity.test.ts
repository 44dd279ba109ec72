// One visit, one identity on N3: the hub's SetAppointment names no booking, and the history read
// that names it may fail. Whatever happens to that read, the ticket the patient got and the same
// visit in «Мои записи» are one ticket: the print journal gives one original slip between them,
// and the ticket can be cancelled. Through the whole composition: the real N3 adapter on the N3
// simulator, the real print journal, the virtual printer.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeMethod, Clinic, Envelope, PrintResult, Referral, Resource, Ticket } from '../common/bridge-contract';
import { KioskConfigSchema } from '../core/config/schema';
import { recordingLogger } from '../printing/test-helpers';
import { startVirtualPrinter, type RunningVirtualPrinter } from '../printing/virtual/server';
import { startN3Simulator, type RunningN3Simulator } from '../../simulator/n3/server';
import { HUB_GUID } from '../../simulator/n3/seed';
import { N3_NOW } from '../../simulator/n3/test-helpers';
import { createKioskCore, type KioskCore } from './kiosk-core';

let sim: RunningN3Simulator;
let printer: RunningVirtualPrinter;
let dir: string;
let core: KioskCore;
let log: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  sim = await startN3Simulator({ now: N3_NOW, quiet: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-n3-identity-'));
  printer = await startVirtualPrinter({ port: 0, outDir: path.join(dir, 'slips'), quiet: true });
  const config = KioskConfigSchema.parse({
    kioskId: 'N3-IDENTITY',
    timeZone: 'Europe/Moscow',
    api: { kind: 'n3', baseUrl: sim.url, retries: 0, n3: { guid: HUB_GUID, idLpu: 101 } },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 500 }, reprintLimit: 1 },
  });
  log = recordingLogger();
  core = await createKioskCore(config, { log, userDataDir: dir, now: () => new Date(N3_NOW) });
});

afterEach(async () => {
  await core.close();
  await printer.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function call<T>(method: BridgeMethod, input: unknown = {}): Promise<Envelope<T>> {
  return (await core.dispatcher(method, input)) as Envelope<T>;
}
async function value<T>(method: BridgeMethod, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.problem}`);
  return r.value;
}

/** N1 books the first free slot on the cardiology referral (clinic 102). */
async function book(): Promise<Ticket> {
  await value('identify', { policy: '7800000000000001', birthDate: '1979-04-12' });
  const ref = await value<Referral>('findReferral', { number: '4700000012345', surname: 'Петров' });
  const [clinic] = await value<Clinic[]>('listClinics', { referralGuid: ref.guid });
  const resources = await value<Resource[]>('listSchedule', { referralGuid: ref.guid, lpuGuid: clinic!.guid });
  const r = resources.find((x) => x.days.some((d) => d.slots.length))!;
  const day = r.days.find((d) => d.slots.length)!;
  return value<Ticket>('book', { referralGuid: ref.guid, lpuGuid: clinic!.guid, resourceGuid: r.resourceGuid, date: day.date, time: day.slots[0]!.time });
}

/** Waits (bounded) until the printer has stored `n` slips, then a little longer for extras. */
async function slipsOut(n: number): Promise<string[]> {
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 50 && printer.jobs().length < n; i++) await settle(100);
  await settle(300);
  return printer.jobs().map((j) => j.text);
}

const failHistory = (times: number) =>
  fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op: 'GetPatientHistory', idError: 99, times }) });
/** The hub's own record of the visit a ticket is for. */
const heldAtHub = (t: Ticket) =>
  [...sim.state.bookings.values()].filter((b) => t.beginTime.startsWith(`${b.slot.date}T${b.slot.time}`) && b.slot.doctor.name === t.doctorName).map((b) => ({ cancelled: b.cancelled }));
const warnings = () => log.entries.filter((e) => e.level === 'warn').map((e) => e.event);

describe('N3: the booked ticket and «Мои записи» are one visit', () => {
  it.each([
    ['fails once (the retry names the booking at once)', 1, false],
    ['fails on every try while booking (the ticket is named later, by «Мои записи» or cancel)', 3, true],
  ])('the history read after booking %s: one original slip, and the ticket cancels', async (_name, times, unnamed) => {
    await failHistory(times);
    const ticket = await book();
    expect(warnings()).toContain('n3.history_after_booking_failed');
    expect(warnings().includes('n3.booked_unnamed')).toBe(unnamed);

    const first = await value<PrintResult>('printTicket', { ticketGuid: ticket.ticketGuid, again: false, language: 'ru' });
    expect(first.state).toBe('printed');

    const listed = await value<Ticket[]>('listAppointments');
    const same = listed.filter((t) => t.beginTime === ticket.beginTime && t.doctorName === ticket.doctorName);
    expect(same).toHaveLength(1);
    expect(same[0]!.ticketGuid).toBe(ticket.ticketGuid);

    // «Мои записи» prints with again: true; the journal knows the original is out, so the
    // second slip is the one copy the reprint limit allows, marked ПОВТОРНАЯ.
    const fromList = await value<PrintResult>('printTicket', { ticketGuid: same[0]!.ticketGuid, again: true, language: 'ru' });
    expect(fromList.state).toBe('printed');
    const slips = await slipsOut(2);
    expect(slips).toHaveLength(2);
    expect(slips.filter((s) => !s.includes('ПОВТОРНАЯ'))).toHaveLength(1);
    expect(slips[1]).toContain('ПОВТОРНАЯ');

    expect((await call('cancelAppointment', { lpuGuid: ticket.clinic.guid, ticketGuid: ticket.ticketGuid })).ok).toBe(true);
    expect((await value<Ticket[]>('listAppointments')).some((t) => t.ticketGuid === ticket.ticketGuid)).toBe(false);
    expect(heldAtHub(ticket)).toEqual([{ cancelled: true }]);
  });

  it('a ticket the history never named is cancelled straight from the booking screen once the history answers', async () => {
    await failHistory(3);
    const ticket = await book();
    expect(warnings()).toContain('n3.booked_unnamed');
    expect((await call('cancelAppointment', { lpuGuid: ticket.clinic.guid, ticketGuid: ticket.ticketGuid })).ok).toBe(true);
    expect(heldAtHub(ticket)).toEqual([{ cancelled: true }]);
  });

  it('the same time booked again after a cancellation has the same id on N3, and still gets its own original slip', async () => {
    const first = await book();
    expect((await value<PrintResult>('printTicket', { ticketGuid: first.ticketGuid, again: false, language: 'ru' })).state).toBe('printed');
    expect((await call('cancelAppointment', { lpuGuid: first.clinic.guid, ticketGuid: first.ticketGuid })).ok).toBe(true);
    await value('endSession');
    const again = await book();
    expect(again.ticketGuid).toBe(first.ticketGuid); // the hub's cell, the same doctor and time
    const second = await value<PrintResult>('printTicket', { ticketGuid: again.ticketGuid, again: false, language: 'ru' });
    expect(second.state).toBe('printed');
    const slips = await slipsOut(2);
    expect(slips).toHaveLength(2);
    expect(slips.filter((s) => s.includes('ПОВТОРНАЯ'))).toEqual([]);
    // And «Печать ещё раз» on the new one is its own first copy, not the old booking's.
    const copy = await value<PrintResult>('printTicket', { ticketGuid: again.ticketGuid, again: true, language: 'ru' });
    expect(copy.state).toBe('printed');
    expect((await slipsOut(3))[2]).toContain('ПОВТОРНАЯ');
  });
});
