import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './errors';
import type { RunningSimulator } from './server';
import { api, SEED_TABLE, startTestSim } from './test-helpers';


describe('error catalogue', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSim();
  });
  afterAll(() => sim.close());

  it.each(SEED_TABLE)('%i / %s matches the seed byte for byte', (http, code, text, type) => {
    const entry = ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE];
    expect(entry.http).toBe(http);
    expect(Buffer.from(entry.message, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(entry.type).toBe(type);
  });

  it.each(SEED_TABLE.filter(([, code]) => code !== '4008'))(
    'X-Sim-Fail %i / %s comes back over HTTP in the standard envelope',
    async (http, code, text, type) => {
      const r = await api(sim, 'GET', '/api/v2/directions', { headers: { 'X-Sim-Fail': code } });
      expect(r.status).toBe(http);
      expect(r.body).toEqual({ code: http, message: text, message_code: code, type });
    },
  );

  it('a forced 4008 has its placeholders filled', async () => {
    const r = await api(sim, 'GET', '/api/v2/directions', { headers: { 'X-Sim-Fail': '4008' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^Вы уже записаны [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ на \d\d\.\d\d\.\d{4} \d\d:\d\d\. Запрещено/);
    expect(r.body.message).not.toContain('{');
  });

  it('has every proposed code', () => {
    for (const code of ['4000', '4002', '4032', '4033', '4034', '4035', '4040', '4041', '4042', '4043', '4044', '4045', '4046', '5000', '4442']) {
      expect(ERROR_CATALOGUE).toHaveProperty(code);
    }
  });
});
