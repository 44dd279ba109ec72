import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../../simulator/fault-proxy';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { createMisProbe } from './mis-probe';

const APP = '7d3c1e52-0000-0000-0000-00000000ab01';

let sim: RunningSimulator;
let proxy: FaultProxy;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true });
  proxy = await startFaultProxy(sim.url);
});

afterAll(async () => {
  await proxy.close();
  await sim.close();
});

describe('MIS probe', () => {
  it('is ok when the simulator answers, without a patient token', async () => {
    const probe = createMisProbe({ baseUrl: proxy.url, clientApplication: APP, timeoutMs: 2000 });
    expect(await probe()).toBe('ok');
    expect(proxy.count('GET', /\/api\/v2\/settings\/clientApplication\//)).toBe(1);
    expect(proxy.tokens).toHaveLength(0);
  });

  it('is down on 5xx, on an answer that never comes, and on a closed port', async () => {
    const probe = createMisProbe({ baseUrl: proxy.url, clientApplication: APP, timeoutMs: 500 });
    proxy.fault({ path: /settings/, mode: { kind: 'replace', status: 503, body: '{"message":"down"}', contentType: 'application/json' } });
    expect(await probe()).toBe('down');
    proxy.fault({ path: /settings/, mode: { kind: 'drop-answer' } });
    expect(await probe()).toBe('down');
    proxy.clear();
    expect(await probe()).toBe('ok');
    const closed = createMisProbe({ baseUrl: 'http://127.0.0.1:9', clientApplication: APP, timeoutMs: 500 });
    expect(await closed()).toBe('down');
  });
});
