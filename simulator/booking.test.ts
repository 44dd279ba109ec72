import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIR, LPU1, LPU2, RES } from './seed-data';
import type { RunningSimulator } from './server';
import { api, bookingBody, freeSlots, LPU_KEYS, P, SEED_TEXT, startTestSim, TICKET_KEYS, tokenFor } from './test-helpers';

const book = (sim: RunningSimulator, token: string, body: Record<string, string>) =>
  api(sim, 'POST', `/api/v2/directions/visit/${body.lpuGuid}`, { token, body });


describe('booking by referral', () => {
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

  it('P1 lists Active referrals by default and every status on request', async () => {
    const active = await api(sim, 'GET', '/api/v2/directions', { token: p1 });
    expect(active.status).toBe(200);
    const guids = active.body.map((d: { guid: string }) => d.guid);
    expect(guids).toEqual(expect.arrayContaining([DIR.D1, DIR.D1twoClinics, DIR.D1withOffline]));
    expect(active.body.every((d: { status: string }) => d.status === 'Active')).toBe(true);

    const q = ['Active', 'Booked', 'Used', 'Expired', 'Cancelled'].map((s) => `status=${s}`).join('&');
    const all = await api(sim, 'GET', `/api/v2/directions?${q}`, { token: p1 });
    const byGuid = new Map(all.body.map((d: { guid: string }) => [d.guid, d]));
    expect(byGuid.size).toBe(6);
    const d2 = byGuid.get(DIR.D2) as { status: string; type: string };
    expect(d2).toMatchObject({ status: 'Expired', type: 'Laboratory' });
    const booked = byGuid.get(DIR.D1booked) as { status: string; ticket: { speciality: string } };
    expect(booked.status).toBe('Booked');
    expect(booked.ticket.speciality).toBe('Ультразвуковая диагностика');
    expect((byGuid.get(DIR.D1used) as { status: string }).status).toBe('Used');
    const d1 = byGuid.get(DIR.D1) as Record<string, unknown>;
    expect(d1).toMatchObject({ type: 'Consultation', speciality: { name: 'Кардиология' }, hasSchedule: true });
    expect(d1.lpuTo).toEqual([expect.objectContaining({ lpuGuid: LPU2 })]);
  });

  it('P1 sees free cells of both cardiologists and books one: full TicketVisitWithLpu', async () => {
    const slots = await freeSlots(sim, p1, DIR.D1);
    expect(new Set(slots.map((s) => s.resourceGuid))).toEqual(new Set([RES.cardioPetrov, RES.cardioKonst]));
    const slot = slots.find((s) => s.resourceGuid === RES.cardioPetrov)!;
    const r = await book(sim, p1, bookingBody(DIR.D1, slot));
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual([...TICKET_KEYS].sort());
    expect(Object.keys(r.body.lpu)).toEqual(expect.arrayContaining(LPU_KEYS));
    expect(r.body.lpu).toMatchObject({ guid: LPU2, status: { name: 'Online' } });
    expect(r.body.lpu.worktimes.monday).toBe('8:00 - 18:00');
    expect(r.body).toMatchObject({
      room: '214',
      flat: 2,
      docFio: 'Петров П.П.',
      docGuid: RES.cardioPetrov,
      resType: 'Doctor',
      doctorRole: 'Врач-кардиолог',
      speciality: 'Кардиология',
      timeTableGuid: slot.timeTableGuid,
      beginTime: `${slot.date}T${slot.time}:00+03:00`,
      sourceName: 'Infomat',
      login: 'Infomat',
      busyType: { type: expect.any(Number), code: null },
    });
    expect(r.body.num).toMatch(/^214\.\d\d$/);
    expect(r.body.endTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+03:00$/);
    expect(r.body.dateOfAppointment).toMatch(/^2026-11-26T10:00:\d\d\+03:00$/);
    expect(r.body.history[0]).toMatchObject({ editor: 'Infomat', client: { mnem: 'Infomat', name: 'Инфомат' } });

    // The cell is gone from the free list and the referral carries the ticket.
    expect((await freeSlots(sim, p1, DIR.D1twoClinics)).length).toBeGreaterThan(0);
    const d1 = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}`, { token: p1 });
    expect(d1.body.status).toBe('Booked');
    expect(d1.body.ticket.ticketGuid).toBe(r.body.ticketGuid);
    const visits = await api(sim, 'GET', '/visit', { token: p1 });
    expect(visits.body.map((t: { ticketGuid: string }) => t.ticketGuid)).toContain(r.body.ticketGuid);

    // The same booking again: the time is taken.
    const again = await book(sim, p1, bookingBody(DIR.D1, slot));
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ code: 400, message: SEED_TEXT.get('4009'), message_code: '4009', type: 'Validation' });
  });

  it('a race of 10 bookings of one cell has exactly one winner, the rest get 4009', async () => {
    const slot = (await freeSlots(sim, p1, DIR.D1))[3]!;
    const results = await Promise.all(Array.from({ length: 10 }, () => book(sim, p1, bookingBody(DIR.D1, slot))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers).toHaveLength(9);
    for (const l of losers) expect(l.body.message_code).toBe('4009');
  });

  it('a cell taken by the registry in between → 4009 (take hook)', async () => {
    const slot = (await freeSlots(sim, p1, DIR.D1))[0]!;
    const t = await api(sim, 'POST', '/__sim/take', { body: { resourceGuid: slot.resourceGuid, date: slot.date, time: slot.time } });
    expect(t.body.timeTableGuid).toBe(slot.timeTableGuid);
    const r = await book(sim, p1, bookingBody(DIR.D1, slot));
    expect(r.status).toBe(400);
    expect(r.body.message_code).toBe('4009');
  });

  it('accepts PascalCase body keys', async () => {
    const s = (await freeSlots(sim, p1, DIR.D1))[1]!;
    const r = await api(sim, 'POST', `/api/v2/directions/visit/${LPU2}`, {
      token: p1,
      body: { Date: s.date, Time: s.time, DirectionGuid: DIR.D1, LpuGuid: s.lpuGuid, ResourceGuid: s.resourceGuid },
    });
    expect(r.status).toBe(200);
  });

  it('missing or invalid body fields → 400/4000', async () => {
    const s = (await freeSlots(sim, p1, DIR.D1))[0]!;
    const good = bookingBody(DIR.D1, s);
    const bad = [
      { ...good, time: undefined },
      { ...good, date: '26.11.2026' },
      { ...good, time: '9:5' },
      { ...good, lpuGuid: LPU1 }, // differs from the path
    ];
    for (const body of bad) {
      const r = await api(sim, 'POST', `/api/v2/directions/visit/${LPU2}`, { token: p1, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message_code).toBe('4000');
    }
    const notJson = await fetch(`${sim.url}/api/v2/directions/visit/${LPU2}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${p1}`, 'Content-Type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('a cell without the kiosk right, or in the past → 4035', async () => {
    const r = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}/schedule?onlyFree=false`, { token: p1 });
    const petrov = r.body[0].resources.find((x: { resourceGuid: string }) => x.resourceGuid === RES.cardioPetrov);
    const cells = petrov.days.flatMap((d: { date: string; slots: { time: string; status: string }[] }) =>
      d.slots.map((s) => ({ ...s, date: d.date })),
    );
    for (const status of ['Unauthorized', 'Expired']) {
      const c = cells.find((x: { status: string }) => x.status === status);
      expect(c, status).toBeDefined();
      const res = await book(sim, p1, { date: c.date, time: c.time, directionGuid: DIR.D1, lpuGuid: LPU2, resourceGuid: RES.cardioPetrov });
      expect(res.status).toBe(400);
      expect(res.body.message_code).toBe('4035');
    }
    const noCell = await book(sim, p1, { date: '2026-11-27', time: '09:07', directionGuid: DIR.D1, lpuGuid: LPU2, resourceGuid: RES.cardioPetrov });
    expect(noCell.body.message_code).toBe('4035');
  });

  it('P4 (self-booking ban on the card) → 4007', async () => {
    const token = await tokenFor(sim, P.P4);
    const s = (await freeSlots(sim, token, DIR.D4))[0]!;
    const r = await book(sim, token, bookingBody(DIR.D4, s));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 400, message: SEED_TEXT.get('4007'), message_code: '4007', type: 'Validation' });
  });

  it('P5 (child, adults-only doctor) → 4029', async () => {
    const token = await tokenFor(sim, P.P5);
    const s = (await freeSlots(sim, token, DIR.D5))[0]!;
    const r = await book(sim, token, bookingBody(DIR.D5, s));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 400, message: SEED_TEXT.get('4029'), message_code: '4029', type: 'Validation' });
  });

  it('P6 (already booked to Кардиология) → 4008 with his name and the existing time', async () => {
    const token = await tokenFor(sim, P.P6);
    const visits = await api(sim, 'GET', '/visit', { token });
    expect(visits.body).toHaveLength(1);
    const existing = visits.body[0];
    expect(existing.speciality).toBe('Кардиология');
    const [, y, m, d, hm] = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)/.exec(existing.beginTime)!;
    const s = (await freeSlots(sim, token, DIR.D6))[0]!;
    const r = await book(sim, token, bookingBody(DIR.D6, s));
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(
      `Вы уже записаны Сидоров Алексей Николаевич на ${d}.${m}.${y} ${hm}. Запрещено иметь более одной активной записи на прием на одну специальность.`,
    );
    expect(r.body.message).toContain('27.11.2026 09:15');
    expect(r.body.type).toBe('Validation');
  });

  it('P7 (no card in LPU2) → 404/4001', async () => {
    const token = await tokenFor(sim, P.P7);
    const s = (await freeSlots(sim, token, DIR.D7))[0]!;
    const r = await book(sim, token, bookingBody(DIR.D7, s));
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ code: 404, message: SEED_TEXT.get('4001'), message_code: '4001', type: 'Error' });
  });

  it("P1's referral with P7's token → 400/4031", async () => {
    const token = await tokenFor(sim, P.P7);
    const get = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}`, { token });
    expect(get.status).toBe(400);
    expect(get.body.message).toBe(SEED_TEXT.get('4031'));
    expect((await api(sim, 'GET', `/api/v2/directions/${DIR.D1}/schedule`, { token })).body.message_code).toBe('4031');
    // In LPU2 P7 has no card, and 4001 is checked first; in LPU1 (where P7 has a card) 4031 shows.
    const s = (await freeSlots(sim, p1, DIR.D1))[0]!;
    const r = await api(sim, 'POST', `/api/v2/directions/visit/${LPU1}`, {
      token,
      body: { ...bookingBody(DIR.D1, s), lpuGuid: LPU1 },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 400, message: SEED_TEXT.get('4031'), message_code: '4031', type: 'Error' });
    const unknown = await api(sim, 'GET', '/api/v2/directions/5b0c8f0e-0000-4000-8000-000000000999', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message_code).toBe('4032');
  });

  it('D2 (expired) → 4033 on clinics, schedule and booking', async () => {
    for (const path of [`/api/v2/directions/${DIR.D2}/lpu`, `/api/v2/directions/${DIR.D2}/schedule`]) {
      const r = await api(sim, 'GET', path, { token: p1 });
      expect(r.status).toBe(400);
      expect(r.body.message_code).toBe('4033');
    }
    const r = await book(sim, p1, { date: '2026-11-27', time: '08:00', directionGuid: DIR.D2, lpuGuid: LPU1, resourceGuid: RES.labLpu1 });
    expect(r.status).toBe(400);
    expect(r.body.message_code).toBe('4033');
  });

  it('an already booked referral → 4034', async () => {
    const [slot, another] = await freeSlots(sim, p1, DIR.D1);
    expect((await book(sim, p1, bookingBody(DIR.D1, slot!))).status).toBe(200);
    // The schedule of a booked referral is refused too.
    expect((await api(sim, 'GET', `/api/v2/directions/${DIR.D1}/schedule`, { token: p1 })).body.message_code).toBe('4034');
    const r = await book(sim, p1, bookingBody(DIR.D1, another!));
    expect(r.status).toBe(400);
    expect(r.body.message_code).toBe('4034');
  });
});
