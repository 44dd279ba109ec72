import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets, loadBudgets } from '../bench/budgets';
import { INVARIANTS } from './ledger';
import { soakFigures } from './report';
import type { SoakResult } from './run';
import { diskAfterRetention, growthPctPer1000, per1000, points, slopeTable, type Sample } from './stats';

const sample = (session: number, over: Partial<Sample> = {}): Sample => ({
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
  hostRssMB: 120,
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
  ...over,
});

describe('slopes over sessions', () => {
  it('a straight rise is its slope per 1,000 sessions, and its % of the starting level', () => {
    const pts = [0, 500, 1000, 1500, 2000].map((x) => [x, 100 + x / 100] as const);
    expect(per1000(pts)).toBeCloseTo(10);
    expect(growthPctPer1000(pts)).toBeCloseTo(10);
    // Flat with noise is ~0; one point is not a slope.
    expect(Math.abs(per1000([[0, 5], [100, 5.1], [200, 4.9], [300, 5]]))).toBeLessThan(0.5);
    expect(per1000([[0, 1]])).toBeNaN();
  });

  it('leaves out the warm-up and missing readings', () => {
    const s = [sample(0, { rendererHeapMB: 1 }), sample(100, { rendererHeapMB: null }), sample(200), sample(300), sample(400)];
    expect(points(s, 'rendererHeapMB', 50)).toEqual([[200, 4], [300, 4], [400, 4]]);
    const row = slopeTable(s, 50).find((r) => r.key === 'rendererHeapMB')!;
    expect(row.per1000).toBeCloseTo(0);
    expect(row.first).toBe(4);
  });

  it('judges the disk from day retentionDays + 1 on: flat once retention bites', () => {
    // Logs grow 1 MB a day for two days, then the daily sweep keeps two days: a saw-tooth that stays level.
    const s: Sample[] = [];
    for (let i = 0; i <= 2100; i += 50) {
      const day = Math.floor(i / 300);
      const inDay = (i % 300) / 300;
      s.push(sample(i, { day, diskLogsMB: Math.min(day, 2) + inDay, diskJournalMB: 0, diskSlipsMB: 0 }));
    }
    const after = diskAfterRetention(s, 2);
    expect(after.from).toBe(900);
    expect(Math.abs(after.per1000)).toBeLessThan(0.2);
    // The same without retention grows ~3.3 MB per 1000 sessions.
    const growing = s.map((x) => ({ ...x, diskLogsMB: x.session / 300 }));
    expect(diskAfterRetention(growing, 2).per1000).toBeCloseTo(3.33, 1);
    expect(diskAfterRetention(s.slice(0, 5), 2).per1000).toBeNaN();
  });
});

describe('the budgets of --check', () => {
  const result = (samples: Sample[], wallMs = 50 * 60_000): SoakResult =>
    ({
      options: { retentionDays: 2, sampleEvery: 50 },
      planned: { screens: 500, bridge: 1500, kinds: {} },
      samples,
      recoveries: [
        { kind: 'cold-start', session: 0, welcomeMs: 2000, reactMs: 2100, byItself: true },
        { kind: 'host-restart', session: 5, welcomeMs: 6000, reactMs: 6100, byItself: true },
      ],
      wallMs,
    }) as unknown as SoakResult;
  const zero = Object.fromEntries(INVARIANTS.map((k) => [k, 0])) as Record<(typeof INVARIANTS)[number], number>;
  const budgets = loadBudgets(path.resolve('bench/soak-budgets.json'));

  it('a flat run passes every budget', () => {
    const samples = Array.from({ length: 41 }, (_, i) => sample(i * 50));
    const f = soakFigures(result(samples), slopeTable(samples, 100), zero);
    const failed = checkBudgets(f, budgets).filter((l) => !l.ok);
    expect(failed.map((l) => l.key)).toEqual([]);
  });

  it('a leak, a broken invariant, a left-over profile or a slow run fails', () => {
    const samples = Array.from({ length: 41 }, (_, i) => sample(i * 50, { hostRssMB: 120 + i * 0.5, domNodes: 125 + i, profileDirs: i > 30 ? 2 : 1 }));
    const f = soakFigures(result(samples, 70 * 60_000), slopeTable(samples, 100), { ...zero, undelivered: 1 });
    const failed = checkBudgets(f, budgets).filter((l) => !l.ok).map((l) => l.key);
    expect(failed).toEqual(expect.arrayContaining(['inv.undelivered', 'hostRssMBPer1000', 'domNodesPctPer1000', 'leftoverProfileDirs', 'wallMinutesPer1000']));
    expect(failed).not.toContain('rendererHeapPctPer1000');
  });
});
