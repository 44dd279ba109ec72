import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs script without type declarations
import { justificationAt, runSecurityScan } from './security-scan.mjs';

// Every temp folder of this file lives under one, removed after its tests.
const testRoot = mkdtempSync(path.join(tmpdir(), 'infomat-scan-test-'));
afterAll(() => rmSync(testRoot, { recursive: true, force: true }));

type Finding = { id: string; severity: string; file: string; line: number; blocking: boolean; justification: string | null };
type ScanResult = { ok: boolean; findings: Finding[]; blocking: Finding[]; ms: number };
const scan = runSecurityScan as (o: { input: string; out?: string | null; allowlist?: unknown[] }) => Promise<ScanResult>;
const root = path.resolve(__dirname, '..');

describe('security-scan gate', () => {
  it('fails on the deliberately insecure fixture, including what electronegativity misses', async () => {
    const out = path.join(mkdtempSync(path.join(testRoot, 'sarif-')), 'x.sarif');
    const r = await scan({ input: path.join(root, 'electron/main/__fixtures__'), out });
    expect(r.ok).toBe(false);
    const ids = r.blocking.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    expect(ids).toEqual(expect.arrayContaining(['INFOMAT_NODE_INTEGRATION', 'INFOMAT_WEBVIEW_TAG', 'INFOMAT_OPEN_EXTERNAL']));
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { version: string; runs: Array<{ results: Array<{ properties: { severity: string } }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.some((x) => x.properties.severity === 'HIGH')).toBe(true);
  }, 60_000);

  it('passes on electron/main (the fixture directory is excluded)', async () => {
    const r = await scan({ input: path.join(root, 'electron/main'), out: null });
    expect(r.blocking).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.findings.every((f) => !f.file.includes('__fixtures__'))).toBe(true);
  }, 60_000);

  it('a justification comment or an allowlist entry with a reason unblocks a finding', async () => {
    const dir = mkdtempSync(path.join(testRoot, 'scan-src-'));
    writeFileSync(
      path.join(dir, 'a.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export function f(w: BrowserWindow, css: string) {',
        '  // electronegativity-ignore: constant CSS only, reviewed',
        '  void w.webContents.insertCSS(css);',
        '  void w.webContents.insertCSS(css + css);',
        '}',
      ].join('\n'),
    );
    const r = await scan({ input: dir, out: null, allowlist: [] });
    const byLine = (l: number) => r.findings.find((f) => f.line === l && f.id === 'DANGEROUS_FUNCTIONS_JS_CHECK');
    expect(byLine(4)?.justification).toBe('constant CSS only, reviewed');
    expect(byLine(4)?.blocking).toBe(false);
    expect(byLine(5)?.blocking).toBe(true);
    const r2 = await scan({ input: dir, out: null, allowlist: [{ id: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'a.ts', reason: 'test' }] });
    expect(r2.blocking.filter((f) => f.id === 'DANGEROUS_FUNCTIONS_JS_CHECK')).toEqual([]);
  }, 60_000);

  it('justificationAt reads the same line or the comment lines just above', () => {
    const j = justificationAt as (lines: string[], line: number) => string | null;
    const lines = ['const a = 1;', '// electronegativity-ignore: because we must', 'danger();', 'danger(); // electronegativity-ignore: inline reason', 'x();', 'danger();'];
    expect(j(lines, 3)).toBe('because we must');
    expect(j(lines, 4)).toBe('inline reason');
    expect(j(lines, 6)).toBeNull();
    expect(j(['// electronegativity-ignore: ', 'danger();'], 2)).toBeNull(); // a reason is required
  });
});
