import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-builder loads its config through jiti, whose disk cache is a fixed, shared folder in
// the OS temp folder (<tmp>/jiti): off for these tests, which leave nothing behind.
vi.hoisted(() => {
  process.env.JITI_FS_CACHE = 'false';
});
// @ts-expect-error -- plain .mjs script without type declarations
import { validateBuilderConfig } from './validate-builder-config.mjs';

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
});
