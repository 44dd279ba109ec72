import { build } from 'esbuild';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bridgeContract } from '../common/bridge-contract';
import { buildBridge } from './build-bridge';

describe('buildBridge', () => {
  it('has exactly the contract methods, each invoking its own channel', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const bridge = buildBridge(invoke);
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(bridgeContract).sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await expect(bridge.identify({ policy: '1', birthDate: '2000-01-01' })).resolves.toEqual({
      ok: true,
      value: { channel: 'kiosk:identify', input: { policy: '1', birthDate: '2000-01-01' } },
    });
    await bridge.listReferrals(undefined as never);
    expect(invoke).toHaveBeenLastCalledWith('kiosk:listReferrals', {});
  });

  it('turns a broken IPC into an envelope instead of a rejection', async () => {
    const bridge = buildBridge(() => Promise.reject(new Error('No handler registered')));
    await expect(bridge.kioskInfo({})).resolves.toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});

describe('preload bundle', () => {
  it('is one CommonJS file that requires only electron, exposes only window.kiosk, without zod', async () => {
    const out = await build({
      entryPoints: [path.join(__dirname, 'preload.ts')],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'chrome140',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/zod'))).toBe(false);
    expect(inputs.some((i) => i.endsWith('bridge-contract.ts'))).toBe(false);
    expect(code).toContain('exposeInMainWorld');
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(code.length).toBeLessThan(4000);
  });
});
