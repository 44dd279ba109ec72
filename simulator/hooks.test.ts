import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './server';
import { api, bookingBody, freeSlots, P, SEED_TEXT, startTestSim, tokenFor } from './test-helpers';
import { DIR } from './seed-data';

const DIR_D1 = DIR.D1;

describe('test hooks', () => {
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

  it('X-Sim-Fail forces any code on any request', async () => {
    const r = await api(sim, 'GET', '/api/v2/directions', { token: p1, headers: { 'X-Sim-Fail': '5097' } });
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ code: 500, message: SEED_TEXT.get('5097'), message_code: '5097', type: 'Error' });
    const internal = await api(sim, 'GET', '/auth/cod/token?n_pol=1', { headers: { 'X-Sim-Fail': '5000' } });
    expect(internal.body).toMatchObject({ code: 500, message_code: '5000', message: 'Внутренняя ошибка сервера' });
    expect((await api(sim, 'GET', '/api/v2/directions', { token: p1 })).status).toBe(200);
  });

  it('the persistent fail hook fails the next N matching requests only', async () => {
    const set = await api(sim, 'POST', '/__sim/fail', { body: { code: '5097', path: '/api/v2/directions', times: 2 } });
    expect(set.status).toBe(200);
    expect((await api(sim, 'GET', '/visit', { token: p1 })).status).toBe(200); // path does not match
    expect((await api(sim, 'GET', '/api/v2/directions', { token: p1 })).body.message_code).toBe('5097');
    expect((await api(sim, 'GET', '//api/v2/directions/x/lpu', { token: p1 })).body.message_code).toBe('5097');
    expect((await api(sim, 'GET', '/api/v2/directions', { token: p1 })).status).toBe(200);
  });

  it('a fail rule without a path matches any API request, including the token', async () => {
    await api(sim, 'POST', '/__sim/fail', { body: { code: '4009' } });
    const r = await api(sim, 'GET', `/auth/cod/token?n_pol=${P.P1.n_pol}&Birthday=${P.P1.Birthday}`);
    expect([r.status, r.body.message]).toEqual([400, SEED_TEXT.get('4009')]);
    expect((await api(sim, 'GET', '/api/v2/directions', { token: p1 })).status).toBe(200);
  });

  it('delays by header and by rule', async () => {
    let t = Date.now();
    await api(sim, 'GET', '/api/v2/directions', { token: p1, headers: { 'X-Sim-Delay': '300' } });
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    await api(sim, 'POST', '/__sim/delay', { body: { ms: 300, path: '/visit', times: 1 } });
    t = Date.now();
    await api(sim, 'GET', '/visit', { token: p1 });
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    t = Date.now();
    await api(sim, 'GET', '/visit', { token: p1 });
    expect(Date.now() - t).toBeLessThan(250);
  });

  it('sets and reports the clock; reset restores the start', async () => {
    const set = await api(sim, 'POST', '/__sim/now', { body: { now: '2026-12-01T08:00:00+03:00' } });
    expect(set.body.now).toMatch(/^2026-12-01T08:00:0\d\+03:00$/);
    const reset = await api(sim, 'POST', '/__sim/reset');
    expect(reset.body.now).toMatch(/^2026-11-26T10:00:0\d\+03:00$/);
    const now = await api(sim, 'GET', '/__sim/now');
    expect(now.body.now).toMatch(/^2026-11-26T10:00:0\d\+03:00$/);
  });

  it('lists every ticket it holds, booked and cancelled, for a test ledger', async () => {
    const seeded = await api(sim, 'GET', '/__sim/tickets');
    expect(seeded.status).toBe(200);
    const before = seeded.body as unknown as Array<Record<string, unknown>>;
    // The seed's two: P1's ultrasound (Internet) and P6's cardiology appointment (Registry).
    expect(before.map((t) => t.source).sort()).toEqual(['Internet', 'Registry']);
    const [slot] = await freeSlots(sim, p1, DIR_D1);
    const booked = await api(sim, 'POST', `/api/v2/directions/visit/${slot!.lpuGuid}`, { token: p1, body: bookingBody(DIR_D1, slot!) });
    expect(booked.status).toBe(200);
    const guid = (booked.body as unknown as { ticketGuid: string }).ticketGuid;
    await api(sim, 'DELETE', `/api/v2/visit/${slot!.lpuGuid}/${guid}`, { token: p1, body: {} });
    const after = (await api(sim, 'GET', '/__sim/tickets')).body as unknown as Array<Record<string, unknown>>;
    expect(after).toHaveLength(3);
    expect(after.find((t) => t.ticketGuid === guid)).toMatchObject({ status: 'Cancelled', directionGuid: DIR_D1, date: slot!.date, source: 'Infomat' });
    expect(JSON.stringify(after)).not.toMatch(/Смирнов|5000000000000001/);
  });

  it('unknown routes answer 404 in the standard envelope', async () => {
    const r = await api(sim, 'GET', '/api/v2/nothing', { token: p1 });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe(404);
  });
});
