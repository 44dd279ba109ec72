// Remembers the night of the last restart for an update, across the restart itself: the new
// version starts inside the same window and must not install yet another update that night.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'update-restarts.json';

export interface RestartLedger {
  lastNight(): string | null;
  record(night: string, version: string): void;
}

export function fileRestartLedger(dir: string): RestartLedger {
  const file = path.join(dir, FILE);
  return {
    lastNight() {
      try {
        const v = (JSON.parse(readFileSync(file, 'utf8')) as { night?: unknown }).night;
        return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
      } catch {
        return null;
      }
    },
    record(night, version) {
      writeFileSync(file, JSON.stringify({ night, version, at: new Date().toISOString() }) + '\n', { mode: 0o600 });
    },
  };
}
