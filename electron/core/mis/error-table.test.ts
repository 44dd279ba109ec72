// Every known error code of both MIS kinds, run through its real adapter, ends in the patient's
// next step from the kiosk's one table (common/next-step.ts). SoftRust: each documented and
// PROPOSED message code (../shared/api/conventions-and-errors.md and the seed), answered by a
// loopback server in the standard ExceptionResponse envelope, read by the real REST client.
// N3: each IdError of n3-hubservice.md §4.2, answered by the N3 simulator's fail hook for the
// operation the adapter calls. The expected steps are written here by hand, from the docs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startN3Simulator, type RunningN3Simulator } from '../../../simulator/n3/server';
import { HUB_GUID } from '../../../simulator/n3/seed';
import { N3_NOW } from '../../../simulator/n3/test-helpers';
import { nextStepFor, type NextStep } from '../../common/next-step';
import { addDays } from '../../common/rules';
import { createMisClient } from '../api/mis-client';
import { PROPOSED_PATHS } from '../api/endpoint-paths';
import { toBridgeError } from '../bridge/to-bridge-error';
import { createN3Adapter } from './n3/n3-adapter';
import { N3_PROBLEMS } from './n3/n3-codes';
import type { Mis } from './port';
import { createSoftrustAdapter } from './softrust-adapter';
import { SOFTRUST_PROBLEMS } from './softrust-codes';

const stepOf = (p: Promise<unknown>): Promise<NextStep | 'no error'> =>
  p.then(
    () => 'no error' as const,
    (e: unknown) => nextStepFor(toBridgeError(e)),
  );

// ---------- SoftRust ----------

/** code → [HTTP status the docs give it, the patient's next step]. */
const SOFTRUST: Record<string, [number, NextStep]> = {
  // seed
  '5010': [403, 'identify'],
  '5008': [403, 'identify'],
  '5007': [403, 'identify'], // healed once by the session; a second one in a row reaches the patient
  '5009': [403, 'identify'],
  '4001': [404, 'registry'],
  '5096': [403, 'registry'],
  '5097': [500, 'retry'],
  '4031': [400, 'referrals'],
  '4007': [400, 'registry'],
  '4008': [400, 'showExisting'],
  '4029': [400, 'pickDoctor'],
  '4009': [400, 'pickTime'],
  // documented on other methods
  '4442': [400, 'registry'],
  '5403': [403, 'registry'],
  '4021': [400, 'showExisting'],
  '4022': [400, 'showExisting'],
  '4015': [400, 'showExisting'],
  '4025': [400, 'retry'],
  '4014': [400, 'retry'],
  // PROPOSED
  '4000': [400, 'retry'],
  '4002': [404, 'identify'],
  '4032': [404, 'referrals'],
  '4033': [400, 'referrals'],
  '4034': [400, 'referrals'],
  '4035': [400, 'pickTime'],
  '4040': [404, 'showExisting'],
  '4041': [400, 'showExisting'],
  '4042': [400, 'showExisting'],
  '4043': [400, 'showExisting'],
  '4044': [404, 'referrals'],
  '4045': [400, 'showExisting'], // a reschedule naming a booking it cannot replace
  '4046': [400, 'registry'], // already on the waiting list
  '5000': [500, 'retry'],
};

let answer: { status: number; code: string } = { status: 400, code: '4000' };
let server: http.Server;
let base = '';
const APP = '7d3c1e52-0000-0000-0000-00000000ab01';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ code: answer.status, message: `Сообщение МИС для кода ${answer.code}`, message_code: answer.code }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function softrust(): Mis {
  const client = createMisClient({ baseUrl: base, clientApplication: APP, timeoutMs: 5000, retries: 0, paths: { ...PROPOSED_PATHS } });
  return createSoftrustAdapter({ client, clientApplication: APP, endpoints: { ...PROPOSED_PATHS }, checkClientApplication: true });
}
const REF = '0a1b2c3d-0000-4000-8000-000000000001';
const LPU = '0a1b2c3d-0000-4000-8000-000000000002';
const RES = '0a1b2c3d-0000-4000-8000-000000000003';
const CELL = '0a1b2c3d-0000-4000-8000-000000000004';
const TICKET = '0a1b2c3d-0000-4000-8000-000000000005';

describe('SoftRust: every documented code leads to the same next step, whatever call returned it', () => {
  it('the table here names every code the adapter knows, and no other', () => {
    expect(Object.keys(SOFTRUST).sort()).toEqual(Object.keys(SOFTRUST_PROBLEMS).sort());
  });

  it.each(Object.entries(SOFTRUST))('%s → %j', async (code, [status, step]) => {
    answer = { status, code };
    const mis = softrust();
    const calls: Promise<unknown>[] = [
      mis.identify({ policy: '5000000000000001', birthDate: '1980-01-15' }),
      mis.referrals('tok', ['Active']),
      mis.clinics('tok', REF),
      mis.schedule('tok', REF, { lpuGuid: LPU, dateFrom: '2026-11-27', dateTo: '2026-12-10' }),
      mis.book('tok', { date: '2026-11-30', time: '09:00', directionGuid: REF, lpuGuid: LPU, resourceGuid: RES }),
      mis.visits('tok', {}),
      mis.cancel('tok', LPU, RES),
      mis.selfBookingSpecialities('tok'),
      mis.specialitySchedule('tok', { lpuGuid: LPU, specialityCode: '76', dateFrom: '2026-11-27', dateTo: '2026-12-10' }),
      mis.resourceSchedule('tok', { lpuGuid: LPU, resourceGuid: RES, dateFrom: '2026-11-27', dateTo: '2026-12-10' }),
      mis.bookSlot('tok', { lpuGuid: LPU, resourceGuid: RES, date: '2026-11-30', time: '09:00', timeTableGuid: CELL }),
      mis.bookSlot('tok', { lpuGuid: LPU, resourceGuid: RES, date: '2026-11-30', time: '09:00', timeTableGuid: CELL, replaces: { ticketGuid: TICKET, lpuGuid: LPU } }),
      mis.joinWaitingList('tok', { lpuGuid: LPU, specialityCode: '76', referralGuid: null, phone: '9161234567', reason: 'noSlots' }),
    ];
    for (const call of calls) expect(await stepOf(call)).toBe(step);
  });

  it('the MIS\'s own text crosses only where it carries facts (4008) or no table knows the code', async () => {
    for (const [code, shown] of [['4008', true], ['4009', false], ['5096', false], ['4998', true]] as const) {
      answer = { status: 400, code };
      const e = await softrust().book('tok', { date: '2026-11-30', time: '09:00', directionGuid: REF, lpuGuid: LPU, resourceGuid: RES }).catch((x: unknown) => toBridgeError(x));
      expect(e, code).toMatchObject({ shown: shown ? `Сообщение МИС для кода ${code}` : null });
      expect(JSON.stringify(e)).not.toContain(`"${code}"`);
    }
  });
});

// ---------- N3 ----------

/** (operation, IdError) → the patient's next step; every IdError of §4.2 appears at least once. */
const N3: [op: string, idError: number, step: NextStep][] = [
  ['CheckPatient', 4, 'identify'],
  ['CheckPatient', 20, 'identify'],
  ['CheckPatient', 21, 'registry'],
  ['CheckPatient', 99, 'retry'],
  ['InspectDoctorsReferral2', 20, 'referrals'],
  ['InspectDoctorsReferral2', 99, 'retry'],
  ['SetAppointment', 20, 'identify'],
  ['SetAppointment', 22, 'pickDoctor'],
  ['SetAppointment', 33, 'pickDoctor'],
  ['SetAppointment', 34, 'pickDoctor'],
  ['SetAppointment', 35, 'showExisting'],
  ['SetAppointment', 36, 'registry'],
  ['SetAppointment', 38, 'pickTime'],
  ['SetAppointment', 39, 'pickTime'],
  ['SetAppointment', 99, 'retry'],
  ['GetPatientHistory', 41, 'registry'],
  ['GetPatientHistory', 99, 'retry'],
  ['CreateClaimForRefusal', 75, 'showExisting'],
  ['CreateClaimForRefusal', 99, 'retry'],
];

let sim: RunningN3Simulator;
beforeAll(async () => {
  sim = await startN3Simulator({ now: N3_NOW, quiet: true });
});
afterAll(() => sim.close());
beforeEach(() => sim?.reset());

const n3 = () =>
  createN3Adapter({ baseUrl: sim.url, servicePath: '/HubService.svc', guid: HUB_GUID, idLpu: 101, timeZone: 'Europe/Moscow', timeoutMs: 5000, retries: 0, maxResponseBytes: 1 << 21 });
const N1 = { policy: '7800000000000001', birthDate: '1979-04-12' };
const failNext = (op: string, idError: number | 'fault') =>
  fetch(`${sim.url}/__sim/fail`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(idError === 'fault' ? { op, fault: true, times: 5 } : { op, idError, times: 5 }) });

/** Runs the flow up to `op` and returns the call that sends it. */
async function reach(mis: Mis, op: string): Promise<() => Promise<unknown>> {
  if (op === 'CheckPatient') return () => mis.identify(N1);
  const { token } = await mis.identify(N1);
  if (op === 'InspectDoctorsReferral2') return () => mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
  if (op === 'GetPatientHistory') return () => mis.visits(token, {});
  const ref = await mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
  const lpuGuid = ref.lpuTo![0]!.lpuGuid;
  const [row] = await mis.schedule(token, ref.guid, { lpuGuid, dateFrom: '2026-11-26', dateTo: addDays('2026-11-26', 13) });
  const doctor = row!.resources.find((r) => r.days.length > 0)!;
  const cell = doctor.days[0]!.slots[0]!;
  const book = () => mis.book(token, { date: doctor.days[0]!.date, time: cell.time, directionGuid: ref.guid, lpuGuid, resourceGuid: doctor.resourceGuid });
  if (op === 'SetAppointment') return book;
  const ticket = await book();
  return () => mis.cancel(token, lpuGuid, ticket.ticketGuid);
}

describe('N3: every IdError leads to the same next step as its SoftRust twin', () => {
  it('the table here covers every IdError the adapter knows', () => {
    expect([...new Set(N3.map(([, id]) => String(id)))].sort()).toEqual(Object.keys(N3_PROBLEMS).sort());
  });

  it.each(N3)('%s → IdError %i → %s', async (op, idError, step) => {
    const mis = n3();
    const call = await reach(mis, op);
    await failNext(op, idError);
    expect(await stepOf(call())).toBe(step);
  });

  it('a SOAP fault is a passing fault: try again', async () => {
    const mis = n3();
    const call = await reach(mis, 'SetAppointment');
    await failNext('SetAppointment', 'fault');
    expect(await stepOf(call())).toBe('retry');
  });

  it('an IdError no table knows shows the hub\'s own words, and never its code', async () => {
    const mis = n3();
    await failNext('CheckPatient', 12);
    const e = await mis.identify(N1).catch((x: unknown) => toBridgeError(x));
    expect(e).toMatchObject({ problem: 'refused' });
    expect(JSON.stringify(e)).not.toMatch(/"12"|IdError/);
  });
});

/**
 * The calls without a referral: (the port's call, the hub operation it sends, IdError) → the
 * patient's next step. SetAppointment answers the same codes with or without a referral; a
 * move (idAppointmentPrev) adds 75 for a booking that is no longer there.
 */
const N3_SELF: [call: string, op: string, idError: number, step: NextStep][] = [
  ['selfBookingSpecialities', 'GetSpesialityList', 99, 'retry'],
  ['specialitySchedule', 'GetDoctorList', 99, 'retry'],
  ['specialitySchedule', 'GetAvaibleAppointments', 99, 'retry'],
  ['resourceSchedule', 'GetAvaibleAppointments', 99, 'retry'],
  ['bookSlot', 'SetAppointment', 20, 'identify'],
  ['bookSlot', 'SetAppointment', 22, 'pickDoctor'],
  ['bookSlot', 'SetAppointment', 33, 'pickDoctor'],
  ['bookSlot', 'SetAppointment', 34, 'pickDoctor'],
  ['bookSlot', 'SetAppointment', 35, 'showExisting'],
  ['bookSlot', 'SetAppointment', 36, 'registry'],
  ['bookSlot', 'SetAppointment', 38, 'pickTime'],
  ['bookSlot', 'SetAppointment', 39, 'pickTime'],
  ['bookSlot', 'SetAppointment', 99, 'retry'],
  ['move', 'SetAppointment', 35, 'showExisting'],
  ['move', 'SetAppointment', 39, 'pickTime'],
  ['move', 'SetAppointment', 75, 'showExisting'],
  ['joinWaitingList', 'SetWaitingList', 20, 'identify'],
  ['joinWaitingList', 'SetWaitingList', 99, 'retry'],
];

/** Runs the self-booking flow up to `call` and returns the call that sends it. */
async function reachSelf(mis: Mis, call: string): Promise<() => Promise<unknown>> {
  const { token } = await mis.identify(N1);
  const window = { dateFrom: '2026-11-26', dateTo: addDays('2026-11-26', 13) };
  if (call === 'selfBookingSpecialities') return () => mis.selfBookingSpecialities(token);
  const gp = (await mis.selfBookingSpecialities(token)).find((s) => s.code === '211')!;
  const schedule = () => mis.specialitySchedule(token, { lpuGuid: gp.lpu.guid, specialityCode: gp.code, ...window });
  if (call === 'specialitySchedule') return schedule;
  if (call === 'joinWaitingList') return () => mis.joinWaitingList(token, { lpuGuid: gp.lpu.guid, specialityCode: '215', referralGuid: null, phone: '9990001122', reason: 'noSlots' });
  const old = (await mis.visits(token, {})).find((v) => v.docFio.startsWith('Волков'))!;
  const doctor = () => mis.resourceSchedule(token, { lpuGuid: old.lpu.guid, resourceGuid: old.docGuid, ...window });
  if (call === 'resourceSchedule') return doctor;
  const [row] = call === 'move' ? await doctor() : await schedule();
  const r = row!.resources.find((x) => x.days.length > 0)!;
  const cell = { lpuGuid: row!.lpu.guid, resourceGuid: r.resourceGuid, date: r.days[0]!.date, time: r.days[0]!.slots[0]!.time, timeTableGuid: r.days[0]!.slots[0]!.timeTableGuid };
  return call === 'move' ? () => mis.bookSlot(token, { ...cell, replaces: { ticketGuid: old.ticketGuid, lpuGuid: old.lpu.guid } }) : () => mis.bookSlot(token, cell);
}

describe('N3 without a referral: the same codes lead to the same next steps', () => {
  it.each(N3_SELF)('%s (%s) → IdError %i → %s', async (call, op, idError, step) => {
    const mis = n3();
    const send = await reachSelf(mis, call);
    await failNext(op, idError);
    expect(await stepOf(send())).toBe(step);
  });

  it('every IdError here is one the adapter knows', () => {
    for (const [, , id] of N3_SELF) expect(Object.keys(N3_PROBLEMS)).toContain(String(id));
  });
});
