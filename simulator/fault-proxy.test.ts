import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import type { RunningSimulator } from './server';
import { startTestSim } from './test-helpers';

describe('fault proxy', () => {
  let sim: RunningSimulator;
  let proxy: FaultProxy;
  beforeAll(async () => {
    sim = await startTestSim();
    proxy = await startFaultProxy(sim.url);
  });
  afterAll(async () => {
    await proxy.close();
    await sim.close();
  });

  it('refuses without forwarding (the MIS never sees it) and counts the rule down', async () => {
    const tickets = async () => ((await (await fetch(`${sim.url}/__sim/tickets`)).json()) as unknown[]).length;
    const before = await tickets();
    const rule = proxy.fault({ path: /^\/api\//, mode: { kind: 'refuse', status: 503, body: '<html>down</html>' }, times: 2 });
    const a = await fetch(`${proxy.url}/api/v2/directions`);
    expect([a.status, await a.text(), a.headers.get('content-type')]).toEqual([503, '<html>down</html>', 'text/html; charset=utf-8']);
    expect(rule.times).toBe(1);
    // A refused POST with a body: answered, never forwarded.
    const b = await fetch(`${proxy.url}/api/v2/directions/visit/x`, { method: 'POST', body: JSON.stringify({ a: 1 }), headers: { 'Content-Type': 'application/json' } });
    expect(b.status).toBe(503);
    expect(rule.times).toBe(0);
    expect(await tickets()).toBe(before);
    // Spent: the next request goes through.
    const c = await fetch(`${proxy.url}/api/v2/directions`);
    expect(c.status).not.toBe(503);
    await c.text();
  });
});
