// The PROPOSED waiting list: POST /api/v2/waitinglist/{lpuGuid} and the GET /__sim/waitinglist hook.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIR, LPU1, LPU2 } from './seed-data';
import { startSimulator, type RunningSimulator } from './server';
import { api, NOW, P, startTestSim, tokenFor } from './test-helpers';

const PHONE = '9161234567';
const join = (sim: RunningSimulator, token: string, lpu: string, body: Record<string, unknown>) =>
  api(sim, 'POST', `/api/v2/waitinglist/${lpu}`, { token, body });

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

describe('POST /api/v2/waitinglist/{lpuGuid} (PROPOSED)', () => {
  it('takes a speciality without time and answers an id; the hook lists it; a second one → 4046', async () => {
    const r = await join(sim, p1, LPU1, { specialityCode: '65', phone: PHONE, reason: 'noSlots' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const list = await api(sim, 'GET', '/__sim/waitinglist');
    expect(list.body).toEqual([
      expect.objectContaining({ id: r.body.id, lpuGuid: LPU1, speciality: 'Офтальмология', specialityCode: '65', directionGuid: null, phone: PHONE, reason: 'noSlots' }),
    ]);
    const again = await join(sim, p1, LPU1, { specialityCode: '65', phone: '9000000000', reason: 'noConvenientTime' });
    expect(again.body).toEqual({ code: 400, message: 'Вы уже стоите в листе ожидания на прием к врачу этой специальности', message_code: '4046', type: 'Validation' });
    // Another speciality, or the same one at another clinic, is a request of its own.
    expect((await join(sim, p1, LPU1, { specialityCode: '76', phone: PHONE, reason: 'noConvenientTime' })).status).toBe(200);
    expect((await join(sim, p1, LPU2, { specialityCode: '76', phone: PHONE, reason: 'noConvenientTime' })).status).toBe(200);
    sim.reset();
    expect((await api(sim, 'GET', '/__sim/waitinglist')).body).toEqual([]);
  });

  it('takes a referral instead of a speciality, with the referral\'s checks', async () => {
    const r = await join(sim, p1, LPU1, { directionGuid: DIR.D1twoClinics, phone: PHONE, reason: 'noConvenientTime' });
    expect(r.status).toBe(200);
    expect((await api(sim, 'GET', '/__sim/waitinglist')).body[0]).toMatchObject({ speciality: 'Неврология', directionGuid: DIR.D1twoClinics });
    expect((await join(sim, p1, LPU1, { directionGuid: DIR.D1twoClinics, phone: PHONE, reason: 'noSlots' })).body.message_code).toBe('4046');
    expect((await join(sim, p1, LPU1, { directionGuid: DIR.D2, phone: PHONE, reason: 'noSlots' })).body.message_code).toBe('4033');
    expect((await join(sim, p1, LPU2, { directionGuid: DIR.D1booked, phone: PHONE, reason: 'noSlots' })).body.message_code).toBe('4034');
    expect((await join(sim, p1, LPU1, { directionGuid: DIR.D1, phone: PHONE, reason: 'noSlots' })).body.message_code).toBe('4000'); // D1 is for LPU2
    const p7 = await tokenFor(sim, P.P7);
    expect((await join(sim, p7, LPU1, { directionGuid: DIR.D1twoClinics, phone: PHONE, reason: 'noSlots' })).body.message_code).toBe('4031');
  });

  it('a bad phone, reason or subject → 400/4000, nothing kept', async () => {
    const good = { specialityCode: '65', phone: PHONE, reason: 'noSlots' };
    const bad: Record<string, unknown>[] = [
      { ...good, phone: '+79161234567' },
      { ...good, phone: '89161234567' },
      { ...good, phone: '8161234567' },
      { ...good, phone: '916123456' },
      { ...good, phone: undefined },
      { ...good, reason: 'whenever' },
      { ...good, reason: undefined },
      { ...good, directionGuid: DIR.D1twoClinics },
      { phone: PHONE, reason: 'noSlots' },
      { ...good, specialityCode: '53' }, // Неврология is not open to self-booking at LPU1
      { ...good, specialityCode: '999' },
    ];
    for (const body of bad) {
      const r = await join(sim, p1, LPU1, body);
      expect([r.status, r.body.message_code], JSON.stringify(body)).toEqual([400, '4000']);
    }
    expect((await api(sim, 'GET', '/__sim/waitinglist')).body).toEqual([]);
  });

  it('clinic and card first: 4044, 4001, 4007; no token → 5010', async () => {
    const body = { specialityCode: '76', phone: PHONE, reason: 'noSlots' };
    expect((await join(sim, p1, '3c1e7b2a-0000-4000-8000-0000000000ff', body)).body.message_code).toBe('4044');
    const p7 = await tokenFor(sim, P.P7);
    expect((await join(sim, p7, LPU2, body)).body.message_code).toBe('4001');
    const p4 = await tokenFor(sim, P.P4);
    expect((await join(sim, p4, LPU2, body)).body.message_code).toBe('4007');
    expect((await api(sim, 'POST', `/api/v2/waitinglist/${LPU1}`, { body })).body.message_code).toBe('5010');
  });
});

describe('the phone stays out of the simulator\'s console', () => {
  it('a logging simulator prints the request line, never the phone', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
    const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
    const loud = await startSimulator({ port: 0, now: NOW });
    try {
      const token = await tokenFor(loud, P.P1);
      expect((await join(loud, token, LPU1, { specialityCode: '65', phone: PHONE, reason: 'noSlots' })).status).toBe(200);
      expect((await join(loud, token, LPU1, { specialityCode: '65', phone: PHONE, reason: 'noSlots' })).status).toBe(400);
      expect((await join(loud, token, LPU1, { specialityCode: '65', phone: `+7${PHONE}`, reason: 'noSlots' })).status).toBe(400);
    } finally {
      await loud.close();
      log.mockRestore();
      err.mockRestore();
    }
    expect(lines.some((l) => l.includes('/api/v2/waitinglist/'))).toBe(true);
    expect(lines.join('\n')).not.toContain(PHONE);
  });
});
