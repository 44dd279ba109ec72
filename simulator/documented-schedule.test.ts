// The documented generic schedule methods and the PascalCase answers of the vendor's tables.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LPU2, RES } from './seed-data';
import type { RunningSimulator } from './server';
import { api, P, startTestSim, tokenFor } from './test-helpers';

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  token = await tokenFor(sim, P.P1);
});

describe('documented schedules (ExtendedSlot)', () => {
  it('a speciality schedule lists the cardiologists of LPU2 with documented slot statuses', async () => {
    const r = await api(sim, 'GET', `/lpu/${LPU2}/speciality/109/schedule/2026-11-27/2026-11-30`, { token });
    expect(r.status).toBe(200);
    expect(r.body.map((x: { resourceGuid: string }) => x.resourceGuid).sort()).toEqual([RES.cardioPetrov, RES.cardioKonst].sort());
    const statuses = new Set(r.body.flatMap((x: { days: { slots: { status: string }[] }[] }) => x.days.flatMap((d) => d.slots.map((s) => s.status))));
    for (const s of statuses) expect(['Available', 'Booked', 'Unauthorized', 'Expired', 'UnavailableWithMessage']).toContain(s);
    expect(statuses.has('Available')).toBe(true);
  });

  it('a doctor schedule answers ExtendedSlot cells; a day closed by the hook carries its message', async () => {
    const closed = await api(sim, 'POST', '/__sim/unavailable', { body: { resourceGuid: RES.cardioPetrov, date: '2026-11-27', message: 'Врач на больничном' } });
    expect(closed.status).toBe(200);
    const r = await api(sim, 'GET', `//lpu/${LPU2}/doctor/${RES.cardioPetrov}/schedule/2026-11-27/2026-11-27`, { token });
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(0);
    for (const s of r.body) expect(s).toMatchObject({ status: 'UnavailableWithMessage', message: 'Врач на больничном', date: '2026-11-27' });
  });

  it('needs a token and a real clinic', async () => {
    expect((await api(sim, 'GET', `/lpu/${LPU2}/speciality/109/schedule/2026-11-27/2026-11-30`)).body.message_code).toBe('5010');
    const r = await api(sim, 'GET', `/lpu/3c1e7b2a-0000-4000-8000-0000000000ff/speciality/109/schedule/2026-11-27/2026-11-30`, { token });
    expect(r.status).toBe(404);
  });
});

describe('PascalCase answers (hook casing)', () => {
  it('turns every key PascalCase, errors included, until reset', async () => {
    await api(sim, 'POST', '/__sim/casing', { body: { casing: 'pascal' } });
    const err = await api(sim, 'GET', '/api/v2/directions');
    expect(err.body).toMatchObject({ Code: 403, Message_code: '5010' });
    const rows = await api(sim, 'GET', '/api/v2/settings/clientApplication/7d3c1e52-0000-0000-0000-00000000ab01');
    expect(rows.body[0]).toHaveProperty('ScheduleDays', 14);
    sim.reset();
    expect((await api(sim, 'GET', '/api/v2/directions')).body).toHaveProperty('message_code', '5010');
  });
});
