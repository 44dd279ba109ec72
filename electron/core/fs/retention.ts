// Retention: what the kiosk keeps on disk (print journal, demo slips, logs) is deleted once it
// is older than the configured period (`retentionDays`), at start and then once a day.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * Deletes the files in `dir` whose name matches and whose last change is before `cutoff`.
 * Returns the names deleted. A missing folder is nothing to purge.
 */
export async function purgeOlderThan(dir: string, cutoff: Date, match: (name: string) => boolean): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const gone: string[] = [];
  for (const name of names) {
    if (!match(name)) continue;
    const file = path.join(dir, name);
    const st = await fs.lstat(file).catch(() => null);
    if (!st?.isFile() || st.mtimeMs >= cutoff.getTime()) continue;
    await fs.rm(file, { force: true });
    gone.push(name);
  }
  return gone;
}

export interface Sweeper {
  stop(): void;
}

/**
 * Runs `sweep` now and then every `everyMs` (default a day). The timer never keeps the process
 * alive and `stop()` clears it. Failures go to `onError`, never out.
 */
export function startSweeper(sweep: () => Promise<unknown>, opts: { everyMs?: number; onError?: (err: unknown) => void } = {}): Sweeper {
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    void sweep().catch((err: unknown) => opts.onError?.(err));
  };
  run();
  const timer = setInterval(run, opts.everyMs ?? DAY_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

export function cutoffFor(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
