// The SoftRust adapter's self-booking, reschedule and waiting list against the simulator: each
// method, each refusal in the kiosk's words, and the switches that turn a capability off.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LPU1, LPU2, RES } from '../../../simulator/seed-data';
import type { RunningSimulator } from '../../../simulator/server';
import { api, NOW, P, startTestSim } from '../../../simulator/test-helpers';
import { addDays } from '../../common/rules';
import type { ApiError } from '../api/api-error';
import { createMisClient } from '../api/mis-client';
import { PROPOSED_PATHS } from '../api/endpoint-paths';
import type { DirectionScheduleLpu } from '../api/schemas';
import { createViewModels } from '../booking/view-models';
import type { Logger } from '../ports';
import type { Mis, SlotBookingRequest } from './port';
import { createSoftrustAdapter, type SoftrustEndpoints } from './softrust-adapter';

const APP = '7d3c1e52-0000-0000-0000-00000000ab01';
const FROM = NOW.slice(0, 10);
const TO = addDays(FROM, 13);
const PHONE = '9161234567';

let sim: RunningSimulator;
let logged: string[] = [];
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  logged = [];
});

const recorder: Logger = {
  info: (e, d) => void logged.push(`${e} ${JSON.stringify(d ?? {})}`),
  warn: (e, d) => void logged.push(`${e} ${JSON.stringify(d ?? {})}`),
  error: (e, d) => void logged.push(`${e} ${JSON.stringify(d ?? {})}`),
  audit: (e, d) => void logged.push(`${e} ${JSON.stringify(d ?? {})}`),
};

function adapter(endpoints: Partial<SoftrustEndpoints> = {}): Mis {
  const all = { ...PROPOSED_PATHS, ...endpoints };
  const paths = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null));
  const client = createMisClient({ baseUrl: sim.url, clientApplication: APP, timeoutMs: 5000, retries: 0, paths, log: recorder });
  return createSoftrustAdapter({ client, clientApplication: APP, endpoints: all, checkClientApplication: true, log: recorder });
}
const login = async (mis: Mis, who: { n_pol: string; Birthday: string }) => (await mis.identify({ policy: who.n_pol, birthDate: who.Birthday })).token;
const err = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);
const vm = createViewModels({ timeZone: 'Europe/Moscow' });

/** The cells the kiosk would offer (the view model's own filter), flattened with their row. */
function offered(rows: DirectionScheduleLpu[]): (SlotBookingRequest & { docFio: string })[] {
  return rows.flatMap((row) =>
    row.resources.flatMap((r) =>
      vm.toResource(r, Date.parse(NOW)).days.flatMap((d) =>
        d.slots.map((s) => ({ lpuGuid: row.lpu.guid, resourceGuid: r.resourceGuid, date: d.date, time: s.time, timeTableGuid: s.timeTableGuid, docFio: r.docFio })),
      ),
    ),
  );
}

describe('capabilities follow the switches', () => {
  it('all on by default; the old booking is the kiosk\'s to cancel', () => {
    const mis = adapter();
    expect(mis.capabilities).toMatchObject({ selfBooking: true, reschedule: true, waitingList: true });
    expect(mis.rescheduleMovesOld).toBe(false);
  });

  it('no specialities list → no self-booking; no waiting-list method → no waiting list; refused before anything is sent', async () => {
    const mis = adapter({ selfBookingSpecialities: null, waitingList: null });
    expect(mis.capabilities).toMatchObject({ selfBooking: false, reschedule: true, waitingList: false });
    const cell = { lpuGuid: LPU1, resourceGuid: RES.therapistLpu1, date: '2026-11-27', time: '09:00', timeTableGuid: '' };
    for (const call of [
      mis.selfBookingSpecialities('tok-tok-tok'),
      mis.specialitySchedule('tok-tok-tok', { lpuGuid: LPU1, specialityCode: '76', dateFrom: FROM, dateTo: TO }),
      mis.bookSlot('tok-tok-tok', cell),
      mis.joinWaitingList('tok-tok-tok', { lpuGuid: LPU1, specialityCode: '65', referralGuid: null, phone: PHONE, reason: 'noSlots' }),
    ]) {
      expect((await err(call))?.code).toBe('unsupported');
    }
  });

  it('no cancel (or no visit list) → no reschedule', async () => {
    for (const off of [{ cancel: null }, { visits: null }] as const) {
      const mis = adapter(off);
      expect(mis.capabilities.reschedule).toBe(false);
      expect((await err(mis.resourceSchedule('tok-tok-tok', { lpuGuid: LPU1, resourceGuid: RES.therapistLpu1, dateFrom: FROM, dateTo: TO })))?.code).toBe('unsupported');
      const moved = mis.bookSlot('tok-tok-tok', { lpuGuid: LPU1, resourceGuid: RES.therapistLpu1, date: '2026-11-27', time: '09:00', timeTableGuid: 'x', replaces: { ticketGuid: 'y', lpuGuid: LPU1 } });
      expect((await err(moved))?.code).toBe('unsupported');
    }
  });
});

describe('self-booking', () => {
  it('lists the specialities per clinic of the patient\'s cards, in the MIS\'s order', async () => {
    const mis = adapter();
    const list = await mis.selfBookingSpecialities(await login(mis, P.P1));
    expect(list.map((s) => [s.lpu.guid, s.code, s.name])).toEqual([
      [LPU1, '76', 'Терапия'],
      [LPU1, '112', 'Хирургия'],
      [LPU1, '65', 'Офтальмология'],
      [LPU1, '64', 'Оториноларингология'],
      [LPU2, '76', 'Терапия'],
      [LPU2, '109', 'Кардиология'],
    ]);
    expect(list[0]!.lpu).toMatchObject({ fullName: 'ГБУЗ «Городская поликлиника №1»', status: { name: 'Online' } });
  });

  it('a speciality\'s schedule is the documented one, as the kiosk\'s rows; the eye doctor offers nothing; an unlisted speciality is empty', async () => {
    const mis = adapter();
    const token = await login(mis, P.P1);
    const rows = await mis.specialitySchedule(token, { lpuGuid: LPU1, specialityCode: '76', dateFrom: FROM, dateTo: TO });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.lpu.guid).toBe(LPU1);
    expect(rows[0]!.resources.map((r) => r.resourceGuid).sort()).toEqual([RES.therapistLpu1, RES.therapistLpu1Evening].sort());
    expect(rows[0]!.resources[0]).toMatchObject({ speciality: 'Терапия', room: '21', flat: 2 });
    expect(offered(rows).length).toBeGreaterThan(10);
    const eyes = await mis.specialitySchedule(token, { lpuGuid: LPU1, specialityCode: '65', dateFrom: FROM, dateTo: TO });
    expect(eyes[0]!.resources.length).toBe(1);
    expect(offered(eyes)).toEqual([]);
    expect(await mis.specialitySchedule(token, { lpuGuid: LPU1, specialityCode: '53', dateFrom: FROM, dateTo: TO })).toEqual([]);
  });

  it('books an offered cell by its GUID (or, without one, by doctor and time) and answers the ticket', async () => {
    const mis = adapter();
    const token = await login(mis, P.P1);
    const [cell] = offered(await mis.specialitySchedule(token, { lpuGuid: LPU1, specialityCode: '76', dateFrom: FROM, dateTo: TO }));
    const ticket = await mis.bookSlot(token, cell!);
    expect(ticket).toMatchObject({ lpu: { guid: LPU1 }, docGuid: cell!.resourceGuid, timeTableGuid: cell!.timeTableGuid, beginTime: `${cell!.date}T${cell!.time}:00+03:00` });
    expect((await mis.visits(token)).map((v) => v.ticketGuid)).toContain(ticket.ticketGuid);

    const [ent] = offered(await mis.specialitySchedule(token, { lpuGuid: LPU1, specialityCode: '64', dateFrom: FROM, dateTo: TO }));
    const byTime = await mis.bookSlot(token, { ...ent!, timeTableGuid: '' });
    expect(byTime.timeTableGuid).toBe(ent!.timeTableGuid);
  });

  it('each refusal arrives in the kiosk\'s words', async () => {
    const mis = adapter();
    const first = async (who: { n_pol: string; Birthday: string }, lpuGuid: string, code: string) => {
      const token = await login(mis, who);
      const [cell] = offered(await mis.specialitySchedule(token, { lpuGuid, specialityCode: code, dateFrom: FROM, dateTo: TO }));
      return { token, cell: cell! };
    };
    const p4 = await first(P.P4, LPU2, '76');
    expect(await err(mis.bookSlot(p4.token, p4.cell))).toMatchObject({ code: '4007', problem: 'selfBookingBanned' });
    const p5 = await first(P.P5, LPU2, '76');
    expect(await err(mis.bookSlot(p5.token, p5.cell))).toMatchObject({ code: '4029', problem: 'ageOrSexRestricted' });
    const p6 = await first(P.P6, LPU2, '109');
    const twice = await err(mis.bookSlot(p6.token, p6.cell));
    expect(twice).toMatchObject({ code: '4008', problem: 'alreadyBooked' });
    expect(twice!.shown).toMatch(/^Вы\sуже\sзаписаны\sСидоров\sА\.\s?Н\.\sна\s27\.11\.2026\s09:15/);
    const p1 = await first(P.P1, LPU1, '112');
    await api(sim, 'POST', '/__sim/take', { body: { resourceGuid: p1.cell.resourceGuid, date: p1.cell.date, time: p1.cell.time } });
    expect(await err(mis.bookSlot(p1.token, p1.cell))).toMatchObject({ code: '4009', problem: 'slotTaken' });
    const p7 = await login(mis, P.P7);
    expect(await err(mis.bookSlot(p7, p5.cell))).toMatchObject({ code: '4001', problem: 'noCard' });
    expect(await err(mis.bookSlot(p1.token, { ...p1.cell, timeTableGuid: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: '4035', problem: 'slotTaken' });
  });
});

describe('reschedule', () => {
  it('a doctor\'s schedule, the new time booked with replaces, the old one cancelled by the kiosk', async () => {
    const mis = adapter();
    const token = await login(mis, P.P1);
    const [first] = offered(await mis.specialitySchedule(token, { lpuGuid: LPU1, specialityCode: '76', dateFrom: FROM, dateTo: TO }));
    const old = await mis.bookSlot(token, first!);

    const rows = await mis.resourceSchedule(token, { lpuGuid: LPU1, resourceGuid: old.docGuid, dateFrom: FROM, dateTo: TO });
    expect(rows).toHaveLength(1);
    // The documented slots name no clinic or doctor: the patient's booking with that doctor does.
    expect(rows[0]!.lpu).toMatchObject({ guid: LPU1, fullName: 'ГБУЗ «Городская поликлиника №1»' });
    expect(rows[0]!.resources[0]).toMatchObject({ resourceGuid: old.docGuid, docFio: old.docFio, room: old.room, speciality: 'Терапия' });
    const dates = rows[0]!.resources[0]!.days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    const cells = offered(rows);
    expect(cells.map((c) => c.timeTableGuid)).not.toContain(old.timeTableGuid);

    const target = cells.at(-1)!;
    const moved = await mis.bookSlot(token, { ...target, replaces: { ticketGuid: old.ticketGuid, lpuGuid: LPU1 } });
    expect(moved.timeTableGuid).toBe(target.timeTableGuid);
    expect((await mis.visits(token)).map((v) => v.ticketGuid)).toEqual(expect.arrayContaining([old.ticketGuid, moved.ticketGuid]));
    await mis.cancel(token, old.lpu.guid, old.ticketGuid);
    expect((await mis.visits(token)).filter((v) => v.speciality === 'Терапия').map((v) => v.ticketGuid)).toEqual([moved.ticketGuid]);
  });

  it('a booking that cannot be replaced (another doctor\'s time) → 4045, «booking not found»', async () => {
    const mis = adapter();
    const token = await login(mis, P.P1);
    const therapists = offered(await mis.specialitySchedule(token, { lpuGuid: LPU1, specialityCode: '76', dateFrom: FROM, dateTo: TO }));
    const old = await mis.bookSlot(token, therapists.find((c) => c.resourceGuid === RES.therapistLpu1)!);
    const other = therapists.find((c) => c.resourceGuid === RES.therapistLpu1Evening)!;
    const e = await err(mis.bookSlot(token, { ...other, replaces: { ticketGuid: old.ticketGuid, lpuGuid: LPU1 } }));
    expect(e).toMatchObject({ code: '4045', problem: 'bookingNotFound' });
  });

  it('a doctor with no booking of the patient\'s still answers a bare row of slots', async () => {
    const mis = adapter();
    const token = await login(mis, P.P1);
    const rows = await mis.resourceSchedule(token, { lpuGuid: LPU1, resourceGuid: RES.surgeonLpu1, dateFrom: FROM, dateTo: TO });
    expect(rows[0]!.lpu.guid).toBe(LPU1);
    expect(offered(rows).length).toBeGreaterThan(0);
  });
});

describe('waiting list', () => {
  it('joins by speciality and by referral, answers the MIS\'s id; a second request → alreadyOnWaitingList', async () => {
    const mis = adapter();
    const token = await login(mis, P.P1);
    const a = await mis.joinWaitingList(token, { lpuGuid: LPU1, specialityCode: '65', referralGuid: null, phone: PHONE, reason: 'noSlots' });
    expect(a.reference).toMatch(/^[0-9a-f-]{36}$/);
    const b = await mis.joinWaitingList(token, { lpuGuid: LPU1, specialityCode: null, referralGuid: '5b0c8f0e-0000-4000-8000-000000000105', phone: PHONE, reason: 'noConvenientTime' });
    expect(b.reference).not.toBe(a.reference);
    const kept = (await api(sim, 'GET', '/__sim/waitinglist')).body;
    expect(kept.map((w: { speciality: string; phone: string }) => [w.speciality, w.phone])).toEqual([['Офтальмология', PHONE], ['Неврология', PHONE]]);
    const again = await err(mis.joinWaitingList(token, { lpuGuid: LPU1, specialityCode: '65', referralGuid: null, phone: PHONE, reason: 'noSlots' }));
    expect(again).toMatchObject({ code: '4046', problem: 'alreadyOnWaitingList', shown: null });
  });

  it('a malformed request is refused before anything is sent, and no error or log line carries the phone', async () => {
    const mis = adapter();
    const token = await login(mis, P.P1);
    const bad = [
      { phone: '+79161234567', specialityCode: '65', referralGuid: null },
      { phone: '89161234567', specialityCode: '65', referralGuid: null },
      { phone: PHONE, specialityCode: null, referralGuid: null },
      { phone: PHONE, specialityCode: '65', referralGuid: '5b0c8f0e-0000-4000-8000-000000000105' },
    ];
    for (const q of bad) {
      const e = await err(mis.joinWaitingList(token, { lpuGuid: LPU1, reason: 'noSlots', ...q }));
      expect(e).toMatchObject({ problem: 'requestInvalid', code: null });
      expect(`${e!.message} ${JSON.stringify(e)}`).not.toContain('9161234567');
    }
    expect((await api(sim, 'GET', '/__sim/waitinglist')).body).toEqual([]);
    // The MIS's own refusal of a phone it dislikes (forced here) says 4000, not the number.
    await api(sim, 'POST', '/__sim/fail', { body: { code: '4000', path: '/api/v2/waitinglist' } });
    const refused = await err(mis.joinWaitingList(token, { lpuGuid: LPU1, specialityCode: '65', referralGuid: null, phone: PHONE, reason: 'noSlots' }));
    expect(refused).toMatchObject({ code: '4000', problem: 'requestInvalid' });
    expect(JSON.stringify(refused)).not.toContain(PHONE);
    expect(logged.join('\n')).not.toContain(PHONE);
  });
});
