// What a kiosk keeps of its central configuration, in its private data folder (0700,
// owner-checked; the machine-wide config.json is not writable by the kiosk user on purpose):
//
//   fleet-config/last-good.json   the documents (signed, as served) of the configuration the
//                                 kiosk last came up healthy with; the server may be away for
//                                 months and the kiosk still starts on it
//   fleet-config/trial.json       a configuration being tried: written just before the restart
//                                 that applies it, with the health it must match; removed when
//                                 it is confirmed (→ last-good) or given up (→ refused)
//   fleet-config/refused.json     sets the kiosk gave up as unhealthy (never tried again until
//                                 the server offers other documents), and refusals to count in
//                                 the metric after the restart that follows them
//
// The documents are kept signed and checked again at every start: a file edited in the data
// folder is refused like a tampered server, and a key removed from the build stops counting.
// Every file is written whole and renamed into place.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirSync } from '../fs/private-dir';
import type { ConfigRefusal } from './refusals';
import { CONFIG_REFUSAL_REASONS } from './refusals';

export interface StoredDocument {
  name: string;
  /** The signed file as the server sent it. */
  text: string;
}

export interface StoredSet {
  docs: StoredDocument[];
  /** f12.c7.k3 */
  version: string;
  /** setHash(): the exact documents. */
  hash: string;
  /** fleet.url it came from. */
  from: string;
  /** When it was received (ISO). */
  receivedAt: string;
  /** When the kiosk first ran on it (ISO), once confirmed. */
  appliedAt?: string;
}

/** What the trial must see to call the kiosk healthy: what was fine on the configuration before. */
export interface TrialBaseline {
  mis: boolean;
  printer: boolean;
}

export interface Trial {
  set: StoredSet;
  /** When the restart into it was decided (ISO). */
  decidedAt: string;
  /** Starts on it so far (a configuration that crashes the kiosk at start is given up after a few). */
  boots: number;
  baseline: TrialBaseline;
  /** The version it replaces, for the log. */
  previous: string;
}

export interface FleetConfigStore {
  readonly dir: string;
  lastGood(): StoredSet | null;
  trial(): Trial | null;
  /** Written before the restart that applies the set. */
  beginTrial(trial: Trial): void;
  /** The trial's set becomes the last good configuration. */
  confirmTrial(at: Date): StoredSet | null;
  /** The trial is over without success: its set is refused for good, and the refusal counted after the restart. */
  abandonTrial(refusal: ConfigRefusal): void;
  /** Forgets the last good configuration (it no longer checks out). */
  dropLastGood(): void;
  isRefused(hash: string): boolean;
  /** Refusals waiting to be counted by the next start's metrics; taken once. */
  takeReports(): ConfigRefusal[];
}

const REFUSED_KEPT = 20;

interface RefusedFile {
  hashes: string[];
  reports: ConfigRefusal[];
}

export function fileFleetConfigStore(dataDir: string): FleetConfigStore {
  const dir = ensurePrivateDirSync(path.join(dataDir, 'fleet-config'));
  const file = (name: string) => path.join(dir, name);
  const read = <T>(name: string, check: (v: unknown) => v is T): T | null => {
    let text: string;
    try {
      text = readFileSync(file(name), 'utf8');
    } catch {
      return null;
    }
    try {
      const v: unknown = JSON.parse(text);
      return check(v) ? v : null;
    } catch {
      return null;
    }
  };
  const write = (name: string, value: unknown) => {
    const tmp = file(`${name}.writing`);
    writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, file(name));
  };
  const remove = (name: string) => rmSync(file(name), { force: true });
  const refused = (): RefusedFile => read('refused.json', isRefusedFile) ?? { hashes: [], reports: [] };

  return {
    dir,
    lastGood: () => read('last-good.json', isStoredSet),
    trial: () => read('trial.json', isTrial),
    beginTrial: (trial) => write('trial.json', trial),
    confirmTrial(at) {
      const trial = read('trial.json', isTrial);
      if (!trial) return null;
      const set: StoredSet = { ...trial.set, appliedAt: at.toISOString() };
      write('last-good.json', set);
      remove('trial.json');
      return set;
    },
    abandonTrial(refusal) {
      const trial = read('trial.json', isTrial);
      const r = refused();
      if (trial) r.hashes = [...r.hashes.filter((h) => h !== trial.set.hash), trial.set.hash].slice(-REFUSED_KEPT);
      r.reports = [...r.reports, refusal].slice(-REFUSED_KEPT);
      write('refused.json', r);
      remove('trial.json');
    },
    dropLastGood: () => remove('last-good.json'),
    isRefused: (hash) => refused().hashes.includes(hash),
    takeReports() {
      const r = refused();
      if (r.reports.length === 0) return [];
      write('refused.json', { ...r, reports: [] });
      return r.reports;
    },
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';

function isStoredSet(v: unknown): v is StoredSet {
  const s = v as StoredSet | null;
  return (
    s !== null &&
    typeof s === 'object' &&
    Array.isArray(s.docs) &&
    s.docs.every((d) => d !== null && typeof d === 'object' && isString(d.name) && isString(d.text)) &&
    isString(s.version) &&
    isString(s.hash) &&
    isString(s.from) &&
    isString(s.receivedAt)
  );
}

function isTrial(v: unknown): v is Trial {
  const t = v as Trial | null;
  return (
    t !== null &&
    typeof t === 'object' &&
    isStoredSet(t.set) &&
    isString(t.decidedAt) &&
    Number.isSafeInteger(t.boots) &&
    t.baseline !== null &&
    typeof t.baseline === 'object' &&
    typeof t.baseline.mis === 'boolean' &&
    typeof t.baseline.printer === 'boolean' &&
    isString(t.previous)
  );
}

function isRefusedFile(v: unknown): v is RefusedFile {
  const r = v as RefusedFile | null;
  return (
    r !== null &&
    typeof r === 'object' &&
    Array.isArray(r.hashes) &&
    r.hashes.every(isString) &&
    Array.isArray(r.reports) &&
    r.reports.every((x) => x !== null && typeof x === 'object' && (CONFIG_REFUSAL_REASONS as readonly string[]).includes(x.reason) && isString(x.detail))
  );
}

/** Counts one more start on the trial; returns it, or null when there is none. */
export function bumpTrialBoot(store: FleetConfigStore): Trial | null {
  const trial = store.trial();
  if (!trial) return null;
  const next = { ...trial, boots: trial.boots + 1 };
  store.beginTrial(next);
  return next;
}
