// Remembers, across restarts, the nights the updater must leave alone: the night of the last
// restart for an update (the new version starts inside the same window and must not install yet
// another one that night) and the night a release was refused at the install check (a crash or a
// power cut that night must not make the kiosk forget it and try the next release offered).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RESTARTS = 'update-restarts.json';
const REFUSALS = 'update-refusals.json';

export interface RestartLedger {
  lastNight(): string | null;
  record(night: string, version: string): void;
  /** The night a release was last refused before installing, or null. */
  refusedNight(): string | null;
  recordRefusal(night: string, version: string): void;
}

const NIGHT = /^\d{4}-\d{2}-\d{2}$/;

function readNight(file: string): string | null {
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { night?: unknown }).night;
    return typeof v === 'string' && NIGHT.test(v) ? v : null;
  } catch {
    return null;
  }
}

function writeNight(file: string, night: string, version: string): void {
  writeFileSync(file, JSON.stringify({ night, version, at: new Date().toISOString() }) + '\n', { mode: 0o600 });
}

export function fileRestartLedger(dir: string): RestartLedger {
  return {
    lastNight: () => readNight(path.join(dir, RESTARTS)),
    record: (night, version) => writeNight(path.join(dir, RESTARTS), night, version),
    refusedNight: () => readNight(path.join(dir, REFUSALS)),
    recordRefusal: (night, version) => {
      // A full or read-only disk must not stop the refusal itself: memory still holds it tonight.
      try {
        writeNight(path.join(dir, REFUSALS), night, version);
      } catch {
        /* remembered in memory only */
      }
    },
  };
}
