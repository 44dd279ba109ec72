// The pure decisions of the configuration cycle, tested without a server or a clock:
// when a kiosk may restart into a new configuration (the quiet moment the updates use: no
// patient session, no technician, the screen untouched for QUIET_MS), whether a layer's new
// document may replace the one it runs, and whether a configuration on trial is healthy.
import type { PrinterHealth } from '../../common/bridge-contract';
import type { LayerSet } from './effective';
import { setDocuments } from './effective';
import type { TrialBaseline } from './store';

export { QUIET_MS } from '../updates/decide';

/** Starts on a trial configuration before it is given up (it crashes the kiosk at start). */
export const MAX_TRIAL_BOOTS = 3;

export interface Activity {
  /** A patient session or service mode is open. */
  sessionActive: boolean;
  /** The last patient input (a tap, a key, a scan, their own call), or null. */
  lastActivity: Date | null;
}

/** No one at the screen, and nobody touched it for `quietMs`. */
export function quietMoment(a: Activity, now: Date, quietMs: number): boolean {
  if (a.sessionActive) return false;
  return a.lastActivity === null || now.getTime() - a.lastActivity.getTime() >= quietMs;
}

/** Printing works, or this configuration does not print (a print mode chosen on purpose). */
export const printerOk = (p: PrinterHealth): boolean => p === 'ready' || p === 'near-end' || p === 'disabled';

export interface HealthReading {
  printer: PrinterHealth;
  mis: 'ok' | 'down' | 'unknown';
}

/** What a new configuration will have to match: only what works now can be held against it. */
export function baselineOf(h: HealthReading): TrialBaseline {
  return { mis: h.mis === 'ok', printer: printerOk(h.printer) };
}

export interface TrialSeen {
  mis: boolean;
  printer: boolean;
}

export type TrialVerdict = { kind: 'confirm' } | { kind: 'wait' } | { kind: 'rollback'; detail: string };

/**
 * Healthy when each check that passed before the restart has passed at least once since;
 * unhealthy when the trial time ran out first.
 */
export function judgeTrial(i: { baseline: TrialBaseline; seen: TrialSeen; elapsedMs: number; trialMs: number }): TrialVerdict {
  const missing = [i.baseline.mis && !i.seen.mis ? 'the MIS' : null, i.baseline.printer && !i.seen.printer ? 'the printer' : null].filter(
    (x): x is string => x !== null,
  );
  if (missing.length === 0) return { kind: 'confirm' };
  if (i.elapsedMs < i.trialMs) return { kind: 'wait' };
  return { kind: 'rollback', detail: `${missing.join(' and ')} did not come up within ${Math.round(i.trialMs / 1000)} s (both were fine before)` };
}

/**
 * A layer's document changes only with a higher revision: the same or a lower revision with
 * other bytes is an old document served again (or an edit signed without raising it).
 * Returns why not, or null. A layer that was absent, or is another clinic's, has no floor.
 */
export function revisionProblem(current: LayerSet | null, next: LayerSet): string | null {
  if (!current) return null;
  for (const doc of setDocuments(next)) {
    const before = setDocuments(current).find((d) => d.name === doc.name);
    if (!before || before.text === doc.text) continue;
    if (doc.revision <= before.revision) {
      return `${doc.name}: revision ${doc.revision} with other content than revision ${before.revision} the kiosk runs (raise the revision with every change)`;
    }
  }
  return null;
}
