import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIR, LPU1, LPU2, LPU3, RES } from './seed-data';
import type { RunningSimulator } from './server';
import { api, P, startTestSim, tokenFor } from './test-helpers';

describe('schedule and clinics of a referral', () => {
  let sim: RunningSimulator;
  let p1: string;
  beforeAll(async () => {
    sim = await startTestSim();
    p1 = await tokenFor(sim, P.P1);
  });
  afterAll(() => sim.close());

  it('runs under a non-Moscow OS time zone (set by vitest.config.ts)', () => {
    expect(process.env.TZ).toBe('America/New_York');
  });

  it('is deterministic for a given now', async () => {
    const other = await startTestSim();
    try {
      const t2 = await tokenFor(other, P.P1);
      const path = `/api/v2/directions/${DIR.D1}/schedule?onlyFree=false`;
      const a = await api(sim, 'GET', path, { token: p1 });
      const b = await api(other, 'GET', path, { token: t2 });
      const strip = (x: { lpu: unknown; resources: unknown }[]) => JSON.stringify(x.map((l) => l.resources));
      expect(strip(a.body)).toBe(strip(b.body));
      const statuses = new Set(JSON.stringify(a.body).match(/"status":"(Available|Booked|Expired|Unauthorized)"/g));
      expect(statuses.size).toBe(4);
    } finally {
      await other.close();
    }
  });

  it('covers 14 days in clinic time, every string at +03:00', async () => {
    const r = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}/schedule?onlyFree=false`, { token: p1 });
    const petrov = r.body[0].resources.find((x: { resourceGuid: string }) => x.resourceGuid === RES.cardioPetrov);
    expect(petrov).toMatchObject({ resType: 'Doctor', room: '214', flat: 2, docFio: 'Петров Петр Петрович' });
    const dates: string[] = petrov.days.map((d: { date: string }) => d.date);
    expect(dates[0]).toBe('2026-11-26');
    expect(dates.at(-1)! <= '2026-12-09').toBe(true);
    expect(dates).not.toContain('2026-11-29'); // Sunday
    const first = petrov.days[0].slots[0];
    expect(first).toMatchObject({ time: '09:00', beginTime: '2026-11-26T09:00:00+03:00', endTime: '2026-11-26T09:15:00+03:00', status: 'Expired' });
    const times = JSON.stringify(r.body).match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^"]*/g)!;
    expect(times.length).toBeGreaterThan(50);
    for (const t of times) expect(t).toMatch(/\+03:00$/);
  });

  it('has working weekdays without any free cell for the cardiologist', async () => {
    const r = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}/schedule?lpuGuid=${LPU2}`, { token: p1 });
    const petrov = r.body[0].resources.find((x: { resourceGuid: string }) => x.resourceGuid === RES.cardioPetrov);
    const weekdayEmpty = petrov.days.filter(
      (d: { date: string; slots: unknown[] }) => d.slots.length === 0 && new Date(`${d.date}T12:00:00Z`).getUTCDay() !== 6,
    );
    expect(weekdayEmpty.length).toBeGreaterThan(0);
    expect(petrov.days.some((d: { slots: unknown[] }) => d.slots.length > 0)).toBe(true);
    for (const d of petrov.days) for (const s of d.slots) expect(s.status).toBe('Available');
  });

  it('offers Unauthorized cells only with onlyFree=false, with flagAccess names', async () => {
    const r = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}/schedule?onlyFree=false`, { token: p1 });
    const slots = r.body[0].resources.flatMap((x: { days: { slots: { status: string; flagAccess: string }[] }[] }) =>
      x.days.flatMap((d) => d.slots),
    );
    const unauthorized = slots.filter((s: { status: string }) => s.status === 'Unauthorized');
    expect(unauthorized.length).toBeGreaterThan(0);
    for (const s of unauthorized) expect(s.flagAccess).toBe('Registry');
    expect(slots.filter((s: { status: string; bookingSource: string }) => s.status === 'Booked' && s.bookingSource === 'Registry').length).toBeGreaterThan(0);
  });

  it('a referral for two clinics lists both; one that includes LPU3 shows it offline and without resources', async () => {
    const two = await api(sim, 'GET', `/api/v2/directions/${DIR.D1twoClinics}/lpu`, { token: p1 });
    expect(two.body.map((l: { guid: string }) => l.guid)).toEqual([LPU1, LPU2]);
    const withOffline = await api(sim, 'GET', `/api/v2/directions/${DIR.D1withOffline}/lpu`, { token: p1 });
    const lpu3 = withOffline.body.find((l: { guid: string }) => l.guid === LPU3);
    expect(lpu3.status).toMatchObject({ name: 'Offline', message: 'Запись временно недоступна' });
    expect(lpu3).toMatchObject({ fullName: 'ГБУЗ «Районная больница»', haveSchedule: false });
    const sched = await api(sim, 'GET', `/api/v2/directions/${DIR.D1withOffline}/schedule?lpuGuid=${LPU3}`, { token: p1 });
    expect(sched.body).toHaveLength(1);
    expect(sched.body[0].resources).toEqual([]);
  });

  it('tolerates double slashes and rejects inverted ranges with 4000', async () => {
    const r = await api(sim, 'GET', `//api/v2//directions/${DIR.D1}//lpu`, { token: p1 });
    expect(r.status).toBe(200);
    const bad = await api(sim, 'GET', `/api/v2/directions/${DIR.D1}/schedule?dateFrom=2026-12-01&dateTo=2026-11-30`, { token: p1 });
    expect(bad.status).toBe(400);
    expect(bad.body.message_code).toBe('4000');
  });
});
