import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIR, LPU1, LPU2 } from './seed-data';
import type { RunningSimulator } from './server';
import { api, bookingBody, freeSlots, P, startTestSim, tokenFor } from './test-helpers';

describe('appointments and cancellation', () => {
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

  async function bookD1() {
    const slot = (await freeSlots(sim, p1, DIR.D1))[0]!;
    const r = await api(sim, 'POST', `/api/v2/directions/visit/${LPU2}`, { token: p1, body: bookingBody(DIR.D1, slot) });
    expect(r.status).toBe(200);
    return { slot, ticket: r.body };
  }

  it('lists tickets at /visit and /api/v2/visit', async () => {
    const { ticket } = await bookD1();
    for (const path of ['/visit', '/api/v2/visit']) {
      const r = await api(sim, 'GET', path, { token: p1 });
      expect(r.status).toBe(200);
      expect(r.body.map((t: { ticketGuid: string }) => t.ticketGuid)).toContain(ticket.ticketGuid);
      // sorted by beginTime
      const begins = r.body.map((t: { beginTime: string }) => t.beginTime);
      expect([...begins].sort()).toEqual(begins);
    }
  });

  it('DELETE without Content-Type: application/json → 415, empty body', async () => {
    const { ticket } = await bookD1();
    const res = await fetch(`${sim.url}/visit/${LPU2}/${ticket.ticketGuid}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${p1}` },
    });
    expect(res.status).toBe(415);
    expect(await res.text()).toBe('');
  });

  it('cancels: 200/2000, frees the cell, referral back to Active; a second cancel → 4042', async () => {
    const { slot, ticket } = await bookD1();
    expect((await freeSlots(sim, p1, DIR.D1twoClinics)).length).toBeGreaterThan(0);
    const r = await api(sim, 'DELETE', `/visit/${LPU2}/${ticket.ticketGuid}`, { token: p1, json: true });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: 200, message: 'Запись отменена', message_code: '2000' });
    const d1 = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}`, { token: p1 });
    expect(d1.body).toMatchObject({ status: 'Active', ticket: null });
    const free = await freeSlots(sim, p1, DIR.D1);
    expect(free.map((s) => s.timeTableGuid)).toContain(slot.timeTableGuid);
    const visits = await api(sim, 'GET', '/visit', { token: p1 });
    expect(visits.body.map((t: { ticketGuid: string }) => t.ticketGuid)).not.toContain(ticket.ticketGuid);
    const withCancelled = await api(sim, 'GET', '/visit?includeCancelled=true', { token: p1 });
    const cancelled = withCancelled.body.find((t: { ticketGuid: string }) => t.ticketGuid === ticket.ticketGuid);
    expect(cancelled.history.at(-1)).toMatchObject({ element: 'Status', newValue: 'Cancelled' });
    const again = await api(sim, 'DELETE', `/visit/${LPU2}/${ticket.ticketGuid}`, { token: p1, json: true });
    expect(again.status).toBe(400);
    expect(again.body.message_code).toBe('4042');
  });

  it('a past appointment → 4041', async () => {
    const { ticket } = await bookD1();
    sim.setNow('2026-12-20T10:00:00+03:00');
    const fresh = await tokenFor(sim, P.P1);
    const r = await api(sim, 'DELETE', `/visit/${LPU2}/${ticket.ticketGuid}`, { token: fresh, json: true });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      code: 400,
      message: 'Время приема уже прошло. Нельзя отменить прошедшую запись',
      message_code: '4041',
      type: 'Validation',
    });
  });

  it('unknown clinic → 4044, unknown or foreign ticket → 4040, banned channel → 4043', async () => {
    const { ticket } = await bookD1();
    const unknownLpu = await api(sim, 'DELETE', `/visit/3c1e7b2a-0000-4000-8000-000000000099/${ticket.ticketGuid}`, { token: p1, json: true });
    expect([unknownLpu.status, unknownLpu.body.message_code]).toEqual([404, '4044']);
    const wrongLpu = await api(sim, 'DELETE', `/visit/${LPU1}/${ticket.ticketGuid}`, { token: p1, json: true });
    expect([wrongLpu.status, wrongLpu.body.message_code]).toEqual([404, '4040']);
    const p6 = await tokenFor(sim, P.P6);
    const foreign = await api(sim, 'DELETE', `/visit/${LPU2}/${ticket.ticketGuid}`, { token: p6, json: true });
    expect(foreign.body.message_code).toBe('4040');
    await api(sim, 'POST', '/__sim/cancel-ban', { body: { on: true } });
    const banned = await api(sim, 'DELETE', `/visit/${LPU2}/${ticket.ticketGuid}`, { token: p1, json: true });
    expect([banned.status, banned.body.message_code]).toEqual([400, '4043']);
    await api(sim, 'POST', '/__sim/cancel-ban', { body: { on: false } });
    expect((await api(sim, 'DELETE', `/api/v2/visit/${LPU2}/${ticket.ticketGuid}`, { token: p1, json: true })).status).toBe(200);
  });
});
