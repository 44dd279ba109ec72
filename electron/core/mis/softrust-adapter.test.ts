// The SoftRust adapter against the simulator: the documented client-application check, the
// named switches of the PROPOSED endpoints, the documented speciality schedule, PascalCase.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIR, LPU2, RES } from '../../../simulator/seed-data';
import type { RunningSimulator } from '../../../simulator/server';
import { api, NOW, P, startTestSim } from '../../../simulator/test-helpers';
import { ApiError } from '../api/api-error';
import { createMisClient } from '../api/mis-client';
import { PROPOSED_PATHS } from '../api/endpoint-paths';
import { createViewModels } from '../booking/view-models';
import { createSoftrustAdapter, type SoftrustEndpoints } from './softrust-adapter';

const APP = '7d3c1e52-0000-0000-0000-00000000ab01';
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

function adapter(endpoints: Partial<SoftrustEndpoints> = {}, app = APP) {
  const all = { ...PROPOSED_PATHS, ...endpoints };
  const paths = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null));
  const client = createMisClient({ baseUrl: sim.url, clientApplication: app, timeoutMs: 5000, retries: 0, paths });
  return createSoftrustAdapter({ client, clientApplication: app, endpoints: all, checkClientApplication: true });
}
const who = { policy: P.P1.n_pol, birthDate: P.P1.Birthday };
const err = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

describe('client application check', () => {
  it('learns the schedule window of the kiosk\'s application', async () => {
    const mis = adapter();
    expect(mis.scheduleDays()).toBe(14);
    await expect(mis.start()).resolves.toMatchObject({ scheduleDays: 14 });
    expect(mis.scheduleDays()).toBe(14);
  });
  it('an unknown application GUID is refused with the documented 4442', async () => {
    const e = await err(adapter({}, '11111111-0000-0000-0000-000000000000').start());
    expect(e).toBeInstanceOf(ApiError);
    expect(e!.code).toBe('4442');
  });
});

describe('PROPOSED endpoints behind switches', () => {
  it('a MIS without cancel: capability off, the call refused before anything is sent', async () => {
    const mis = adapter({ cancel: null });
    expect(mis.capabilities).toMatchObject({ cancel: false, visits: true, listReferrals: true, referralByNumber: false });
    const e = await err(mis.cancel('tok-tok-tok', LPU2, RES.cardioPetrov));
    expect(e?.code).toBe('unsupported');
  });
  it('a remapped path reaches the MIS method it names', async () => {
    const mis = adapter({ visits: '/api/v2/visit' });
    const { token } = await mis.identify(who);
    await expect(mis.visits(token)).resolves.toBeInstanceOf(Array);
    const wrong = adapter({ referrals: '/api/v2/referrals-that-do-not-exist' });
    const e = await err(wrong.referrals((await wrong.identify(who)).token, ['Active']));
    expect(e?.httpStatus).toBe(404);
  });
  it('without schedule-by-referral, the documented speciality schedule is used: only Available cells, the MIS message kept', async () => {
    await api(sim, 'POST', '/__sim/unavailable', { body: { resourceGuid: RES.cardioPetrov, date: '2026-11-27', message: 'Врач на больничном' } });
    const mis = adapter({ referralSchedule: null });
    const { token } = await mis.identify(who);
    const rows = await mis.schedule(token, DIR.D1, { lpuGuid: LPU2, dateFrom: '2026-11-26', dateTo: '2026-12-09' });
    expect(rows).toHaveLength(1);
    const vm = createViewModels({ timeZone: 'Europe/Moscow' });
    const res = rows[0]!.resources.map((r) => vm.toResource(r, Date.parse(NOW)));
    const petrov = res.find((r) => r.resourceGuid === RES.cardioPetrov)!;
    expect(petrov.notice).toBe('Врач на больничном');
    expect(petrov.days.find((d) => d.date === '2026-11-27')).toBeUndefined();
    expect(res.some((r) => r.days.length > 0)).toBe(true);
    // Every offered cell is Available in the MIS's own answer.
    const available = new Set(rows[0]!.resources.flatMap((r) => r.days.flatMap((d) => d.slots.filter((s) => s.status === 'Available').map((s) => s.timeTableGuid))));
    for (const r of res) for (const d of r.days) for (const s of d.slots) expect(available.has(s.timeTableGuid)).toBe(true);
  });
});

describe('PascalCase answers', () => {
  it('identifies, lists and reads a PascalCase refusal with its code and Russian message', async () => {
    await api(sim, 'POST', '/__sim/casing', { body: { casing: 'pascal' } });
    const mis = adapter();
    await expect(mis.start()).resolves.toMatchObject({ scheduleDays: 14 });
    const { token } = await mis.identify(who);
    expect((await mis.referrals(token, ['Active'])).length).toBeGreaterThan(0);
    const e = await err(mis.clinics(token, DIR.D2));
    expect(e?.code).toBe('4033');
    expect(e?.serverMessage).toMatch(/[А-Яа-я]/);
  });
});
