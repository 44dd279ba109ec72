// Metrics served on the clinic's network need a token: without one the configuration is wrong
// (the kiosk shows the technician why and does not start), on this computer only they do not.
import { describe, expect, it } from 'vitest';
import { parseKioskConfigText } from './load';
import { isLoopbackIp } from './telemetry-schema';

const problems = (telemetry: Record<string, unknown>) => {
  const r = parseKioskConfigText(JSON.stringify({ demo: true, telemetry }), 'config.json');
  return r.ok ? [] : r.problems;
};
const TOKEN = 'a-long-random-token-0123456789';

describe('telemetry.metricsHost and telemetry.bearerToken', () => {
  it.each(['127.0.0.1', '127.3.2.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('%s is this computer: no token needed', (metricsHost) => {
    expect(isLoopbackIp(metricsHost)).toBe(true);
    expect(problems({ metricsPort: 9464, metricsHost })).toEqual([]);
  });

  it.each(['10.20.30.41', '192.168.1.5', '0.0.0.0', '::', 'fe80::1', '128.0.0.1'])('%s is on the network: a token is required', (metricsHost) => {
    expect(isLoopbackIp(metricsHost)).toBe(false);
    const p = problems({ metricsPort: 9464, metricsHost });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^telemetry\.bearerToken: метрики открыты в сеть .*bearerToken.*TLS/);
    expect(problems({ metricsPort: 9464, metricsHost, bearerToken: TOKEN })).toEqual([]);
  });

  it('metrics switched off (no port): the address alone is no problem', () => {
    expect(problems({ metricsHost: '10.20.30.41' })).toEqual([]);
  });

  it('a token that is too short is still refused on its own terms', () => {
    expect(problems({ metricsPort: 9464, metricsHost: '10.20.30.41', bearerToken: 'short' })[0]).toMatch(/^telemetry\.bearerToken: токен для метрик — не короче 16 символов/);
  });
});
