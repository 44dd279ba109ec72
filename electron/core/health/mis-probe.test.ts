import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../../simulator/fault-proxy';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { startN3Simulator, type RunningN3Simulator } from '../../../simulator/n3/server';
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

describe('MIS probe on an N3 hub (api.kind n3)', () => {
  let hub: RunningN3Simulator;
  let hubProxy: FaultProxy;
  const n3 = { servicePath: '/HubService.svc' };
  const failNext = (body: unknown) => fetch(`${hub.url}/__sim/fail`, { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    hub = await startN3Simulator({ port: 0, quiet: true });
    hubProxy = await startFaultProxy(hub.url);
  });
  afterAll(async () => {
    await hubProxy.close();
    await hub.close();
  });

  it('is ok on one SOAP GetErrorList, without the SoftRust settings read', async () => {
    const probe = createMisProbe({ baseUrl: hubProxy.url, clientApplication: APP, timeoutMs: 2000, n3 });
    expect(await probe()).toBe('ok');
    expect(hubProxy.count('POST', /^\/HubService\.svc$/)).toBe(1);
    expect(hubProxy.count('GET', /settings/)).toBe(0);
    // A business refusal of GetErrorList is still the hub answering.
    await failNext({ op: 'GetErrorList', idError: 99, times: 1 });
    expect(await probe()).toBe('ok');
  });

  it('is down on a SOAP fault of GetErrorList, on 5xx, on no answer, on a closed port', async () => {
    const probe = createMisProbe({ baseUrl: hubProxy.url, clientApplication: APP, timeoutMs: 500, n3 });
    await failNext({ op: 'GetErrorList', fault: true, times: 1 });
    expect(await probe()).toBe('down');
    hubProxy.fault({ path: /HubService/, mode: { kind: 'replace', status: 503, body: 'Service Unavailable', contentType: 'text/html' } });
    expect(await probe()).toBe('down');
    hubProxy.fault({ path: /HubService/, mode: { kind: 'drop-answer' } });
    expect(await probe()).toBe('down');
    hubProxy.clear();
    expect(await probe()).toBe('ok');
    const closed = createMisProbe({ baseUrl: 'http://127.0.0.1:9', clientApplication: APP, timeoutMs: 500, n3 });
    expect(await closed()).toBe('down');
  });
});
