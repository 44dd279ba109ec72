// The N3 adapter on the wire (exact SOAP 1.1 request shape) and through the whole kiosk flow
// against the N3 simulator: identify, referral by number + surname, clinic, slots, booking,
// the slip's fields, my visits, cancel; booking without a referral, moving a booking, the
// waiting list; business errors and faults as typed ApiErrors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startN3Simulator, type RunningN3Simulator } from '../../../../simulator/n3/server';
import { HUB_GUID } from '../../../../simulator/n3/seed';
import { N3_NOW } from '../../../../simulator/n3/test-helpers';
import { ApiError } from '../../api/api-error';
import type { DirectionScheduleLpu } from '../../api/schemas';
import { createViewModels } from '../../booking/view-models';
import type { Mis } from '../port';
import type { HubCall } from './hub-client';
import { NS } from './soap';
import { createN3Adapter, idLpuOf, lpuGuid } from './n3-adapter';
import { DOCTORS_AT_ONCE } from './n3-self-booking';
import { buildXml, el, kid, parseXml, type XEl } from './xml-tree';

let sim: RunningN3Simulator;
let recorder: http.Server;
let base = '';
const seen: { action: string; type: string; body: string }[] = [];

beforeAll(async () => {
  sim = await startN3Simulator({ now: N3_NOW, quiet: true });
  // Records what the adapter sends, then forwards it unchanged.
  recorder = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({ action: String(req.headers.soapaction), type: String(req.headers['content-type']), body });
    const up = await fetch(`${sim.url}${req.url}`, { method: req.method, headers: { 'Content-Type': String(req.headers['content-type']), SOAPAction: String(req.headers.soapaction) }, body });
    res.writeHead(up.status, { 'Content-Type': up.headers.get('content-type') ?? 'text/plain' });
    res.end(await up.text());
  });
  await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => recorder.close(() => r()));
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  seen.length = 0;
});

const make = () =>
  createN3Adapter({ baseUrl: base, servicePath: '/HubService.svc', guid: HUB_GUID, idLpu: 101, timeZone: 'Europe/Moscow', timeoutMs: 5000, retries: 0, maxResponseBytes: 1 << 21 });
const N1 = { policy: '7800000000000001', birthDate: '1979-04-12' };
const err = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

describe('the wire', () => {
  it('sends SOAP 1.1: quoted SOAPAction, text/xml, tem wrapper, parameters in WSDL order with guid last, Patient members in HubService2', async () => {
    await make().identify(N1);
    const req = seen[0]!;
    expect(req.action).toBe('"http://tempuri.org/IHubService/CheckPatient"');
    expect(req.type).toBe('text/xml; charset=utf-8');
    const env = parseXml(req.body);
    expect([env.ns, env.name]).toEqual([NS.soap, 'Envelope']);
    const wrapper = kid(kid(env, NS.soap, 'Body'), NS.tem, 'CheckPatient')!;
    expect(wrapper.children.map((c) => `${c.ns === NS.tem ? 'tem' : c.ns}:${c.name}`)).toEqual(['tem:pat', 'tem:idLpu', 'tem:guid']);
    const pat = wrapper.children[0]!;
    expect(pat.children.map((c) => [c.ns, c.name, c.text])).toEqual([
      [NS.a, 'Birthday', '1979-04-12T00:00:00'],
      [NS.a, 'Polis_N', '7800000000000001'],
    ]);
  });
  it('spells the traps as the WSDL does: doctorsReferal (one r) to inspect, doctorsReferral (two) to book', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    const ref = await mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
    const [row] = await mis.schedule(token, ref.guid, { lpuGuid: lpuGuid(102), dateFrom: '2026-11-26', dateTo: '2026-12-09' });
    const res = row!.resources[0]!;
    const day = res.days[0]!;
    await mis.book(token, { directionGuid: ref.guid, lpuGuid: lpuGuid(102), resourceGuid: res.resourceGuid, date: day.date, time: day.slots[0]!.time });
    const inspect = seen.find((s) => s.action.includes('InspectDoctorsReferral2'))!.body;
    const book = seen.find((s) => s.action.includes('SetAppointment'))!.body;
    expect(inspect).toContain('<tem:doctorsReferal>4700000012345</tem:doctorsReferal>');
    expect(inspect).toContain('<tem:surname>Петров</tem:surname>');
    const order = kid(kid(parseXml(book), NS.soap, 'Body'), NS.tem, 'SetAppointment')!.children.map((c) => c.name);
    expect(order).toEqual(['idAppointment', 'idLpu', 'idPat', 'doctorsReferral', 'guid']);
  });
});

describe('the flow on the N3 simulator', () => {
  it('books by referral number, the ticket is the chosen slot in the clinic zone, visible in my visits, cancelled once', async () => {
    const mis = make();
    expect(mis.capabilities).toMatchObject({ listReferrals: false, referralByNumber: true, cancel: true });
    await expect(mis.start()).resolves.toMatchObject({ note: expect.stringContaining('поликлиника №17') });
    const { token } = await mis.identify(N1);
    const ref = await mis.referralByNumber(token, { number: '4700000012345', surname: 'петров' });
    expect(ref).toMatchObject({ number: '4700000012345', status: 'Active', speciality: { name: 'Кардиология' } });
    const clinics = await mis.clinics(token, ref.guid);
    expect(clinics.map((c) => idLpuOf(c.guid))).toEqual([102]);
    expect(clinics[0]!.name).toContain('Консультативно-диагностический центр №85');
    const [row] = await mis.schedule(token, ref.guid, { lpuGuid: clinics[0]!.guid, dateFrom: '2026-11-26', dateTo: '2026-12-09' });
    const vm = createViewModels({ timeZone: 'Europe/Moscow' });
    const resources = row!.resources.map((r) => vm.toResource(r, Date.parse(N3_NOW)));
    const ivanova = resources.find((r) => r.name === 'Иванова Мария Петровна')!;
    expect(ivanova.room).toBe('214');
    const slot = ivanova.days[0]!.slots[0]!;
    // Offsetless hub times are Moscow wall clock, whatever the OS zone (tests run in New York).
    expect(slot.beginTime).toMatch(/^2026-1\d-\d\dT\d\d:\d\d:00\+03:00$/);
    const raw = await mis.book(token, { directionGuid: ref.guid, lpuGuid: clinics[0]!.guid, resourceGuid: ivanova.resourceGuid, date: ivanova.days[0]!.date, time: slot.time });
    const ticket = vm.toTicket(raw);
    expect(ticket).toMatchObject({ room: '214', doctorName: 'Иванова Мария Петровна', speciality: 'Кардиология', beginTime: slot.beginTime });
    expect(ticket.number).toMatch(/^\d+$/);
    expect(ticket.clinic.address).toContain('Ленинский');
    const visits = await mis.visits(token, { dateFrom: '2026-11-26' });
    const mine = visits.find((v) => v.ticketGuid === raw.ticketGuid)!;
    expect(mine).toMatchObject({ room: '214', docFio: 'Иванова Мария Петровна' });
    await expect(mis.cancel(token, mine.lpu.guid, mine.ticketGuid)).resolves.toBeUndefined();
    const again = await err(mis.cancel(token, mine.lpu.guid, mine.ticketGuid));
    expect(again?.code).toBe('75');
    expect(again).toMatchObject({ code: '75', problem: 'bookingNotFound', serverMessage: 'Талон с указанным номером не существует или уже отменен' });
    expect((await mis.visits(token)).some((v) => v.ticketGuid === raw.ticketGuid)).toBe(false);
  });

  it("someone else's referral found by number and surname is refused: their visits and cancellations stay out of reach", async () => {
    const mis = make();
    // N2 (Смирнова) types N1's referral number and N1's surname, which the hub matches alone.
    const { token } = await mis.identify({ policy: '7800000000000002', birthDate: '1988-10-30' });
    const e = await err(mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' }));
    expect(e).toMatchObject({ kind: 'validation', code: 'n3-foreign', problem: 'referralNotFound', shown: null });
    seen.length = 0;
    await mis.visits(token);
    // «Мои записи» asks for N2's own card only (574214 at 101, 880012 at 102 — checked by CheckPatient).
    const asked = seen.filter((x) => x.action.includes('GetPatientHistory')).map((x) => /<tem:idPat>([^<]+)</.exec(x.body)?.[1]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((id) => id === '574214' || id === '880012')).toBe(true);
  });

  it('visits for one clinic ask that clinic\'s history only: the cards\' one request (foresight.ts); N5\'s cardiology visit is there', async () => {
    const mis = make();
    const { token } = await mis.identify({ policy: '7800000000000005', birthDate: '1965-06-20' });
    const referral = await mis.referralByNumber(token, { number: '4700000052345', surname: 'Зайцева' });
    const clinic = referral.lpuTo![0]!.lpuGuid;
    seen.length = 0;
    const visits = await mis.visits(token, { lpuGuid: clinic });
    const histories = seen.filter((x) => x.action.includes('GetPatientHistory')).map((x) => /<tem:idLpu>([^<]+)</.exec(x.body)?.[1]);
    expect(histories).toEqual(['102']);
    expect(visits.map((v) => [v.speciality, v.docFio])).toEqual([['Кардиология', 'Константинопольская-Вишневецкая Александра Владимировна']]);
    expect(referral.speciality?.name).toBe('Кардиология');
    // Without a clinic, every clinic the session knows the patient at (101 and 102).
    seen.length = 0;
    await mis.visits(token);
    expect(seen.filter((x) => x.action.includes('GetPatientHistory'))).toHaveLength(2);
  });

  it('start() asks the hub every time, so the technician\'s MIS check sees a revoked guid', async () => {
    const mis = make();
    await mis.start();
    await mis.start();
    expect(seen.filter((x) => x.action.includes('GetLPUInfo'))).toHaveLength(2);
  });

  it('the referral lookup is capped per session: a kiosk is not a tool to try numbers one after another', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    for (let i = 0; i < 10; i++) await err(mis.referralByNumber(token, { number: `47000000000${String(i).padStart(2, '0')}`, surname: 'Петров' }));
    const e = await err(mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' }));
    expect(e).toMatchObject({ kind: 'validation', code: 'n3-lookups', problem: 'tooManyLookups' });
  });

  it('a wrong surname is the hub\'s 20, a referral not found; a taken slot is 39', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    const e = await err(mis.referralByNumber(token, { number: '4700000012345', surname: 'Сидоров' }));
    // The hub's «Пациент … не найден» would puzzle a patient who was just identified.
    expect(e).toMatchObject({ kind: 'validation', code: '20', problem: 'referralNotFound', shown: null });
    const ref = await mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
    const [row] = await mis.schedule(token, ref.guid, { lpuGuid: lpuGuid(102), dateFrom: '2026-11-26', dateTo: '2026-12-09' });
    const res = row!.resources[0]!;
    const day = res.days[0]!;
    const idAppointment = `5521_${day.date}_${day.slots[0]!.time}:00`;
    await fetch(`${sim.url}/__sim/take`, { method: 'POST', body: JSON.stringify({ idAppointment }) });
    const taken = await err(mis.book(token, { directionGuid: ref.guid, lpuGuid: lpuGuid(102), resourceGuid: res.resourceGuid, date: day.date, time: day.slots[0]!.time }));
    expect(taken).toMatchObject({ kind: 'validation', code: '39', problem: 'slotTaken' });
  });

  it('a SOAP fault is a server error the patient may retry, never a success', async () => {
    await fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op: 'CheckPatient', fault: true }) });
    const e = await err(make().identify(N1));
    expect(e).toMatchObject({ kind: 'server', code: 'InternalServiceFault', problem: 'misUnavailable', shown: null });
  });

  it('forgets every patient when the session ends: the old handle no longer reaches the hub', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    const ref = await mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
    await expect(mis.clinics(token, ref.guid)).resolves.toHaveLength(1);
    mis.forgetPatients!();
    const calls = seen.length;
    const after = await err(mis.clinics(token, ref.guid));
    expect(after).toMatchObject({ kind: 'auth', code: 'n3-session', problem: 'sessionExpired' });
    const lookup = await err(mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' }));
    expect(lookup).toMatchObject({ kind: 'auth' });
    // Nothing was sent for the forgotten patient: no IdPat of theirs is left to send.
    expect(seen).toHaveLength(calls);
  });
});

describe('one visit, one identity', () => {
  const recording = () => {
    const entries: { level: string; event: string; data?: Record<string, unknown> }[] = [];
    const at = (level: string) => (event: string, data?: Record<string, unknown>) => void entries.push({ level, event, data });
    return { entries, log: { info: at('info'), warn: at('warn'), error: at('error'), audit: at('audit') } };
  };
  const failNext = (op: string, times: number) => fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op, idError: 99, times }) });

  async function bookFirst(mis: ReturnType<typeof make>) {
    const { token } = await mis.identify(N1);
    const ref = await mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
    const [row] = await mis.schedule(token, ref.guid, { lpuGuid: lpuGuid(102), dateFrom: '2026-11-26', dateTo: '2026-12-09' });
    const res = row!.resources[0]!;
    const day = res.days[0]!;
    const raw = await mis.book(token, { directionGuid: ref.guid, lpuGuid: lpuGuid(102), resourceGuid: res.resourceGuid, date: day.date, time: day.slots[0]!.time });
    return { token, raw };
  }

  it('a ticket booked while the history failed has the id the history gives the visit later', async () => {
    const mis = make();
    await failNext('GetPatientHistory', 3);
    const { token, raw } = await bookFirst(mis);
    expect((await mis.visits(token)).filter((v) => v.ticketGuid === raw.ticketGuid)).toHaveLength(1);
    await expect(mis.cancel(token, raw.lpu.guid, raw.ticketGuid)).resolves.toBeUndefined();
  });

  it('a ticket the history never named, and that left the history meanwhile, cannot be cancelled: bookingNotFound, nothing sent', async () => {
    const { entries, log } = recording();
    const mis = createN3Adapter({ baseUrl: base, servicePath: '/HubService.svc', guid: HUB_GUID, idLpu: 101, timeZone: 'Europe/Moscow', timeoutMs: 5000, retries: 0, maxResponseBytes: 1 << 21, log });
    await failNext('GetPatientHistory', 3);
    const { token, raw } = await bookFirst(mis);
    for (const b of sim.state.bookings.values()) if (b.idLpu === 102) b.cancelled = true;
    seen.length = 0;
    const e = await err(mis.cancel(token, raw.lpu.guid, raw.ticketGuid));
    expect(e).toMatchObject({ code: 'n3-ticket', problem: 'bookingNotFound' });
    expect(seen.map((x) => x.action)).not.toContainEqual(expect.stringContaining('CreateClaimForRefusal'));
    expect(entries.map((x) => x.event)).toEqual(expect.arrayContaining(['n3.history_after_booking_failed', 'n3.booked_unnamed', 'n3.cancel_not_in_history']));
  });

  it('failures the adapter lives with are logged, with no patient data', async () => {
    const { entries, log } = recording();
    const mis = createN3Adapter({ baseUrl: base, servicePath: '/HubService.svc', guid: HUB_GUID, idLpu: 101, timeZone: 'Europe/Moscow', timeoutMs: 5000, retries: 0, maxResponseBytes: 1 << 21, log });
    const { token } = await mis.identify(N1);
    await failNext('GetLPUInfo', 2);
    await mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
    await mis.visits(token);
    const warned = entries.filter((x) => x.level === 'warn');
    expect(warned.map((x) => [x.event, x.data?.during])).toEqual([
      ['n3.clinic_info_failed', 'InspectDoctorsReferral2'],
      ['n3.clinic_info_failed', 'GetPatientHistory'],
    ]);
    expect(warned[0]!.data).toMatchObject({ idLpu: 102, kind: 'validation', problem: 'misUnavailable', code: '99' });
    const logged = JSON.stringify(entries);
    for (const secret of [N1.policy, N1.birthDate, 'Петров', '574213', '880011', '4700000012345']) expect(logged).not.toContain(secret);
  });
});

describe('booking without a referral, moving a booking, the waiting list', () => {
  const lpu101 = lpuGuid(101);
  const window = { dateFrom: '2026-11-26', dateTo: '2026-12-09' };
  const actions = () => seen.map((x) => /IHubService\/(\w+)/.exec(x.action)?.[1]);
  const paramsOf = (op: string) => {
    const body = seen.filter((s) => s.action.includes(`/${op}"`)).at(-1)!.body;
    return kid(kid(parseXml(body), NS.soap, 'Body'), NS.tem, op)!.children.map((c) => c.name);
  };
  const recording = () => {
    const entries: unknown[] = [];
    const at = (level: string) => (event: string, data?: Record<string, unknown>) => void entries.push({ level, event, data });
    return { entries, log: { info: at('info'), warn: at('warn'), error: at('error'), audit: at('audit') } };
  };
  async function specialitySchedule(mis: Mis, token: string, name: string) {
    const spec = (await mis.selfBookingSpecialities(token)).find((s) => s.name === name)!;
    const [row] = await mis.specialitySchedule(token, { lpuGuid: spec.lpu.guid, specialityCode: spec.code, ...window });
    return row!;
  }
  const firstCell = (row: DirectionScheduleLpu, docFio?: string) => {
    const r = row.resources.find((x) => (docFio === undefined || x.docFio === docFio) && x.days.length > 0)!;
    const day = r.days[0]!;
    const cell = day.slots[0]!;
    return { lpuGuid: row.lpu.guid, resourceGuid: r.resourceGuid, date: day.date, time: cell.time, timeTableGuid: cell.timeTableGuid, beginTime: cell.beginTime };
  };

  it('declares the three capabilities, and that a move drops the old booking (WSDL idAppointmentPrev)', () => {
    const mis = make();
    expect(mis.capabilities).toMatchObject({ visits: true, cancel: true, selfBooking: true, reschedule: true, waitingList: true });
    expect(mis.rescheduleMovesOld).toBe(true);
  });

  it('the clinic\'s specialities with the hub\'s NearestDate as written (null where the hub has no free cell); the wire as the WSDL orders it', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    const specs = await mis.selfBookingSpecialities(token);
    expect(specs.map((s) => s.name)).toEqual(['Терапевт участковый', 'Врач общей практики', 'Педиатр', 'Стоматолог-терапевт', 'Хирург', 'Офтальмолог', 'Акушер-гинеколог']);
    expect(specs.every((s) => idLpuOf(s.lpu.guid) === 101 && s.lpu.name.includes('поликлиника №17'))).toBe(true);
    expect(specs.find((s) => s.name === 'Офтальмолог')!.nearest).toBeNull();
    expect(specs.find((s) => s.name === 'Врач общей практики')).toMatchObject({ code: '211', nearest: expect.stringMatching(/^2026-11-2\dT\d\d:\d\d:00$/) });
    expect(paramsOf('GetSpesialityList')).toEqual(['idLpu', 'idPat', 'guid']);
    await mis.specialitySchedule(token, { lpuGuid: lpu101, specialityCode: '211', ...window });
    expect(paramsOf('GetDoctorList')).toEqual(['idSpesiality', 'idLpu', 'idPat', 'guid']);
    expect(paramsOf('GetAvaibleAppointments')).toEqual(['idDoc', 'idLpu', 'idPat', 'visitStart', 'visitEnd', 'guid']);
    const body = seen.filter((s) => s.action.includes('/GetAvaibleAppointments"')).at(-1)!.body;
    expect(body).toContain('<tem:visitStart>2026-11-26T00:00:00</tem:visitStart>');
    expect(body).toContain('<tem:visitEnd>2026-12-09T23:59:59</tem:visitEnd>');
  });

  it('self-books: speciality → its only doctor → a cell → the ticket is that cell, the same ticket in «Мои записи», and it cancels', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    const row = await specialitySchedule(mis, token, 'Врач общей практики');
    expect(row.resources.map((r) => [r.docFio, r.room, r.speciality])).toEqual([['Лебедева Ирина Александровна', '210', 'Врач общей практики']]);
    const cell = firstCell(row);
    expect(cell.beginTime).toMatch(/^2026-11-2\dT\d\d:\d\d:00\+03:00$/);
    seen.length = 0;
    const ticket = await mis.bookSlot(token, cell);
    expect(paramsOf('SetAppointment')).toEqual(['idAppointment', 'idLpu', 'idPat', 'guid']);
    expect(ticket).toMatchObject({ docFio: 'Лебедева Ирина Александровна', room: '210', speciality: 'Врач общей практики', beginTime: cell.beginTime, timeTableGuid: cell.timeTableGuid });
    expect(ticket.num).toMatch(/^\d+$/);
    const mine = (await mis.visits(token)).filter((v) => v.ticketGuid === ticket.ticketGuid);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ room: '210', beginTime: cell.beginTime, speciality: 'Врач общей практики' });
    await expect(mis.cancel(token, lpu101, ticket.ticketGuid)).resolves.toBeUndefined();
    // The cell is the MIS's again.
    expect(sim.state.isFree(sim.state.findSlot(`2201_${cell.date}_${cell.time}:00`)!)).toBe(true);
  });

  it('a speciality\'s doctors are asked a few at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const answer = (op: string, members: XEl[]) => parseXml(buildXml(el(`${op}Result`, members, { 'xmlns:a': NS.a, 'xmlns:i': NS.i })));
    const hub: HubCall = async (op, params) => {
      if (op === 'CheckPatient') return answer(op, [el('a:IdPat', '1')]);
      if (op === 'GetLPUInfo') return answer(op, [el('a:LpuCollection', [el('a:LpuInfo', [el('a:ShortName', 'x')])])]);
      if (op === 'GetSpesialityList') return answer(op, [el('a:ListSpesiality', [])]);
      if (op === 'GetDoctorList') return answer(op, [el('a:Docs', Array.from({ length: 8 }, (_, i) => el('a:Doctor', [el('a:IdDoc', `d${i}`), el('a:Name', `N${i}`)])))]);
      expect(op).toBe('GetAvaibleAppointments');
      expect(params[0]!.value).toMatch(/^d\d$/);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return answer(op, [el('a:ListAppointments', [])]);
    };
    const mis = createN3Adapter({ baseUrl: base, servicePath: '/HubService.svc', guid: HUB_GUID, idLpu: 101, timeZone: 'Europe/Moscow', timeoutMs: 5000, retries: 0, maxResponseBytes: 1 << 21, hub });
    const { token } = await mis.identify(N1);
    const [row] = await mis.specialitySchedule(token, { lpuGuid: lpu101, specialityCode: '1', ...window });
    expect(row!.resources.map((r) => r.docFio)).toEqual(['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7']);
    expect(most).toBe(DOCTORS_AT_ONCE);
  });

  it('moves a booking from «Мои записи»: the doctor\'s free times, SetAppointment with idAppointmentPrev = the history id; old gone and free, new booked', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    const old = (await mis.visits(token)).find((v) => v.docFio === 'Волков Сергей Анатольевич')!;
    const oldCell = sim.state.findSlot(`2501_${old.beginTime.slice(0, 10)}_${old.beginTime.slice(11, 16)}:00`)!;
    const historyId = [...sim.state.bookings.values()].find((b) => b.slot.idAppointment === oldCell.idAppointment)!.historyId;
    const [row] = await mis.resourceSchedule(token, { lpuGuid: old.lpu.guid, resourceGuid: old.docGuid, ...window });
    expect(row!.resources).toHaveLength(1);
    expect(row!.resources[0]).toMatchObject({ docFio: 'Волков Сергей Анатольевич', speciality: 'Хирург', room: '215' });
    const cell = firstCell(row!);
    seen.length = 0;
    const moved = await mis.bookSlot(token, { ...cell, replaces: { ticketGuid: old.ticketGuid, lpuGuid: old.lpu.guid } });
    expect(paramsOf('SetAppointment')).toEqual(['idAppointment', 'idLpu', 'idPat', 'idAppointmentPrev', 'guid']);
    expect(seen.find((s) => s.action.includes('/SetAppointment"'))!.body).toContain(`<tem:idAppointmentPrev>${historyId}</tem:idAppointmentPrev>`);
    expect(moved).toMatchObject({ docFio: 'Волков Сергей Анатольевич', beginTime: cell.beginTime });
    const visits = await mis.visits(token);
    expect(visits.map((v) => v.ticketGuid)).toContain(moved.ticketGuid);
    expect(visits.map((v) => v.ticketGuid)).not.toContain(old.ticketGuid);
    expect(sim.state.isFree(oldCell)).toBe(true);
    expect(sim.state.isFree(sim.state.findSlot(`2501_${cell.date}_${cell.time}:00`)!)).toBe(false);
    // The old ticket is gone: nothing to cancel, nothing sent.
    seen.length = 0;
    expect(await err(mis.cancel(token, old.lpu.guid, old.ticketGuid))).toMatchObject({ code: 'n3-ticket', problem: 'bookingNotFound' });
    expect(seen).toHaveLength(0);
  });

  it('puts the patient on the waiting list for a speciality with no free time; the phone goes to the hub and nowhere else', async () => {
    const { entries, log } = recording();
    const mis = createN3Adapter({ baseUrl: base, servicePath: '/HubService.svc', guid: HUB_GUID, idLpu: 101, timeZone: 'Europe/Moscow', timeoutMs: 5000, retries: 0, maxResponseBytes: 1 << 21, log, now: () => Date.parse(N3_NOW) });
    const { token } = await mis.identify(N1);
    const row = await specialitySchedule(mis, token, 'Офтальмолог');
    expect(row.resources.map((r) => [r.docFio, r.days])).toEqual([['Соловьёв Виктор Петрович', []]]);
    seen.length = 0;
    const r = await mis.joinWaitingList(token, { lpuGuid: lpu101, specialityCode: '215', referralGuid: null, phone: '9990001122', reason: 'noSlots' });
    expect(r.reference).toMatch(/^[0-9a-f]{8}-[0-9a-f-]{27}$/);
    expect(paramsOf('SetWaitingList')).toEqual(['idSpesiality', 'nameSpesiality', 'idLpu', 'rule', 'claim', 'idPat', 'birthday', 'phone', 'guid']);
    const body = seen[0]!.body;
    expect(body).toContain('<tem:rule><a:End>2026-12-16T23:59:59</a:End><a:Start>2026-11-26T00:00:00</a:Start></tem:rule>');
    expect(sim.state.claims.map((c) => [c.patient.key, c.idLpu, c.speciality.idSpeciality, c.claim, c.phone, c.guidClaim])).toEqual([
      ['N1', 101, '215', 'отсутствуют_свободные_талоны', '+79990001122', r.reference],
    ]);
    // The referral's speciality when the patient waits on a referral (cardiology at 102).
    const ref = await mis.referralByNumber(token, { number: '4700000012345', surname: 'Петров' });
    await mis.joinWaitingList(token, { lpuGuid: lpuGuid(102), specialityCode: null, referralGuid: ref.guid, phone: '9990001122', reason: 'noConvenientTime' });
    expect(sim.state.claims[1]).toMatchObject({ idLpu: 102, claim: 'нет_удобного_времени', speciality: { idSpeciality: '109' } });
    // A failure names no phone either.
    await fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op: 'SetWaitingList', idError: 99 }) });
    const failed = await err(mis.joinWaitingList(token, { lpuGuid: lpu101, specialityCode: '215', referralGuid: null, phone: '9990001122', reason: 'noSlots' }));
    expect(failed).toMatchObject({ problem: 'misUnavailable' });
    expect(JSON.stringify(entries) + JSON.stringify(failed) + String(failed?.message)).not.toMatch(/9990001122/);
    // Not a mobile number: refused before the hub hears of it.
    seen.length = 0;
    expect(await err(mis.joinWaitingList(token, { lpuGuid: lpu101, specialityCode: '215', referralGuid: null, phone: '8123456789', reason: 'noSlots' }))).toMatchObject({ problem: 'badInput' });
    expect(seen).toHaveLength(0);
  });

  it('each refusal of the hub arrives typed: 22, 33, 36, 35, 39, 75, and the read calls\' 99', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    const refusal = async (name: string, docFio?: string) => err(mis.bookSlot(token, firstCell(await specialitySchedule(mis, token, name), docFio)));
    expect(await refusal('Акушер-гинеколог')).toMatchObject({ code: '22', problem: 'ageOrSexRestricted' });
    expect(await refusal('Педиатр')).toMatchObject({ code: '33', problem: 'doctorNotForPatient' });
    expect(await refusal('Терапевт участковый', 'Фролов Андрей Викторович')).toMatchObject({ code: '36', problem: 'notAttached' });
    expect(await refusal('Хирург', 'Морозова Елена Викторовна')).toMatchObject({ code: '35', problem: 'alreadyBooked' });
    const cell = firstCell(await specialitySchedule(mis, token, 'Стоматолог-терапевт'), 'Тихонов Роман Евгеньевич');
    await fetch(`${sim.url}/__sim/take`, { method: 'POST', body: JSON.stringify({ idAppointment: `2401_${cell.date}_${cell.time}:00` }) });
    expect(await err(mis.bookSlot(token, cell))).toMatchObject({ code: '39', problem: 'slotTaken' });
    // The booking to move was cancelled at the registry meanwhile.
    const old = (await mis.visits(token)).find((v) => v.docFio === 'Волков Сергей Анатольевич')!;
    const [volkov] = await mis.resourceSchedule(token, { lpuGuid: lpu101, resourceGuid: old.docGuid, ...window });
    for (const b of sim.state.bookings.values()) if (b.slot.doctor.idDoc === '2501') b.cancelled = true;
    expect(await err(mis.bookSlot(token, { ...firstCell(volkov!), replaces: { ticketGuid: old.ticketGuid, lpuGuid: lpu101 } }))).toMatchObject({ code: '75', problem: 'bookingNotFound' });
    for (const op of ['GetSpesialityList', 'GetDoctorList', 'GetAvaibleAppointments']) {
      await fetch(`${sim.url}/__sim/fail`, { method: 'POST', body: JSON.stringify({ op, idError: 99 }) });
      const e = await err(specialitySchedule(mis, token, 'Хирург'));
      expect([op, e?.code, e?.problem]).toEqual([op, '99', 'misUnavailable']);
    }
  });

  it('a cell or a doctor this session was not shown is refused without asking the hub', async () => {
    const mis = make();
    const { token } = await mis.identify(N1);
    seen.length = 0;
    const e = await err(mis.bookSlot(token, { lpuGuid: lpu101, resourceGuid: '00000000-0000-4000-8000-000000000000', date: '2026-11-30', time: '09:00', timeTableGuid: '' }));
    expect(e).toMatchObject({ code: 'n3-slot', problem: 'slotTaken' });
    const d = await err(mis.resourceSchedule(token, { lpuGuid: lpu101, resourceGuid: '00000000-0000-4000-8000-000000000000', ...window }));
    expect(d).toMatchObject({ code: 'n3-doctor', problem: 'bookingNotFound' });
    expect(actions()).toEqual([]);
  });
});
