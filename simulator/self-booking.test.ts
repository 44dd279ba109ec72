// Self-booking without a referral: the PROPOSED list of specialities, the documented speciality
// schedule, and the documented POST /api/v2/visit/{lpuGuid} by cell, check by check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LPU1, LPU2, RES } from './seed-data';
import type { RunningSimulator } from './server';
import { api, bookCell, LPU_KEYS, P, SEED_TEXT, specialityCells, startTestSim, TICKET_KEYS, tokenFor } from './test-helpers';

const THERAPY = '76';
const SURGERY = '112';
const EYES = '65';
const ENT = '64';
const CARDIO = '109';
const NEURO = '53';

let sim: RunningSimulator;
let p1: string;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  p1 = await tokenFor(sim, P.P1);
});

describe('GET /api/v2/selfbooking/specialities (PROPOSED)', () => {
  it('lists the clinics of the patient\'s cards, each a full LpuWithStatus with its open specialities', async () => {
    const r = await api(sim, 'GET', '/api/v2/selfbooking/specialities', { token: p1 });
    expect(r.status).toBe(200);
    expect(r.body.map((x: { lpu: { guid: string } }) => x.lpu.guid)).toEqual([LPU1, LPU2]);
    expect(Object.keys(r.body[0].lpu)).toEqual(expect.arrayContaining(LPU_KEYS));
    expect(r.body[0].specialities).toEqual([
      { code: THERAPY, name: 'Терапия' },
      { code: SURGERY, name: 'Хирургия' },
      { code: EYES, name: 'Офтальмология' },
      { code: ENT, name: 'Оториноларингология' },
    ]);
    expect(r.body[1].specialities).toEqual([
      { code: THERAPY, name: 'Терапия' },
      { code: CARDIO, name: 'Кардиология' },
    ]);
  });

  it('follows the cards: P7 (LPU1 only) sees LPU1; no token → 5010', async () => {
    const p7 = await tokenFor(sim, P.P7);
    const r = await api(sim, 'GET', '/api/v2/selfbooking/specialities', { token: p7 });
    expect(r.body.map((x: { lpu: { guid: string } }) => x.lpu.guid)).toEqual([LPU1]);
    expect((await api(sim, 'GET', '/api/v2/selfbooking/specialities')).body.message_code).toBe('5010');
  });

  it('Офтальмология at LPU1 has working days but no free cell in the whole window (the waiting list)', async () => {
    const all = await specialityCells(sim, p1, LPU1, EYES, null);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((c) => c.status === 'Available')).toEqual([]);
    for (const c of all) expect(['Booked', 'Expired']).toContain(c.status);
    for (const code of [THERAPY, SURGERY, ENT]) expect((await specialityCells(sim, p1, LPU1, code)).length, code).toBeGreaterThan(0);
    expect((await specialityCells(sim, p1, LPU2, THERAPY)).length).toBeGreaterThan(0);
  });
});

describe('POST /api/v2/visit/{lpuGuid}: booking a cell without a referral', () => {
  it('P1 books a therapist by the cell GUID: the referral booking\'s TicketVisitWithLpu; the cell is gone', async () => {
    const cell = (await specialityCells(sim, p1, LPU1, THERAPY))[0]!;
    const r = await bookCell(sim, p1, LPU1, { timeTable: cell.timeTableGuid });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual([...TICKET_KEYS].sort());
    expect(r.body).toMatchObject({
      lpu: { guid: LPU1 },
      timeTableGuid: cell.timeTableGuid,
      docGuid: cell.resourceGuid,
      speciality: 'Терапия',
      beginTime: `${cell.date}T${cell.time}:00+03:00`,
      sourceName: 'Infomat',
    });
    const after = await specialityCells(sim, p1, LPU1, THERAPY, null);
    expect(after.find((c) => c.timeTableGuid === cell.timeTableGuid)?.status).toBe('Booked');
    const visits = await api(sim, 'GET', '/visit', { token: p1 });
    expect(visits.body.map((t: { ticketGuid: string }) => t.ticketGuid)).toContain(r.body.ticketGuid);
    // A double tap of the same cell reads as "time taken", not as a second booking of the speciality.
    const again = await bookCell(sim, p1, LPU1, { timeTable: cell.timeTableGuid });
    expect(again.body).toEqual({ code: 400, message: SEED_TEXT.get('4009'), message_code: '4009', type: 'Validation' });
  });

  it('also takes the documented docGuid + dateTime, and PascalCase keys', async () => {
    const [a, b] = await specialityCells(sim, p1, LPU1, ENT);
    const r = await bookCell(sim, p1, LPU1, { docGuid: a!.resourceGuid, dateTime: `${a!.date} ${a!.time}:00.000` });
    expect(r.status).toBe(200);
    expect(r.body.timeTableGuid).toBe(a!.timeTableGuid);
    const p6 = await tokenFor(sim, P.P6);
    const pascal = await bookCell(sim, p6, LPU1, { TimeTable: b!.timeTableGuid });
    expect(pascal.status).toBe(200);
  });

  it('a race of four patients for one cell has exactly one winner; the others get 4009', async () => {
    const cell = (await specialityCells(sim, p1, LPU1, SURGERY))[2]!;
    const tokens = await Promise.all([P.P1, P.P4, P.P6, P.P7].map((who) => tokenFor(sim, who)));
    const results = await Promise.all(tokens.map((t) => bookCell(sim, t, LPU1, { timeTable: cell.timeTableGuid })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const l of results.filter((r) => r.status !== 200)) expect(l.body.message_code).toBe('4009');
  });

  it('one active booking per speciality, across clinics: a second Терапия → 4008 with the first one\'s time', async () => {
    const first = (await specialityCells(sim, p1, LPU1, THERAPY))[0]!;
    expect((await bookCell(sim, p1, LPU1, { timeTable: first.timeTableGuid })).status).toBe(200);
    const second = (await specialityCells(sim, p1, LPU2, THERAPY))[0]!;
    const r = await bookCell(sim, p1, LPU2, { timeTable: second.timeTableGuid });
    const [y, m, d] = first.date.split('-');
    expect(r.body).toMatchObject({ code: 400, message_code: '4008', type: 'Validation' });
    expect(r.body.message).toBe(
      `Вы уже записаны Смирнов Андрей Викторович на ${d}.${m}.${y} ${first.time}. Запрещено иметь более одной активной записи на прием на одну специальность.`,
    );
  });

  it('P6 (a Кардиология booking already) self-booking a cardiologist → 4008 with his name and that time', async () => {
    const p6 = await tokenFor(sim, P.P6);
    const cell = (await specialityCells(sim, p6, LPU2, CARDIO))[0]!;
    const r = await bookCell(sim, p6, LPU2, { timeTable: cell.timeTableGuid });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(
      'Вы уже записаны Сидоров Алексей Николаевич на 27.11.2026 09:15. Запрещено иметь более одной активной записи на прием на одну специальность.',
    );
  });

  it('P5 (a child) and LPU2\'s adults-only therapist → 4029', async () => {
    const p5 = await tokenFor(sim, P.P5);
    const cell = (await specialityCells(sim, p5, LPU2, THERAPY))[0]!;
    expect(cell.resourceGuid).toBe(RES.therapistLpu2);
    const r = await bookCell(sim, p5, LPU2, { timeTable: cell.timeTableGuid });
    expect(r.body).toEqual({ code: 400, message: SEED_TEXT.get('4029'), message_code: '4029', type: 'Validation' });
  });

  it('P4 (ban on the LPU2 card) → 4007 at LPU2, books at LPU1', async () => {
    const p4 = await tokenFor(sim, P.P4);
    const lpu2 = (await specialityCells(sim, p4, LPU2, THERAPY))[0]!;
    const r = await bookCell(sim, p4, LPU2, { timeTable: lpu2.timeTableGuid });
    expect(r.body).toEqual({ code: 400, message: SEED_TEXT.get('4007'), message_code: '4007', type: 'Validation' });
    const lpu1 = (await specialityCells(sim, p4, LPU1, THERAPY))[0]!;
    expect((await bookCell(sim, p4, LPU1, { timeTable: lpu1.timeTableGuid })).status).toBe(200);
  });

  it('no card in the clinic → 404/4001; an unknown clinic → 404/4044; a bad body → 400/4000', async () => {
    const p7 = await tokenFor(sim, P.P7);
    const cell = (await specialityCells(sim, p7, LPU2, THERAPY))[0]!;
    const noCard = await bookCell(sim, p7, LPU2, { timeTable: cell.timeTableGuid });
    expect(noCard.body).toEqual({ code: 404, message: SEED_TEXT.get('4001'), message_code: '4001', type: 'Error' });
    const unknown = await bookCell(sim, p1, '3c1e7b2a-0000-4000-8000-0000000000ff', { timeTable: cell.timeTableGuid });
    expect([unknown.status, unknown.body.message_code]).toEqual([404, '4044']);
    for (const body of [{}, { docGuid: RES.therapistLpu1 }, { docGuid: RES.therapistLpu1, dateTime: '27.11.2026 09:00' }, { timeTable: '' }]) {
      const r = await bookCell(sim, p1, LPU1, body);
      expect([r.status, r.body.message_code], JSON.stringify(body)).toEqual([400, '4000']);
    }
  });

  it('a cell the kiosk may not book → 4035: unknown, another clinic\'s, registry-only, past, closed to self-booking, beyond the window', async () => {
    const lpu2Cell = (await specialityCells(sim, p1, LPU2, THERAPY))[0]!;
    const registryOnly = (await specialityCells(sim, p1, LPU1, THERAPY, 'Unauthorized'))[0]!;
    const past = (await specialityCells(sim, p1, LPU1, THERAPY, 'Expired'))[0]!;
    const neuro = (await specialityCells(sim, p1, LPU1, NEURO))[0]!;
    const cases: [string, Record<string, string>][] = [
      ['unknown', { timeTable: '00000000-0000-4000-8000-000000000000' }],
      ['another clinic', { timeTable: lpu2Cell.timeTableGuid }],
      ['registry only', { timeTable: registryOnly.timeTableGuid }],
      ['past', { timeTable: past.timeTableGuid }],
      ['not open to self-booking', { timeTable: neuro.timeTableGuid }],
      ['beyond the window', { docGuid: RES.therapistLpu1, dateTime: '2026-12-15 09:00:00.000' }],
    ];
    for (const [what, body] of cases) {
      const r = await bookCell(sim, p1, LPU1, body);
      expect([r.status, r.body.message_code], what).toEqual([400, '4035']);
    }
  });

  it('checks in the documented order: 4007 before 4035, 4035 before 4029, 4029 before 4008, 4008 before 4009', async () => {
    const p4 = await tokenFor(sim, P.P4);
    expect((await bookCell(sim, p4, LPU2, { timeTable: '00000000-0000-4000-8000-000000000000' })).body.message_code).toBe('4007');
    const p5 = await tokenFor(sim, P.P5);
    const unauthorized = (await specialityCells(sim, p5, LPU2, THERAPY, 'Unauthorized'))[0]!;
    expect((await bookCell(sim, p5, LPU2, { timeTable: unauthorized.timeTableGuid })).body.message_code).toBe('4035');
    const p6 = await tokenFor(sim, P.P6);
    const taken = (await specialityCells(sim, p6, LPU2, CARDIO))[1]!;
    await api(sim, 'POST', '/__sim/take', { body: { resourceGuid: taken.resourceGuid, date: taken.date, time: taken.time } });
    expect((await bookCell(sim, p6, LPU2, { timeTable: taken.timeTableGuid })).body.message_code).toBe('4008');
    const free = (await specialityCells(sim, p1, LPU1, SURGERY))[0]!;
    await api(sim, 'POST', '/__sim/take', { body: { resourceGuid: free.resourceGuid, date: free.date, time: free.time } });
    expect((await bookCell(sim, p1, LPU1, { timeTable: free.timeTableGuid })).body.message_code).toBe('4009');
  });
});
