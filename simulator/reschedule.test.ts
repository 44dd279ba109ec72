// Moving a booking to another time of the same doctor: POST /api/v2/visit/{lpuGuid} with the
// PROPOSED previousTicketGuid. The old booking stands until the kiosk cancels it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIR, LPU1, LPU2, RES } from './seed-data';
import type { RunningSimulator } from './server';
import { api, bookCell, bookingBody, freeSlots, P, startTestSim, tokenFor } from './test-helpers';

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

/** Available cells of one resource over the window, from the documented doctor schedule (G2). */
async function doctorCells(token: string, lpuGuid: string, resourceGuid: string): Promise<{ timeTableGuid: string; date: string; time: string }[]> {
  const r = await api(sim, 'GET', `/lpu/${lpuGuid}/doctor/${resourceGuid}/schedule/2026-11-26/2026-12-09`, { token });
  expect(r.status).toBe(200);
  return r.body.filter((s: { status: string }) => s.status === 'Available');
}
const visits = async (token: string) => (await api(sim, 'GET', '/visit', { token })).body as { ticketGuid: string; timeTableGuid: string; speciality: string }[];
const cancel = (token: string, lpu: string, ticket: string) => api(sim, 'DELETE', `/visit/${lpu}/${ticket}`, { token, json: true });

describe('reschedule (previousTicketGuid, PROPOSED)', () => {
  it('a new time of the same doctor is booked beside the old one; the kiosk then cancels the old', async () => {
    const [a, b] = await doctorCells(p1, LPU1, RES.therapistLpu1);
    const old = (await bookCell(sim, p1, LPU1, { timeTable: a!.timeTableGuid })).body;
    expect((await bookCell(sim, p1, LPU1, { timeTable: b!.timeTableGuid })).body.message_code).toBe('4008');

    const moved = await bookCell(sim, p1, LPU1, { timeTable: b!.timeTableGuid, previousTicketGuid: old.ticketGuid });
    expect(moved.status).toBe(200);
    expect(moved.body.timeTableGuid).toBe(b!.timeTableGuid);
    expect(moved.body.history.at(-1)).toMatchObject({ element: 'PreviousTicket', oldValue: old.ticketGuid, newValue: moved.body.ticketGuid });
    expect((await visits(p1)).map((t) => t.ticketGuid)).toEqual(expect.arrayContaining([old.ticketGuid, moved.body.ticketGuid]));

    expect((await cancel(p1, LPU1, old.ticketGuid)).status).toBe(200);
    const left = (await visits(p1)).filter((t) => t.speciality === 'Терапия');
    expect(left.map((t) => t.ticketGuid)).toEqual([moved.body.ticketGuid]);
    expect((await doctorCells(p1, LPU1, RES.therapistLpu1)).map((c) => c.timeTableGuid)).toContain(a!.timeTableGuid);
  });

  it('refuses with 4045 a booking that is not the patient\'s, not active, unknown, or another doctor\'s', async () => {
    const [a, b] = await doctorCells(p1, LPU1, RES.therapistLpu1);
    const evening = (await doctorCells(p1, LPU1, RES.therapistLpu1Evening))[0]!;
    const mine = (await bookCell(sim, p1, LPU1, { timeTable: a!.timeTableGuid })).body;

    const otherDoctor = await bookCell(sim, p1, LPU1, { timeTable: evening.timeTableGuid, previousTicketGuid: mine.ticketGuid });
    expect(otherDoctor.body).toEqual({
      code: 400,
      message: 'Переносимая запись не найдена, неактивна или относится к другому врачу',
      message_code: '4045',
      type: 'Validation',
    });
    const p6 = await tokenFor(sim, P.P6);
    const notMine = await bookCell(sim, p6, LPU1, { timeTable: b!.timeTableGuid, previousTicketGuid: mine.ticketGuid });
    expect(notMine.body.message_code).toBe('4045');
    const unknown = await bookCell(sim, p1, LPU1, { timeTable: b!.timeTableGuid, previousTicketGuid: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body.message_code).toBe('4045');
    await cancel(p1, LPU1, mine.ticketGuid);
    const cancelled = await bookCell(sim, p1, LPU1, { timeTable: b!.timeTableGuid, previousTicketGuid: mine.ticketGuid });
    expect(cancelled.body.message_code).toBe('4045');
    expect((await visits(p1)).some((t) => t.timeTableGuid === b!.timeTableGuid)).toBe(false);
  });

  it('a booking made from a referral keeps its referral when moved, even where self-booking is closed', async () => {
    // P1's ultrasound (referral D1booked, seeded from the portal): Ультразвуковая диагностика is
    // not open to self-booking, so only the move may take such a cell.
    const old = (await visits(p1)).find((t) => t.speciality === 'Ультразвуковая диагностика')!;
    const target = (await doctorCells(p1, LPU2, RES.ultrasound)).find((c) => c.timeTableGuid !== old.timeTableGuid)!;
    expect((await bookCell(sim, p1, LPU2, { timeTable: target.timeTableGuid })).body.message_code).toBe('4035');

    const moved = await bookCell(sim, p1, LPU2, { timeTable: target.timeTableGuid, previousTicketGuid: old.ticketGuid });
    expect(moved.status).toBe(200);
    const referral = async () => (await api(sim, 'GET', `/api/v2/directions/${DIR.D1booked}`, { token: p1 })).body;
    expect(await referral()).toMatchObject({ status: 'Booked', ticket: { ticketGuid: moved.body.ticketGuid } });
    // Cancelling the old booking leaves the referral on the new one; cancelling that frees it.
    expect((await cancel(p1, LPU2, old.ticketGuid)).status).toBe(200);
    expect(await referral()).toMatchObject({ status: 'Booked', ticket: { ticketGuid: moved.body.ticketGuid } });
    expect((await cancel(p1, LPU2, moved.body.ticketGuid)).status).toBe(200);
    expect(await referral()).toMatchObject({ status: 'Active', ticket: null });
  });

  it('a referral booking moved within the referral\'s speciality is not refused as «already booked» (4034) nor 4008', async () => {
    const [slot] = await freeSlots(sim, p1, DIR.D1);
    const old = (await api(sim, 'POST', `/api/v2/directions/visit/${LPU2}`, { token: p1, body: bookingBody(DIR.D1, slot!) })).body;
    const target = (await doctorCells(p1, LPU2, slot!.resourceGuid)).find((c) => c.timeTableGuid !== slot!.timeTableGuid)!;
    const moved = await bookCell(sim, p1, LPU2, { timeTable: target.timeTableGuid, previousTicketGuid: old.ticketGuid });
    expect(moved.status).toBe(200);
    const d1 = (await api(sim, 'GET', `/api/v2/directions/${DIR.D1}`, { token: p1 })).body;
    expect(d1.ticket.ticketGuid).toBe(moved.body.ticketGuid);
  });
});
