// Resources over sessions: least-squares slopes per 1,000 sessions, growth in % of the level
// at the start of the measured stretch, and whether the disk stays flat once retention bites.
import { slope } from '../bench/stats';

export interface Sample {
  /** Sessions done when the sample was taken. */
  session: number;
  /** Real seconds since the run started. */
  t: number;
  /** Virtual day the kiosk was on. */
  day: number;
  /** Renderer (CDP, after a forced GC). Null while no renderer could be read. */
  rendererHeapMB: number | null;
  /**
   * The renderer's heap split from a heap snapshot (heap-snapshot.ts): the page's own data,
   * the JIT's code, and Blink's native objects. A leak of the kiosk's shows in the data.
   */
  rendererJsDataMB: number | null;
  rendererCodeMB: number | null;
  rendererNativeMB: number | null;
  domNodes: number | null;
  listeners: number | null;
  documents: number | null;
  /** The kiosk process (core + browser host): RSS, heap after GC, open file descriptors. */
  hostRssMB: number | null;
  hostHeapMB: number | null;
  hostFds: number | null;
  /** Every Chromium process of the kiosk: summed RSS and how many. */
  chromiumRssMB: number | null;
  chromiumProcs: number | null;
  /** The RSS of the kiosk's renderer process(es) alone (Chromium's `--type=renderer`). */
  rendererProcRssMB: number | null;
  /** The RSS of Chromium's browser process (it keeps whatever DevTools clients ask it to). */
  browserProcRssMB: number | null;
  /** Disk used (du) by the kiosk's logs, print journal, slips and Chromium profile(s), MB. */
  diskLogsMB: number;
  diskJournalMB: number;
  diskSlipsMB: number;
  diskProfileMB: number;
  /** Chromium profile folders in the state folder (one per live browser; more are left-overs). */
  profileDirs: number;
}

export type ResourceKey = Exclude<keyof Sample, 'session' | 't' | 'day'>;

export interface ResourceSpec {
  key: ResourceKey;
  label: string;
  unit: string;
  /** Judged as % growth of its own level (renderer) rather than in units per 1,000 sessions. */
  relative: boolean;
}

export const RESOURCES: readonly ResourceSpec[] = [
  { key: 'rendererHeapMB', label: 'Renderer JS heap after GC (V8 in all)', unit: 'MB', relative: true },
  { key: 'rendererJsDataMB', label: 'Renderer JS data (objects, closures, strings)', unit: 'MB', relative: true },
  { key: 'rendererCodeMB', label: 'Renderer compiled code (bytecode, JIT)', unit: 'MB', relative: false },
  { key: 'rendererNativeMB', label: 'Renderer native objects (Blink, DevTools)', unit: 'MB', relative: false },
  { key: 'domNodes', label: 'Renderer DOM nodes', unit: 'nodes', relative: true },
  { key: 'listeners', label: 'Renderer event listeners', unit: 'listeners', relative: true },
  { key: 'hostRssMB', label: 'Kiosk process RSS', unit: 'MB', relative: false },
  { key: 'hostHeapMB', label: 'Kiosk process heap after GC', unit: 'MB', relative: false },
  { key: 'hostFds', label: 'Kiosk process open fds', unit: 'fds', relative: false },
  { key: 'chromiumRssMB', label: 'Chromium processes RSS (sum)', unit: 'MB', relative: false },
  { key: 'chromiumProcs', label: 'Chromium processes', unit: 'procs', relative: false },
  { key: 'rendererProcRssMB', label: 'Chromium renderer process RSS', unit: 'MB', relative: false },
  { key: 'browserProcRssMB', label: 'Chromium browser process RSS', unit: 'MB', relative: false },
  { key: 'diskLogsMB', label: 'Disk: logs', unit: 'MB', relative: false },
  { key: 'diskJournalMB', label: 'Disk: print journal', unit: 'MB', relative: false },
  { key: 'diskSlipsMB', label: 'Disk: demo slips', unit: 'MB', relative: false },
  { key: 'diskProfileMB', label: 'Disk: Chromium profile', unit: 'MB', relative: false },
  { key: 'profileDirs', label: 'Chromium profile folders', unit: 'dirs', relative: false },
];

export type Point = readonly [number, number];

/** The (session, value) points of one resource at or after `from` sessions, readings only. */
export function points(samples: readonly Sample[], key: ResourceKey, from = 0): Point[] {
  return samples.filter((s) => s.session >= from && s[key] !== null && Number.isFinite(s[key])).map((s) => [s.session, s[key] as number] as const);
}

/** Least-squares growth per 1,000 sessions. */
export function per1000(pts: readonly Point[]): number {
  return slope(pts) * 1000;
}

/**
 * Growth per 1,000 sessions in % of the level where the measured stretch starts (the fitted
 * line's value at its first point), so one noisy first reading does not set the base.
 */
export function growthPctPer1000(pts: readonly Point[]): number {
  if (pts.length < 2) return Number.NaN;
  const b = slope(pts);
  const n = pts.length;
  const mx = pts.reduce((a, [x]) => a + x, 0) / n;
  const my = pts.reduce((a, [, y]) => a + y, 0) / n;
  const base = my + b * (pts[0]![0] - mx);
  return base > 0 ? ((b * 1000) / base) * 100 : Number.NaN;
}

export function last(samples: readonly Sample[], key: ResourceKey): number | null {
  for (let i = samples.length - 1; i >= 0; i--) {
    const v = samples[i]![key];
    if (v !== null && Number.isFinite(v)) return v;
  }
  return null;
}

export const diskTotal = (s: Sample): number => s.diskLogsMB + s.diskJournalMB + s.diskSlipsMB + s.diskProfileMB;

export interface SlopeRow {
  key: ResourceKey;
  label: string;
  unit: string;
  first: number | null;
  last: number | null;
  per1000: number;
  pctPer1000: number;
}

/** One row per resource: first and last reading, slope per 1,000 sessions, % of its level. */
export function slopeTable(samples: readonly Sample[], warmup: number): SlopeRow[] {
  return RESOURCES.map((r) => {
    const pts = points(samples, r.key, warmup);
    return {
      key: r.key,
      label: r.label,
      unit: r.unit,
      first: pts[0]?.[1] ?? null,
      last: last(samples, r.key),
      per1000: per1000(pts),
      pctPer1000: growthPctPer1000(pts),
    };
  });
}

/**
 * The disk (logs + journal + slips) once retention has had a full period to bite: slope per
 * 1,000 sessions over the samples from the first session of day `retentionDays + 1` on. NaN
 * when the run is too short to say.
 */
export function diskAfterRetention(samples: readonly Sample[], retentionDays: number): { from: number; per1000: number } {
  const after = samples.filter((s) => s.day >= retentionDays + 1);
  const from = after[0]?.session ?? Number.NaN;
  const pts = after.map((s) => [s.session, s.diskLogsMB + s.diskJournalMB + s.diskSlipsMB] as const);
  return { from, per1000: pts.length >= 3 ? per1000(pts) : Number.NaN };
}
