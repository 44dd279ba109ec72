import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './server';
import { api, P, SEED_TEXT, startTestSim, tokenFor } from './test-helpers';

const tokenUrl = (q: Record<string, string>) => `/auth/cod/token?${new URLSearchParams(q).toString()}`;

describe('GET /auth/cod/token', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('issues a token to P1 with both cards', async () => {
    const r = await api(sim, 'GET', tokenUrl(P.P1));
    expect(r.status).toBe(200);
    expect(typeof r.body.token).toBe('string');
    expect(r.body.token.length).toBeGreaterThan(20);
    expect(r.body.expiresIn).toBe(1800);
    expect(r.body.expires).toMatch(/^2026-11-26T10:30:\d\d\+03:00$/);
    expect(r.body.personGuid).toBe('8a7e3f0c-0000-4000-8000-000000000001');
    expect(r.body.mkabs.map((m: { lpuGuid: string }) => m.lpuGuid)).toEqual([
      '3c1e7b2a-0000-4000-8000-000000000001',
      '3c1e7b2a-0000-4000-8000-000000000002',
    ]);
  });

  it.each(['P4', 'P5', 'P6', 'P7'] as const)('issues a token to %s', async (key) => {
    const r = await api(sim, 'GET', tokenUrl(P[key]));
    expect(r.status).toBe(200);
  });

  it('P2 (only card closed) → 403/5096', async () => {
    const r = await api(sim, 'GET', tokenUrl(P.P2));
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ code: 403, message: SEED_TEXT.get('5096'), message_code: '5096', type: 'Error' });
  });

  it('P3 (no card) → 404/4001', async () => {
    const r = await api(sim, 'GET', tokenUrl(P.P3));
    expect(r.status).toBe(404);
    expect(r.body.message_code).toBe('4001');
    expect(r.body.message).toBe(SEED_TEXT.get('4001'));
  });

  it('unknown policy or wrong birthday → 404/4002', async () => {
    for (const q of [{ n_pol: '5000000000009999', Birthday: '1980-01-15' }, { n_pol: P.P1.n_pol, Birthday: '1980-01-16' }]) {
      const r = await api(sim, 'GET', tokenUrl(q));
      expect(r.status).toBe(404);
      expect(r.body.message_code).toBe('4002');
    }
  });

  it('incomplete or malformed data set → 400/4000', async () => {
    const sets: Record<string, string>[] = [
      {},
      { n_pol: P.P1.n_pol },
      { n_pol: P.P1.n_pol, Birthday: '15.01.1980' },
      { epgu: 'true', snils: '112-233-445 95', f: 'Смирнов' },
      { s_doc: '4510', Birthday: '1980-01-15' },
    ];
    for (const q of sets) {
      const r = await api(sim, 'GET', tokenUrl(q));
      expect(r.status, JSON.stringify(q)).toBe(400);
      expect(r.body.message_code).toBe('4000');
    }
  });

  it('accepts the other data sets and any parameter casing', async () => {
    const sets: Record<string, string>[] = [
      { N_POL: P.P1.n_pol, birthday: P.P1.Birthday },
      { epgu: 'true', snils: '11223344595', f: 'смирнов', n: 'Андрей', p: 'Викторович' },
      { s_doc: '4510', n_doc: '123456', Birthday: '1980-01-15' },
      { personguid: '8a7e3f0c-0000-4000-8000-000000000001' },
      { mkab: '0f2c9d1e-0000-4000-8000-000000000012' },
    ];
    for (const q of sets) {
      const r = await api(sim, 'GET', tokenUrl(q));
      expect(r.status, JSON.stringify(q)).toBe(200);
      expect(r.body.personGuid).toBe('8a7e3f0c-0000-4000-8000-000000000001');
    }
  });

  it('unknown ClientApplication → 400/4442 with the guid in the text', async () => {
    const guid = 'cb174067-702f-42d0-b0eb-1d84a5145150';
    const r = await api(sim, 'GET', tokenUrl(P.P1), { headers: { ClientApplication: guid } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(`Клиентское приложение ${guid} не найдено.`);
  });
});

describe('token checks on patient methods', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const expectAuthError = (r: { status: number; body: { message_code: string; message: string } }, code: string) => {
    expect(r.status).toBe(403);
    expect(r.body.message_code).toBe(code);
    expect(r.body.message).toBe(SEED_TEXT.get(code));
  };

  it('missing or non-Bearer Authorization → 5010', async () => {
    expectAuthError(await api(sim, 'GET', '/api/v2/directions'), '5010');
    expectAuthError(await api(sim, 'GET', '/api/v2/directions', { headers: { Authorization: 'Basic abc' } }), '5010');
    expectAuthError(await api(sim, 'GET', '/visit', { headers: { Authorization: 'Bearer ' } }), '5010');
  });

  it('unknown token → 5008', async () => {
    expectAuthError(await api(sim, 'GET', '/api/v2/directions', { token: 'not-a-token' }), '5008');
  });

  it('X-Sim-Bad-Signature → 5009', async () => {
    const token = await tokenFor(sim, P.P1);
    expectAuthError(await api(sim, 'GET', '/api/v2/directions', { token, headers: { 'X-Sim-Bad-Signature': '1' } }), '5009');
  });

  it('token past its lifetime (clock moved) → 5007', async () => {
    const token = await tokenFor(sim, P.P1);
    expect((await api(sim, 'GET', '/api/v2/directions', { token })).status).toBe(200);
    sim.setNow('2026-11-26T10:31:00+03:00');
    expectAuthError(await api(sim, 'GET', '/api/v2/directions', { token }), '5007');
  });

  it('token past its lifetime (1 s ttl, real time) → 5007', async () => {
    const short = await startTestSim({ tokenTtlSeconds: 1 });
    try {
      const token = await tokenFor(short, P.P1);
      await new Promise((r) => setTimeout(r, 1100));
      expectAuthError(await api(short, 'GET', '/api/v2/directions', { token }), '5007');
    } finally {
      await short.close();
    }
  });

  it('expire-tokens hook → 5007, a new token works', async () => {
    const token = await tokenFor(sim, P.P1);
    expect((await api(sim, 'POST', '/__sim/expire-tokens')).status).toBe(200);
    expectAuthError(await api(sim, 'GET', '/api/v2/directions', { token }), '5007');
    const fresh = await tokenFor(sim, P.P1);
    expect((await api(sim, 'GET', '/api/v2/directions', { token: fresh })).status).toBe(200);
  });

  it('client application settings', async () => {
    const r = await api(sim, 'GET', '/api/v2/settings/clientApplication/7d3c1e52-0000-0000-0000-00000000ab01');
    expect(r.status).toBe(200);
    expect(r.body).toContainEqual({
      clientApplicationName: 'Infomat',
      clientApplicationGuid: '7d3c1e52-0000-0000-0000-00000000ab01',
      function: 'VisitDirection',
      access: 40,
      scheduleDays: 14,
    });
    const all = await api(sim, 'GET', '/api/v2/settings/clientApplication/00000000-0000-0000-0000-000000000000');
    expect(all.body.length).toBeGreaterThan(3);
    const bad = await api(sim, 'GET', '/api/v2/settings/clientApplication/11111111-0000-0000-0000-000000000000');
    expect(bad.status).toBe(400);
    expect(bad.body.message_code).toBe('4442');
  });
});
