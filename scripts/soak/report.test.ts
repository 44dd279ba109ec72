import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from './report';
import type { SoakResult } from './run';
import type { Sample } from './stats';

const out = mkdtempSync(path.join(os.tmpdir(), 'infomat-soak-report-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const sample = (session: number): Sample => ({
  session,
  t: session,
  day: Math.floor(session / 300),
  rendererHeapMB: 4,
  rendererJsDataMB: 1.06,
  rendererCodeMB: 2.9,
  rendererNativeMB: 3.3,
  domNodes: 125,
  listeners: 176,
  documents: 1,
  hostRssMB: 120 + session / 1000,
  hostHeapMB: 25,
  hostFds: 38,
  chromiumRssMB: 800,
  chromiumProcs: 9,
  rendererProcRssMB: 150,
  browserProcRssMB: 200,
  diskLogsMB: 1,
  diskJournalMB: 1,
  diskSlipsMB: 1,
  diskProfileMB: 3,
  profileDirs: 1,
});

describe('the soak report', () => {
  it('writes the table, the HTML with its plots, the PNGs, README.md and summary.json', async () => {
    const r = {
      options: { sessions: 1000, seed: 't', screensShare: 0.25, perDay: 300, rates: {}, sampleEvery: 50, retentionDays: 2, tz: 'Europe/Berlin', start: '2027-03-25', restartDelayMs: 3000, keepWorkDir: false, viewport: { width: 1080, height: 1920 } },
      planned: { screens: 250, bridge: 750, kinds: { 'screens/book': 250, 'bridge/book': 750 } },
      ledger: { sessions: [], prints: [], tokensInLogs: 0, rendererErrorsInLogs: 0, reprintLimit: 1 },
      samples: Array.from({ length: 21 }, (_, i) => sample(i * 50)),
      recoveries: [{ kind: 'cold-start', session: 0, welcomeMs: 1500, reactMs: 1600, byItself: true }],
      faults: { 'mis-5xx': 3, 'paper-end': 1 },
      windows: [{ kind: 'paper-end', from: 100, to: 105 }],
      events: [{ session: 300, kind: 'day' }, { session: 120, kind: 'mis-5xx' }],
      days: 4,
      dst: [{ session: 900, day: 3, from: 60, to: 120 }],
      wallMs: 20 * 60_000,
      config: { kioskId: 'SOAK-01' },
    } as unknown as SoakResult;
    const rep = await buildReport(r, { outDir: out, warmup: 100, budgetsFile: path.resolve('bench/soak-budgets.json') });
    expect(rep.ok).toBe(true);
    expect(rep.table).toMatch(/Cold start .*1\.50 s/);
    expect(rep.table).toMatch(/daylight saving switch crossed at session 900 \(UTC\+1 → UTC\+2\)/);
    expect(rep.table).toMatch(/Kiosk process RSS \(MB\)\s+120\.10\s+121\.00\s+1\.000/);
    const html = readFileSync(path.join(out, 'soak.html'), 'utf8');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('within budget, every invariant 0');
    const png = readFileSync(path.join(out, 'soak-hostRssMB.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('![Kiosk process RSS](soak-hostRssMB.png)');
    expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).figures.hostRssMBPer1000).toBeCloseTo(1);
    expect(existsSync(path.join(out, 'result.json'))).toBe(true);
  });
});
