// `npm start -- --mis n3`: the flag reaches the demo, and the demo's config then matches the N3
// simulator it started (the adapter's start-up call is answered by the simulator's clinic).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskConfigSchema } from '../core/config/schema';
import { createMis } from '../core/mis/create-mis';
import { silentLogger } from '../core/ports';
import type { DemoBackends } from '../compose/boot';
import { startDemoBackends } from './demo-backends';
import { takeDemoMisFlag } from './demo-mis';

describe('--mis on the demo command line', () => {
  it('is taken out for the host, in both spellings; absent is null', () => {
    expect(takeDemoMisFlag(['--demo', '--mis', 'n3', '--open'])).toEqual({ mis: 'n3', rest: ['--demo', '--open'] });
    expect(takeDemoMisFlag(['--mis=softrust', '--demo'])).toEqual({ mis: 'softrust', rest: ['--demo'] });
    expect(takeDemoMisFlag(['--demo'])).toEqual({ mis: null, rest: ['--demo'] });
  });

  it('refuses a kind it does not know, naming the ones it does', () => {
    expect(() => takeDemoMisFlag(['--mis', 'emias'])).toThrow(/softrust, n3/);
    expect(() => takeDemoMisFlag(['--mis'])).toThrow(/softrust, n3/);
  });
});

describe('the demo on the N3 simulator', () => {
  let demo: DemoBackends | null = null;
  let dir = '';
  afterEach(async () => {
    await demo?.close();
    demo = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs api.kind n3 against the N3 simulator it started, which answers the adapter', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-demo-n3-'));
    const config = KioskConfigSchema.parse({ demo: true, scanner: { type: 'keyboard' } });
    demo = await startDemoBackends(config, path.join(dir, 'slips'), { mis: 'n3' });
    expect(demo.config.api).toMatchObject({ kind: 'n3', baseUrl: demo.simulatorUrl, n3: { idLpu: 101, servicePath: '/HubService.svc' } });
    const info = await createMis(demo.config, { log: silentLogger }).start();
    expect(info.note).toContain('поликлиника №17');
  });

  it('stays on SoftRust without the flag', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-demo-sr-'));
    const config = KioskConfigSchema.parse({ demo: true, scanner: { type: 'keyboard' } });
    demo = await startDemoBackends(config, path.join(dir, 'slips'));
    expect(demo.config.api.kind).toBe('softrust');
    const res = await fetch(`${demo.simulatorUrl}/HubService.svc?wsdl`);
    expect(res.ok).toBe(false);
  });
});
