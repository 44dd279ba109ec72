import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-builder loads its config through jiti, whose disk cache is a fixed, shared folder in
// the OS temp folder (<tmp>/jiti): off for these tests, which leave nothing behind.
vi.hoisted(() => {
  process.env.JITI_FS_CACHE = 'false';
});
// @ts-expect-error -- plain .mjs script without type declarations
import { demoTraceProblems, validateBuilderConfig } from './validate-builder-config.mjs';

type Result = { ok: boolean; problems: string[]; checkedRealFiles: number };
const validate = validateBuilderConfig as (o?: { configPath?: string; env?: Record<string, string | undefined> }) => Promise<Result>;
const root = path.resolve(__dirname, '..');

describe('validate-builder-config', () => {
  it('accepts the real config (schema, policy, files)', async () => {
    const r = await validate({ env: {} });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('accepts the e2e variant, whose only difference is the NodeCliInspect fuse', async () => {
    const r = await validate({ env: { INFOMAT_E2E_BUILD: '1' } });
    expect(r.problems).toEqual([]);
  });

  it('rejects the deliberately broken fixture, for the schema and for our policy', async () => {
    const r = await validate({ configPath: path.join(root, 'build/fixtures/broken-builder-config.cjs'), env: {} });
    expect(r.ok).toBe(false);
    const all = r.problems.join('\n');
    expect(all).toContain('electron-builder schema: configuration.nsis.perMachine should be a boolean');
    expect(all).toContain('asar must be true');
    expect(all).toContain('electronFuses.runAsNode must be false');
    expect(all).toContain('electron/main/main.ts would be packaged into app.asar');
    expect(all).toContain('electron/core/config/load.test.ts would be packaged into app.asar');
    expect(all).toContain('publish: only the generic provider is allowed (it uploads nothing; got "github")');
    expect(all).toContain(`publish: the generic provider's url must be https:// (got "http://updates.example/infomat")`);
  });

  it('finds the simulator inside a bundled main.js by content, not by file name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-builder-content-'));
    try {
      mkdirSync(path.join(dir, 'dist', 'electron'), { recursive: true });
      const main = path.join(dir, 'dist', 'electron', 'main.js');
      const config = { files: ['dist/**/*', 'package.json'], directories: { output: 'release' } };
      const traces = demoTraceProblems as (c: unknown, d: string, e: Record<string, string>) => string[];
      writeFileSync(main, 'function startSimulator(){}; const policy = "5000000000000001"; fetch("/__sim/reset")');
      const found = traces(config, dir, {});
      expect(found.join('\n')).toContain('dist/electron/main.js contains the simulator');
      expect(found.join('\n')).toContain("seed patient's policy number");
      expect(found.join('\n')).toContain("simulator's test hooks");
      // A demo build carries them on purpose.
      expect(traces(config, dir, { INFOMAT_DEMO_BUILD: '1' })).toEqual([]);
      writeFileSync(main, 'console.log("production")');
      expect(traces(config, dir, {})).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
