// The kiosk's wall clock in a soak is virtual (virtual-clock.ts), but the kernel stamps files
// with the real time: a log written on virtual day 5 would look months old (or new), and
// retention, which compares a file's mtime with the kiosk's clock, could never judge it. So
// what the kiosk writes is stamped with the virtual clock, as a kernel running on that clock
// would have: the kiosk process stamps its logs just before its clock moves (and with it the
// daily sweeps run), the driver stamps the slips its printer wrote, and the logs of a kiosk
// process that died before it could.
//
// Stateless, so two processes can stamp the same folder: a file whose mtime is near the real
// time has not been stamped yet (the virtual calendar is kept far from the real one, at least
// `MIN_OFFSET_MS` away, so the two can never be confused).
import { readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

export const MIN_OFFSET_MS = 7 * 86_400_000;

/** Stamps every file in `dirs` still bearing a real-time mtime with that mtime + `offsetMs`; returns how many. */
export function stampVirtualMtimes(dirs: readonly string[], offsetMs: number, realNow = Date.now()): number {
  if (Math.abs(offsetMs) < MIN_OFFSET_MS) throw new Error('the virtual clock must stay at least 7 days from the real one');
  let n = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        const st = statSync(file);
        if (!st.isFile() || Math.abs(st.mtimeMs - realNow) >= Math.abs(offsetMs) / 2) continue;
        utimesSync(file, st.atime, new Date(st.mtimeMs + offsetMs));
        n++;
      } catch {
        /* deleted meanwhile */
      }
    }
  }
  return n;
}
